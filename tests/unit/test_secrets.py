"""Secret scanning of free text: what must be refused, what must pass, check digits."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessiond.i18n import set_language
from sessiond.privacy import scanner
from sessiond.privacy.scanner import (
    KINDS,
    Finding,
    describe,
    iban_valid,
    luhn_valid,
    nir_valid,
    rib_valid,
    scan,
)


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language(None)


# (note, kind, the secret the finding's span must cover exactly)
TRUE_POSITIVES = [
    # French password phrases
    ("mot de passe : Soleil2024", "password", "Soleil2024"),
    ("mdp: azerty123", "password", "azerty123"),
    ("mdp = P@ssw0rd!", "password", "P@ssw0rd!"),
    ("mdp:chaton", "password", "chaton"),
    ("Mot de passe Windows : chaton", "password", "chaton"),
    ("Nouveau mdp : Lapin-Bleu-42, à changer par le client", "password", "Lapin-Bleu-42"),
    ("le mot de passe est azerty123", "password", "azerty123"),
    ("mot de passe « chaton »", "password", "chaton"),
    ("mot de passe du compte admin : Zx9!pQ", "password", "Zx9!pQ"),
    ("Mot de passe Gmail du client: Marseille13", "password", "Marseille13"),
    ("mdp Soleil2024", "password", "Soleil2024"),
    ("MDP session : Chaton77", "password", "Chaton77"),
    ("mot de passe de la box :\n  5F2A9C3E1D", "password", "5F2A9C3E1D"),
    ("Mot de passe changé : Printemps!", "password", "Printemps!"),
    ("code d'accès : 4827", "password", "4827"),
    ("mot de passe administrateur 123456", "password", "123456"),
    ("mot de passe changé en Hiver2025 à la demande du client", "password", "Hiver2025"),
    ("mdp réinitialisé à Temp1234", "password", "Temp1234"),
    ("identifiants : jdupont / Soleil2024", "password", "jdupont / Soleil2024"),
    ("login: jdupont / mdp: chaton", "password", "chaton"),
    ("login/mdp : jdupont/Chaton77", "password", "jdupont/Chaton77"),
    # English password phrases
    ("password: hunter2", "password", "hunter2"),
    ("pwd=Tr0ub4dor&3", "password", "Tr0ub4dor&3"),
    ("The password is hunter2.", "password", "hunter2"),
    ('password "letmein"', "password", "letmein"),
    ("Password for the admin account: Summer2024!", "password", "Summer2024!"),
    ("user: admin pass: admin", "password", "admin"),
    ("ID TeamViewer 123 456 789 pass 4kd9x2", "password", "4kd9x2"),
    ("credentials: admin:Hunter2", "password", "admin:Hunter2"),
    ("password set to Qwerty!23 for now", "password", "Qwerty!23"),
    ("NAS at https://admin:Soleil2024@nas.local/", "password", "Soleil2024"),
    # PIN codes
    ("code PIN 1234", "pin", "1234"),
    ("PIN : 0000", "pin", "0000"),
    ("code PIN de la carte SIM : 1234", "pin", "1234"),
    ("PIN Windows Hello : 482913", "pin", "482913"),
    ("PIN code: 4821", "pin", "4821"),
    ("the PIN is 4821", "pin", "4821"),
    ("code de déverrouillage du téléphone : 1 2 3 4 5 6", "pin", "1 2 3 4 5 6"),
    # remote tools: their password is a secret
    ("mot de passe TeamViewer : 4kd9x2", "remote-tool-code", "4kd9x2"),
    ("code AnyDesk 4kd9x2", "remote-tool-code", "4kd9x2"),
    ("TeamViewer password 8821ab", "remote-tool-code", "8821ab"),
    ("mdp AnyDesk accès non surveillé : Rocher#77", "remote-tool-code", "Rocher#77"),
    ("code TeamViewer : 4821", "remote-tool-code", "4821"),
    ("ID 123 456 789, mot de passe RustDesk 9x8y7z", "remote-tool-code", "9x8y7z"),
    # Wi-Fi keys
    ("clé wifi : 7F3A9C2E1D4B", "wifi-key", "7F3A9C2E1D4B"),
    ("Clé WPA2 : maisonbleue2019", "wifi-key", "maisonbleue2019"),
    ("wifi password: correcthorsebatterystaple", "wifi-key", "correcthorsebatterystaple"),
    ("Mot de passe Wi-Fi = LiveboxMaison", "wifi-key", "LiveboxMaison"),
    ("mdp wifi: 'ma maison bleue'", "wifi-key", "ma maison bleue"),
    ("clé de sécurité réseau : 9a8b7c6d5e", "wifi-key", "9a8b7c6d5e"),
    # recovery keys, private keys
    ("clé de récupération : 318043-582406-022154-443960-263681-519783-066011-377289",
     "recovery-key", "318043-582406-022154-443960-263681-519783-066011-377289"),
    ("BitLocker 400818 110198 215072 083545 512303 622655 131175 697719",
     "recovery-key", "400818 110198 215072 083545 512303 622655 131175 697719"),
    ("codes de secours Google : 8472 1193", "recovery-key", "8472 1193"),
    ("BitLocker : 318043-582406-022154-443960-263681-519783-066011", "recovery-key",
     "318043-582406-022154-443960-263681-519783-066011"),  # a group left out
    ("318043-58240-022154-443960-263681-519783-066011-377289", "recovery-key",
     "318043-58240-022154-443960-263681-519783-066011-377289"),  # a digit left out
    ("recovery code : 1234-5678", "recovery-key", "1234-5678"),
    ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
     "-----END OPENSSH PRIVATE KEY-----", "private-key",
     "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
     "-----END OPENSSH PRIVATE KEY-----"),
    ("clé SSH : -----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE"
     " bm9uZQAAAAAAAAABAAAAMwAAAAtzc2gt (du client)", "private-key",
     "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE"
     " bm9uZQAAAAAAAAABAAAAMwAAAAtzc2gt"),  # pasted on one line: the body too
    # payment cards (public test numbers, Luhn valid)
    ("carte 4111 1111 1111 1111 exp 12/27", "card-number", "4111 1111 1111 1111"),
    ("CB du client 5555-5555-5555-4444", "card-number", "5555-5555-5555-4444"),
    ("Amex 3782 822463 10005", "card-number", "3782 822463 10005"),
    ("paid with 6011111111111117", "card-number", "6011111111111117"),
    ("n°4012888888881881", "card-number", "4012888888881881"),
    ("cryptogramme visuel : 123", "card-number", "123"),
    ("CVV 4821", "card-number", "4821"),
    # IBANs
    ("IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement", "iban",
     "FR76 3000 6000 0112 3456 7890 189"),
    ("DE89 3704 0044 0532 0130 00", "iban", "DE89 3704 0044 0532 0130 00"),
    ("rib: fr7630006000011234567890189", "iban", "fr7630006000011234567890189"),
    ("GB82 WEST 1234 5698 7654 32", "iban", "GB82 WEST 1234 5698 7654 32"),
    ("RIB 30006 00001 12345678901 89", "iban", "30006 00001 12345678901 89"),
    # French social security numbers
    ("n° sécu 1 85 05 78 006 084 91", "nir", "1 85 05 78 006 084 91"),
    ("NIR 269029935014118", "nir", "269029935014118"),
    ("sécu : 2 90 12 2A 004 012 81 (Corse)", "nir", "2 90 12 2A 004 012 81"),
    ("1.79.03.75.012.045.02", "nir", "1.79.03.75.012.045.02"),
    # API tokens (well-known prefixes, or after "Bearer", "token", "clé API")
    ("token GitHub ghp_16C7e42F292c6912E7710c838347Ae178B4a", "api-token",
     "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
    ("Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "api-token",
     "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
    ("AWS AKIAIOSFODNN7EXAMPLE", "api-token", "AKIAIOSFODNN7EXAMPLE"),
    ("whsec_1234567890abcdefghijABCDEFGHIJ", "api-token", "whsec_1234567890abcdefghijABCDEFGHIJ"),
    ("mot_de_passe : Soleil2024", "password", "Soleil2024"),
    ("GOCSPX-1a2B3c4D5e6F7g8H9i0JkLmN", "api-token", "GOCSPX-1a2B3c4D5e6F7g8H9i0JkLmN"),
    ("AccountName=x;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50u==;", "api-token",
     "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50u=="),
    # product keys, one-time codes, secret questions
    ("clé Windows VK7JG-NPHTM-C97JM-9MPGT-3V66T", "product-key",
     "VK7JG-NPHTM-C97JM-9MPGT-3V66T"),
    ("code reçu par SMS : 482913", "one-time-code", "482913"),
    ("code de vérification 123456", "one-time-code", "123456"),
    ("code dicté par le client : 483920", "one-time-code", "483920"),
    ("le client m'a lu le code 483920", "one-time-code", "483920"),
    ("code à 6 chiffres reçu par SMS : 483920", "one-time-code", "483920"),
    ("code : 483920 (reçu par SMS)", "one-time-code", "483920"),
    ("question secrète : nom du chien -> Rex", "secret-answer", "Rex"),
    ("réponse secrète : Médor", "secret-answer", "Médor"),
    # more passwords and PINs
    ("-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGX\n-----END PGP PRIVATE KEY BLOCK-----",
     "private-key",
     "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGX\n-----END PGP PRIVATE KEY BLOCK-----"),
    ("compte jean.dupont / Azerty12", "password", "jean.dupont / Azerty12"),
    ("box admin/Livebox2023", "password", "admin/Livebox2023"),
    ("login: toto / chaton", "password", "toto / chaton"),
    ("mot de passe (Soleil2024)", "password", "Soleil2024"),
    ("mot de passe : le chat noir", "password", "le chat noir"),
    ("le mot de passe est chaton", "password", "chaton"),
    ("mdp : 19/05/1956", "password", "19/05/1956"),  # a date of birth as the password
    ("mot de passe donné par le client : rosalie", "password", "rosalie"),
    ("AnyDesk 123 456 789 mdp accès non surveillé Xy7!pq", "remote-tool-code", "Xy7!pq"),
    ("PIN du téléphone 4821", "pin", "4821"),
    ("code de l'alarme 1937", "pin", "1937"),
    ("carte SIM 0000", "pin", "0000"),
    ("son code c'est 4455", "pin", "4455"),
    ("12 rue des Lilas, bât. B, code 1937, 3e étage", "pin", "1937"),  # a door's code
    ("code d'entrée 1937A", "pin", "1937A"),
    # the value said before its phrase
    ("j'ai mis Temp1234 comme mot de passe", "password", "Temp1234"),
    ("set Welcome1 as the new password", "password", "Welcome1"),
    # an unlock pattern (dots 1-9 of the grid), a PIN spelt digit by digit
    ("schéma de déverrouillage : 1-4-7-8-9", "pin", "1-4-7-8-9"),
    ("Schéma Android : 1 -> 4 -> 7 -> 8", "pin", "1 -> 4 -> 7 -> 8"),
    ("code PIN : 1-2-3-4", "pin", "1-2-3-4"),
    # look-alike characters: folded before the scan, spans on the text as typed
    ("mot\u00a0de\u00a0passe : Soleil2024", "password", "Soleil2024"),
    ("mdp\u2009: Soleil2024", "password", "Soleil2024"),
    ("mot de passe :\u2003Soleil2024", "password", "Soleil2024"),
    ("clé\u00a0wifi\u00a0: maisonbleue2019", "wifi-key", "maisonbleue2019"),
    ("m\u200bdp : Soleil2024", "password", "Soleil2024"),
    ("m\u00addp : Soleil2024", "password", "Soleil2024"),
    ("mot de\u200b passe : Soleil2024", "password", "Soleil2024"),
    ("mdp\ufeff: Soleil2024", "password", "Soleil2024"),
    ("mdp\u202e : Soleil2024", "password", "Soleil2024"),
    ("mdp : Sol\u200beil2024", "password", "Sol\u200beil2024"),
    ("m\u043et de passe : Soleil2024", "password", "Soleil2024"),  # Cyrillic o
    ("p\u0430ssword: Soleil2024", "password", "Soleil2024"),  # Cyrillic a
    ("md\u0440 : Soleil2024", "password", "Soleil2024"),  # Cyrillic er
    ("\uff4d\uff44\uff50 : Soleil2024", "password", "Soleil2024"),  # fullwidth
    ("mdp : \uff33\uff4f\uff4c\uff45\uff49\uff4c\uff12\uff10\uff12\uff14", "password",
     "\uff33\uff4f\uff4c\uff45\uff49\uff4c\uff12\uff10\uff12\uff14"),
    ("\U0001d5fa\U0001d5f1\U0001d5fd : Soleil2024", "password", "Soleil2024"),  # math bold
    ("carte \uff14\uff11\uff11\uff11 1111 1111 1111", "card-number",
     "\uff14\uff11\uff11\uff11 1111 1111 1111"),
    ("cle\u0301 wifi : maisonbleue2019", "wifi-key", "maisonbleue2019"),  # "é" typed as e + ´
    ("mdp : Solei\u0301l2024", "password", "Solei\u0301l2024"),
    ("mdp : So\u0301leil2024\u0301", "password", "So\u0301leil2024\u0301"),
    ("clé produit : VK7JG\u2011NPHTM\u2011C97JM\u20119MPGT\u20113V66T", "product-key",
     "VK7JG\u2011NPHTM\u2011C97JM\u20119MPGT\u20113V66T"),  # non-breaking hyphens
    # the whole secret, not its first token or a quote mark
    ("mdp : P@ss w0rd", "password", "P@ss w0rd"),
    ("clé WPA : 7F3A 9C2B 1E4D 5A6B", "wifi-key", "7F3A 9C2B 1E4D 5A6B"),
    ("mdp : Xy7!pq 4kd9x2, session ok", "password", "Xy7!pq 4kd9x2"),
    # HTML character references (a note pasted from a web page), colons of other scripts
    ("mot de passe&nbsp;: Soleil2024", "password", "Soleil2024"),
    ("mdp&#x3A; Soleil2024", "password", "Soleil2024"),
    ("mot de passe : Soleil202&#52;", "password", "Soleil202&#52;"),
    ("<p>mot de passe : Soleil2024</p>", "password", "Soleil2024"),
    ("mot de passe \ua789 Soleil2024", "password", "Soleil2024"),
    ("mdp \ufe55 Soleil2024", "password", "Soleil2024"),
    ("mdp \U0001f449 Soleil2024", "password", "Soleil2024"),  # a pointing hand
    ("mdp \U0001f511 : chaton", "password", "chaton"),  # a key emoji before the colon
    ("mdp \u27f6 chaton", "password", "chaton"),
    # digits of other scripts, small capitals
    ("PIN : \u0664\u0668\u0662\u0661", "pin", "\u0664\u0668\u0662\u0661"),  # Arabic-Indic
    ("mdp : Soleil\u0662\u0660\u0662\u0664", "password", "Soleil\u0662\u0660\u0662\u0664"),
    ("\u1d0d\u1d0f\u1d1b \u1d05\u1d07 \u1d18\u1d00\ua731\ua731\u1d07 : chaton", "password",
     "chaton"),
    ("mot de passe : \u201eSoleil 2024\u201c", "password", "Soleil 2024"),
    ("mdp de la session de Mme Durand : Caramel22", "password", "Caramel22"),
    ("Mot de passe\nSoleil2024!", "password", "Soleil2024!"),
    ("Mot de passe\n: Soleil2024", "password", "Soleil2024"),
    ("Mot de passe\tchaton", "password", "chaton"),
    ("Mdp. : chaton", "password", "chaton"),
    # a two-factor seed, run together or grouped as the app shows it; a URL's query ends it
    ("2FA : JBSWY3DPEHPK3PXP", "otp-secret", "JBSWY3DPEHPK3PXP"),
    ("clé de configuration Google : jbsw y3dp ehpk 3pxp", "otp-secret", "jbsw y3dp ehpk 3pxp"),
    ("otpauth://totp/Ameli?secret=JBSWY3DPEHPK3PXP&issuer=Ameli", "api-token",
     "JBSWY3DPEHPK3PXP"),
    # a wallet's words after "seed", the wallet's name or their count
    ("Ledger : " + " ".join(["gravity", "machine", "north", "sort"] * 3), "recovery-key",
     " ".join(["gravity", "machine", "north", "sort"] * 3)),
    ("les 12 mots : " + " ".join(["zoo"] * 11 + ["wrong"]), "recovery-key",
     " ".join(["zoo"] * 11 + ["wrong"])),
    # a Wi-Fi network then its key, as on the box's sticker
    ("SSID : Livebox-4A2C / 7xQpR2mK9sT4vW", "wifi-key", "7xQpR2mK9sT4vW"),
    ("Wifi Maison - Chaton2024", "wifi-key", "Chaton2024"),
    # an accent typed apart that makes no French letter is dropped
    ("mot de pa\u0301sse : Soleil2024", "password", "Soleil2024"),
    # a remote tool's ID, then its password after a space only; "TV" for TeamViewer
    ("AnyDesk 123 456 789 xk9p2m", "remote-tool-code", "xk9p2m"),
    ("TV 1 234 567 890 / 9xk4pe", "remote-tool-code", "9xk4pe"),
    ("WPA2 : Kx9mQ2pL7vR4", "wifi-key", "Kx9mQ2pL7vR4"),
    ("clé de secours Apple : K7Q2-M9XP-4LRT-8WZC-N3VB-6HJD-2FGS", "recovery-key",
     "K7Q2-M9XP-4LRT-8WZC-N3VB-6HJD-2FGS"),
    # the password named, then its value given elliptically
    ("mot de passe oublié, nouveau : Soleil2025", "password", "Soleil2025"),
    ("mot de passe, c'est Soleil2024", "password", "Soleil2024"),
    ("PIN/PUK : 1234 / 12345678", "pin", "1234 / 12345678"),
    ("espace client Orange : jmartin / Orange2024!", "password", "jmartin / Orange2024!"),
    ("ⓜⓓⓟ : chaton75", "password", "chaton75"),
    ("Facebook : jean.martin / Fb2024!", "password", "jean.martin / Fb2024!"),
    ("recovery code ABCDE-FGHIJ-KLMNO-PQRST-UVWXY", "recovery-key",
     "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY"),
    ("redis://:S3cretRedis@localhost:6379", "password", "S3cretRedis"),
    ("define('DB_PASSWORD', 'Wp2024!x');", "password", "Wp2024!x"),
    ('<add key="Password" value="Sage2019!" />', "password", "Sage2019!"),
    ("mdp=Soleil2024&user=jean", "password", "Soleil2024"),
    ("mdp : P&ssw0rd", "password", "P&ssw0rd"),
    ("| Mot de passe | Soleil2024 |", "password", "Soleil2024"),
    ("Soleil2024 est le mot de passe du compte Gmail", "password", "Soleil2024"),
    ("Summer2024! is the password", "password", "Summer2024!"),
    ("code : 1379 pour déverrouiller l'iPad", "pin", "1379"),
    ("mdp Netflix Nflx2024!", "password", "Nflx2024!"),
]

# Ordinary technician notes: none may be refused.
ORDINARY_NOTES = [
    "changé le mot de passe Windows à la demande du client",
    "le client a saisi son mot de passe lui-même",
    "mot de passe oublié, réinitialisé par le client",
    "password reset done by the client",
    "PIN Windows Hello configuré par le client",
    "Rappeler le client au 06 12 34 56 78",
    "Téléphone fixe 01 23 45 67 89, portable +33 6 98 76 54 32",
    "Facture n° 2024-0153 envoyée, FAC-2025-0042 réglée par carte bancaire",
    "Intervention du 12/03/2025 à 14h30, reprise le 2025-03-14",
    "Box joignable en 192.168.1.1, DNS 8.8.8.8",
    "Mise à jour vers Windows 11 23H2 (10.0.22631.3296)",
    "ID TeamViewer 123 456 789 communiqué par le client",
    "code AnyDesk 123 456 789",
    "AnyDesk code: 1234567890",
    "Numéro de série : 5CD1234XYZ, SIRET 443 061 841 00047",
    "KB5034441 échoue avec l'erreur 0x80070643",
    "IMEI 356938035643809, iPhone 15, iOS 17.4",
    "Commande Amazon 402-1234567-1234567",
    "Le client ne se souvient plus de son mot de passe Microsoft",
    "mot de passe : changé par le client",
    "mdp : voir avec le client",
    "Mot de passe : non communiqué (MD art. 15)",
    "mdp : ********",
    "mdp: ok",
    "mot de passe : oublié",
    "Mot de passe Wi-Fi changé sur la Livebox",
    "Clé wifi : au dos de la box",
    "Passage en SSD 500 Go, clonage OK",
    "Installed the pass-through driver",
    "Le client passe ce soir récupérer le PC",
    "Compte Microsoft : mot de passe réinitialisé via le lien",
    "BitLocker activé, clé de récupération sauvegardée dans le compte Microsoft du client",
    "mdp à changer au prochain démarrage",
    "mot de passe de session Windows saisi par le client",
    "mot de passe du BIOS retiré à la demande du client",
    "mot de passe du compte jean.dupont@gmail.com réinitialisé",
    "identifiants Microsoft du client vérifiés",
    "identifiants : envoyés par mail au client",
    "code d'accès au bâtiment donné oralement",
    "Indice du mot de passe : chat",
    "Password: unknown, the client will reset it",
    "The client typed his password himself",
    "Asked the client to type the password, I did not see it",
    "Windows password policy updated: 12 characters minimum",
    "Password manager Bitwarden installed",
    "The client set a new PIN for Windows Hello",
    "le client a changé son code PIN",
    "Pin Chrome to the taskbar",
    "Activation du code PIN demandée par Windows",
    "mot de passe Office365 réinitialisé",
    "mot de passe et/ou PIN à définir avec le client",
    "mot de passe 2FA activé sur le compte",
    "password: see ticket",
    "mdp: N/A",
    "mot de passe : (non noté)",
    "Processeur i7-8550U, 16 Go de RAM, écran 1920x1080",
    "BIOS version F.22, firmware 1.2.3",
    "Garantie jusqu'au 2026-05-01, dossier 2025/117",
    "Antivirus expiré depuis le 01/02/2025, renouvelé pour 1 an",
    "Le client a payé 45,00 € par carte",
    "IBAN fourni pour le virement : voir facture",
    "mot de passe : le client l'a changé lui-même",
    "utilise sa date de naissance comme mot de passe",
    "Expiration du mot de passe : 12/03/2026",
    "mot de passe fourni : non, le client le tape lui-même",
    "12 rue des Lilas, code 54000 Nancy. Problème : code erreur 43",
    "BitLocker AES-256 activé en 2024, 2 disques",
    "Mot de passe\toublié",
    "le client m'a donné le code postal 54230",
    "code de confirmation de la commande 40212345",
    "Bitwarden2 comme gestionnaire de mots de passe",
    "schéma réseau : box -> switch -> NAS",
    "schéma électrique version 1.2.3.4, page 3-4-5-6",
    "pin 1-2 du jumper",
    # a change verb that starts an idiom, or a year after "en": how or when, not the value
    "mdp Outlook mis à jour, synchro OK",
    "mot de passe changé en urgence, compte piraté",
    "mot de passe modifié en 2023, à renouveler",
    "mdp réinitialisé à distance, mot de passe remis à zéro puis à l’identique",
    "mot de passe changé le 12/03 : ok",
    "menu « Mot de passe oublié » puis « Modifier »",
    "Mot de passe OK. Imprimante : Canon",
    "Mot de passe changé et antivirus : Avast",
    "mot de passe : Bitwarden",
    "Password: same as before",
    "pass: done",
    "Pass : 1 jour offert",
    "PIN 2 de la carte mère déconnecté",
    "Code erreur 43 sur la carte graphique, code postal 54230",
    "TeamViewer 15.2 installé, ID 1 234 567 890",
    "code AnyDesk : 123456789@ad",
    "EAN 4006381333931, ICCID 8933150319034567890",
    "RIB demandé pour le remboursement",
    "Clé USB 32 Go fournie par le client",
    "Mot de passe « Windows Hello » configuré par le client",
    "Password expired, the customer changed it at the prompt",
    "Error 'The user name or password is incorrect' on the share: re-entered by the client",
    "SSH : authentification par clé, mot de passe désactivé dans sshd_config",
    "Mot de passe : sur l'étiquette de la box",
    "Recovery key found by the client in his Microsoft account, typed by him",
    "The customer forgot his password; reset via the recovery email",
    "PasswordAuthentication no in sshd_config",
    "password: not recorded",
    "PIN: same as the phone",
    "The password is on a sticky note under the keyboard, told the client to remove it",
    # look-alike characters that hold no secret either
    "mdp\u00a0: oublié",
    "mot\u00a0de\u00a0passe\u00a0: voir avec le client",
    "\uff4d\uff44\uff50 : \uff4f\uff4b",
    "m\u043et de passe changé",
    "m\u200bdp oublié",
    "re\u0301initialisation du mot de passe",
    "Prix : 45,00\u00a0€, rdv 10\u202f:\u202f30",
    "06\u00a012\u00a034\u00a056\u00a078",
    "ID TeamViewer\u00a0: 123\u00a0456\u00a0789",
    "mdp&nbsp;:&nbsp;oubli&eacute;",
    "R&amp;D : mdp chang&eacute; par le client, facture 12&nbsp;&euro;",
    "Prix \u0664\u0665 €, tél \u0660\u0666 12 34 56 78",
    "mot de passe changé \U0001f44d, client ravi \U0001f600",
    "2FA activée, Google Authenticator configuré sur le téléphone de la cliente",
    "Authenticator : authentification à deux facteurs",
    "portefeuille : le client garde ses 12 mots sur papier, dans son coffre",
    "12 mots de passe changés sur les comptes de la cliente",
    "SSID Livebox-4A2C / Livebox-4A2C-5G, wifi : TP-Link / TL-WN823N",
    "AnyDesk 123 456 789 v7.1.3, TeamViewer 123456789 15h30",
    "WPA2 : AES-256-CCMP, WPA2 : Livebox-4A2C",
    "mot de passe changé, nouveau PC : HP 15s ; mot de passe, c'est fait",
    "PIN/PUK : 3 / 10 essais restants",
    "mdp changé, ancien compte supprimé, nouveau : jean.martin2",
    "| Mot de passe | Statut |\n|---|---|",
    "NAS : Synology / DS220j, Orange : Livebox5 / Fibre2G",
]


@pytest.mark.parametrize(("text", "kind", "secret"), TRUE_POSITIVES)
def test_secret_is_found(text: str, kind: str, secret: str) -> None:
    findings = scan(text)
    assert [(f.kind, text[f.start:f.end]) for f in findings] == [(kind, secret)]
    assert secret.casefold() not in findings[0].label.casefold()


@pytest.mark.parametrize("text", ORDINARY_NOTES)
def test_ordinary_note_passes(text: str) -> None:
    assert scan(text) == []


def test_table_sizes() -> None:
    assert len(TRUE_POSITIVES) >= 40 and len(ORDINARY_NOTES) >= 40
    assert {kind for _, kind, _ in TRUE_POSITIVES} == KINDS


def test_passwords_listed_after_a_plural_phrase_are_all_found() -> None:
    text = "mots de passe : Soleil2024, Marie1960 ; mdps : Chaton75 / Loulou56"
    assert [text[f.start:f.end] for f in scan(text)] == [
        "Soleil2024", "Marie1960", "Chaton75", "Loulou56"]


def test_password_split_over_two_lines_is_found_whole() -> None:
    text = "mdp : Soleil\n2024"
    assert [text[f.start:f.end] for f in scan(text)] == ["Soleil", "2024"]
    status = "mdp : chaton\nOK"
    assert [status[f.start:f.end] for f in scan(status)] == ["chaton"]


def test_several_secrets_in_one_note_are_all_found_in_order() -> None:
    text = "login: jdupont / mdp: chaton\nPIN : 4821\ncarte 4111 1111 1111 1111"
    findings = scan(text)
    assert [f.kind for f in findings] == ["password", "pin", "card-number"]
    assert [text[f.start:f.end] for f in findings] == ["chaton", "4821", "4111 1111 1111 1111"]


def test_aws_secret_key_after_its_access_key_id_is_found() -> None:
    # The secret access key has no prefix of its own: it is known by the ID before it.
    text = "AWS du client : AKIAI44QH8DHBEXAMPLE / je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [
        ("api-token", "AKIAI44QH8DHBEXAMPLE"),
        ("api-token", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY")]


def test_card_security_code_after_the_number_is_found() -> None:
    # Highlighting the number alone would leave the code in the note once it is removed.
    text = "CB 4111 1111 1111 1111 exp 03/28 123, réglée 120 €"
    findings = scan(text)
    assert [(f.kind, text[f.start:f.end]) for f in findings] == [
        ("card-number", "4111 1111 1111 1111"), ("card-number", "123")]
    assert findings[1].label == "cryptogramme de carte bancaire (CVV)"
    paid = "carte 4111 1111 1111 1111, 120 € débités"
    assert [paid[f.start:f.end] for f in scan(paid)] == ["4111 1111 1111 1111"]


def test_tool_is_named_in_the_label() -> None:
    (finding,) = scan("mot de passe TeamViewer : 4kd9x2")
    assert finding.label == "mot de passe ou code d'accès TeamViewer"
    set_language("en")
    (finding,) = scan("code AnyDesk: 4kd9x2")
    assert finding.label == "AnyDesk password or access code"


def test_spans_hold_when_lower_case_changes_length() -> None:
    text = "İstanbul, mdp : Soleil2024"  # "İ".lower() is two characters
    (finding,) = scan(text)
    assert text[finding.start:finding.end] == "Soleil2024"


def test_first_letter_precheck_loses_no_phrase() -> None:
    # The trigger regex starts with a class of the phrases' first letters, for speed; a
    # phrase added later with another first letter must not be silently skipped.
    pattern = scanner._TRIGGER.pattern
    precheck = "(?=[abcdilmnpqrstuvw])"
    assert precheck in pattern
    unchecked = re.compile(pattern.replace(precheck, ""))
    texts = [t for t, _, _ in TRUE_POSITIVES] + ORDINARY_NOTES
    for text in texts:
        low = text.lower()
        assert ([m.span() for m in scanner._TRIGGER.finditer(low)]
                == [m.span() for m in unchecked.finditer(low)]), text


def test_prefix_precheck_loses_no_phrase() -> None:
    # The second pre-check, how the phrases start (_PREFIXES), is kept tight so that common
    # words ("Windows", "programme", "pilotes") skip the alternation; it must lose none.
    pattern = scanner._TRIGGER.pattern
    precheck = "(?=" + scanner._PREFIXES + ")"
    assert precheck in pattern
    unchecked = re.compile(pattern.replace(precheck, ""))
    texts = [t for t, _, _ in TRUE_POSITIVES] + ORDINARY_NOTES + [
        "network key x", "chrome remote desktop x", "login x", "logmein x", "lock code x",
        "product key x", "private key x", "pre-shared key x", "puk x", "pin x",
        "answer to the secret question x", "anydesk x", "net user x y", "wi-fi key x"]
    for text in texts:
        low = text.lower()
        assert ([m.span() for m in scanner._TRIGGER.finditer(low)]
                == [m.span() for m in unchecked.finditer(low)]), text


def test_finding_is_frozen() -> None:
    finding = Finding("password", 0, 1, "x")
    with pytest.raises(AttributeError):
        finding.start = 2  # type: ignore[misc]


def test_describe_names_what_and_why_never_the_secret() -> None:
    text = "mdp : Soleil2024, mdp wifi : Maison123, mdp Box : Rocher77"
    # The session's own terms, in their own words.
    message = describe(scan(text), citation="MD art. 15",
                       words="Aucun mot de passe n’est noté ou stocké par le Prestataire.")
    assert "mot de passe (2 fois)" in message and "clé Wi-Fi" in message
    assert ("MD art. 15\u202f: «\u00a0Aucun mot de passe n’est noté ou stocké par le "
            "Prestataire.\u00a0»") in message
    for secret in ("Soleil2024", "Maison123", "Rocher77"):
        assert secret not in message
    set_language("en")
    message = describe(scan("carte 4111 1111 1111 1111"), citation="MD art. 15")
    assert "payment card number" in message and "MD art. 15" in message
    assert "4111" not in message
    assert describe([]) == ""
    assert describe(scan("PIN : 4821"), reason="VLH art. 8.5").splitlines()[1] == "VLH art. 8.5"


def test_describe_cites_the_law_unless_the_terms_are_given() -> None:
    findings = scan("mdp : Soleil2024")
    why = describe(findings).splitlines()[1]
    assert why.startswith("RGPD art. 5(1)(c) (minimisation des données)")
    assert "MD" not in why
    cited = describe(findings, citation="art. 15 des CGV MD Micro Services",
                     words="Aucun mot de passe n’est noté").splitlines()[1]
    assert cited == ("art. 15 des CGV MD Micro Services\u202f: "
                     "«\u00a0Aucun mot de passe n’est noté\u00a0»")
    set_language("en")
    assert describe(findings).splitlines()[1].startswith("GDPR art. 5(1)(c) (data minimisation)")
    assert describe(findings, citation="VLH art. 4.2", reason="x").splitlines()[1] == "x"


def test_label_falls_back_when_it_would_contain_the_secret() -> None:
    (finding,) = scan("mdp : passe")  # "mot de passe" contains "passe"
    assert "passe" not in finding.label.casefold()


# --- check digits ----------------------------------------------------------------------

@pytest.mark.parametrize(("number", "valid"), [
    ("4111111111111111", True), ("5555555555554444", True), ("378282246310005", True),
    ("79927398713", True), ("0", True),
    ("4111111111111112", False), ("5555555555554445", False), ("79927398710", False),
    ("", False), ("4111 1111", False), ("٤١١١", False),
])
def test_luhn(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(("iban", "valid"), [
    ("FR76 3000 6000 0112 3456 7890 189", True), ("DE89370400440532013000", True),
    ("gb82 west 1234 5698 7654 32", True), ("BE68539007547034", True),
    ("FR76 3000 6000 0112 3456 7890 188", False),  # check digits disagree
    ("FR77 3000 6000 0112 3456 7890 189", False),
    ("DE8937040044053201300", False),               # one character short for DE
    ("ZZ89370400440532013000", False),              # no such country
    ("FR00 3000 6000 0112 3456 7890 189", False),
])
def test_iban(iban: str, valid: bool) -> None:
    assert iban_valid(iban) is valid


@pytest.mark.parametrize(("nir", "valid"), [
    ("1 85 05 78 006 084 91", True), ("269029935014118", True),
    ("2 90 12 2A 004 012 81", True), ("1 85 12 2B 012 345 24", True),
    ("1 85 05 78 006 084 92", False),   # wrong key
    ("2 90 12 2B 004 012 81", False),   # 2B is not 2A
    ("2 90 12 20 004 012 81", False),   # Corsica key computed as plain 20
    ("3 85 05 78 006 084 91", False),   # no such sex digit
    ("1 85 13 78 006 084 XX", False),
    ("1 85 05 78 006 084", False),
])
def test_nir(nir: str, valid: bool) -> None:
    assert nir_valid(nir) is valid


@pytest.mark.parametrize(("rib", "valid"), [
    ("30006 00001 12345678901 89", True), ("30006000011234567890189", True),
    ("20041 01005 0500013M026 06", True),   # letters in the account count as digits
    ("30006 00001 12345678901 88", False), ("20041 01005 0500013M026 07", False),
    ("30006 00001 1234567890 89", False),
])
def test_rib(rib: str, valid: bool) -> None:
    assert rib_valid(rib) is valid


def test_card_checks() -> None:
    assert scan("4111 1111 1111 1112") == []           # Luhn fails
    assert scan("7111 1111 1111 1114") == []           # no issuer starts with 7
    assert scan("4111 11 1111 1111 11") == []          # not laid out like a card
    assert scan("FR76 3000 6000 0112 3456 7890 188") == []  # IBAN mod 97 fails
    assert scan("1 85 05 78 006 084 92") == []         # NIR key fails


# --- properties ------------------------------------------------------------------------

_SECRETY = st.sampled_from([
    "mdp", "mot de passe", "password", "PIN", "code PIN", "pwd", "pass", ":", " : ", "=",
    "«", "»", '"', "'", "identifiants", "/", "clé wifi", "code AnyDesk", "TeamViewer",
    "est", "is", "4111 1111 1111 1111", "FR76", "2A", "\n", " ", "-", "passe", "mot",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), _SECRETY), max_size=12).map("".join))
def test_scan_never_raises_and_labels_never_echo(text: str) -> None:
    for language in ("fr", "en"):
        set_language(language)
        findings = scan(text)
        previous_end = -1
        for finding in findings:
            assert finding.kind in KINDS
            assert 0 <= finding.start < finding.end <= len(text)
            assert finding.start >= previous_end  # ordered, no overlap
            previous_end = finding.end
            assert text[finding.start:finding.end].casefold() not in finding.label.casefold()
        describe(findings)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_scan_never_raises_on_any_text(text: str) -> None:
    for finding in scan(text):
        assert text[finding.start:finding.end].casefold() not in finding.label.casefold()


def test_fast_enough_for_every_keystroke() -> None:
    # A dense 4,000-character note (every line about passwords). The bound is generous
    # for loaded CI machines; bench/bench_secrets.py measures the real figures.
    note = " ".join(ORDINARY_NOTES + [t for t, _, _ in TRUE_POSITIVES[:8]])
    note = (note * (4000 // len(note) + 1))[:4000]
    scan(note)
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for _ in range(10):
            scan(note)
        best = min(best, (time.process_time() - started) / 10)
    assert best < 0.02


def test_spans_map_back_over_dropped_characters() -> None:
    # Invisible characters and combining accents are dropped from the text the patterns
    # read; the span must still cover exactly the secret as typed, marks included.
    text = "n\u200bote\u00ad : m\u200bd\u200bp\u202e : S\u0301ol\u200beil2024\u0301 ok"
    (finding,) = scan(text)
    assert text[finding.start:finding.end] == "S\u0301ol\u200beil2024\u0301"
    assert finding.kind == "password"


def test_folding_keeps_lengths_or_maps_every_position() -> None:
    for text in ["mdp : x", "mot\u00a0de passe", "ｍｄｐ", "m\u200bdp", "e\u0301\u0301", "\u200b",
                 "mdp&nbsp;: x", "m&#111;\u200bt&#x20;de", "&amp;"]:
        folded, origin = scanner._fold(text)
        if origin is None:
            assert len(folded) == len(text)
        else:
            assert len(origin) == len(folded) + 1 and origin[-1] == len(text)
            assert origin == sorted(origin)


def test_many_key_headers_without_their_end_scan_in_linear_time() -> None:
    # A pasted log of BEGIN lines with no END: each header's body used to be read to the
    # end of the text (quadratic: 3 s for 80,000 characters, at every keystroke).
    def cost(size: int) -> float:
        unit = "-----BEGIN PRIVATE KEY-----\n"
        text = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            scan(text)
            best = min(best, time.process_time() - started)
        return best

    small, large = cost(10_000), cost(80_000)
    assert large < 25 * max(small, 1e-4)  # 8 times the text: ~8 times the time, not 64


def _invisible_by_properties() -> list[str]:
    # Every character Unicode draws as nothing: format characters (Cf: tag characters,
    # Arabic and Egyptian format marks, musical formatting, interlinear annotation), the
    # variation selectors (Mn that never combine), the unassigned code points of plane 14
    # (default ignorable).
    import sys
    import unicodedata
    chars = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        selector = (category == "Mn" and unicodedata.combining(char) == 0
                    and "VARIATION SELECTOR" in unicodedata.name(char, ""))
        if category == "Cf" or selector or (category == "Cn" and 0xE0000 <= code <= 0xE0FFF):
            chars.append(char)
    return chars


def test_every_invisible_character_is_dropped_by_its_category() -> None:
    # A list of invisibles misses the ones it forgot ("m\U000e0064dp", a tag character,
    # read "m" "dp"): each is found by what Unicode says of it.
    missed = []
    for char in _invisible_by_properties():
        text = f"m{char}dp : Soleil2024"
        findings = scan(text)
        if [(f.kind, text[f.start:f.end]) for f in findings] != [("password", "Soleil2024")]:
            missed.append(f"U+{ord(char):04X}")
        inside = f"mdp : Sol{char}eil2024"
        if [inside[f.start:f.end] for f in scan(inside)] != [f"Sol{char}eil2024"]:
            missed.append(f"U+{ord(char):04X} inside")
    assert not missed, missed


@pytest.mark.parametrize("text", [
    "\u217fdp : Soleil2024",  # small roman numeral one thousand, drawn "m"
    "\u1d50\u1d48\u1d56 : Soleil2024",  # modifier letters (superscript m d p)
    "m\u20e3dp : Soleil2024",  # a combining keycap, no French letter's accent
    "mot de pa\u017f\u017fe : Soleil2024",  # long s
    "mdp\u2800:\u2800Soleil2024",  # the braille blank, drawn as a space
])
def test_compatibility_forms_fold_by_their_decomposition(text: str) -> None:
    # A character whose compatibility form is one ASCII letter or digit reads as it,
    # whatever block it is in.
    (finding,) = scan(text)
    assert text[finding.start:finding.end] == "Soleil2024"


def test_ordinary_non_latin_text_is_unchanged_by_folding() -> None:
    text = "Réglé 45 € — l’écran « Dell » fonctionne ✓ → OK… Ça marche"
    assert scanner._fold(text) == (text, None)


def test_classified_blocks_hold_nothing_the_properties_would_fold() -> None:
    # A note made only of _CLASSIFIED characters skips the look at properties: each of
    # them that the properties would fold must be folded by the table, and seen by the
    # regex that decides whether a note needs folding at all.
    table = scanner._fold_table()
    unseen = []
    for low, high in scanner._CLASSIFIED:
        for code in range(max(low, 0x100), high + 1):
            char = chr(code)
            if scanner._fold_by_properties(char) == char:
                continue
            if code not in table and scanner._DROPPED.match(char) is None:
                unseen.append(f"U+{code:04X} neither folded nor dropped")
            if scanner._NEEDS_FOLDING.match(char) is None:
                unseen.append(f"U+{code:04X} not seen")
    assert not unseen, unseen


@pytest.mark.parametrize("text", [
    "\u1e41dp : Soleil2024",  # "ṁ", a Latin letter with an accent French never puts on it
    "m\u1e0bp : Soleil2024",
    "md\u1e57 : Soleil2024",
    "\u00f3tp : 483920",  # "ó", in Latin-1
    "p\u00edn : 4821",
    "m\u014dt de passe : Soleil2024",  # "ō", Latin Extended-A
])
def test_letters_with_foreign_accents_read_as_their_base_letter(text: str) -> None:
    (finding,) = scan(text)
    assert text[finding.start:finding.end] in ("Soleil2024", "483920", "4821")


def test_french_letters_keep_their_accents() -> None:
    # "é", "è", "ç", "œ", "Ÿ" are French: the phrases spell them ("clé", "accès", "sœur").
    for text in ["clé : Livebox", "code d'accès oublié", "sa sœur a changé le code",
                 "L'HAŸ-LES-ROSES", "Réglé 45 €"]:
        assert scanner._fold(text)[0] == text


# A name the qualifiers do not list (a service, a site, whose account it is) between a
# password's phrase and its value, with no ":": the value is still the password.
@pytest.mark.parametrize(("text", "secret"), [
    ("mdp Steam Kx9pL2mq", "Kx9pL2mq"),
    ("mdp caf Soleil2024", "Soleil2024"),
    ("mdp EDF Edf2024!", "Edf2024!"),
    ("mdp perso Kx9pL2mq", "Kx9pL2mq"),
    ("mdp impots.gouv Kx9pL2mq", "Kx9pL2mq"),
    ("mdp laposte.net Marie75!", "Marie75!"),
    ("mdp Crédit Agricole Kx9pL2mq", "Kx9pL2mq"),
    ("mot de passe du compte CAF Kx9pL2mq", "Kx9pL2mq"),
    ("mot de passe France Connect Jd2024!", "Jd2024!"),
    ("mdp client Dupont Jd2024", "Jd2024"),
    ("mdp boîte mail Kx9pL2mq", "Kx9pL2mq"),
    ("mdp Discord Kx9pL2mq, client OK", "Kx9pL2mq"),
    ("password Steam Summer2024!", "Summer2024!"),
])
def test_password_after_a_name_the_qualifiers_do_not_list(text: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("password", secret)]


@pytest.mark.parametrize("text", [
    "mdp Synology DS220j",  # a model's code after its brand
    "mot de passe imprimante HP M404dn",
    "mot de passe BIOS Lenovo T480s",
    "réinitialisation mdp BIOS HP 5CG1234XYZ",  # a serial number
    "mot de passe routeur TP-Link Archer AX55",
    "mot de passe caméra Hikvision DS-2CD2143",
    "mdp oublié Kx9pL2mq",  # a status ends the name
    "mot de passe erreur E1234",
    "mdp perdu ticket T-4521",
    "mot de passe client Dupont réf FA-2024-0042",
    "mdp Steam Deck",
    "mot de passe Gmail Android14",
    "mot de passe iCloud iOS17",
    "mdp Ubuntu 22.04",
    "mot de passe Freebox Pop 4K",
    "mdp perso oublié",
    "mot de passe pro changé par le client",
])
def test_a_name_then_a_model_or_a_reference_is_no_password(text: str) -> None:
    assert scan(text) == []


# A product's name glued to four digits that are not its model: the commonest password
# shape (a word and a number), not "USB3", "DDR4" or a Ryzen's model.
@pytest.mark.parametrize(("text", "secret"), [
    ("mot de passe BIOS : bios1234", "bios1234"),
    ("mot de passe wifi : wifi1234", "wifi1234"),
    ("mdp : usb1234", "usb1234"),
    ("mdp : iPhone1234", "iPhone1234"),
    ("mdp : galaxy1234", "galaxy1234"),
    ("mdp : Bios2580!", "Bios2580!"),
])
def test_a_product_glued_to_four_digits_is_a_password(text: str, secret: str) -> None:
    assert [text[f.start:f.end] for f in scan(text)] == [secret]


@pytest.mark.parametrize("text", [
    "mot de passe BIOS : USB3 désactivé au démarrage",
    "mdp : ryzen5800 installé",
    "mot de passe : android14 ne le demande plus",
    "mdp : xbox360",
    "RAM 16 Go DDR4 3200 MHz",
    "Ryzen 7 5800X3D, 32 Go DDR5",
])
def test_a_product_and_its_model_is_no_password(text: str) -> None:
    assert scan(text) == []


# An account's address then its password, copied one a line or after the provider's name.
@pytest.mark.parametrize(("text", "secret"), [
    ("Gmail : jean.dupont@gmail.com\nSoleil2024", "jean.dupont@gmail.com\nSoleil2024"),
    ("compte Microsoft :\njean@outlook.fr\nSoleil2024", "jean@outlook.fr\nSoleil2024"),
    ("jean.dupont@gmail.com\nSoleil2024\n", "jean.dupont@gmail.com\nSoleil2024"),
    ("Apple ID : jean@icloud.com\r\nPomme2024!", "jean@icloud.com\r\nPomme2024!"),
    ("identifiant : jean@free.fr\n  azerty", "jean@free.fr\n  azerty"),
    ("Gmail jean@gmail.com Soleil2024", "jean@gmail.com Soleil2024"),
    ("Apple ID jean@icloud.com Pomme2024!", "jean@icloud.com Pomme2024!"),
])
def test_an_address_then_its_password_below_or_after_its_provider(text: str, secret: str
                                                                  ) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("password", secret)]


@pytest.mark.parametrize("text", [
    "jean@gmail.com\nWin11",
    "jean@gmail.com\n06 12 34 56 78",
    "contact : jean@gmail.com\nPC-01",
    "jean@gmail.com\nOutlook2016",
    "envoyé à jean@gmail.com\nFacture2024",  # no label: a sentence before the address
    "mail : jean@gmail.com\nmerci!",
    "jean@gmail.com\niPhone13 réparé",
    "Gmail jean@gmail.com Outlook2016",
    "Orange jean@orange.fr Livebox5",
    "Mme Durand jean@gmail.com Ticket-4521",
])
def test_an_address_then_no_password(text: str) -> None:
    assert scan(text) == []


# Two phrases glued by "/" read as when spaced ("mdp / PIN : 1234"): the second one's
# look-behind, there for paths ("C:/pwd"), no longer hides it.
@pytest.mark.parametrize(("text", "secret"), [
    ("mdp/PIN : 1234", "1234"),
    ("PIN/mdp : Soleil2024", "Soleil2024"),
    ("code/mdp : Soleil2024", "Soleil2024"),
    ("Code PIN/mdp session : 1234", "1234"),
    ("Mdp/Pwd: Soleil2024", "Soleil2024"),
])
def test_two_phrases_glued_by_a_slash(text: str, secret: str) -> None:
    assert [text[f.start:f.end] for f in scan(text)] == [secret]


@pytest.mark.parametrize("text", [
    "mdp/pass.txt supprimé du bureau",
    "C:/Users/jean/mdp/pass.txt : copié",
    "mdp/PIN oublié",
    "mdp/pin changés : OK",
    "mdp/code : voir avec le client",
])
def test_two_phrases_glued_by_a_slash_then_no_secret(text: str) -> None:
    assert scan(text) == []


# A qualifier in square brackets, as in round ones ("mdp (wifi) : x").
@pytest.mark.parametrize(("text", "kind", "secret"), [
    ("mdp [wifi] : Soleil2024", "wifi-key", "Soleil2024"),
    ("mdp [Windows] : chaton", "password", "chaton"),
    ("mot de passe [session] : Soleil2024", "password", "Soleil2024"),
])
def test_a_qualifier_in_square_brackets(text: str, kind: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [(kind, secret)]


@pytest.mark.parametrize("text", ["mot de passe [oublié] : voir client", "mdp [changé] : OK",
                                  "mdp [wifi] : sur l'étiquette"])
def test_a_qualifier_in_square_brackets_then_no_secret(text: str) -> None:
    assert scan(text) == []


# A reference after a password's phrase and its qualifiers is where the request is filed,
# not the password: "n°4521", "ticket#4521", "réf.4521".
@pytest.mark.parametrize("text", [
    "mdp client n°4521",
    "mot de passe Windows n°4521",
    "mdp client ticket#4521",
    "mdp client réf.4521",
    "mdp perso client n°4521",
    "mdp Steam dossier-4521",
])
def test_a_reference_after_the_phrase_is_no_password(text: str) -> None:
    assert scan(text) == []


def test_a_password_spelt_like_a_reference_and_more_is_still_one() -> None:
    text = "mdp : Ticket#2024!"
    assert [text[f.start:f.end] for f in scan(text)] == ["Ticket#2024!"]


# Windows's automatic logon set up by a command pasted into the note: the registry value
# named for the password holds it.
@pytest.mark.parametrize(("text", "secret"), [
    ('reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" '
     "/v DefaultPassword /t REG_SZ /d Soleil2024 /f", "Soleil2024"),
    ('reg add HKLM\\...\\Winlogon /v DefaultPassword /t REG_SZ /d "Soleil 2024" /f',
     "Soleil 2024"),
    ('Set-ItemProperty -Path $p -Name DefaultPassword -Value "Soleil2024"', "Soleil2024"),
    ('New-ItemProperty -Path $p -Name "DefaultPassword" -Value chaton -PropertyType String',
     "chaton"),
])
def test_a_registry_value_named_for_a_password(text: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("password", secret)]


@pytest.mark.parametrize("text", [
    "reg add HKLM\\...\\Winlogon /v AutoAdminLogon /t REG_SZ /d 1 /f",
    "reg add HKLM\\... /v PasswordExpiryWarning /t REG_DWORD /d 14",
    "reg add HKLM\\... /v DisablePasswordChange /t REG_DWORD /d 1",
    "reg add HKLM\\...\\Winlogon /v DefaultUserName /d jean /f",
    "Set-ItemProperty -Path $p -Name DefaultPassword -Value $pw",
    "reg add HKLM\\...\\Winlogon /v DefaultPassword /d %PW% /f",
])
def test_a_registry_value_about_a_password_or_naming_it(text: str) -> None:
    assert scan(text) == []


# A URL's "user:password@host" with the scheme left out, as typed for a command.
@pytest.mark.parametrize(("text", "secret"), [
    ("ftp jean:Soleil2024@ftp.free.fr", "Soleil2024"),
    ("sftp admin:Nas2024!@192.168.1.10", "Nas2024!"),
    ("jean:Soleil2024@nas.local", "Soleil2024"),
    ("connexion FTP jean:Soleil2024@perso.free.fr", "Soleil2024"),
    ("jean:Soleil2024@mail.ovh.net", "Soleil2024"),
])
def test_credentials_before_a_host_without_a_scheme(text: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("password", secret)]


@pytest.mark.parametrize("text", [
    "mail:jean75@free.fr",  # an address after its label
    "email:jdupont2@gmail.com",
    "Mme Durand:jean75@free.fr",  # a name and an address
    "Durand:jean75@gmail.com, Martin:paul2@free.fr",
    "ssh pi@192.168.1.20",
    "RDV 14:30@bureau.fr",
])
def test_a_label_or_a_name_before_an_address_is_no_credential(text: str) -> None:
    assert scan(text) == []


# A bare "clé" said the box's or the router's: the Wi-Fi key, as "clé wifi" is.
@pytest.mark.parametrize(("text", "secret"), [
    ("clé de la box : 7f3c9a1e2b4d", "7f3c9a1e2b4d"),
    ("la clé de la box : 7f3c9a1e2b4d", "7f3c9a1e2b4d"),
    ("clé Livebox : 7f3c9a1e2b4d", "7f3c9a1e2b4d"),
    ("clé Freebox : 7f3c9a1e2b4d", "7f3c9a1e2b4d"),
    ("clé du routeur : Chaton2024", "Chaton2024"),
    ("clé de la Livebox 5 : Chaton2024", "Chaton2024"),
    ("la clé de la box c'est 7f3c9a1e2b4d", "7f3c9a1e2b4d"),
    ("la clé de la Livebox est Chaton2024", "Chaton2024"),
])
def test_the_key_of_the_box(text: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("wifi-key", secret)]


@pytest.mark.parametrize("text", [
    "clé de la voiture : Chaton2024",
    "clé de la box : sur l'étiquette",
    "clé USB de la box : 32 Go",
    "clé de la box : Livebox-4A2C",  # the network's name
    "clé de la box changée : OK",
    "clé de la box : voir au dos",
    "la clé de la box est sur l'étiquette",
    "la clé du routeur c'est la même",
    "clé du modem : Wi-Fi 6",
])
def test_the_key_of_the_box_then_no_key(text: str) -> None:
    assert scan(text) == []


# A bare code's device abbreviated ("tel", "tél."), or its article typed without its
# apostrophe ("de l ordi"): the PIN, as with "(téléphone)" or "de l'ordi".
@pytest.mark.parametrize(("text", "secret"), [
    ("code : 4821 (tel)", "4821"),
    ("code : 4821 (tél.)", "4821"),
    ("code 4821 (tel client)", "4821"),
    ("code de l ordi : 4821", "4821"),
    ("code de l alarme 1937", "1937"),
])
def test_a_code_for_an_abbreviated_device(text: str, secret: str) -> None:
    assert [(f.kind, text[f.start:f.end]) for f in scan(text)] == [("pin", secret)]


@pytest.mark.parametrize("text", ["code 4821 télé", "code : 4821 téléchargé",
                                  "code 2024 (tel)", "code erreur 4821 (tel)"])
def test_a_code_then_no_device(text: str) -> None:
    assert scan(text) == []


# A label, then its value as a list's item on the next line (Markdown, a pasted list).
@pytest.mark.parametrize(("text", "secret"), [
    ("mot de passe :\n- Soleil2024", "Soleil2024"),
    ("Mot de passe :\n  * Soleil2024", "Soleil2024"),
    ("Mot de passe :\n• chaton", "chaton"),
    ("mdp:\n> Soleil2024", "Soleil2024"),
    ("Clé wifi :\n- Chaton2024", "Chaton2024"),
    ("code PIN :\n- 4821", "4821"),
    ("identifiants :\n- jdupont\n- Soleil2024", "jdupont\n- Soleil2024"),
    ("identifiants :\n* jean@free.fr\n* Soleil2024", "jean@free.fr\n* Soleil2024"),
])
def test_a_value_as_a_list_item_below_its_label(text: str, secret: str) -> None:
    assert [text[f.start:f.end] for f in scan(text)] == [secret]


@pytest.mark.parametrize("text", [
    "Mot de passe :\n- oublié",
    "Mot de passe :\n- à changer tous les 90 jours",
    "Mot de passe :\n- Windows",
    "Mot de passe :\n- changé par le client\n- 2FA activée",
    "Mots de passe :\n- Gmail\n- Facebook",
    "Mot de passe :\n- 12 caractères minimum",
    "identifiants :\n- jdupont\n- mot de passe oublié",
    "Contacts :\n- jean@free.fr\n- 06 12 34 56 78",
])
def test_a_list_item_below_a_label_that_is_no_secret(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(("typed", "secret"), [
    ("jean:Soleil2024@gmail.com", "Soleil2024"),
    ("<jean:chaton@free.fr>", "chaton"),
    (" jean.martin:pass@orange.fr ", "pass"),
    ("jean@gmail.com:chaton", "chaton"),
    ("Durand:jean75@gmail.com", "jean75"),  # in an address field, no name goes before it
])
def test_an_address_field_with_a_login_password_is_refused(typed: str, secret: str) -> None:
    from sessiond.privacy.scanner import scan_address

    found = scan_address(typed)
    assert [typed[f.start:f.end] for f in found] == [secret]
    assert secret not in found[0].label


@pytest.mark.parametrize("typed", [
    "jean@gmail.com", "jean.dupont+promo@orange.fr", "mailto:jean@gmail.com",
    "e-mail:jean@free.fr", "jean@gmail.com:993",
])
def test_an_address_field_without_a_password_passes(typed: str) -> None:
    from sessiond.privacy.scanner import scan_address

    assert scan_address(typed) == []


def test_the_bip39_lists_are_whole() -> None:
    from sessiond.privacy.bip39 import ENGLISH, FRENCH

    english, french = ENGLISH.split(), FRENCH.split()
    assert len(english) == len(set(english)) == 2048
    assert len(french) == len(set(french)) == 2048
    assert (english[0], english[-1], french[0], french[-1]) == (
        "abandon", "zoo", "abaisser", "zoologie")
    assert "académie" in french  # NFC, as typed


@pytest.mark.parametrize(("words", "valid"), [
    ("abandon " * 11 + "about", True),   # BIP-39's test vectors
    ("legal winner thank year wave sausage worth useful legal winner thank yellow", True),
    ("abandon " * 11 + "abandon", False),
])
def test_a_recovery_phrases_checksum(words: str, valid: bool) -> None:
    english = scanner._bip39_lists()[0]
    assert scanner._seed_checksum([english[w] for w in words.split()]) is valid


def test_a_listed_word_more_after_a_phrase_is_read_by_its_checksum() -> None:
    # 13 listed words: the first twelve carry the checksum, so they are the phrase.
    text = "abandon " * 11 + "about zoo"
    found = scan(text)
    assert [(f.kind, text[f.start:f.end]) for f in found] == [
        ("recovery-key", text[:-4])]
