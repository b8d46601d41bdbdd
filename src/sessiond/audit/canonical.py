"""Deterministic JSON: the bytes that are hashed and signed.

Sorted keys, no spaces, UTF-8, strings in NFC, integers, booleans, null, strings, lists and
objects only. Floats are refused: money and hours travel as decimal strings, so that two
machines (or two Python versions) can never disagree on the bytes of an event.

`canonical` encodes any such value. `string` and `integer` write one scalar exactly as
`canonical` would inside it, for the fixed-layout encoders of the chain and checkpoints:
they skip the generic walk and key sort, which were most of the cost of `verify`.
"""

from __future__ import annotations

import json
import unicodedata
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) uses
from typing import Any


def _normal(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        return {_normal(k): _normal(v) for k, v in value.items()}
    if type(value) in (list, tuple):  # not a named tuple: a record's field order is no format
        return [_normal(v) for v in value]
    raise TypeError(f"canonical encoding refuses {type(value).__name__}: {value!r}")


def canonical(value: Any) -> bytes:
    return json.dumps(
        _normal(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")


def string(value: str) -> str:
    """A str (exactly, not a subclass) as `canonical` writes it: NFC, JSON-escaped."""
    # ASCII is always in NFC: most stored strings (ids, instants, hashes) skip the lookup.
    return encode_basestring(value if value.isascii()
                             else unicodedata.normalize("NFC", value))


integer = int.__repr__  # an int (exactly, not a bool) as `canonical` writes it
