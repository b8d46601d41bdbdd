"""display.safe_text: what a terminal would act on is written as \\uXXXX, all else as is."""

from __future__ import annotations

import re
import sys

from sessiond import display


def test_text_with_nothing_to_escape_goes_out_as_it_is() -> None:
    line = "s-k6p7qp  c-4muc5q  en cours  1:07:05  vlh  consentement\u202f: à l'oral\n\tfin\u00a0"
    assert display.safe_text(line) is line


def test_every_character_the_pattern_escapes_is_escaped() -> None:
    # The shortcut (str.isprintable) must never let through a character of the pattern:
    # every code point, alone and inside ordinary text.
    unsafe = re.compile(display._UNSAFE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unsafe.match(char):
            assert display.safe_text(f"a {char}\n") == f"a \\u{code:04x}\n", hex(code)


def test_escapes_in_french_text() -> None:
    assert display.safe_text("Démon\u202f: \x1b[2J arrêté\u202e") == \
        "Démon\u202f: \\u001b[2J arrêté\\u202e"


def test_what_shows_nothing_is_written_out() -> None:
    """A zero-width space, a soft hyphen, a byte order mark or a blank letter made two
    names that differ look the same on every list ("Jean\\u200bne" and "Jeanne")."""
    assert display.safe_text("Jean\u200bne Mar\u00adtin\ufeff \u3164x\u2060") == \
        "Jean\\u200bne Mar\\u00adtin\\ufeff \\u3164x\\u2060"
    # The joiners and variation selectors that shape scripts and emoji stay.
    shaped = "👨\u200d👩 می\u200cخواهم ❤\ufe0f"
    assert display.safe_text(shaped) == shaped
