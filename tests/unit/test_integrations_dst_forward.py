"""The spring change (clocks forward) in a TeamViewer log written in another zone than the
caller's: the `Start:` block's offset is that of the winter, and lines after the skipped
hour are an hour (half an hour at Lord Howe) closer to UTC. A real zone that had that
offset moved its clocks forward between two lines close in real time: the change is
followed, as the change back is; an ordinary quiet hour is not one."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sessiond.integrations import read_connections, read_rotated
from sessiond.integrations.text import lines_holding

PARIS = ZoneInfo("Europe/Paris")


def tv(stamp: str, message: str) -> str:
    return f"{stamp}  2216       2492 S0   {message}"


def session(day: str, start: str, auth: str, end: str) -> list[str]:
    return [
        tv(f"{day} {start}.000", "CommandHandlerRouting[3]::CreatePassiveSession(): incoming "
                                 "session via router1.teamviewer.com, protocol Tcp"),
        tv(f"{day} {start}.500", "Negotiating session encryption: client hello received from "
                                 "123456789, RSA key length = 4096"),
        tv(f"{day} {auth}.000", "CPersistentParticipantManager::AddParticipant: "
                                "[123456789,42] type=6 name=Client"),
        tv(f"{day} {end}.000", "CStreamManager[3]::ReceivedEndSession(): reason=1"),
    ]


def log(header: str, body: list[str]) -> bytes:
    stamp = header.split(" (")[0]
    return "\n".join([tv(stamp, ""), f"Start:              {header}",
                      "Version:            15.50.5 (64-bit)", *body, ""]).encode()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(("day", "offset", "times", "expected"), [
    # New York: 02:00 EST to 03:00 EDT on 10-03-2024 (UTC-5 to UTC-4), 15 min of work
    ("2024/03/10", "UTC-5:00", ("01:55:00", "01:58:00", "03:10:00"),
     ("2024-03-10 06:55:00", "2024-03-10 07:10:00")),
    # London: 01:00 GMT to 02:00 BST on 31-03-2024, read by a technician in Paris
    ("2024/03/31", "UTC", ("00:50:00", "00:55:00", "02:05:00"),
     ("2024-03-31 00:50:00", "2024-03-31 01:05:00")),
    # Sydney: 02:00 to 03:00 on 06-10-2024 (UTC+10 to UTC+11)
    ("2024/10/06", "UTC+10:00", ("01:50:00", "01:59:00", "03:05:00"),
     ("2024-10-05 15:50:00", "2024-10-05 16:05:00")),
    # Lord Howe Island: 02:00 to 02:30 (UTC+10:30 to UTC+11)
    ("2024/10/06", "UTC+10:30", ("01:55:00", "01:58:00", "02:40:00"),
     ("2024-10-05 15:25:00", "2024-10-05 15:40:00")),
])
def test_a_foreign_log_follows_a_real_change_forward(
        day: str, offset: str, times: tuple[str, str, str],
        expected: tuple[str, str]) -> None:
    header = f"{day} {times[0][:2]}:00:00.000 ({offset})"
    (c,) = read_connections(log(header, session(day, *times)), tz=PARIS)
    assert (c.start, c.end) == (utc(expected[0]), utc(expected[1]))


def test_an_offset_that_changes_mid_file_is_followed_before_the_next_block() -> None:
    # Started in winter at UTC-5, the service runs through the change; a later process
    # start writes UTC-4. A session after the change but before that block is read at
    # UTC-4 already, and so is the block's own session.
    body = [tv("2024/03/10 01:59:00.000", "keepalive"),
            *session("2024/03/10", "03:05:00", "03:06:00", "03:20:00"),
            tv("2024/03/10 09:00:00.000", ""),
            "Start:              2024/03/10 09:00:00.000 (UTC-4:00)",
            *[line.replace("[3]", "[4]") for line in session(
                "2024/03/10", "09:10:00", "09:11:00", "09:30:00")]]
    first, second = read_connections(log("2024/03/10 01:00:00.000 (UTC-5:00)", body),
                                     tz=PARIS)
    assert (first.start, first.end) == (utc("2024-03-10 07:05:00"), utc("2024-03-10 07:20:00"))
    assert (second.start, second.end) == (utc("2024-03-10 13:10:00"),
                                          utc("2024-03-10 13:30:00"))


@pytest.mark.parametrize(("day", "times"), [
    # an ordinary winter night: an hour and a quarter of silence is silence
    ("2024/01/14", ("01:55:00", "01:58:00", "03:10:00")),
    # the right night, but a week early
    ("2024/03/03", ("01:55:00", "01:58:00", "03:10:00")),
])
def test_a_quiet_hour_is_no_change_forward(day: str, times: tuple[str, str, str]) -> None:
    (c,) = read_connections(log(f"{day} 01:00:00.000 (UTC-5:00)", session(day, *times)),
                            tz=PARIS)
    wall_end = datetime.strptime(f"{day} {times[2]}", "%Y/%m/%d %H:%M:%S")
    assert c.end == wall_end.replace(tzinfo=UTC) + timedelta(hours=5)  # the header's UTC-5



def test_lines_before_the_first_start_block_take_its_offset(tmp_path: Path) -> None:
    # A rotated _OLD file whose process started after the rotation has no Start: block;
    # its lines were read in the caller's zone (Paris), five or six hours off for a log of
    # New York. They take the offset of the first block further on, in the files read.
    old = tmp_path / "TeamViewer15_Logfile_OLD.log"
    new = tmp_path / "TeamViewer15_Logfile.log"
    old.write_text("\n".join([*session("2024/06/03", "10:00:00", "10:00:05", "10:20:00"),
                              ""]), encoding="ascii")
    new.write_bytes(log("2024/06/03 12:00:00.000 (UTC-4:00)", [tv(
        "2024/06/03 12:05:00.000", "keepalive")]))
    (c,) = read_rotated([new, old], tz=PARIS)
    assert (c.start, c.end) == (utc("2024-06-03 14:00:00"), utc("2024-06-03 14:20:00"))
    # One file whose session comes before its block (TV15 writes lines before it).
    data = "\n".join([*session("2024/06/03", "10:00:00", "10:00:05", "10:20:00"), ""]
                     ).encode() + log("2024/06/03 12:00:00.000 (UTC-4:00)", [])
    (c,) = read_connections(data, tz=PARIS)
    assert c.start == utc("2024-06-03 14:00:00")


@pytest.mark.parametrize("later_block", [True, False])
def test_a_long_silence_across_the_change_is_one_where_a_later_block_says_so(
        later_block: bool) -> None:
    # A session from 01:30 EST to 03:30 EDT (an hour) with no line between: the silence
    # alone cannot tell the change from a quiet hour, but a later Start: block at UTC-4
    # says the offset grew in between.
    body = session("2024/03/10", "01:30:00", "01:30:05", "03:30:00")
    if later_block:
        body += [tv("2024/03/10 20:00:00.000", ""),
                 "Start:              2024/03/10 20:00:00.000 (UTC-4:00)"]
    (c,) = read_connections(log("2024/03/10 01:00:00.000 (UTC-5:00)", body), tz=PARIS)
    assert c.start == utc("2024-03-10 06:30:00")
    assert c.end == utc("2024-03-10 07:30:00" if later_block else "2024-03-10 08:30:00")


def test_the_look_ahead_finds_blocks_across_chunks_in_utf16() -> None:
    # The block after 200 KB of lines (past the reader's 64 KB chunks), in UTF-16 with a
    # BOM as Windows tools may write it: the session before it takes its offset.
    filler = [tv("2024/06/03 09:00:00.000", f"noise {n:06d} " + "x" * 60) for n in range(2500)]
    text = "\n".join([*session("2024/06/03", "10:00:00", "10:00:05", "10:20:00"), *filler,
                      tv("2024/06/03 12:00:00.000", ""),
                      "Start:              2024/06/03 12:00:00.000 (UTC-4:00)", ""])
    data = b"\xff\xfe" + text.encode("utf-16-le")
    assert len(data) > 3 * 64 * 1024
    (c,) = read_connections(data, tz=PARIS)
    assert (c.start, c.end) == (utc("2024-06-03 14:00:00"), utc("2024-06-03 14:20:00"))


def test_a_log_that_writes_the_hour_paris_skips_is_not_in_paris_time() -> None:
    # Algiers (UTC+1 all year) shares Paris's winter offset: its block agrees with the
    # caller's zone, and its lines were read in Paris time, an hour early after 02:00 on
    # the night Paris skips 02:00-03:00. A line at 02:30 that night shows the machine did
    # not skip it: from there on, the block's offset.
    body = session("2024/03/31", "01:50:00", "01:50:05", "03:10:00")
    body.insert(3, tv("2024/03/31 02:30:00.000", "keepalive"))
    (c,) = read_connections(log("2024/03/31 01:00:00.000 (UTC+1:00)", body), tz=PARIS)
    assert (c.start, c.end) == (utc("2024-03-31 00:50:00"), utc("2024-03-31 02:10:00"))


def test_a_paris_log_across_the_spring_change_is_still_read_in_paris_time() -> None:
    (c,) = read_connections(log("2024/03/31 01:00:00.000 (UTC+1:00)", session(
        "2024/03/31", "01:50:00", "01:59:00", "03:10:00")), tz=PARIS)
    assert (c.start, c.end) == (utc("2024-03-31 00:50:00"), utc("2024-03-31 01:10:00"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_the_look_ahead_takes_lines_that_start_with_the_block_only(encoding: str) -> None:
    # TV15 writes `...::Start: registering...` inside messages: never a block. A block on
    # the first line, or split by the reader's 64 KB chunks, is one.
    first = "Start:              2024/06/03 09:00:00.000 (UTC+2:00)"
    noise = tv("2024/06/03 09:00:01.000", "IncomingCommandRegistration::Start: registering")
    pad = "x" * (64 * 1024 // (2 if encoding == "utf-16-le" else 1) - 10)
    text = "\r\n".join([first, noise, pad, "Start:              2024/06/03 10:00:00.000 (UTC)",
                        ""])
    found = list(lines_holding(io.BytesIO(text.encode(encoding)), encoding, "Start:"))
    assert found == [first, "Start:              2024/06/03 10:00:00.000 (UTC)"]
