"""French company identifiers: SIREN (the company, 9 digits) and SIRET (one of its
establishments, 14 digits: the SIREN then a 5-digit NIC).

Both end with a Luhn check digit (the SIRET's covers all 14 digits). La Poste is the known
exception: its establishments share SIREN 356 000 000 and their SIRETs are allotted so that the
plain sum of the 14 digits is a multiple of 5, not by Luhn. A La Poste SIRET is accepted when it
passes either test, because its head office (356 000 000 00048) passes Luhn and not the sum:
a validator must never reject a real number a client gives.

The check digits only catch typing errors; whether the number exists is the INSEE's register
(SIRENE) to say.
"""

from __future__ import annotations

SIREN_LENGTH = 9
SIRET_LENGTH = 14
LA_POSTE_SIREN = "356000000"

# Group separators people write or paste: "732 829 320", "732.829.320", and the no-break spaces
# that word processors and French typography put between groups (U+00A0, narrow U+202F).
_SEPARATORS = str.maketrans("", "", " .\u00a0\u202f")
_DIGITS = frozenset("0123456789")


def normalise_siren_or_siret(text: str) -> str:
    """The digits of `text`, without the group separators (spaces, dots, no-break spaces) nor
    the surrounding whitespace. It does not check the length nor the check digit.

    Raises ValueError when anything else remains, or nothing: only ASCII digits count, since
    str.isdigit() would also take "²" or Arabic-Indic digits.
    """
    digits = text.strip().translate(_SEPARATORS)
    if not digits or not _DIGITS.issuperset(digits):
        raise ValueError(f"{text!r} is not a SIREN or SIRET: only digits and spaces or dots")
    return digits


def is_valid_siren(text: str) -> bool:
    """9 digits (after normalisation) whose Luhn check passes."""
    digits = _digits_or_empty(text)
    return len(digits) == SIREN_LENGTH and _luhn_ok(digits)


def is_valid_siret(text: str) -> bool:
    """14 digits (after normalisation) whose SIREN part is valid and whose 14 digits pass the
    Luhn check, or, for La Poste, add up to a multiple of 5."""
    digits = _digits_or_empty(text)
    if len(digits) != SIRET_LENGTH or not is_valid_siren(digits[:SIREN_LENGTH]):
        return False
    if _luhn_ok(digits):
        return True
    return digits.startswith(LA_POSTE_SIREN) and sum(map(int, digits)) % 5 == 0


def siren_of(siret: str) -> str:
    """The SIREN (9 digits, normalised) of a valid SIRET; ValueError when it is not one."""
    if not is_valid_siret(siret):
        raise ValueError(f"{siret!r} is not a valid SIRET")
    return normalise_siren_or_siret(siret)[:SIREN_LENGTH]


def _digits_or_empty(text: str) -> str:
    # The predicates answer False, not raise, on text that is not a number at all.
    try:
        return normalise_siren_or_siret(text)
    except ValueError:
        return ""


def _luhn_ok(digits: str) -> bool:
    # Luhn: from the right, every second digit is doubled (less 9 past 9); the total must end
    # in 0. Counting from the right makes the same code serve 9 and 14 digits.
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0
