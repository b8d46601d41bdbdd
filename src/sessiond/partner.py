"""The client's ID in a remote-control tool, in the one form sessiond stores and compares.

Its own module at the bottom of the layers: the log parsers (integrations) and the
compliance check both need it, and the check must not pay for loading the parsers.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+")
_NOT_IN_ID = frozenset({"Zl", "Zp"})
MAX_PARTNER = 64  # longer than any tool's ID or alias: such a value is noise, not an ID


def normalise_partner(raw: str | None) -> str | None:
    """Digits only for numeric IDs (the tools print them grouped, `123 456 789`, and the
    technician types them so), alias forms such as `123456789@ad` kept as given; None for
    nothing, a placeholder `-` or noise.

    No tool's ID holds a control, format or unassigned character (category C: ESC, BEL,
    bidi overrides, NUL...) nor a line or paragraph separator (U+2028, U+2029, which break
    the line where they are shown): a value with one comes from a damaged or forged log,
    and kept it would be compared, sealed and shown as if the tool had written it.
    """
    if raw is None:
        return None
    value = raw.strip()
    if any(unicodedata.category(ch) in _NOT_IN_ID or unicodedata.category(ch).startswith("C")
           for ch in value):
        return None
    compact = _SPACES.sub("", value)
    if _DIGITS.fullmatch(compact):
        value = compact
    if not value or value == "-" or len(value) > MAX_PARTNER:
        return None
    return value
