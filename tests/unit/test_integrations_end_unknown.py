"""A connection whose end the log does not have: the log stops (a Linux user's log, a copy
taken during the session) or its end line is missing (a later session takes its routing
index). Read whole, such a connection is reported with its end unknown and how far the log
went without it (`seen_until`), neither closed at the log's last line nor open until
whenever the log is read; a log still being followed (`read_increment`) keeps it open."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sessiond.integrations import Connection, read_connections, read_increment

UTC_ZONE = ZoneInfo("UTC")


def u(hour: int, minute: int = 0, second: int = 0, day: int = 10) -> datetime:
    return datetime(2024, 3, day, hour, minute, second, tzinfo=UTC)


def tv(hhmmss: str, tag: str, message: str, pid: str = "1200") -> str:
    # A Linux TeamViewer 15 line: the component letter alone (`S`, `G`), header at UTC.
    return f"2024/03/10 {hhmmss}.000  {pid}  {pid}1 {tag}   {message}\n"


HEADER = "2024/03/10 08:00:00.000  1200  12001 S   \nStart:              " \
         "2024/03/10 08:00:00.000 (UTC)\n"
INCOMING = [
    tv("09:00:00", "S", "CommandHandlerRouting::CreatePassiveSession(): incoming session "
                        "via router1, protocol Tcp"),
    tv("09:00:01", "S", "Negotiating session encryption: client hello received from "
                        "123456789, RSA key length = 4096"),
    tv("09:00:09", "S", "CPersistentParticipantManager::AddParticipant: [123456789,5] "
                        "type=6 name=Client"),
]


def whole(text: str, tz: ZoneInfo = UTC_ZONE) -> list[Connection]:
    return list(read_connections(text.encode(), tz=tz))


def test_a_teamviewer_log_that_stops_during_a_session_gives_its_end_unknown() -> None:
    log = HEADER + "".join(INCOMING) + tv("09:40:00", "S", "KeepAlive: ping")
    (c,) = whole(log)
    assert (c.partner_id, c.start, c.outcome) == ("123456789", u(9), "accepted")
    # Not closed at the last line (09:40), not open: the log was read to its end.
    assert c.end is None and c.end_unknown
    assert c.seen_until == u(9, 40)


def test_a_log_still_followed_keeps_the_connection_open() -> None:
    log = (HEADER + "".join(INCOMING) + tv("09:40:00", "S", "KeepAlive: ping")).encode()
    inc = read_increment(io.BytesIO(log), tz=UTC_ZONE, name="TeamViewer15_Logfile.log")
    (c,) = inc.open
    assert c.end is None and c.seen_until is None and not c.end_unknown
    assert inc.connections == ()


def test_a_session_whose_end_line_is_missing_ends_unknown_where_its_index_is_reused() -> None:
    indexed = [line.replace("CommandHandlerRouting::", "CommandHandlerRouting[3]::")
               for line in INCOMING]
    second = tv("11:00:00", "S", "CommandHandlerRouting[3]::CreatePassiveSession(): incoming "
                                 "session via router1, protocol Tcp")
    end = [tv("11:05:00", "S", "CPersistentParticipantManager::AddParticipant: [987654321,7] "
                               "type=6 name=Other"),
           tv("11:20:00", "S", "CStreamManager[3]::ReceivedEndSession(): reason=1")]
    first, later = whole(HEADER + "".join(indexed) + second + "".join(end))
    assert (first.start, first.end, first.seen_until) == (u(9), None, u(11))
    assert first.end_unknown and first.outcome == "accepted"
    assert (later.start, later.end, later.end_unknown) == (u(11), u(11, 20), False)


def test_a_linux_gui_log_with_an_outgoing_attempt_and_no_end() -> None:
    log = HEADER + tv("10:00:00", "G", "Trying connection to 123456789, mode = 1", "3300") \
        + tv("10:00:02", "G", "LoginOutgoing: starting authentication", "3300") \
        + tv("10:30:00", "G", "MainWindow: idle", "3300")
    (c,) = whole(log)
    assert (c.direction, c.partner_id, c.start, c.end) == ("outgoing", "123456789", u(10),
                                                           None)
    assert c.end_unknown and c.seen_until == u(10, 30)


def test_the_end_seen_after_is_known_and_not_unknown() -> None:
    log = HEADER + "".join(INCOMING) + tv(
        "09:30:00", "S", "CPersistentParticipantManager::RemoveParticipant: [123456789,5]")
    (c,) = whole(log)
    assert (c.end, c.seen_until, c.end_unknown) == (u(9, 30), None, False)


def test_anydesk_and_rustdesk_logs_that_stop_give_the_end_unknown_at_their_last_line(
        ) -> None:
    anydesk = (
        "   info 2024-03-10 09:00:00.000    service   main   1214   1214   11"
        "                anynet.any_socket - Accept request from 1001025310 (via relay).\n"
        "   info 2024-03-10 09:00:01.000    service   main   1214   1214   75"
        "                      app.session - 1 - Connecting to console session 1 "
        "(current 1).\n"
        "   auth 2024-03-10 09:00:05.000    service   main   1214   1214   75"
        "                      app.session - 3: Authenticated by local user.\n"
        "   info 2024-03-10 09:50:00.000    service   main   1214   1214    7"
        "            anynet.connection_mgr - Keeping 1 connection.\n")
    (a,) = list(read_connections(anydesk.encode(), tz=UTC_ZONE, name="ad_svc.trace"))
    assert (a.partner_id, a.start, a.end, a.outcome) == ("1001025310", u(9), None,
                                                         "accepted")
    assert a.end_unknown and a.seen_until == u(9, 50)
    rustdesk = (
        "[2024-03-10 10:00:00.000000 +01:00] INFO [src/flutter.rs:1408] Session 16197628 "
        "start, use texture render: true\n"
        "[2024-03-10 10:45:00.000000 +01:00] INFO [src/client.rs:407] rendezvous server: "
        "rs-ny.rustdesk.com:21116\n")
    (r,) = list(read_connections(rustdesk.encode(), tz=UTC_ZONE))
    assert (r.partner_id, r.start, r.end) == ("16197628", u(9), None)
    assert r.end_unknown and r.seen_until == u(9, 45)
