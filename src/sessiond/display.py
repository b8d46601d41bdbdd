"""Plain renderings shared by the front ends (CLI, TUI, exports): durations, sessions, and
user-supplied text made safe to print."""

from __future__ import annotations

from datetime import datetime

from sessiond import clock

TYPE_CHECKING = False  # the CLI's output filter imports this module: keep it light
if TYPE_CHECKING:
    import re
    from typing import Any
    from zoneinfo import ZoneInfo

    from sessiond.model import Session

# What a terminal would act on instead of showing: C0 controls (but tab and newline), DEL
# and C1 (ESC [ 2 J clears the screen, ESC ] 0 ; ... BEL retitles the window, U+009B is a
# one-character CSI), the bidirectional overrides and isolates (they reorder what follows:
# "Trojan Source"), line/paragraph separators, and lone surrogates (undecodable argv bytes).
# And what shows nothing, so that two texts that look the same are seen to differ
# ("Jean\u200bne" is not "Jeanne") and nothing hides in one: the soft hyphen, the
# zero-width space, the word joiner and invisible operators, the deprecated format
# characters, the byte order mark, the interlinear annotation marks, the Mongolian vowel
# separator, the Hangul fillers (blank letters), and the marks of no width that shape
# nothing (the combining grapheme joiner, Khmer's inherent vowels). Not the zero-width joiner and
# non-joiner nor the variation selectors of the BMP: they shape the letters and emoji
# around them.
# Beyond the BMP, the rule is the same: every format character (Cf: the tag characters
# U+E0001 and U+E0020-U+E007F, which spell hidden ASCII after an emoji or alone, the
# Egyptian hieroglyph and shorthand format controls, the musical beam and slur marks, the
# Kaithi number signs), and the variation selectors supplement U+E0100-U+E01EF (they
# select nothing on a Latin letter and can carry a hidden byte each). Those are written
# `\UXXXXXXXX` (eight digits) in text, and as the UTF-16 pair `\uXXXX\uXXXX` in JSON,
# which a JSON reader decodes to the character itself (json.loads has no `\U`).
# tests/unit/test_display.py checks this list against unicodedata: every Cf is in it.
_ASTRAL_INVISIBLE = ("\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
                     "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
                     "\U000e0100-\U000e01ef")
_INVISIBLE = ("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064"
              f"\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb{_ASTRAL_INVISIBLE}")
# What a terminal acts on or reorders, of the list above: the controls and the direction
# marks, embeddings, overrides and isolates (the TUI removes them from what it shows).
_ACTED_ON = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
             "\ud800-\udfff")
_UNSAFE = f"[{_ACTED_ON}{_INVISIBLE}]"
# The variation selectors supplement: letters to str.isprintable() (Mn), like the blank
# letters below, so the shortcut of safe_text looks for them (they are the highest
# characters it escapes that isprintable() accepts).
_FIRST_PRINTABLE_ASTRAL = "\U000e0100"
# Of those, the ones str.isprintable() accepts, letters to Unicode that show nothing (the
# Hangul fillers, a "blank" name in some fonts): the shortcut below must look for them,
# and the duplicate check ignores them (sessions._shown_only).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# Unicode's other characters that show nothing (Other_Default_Ignorable_Code_Point, the
# assigned ones that are neither a format character nor a variation selector): the
# combining grapheme joiner and Khmer's two inherent vowels, marks of no width. Marks to
# str.isprintable(), as the blank letters are letters: the shortcut looks for them too.
_IGNORABLE_MARKS = frozenset("\u034f\u17b4\u17b5")
_PRINTABLE_INVISIBLE = BLANK_LETTERS | _IGNORABLE_MARKS


def shows_nothing(char: str) -> bool:
    """Whether `char` is one that shows nothing and that the duplicate check ignores
    (sessions._shown_only): what Unicode calls default-ignorable, by its category where
    it has one: every format character (Cf, the BMP's and beyond it: the tag
    characters), every variation selector (an emoji's U+FE0F, the BMP's, Mongolian's,
    the supplement's: marks named so), the blank letters and the other ignorable marks.
    ("Garage ☕\ufe0f" and "Garage ☕" are one name to the eye.)"""
    import unicodedata

    category = unicodedata.category(char)
    return (category == "Cf" or char in BLANK_LETTERS or char in _IGNORABLE_MARKS
            or (category == "Mn" and "VARIATION SELECTOR" in unicodedata.name(char, "")))


def written_out(char: str) -> str:
    """`char` written out as text writes what it must not show as itself: `\\uXXXX`,
    `\\UXXXXXXXX` beyond the BMP (`\\u1f600` would read as U+1F60 and a "0")."""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _escape(match: re.Match[str]) -> str:
    return written_out(match.group())


def _escape_json(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a JSON string holds a character beyond the BMP as a UTF-16 pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def safe_text(text: str, *, json: bool = False) -> str:
    """`text` with every control, bidi-override, invisible and lone-surrogate character
    written as `\\uXXXX` (`\\UXXXXXXXX` beyond the BMP): visible on a terminal. With
    `json` (`text` is a JSON document, or a string inside one), a character beyond the
    BMP is written as its UTF-16 pair `\\uXXXX\\uXXXX` instead: still valid JSON that
    decodes to the same text."""
    # Every character of _UNSAFE but the blank letters, the ignorable marks and the
    # variation selectors supplement is one str.isprintable() refuses: text it accepts
    # once its line ends, tabs and no-break spaces (French typography) are set aside, and
    # without one of those or a character from U+E0100 up, holds nothing to escape, and goes out
    # without the pattern (`sessiond status` without re).
    shown = text.replace("\n", "").replace("\t", "").replace("\u00a0", "").replace(
        "\u202f", "")
    if shown.isprintable() and (text.isascii() or (
            _PRINTABLE_INVISIBLE.isdisjoint(text) and max(text) < _FIRST_PRINTABLE_ASTRAL)):
        return text
    import re

    return re.sub(_UNSAFE, _escape_json if json else _escape, text)


def without_controls(text: str) -> str:
    """`text` without what a terminal acts on or reorders (the controls but tab and
    newline, the direction marks and overrides, lone surrogates): what the TUI draws,
    writing out only what shows nothing (tui.text.clean)."""
    import re

    return re.sub(f"[{_ACTED_ON}]", "", text)


def field_text(text: str, *, one_line: bool = True) -> str:
    """`text` as a field a person edits holds it (the TUI's inputs, typed, pasted or filled
    with stored text): without any character that `safe_text` writes out (the controls,
    the direction marks and overrides, and what shows nothing: a zero-width space, a word
    joiner, a byte order mark, a soft hyphen...), a tab a space, and with `one_line` a line
    end a space. A field draws its text as it is: what it cannot show written out would be
    saved without the technician seeing it ("Jean\u200bne" in a field looks like
    "Jeanne", and is written out on every list once saved), so it holds only what it
    shows, and what is saved is what was seen. The joiners and the variation selectors
    that shape letters and emoji stay, as they do in every output."""
    import re

    text = re.sub(_UNSAFE, "", text.replace("\t", " "))
    return text.replace("\n", " ") if one_line else text


def safe_line(text: str) -> str:
    """`safe_text` for a one-line field (a name in a table): newlines and tabs too."""
    return safe_text(text).replace("\n", "\\u000a").replace("\t", "\\u0009")


def hms(seconds: int) -> str:
    """1:07:05 — the running clock."""
    sign = "-" if seconds < 0 else ""
    h, rest = divmod(abs(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}"


def hm(seconds: int) -> str:
    """1:07 — a duration in whole minutes (`hms` without its seconds), as the list of the
    day shows it: it changes once a minute, not each second."""
    return hms(seconds)[:-3]


def local_time(instant: datetime | None, tz: ZoneInfo, fmt: str = "%H:%M") -> str:
    """The wall time, with its offset in the hour the clocks go back (clock.local_wall)."""
    return clock.local_wall(instant, tz, fmt) if instant else "—"


def session_data(session: Session, tz: ZoneInfo, now: datetime, *,
                 client: str | None = None) -> dict[str, Any]:
    """A session for JSON output: instants ISO 8601 with offset, durations in seconds.
    `client`: the one it counts for (Sessiond.canonical_client), when the client it was
    recorded for was merged since into another; that one is then `merged_from`."""

    def iso(instant: datetime | None) -> str | None:
        return clock.local_iso(instant, tz) if instant else None

    merged = client is not None and client != session.client_id
    return {
        "session": session.id,
        "client": client if merged else session.client_id,
        **({"merged_from": session.client_id} if merged else {}),
        "state": session.state.value,
        "policy": session.policy,
        "mode": session.mode,
        "tool": session.tool,
        "client_os": session.client_os,
        "planned_at": iso(session.planned_at),
        "started_at": iso(session.started_at),
        "stopped_at": iso(session.stopped_at),
        "stopped_by": session.stopped_by,
        "consent": [{"channel": c.channel, "at": iso(c.at), "seq": c.seq}
                    for c in session.consents],
        "without_consent": session.without_consent,
        "elapsed_seconds": session.elapsed_seconds(now),
        "pauses": [{"start": iso(p.start), "end": iso(p.end),
                    "seconds": p.seconds(now)} for p in session.pauses],
    }


def invisible_written_out(text: str) -> str:
    """`text` with only the characters that show nothing written as `\\uXXXX`: a text
    copy of a receipt issued before safe_text wrote them out holds them as they are, and
    states the same as one that writes them out (exports.receipt_verify)."""
    import re

    return re.sub(f"[{_INVISIBLE}]", _escape, text)
