"""TeamViewer log lines of older builds, which write the year in two digits or not at all
(`YY/MM/DD`, `MM/DD`, per dissect) after a `Start:` block with the four digits."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from sessiond.integrations import read_connections
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
