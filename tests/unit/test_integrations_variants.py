"""The log parsers on variants of the documented formats that the samples do not show:
other layouts of TeamViewer's connection files, Linux TeamViewer log lines, encodings,
files cut short, hostile IDs. What each should give is decided from the format rules in
../shared/reference/remote_logs.md, not from what the parser happened to do."""

from __future__ import annotations

import codecs
import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from sessiond.integrations import (
    Connection,
    LogFormatError,
    detect,
    normalise_partner,
    read_connections,
    read_increment,
)

UTC_ZONE = ZoneInfo("UTC")
PARIS = ZoneInfo("Europe/Paris")


def u(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
      second: int = 0, ms: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, ms * 1000, tzinfo=UTC)


def conns(data: bytes, tz: ZoneInfo = UTC_ZONE, **kw: str) -> list[Connection]:
    return list(read_connections(data, tz=tz, **kw))


def seen(found: list[Connection]) -> list[tuple[object, ...]]:
    return [(c.fmt, c.direction, c.partner_id, c.start, c.end, c.outcome) for c in found]


# -- partner IDs from hostile files --------------------------------------------------------
@pytest.mark.parametrize("raw", ["\x1b[31m1660360496", "1660\x07360496", "166\u202e0360496",
                                 "1660360496\x00", "\x9b2J", "12\ud800"])
def test_an_id_with_control_or_format_characters_is_no_id(raw: str) -> None:
    assert normalise_partner(raw) is None


def test_an_id_grouped_with_no_break_spaces_is_still_an_id() -> None:
    # French typography groups digits with (narrow) no-break spaces: not control characters.
    assert normalise_partner("1\u202f660\u00a0360 496") == "1660360496"


def test_a_forged_escape_sequence_never_becomes_a_partner() -> None:
    row = "\n\x1b]0;pwn\x07\tx\t16-02-2024 14:16:32\t16-02-2024 14:18:36\tu\tRemoteControl\t\t"
    [c] = conns(row.encode(), name="Connections_incoming.txt")
    assert c.partner_id is None  # the connection stays evidence; its "ID" is not one
    trace = ("   info 2024-02-16 20:29:04.298       back   4668   6440                   "
             "app.backend_session - Incoming session request: x (\x1b[2J)\n")
    [a] = conns(trace.encode(), name="ad.trace")
    assert a.partner_id is None


