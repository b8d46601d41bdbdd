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
            escaped = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
            assert display.safe_text(f"a {char}\n") == f"a {escaped}\n", hex(code)


def test_escapes_in_french_text() -> None:
    assert display.safe_text("Démon\u202f: \x1b[2J arrêté\u202e") == \
        "Démon\u202f: \\u001b[2J arrêté\\u202e"


def test_what_shows_nothing_is_written_out() -> None:
    """A zero-width space, a soft hyphen, a byte order mark or a blank letter made two
    names that differ look the same on every list ("Jean\\u200bne" and "Jeanne")."""
    assert display.safe_text("Jean\u200bne Mar\u00adtin\ufeff \u3164x\u2060") == \
        "Jean\\u200bne Mar\\u00adtin\\ufeff \\u3164x\\u2060"
    # So do the marks of no width that shape nothing: the combining grapheme joiner and
    # Khmer's inherent vowels ("Jean\u034fne" printed as "Jeanne").
    assert display.safe_text("Jean\u034fne \u17b4\u17b5") == "Jean\\u034fne \\u17b4\\u17b5"
    from sessiond.tui.text import clean

    assert clean("Jean\u034fne") == "Jean\\u034fne"
    # The joiners and variation selectors that shape scripts and emoji stay.
    shaped = "👨\u200d👩 می\u200cخواهم ❤\ufe0f"
    assert display.safe_text(shaped) == shaped


def test_what_shows_nothing_beyond_the_bmp_is_written_out() -> None:
    """The tag characters (U+E0000-U+E007F) spell hidden ASCII and printed raw; so did
    the other format characters beyond the BMP and the variation selectors supplement.
    The rule: every Cf of Unicode, and U+E0100-U+E01EF, is written out (eight digits in
    text, a UTF-16 pair that json.loads decodes in JSON), and the duplicate check
    ignores them."""
    import json
    import unicodedata

    from sessiond.sessions import _comparable

    hidden = [chr(c) for c in range(0x10000, sys.maxunicode + 1)
              if unicodedata.category(chr(c)) == "Cf" or 0xE0100 <= c <= 0xE01EF]
    assert "\U000e0041" in hidden and "\U000e0001" in hidden and "\U0001d173" in hidden
    for char in hidden:
        text = f"Jean{char}ne"
        assert display.safe_text(text) == f"Jean\\U{ord(char):08x}ne", hex(ord(char))
        encoded = display.safe_text(json.dumps(text, ensure_ascii=False), json=True)
        assert encoded.isascii() and json.loads(encoded) == text, hex(ord(char))
        assert display.invisible_written_out(text) == f"Jean\\U{ord(char):08x}ne"
        assert display.shows_nothing(char)
        assert _comparable(text) == _comparable("Jeanne"), hex(ord(char))
    # The BMP's escapes are the same in JSON; what shows something beyond the BMP stays.
    assert display.safe_text("\x1b", json=True) == "\\u001b"
    for shown in ("😀", "𝐀", "𠀀", "👍\U0001f3fd"):
        assert display.safe_text(shown) == shown == display.safe_text(shown, json=True)


def test_the_duplicate_check_ignores_every_character_unicode_says_shows_nothing() -> None:
    """An emoji's variation selector (U+FE0F), the other variation selectors (the BMP's,
    Mongolian's), the combining grapheme joiner and Khmer's inherent vowels show nothing
    (Unicode's Default_Ignorable_Code_Point): "Jeanne\ufe0f Martin" was added beside
    "Jeanne Martin" without a word. Every format character too, the BMP's and beyond."""
    import unicodedata

    from sessiond.sessions import _comparable

    ignorable = [chr(c) for c in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(c)) == "Cf"
                 or "VARIATION SELECTOR" in unicodedata.name(chr(c), "")]
    ignorable += ["\u034f", "\u17b4", "\u17b5", *display.BLANK_LETTERS]
    assert {"\ufe0f", "\ufe00", "\u180b", "\u180f", "\U000e01ef", "\u2064"} <= set(ignorable)
    for char in ignorable:
        assert display.shows_nothing(char), hex(ord(char))
        assert _comparable(f"Jean{char}ne Mar{char}tin") == "jeanne martin", hex(ord(char))
    # What shows is compared: a letter, a visible mark, an emoji without its selector.
    assert _comparable("Garage ☕\ufe0f") == _comparable("Garage ☕") != _comparable("Garage")
    assert not any(map(display.shows_nothing, "aé☕\u0301\u093f\u0941 "))


def test_the_tui_writes_out_what_shows_nothing_beyond_the_bmp() -> None:
    from sessiond.tui.text import clean

    assert clean("Jean\U000e0041ne\U000e0100 \U0001bca0x") == \
        "Jean\\U000e0041ne\\U000e0100 \\U0001bca0x"


def test_a_wall_time_shown_in_the_hour_the_clocks_go_back_carries_its_offset() -> None:
    """26 October 2025 in Paris: 02:00-03:00 comes twice; the screens, the compliance
    report and the receipt say which (a CSV cell stays a plain time for the spreadsheet)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from sessiond.display import local_time
    from sessiond.exports import fmt

    paris = ZoneInfo("Europe/Paris")
    summer = datetime(2025, 10, 26, 0, 40, tzinfo=UTC)  # 02:40 (UTC+02:00)
    winter = datetime(2025, 10, 26, 1, 40, tzinfo=UTC)  # 02:40 (UTC+01:00)
    before = datetime(2025, 10, 25, 23, 50, tzinfo=UTC)  # 01:50, once
    assert local_time(summer, paris) == "02:40 (UTC+02:00)"
    assert local_time(winter, paris, "%H:%M:%S") == "02:40:00 (UTC+01:00)"
    assert local_time(before, paris) == "01:50"
    assert fmt.moment(winter, paris, offsets=True).endswith("02:40 (UTC+01:00)")
    assert fmt.moment(winter, paris).endswith(" 02:40")
    assert fmt.time_of_day(summer, paris) == "02:40"


def test_a_field_holds_only_what_it_shows() -> None:
    """The TUI's fields kept a zero-width space, a word joiner or a byte order mark pasted
    from an e-mail (they removed only the controls and the direction overrides): the
    field showed "Jeanne Martin" and saved "Jean\\u200bne Martin", written out on every
    list after. One rule (display.field_text, what tui.text.editable is): a field holds
    no character that safe_text writes out, every one of them, and nothing else goes."""
    from sessiond.tui.text import editable

    unsafe = re.compile(display._UNSAFE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unsafe.match(char) and char not in "\t\n":
            assert display.field_text(f"a{char}b") == "ab", hex(code)
    pasted = "\ufeffJean\u200bne\u2060 Mar\u00adtin\u200e\u202e\u2066 \u200f14h\u2069\x1b[2J"
    assert editable(pasted) == "Jeanne Martin 14h[2J"
    assert display.safe_text(editable(pasted)) == editable(pasted)
    # A tab is a space; a line end is one too in a one-line field, kept in the box.
    assert display.field_text("a\tb\nc") == "a b c"
    assert display.field_text("a\tb\r\nc", one_line=False) == "a b\nc"
    # The joiners and variation selectors that shape scripts and emoji stay, as on output.
    shaped = "👨\u200d👩 می\u200cخواهم ❤\ufe0f"
    assert display.field_text(shaped) == shaped
