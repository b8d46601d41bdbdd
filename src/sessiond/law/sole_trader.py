"""The individual entrepreneur's mention: since 15 May 2022 every document of an
"entrepreneur individuel" states "EI" (or the words in full) next to his name (Code de
commerce L526-22 and R526-26). One rule for the identity form, receipts and invoices."""

from __future__ import annotations

import re

_MENTION = re.compile(r"(?<!\w)(EI|entrepreneur individuel)(?!\w)", re.IGNORECASE)


def has_mention(name: str) -> bool:
    return _MENTION.search(name) is not None


def with_mention(name: str) -> str:
    """The name as documents print it: spaces collapsed, " EI" added when missing."""
    name = " ".join(name.split())
    return name if not name or has_mention(name) else f"{name} EI"
