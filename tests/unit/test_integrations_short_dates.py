"""TeamViewer log lines of older builds, which write the year in two digits or not at all
(`YY/MM/DD`, `MM/DD`, per dissect) after a `Start:` block with the four digits."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sessiond.integrations import LogFormatError, read_connections, read_rotated
from tests.unit.test_integrations_dst_forward import log, tv, utc

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize("shape", ["{m}/{d}", "{yy}/{m}/{d}"])
def test_lines_without_their_full_year_take_the_start_blocks(shape: str) -> None:
    # dissect reads builds before TV11 writing `MM/DD` or `YY/MM/DD` after a `Start:`
    # block with the four digits; such a log read as holding no connection was a wrong
    # import. The year is the block's, and a run across New Year's Eve goes on into the
    # next one.
    def stamp(year: int, month: int, day: int, time: str) -> str:
        date = shape.format(yy=f"{year % 100:02d}", m=f"{month:02d}", d=f"{day:02d}")
        return f"{date} {time}.000"

    body = [tv(stamp(2011, 12, 31, "23:55:00"), "CommandHandlerRouting[3]::CreatePassive"
               "Session(): incoming session via router1.teamviewer.com, protocol Tcp"),
            tv(stamp(2011, 12, 31, "23:55:01"), "Negotiating session encryption: client "
               "hello received from 123456789, RSA key length = 4096"),
            tv(stamp(2011, 12, 31, "23:56:00"), "CPersistentParticipantManager::"
               "AddParticipant: [123456789,42] type=6 name=Client"),
            tv(stamp(2012, 1, 1, "00:10:00"), "CStreamManager[3]::ReceivedEndSession(): "
               "reason=1")]
    (c,) = read_connections(log("2011/12/31 23:50:00.000 (UTC+1:00)", body), tz=PARIS,
                            name="TeamViewer6_Logfile.log")
    assert (c.start, c.end, c.outcome) == (utc("2011-12-31 22:55:00"),
                                           utc("2011-12-31 23:10:00"), "accepted")


def _session(stamps: list[str]) -> list[str]:
    start, hello, auth, end = stamps
    return [tv(start, "CommandHandlerRouting[3]::CreatePassiveSession(): incoming session "
                      "via router1.teamviewer.com, protocol Tcp"),
            tv(hello, "Negotiating session encryption: client hello received from "
                      "123456789, RSA key length = 4096"),
            tv(auth, "CPersistentParticipantManager::AddParticipant: [123456789,42] type=6 "
                     "name=Client"),
            tv(end, "CStreamManager[3]::ReceivedEndSession(): reason=1")]


@pytest.mark.parametrize(("stamps", "expected"), [
    # a 12-hour clock with its marker: 11:55 AM to 12:10 PM, then 12:30 AM (midnight)
    (["2024/02/16 11:55:00.000 AM", "2024/02/16 11:55:01.000 AM",
      "2024/02/16 11:56:00.000 AM", "2024/02/16 12:10:00.000 PM"],
     ("2024-02-16 10:55:00", "2024-02-16 11:10:00")),
    (["2024/02/17 12:30:00.000 AM", "2024/02/17 12:30:01.000 AM",
      "2024/02/17 12:31:00.000 AM", "2024/02/17 1:05:00.000 AM"],
     ("2024-02-16 23:30:00", "2024-02-17 00:05:00")),
    # no milliseconds (dissect: `HH:MM:SS`)
    (["2024/02/16 11:55:00", "2024/02/16 11:55:01", "2024/02/16 11:56:00",
      "2024/02/16 12:10:00"], ("2024-02-16 10:55:00", "2024-02-16 11:10:00")),
])
def test_times_in_other_clocks_are_read(stamps: list[str], expected: tuple[str, str]) -> None:
    (c,) = read_connections(log("2024/02/16 09:00:00.000 (UTC+1:00)", _session(stamps)),
                            tz=PARIS)
    assert (c.start, c.end) == (utc(expected[0]), utc(expected[1]))


@pytest.mark.parametrize("stamp", ["2024/02/16 11:55:00,000", "2024/02/16 13:55:00.000 PM",
                                   "02/16/2024 11:55:00.000"])
def test_a_log_whose_lines_are_dated_otherwise_is_refused_not_read_empty(stamp: str) -> None:
    # Its Start: block makes it a TeamViewer log; none of its lines reads: importing it as
    # holding no connection would hide its sessions.
    with pytest.raises(LogFormatError, match="une forme que sessiond ne sait pas lire"):
        list(read_connections(log("2024/02/16 09:00:00.000 (UTC+1:00)",
                                  _session([stamp] * 4)), tz=PARIS))


def test_a_rotated_file_without_its_year_takes_the_next_files_block(tmp_path: Path) -> None:
    # The _OLD file of a build before TV11 whose process started after the rotation: no
    # block, no year; the current file's block (read ahead) gives both.
    old = tmp_path / "TeamViewer6_Logfile_OLD.log"
    old.write_text("\n".join([*_session(["12/30 10:00:00.000", "12/30 10:00:01.000",
                                         "12/30 10:00:05.000", "12/30 10:20:00.000"]), ""]),
                   encoding="ascii")
    (tmp_path / "TeamViewer6_Logfile.log").write_bytes(
        log("2012/01/02 09:00:00.000 (UTC+1:00)", [tv("01/02 09:05:00.000", "keepalive")]))
    (c,) = read_rotated([tmp_path / "TeamViewer6_Logfile.log", old], tz=PARIS)
    assert (c.start, c.end) == (utc("2011-12-30 09:00:00"), utc("2011-12-30 09:20:00"))
