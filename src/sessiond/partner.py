"""The client's ID in a remote-control tool, in the one form sessiond stores and compares.

Its own module at the bottom of the layers: the log parsers (integrations) and the
compliance check both need it, and the check must not pay for loading the parsers.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+")
_NOT_IN_ID = frozenset({"Zl", "Zp"})
MAX_PARTNER = 64  # longer than any tool's ID or alias: such a value is noise, not an ID


def normalise_partner(raw: str | None) -> str | None:
    """Digits only for numeric IDs (the tools print them grouped, `123 456 789`, and the
    technician types them so), an IP address in one form (see `_address`), alias forms
    such as `123456789@ad` kept as given; None for nothing, a placeholder `-` or noise.

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
    value = compact if _DIGITS.fullmatch(compact) else _address(value) or value
    if not value or value == "-" or len(value) > MAX_PARTNER:
        return None
    return value


def _address(value: str) -> str | None:
    """An IP address (a connection by IP on the LAN) in the one form Python writes it,
    without a port: the technician types `2001:DB8:0:0::A` or `192.0.2.10`, the tool logs
    `[2001:db8::a]:5938`, `192.0.2.10:5938` or, relayed, `[::ffff:192.0.2.10]:33203`; the
    port and the spelling do not change the machine. None when it is no address."""
    host, port = value, ""
    if value.startswith("[") and "]" in value:
        host, port = value[1:value.index("]")], value[value.index("]") + 1:]
        if port and not (port[0] == ":" and _DIGITS.fullmatch(port[1:])):
            return None
    elif value.count(":") == 1:
        host, port = value.split(":")
        if not _DIGITS.fullmatch(port):
            return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)
