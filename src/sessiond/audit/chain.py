"""The hash chain: each event's hash covers the previous hash and its whole envelope."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring as _encode
from typing import Any

from sessiond.audit.canonical import canonical, integer

GENESIS = "0" * 64

# The envelope fields, in the order of the events table. `hash` is computed over all the
# others; `body` is stored as canonical JSON text and hashed as that text.
ENVELOPE = (
    "seq", "id", "kind", "session_id", "client_id", "at", "recorded_at", "tz", "boot_id",
    "boottime_ns", "body", "sealed", "prev_hash",
)
# A stored row as the audit layer reads it: the envelope's values in that order, then hash.
ROW = (*ENVELOPE, "hash")


_nfc = unicodedata.normalize


class _Unusual(Exception):
    """A value that is not a plain str, int or None: the generic encoder decides."""


def _s(value: Any) -> str:
    if type(value) is str:  # canonical.string, inlined: this runs 13 times per event
        return _encode(value if value.isascii() else _nfc("NFC", value))
    if value is None:
        return "null"
    raise _Unusual


def _i(value: Any) -> str:
    if type(value) is int:
        return integer(value)
    raise _Unusual


def envelope_bytes(values: Sequence[Any]) -> bytes:
    """canonical(envelope), for an envelope given as its values in ENVELOPE order.

    Byte for byte the generic encoding (tests/unit/test_canonical.py proves it on
    generated envelopes) at a third of its cost: the keys are known, so they are written
    in their sorted order around each value, with no walk and no sort. A value that is
    not a plain str, int or None goes through `canonical`, which encodes or refuses it.
    """
    (seq, id_, kind, session_id, client_id, at, recorded_at, tz, boot_id, boottime_ns,
     body, sealed, prev_hash) = values[:13]
    try:
        text = (f'{{"at":{_s(at)},"body":{_s(body)},"boot_id":{_s(boot_id)},'
                f'"boottime_ns":{_i(boottime_ns)},"client_id":{_s(client_id)},'
                f'"id":{_s(id_)},"kind":{_s(kind)},"prev_hash":{_s(prev_hash)},'
                f'"recorded_at":{_s(recorded_at)},"sealed":{_s(sealed)},"seq":{_i(seq)},'
                f'"session_id":{_s(session_id)},"tz":{_s(tz)}}}')
    except _Unusual:
        return canonical(dict(zip(ENVELOPE, values[:13], strict=True)))
    return text.encode("utf-8")


def row_hash(values: Sequence[Any]) -> str:
    """SHA-256(prev_hash || canonical(envelope)), as hex, of an envelope given as its
    values in ENVELOPE order (a stored row: the hash column after them is ignored)."""
    digest = (_sha256 or _load_sha256())(bytes.fromhex(values[12]))
    digest.update(envelope_bytes(values))
    return str(digest.hexdigest())


# hashlib loads OpenSSL: imported on the first hash, not by every command that imports the
# store (`status` never hashes).
_sha256: Callable[[bytes], Any] | None = None


def _load_sha256() -> Callable[[bytes], Any]:
    global _sha256
    from hashlib import sha256

    _sha256 = sha256
    return sha256


def event_hash(envelope: Mapping[str, Any]) -> str:
    """SHA-256(prev_hash || canonical(envelope without hash)), as hex."""
    return row_hash([envelope[name] for name in ENVELOPE])
