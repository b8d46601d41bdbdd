"""Signed checkpoints: Ed25519 over (seq, hash, instant, key id).

A checkpoint is made at every session stop, export, receipt and day seal. Its one-line text
form is printed on receipts and exports, so that a copy leaves the machine: whoever holds
it can later prove that the log still contains that event with that hash (no truncation,
no rollback). The text form uses hex and `;` only, so it survives PDF text extraction even
when a line is wrapped: whitespace inside it is ignored when it is read back.

The reason a checkpoint was signed is stored beside it but not signed (the printed form
leaves it out), so verification checks it against what was signed (`reason_fits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sessiond.audit.canonical import canonical, integer, string

# The reason of each checkpoint that signs the event just recorded, by that event's kind.
REASONS = {"check-completed": "session-stop", "export-made": "export",
           "receipt-issued": "receipt", "invoice-issued": "invoice",
           "credit-note-issued": "credit-note"}
# The day seal signs whatever the log's tail is; its reason names the local day sealed.
DAY_SEAL = "day-seal"
_SEALED_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

MARKER = "SESSIOND-CHECKPOINT"
_DOMAIN = b"sessiond-checkpoint-v1\n"
_FIELDS = re.compile(
    r"v1;seq=(?P<seq>[0-9]+);hash=(?P<hash>[0-9a-f]{64});at=(?P<at>[0-9T:\-]+Z);"
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

    def text(self) -> str:
        return (
            f"{MARKER} v1;seq={self.seq};hash={self.hash};at={self.at};"
            f"key={self.key_id};sig={self.signature}"
        )


def day_seal_reason(day: date) -> str:
    return f"{DAY_SEAL} {day.isoformat()}"


def reason_fits(reason: str, kind: str, signed_at: str) -> bool:
    """Whether `reason` is one sessiond writes for a checkpoint of an event of `kind`,
    signed at the UTC instant `signed_at`. A day seal is signed at 23:59 local time or on
    the next chance after it, so the day it names is the signing instant's local day or
    the one before: in any zone (UTC-12 to UTC+14), from two days before its UTC date to
    one day after."""
    if reason == REASONS.get(kind):
        return True
    prefix, _space, day = reason.partition(" ")
    if prefix != DAY_SEAL or not _SEALED_DAY.fullmatch(day):
        return False
    try:
        before = (date.fromisoformat(signed_at[:10]) - date.fromisoformat(day)).days
    except ValueError:
        return False
    return -1 <= before <= 2


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
