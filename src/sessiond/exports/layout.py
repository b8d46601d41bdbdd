"""A document as a list of blocks, and its plain-text rendering.

The receipt is laid out once, as blocks; the text and the PDF renderings read the same
blocks, so the two versions the client gets cannot say different things.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from sessiond.i18n import language

WIDTH = 78
LABEL = 24  # width of a field's label column in the text version
CODE_CHUNK = 72  # characters per line of a checkpoint or key (whitespace is ignored back)


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Section:
    text: str


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Para:
    text: str
    strong: bool = False


@dataclass(frozen=True)
class Amount:
    label: str
    amount: str
    strong: bool = False


@dataclass(frozen=True)
class Code:
    """Machine-readable text (checkpoint, key): monospaced, cut at a fixed width."""

    text: str


Block = Title | Section | Field | Para | Amount | Code


def chunks(text: str, size: int = CODE_CHUNK) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def render_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
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
                wrapped = textwrap.wrap(text.upper() if strong else text, WIDTH) or [""]
                out.extend(wrapped)
            case Amount(label, amount, strong):
                room = WIDTH - len(amount) - 2
                label_lines = textwrap.wrap(label.upper() if strong else label, room) or [""]
                out.extend(label_lines[:-1])
                out.append(f"{label_lines[-1]:<{room}}  {amount}")
            case Code(text):
                out.extend("  " + line for line in chunks(text))
    return "\n".join(out).rstrip() + "\n"


def _wrap_value(value: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in value.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return lines or [""]
