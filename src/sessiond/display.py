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
# separator and the Hangul fillers (blank letters). Not the zero-width joiner and
# non-joiner nor the variation selectors: they shape the letters and emoji around them.
# (Nor the tag characters, beyond the BMP: \uXXXX holds four digits, and a JSON reader
# must decode the escape to the character itself.)
_INVISIBLE = ("\u00ad\u115f\u1160\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164\ufeff"
              "\uffa0\ufff9-\ufffb")
_UNSAFE = ("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
           f"\ud800-\udfff{_INVISIBLE}]")
# Of those, the ones str.isprintable() accepts, letters to Unicode that show nothing (the
# Hangul fillers, a "blank" name in some fonts): the shortcut below must look for them,
# and the duplicate check ignores them (sessions._shown_only).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_text(text: str) -> str:
    """`text` with every control, bidi-override, invisible and lone-surrogate character
    written as `\\uXXXX`: visible on a terminal, and still valid (and decoding to the
    same text) inside a JSON string, so one filter serves text and JSON output alike."""
    # Every character of _UNSAFE but the blank letters is one str.isprintable() refuses:
    # text it accepts once its line ends, tabs and no-break spaces (French typography) are
    # set aside, and without a blank letter, holds nothing to escape, and goes out without
    # the pattern (`sessiond status` without re).
    if text.replace("\n", "").replace("\t", "").replace("\u00a0", "").replace(
            "\u202f", "").isprintable() and BLANK_LETTERS.isdisjoint(text):
        return text
    import re

    return re.sub(_UNSAFE, _escape, text)


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
    return instant.astimezone(tz).strftime(fmt) if instant else "—"


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
