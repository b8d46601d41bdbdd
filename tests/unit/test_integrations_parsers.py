"""The log parsers on constructed input: quirks of each format, DST, rotation, growing
files, line reading, detection and errors."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO, cast
from zoneinfo import ZoneInfo

import pytest

import sessiond.integrations
from sessiond.errors import InputError
from sessiond.i18n import set_language
from sessiond.integrations import (
    Connection,
    LogFormatError,
    LogReadError,
    TailState,
    detect,
    format_from_name,
    normalise_partner,
    read_connections,
    read_increment,
)
from sessiond.integrations.text import MAX_LINE, iter_lines, sniff_encoding
from sessiond.integrations.timeparse import in_zone, parse_zone

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "remote_logs"
UTC_ZONE = ZoneInfo("UTC")
PARIS = ZoneInfo("Europe/Paris")


def u(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
      second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def conns(data: bytes, tz: ZoneInfo = UTC_ZONE, **kw: str) -> list[Connection]:
    return list(read_connections(data, tz=tz, **kw))


# -- partner IDs ---------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "expected"), [
    ("1 660 360 496", "1660360496"), (" 123456789 ", "123456789"),
    ("123456789@ad", "123456789@ad"), ("user1@ad", "user1@ad"), ("-", None), ("", None),
    (None, None), ("9" * 65, None),
])
def test_partner_ids_are_normalised(raw: str | None, expected: str | None) -> None:
    assert normalise_partner(raw) == expected


# -- TeamViewer connection files -----------------------------------------------------------
INCOMING = (
    b"\n467594557\tLandon Ross\t17-01-2016 18:08:34\t17-01-2016 18:14:03\tLandon Tolman"
    b"\tRemoteControl\t\t"
    b"\n977352472\tLandon Ross\t05-01-2018 23:56:06\t06-01-2018 00:00:12\t<unknown>"
    b"\tFiletransfer\t\t"
    b"\n266979383\tLandon Ross\t07-11-2017 14:47:13\t07-11-2017 14:55:34\tLandon Tolman"
    b"\tRemoteControl\t{5DBC2847-CB8C-41EC-B2F3-509A47E3211C}\t"
)


def test_incoming_rows_with_spaces_empty_guid_and_midnight() -> None:
    found = conns(INCOMING, name="Connections_incoming.txt")
    assert [(c.partner_id, c.start, c.end, c.line) for c in found] == [
        ("467594557", u(2016, 1, 17, 18, 8, 34), u(2016, 1, 17, 18, 14, 3), 2),
        ("977352472", u(2018, 1, 5, 23, 56, 6), u(2018, 1, 6, 0, 0, 12), 3),
        ("266979383", u(2017, 11, 7, 14, 47, 13), u(2017, 11, 7, 14, 55, 34), 4)]
    assert all(c.accepted and c.direction == "incoming" for c in found)


def test_outgoing_rows_long_user_without_separator_and_tabs() -> None:
    long_user = "x" * 40
    data = ("\n1352189396                      14-05-2024 11:10:19             "
            "14-05-2024 11:12:40             vmwin                           RemoteControl"
            "                   {377a2576-043e-45f3-b3d5-8571a758a766}"
            f"\n111222333\t14-05-2024 12:00:00\t14-05-2024 12:30:00\t{long_user}RemoteControl"
            ).encode()
    found = conns(data, fmt="teamviewer-outgoing")
    assert [(c.partner_id, c.start, c.end) for c in found] == [
        ("1352189396", u(2024, 5, 14, 11, 10, 19), u(2024, 5, 14, 11, 12, 40)),
        ("111222333", u(2024, 5, 14, 12), u(2024, 5, 14, 12, 30))]


def test_an_end_before_the_start_is_clamped() -> None:
    data = b"\n1\tn\t02-01-2024 10:00:00\t01-01-2024 10:00:00\tu\tRemoteControl\t\t"
    [c] = conns(data)
    assert c.end == c.start


# -- TeamViewer log: DST, rotation, outgoing markers ---------------------------------------
def tv(stamp: str, message: str, pid: str = "2216", tag: str = "S0") -> str:
    return f"{stamp}  {pid}       2492 {tag}   {message}"


def tv_session(times: tuple[str, str, str, str], index: int = 3) -> list[str]:
    start, hello, auth, end = times
    return [
        tv(start, f"CommandHandlerRouting[{index}]::CreatePassiveSession(): incoming session"
                  " via router1.teamviewer.com, protocol Tcp"),
        tv(hello, "Negotiating session encryption: client hello received from 123456789, "
                  "RSA key length = 4096"),
        tv(auth, "CPersistentParticipantManager::AddParticipant: [123456789,42] type=6 "
                 "name=Client"),
        tv(end, f"CStreamManager[{index}]::ReceivedEndSession(): reason=1"),
    ]


def tv_log(header: str, body: list[str]) -> bytes:
    return "\n".join([tv(header.split(" (")[0], ""), f"Start:              {header}",
                      "Version:            15.50.5 (64-bit)", "", *body, ""]).encode()


@pytest.mark.parametrize("tz", [PARIS, UTC_ZONE])
def test_log_follows_the_autumn_dst_change_inside_the_file(tz: ZoneInfo) -> None:
    # Header at UTC+2 (summer); at 03:00 the clock goes back to 02:00. In Paris the log is
    # read in the zone (fold rule); with another zone, the backward jump is detected.
    body = [tv("2024/10/27 02:55:00.000", "keepalive"),
            *tv_session(("2024/10/27 02:56:00.000", "2024/10/27 02:56:01.000",
                         "2024/10/27 02:59:59.000", "2024/10/27 02:20:00.000"))]
    body.insert(4, tv("2024/10/27 02:00:30.000", "keepalive (second pass)"))
    [c] = conns(tv_log("2024/10/27 02:50:00.000 (UTC+2:00)", body), tz)
    assert (c.start, c.end, c.partner_id, c.outcome) == (
        u(2024, 10, 27, 0, 56), u(2024, 10, 27, 1, 20), "123456789", "accepted")


@pytest.mark.parametrize(("header", "before", "after", "expected_end"), [
    # Europe (UTC+2 in summer): back from 03:00 to 02:00 on 27-10-2024, 01:00 UTC
    ("2024/10/27 02:50:00.000 (UTC+2:00)", "2024/10/27 02:59:59.000",
     "2024/10/27 02:20:00.000", u(2024, 10, 27, 1, 20)),
    # the USA's Pacific coast (UTC-7 in summer): 02:00 to 01:00 on 03-11-2024
    ("2024/11/03 01:30:00.000 (UTC-7:00)", "2024/11/03 01:59:00.000",
     "2024/11/03 01:10:00.000", u(2024, 11, 3, 9, 10)),
    # Sydney (UTC+11 in its summer): 03:00 to 02:00 on 07-04-2024
    ("2024/04/07 02:30:00.000 (UTC+11:00)", "2024/04/07 02:58:00.000",
     "2024/04/07 02:05:00.000", u(2024, 4, 6, 16, 5)),
    # Lord Howe Island moves its clocks back by half an hour (02:00 to 01:30)
    ("2024/04/07 01:40:00.000 (UTC+11:00)", "2024/04/07 01:59:00.000",
     "2024/04/07 01:35:00.000", u(2024, 4, 6, 15, 5)),
])
def test_log_from_another_zone_follows_a_real_change_back(
        header: str, before: str, after: str, expected_end: datetime) -> None:
    # The header's offset is not the caller's zone's (UTC): the jump back is a DST change
    # because a zone with that offset moved its clocks back then, by that much.
    body = tv_session((header.split(" (")[0], header.split(" (")[0], before, after))
    [c] = conns(tv_log(header, body), UTC_ZONE)
    assert c.end == expected_end


@pytest.mark.parametrize(("header", "before", "after"), [
    # a clock set back by 45 min, 1 h, 2 h or 3 h on an ordinary summer day
    ("2024/06/01 10:00:00.000 (UTC+2:00)", "2024/06/01 10:50:00.000", "2024/06/01 10:05:00.000"),
    ("2024/06/01 10:00:00.000 (UTC+2:00)", "2024/06/01 10:50:00.000", "2024/06/01 09:50:00.000"),
    ("2024/06/01 10:00:00.000 (UTC+2:00)", "2024/06/01 12:00:00.000", "2024/06/01 10:00:30.000"),
    ("2024/06/01 10:00:00.000 (UTC+2:00)", "2024/06/01 13:10:00.000", "2024/06/01 10:10:00.000"),
    # the night of Europe's change, but a week early
    ("2024/10/20 02:50:00.000 (UTC+2:00)", "2024/10/20 02:59:59.000", "2024/10/20 02:20:00.000"),
    # the right night, but the clock went back 2 h where the zones went back 1 h
    ("2024/10/27 02:50:00.000 (UTC+2:00)", "2024/10/27 02:59:59.000", "2024/10/27 00:50:00.000"),
    # the right amount, but an hour before the change
    ("2024/10/27 01:50:00.000 (UTC+2:00)", "2024/10/27 01:59:00.000", "2024/10/27 00:55:00.000"),
])
def test_log_from_another_zone_reads_a_clock_set_back_at_the_headers_offset(
        header: str, before: str, after: str) -> None:
    # Read at the header's offset (the caller's zone, UTC, disagrees), a jump back of 30
    # minutes to 3 hours was taken as a DST change whatever its date, and every later line
    # was read an hour (or two, three) late. Only a real zone's change is one.
    wall = datetime.strptime(after, "%Y/%m/%d %H:%M:%S.%f")
    later = (wall + timedelta(minutes=10)).strftime("%Y/%m/%d %H:%M:%S.000")
    body = [tv(before, "keepalive"), *tv_session((after, after, after, later))]
    [c] = conns(tv_log(header, body), UTC_ZONE)
    start = (wall - timedelta(hours=2)).replace(tzinfo=UTC)
    assert (c.start, c.end) == (start, start + timedelta(minutes=10))


@pytest.mark.parametrize(("header", "times", "expected"), [
    # TeamViewer (re)started in the second pass of the repeated hour: its block says
    # UTC+1, so 02:35 is 01:35 UTC, not the first pass (00:35 UTC).
    ("2024/10/27 02:30:00.000 (UTC+1:00)",
     ("2024/10/27 02:35:00.000", "2024/10/27 02:35:01.000", "2024/10/27 02:35:10.000",
      "2024/10/27 02:45:00.000"), (u(2024, 10, 27, 1, 35), u(2024, 10, 27, 1, 45))),
    # Started in the first pass (UTC+2), its first session line already in the second.
    ("2024/10/27 02:50:00.000 (UTC+2:00)",
     ("2024/10/27 02:10:00.000", "2024/10/27 02:10:01.000", "2024/10/27 02:10:10.000",
      "2024/10/27 02:20:00.000"), (u(2024, 10, 27, 1, 10), u(2024, 10, 27, 1, 20))),
    # The first pass stays the first pass.
    ("2024/10/27 02:30:00.000 (UTC+2:00)",
     ("2024/10/27 02:35:00.000", "2024/10/27 02:35:01.000", "2024/10/27 02:35:10.000",
      "2024/10/27 02:45:00.000"), (u(2024, 10, 27, 0, 35), u(2024, 10, 27, 0, 45))),
])
def test_log_start_block_tells_which_pass_of_the_repeated_hour(
        header: str, times: tuple[str, str, str, str],
        expected: tuple[datetime, datetime]) -> None:
    [c] = conns(tv_log(header, tv_session(times)), PARIS)
    assert (c.start, c.end) == expected


def test_log_follows_the_spring_dst_change_in_the_callers_zone() -> None:
    body = tv_session(("2024/03/31 01:55:00.000", "2024/03/31 01:55:01.000",
                       "2024/03/31 01:56:00.000", "2024/03/31 03:20:00.000"))
    [c] = conns(tv_log("2024/03/31 01:50:00.000 (UTC+1:00)", body), PARIS)
    assert (c.start, c.end) == (u(2024, 3, 31, 0, 55), u(2024, 3, 31, 1, 20))


@pytest.mark.parametrize(("zone", "minutes"), [
    ("UTC-8:00", -480), ("UTC+5:30", 330), ("UTC+3:00", 180), ("UTC", 0), ("CDT", -300),
    ("Mars", None), ("UTC+25:00", None)])
def test_header_zones(zone: str, minutes: int | None) -> None:
    assert parse_zone(zone) == minutes


def test_log_abbreviated_zone_and_half_hour_offset() -> None:
    body = tv_session(("2024/06/01 10:00:00.000", "2024/06/01 10:00:01.000",
                       "2024/06/01 10:00:10.000", "2024/06/01 10:30:00.000"))
    [cdt] = conns(tv_log("2024/06/01 09:00:00.000 (CDT)", body), PARIS)
    [ist] = conns(tv_log("2024/06/01 09:00:00.000 (UTC+5:30)", body), PARIS)
    assert cdt.start == u(2024, 6, 1, 15)
    assert ist.start == u(2024, 6, 1, 4, 30)


def test_log_without_header_uses_the_callers_zone() -> None:
    body = "\n".join([*tv_session(("2024/06/01 10:00:00.000", "2024/06/01 10:00:01.000",
                                   "2024/06/01 10:00:10.000", "2024/06/01 10:30:00.000")),
                      ""])
    [c] = conns(body.encode(), PARIS, fmt="teamviewer-log")
    assert c.start == u(2024, 6, 1, 8)


def test_log_outgoing_accepted_rejected_and_failed() -> None:
    body = [
        tv("2018/05/29 16:42:56.838", "Trying connection to 904922222, mode = 1", "11052",
           "G1"),
        tv("2018/05/29 16:42:57.339", "CommandHandlerRouting[5]::CreateActiveSession(): "
           "outgoing session to 904922222 via server70205.teamviewer.com, protocol Tcp"),
        tv("2018/05/29 16:43:03.143", "Client connection to 904922222, server version is "
           "12.0.93330 , OS=32768 Participant=[904922222,227307939]", "11052", "G1"),
        tv("2018/05/29 16:44:35.384", "ShowSponsoredSessionDialog: duration=1, "
           "usedLicense=10000, outgoing=1, established=1"),
        tv("2018/05/29 16:44:35.385", "CGatewaySession[5]::EndSession(): Session to "
           "904922222 ended. Estimated capacity=195366kBit/s, Latency=0ms"),
        tv("2018/05/29 17:12:15.356", "Trying connection to 438668351, mode = 1", "11192",
           "G1"),
        tv("2018/05/29 17:12:17.833", "LoginOutgoing: authentication denied", "11192", "G1"),
        tv("2018/05/29 17:12:17.915", "CGatewaySession[22199]::EndSession(): Session to "
           "438668351 ended. Estimated capacity=2582kBit/s, Latency=0ms"),
        tv("2018/05/29 18:19:37.029", "Trying connection to 212757733, mode = 1", "12740",
           "G2"),
        tv("2018/05/29 18:19:37.300", "LoginOutgoing: ConnectFinished - error: KeepAliveLost",
           "12740", "G2!!"),
    ]
    found = conns(tv_log("2018/05/29 16:00:00.000 (UTC+8:00)", body), PARIS)
    assert [(c.direction, c.partner_id, c.start, c.end, c.outcome) for c in found] == [
        ("outgoing", "904922222", datetime(2018, 5, 29, 8, 42, 56, 838000, tzinfo=UTC),
         datetime(2018, 5, 29, 8, 44, 35, 385000, tzinfo=UTC), "accepted"),
        ("outgoing", "438668351", datetime(2018, 5, 29, 9, 12, 15, 356000, tzinfo=UTC),
         datetime(2018, 5, 29, 9, 12, 17, 915000, tzinfo=UTC), "rejected"),
        ("outgoing", "212757733", datetime(2018, 5, 29, 10, 19, 37, 29000, tzinfo=UTC),
         datetime(2018, 5, 29, 10, 19, 37, 300000, tzinfo=UTC), "failed")]


def test_incoming_attempt_without_authentication_is_failed() -> None:
    body = [tv("2018/04/16 12:04:13.000", "CommandHandlerRouting[7]::CreatePassiveSession():"
               " incoming session via server1.teamviewer.com, protocol Tcp"),
            tv("2018/04/16 12:04:13.200", "Negotiating session encryption: client hello "
               "received from 271421514, RSA key length = 2048"),
            tv("2018/04/16 12:04:14.900", "CGatewaySession[7]::EndSession(): Session to "
               "271421514 ended. Estimated capacity=1kBit/s, Latency=0ms")]
    [c] = conns(tv_log("2018/04/16 07:20:56.093 (UTC-6:00)", body), PARIS)
    assert (c.partner_id, c.outcome, c.accepted) == ("271421514", "failed", False)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"no samples at {SAMPLES}")
def test_rotation_to_old_file_pairs_the_end_with_the_start() -> None:
    lines = (SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log").read_bytes().split(b"\n")
    old, current = b"\n".join(lines[:700]) + b"\n", b"\n".join(lines[700:])
    # Each file alone: the start with no end, and an end with no start (ignored).
    [opened] = conns(old, PARIS, name="TeamViewer15_Logfile_OLD.log")
    assert opened.end is None and opened.accepted
    assert conns(current, PARIS, name="TeamViewer15_Logfile.log") == []
    # Read as the daemon does: _OLD, then the new file from offset 0 with the same state.
    first = read_increment(io.BytesIO(old), tz=PARIS, name="TeamViewer15_Logfile_OLD.log")
    assert first.connections == () and [c.key for c in first.open] == [opened.key]
    state = TailState.from_json(first.state.to_json())
    second = read_increment(io.BytesIO(current), 0, state, tz=PARIS)
    assert second.restarted and second.open == ()
    [closed] = second.connections
    assert (closed.key, closed.line, closed.start) == (opened.key, 557, opened.start)
    assert closed.end == datetime(2024, 2, 16, 14, 18, 36, 100000, tzinfo=UTC)


# -- AnyDesk: zones and Windows lines ------------------------------------------------------
def ad(stamp: str, comp: str, msg: str, proc: str = "back", level: str = "info") -> str:
    return f"{level:>7} {stamp} {proc:>10}   4668   6440 {comp:>37} - {msg}"


def test_anydesk_windows_user_trace_and_alias() -> None:
    data = "\n".join([
        ad("2024-02-16 20:29:04.298", "app.backend_session",
           "Incoming session request: Richard Beard (221 436 813)"),
        ad("2024-02-16 20:29:10.000", "app.backend_session", "Session started (ok)."),
        ad("2024-02-16 20:41:00.500", "app.backend_session", "Session stopped."),
        ad("2024-02-16 21:00:00.000", "app.backend_session",
           "Incoming session request: - (user2@ad)"),
        ad("2024-02-16 21:00:30.000", "app.backend_session", "Session stopped."),
        "",  # every line of a trace ends with a newline
    ]).encode()
    found = conns(data, UTC_ZONE, name="ad.trace")
    assert [(c.partner_id, c.start, c.end, c.outcome) for c in found] == [
        ("221436813", datetime(2024, 2, 16, 20, 29, 4, 298000, tzinfo=UTC),
         datetime(2024, 2, 16, 20, 41, 0, 500000, tzinfo=UTC), "accepted"),
        ("user2@ad", u(2024, 2, 16, 21), u(2024, 2, 16, 21, 0, 30), "failed")]


@pytest.mark.parametrize(("wall", "expected"), [
    ("2024-03-31 02:30:00.000", u(2024, 3, 31, 1, 30)),  # skipped hour: fold=0
    ("2024-10-27 02:30:00.000", u(2024, 10, 27, 0, 30)),  # repeated hour: fold=0
])
def test_anydesk_missing_and_ambiguous_local_times(wall: str, expected: datetime) -> None:
    data = ad(wall, "app.backend_session", "Incoming session request: x (123)\n").encode()
    [c] = conns(data, PARIS)
    assert c.start == expected and c.end is None


def test_anydesk_second_pass_of_the_repeated_hour() -> None:
    data = "\n".join([
        ad("2024-10-27 02:50:00.000", "app.backend_session", "Incoming session request: x (1)"),
        ad("2024-10-27 02:55:00.000", "app.backend_session", "Session started (ok)."),
        ad("2024-10-27 02:10:00.000", "app.backend_session", "Session stopped."), "",
    ]).encode()
    [c] = conns(data, PARIS)
    assert (c.start, c.end) == (u(2024, 10, 27, 0, 50), u(2024, 10, 27, 1, 10))


def test_fold_rule() -> None:
    local = datetime(2024, 10, 27, 2, 30)
    assert in_zone(local, PARIS, None) == u(2024, 10, 27, 0, 30)
    assert in_zone(local, PARIS, u(2024, 10, 27, 0, 59)) == u(2024, 10, 27, 1, 30)
    assert in_zone(datetime(1, 1, 1), ZoneInfo("Asia/Tokyo"), None) is None  # overflow


# -- growing files -------------------------------------------------------------------------
def grow(data: bytes, cuts: list[int], tz: ZoneInfo, name: str) -> list[Connection]:
    """Read `data` as a file that grows to each cut, through JSON-saved states."""
    found: list[Connection] = []
    offset, state = 0, None
    for cut in [*cuts, len(data)]:
        inc = read_increment(io.BytesIO(data[:cut]), offset, state, tz=tz, name=name)
        found.extend(inc.connections)
        offset, state = inc.offset, TailState.from_json(inc.state.to_json())
    return found + list(inc.open)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"no samples at {SAMPLES}")
@pytest.mark.parametrize("sample", ["anydesk/anydesk_var_log.trace",
                                    "teamviewer/TeamViewer15_Logfile.log",
                                    "teamviewer/connections_incoming.txt"])
def test_reading_a_growing_file_gives_what_one_read_gives(sample: str) -> None:
    data = (SAMPLES / sample).read_bytes()
    whole = conns(data, PARIS, name=Path(sample).name)
    cuts = sorted({len(data) * k // 7 for k in range(1, 7)} | {1, 2, len(data) - 1})
    assert sorted(grow(data, cuts, PARIS, Path(sample).name),
                  key=lambda c: c.line) == sorted(whole, key=lambda c: c.line)


def test_incoming_file_last_row_is_seen_before_the_next_one_arrives() -> None:
    first = read_increment(io.BytesIO(INCOMING), tz=UTC_ZONE, fmt="teamviewer-incoming")
    assert len(first.connections) == 3 and first.offset == len(INCOMING)
    more = INCOMING + b"\n5\tx\t01-01-2024 10:00:00\t01-01-2024 11:00:00\tu\tRemoteControl\t\t"
    second = read_increment(io.BytesIO(more), first.offset, first.state, tz=UTC_ZONE)
    assert [(c.partner_id, c.line) for c in second.connections] == [("5", 5)]
    partial = more[:-3]
    third = read_increment(io.BytesIO(partial), first.offset, first.state, tz=UTC_ZONE)
    assert third.connections == () and third.offset == first.offset + 1


def test_only_complete_lines_are_consumed_and_max_bytes_bounds_a_call() -> None:
    data = FIXTURES.joinpath("rustdesk", "rustdesk_r2026-04-12_17-11-54.log").read_bytes()
    cut = data.index(b"Exit io_loop") + 5
    inc = read_increment(io.BytesIO(data[:cut]), tz=UTC_ZONE)
    assert data[inc.offset - 1:inc.offset] == b"\n" and inc.connections == ()
    assert len(inc.open) == 1 and inc.open[0].end is None
    small = read_increment(io.BytesIO(data), tz=UTC_ZONE, max_bytes=300)
    assert small.offset <= 300 and data[small.offset - 1:small.offset] == b"\n"


def test_rustdesk_daily_rotation_with_state() -> None:
    day1 = FIXTURES.joinpath("rustdesk", "rustdesk_r2026-03-28_23-58-10.log").read_bytes()
    day2 = FIXTURES.joinpath("rustdesk", "rustdesk_r2026-03-29_00-00-00.log").read_bytes()
    first = read_increment(io.BytesIO(day1), tz=PARIS)
    second = read_increment(io.BytesIO(day2), 0, first.state, tz=PARIS)
    [c] = second.connections
    assert (c.partner_id, c.start, c.end, c.outcome, c.key) == (
        "555123456", datetime(2026, 3, 28, 22, 58, 40, 250000, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 15, 20, 400000, tzinfo=UTC), "accepted",
        first.open[0].key)


def test_offset_past_the_end_restarts() -> None:
    inc = read_increment(io.BytesIO(INCOMING), 10_000, tz=UTC_ZONE, fmt="teamviewer-incoming")
    assert inc.restarted and len(inc.connections) == 3


@pytest.mark.parametrize("text", ["", "{", "[]", '{"v": 1}', '{"v":1,"fmt":"x"}',
                                  '{"v":1,"fmt":"rustdesk-log","encoding":"utf-8","offset":-1,'
                                  '"line":0,"pending":false,"parser":{}}'])
def test_damaged_states_are_refused_clearly(text: str) -> None:
    with pytest.raises(LogFormatError):
        TailState.from_json(text)


def test_damaged_parser_state_is_refused_clearly() -> None:
    bad = TailState("teamviewer-log", "utf-8", 0, 0, False, {"open": [{"k": 1}], "vars": {}})
    with pytest.raises(LogFormatError):
        read_increment(io.BytesIO(b"x\n"), 0, bad, tz=UTC_ZONE)


# -- lines and encodings -------------------------------------------------------------------
def test_line_ends_lf_crlf_and_stray_cr() -> None:
    row = b"1\tn\t01-01-2024 10:00:00\t01-01-2024 11:00:00\tu\tRemoteControl\t\t"
    data = b"\r\n" + row + b"\r" + row.replace(b"1\t", b"2\t", 1) + b"\n" + row.replace(
        b"1\t", b"3\t", 1)
    found = conns(data, fmt="teamviewer-incoming")
    assert [(c.partner_id, c.line) for c in found] == [("1", 2), ("2", 2), ("3", 3)]


def test_over_long_lines_are_truncated_with_bounded_memory() -> None:
    huge = b"[2026-04-12 17:12:04.147039 -04:00] INFO [src/flutter.rs:1] Session 7 start " + (
        b"y" * (3 * MAX_LINE))
    data = huge + b"\n" + b"[2026-04-12 17:13:00.000000 -04:00] DEBUG [a] Exit io_loop of id=7\n"
    lines = list(iter_lines(io.BytesIO(data), 0, "utf-8"))
    assert [len(x.data) for x in lines] == [MAX_LINE, len(data.split(b"\n")[1])]
    assert lines[0].truncated and lines[0].end == len(huge) + 1
    [c] = conns(data)
    assert (c.partner_id, c.line) == ("7", 1)


@pytest.mark.parametrize(("head", "expected"), [
    (b"\xef\xbb\xbfabc", ("utf-8", 3)), (b"\xff\xfea\x00", ("utf-16-le", 2)),
    (b"\xfe\xff\x00a", ("utf-16-be", 2)), ("abcdefgh\n".encode("utf-16-le"), ("utf-16-le", 0)),
    ("abcdefgh\n".encode("utf-16-be"), ("utf-16-be", 0)), (b"\x00" * 100, ("utf-8", 0)),
    (b"caf\xe9 \xe0 la cr\xe8me", ("utf-8", 0)),
])
def test_encoding_sniffing(head: bytes, expected: tuple[str, int]) -> None:
    assert sniff_encoding(head) == expected


def test_ansi_bytes_fall_back_to_latin1() -> None:
    data = b"\n123\tJos\xe9 \xc0\t01-01-2024 10:00:00\t01-01-2024 11:00:00\tu\tRemoteControl\t\t"
    [c] = conns(data)
    assert c.partner_id == "123"


def test_utf16_offsets_stay_aligned() -> None:
    text = "ab\ncd\n\u0a0a\nend"  # U+0A0A encodes as 0a 0a: not a line end in UTF-16
    data = text.encode("utf-16-le")
    lines = list(iter_lines(io.BytesIO(data), 0, "utf-16-le"))
    assert [x.data.decode("utf-16-le") for x in lines] == ["ab", "cd", "\u0a0a", "end"]
    assert [x.end for x in lines] == [6, 12, 16, 22]


# -- detection and errors ------------------------------------------------------------------
@pytest.mark.parametrize(("name", "fmt"), [
    ("Connections.txt", "teamviewer-outgoing"),
    ("C:\\Program Files\\TeamViewer\\Connections_incoming.txt", "teamviewer-incoming"),
    ("TeamViewer15_Logfile_OLD.log", "teamviewer-log"),
    ("TeamViewer13_Logfile.log", "teamviewer-log"),
    ("/var/log/anydesk.trace", "anydesk-service-trace"),
    ("/home/u/.anydesk/anydesk.trace", "anydesk-trace"),
    ("C:\\ProgramData\\AnyDesk\\ad_svc.trace", "anydesk-service-trace"),
    ("ad.trace", "anydesk-trace"), ("rustdesk_rCURRENT.log", "rustdesk-log"),
    ("RustDesk_r2025-11-23_19-44-47.log", "rustdesk-log"), ("notes.txt", None), (None, None),
])
def test_file_names_as_hints(name: str | None, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


def test_an_empty_file_with_a_known_name_has_no_connections() -> None:
    assert conns(b"", name="Connections_incoming.txt") == []
    assert detect(b"", "TeamViewer15_Logfile.log") == "teamviewer-log"


def test_content_wins_over_the_name() -> None:
    rustdesk = FIXTURES.joinpath("rustdesk", "RustDesk_rCURRENT.log").read_bytes()
    assert detect(rustdesk, "Connections.txt") == "rustdesk-log"


@pytest.mark.parametrize("data", [b"", b"hello world\n", bytes(range(256)), b"\x00" * 5000])
def test_unrecognised_data_is_a_clear_input_error(data: bytes) -> None:
    with pytest.raises(LogFormatError) as caught:
        conns(data)
    assert isinstance(caught.value, InputError) and caught.value.exit_code == 2
    assert "RustDesk" in caught.value.message  # the tools' names in both languages


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(None)


@pytest.mark.usefixtures("english")
def test_bad_arguments_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(LogFormatError, match="Unknown log format 'x'"):
        conns(b"", fmt="x")
    with pytest.raises(LogFormatError, match="Unknown remote-control tool"):
        conns(INCOMING, tool="vnc")
    with pytest.raises(LogFormatError, match="written by teamviewer, not by anydesk"):
        conns(INCOMING, tool="anydesk")
    with pytest.raises(LogReadError, match="Cannot read the log"):
        read_connections(tmp_path / "missing.log", tz=UTC_ZONE)
    with pytest.raises(LogReadError):
        read_connections(tmp_path, tz=UTC_ZONE)  # a directory
    with pytest.raises(LogFormatError, match=r"x\.log is not a TeamViewer, AnyDesk or Rust"):
        conns(b"??", name="x.log")
    assert conns(INCOMING, tool="teamviewer")


def test_reads_from_a_pipe_that_cannot_seek() -> None:
    class Pipe:
        """Short reads and no seek, like a pipe."""

        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def read(self, size: int = -1) -> bytes:
            return self.data.read(min(size, 7) if size >= 0 else -1)

    found = read_connections(cast(BinaryIO, Pipe(INCOMING)), tz=UTC_ZONE)
    assert [c.partner_id for c in found] == ["467594557", "977352472", "266979383"]


# -- the package is core -------------------------------------------------------------------
def test_imports_only_the_standard_library_and_sessiond_errors_and_i18n() -> None:
    package = Path(sessiond.integrations.__file__).parent
    # sessiond.partner: the partner-ID rule the compliance check shares, standard library only
    allowed = {"sessiond.errors", "sessiond.i18n", "sessiond.partner"}
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                top = name.split(".")[0]
                assert (top in sys.stdlib_module_names or top == "__future__"
                        or name in allowed or name.startswith("sessiond.integrations")), (
                    f"{path.name} imports {name}")
    code = ("import sys, sessiond.integrations; print(sorted(m for m in sys.modules "
            "if m.startswith(('sessiond', 'textual', 'pynput', 'apscheduler'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    loaded = {m for m in ast.literal_eval(out) if not m.startswith("sessiond.integrations")}
    assert loaded <= {"sessiond", "sessiond.errors", "sessiond.i18n", "sessiond.partner"}
