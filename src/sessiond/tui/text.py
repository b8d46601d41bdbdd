"""User text on screen, shown as text and nothing else.

Textual reads a plain `str` as markup in most places (Static, Label, DataTable cells,
toasts, the command palette): a client named `[/]` would crash the screen, one named
`[b]x` would be bold, and a `[technician]` in a message would vanish. And a terminal acts
on the control characters a string carries: ESC ] 0 ; ... BEL in a client's name would
retitle the window, ESC [ 2 J clear it. So everything the TUI shows goes through here:
control and bidirectional-override characters are removed, and the result is a Rich
`Text` (the command palette takes a Textual `Content`), never parsed as markup.
"""

from __future__ import annotations

import re

from rich.text import Text


def clean(value: object, *, one_line: bool = False) -> str:
    """`value` as a string a terminal shows as it is: what a terminal acts on removed
    (display.without_controls; a tab is a space; with `one_line`, so is a newline), and
    what shows nothing (a zero-width space, a soft hyphen, a byte order mark) written as
    `\\uXXXX`, as the CLI and the documents write it (display.safe_text): "Jean\\u200bne
    Martin" is not "Jeanne Martin"."""
    from sessiond.display import invisible_written_out, without_controls

    text = without_controls(str(value).replace("\t", " "))
    if not text.isascii():
        text = invisible_written_out(text)
    return text.replace("\n", " ") if one_line else text


def editable(value: str, *, one_line: bool = True) -> str:
    """`value` as a field holds it to be edited, typed, pasted or filled with stored text:
    the one rule of display.field_text (nothing a field cannot show: the controls, the
    direction overrides, and what shows nothing, which a field would save unseen)."""
    from sessiond.display import field_text

    return field_text(value, one_line=one_line)


def plain(value: object, style: str = "", *, one_line: bool = False) -> Text:
    """A Rich Text of `value`, cleaned: markup characters are shown, never parsed."""
    return Text(clean(value, one_line=one_line), style=style)


def keep_no_break_spaces() -> None:
    """Make the no-break spaces of French typography hold on screen too.

    Rich and Textual wrap at any character that `str.isspace()` calls a space, U+00A0 and
    U+202F included: "(C. consom. L221-18)" / ": sa demande", "62,50" / "€". Their word
    patterns are module constants read at each wrap; they are given no-break spaces as
    part of a word. Textual is pinned exactly (pyproject.toml), and the snapshot tests
    show the effect, so a change of either library is seen at once.
    """
    import rich._wrap
    import textual._wrap

    word = r"(?:[^\s]|[\u00a0\u202f])+"
    textual._wrap.re_chunk = re.compile(word + r"[^\S\u00a0\u202f]*|[^\S\u00a0\u202f]+")
    rich._wrap.re_word = re.compile(r"[^\S\u00a0\u202f]*" + word + r"[^\S\u00a0\u202f]*")
