"""Personal fields sealed with AES-256-GCM under the client's data key.

The event id is the associated data: a sealed blob cannot be moved to another event.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Mapping
from typing import Any, cast

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sessiond.audit.canonical import canonical


def seal(personal: Mapping[str, Any], data_key: bytes, event_id: str) -> str:
    nonce = os.urandom(12)
    blob = AESGCM(data_key).encrypt(nonce, canonical(dict(personal)), event_id.encode())
    return base64.b64encode(nonce + blob).decode("ascii")


def unseal(sealed: str, data_key: bytes, event_id: str) -> dict[str, Any]:
    raw = base64.b64decode(sealed, validate=True)
    if base64.b64encode(raw).decode("ascii") != sealed:  # the decoder ignores the bits
        raise ValueError("not the base64 sessiond writes")  # after the last byte
    plain = AESGCM(data_key).decrypt(raw[:12], raw[12:], event_id.encode())
    return cast(dict[str, Any], json.loads(plain))


# Free texts (notes, reasons, problems) are sealed each under a key of its own, wrapped by
# the client's key, so that one text can be redacted (its key deleted) while the rest of
# the client's data stays readable and the chain, which covers the ciphertext, verifies.
FIELD_FORMAT = "v2:"


def seal_fields(personal: Mapping[str, Any], data_key: bytes, event_id: str,
                own_keys: frozenset[str]) -> tuple[str, dict[str, str]]:
    """(sealed text, {field: wrapped field key}) for `personal`; the fields in `own_keys`
    get keys of their own."""
    main = {k: v for k, v in personal.items() if k not in own_keys}
    fields: dict[str, str] = {}
    wrapped: dict[str, str] = {}
    for name in sorted(own_keys & set(personal)):
        field_key = AESGCM.generate_key(bit_length=256)
        fields[name] = seal({name: personal[name]}, field_key, f"{event_id}/{name}")
        wrapped[name] = seal({"k": field_key.hex()}, data_key, f"{event_id}/{name}/key")
    envelope = {"m": seal(main, data_key, event_id) if main else None, "f": fields}
    return FIELD_FORMAT + canonical(envelope).decode("ascii"), wrapped


def unseal_any(sealed: str, data_key: bytes, event_id: str,
               field_key: Callable[[str], str | None]) -> dict[str, Any]:
    """The personal fields of either format; a redacted field (its key gone) is absent."""
    if not sealed.startswith(FIELD_FORMAT):
        return unseal(sealed, data_key, event_id)
    envelope = json.loads(sealed[len(FIELD_FORMAT):])
    found = unseal(envelope["m"], data_key, event_id) if envelope["m"] else {}
    for name, blob in envelope["f"].items():
        wrapped = field_key(name)
        if wrapped is None:
            continue  # redacted: unreadable for good
        key = bytes.fromhex(unseal(wrapped, data_key, f"{event_id}/{name}/key")["k"])
        found.update(unseal(blob, key, f"{event_id}/{name}"))
    return found
