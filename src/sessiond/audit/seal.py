"""Personal fields sealed with AES-256-GCM under the client's data key.

The event id is the associated data: a sealed blob cannot be moved to another event.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from typing import Any, cast

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sessiond.audit.canonical import canonical


def seal(personal: Mapping[str, Any], data_key: bytes, event_id: str) -> str:
    nonce = os.urandom(12)
    blob = AESGCM(data_key).encrypt(nonce, canonical(dict(personal)), event_id.encode())
    return base64.b64encode(nonce + blob).decode("ascii")


def unseal(sealed: str, data_key: bytes, event_id: str) -> dict[str, Any]:
    raw = base64.b64decode(sealed)
    plain = AESGCM(data_key).decrypt(raw[:12], raw[12:], event_id.encode())
    return cast(dict[str, Any], json.loads(plain))
