"""A document as a list of blocks, and its plain-text rendering.

A document is laid out once, as blocks; the text and the PDF renderings read the same
blocks, so the two versions the client gets cannot say different things. A block may
name the field of the document's signed data it states (`key`, e.g. "bill.total"): the
verification of a receipt re-renders the blocks from the data and names the field whose
visible text differs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from sessiond.display import safe_text
from sessiond.i18n import language

WIDTH = 78
LABEL = 24  # width of a field's label column in the text version


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str = ""
    key: str = ""


@dataclass(frozen=True)
class Section:
    text: str
    key: str = ""


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    key: str = ""


@dataclass(frozen=True)
class Para:
    text: str
    strong: bool = False
    key: str = ""


@dataclass(frozen=True)
class Amount:
    label: str
    amount: str
    strong: bool = False
    key: str = ""


@dataclass(frozen=True)
class Code:
    """Machine-readable lines (a command, a key, a checkpoint): monospaced, each printed
    whole, never wrapped, so that a token is never cut and a line can be copied as is."""

    lines: tuple[str, ...]
    key: str = ""


Block = Title | Section | Field | Para | Amount | Code


def machine_lines(text: str, width: int = 100, sep: str = ";") -> tuple[str, ...]:
    """A long machine line (checkpoint, events line) cut after `sep` only, never inside a
    field, into lines of at most `width` characters where the fields allow it. Whitespace is
    ignored when such a line is read back."""
    parts = text.split(sep)
    lines: list[str] = []
    current = parts[0]
    for part in parts[1:]:
        if len(current) + len(sep) + len(part) > width:
            lines.append(current + sep)
            current = part
        else:
            current = current + sep + part
    lines.append(current)
    return tuple(lines)


def block_lines(block: Block) -> list[str]:
    """The lines of one block in the text version."""
    out: list[str] = []
    match block:
        case Title(text, subtitle):
            out.append(text.upper())
            if subtitle:
                out.extend(textwrap.wrap(subtitle, WIDTH))
            out.append("=" * WIDTH)
        case Section(text):
            out.extend(["", text, "-" * min(WIDTH, len(text))])
        case Field(label, value):
            head = f"{label} :" if language() == "fr" else f"{label}:"
            lines = _wrap_value(value, WIDTH - LABEL - 1)
            if len(head) > LABEL:
                out.append(head)
                out.extend(" " * (LABEL + 1) + line for line in lines)
            else:
                out.append(f"{head:<{LABEL}} {lines[0]}".rstrip())
                out.extend(" " * (LABEL + 1) + line for line in lines[1:])
        case Para(text, strong):
            out.extend(textwrap.wrap(text.upper() if strong else text, WIDTH) or [""])
        case Amount(label, amount, strong):
            room = WIDTH - len(amount) - 2
            label_lines = textwrap.wrap(label.upper() if strong else label, room) or [""]
            out.extend(label_lines[:-1])
            out.append(f"{label_lines[-1]:<{room}}  {amount}")
        case Code(lines):
            out.extend("  " + line for line in lines)
    # Control characters of stored text (a client name holding an escape sequence) are
    # written out, never sent to the terminal of whoever reads the file.
    return [safe_text(line) for line in out]


def render_text(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        out.extend(block_lines(block))
    return "\n".join(out).rstrip() + "\n"


def _wrap_value(value: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in value.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return lines or [""]
