"""Signed checkpoints: Ed25519 over (seq, hash, instant, key id).

A checkpoint is made at every session stop, export, receipt and day seal. Its one-line text
form is printed on receipts and exports, so that a copy leaves the machine: whoever holds
it can later prove that the log still contains that event with that hash (no truncation,
no rollback). The text form uses hex and `;` only, so it survives PDF text extraction even
when a line is wrapped: whitespace inside it is ignored when it is read back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sessiond.audit.canonical import canonical, integer, string

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

MARKER = "SESSIOND-CHECKPOINT"
_DOMAIN = b"sessiond-checkpoint-v1\n"
_FIELDS = re.compile(
    r"v1;seq=(?P<seq>\d+);hash=(?P<hash>[0-9a-f]{64});at=(?P<at>[0-9T:\-]+Z);"
    r"key=(?P<key_id>[0-9a-f]{16});sig=(?P<signature>[0-9a-f]{128})"
)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: str  # UTC instant, clock.to_text form
    key_id: str
    signature: str  # hex
    reason: str = ""

    def message(self) -> bytes:
        """The signed bytes: the domain, then canonical({seq, hash, at, key_id})."""
        if type(self.seq) is int and type(self.hash) is type(self.at) is type(
                self.key_id) is str:  # the fixed layout (verify builds one per checkpoint)
            return _DOMAIN + (f'{{"at":{string(self.at)},"hash":{string(self.hash)},'
                              f'"key_id":{string(self.key_id)},"seq":{integer(self.seq)}}}'
                              ).encode()
        return _DOMAIN + canonical(
            {"seq": self.seq, "hash": self.hash, "at": self.at, "key_id": self.key_id}
        )

    def signature_valid(self, public_key: Ed25519PublicKey) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            public_key.verify(bytes.fromhex(self.signature), self.message())
        except (InvalidSignature, ValueError):
            return False
        return True

    def text(self) -> str:
        return (
            f"{MARKER} v1;seq={self.seq};hash={self.hash};at={self.at};"
            f"key={self.key_id};sig={self.signature}"
        )


def parse_checkpoints(text: str) -> list[Checkpoint]:
    """Every checkpoint printed in `text` (a receipt or export, PDF text included)."""
    found = []
    for part in text.split(MARKER)[1:]:
        compact = re.sub(r"\s+", "", part[:1200])
        match = _FIELDS.match(compact)
        if match:
            found.append(Checkpoint(seq=int(match["seq"]), hash=match["hash"], at=match["at"],
                                    key_id=match["key_id"], signature=match["signature"]))
    return found
