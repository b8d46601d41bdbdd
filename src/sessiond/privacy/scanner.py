# The strict settings of the core (pyproject.toml lists sessiond.policy.*, not privacy):
# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-untyped-calls
# mypy: disallow-any-generics, warn-return-any, strict-equality, no-implicit-reexport
"""Secret scanning of free text (notes, problem descriptions) before it is stored.

Technicians' terms promise that no password is ever written down, and the law (GDPR art.
5(1)(c), data minimisation) that only the information strictly needed is kept.
`scan(text)` finds what must not be stored and returns `Finding`s (a stable `kind`, the
`start`/`end` span of the secret so a UI can highlight it, and a `label` that names what
was found without ever echoing it); `describe(findings, citation=...)` turns them into the
user message, citing the session's own terms when the caller passes them, else the law.
The module is pure and stdlib-only: the TUI calls it at every keystroke, so it is a
handful of compiled regexes plus cheap checks on the few candidates they return (a
4,000-character note takes about half a millisecond; see bench/bench_secrets.py). Phrases
are matched on a lower-cased copy of the text because case-sensitive patterns run several
times faster. tests/data/secrets/ holds the corpus of look-alike notes it is measured on.

Kinds: ``password``, ``pin``, ``wifi-key``, ``remote-tool-code``, ``recovery-key``,
``private-key``, ``card-number``, ``iban``, ``nir``, ``api-token``, ``product-key``,
``one-time-code``, ``otp-secret``, ``secret-answer``.

Heuristics
==========
Structured numbers are found by shape, then confirmed by their check digits, so that
ordinary numbers (phone, invoice, serial, order, tracking numbers, dates, IP addresses,
versions) pass:

* card-number: 14-19 digits, contiguous or in groups separated by single spaces, dots or
  dashes laid out as cards are printed (4-4-4-4[-3], 4-6-5, 4-6-4), an issuer prefix
  whose length fits (Visa 4: 16/19; Mastercard 2: 16, 5: 16-19; Amex 34/37: 15;
  Diners 30/36/38: 14/16; JCB 35 and 6: 16-19), and a valid Luhn digit. The prefix rule
  keeps IMEIs (15 digits, Luhn valid, often starting with 35), SIRET numbers and EAN-13
  barcodes out. After "CVV", "CVC" or "cryptogramme", 3-4 digits are a card's code; so
  are 3 digits (4 for American Express) right after a card number and its expiry date.
* iban: a country code from the IBAN registry, two check digits, then exactly that
  country's length of letters and digits (spaces allowed), mod 97 == 1. A French RIB
  (bank 5, branch 5, account 11, key 2 = 97 - ((89 bank + 15 branch + 3 account) mod
  97)) is the same account number and the same kind. Groups may be separated by dashes
  or dots too.
* nir: sex digit (1, 2, or 7/8 for temporary numbers), year, a plausible month,
  department (2A/2B for Corsica, counted as 19/18 for the key), commune, order number
  and a key equal to 97 - (number mod 97); spaces or dots allowed.
* recovery-key: a BitLocker recovery password, 8 groups of 6 digits (dashes or spaces;
  one group may be a digit short or long). The shape alone is unmistakable; a mistyped
  digit must not let it through. After "BitLocker" alone, 4+ groups of digits. Run together
  (48 digits), each block of six must be a multiple of 11 below 720,896, as BitLocker
  makes them. After its phrase ("clé de récupération", "clé bitlocker"), digit groups
  that fail those checks (a typo, a part, run together) are the key too, and so are
  backup codes in dashed groups of 4+ digits ("1234-5678"). After "seed
  phrase", "seed", "phrase de récupération", a wallet's name ("Ledger", "MetaMask",
  "portefeuille crypto") or the words counted ("les 24 mots"): 12-24 short words. With no
  phrase: 12, 15, 18, 21 or 24 words of one BIP-39 list (English or French, accents or
  not) filling a line or what follows its last ":", or one a line, numbered or not; a
  listed word more before or after them is left out when the rest carries the checksum.
* private-key: a PEM "-----BEGIN ... PRIVATE KEY-----" block or an OpenPGP "-----BEGIN
  PGP PRIVATE KEY BLOCK-----" one (without its END line, the armour lines that follow, or
  the base64 that follows on the same line, as a key pasted on one line).
  So is a wallet's extended private key ("xprv..." and its kin, base58, 111 characters;
  "xpub..." is public), and after "clé privée"/"private key" 64 hex digits with "0x".
* password in a URL: ``scheme://user:secret@host``, or ``user:secret@host`` without the
  scheme when the host is a server's (an IP, a local name, "ftp.", "nas.", "mail.") or a
  transfer tool is named before it ("ftp jean:X@perso.free.fr"; "mail:jean75@free.fr",
  "Durand:jean75@gmail.com" are an address after a label or a name); HTTP Basic
  credentials (base64 that decodes to "user:password"); Slack and Discord webhook URLs; a
  PuTTY key file's header.
* settings and commands: an identifier whose last part names a secret ("DB_PASSWORD=",
  "smtp.password:", "mot_de_passe :", "db_mdp=", "SECRET_KEY=", "wpa_psk=",
  "DefaultPassword =", "<password>x</password>", '"pwd": "x"', PHP's "define('DB_PASSWORD',
  'x')", .NET's '<add key="Password" value="x" />', an XML element naming a password
  and its text or <Value> (Windows's unattend.xml "<AdministratorPassword><Value>x"), an
  Azure connection
  string's "AccountKey="), the P: field of a Wi-Fi
  QR code's text ("WIFI:T:WPA;S:Box;P:key;;"),
  an option ("--password x", "/pass:x", "-pw x", "-u user:x", "-U user%x", "sshpass -p x",
  "mysql -px", "echo x | sudo -S"), Windows "net user NAME PASSWORD" and "net use ...
  PASSWORD" (switches, shares, drive letters and "*" skipped; prose after the command is
  no password); each tool's own password option, in its own case ("7z -pX", "rar -hpX",
  "unzip -P X" but not "unzip -p", "openssl -pass pass:X", "psexec -p X", "xfreerdp
  /p:X", "sqlcmd -P X", "ldapsearch -w X", "redis-cli -a X", "schtasks /rp X", "lftp -u
  user,X", "docker login -p X" but not "docker run -p", "nmcli ... password X",
  "wpa_passphrase SSID X", "htpasswd -b FILE USER X"), PowerShell's "ConvertTo-
  SecureString 'X' -AsPlainText", "user:X" fed to
  chpasswd, a registry value named for a password ("reg add ... /v DefaultPassword /d X",
  "Set-ItemProperty -Name DefaultPassword -Value X"); a lone option asks for it, "$VAR",
  "%VAR%", "env:VAR", "file:PATH" name it.
* a PIN or password read out in words after its phrase: four to twelve digits' words
  ("code PIN : quatre huit deux un", "le code de la carte bleue est quatre-huit-deux-un";
  a password's phrase needs ":" or a copula); three are a count, "quatre chiffres" a
  length. Looked for only near a digit's word the note holds (one `find` per word).
* an app password in its shape after a password phrase that names it an app's, with no
  ":" ("mot de passe d'application abcd efgh ijkl mnop", "app-specific password abcd-efgh-
  ijkl-mnop", 16 letters run together); four groups that could all be words pass ("mot de
  passe d'application pour tous mes mails").
* wifi-key: the key Windows prints for a Wi-Fi profile ("netsh wlan show profile key=
  clear"): "Contenu de la clé : x", "Key Content : x", to the line's end.
* a Wi-Fi network's name then "/" or " - " and a secret-looking key of 8+ characters
  ("SSID : Livebox-4A2C / 7xQpR2mK9sT4vW", "Wifi Maison / Chaton2024"; a box's own
  network name needs no word before it: "Livebox-4A2C / 7xQpR2mK9sT4vW"); a second
  network's name, a model, a reference, a MAC address or a version is no key.
* pairs with no phrase: a remote tool's ID then "/" and a secret-looking value
  ("TeamViewer 123456789 / 4kd9x2"; "TV" for TeamViewer; after a space only, letters mixed with
  digits: "AnyDesk 123456789 xk9p2m"; after the word "code", its digits too: "AnyDesk
  123456789 code 4821"), a default account ("admin/admin", "root:toor",
  "admin / Soleil2024"; "admin/lecture" names rights; one of the commonest or the vendors'
  default passwords as a plain word too: "root / toor", "pi / raspberry", "admin : admin";
  SQL Server's "sa / Sql2019!", a password mixing letters and digits only),
  a login said then its pair
  ("connexion avec jean / Soleil2024", "logged in with jsmith:X"; a secret-looking value,
  not a host's port).
* api-token: the secret access key that follows an AWS access key ID (40 characters of
  base64 after a space, ",", "/" or a line break: the pair as AWS's CSV file gives it);
  the documented prefixes (GitHub ghp_/gho_/ghu_/ghs_/ghr_/github_pat_, GitLab
  glpat-..., AWS AKIA/ASIA, Google AIza/GOCSPX-/ya29., Slack xoxb-/xoxp-...,
  OpenAI/Anthropic sk-, sk-ant-, Stripe sk_live_... and whsec_..., Hugging Face hf_,
  npm_, PyPI, SendGrid, Telegram bots, JSON Web Tokens), looked for only where the prefix
  is; the rest must mix letters and digits where the format allows words. After "Bearer",
  "token", "jeton", "clé API", "client secret": a token of 12+ characters mixing letters
  and digits, not a placeholder ("<token>", "$TOKEN").
* otp-secret: the base32 seed of a two-factor app (16+ letters and digits 2-7, with a
  digit, run together or in groups of four) after "2FA", "TOTP", "clé 2FA", "clé de
  configuration", "setup key", "Authenticator", "seed" alone (no wallet's words follow);
  in groups of four after "clé secrète" or "secret" too. A token's URL query ends the token
  ("otpauth://...?secret=X&issuer=Y").
* product-key: five groups of five letters and digits joined by dashes (Windows, Office),
  with letters and digits both, no masked group ("XXXXX-...-3V66T" as slmgr shows it).
  After "clé de produit", "product key", "clé de licence"...: groups separated by spaces
  too, or a single 12+ character token mixing letters and digits. A product key is a
  secret: whoever reads a retail key can activate the licence the client paid for on
  another machine, and the terms have the client supply it for the installation only.
* password pair: an e-mail address, "/", then a password ("jean@free.fr / Soleil2024"),
  or a space then a token mixing letters and digits, the pair ending its line
  ("jean@gmail.com Lbc2024!", "Soleil-2024", letters around a symbol "P@ssword", one of the
  commonest passwords "Azerty!"; the address one of the fields a line lists: "Jean Dupont -
  jean@gmail.com - Azerty!"; "merci",
  a phone number, "IMAP/SMTP", "PC-01", "Ticket-4521" pass; so after " - ", "|", ";",
  ",", an arrow, with a label before the address, "compte Google", "Gmail", "Apple ID", a
  bracketed remark or another pair after the password); the same token alone on the line
  below an address that ends its line ("Gmail : jean@gmail.com\nSoleil2024", credentials
  copied one a line). A phrase's word spelt with
  digits or symbols ("P@ssw0rd", "Password1") where a value goes is a value, not a phrase,
  unless a link follows it ("p@ssword: x");
  an online service named (Facebook, impots.gouv, a bank, "messagerie"), ":", then a
  login-shaped user ("jean.martin", not "Synology", nor a host) and a password, or an
  account's number (6-20 digits) and a password mixing letters and digits.

Phrases ("mot de passe", "mdp", "password", "pwd", "code PIN", "code d'accès",
"identifiants", "clé wifi", "code AnyDesk", "clé de récupération", "CVV"...; the
password's word in the clients' other languages too: "Passwort", "contraseña", "senha",
"wachtwoord", "hasło", "пароль", "密码", "كلمة المرور") are hits only when a value that
looks like a secret follows them closely. Mentioning a password is the daily work of a
technician; writing one down is the breach. The phrase is matched
on whole words, so "Passage", "pass-through" and "lapin" are no phrases; its common
misspellings and abbreviations are phrases too ("mot de pase", "mot de passé", "mot2passe",
"mdpp", "m d p", "pasword", "passeword", "pswd", "p/w", "p@ssword", "m0t de pa$$e",
"pass-word", "passw", "p@ss", "mdp/pwd", "clé wiffi", "m0t d3 p4ss3", "mpd",
"code-pin", "dévérouillage", "code accès"; its initials "MP", "M.P." only as a label that
starts its line or field, before ":" or "=", and a secret-looking value: "MP : Mme Petit",
"Ricoh MP : C3003" pass); any other label one edit away from the
letters of "mot de passe", "password", "code PIN", "passcode", "clé wifi", "code de
déverrouillage" or "code d'accès" (a letter left out, added, replaced, two swapped, a
space moved, another accent: "mot de psse", "passwodr", "code piin", "cléwifi") is the
phrase before ":" or "=" and a secret-looking value; and a digit may number them ("mdp1 : x, mdp2 :
y"); spelt out letter by letter it is still the phrase ("m o t  d e  p a s s e",
"p.a.s.s.w.o.r.d", "m_o_t", "P.I.N."). After it:

1. Strong link: up to four qualifier words, articles not counted ("Windows", "du compte
   admin", "de la session de Mme Durand", "Windows + Outlook") then ``:``, ``=``,
   ``->``, ``=>`` (or between spaces "-", ">", "---", a dotted leader), the value
   possibly on the next line (after one blank line at most). An abbreviation's dot
   ("Mdp. : x") or a line break ("Mot de passe\n: x") may come before ":" or "=".
   The value is a hit if it is quoted, a group of digits, typed letter by letter ("mdp :
   S o l e i l 2 0 2 4", letters and digits both, or where a plain word counts a plain
   word: "mot de passe : S o l e i l"), a token that looks like a
   secret (see 3), or a single plain word that ends the clause ("mdp : chaton" but not
   "mdp : voir avec le client"), unless that word is a status or filler ("ok",
   "oublié", "inchangé", "client", "Bitwarden", "unknown", "n/a") or reads like a past
   participle ("réinitialisé", "changed"); words joined by "_" or "." count as one
   ("le_chat_noir", "marie.dupont"; not a host or a file: "gmail.com", "mdp.txt"). Masked
   values ("****", "xxxx") and bracketed remarks ("(non noté)") pass. The link breaks at
   a sentence end ("Mot de passe OK. Imprimante : Canon"), a conjunction ("Mot de passe
   changé et antivirus : Avast"), another phrase ("mdp et code PIN : 1234" belongs to the
   PIN) or a hint or policy word ("indice", "politique", "longueur"). A participle among
   the qualifiers ("Mot de passe changé : ...", or a status typed without accents, "mdp
   oublie -> ...") keeps the link but no longer accepts a plain word, unless it hands the value over
   ("mot de passe donné par le client : chaton", "choisi", "communiqué").
   Weak marks (";" or "!" typed for ":", ": :", ":>", "—>", "~", " / ", a dash or a comma
   glued to the phrase) link a secret-looking value only, after "," one mixing letters
   and digits that ends the clause ("mdp ; Soleil2024", "mdp, PIN et sauvegarde" passes).
2. Weak link: the phrase, known qualifiers only (tool names, "Windows", "wifi",
   "session", "admin", "du compte"...), an optional verb ("est", "is", "était",
   "changé en", "set to", with an auxiliary too: "a été changé en", "was set to",
   "has been changed to"; "c'est" also typed "cest" or "c"), then the value. Here a
   plain word never counts ("mot de passe Windows à la demande du client", "password
   reset done", "PIN Windows Hello configuré"); only a quoted value, a group of digits or
   a secret-looking token does (quoted words, only when one looks secret or, for a
   password, when they end the clause and read as a passphrase: 'mot de passe "petit
   chat"', not 'mot de passe « Windows Hello » configuré'), and a PIN needs digits. The
   common words "pass" and "pw" take only a token mixing letters and digits ("pass
   4kd9x2", not "pass 1 jour"), and starting their line, after ":" too a secret-looking
   one ("pass : Navigo" passes). Other words before a copula ("le mdp du compte ameli
   est Chaton12") link a secret-looking value only. Up to three names the qualifiers do
   not list, with no verb ("mdp Steam Kx9pL2mq", "mdp caf Soleil2024", "mot de passe
   France Connect Jd2024!"), link a value mixing letters and digits that ends the clause,
   not a model's code, a serial number or a reference ("mdp Synology DS220j", "mot de
   passe BIOS HP 5CG1234XYZ"); a status or a remark ends the names. After a change
   verb, a word that completes an idiom ("mis à jour", "changé en urgence", a month) or
   a year after "en" ("modifié en 2023") is no value.
   Secret-looking tokens one space after the first belong to it ("P@ss w0rd").
3. A token looks like a secret when it is 4+ characters and mixes letters and digits
   ("Soleil2024", "4kd9x2"), is 4-16 digits (a PIN), mixes letters or digits with a
   symbol ("P@ss!", "admin/admin"), or is one of the commonest passwords of the published
   lists ("azerty", "soleil", "toor") - and is not an ordinary technical token: versions,
   dates, times, IPs, KB numbers, 0x error codes, sizes and units, ordinals, "22H2",
   "Win11", "Office365", "i7-8550U", "2FA", e-mail addresses, AnyDesk aliases
   ("123456789@ad"), URLs, paths, phone numbers.
4. Remote tools: a TeamViewer/AnyDesk/RustDesk... password is a secret; its ID is not (it
   is personal data, sealed elsewhere). After "code <tool>" or "<tool> code", a value of
   9-10 digits is taken for the ID and passes; after an explicit password phrase
   ("mot de passe TeamViewer") it is a hit.
5. "identifiants" / "credentials" need a pair ("jdupont / Soleil2024", "admin:admin",
   a passphrase "jdupont / le chat noir", or a secret-looking password after a space, ";"
   or a line break: "jdupont Soleil2024"): a user name alone is not a password, nor is a
   remark or a phrase after it ("jdupont / mot de passe oublié", "jdupont / en attente").
   "login/mdp" takes a pair or a single value, not the user before a status ("jdupont /
   oublié", "jdupont / changé par le client").
6. A password hint ("indice du mot de passe : chat") is not the password.
7. After ":" a passphrase of 2-6 words that ends the clause is a hit ("mot de passe : le
   chat noir") unless it reads as a remark: a preposition or a status first ("au dos de
   la box", "inconnu du client"), or anywhere a pronoun, a verb, a person, a place, a
   technical or status word ("changé par le client", "see ticket", "accès rétabli").
   After a copula ("le mot de passe est chaton", "is", "c'est"), a single plain word is a
   hit unless it is an adjective or a status ("long", "faux", "expiré"). After ":" a full
   date before 2010 ending the clause is a date of birth typed as the password ("mdp :
   19/05/1956"); a recent one says when ("expiration du mot de passe : 12/03/2026"). A bracketed
   value ("mot de passe (Soleil2024)") is a hit when it looks like a secret, and so is
   one whose bracket or quote its line never closes ("mdp {Soleil2024", "mdp (4821",
   'mdp "Soleil2024'; after ":" a plain word or a passphrase too: "mdp : « chaton") or
   that closes a bracket never opened ("mdp Soleil2024>").
8. Pairs: after "login", "identifiant", "ID", "compte", "box", "user", "account", "session",
   "espace client"...
   a "user / secret" pair with "/" between ("compte jean.dupont / Azerty12", "box
   admin/Livebox2023")
   when the secret looks like one, repeats the user ("admin/admin"), or is a plain word
   after an explicit "login", an identifier-shaped user (dots, digits, "@") or a default
   account (root, admin). Two account names ("compte pro / perso", "Netflix / Disney+"),
   two of a numbered series ("PC-01 / PC-02") and statuses pass. After "login",
   "identifiant", "username" the pair may be spaced as after "identifiants" ("login
   jdupont Soleil2024").
9. PINs by device or purpose ("PIN/PUK : 1234 / 12345678": a SIM's two codes, the PUK of
   eight digits): "PIN du téléphone 4821", "PIN for the laptop 2580", "carte
   SIM 0000"; a bare "code" needs what it unlocks ("code de l'alarme 1937", "code du
   portail", "code d'entrée", "code parental", "code admin"), a copula ("son code c'est
   4455") or an address before it on its line ("12 rue des Lilas, bât. B, code 1937", not
   five digits: a postal code), or after ":" and the digits what they unlock ("code : 1379
   pour déverrouiller l'iPad", "code : 2580 (téléphone)", "code : 1234 pour le pc
   portable"; without ":" a preposition says it: "code 4821 du coffre"; a phone by its
   brand: "code du Samsung : 0852"; a copula and its article: "le code du portail est le
   1937"), and then
   digits (or a digicode "A1937"): "code postal 54230", "code erreur 43", "code client
   1234" pass. After ":" or a verb, a PIN spelt
   digit by digit ("1-2-3-4", "1.2.3.4") counts; with dashes, also without ("code PIN
   1-2-3-4": a date has no single-digit groups, and dots could be a version).
   A phone's unlock pattern ("schéma de déverrouillage : 1-4-7-8-9", "schéma android
   14789", "unlock pattern 1 -> 4 -> 7 -> 8"): 4 to 9 dots numbered 1-9, none twice, the
   only value "schéma" takes (a diagram otherwise); or the letter its dots draw, after
   the unlock phrase ("schéma de déverrouillage : L") or "en" ("schéma en Z"), found
   with its phrase (a letter alone is in every message's words).
10. One-time codes: "code de vérification", "code reçu par SMS", "OTP", "2FA code",
    "code dicté par le client", "code à 6 chiffres", "code Google", "code iCloud", "code de
    confirmation Ameli"... then 4-8 digits (or Google's "G-482913"); "le client m'a lu le
    code 483920", "code : 483920 (reçu par SMS)". A one-time *password* ("mot de passe à
    usage unique", "one-time password") is a password: a remote tool's is letters and
    digits ("4kd9x2").
11. Secret questions: "question secrète : nom du chien -> Rex" (the answer after an
    arrow, "=", "?", a second ":" or "réponse :", or a single word right after ":"), and
    "réponse secrète : Médor". The question alone ("question secrète : nom du chien")
    passes.
12. Unattended access: "accès non surveillé", "unattended access" name a remote tool's
    permanent password, also as qualifiers ("AnyDesk 123 456 789 mdp accès non surveillé
    Xy7!pq": the tool is found before its ID, and a plain word counts).

13. The value said before its phrase: "a choisi Soleil2024 comme mot de passe", "1234
    comme code PIN", "Welcome1 as the new password", "Soleil2024 est le mot de passe",
    "Summer2024! is the password", "Soleil2024 = mdp" (a secret-looking value only, not
    a tool's 9-10 digit ID).
    Who the password is for, said right before its phrase ("login admin mdp chaton",
    "jean@free.fr pwd chaton", "AnyDesk 123 456 789 pw 1234"), makes what follows the
    password: a plain word too after a login or an address, digits after "pw".
14. A lock named alone ("alarme", "coffre-fort", "portail", "déverrouillage"...) takes
    digits after ":".
    A bare "clé"/"key" is a Wi-Fi key when its line names a Wi-Fi network (SSID, wifi,
    Livebox..., before the key or after it: "clé : x (wifi)"; or the line above, a router's
    screen one setting a line: "SSID : Livebox-A1B2\nClé : x") and the value looks like a
    secret of 8+ characters (WPA's minimum); a software licence's key when dashed groups
    of 4-6 letters and digits, all but one mixed, follow its ":" ("clé antivirus : AB1C2-
    DE3F4-GH5I6-JK7L8"; not a MAC address, a GUID, "USB3-32GB-BLUE-2025"); so is
    what follows "WPA2 :" when it mixes letters and digits (not "AES-256", "Livebox-4A2C").
    "code de la box" (Livebox, routeur, modem) is the key printed on the router's label.
    "clé privée", "clé de chiffrement", "secret": a long token that mixes letters and
    digits. A BitLocker "ID de clé de récupération" is the key's name, not the key.
15. A phrase alone on its line, as a form's label ("Mot de passe\nSoleil2024"), links a
    value alone on the next line, when it looks like a secret (no plain word). A label
    then a tab or a run of spaces, as a table copied into the note ("Mot de passe\tchaton"),
    links the value that ends the line, a plain word too; so does a Markdown table's
    "| Mot de passe | Soleil2024 |", a secret-looking value only (headers are words), a
    known qualifier in the label's cell too ("| Mot de passe Windows | Soleil2024 |").
    A CSV or spreadsheet header ("login;mdp", "nom,mot de passe,poste", tabs, quoted
    fields, spaces around the separators, "pass" too: then letters mixed with digits only)
    links the rows under it, the password's column only, a plain word too, a
    passphrase that fills its cell ("jean;le chat noir"; a remark passes: "voir avec le
    client").
17. The password named, then its value given elliptically on the same line: "mot de passe
    oublié, nouveau : Soleil2025", "le nouveau est ...", "mot de passe, c'est Soleil2024"
    (a secret-looking value only: "nouveau PC : HP 15s", "c'est fait" pass).
18. A password split over two lines: a found value that ends its line, then one
    secret-looking token alone on the next ("mdp : Soleil\n2024"); a word hyphenated at
    the line's end is read whole ("mdp : Sol-\neil2024").
16. Values listed after a found one, each in the same shape (the same length, digits and
    letters in the same places) are found too: "codes de secours : 4829 1037, 5930 2148".

Look-alike characters are folded before any of this: HTML character references
("&nbsp;", "&#58;", a note pasted from a web page) to their character, no-break and other
spaces to " ", fullwidth, mathematical and circled letters to ASCII, Cyrillic and Greek letters
drawn like Latin ones and small capitals to those, digits of other scripts ("٤٨٢١") to
ASCII ones, arrows ("⟶", "👉") to "→" and other emoji to a space, colons of other
scripts and forms ("꞉", "﹕") to ":", non-breaking hyphens to "-"; zero-width
characters, soft hyphens, bidi controls and, by their Unicode category, every other format
character (Cf: the tag characters U+E0000-U+E007F...) and every mark that joins no French
letter (variation selectors, a keycap) are dropped; a character of any other block whose
compatibility form is one ASCII character reads as it ("ⅿ", "ᵐ", "ſ"), and so does a Latin
letter with an accent French does not write ("ṁ", "ó", "ō": its base letter); a combining
accent joins its
letter when that makes a French letter ("e" + U+0301 is "é"), else it is dropped
("pa\u0301sse" reads "passe"). Spans are mapped back onto the text as typed.

Labels are fixed translated phrases (plus a tool's canonical name); as a last guard, a
label that would contain the secret text is replaced by a generic one.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sessiond.i18n import _
from sessiond.records import NamedTuple
from sessiond.spelling import one_edit

__all__ = [
    "KINDS",
    "Finding",
    "describe",
    "iban_valid",
    "luhn_valid",
    "nir_valid",
    "rib_valid",
    "scan",
    "scan_address",
]

KINDS = frozenset({
    "password", "pin", "wifi-key", "remote-tool-code", "recovery-key", "private-key",
    "card-number", "iban", "nir", "api-token", "product-key", "one-time-code",
    "otp-secret", "secret-answer",
})


@dataclass(frozen=True, slots=True)
class Finding:
    """A secret found in a text: `text[start:end]` is the secret itself."""

    kind: str
    start: int
    end: int
    label: str


# --- check digits ----------------------------------------------------------------------

def luhn_valid(number: str) -> bool:
    """Luhn check of a string of ASCII digits (separators must be removed first)."""
    if not number or not number.isascii() or not number.isdigit():
        return False
    # Every second digit from the right is doubled (and 9 taken off past 9).
    total = sum(map(int, number[-1::-2])) + sum(_LUHN_DOUBLED[int(d)] for d in number[-2::-2])
    return total % 10 == 0


_LUHN_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


# Lengths from the IBAN registry, per country code.
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31,
    "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}


def iban_valid(iban: str) -> bool:
    """Registry length and mod-97 check of an IBAN; whitespace and case are ignored."""
    compact = "".join(iban.split()).upper()
    if not compact.isascii() or not compact.isalnum():
        return False
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if not compact[2:4].isdigit() or not "02" <= compact[2:4] <= "98":
        return False
    rearranged = compact[4:] + compact[:4]
    # Letters count as 10..35 (A..Z): int(c, 36) does exactly that for 0-9A-Z.
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# RIB account numbers may hold letters, which count as digits 1-9 (A-I, J-R, S-Z from 2).
_RIB_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")


def rib_valid(rib: str) -> bool:
    """Key check of a French RIB: bank (5), branch (5), account (11), key (2).

    key = 97 - ((89 * bank + 15 * branch + 3 * account) mod 97); whitespace is ignored.
    """
    compact = "".join(rib.split()).upper()
    if len(compact) != 23 or not compact.isascii() or not compact.isalnum():
        return False
    bank, branch, account, key = compact[:5], compact[5:10], compact[10:21], compact[21:]
    account = account.translate(_RIB_LETTERS)
    if not (bank + branch + account + key).isdigit():
        return False
    total = 89 * int(bank) + 15 * int(branch) + 3 * int(account)
    return int(key) == 97 - total % 97


def nir_valid(nir: str) -> bool:
    """Key check of a French social security number (15 characters; spaces, dots ignored).

    The key is 97 - (first 13 digits mod 97); for Corsica the department 2A counts as 19
    and 2B as 18 (the same as subtracting 1,000,000 or 2,000,000 with A/B read as 0).
    """
    compact = "".join(nir.split()).replace(".", "").upper()
    if len(compact) != 15 or not compact.isascii():
        return False
    department = compact[5:7]
    body = compact[:5] + {"2A": "19", "2B": "18"}.get(department, department) + compact[7:13]
    key = compact[13:]
    if not body.isdigit() or not key.isdigit() or compact[0] not in "1278":
        return False
    month = int(compact[3:5])
    # 01-12, or the codes used when the month of birth is unknown (20-42, 50-99).
    if not (1 <= month <= 12 or 20 <= month <= 42 or month >= 50):
        return False
    return int(key) == 97 - int(body) % 97


# --- structured numbers ----------------------------------------------------------------

# One pass over the runs of digit groups (separated by one space, dot or dash) finds every
# numeric candidate: two digits right after two letters may be an IBAN's check digits; a
# run of six digits or more may be (or start, "2 90 12 2A...") a NIR, a RIB, a card or a
# BitLocker key. Shorter runs (dates, amounts, counts) are skipped by the regex itself:
# the Python work per candidate is what costs, not the regex.
_DIGIT_RUN = re.compile(
    r"[0-9](?:(?<=[A-Za-z]{2}[0-9])[0-9]|(?:[ \u00a0.-]?[0-9]){5,})(?:[ \u00a0.-]?[0-9])*")
_NIR = re.compile(
    r"(?<![0-9][ .])[1278](?:[ .\u00a0]?[0-9]){4}[ .\u00a0]?"
    r"(?:2[ABab]|[0-9][ .\u00a0]?[0-9])(?:[ .\u00a0]?[0-9]){8}(?!\w)"
)
_RIB = re.compile(r"[0-9]{5}[ .-]?[0-9]{5}[ .-]?[0-9A-Za-z]{11}[ .-]?[0-9]{2}(?!\w)")
# PEM ("-----BEGIN OPENSSH PRIVATE KEY-----") and OpenPGP armour ("-----BEGIN PGP PRIVATE
# KEY BLOCK-----"). Without its END line (pasted in part) the block runs over the armour
# headers and base64 lines that follow the header.
_PRIVATE_KEY = re.compile(
    r"-{3,} ?BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{3,}"
    # The body stops at the next BEGIN: a note of many BEGIN lines with no END would
    # otherwise be read once per BEGIN to its end (quadratic, seconds for a pasted log).
    r"(?:(?:(?!-{3,} ?BEGIN )[\s\S])*?-{3,} ?END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{3,}"
    # Pasted on one line (a chat, a web form), the lines of base64 come between spaces.
    r"|(?:(?:[ \t]*\r?\n(?:[ \t]*\r?\n)?|[ \t]+)"
    r"(?:[A-Za-z0-9+/]{16,}={0,2}|=[A-Za-z0-9+/]{4}|(?:Version|Comment|Hash|Charset): [^\n]*))*)"
)
# API tokens by their documented prefixes (case-sensitive, on the text itself): GitHub
# (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), GitLab (glpat-...), AWS access key IDs
# (AKIA, ASIA), Google API keys (AIza), Slack (xoxb-, xoxp-...), OpenAI and Anthropic
# (sk-, sk-proj-, sk-ant-), Stripe (sk_live_, rk_test_..., webhook signing secrets
# whsec_), Google (client secrets GOCSPX-, OAuth access tokens ya29.), Hugging Face (hf_),
# npm (npm_), PyPI (pypi-AgEI), SendGrid (SG.), Docker Hub (dckr_pat_), Shopify (shpat_,
# shpss_...), DigitalOcean (dop_v1_...), Telegram bots and JSON Web Tokens (eyJ...),
# Twilio (AC/SK + 32 hex), Mailgun (key-), Mailchimp (32 hex then -us<n>, found from
# "-us"), Square (sq0atp-, EAAA) and Facebook (EAA...), Atlassian (ATATT3, ATBB), Linear
# (lin_api_), Grafana (glc_, glsa_), Groq (gsk_), Replicate (r8_), Brevo (xkeysib-), Postman
# (PMAK-), New Relic (NRAK-), Supabase (sbp_), Databricks (dapi), HashiCorp Vault (hvs.),
# Tailscale (tskey-), age (AGE-SECRET-KEY-1), Sentry (sntrys_, sntryu_), Figma (figd_),
# Pulumi (pul-), RubyGems (rubygems_), Notion (secret_, ntn_), Alibaba Cloud (LTAI), PayPal
# Braintree (access_token$production$).
# Each is looked for only when its prefix is in the text (`in` is far cheaper than a
# regex pass); the part after the prefix must mix letters and digits where the format
# allows words ("sk-learn-compatible").
_API_TOKEN_PREFIXES = (
    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "glptt-", "gldt-", "glrt-",
    "glft-", "glsoat-", "glcbt-", "glimt-", "AKIA", "ASIA", "AIza", "xox", "xapp-", "sk-",
    "sk_", "rk_", "pk_", "whsec_", "hf_", "npm_", "pypi-", "SG.", "eyJ", ":AA", "GOCSPX-",
    "ya29.", "dckr_pat_", "shpat_", "shpss_", "shpca_", "shppa_", "dop_v1_", "doo_v1_",
    "dor_v1_", "AC", "SK", "key-", "sq0atp-", "sq0csp-", "sq0idp-", "EAA", "ATATT3", "ATBB",
    "lin_api_", "glc_", "glsa_",
    "gsk_", "r8_", "xkeysib-", "PMAK-", "NRAK-", "sbp_", "dapi", "hvs.", "tskey-",
    "AGE-SECRET-KEY-1", "sntrys_", "sntryu_", "figd_", "pul-", "rubygems_", "secret_", "ntn_",
    "LTAI", "access_token$production$",
)
_API_TOKEN = re.compile(
    r"""(?x)(?<![\w-])(?:
      (?P<mixed>
          gh[pousr]_[A-Za-z0-9]{20,251}
        | github_pat_[A-Za-z0-9_]{20,251}
        | gl(?:pat|ptt|dt|rt|ft|soat|cbt|imt)-[A-Za-z0-9_-]{16,64}
        | xox[abposre]-[A-Za-z0-9-]{10,250}
        | xapp-[A-Za-z0-9-]{10,250}
        | sk-(?:ant-)?[A-Za-z0-9_-]{20,250}
        | [rsp]k_(?:live|test)_[A-Za-z0-9]{16,250}
        | whsec_[A-Za-z0-9+/=]{24,128}
        | GOCSPX-[A-Za-z0-9_-]{20,64}
        | ya29\.[A-Za-z0-9_-]{20,2048}
        | hf_[A-Za-z0-9]{30,64}
        | npm_[A-Za-z0-9]{36}
        | dckr_pat_[A-Za-z0-9_-]{20,64}
        | shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}
        | do[opr]_v1_[a-f0-9]{64}
        | [0-9]{8,10}:AA[A-Za-z0-9_-]{33}
        | eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}
        | (?:AC|SK)[0-9a-f]{32}
        | key-[0-9a-z]{32}
        | sq0(?:atp|csp|idp)-[A-Za-z0-9_-]{22,43}
        | EAA[A-Za-z0-9]{60,400}
        | ATATT3[A-Za-z0-9_=-]{40,300}
        | ATBB[A-Za-z0-9]{32}
        | lin_api_[A-Za-z0-9]{40}
        | glc_[A-Za-z0-9+/]{32,400}={0,2}
        | glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8}
        | gsk_[A-Za-z0-9]{48,56}
        | r8_[A-Za-z0-9]{37}
        | xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}
        | PMAK-[a-f0-9]{24}-[a-f0-9]{34}
        | NRAK-[A-Z0-9]{27}
        | sbp_[a-f0-9]{40}
        | dapi[a-f0-9]{32}(?:-[0-9])?
        | hvs\.[A-Za-z0-9_-]{24,200}
        | tskey-[a-z]{3,8}-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}
        | AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}
        | sntry[su]_[A-Za-z0-9+/=_]{40,400}
        | figd_[A-Za-z0-9_-]{40}
        | pul-[a-f0-9]{40}
        | rubygems_[a-f0-9]{48}
        | secret_[A-Za-z0-9]{43}
        | ntn_[A-Za-z0-9]{46}
        | LTAI[A-Za-z0-9]{12,20}
        | access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})
    | (?:AKIA|ASIA)[A-Z0-9]{12,20}
    | AIza[A-Za-z0-9_-]{30,40}
    | pypi-AgEI[A-Za-z0-9_-]{50,}
    | SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}
    )(?![\w-])"""
)
# Windows and Office product keys: five groups of five letters and digits, dashes between
# (spaces only after "clé de produit", see _product_value). slmgr shows the partial key
# "XXXXX-XXXXX-XXXXX-XXXXX-3V66T": that is no secret.
_PRODUCT_KEY = re.compile(r"(?<![\w-])[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}(?![\w-])")
# Found from its dashes: a pattern that starts with a literal is searched for quickly.
_PRODUCT_KEY_DASHES = re.compile(r"-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-")
# PuTTY's key file: its first line says what follows (the private lines, often unencrypted).
_PUTTY_KEY = re.compile(r"PuTTY-User-Key-File-[0-9]+: ?[^\n]{0,40}")
# A wallet's extended private key (BIP-32): "xprv" (or yprv, zprv; tprv, uprv, vprv on
# the test network) then base58, 111 characters in all; whoever holds it holds every key
# of the wallet. The public one ("xpub...") is no secret.
_EXTENDED_KEY = re.compile(
    r"(?<![0-9A-Za-z])[xyztuv]prv[1-9A-HJ-NP-Za-km-z]{100,112}(?![0-9A-Za-z])")
# "Authorization: Basic <base64 of user:password>": confirmed by decoding it.
_BASIC_AUTH = re.compile(r"(?<![\w-])[Bb]asic[ \t]+(?P<v>[A-Za-z0-9+/]{8,}={0,2})(?![\w+/=])")
# Webhook URLs: whoever holds one may post as the client's workspace or server.
_WEBHOOK = re.compile(
    r"hooks\.slack\.com/(?:services|workflows|triggers)/(?P<s>[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]{16,})"
    r"|discord(?:app)?\.com/api/webhooks/[0-9]{15,20}/(?P<d>[A-Za-z0-9_-]{40,})")
_URL_PASSWORD = re.compile(
    # the user may be empty: "redis://:secret@host" (Redis has a password, no user)
    r"(?i)\b[a-z][a-z0-9+.-]{1,15}://[^\s/:@]{0,64}:(?P<secret>[^\s/@]{1,64})@"
)

_RUN_SEPARATOR = re.compile(r"[ \u00a0.-]")
_Span = tuple[str, int, int]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _mixed(token: str) -> bool:
    """Letters and digits both (ASCII digits)."""
    return any("0" <= c <= "9" for c in token) and any(c.isalpha() for c in token)


def _product_key(key: str) -> bool:
    groups = key.replace(" ", "-").split("-")
    # A partial key shown masked ("XXXXX-...-3V66T") or a placeholder is not the key.
    return _mixed(key) and not any(set(g.upper()) <= {"X", "*", "0"} for g in groups)


def _is_card(number: str) -> bool:
    """Issuer prefix and length that fit together, and a valid Luhn digit."""
    length = len(number)
    first, two = number[0], number[:2]
    if first == "4":
        fits = length in (16, 19)  # 13-digit Visa cards are gone; EAN-13 codes are not
    elif two in ("34", "37"):
        fits = length == 15
    elif two in ("30", "36", "38"):
        fits = length in (14, 16)
    elif first == "2":
        fits = length == 16
    elif first in "56" or two == "35":
        fits = 16 <= length <= 19
    else:
        fits = False
    return fits and luhn_valid(number)


def _card_end(groups: Sequence[str], i: int, high: int) -> int | None:
    """Index of the last group of a card number starting at group `i` (< high)."""
    first = groups[i]
    if 13 <= len(first) <= 19:
        return i if _is_card(first) else None
    if len(first) != 4:
        return None
    if (i + 2 < high and len(groups[i + 1]) == 6 and len(groups[i + 2]) in (4, 5)
            and _is_card(first + groups[i + 1] + groups[i + 2])):
        return i + 2  # Amex 4-6-5, Diners 4-6-4
    number, j = first, i
    # 4-4-4-4 and the like: groups of four, the last one possibly shorter.
    while j + 1 < high and len(groups[j]) == 4 and len(groups[j + 1]) <= 4:
        j += 1
        number += groups[j]
        if len(number) > 19:
            return None
        if len(number) >= 13 and _is_card(number):
            return j
    return None


def _bitlocker_blocks(digits: str) -> bool:
    """48 digits that are a BitLocker recovery password: each block of six is a multiple
    of 11 below 720,896 (it encodes 16 bits of the key times 11). Written in groups, the
    shape alone is enough; run together, 48 digits could be anything, so the blocks are
    checked.
    """
    blocks = [int(digits[i:i + 6]) for i in range(0, 48, 6)]
    return all(block % 11 == 0 and block < 720896 for block in blocks)


def _bitlocker_groups(groups: Sequence[str]) -> bool:
    """Eight groups of six digits, one of them possibly a digit short or long (a typo
    must not let the key through; nothing else has that shape)."""
    if not all(5 <= len(g) <= 7 for g in groups):
        return False
    return sum(len(g) != 6 for g in groups) <= 1


def _scan_run(text: str, start: int, end: int, cards: list[_Span],
              recovery: list[_Span]) -> None:
    groups = _RUN_SEPARATOR.split(text[start:end])
    offsets = []
    position = start
    for group in groups:
        offsets.append(position)
        position += len(group) + 1
    # A group glued to letters belongs to another token (KB5034441, 22H2, a serial).
    low, high = 0, len(groups)
    if start and _is_word_char(text[start - 1]):
        low = 1
    if end < len(text) and _is_word_char(text[end]):
        high -= 1
    i = low
    while i < high:
        if len(groups[i]) == 48 and _bitlocker_blocks(groups[i]):
            recovery.append(("recovery-key", offsets[i], offsets[i] + 48))
            i += 1
            continue
        if i + 8 <= high and 5 <= len(groups[i]) <= 7 and _bitlocker_groups(groups[i:i + 8]):
            recovery.append(("recovery-key", offsets[i], offsets[i + 7] + len(groups[i + 7])))
            i += 8
            continue
        last = _card_end(groups, i, high)
        if last is None:
            i += 1
            continue
        cards.append(("card-number", offsets[i], offsets[last] + len(groups[last])))
        i = last + 1


_IBAN_BODIES: dict[int, re.Pattern[str]] = {}
_IBAN_SEPARATORS = re.compile(r"[.-]")


def _iban_at(text: str, start: int) -> int | None:
    """End of a valid IBAN starting at `start` (its country code), if there is one."""
    length = _IBAN_LENGTHS.get(text[start:start + 2].upper())
    if length is None:
        return None
    # Exactly the country's number of characters, not glued to what follows; groups are
    # separated by spaces, or by dashes or dots ("FR76-3000-6000-...") as some write them.
    body = _IBAN_BODIES.get(length)
    if body is None:
        body = _IBAN_BODIES[length] = re.compile(
            rf"[0-9]{{2}}(?:[ \u00a0.-]?[A-Za-z0-9]){{{length - 4}}}(?!\w)")
    m = body.match(text, start + 2)
    if m is None or not iban_valid(_IBAN_SEPARATORS.sub("", text[start:m.end()])):
        return None
    return m.end()


_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
# Prefixes without "_" or "-", looked for one by one (a multi-character `in` costs more
# than a one-character one: "_" and "-" first narrow the search down).
_SEPARATED_PREFIXES = tuple(p for p in _API_TOKEN_PREFIXES if "_" in p or "-" in p)
_OTHER_PREFIXES = tuple(p for p in _API_TOKEN_PREFIXES if p not in _SEPARATED_PREFIXES)


# An AWS key pair as the console's CSV file or a note gives it: the access key ID, then its
# secret access key, 40 characters of base64 ("AKIA… / wJalr…", "AKIA…,wJalr…"). The ID
# names the key; the secret is what signs requests, with no prefix of its own to find.
_AWS_SECRET = re.compile(
    r"[ \t]*(?:[,;:/|]|\r?\n)?[ \t]*(?P<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")


def _api_token_at(text: str, start: int, found: dict[int, int]) -> int:
    m = _API_TOKEN.match(text, start)
    if m is None or (m.group("mixed") is not None and not _mixed(m.group()[3:])):
        return start
    found[m.start()] = m.end()
    return m.end()


# Mailchimp's API key: 32 hex digits, then its data centre ("-us21"); found from "-us".
_MAILCHIMP = re.compile(r"(?<![\w-])[0-9a-f]{32}-us[0-9]{1,2}(?![\w-])")


def _api_tokens(text: str) -> list[_Span]:
    """API tokens, looked for where their prefix is (a regex pass over the text costs more)."""
    found: dict[int, int] = {}
    at = text.find("-us")
    while at >= 0:
        m = _MAILCHIMP.match(text, max(0, at - 32))
        if m is not None and _mixed(m.group()[:32]):
            found[m.start()] = m.end()
        at = text.find("-us", at + 3)
    for separator in "_-":
        at = text.find(separator)
        while at >= 0:
            # Back to the start of the token that holds the separator ("ghp_", "sk-ant-").
            start = at
            while start > 0 and at - start < 12 and text[start - 1] in _TOKEN_CHARS:
                start -= 1
            end = at
            if text.startswith(_SEPARATED_PREFIXES, start):
                end = _api_token_at(text, start, found)
            at = text.find(separator, max(end, at + 1))
    for prefix in _OTHER_PREFIXES:
        at = text.find(prefix)
        while at >= 0:
            start = at
            if prefix == ":AA":  # a Telegram bot token starts with the bot's number
                while start and "0" <= text[start - 1] <= "9":
                    start -= 1
            at = text.find(prefix, max(_api_token_at(text, start, found), at + 1))
    for start, end in list(found.items()):
        if text.startswith(("AKIA", "ASIA"), start):
            pair = _AWS_SECRET.match(text, end)
            if pair is not None and _mixed(pair.group("s")):
                found[pair.start("s")] = pair.end("s")
    return [("api-token", start, end) for start, end in sorted(found.items())]


def _basic_credentials(value: str) -> bool:
    """Base64 of "user:password", as HTTP Basic authentication sends it."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return False
    user, colon, password = decoded.partition(":")
    return bool(colon and user and password and decoded.isprintable())


def _scan_structured(text: str) -> list[_Span]:
    """Structured secrets, most specific kinds first (they win overlaps)."""
    keys: list[_Span] = []
    if "PRIVATE KEY" in text:
        keys.extend(("private-key", m.start(), m.end()) for m in _PRIVATE_KEY.finditer(text))
    keys.extend(_api_tokens(text))
    if text.count("-") >= 4:
        for dashes in _PRODUCT_KEY_DASHES.finditer(text):
            m = _PRODUCT_KEY.match(text, max(0, dashes.start() - 5))
            if m is not None and _product_key(m.group()):
                keys.append(("product-key", m.start(), m.end()))
    if "://" in text:
        keys.extend(("password", m.start("secret"), m.end("secret"))
                    for m in _URL_PASSWORD.finditer(text))
    if "hooks" in text:
        for m in _WEBHOOK.finditer(text):
            group = "s" if m.group("s") else "d"
            if _mixed(m.group(group).rsplit("/", 1)[-1]):  # not the docs' "XXXX…"
                keys.append(("api-token", m.start(group), m.end(group)))
    if "prv" in text:
        keys.extend(("private-key", m.start(), m.end()) for m in _EXTENDED_KEY.finditer(text))
    if "PuTTY-User-Key-File" in text:
        keys.extend(("private-key", m.start(), m.end()) for m in _PUTTY_KEY.finditer(text))
    if "asic" in text:
        keys.extend(("password", m.start("v"), m.end("v"))
                    for m in _BASIC_AUTH.finditer(text) if _basic_credentials(m.group("v")))
    ibans: list[_Span] = []
    nirs: list[_Span] = []
    recovery: list[_Span] = []
    cards: list[_Span] = []
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else " "
        if _is_word_char(before):
            country = text[start - 2:start]
            if (len(country) == 2 and country.isascii() and country.isalpha()
                    and (start < 3 or not _is_word_char(text[start - 3]))):
                iban_end = _iban_at(text, start - 2)
                if iban_end is not None:
                    ibans.append(("iban", start - 2, iban_end))
        else:
            if text[start] in "1278":
                nir = _NIR.match(text, start)
                if nir is not None and nir_valid(nir.group()):
                    nirs.append(("nir", start, nir.end()))
            if end - start >= 10:
                rib = _RIB.match(text, start)
                if rib is not None and rib_valid(_IBAN_SEPARATORS.sub("", rib.group())):
                    ibans.append(("iban", start, rib.end()))
        if end - start >= 13:
            _scan_run(text, start, end, cards, recovery)
    return keys + ibans + nirs + recovery + cards


# --- phrases ---------------------------------------------------------------------------

_TOOLS = (
    r"team[ ]?viewer|any[ ]?desk|rust[ ]?desk|splashtop|supremo|dw[ ]?service|dwagent"
    r"|(?:ultra|tight|real)?vnc|chrome[ ]remote[ ]desktop|screen[ ]?connect|connectwise"
    r"|logmein|quick[ ]?assist|assistance[ ]rapide|iperius(?:[ ]remote)?|aeroadmin|ammyy"
)
_TOOL_NAMES = {
    "teamviewer": "TeamViewer", "anydesk": "AnyDesk", "rustdesk": "RustDesk",
    "splashtop": "Splashtop", "supremo": "Supremo", "dwservice": "DWService",
    "dwagent": "DWService", "vnc": "VNC", "ultravnc": "UltraVNC", "tightvnc": "TightVNC",
    "realvnc": "RealVNC", "chromeremotedesktop": "Chrome Remote Desktop",
    "screenconnect": "ScreenConnect", "connectwise": "ScreenConnect", "logmein": "LogMeIn",
    "quickassist": "Quick Assist", "assistancerapide": "Quick Assist",
    "iperius": "Iperius Remote", "iperiusremote": "Iperius Remote",
    "aeroadmin": "AeroAdmin", "ammyy": "Ammyy Admin", "tv": "TeamViewer",
}
_TOOL = re.compile(rf"(?x)\b(?:{_TOOLS})\b")

_APOS = "['’]"
# What a PIN or a code unlocks ("PIN du téléphone", "code de l'alarme", "carte SIM").
_DEVICES = (
    rf"t[eé]l[eé]phone|t[eé]l\.?|portable|mobile|smartphone|iphone|android|tablette|ipad"
    rf"|ordinateur|ordi|pc|laptop|phone|tablet|computer|alarme|alarm|coffre(?:-fort)?|safe"
    # phones by their brand: "code du Samsung", "PIN du Xiaomi"
    rf"|samsung|galaxy|xiaomi|redmi|huawei|honor|oppo|pixel|oneplus|motorola|nokia|wiko"
    rf"|porte(?:[ ]d{_APOS}entr[eé]e)?|entr[eé]e|hall|door|portail|gate|garage|immeuble"
    rf"|b[aâ]timent"
    rf"|interphone|digicode|cadenas|padlock|badge"
    rf"|carte(?:[ ](?:bancaire|bleue|cb|visa|mastercard|sim|de[ ]cr[eé]dit|de[ ]paiement))?"
    rf"|(?:bank[ ]|credit[ ]|debit[ ])?card|sim(?:[ ]card)?|cb|visa"
    rf"|messagerie[ ]vocale|r[eé]pondeur|voicemail|bo[iî]te[ ]vocale"
    rf"|[eé]cran[ ]de[ ]v[eé]r{{1,2}}ouill?age|lock[ ]screen|imprimante|printer|[eé]cran|session"
    rf"|windows"
    rf"|(?:contr[oô]le[ ])?parental|admin(?:istrateur)?"
)
# Phrases are matched on a lower-cased copy of the text (same length, so spans carry
# over): case-sensitive patterns run several times faster than IGNORECASE ones. Groups
# "account", "sim" and "code" do not own a value that follows another phrase ("mot de
# passe du compte : x" is the password's).
# How every phrase below starts: most words fail here, at the first or second letter (each
# branch starts with a literal, which the regex engine checks before entering it).
# tests/unit/test_secrets_corpus.py checks that this pre-check loses no phrase.
_PREFIXES = (
    r"a(?:c[ct]|e|l|m|n[ys]|p|s|ut|w|2)|b[abeio]"
    r"|c(?:a(?:rte[ ]sim|denas)|d|hrome[ ]r|l(?:[eé]|ient[ ]secret)"
    r"|o(?:de|ffre|mpte|nfirmation|nnectwise|ntrase)|r|v)"
    r"|d(?:ig|oo|w|[eé]v)|e(?:n[ct]|nt|xo|sp)|fre|g[ar]|i(?:[dp]|nt)|je|ke"
    r"|l(?:ed|i[cv]|oc|og(?:in|me))"
    r"|m(?:\.|d|f|[o0]t|n|[ -]d|eta|p)|n(?:et[ .w]|on)"
    r"|o(?:ne|t)|p(?:as|at|er|h|in|or|r(?:e|i|od)|s|uk|w|/|[@4]|a[$5])|qu|r(?:e[acfp]|ép|out|u)"
    r"|s(?:af|c|e[cenrst]|i|m|p|up)"
    r"|t(?:ab|e[ax]|i|o[kt]|rez)|u(?:l|n[al]|s|t)|v[aeno]|w(?:i[-f]|[lp]|a[cl])|2f"
    r"|h(?:as|es)|пa|密|ك"
)
_TRIGGER = re.compile(
    rf"""(?x)
    (?<![\w@./-])
    (?:(?=[abcdilmnpqrstuvw])|(?=[efgjko2hп密ك]))  # first letters of the phrases: a fast pre-check
    (?={_PREFIXES})  # and how they start
    (?:
      (?P<recovery>
          cl(?:[eé]s?|efs?)[ ](?:de[ ]r[eé]cup(?:[eé]ration)?(?:[ ]bitlocker)?|bitlocker)
        | (?:bitlocker[ ])?recovery[ ](?:key|code|password)s? | bitlocker[ ]keys?
        | codes?[ ]de[ ](?:secours|r[eé]cup[eé]ration) | cl(?:[eé]s?|efs?)[ ]de[ ]secours
        | backup[ ]codes?)
    | (?P<bitlocker> bitlocker)
    | (?P<wifi>
          cl(?:[eé]s?|efs?)[ ](?:du[ ]|de[ ]la[ ]|de[ ]|d{_APOS})?
            (?:wi-?ff?ii?|wpa[23]?(?:-psk)?|wep|wlan|r[eé]seau
             |s[eé]curit[eé](?:[ ]r[eé]seau|[ ]wi-?fi)?)
        | (?:wi-?fi|wpa[23]?|wlan|network)[ ](?:key|password|passphrase|pwd|pass)
        # "code de la box": the key printed on the router's label
        | code[ ](?:du[ ]|de[ ]la[ ]|de[ ]l{_APOS})?
            (?:wi-?fi|(?:live|free|b)?box|routeur|router|modem)
        | wpa[23]?(?:-personal)?-psk | psk | pre-?shared[ ]key
        | cl[eé][ ]pr[eé]-?partag[eé]e)
    | (?P<tool>
          code[ ](?:d{_APOS}[ ]?acc[eè]s[ ]|de[ ]connexion[ ]|de[ ]s[eé]curit[eé][ ]
                  |de[ ]session[ ])?
            (?:{_TOOLS})
        # "Quick Assist code: x", "Assistance rapide : code de sécurité x" (Windows's tool
        # shows its one-time code under this title)
        | (?:{_TOOLS})(?:[ ]?:)?[ ](?:access[ ]|security[ ])?code
          (?:[ ]d{_APOS}[ ]?acc[eè]s|[ ]de[ ]s[eé]curit[eé])?)
    | (?P<creds>
          identifiants | credentials | creds
        | (?:login|user(?:name)?|utilisateur|identifiant|id)[ ]?/[ ]?
            (?:mdp|mot[ ]de[ ]passe|pass(?:word)?|pwd|pw))
    | (?P<otp>
          codes?[ ](?:(?:de[ ])?(?:v[eé]rif(?:ication)?|validation|confirmation|connexion
                              |s[eé]curit[eé]|(?:double[ ])?authentification)
            | d{_APOS}[ ]?authentification | [aà][ ]usage[ ]unique | unique | temporaire
            | otp | totp | 2fa | a2f | mfa | sms | texto | re[cç]us? | envoy[eé]s?
            | (?:google[ ])?authenticator
            # read out over the phone, by its length, by the service that sent it
            | dict[eé]e?s? | lue?s? | donn[eé]e?s? | communiqu[eé]e?s? | transmise?s?
            | (?:[aà]|de)[ ](?:[4-8]|quatre|six|huit)[ ]chiffres
            | google | microsoft | apple | icloud | amazon | ameli | whatsapp | paypal | facebook
            | instagram)
        | mots?[ ]de[ ]passe[ ][aà][ ]usage[ ]unique
        | (?:verification|validation|confirmation|security|authentication|auth|login
            |sign-?in|one[ -]time|2fa|mfa|otp|totp|sms|text|authenticator)[ ](?:pass)?codes?
        | one[ -]time[ ]password | otp)
    | (?P<product>
          cl(?:[eé]s?|efs?)[ ](?:de[ ])?(?:produit|licence|license|activation)
        | cl(?:[eé]s?|efs?)[ ]d{_APOS}(?:activation|installation|licence)
        | cl(?:[eé]s?|efs?)[ ](?:windows|office)
        | (?:product|licen[cs]e|activation|serial|cd)[ ]keys?
        | code[ ]d{_APOS}activation | activation[ ]code)
    | (?P<seed>
          seed(?:[ ](?:phrase|words))? | (?:secret[ ])?recovery[ ]phrase | mnemonic(?:[ ]phrase)?
        | mn[eé]monique
        | phrase[ ](?:de[ ](?:r[eé]cup[eé]ration|sauvegarde|restauration)|secr[eè]te
                    |mn[eé]monique)
        | mots?[ ](?:de[ ](?:r[eé]cup[eé]ration|sauvegarde)|mn[eé]moniques?))
    | (?P<privkey>
          cl(?:[eé]s?|efs?)[ ](?:priv[eé]es?|de[ ](?:chiffrement|cryptage|d[eé]chiffrement))
        | private[ ]keys? | encryption[ ]keys?)
    | (?P<token>
          api[ _-]?keys? | apikey | cl(?:[eé]s?|efs?)[ ](?:d{_APOS}|de[ ]l{_APOS})?api
        | jetons?(?:[ ]d{_APOS}acc[eè]s|[ ]d{_APOS}api|[ ]api)?
        | (?:access|api|auth|bearer|refresh|personal[ ]access)[ ]tokens? | tokens? | bearer
        | client[ ]secret | api[ ]secret | secret[ ](?:access[ ])?key
        | cl[eé][ ]secr[eè]te(?![ ](?:2fa|a2f|mfa|totp|otp)\b)
        | aws_secret_access_key
        | (?:aws[ ])?secret(?![ ](?:questions?|answers?|2fa|a2f|mfa|totp|otp)\b))
    | (?P<answer>
          questions?[ ](?:secr[eè]tes?|de[ ]s[eé]curit[eé])
        | (?:secret|security)[ ]questions?
        | r[eé]ponses?[ ](?:secr[eè]tes?|de[ ]s[eé]curit[eé]
            |[aà][ ]la[ ]question(?:[ ]secr[eè]te|[ ]de[ ]s[eé]curit[eé])?)
        | (?:secret|security)[ ]answers? | answer[ ]to[ ]the[ ](?:secret|security)[ ]question)
    | (?P<unattended>
          acc[eè]s[ ](?:non[ ]surveill[eé]|sans[ ]surveillance) | non[ ]surveill[eé]
        | unattended(?:[ ]access)?)
    | (?P<pin>
          code[ -]?(?:pin|puk) | pin[ ](?:code|number) | puk | pin
        | code[ ](?:confidentiel|secret)
        | code[ ](?:de[ ])?(?:d[eé])?v[eé]r{{1,2}}ouill?age | code[ ]de[ ]d[eé]blocage
        | passcode | (?:un)?lock[ ]code
        | digicode
        | (?:alarm|door|gate|safe|phone|iphone|ipad|tablet|garage|keypad|voicemail|entry)[ ]code
        | code[ ](?:du[ ]|de[ ]l{_APOS}|de[ ]la[ ])?
            (?:t[eé]l[eé]phone|portable|iphone|smartphone|tablette|ipad))
    | (?P<sim> carte[ ]sim | sim[ ]card | sim)
    | (?P<pattern>
          sch[eé]mas?(?:[ ]de[ ](?:d[eé])?v[eé]r{{1,2}}ouill?age)? | (?:unlock[ ])?pattern)
    | (?P<lock>
          alarmes? | coffre(?:-fort)? | cadenas | portail | interphone | garage
        | d[eé]v[eé]r{{1,2}}ouill?age)
    | (?P<pw>(?:
          (?:mdp|mot[ ]de[ ]passe)[ ]?/[ ]?(?:pwd|password|pass) | (?:pwd|password)[ ]?/[ ]?mdp
        # "mot de passé", "mot2passe" (typed as a text message), "m0t de pa$$e"
        # and "m0t d3 p4ss3" (leetspeak); "mpd" (two letters swapped)
        | m[o0]ts?[ -]?(?:d[e3]?|2)[ -]?p[a@4](?:[s$5]{{1,3}}[eé3]{{1,2}}s?|ss) | m[ -]?d[ -]?p[ps]?
        | mpd
        | passwort | kennwort | contrase[nñ]a | m\.d\.p\.? | pass?e?wo?r?ds? | pass?ords?
        # the clients' other languages: Portuguese, Dutch, Polish, Czech, Russian and
        # Ukrainian (as folded: "пароль" holds Cyrillic look-alikes of a, p, o), Chinese,
        # Arabic
        | senhas? | wachtwoord(?:en)? | has[lł]o | heslo | пapoл[ьи] | 密码 | كلمة[ ](?:المرور|السر)
        | passowrds? | passwrods? | pass[ -]words? | passw
        | p[a@4][s$5]{{2}}w[o0]rds?  # "p@ssword", "pa$$word", "passw0rd" 
        | pss?wo?r?d | psw | pwd | p/w
        # "code d'accès", also typed "code d accès", "code accès", "code acces"
        | passphrase | code[ ](?:d(?:{_APOS}[ ]?|[ ]))?acc[eè]s | access[ ]code)
        [0-9]?)  # numbered labels: "mdp1 : x, mdp2 : y"
    # "MP : x", "M.P. = x" (mot de passe's initials): also a private message, a person's
    # initials, a printer's series ("Ricoh MP C3003"), so a label only (see _initials_value)
    | (?P<mp> m\.?p\.?)
    | (?P<cvv> cvv2? | cvc2? | cryptogramme(?:[ ]visuel)? | code[ ]cvv)
    | (?P<account>
          login | compte | (?:live|free|b)?box | identifiant | id | user(?:name)? | utilisateur
        | espace[ ](?:client|perso(?:nnel)?|abonn[eé]|adh[eé]rent|membre)
        | account | route(?:u)?r | session)
    | (?P<code> code)
    # a wallet's name, or its words counted ("les 24 mots : ..."), then the words. This
    # group and the next come late: a phrase matched earlier ("mdp") never tries them.
    | (?P<wallet>
          ledger(?:[ ]nano)? | trezor | metamask | exodus | (?:crypto[ ])?wallet
        | portefeuille(?:[ ]crypto)?
        | mots(?:(?<=12[ ]mots)|(?<=24[ ]mots)|(?<=douze[ ]mots)))
    | (?P<totp>
          (?:cl(?:[eé]s?|efs?)|secret|seed|graine)[ ](?:secr[eè]te[ ])?(?:de[ ]|d{_APOS}|du[ ])?
            (?:2fa|a2f|mfa|totp|otp|configuration|authenticator|authentification)
        | setup[ ]key | (?:2fa|a2f|mfa|totp)(?:[ ](?:secret|seed|key))? | authenticator)
    | (?P<key> cl(?:[eé]|ef) | key | wpa[23]?)
    | (?P<strict> passe | pass | pw | p[@4]ss )
    )
    (?![\w@])
    """
)
# "mot de passe BitLocker : x": "bitlocker" names whose password it is, it owns no value.
_NOT_OWNERS = frozenset({"account", "sim", "code", "lock", "key", "pattern", "bitlocker"})
# Triggers that name a login, so that a plain word after "login: toto /" is the password
# ("utilisateur : Jean / Marie" names two users).
_EXPLICIT_LOGIN = frozenset({"login", "identifiant", "username"})

_H = r"[ \t\u00a0\u202f]"
# Strong link: at most four qualifier words (articles not counted: "de la session de Mme
# Durand"), then ":", "=", "->", the value possibly on the next line. Qualifier words start
# with a letter, a digit, "(" or "[" ("mdp [wifi] : x") and never end a sentence, so that
# "Mot de passe OK. Imprimante : Canon" links nothing.
_QUAL_ARTICLE = "(?:de|du|des|la|le|les|of|the)"  # an article is no word, so one parse only
_STRONG_QUAL = (
    rf"(?P<qual>(?:(?:{_H}+{_QUAL_ARTICLE}(?={_H})){{0,2}}"
    rf"{_H}+(?!{_QUAL_ARTICLE}{_H})[(\[\w+&][^\s:=,;!?«»\"“”]{{0,29}}(?<![.])){{0,4}}?)")
_STRONG_MARK = (
    # One cheap class first: most words are followed by no link at all.
    rf"{_H}*(?=[\"':=\-–—→⇒➔➜>.…])(?:[\"'](?={_H}*[:=]){_H}*)?"  # '"password": "x"'
    # Arrows before "=": "=>" is an arrow, not "=" and a value starting with ">". Between
    # spaces, a dash, ">", "---" or a dotted leader ("mdp ..... x") link too; all but the
    # dash only to a secret-looking value ("Comptes > Mot de passe > Ajouter" is a menu).
    # ":-" as typed for ":" ("password :- x"); ">>>" as a prompt or a chat's quote.
    # ": :", ":>", ": -" typed for ":"; "—>" for "->".
    rf"(?::(?:[:=>-]|{_H}[:>-](?={_H}))?|=+>|[-–—]+>|==?|[→⇒➔➜]|(?<=[ \t\u00a0\u202f])(?:[-–—]"
    rf"|(?P<soft>>{{1,3}}|-{{2,3}}|\.{{3,}}|…))(?=[ \t\u00a0\u202f]))"
    # The value may be on the next line, after one blank line at most, as a list's item
    # ("Mot de passe :\n- Soleil2024", "* ", "• ", "> " quoting it).
    rf"{_H}*(?:\r?\n{_H}*(?:\r?\n{_H}*)?(?:[-*•>+]{_H}+)?)?"
)
_STRONG = re.compile(_STRONG_QUAL + _STRONG_MARK)
# An abbreviation's dot ("Mdp. : x") or a line break ("Mot de passe\n: x", a form's label
# and its colon split) before ":" or "=": tried only when the strong link fails and such a
# dot or break follows the phrase closely (on every phrase, it cost a tenth of the scan).
_STRONG_SPLIT = re.compile(
    _STRONG_QUAL + rf"(?:(?<=[^\W\d_])\.|{_H}*\r?\n){_H}*(?=[:=])" + _STRONG_MARK)
_SPLIT_COLON = re.compile(rf"{_H}*[:=]")
# Whether a note holds any such split link at all (a literal first: a fast search).
_SPLIT_LINE = re.compile(rf"\n{_H}*[:=]")
_SPLIT_DOT = re.compile(rf"\.{_H}*[:=]")


_SPLIT_STARTS = frozenset(":= \t\u00a0\u202f")


def _split_link_near(low: str, start: int) -> bool:
    """A dot right after a phrase ending at `start`, or the end of its line, then ":" or
    "=" (a `find` and a look at one character first: this runs for most phrases)."""
    if low.startswith(".", start):
        after = start + 1
    else:
        after = low.find("\n", start, start + 160) + 1
        if not after or low[after:after + 1] not in _SPLIT_STARTS:
            return False
    return _SPLIT_COLON.match(low, after) is not None


# "Mot de passe changé et antivirus : Avast": a conjunction starts another subject.
_CONJUNCTION = re.compile(r"\b(?:et|puis|ou|mais|donc|and|then|or|but|so)\b")
# "Mot de passe changé : ..." links a value, but only one that looks like a secret.
_PARTICIPLE = re.compile(r"\w(?:ée?s?|ed)\b")
# Past participles of "-er" verbs about a password, typed without their accent ("oublie",
# "renvoye"): the same remark as "oublié", which _participle sees from its accent.
_BARE_PARTICIPLES = frozenset({
    "oublie", "change", "modifie", "inchange", "expire", "reinitialise", "bloque",
    "debloque", "verrouille", "deverrouille", "donne", "communique", "enregistre",
    "sauvegarde", "configure", "active", "desactive", "supprime", "retire", "cree", "genere",
    "renouvele", "verifie", "teste", "retrouve", "recupere", "envoye", "renvoye", "partage",
    "memorise", "conserve", "refuse", "errone", "redirige", "oriente", "transfere",
    "accepte", "confirme", "synchronise", "termine", "valide", "rejete", "invalide",
})
# Among qualifiers, any status typed without its accents ("mdp oublie -> ...", "mdp note :");
# in a passphrase only the participles above, "tape" or "note" may be a verb ("le chat tape").
_STATUSES = _BARE_PARTICIPLES | frozenset({
    "ok", "perdu", "reinit", "reset", "fourni", "transmis", "recu", "ecrit", "saisi",
    "defini", "fait", "mis", "tape", "note", "demande", "signale", "reclame",
})


def _inflected_in(key: str, words: frozenset[str]) -> bool:
    """`key` or its feminine or plural form is in `words` ("perdue", "changees")."""
    return (key in words or (len(key) > 4 and key[-1] in "es" and key[:-1] in words)
            or (len(key) > 5 and key.endswith("es") and key[:-2] in words))


def _status_in(qualifiers: str) -> bool:
    """A status among the qualifiers, in any form: "oublie", "perdue", "changes"."""
    return any(_inflected_in(_norm(word), _STATUSES) for word in _WORD.findall(qualifiers))


# Participles that hand the value over instead of telling a status: "mot de passe donné par
# le client : chaton", "choisi par la cliente : ...". After them ":" introduces the password
# itself, a plain word too (statuses still pass: "mot de passe fourni : non").
_GIVING = frozenset({"donne", "communique", "fourni", "choisi", "indique", "dicte", "transmis",
                     "note", "propose", "attribue", "given", "chosen", "provided"})


def _giving_only(qualifiers: str) -> bool:
    """The participles among the qualifiers all hand the value over ("donné par le client")."""
    giving = False
    for word in _WORD.findall(qualifiers):
        key = _norm(word)
        if _inflected_in(key, _GIVING):
            giving = True
        elif _participle(word) or _inflected_in(key, _STATUSES):
            return False
    return giving


_UNATTENDED = (rf"(?:acc[eè]s{_H}+)?(?:non{_H}+surveill[eé]|sans{_H}+surveillance)"
               rf"|unattended(?:{_H}+access)?")
_UNATTENDED_RE = re.compile(_UNATTENDED)
_QUAL_WORDS = (
    rf"(?:{_TOOLS}|wi-?fi|wpa[23]?|wlan|windows|hello|session|admin|administrateur"
    r"|administrator|local|bios|uefi|box|livebox|freebox|bbox|routeur|router|modem|compte"
    r"|account|microsoft|gmail|google|outlook|hotmail|icloud|apple|orange|sfr|free"
    r"|bouygues|messagerie|bo[iî]te[ ](?:mail|e-?mail|de[ ]messagerie)|mail|e-?mail|imap"
    r"|smtp|nas|vpn|pc|ordinateur|user|utilisateur"
    r"|sim|office|office365|m365|o365|skype|facebook|amazon|client|cliente|root|ssh|ftp"
    r"|instagram|netflix|paypal|ameli|impots|leboncoin|whatsapp|twitter|linkedin|snapchat"
    r"|tiktok|yahoo|dropbox|onedrive|spotify|deezer|vinted|doctolib"
    r"|principal|actuel|current|new|nouveau|nouvel|temporaire|provisoire|temporary"
    r"|tmp|temp|initial|initiale|connexion|origine|d'origine|perso|pro|personnel"
    r"|professionnel"
    rf"|d[eé]faut|default|unique|permanent|fixe|{_UNATTENDED}|{_DEVICES})"
)
_ARTICLES = (
    rf"du|de{_H}+la|de{_H}+l{_APOS}|de|d{_APOS}|des|of|for|for{_H}+the|of{_H}+the|on|sur|la"
    # "l" typed without its apostrophe ("code de l ordi")
    rf"|le|l{_APOS}|l(?={_H})|the|my|son|sa|mon|ma|his|her|your|its"
)
# The copulas: "c'est" also typed "cest", "c est", or "c" as in a text message (whose
# ending each use says), then the others.
_C_EST = rf"c{_APOS}est|c{_H}+est|cest"
_OTHER_COPULAS = r"est|[eé]tait|sera|reste|devient|is|was"
# "is", "est", "c'est", "changé en": the value follows as the predicate. A change verb
# may come with its auxiliary ("a été changé en", "was set to", "has been changed to").
_CHANGE_VERBS = (
    rf"chang[eé]{_H}+en|modifi[eé]{_H}+en|changed{_H}+(?:to|into)|set{_H}+to|reset{_H}+to"
    rf"|updated{_H}+to|remplac[eé]{_H}+par|replaced{_H}+(?:by|with)|d[eé]fini{_H}+(?:sur|à|a)"
    rf"|mis{_H}+à|r[eé]initialis[eé]{_H}+(?:avec|en|à|a)(?!\w)|remis{_H}+à|devenu|became"
)
_AUXILIARIES = (
    rf"a{_H}+[eé]t[eé]|a|est|[eé]tait|sera|has{_H}+been|have{_H}+been|had{_H}+been|has|have"
    rf"|had|was|were|is|been|will{_H}+be"
)
_VERBS = (
    rf"is{_H}+now|est{_H}+maintenant|(?:(?:{_AUXILIARIES}){_H}+)?(?:{_CHANGE_VERBS})"
    rf"|{_C_EST}|c(?={_H})|{_OTHER_COPULAS}|now"
)
# Weak link: known qualifiers only (with articles), then an optional verb.
_WEAK = re.compile(
    rf"(?x)(?:{_H}+(?:(?:{_ARTICLES}){_H}*){{0,2}}{_QUAL_WORDS}(?!\w)){{0,3}}"
    rf"(?:{_H}+(?P<verb>{_VERBS})(?:{_H}+(?:le|la|l{_APOS}|the)(?={_H}*[0-9]))?)?"
    rf"{_H}*(?:[:=]{_H}*)?"
)
# Bare "code": what it unlocks ("code de l'alarme 1937") or a verb ("son code c'est 4455").
_CODE_LINK = re.compile(
    rf"(?x)(?P<dev>(?:(?:{_H}+(?:(?:{_ARTICLES}){_H}*){{0,2}}(?:{_DEVICES})(?!\w)){{1,2}}"
    # and a brand ("code de l'alarme Somfy"), not the copula that follows ("... est le 1937")
    rf"(?:{_H}+(?!(?:{_OTHER_COPULAS}|{_C_EST})\b)[^\W\d_]{{3,20}}\b)?)?)"
    rf"(?:{_H}+\w+(?:é|ée|és|ées|ed)\b)?"
    rf"(?:{_H}+(?P<verb>{_VERBS})(?:{_H}+(?:le|la|l{_APOS}|the)(?={_H}*[0-9]))?)?"  # "est le 1937"
    rf"{_H}*(?P<colon>[:=]{_H}*)?"
)
# A one-time code "reçu par SMS", "envoyé sur le portable", "de Google".
_OTP_WEAK = re.compile(
    rf"(?x)(?:{_H}+(?:re[cç]ue?s?|envoy[eé]e?s?|par|via|sur|sms|texto|mail|e-?mail|google"
    rf"|microsoft|apple|whatsapp|paypal|amazon|banque|bancaire|du|de|la|le|l{_APOS}|au"
    rf"|received|sent|by|from|on|the|of|bank|t[eé]l[eé]phone|portable|mobile|phone"
    rf"|client|cliente|customer|oralement|orally|over)\b){{0,4}}"
    # the service that sent it, right before the digits ("code de confirmation Ameli
    # 483920"); an order or a parcel has a number, not a one-time code
    rf"(?:{_H}+(?!(?:commande|colis|dossier|ticket|facture|r[eé]servation|suivi|order"
    rf"|booking|parcel)\b)[^\W\d_]{{2,20}}(?={_H}*(?:[:=]{_H}*)?[0-9]))?"
    rf"(?:{_H}+(?P<verb>{_VERBS}))?"
    rf"{_H}*(?:[:=]{_H}*)?"
)
# A secret question, then its answer after an arrow, "=", "?" or "réponse :".
_REPLY_MARK = re.compile(rf"\b(?:r[eé]p(?:onse)?s?\.?|answers?){_H}*[:=]")
_ANSWER_MARK = re.compile(rf"->|=>|→|=|\?|:|{_H}[-–—]{_H}")
_ANSWER_TEXT = re.compile(rf"{_H}*([^\n,;.!?()\[\]]{{1,64}})")
_QUESTION_LINK = re.compile(
    rf"{_H}*(?:\((?P<paren>[^()\n]{{1,80}})\))?{_H}*(?P<colon>[:=]|->|=>|→)?{_H}*")
_ANSWER_LINK = re.compile(
    rf"{_H}*(?:\([^()\n]{{1,80}}\){_H}*)?(?:(?P<colon>[:=]|->|=>|→)|(?P<verb>{_VERBS})){_H}*")
# Brackets of any kind around a value: "mdp (Soleil2024)", "mdp [x]", "mdp {x}", "mdp <x>".
_PAREN = re.compile(
    rf"[(\[{{<]{_H}*(?P<v>[^\s()\[\]{{}}<>]{{1,64}}){_H}*[)\]}}>]")
# A bracket or a quote opened and never closed around the value ("mdp {Soleil2024", "mdp
# (4821", 'mdp "Soleil2024', "mdp « chaton"): a slip of the finger, the value read without it.
_OPENERS = "([{<\"«“„"
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">", '"': '"', "«": "»", "“": "”\"", "„": "“”\""}
_OPENED = re.compile(rf"[(\[{{<\"«“„]{_H}*(?P<v>[^\s()\[\]{{}}<>,;«»\"“”„]{{1,64}})")


def _opened_value(text: str, pos: int, ctx: _Context, numeric: bool, plain: int, phrase: bool
                  ) -> tuple[int, int] | None:
    """The value after an opening bracket or quote that its line never closes: as after
    ":" when `plain` (a plain word, a passphrase), digits only when they end the clause
    ("mdp (2024 nouveau poste" dates)."""
    m = _OPENED.match(text, pos)
    if m is None:
        return None
    value = _trim(m.group("v"))
    start = m.start("v")
    end = start + len(value)
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    if not value or any(closer in rest for closer in _CLOSERS[text[pos]]):
        return None  # closed further on: a bracketed remark ("(PC-BUREAU2 et PC-ACCUEIL3)")
    if value.isascii() and value.isdigit():
        found = _digits_secret(value, ctx) and _CLAUSE_END.match(text, end) is not None
    elif numeric:
        found = False
    elif _looks_secret(value) and not _names_phrase(value, text, end):
        found = True
    elif plain and ctx.kind in _PASSWORDS and _CLAUSE_END.match(text, end) is not None:
        found = _plain_word_secret(value)  # "mdp : {chaton", "mdp : « chaton"
    elif phrase and ctx.kind in _PASSWORDS:
        phrase_end = _passphrase_at(text, start)  # "mdp : (le chat noir"
        return (start, phrase_end) if phrase_end is not None else None
    else:
        found = False
    return (start, end) if found else None


_QUOTED = re.compile(
    r"«[ \t\u00a0\u202f]*(?P<g>[^»\n]{1,64}?)[ \t\u00a0\u202f]*»"
    r"|\"(?P<d>[^\"\s][^\"\n]{0,63})\""
    r"|“(?P<c>[^”\"\s][^”\"\n]{0,63})[”\"]"
    r"|„(?P<l>[^“”\"\s][^“”\"\n]{0,63})[“”\"]"  # German-style low opening quote
    r"|‹[ \t\u00a0\u202f]*(?P<a>[^›\n]{1,64}?)[ \t\u00a0\u202f]*›"
    r"|'(?P<s>[^'\s][^'\n]{0,63})'"
    r"|‘(?P<t>[^’'\s][^’'\n]{0,63})[’']"
    r"|`(?P<b>[^`\s][^`\n]{0,63})`"
)
_SPACES = re.compile(rf"{_H}*")
_DIGIT_GROUPS = re.compile(r"[0-9]{1,4}(?:[ \u00a0][0-9]{1,4})+(?![\w])")
_TOKEN = re.compile(r"[^\s,;«»\"“”]{1,128}")
_PAIR = re.compile(
    rf"(?P<user>[^\s/:|,;«»\"“”]{{1,64}}){_H}*(?:/|:|\||{_H}-){_H}*"
    r"(?P<secret>[^\s,;«»\"“”]{1,64})"
)
_TRAILING = ".,:;?)]}"
_CLAUSE_END = re.compile(rf"{_H}*(?:$|\r?\n|[,;|/()\[\]]|[.!?](?:\s|$)|[-–—](?:\s|$))")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PLACEHOLDER = re.compile(
    r"[*xX•●.#_\-?]+|[(\[<{].*|n/?[acd]|s/o|n\.?c\.?|tbd|todo|\$\{.*|%[a-z_][a-z0-9_]*%")
_MARKERS = re.compile(
    r"\b(?:hint|indice|question|policy|politique|longueur|length|manager"
    r"|gestionnaire|expiration|complexit[eé]|complexity|r[eè]gles?|rules?|minimum"
    r"|caract[eè]res|characters)\b"
)
_ORDINARY = re.compile(
    r"""(?x)
      [0-9]+(?:[.,:/'-][0-9]+)+[a-z]{0,2}              # 10.0.1, 12/03/2025, IPs
    | [0-9]{1,2}h[0-9]{2}(?:-[0-9]{1,2}h(?:[0-9]{2})?)?  # 14h30, 14h30-16h
    | v?[0-9]+(?:\.[0-9a-z]+)+                          # v2.3.1b
    | [0-9]{2}h[12]                                     # 22H2
    | kb[0-9]{4,8} | 0x[0-9a-f]{1,16}                   # updates, error codes (a key's
                                                        # 64 hex digits are none)
    | [0-9]+(?:[.,][0-9]+)?
      (?:[kmgtp]i?[bo]|go|mo|to|ko|[kmg]?hz|w|v|mah|ms|s|mn|min|h|j|ans?|jours?|mois
        |px|p|k|bits?|%|€|eur|x|e|er|re|ère|ème|eme|nd|rd|th|st|fois|ch|cm|mm|m|km|ppp)
    | [0-9]+x[0-9]+                                     # 1920x1080
    | w1[01] | [om]365 | i[3579]                        # W11, O365, i7
    | (?:win(?:dows)?|office|server|sql|rtx|gtx|rx|ryzen|core)[ -]?[0-9]+[a-z]{0,2}
                                                        # Win11, Office365, Ryzen 5800X
    # The others have no four-digit model: four digits glued to them are a word and a
    # number, the commonest password shape ("bios2020", "wifi2024", "wifi1234"), not
    # "USB3" or "DDR4".
    | (?:ios|ipados|android|macos|iphone|ipad|galaxy|pixel|usb|hdmi
        |wpa|ddr|lpddr|pcie|nvme|sata|tpm|ipv|rj|cat|gen|arm|bios|wi-?fi|raid
        |directx|dx|net|php|python|java|mp|ps|xbox)
      (?!-?[0-9]{4})[ -]?[0-9]+[a-z]{0,2}  # USB3, DDR4
    | i[3579]-[0-9]{4,5}[a-z]{0,3}                      # i7-8550U
    | [234]fa | mfa | x64 | x86 | arm64 | amd64 | [1-8]k | [2-5]g | 802\.11[a-z]{0,2}
    | wpa[23]?(?:[-/](?:wpa[23]|psk|personal|personnel|enterprise|entreprise|eap|sae|aes
        |tkip|ccmp))+                                   # Wi-Fi security modes: WPA2-PSK
    | [^@\s]+@[^@\s]+\.[a-z]{2,}                        # e-mail address
    | [0-9a-z._-]+@ad                                   # AnyDesk address alias
    | (?:https?|ftp)://\S+ | www\.\S+                   # URLs
    | wifi:\S*                                        # a Wi-Fi QR payload (its P: is read)
    | (?:[a-z]:\\|\\\\|/|~/)\S*                         # paths
    | \+[0-9]{8,15} | 0[1-9](?:[.][0-9]{2}){4}          # phone numbers
    | [0-9]{1,2}[hj]/[0-9]{1,2}[hj]? | 24/7            # 24h/24, 7j/7
    | n[°º][0-9]+                                       # references: n°4521, ticket#4521,
    | (?:tickets?|r[eé]f|dossier|facture|commande|devis|bon|incident|case)[#°.:-][0-9]+
    """
)
# Values that describe the password instead of being it (accents and case removed).
_STOP = frozenset({
    "ok", "okay", "oui", "non", "yes", "no", "aucun", "aucune", "rien", "vide", "neant", "inconnu",
    "inconnue", "idem", "pareil", "meme", "identique", "inchange", "change", "modifie", "oublie",
    "perdu", "perdue", "expire", "reinitialise", "bloque", "debloque", "verrouille", "fourni",
    "fournie", "donne", "communique", "transmis", "recu", "note", "ecrit", "saisi", "tape",
    "enregistre", "sauvegarde", "defini", "configure", "active", "desactive", "supprime", "retire",
    "requis", "demande", "necessaire", "obligatoire", "facultatif", "optionnel", "provisoire",
    "temporaire", "definitif", "nouveau", "nouvelle", "ancien", "ancienne", "actuel", "actuelle",
    "fort", "faible", "robuste", "securise", "correct", "incorrect", "faux", "bon", "mauvais",
    "valide", "invalide", "client", "cliente", "utilisateur", "proprietaire", "technicien", "voir",
    "cf", "ci-dessus", "ci-dessous", "dessus", "dessous", "partout", "perso", "personnel",
    "professionnel", "pro", "habituel", "standard", "defaut", "absent", "manquant", "present",
    "ras", "nc", "nd", "na", "tbd", "todo", "attente", "facture", "dossier", "sms", "mail",
    "email", "e-mail", "courriel", "telephone", "oralement", "papier", "post-it", "carnet",
    "windows", "microsoft", "google", "apple", "gmail", "outlook", "hotmail", "orange", "sfr",
    "free", "bouygues", "livebox", "freebox", "bbox", "box", "session", "local", "compte", "le",
    "la", "les", "un", "une", "son", "sa", "ses", "du", "de", "des", "celui", "celle", "et/ou",
    "and/or", "a", "au", "aux", "none", "null", "nil", "unknown", "unchanged", "same", "blank",
    "empty", "default", "set", "reset", "changed", "given", "provided", "sent", "shared", "known",
    "forgotten", "lost", "expired", "locked", "unlocked", "required", "needed", "optional",
    "temporary", "new", "old", "current", "strong", "weak", "valid", "invalid", "wrong",
    "see", "above", "below", "pending", "hidden", "redacted", "masked", "removed", "omitted",
    "withheld", "confidential", "private", "secret", "confidentiel", "prive", "masque", "cache",
    "enleve", "omis", "retenu", "mis", "hello", "pin",
    # password managers and second factors: where the secret is, not what it is
    "bitwarden", "keepass", "keepassxc", "1password", "lastpass", "dashlane", "nordpass",
    "trousseau", "keychain", "gestionnaire", "manager", "authenticator", "authentificateur",
    "otp", "totp", "biometrie", "empreinte", "fingerprint", "yubikey", "passkey",
    # statuses typed without accents, and more English ones
    "fait", "faite", "cree", "genere", "renouvele", "verifie", "teste", "retrouve",
    "recupere", "envoye", "partage", "memorise", "conserve", "garde",
    "sans", "without", "nothing", "done", "fine", "working", "works", "inclus",
    "true", "false", "vrai",
    # Wi-Fi security and pairing methods, not keys
    "wps", "wep", "wpa", "tkip", "aes", "ccmp", "sae",
})
# Words that a passphrase ("mot de passe : le chat noir") does not hold but a remark about
# the password does ("sur l'étiquette de la box", "see ticket", "changé par le client"):
# prepositions, pronouns, possessives of the client, verbs, negations, places, people.
_REMARK = frozenset({
    "apres",
    "avant", "depuis", "pendant", "selon", "derriere", "devant", "cf", "pas", "ne",
    "n", "ni", "jamais", "plus", "moins", "tres", "trop", "bien", "mal", "deja", "encore",
    "toujours", "aussi", "comme", "que", "qu", "qui", "quoi", "dont", "ou", "et", "mais",
    "donc", "car", "si", "il", "elle", "ils", "elles", "je", "j", "tu", "nous", "vous",
    "lui", "leur", "leurs", "eux", "moi", "toi", "se", "s", "ce", "c", "cet", "cette", "ces",
    "ca", "cela", "ceci", "sa", "son", "ses", "notre", "nos", "votre", "vos", "y", "est",
    "sont", "etait", "sera", "ont", "avait", "doit", "faut", "peut", "sait", "connait", "va",
    "dit", "demander", "rappeler", "verifier", "changer", "modifier", "noter", "saisir",
    "taper", "utiliser", "mettre", "garder", "definir", "renseigner", "creer", "celui",
    "celle", "ceux", "celles", "celui-ci", "celle-ci", "autre", "autres", "chaque", "tout",
    "tous", "toute", "toutes", "quelque", "plusieurs", "date", "naissance", "anniversaire",
    "prenom", "nom", "numero", "adresse", "identifiant", "identifiants", "mdp",
    "code", "utilisateurs", "clients", "technicienne", "fils", "mari", "epouse", "enfant",
    "enfants", "etiquette", "dos", "boite", "cahier", "agenda", "tiroir", "bureau", "ecran",
    "clavier", "fichier", "document", "ticket", "courrier", "enveloppe", "pochette", "champ",
    "lien", "reinitialisation", "changement", "modification", "cours", "suite", "fois",
    "demain", "hier", "aujourd", "hui", "caracteres",
    "chiffres", "lettres", "majuscule", "minuscule", "symbole", "regle", "regles", "politique",
    "prevu", "perdu", "mis", "pris", "inscrit", "connu", "vu", "lu", "rendu", "tenu",
    "obtenu", "remis", "compris", "ouvert", "offert", "appel", "rappel", "accord",
    "behind", 
    "off", "not", "never", "will", "would", "should", "must", "can", "could", "may", "be",
    "been", "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "it",
    "its", "he", "she", "they", "them", "him", "his", "her", "their", "we", "you", "i",
    "me", "this", "that", "these", "those", "before", "after", "like", "than", "then",
    "still", "already", "also", "only", "just", "too", "very", "ask", "call", "check",
    "change", "use", "keep", "kept", "customer", "user", "owner", "technician", "tech",
    "sticky", "label", "back", "bottom", "notebook", "file", "vault", "field", "link",
    "request", "same", "if", "when", "until", "via", "per", "written", "typed", "told",
    "client", "cliente", "utilisateur", "proprietaire", "technicien", "voir", "see",
})
# Prepositions that open a remark ("en cours", "au dos de la box", "on a sticky note").
_LEADING = frozenset({"en", "sur", "sous", "dans", "avec", "pour", "par", "chez", "vers",
                      "entre", "contre", "au", "aux", "a", "in", "on", "at", "by", "with",
                      "for", "from", "to", "of", "under", "as"})
# Status and technical words: "problème résolu", "accès rétabli", "caps lock issue".
_REMARK |= frozenset({
    "probleme", "souci", "erreur", "panne", "bug", "acces", "connexion", "deconnexion",
    "reconnexion", "authentification", "reconnaissance", "faciale", "digitale", "empreinte",
    "synchronisation", "synchro", "sync", "double", "facteur", "facteurs", "verrouillage",
    "verr", "maj", "majuscules", "clavier", "touche", "frappe", "saisie",
    "tentative", "tentatives", "essai", "essais", "blocage", "recuperation", "sauvegarde",
    "navigateur", "chrome", "firefox", "edge", "safari", "android", "ios", "iphone", "drive",
    "lien", "pin", "sms", "mail", "email", "compte", "session", "windows", "google",
    "caps", "lock", "keyboard", "layout", "issue", "issues", "problem", "error", "access",
    "login", "reset", "recovery", "browser", "two", "factor", "face", "fingerprint", "account",
    "resolu", "retabli", "reussi", "fini", "recu", "ecrit", "conclu", "interrompu",
    "suspendu", "vendu", "fourni", "choisi", "saisi", "etabli", "rempli", "garanti", "fait",
    "refait", "produit", "detruit", "inclus", "exclu", "permis", "transmis", "soumis",
    "admis", "omis", "acquis", "requis", "revu", "reconnu", "retenu", "maintenu", "devenu",
    "revenu", "disparu", "apparu", "voulu", "battu", "redefinir", "refaire", "reinitialiser",
    "recreer", "completer", "confirmer", "fixed", "solved", "done", "ok",
    # where the client is sent, how a password is given or found
    "support", "hotline", "sav", "assistance", "helpdesk", "fai", "operateur", "conseiller",
    "service", "procedure", "demarche", "formulaire", "autocollant", "sticker", "verbal",
    "verbalement", "oral", "orale", "vierge",
    # who knows or holds the password: family, helpers, offices
    "fille", "mere", "pere", "soeur", "frere", "gendre", "belle-fille", "beau-fils",
    "petit-fils", "petite-fille", "grand-mere", "grand-pere", "neveu", "niece", "oncle",
    "tante", "cousin", "cousine", "conjoint", "conjointe", "compagnon", "compagne", "ami",
    "amie", "voisin", "voisine", "aidant", "aidante", "infirmier", "infirmiere", "tuteur",
    "tutrice", "curatelle", "tutelle", "famille", "secretaire", "secretariat", "comptable",
    "notaire", "mairie", "banque", "collegue", "employe", "patron", "gardien", "gardienne",
    # when, how urgent, how it unlocks
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "semaine",
    "prochainement", "bientot", "urgent", "prioritaire", "nok", "ko", "hs", "visage",
    "schema", "modifiable", "usuel", "unique", "classeur", "belle-mere", "beau-pere",
    # where it is kept
    "appli", "application", "usb", "repertoire", "carton", "contrat", "notes", "excel",
})
# A passphrase may hold articles ("le chat noir"), which count for nothing.
_ARTICLE_WORDS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d",
                            "the", "a", "an", "my", "mon", "ma", "mes"})
# Predicates that describe a password ("le mot de passe est long", "is wrong").
_ADJECTIVES = frozenset({
    "long", "longue", "court", "courte", "simple", "complexe", "difficile", "facile",
    "solide", "different", "differente", "errone", "obsolete", "juste", "bien", "mal", "la",
    "ici", "ailleurs", "dedans", "similaire", "visible", "invisible", "compromis", "sur",
    "sure", "classique", "basique", "banal", "commun", "evident", "trivial", "celui-ci",
    "celle-ci", "celui-la", "celle-la", "short", "easy", "hard", "difficult", "similar",
    "secure", "insecure", "compromised", "leaked", "missing", "good", "bad", "right", "there",
    "here", "elsewhere", "sensitive", "obvious", "complex", "saved", "stored", "jamais",
    "never", "encore", "toujours", "aleatoire", "random", "generique", "generic",
    "automatique", "automatic", "nul", "nulle", "pourri", "pourrie", "naze", "moyen",
    "lamentable", "terrible",
})
# Words that complete a change verb into an idiom instead of giving the new value: "mdp mis
# à jour", "changé en urgence", "défini sur place", "changé en janvier" (accents and case
# removed). After "mis à", "changé en" a plain word is otherwise the password itself.
_VERB_COMPLEMENTS = frozenset({
    "jour", "zero", "niveau", "disposition", "urgence", "place", "ligne", "direct",
    "presence", "attente", "oeuvre", "service", "route", "marche", "vigueur", "conformite",
    "priorite", "evidence", "pause", "veille", "usine", "factory", "lowercase", "uppercase",
    "distance", "neuf", "blanc", "plat", "succes", "identique", "heure",
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
})
# After "compte x /", a plain word may name another account or a mail client, not a password.
_PAIR_STOP = frozenset({
    "android", "ios", "iphone", "ipad", "mac", "macos", "linux", "chrome", "firefox", "edge",
    "safari", "drive", "photos", "youtube", "whatsapp", "facebook", "instagram", "messenger",
    "skype", "zoom", "amazon", "netflix", "paypal", "ebay", "leboncoin", "ameli", "impots",
    "caf", "banque", "doctolib", "vinted", "spotify", "deezer", "disney", "canal", "laposte",
    "wanadoo", "neuf", "club-internet", "aol", "msn", "live", "proton", "protonmail",
    "thunderbird", "webmail", "imap", "pop", "pop3", "smtp", "exchange", "yahoo", "icloud",
    "travail", "boulot", "famille", "principal", "principale", "secondaire", "secours",
    "alias", "redirection", "transfert", "contact", "support", "facturation", "admin",
    "administrateur", "invite", "guest", "parent", "parents", "enfant", "enfants", "standard",
    "work", "home", "personal", "business", "family", "office", "teams", "onedrive", "user",
    "users", "utilisateurs", "limite", "restreint", "child", "kids",
})


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A closing tag glued to a value in a note pasted from a web page ("Soleil2024</p>").
_END_TAG = re.compile(r"(?:</[a-z][a-z0-9]{0,9}>|<br ?/?>)+$")


def _trim(token: str) -> str:
    return token.rstrip(_TRAILING)


def _trim_tag(token: str) -> str:
    """A value without the closing tag glued to it ("Soleil2024</p>")."""
    if token.endswith(">") and "<" in token:
        return _END_TAG.sub("", token).rstrip(_TRAILING)
    return token


def _ascii_digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


@functools.lru_cache(maxsize=512)  # the same words come back at every keystroke
def _is_stop(value: str) -> bool:
    key = _norm(value)
    return (key in _STOP or _PLACEHOLDER.fullmatch(value) is not None
            or _ORDINARY.fullmatch(value) is not None
            # feminine and plural forms of a status: "définie", "notées"
            or (len(key) > 4 and key.endswith(("e", "s")) and key[:-1] in _STOP)
            or (len(key) > 5 and key.endswith("es") and key[:-2] in _STOP))


# The commonest passwords of the published lists (French and English) and the vendors'
# documented default ones (Kali's root/toor, Raspberry Pi OS's pi/raspberry, Dell iDRAC's
# root/calvin): a password where a value goes, even as a plain word ("root / toor",
# "jean@gmail.com Azerty!", "mot de passe Windows azerty"). First names, places and
# words a note uses otherwise ("marseille", "bonjour", "master", "secret"; "dragon" and
# "shadow" name software a technician installs) are not here.
_COMMON_PASSWORDS = frozenset({
    "azerty", "azertyuiop", "qwerty", "qwertyuiop", "qwertz", "soleil", "doudou",
    "loulou", "chouchou", "jetaime", "iloveyou", "sunshine", "superman", "batman",
    "letmein", "changeme", "toor", "raspberry", "calvin", "alpine", "vagrant", "dietpi",
    "openelec", "libreelec",
})
_COMMON_PASSWORD_TAIL = "!?*#$@%&+"


def _common_password(token: str) -> bool:
    """One of the commonest passwords, maybe with symbols after it ("Azerty!")."""
    return token.lower().rstrip(_COMMON_PASSWORD_TAIL) in _COMMON_PASSWORDS


def _looks_secret(token: str) -> bool:
    """A token that mixes letters and digits, a PIN, letters/digits with a symbol, or one
    of the commonest passwords."""
    if not 4 <= len(token) <= 128 or _is_stop(token):
        return False
    has_digit = any("0" <= c <= "9" for c in token)
    has_alpha = any(c.isalpha() for c in token)
    if has_digit and has_alpha:
        return True
    if has_digit and token.isascii() and token.isdigit():
        return len(token) <= 16
    has_symbol = any(not c.isalnum() and c not in "-'’._" for c in token)
    return (has_symbol and (has_alpha or has_digit)) or _common_password(token)


# Nouns that end like a participle ("Bonne Année 2025", "la fée verte").
_NOT_PARTICIPLES = frozenset({
    "annee", "journee", "soiree", "matinee", "idee", "fee", "musee", "cafe", "the", "ete",
    "bebe", "epee", "armee", "fusee", "poupee", "allee", "vallee", "lycee", "pave", "cle",
    "bed", "red", "seed", "speed", "king", "ring", "spring", "wing", "sing", "thing",
})


def _participle(word: str) -> bool:
    low = word.casefold()
    if not low.endswith(("é", "ée", "és", "ées", "ed", "ing")) or _norm(low) in _NOT_PARTICIPLES:
        return False
    return not low.endswith(("ed", "ing")) or len(low) >= 5


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _plain_word_secret(word: str, predicate: bool = False) -> bool:
    """A single plain word after "mdp :" that is not a status ("oublié", "changed").

    `predicate`: after "le mot de passe est", where adjectives ("long") describe it.
    """
    for joiner in ("_", "."):
        if 3 <= len(word) <= 64 and joiner in word.strip(joiner):
            # "le_chat_noir", "marie.dupont": words joined by "_" or "." are never prose,
            # unless they spell a remark ("le_client_le_sait") or, with dots, name a host
            # or a file ("gmail.com", "mdp.txt": where it is, not what it is).
            if joiner == "." and (_HOST_END.search(word) or _FILE_END.search(word)):
                return False
            parts = word.split(joiner)
            return all(_WORD.fullmatch(part) and not _remark(_norm(part))
                       and _norm(part) not in _STOP
                       for part in parts if _norm(part) not in _ARTICLE_WORDS)
    # A word of Chinese, Japanese or Korean is often two characters ("太阳", sun).
    shortest = 2 if _CJK.search(word) else 3
    if not shortest <= len(word) <= 64 or _WORD.fullmatch(word) is None or _is_stop(word):
        return False
    if (_remark(_norm(word)) or (predicate and _norm(word) in _ADJECTIVES)
            or _inflected_in(_norm(word), _BARE_PARTICIPLES)):
        return False  # a remark, a description, a status typed without accents
    return not _participle(word)


_PHRASE_WORDS = re.compile(
    rf"[^\W_]+(?:['’-][^\W_]+)*(?:{_H}+[^\W_]+(?:['’-][^\W_]+)*){{1,5}}")
_APOSTROPHES = re.compile(r"['’]")


# Words that look like a remark word's feminine and are not: "marie" is a name, not "mari".
_NOT_INFLECTED = frozenset({"marie"})


def _remark(key: str) -> bool:
    """A remark word, also in its feminine or plural form ("réussie", "tentatives")."""
    if key in _NOT_INFLECTED:
        return False
    return (key in _REMARK or (len(key) > 3 and key.endswith(("e", "s")) and key[:-1] in _REMARK)
            or (len(key) > 4 and key.endswith("es") and key[:-2] in _REMARK))


def _article(part: str, key: str) -> bool:
    return key in _ARTICLE_WORDS and part != "à"  # "à" is no "a"


def _passphrase_at(text: str, pos: int) -> int | None:
    """End of a passphrase of 2-6 words ending the clause ("le chat noir"), if it is one.

    Remarks about the password ("sur l'étiquette", "changé par le client", "see ticket")
    hold a preposition, a pronoun, a verb, a status or a person, and are not passphrases.
    """
    m = _PHRASE_WORDS.match(text, pos)
    if m is None or m.end() - pos > 64 or not _CLAUSE_END.match(text, m.end()):
        return None
    content = 0
    status_first = False
    for word in m.group().split():
        for part in _APOSTROPHES.split(word):
            key = _norm(part)
            if _article(part, key):
                continue
            if (_remark(key) or _participle(part) or _PLACEHOLDER.fullmatch(part)
                    or _inflected_in(key, _BARE_PARTICIPLES)):
                return None
            # A status or a preposition opens a remark ("inconnu du client", "en cours",
            # "au dos de la box"); further in, it may be part of the phrase ("la vie en rose").
            if not content and (key in _LEADING or part == "à"):
                return None
            if not content and _is_stop(part):
                status_first = True  # "inconnu du client", unless a long phrase follows
            content += 1
    return m.end() if content >= (4 if status_first else 2) else None


class _Context(NamedTuple):
    kind: str
    tool: str | None
    explicit_password: bool  # "mot de passe TeamViewer" (a 9-digit value is no ID then)
    creds: bool      # "identifiants", "login/mdp": a "user / password" pair comes first
    pair_only: bool  # "identifiants": a user name alone is no password
    strict: bool     # "pass", "pw": common words, they need more evidence
    digits: bool = False  # "carte SIM", "code de l'alarme", a one-time code: digits only


_NON_ALNUM = re.compile(r"[\W_]+")


def _tool_name(raw: str) -> str:
    key = _NON_ALNUM.sub("", raw.casefold())
    return _TOOL_NAMES.get(key, raw)


def _digits_secret(value: str, ctx: _Context) -> bool:
    count = len(_ascii_digits(value))
    if ctx.tool is not None and not ctx.explicit_password and 9 <= count <= 10:
        return False  # a TeamViewer/AnyDesk ID, not its password
    if count == 10 and value.lstrip().startswith("0"):
        return False  # a French phone number
    if ctx.kind == "pin":
        return 4 <= count <= 12
    if ctx.kind == "card-number":
        return 3 <= count <= 4  # CVV
    if ctx.kind == "one-time-code":
        return 4 <= count <= 8
    return 4 <= count <= 24


# How closely a value is linked to its phrase, hence what it takes to count as a secret.
_STRONG_LINK = 3   # "mdp : x": quoted, digits, secret-looking token or a plain word
_LINK = 2          # "mdp changé : x", "le mdp est x": quoted, digits or secret-looking
_WEAK_LINK = 1     # "mdp x": the same, and a PIN needs digits
_MIXED_ONLY = 0    # "pass x", "pw x": only letters mixed with digits

# What may follow the value's phrase besides a secret-looking token, per link.
_PLAIN_NONE = 0      # nothing more
_PLAIN_WORD = 1      # "mdp : chaton": a plain word that ends the clause
_PLAIN_PREDICATE = 2  # "le mot de passe est chaton": the same, adjectives excepted

_PASSWORDS = frozenset({"password", "wifi-key", "remote-tool-code"})
_OTP_TOKEN = re.compile(r"[a-z]-[0-9]{4,8}|[0-9]{3,4}-[0-9]{3,4}")  # "G-482913", "482-913"
_DIGICODE = re.compile(  # "A1937", "1937B", "12A45", "1234#" (the keypad's confirm key)
    r"(?:[a-z]?[0-9]{4,8}|[0-9]{3,8}[a-z]|(?=(?:[a-z]?[0-9]){3})[0-9]{1,4}[a-z][0-9]{1,4})"
    r"[#*]?")
# A PIN spelt digit by digit with dashes or dots ("1-2-3-4"), which would otherwise read as
# a date or a version; after ":" or a verb only ("pin 1-2 du jumper" is a connector's).
_SPELT_DIGITS = re.compile(r"[0-9](?:[-.][0-9]){3,11}")
_PRODUCT_SHAPE = re.compile(r"[a-z0-9]{4,6}(?:[ -][a-z0-9]{4,6}){2,7}(?![\w-])")
_TOKEN_PLACEHOLDER = re.compile(r"[<${%\[(].*|.*(?:xxx|\*\*\*|\.\.\.|…).*")


# Dashed groups, BitLocker's six-digit groups with spaces, or one run (backup codes listed
# with spaces, "48291037 59302148", are codes of their own).
_RECOVERY_GROUPS = re.compile(
    r"[0-9]{4,8}(?:-[0-9]{2,8}){1,11}(?![\w-])|[0-9]{6}(?: [0-9]{2,7}){2,10}(?![\w-])"
    r"|[0-9]{12,64}(?!\w)")


_QUERY_REST = re.compile(r"&[a-z_][a-z0-9_.-]*=")
_BACKUP_CODE = re.compile(r"[0-9]{4,8}(?:-[0-9]{4,8})+(?![\w-])")
_KEY_GROUPS = re.compile(r"[a-z0-9]{4,6}(?:-[a-z0-9]{4,6}){3,7}(?![\w-])")


def _quoted_passphrase(text: str, pos: int, value: str) -> bool:
    """The quoted `value` at `pos` ends its clause and reads as a passphrase, not a
    remark ("petit chat", not "voir avec le client")."""
    quoted = _QUOTED.match(text, pos)
    return (quoted is not None and _CLAUSE_END.match(text, quoted.end()) is not None
            and _passphrase_at(value + "\n", 0) == len(value))


def _quoted_at(text: str, pos: int) -> tuple[str, int, int] | None:
    quoted = _QUOTED.match(text, pos)
    if quoted is None:
        return None
    name = next(k for k, v in quoted.groupdict().items() if v is not None)
    start = quoted.start(name)
    return quoted.group(name).strip(), start, start + len(quoted.group(name).rstrip())


def _token_value(text: str, pos: int) -> tuple[int, int] | None:
    """An API token or secret key after its phrase: 12+ characters, letters and digits."""
    quoted = _quoted_at(text, pos)
    if quoted is not None:
        token, start = quoted[0], quoted[1]
    else:
        found = _TOKEN.match(text, pos)
        if found is None:
            return None
        token, start = _trim(found.group()), pos
        # A URL's query goes on after the token ("otpauth://...?secret=X&issuer=Google").
        amp = token.find("&")
        if amp > 0 and "=" in token[amp:]:
            token = token[:amp]
    if (len(token) < 12 or not _mixed(token) or _TOKEN_PLACEHOLDER.fullmatch(token)
            or " " in token or _is_stop(token)):
        return None
    return start, start + len(token)


def _product_value(text: str, pos: int) -> tuple[int, int] | None:
    """A product key after its phrase: groups of letters and digits, or one long token."""
    shaped = _PRODUCT_SHAPE.match(text, pos)
    if shaped is not None and _product_key(shaped.group()):
        return shaped.span()
    found = _TOKEN.match(text, pos)
    if found is None:
        return None
    token = _trim(found.group())
    if len(token) >= 12 and _mixed(token) and not _is_stop(token) and _product_key(token):
        return pos, pos + len(token)
    return None


def _value_at(text: str, pos: int, ctx: _Context, link: int, plain: int = _PLAIN_NONE,
              phrase: bool = False) -> tuple[int, int] | None:
    """The span of a secret value starting at `pos`, if there is one.

    `plain` says whether a plain word may be the secret; `phrase` whether a passphrase of
    several words may be (after ":" only).
    """
    if ctx.kind in ("api-token", "private-key"):
        return _token_value(text, pos)
    if ctx.kind == "product-key":
        return _product_value(text, pos)
    if ctx.kind == "recovery-key":
        # After its phrase, a recovery key mistyped, pasted in part or run together
        # (groups of digits that fail BitLocker's own checks) is still the key.
        groups = _RECOVERY_GROUPS.match(text, pos)
        if groups is not None and len(_ascii_digits(groups.group())) >= 12:
            return groups.span()
        # A backup code in dashed groups of four digits or more ("1234-5678"), which would
        # otherwise read as a date or a reference ("12-03-2024" has shorter groups).
        code = _BACKUP_CODE.match(text, pos)
        if code is not None:
            return code.span()
        # Apple's and Microsoft's keys: groups of four to six letters and digits
        # ("K7Q2-M9XP-...-2FGS", "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY"), even without ":".
        code = _KEY_GROUPS.match(text, pos)
        if code is not None:
            return code.span()
    if ctx.creds:
        span = _credentials_pair(text, pos)
        if span is not None:
            return span
        if ctx.pair_only or _user_then_status(text, pos):
            return None
    numeric = ctx.digits or ctx.kind in ("pin", "card-number", "one-time-code")
    paren = _PAREN.match(text, pos) if link > _MIXED_ONLY else None
    if paren is not None:
        # "mot de passe (Soleil2024)": a bracketed value that looks like a secret; other
        # brackets hold remarks ("(non noté)", "(2FA)", "(admin)").
        value = paren.group("v")
        if value.isascii() and value.isdigit():
            found = _digits_secret(value, ctx)
        else:
            found = not numeric and _looks_secret(value)
        return paren.span("v") if found else None
    if link > _MIXED_ONLY and text[pos:pos + 1] in _OPENERS:
        opened = _opened_value(text, pos, ctx, numeric, plain, phrase)
        if opened is not None:
            return opened
    quoted = _quoted_at(text, pos) if link > _MIXED_ONLY else None
    if quoted is not None:
        value, start, end = quoted
        # Without ":" a quoted phrase is more likely a screen's wording ("mot de passe
        # « Windows Hello » configuré") than a passphrase, unless part of it looks secret,
        # or a password's quoted words end the clause and read as no remark ('mot de
        # passe "petit chat"', not 'mot de passe « Windows Hello » configuré').
        words = value.split()
        if len(words) > 1 and link < _STRONG_LINK and not any(map(_looks_secret, words)) and (
                ctx.kind not in _PASSWORDS or ctx.tool is not None
                or not _quoted_passphrase(text, pos, value)):
            return None
        if ctx.digits and not _digits_secret(value, ctx):
            return None
        if any(c.isalnum() for c in value) and not _is_stop(value):
            return start, end
        return None
    groups = _DIGIT_GROUPS.match(text, pos) if link > _MIXED_ONLY else None
    if groups is not None:
        return (groups.start(), groups.end()) if _digits_secret(groups.group(), ctx) else None
    token_match = _TOKEN.match(text, pos)
    if token_match is None:
        return None
    token = _trim(token_match.group())
    if token[-1:] == ">":
        # A closing tag glued to it ("Soleil2024</p>"), or a bracket closed that was never
        # opened ("mdp Soleil2024>"), as "}" and ")" are trimmed.
        token = _trim_tag(token) if "<" in token else _trim(token.rstrip(">"))
    amp = token.find("&")
    if amp > 0 and _QUERY_REST.match(token, amp):
        token = token[:amp]  # "mdp=Soleil2024&user=jean": a URL's query goes on
    if not token:
        return None
    end = pos + len(token)
    if token.isascii() and token.isdigit():
        if link == _MIXED_ONLY:
            return None
        return (pos, end) if _digits_secret(token, ctx) else None
    if (ctx.kind == "pin" and (link >= _LINK or (link > _MIXED_ONLY and "." not in token))
            and _SPELT_DIGITS.fullmatch(token)):
        # "code PIN : 1-2-3-4", "code de déverrouillage : 1.4.7.8.9"; without ":" dashes
        # only ("code PIN 1-2-3-4": single digits, no date), as dots could be a version.
        return pos, end
    if ctx.kind == "one-time-code":
        return (pos, end) if _OTP_TOKEN.fullmatch(token) else None
    if ctx.kind == "pin" and _DIGICODE.fullmatch(token) and not _is_stop(token):
        return pos, end
    if ctx.digits or ctx.kind == "card-number" or (ctx.kind == "pin" and link < _LINK):
        return None  # "PIN Windows Hello": without ":" only digits make a PIN
    if link == _MIXED_ONLY:
        return (pos, end) if _mixed(token) and _looks_secret(token) else None
    if (token[-1] == "-" and len(token) > 1 and ctx.kind in _PASSWORDS
            and text.startswith(("\n", "\r\n"), end)):
        # "mdp : Sol-\neil2024": a word hyphenated at the line's end is read whole (the
        # next line's part is found by _continued_below).
        below = _ALONE_BELOW.match(text, end)
        whole = token[:-1] + _trim(below.group("v")) if below is not None else ""
        if whole and (_looks_secret(whole) or (plain and _plain_word_secret(whole))):
            return pos, end
    if _looks_secret(token):
        return pos, _secret_tail(text, end) if ctx.kind in _PASSWORDS else end
    if (plain and _CLAUSE_END.match(text, end)
            and _plain_word_secret(token, predicate=plain == _PLAIN_PREDICATE)):
        return pos, end
    if (plain == _PLAIN_WORD and token[0].isdigit() and _birth_date(token)
            and _CLAUSE_END.match(text, end)
            and (ctx.kind in _PASSWORDS or ctx.kind == "pin")):
        return pos, end  # "mdp : 19/05/1956", a date of birth typed as the password
    if phrase and ctx.kind in _PASSWORDS:
        phrase_end = _passphrase_at(text, pos)
        if phrase_end is not None:
            return pos, phrase_end
    return None


# After "identifiants :", a user and a secret-looking password with a space, ";" or a line
# break between ("jdupont Soleil2024", "jdupont ; Soleil2024", "jdupont\nSoleil2024", as a
# list's items: "- jdupont\n- Soleil2024").
_SPACED_PAIR = re.compile(
    rf"(?P<user>[^\s/:|,;«»\"“”()]{{1,64}})(?:{_H}*;{_H}*|{_H}+|{_H}*\r?\n{_H}*"
    rf"(?:[-*•>+]{_H}+)?)"
    r"(?P<secret>[^\s,;«»\"“”]{1,64})")


def _credentials_pair(text: str, pos: int) -> tuple[int, int] | None:
    """A "user / password" pair after "identifiants", "login/mdp" ("jdupont / Soleil2024",
    "jdupont / le chat noir", "jdupont Soleil2024"); not a user then a remark ("jdupont /
    mot de passe oublié", "jdupont / en attente")."""
    pair = _PAIR.match(text, pos)
    if pair is not None:
        user, secret = pair.group("user"), _trim(pair.group("secret"))
        start = pair.start("secret")
        end = start + len(secret)
        # The user name may be an e-mail address; only fillers disqualify it.
        user_filler = _norm(user) in _STOP or _PLACEHOLDER.fullmatch(user) is not None
        if (not user_filler and not _TOOL.fullmatch(user) and any(c.isalnum() for c in secret)
                and not _phrase_at(text, start)):
            if _looks_secret(secret) or (not _is_stop(secret)
                                         and _CLAUSE_END.match(text, end) is not None):
                return pair.start(), end
            phrase_end = _passphrase_at(text, start)
            if phrase_end is not None:
                return pair.start(), phrase_end
        return None
    spaced = _SPACED_PAIR.match(text, pos)
    if spaced is None:
        return None
    user, secret = spaced.group("user"), _trim(spaced.group("secret"))
    end = spaced.start("secret") + len(secret)
    if (_is_stop(user) or _PLACEHOLDER.fullmatch(user) or _TOOL.fullmatch(user)
            or (_ORDINARY.fullmatch(user) and "@" not in user) or _TRIGGER.match(user)):
        return None
    if (_looks_secret(secret) and not secret.isdigit() and _CLAUSE_END.match(text, end)
            and not _phrase_at(text, spaced.start("secret"))
            and _YEAR_VERSION.fullmatch(secret) is None
            and (_REFERENCE.fullmatch(secret) is None or _word_number(secret))):
        return spaced.start(), end
    return None


def _user_then_status(text: str, pos: int) -> bool:
    """ "login/mdp : jdupont / oublié": the pair's user, then what became of the password;
    the user name is not the password "login/mdp" may also introduce alone."""
    pair = _PAIR.match(text, pos)
    if pair is None:
        return False
    secret = _trim(pair.group("secret"))
    return _is_stop(secret) or _participle(secret) or _phrase_at(text, pair.start("secret"))


def _phrase_at(text: str, start: int) -> bool:
    """A phrase that owns a value starts at `start` ("mdp: x", "mot de passe oublié"), not
    a value spelt like one ("P@ssw0rd")."""
    owner = _TRIGGER.match(text[start:start + 40])
    if owner is None or owner.lastgroup in _NOT_OWNERS:
        return False
    token = _TOKEN.match(text, start)
    value = _trim(token.group()) if token is not None else ""
    if owner.end() > len(value):
        return True  # a phrase of several words: "mot de passe"
    return _names_phrase(value, text, start + len(value))


# A full date, its year before 2010: a date of birth, the most common password there is
# ("mdp : 19/05/1956"). A recent date after ":" says when ("expiration du mot de passe :
# 12/03/2026"), and a date followed by more words is a remark.
_FULL_DATE = re.compile(
    r"(?:0?[1-9]|[12][0-9]|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})")


def _birth_date(token: str) -> bool:
    found = _FULL_DATE.fullmatch(token)
    if found is None:
        return False
    year = int(found.group("y"))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    return year < 2010


_NEXT_TOKEN = re.compile(r"[ \t](?P<t>[^\s,;«»\"“”]{1,64})")


def _secret_tail(text: str, end: int) -> int:
    """A password typed with spaces ("P@ss w0rd"): the secret-looking tokens that follow
    the first one, one space apart, belong to it (a word of prose does not)."""
    for _more in range(3):
        nxt = _NEXT_TOKEN.match(text, end)
        if nxt is None:
            break
        token = _trim(nxt.group("t"))
        if not _looks_secret(token) or _names_phrase(token, text, nxt.start("t") + len(token)):
            break
        end = nxt.start("t") + len(token)
    return end


# A phrase's own word typed where a value goes, with digits or symbols for its letters
# ("P@ssw0rd", "Pa$$w0rd", "passw0rd") or numbered past an abbreviation ("Password1",
# "Motdepasse2024"), is the commonest password there is, not a label: "jean@gmail.com
# P@ssw0rd". It is a label again when a link follows it ("p@ssword: x"), and "mdp1" or
# "pwd2" number the labels of a list.
_LINK_AFTER = re.compile(rf"{_H}*(?:[:=]|->|→)")


_PHRASE_MARKS = re.compile(r"[ ./-]")  # how a phrase's own spelling parts its letters


def _names_phrase(token: str, text: str = "", end: int = 0) -> bool:
    """`token` (a value's candidate, ending at `end` in `text`) is a phrase, not a value."""
    m = _TRIGGER.match(token)
    if m is None:
        return False
    if text and _LINK_AFTER.match(text, end):
        return True
    word = m.group()
    letters = word.rstrip("0123456789")
    if not _PHRASE_MARKS.sub("", letters).isalpha():
        return False  # "p@ssw0rd", "pa$$word", "p4ssword"
    if len(letters) >= 6 and len(word) > len(letters):
        return False  # "password1", "motdepasse2024"
    # "P@ssw0rd!", "Bbox-4821": what is glued after the phrase's word makes it a value too.
    return m.end() == len(token)


_ID_WORD = re.compile(r"(?:\(?id\)?|n°|no|[0-9]{1,4}|[0-9]{9,10}|[:,(=)-])")


def _tool_before(low: str, start: int, skip_id: bool = False) -> str | None:
    """The remote tool named right before a phrase ("TeamViewer password", "AnyDesk's").

    `skip_id`: the tool's ID may come in between ("AnyDesk 123 456 789 accès non surveillé").
    """
    words = low[max(0, start - 60):start].replace("’", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if skip_id:
        while words and _ID_WORD.fullmatch(words[-1].rstrip(",:;")):
            words.pop()
    for count in (1, 2, 3):
        key = _NON_ALNUM.sub("", "".join(words[-count:]))
        if key in _TOOL_NAMES:
            return _TOOL_NAMES[key]
    return None


def _hint_before(low: str, start: int) -> bool:
    """ "indice du mot de passe : chat" gives a hint, not the password."""
    window = low[max(0, start - 24):start]
    for word in ("indice", "hint", "question"):
        at = window.rfind(word)
        if at >= 0 and ":" not in window[at:] and "\n" not in window[at:]:
            return True
    return False


_CONTEXTS = {  # per trigger group (fields in the order of _Context)
    "recovery": _Context("recovery-key", None, False, False, False, False),
    "wifi": _Context("wifi-key", None, False, False, False, False),
    "tool": _Context("remote-tool-code", None, False, False, False, False),
    "creds": _Context("password", None, True, True, False, False),
    "otp": _Context("one-time-code", None, False, False, False, False, True),
    "totp": _Context("otp-secret", None, False, False, False, False),
    "product": _Context("product-key", None, False, False, False, False),
    "token": _Context("api-token", None, False, False, False, False),
    "answer": _Context("secret-answer", None, False, False, False, False),
    "unattended": _Context("remote-tool-code", None, False, False, False, False),
    "pin": _Context("pin", None, False, False, False, False),
    "wallet": _Context("recovery-key", None, False, False, False, False),
    "sim": _Context("pin", None, False, False, False, False, True),
    "pw": _Context("password", None, True, False, False, False),
    "cvv": _Context("card-number", None, False, False, False, False),
    "account": _Context("password", None, True, True, True, False),
    "code": _Context("pin", None, False, False, False, False, True),
    "strict": _Context("password", None, True, False, False, True),
    "mp": _Context("password", None, True, False, False, True),
    "seed": _Context("recovery-key", None, False, False, False, False),
    "privkey": _Context("private-key", None, False, False, False, False),
    "lock": _Context("pin", None, False, False, False, False, True),
    "pattern": _Context("pin", None, False, False, False, False, True),
    "bitlocker": _Context("recovery-key", None, False, False, False, False),
    "key": _Context("wifi-key", None, False, False, False, False),
}


def _context(m: re.Match[str]) -> _Context:
    group = m.lastgroup or "pw"
    ctx = _CONTEXTS[group]
    if group == "tool":
        found = _TOOL.search(m.group())
        return ctx._replace(tool=_tool_name(found.group()) if found else None)
    if group == "creds" and "/" not in m.group():
        return ctx._replace(pair_only=True)  # "identifiants": a pair, not a user name
    if group == "otp" and ("passe" in m.group() or "password" in m.group()):
        # "mot de passe à usage unique", "one-time password": a remote tool's random
        # password ("4kd9x2"), letters and digits, not only a code sent by SMS.
        return _CONTEXTS["pw"]
    return ctx


# Whose secret the qualifiers say it is: a remote tool's, the Wi-Fi's, a card's.
_QUALIFIER_KIND = re.compile(
    rf"(?x)\b(?:(?P<tool>{_TOOLS})|(?P<wifi>wi-?fi|wpa[23]?|wlan)|(?P<unattended>{_UNATTENDED})"
    r"|(?P<card>carte(?![ ]sim)|card|cb))\b")


def _with_tool(ctx: _Context, tool: str | None) -> _Context:
    kind = "remote-tool-code" if ctx.kind in ("password", "pin") else ctx.kind
    return ctx._replace(kind=kind, tool=tool)


def _refine(ctx: _Context, qualifiers: str) -> _Context:
    """Qualifiers between the phrase and the value can say whose secret it is."""
    if not qualifiers.strip():
        return ctx
    found = _QUALIFIER_KIND.search(qualifiers)
    if found is None:
        return ctx
    if found.group("tool"):
        return _with_tool(ctx, _tool_name(found.group("tool")))
    if found.group("unattended"):
        return _with_tool(ctx, ctx.tool) if ctx.kind == "password" else ctx
    if found.group("card"):  # "code de sécurité de la carte : 123"
        return ctx._replace(kind="card-number") if ctx.kind == "one-time-code" else ctx
    return ctx._replace(kind="wifi-key") if ctx.kind == "password" else ctx


_DIGIT = re.compile(r"[0-9]")


class _Layout(NamedTuple):
    """What a note holds that most phrases would look for in vain, looked for once per note
    (a look per phrase cost up to a tenth of a dense note's scan)."""

    split: bool   # a dot or a line break before ":" or "=" ("Mdp. : x", "Mot de passe\n: x")
    before: bool  # a word that puts a value before its phrase ("comme", "as")
    digits: bool  # a digit, which a value after an unlisted name must hold ("mdp caf X1")


def _layout(low: str) -> _Layout:
    return _Layout(
        split=_SPLIT_LINE.search(low) is not None or _SPLIT_DOT.search(low) is not None,
        before=("comme" in low or " as " in low or "tant que" in low or " is " in low
                or "est " in low or " = " in low),
        digits=_DIGIT.search(low) is not None)


def _phrase_finding(low: str, m: re.Match[str], hints: bool, layout: _Layout | None = None
                    ) -> tuple[_Context, int, int] | None:
    """The secret a phrase introduces. `hints`: the note holds a hint's word; `layout`:
    what else it holds (all of it when not given)."""
    if hints and m.lastgroup != "answer" and _hint_before(low, m.start()):
        return None
    if m.lastgroup == "recovery" and _KEY_ID_BEFORE.search(low, max(0, m.start() - 24),
                                                          m.start()):
        return None
    if layout is None:
        layout = _layout(low)
    found = _phrase_value(low, m, layout)
    if found is None and low.startswith("/", m.end()) and not (
            m.lastgroup == "pin" and _PIN_PUK.match(low, m.start()) is not None):
        # "mdp/PIN : 1234", "PIN/mdp : Soleil2024": two phrases glued by "/", which the
        # second's look-behind takes for a path's ("C:/pwd"); read as "mdp / PIN : 1234".
        # (A SIM's "PIN/PUK" is read as one phrase, its two codes together.)
        spaced = f"{low[:m.end()]} {low[m.end() + 1:]}"
        other = _TRIGGER.match(spaced, m.end() + 1)
        if other is not None:
            found = _phrase_value(spaced, other, layout)
    if found is None and layout.before and m.lastgroup in _VALUE_BEFORE_GROUPS:
        found = _value_before(low, m)
    if found is None:
        return None
    ctx, start, end = found
    if ctx.tool is None and ctx.kind in ("password", "pin", "remote-tool-code"):
        # Looked up only for a hit (it is only needed for the kind and the label).
        tool = _tool_before(low, m.start(), skip_id=ctx.kind == "remote-tool-code")
        if tool is not None:
            ctx = _with_tool(ctx, tool)
    return ctx, start, end


# The password named once, then its value given elliptically further on its line: "mot de
# passe oublié, nouveau : Soleil2025", "mdp réinitialisé, le nouveau est Soleil2025", "mot
# de passe, c'est Soleil2024". Only a value that looks like a secret counts ("nouveau : PC
# portable HP", "c'est fait" pass). Looked for only after a password phrase, and only past a
# separator (",", ";", "."), so that a note without one pays nothing.
_ELLIPSIS = re.compile(
    rf"""(?x)(?<![\w-])(?:nouve(?:au|l|lle)|new|ancien(?:ne)?|old|provisoire|tempor(?:aire|ary))
    (?![\w-])(?:{_H}+(?P<verb>{_C_EST}|{_OTHER_COPULAS}))?{_H}*
    (?(verb)(?:[:=]|->|→)?|(?:[:=]|->|→)){_H}*""")
_COMMA_COPULA = re.compile(rf",{_H}*(?:{_C_EST}|est|is)(?={_H}){_H}*")
_ELLIPSIS_GROUPS = frozenset({"pw", "pin"})
# What else "nouveau" may stand for, named in between: "mdp changé, ancien compte
# supprimé, nouveau : jean.martin2" gives the new account.
_OTHER_SUBJECT = re.compile(
    r"\b(?:comptes?|accounts?|postes?|pc|ordinateur|sessions?|utilisateurs?|users?|logins?"
    r"|identifiants?|adresses?|e-?mails?|num[eé]ros?|t[eé]l[eé]phones?|box|routeur|carte)\b")


def _ellipses(low: str) -> list[re.Match[str]]:
    """The words that give a value elliptically ("nouveau :"), looked for once per note."""
    if not ("nouv" in low or "new" in low or "ancien" in low or "old" in low
            or "provisoire" in low or "tempor" in low):
        return []
    return list(_ELLIPSIS.finditer(low))


def _elliptic_values(low: str, m: re.Match[str], ellipses: list[re.Match[str]]
                     ) -> list[tuple[int, int]]:
    """The values given elliptically after the password phrase `m`, on its line."""
    comma = _COMMA_COPULA.match(low, m.end()) if low.startswith(",", m.end()) else None
    links = [comma] if comma is not None else []
    if ellipses:
        end = low.find("\n", m.end(), m.end() + 120)
        end = end if end >= 0 else min(len(low), m.end() + 120)
        at = bisect.bisect_left([e.start() for e in ellipses], m.end())
        for link in ellipses[at:]:
            if link.start() >= end:
                break
            between = low[m.end():link.start()]
            if (("," in between or ";" in between or "." in between)
                    and _OTHER_SUBJECT.search(between) is None):
                links.append(link)
    pw = _CONTEXTS["pw"]
    found: list[tuple[int, int]] = []
    for link in links:
        span = _value_at(low, link.end(), pw, _LINK)
        if span is not None and _TRIGGER.match(low, span[0]) is None:
            found.append(span)
    return found


# The value said before its phrase: "a choisi Soleil2024 comme mot de passe", "j'ai mis
# 1234 comme code PIN", "set Welcome1 as the new password". Only a secret-looking value
# ("sa date de naissance comme mot de passe" describes it); a few articles in between.
_AS_PHRASE = re.compile(
    rf"(?:^|(?<=[\s(]))[\"'«“]?{_H}*(?P<v>[^\s,;«»\"“”']{{4,64}}?){_H}*[\"'»”]?{_H}+"
    rf"(?:comme|as|en{_H}+tant{_H}+que|is|est|{_C_EST}|=){_H}+(?:(?:le|la|l{_APOS}|son|sa|mon|ma|un|une"
    rf"|nouveau|nouvel|nouvelle|the|a|his|her|my|its|new){_H}+){{0,2}}$")
_VALUE_BEFORE_GROUPS = frozenset({"pw", "pin", "wifi", "tool"})



def _value_before(low: str, m: re.Match[str]) -> tuple[_Context, int, int] | None:
    window = max(0, m.start() - 90)
    if (low.find("comme", window, m.start()) < 0 and low.find("as", window, m.start()) < 0
            and low.find("tant que", window, m.start()) < 0
            and low.find(" is ", window, m.start()) < 0
            and low.find("est ", window, m.start()) < 0
            and low.find(" = ", window, m.start()) < 0):  # "as" also in "passe"
        return None
    found = _AS_PHRASE.search(low, window, m.start())
    if found is None:
        return None
    ctx = _context(m)
    value = found.group("v")
    if ctx.kind == "pin":
        secret = value.isascii() and value.isdigit() and 4 <= len(value) <= 12
    else:
        # Nine or ten digits are a remote tool's ID ("ID 123456789 = mot de passe TV ?").
        secret = (_looks_secret(value) and _TRIGGER.match(value) is None
                  and not (value.isdigit() and len(value) >= 9))
    return (ctx, found.start("v"), found.end("v")) if secret else None


def _owner_in(qualifiers: str, group: str | None = None) -> bool:
    """Another phrase among the qualifiers owns the value ("mdp et code PIN : 1234"); one
    of the same `group` only says it again ("clé wifi (WPA2-PSK) : ...")."""
    return any(m.lastgroup not in _NOT_OWNERS and m.lastgroup != group
               for m in _TRIGGER.finditer(qualifiers))


_KEY_ID = re.compile(r"\b(?:id|identifiant|identificateur|identifier)\b")
# A "clé wifi USB" (a "clé" is also a stick) is a Wi-Fi adapter: its model follows.
_ADAPTER = re.compile(r"\b(?:usb|dongle|nano|adaptateur|adapter|bluetooth)\b")
# "ID de clé de récupération", "Identificateur de clé": BitLocker shows the key's ID.
_KEY_ID_BEFORE = re.compile(r"\b(?:id|identifiant|identificateur|identifier)(?: de| du| of)?"
                            r"(?: la| l'| the)? ?$")


# A wallet's recovery phrase: 12 to 24 words of 3 to 8 lower-case letters (BIP-39).
# The words may be numbered as wallets show them, and one a line ("1. abandon 2. ability",
# "1) abandon\n2) ability"); 12, 15, 18, 21 or 24 of them are the phrase, all the words or
# those before a line's end (the note's next line is not; a sentence of 13 words is none).
_SEED_NUMBER = rf"(?:[0-9]{{1,2}}[.):-]?{_H}*)?"
_SEED_WORDS = re.compile(
    rf"{_SEED_NUMBER}[a-z]{{3,8}}(?:(?:{_H}+|{_H}*[,-]{_H}*|{_H}*\r?\n\s*){_SEED_NUMBER}"
    rf"[a-z]{{3,8}}){{11,23}}(?![\w-])")
_SEED_WORD = re.compile(r"[a-z]{3,8}")
_SEED_COUNTS = (24, 21, 18, 15, 12)
_SEED_LINK = re.compile(
    rf"(?:{_H}+[^\W\d_]{{2,20}}){{0,2}}{_H}*(?:\([^()\n]{{1,40}}\){_H}*)?"
    rf"(?:[:=]|->|→)?{_H}*(?:\r?\n{_H}*)?")


def _seed_value(low: str, m: re.Match[str], ctx: _Context) -> tuple[_Context, int, int] | None:
    """ "seed phrase : abandon ability able …": the words themselves, not a remark."""
    link = _SEED_LINK.match(low, m.end())
    spaces = _SPACES.match(low, m.end())
    # (the link's qualifiers may be the phrase's first words: "seed phrase abandon ...")
    for start in dict.fromkeys((link.end() if link else m.end(),
                                spaces.end() if spaces else m.end())):
        words = _SEED_WORDS.match(low, start)
        if words is None:
            continue
        found = list(_SEED_WORD.finditer(low, start, words.end()))
        breaks = ["\n" in low[a.end():b.start()] for a, b in pairwise(found)]
        if breaks[0]:
            # One word a line: up to the first line of several words (the note again).
            kept = breaks.index(False) if False in breaks else len(found)
            found = found[:kept]
        # All the words, or the first ones up to a line's end: a sentence goes on.
        count = next((n for n in _SEED_COUNTS if n == len(found) or (
            n < len(found) and breaks[n - 1])), 0)
        if count:
            return ctx, start, found[count - 1].end()
    if m.lastgroup == "seed" and m.group() == "seed":
        # "seed : JBSWY3DPEHPK3PXP": no wallet's words but a two-factor app's seed.
        return _totp_value(low, m, _CONTEXTS["totp"])
    return None


# A wallet's recovery phrase with no phrase before it: 12, 15, 18, 21 or 24 words of one
# BIP-39 list (English or French) in a row, and no more of them around (a run of another
# length is a sentence, unless a window of it carries the phrase's own checksum). Prose
# breaks such runs at once ("the", "and", "de", "la" are in neither list; short words, long
# ones and digits are none of them). The French list's words are also read without their
# accents.


@functools.cache
def _bip39_lists() -> tuple[dict[str, int], dict[str, int]]:
    from sessiond.privacy.bip39 import ENGLISH, FRENCH

    english = {word: index for index, word in enumerate(ENGLISH.split())}
    french = {word: index for index, word in enumerate(FRENCH.split())}
    for word, index in list(french.items()):
        french.setdefault(_strip_accents(word), index)
    return english, french


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _seed_checksum(indices: Sequence[int]) -> bool:
    """BIP-39's checksum: the last len/3 bits are the first bits of SHA-256(entropy)."""
    bits = 0
    for index in indices:
        bits = bits << 11 | index
    checksum = len(indices) // 3
    entropy = (bits >> checksum).to_bytes((len(indices) * 11 - checksum) // 8, "big")
    return hashlib.sha256(entropy).digest()[0] >> (8 - checksum) == bits & ((1 << checksum) - 1)


def _seed_in(indices: list[int | None]) -> tuple[int, int] | None:
    """The first stretch of listed words that is a phrase: (first, last) word numbers."""
    start = 0
    while start < len(indices):
        if indices[start] is None:
            start += 1
            continue
        end = start
        while end < len(indices) and indices[end] is not None:
            end += 1
        length = end - start
        if length in _SEED_COUNTS:
            return start, end - 1
        if 12 < length <= 48:
            # A listed word more before or after the phrase ("abandon … about merci" has
            # none: "merci" is in neither list): the window at either end, by its checksum
            # (a window anywhere would give a sentence of list words many chances).
            stretch = [i for i in indices[start:end] if i is not None]
            for count in _SEED_COUNTS:
                for first in dict.fromkeys((0, length - count)):
                    if count <= length and _seed_checksum(stretch[first:first + count]):
                        return start + first, start + first + count - 1
        start = end
    return None


_NUMBERING = re.compile(r"[0-9]{1,2}[.)-]?")
_LIST_WORDS = re.compile(r"[^\s,]+")


def _listed_run(low: str, start: int, end: int,
                lists: tuple[dict[str, int], dict[str, int]]) -> tuple[int, int] | None:
    """The phrase among the words of low[start:end] (numbers that count them skipped)."""
    words = [w for w in _LIST_WORDS.finditer(low, start, end)
             if _NUMBERING.fullmatch(w.group()) is None]
    if not 12 <= len(words) <= 48:
        return None
    for listed in lists:
        found = _seed_in([listed.get(w.group()) for w in words])
        if found is not None:
            return words[found[0]].start(), words[found[1]].end()
    return None


def _ends_listed(segment: str, lists: tuple[dict[str, int], dict[str, int]]) -> bool:
    """Whether the phrase could start and end the segment: its first or second word (a
    number before them skipped) and its last or last but one (a word may follow: "merci")
    are listed. A cheap look before reading them all."""
    tail = segment.rsplit(None, 2)
    if len(tail) < 3:
        return False
    english, french = lists
    last, before = tail[2].rstrip(","), tail[1].rstrip(",")
    if (last not in english and last not in french
            and before not in english and before not in french):
        return False  # prose ends with "." or a number
    head = segment.split(None, 3)
    first, second = (head[1], head[2]) if head[0][0].isdigit() else (head[0], head[1])
    first, second = first.rstrip(","), second.rstrip(",")
    return (first in english or first in french or second in english or second in french)


def _bare_seeds(low: str) -> Iterable[tuple[int, int]]:
    """Read line by line: a phrase fills its line or what follows the line's last ":" ("noté
    dans un fichier : legal winner …"), or takes one line a word. A regex pass over the
    whole note cost a fifth of the scan; this is a split and two counts a line."""
    lists = _bip39_lists()
    column: list[tuple[int, int]] = []  # lines of one word each, in a row
    position = 0
    for line in [*low.split("\n"), ""]:
        start, position = position, position + len(line) + 1
        colon = line.rfind(":") + 1
        # 12 to 48 words, their commas too (a longer line is prose, never read word by word)
        if (11 <= line.count(" ", colon) + line.count(",", colon) <= 100
                and _ends_listed(line[colon:], lists)):
            found = _listed_run(low, start + colon, start + len(line), lists)
            if found is not None:
                yield found
        if len(line) <= 16:  # a word alone on its line, maybe numbered ("3. able")
            stripped = line.strip()
            word = stripped.rsplit(None, 1)[-1] if stripped else ""
            if 3 <= len(word) <= 8 and (len(word) == len(stripped) or _NUMBERING.fullmatch(
                    stripped[:len(stripped) - len(word)].rstrip()) is not None):
                at = start + line.rindex(word)
                column.append((at, at + len(word)))
                continue
        if len(column) >= 12:
            found = _listed_run(low, column[0][0], column[-1][1], lists)
            if found is not None:
                yield found
        column = []


# A two-factor secret (the TOTP seed an authenticator app is set up with): base32, 16 to
# 128 letters and digits 2-7, run together or in groups of four as Google shows its "clé
# de configuration" ("jbsw y3dp ehpk 3pxp"), after "2FA", "TOTP", "clé 2FA", "setup
# key", "Authenticator" and a few words and ":". A digit is required: sixteen letters
# alone are a word more likely than a seed ("Authenticator : authentification").
_TOTP_VALUE = re.compile(
    rf"(?:{_H}+[^\W\d_]{{2,20}}){{0,3}}?{_H}*(?:\([^()\n]{{1,40}}\){_H}*)?"
    rf"(?:[:=]|->|→)?{_H}*(?:\r?\n{_H}*)?(?P<v>[a-z2-7]{{16,128}}|[a-z2-7]{{4}}(?:{_H}[a-z2-7]{{4}}){{3,31}})={{0,6}}(?![\w-])")


def _totp_value(low: str, m: re.Match[str], ctx: _Context) -> tuple[_Context, int, int] | None:
    found = _TOTP_VALUE.match(low, m.end())
    if found is None or not any(c in "234567" for c in found.group("v")):
        return None
    return ctx, found.start("v"), found.end()


# A SIM card's two codes together: "PIN/PUK : 1234 / 12345678" (the PIN 4 to 8 digits, the
# PUK 8), either order, after a few words ("de la carte SIM") and ":" or none; one of them
# alone after ":".
_PIN_PUK = re.compile(r"(?:codes?[ ])?(?:pin[ ]?/[ ]?puk|puk[ ]?/[ ]?pin)(?![\w@])")
_PIN_PUK_VALUE = re.compile(
    rf"(?:{_H}+[^\W\d_]{{2,20}}){{0,4}}?{_H}*(?P<colon>[:=]|->|→)?{_H}*"
    rf"(?P<v>[0-9]{{4,8}}(?:(?:{_H}*[/,;&]{_H}*|{_H}+(?:et|and){_H}+|{_H}+)[0-9]{{4,8}})?)"
    r"(?![\w-])")


def _pin_puk_value(low: str, m: re.Match[str], ctx: _Context
                   ) -> tuple[_Context, int, int] | None:
    found = _PIN_PUK_VALUE.match(low, m.end())
    if found is None:
        return None
    codes = re.findall(r"[0-9]+", found.group("v"))
    if len(codes) == 1 and found.group("colon") is None:
        return None  # one code alone after ":" only ("PIN/PUK : 1234")
    if len(codes) == 2 and not any(len(code) == 8 for code in codes):
        return None  # a PUK has eight digits: "PIN/PUK : 2024 / 2025" are years
    return ctx, found.start("v"), found.end("v")


# "alarme : 1937", "coffre-fort = 0412": a lock named alone takes its code only after ":"
# or "=", and only digits ("alarme : 2 détecteurs", "portail : motorisé" pass).
_LOCK_LINK = re.compile(rf"(?:{_H}+[^\W\d_]{{2,20}}){{0,2}}{_H}*[:=]{_H}*")


def _lock_value(low: str, m: re.Match[str], ctx: _Context) -> tuple[_Context, int, int] | None:
    link = _LOCK_LINK.match(low, m.end())
    if link is None or _owner_in(link.group()):
        return None
    span = _value_at(low, link.end(), ctx, _LINK)
    if span is None:
        return None
    value = low[span[0]:span[1]]
    if len(value) == 4 and value.isdigit() and 1950 <= int(value) <= 2049:
        return None  # "alarme : 2024" says when, most likely; "code de l'alarme : 2024" counts
    return ctx, span[0], span[1]


# A phone's unlock pattern ("schéma de déverrouillage : 1-4-7-8-9", "schéma android 14789",
# "unlock pattern 1 -> 4 -> 7 -> 8"): the dots of a 3x3 grid, numbered 1 to 9, 4 to 9 of
# them, none twice (a pattern cannot cross a dot again), after a few words ("du téléphone")
# and ":", "=", an arrow or none. "schéma" alone is also a diagram: nothing but that shape
# counts ("schéma 2", "schéma 2019" with its 0, "schéma réseau : box -> switch" pass).
# Dots and commas are no separators there ("schéma version 1.2.3.4", "schémas 1, 2, 3, 4"),
# nor is a page or a step a pattern ("schéma page 3-4-5-6").
_PATTERN_VALUE = re.compile(
    rf"(?:{_H}+(?!(?:pages?|versions?|figures?|fig|[eé]tapes?|steps?|num[eé]ros?|sections?"
    rf"|points?)\b)[^\W\d_]+(?:['’-][^\W\d_]+)*){{0,5}}?{_H}*(?:[:=]|->|→)?{_H}*"
    rf"(?P<v>[1-9](?:(?:{_H}*(?:-+>?|→|>){_H}*|{_H})?[1-9]){{3,8}})(?![\w.,-])")


# The pattern told by the letter its dots draw: "schéma de déverrouillage : L", "schéma en
# Z", "unlock pattern: N" (after the unlock phrase, or "en" / "en forme de" after "schéma").
_PATTERN_SHAPE = re.compile(
    rf"(?:(?P<colon>{_H}*[:=]{_H}*)|{_H}+(?:en|in(?:{_H}+(?:the{_H}+)?shape{_H}+of)?"
    rf"|shaped|en{_H}+forme{_H}+d{_APOS}?(?:e{_H}+)?){_H}*)"
    rf"(?P<v>[a-z])(?:{_H}*$|{_H}*(?=[\n,;.)]))")


def _pattern_value(low: str, m: re.Match[str], ctx: _Context
                   ) -> tuple[_Context, int, int] | None:
    found = _PATTERN_VALUE.match(low, m.end())
    if found is None:
        shape = _PATTERN_SHAPE.match(low, m.end())
        unlock = m.group() != "schéma" and m.group() != "schema" and m.group() != "pattern"
        if shape is not None and (unlock or shape.group("colon") is None):
            # The phrase with its letter: a letter alone is in every message's words.
            return ctx, m.start(), shape.end("v")
        return None
    dots = _ascii_digits(found.group("v"))
    if len(set(dots)) != len(dots):
        return None
    return ctx, found.start("v"), found.end("v")


# "BitLocker : 318043-582406-…": the name alone then a few words ("du portable") and digits
# in groups, 24 digits or more (four groups of six at least: a key pasted in part or with a
# typo; BitLocker's key IDs hold letters). Nothing else: "BitLocker AES-256", "BitLocker
# 2024" pass.
_BITLOCKER_VALUE = re.compile(
    rf"(?:{_H}+[^\W\d_]+(?:['’-][^\W\d_]+)*){{0,4}}?{_H}*(?:[:=]|->|→)?{_H}*"
    r"(?P<v>[0-9]{4,8}(?:[- ][0-9]{2,8}){3,11})(?![\w-])")


def _bitlocker_value(low: str, m: re.Match[str], ctx: _Context
                     ) -> tuple[_Context, int, int] | None:
    found = _BITLOCKER_VALUE.match(low, m.end())
    if found is None or len(_ascii_digits(found.group("v"))) < 24:
        return None
    return ctx, found.start("v"), found.end("v")


# A bare "clé"/"key" is a Wi-Fi key when the same line speaks of a Wi-Fi network ("SSID
# Livebox-A1B2, clé : 4F7E9A2C1D"); elsewhere it is a USB stick, a 4G dongle, a product key.
_WIFI_CONTEXT = re.compile(
    r"\b(?:wi-?fi|ssid|wpa[23]?|wlan|r[eé]seau|network|livebox|freebox|bbox)\b")


# A bare "clé" said the box's or the network's ("clé de la box : x", "clé Livebox : x",
# "clé du routeur : x"), its model maybe named ("clé de la Livebox 5 : x"): the Wi-Fi key.
_BOX_QUAL = re.compile(
    rf"(?:{_H}+(?:de|du|la|le|l{_APOS}|d{_APOS}))*{_H}*(?:box|livebox|freebox|bbox|neufbox"
    rf"|routeur|router|modem|r[eé]seau|wi-?fi|wlan)(?:{_H}+[a-z0-9+-]{{1,12}})?")
_BOX_COPULA = re.compile(rf"{_BOX_QUAL.pattern}{_H}+(?:{_C_EST}|est|is){_H}+")
# The line above a bare "clé" that names the network (its name or the box's).
_WIFI_ABOVE = re.compile(
    r"\b(?:wi-?fi|ssid|wlan|livebox|freebox|bbox|nom[ \t]+du[ \t]+r[eé]seau|network[ \t]+name)\b")


# The security mode glued to "WPA": "-SAE", "-PSK", "/WPA3", "-Personal".
_WIFI_MODE = re.compile(
    r"(?:[-/](?:wpa[23]?|psk|sae|personal|personnel|enterprise|entreprise|eap|aes|tkip|ccmp))+"
    r"(?![\w-])")
_CIPHER = re.compile(r"aes|tkip|ccmp|gcmp|sae|personal|personnel|enterprise|entreprise|mix")


def _licence_key_value(low: str, m: re.Match[str]) -> tuple[_Context, int, int] | None:
    """ "clé antivirus Kaspersky : AB1C2-DE3F4-GH5I6-JK7L8": a licence key's dashed groups
    of four to six random letters and digits, so all of them but one at most mixed (not a
    MAC address, a GUID, a date or a product's name "USB3-32GB-BLUE-2025")."""
    link = _STRONG.match(low, m.end())
    code = _KEY_GROUPS.match(low, link.end()) if link is not None else None
    groups = code.group().split("-") if code is not None else []
    if code is None or sum(not _mixed(group) for group in groups) > 1:
        return None
    return _CONTEXTS["product"], code.start(), code.end()


def _wifi_key_value(low: str, m: re.Match[str], ctx: _Context
                    ) -> tuple[_Context, int, int] | None:
    if not m.group().startswith("wpa"):
        licence = _licence_key_value(low, m)
        if licence is not None:
            return licence
    line_start = low.rfind("\n", 0, m.start()) + 1
    # "WPA2 : x" names the network's security itself; or the line names it after the key
    # ("clé : x (wifi)").
    named_before = _WIFI_CONTEXT.search(low, max(line_start, m.start() - 80), m.end())
    named_above = False
    if not named_before and not low[line_start:m.start()].strip():
        # A router's screen or sticker, one setting a line: "SSID : Livebox-A1B2\nClé :
        # x", "Nom du réseau (SSID) : ...\nClé de sécurité : x" (a blank line between);
        # the line above names the network itself ("Réseau OK" does not).
        above = line_start
        while above and low[above - 1] in " \t\r\n":
            above -= 1
        named_before = _WIFI_ABOVE.search(low, low.rfind("\n", 0, above) + 1, above)
        named_above = named_before is not None
    line_end = low.find("\n", m.end())
    line_end = len(low) if line_end < 0 else line_end
    if (not named_before and not _WIFI_CONTEXT.search(low, m.end(), min(line_end, m.end() + 120))
            and _BOX_QUAL.match(low, m.end()) is None):
        return None
    end = m.end()
    if m.group().startswith("wpa"):
        mode = _WIFI_MODE.match(low, end)  # "WPA3-SAE : x", "WPA2/WPA3 : x": the mode named
        end = mode.end() if mode else end
    link = _STRONG.match(low, end)
    if link is not None and link.group("qual") and _BOX_QUAL.fullmatch(link.group("qual")) is None:
        return None
    if link is None:
        link = _BOX_COPULA.match(low, end) or _SPACES.match(low, end)
    position = link.end() if link else end
    # A WPA key holds 8 to 63 characters; a secret-looking one only (no plain word here).
    span = _value_at(low, position, ctx, _LINK)
    if span is None or span[1] - span[0] < 8:
        return None
    if (not named_before or named_above) and _WIFI_CONTEXT.search(low, span[0], span[1]):
        return None  # the network's name itself ("clé : Livebox-4A2C (wifi)")
    if m.group().startswith("wpa"):
        # After "WPA2 :" a cipher or the network's name may follow ("TKIP+AES",
        # "Livebox-4A2C"): a key mixes letters and digits and names no network.
        value = low[span[0]:span[1]]
        if (not _mixed(value) or _NETWORK_NAMES.search(value) is not None
                or _CIPHER.search(value) is not None):
            return None
    return ctx, span[0], span[1]


def _whole_value(value: str) -> bool:
    """A value that fills its field (an element's text, a line's end): a word, or words that
    read as a passphrase or hold one that looks secret, not a remark ("voir avec le
    client"), a placeholder or what Windows writes where it removed the password
    ("*SENSITIVE*DATA*DELETED*")."""
    if (not value or _TOKEN_PLACEHOLDER.fullmatch(value) or _is_stop(value)
            or value.startswith(("$", "%", "*"))):
        return False
    return " " not in value or _passphrase_at(value, 0) is not None or any(
        _looks_secret(word) for word in value.split())


def _element_value(low: str, pos: int, ctx: _Context) -> tuple[_Context, int, int] | None:
    """The text of an XML element named for a secret ("<password>x</password>")."""
    end = low.find("<", pos, pos + 130)
    value = low[pos:end].strip() if end > pos else ""
    if not value or "\n" in value or _is_stop(value) or _TOKEN_PLACEHOLDER.fullmatch(value):
        return None
    if ctx.kind in ("api-token", "product-key") and not _token_value(low[:end], pos):
        return None
    start = low.index(value[0], pos)
    if ctx.kind not in ("api-token", "product-key") and not _whole_value(value):
        return None
    return ctx, start, start + len(value)


# Who the password is for, said right before its phrase: a login ("login admin", "compte
# jdupont"), an e-mail address, a remote tool's ID; "et" may join them ("login admin et mdp").
_ANCHOR = re.compile(
    rf"""(?x)(?:
       (?<![\w-])(?:login|user(?:name)?|utilisateur|identifiant|id|compte|account)
         [ \t]*[:=]?[ \t]*(?P<user>[^\s,;:/]{{1,64}})
     | [a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+
     | (?P<tool>{_TOOLS})(?:[ \t]+(?:id|n°))?[ \t]*:?[ \t]*[0-9](?:[ \u00a0]?[0-9]){{8,9}}
    )[ \t]*(?:[,;/&+-]|(?<=[ \t])(?:et|and)(?=[ \t]))?[ \t]*$""")


_ANCHOR_WORDS = frozenset({"login", "user", "username", "utilisateur", "identifiant", "id",
                           "compte", "account", "login:", "user:", "username:", "id:",
                           "utilisateur:", "identifiant:", "compte:", "account:"})


def _anchor_before(low: str, start: int, value_at: int) -> re.Match[str] | None:
    """The login, address or tool ID said right before a phrase at `start`, if any."""
    window = low[max(0, start - 90):start]
    words = window.rstrip(" \t,;/&+-").split()
    if words and words[-1] in ("et", "and"):
        words.pop()  # "identifiant jdupont et mdp chaton"
    if not words:
        return None
    # Cheap checks on the last words first (this runs for most phrases without a value).
    last = words[-1]
    if not ("@" in last or (last[-1].isdigit() and ("viewer" in window or "desk" in window))
            or any(word in _ANCHOR_WORDS for word in words[-3:-1])
            or (len(words) >= 2 and words[-2].rstrip(":=") in _ANCHOR_WORDS)):
        return None
    if _TRIGGER.match(low, value_at) is not None:
        return None  # another phrase follows ("login toto mdp mdp")
    return _ANCHOR.search(window)


def _phrase_value(low: str, m: re.Match[str], layout: _Layout
                  ) -> tuple[_Context, int, int] | None:
    ctx = _context(m)
    reader = _VALUE_OF_GROUP.get(m.lastgroup or "")
    if reader is not None:
        return reader(low, m, ctx)
    if m.start() and low[m.start() - 1] == "<" and low.startswith(">", m.end()):
        return _element_value(low, m.end() + 1, ctx)  # "<password>x</password>"
    if m.lastgroup == "pin" and low.startswith(("/", " /"), m.end()):
        sim_codes = _PIN_PUK.match(low, m.start())
        if sim_codes is not None:
            return _pin_puk_value(low, sim_codes, ctx._replace(digits=True))
    if m.lastgroup == "token" and "secr" in m.group():
        # "clé secrète : JBSW Y3DP EHPK 3PXP": base32 in groups of four, as authenticator
        # apps show their seed, is one even with no 2FA word (a token is run together).
        seed = _totp_value(low, m, _CONTEXTS["totp"])
        if seed is not None and " " in low[seed[1]:seed[2]]:
            return seed
    end = m.end()
    strong = _STRONG.match(low, end)
    if strong is None and layout.split and _split_link_near(low, end):
        strong = _STRONG_SPLIT.match(low, end)
    if strong is not None:
        qualifiers = strong.group("qual")
        if ctx.kind == "recovery-key" and _KEY_ID.search(qualifiers):
            return None  # "recovery key ID: 1A2B3C4D" names the key, it is not the key
        if ctx.kind == "wifi-key" and _ADAPTER.search(qualifiers):
            return None  # "clé wifi USB : TP-Link AC600" is the adapter
        if ctx.pair_only and qualifiers and ":" not in qualifiers:
            # "identifiants admin:admin": the pair's own colon ended the qualifiers.
            pair = _value_at(low, m.end() + 1, ctx, _STRONG_LINK)
            if pair is not None and low[m.end()] in " \t":
                return ctx, pair[0], pair[1]
        # "mdp et code PIN : 1234": the nearer phrase owns the value; a hint or policy
        # is not a password; a conjunction starts another subject.
        if not qualifiers or (not _owner_in(qualifiers, m.lastgroup)
                              and _MARKERS.search(qualifiers) is None
                              and _CONJUNCTION.search(qualifiers) is None):
            refined = _refine(ctx, qualifiers)
            participle = (bool(qualifiers) and (_PARTICIPLE.search(qualifiers) is not None
                                                or _status_in(qualifiers))
                          and not _giving_only(qualifiers))
            if strong.group("soft") is not None:
                span = _value_at(low, strong.end(), refined, _LINK)
                return (refined, span[0], span[1]) if span is not None else None
            # "pass", "pw" starting their line are common words ("pass : Navigo", a
            # transport card): only a secret-looking value (or one of the commonest
            # passwords); after whose password it is, a plain word ("user: admin pass:
            # admin", "log: jdupont pass: chaton").
            line_start = low.rfind("\n", 0, m.start()) + 1
            weaker = participle or (ctx.strict
                                    and not low[line_start:m.start()].strip(_LABEL_LEAD))
            link = _LINK if weaker else _STRONG_LINK
            span = _value_at(low, strong.end(), refined, link,
                             _PLAIN_NONE if weaker else _PLAIN_WORD, phrase=True)
            if span is None:
                span = _letter_spaced(low, strong.end(), plain=not weaker)
            return (refined, span[0], span[1]) if span is not None else None
    if low.startswith(("(", "[", "{"), m.end()):  # "mot de passe(Soleil2024)"
        span = _value_at(low, m.end(), ctx, _WEAK_LINK)
        return (ctx, span[0], span[1]) if span is not None else None
    if (low.startswith(("\t", "   ", " |", "|"), end) and ctx.kind in _PASSWORDS
            and not ctx.strict):
        cell = _table_cell(low, m, ctx)
        if cell is not None:
            return cell
    weak = (_OTP_WEAK if ctx.kind == "one-time-code" else _WEAK).match(low, m.end())
    if (weak is not None and low.startswith("|", weak.end()) and weak.end() > m.end()
            and weak.group("verb") is None and ctx.kind in _PASSWORDS and not ctx.strict):
        # "| Mot de passe Windows | Soleil2024 |": a qualifier inside the label's cell.
        cell = _table_cell(low, m, _refine(ctx, weak.group()), weak.end())
        if cell is not None:
            return cell
    if (weak is not None and weak.group("verb") is None
            and low[weak.end():weak.end() + 1] in _WEAK_MARK_STARTS):
        marked = _weak_mark_value(low, weak, _refine(ctx, weak.group()))
        if marked is not None:
            return marked
    if weak is not None and low.startswith(("\n", "\r\n"), weak.end()):
        below = _value_below(low, m, weak, ctx)
        if below is not None:
            return below
    if weak is None or weak.end() == m.end():
        return None  # a value glued to the phrase ("mdp\"x\"") is not how one is written
    refined = _refine(ctx, weak.group())
    verb = weak.group("verb")
    link = _MIXED_ONLY if ctx.strict else _LINK if verb else _WEAK_LINK
    position = weak.end()
    if ctx.creds:  # "credentials admin / x": "admin" is the user, not a qualifier
        spaces = _SPACES.match(low, m.end())
        position = spaces.end() if spaces else m.end()
    # "le mot de passe est chaton", "mdp accès non surveillé chaton": a plain word too.
    unattended = refined.kind == "remote-tool-code" and _UNATTENDED_RE.search(weak.group())
    plain = (_PLAIN_PREDICATE if (verb or unattended) and not ctx.strict
             and refined.kind in _PASSWORDS else _PLAIN_NONE)
    span = _value_at(low, position, refined, link, plain)
    if span is not None and not verb and _product_year(low, span):
        span = None  # "mot de passe Office 2021 activé": the product's version
    if span is not None and _verb_complement(low, verb, span):
        span = None  # "mdp mis à jour", "changé en 2024": how or when, not the new value
    if span is None and not ctx.strict and not ctx.pair_only:
        predicate = _predicate_value(low, m, ctx)
        if predicate is not None:
            return predicate
    if (span is None and verb is None and refined.kind in _PASSWORDS and not ctx.strict
            and not ctx.pair_only and layout.digits and ":" not in weak.group()
            and "=" not in weak.group()):
        named = _named_value(low, m.end())
        if named is not None:
            return refined, named[0], named[1]
    anchor = None
    if span is None and refined.kind in _PASSWORDS and not ctx.pair_only:
        anchor = _anchor_before(low, m.start(), position)
    if anchor is not None:
        # "login admin mdp chaton", "jean@free.fr pwd chaton", "AnyDesk 123 456 789 pw 1234":
        # whose password it is was just said, so what follows is the password itself (a
        # plain word too, except after the common words "pass", "pw").
        # A tool's ID says which tool, not whose account: a plain word there describes the
        # password ("TeamViewer 123 456 789 mot de passe aléatoire").
        anchored = (_PLAIN_NONE if ctx.strict or anchor.group("tool") is not None
                    else _PLAIN_PREDICATE)
        after = _SPACES.match(low, m.end())
        for at in dict.fromkeys((position, after.end() if after else m.end())):
            span = _value_at(low, at, refined, _LINK, anchored)
            value = low[span[0]:span[1]] if span is not None else ""
            if value and (value == anchor.group("user") or (
                    not _is_stop(value) and _norm(value) not in _PAIR_STOP)):
                break
            span = None
    return (refined, span[0], span[1]) if span is not None else None


# "mdp Steam Kx9pL2mq", "mdp caf Soleil2024", "mot de passe France Connect Jd2024!": a name
# the qualifiers do not list (a service, a site, whose account it is) said between the
# phrase and its value. Up to three such words (articles and qualifiers among them), then
# a value mixing letters and digits that ends the clause; a word that is a remark, a
# status or a participle ("mdp oublié", "mot de passe erreur E1234") ends the name.
_NAME_WORD = re.compile(rf"{_H}*(?P<w>[^\s,;:=|«»\"“”()\[\]{{}}<>]{{1,64}})")
_NAME = re.compile(r"[^\W\d_][\w.+&'’-]{0,29}")
# A model's code after its brand ("Synology DS220j", "HP M404dn", "Asus AX1500"), unless
# its number is a year glued to a short word, a password's commonest shape ("Jd2024").
_MODEL_CODE = re.compile(r"[a-z]{1,3}-?(?P<n>[0-9]{1,5})[a-z]{0,3}")


_DIGITS_AT = re.compile(r"[0-9]+")
_QUAL_WORD = re.compile(_QUAL_WORDS)


@functools.lru_cache(maxsize=4)  # one pass per note, whatever its number of phrases
def _digit_runs(low: str) -> list[int]:
    return [m.start() for m in _DIGITS_AT.finditer(low)]


def _named_value(low: str, pos: int) -> tuple[int, int] | None:
    runs = _digit_runs(low)
    at = bisect.bisect_left(runs, pos)
    if at == len(runs) or runs[at] > pos + 160 or "\n" in low[pos:runs[at]]:
        return None  # most phrases have no digit after them on their line
    names = 0
    for _word in range(6):
        word = _NAME_WORD.match(low, pos)
        if word is None:
            return None
        token = _trim(word.group("w"))
        start, end = word.start("w"), word.start("w") + len(token)
        if names and token and not token[0].isdigit() and _mixed(token):
            model = _MODEL_CODE.fullmatch(token)
            year = model is not None and len(model.group("n")) == 4 and model.group(
                "n").startswith(("19", "20"))
            if ((model is None or year) and _CLAUSE_END.match(low, end) is not None
                    and _address_secret(low, token, end)):
                return start, end
            return None
        key = _norm(token)
        if key not in _ARTICLE_WORDS and (
                _NAME.fullmatch(token) is None or _participle(token) or _is_stop(token)
                or _remark(key)) and _QUAL_WORD.fullmatch(token) is None:
            return None
        names += key not in _ARTICLE_WORDS
        if names > 3:
            return None
        pos = word.end()
    return None


# "le mot de passe du compte ameli est Chaton12": any words (not only known qualifiers)
# between the phrase and a copula, then a value that looks like a secret.
_COPULA = rf"(?:{_C_EST}|c|{_OTHER_COPULAS})(?!\w)"
# A cheap look for any of them first (most phrases have none after them).
_COPULA_HINT = re.compile(r"[ \t](?:est|cest|c|is|was|sera|reste|devient)\b|tait\b")


@functools.lru_cache(maxsize=4)  # one pass per note, whatever its number of phrases
def _copulas(low: str) -> list[int]:
    return [m.start() for m in _COPULA_HINT.finditer(low)]
_DETERMINER = r"(?:de|du|des|la|le|les|of|the|son|sa|ses|mon|ma|mes|leur|his|her|my|their)"
_PREDICATE = re.compile(
    rf"(?P<qual>(?:(?:{_H}+{_DETERMINER}(?={_H})){{0,2}}"  # articles not counted
    rf"{_H}+(?!{_COPULA}|{_DETERMINER}{_H})[^\W\d_][\w'’-]{{0,29}}){{1,4}}?){_H}+{_COPULA}{_H}*")


def _predicate_value(low: str, m: re.Match[str], ctx: _Context
                     ) -> tuple[_Context, int, int] | None:
    """A copula after other words than the known qualifiers: the value must look like a
    secret (a plain word there more likely describes: "le mdp de la box est long")."""
    if ctx.kind not in _PASSWORDS and ctx.kind != "pin":
        return None
    copulas = _copulas(low)
    at = bisect.bisect_left(copulas, m.end())
    if at == len(copulas) or copulas[at] > m.end() + 160:
        return None  # most phrases have no copula after them
    found = _PREDICATE.match(low, m.end())
    if found is None:
        return None
    qualifiers = found.group("qual")
    if (_owner_in(qualifiers) or _MARKERS.search(qualifiers) is not None
            or _CONJUNCTION.search(qualifiers) is not None):
        return None
    refined = _refine(ctx, qualifiers)
    span = _value_at(low, found.end(), refined, _LINK)
    return (refined, span[0], span[1]) if span is not None else None


# Products named by a year ("Office 2021", "Windows Server 2019").
_YEAR_PRODUCT = re.compile(r"\b(?:office|windows|server|outlook|exchange|sql|visio|project)[ \t]+$")


def _product_year(low: str, span: tuple[int, int]) -> bool:
    """A year right after a product's name, the sentence going on: its version, not a PIN
    ("mot de passe Office 2021 activé"; "mdp windows 2021" at the end stays a secret)."""
    value = low[span[0]:span[1]]
    return (len(value) == 4 and value.isdigit() and 1995 <= int(value) <= 2039
            and _YEAR_PRODUCT.search(low, max(0, span[0] - 20), span[0]) is not None
            and _CLAUSE_END.match(low, span[1]) is None)


# The verbs of _VERBS that change a password ("changé en", "mis à", "set to"), unlike the
# copulas ("est", "c'est"), also start idioms: "mis à jour", "changé en urgence".
_CHANGE_VERB = re.compile(r"(?:chang|modifi|remplac|d[eé]fini|mis|set|reset|r[eé]init|remis)")


def _verb_complement(low: str, verb: str | None, span: tuple[int, int]) -> bool:
    """After a change verb, the value completes an idiom ("mis à jour", "changé en
    urgence", "changé en janvier") or is a year after "en" ("modifié en 2023"): it says
    how or when the password changed, not what it became."""
    if verb is None or _CHANGE_VERB.search(verb) is None:  # "a été modifié en 2023" too
        return False
    value = low[span[0]:span[1]]
    if _APOSTROPHES.split(_norm(value))[-1] in _VERB_COMPLEMENTS:  # "à l'identique"
        return True
    return (verb.endswith("en") and len(value) == 4 and value.isdigit()
            and 1995 <= int(value) <= 2039)


# Weak marks between a phrase (and its known qualifiers) and its value, typed for ":" (a
# key next to it on an AZERTY keyboard, ";" or "!") or as a separator of their own ("mdp /
# x", "mdp ~ x", "mdp-x", "mdp, x"): only a value that looks like a secret counts, and
# after "," one that mixes letters and digits and ends the clause ("mot de passe, 2024
# nouveau poste", "mdp, PIN et sauvegarde vérifiés" pass).
_WEAK_MARK_STARTS = frozenset(";!~/,-")
_WEAK_MARK = re.compile(rf"(?:[;!,]|/(?={_H})|~>?|-(?![->]))(?![;!/,~]){_H}*")


def _weak_mark_value(low: str, weak: re.Match[str], ctx: _Context
                     ) -> tuple[_Context, int, int] | None:
    if ctx.kind == "one-time-code" or (ctx.creds and ctx.pair_only):
        return None
    mark = _WEAK_MARK.match(low, weak.end())
    if mark is None or mark.end() == len(low) or low[mark.end()] in "\r\n":
        return None
    if low[weak.end()] in "~/" and low[weak.end() - 1] not in " \t":
        return None  # "mdp~x", "mdp/x" are words of their own ("mdp/pwd" is a phrase)
    span = _value_at(low, mark.end(), ctx, _LINK)
    if span is None:
        return None
    value = low[span[0]:span[1]]
    if _TRIGGER.match(value) is not None:
        return None  # "mdp / P@ssword ; x": the phrase said again, in another spelling
    if low[weak.end()] == "," and not (_mixed(value) and _CLAUSE_END.match(low, span[1])):
        return None
    if value.isdigit() and not _CLAUSE_END.match(low, span[1]):
        return None  # "PIN ; 2024 nouveau téléphone": a year, a count
    reference = _NAMED_NUMBER.fullmatch(value)
    if reference is not None and _norm(reference.group("w")) in _REFERENCE_WORDS:
        return None  # "mdp, ticket4521": where it is written down, not what it is
    return ctx, span[0], span[1]


_NAMED_NUMBER = re.compile(r"(?P<w>[^\W\d_]+)[-_.#]?[0-9]+")


_LABEL_LEAD = " \t-*•>|"  # a bullet, a quote mark or a table's edge before a label


def _value_below(low: str, m: re.Match[str], weak: re.Match[str], ctx: _Context
                 ) -> tuple[_Context, int, int] | None:
    """ "Mot de passe\nSoleil2024": a label alone on its line, the value alone on the next
    (or the one after, past a blank line).

    Laid out like a form, the value needs no ":"; it must still look like a secret (a
    quoted value, digits or a secret-looking token): "Mot de passe\nLe client l'a saisi",
    "mdp\nOK" pass.
    """
    if weak.group("verb") is not None:
        return None
    line_start = low.rfind("\n", 0, m.start()) + 1
    if low[line_start:m.start()].strip(_LABEL_LEAD):
        return None  # "changé le mdp\n...": the phrase is in a sentence, not a label
    next_line = low.index("\n", weak.end()) + 1
    blank = _LINE_END.match(low, next_line)
    if blank is not None and blank.end() < len(low) and low[blank.end() - 1] == "\n":
        next_line = blank.end()  # one blank line between, as after ":"
    below = _SPACES.match(low, next_line)
    start = below.end() if below else weak.end()
    line_end = low.find("\n", start)
    line_end = len(low) if line_end < 0 else line_end
    refined = _refine(ctx, weak.group())
    span = _value_at(low, start, refined, _MIXED_ONLY if ctx.strict else _WEAK_LINK)
    if span is None or low[span[1]:line_end].strip(" \t\r.,;"):
        return None
    return refined, span[0], span[1]


# A table copied into the note (a spreadsheet, a form): the label in one column, its value
# in the next, a tab or a run of spaces between and nothing after it on the line ("Mot de
# passe\tchaton", "Clé wifi      maisonbleue"). The column's edge links like ":", so a
# plain word counts (a status does not: "Mot de passe\toublié").
_CELL = re.compile(r"(?:\t|   )[ \t]*(?P<v>\S{1,64})[ \t]*(?=\r?\n|$)")
# The same in a Markdown or ASCII table: "| Mot de passe | chaton |".
_PIPE_CELL = re.compile(r"[ \t]*\|[ \t]*(?P<v>[^\s|]{1,64})[ \t]*(?:\|[ \t]*)?(?=\r?\n|$)")


def _table_cell(low: str, m: re.Match[str], ctx: _Context, at: int | None = None
                ) -> tuple[_Context, int, int] | None:
    """The value in the cell after the phrase's (`at`: where the label's cell ends)."""
    line_start = low.rfind("\n", 0, m.start()) + 1
    if low[line_start:m.start()].strip(_LABEL_LEAD):
        return None  # the phrase is in a sentence, not a label
    at = m.end() if at is None else at
    cell = _CELL.match(low, at) if at == m.end() else None
    pipe = cell is None
    if pipe:
        cell = _PIPE_CELL.match(low, at)
    if cell is None:
        return None
    value = _trim(cell.group("v"))
    # Between pipes a plain word is as likely a header's ("| Mot de passe | Statut |").
    if not value or not (_looks_secret(value) or (not pipe and _plain_word_secret(value))):
        return None
    return ctx, cell.start("v"), cell.start("v") + len(value)


def _device_code_value(low: str, m: re.Match[str], ctx: _Context
                       ) -> tuple[_Context, int, int] | None:
    """Bare "code": "code de l'alarme 1937", "code du coffre : 4821", "son code c'est 4455".

    It needs what the code unlocks or a verb; then only digits count ("code postal 54230",
    "code erreur 43", "code client 1234" name no device).
    """
    link = _CODE_LINK.match(low, m.end())
    if link is None:
        return None
    # "son code : 4455": a possessive makes the code someone's own.
    owned = link.group("colon") is not None and _POSSESSIVE.search(
        low, max(0, m.start() - 12), m.start())
    address = False
    if not (link.group("dev") or link.group("verb") or owned):
        # "le client m'a dicté le code 483920": a code read out over the phone.
        if low.endswith(_TOLD_ARTICLES, 0, m.start()) and _TOLD_BEFORE.search(
                low, max(0, m.start() - 40), m.start()) is not None:
            ctx = _CONTEXTS["otp"]
        elif link.group("colon") is not None and _SENT_AFTER.match(low, link.end()):
            ctx = _CONTEXTS["otp"]  # "code : 483920 (reçu par SMS)": how it came says what
        elif (unlocks := _UNLOCKS_AFTER.match(low, link.end())) is not None and (
                link.group("colon") is not None or (
                    (unlocks.group("verb") or unlocks.group("prep") or unlocks.group("bracket"))
                    and not _year_at(low, link.end()))):
            # "code : 1379 pour déverrouiller l'iPad", "code : 1234 pour le pc portable":
            # what it unlocks, said after (without ":", with a preposition: "code 4821
            # pour le portail"; "code 1234 pc portable" may be a ticket's)
            pass
        else:
            # "12 rue des Lilas, bât. B, code 1937": in an address, the door's code.
            line_start = low.rfind("\n", 0, m.start()) + 1
            address = _ADDRESS.search(low, max(line_start, m.start() - 120), m.start()) is not None
            if not address:
                return None
    span = _value_at(low, link.end(), ctx, _LINK)
    if span is not None and address and _ascii_digits(low[span[0]:span[1]]) == low[
            span[0]:span[1]] and span[1] - span[0] == 5:
        return None  # five digits after an address: its postal code more likely
    if span is not None and _verb_complement(low, link.group("verb"), span):
        return None  # "le code a été changé en 2024": when, not what it became
    return (ctx, span[0], span[1]) if span is not None else None


# Digits after "code :", then how they came: "code : 483920 (reçu par SMS)", "code : 4839
# envoyé par la banque".
_SENT_AFTER = re.compile(
    rf"[0-9]{{4,8}}{_H}*[(,-]?{_H}*(?:re[cç]ue?|envoy[eé]e?|par{_H}+(?:sms|texto|mail)|sms"
    rf"|texto|received|sent|by{_H}+(?:sms|text))\b")
# What a code said after its digits unlocks (not a screen, a session, a printer: "code :
# 1234 (écran bleu)" is an error's).
_UNLOCKABLE = (
    r"t[eé]l[eé]phone|t[eé]l\.?|portable|mobile|smartphone|iphone|android|tablette|ipad"
    r"|ordinateur|pc|laptop|phone|tablet|alarme|alarm|coffre(?:-fort)?|safe|porte|portail|gate|garage"
    r"|digicode|cadenas|padlock|interphone|carte(?:[ ](?:bancaire|bleue|cb|sim))?|cb|sim"
    r"|ordi|mac|macbook|imac|galaxy|nas|montre|watch|smartwatch")
# Digits after "code :", then what they unlock: "code : 1379 pour déverrouiller l'iPad",
# "code : 2580 (téléphone)", "code : 1937 du portail".
_UNLOCKS_AFTER = re.compile(
    rf"[0-9]{{4,8}}{_H}*(?:(?P<bracket>\()|[,/-])?{_H}*(?:(?P<verb>pour{_H}+(?:d[eé]verrouiller"
    rf"|ouvrir|d[eé]sarmer|d[eé]sactiver)|to{_H}+unlock"
    # a session only said to be unlocked ("code : 1234 (écran bleu)", "code : 1234 session
    # perdue" may be an error's)
    rf"|pour{_H}+(?:la|sa|ma|votre|leur){_H}+session(?:{_H}+windows)?(?!\w))"
    # a preposition, an article or a possessive between: "pour le pc portable", "de mon
    # téléphone", "sur la tablette", "for the laptop"
    rf"|(?:(?P<prep>pour|sur|du|des|de|for|on|of|to){_H}*)?"
    rf"(?:(?:le|la|l{_APOS}|les|mon|ma|mes|son|sa|ses|votre|leur|the|my|his|her|your|their"
    rf"|un|une|a)(?:{_H}+|(?<=['’]){_H}*))?"
    rf"(?:{_UNLOCKABLE})\)?(?:{_H}|$|[,;.]))")
def _year_at(low: str, pos: int) -> bool:
    """Four digits at `pos` that read as a year ("code 2024 pour le pc portable")."""
    digits = low[pos:pos + 5]
    return len(digits) >= 4 and digits[:4].isdigit() and not digits[4:].isdigit() and (
        1950 <= int(digits[:4]) <= 2049)


# An address on the line before a bare "code": the code opens its door.
_ADDRESS = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|all[ée]e|impasse|chemin|place|route|quai|r[ée]sidence"
    r"|r[ée]s|b[aâ]t(?:iment)?|[ée]tage|escalier|esc|interphone|appartement|appt?|lotissement"
    r"|hameau|lieu-dit|hall)\b")


_TOLD_ARTICLES = ("le ", "un ", "son ", "the ", "a ", "his ", "her ")  # a cheap look first
_TOLD_BEFORE = re.compile(
    rf"\b(?:dict[eé]|lu|donn[eé]|communiqu[eé]|transmis|lit|dicte|read|gave|given|told)"
    rf"(?:{_H}+(?:moi|me))?{_H}+(?:le|un|son|the|a|his|her){_H}+$")
_POSSESSIVE = re.compile(
    rf"(?:^|[\s(])(?:son|sa|mon|ma|ton|ta|votre|notre|leur|his|her|my|your|their){_H}+$")
_SLASH_PAIR = re.compile(
    rf"(?P<user>[^\s/:|,;«»\"“”()]{{1,64}}){_H}*/{_H}*(?P<secret>[^\s,;«»\"“”]{{1,64}})")
_NEXT_WORD = re.compile(rf"[^\s/:|,;«»\"“”()]+{_H}+")


# Accounts every device has: the word after "root /" is its password.
_DEFAULT_USERS = frozenset({"root", "admin", "administrateur", "administrator", "sa", "pi",
                            "ubnt", "superuser", "supervisor"})
_BRAND_PLUS = re.compile(r"[^\W\d_]+\+{1,2}")


def _id_shaped(user: str) -> bool:
    """jean.dupont, j_dupont, jdupont75, an e-mail address: a user name, not a word."""
    return (any(c.isalpha() for c in user)
            and any(c in "._@" or "0" <= c <= "9" for c in user))


_NUMBERS = re.compile(r"[0-9]+")


def _pair_secret(low: str, pair: re.Match[str], explicit: bool) -> tuple[int, int] | None:
    """The span of "user / secret" if `secret` is a password, not another name."""
    user, secret = pair.group("user"), _trim(pair.group("secret"))
    secret_start = pair.start("secret")
    if not secret or not any(c.isalnum() for c in secret):
        return None
    if _phrase_at(low, secret_start):
        return None  # "login: toto / mdp: chaton": the password is after "mdp"""
    if (_PLACEHOLDER.fullmatch(user) or _TOOL.fullmatch(user)
            or (_ORDINARY.fullmatch(user) and "@" not in user)
            or (user.isdigit() and not any(c.isalpha() for c in secret))):
        return None  # "box 4G/5G", "24/7"
    if _norm(user) in _STOP:
        # "compte pro / perso", "compte Microsoft / Google"; but "freebox / Fr33b0x!" is
        # the Freebox's own login and a password.
        strong = _looks_secret(secret) and (_mixed(secret) or not secret.isdigit())
        if not strong:
            return None
    span = pair.start("user"), secret_start + len(secret)
    if secret != user and _NUMBERS.sub("0", secret) == _NUMBERS.sub("0", user):
        return None  # "PC-01 / PC-02", "srv1/srv2": two of a numbered series, no password
    if _is_stop(secret) or _norm(secret) in _PAIR_STOP:
        return span if secret == user and len(secret) >= 4 and not _is_stop(secret) else None
    if secret.isascii() and secret.isdigit():
        phone = len(secret) == 10 and secret.startswith("0")
        return span if 4 <= len(secret) <= 16 and not phone else None
    named = _BRAND_PLUS.fullmatch(secret) is not None  # "Netflix / Disney+", "C++"
    if (_looks_secret(secret) and not named) or (secret == user and len(secret) >= 4):
        return span  # "box admin/Livebox2023", "admin/admin"
    if ((explicit or _id_shaped(user) or user in _DEFAULT_USERS)
            and _CLAUSE_END.match(low, secret_start + len(secret))
            and _plain_word_secret(secret)):
        return span  # "login: toto / chaton", "compte jean.dupont / chaton"
    return None


def _slash_pair_at(low: str, pos: int, explicit: bool, words: int = 3
                   ) -> tuple[int, int] | None:
    """A "user / secret" pair at `pos` or after up to `words` - 1 words ("compte Gmail x / y")."""
    for _word in range(words):
        pair = _SLASH_PAIR.match(low, pos)
        if pair is not None:
            return _pair_secret(low, pair, explicit)
        skip = _NEXT_WORD.match(low, pos)
        if skip is None:
            return None
        pos = skip.end()
    return None


_NET_BEFORE = re.compile(r"\bnet(?:\.exe)?[ \t]+$")


def _account_value(low: str, m: re.Match[str], ctx: _Context
                   ) -> tuple[_Context, int, int] | None:
    """ "compte jean.dupont / Azerty12", "box admin/Livebox2023", "login: toto / chaton"."""
    if m.group() == "user" and _NET_BEFORE.search(low, max(0, m.start() - 8), m.start()):
        return None  # "net user NAME …" is a command, read by _commands
    explicit = m.group() in _EXPLICIT_LOGIN
    strong = _STRONG.match(low, m.end())
    if strong is not None and not _owner_in(strong.group("qual")):
        position = strong.end()
    else:
        spaces = _SPACES.match(low, m.end())
        position = spaces.end() if spaces else m.end()
        if position == m.end():
            return None
    span = _slash_pair_at(low, position, explicit)
    if (span is None and explicit and low[position:position + 1].isalnum()
            and _PAIR.match(low, position) is None):
        # "login jdupont Soleil2024": after a login's own word, the pair may be spaced as
        # after "identifiants" (a secret-looking password that ends the clause).
        spaced = _credentials_pair(low, position)
        if spaced is not None and low[low.rfind(" ", spaced[0], spaced[1]) + 1].isalnum():
            span = spaced
    return (ctx, span[0], span[1]) if span is not None else None


_EMAIL_PAIR = re.compile(
    rf"@[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:{_H}*(?P<sep>[/:|;,]|->|=>|→|(?<=[ \t])[-–—](?=[ \t])){_H}*"
    rf"|{_H}+)(?P<secret>[^\s,;«»\"“”]{{1,64}})")
# After a space only, the pair must be the line (a label and ":" may come first) or end it:
# "jean@gmail.com Lbc2024!", "Leboncoin : jean@gmail.com Lbc2024!"; a remark in brackets or
# another pair may follow ("... P@ssw0rd (perso)", "... P@ssw0rd, marie@free.fr ...").
_LINE_END = re.compile(rf"{_H}*(?:\r?\n|$)")
_PAIR_END = re.compile(
    rf"[.!]?{_H}*(?:\([^()\n]{{0,40}}\){_H}*)?(?:\r?\n|$)|{_H}*[,;]{_H}*(?=[a-z0-9._+-]+@)")
# A label before the address: "Compte : ", "compte Google", "mail", "Gmail", "Apple ID",
# an account's provider ("Gmail jean@gmail.com Soleil2024", "iCloud jean@icloud.com ...").
_PAIR_LEAD = re.compile(
    r"(?:^|.*[\s(])(?:comptes?|accounts?|logins?|identifiants?|e?-?mail|adresse|messagerie"
    r"|utilisateur|user|gmail|hotmail|outlook|yahoo|icloud|apple(?:[ \t]+id)?|google"
    r"|microsoft|proton(?:mail)?|laposte|wanadoo|orange|free|sfr|bouygues"
    r"|id)(?:[ \t]+[^\s:]{1,20})?$")
_YEAR_VERSION = re.compile(
    r"(?:office|outlook|exchange|windows|server|sql|visio|project|word|excel)[0-9]{2,4}")
_EMAIL_USER = re.compile(r"[a-z0-9._+-]{1,64}$")
# A word, a separator and a number ("Soleil-2024", "Chaton_77", "Marie.1960!"): how a
# password is made from a word, not a reference ("PC-01", "Outlook-2016", "Ticket-4521").
_WORD_NUMBER = re.compile(r"(?P<w>[^\W\d_]{4,})[-_.][0-9]{2,4}[!?*#$@%&+]*")
_REFERENCE_WORDS = frozenset({
    "ticket", "facture", "dossier", "commande", "devis", "poste", "client", "serveur",
    "server", "bureau", "salle", "office", "outlook", "windows", "exchange", "word", "excel",
    "visio", "project", "imprimante", "printer", "version", "build", "release", "livebox",
    "freebox", "bbox", "box", "modele", "model", "serie", "invoice", "order", "case",
    "lot", "batch", "intervention", "contrat", "site", "agence", "magasin", "boutique",
    "android", "iphone", "galaxy", "ipad", "macbook", "ubuntu", "debian", "fedora",
    "chrome", "firefox", "edge", "safari", "ref", "rdv", "num", "numero", "etage", "piece",
    "local", "atelier", "pc", "ordinateur", "ordi", "portable", "tablette", "telephone",
})
# Letters with a symbol inside ("P@ssword", "Mot$ecret"), not after them ("merci!",
# "iCloud+"): a secret's spelling too.
_INNER_SYMBOL = re.compile(r"[^\W\d_]+[@$#%*!]+[^\W\d_]+[!?*#$@%]*")
# A brand then a model's code: "Samsung-A52", "Canon-MG3650", "Dell-XPS13".
_MODEL = re.compile(r"[^\W\d_]{2,}[- ][a-z]{1,3}[0-9]{2,5}[a-z]{0,2}")
# A short word, a separator and a number: "Réf-2024", "RDV-12", "n°-3".
_SHORT_REFERENCE = re.compile(r"[^\W\d_]{1,3}[-_.#][0-9]+")


def _word_number(token: str) -> bool:
    m = _WORD_NUMBER.fullmatch(token)
    return m is not None and _norm(m.group("w")) not in _REFERENCE_WORDS


def _address_secret(low: str, secret: str, end: int) -> bool:
    """After an address, a token that looks like a password, not a reference, a product's
    version or a phrase."""
    named = _NAMED_NUMBER.fullmatch(secret)
    if named is not None and (_norm(named.group("w")) in _REFERENCE_WORDS or (
            len(secret) - len(named.group("w")) == 2 and not secret[-2].isdigit())):
        return False  # "ticket#4521", "Chrome-120", "salle-3": a reference, a version
    if _MODEL.fullmatch(secret) is not None:
        return False  # "Samsung-A52", "Canon-MG3650", "Lenovo-T480": a device's model
    return (_looks_secret(secret) and "/" not in secret
            and (_REFERENCE.fullmatch(secret) is None or _word_number(secret))
            and _SHORT_REFERENCE.fullmatch(secret) is None
            and _YEAR_VERSION.fullmatch(secret) is None
            and not _names_phrase(secret, low, end))


def _email_pairs(low: str) -> Iterable[_Span]:
    """ "jean.dupont@gmail.com / Soleil2024": an address, "/", then its password."""
    last_end = 0
    for m in _EMAIL_PAIR.finditer(low):
        user = _EMAIL_USER.search(low, max(0, m.start() - 64), m.start())
        if user is None or (user.start() and (_is_word_char(low[user.start() - 1])
                                              or low[user.start() - 1] in "/:")):
            continue
        sep = m.group("sep")
        if sep is None or sep not in "/:":
            # "jean@gmail.com Lbc2024!": an address and a token alone on their line (a
            # label or a bracketed remark around them), the token mixing letters and digits
            # ("Soleil-2024") or letters around a symbol ("P@ssword"); "merci!", a phone
            # number, "IMAP/SMTP", a reference "PC-01" or a product's version "Outlook2016"
            # pass. So after " - ", "|", ";", "," or an arrow.
            secret = _trim(m.group("secret"))
            end = m.start("secret") + len(secret)
            line_start = low.rfind("\n", 0, user.start()) + 1
            before = low[max(line_start, last_end):user.start()]
            lead = before.strip(_LABEL_LEAD + ",;")
            # Fields listed on the line ("Jean Dupont - jean@gmail.com - Azerty!",
            # "Mme Durand | jean@free.fr | Soleil2024"): the address is one of them.
            listed = before.rstrip(" \t").endswith(("-", "–", "—", "|", ";", ",", "\t"))
            if ((not lead or listed or lead.endswith(":") or _PAIR_LEAD.match(lead) is not None)
                    and _PAIR_END.match(low, end)
                    and (_mixed(secret) or _INNER_SYMBOL.fullmatch(secret) is not None
                         or _common_password(secret))
                    and _address_secret(low, secret, end)):
                yield "password", user.start(), end
                last_end = end  # "…P@ssw0rd, marie@free.fr Soleil-2024": a pair may follow
            continue
        if sep == ":":  # "jean@free.fr : Soleil2024": a secret-looking token only
            secret = _trim(m.group("secret"))
            if secret.isdigit() or not _looks_secret(secret) or _is_stop(secret):
                continue
            yield "password", user.start(), m.start("secret") + len(secret)
            continue
        pair = _SLASH_PAIR.match(low, user.start())
        if pair is None or pair.start("secret") != m.start("secret"):
            continue
        span = _pair_secret(low, pair, explicit=True)
        if span is not None:
            yield "password", span[0], span[1]
    if "\n" in low:
        yield from _email_pairs_below(low)
    if ":" in low:
        yield from _host_credentials(low)


# A URL's "user:password@host" with its scheme left out, as typed for a command's argument
# ("ftp jean:Soleil2024@ftp.free.fr", "sftp admin:Nas2024!@192.168.1.10"): the password
# looks like a secret, the part before ":" is no label ("mail:jean75@free.fr" is an
# address after its label), and the host is a server's (an IP address, localhost, a
# local name, a file or mail server's name) or a transfer tool is named before it on the
# line ("Durand:jean75@free.fr" is a name and an address).
_HOST_CREDENTIALS = re.compile(
    r"(?<![\w/:@.%+-])(?P<user>[a-z0-9][a-z0-9._-]{0,63}):(?P<secret>[^\s:/@]{1,64})"
    r"@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?![\w@])")
_SERVER_HOST = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}|localhost|.*\.(?:local|lan|home|internal|intra|box)"
    r"|(?:s?ftps?|nas|srv|server|serveur|smb|files?|cloud|vpn|mail|imap|smtp|pop3?|git"
    r"|gitlab|db|sql|backup)[0-9]*[.-].*")
_TRANSFER_TOOL = re.compile(
    r"(?<![\w.-])(?:s?ftps?|lftp|ssh|scp|rsync|smbclient|curl|wget|mount|git|rclone|sshfs"
    r"|filezilla|winscp|putty)(?![\w.-])")
_ADDRESS_LABELS = frozenset({
    "mail", "email", "e-mail", "courriel", "contact", "adresse", "mailto", "login", "user",
    "utilisateur", "identifiant", "id", "compte", "account", "from", "to", "cc", "bcc", "de",
    "a", "pour", "tel", "reply", "sender", "expediteur", "destinataire", "username", "alias",
})


def _host_credentials(low: str) -> Iterable[_Span]:
    for m in _HOST_CREDENTIALS.finditer(low):
        secret = m.group("secret")
        if (_norm(m.group("user")) not in _ADDRESS_LABELS and "." not in secret
                and _looks_secret(secret) and not _names_phrase(secret)
                and (_SERVER_HOST.fullmatch(m.group("host")) is not None
                     or _TRANSFER_TOOL.search(low, low.rfind("\n", 0, m.start()) + 1,
                                              m.start()) is not None)):
            yield "password", m.start("secret"), m.end("secret")


# "Gmail : jean.dupont@gmail.com\nSoleil2024": an address ending its line, its password
# alone on the next one, as a client's credentials are copied one a line.
_EMAIL_BELOW = re.compile(
    rf"@[a-z0-9-]+(?:\.[a-z0-9-]+)+{_H}*\r?\n{_H}*(?:[-*•>+]{_H}+)?"
    rf"(?P<secret>[^\s,;«»\"“”]{{1,64}})")


def _email_pairs_below(low: str) -> Iterable[_Span]:
    for m in _EMAIL_BELOW.finditer(low):
        user = _EMAIL_USER.search(low, max(0, m.start() - 64), m.start())
        if user is None or (user.start() and (_is_word_char(low[user.start() - 1])
                                              or low[user.start() - 1] in "/:")):
            continue
        # The address alone on its line, or after a label ("Gmail :", "compte Google").
        line_start = low.rfind("\n", 0, user.start()) + 1
        lead = low[line_start:user.start()].strip(_LABEL_LEAD + ",;")
        if lead and not lead.endswith(":") and _PAIR_LEAD.match(lead) is None:
            continue
        secret = _trim(m.group("secret"))
        end = m.start("secret") + len(secret)
        if (_LINE_END.match(low, end) is not None
                and (_mixed(secret) or _INNER_SYMBOL.fullmatch(secret) is not None
                     or _common_password(secret))
                and _address_secret(low, secret, end)):
            yield "password", user.start(), end


def _answer_end(low: str, pos: int, single: bool) -> int | None:
    """End of an answer to a secret question starting at `pos` ("Rex", "rue de la Paix").

    `single`: only a single word counts (after "question secrète :", several words are the
    question itself).
    """
    m = _ANSWER_TEXT.match(low, pos)
    if m is None:
        return None
    answer = m.group(1).rstrip()
    start = m.start(1)
    words = answer.split()
    if not words or len(words) > 6 or (single and len(words) > 1):
        return None
    if len(words) == 1:
        word = _trim(words[0])
        if _looks_secret(word) or _plain_word_secret(word) or (
                len(word) >= 2 and word.isdigit()):
            return start + len(word)
        return None
    # Several words: an answer, unless they are a remark ("voir avec le client").
    for word in words:
        for part in _APOSTROPHES.split(word):
            key = _norm(part)
            if _article(part, key):
                continue
            if key in _STOP or _remark(key) or _PLACEHOLDER.fullmatch(part):
                return None
    return start + len(answer)


def _answer_value(low: str, m: re.Match[str], ctx: _Context
                  ) -> tuple[_Context, int, int] | None:
    """ "question secrète : nom du chien -> Rex", "réponse secrète : Médor"."""
    phrase = m.group()
    if phrase.startswith(("r", "answer")) or "answer" in phrase:
        link = _ANSWER_LINK.match(low, m.end())
        if link is None:
            return None
        end = _answer_end(low, link.end(), single=link.group("verb") is not None)
        return (ctx, link.end(), end) if end is not None else None
    link = _QUESTION_LINK.match(low, m.end())
    if link is None:
        return None
    line_end = low.find("\n", link.end())
    line = low[link.end():line_end if line_end >= 0 else len(low)][:160]
    # "réponse :", else an arrow, "=", "?" or a second ":" ("ville natale : Lyon").
    mark = _REPLY_MARK.search(line) or _ANSWER_MARK.search(line)
    if mark is not None:
        start = link.end() + mark.end()
        spaces = _SPACES.match(low, start)
        start = spaces.end() if spaces else start
        end = _answer_end(low, start, single=False)
        return (ctx, start, end) if end is not None else None
    if not link.group("colon"):
        return None
    # "question secrète (nom du chien) : Rex" or "question secrète : Rex".
    end = _answer_end(low, link.end(), single=link.group("paren") is None)
    return (ctx, link.end(), end) if end is not None else None


# A value typed letter by letter, a space between ("mdp : S o l e i l 2 0 2 4"), to the
# end of its clause.
_LETTER_SPACED = re.compile(
    rf"[^\s,;(](?:{_H}[^\s,;(]){{5,63}}(?={_H}*(?:$|\r?\n|[,;(]|[.!?](?:\s|$)))")


def _letter_spaced(low: str, pos: int, *, plain: bool = False) -> tuple[int, int] | None:
    """`plain`: where a plain word counts ("mdp : chaton"), so does one spelt out ("mot de
    passe : S o l e i l"), as the word joined would."""
    spelt = _LETTER_SPACED.match(low, pos)
    if spelt is None:
        return None
    joined = "".join(spelt.group().split())
    if _TOKEN_PLACEHOLDER.fullmatch(joined) or all(
            ord(b) == ord(a) + 1 for a, b in pairwise(joined)):
        return None  # "x x x x x x": masked; "a b c d e f g h": the alphabet recited
    found = (_mixed(joined) and _looks_secret(joined)) or (plain and _plain_word_secret(joined))
    return spelt.span() if found else None


# "MP : x", "M.P. = x": the initials of "mot de passe" are a label only right before ":" or
# "=" and starting a line or a list's field ("MP : Mme Petit", "envoyé en MP", "Ricoh MP :
# C3003", a printer's series, are no label), and the value must look like a secret: digits
# from six on (not "MP : 12", a camera's megapixels), no plain word ("MP : Durand", a name),
# no reference ("MP : SN-4521").
_INITIALS_LINK = re.compile(rf"{_H}*(?:[:=]|->|=>|→){_H}*")
_FIELD_LEAD = frozenset("\n,;.|/([-–—*•>")


def _initials_value(low: str, m: re.Match[str], ctx: _Context
                    ) -> tuple[_Context, int, int] | None:
    link = _INITIALS_LINK.match(low, m.end())
    if link is None or low.startswith(("\n", "\r"), link.end()):
        return None
    before = low[:m.start()].rstrip(" \t\u00a0\u202f")
    if before and before[-1] not in _FIELD_LEAD:
        return None
    span = _value_at(low, link.end(), ctx, _LINK)
    if span is None:
        return None
    value = low[span[0]:span[1]]
    if (value.isdigit() and len(value) < 6) or _SHORT_REFERENCE.fullmatch(value):
        return None
    return ctx, span[0], span[1]


# The phrases whose value is read by a rule of their own, by the trigger's group.
_VALUE_OF_GROUP: dict[str, Callable[[str, re.Match[str], _Context],
                                    tuple[_Context, int, int] | None]] = {
    "answer": _answer_value, "code": _device_code_value, "account": _account_value,
    "seed": _seed_value, "wallet": _seed_value, "totp": _totp_value, "lock": _lock_value,
    "key": _wifi_key_value, "pattern": _pattern_value, "bitlocker": _bitlocker_value,
    "mp": _initials_value,
}


# A setting named for a secret, in a config file, an .env or a command line pasted into a
# note: "DB_PASSWORD=Soleil2024", "smtp.password: chaton", "--password Soleil2024",
# "/pass:chaton" (cmdkey), "SECRET_KEY=…", "wpa_psk=…". The name's last part says what the
# value is; a word of its own ("password:") is a phrase like the others.
_SETTING = re.compile(
    r"""(?x)
    (?P<lead>--?|/)?(?P<prefix>(?:[a-z0-9]+[_.-])*
      # CamelCase glued before the longer names: "DefaultPassword", "adminPwd" ("bypass"
      # and "compass" end in "pass", which is left out)
      (?:[a-z0-9]+(?=(?:password|passwd|passphrase|pwd|secret|token)(?![\w-])))?)
    (?P<name>pass(?:word|wd|phrase)?|passe|mdp|pwd|pw|psk|secret|token|api_?key|private_?key
       |secret_?key|access_?key|auth_?token|client_?secret|account_?key|shared_?access_?key)
    # a quoted name may be followed by "," (PHP's define('DB_PASSWORD', 'x')) or by
    # value= (.NET's <add key="Password" value="x" />)
    (?![\w-])(?P<q>["'])?[ \t]*
    (?P<sep>[:=]|(?<=[a-z])[ \t](?=[^\s:=/-])|(?(q)(?:,|value[ \t]*=)|(?!)))[ \t]*
    (?:"(?P<d>[^"\n]{1,128})"|'(?P<s>[^'\n]{1,128})'|(?P<b>[^\s,;&"'<>]{1,128}))
    """)
# Names of one word that no phrase reads: an Azure connection string's "AccountKey=".
_COMPOUND_NAMES = frozenset({"accountkey", "sharedaccesskey"})
_SETTING_KIND = {"psk": "wifi", "pass": "pw", "password": "pw", "passwd": "pw",
                 "passphrase": "pw", "pwd": "pw", "pw": "pw", "passe": "pw", "mdp": "pw"}


_SETTING_STEMS = ("pass", "pw", "psk", "secret", "token", "key")
# "mdp" only after a separator: a bare "mdp" is a phrase, and the most common one (each
# stem costs a pass over the note: these three only when it holds "mdp").
_MDP_STEMS = ("_mdp", ".mdp", "-mdp")
_IDENTIFIER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")


def _setting_starts(low: str) -> Iterable[int]:
    """Where each identifier that holds a stem starts (found with `find`, which is far
    cheaper than a regex pass over the note)."""
    seen: set[int] = set()
    stems = _SETTING_STEMS + _MDP_STEMS if "mdp" in low else _SETTING_STEMS
    for stem in stems:
        at = low.find(stem)
        while at >= 0:
            start = at
            while start and at - start < 40 and low[start - 1] in _IDENTIFIER_CHARS:
                start -= 1
            if start and low[start - 1] == "/":
                start -= 1  # "/pass:x" (cmdkey), a Windows switch
            if start not in seen and (at > start or "_" in low[at:at + 14]
                                      or low.find(" value", at, at + 16) >= 0):
                seen.add(start)
                yield start
            at = low.find(stem, at + len(stem))


def _settings(low: str) -> Iterable[tuple[_Context, int, int]]:
    for start in _setting_starts(low):
        m = _SETTING.match(low, start)
        if m is None or (start and _is_word_char(low[start - 1])):
            continue
        name = m.group("name")
        # A bare word ("password: x") is a phrase's business: a setting has a prefix
        # ("db_password"), a compound name ("secret_key") or is an option ("--password").
        if not (m.group("lead") or m.group("prefix") or "_" in name
                or name in _COMPOUND_NAMES or m.group("sep").startswith("value")):
            continue
        if m.group("sep") in " \t" and low[m.start()] != "-":
            continue  # "token abc" is a phrase's business; only an option takes a space
        group = next(g for g in ("d", "s", "b") if m.group(g) is not None)
        value, start = m.group(group), m.start(group)
        value = value if group != "b" else _trim(value)
        ctx = _CONTEXTS[_SETTING_KIND.get(name, "token")]
        if ctx.kind == "api-token":
            span = _token_value(low, start) if group == "b" else (
                (start, start + len(value)) if _token_value(value, 0) else None)
        elif (not value.strip() or _is_stop(value) or _TOKEN_PLACEHOLDER.fullmatch(value)
              or value.startswith(("$", "%", "-")) or value in ("*", "true", "false")
              # OpenSSL's "-pass env:VAR", "file:PATH", "fd:N", "stdin": where it reads it
              or (m.group("lead") and value.startswith(("env:", "file:", "fd:", "stdin")))):
            span = None
        else:
            span = start, start + len(value)
        if span is not None:
            yield ctx, span[0], span[1]


# Commands that take a password as an argument: Windows "net user NAME PASSWORD" and
# "net use DEVICE SHARE PASSWORD /user:NAME" (switches start with "/", "*" asks for it);
# "-u user:password" (curl), "-U user%password" (Samba's smbclient, rpcclient, net rpc),
# "sshpass -p", "mysql -pPASSWORD" (glued, as mysql wants it), and a password piped to
# "sudo -S", which reads it from its input ("echo S3cret | sudo -S apt update").
_NET_COMMAND = re.compile(
    r"(?<![\w-])net(?:\.exe)?[ \t]+(?P<verb>user|use)(?![\w-])(?P<args>[^\n|&]{0,300})")
_NET_ARG = re.compile(r'"[^"\n]*"|[^\s"]+')
_CLI_PASSWORD = re.compile(
    r"""(?x)(?<![\w-])(?:
        (?:-u|--user)[ \t]+(?P<user>[^\s:'"]{1,64}):(?P<up>[^\s'"]{1,128})
      | (?:-u|--user)(?:[ \t]+|=)['"]?[^\s%:'"]{1,64}%(?P<pp>[^\s'"]{1,128})
      | (?:echo|printf)[ \t]+(?:-[a-z]+[ \t]+)?(?P<q>['"]?)(?P<ep>[^\s'"|]{1,128})(?P=q)
          [ \t]*\|[ \t]*sudo[ \t]+(?:-[a-rt-z]+[ \t]+)*-[a-z]*s
      | sshpass[ \t]+-p[ \t]*(?P<sp>[^\s-][^\s]{0,127})
      | (?:mysql|mysqldump|mariadb)(?:[ \t]+[^\n|&]{0,80}?)?[ \t]-p(?P<mp>[^\s-][^\s]{0,127}))""")


def _net_command_value(low: str, m: re.Match[str]) -> tuple[int, int] | None:
    positional: list[re.Match[str]] = []
    for arg in _NET_ARG.finditer(m.group("args")):
        word = arg.group()
        if word.startswith("/") or (m.group("verb") == "use" and (
                word.startswith("\\\\") or word.startswith("//") or word == "*"
                or (len(word) == 2 and word[1] == ":"))):
            continue  # a switch, a UNC share, a drive letter
        positional.append(arg)
    # net user NAME PASSWORD; net use [DEVICE] SHARE PASSWORD (device and share skipped).
    index = 1 if m.group("verb") == "user" else 0
    if len(positional) <= index:
        return None
    arg = positional[index]
    value = arg.group()
    offset = m.start("args") + arg.start()
    if value.startswith('"'):
        value, offset = value[1:-1], offset + 1
    if not value or value == "*" or _TOKEN_PLACEHOLDER.fullmatch(value):
        return None
    # "net user jdupont puis redémarrage": prose after a command is no password; a plain
    # word counts only as the command's last argument.
    if not arg.group().startswith('"') and not _looks_secret(value) and (
            len(positional) > index + 1 or not _plain_word_secret(value)
            or _norm(value) in _LEADING):
        return None
    return offset, offset + len(value)


def _commands(low: str) -> Iterable[tuple[int, int]]:
    if "net use" in low or "net user" in low or "net.exe" in low:
        for m in _NET_COMMAND.finditer(low):
            span = _net_command_value(low, m)
            if span is not None:
                yield span
    if ("-u " in low or "--user" in low or "sshpass" in low or "mysql" in low
            or "mariadb" in low or "sudo" in low):
        for m in _CLI_PASSWORD.finditer(low):
            group = next(g for g in ("up", "pp", "ep", "sp", "mp") if m.group(g) is not None)
            value = m.group(group)
            if not _TOKEN_PLACEHOLDER.fullmatch(value) and not value.startswith("$"):
                yield m.start(group), m.end(group)


# More commands that take a password by an option, each tool with its own (case counts:
# "unzip -p" writes to the screen, "unzip -P x" is the archive's password; "sqlcmd -p"
# prints statistics, "-P x" logs in): the option glued to its value ("7z x a.7z -pX",
# "rar -hpX") or the value after a space ("psexec -p X", "ldapsearch -w X"), "/p:X"
# (FreeRDP), "-pass pass:X" (OpenSSL). A lone option asks for the password (none given).
_FLAG_GLUED, _FLAG_SPACED = 1, 2
_TOOL_FLAGS: dict[str, tuple[tuple[str, int], ...]] = {}
for _names, _flags in (
        (("7z", "7za", "7zr", "7zz", "7zg"), (("-p", _FLAG_GLUED),)),
        (("rar", "unrar", "winrar"), (("-p", _FLAG_GLUED), ("-hp", _FLAG_GLUED))),
        (("zip", "unzip", "7zip"), (("-P", _FLAG_SPACED),)),
        (("openssl",), (("-k", _FLAG_SPACED), ("-pass", _FLAG_SPACED), ("-passin", _FLAG_SPACED),
                        ("-passout", _FLAG_SPACED), ("-password", _FLAG_SPACED))),
        (("rdesktop", "psexec", "psexec64", "paexec", "mongo", "mongosh", "mongodump",
          "mongorestore"), (("-p", _FLAG_SPACED),)),
        (("xfreerdp", "xfreerdp3", "wfreerdp", "sdl-freerdp", "sdl-freerdp3"),
         (("/p:", _FLAG_GLUED),)),
        (("sqlcmd", "osql", "bcp"), (("-P", _FLAG_SPACED), ("-P", _FLAG_GLUED))),
        (("mysqladmin", "mysqlimport", "mysqlcheck", "mysqlshow", "mysqlpump"),
         (("-p", _FLAG_GLUED),)),
        (("ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd"),
         (("-w", _FLAG_SPACED),)),
        (("redis-cli",), (("-a", _FLAG_SPACED),)),
        (("ssh-keygen",), (("-N", _FLAG_SPACED), ("-P", _FLAG_SPACED))),
        (("x11vnc",), (("-passwd", _FLAG_SPACED),)),
        (("schtasks",), (("/rp", _FLAG_SPACED),)),
        (("lftp",), (("-u", _FLAG_SPACED),)),
        # "docker login -p X" ("docker run -p 8080:80" publishes a port: login only)
        (("docker", "podman"), (("-p", _FLAG_SPACED),)),
        (("usermod", "useradd"), (("-p", _FLAG_SPACED),)),
        # NetworkManager's words, no dash: "nmcli dev wifi connect Maison password X"
        (("nmcli",), (("password", _FLAG_SPACED), ("wifi-sec.psk", _FLAG_SPACED),
                      ("802-11-wireless-security.psk", _FLAG_SPACED))),
        # by their place: "wpa_passphrase SSID X", "htpasswd -b FILE USER X"
        (("wpa_passphrase", "htpasswd"), ()),
):
    for _name in _names:
        _TOOL_FLAGS[_name] = _flags
# Windows tools whose switches are read in any case ("7z x a.7z -PX").
_LOGIN_ONLY_TOOLS = frozenset({"docker", "podman"})
# The place of the password among the arguments that are no option (htpasswd only with
# -b, its batch mode: otherwise it asks).
_POSITIONAL_PASSWORD = {"wpa_passphrase": 1, "htpasswd": 2}
# Tools whose password needs no option: their lines are read without one.
_OPTIONLESS_TOOLS = ("nmcli", "wpa_passphrase")
_ANYCASE_TOOLS = frozenset({"7z", "7za", "7zr", "7zz", "7zg", "rar", "unrar", "winrar",
                            "schtasks", "xfreerdp", "xfreerdp3", "wfreerdp", "sdl-freerdp",
                            "sdl-freerdp3"})
_FLAG_TOOL = re.compile(
    r"(?<![\w.-])(?P<tool>" + "|".join(sorted(map(re.escape, _TOOL_FLAGS), key=len,
                                               reverse=True))
    + r")(?:\.exe)?(?P<args>[ \t][^\n|&;]{0,300})")
# An option after a space: only the lines that hold one are read for a tool's name (a
# pass of this regex costs a twentieth of the tools' one over a note).
_OPTION_SHAPE = re.compile(r" [-/][a-z]")
# An app password (Google's "abcd efgh ijkl mnop", Apple's app-specific "abcd-efgh-ijkl-
# mnop", 16 letters run together) after a password phrase that names it an app's: its
# shape says it is the value, with no ":" ("mot de passe d'application Gmail abcd efgh
# ijkl mnop", "App password qwer-tyui-opas-dfgh"). An app's name alone ("appli") does not.
_APP_STEMS = ("app", "specifi", "spécifi")
_APP_PASSWORD = re.compile(
    r"[^\n]{0,48}?(?<![\w-])(?P<v>[a-z]{4}(?P<sep>[ -])[a-z]{4}(?P=sep)[a-z]{4}(?P=sep)[a-z]{4}"
    r"|[a-z]{16})(?![\w-])")
_APP_PASSWORD_PHRASE = re.compile(
    r"(?<![\w-])(?:mots?[ -]de[ -]passe|mdp|passwords?|passcode|pwd|passe)(?![\w])")


def _word_like(group: str) -> bool:
    """Four letters that could be a word's: a vowel and no three consonants in a row."""
    shape = "".join("v" if c in "aeiouy" else "c" for c in group)
    return "v" in shape and "ccc" not in shape


def _app_passwords(low: str) -> Iterable[tuple[int, int]]:
    for stem in _APP_STEMS:
        at = low.find(stem)
        while at >= 0:
            line = low.rfind("\n", 0, at) + 1
            m = _APP_PASSWORD.match(low, at + len(stem))
            if m is not None and _APP_PASSWORD_PHRASE.search(low, max(line, at - 40),
                                                             m.start("v")):
                value = m.group("v")
                # The words of a sentence are no app password ("pour tous", "dans leur"):
                # its letters are random, so a group without a vowel or with three.
                groups = [value[i:i + 4] for i in range(0, 16, 4)] if len(value) == 16 \
                    else value.split(m.group("sep"))
                if m.group("sep") == "-" or not all(map(_word_like, groups)):
                    yield m.start("v"), m.end("v")
            at = low.find(stem, at + len(stem))


# A PIN or password read out digit by digit in words ("code PIN : quatre huit deux un",
# "mot de passe : un deux trois quatre", "PIN zero zero zero zero"): four to twelve digit
# words in a row (three are a count: "un, deux, trois essais"; "quatre chiffres" is its
# length). A password's phrase needs ":" or a copula before them; a PIN's or a code's not.
_DIGIT_WORD = (r"(?:z[eé]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|zero|oh|one|two"
               r"|three|four|five|seven|eight|nine)(?!\w)")
_DIGITS_IN_WORDS = re.compile(
    rf"{_H}*(?P<link>[:=]{_H}*)?"
    rf"(?P<v>{_DIGIT_WORD}(?:(?:{_H}*[-,]{_H}*|{_H}+){_DIGIT_WORD}){{3,11}})(?![\w-])")


def _digits_in_words(low: str, end: int, link: bool) -> tuple[int, int] | None:
    """Digits in words right after a phrase ending at `end`, or after the ":" or the copula
    that ends its qualifiers on the line ("le code de la carte bleue est quatre-huit-
    deux-un"); `link`: only after ":" or a copula (a password's phrase). Each step is one
    `match` or `find` (it runs for every such phrase with no value)."""
    m = _DIGITS_IN_WORDS.match(low, end)
    if m is not None:
        return m.span("v") if m.group("link") or not link else None
    stop = min(_line_end(low, end), end + 48)
    marks = [at for at in (low.find(":", end, stop), low.find("=", end, stop)) if at >= 0]
    copulas = _copulas(low)
    at = bisect.bisect_right(copulas, end - 1)
    if at < len(copulas) and copulas[at] < stop:
        copula = _COPULA_HINT.match(low, copulas[at])
        if copula is not None:
            after = copula.end()
            marks.append(after + 4 - 1 if low.startswith(("'est", "’est"), after) else after - 1)
    if not marks:
        return None
    m = _DIGITS_IN_WORDS.match(low, min(marks) + 1)
    return m.span("v") if m is not None else None


# Windows prints a Wi-Fi profile's key with "netsh wlan show profile name=X key=clear":
# "Contenu de la clé : x" (French), "Key Content : x" (English), the key to the line's end
# (a passphrase may hold spaces), after the column's padding.
_NETSH_KEY = re.compile(
    r"(?:contenu[ ]de[ ]la[ ]cl[eé]|key[ ]content)[ \t]*:[ \t]*(?P<v>[^\s][^\n]{0,62}?)"
    r"[ \t]*(?=\r?\n|$)")


def _netsh_keys(low: str) -> Iterable[tuple[int, int]]:
    for m in _NETSH_KEY.finditer(low):
        value = m.group("v")
        if len(value) >= 5 and _whole_value(value):
            yield m.span("v")


# An XML element that names a password, its text or its <Value> child: Windows's answer
# file (unattend.xml: "<AdministratorPassword><Value>X</Value>", "<AutoLogon><Password>
# <Value>X</Value>"), "<UserPassword>X</UserPassword>", Java's '<entry key="password">X
# </entry>'; the name ends with the word ("<PasswordExpires>" is a setting about it), and
# "<PlainText>true</PlainText>" beside it is no value.
_XML_SECRET = re.compile(
    r"<(?P<tag>[a-z_:.-]*(?:password|passwd|pwd|passphrase|secret)"
    r"|entry[ \t]+key=[\"'][a-z_.-]*(?:password|passwd|pwd|secret)[\"'])[ \t]*>\s*"
    r"(?:<value>\s*)?(?P<v>[^<>\s][^<>\n]{0,127}?)\s*</")


def _xml_secrets(low: str) -> Iterable[tuple[int, int]]:
    for m in _XML_SECRET.finditer(low):
        value = m.group("v")
        if value not in ("true", "false") and _whole_value(value):
            yield m.span("v")


# PowerShell's password in clear ("ConvertTo-SecureString 'X' -AsPlainText -Force"), and
# a user's "name:password" fed to chpasswd ("echo 'jean:X' | chpasswd").
_PLAIN_COMMAND = re.compile(
    r"""(?x)convertto-securestring[ \t]+(?:-string[ \t]+)?(?P<q>["'])(?P<ps>[^"'\n]{1,128})(?P=q)
          (?=[^\n|]*-asplaintext)
      | (?:echo|printf)[ \t]+(?:-[a-z]+[ \t]+)?(?P<q2>['"]?)[^\s:'"|]{1,64}:(?P<cp>[^\s'"|]{1,128})
          (?P=q2)[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd
      | chpasswd[ \t]*<<<[ \t]*(?P<q3>['"]?)[^\s:'"]{1,64}:(?P<hp>[^\s'"]{1,128})(?P=q3)""")


def _flag_value(value: str, offset: int) -> tuple[int, int] | None:
    if value[:1] in "\"'" and len(value) > 1 and value[-1] == value[0]:
        value, offset = value[1:-1], offset + 1
    if value.startswith(("pass:", "env:", "file:", "fd:", "stdin")):
        if not value.startswith("pass:"):
            return None  # OpenSSL reads it from a variable, a file or its input
        value, offset = value[5:], offset + 5
    if (not value or value.startswith(("-", "$", "%")) or value == "*"
            or _TOKEN_PLACEHOLDER.fullmatch(value) or _is_stop(value)):
        return None
    return offset, offset + len(value)


def _positional_password(tool: str, args: list[tuple[str, int]]) -> tuple[int, int] | None:
    options = [arg for arg, _ in args if arg.startswith("-")]
    if tool == "htpasswd" and not any(o[1:2] != "-" and "b" in o for o in options):
        return None
    words = [(arg, at) for arg, at in args if not arg.startswith(("-", "<", ">", "|"))]
    index = _POSITIONAL_PASSWORD[tool]
    if len(words) <= index:
        return None
    return _flag_value(*words[index])


def _tool_flag_values(text: str, low: str) -> Iterable[tuple[int, int]]:
    """The passwords a command's options give (`text` as typed: options differ by case;
    `low`, its lower-case copy of the same length, to find the tools)."""
    lines: list[int] = []
    for option in _OPTION_SHAPE.finditer(low):
        line = low.rfind("\n", 0, option.start()) + 1
        if not lines or lines[-1] != line:
            lines.append(line)
    for name in _OPTIONLESS_TOOLS:
        at = low.find(name)
        while at >= 0:
            lines.append(low.rfind("\n", 0, at) + 1)
            at = low.find(name, at + len(name))
    for m in (m for line in sorted(set(lines))
              for m in _FLAG_TOOL.finditer(low, line, _line_end(low, line))):
        tool = m.group("tool")
        flags = _TOOL_FLAGS[tool]
        args = [(a.group(), a.start())
                for a in _NET_ARG.finditer(text, m.start("args"), m.end("args"))]
        if tool in _LOGIN_ONLY_TOOLS and (not args or args[0][0].lower() != "login"):
            continue
        if tool in _POSITIONAL_PASSWORD:
            span = _positional_password(tool, args)
            if span is not None:
                yield span
            continue
        anycase = tool in _ANYCASE_TOOLS
        for i, (typed, at) in enumerate(args):
            arg = typed.lower() if anycase else typed
            for flag, how in flags:
                if how == _FLAG_SPACED and arg == flag and i + 1 < len(args):
                    value, offset = args[i + 1]
                    if m.group("tool") == "lftp":  # -u user,password
                        comma = value.find(",")
                        if comma < 0:
                            continue
                        value, offset = value[comma + 1:], offset + comma + 1
                elif how == _FLAG_GLUED and arg.startswith(flag) and len(arg) > len(flag):
                    value, offset = typed[len(flag):], at + len(flag)
                elif (how == _FLAG_GLUED and arg == flag and i + 1 < len(args)
                      and args[i + 1][1] == at + len(flag) and args[i + 1][0][0] == '"'):
                    value, offset = args[i + 1]  # -p"two words"
                else:
                    continue
                span = _flag_value(value, offset)
                if span is not None:
                    yield span
                break
    if "convertto-securestring" in low or "chpasswd" in low:
        for m in _PLAIN_COMMAND.finditer(low):
            group = next(g for g in ("ps", "cp", "hp") if m.group(g) is not None)
            if not _TOKEN_PLACEHOLDER.fullmatch(m.group(group)) and m.group(group)[0] != "$":
                yield m.start(group), m.end(group)


# A remote tool's ID then its password, as a pair: "TeamViewer 123456789 / 4kd9x2",
# "AnyDesk : 123 456 789 - Xy7!pq". The ID is personal data (sealed elsewhere); what
# follows it, when it looks like a secret and is not another ID, is the password. The
# word "code" may name it ("AnyDesk 123456789 code 4821", "ID TeamViewer 123456789, code
# unique : 4kd9x2"): the one-time code the client reads out, a secret like any password.
_TOOL_ID_PAIR = re.compile(
    # as the tool's window shows them too, one a line: "AnyDesk\nID 123456789\nCode 4821"
    # the ID, or an AnyDesk alias ("AnyDesk : jean@ad / X")
    r"(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:id|n°|alias))?[ \t]*:?[ \t]*"
    r"(?:[0-9](?:[ \u00a0]?[0-9]){8,9}|[a-z0-9][a-z0-9._-]{0,39}@ad)(?![\w.@-])"
    r"(?:[ \t]*(?P<sep>[/|:,]|[-–—](?=[ \t]))[ \t]*|[ \t]+|[ \t]*\r?\n[ \t]*(?=codes?\b|otp\b))"
    r"(?:(?P<code>codes?|otp)(?:[ \t]+(?:unique|temporaire|provisoire|[aà][ \t]+usage[ \t]+unique"
    r"|d['’][ \t]?acc[eè]s|de[ \t]+session|de[ \t]+connexion|one-time|temporary))?"
    r"[ \t]*(?:[:=][ \t]*)?(?=[^\s,;«»\"“”]))?"
    r"(?P<v>[^\s,;«»\"“”]{4,64})")
# The end of the tool names that have an ID (found with `find`, then read backwards); "TV"
# is how technicians shorten TeamViewer ("TV 123 456 789 / 4kd9x2").
_ID_TOOL_ENDS = ("viewer", "desk", "supremo", "tv")
# A device's default account and its password with no phrase: "admin/admin", "root:toor",
# "admin / Soleil2024". Only a secret-looking value, the user repeated, or (in the
# "user:password" spelling with no spaces) a plain word counts: "admin/lecture" names rights.
_DEFAULT_PAIR = re.compile(
    r"(?<![\w@./:-])(?P<user>root|admin|administrateur|administrator|superuser|supervisor|ubnt"
    r"|pi|sa)(?:(?P<colon>:)|(?P<spaced>[ \t]*:[ \t]*)|[ \t]*/[ \t]*)(?P<v>[^\s,;«»\"“”/:]{1,64})")


# A registry value named for a password, set by a command pasted into a note: Windows's
# automatic logon ("reg add ...\\Winlogon /v DefaultPassword /t REG_SZ /d X /f", or
# PowerShell's "Set-ItemProperty ... -Name DefaultPassword -Value X"). The name ends with
# the word ("/v PasswordExpiryWarning /d 14", "/v DisablePasswordChange /d 1" are
# settings about it); "$pw", "%PW%" name the value.
_REGISTRY_SECRET = re.compile(
    r"""(?x)(?<![\w-])(?:/v|-name)[ \t]+["']?[a-z0-9_.-]*(?:password|passwd|pwd|passphrase
    |secret)["']?(?=[ \t])[^\n]{0,120}?(?<![\w-])(?:/d|-value)[ \t]+
    (?:"(?P<d>[^"\n]{1,128})"|'(?P<s>[^'\n]{1,128})'|(?P<b>[^\s"']{1,128}))""")


def _registry_values(low: str) -> Iterable[tuple[int, int]]:
    for m in _REGISTRY_SECRET.finditer(low):
        group = "d" if m.group("d") is not None else "s" if m.group("s") is not None else "b"
        value = m.group(group)
        if value.strip() and not _TOKEN_PLACEHOLDER.fullmatch(value):
            yield m.span(group)


# The text of a Wi-Fi QR code (the ZXing format phones read): "WIFI:T:WPA;S:Box;P:key;;".
_WIFI_QR = re.compile(r"wifi:(?:[a-z]:(?:[^;\\]|\\.)*;)*?p:(?P<v>(?:[^;\\\s]|\\.)+)")


def _without_phrase(low: str) -> list[tuple[_Context, int, int]]:
    """Secrets that no phrase announces: pairs, commands, settings (each behind a cheap
    test of the text, since most notes hold none of them)."""
    found: list[tuple[_Context, int, int]] = []
    # Commands first: "curl -u admin:x" is read by its option, not as a bare pair.
    if ("net u" in low or "net.exe" in low or "-u" in low or "sshpass" in low
            or "sql" in low or "mariadb" in low or "sudo" in low):
        pw = _CONTEXTS["pw"]
        found.extend((pw, start, end) for start, end in _commands(low))
    if ("/d" in low or "-value" in low) and ("/v" in low or "-name" in low):
        pw = _CONTEXTS["pw"]
        found.extend((pw, start, end) for start, end in _registry_values(low))
    if ("viewer" in low or "desk" in low or "supremo" in low or "tv" in low or "admin" in low
            or "root" in low or "super" in low or "ubnt" in low or _pi_pair_in(low)):
        found.extend(_pairs_without_phrase(low))
    if "/" in low:
        found.extend(_service_pairs(low))
    if ("conn" in low or "logged" in low or "sign" in low or "log in" in low
            or "identifi" in low):
        found.extend(_login_pairs(low))
    found.extend(_settings(low))  # it finds its own stems
    has_wifi = "wifi" in low
    if has_wifi or "ssid" in low or "wi-fi" in low or "box-" in low or "box_" in low or (
            "sfr" in low and ("sfr-" in low or "sfr_" in low)):
        found.extend(_network_pairs(low))
    if has_wifi and "wifi:" in low:
        wifi = _CONTEXTS["wifi"]
        found.extend((wifi, m.start("v"), m.end("v")) for m in _WIFI_QR.finditer(low)
                     if not _TOKEN_PLACEHOLDER.fullmatch(m.group("v")))
    return found


# A login said, then the pair it used, with no phrase: "connexion avec jean / Soleil2024",
# "logged in with jsmith:Summer2024!", "connecté en tant que admin / X". The secret must
# look like one: "connexion avec jean / marie" names two people, "avec le client OK" no pair,
# "avec 192.168.1.1:8080" or "srv01:3389" a host and its port.
_LOGIN_PAIR = re.compile(
    rf"(?:connexion|connect[eé]e?s?|connecter|identifi[eé]e?s?|logged[ ]in|log[ ]?in"
    rf"|signed[ ]in|sign[ ]in)"
    rf"{_H}+(?:avec|with|as|en{_H}+tant{_H}+que|sous|via|using)(?:{_H}+(?:le|the)"
    rf"{_H}+(?:compte|account|login|identifiant))?{_H}+"
    rf"(?P<user>[^\s/:|,;«»\"“”()]{{1,64}}){_H}*(?P<sep>/|:|{_H}-){_H}*"
    r"(?P<secret>[^\s,;«»\"“”]{1,64})")
# Where such a login starts ("reconnecté" holds "connect"): a `find` per stem is far
# cheaper than a regex pass over the note.
_LOGIN_STEMS = ("connexion", "connect", "identifi", "logged", "log in", "login", "signed",
                "sign in")


def _login_pairs(low: str) -> Iterable[tuple[_Context, int, int]]:
    for stem in _LOGIN_STEMS:
        at = low.find(stem)
        while at >= 0:
            m = _LOGIN_PAIR.match(low, at)
            at = low.find(stem, at + len(stem))
            if m is None:
                continue
            user, secret = m.group("user"), _trim(m.group("secret"))
            if (_is_stop(user) or _norm(user) in _ARTICLE_WORDS or _TOOL.fullmatch(user)
                    or _HOST_END.search(user) or not _looks_secret(secret)
                    or _TOKEN_PLACEHOLDER.fullmatch(secret)
                    or _names_phrase(secret, low, m.start("secret") + len(secret))):
                continue
            if m.group("sep") == ":" and secret.isdigit():
                continue  # "connexion avec srv01:3389": a host and its port
            yield _CONTEXTS["account"], m.start("user"), m.start("secret") + len(secret)


# A Wi-Fi network named, then "/" or " - " and its key, as written on a sticker: "SSID :
# Livebox-4A2C / 7xQpR2mK9sT4vW", "Wifi Maison / Chaton2024". The key looks like a secret
# and has WPA's 8 characters at least; a second network's name is no key (the 5 GHz one,
# "Livebox-4A2C / Livebox-4A2C-5G", or another box: "Freebox-AB12 / Bbox-9F3E").
# A box's own network name says it is one with no word before it ("Livebox-4A2C /
# 7xQpR2mK9sT4vW", "Freebox-4A2B1C - ...", "SFR_9F3E / ..."): the name the box comes with.
_NETWORK_WORDS = ("ssid", "wifi", "wi-fi", "box-", "box_", "sfr-", "sfr_")
_NETWORK_PAIR = re.compile(
    rf"""(?x)(?<![\w-])(?:(?:ssid|wi-?fi)
    (?:{_H}+(?:du{_H}+|de{_H}+la{_H}+)?(?:r[eé]seau|network|name|nom|client
       |invit[eé]s?|guests?))?{_H}*(?:[:=]{_H}*)?(?:ssid{_H}*:?{_H}*)?
    (?P<name>"[^"\n]{{1,32}}"|«{_H}*[^»\n]{{1,32}}»|[^\s/,;:"«»|]{{2,32}})
    |(?P<box>(?:livebox|freebox|bbox|neufbox|sfr)[-_][0-9a-z]{{4,8}}(?:-5g)?))
    (?:{_H}*/{_H}*|{_H}+[-–—|]{_H}+)(?P<v>[^\s,;«»"“”/]{{8,63}})""")
_NETWORK_NAMES = re.compile(
    r"livebox|freebox|bbox|sfr|orange|neuf|wi-?fi|wlan|guest|invit|2[.,]4|(?<![0-9a-z])5g|ghz"
    r"|box|ssid")
# A router's model or a reference, not a key: "TL-WN823N", "R7000P-100", "FR-0123456789";
# nor is its MAC address or its firmware's version.
_REFERENCE = re.compile(r"[a-z]{1,3}-[a-z0-9-]+|[a-z0-9]+-[0-9]{2,4}"
                        r"|(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|v?[0-9]+(?:\.[0-9]+)+[a-z0-9-]*")


def _network_pairs(low: str) -> Iterable[tuple[_Context, int, int]]:
    wifi = _CONTEXTS["wifi"]
    # Read where each word is (`find`): a regex pass over the note would cost more.
    starts = []
    for word in _NETWORK_WORDS:
        at = low.find(word)
        while at >= 0:
            if word[-1] in "-_":  # the box's name starts before: "livebox-", "bbox_"
                start = at
                while start and low[start - 1].isalpha() and at - start < 8:
                    start -= 1
                starts.append(start)
            else:
                starts.append(at)
            at = low.find(word, at + len(word))
    for start in sorted(starts):
        m = _NETWORK_PAIR.match(low, start)
        if m is None:
            continue
        value = _trim(m.group("v"))
        name = (m.group("name") or m.group("box")).strip("\"«» \t")
        stem = re.split(r"[\W_]", name)[0]
        if (len(value) >= 8 and _looks_secret(value) and _NETWORK_NAMES.search(value) is None
                and _REFERENCE.fullmatch(value) is None
                and _MODEL.fullmatch(value) is None  # "Livebox-4A2C / Samsung-A52": a device
                and not (len(stem) >= 3 and value.startswith(stem))
                and not _TOKEN_PLACEHOLDER.fullmatch(value) and _TRIGGER.match(value) is None):
            yield wifi, m.start("v"), m.start("v") + len(value)


# An online service or a bank named, ":", then a "user / secret" pair: "Facebook :
# jean.martin / Fb2024!", "site impots.gouv : jmartin / Impots2024". The pair is read as
# after "compte" (two account names, statuses, a plain word after a plain user pass).
_SERVICES = (
    r"facebook|instagram|netflix|amazon|leboncoin|impots(?:\.gouv(?:\.fr)?)?|ameli|caf"
    r"|paypal|ebay|gmail|outlook|hotmail|yahoo|icloud|apple|microsoft|google|orange|sfr|free"
    r"|bouygues|edf|engie|doctolib|la[ ]?poste|sncf|deezer|spotify|disney\+?|canal\+?"
    r"|whatsapp|skype|zoom|dropbox|onedrive|linkedin|twitter|tiktok|snapchat|vinted"
    r"|cdiscount|fnac|darty|banque|bnp|lcl|boursorama|ing|site|portail|extranet|intranet"
    r"|webmail|messagerie|mail|e-?mail|imap|smtp|pop3?|ftp|sftp|nas|vpn|cloud")
_SERVICE_BEFORE = re.compile(
    rf"(?<![\w.-])(?:{_SERVICES})(?![\w-])[^\n:/=]{{0,30}}[:=]{_H}*$")
_USER_BEFORE_SLASH = re.compile(rf"[^\s/:=,;]{{1,64}}{_H}*$")
# After a service's name only a login-shaped user: "jean.martin", "j_martin", an address
# (not a product, "Synology / DS220j", nor a host, "smtp.orange.fr / 465").
_LOGIN_SHAPED = re.compile(r"[a-z][a-z0-9-]*(?:[._][a-z0-9-]+)+|[a-z0-9._+-]+@[a-z0-9.-]+")
_VERSION = re.compile(r"[a-z]{0,4}[0-9]+(?:\.[0-9]+)+[a-z]?")  # "WP6.4", "v2.3.1"
_HOST_END = re.compile(r"\.(?:fr|com|net|org|gouv|io|eu|be|ch|de|uk|local|lan|info|biz|box)$")
# A file's extension: "mdp.txt", "coffre.kdbx" say where the passwords are kept.
_FILE_END = re.compile(r"\.(?:txt|pdf|docx?|xlsx?|ods|odt|csv|kdbx|kdb|1pux|json|xml|ini|conf"
                       r"|cfg|log|zip|7z|rar|exe|msi|bat|ps1|sh|py|jpe?g|png|old|bak)$")


def _service_pairs(low: str) -> Iterable[tuple[_Context, int, int]]:
    account = _CONTEXTS["account"]
    at = low.find("/")
    while at >= 0:
        line_start = low.rfind("\n", 0, at) + 1
        user = _USER_BEFORE_SLASH.search(low, max(line_start, at - 70), at)
        name = user.group().rstrip(" \t") if user is not None else ""
        # An account's number is a login too ("impots.gouv : 1234567890123 / x", a CAF or
        # a customer number), then with a password that mixes letters and digits.
        numbered = name.isascii() and name.isdigit() and 6 <= len(name) <= 20
        if (user is not None and (_LOGIN_SHAPED.fullmatch(name) is not None or numbered)
                and (_HOST_END.search(name) is None or "@" in name)
                and _SERVICE_BEFORE.search(
                    low, max(line_start, user.start() - 60), user.start()) is not None):
            span = _slash_pair_at(low, user.start(), False, words=1)
            secret = low[at + 1:span[1]].strip() if span is not None else ""
            if (span is not None and _VERSION.fullmatch(secret) is None
                    and (not numbered or _mixed(secret))):
                yield account, span[0], span[1]
                at = low.find("/", span[1])
                continue
        at = low.find("/", at + 1)


_OWNER_COMMAND = re.compile(r"\b(?:chown|chgrp|install|docker[ \t]+run)\b[^\n|;&]*$")


_FACTORY = re.compile(r"\b(?:par[ \t]d[eé]faut|d[eé]faut|default|d[' ’]usine|factory)\b")
_WORD_AFTER = re.compile(r"[ \t)\]]*(?P<w>[^\W\d_]+)")


def _pi_pair_in(low: str) -> bool:
    """A cheap look for Raspberry Pi's "pi / x" and SQL Server's "sa / x" ("pi" and "sa"
    alone are in "pilote", "pièce", "sa", "salle")."""
    return ("pi /" in low or "pi/" in low or "pi:" in low or "pi :" in low
            or "sa /" in low or "sa/" in low or "sa:" in low)


def _default_no_longer(low: str, start: int, end: int) -> bool:
    """A vendor's default pair said to be the default ("par défaut : admin/admin") or
    changed since ("root / toor changé"): public knowledge, not the client's password."""
    line_start = low.rfind("\n", 0, start) + 1
    if _FACTORY.search(low, max(line_start, start - 40), start):
        return True
    after = _WORD_AFTER.match(low, end)
    if after is None:
        return False
    word = after.group("w")
    return _participle(word) or _inflected_in(_norm(word), _BARE_PARTICIPLES)


def _pairs_without_phrase(low: str) -> Iterable[tuple[_Context, int, int]]:
    for ending in _ID_TOOL_ENDS:
        at = low.find(ending)
        while at >= 0:
            end = at + len(ending)
            m = _TOOL_ID_PAIR.match(low, end)
            tool = _tool_before(low, end) if m is not None else None
            value = _trim(m.group("v")) if m is not None else ""
            # Without "/" or ":" only letters mixed with digits ("AnyDesk 123456789 xk9p2m",
            # not "AnyDesk 123456789 1234" nor "... v7.1.3").
            if (tool is not None and _looks_secret(value)
                    and (m.group("sep") or m.group("code")  # type: ignore[union-attr]
                         or (_mixed(value) and not _is_stop(value)))
                    and not (value.isdigit() and len(value) >= 9)
                    and not _names_phrase(value, low, m.start("v") + len(value))):  # type: ignore[union-attr]
                ctx = _CONTEXTS["tool"]._replace(tool=tool)
                yield ctx, m.start("v"), m.start("v") + len(value)  # type: ignore[union-attr]
            at = low.find(ending, end)
    if "admin" in low or "root" in low or "super" in low or "ubnt" in low or _pi_pair_in(low):
        for m in _DEFAULT_PAIR.finditer(low):
            user, value = m.group("user"), _trim(m.group("v"))
            if _OWNER_COMMAND.search(low, max(0, m.start() - 40), m.start()):
                continue  # "chown root:root /etc/hosts": an owner and a group
            if not value or _TOKEN_PLACEHOLDER.fullmatch(value) or (value != user and (
                    _is_stop(value) or _norm(value) in _PAIR_STOP)):
                continue
            if _names_phrase(value, low, m.start("v") + len(value)):
                continue  # "admin / p@ssword: x": the password's label, its value after
            if (value == user or _common_password(value)) and _default_no_longer(
                    low, m.start(), m.start("v") + len(value)):
                continue  # "identifiants par défaut (admin/admin) modifiés": public, gone
            ends = _CLAUSE_END.match(low, m.start("v") + len(value)) is not None
            plain = m.group("colon") is not None and ends and _plain_word_secret(value)
            if user == "sa":
                # SQL Server's "sa / Sql2019!" ("sa" is French too: "sa / son"): a password
                # that mixes letters and digits only.
                if ends and _mixed(value) and _looks_secret(value):
                    yield _CONTEXTS["account"], m.start(), m.start("v") + len(value)
            elif m.group("spaced") is not None or user == "pi":
                # "admin : 2 postes", "pi / 2": the user repeated or a common password only
                # ("admin : admin", "pi / raspberry").
                if ends and (value == user or _common_password(value)):
                    yield _CONTEXTS["account"], m.start(), m.start("v") + len(value)
            elif _looks_secret(value) or value == user or plain:
                yield _CONTEXTS["account"], m.start(), m.start("v") + len(value)


# A list after its phrase: "codes de secours : 4829 1037, 5930 2148", "PIN : 1234 / 5678".
_LIST_SEPARATOR = re.compile(rf"{_H}*(?:[,;/+]|\r?\n|(?<=[ \t])(?:et|and|puis)(?=[ \t]))?{_H}*")
_SHAPE = str.maketrans("0123456789abcdefghijklmnopqrstuvwxyz", "0" * 10 + "a" * 26)


def _same_shape_after(low: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The values that follow a found one in a list, each written in the same shape (the
    same length, digits, letters and separators in the same places: "4829 1037" then
    "5930 2148"). Only values with digits: a code list, not words after a password."""
    value = low[start:end]
    if not any("0" <= c <= "9" for c in value) or len(value) < 4 or "\n" in value:
        return
    shape = value.translate(_SHAPE)
    while True:
        gap = _LIST_SEPARATOR.match(low, end)
        if gap is None or gap.end() == end:
            return
        following = low[gap.end():gap.end() + len(value)]
        after = gap.end() + len(value)
        if (following.translate(_SHAPE) != shape or following == value
                or (after < len(low) and _is_word_char(low[after]))):
            return
        yield gap.end(), after
        end = after


_ALONE_BELOW = re.compile(r"\r?\n[ \t]*(?P<v>[^\s,;«»\"“”]{1,32})[ \t]*(?=\r?\n|$)")


def _continued_below(low: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """A password split over two lines: the found value ends its line and the next line
    holds one token alone, the rest of it ("mdp : Soleil\n2024", "mdp : Sol-\neil2024":
    after a hyphen, any word). Only a secret-looking token otherwise: "mdp : chaton\nOK"
    goes on with a status."""
    below = _ALONE_BELOW.match(low, end)
    if below is None:
        return
    value = _trim(below.group("v"))
    if not value or _TRIGGER.match(value) is not None:
        return
    if low[end - 1] == "-" or (_looks_secret(value) and not _is_stop(value)):
        yield below.start("v"), below.start("v") + len(value)


# A CSV or spreadsheet header whose column is a password phrase, then its rows:
# "login;mdp\njean;Soleil2024". Under that header a plain word is the password too, and so
# is a passphrase that fills its cell ("jean;le chat noir"); a status or a remark is not
# ("jean;changé", "jean;voir avec le client"). A header holds short labels: a line of prose cut by
# commas ("mdp, voir avec le client") is none.
_CSV_SEPARATORS = frozenset(";,\t")
_CSV_EDGES = _CSV_SEPARATORS | {'"'}  # a quoted field: '"user";"password"'
_CSV_GROUPS = frozenset({"pw", "strict"})  # a column named "pass" is the password's too
# A field's edge right after or before the phrase, spaces around the separator allowed (a
# `startswith` is the cheapest look: it runs for most phrases).
_CSV_AFTER = (";", ",", "\t", '"', " ;", " ,", ' "', "  ;", "  ,")
_CSV_BEFORE = (";", ",", "\t", '"', "; ", ", ", '" ', ";  ", ",  ")


def _csv_column(low: str, m: re.Match[str]) -> Iterable[tuple[int, int]]:
    strict = m.lastgroup == "strict"
    line_start = low.rfind("\n", 0, m.start()) + 1
    line_end = low.find("\n", m.end())
    if line_end < 0:
        return
    # The field's quotes and the spaces around its separators ("login ; mdp").
    before = m.start()
    while before > line_start and m.start() - before < 4 and low[before - 1] in ' \t"':
        before -= 1
    after = m.end()
    while after < line_end and after - m.end() < 4 and low[after] in ' \t"':
        after += 1
    if before < m.start() and low[before] == "\t":
        before += 1  # a tab is a separator itself
    if after > m.end() and low[after - 1] == "\t":
        after -= 1
    if after < line_end and low[after] in _CSV_SEPARATORS:
        sep = low[after]
    elif before > line_start and low[before - 1] in _CSV_SEPARATORS:
        sep = low[before - 1]
    else:
        return
    if (before > line_start and low[before - 1] != sep) or (after < line_end
                                                             and low[after] not in (sep, "\r")):
        return  # the phrase is not a whole field
    fields = low[line_start:line_end].rstrip("\r").split(sep)
    column = low.count(sep, line_start, m.start())
    if (not 2 <= len(fields) <= 30 or fields[column].strip(' "') != m.group()
            or any(len(field.split()) > 3 for field in fields)):
        return
    pos = line_end + 1
    for _row in range(200):
        end = low.find("\n", pos)
        end = len(low) if end < 0 else end
        cells = low[pos:end].rstrip("\r").split(sep)
        if len(cells) != len(fields):
            return
        start = pos + sum(len(cell) + 1 for cell in cells[:column])
        value = cells[column].strip(' "')
        if value:
            start = low.index(value, start)
            if strict:
                # Under "pass" ("Pass Navigo", "pass culture"), letters mixed with digits only.
                if _mixed(value) and " " not in value and _looks_secret(value):
                    yield start, start + len(value)
            elif " " in value:
                # "jean;le chat noir": a passphrase fills the cell (a remark does not:
                # "voir avec le client", "changé par le client").
                if _passphrase_at(value, 0) == len(value):
                    yield start, start + len(value)
            elif _looks_secret(value) or _plain_word_secret(value):
                yield start, start + len(value)
        if end >= len(low):
            return
        pos = end + 1


_LISTED = re.compile(rf"{_H}*[,/;]{_H}*(?P<v>[^\s,;/«»\"“”]{{4,64}})")


def _listed_after(low: str, end: int) -> Iterable[tuple[int, int]]:
    """After a plural phrase ("mots de passe : Soleil2024, Marie1960", "mdps : x / y"), the
    secret-looking values listed after the found one (a plain word there is prose)."""
    for _more in range(5):
        nxt = _LISTED.match(low, end)
        if nxt is None:
            return
        value = _trim(nxt.group("v"))
        if not _looks_secret(value) or _TRIGGER.match(value) is not None:
            return
        end = nxt.start("v") + len(value)
        yield nxt.start("v"), end


# What follows a card number in the same breath: its expiry date, then its security code
# ("4970 … 0006 / 123", "… exp 03/28 123"). Found with the number, or the code would be left
# in the note once the highlighted number is removed. 3 digits (American Express: 4); not
# an amount or a time ("… 0006, 120 €").
_CARD_TAIL = re.compile(
    r"[ \t]*[,;/:-]?[ \t]*(?:(?:exp(?:\.|ire|iration)?|date|val(?:\.|ide|idit[eé])?)"
    r"[ \t]*:?[ \t]*)?(?:(?:0[1-9]|1[0-2])[ \t]*/[ \t]*(?:20)?[0-9]{2}[ \t]*[,;/:-]?[ \t]*)?"
    r"(?P<cvv>[0-9]{3,4})(?![0-9]|[.,/:h][0-9]|[ \t]*(?:€|eur|%))", re.IGNORECASE)


def _card_codes(text: str, raw: Sequence[tuple[str, int, int, _Context | None]]
                ) -> Iterable[tuple[int, int]]:
    for kind, start, end, _ctx in raw:
        if kind != "card-number":
            continue
        tail = _CARD_TAIL.match(text, end)
        if tail is None:
            continue
        digits = _ascii_digits(text[start:end])
        amex = len(digits) == 15 and digits[:2] in ("34", "37")
        if len(tail.group("cvv")) == (4 if amex else 3):
            yield tail.start("cvv"), tail.end("cvv")


# A phrase typed letter by letter ("m o t  d e  p a s s e : x", "p.a.s.s.w.o.r.d : x",
# "P-I-N 4821"), as if to slip past a filter: 3 letters or more, each alone between
# separators. The separator most used joins the letters of a word; any other one (a double
# space, a space between dotted words) parts words.
_SPELT_OUT = re.compile(
    r"(?<![\w.-])[^\W\d_](?:[ ._*-]{1,3}[^\W\d_](?![^\W_])){2,}(?:\.(?![^\W_]))?")
_SPELT_SEPARATORS = re.compile(r"[ ._*-]+")
# Where such a run may be: after a space or a line break, the first two letters of a
# phrase spelt with spaces ("m o", "p a", "c o", "w i", "l o", "i d"), or two single letters
# after a dot, a dash or a star. Each pattern starts with a literal, which the regex engine
# skips to quickly (a pass of the run's own pattern over a whole note cost a third of its
# scan); the run is then read on that line only.
_SPELT_FIRST = re.compile(r"[mpcwli] [a-z] ")
_SPELT_HINTS = tuple(re.compile(hint) for hint in (
    r" [mpcwli] [a-z] ", r"\n[mpcwli] [a-z] ", r"\.[^\W\d_][ .]{1,3}[^\W\d_](?!\w)",
    r"-[^\W\d_]-{1,3}[^\W\d_](?!\w)", r"\*[^\W\d_]\*{1,3}[^\W\d_](?!\w)",
    r"_[^\W\d_]_{1,3}[^\W\d_](?![^\W_])"))


def _line_end(low: str, start: int) -> int:
    end = low.find("\n", start)
    return len(low) if end < 0 else end


def _spelt_out_phrases(low: str) -> str:
    """`low` with each run of letters spelt out that holds a phrase written whole ("m o t
    d e  p a s s e  W i n d o w s" reads "mot de passe windows"), padded with spaces to
    the same length, the spaces before it (so that spans carry over)."""
    lines: set[int] = {0} if _SPELT_FIRST.match(low) else set()
    for hint in _SPELT_HINTS:
        for found in hint.finditer(low):
            lines.add(low.rfind("\n", 0, found.start()) + 1)
    if not lines:
        return low
    runs = None
    for m in (m for start in sorted(lines)
              for m in _SPELT_OUT.finditer(low, start, _line_end(low, start))):
        run = m.group().rstrip(".")  # "P.I.N. : x": the last letter's dot goes too
        separators = _SPELT_SEPARATORS.findall(run)
        inner = max(set(separators), key=separators.count)
        letters = _SPELT_SEPARATORS.split(run)
        words = [letters[0]]
        for separator, letter in zip(separators, letters[1:], strict=True):
            words.append(letter if separator == inner else " " + letter)
        phrase = "".join(words)
        if _TRIGGER.search(phrase) is None:
            continue  # "options a b c d", "s.a.v": no phrase spelt out
        if runs is None:
            runs = []
        # Padded before the phrase: spaces after it would read as a table's column edge.
        runs.append((m.start(), m.end(), phrase.rjust(m.end() - m.start())))
    if runs is None:
        return low
    parts = []
    position = 0
    for start, end, phrase in runs:
        parts.append(low[position:start])
        parts.append(phrase)
        position = end
    parts.append(low[position:])
    return "".join(parts)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case into two ("İ"): keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --- labels one typo away from a phrase ---------------------------------------------------
# "mot de psse : x", "passwodr: x", "code piin : 4821", "cléwifi : x": a letter left out,
# doubled, swapped or replaced, a space moved or another accent. The phrase regex spells
# the common misspellings; any other label within one edit (Damerau-Levenshtein, spaces
# and accents ignored) of these phrases' letters, then ":" or "=" and a value that looks
# like a secret (never a plain word: a typo is weaker evidence), is the phrase. Phrases
# under seven letters ("mdp", "pwd", "passe") have too many real words one edit away.
_TYPO_PHRASES = {
    "motdepasse": "pw", "motsdepasse": "pw", "password": "pw", "passwords": "pw",
    "passcode": "pin", "codepin": "pin", "codededeverrouillage": "pin",
    "codedeverrouillage": "pin", "clewifi": "wifi", "clefwifi": "wifi",
    "wifipassword": "wifi", "codedacces": "pw",
}


_TYPO_MARK = re.compile(r"[:=]")


def _typo_phrase(words: list[str]) -> str | None:
    """The group of the phrase the last of `words` are a typo of."""
    for count in range(len(words), 0, -1):
        key = _norm("".join(words[-count:]))
        if 6 <= len(key) <= 22:
            group = next((g for p, g in _TYPO_PHRASES.items() if one_edit(key, p)), None)
            if group is not None:
                if _TRIGGER.fullmatch(" ".join(words[-count:])):
                    return None  # a phrase the regex knows: read by its own rules
                return group
    return None


@functools.lru_cache(maxsize=2048)  # a note's labels come back at every keystroke
def _typo_before(window: str, cut: bool) -> str | None:
    """The group of the phrase whose typo ends `window` (the 40 characters before a ":"
    or "="; `cut`: its first word began before it), read with cheap string methods."""
    if not window.rstrip(" \t")[-1:].isalpha():
        return None
    words = window.replace("'", " ").replace("’", " ").split()
    if cut and window[0].isalpha():
        words = words[1:]
    tail: list[str] = []
    for word in reversed(words[-4:]):
        if not word.isalpha():
            break
        tail.append(word)
    return _typo_phrase(tail[::-1]) if tail else None


def _typo_labels(low: str) -> Iterable[tuple[_Context, int, int]]:
    """Values after a label that is a phrase's typo (see _TYPO_PHRASES)."""
    for mark in _TYPO_MARK.finditer(low):
        colon = mark.start()
        cut = colon > 40 and low[colon - 41].isalpha()
        group = _typo_before(low[max(0, colon - 40):colon], cut)
        if group is None:
            continue
        at = _SPACES.match(low, colon + 1)
        value = _TOKEN.match(low, at.end() if at else colon + 1)
        if value is None:
            continue
        secret = _trim(value.group())
        end = value.start() + len(secret)
        if not secret or _CLAUSE_END.match(low, end) is None or not _looks_secret(secret):
            continue
        digits = secret.isascii() and secret.isdigit()
        if (group == "pin" and not (digits and 4 <= len(secret) <= 8)) or (
                group == "wifi" and len(secret) < 8):
            continue
        yield _CONTEXTS[group], value.start(), end


# --- labels and results ----------------------------------------------------------------

def _label(kind: str, tool: str | None = None, creds: bool = False,
           phrase: bool = False) -> str:
    # Literal English texts in each `_()` call, so that the catalogue can be checked.
    match kind:
        case "password":
            return _("user name and password") if creds else _("password")
        case "pin":
            return _("PIN code")
        case "wifi-key":
            return _("Wi-Fi key")
        case "remote-tool-code" if tool:
            return _("{tool} password or access code", tool=tool)
        case "remote-tool-code":
            return _("remote-access tool password or access code")
        case "recovery-key" if phrase:
            return _("recovery key or code")
        case "recovery-key":
            return _("BitLocker recovery key")
        case "private-key":
            return _("private key")
        case "card-number" if phrase:
            return _("card security code (CVV)")
        case "card-number":
            return _("payment card number")
        case "iban":
            return _("bank account number (IBAN)")
        case "nir":
            return _("French social security number (NIR)")
        case "api-token":
            return _("API token or key")
        case "product-key":
            return _("software product key")
        case "one-time-code":
            return _("one-time login code (SMS, 2FA)")
        case "otp-secret":
            return _("two-factor authentication secret key")
        case "secret-answer":
            return _("answer to a secret question")
    raise ValueError(kind)


def _safe_label(label: str, secret: str) -> str:
    # Last guard for the promise that a label never echoes the secret ("mdp : passe"
    # would otherwise be labelled "mot de passe"): fall back to generic wording.
    needle = secret.casefold()
    if needle not in label.casefold():
        return label
    generic = _("sensitive data")
    if needle not in generic.casefold():
        return generic
    # No secret span fits in "(…)": each holds a letter or a digit, or 3+ characters.
    return "(…)"


# --- folding look-alikes -----------------------------------------------------------------
# A note may hold characters that read like the ASCII ones the patterns spell: no-break
# and thin spaces (French typography, pasted text), fullwidth or mathematical letters,
# Cyrillic or Greek letters that look Latin, non-breaking hyphens, and invisible ones (a
# zero-width space, a soft hyphen, a bidi override, a combining accent after its letter).
# "m\u200bdp : x" or "mоt de passe" (Cyrillic "о") must not slip through, so the scan
# runs on a folded copy and maps the spans back onto the text as typed.

# Characters that are dropped (format characters) and spaces that become " ". These are
# the common ones, matched by one regex; any other character outside _CLASSIFIED is
# folded by what Unicode says of it (_fold_by_properties): every format character (Cf,
# the tag characters U+E0000-U+E007F among them), every mark that joins no French letter,
# every compatibility form of one ASCII character ("ⅿ", "ᵐ", "ſ").
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
              "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0")
_SPACES_ODD = "\u1680\u2000-\u200a\u2028\u2029\u205f\u2800\u3000"
# Blocks whose every character the table below folds or leaves as it is (Latin, general
# punctuation, currency, arrows, mathematical operators, box drawing, dingbats): a
# note written with these needs no look at each character's properties.
# tests/unit/test_secrets.py checks that the properties change none of the others.
_CLASSIFIED = ((0x0000, 0x00FF), (0x0152, 0x0153), (0x2010, 0x205F), (0x20A0, 0x20CF),
               (0x2190, 0x245F), (0x2500, 0x27FF))
# Letters of Latin-1 with an accent French never writes: their base letter ("pín" is
# "pin"); the others of Latin-1 stay as typed ("é", "ç": the phrases spell them; "ñ").
_FOREIGN_ACCENTED = "áíóúãõìòýåÁÍÓÚÃÕÌÒÝÅ"
# Latin-1's superscript digits read as digits, like the other superscripts ("⁴", which
# Unicode puts in another block): "code PIN : ¹²³⁴" is a PIN, "Azerty¹²³" a password.
_LATIN1_DIGITS = "\u00b9\u00b2\u00b3"
_LATIN1_FOLDED = "\u00a0\u00ad" + _FOREIGN_ACCENTED + _LATIN1_DIGITS  # `in` is cheap
# Letters of other scripts drawn like Latin ones (the Unicode confusables of a-z, A-Z).
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ѡ": "w", "һ": "h", "ү": "y", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q",
    "Ԝ": "W", "Һ": "H", "Ү": "Y",
    "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "υ": "u", "χ": "x",
    "τ": "t", "ϲ": "c", "ϳ": "j",
    # small capitals ("ᴍᴏᴛ ᴅᴇ ᴘᴀꜱꜱᴇ"), Latin letters that no compatibility form folds
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
    "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
    "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\ufe63": "-",
    "\u017f": "s", "\u2024": ".",  # long s, one dot leader: their compatibility forms
    # colons and equals signs of other scripts and forms: "mot de passe ꞉ x", "mdp ﹕ x"
    "\u02d0": ":", "\u02f8": ":", "\u0589": ":", "\u05c3": ":", "\u205a": ":",
    "\u2236": ":", "\ua789": ":", "\ufe13": ":", "\ufe55": ":", "\ua78a": "=",
    "\ufe66": "=",
    # arrows the links do not spell, an emoji's pointing hand: "mdp ⟶ x", "mdp 👉 x"
    "➝": "→", "➞": "→", "➟": "→", "➠": "→", "➡": "→", "➢": "→", "➣": "→", "➤": "→",
    "➥": "→", "➦": "→", "⟶": "→", "⟹": "→", "⟾": "→", "⮕": "→", "⇨": "→", "⇾": "→",
    "↦": "→", "▶": "→", "►": "→", "▸": "→", "👉": "→",
}
# Decimal digits of other scripts ("٤٨٢١", Arabic-Indic; Devanagari, Thai...): the ASCII
# digits they stand for.
_OTHER_DIGITS = "".join(chr(code) for code in range(0x0660, 0x1A9A)
                        if unicodedata.category(chr(code)) == "Nd")
_FOLD_NEEDED = re.compile(
    f"[\u00a0\u0262-\u029f\u02d0\u02f8\u0300-\u036f\u0370-\u03ff\u0400-\u052f"
    f"{_FOREIGN_ACCENTED}{_LATIN1_DIGITS}\u017f\u0589\u05c3\u1d00-\u1d22\u2010-\u2012\u2024\u202f\u205a\u2212\u2236\ua730\ua731"
    f"\ua789\ua78a\ufe13\ufe55\ufe63\ufe66\uff01-\uff5e\U0001d400-\U0001d7ff"
    f"\u2460-\u24ff\u21a6\u21e8\u21fe\u25b6\u25b8\u25ba\u27a1-\u27a6\u279d-\u27a0\u27f6\u27f9\u27fe\u2b95"
    f"\U0001f300-\U0001faff"
    f"{_OTHER_DIGITS}{_INVISIBLE}{_SPACES_ODD}]")
_DROPPED = re.compile(f"[{_INVISIBLE}\u0300-\u036f]")


def _needs_folding() -> re.Pattern[str]:
    """Any character but the classified ones _FOLD_NEEDED leaves alone: one regex pass
    tells whether a note needs folding at all."""
    classified = "".join(chr(code) for low, high in _CLASSIFIED for code in range(low, high + 1))
    plain = _FOLD_NEEDED.sub("", classified)
    runs: list[str] = []
    start = previous = plain[0]
    for char in plain[1:] + "\U0010ffff":
        if ord(char) != ord(previous) + 1:
            runs.append(re.escape(start) + ("-" + re.escape(previous) if previous != start else ""))
            start = char
        previous = char
    return re.compile(f"[^{''.join(runs)}]")


_NEEDS_FOLDING = _needs_folding()
# The accented letters of French (and the "ñ" of "contraseña"): an accent typed apart
# joins its letter only to make one of these.
_ACCENTED = frozenset("àâäçéèêëîïôöùûüÿñ" + "àâäçéèêëîïôöùûüÿñ".upper())


def _fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _CONFUSABLES.items()}
    for code in (0x00A0, 0x1680, 0x205F, 0x2800, 0x3000, 0x202F, *range(0x2000, 0x200B)):
        table[code] = " "
    table[0x2028] = table[0x2029] = "\n"
    for letter in _FOREIGN_ACCENTED:
        table[ord(letter)] = unicodedata.normalize("NFD", letter)[0]
    for digit in _OTHER_DIGITS + _LATIN1_DIGITS:
        table[ord(digit)] = str(unicodedata.digit(digit))
    # Other pictographs (emoji) separate words like a space: "mdp 🔑 : x", "mdp🔑x".
    for code in range(0x1F300, 0x1FB00):
        table.setdefault(code, " ")
    # Fullwidth ASCII, mathematical and circled letters and digits ("ⓜⓓⓟ"): their
    # compatibility form, when it is one character ("⑫" is two: it stays as typed).
    for code in (*range(0xFF01, 0xFF5F), *range(0x1D400, 0x1D800), *range(0x2460, 0x2500)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


# What a character outside _CLASSIFIED and the table reads as: nothing (U+200B, which
# _DROPPED drops, so that positions still map one for one), a space, a line break, its
# compatibility form when that is one ASCII character, or itself.
def _fold_by_properties(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cf" or (category == "Cn" and "\U000e0000" <= char <= "\U000e0fff"):
        return "\u200b"  # format characters; plane 14 is ignorable even unassigned
    if category in ("Mn", "Me") and (unicodedata.combining(char) == 0
                                     or not "\u0300" <= char <= "\u036f"):
        return "\u200b"  # variation selectors, keycaps, marks no French letter takes
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1 and folded.isascii() and folded.isprintable():
        return folded
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if (marks and base.isascii() and base.isalpha() and char not in _ACCENTED
            and all(map(unicodedata.combining, marks))):
        return base  # "ṁ", "ō", "ş": a Latin letter with an accent French does not write
    return char


class _FoldTable(dict[int, str]):
    """The fold table, completed by `_fold_by_properties` for a character it lacks (kept
    for the next note, up to a bound: a hostile text could hold every code point)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_by_properties(chr(code)) if code > 0xFF else chr(code)
        if len(self) < _FOLD_TABLE_BOUND:
            self[code] = folded
        return folded


_FOLD_TABLE_BOUND = 20_000
_FOLD = _FoldTable(_fold_table())


# HTML character references in a note pasted from a web page or a mail's source: "mot de
# passe&nbsp;: x", "mdp&#58; x", "m&#111;t de passe". Each one that stands for a single
# character reads as that character (unknown names stay as typed).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity_char(reference: str) -> str | None:
    char = html.unescape(reference)
    return char if len(char) == 1 and char != reference else None


def _decode_entities(text: str) -> tuple[str, list[int]] | None:
    """`text` with its character references decoded, and where each character starts in
    `text` (plus len(text) last); None when it holds none."""
    chars: list[str] = []
    origin: list[int] = []
    position = 0
    for m in _ENTITY.finditer(text):
        char = _entity_char(m.group())
        if char is None:
            continue
        chars.append(text[position:m.start()])
        origin.extend(range(position, m.start()))
        chars.append(char)
        origin.append(m.start())
        position = m.end()
    if not origin:
        return None
    chars.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return "".join(chars), origin


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The text the patterns read, and where each of its characters starts in `text`.

    Character references are decoded first ("&nbsp;", "&#58;"), then look-alikes folded.
    """
    decoded = _decode_entities(text) if "&" in text and ";" in text else None
    if decoded is None:
        return _fold_characters(text)
    base, base_origin = decoded
    folded, origin = _fold_characters(base)
    if origin is None:
        return folded, base_origin
    return folded, [base_origin[i] for i in origin]


def _fold_characters(text: str) -> tuple[str, list[int] | None]:
    """Look-alike characters folded, and where each character of the result starts in `text`.

    The map is None when the folded text has the same length (the common case: only
    one-for-one replacements), so spans carry over unchanged. Otherwise position i of the
    folded text comes from `origin[i]`, and `origin[len]` is len(text).
    """
    if text.isascii():
        return text, None
    try:
        # Latin-1 text (most French notes) can only need its no-break spaces, soft
        # hyphens and foreign accents folded: a few `in` tests instead of a regex pass.
        text.encode("latin-1")
    except UnicodeEncodeError:
        needed = _NEEDS_FOLDING.search(text) is not None
    else:
        needed = any(char in text for char in _LATIN1_FOLDED)
    if not needed:
        return text, None
    folded = text.translate(_FOLD)
    if _DROPPED.search(folded) is None:
        return folded, None
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(folded):
        if unicodedata.combining(char):
            # An accent typed after its letter ("e" + U+0301) joins it when it makes a
            # letter French writes ("é", which the phrases spell); otherwise it is dropped
            # ("pa\u0301sse" reads "passe", not "pásse").
            if chars:
                composed = unicodedata.normalize("NFC", chars[-1] + char)
                if len(composed) == 1 and composed in _ACCENTED:
                    chars[-1] = composed
            continue
        if _DROPPED.match(char):
            continue
        chars.append(char)
        origin.append(index)
    origin.append(len(folded))
    return "".join(chars), origin


def _unfold(finding: Finding, origin: list[int], text: str) -> Finding:
    start = origin[finding.start]
    end = origin[finding.end - 1] + 1
    if text[end - 1] == "&":  # the last character was a reference: all of it ("&#50;")
        reference = _ENTITY.match(text, end - 1)
        if reference is not None and _entity_char(reference.group()) is not None:
            end = reference.end()
    # The last character's own dropped marks belong to it ("é" typed as "e" + accent).
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return Finding(finding.kind, start, end, _safe_label(finding.label, text[start:end]))


# A field that holds one e-mail address (a client's --email): a colon in it parts a login
# from its password, as a mail client's settings or a URL write them: "jean:Soleil@gmail.com"
# (the password before the "@"), "jean@gmail.com:chaton" (after the domain). In free text
# "Durand:jean75@gmail.com" is a name then an address; in a field that must hold an address
# alone, what comes between the colon and the "@" is no part of one. A scheme or a label
# before the colon ("mailto:", "e-mail:") and a port after the domain (":993") are no login.
_ADDRESS_FIELD = re.compile(
    r"\s*(?:<?(?P<user>[^\s:@<]{1,64}):(?P<inner>[^\s@]{1,64})@[^\s@:]+?>?"
    r"|<?[^\s:@<]{1,64}@[^\s@:]+:(?P<outer>[^\s]{1,64}?)>?)\s*")
_ADDRESS_LABELS = frozenset({"mailto", "mail", "email", "e-mail", "courriel", "adresse",
                             "address", "smtp", "imap", "pop", "pop3"})


def scan_address(text: str) -> list[Finding]:
    """`scan` for a field that holds one e-mail address: a password written into it as a
    login's ("jean:Soleil2024@gmail.com", "jean@gmail.com:chaton") is found too."""
    findings = scan(text)
    if findings or ":" not in text:
        return findings
    m = _ADDRESS_FIELD.fullmatch(text)
    if m is None:
        return []
    if m.group("inner") is not None:
        if m.group("user").lower() in _ADDRESS_LABELS:
            return []
        start, end = m.span("inner")
    else:
        start, end = m.span("outer")
        if text[start:end].isdigit():
            return []  # a port
    return [Finding("password", start, end,
                    _safe_label(_label("password", creds=True), text[start:end]))]


def scan(text: str) -> list[Finding]:
    """Find the secrets in `text`, in order of position; an empty list means clean."""
    folded, origin = _fold(text)
    findings = _scan_folded(folded)
    if origin is None:
        if folded is text:
            return findings
        # Look-alikes replaced one for one: the labels are checked against the text as typed.
        return [Finding(f.kind, f.start, f.end, _safe_label(f.label, text[f.start:f.end]))
                for f in findings]
    return [_unfold(f, origin, text) for f in findings]


_SPELT_GROUPS = frozenset({"pin", "pw", "code", "lock"})
# A note holds digits in words only if it holds one of these (four "un" alone, a PIN 1111,
# are left: "un" is in most notes).
_DIGIT_WORD_HINTS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "zero",
                     "zéro", "one", "two", "three", "four", "five", "seven", "eight", "nine")


def _digit_word_positions(low: str) -> list[int]:
    """Where the note holds a digit's word (a `find` per word: no regex pass)."""
    positions = []
    for word in _DIGIT_WORD_HINTS:
        at = low.find(word)
        while at >= 0:
            positions.append(at)
            at = low.find(word, at + len(word))
    return sorted(positions)


def _scan_folded(text: str) -> list[Finding]:
    raw: list[tuple[str, int, int, _Context | None]] = [
        (kind, start, end, None) for kind, start, end in _scan_structured(text)]
    cvv = _CONTEXTS["cvv"]
    raw.extend(("card-number", start, end, cvv) for start, end in _card_codes(text, raw))
    low = _spelt_out_phrases(_lower_same_length(text))
    if "@" in low:
        pair = _CONTEXTS["account"]
        raw.extend((kind, start, end, pair) for kind, start, end in _email_pairs(low))
    hints = "indice" in low or "hint" in low or "question" in low
    raw.extend((ctx.kind, start, end, ctx) for ctx, start, end in _without_phrase(low))
    if "</" in low and ("pass" in low or "pwd" in low or "secret" in low):
        pw = _CONTEXTS["pw"]
        raw.extend(("password", start, end, pw) for start, end in _xml_secrets(low))
    if "contenu de la cl" in low or "key content" in low:
        wifi = _CONTEXTS["wifi"]
        raw.extend(("wifi-key", start, end, wifi) for start, end in _netsh_keys(low))
    if "app" in low or "specifi" in low or "spécifi" in low:
        pw = _CONTEXTS["pw"]
        raw.extend(("password", start, end, pw) for start, end in _app_passwords(low))
    if " -" in low or " /" in low or "chpasswd" in low or "nmcli" in low or "wpa_pa" in low:
        pw = _CONTEXTS["pw"]
        raw.extend(("password", start, end, pw) for start, end in _tool_flag_values(text, low))
    layout: _Layout | None = None
    ellipses: list[re.Match[str]] | None = None
    digit_words: list[int] | None = None
    for m in _TRIGGER.finditer(low):
        if layout is None:  # on the first phrase only: a few quick passes over the note
            layout = _layout(low)
        found = _phrase_finding(low, m, hints, layout)
        if m.lastgroup in _SPELT_GROUPS and (found is None or found[2] - found[1] < 12):
            # (a plain word read first: "code : neuf, huit, sept, six" took "neuf")
            if digit_words is None:  # once a note, and only for a phrase with no value
                digit_words = _digit_word_positions(low)
            near = bisect.bisect_left(digit_words, m.end())
            spelt = (_digits_in_words(low, m.end(), m.lastgroup == "pw")
                     if near < len(digit_words) and digit_words[near] < m.end() + 56 else None)
            if spelt is not None and (found is None or found[1] == spelt[0]):
                found = _context(m), spelt[0], spelt[1]
        if found is not None:
            ctx, start, end = found
            raw.append((ctx.kind, start, end, ctx))
            raw.extend((ctx.kind, s, e, ctx) for s, e in _same_shape_after(low, start, end))
            if m.lastgroup == "pw" and (m.group().endswith("s") or m.group().startswith("mots")):
                raw.extend((ctx.kind, s, e, ctx) for s, e in _listed_after(low, end))
            if ctx.kind in _PASSWORDS and low.startswith(("\n", "\r\n"), end):
                raw.extend((ctx.kind, s, e, ctx) for s, e in _continued_below(low, start, end))
        elif m.lastgroup in _CSV_GROUPS and (low.startswith(_CSV_AFTER, m.end())
                                              or low.endswith(_CSV_BEFORE, 0, m.start())):
            pw = _CONTEXTS["pw"]
            raw.extend(("password", s, e, pw) for s, e in _csv_column(low, m))
        if m.lastgroup in _ELLIPSIS_GROUPS:
            if ellipses is None:
                ellipses = _ellipses(low)
            if ellipses or low.startswith(",", m.end()):
                pw = _CONTEXTS["pw"]
                raw.extend(("password", s, e, pw) for s, e in _elliptic_values(low, m, ellipses))
    if ":" in low or "=" in low:
        raw.extend((ctx.kind, start, end, ctx) for ctx, start, end in _typo_labels(low))
    seed = _CONTEXTS["seed"]
    raw.extend(("recovery-key", start, end, seed) for start, end in _bare_seeds(low))
    # Earlier entries win overlaps: structured numbers (checked by their digits) before
    # a phrase's reading of the same characters.
    starts: list[int] = []
    kept: list[Finding] = []
    for kind, start, end, phrase in raw:
        at = bisect.bisect_left(starts, start)
        if start >= end or (at and kept[at - 1].end > start) or (
                at < len(kept) and kept[at].start < end):
            continue
        if phrase is not None:
            label = _label(kind, phrase.tool, phrase.creds and phrase.pair_only, phrase=True)
        else:
            label = _label(kind)
        starts.insert(at, start)
        kept.insert(at, Finding(kind, start, end, _safe_label(label, text[start:end])))
    return kept


def describe(findings: Iterable[Finding], *, reason: str | None = None,
             citation: str | None = None, words: str | None = None,
             field: str | None = None) -> str:
    """The user message for `findings`: what was found (never the secret) and why.

    `citation` names the session's own terms ("art. 15 des CGV MD Micro Services"); without
    it the law is cited (GDPR art. 5(1)(c), data minimisation). `words`: that article's own
    words, quoted instead of a paraphrase (VLH 4.2 and Micro-Alpes 13 promise
    confidentiality, not MD 15's "no password is written down"). `reason` replaces the
    whole "why" line. `field`: the field the text was typed in ("The reason"),
    named instead of "This text". Returns "" when there is nothing to report.
    """
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.label] = counts.get(finding.label, 0) + 1
    if not counts:
        return ""
    items = ", ".join(label if n == 1 else _("{label} ({count} times)", label=label, count=n)
                      for label, n in counts.items())
    total = sum(counts.values())
    if reason:
        why = reason
    elif citation and words:
        why = _("{citation}: « {words} »", citation=citation, words=words)
    elif citation:
        why = citation
    else:
        why = _("GDPR art. 5(1)(c) (data minimisation): only the information strictly needed "
                "is kept, and a password never is.")
    remove = _("Remove it before saving.") if total == 1 else _("Remove them before saving.")
    found = (_("{field} seems to contain: {items}.", field=field, items=items) if field
             else _("This text seems to contain: {items}.", items=items))
    return "\n".join((found, why, remove))
