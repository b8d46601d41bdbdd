"""The hash chain: each event's hash covers the previous hash and its whole envelope."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from sessiond.audit.canonical import canonical

GENESIS = "0" * 64

# The envelope fields, in the order of the events table. `hash` is computed over all the
# others; `body` is stored as canonical JSON text and hashed as that text.
ENVELOPE = (
    "seq", "id", "kind", "session_id", "client_id", "at", "recorded_at", "tz", "boot_id",
    "boottime_ns", "body", "sealed", "prev_hash",
)


def event_hash(envelope: Mapping[str, Any]) -> str:
    """SHA-256(prev_hash || canonical(envelope without hash)), as hex."""
    fields = {name: envelope[name] for name in ENVELOPE}
    digest = hashlib.sha256()
    digest.update(bytes.fromhex(envelope["prev_hash"]))
    digest.update(canonical(fields))
    return digest.hexdigest()
