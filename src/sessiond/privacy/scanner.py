"""Secret scanning of free text (notes, problem descriptions) before it is stored.

MD Micro Services art. 15 promises that no password is ever written down, and that only
the information strictly needed is kept. `scan(text)` finds what must not be stored and
returns `Finding`s (a stable `kind`, the `start`/`end` span of the secret so a UI can
highlight it, and a `label` that names what was found without ever echoing it);
`describe(findings)` turns them into the user message. The module is pure and
stdlib-only: the TUI calls it at every keystroke, so it is a handful of compiled regexes
plus cheap checks on the few candidates they return (a 4,000-character note takes about
half a millisecond; see bench/bench_secrets.py). Phrases are matched on a lower-cased copy
of the text because case-sensitive patterns run several times faster.

Kinds: ``password``, ``pin``, ``wifi-key``, ``remote-tool-code``, ``recovery-key``,
``private-key``, ``card-number``, ``iban``, ``nir``.

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
  barcodes out. After "CVV", "CVC" or "cryptogramme", 3-4 digits are a card's code.
* iban: a country code from the IBAN registry, two check digits, then exactly that
  country's length of letters and digits (spaces allowed), mod 97 == 1. A French RIB
  (bank 5, branch 5, account 11, key 2 = 97 - ((89 bank + 15 branch + 3 account) mod
  97)) is the same account number and the same kind.
* nir: sex digit (1, 2, or 7/8 for temporary numbers), year, a plausible month,
  department (2A/2B for Corsica, counted as 19/18 for the key), commune, order number
  and a key equal to 97 - (number mod 97); spaces or dots allowed.
* recovery-key: a BitLocker recovery password, 8 groups of 6 digits (dashes or spaces).
  The shape alone is unmistakable; a mistyped digit must not let it through.
* private-key: a PEM "-----BEGIN ... PRIVATE KEY-----" block.
* password in a URL: ``scheme://user:secret@host``.

Phrases ("mot de passe", "mdp", "password", "pwd", "code PIN", "code d'accès",
"identifiants", "clé wifi", "code AnyDesk", "clé de récupération", "CVV"...) are hits
only when a value that looks like a secret follows them closely. Mentioning a password
is the daily work of a technician; writing one down is the breach. The phrase is matched
on whole words, so "Passage", "pass-through" and "lapin" are no phrases. After it:

1. Strong link: up to four qualifier words ("Windows", "du compte admin", "AnyDesk accès
   non surveillé") then ``:``, ``=``, ``->``, the value possibly on the next line.
   The value is a hit if it is quoted, a group of digits, a token that looks like a
   secret (see 3), or a single plain word that ends the clause ("mdp : chaton" but not
   "mdp : voir avec le client"), unless that word is a status or filler ("ok",
   "oublié", "inchangé", "client", "Bitwarden", "unknown", "n/a") or reads like a past
   participle ("réinitialisé", "changed"). Masked values ("****", "xxxx") and
   bracketed remarks ("(non noté)") pass. The link breaks at a sentence end ("Mot de
   passe OK. Imprimante : Canon"), a conjunction ("Mot de passe changé et antivirus :
   Avast"), another phrase ("mdp et code PIN : 1234" belongs to the PIN) or a hint or
   policy word ("indice", "politique", "longueur"). A participle among the qualifiers
   ("Mot de passe changé : ...") keeps the link but no longer accepts a plain word.
2. Weak link: the phrase, known qualifiers only (tool names, "Windows", "wifi",
   "session", "admin", "du compte"...), an optional verb ("est", "is", "était",
   "changé en", "set to"), then the value. Here a plain word never counts ("mot de passe
   Windows à la demande du client", "password reset done", "PIN Windows Hello
   configuré"); only a quoted value, a group of digits or a secret-looking token does,
   and a PIN needs digits. The common words "pass" and "pw" take only a token mixing
   letters and digits ("pass 4kd9x2", not "pass 1 jour").
3. A token looks like a secret when it is 4+ characters and mixes letters and digits
   ("Soleil2024", "4kd9x2"), is 4-16 digits (a PIN), or mixes letters or digits with a
   symbol ("P@ss!", "admin/admin") - and is not an ordinary technical token: versions,
   dates, times, IPs, KB numbers, 0x error codes, sizes and units, ordinals, "22H2",
   "Win11", "Office365", "i7-8550U", "2FA", e-mail addresses, AnyDesk aliases
   ("123456789@ad"), URLs, paths, phone numbers.
4. Remote tools: a TeamViewer/AnyDesk/RustDesk... password is a secret; its ID is not (it
   is personal data, sealed elsewhere). After "code <tool>" or "<tool> code", a value of
   9-10 digits is taken for the ID and passes; after an explicit password phrase
   ("mot de passe TeamViewer") it is a hit.
5. "identifiants" / "credentials" need a pair ("jdupont / Soleil2024", "admin:admin"):
   a user name alone is not a password. "login/mdp" takes a pair or a single value.
6. A password hint ("indice du mot de passe : chat") is not the password.

Labels are fixed translated phrases (plus a tool's canonical name); as a last guard, a
label that would contain the secret text is replaced by a generic one.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sessiond.i18n import _

__all__ = [
    "KINDS",
    "Finding",
    "describe",
    "iban_valid",
    "luhn_valid",
    "nir_valid",
    "rib_valid",
    "scan",
]

KINDS = frozenset({
    "password", "pin", "wifi-key", "remote-tool-code", "recovery-key", "private-key",
    "card-number", "iban", "nir",
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
_RIB = re.compile(r"[0-9]{5} ?[0-9]{5} ?[0-9A-Za-z]{11} ?[0-9]{2}(?!\w)")
_PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"
    r"(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?"
)
_URL_PASSWORD = re.compile(
    r"(?i)\b[a-z][a-z0-9+.-]{1,15}://[^\s/:@]{1,64}:(?P<secret>[^\s/@]{1,64})@"
)

_RUN_SEPARATOR = re.compile(r"[ \u00a0.-]")
_Span = tuple[str, int, int]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


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
        if (i + 8 <= high and len(groups[i]) == 6
                and all(len(g) == 6 for g in groups[i + 1:i + 8])):
            recovery.append(("recovery-key", offsets[i], offsets[i + 7] + 6))
            i += 8
            continue
        last = _card_end(groups, i, high)
        if last is None:
            i += 1
            continue
        cards.append(("card-number", offsets[i], offsets[last] + len(groups[last])))
        i = last + 1


_IBAN_BODIES: dict[int, re.Pattern[str]] = {}


def _iban_at(text: str, start: int) -> int | None:
    """End of a valid IBAN starting at `start` (its country code), if there is one."""
    length = _IBAN_LENGTHS.get(text[start:start + 2].upper())
    if length is None:
        return None
    # Exactly the country's number of characters, not glued to what follows.
    body = _IBAN_BODIES.get(length)
    if body is None:
        body = _IBAN_BODIES[length] = re.compile(
            rf"[0-9]{{2}}(?:[ \u00a0]?[A-Za-z0-9]){{{length - 4}}}(?!\w)")
    m = body.match(text, start + 2)
    if m is None or not iban_valid(text[start:m.end()]):
        return None
    return m.end()


def _scan_structured(text: str) -> list[_Span]:
    """Structured secrets, most specific kinds first (they win overlaps)."""
    keys: list[_Span] = []
    if "PRIVATE KEY-----" in text:
        keys.extend(("private-key", m.start(), m.end()) for m in _PRIVATE_KEY.finditer(text))
    if "://" in text:
        keys.extend(("password", m.start("secret"), m.end("secret"))
                    for m in _URL_PASSWORD.finditer(text))
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
                if rib is not None and rib_valid(rib.group()):
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
    "aeroadmin": "AeroAdmin", "ammyy": "Ammyy Admin",
}
_TOOL = re.compile(rf"(?x)\b(?:{_TOOLS})\b")

_APOS = "['’]"
# Phrases are matched on a lower-cased copy of the text (same length, so spans carry
# over): case-sensitive patterns run several times faster than IGNORECASE ones.
_TRIGGER = re.compile(
    rf"""(?x)
    (?<![\w@./-])
    (?=[abcdilmnpqrstuvw])  # first letters of all the phrases below: a fast pre-check
    (?:
      (?P<recovery>
          cl[eé]s?[ ]de[ ]r[eé]cup[eé]ration(?:[ ]bitlocker)?
        | (?:bitlocker[ ])?recovery[ ](?:key|code|password)s?
        | codes?[ ]de[ ](?:secours|r[eé]cup[eé]ration)
        | backup[ ]codes?)
    | (?P<wifi>
          cl[eé]s?[ ](?:du[ ]|de[ ]la[ ]|de[ ]|d{_APOS})?
            (?:wi-?fi|wpa[23]?(?:-psk)?|wep|wlan|r[eé]seau
             |s[eé]curit[eé](?:[ ]r[eé]seau|[ ]wi-?fi)?)
        | (?:wi-?fi|wpa[23]?|wlan|network)[ ](?:key|password|passphrase|pwd|pass)
        | code[ ]wi-?fi)
    | (?P<tool>
          code[ ](?:d{_APOS}[ ]?acc[eè]s[ ]|de[ ]connexion[ ]|de[ ]s[eé]curit[eé][ ])?
            (?:{_TOOLS})
        | (?:{_TOOLS})[ ](?:access[ ]|security[ ])?code)
    | (?P<creds>
          identifiants | credentials | creds
        | (?:login|user(?:name)?|utilisateur|identifiant|id)[ ]?/[ ]?
            (?:mdp|mot[ ]de[ ]passe|pass(?:word)?|pwd|pw))
    | (?P<pin>
          code[ ](?:pin|puk) | pin[ ]code | puk | pin
        | code[ ](?:confidentiel|secret)
        | code[ ](?:de[ ])?d[eé]verrouillage
        | code[ ](?:du[ ]|de[ ]l{_APOS}|de[ ]la[ ])?
            (?:t[eé]l[eé]phone|portable|iphone|smartphone|tablette|ipad))
    | (?P<pw>
          mots?[ -]de[ -]passe | mdp | m\.d\.p\.? | passwords? | passwd | pwd
        | passphrase | code[ ]d{_APOS}[ ]?acc[eè]s)
    | (?P<cvv> cvv2? | cvc2? | cryptogramme(?:[ ]visuel)? | code[ ]cvv)
    | (?P<strict> pass | pw )
    )
    (?![\w@])
    """
)

_H = r"[ \t\u00a0\u202f]"
# Strong link: at most four qualifier words, then ":", "=", "->", the value possibly on
# the next line. Qualifier words start with a letter, a digit or "(" and never end a
# sentence, so that "Mot de passe OK. Imprimante : Canon" links nothing.
_STRONG = re.compile(
    rf"(?P<qual>(?:{_H}+[(\w][^\s:=,;!?«»\"“”]{{0,29}}(?<![.])){{0,4}}?)"
    rf"{_H}*(?:[:=]|->|=>|→){_H}*(?:\r?\n{_H}*)?"
)
# "Mot de passe changé et antivirus : Avast": a conjunction starts another subject.
_CONJUNCTION = re.compile(r"\b(?:et|puis|ou|mais|donc|and|then|or|but|so)\b")
# "Mot de passe changé : ..." links a value, but only one that looks like a secret.
_PARTICIPLE = re.compile(r"\w(?:ée?s?|ed)\b")
_QUAL_WORDS = (
    rf"(?:{_TOOLS}|wi-?fi|wpa[23]?|wlan|windows|hello|session|admin|administrateur"
    r"|administrator|local|bios|uefi|box|livebox|freebox|bbox|routeur|router|modem|compte"
    r"|account|microsoft|gmail|google|outlook|hotmail|icloud|apple|orange|sfr|free"
    r"|bouygues|messagerie|mail|e-?mail|imap|smtp|nas|vpn|pc|ordinateur|user|utilisateur"
    r"|sim|office|office365|m365|o365|skype|facebook|amazon|client|cliente|root|ssh|ftp"
    r"|principal|actuel|current|new|nouveau|nouvel|temporaire|provisoire|temporary"
    r"|d[eé]faut|default|unique)"
)
# Weak link: known qualifiers only (with articles), then an optional verb.
_WEAK = re.compile(
    rf"(?x)(?:{_H}+(?:(?:du|de{_H}+la|de{_H}+l{_APOS}|de|d{_APOS}|des|of|for|for{_H}+the"
    rf"|of{_H}+the|on|sur|la|le|l{_APOS}|the|my|son|sa|his|her|your|its){_H}*)?"
    rf"{_QUAL_WORDS}\b){{0,3}}"
    rf"(?:{_H}+(?P<verb>is{_H}+now|est{_H}+maintenant|c{_APOS}est|est|était|etait|sera"
    rf"|reste|devient|is|was|chang[eé]{_H}+en|changed{_H}+to|set{_H}+to|reset{_H}+to"
    rf"|remplac[eé]{_H}+par|d[eé]fini{_H}+(?:sur|à|a)|mis{_H}+à|now))?"
    rf"{_H}*(?:[:=]{_H}*)?"
)
_QUOTED = re.compile(
    r"«[ \t\u00a0\u202f]*(?P<g>[^»\n]{1,64}?)[ \t\u00a0\u202f]*»"
    r"|\"(?P<d>[^\"\s][^\"\n]{0,63})\""
    r"|“(?P<c>[^”\"\s][^”\"\n]{0,63})[”\"]"
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
_PLACEHOLDER = re.compile(r"[*xX•●.#_\-?]+|[(\[<{].*|n/?[acd]|s/o|n\.?c\.?|tbd|todo")
_MARKERS = re.compile(
    r"\b(?:hint|indice|question|policy|politique|longueur|length|manager"
    r"|gestionnaire|expiration|complexit[eé]|complexity|r[eè]gles?|rules?|minimum"
    r"|caract[eè]res|characters)\b"
)
_ORDINARY = re.compile(
    r"""(?x)
      [0-9]+(?:[.,:/h'-][0-9]+)+[a-z]{0,2}             # 10.0.1, 12/03/2025, 14h30, IPs
    | v?[0-9]+(?:\.[0-9a-z]+)+                          # v2.3.1b
    | [0-9]{2}h[12]                                     # 22H2
    | kb[0-9]{4,8} | 0x[0-9a-f]+                        # updates, error codes
    | [0-9]+(?:[.,][0-9]+)?
      (?:[kmgtp]i?[bo]|go|mo|to|ko|[kmg]?hz|w|v|mah|ms|s|mn|min|h|j|ans?|jours?|mois
        |px|p|k|bits?|%|€|eur|x|e|er|re|ère|ème|eme|nd|rd|th|st|fois|ch|cm|mm|m|km|ppp)
    | [0-9]+x[0-9]+                                     # 1920x1080
    | w1[01] | [om]365 | i[3579]                        # W11, O365, i7
    | (?:win(?:dows)?|office|ios|ipados|android|macos|iphone|ipad|galaxy|pixel|usb|hdmi
        |wpa|ddr|lpddr|pcie|nvme|sata|tpm|ipv|rj|cat|gen|arm|bios|wi-?fi|raid|sql
        |server|directx|dx|net|php|python|java|mp|ps|xbox|rtx|gtx|rx|ryzen|core)
      [ -]?[0-9]+[a-z]{0,2}                             # Win11, Office365, USB3
    | i[3579]-[0-9]{4,5}[a-z]{0,3}                      # i7-8550U
    | [234]fa | mfa | x64 | x86 | arm64 | amd64 | [1-8]k | [2-5]g | 802\.11[a-z]{0,2}
    | [^@\s]+@[^@\s]+\.[a-z]{2,}                        # e-mail address
    | [0-9a-z._-]+@ad                                   # AnyDesk address alias
    | (?:https?|ftp)://\S+ | www\.\S+                   # URLs
    | (?:[a-z]:\\|\\\\|/|~/)\S*                         # paths
    | \+[0-9]{8,15} | 0[1-9](?:[.][0-9]{2}){4}          # phone numbers
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
})


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _trim(token: str) -> str:
    return token.rstrip(_TRAILING)


def _ascii_digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


@functools.lru_cache(maxsize=512)  # the same words come back at every keystroke
def _is_stop(value: str) -> bool:
    return (_norm(value) in _STOP or _PLACEHOLDER.fullmatch(value) is not None
            or _ORDINARY.fullmatch(value) is not None)


def _looks_secret(token: str) -> bool:
    """A token that mixes letters and digits, a PIN, or letters/digits with a symbol."""
    if not 4 <= len(token) <= 128 or _is_stop(token):
        return False
    has_digit = any("0" <= c <= "9" for c in token)
    has_alpha = any(c.isalpha() for c in token)
    if has_digit and has_alpha:
        return True
    if has_digit and token.isascii() and token.isdigit():
        return len(token) <= 16
    has_symbol = any(not c.isalnum() and c not in "-'’._" for c in token)
    return has_symbol and (has_alpha or has_digit)


def _plain_word_secret(word: str) -> bool:
    """A single plain word after "mdp :" that is not a status ("oublié", "changed")."""
    if not 3 <= len(word) <= 64 or _WORD.fullmatch(word) is None or _is_stop(word):
        return False
    low = word.casefold()
    if low.endswith(("é", "ée", "és", "ées")):
        return False
    return not (len(low) >= 5 and low.endswith(("ed", "ing")))


class _Context(NamedTuple):
    kind: str
    tool: str | None
    explicit_password: bool  # "mot de passe TeamViewer" (a 9-digit value is no ID then)
    creds: bool      # "identifiants", "login/mdp": a "user / password" pair comes first
    pair_only: bool  # "identifiants": a user name alone is no password
    strict: bool     # "pass", "pw": common words, they need more evidence


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
    return 4 <= count <= 24


# How closely a value is linked to its phrase, hence what it takes to count as a secret.
_STRONG_LINK = 3   # "mdp : x": quoted, digits, secret-looking token or a plain word
_LINK = 2          # "mdp changé : x", "le mdp est x": quoted, digits or secret-looking
_WEAK_LINK = 1     # "mdp x": the same, and a PIN needs digits
_MIXED_ONLY = 0    # "pass x", "pw x": only letters mixed with digits


def _value_at(text: str, pos: int, ctx: _Context, link: int) -> tuple[int, int] | None:
    """The span of a secret value starting at `pos`, if there is one."""
    if ctx.creds:
        pair = _PAIR.match(text, pos)
        if pair is not None:
            user, secret = pair.group("user"), _trim(pair.group("secret"))
            # The user name may be an e-mail address; only fillers disqualify it.
            user_filler = _norm(user) in _STOP or _PLACEHOLDER.fullmatch(user) is not None
            if (any(c.isalnum() for c in secret) and not _is_stop(secret)
                    and not user_filler and not _TOOL.fullmatch(user)):
                return pair.start(), pair.start("secret") + len(secret)
        if ctx.pair_only:
            return None
    quoted = _QUOTED.match(text, pos) if link > _MIXED_ONLY else None
    if quoted is not None:
        name = next(k for k, v in quoted.groupdict().items() if v is not None)
        value = quoted.group(name).strip()
        # Without ":" a quoted phrase is more likely a screen's wording ("mot de passe
        # « Windows Hello » configuré") than a passphrase, unless part of it looks secret.
        words = value.split()
        if len(words) > 1 and link < _STRONG_LINK and not any(map(_looks_secret, words)):
            return None
        if any(c.isalnum() for c in value) and not _is_stop(value):
            start = quoted.start(name)
            return start, start + len(quoted.group(name).rstrip())
        return None
    groups = _DIGIT_GROUPS.match(text, pos) if link > _MIXED_ONLY else None
    if groups is not None:
        return (groups.start(), groups.end()) if _digits_secret(groups.group(), ctx) else None
    token_match = _TOKEN.match(text, pos)
    if token_match is None:
        return None
    token = _trim(token_match.group())
    if not token:
        return None
    end = pos + len(token)
    if token.isascii() and token.isdigit():
        if link == _MIXED_ONLY:
            return None
        return (pos, end) if _digits_secret(token, ctx) else None
    if ctx.kind == "card-number" or (ctx.kind == "pin" and link < _LINK):
        return None  # "PIN Windows Hello": without ":" only digits make a PIN
    if link == _MIXED_ONLY:
        mixed = (any(c.isalpha() for c in token) and any("0" <= c <= "9" for c in token))
        return (pos, end) if mixed and _looks_secret(token) else None
    if _looks_secret(token):
        return pos, end
    if link == _STRONG_LINK and _CLAUSE_END.match(text, end) and _plain_word_secret(token):
        return pos, end
    return None


def _tool_before(low: str, start: int) -> str | None:
    """The remote tool named right before a phrase ("TeamViewer password", "AnyDesk's")."""
    words = low[max(0, start - 40):start].replace("’", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
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
    "pin": _Context("pin", None, False, False, False, False),
    "pw": _Context("password", None, True, False, False, False),
    "cvv": _Context("card-number", None, False, False, False, False),
    "strict": _Context("password", None, True, False, False, True),
}


def _context(m: re.Match[str]) -> _Context:
    group = m.lastgroup or "pw"
    ctx = _CONTEXTS[group]
    if group == "tool":
        found = _TOOL.search(m.group())
        return ctx._replace(tool=_tool_name(found.group()) if found else None)
    if group == "creds" and "/" not in m.group():
        return ctx._replace(pair_only=True)  # "identifiants": a pair, not a user name
    return ctx


# Whose secret the qualifiers say it is: a remote tool's, or the Wi-Fi's.
_QUALIFIER_KIND = re.compile(rf"(?x)\b(?:(?P<tool>{_TOOLS})|(?P<wifi>wi-?fi|wpa[23]?|wlan))\b")


def _with_tool(ctx: _Context, tool: str) -> _Context:
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
    return ctx._replace(kind="wifi-key") if ctx.kind == "password" else ctx


def _phrase_finding(low: str, m: re.Match[str], hints: bool
                    ) -> tuple[_Context, int, int] | None:
    if hints and _hint_before(low, m.start()):
        return None
    found = _phrase_value(low, m)
    if found is None:
        return None
    ctx, start, end = found
    if ctx.tool is None:
        # Looked up only for a hit (it is only needed for the kind and the label).
        tool = _tool_before(low, m.start())
        if tool is not None:
            ctx = _with_tool(ctx, tool)
    return ctx, start, end


def _phrase_value(low: str, m: re.Match[str]) -> tuple[_Context, int, int] | None:
    ctx = _context(m)
    strong = _STRONG.match(low, m.end())
    if strong is not None:
        qualifiers = strong.group("qual")
        # "mdp et code PIN : 1234": the nearer phrase owns the value; a hint or policy
        # is not a password; a conjunction starts another subject.
        if not qualifiers or (_TRIGGER.search(qualifiers) is None
                              and _MARKERS.search(qualifiers) is None
                              and _CONJUNCTION.search(qualifiers) is None):
            refined = _refine(ctx, qualifiers)
            link = _LINK if qualifiers and _PARTICIPLE.search(qualifiers) else _STRONG_LINK
            span = _value_at(low, strong.end(), refined, link)
            return (refined, span[0], span[1]) if span is not None else None
    weak = _WEAK.match(low, m.end())
    if weak is None or weak.end() == m.end():
        return None  # a value glued to the phrase ("mdp\"x\"") is not how one is written
    refined = _refine(ctx, weak.group())
    link = _MIXED_ONLY if ctx.strict else _LINK if weak.group("verb") else _WEAK_LINK
    position = weak.end()
    if ctx.creds:  # "credentials admin / x": "admin" is the user, not a qualifier
        spaces = _SPACES.match(low, m.end())
        position = spaces.end() if spaces else m.end()
    span = _value_at(low, position, refined, link)
    return (refined, span[0], span[1]) if span is not None else None


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case into two ("İ"): keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


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


def scan(text: str) -> list[Finding]:
    """Find the secrets in `text`, in order of position; an empty list means clean."""
    raw: list[tuple[str, int, int, _Context | None]] = [
        (kind, start, end, None) for kind, start, end in _scan_structured(text)]
    low = _lower_same_length(text)
    hints = "indice" in low or "hint" in low or "question" in low
    for m in _TRIGGER.finditer(low):
        found = _phrase_finding(low, m, hints)
        if found is not None:
            ctx, start, end = found
            raw.append((ctx.kind, start, end, ctx))
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


def describe(findings: Iterable[Finding], *, reason: str | None = None) -> str:
    """The user message for `findings`: what was found (never the secret) and why.

    `reason` replaces the default (MD art. 15) when a policy cites another article.
    Returns "" when there is nothing to report.
    """
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.label] = counts.get(finding.label, 0) + 1
    if not counts:
        return ""
    items = ", ".join(label if n == 1 else _("{label} ({count} times)", label=label, count=n)
                      for label, n in counts.items())
    total = sum(counts.values())
    why = reason or _("MD art. 15: no password is written down, and only the information "
                      "strictly needed is kept.")
    remove = _("Remove it before saving.") if total == 1 else _("Remove them before saving.")
    return "\n".join((_("This text seems to contain: {items}.", items=items), why, remove))
