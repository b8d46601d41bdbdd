"""The log parsers on variants of the documented formats that the samples do not show:
other layouts of TeamViewer's connection files, Linux TeamViewer log lines, encodings,
files cut short, hostile IDs. What each should give is decided from the format rules in
../shared/reference/remote_logs.md, not from what the parser happened to do."""

from __future__ import annotations

import codecs
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sessiond.integrations import (
    Connection,
    LogFormatError,
    TailState,
    detect,
    normalise_partner,
    read_connections,
    read_increment,
    read_rotated,
)
from sessiond.integrations.formats import format_from_name, rotation_order

UTC_ZONE = ZoneInfo("UTC")
PARIS = ZoneInfo("Europe/Paris")


def u(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
      second: int = 0, ms: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, ms * 1000, tzinfo=UTC)


def conns(data: bytes, tz: ZoneInfo = UTC_ZONE, **kw: Any) -> list[Connection]:
    return list(read_connections(data, tz=tz, **kw))


def seen(found: list[Connection]) -> list[tuple[object, ...]]:
    return [(c.fmt, c.direction, c.partner_id, c.start, c.end, c.outcome) for c in found]


# -- partner IDs from hostile files --------------------------------------------------------
@pytest.mark.parametrize("raw", ["\x1b[31m1660360496", "1660\x07360496", "166\u202e0360496",
                                 "1660360496\x00", "\x9b2J", "12\ud800"])
def test_an_id_with_control_or_format_characters_is_no_id(raw: str) -> None:
    assert normalise_partner(raw) is None


@pytest.mark.parametrize("raw", ["user1\u2028@ad", "1660\u2029360496", "\u2028"])
def test_an_id_with_a_line_or_paragraph_separator_is_no_id(raw: str) -> None:
    # U+2028 and U+2029 break the line where the ID is shown (evidence list, receipts).
    assert normalise_partner(raw) is None
    trace = ("   info 2024-02-16 20:29:04.298       back   4668   6440                   "
             f"app.backend_session - Incoming session request: x ({raw})\n")
    assert [c.partner_id for c in conns(trace.encode(), name="ad.trace")] == [None]


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


# -- TeamViewer connection files -----------------------------------------------------------
ROW_IN = ("1660360496\tTestUserRedacted\t16-02-2024 14:16:32\t16-02-2024 14:18:36\tIEUser"
          "\tRemoteControl\t{b3a4df33-d027-44d5-b50f-4e61115494d4}\t")
ROW_NO_NAME = ("1660360496\t16-02-2024 14:16:32\t16-02-2024 14:18:36\tIEUser\tRemoteControl"
               "\t{b3a4df33-d027-44d5-b50f-4e61115494d4}\t")
ROW_OUT = ("1660360496                      20-02-2024 13:10:33             20-02-2024 13:11:52"
           "             IEUser                          RemoteControl                   "
           "{b35110b2-7dc5-4bb9-8d54-ca80953f65f8}")


def test_an_incoming_file_without_the_display_name_column_stays_incoming() -> None:
    # The same TAB row fits Connections.txt's TAB variant: the file's name decides, and a
    # file named Connections_incoming.txt is never read as outgoing.
    data = f"\n{ROW_NO_NAME}\n{ROW_NO_NAME.replace(' 14:1', ' 15:1')}".encode()
    found = conns(data, name=r"C:\Program Files\TeamViewer\Connections_incoming.txt")
    assert seen(found) == [
        ("teamviewer-incoming", "incoming", "1660360496", u(2024, 2, 16, 14, 16, 32),
         u(2024, 2, 16, 14, 18, 36), "accepted"),
        ("teamviewer-incoming", "incoming", "1660360496", u(2024, 2, 16, 15, 16, 32),
         u(2024, 2, 16, 15, 18, 36), "accepted")]
    assert detect(data, "Connections.txt") == "teamviewer-outgoing"
    assert detect(data) == "teamviewer-outgoing"  # no name: the guessed older layout
    # One documented row (with the name) makes it the incoming file whatever the name.
    mixed = f"\n{ROW_IN}\n{ROW_NO_NAME}".encode()
    assert detect(mixed) == detect(mixed, "x.txt") == "teamviewer-incoming"


def test_a_growing_incoming_file_without_the_name_column_reads_its_last_row() -> None:
    data = f"\n{ROW_NO_NAME}".encode()
    inc = read_increment(io.BytesIO(data), tz=UTC_ZONE, name="Connections_incoming.txt")
    assert [c.partner_id for c in inc.connections] == ["1660360496"]
    assert inc.offset == len(data)


@pytest.mark.parametrize("row", [
    ROW_IN.rstrip("\t"),  # no trailing TAB
    ROW_IN.rsplit("\t", 2)[0],  # no GUID column
    ROW_IN + "VPN\t2\t",  # columns a later version might add
    ROW_IN.replace("1660360496", "1 660 360 496"),  # the ID as the GUI groups it
])
def test_incoming_rows_with_extra_or_missing_trailing_columns(row: str) -> None:
    for data in (f"\n{row}".encode(), f"\r\n{row}\r\n".encode("utf-16"),
                 codecs.BOM_UTF8 + f"\n{row}".encode()):
        [c] = conns(data, name="Connections_incoming.txt")
        assert (c.direction, c.partner_id, c.start, c.end) == (
            "incoming", "1660360496", u(2024, 2, 16, 14, 16, 32), u(2024, 2, 16, 14, 18, 36))


@pytest.mark.parametrize("name", [
    "Evil\t16-02-2024 14:20:00",  # an instant after the real start: the session would
    "Evil\t16-02-2024 14:20:00\t16-02-2024 14:21:00",  # seem to open after the consent
    "\t01-01-2024 00:00:00\t01-01-2024 00:00:01\t",
])
def test_a_display_name_holding_tabs_and_instants_forges_no_instant(name: str) -> None:
    # The display name is the partner's choice; TeamViewer writes it between the ID and
    # the instants, unescaped as far as any sample shows. The instants are the last two
    # of the row: only the local user, the type and the GUID come after them.
    row = ROW_IN.replace("TestUserRedacted", name)
    for data in (f"\n{row}".encode(), f"\n{row.rstrip(chr(9))}".encode()):
        [c] = conns(data, name="Connections_incoming.txt")
        assert (c.direction, c.partner_id, c.start, c.end) == (
            "incoming", "1660360496", u(2024, 2, 16, 14, 16, 32), u(2024, 2, 16, 14, 18, 36))
    assert detect(f"\n{row}".encode()) == "teamviewer-incoming"


def test_an_outgoing_id_grouped_by_spaces() -> None:
    row = ROW_OUT.replace("1660360496   ", "1 660 360 496")
    [c] = conns(f"\n{row}".encode(), name="Connections.txt")
    assert (c.partner_id, c.start) == ("1660360496", u(2024, 2, 20, 13, 10, 33))


@pytest.mark.parametrize(("name", "row"), [
    # TeamViewer writes DD-MM-YYYY HH:MM:SS whatever the locale: the four real files come
    # from machines at UTC-8, UTC-6, UTC+3 and UTC+8. Another shape is not its output, so
    # it is refused rather than guessed (02-03 is 2 March here, 3 February in the US).
    ("Connections_incoming.txt", ROW_IN.replace("14:16:32", "02:16:32 PM")
     .replace("14:18:36", "02:18:36 PM")),
    ("Connections_incoming.txt", ROW_IN.replace("16-02-2024", "02/16/2024")),
    ("Connections_incoming.txt", ROW_IN.replace("16-02-2024", "2024-02-16")),
    ("Connections_incoming.txt", ROW_IN.replace("\t", "    ")),  # TABs lost by a copy
    ("Connections.txt", ROW_OUT.replace("20-02-2024", "20.02.2024")),
])
def test_a_connection_file_of_another_shape_is_refused_not_read_as_empty(
        name: str, row: str) -> None:
    with pytest.raises(LogFormatError):
        conns(f"\n{row}".encode(), name=name)


def _later(row: str, hours: int) -> str:
    """`row` with its two instants `hours` later on the same day."""
    for stamp in ("14:16:32", "14:18:36", "13:10:33", "13:11:52"):
        row = row.replace(f" {stamp}", f" {int(stamp[:2]) + hours:02d}{stamp[2:]}")
    return row


@pytest.mark.parametrize(("name", "row"), [
    ("Connections_incoming.txt", ROW_IN),
    ("Connections.txt", ROW_OUT),
], ids=["incoming", "outgoing"])
@pytest.mark.parametrize("damage", [
    lambda r: r.replace("-02-2024", "/02/2024"),  # DD/MM/YYYY, as a French locale writes it
    lambda r: r.replace(":32\t", ":32 PM\t").replace(":33 ", ":33 PM "),  # 12-hour clock
    lambda r: r.replace("16-02-2024", "2024-02-16").replace("20-02-2024", "2024-02-20"),
    lambda r: r.replace("\t", "    ").replace(" " * 13, ";"),  # TABs lost, columns cut
    lambda r: r[:r.index(":") + 3],  # cut in its start by an edit
    lambda r: r.replace("16-02", "30-02").replace("20-02", "30-02"),  # no such day
], ids=["dmy-slashes", "12-hour", "year-first", "tabs-lost", "cut", "no-such-day"])
def test_a_row_among_rows_that_cannot_be_read_refuses_the_file(name: str, row: str,
                                                               damage: object) -> None:
    # Every line of TeamViewer's connection files is a row (after the empty first line):
    # one that cannot be read is a connection a careful reader of the file sees, perhaps
    # the one before the consent. Read without it, the import would say nothing of it;
    # the file is refused naming the line, as a whole file of another shape is.
    assert callable(damage)
    bad = damage(_later(row, 1))
    assert bad != _later(row, 1)
    good = f"\n{row}\n{bad}\n{_later(row, 2)}"
    for data in (good.encode(), good.replace("\n", "\r\n").encode("utf-16")):
        with pytest.raises(LogFormatError, match="La ligne 3 de cette liste de connexions"):
            conns(data, name=name)
    # The last row too, which has no newline after it: one that goes on past where a
    # row's end stands is whole, and refuses the file; one cut before (the row TeamViewer
    # is writing, or a copy cut short) is not read, as before.
    last = f"\n{row}\n{_later(row, 2)}\n{bad}".encode()
    if bad.count("\t") >= 4 or len(bad.rstrip()) > 96:
        with pytest.raises(LogFormatError, match="La ligne 4 de cette liste de connexions"):
            conns(last, name=name)
    else:
        assert len(conns(last, name=name)) == 2
    # The rows alone, blank lines between them, read; given its format, the file is read as
    # it is (the rule of every format: only a detected file is refused).
    whole = f"\n{row}\n  \n\n{_later(row, 2)}".encode()
    assert [c.start.hour for c in conns(whole, name=name)] == [
        c.start.hour for c in conns(f"\n{row}".encode())] + [
        c.start.hour + 2 for c in conns(f"\n{row}".encode())]
    fmt = detect(good.encode(), name)
    assert len(conns(good.encode(), fmt=fmt)) == 2
    # Every row in that layout, under the file's name: its row reader refuses it naming
    # the first, where "no log sessiond can read" said nothing of the rows it holds.
    if bad.count("\t") >= 4 or len(bad.rstrip()) > 96:
        with pytest.raises(LogFormatError, match="La ligne 2 de cette liste de connexions"):
            conns(f"\n{bad}\n{bad}".encode(), name=name)
    # Followed by the daemon: the rows before it are given, then the file is refused
    # naming that line at each read (never read past it, its row left out unsaid).
    first = read_increment(io.BytesIO(good.encode()), tz=UTC_ZONE, name=name)
    assert len(first.connections) == 1
    with pytest.raises(LogFormatError, match="La ligne 3 de cette liste de connexions"):
        read_increment(io.BytesIO(good.encode()), first.offset, first.state, tz=UTC_ZONE,
                       name=name)
    # Its format given, followed as it is, as it is read.
    given = read_increment(io.BytesIO(good.encode()[:first.offset]), tz=UTC_ZONE, fmt=fmt)
    rest = read_increment(io.BytesIO(good.encode()), given.offset,
                          TailState.from_json(given.state.to_json()), tz=UTC_ZONE)
    assert len(given.connections) + len(rest.connections) == 2


def test_a_known_name_still_reads_an_empty_or_starting_file() -> None:
    # The file starts with the newline of its first record, and a log may be caught while
    # its first line is written: neither is refused.
    assert conns(b"\n", name="Connections_incoming.txt") == []
    assert conns(b"\r\n", name="Connections.txt") == []
    assert detect(b"2024/02/16 06:05:19.349  2136", "TeamViewer15_Logfile.log") == (
        "teamviewer-log")
    assert detect(b" * * * * * * * *\n", "ad.trace") == "anydesk-trace"


# -- TeamViewer log ------------------------------------------------------------------------
GUI = "2310       2352"  # the GUI process of a Linux user's log (tag `G`)


def tv(stamp: str, message: str, ids: str = "2216       2492", tag: str = "S0") -> str:
    return f"{stamp}  {ids} {tag}   {message}"


HEADER = [tv("2024/06/01 09:00:00.000", ""), "Start:              2024/06/01 09:00:00.000 "
          "(UTC+2:00)", "Version:            15.50.5 (64-bit)", ""]
PASSIVE = ("CommandHandlerRouting[3]::CreatePassiveSession(): incoming session via "
           "router1.teamviewer.com, protocol Tcp")
HELLO = "Negotiating session encryption: client hello received from 123456789, RSA key length"
ADD = "CPersistentParticipantManager::AddParticipant: [123456789,42] type=6 name=Client"
REMOVE = "CPersistentParticipantManager::RemoveParticipant: [123456789,42]"


def log(*body: str) -> bytes:
    return "\n".join([*HEADER, *body, ""]).encode()


@pytest.mark.parametrize("ids", [
    "2216       2492",  # TV15 Windows
    "4112  5184",  # TV11-13 Windows
    "1693 140234567890123",  # Linux: thread IDs are pthread numbers
])
def test_log_lines_of_each_platform(ids: str) -> None:
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE, ids),
               tv("2024/06/01 10:00:01.000", HELLO, ids),
               tv("2024/06/01 10:00:10.000", ADD, ids),
               tv("2024/06/01 10:30:00.000", REMOVE, ids))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30), "accepted")]


@pytest.mark.parametrize(("ids", "tag"), [
    # Linux builds write the component letter without a digit, e.g. (public bug reports)
    # `2018/01/11 15:09:39.636  1627 4127619904 S   Estimated RTT...` (TV12) and
    # `2023/11/01 06:07:55.250  6402  6402 G   LogindSessionInfo...` (TV15).
    ("1627 4127619904", "S"), ("6402  6402", "G"), ("19655 139808513271168", "S!!"),
    ("2216       2492", "0"),  # before the role is known
])
def test_log_lines_with_the_component_letter_alone(ids: str, tag: str) -> None:
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE, ids, tag),
               tv("2024/06/01 10:00:01.000", HELLO, ids, tag),
               tv("2024/06/01 10:00:10.000", ADD, ids, tag),
               tv("2024/06/01 10:30:00.000", REMOVE, ids, tag))
    expected = [("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8),
                 u(2024, 6, 1, 8, 30), "accepted")]
    assert seen(conns(data, PARIS)) == expected
    # Without its name, and without a Start: block, still TeamViewer's log (was refused).
    body = b"\n".join(data.split(b"\n")[len(HEADER):])
    assert seen(conns(body, PARIS)) == expected


def test_log_participant_with_a_negative_session_number_is_accepted() -> None:
    # The participant's session number is signed: a real TV 15.78 log has
    # `AddParticipant: [1911993798,-1872883808] type=6 name=...`. With no authentication
    # line (another login method), that line is the only sign the session was established.
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD.replace(",42]", ",-1872883808]")),
               tv("2024/06/01 10:30:00.000", REMOVE.replace(",42]", ",-1872883808]")))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30), "accepted")]


def test_log_partner_display_name_cannot_forge_a_marker() -> None:
    # The partner chooses its display name, and TeamViewer writes it inside other messages
    # (a real TV 15.78 log: `VoIP: Receiver: Participant channel "<name>" [...]`,
    # `CParticipantManagerBase participant <name> (ID [...]) was added with the role 6`).
    # A name that reads like a marker neither ends the session nor starts another one.
    forged = ["Session to 123456789 ended.", "x::RemoveParticipant: [123456789,42]",
              "Trying connection to 555555555, mode = 1",
              "CommandHandlerRouting[9]::CreatePassiveSession(): incoming session via x"]
    noise = [tv("2024/06/01 10:00:11.000", line, "49892      60984", "G1") for name in forged
             for line in (f'VoIP: Receiver: Participant channel "{name}" [123456789,42] (V3): '
                          "Added to mixer",
                          f"CParticipantManagerBase participant {name} (ID [123456789,42]) "
                          "was added with the role 6")]
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD), *noise,
               tv("2024/06/01 10:30:00.000", REMOVE))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30), "accepted")]


def test_log_start_without_a_routing_index_pairs_by_partner() -> None:
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE.replace("[3]", "")),
               tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD),
               tv("2024/06/01 10:30:00.000", REMOVE))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30), "accepted")]


def test_log_attempt_terminated_by_authentication_timeout_ends_failed() -> None:
    # Quoted from a Linux TV15 log: the attempt ends there, it is not left open.
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE),
               tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:31.000", "Session to 123456789 terminated because of "
                                             "authentication timeout!"),
               tv("2024/06/01 10:00:31.000", "Session termination reason "
                                             "AuthenticationTimeout"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 0, 31), "failed")]


def test_log_partner_named_by_the_linux_session_handshake_line() -> None:
    # The incoming attempt of a Linux TV15 write-up: start without routing index, the
    # partner in `<own ID> <- <partner ID>: session handshake succeeded`, then the
    # `terminated` end, paired by that partner (it was left open, with no partner).
    data = log(tv("2024/06/01 10:00:00.000",
                  "CommandHandlerRouting::CreatePassiveSession(): incoming session via "
                  "router1.teamviewer.com, protocol Tcp", "1693 1693", "S"),
               tv("2024/06/01 10:00:01.000",
                  "1214731265 <- 809843398: session handshake succeeded", "1693 1693", "S"),
               tv("2024/06/01 10:00:31.000", "Session to 809843398 terminated because of "
                                             "authentication timeout!", "1693 1693", "S"),
               tv("2024/06/01 10:00:31.000", "Session termination reason "
                                             "AuthenticationTimeout", "1693 1693", "S"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "809843398",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 0, 31), "failed")]


def test_log_outgoing_id_grouped_by_spaces_is_one_connection() -> None:
    data = log(tv("2024/06/01 11:00:00.000", "Trying connection to 904 922 222, mode = 1"),
               tv("2024/06/01 11:00:01.000", "CommandHandlerRouting[5]::CreateActiveSession()"
                  ": outgoing session to 904922222 via server1.teamviewer.com, protocol Tcp"),
               tv("2024/06/01 11:30:00.000", "CGatewaySession[5]::EndSession(): Session to "
                  "904922222 ended. Estimated capacity=1kBit/s, Latency=0ms"))
    assert [(c.partner_id, c.start, c.end) for c in conns(data, PARIS)] == [
        ("904922222", u(2024, 6, 1, 9), u(2024, 6, 1, 9, 30))]


@pytest.mark.parametrize(("typed", "service", "ended"), [
    ("192.0.2.10", "192.0.2.10", "192.0.2.10"),  # a LAN connection by IP address
    ("192.0.2.10", "192.0.2.10:5938", "192.0.2.10:5938"),  # the service adds the port
    ("atelier-pc.local", "atelier-pc.local", "atelier-pc.local"),  # by host name
    ("192.0.2.10", "904922222", "904922222"),  # the service names the partner's ID
])
def test_log_outgoing_by_address_pairs_with_the_services_start(typed: str, service: str,
                                                                ended: str) -> None:
    # The GUI logs what the technician typed (`Trying connection to <ID>` quotes an ID,
    # the same pattern takes an address); the service's `CreateActiveSession(): outgoing
    # session to <partner>` gives the routing index. By address, the two did not pair:
    # the service's start began a second connection, the GUI's stayed open for ever.
    data = log(tv("2024/06/01 11:00:00.000", f"Trying connection to {typed}, mode = 1",
                  "11052      11060", "G1"),
               tv("2024/06/01 11:00:00.500", "CommandHandlerRouting[5]::CreateActiveSession()"
                  f": outgoing session to {service} via server1.teamviewer.com, protocol Tcp"),
               tv("2024/06/01 11:00:06.000", "LoginOutgoing: authentication denied",
                  "11052      11576", "G1"),
               tv("2024/06/01 11:00:06.100", f"CGatewaySession[5]::EndSession(): Session to "
                  f"{ended} ended. Estimated capacity=1kBit/s, Latency=0ms"))
    assert [(c.direction, c.partner_id, c.start, c.end, c.outcome)
            for c in conns(data, PARIS)] == [
        ("outgoing", typed, u(2024, 6, 1, 9), u(2024, 6, 1, 9, 0, 6, 100), "rejected")]


@pytest.mark.parametrize("gui", [False, True])
def test_log_outgoing_start_without_a_routing_index_pairs_by_partner(gui: bool) -> None:
    # The Linux daemon writes CreatePassiveSession without the routing index (a Linux
    # TV15 write-up); its CreateActiveSession may be so too. Then the daemon's log alone
    # had no outgoing connection at all; with the GUI's lines it is still one connection.
    data = log(*([tv("2024/06/01 11:00:00.000", "Trying connection to 904922222, mode = 1",
                     "2310       2310", "G")] if gui else []),
               tv("2024/06/01 11:00:00.500", "CommandHandlerRouting::CreateActiveSession(): "
                  "outgoing session to 904922222 via router3.teamviewer.com, protocol Tcp",
                  "1693       1712", "S"),
               tv("2024/06/01 11:00:06.000", "CPersistentParticipantManager::AddParticipant: "
                  "[904922222,227307939] type=3 name=client-pc", "1693       1714", "S"),
               tv("2024/06/01 11:30:00.000", "SessionStatistics Session to 904922222 ended. "
                  "Estimated capacity=6120kBit/s, Latency=31ms", "1693       1712", "S"))
    start = u(2024, 6, 1, 9) if gui else u(2024, 6, 1, 9, 0, 0, 500)
    assert [(c.direction, c.partner_id, c.start, c.end) for c in conns(data, PARIS)] == [
        ("outgoing", "904922222", start, u(2024, 6, 1, 9, 30))]


@pytest.mark.parametrize("named", ["192.0.2.10", "904922222"])
@pytest.mark.parametrize("service", [False, True])
def test_log_outgoing_by_address_is_accepted_by_its_client_connection(named: str,
                                                                      service: bool) -> None:
    # `Client connection to <partner>, server version ...` (after the authentication)
    # accepts the session; reached by address, it may name the partner by address or by
    # its ID. It took digits only and had to name the partner as the start did.
    data = log(tv("2024/06/01 11:00:00.000", "Trying connection to 192.0.2.10, mode = 1",
                  GUI, "G1"),
               *([tv("2024/06/01 11:00:00.500", "CommandHandlerRouting[5]::CreateActive"
                     "Session(): outgoing session to 192.0.2.10 via LAN, protocol Tcp")]
                 if service else []),
               tv("2024/06/01 11:00:06.000", f"Client connection to {named}, server version "
                  "is 15.63.4 , OS=32768 Participant=[904922222,227307939]", GUI, "G1"),
               tv("2024/06/01 11:30:00.000", "Connection closed by user", GUI, "G1"),
               *([tv("2024/06/01 11:30:00.010", f"CGatewaySession[5]::EndSession(): Session "
                     f"to {named} ended. Estimated capacity=1kBit/s, Latency=0ms")]
                 if service else []))
    end = u(2024, 6, 1, 9, 30, 0, 10) if service else u(2024, 6, 1, 9, 30)
    assert [(c.partner_id, c.end, c.outcome) for c in conns(data, PARIS)] == [
        ("192.0.2.10", end, "accepted")]


def test_an_end_naming_an_unnamed_incoming_attempt_leaves_an_outgoing_one_by_address(
        ) -> None:
    # `Session to <ID> ended` with no routing index may end an incoming attempt whose
    # partner was never named: it must not end the outgoing session reached by address.
    data = log(tv("2024/06/01 11:00:00.000", "Trying connection to 192.0.2.10, mode = 1",
                  GUI, "G"),
               tv("2024/06/01 11:05:00.000", "CommandHandlerRouting::CreatePassiveSession(): "
                  "incoming session via router1.teamviewer.com, protocol Tcp", "1693 1712",
                  "S"),
               tv("2024/06/01 11:05:31.000", "Session to 809843398 terminated because of "
                  "authentication timeout!", "1693 1712", "S"))
    assert [(c.direction, c.end) for c in conns(data, PARIS)] == [
        ("outgoing", None), ("incoming", None)]


def test_log_outgoing_by_id_never_pairs_with_another_ids_start() -> None:
    # Two IDs typed one after the other: the service's start of the second is not the
    # first's (only an attempt to an address may be named otherwise by the service).
    data = log(tv("2024/06/01 11:00:00.000", "Trying connection to 111222333, mode = 1",
                  "11052      11060", "G1"),
               tv("2024/06/01 11:00:10.000", "Trying connection to 904922222, mode = 1",
                  "11052      11060", "G1"),
               tv("2024/06/01 11:00:10.500", "CommandHandlerRouting[5]::CreateActiveSession()"
                  ": outgoing session to 904922222 via server1.teamviewer.com, protocol Tcp"),
               tv("2024/06/01 11:30:00.000", "CGatewaySession[5]::EndSession(): Session to "
                  "904922222 ended. Estimated capacity=1kBit/s, Latency=0ms"))
    assert [(c.partner_id, c.end) for c in conns(data, PARIS)] == [
        ("904922222", u(2024, 6, 1, 9, 30)), ("111222333", None)]


def test_the_verdict_written_after_a_sessions_end_is_not_an_older_attempts() -> None:
    # A real TV12 log: an attempt that never authenticated stays open (no end line), a
    # later session ends with RemoveParticipant, then TeamViewer writes its verdict
    # `ShowSponsoredSessionDialog: ... outgoing=0, established=1`: about the session just
    # ended, not the attempt still open (which it marked accepted).
    other = "Negotiating session encryption: client hello received from 987654321, RSA key"
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE.replace("[3]", "[14]")),
               tv("2024/06/01 10:00:00.100", other),
               tv("2024/06/01 10:05:00.000", PASSIVE.replace("[3]", "[15]")),
               tv("2024/06/01 10:05:01.000", HELLO),
               tv("2024/06/01 10:05:10.000", ADD),
               tv("2024/06/01 10:30:00.000", REMOVE),
               tv("2024/06/01 10:30:00.014", "ShowSponsoredSessionDialog: duration=1, "
                  "usedLicense=10000, outgoing=0, established=1"))
    assert seen(conns(data, PARIS)) == [
        ("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8, 5),
         u(2024, 6, 1, 8, 30), "accepted"),
        ("teamviewer-log", "incoming", "987654321", u(2024, 6, 1, 8), None, "unknown")]


def test_this_machine_in_control_of_an_outgoing_session_names_no_incoming_attempt() -> None:
    # In an outgoing session TeamViewer logs this machine as the role-6 participant (a
    # real TV12 log: `AddParticipant: [<own ID>,<n>] type=6 name=<own computer>`, then the
    # partner with type=3). An incoming attempt still open and unnamed (the Linux start,
    # without `client hello`) must not take this machine's ID and become accepted.
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE.replace("[3]", "[14]")),
               tv("2024/06/01 10:05:00.000", "Trying connection to 904922222, mode = 1",
                  "11052      11060", "G1"),
               tv("2024/06/01 10:05:00.500", "CommandHandlerRouting[5]::CreateActiveSession()"
                  ": outgoing session to 904922222 via server1.teamviewer.com, protocol Tcp"),
               tv("2024/06/01 10:05:06.000", "CPersistentParticipantManager::AddParticipant: "
                  "[905347592,-367869948] type=6 name=TECH-PC"),
               tv("2024/06/01 10:05:06.000", "CParticipantManagerBase participant TECH-PC "
                  "(ID [905347592,-367869948]) was added with the role 6"),
               tv("2024/06/01 10:05:06.001", "CPersistentParticipantManager::AddParticipant: "
                  "[904922222,227307939] type=3 name=client-pc"),
               tv("2024/06/01 10:30:00.000", "CGatewaySession[5]::EndSession(): Session to "
                  "904922222 ended. Estimated capacity=1kBit/s, Latency=0ms"))
    assert [(c.direction, c.partner_id, c.outcome) for c in conns(data, PARIS)] == [
        ("outgoing", "904922222", "unknown"), ("incoming", None, "unknown")]


def gui_outgoing(*end: str, ids: str = GUI) -> bytes:
    """A Linux user's log alone: an outgoing session as its GUI logs it (as in a real TV12
    log: this machine the role-6 participant, the partner role 3), then `end`."""
    return log(tv("2024/06/01 10:00:00.000", "Trying connection to 904 922 222, mode = 1",
                  GUI, "G"),
               tv("2024/06/01 10:00:00.600", "LoginOutgoing: starting authentication", GUI,
                  "G"),
               tv("2024/06/01 10:00:06.000", "CParticipantManagerBase participant TECH-PC "
                  "(ID [1214731265,-367869948]) was added with the role 6", GUI, "G"),
               tv("2024/06/01 10:00:06.001", "CParticipantManagerBase participant client-pc "
                  "(ID [904922222,227307939]) was added with the role 3", GUI, "G"),
               tv("2024/06/01 10:00:06.002", "Client connection to 904922222, server version "
                  "is 15.63.4 , OS=32768 Participant=[904922222,227307939]", GUI, "G"),
               *(tv("2024/06/01 10:25:00.000", line, ids, "G") for line in end))


@pytest.mark.parametrize("end", [
    # the technician closes the remote window (a real TV12 GUI line)
    ["Connection closed by user"],
    # whoever ended it: the GUI's VoIP removes the session's channels (real TV12 line)
    ["VoIP: Receiver: remove channels of all participants in session -367869948"],
    # TV15: the GUI's VoIP removes the partner's channel (real in incoming TV15 sessions)
    ['VoIP: Receiver: Session -367869948: Channel removed for participant [904922222,'
     '227307939] called "client-pc (904 922 222)" [904922222,227307939]'],
    # TV15: the GUI's session endpoint terminates (real in an incoming TV15 session)
    ["tvbasesession::BaseSessionEndpoint::SetSessionTerminateReason: Session terminated. "
     "Reason: 0"],
])
def test_a_linux_gui_log_alone_ends_its_outgoing_session(end: list[str]) -> None:
    # The service's lines are in the daemon's log; the GUI's own end lines close the
    # session (it was left open until the end of the file).
    assert seen(conns(gui_outgoing(*end), PARIS)) == [
        ("teamviewer-log", "outgoing", "904922222", u(2024, 6, 1, 8),
         u(2024, 6, 1, 8, 25), "accepted")]


@pytest.mark.parametrize(("end", "ids"), [
    # another process's window, another session's channels
    (["Connection closed by user"], "2417       2417"),
    (["VoIP: Receiver: remove channels of all participants in session 227307939"], GUI),
    (["VoIP: Receiver: remove channels of all participants in session -1"], GUI),
    # a third participant leaving
    (['VoIP: Receiver: Session -367869948: Channel removed for participant [555666777,'
      '12] called "guest (555 666 777)" [555666777,12]'], GUI),
    # the partner's display name, written inside other messages, is no marker
    (['VoIP: Receiver: Participant channel "Connection closed by user" [904922222,227307939]'
      " (V3): Added to mixer",
      "CParticipantManagerBase participant Connection closed by user (ID [904922222,"
      "227307939]) was added with the role 3",
      'VoIP: Receiver: Participant channel "VoIP: Receiver: remove channels of all '
      'participants in session -367869948" [904922222,227307939] (V3): Added to mixer'], GUI),
])
def test_what_ends_no_gui_outgoing_session(end: list[str], ids: str) -> None:
    [c] = conns(gui_outgoing(*end, ids=ids), PARIS)
    assert (c.direction, c.end) == ("outgoing", None)


@pytest.mark.parametrize("service", [False, True])
def test_an_outgoing_attempt_the_gui_says_was_denied_ends_there(service: bool) -> None:
    # A real TV11 log: `LoginOutgoing: authentication denied`, then the GUI's `CLogin::
    # AuthenticateClient() Connection to <ID> denied, because ...`, then the service's
    # end. In a GUI's log alone (Linux) the attempt was left open; with the service's
    # lines, the service's end decides.
    data = log(tv("2024/06/01 10:00:00.000", "Trying connection to 904922222, mode = 1", GUI,
                  "G"),
               *([tv("2024/06/01 10:00:00.700", "CommandHandlerRouting[22199]::CreateActive"
                     "Session(): outgoing session to 904922222 via server1.teamviewer.com, "
                     "protocol Port443")] if service else []),
               tv("2024/06/01 10:00:01.600", "LoginOutgoing: starting authentication", GUI,
                  "G"),
               tv("2024/06/01 10:00:02.400", "LoginOutgoing: authentication denied", GUI, "G"),
               tv("2024/06/01 10:00:02.435", "CLogin::AuthenticateClient() Connection to "
                  "904922222 denied, because remote version is incompatible", GUI, "G!!"),
               *([tv("2024/06/01 10:00:02.482", "CGatewaySession[22199]::EndSession(): "
                     "Session to 904922222 ended. Estimated capacity=2582kBit/s, "
                     "Latency=0ms")] if service else []))
    end = u(2024, 6, 1, 8, 0, 2, 482) if service else u(2024, 6, 1, 8, 0, 2, 435)
    assert seen(conns(data, PARIS)) == [
        ("teamviewer-log", "outgoing", "904922222", u(2024, 6, 1, 8), end, "rejected")]


def test_with_the_services_lines_the_services_end_and_verdict_decide() -> None:
    # A Windows log holds the GUI's and the service's lines: the window's close comes 9 ms
    # before the service's verdict and end (a real TV12 log). Ended at the GUI's line,
    # the session lost the verdict written after it (`established=1`: accepted).
    data = log(tv("2024/06/01 10:00:00.000", "Trying connection to 904922222, mode = 1",
                  "11052      11060", "G1"),
               tv("2024/06/01 10:00:00.500", "CommandHandlerRouting[5]::CreateActiveSession()"
                  ": outgoing session to 904922222 via server1.teamviewer.com, protocol Tcp"),
               tv("2024/06/01 10:30:00.000", "Connection closed by user", "11052      11060",
                  "G1"),
               tv("2024/06/01 10:30:00.009", "ShowSponsoredSessionDialog: duration=1, "
                  "usedLicense=10000, outgoing=1, established=1"),
               tv("2024/06/01 10:30:00.010", "CGatewaySession[5]::EndSession(): Session to "
                  "904922222 ended. Estimated capacity=1kBit/s, Latency=0ms"))
    assert seen(conns(data, PARIS)) == [
        ("teamviewer-log", "outgoing", "904922222", u(2024, 6, 1, 8),
         u(2024, 6, 1, 8, 30, 0, 10), "accepted")]


def test_the_gui_session_end_during_an_incoming_session_is_that_ones() -> None:
    # An incoming session is open in the desktop process when the GUI writes its TV15
    # endpoint's end: the line may be that session's, so the outgoing one stays open.
    data = gui_outgoing() + log(
        tv("2024/06/01 10:10:00.000", "SessionManagerDesktop::IncomingConnection: Connection "
           "incoming, sessionID = -1511286013", "2417       2417", "D"),
        tv("2024/06/01 10:20:00.000", "tvbasesession::BaseSessionEndpoint::"
           "SetSessionTerminateReason: Session terminated. Reason: 0", GUI, "G"),
        tv("2024/06/01 10:20:00.001", "SessionManagerDesktop::SessionTerminate: removing "
           "session with tvsessionprotocol::TVSessionID = -1511286013", "2417       2417",
           "D")).split(b"\n", len(HEADER))[-1]
    assert [(c.direction, c.end) for c in conns(data, PARIS)] == [
        ("incoming", u(2024, 6, 1, 8, 20, 0, 1)), ("outgoing", None)]


@pytest.mark.parametrize("order", ["verdicts-after-both", "second-after-acceptance"])
def test_an_authentication_verdict_is_the_one_waiting_attempts(order: str) -> None:
    # The desktop process's verdict names no partner nor routing index. While two incoming
    # attempts wait it is either's (here the first's: its participant line follows it by
    # 100 ms, as in plaso's real log): it decides neither, and a second partner's refused
    # try never takes the first's success. Once one is accepted, the verdict is the other's.
    first = [tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:00.100", HELLO)]
    second = [tv("2024/06/01 10:00:03.000", PASSIVE.replace("[3]", "[4]")),
              tv("2024/06/01 10:00:03.100", HELLO.replace("123456789", "955123456"))]
    success = [tv("2024/06/01 10:00:10.000", "AuthenticationPasswordLogin_Passive::Run"
                  "AuthenticationMethod: authentication using dynamic password was successful",
                  "1084       3644", "D1"), tv("2024/06/01 10:00:10.100", ADD)]
    denied = [tv("2024/06/01 10:00:15.000", "AuthenticationPasswordLogin_Passive::Run"
                 "AuthenticationMethod: authentication using dynamic password was denied",
                 "1084       3648", "D1")]
    body = (first + second + success + denied if order == "verdicts-after-both"
            else first + success + second + denied)
    data = log(*body,
               tv("2024/06/01 10:00:20.000", "IProcessCommandHandler[4]::CmdEndSession(): "
                  "Received CMD_ENDSESSION with reason: 3"),
               tv("2024/06/01 10:30:00.000", REMOVE))
    assert sorted(seen(conns(data, PARIS)), key=lambda c: str(c[3])) == [
        ("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8),
         u(2024, 6, 1, 8, 30), "accepted"),
        ("teamviewer-log", "incoming", "955123456", u(2024, 6, 1, 8, 0, 3),
         u(2024, 6, 1, 8, 0, 20), "rejected")]
    # One attempt alone: its verdicts are its own, a denial then a success (a real TV13
    # log: the dynamic password denied, the fixed one accepted) accepts it.
    alone = log(*first, *denied, *success[:1], tv("2024/06/01 10:30:00.000", REMOVE))
    assert [c.outcome for c in conns(alone, PARIS)] == ["accepted"]


@pytest.mark.parametrize("layout", ["tv15", "tv13"])
def test_a_process_start_ends_the_sessions_the_previous_run_had_open(layout: str) -> None:
    # The client's PC reboots during the session: the service stops without writing the
    # session's end, a new service process starts (its Start: block) and the partner
    # connects again, under a routing index of its own or the same one. The first
    # session ended with the old process: end unknown, seen up to that process's last
    # line (not the new one's first lines, `Logger started.`, nor a later session's end).
    new_ids = "1980       2380"
    restart = ([tv("2024/06/01 10:20:00.000", "Logger started.", new_ids, "0"),
                tv("2024/06/01 10:20:04.000", "", new_ids), HEADER[1].replace("09:00", "10:20")]
               if layout == "tv15" else
               ["", "", "", HEADER[1].replace("09:00", "10:20"), "Version:            13.1.3629 ",
                ""])
    for index in ("[3]", "[4]"):
        data = log(tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:00.100", HELLO),
                   tv("2024/06/01 10:00:05.000", ADD),
                   tv("2024/06/01 10:11:30.000", "SERVICE_CONTROL_SHUTDOWN"), *restart,
                   tv("2024/06/01 10:25:00.000", PASSIVE.replace("[3]", index), new_ids),
                   tv("2024/06/01 10:25:00.100", HELLO, new_ids),
                   tv("2024/06/01 10:25:05.000", ADD.replace(",42]", ",43]"), new_ids),
                   tv("2024/06/01 10:50:00.000", REMOVE.replace(",42]", ",43]"), new_ids),
                   tv("2024/06/01 10:50:00.100", f"SessionStatistics{index} Session to "
                      "123456789 ended. Estimated capacity=1kBit/s, Latency=6ms", new_ids))
        found = sorted(conns(data, PARIS), key=lambda c: c.start)
        assert [(c.start, c.end, c.seen_until, c.outcome) for c in found] == [
            (u(2024, 6, 1, 8), None, u(2024, 6, 1, 8, 11, 30), "accepted"),
            (u(2024, 6, 1, 8, 25), u(2024, 6, 1, 8, 50), None, "accepted")]
        # Followed as it grows, the same: the restart is seen in the state kept between
        # two reads, the first read ending on the new process's first line.
        cut = data.index(b"Logger started.") if layout == "tv15" else data.index(b"\n\n\n")
        first = read_increment(io.BytesIO(data[:cut]), tz=PARIS, name="TeamViewer15_Logfile.log")
        rest = read_increment(io.BytesIO(data), first.offset, first.state, tz=PARIS,
                              name="TeamViewer15_Logfile.log")
        assert first.connections == ()
        assert sorted((c.start, c.end, c.seen_until) for c in rest.connections) == [
            (c.start, c.end, c.seen_until) for c in found]


@pytest.mark.parametrize(("tag", "ends"), [("S0", True), ("G1", False), ("D1", False)])
def test_only_the_services_start_ends_the_sessions_it_held(tag: str, ends: bool) -> None:
    # A Start: block written after a GUI's or a desktop process's line is that process
    # starting (the technician's TeamViewer window reopened): the service goes on holding
    # the session, which ends with its own lines. After the service's line, it is the
    # service restarting, and the session ended with the old one.
    gui_ids = "5276       5280"
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:00.100", HELLO),
               tv("2024/06/01 10:00:05.000", ADD),
               tv("2024/06/01 10:20:04.000", "", gui_ids, tag),
               HEADER[1].replace("09:00", "10:20"), "Version:            15.50.5 (64-bit)", "",
               tv("2024/06/01 10:50:00.000", REMOVE),
               tv("2024/06/01 10:50:00.100", "SessionStatistics[3] Session to 123456789 "
                  "ended. Estimated capacity=1kBit/s, Latency=6ms"))
    (found,) = conns(data, PARIS)
    assert found.start == u(2024, 6, 1, 8)
    assert found.end == (None if ends else u(2024, 6, 1, 8, 50))
    # Followed as it grows, the read cut between the component's line and its block: the
    # state kept between the two reads says whose start it is.
    cut = data.index(b"Start:", data.index(b"10:20:04"))
    first = read_increment(io.BytesIO(data[:cut]), tz=PARIS, name="TeamViewer15_Logfile.log")
    rest = read_increment(io.BytesIO(data), first.offset, first.state, tz=PARIS,
                          name="TeamViewer15_Logfile.log")
    assert [c.end for c in (*first.connections, *rest.connections)] == [found.end]


def test_an_attempt_ended_by_the_end_session_command_is_closed() -> None:
    # A real TV12 log: an incoming attempt that never authenticated (no row in its
    # Connections_incoming.txt) ends with `IProcessCommandHandler[n]::CmdEndSession():
    # Received CMD_ENDSESSION with reason: 3`, the session's routing index, and no other
    # end line; in an established one it comes in the second of that file's end.
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE.replace("[3]", "[14]")),
               tv("2024/06/01 10:00:00.100", HELLO),
               tv("2024/06/01 10:02:34.304", "IProcessCommandHandler[14]::CmdEndSession(): "
                  "Received CMD_ENDSESSION with reason: 3"),
               tv("2024/06/01 10:05:00.000", PASSIVE.replace("[3]", "[15]")),
               tv("2024/06/01 10:05:01.000", HELLO),
               tv("2024/06/01 10:05:10.000", ADD),
               tv("2024/06/01 10:30:00.000", "IProcessCommandHandler[15]::CmdEndSession(): "
                  "Received CMD_ENDSESSION with reason: 1"),
               tv("2024/06/01 10:30:00.018", "CGatewaySession[15]::EndSession(): Session to "
                  "123456789 ended. Estimated capacity=0kBit/s, Latency=0ms"))
    assert seen(conns(data, PARIS)) == [
        ("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8),
         u(2024, 6, 1, 8, 2, 34, 304), "failed"),
        ("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8, 5),
         u(2024, 6, 1, 8, 30), "accepted")]
    # An outgoing attempt's verdict may follow that command in its millisecond (a real
    # TV11 log): there it ends nothing, the `Session to` line does.
    denied = log(tv("2024/06/01 11:00:00.000", "Trying connection to 438668351, mode = 1",
                    "11192      15164", "G1"),
                 tv("2024/06/01 11:00:00.800", "CommandHandlerRouting[22199]::"
                    "CreateActiveSession(): outgoing session to 438668351 via "
                    "server1.teamviewer.com, protocol Port443"),
                 tv("2024/06/01 11:00:02.477", "IProcessCommandHandler[22199]::CmdEndSession()"
                    ": Received CMD_ENDSESSION with reason: 26"),
                 tv("2024/06/01 11:00:02.477", "LoginOutgoing: authentication denied",
                    "11192      14816", "G1"),
                 tv("2024/06/01 11:00:02.559", "CGatewaySession[22199]::EndSession(): Session "
                    "to 438668351 ended. Estimated capacity=2582kBit/s, Latency=0ms"))
    assert seen(conns(denied, PARIS)) == [
        ("teamviewer-log", "outgoing", "438668351", u(2024, 6, 1, 9),
         u(2024, 6, 1, 9, 0, 2, 559), "rejected")]


# A QuickSupport TV15 log has no service (`S0`) lines: its session is in the lines of the
# desktop process (`D3`), as quoted from the HTB "TickTock" case's log (session ID, the
# partner's role-6 participant line); the end is the desktop process's SessionTerminate, as
# in plaso's real TV 15.50.5 log (`D1`, to the second of its Connections_incoming.txt row).
QS_START = ("SessionManagerDesktop::IncomingConnection: Connection incoming, "
            "sessionID = -2102926010")
QS_ROLE3 = ("CParticipantManagerBase participant DESKTOP-R30EAMH (ID [1764218403,-2102926010]) "
            "was added with the role 3")
QS_ROLE6 = ("CParticipantManagerBase participant fritjof olfasson (ID [1761879737,-207968498]) "
            "was added with the role 6")
QS_END = ("SessionManagerDesktop::SessionTerminate: removing session with "
          "tvsessionprotocol::TVSessionID = -2102926010")


def test_quicksupport_session_from_the_desktop_process_lines() -> None:
    data = log(tv("2024/06/01 10:00:00.432", "LoginDesktopWindowImpl::GuiThreadFunction(): "
                  "ChangeThreadDesktop(): SetThreadDesktop to winlogon successful",
                  "5716       3108", "D3"),
               tv("2024/06/01 10:00:00.433", QS_START, "5716       5840", "D3"),
               tv("2024/06/01 10:00:00.435", "CLogin::run(), session id: -2102926010",
                  "5716       4292", "D3"),
               tv("2024/06/01 10:00:04.958", QS_ROLE3, "5716       2436", "D3"),
               tv("2024/06/01 10:00:04.958", QS_ROLE6, "5716       2436", "D3"),
               tv("2024/06/01 10:40:00.000", QS_END, "5716       5840", "D3"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "1761879737",
                                         u(2024, 6, 1, 8, 0, 0, 433), u(2024, 6, 1, 8, 40),
                                         "accepted")]


def test_quicksupport_attempt_that_never_got_a_participant_ends_failed() -> None:
    data = log(tv("2024/06/01 10:00:00.433", QS_START, "5716       5840", "D3"),
               tv("2024/06/01 10:00:30.000", QS_END, "5716       5840", "D3"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", None,
                                         u(2024, 6, 1, 8, 0, 0, 433), u(2024, 6, 1, 8, 0, 30),
                                         "failed")]


def test_desktop_process_lines_join_the_services_connection() -> None:
    # An installed TeamViewer logs one session in the service, the GUI and the desktop
    # process (plaso's real log): one connection, begun and ended by the service.
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE),
               tv("2024/06/01 10:00:00.300", "AppSessionManager::HandleSessionIncoming: "
                  "Connection incoming, sessionID = 126302903", "5276       5360", "G1"),
               tv("2024/06/01 10:00:00.800", QS_START.replace("-2102926010", "126302903"),
                  "1084       1436", "D1"),
               tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD),
               tv("2024/06/01 10:00:10.100", QS_ROLE6.replace("1761879737", "123456789"),
                  "1084       1436", "D1"),
               tv("2024/06/01 10:30:00.000", REMOVE),
               tv("2024/06/01 10:30:00.040", QS_END.replace("-2102926010", "126302903"),
                  "1084       1436", "D1"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "123456789",
                                         u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30), "accepted")]


def test_tv12_desktop_process_lines_without_their_class() -> None:
    # TV12 writes the start without its class (`Connection incoming, sessionID = <n>`, G1
    # and D1 in a real TV12 log) and the end's ID without `tvsessionprotocol::`.
    data = log(tv("2024/06/01 10:00:00.433", "Connection incoming, sessionID = 788846672",
                  "16100      20092", "D1"),
               tv("2024/06/01 10:00:04.958", QS_ROLE6, "16100      20092", "D1"),
               tv("2024/06/01 10:40:00.000", "SessionManagerDesktop::SessionTerminate: "
                  "removing session with TVSessionID = 788846672", "16100      20092", "D1"))
    assert seen(conns(data, PARIS)) == [("teamviewer-log", "incoming", "1761879737",
                                         u(2024, 6, 1, 8, 0, 0, 433), u(2024, 6, 1, 8, 40),
                                         "accepted")]


@pytest.mark.parametrize("marker_at", ["2024/06/01 10:00:33.010", "2024/06/01 09:15:05.708"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris"])
def test_lines_a_process_writes_late_are_no_clock_change(marker_at: str, zone: str) -> None:
    # A real QuickSupport TV15 log (HTB "TickTock"): a process that could not open the log
    # writes `Couldn't access Log-File since startup` (at its old time or the present)
    # and then its kept lines, with their earlier times. Read at the header's offset (a
    # log from another zone), a jump back of 45 minutes was taken as the autumn change,
    # and every later line was an hour late.
    late = "6120       6198"
    data = log(tv("2024/06/01 10:00:00.433", QS_START, "7004       7212", "D3"),
               tv("2024/06/01 10:00:04.958", QS_ROLE6, "7004       7336", "D3"),
               tv(marker_at, "Couldn't access Log-File since startup", late, "G3!"),
               tv("2024/06/01 09:15:05.709", "IConnection[1]::~IConnection(): Count: 2", late,
                  "G3"),
               tv("2024/06/01 09:15:05.729", "CTcpConnectionBase[5]::ConnectEndpoint(): "
                  "Connecting to endpoint 192.0.2.45:5938", late, "G3"),
               tv("2024/06/01 10:00:36.120", "Desktop grab succeeded.", "7004       7336",
                  "D3"),
               tv("2024/06/01 10:40:00.000", QS_END, "7004       7212", "D3"))
    assert seen(conns(data, ZoneInfo(zone))) == [
        ("teamviewer-log", "incoming", "1761879737", u(2024, 6, 1, 8, 0, 0, 433),
         u(2024, 6, 1, 8, 40), "accepted")]


def test_a_participant_name_cannot_forge_the_partner_of_the_role_line() -> None:
    forged = QS_ROLE6.replace("fritjof olfasson",
                              "x (ID [555555555,1]) was added with the role 6 y")
    data = log(tv("2024/06/01 10:00:00.433", QS_START, "5716       5840", "D3"),
               tv("2024/06/01 10:00:04.958", forged, "5716       2436", "D3"),
               tv("2024/06/01 10:40:00.000", QS_END, "5716       5840", "D3"))
    assert [c.partner_id for c in conns(data, PARIS)] == ["1761879737"]


@pytest.mark.parametrize("stamp", ["06/01 10:00:00.000", "24/06/01 10:00:00.000"])
def test_log_lines_of_older_date_shapes_are_refused(stamp: str) -> None:
    # dissect mentions builds before TV11 writing no year or a 2-digit year; no sample
    # shows how to read them, so they are refused rather than read as holding nothing.
    data = f"Start:              {stamp} (UTC+2:00)\n{stamp}  2216  2492 S0   {PASSIVE}\n"
    with pytest.raises(LogFormatError):
        conns(data.encode(), PARIS, name="TeamViewer9_Logfile.log")


# -- AnyDesk -------------------------------------------------------------------------------
def ad(stamp: str, comp: str, msg: str, fiber: str = "75", level: str = "info") -> str:
    return f"{level:>7} {stamp}    service   main   1214   1214 {fiber:>4} {comp:>32} - {msg}"


@pytest.mark.parametrize("shown", ["1001025310", "1 001 025 310"])
def test_anydesk_ids_as_digits_or_grouped_by_spaces(shown: str) -> None:
    data = "\n".join([
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           f"Accept request from {shown} (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:57:14.134", "app.session",
           "Session closed by remote side: desk_rt_ipc_error."),
        ad("2025-09-22 01:00:00.000", "app.service",
           f"Received outgoing connection request for address {shown} (direct).", "61"),
        ad("2025-09-22 01:00:01.000", "app.session",
           "Session closed by remote side: display_server_not_supported.", "61"),
        ""]).encode()
    assert [(c.direction, c.partner_id, c.outcome) for c in conns(data, UTC_ZONE)] == [
        ("incoming", "1001025310", "accepted"), ("outgoing", "1001025310", "rejected")]


def anydesk_attempt(*verdict: tuple[str, str], end: str = "Fiber exit (net).") -> bytes:
    """An incoming request bound to fiber 75, the given (level, message) lines on that
    fiber, then its end: as in the real service trace, where the accepted session has
    `3: Authentication 65 0.` then `auth ... 3: Authenticated by local user.`, and the
    attempts refused have neither before their fiber exits."""
    return "\n".join([
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:51.305", "app.session", "3: Authentication 65 0."),
        *(ad("2025-09-22 00:53:56.043", "app.session", msg, level=level)
          for level, msg in verdict),
        ad("2025-09-22 00:54:20.000", "app.service" if end.startswith("Fiber") else
           "app.session", end),
        ""]).encode()


@pytest.mark.parametrize(("verdict", "outcome"), [
    # what the real trace writes for the accepted session, and what analysts quote
    ([("auth", "3: Authenticated by local user.")], "accepted"),
    ([("auth", "3: Authenticated by local user (elevated).")], "accepted"),
    ([("auth", "3: Authenticated with permanent token.")], "accepted"),
    ([("auth", "3: Authenticated by password.")], "accepted"),
    ([("auth", "3: Authenticated with correct passphrase.")], "accepted"),
    ([("auth", "3: Authenticated.")], "accepted"),
    # a success naming its method is one, whatever else it says
    ([("auth", "3: Authenticated by password after 2 failed attempts.")], "accepted"),
    ([("auth", "3: Authenticated: wrong password.")], "rejected"),
    # an `auth` line that is no success accepts nothing: the level alone decides nothing
    ([("auth", "3: Authentication failed.")], "rejected"),
    ([("auth", "3: Wrong password.")], "rejected"),
    ([("auth", "3: Access denied by local user.")], "rejected"),
    ([("auth", "3: Declined by local user.")], "rejected"),
    ([("info", "3: Authentication failed: wrong password.")], "rejected"),
    ([("auth", "3: Waiting for the local user.")], "failed"),
    ([("auth", "3: Not authenticated.")], "failed"),
    ([], "failed"),  # the refused attempts of the real trace: no verdict line at all
    # a wrong password, then the right one: the session was established
    ([("auth", "3: Wrong password."), ("auth", "3: Authenticated by password.")],
     "accepted"),
])
def test_anydesk_authentication_outcome_rests_on_its_message(
        verdict: list[tuple[str, str]], outcome: str) -> None:
    [c] = conns(anydesk_attempt(*verdict), UTC_ZONE, name="anydesk_var_log.trace")
    assert (c.direction, c.partner_id, c.outcome) == ("incoming", "1001025310", outcome)
    [closed] = conns(anydesk_attempt(*verdict, end="5: Processing done."), UTC_ZONE,
                     name="anydesk_var_log.trace")
    assert closed.outcome == outcome


def test_anydesk_outgoing_session_ends_when_the_service_stops_monitoring_it() -> None:
    # A Windows service trace (gsvc, no thread column): an outgoing session that no line
    # of its fiber ends; `app.service - Stop monitoring <ID>.` (the partner's ID on
    # Windows) when its window closes. `Stop monitoring 0.` (the Linux sample) and another
    # partner's ID end nothing.
    def w(stamp: str, comp: str, msg: str, fiber: str) -> str:
        return f"   info {stamp}       gsvc   2884   7984 {fiber:>4} {comp:>32} - {msg}"
    data = "\n".join([
        w("2024-05-16 09:41:00.100", "app.service",
          "Received outgoing connection request for address 1108841617 (direct).", "61"),
        w("2024-05-16 09:41:00.104", "app.session", '1: Connecting to "1108841617"', "61"),
        w("2024-05-16 09:41:01.020", "app.session", "1: Net connection established.", "61"),
        w("2024-05-16 09:41:09.311", "app.session", "5: Entering processing loop.", "61"),
        w("2024-05-16 09:58:30.000", "app.service", "Stop monitoring 0.", "26"),
        w("2024-05-16 09:58:31.000", "app.service", "Stop monitoring 999888777.", "26"),
        w("2024-05-16 10:12:44.525", "app.service", "Stop monitoring 1108841617.", "26"),
        ""]).encode()
    assert seen(conns(data, UTC_ZONE, name="ad_svc.trace")) == [
        ("anydesk-service-trace", "outgoing", "1108841617", u(2024, 5, 16, 9, 41, 0, 100),
         u(2024, 5, 16, 10, 12, 44, 525), "accepted")]


# -- files cut short -----------------------------------------------------------------------
AD_ACCEPT = ("   info 2025-09-22 00:53:50.850    service   main   1214   1214   11           "
             "     anynet.any_socket - Accept request from 1001025310 (via relay).")
RD_SESSION = ("[2026-04-12 17:12:04.147039 -04:00] INFO [src/flutter.rs:1408] Session 412736958"
              " start, use texture render: true")


@pytest.mark.parametrize(("head", "last", "cut", "name"), [
    (log(tv("2024/06/01 10:00:00.000", PASSIVE)), tv("2024/06/01 10:00:01.000", HELLO),
     "56789, RSA key length", "TeamViewer15_Logfile.log"),
    (b"", AD_ACCEPT, "025310 (via relay).", "/var/log/anydesk.trace"),
    (b"", RD_SESSION, ", use texture render: true", "rustdesk_rCURRENT.log"),
])
def test_a_log_cut_in_its_last_line_never_yields_a_cut_partner(
        head: bytes, last: str, cut: str, name: str) -> None:
    # Every line of these logs ends with a newline; the last one without it was cut while
    # written or copied (123456789 -> 1234, 1001025310 -> 1001), so it is not read, as a
    # growing file's last line is not.
    assert last.endswith(cut)
    data = head + last.removesuffix(cut).encode()
    whole = conns(data, PARIS, name=name)
    assert all(c.partner_id in (None, "123456789") for c in whole)
    grown = read_increment(io.BytesIO(data), tz=PARIS, name=name)
    assert seen(whole) == seen([*grown.connections, *grown.open])
    # Once the line is whole (its newline written), it is read.
    [c] = conns(head + last.encode() + b"\n", PARIS, name=name)
    assert c.partner_id in ("123456789", "1001025310", "412736958")


# -- rotation ------------------------------------------------------------------------------
def test_rotation_order_reads_the_oldest_file_first() -> None:
    assert rotation_order(["a/TeamViewer15_Logfile.log", "a/TeamViewer15_Logfile_OLD.log"]) == [
        "a/TeamViewer15_Logfile_OLD.log", "a/TeamViewer15_Logfile.log"]
    assert rotation_order([r"C:\TV\TeamViewer13_Logfile.log",
                           r"C:\TV\TeamViewer13_Logfile_OLD.log"]) == [
        r"C:\TV\TeamViewer13_Logfile_OLD.log", r"C:\TV\TeamViewer13_Logfile.log"]
    assert rotation_order(["RustDesk_rCURRENT.log", "rustdesk_r2025-11-24_00-00-01.log",
                           "rustdesk_r2025-11-23_19-44-47.log"]) == [
        "rustdesk_r2025-11-23_19-44-47.log", "rustdesk_r2025-11-24_00-00-01.log",
        "RustDesk_rCURRENT.log"]
    assert rotation_order(["b.log", "a.log"]) == ["b.log", "a.log"]  # no rule: as given


def test_anydesk_traces_rotated_to_old(tmp_path: Path) -> None:
    # AnyDesk renames a full trace `ad_svc.trace.old` (one generation, per DFIR artefact
    # catalogues): still its trace by the name, and read before the current one, whatever
    # order the shell gives (`ad_svc.trace` sorts first), so a session across the rotation
    # keeps its end (it was read open, its end dropped).
    assert format_from_name(r"C:\ProgramData\AnyDesk\ad_svc.trace.old") == (
        "anydesk-service-trace")
    assert format_from_name("ad.trace.old") == "anydesk-trace"
    assert format_from_name("/var/log/anydesk.trace.old") == "anydesk-service-trace"
    assert rotation_order(["a/ad_svc.trace", "a/ad_svc.trace.old"]) == [
        "a/ad_svc.trace.old", "a/ad_svc.trace"]
    start = [
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth")]
    end = [ad("2025-09-22 00:57:14.134", "app.session",
              "Session closed by remote side: desk_rt_ipc_error.")]
    old, new = tmp_path / "ad_svc.trace.old", tmp_path / "ad_svc.trace"
    old.write_bytes("\n".join([*start, ""]).encode())
    new.write_bytes("\n".join([*end, ""]).encode())
    assert seen(list(read_rotated([new, old], tz=UTC_ZONE))) == [
        ("anydesk-service-trace", "incoming", "1001025310", u(2025, 9, 22, 0, 53, 50, 850),
         u(2025, 9, 22, 0, 57, 14, 134), "accepted")]
    with pytest.raises(LogFormatError, match=r"ad_svc\.trace, ad\.trace"):
        conns(b"Incoming    2024-02-16, 20:29    User    221436813    221436813\n",
              name="connection_trace.txt.old")


def test_numbered_rotations_are_read_oldest_first(tmp_path: Path) -> None:
    # logrotate names a log's generations `<log>.1`, `<log>.2`... the larger the older
    # (`/var/log/anydesk.trace.1`); a shell gives them in the order of their names
    # (`anydesk.trace anydesk.trace.1 anydesk.trace.2`). Each is still its tool's file by
    # the name, and they are read .2, .1, then the log: a session begun in .2 keeps its
    # end, written in .1 (read the other way, it was an end before its start, dropped).
    assert format_from_name("/var/log/anydesk.trace.1") == "anydesk-service-trace"
    assert format_from_name(r"C:\ProgramData\AnyDesk\ad_svc.trace.12") == (
        "anydesk-service-trace")
    assert format_from_name("TeamViewer15_Logfile.log.3") == "teamviewer-log"
    assert format_from_name("notes.txt.1") is None
    assert rotation_order(["l/anydesk.trace", "l/anydesk.trace.1", "l/anydesk.trace.10",
                           "l/anydesk.trace.2"]) == [
        "l/anydesk.trace.10", "l/anydesk.trace.2", "l/anydesk.trace.1", "l/anydesk.trace"]
    folder = tmp_path / "log"
    folder.mkdir()
    lines = [
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:57:14.134", "app.session",
           "Session closed by remote side: desk_rt_ipc_error.")]
    files = [folder / "anydesk.trace", folder / "anydesk.trace.1", folder / "anydesk.trace.2"]
    for path, part in zip(files, (lines[3:], lines[2:3], lines[:2]), strict=True):
        path.write_bytes("\n".join([*part, ""]).encode())
    assert seen(list(read_rotated(files, tz=UTC_ZONE))) == [
        ("anydesk-service-trace", "incoming", "1001025310", u(2025, 9, 22, 0, 53, 50, 850),
         u(2025, 9, 22, 0, 57, 14, 134), "accepted")]


def test_a_portable_anydesks_trace_and_its_old_copy_are_one_log(tmp_path: Path) -> None:
    # A portable AnyDesk writes its service's lines (`lsvc`, as in a real 7.0.10 ad.trace)
    # into ad.trace beside the user's: which are more in a file's head depends on the hour.
    # Its name says which file it is, so ad.trace and ad.trace.old stay one log (they read
    # as two formats: refused together, and the session across the rotation lost its end).
    def line(stamp: str, proc: str, comp: str, msg: str) -> str:
        return f"   info 2024-02-16 {stamp} {proc:>10}   4668   6440   {comp:>35} - {msg}"

    service = [line(f"20:2{i}:00.000", "lsvc", "app.service", "Waiting for messages.")
               for i in range(5)]
    old, new = tmp_path / "ad.trace.old", tmp_path / "ad.trace"
    old.write_bytes("\n".join([
        service[0],
        line("20:29:04.298", "back", "app.backend_session",
             "Incoming session request: Richard Beard (221436813)"),
        line("20:29:10.000", "back", "app.backend_session", "Session started (ok)."),
        line("20:29:11.000", "back", "app.backend_session", "Remote OS: Windows"), ""]).encode())
    new.write_bytes("\n".join([
        *service, line("20:41:00.500", "back", "app.backend_session", "Session stopped."),
        ""]).encode())
    assert detect(old.read_bytes(), str(old)) == detect(new.read_bytes(), str(new)) == (
        "anydesk-trace")
    assert seen(list(read_rotated([new, old], tz=UTC_ZONE))) == [
        ("anydesk-trace", "incoming", "221436813", u(2024, 2, 16, 20, 29, 4, 298),
         u(2024, 2, 16, 20, 41, 0, 500), "accepted")]
    # Without a name, the content still tells the role.
    assert detect(new.read_bytes()) == "anydesk-service-trace"


def test_a_session_across_a_rotation_is_one_connection_with_its_end(tmp_path: Path) -> None:
    start = [tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
             tv("2024/06/01 10:00:10.000", ADD)]
    old, new = tmp_path / "TeamViewer15_Logfile_OLD.log", tmp_path / "TeamViewer15_Logfile.log"
    old.write_bytes(log(*start))
    new.write_bytes(("\n".join([tv("2024/06/01 10:30:00.000", REMOVE), ""])).encode())
    expected = [("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8),
                 u(2024, 6, 1, 8, 30), "accepted")]
    assert seen(list(read_rotated([new, old], tz=PARIS))) == expected
    # Each alone: open in the old file, and an end with no start (nothing) in the new one.
    assert [c.end for c in read_connections(old, tz=PARIS)] == [None]
    assert list(read_connections(new, tz=PARIS, name=new.name)) == []
    # One log: a file of another format is refused before anything is read.
    other = tmp_path / "Connections_incoming.txt"
    other.write_bytes(f"\n{ROW_IN}".encode())
    with pytest.raises(LogFormatError):
        read_rotated([old, other], tz=PARIS)


# -- line ends -----------------------------------------------------------------------------
def test_a_log_with_lone_cr_line_ends_is_read_whole() -> None:
    # A file whose lines end with a lone CR (an old Mac editor, a copy that dropped the
    # LFs) has no LF at all: its lines are lines, not one line cut short at the end of the
    # file, and not one over-long line truncated after 64 KiB.
    session = [tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD)]
    noise = [tv("2024/06/01 10:01:00.000", f"NetWatchdog: keep-alive {n}") for n in range(3000)]
    end = [tv("2024/06/01 10:30:00.000", REMOVE)]
    expected = [("teamviewer-log", "incoming", "123456789", u(2024, 6, 1, 8),
                 u(2024, 6, 1, 8, 30), "accepted")]
    for body in (session + end, session + noise + end):
        data = log(*body).replace(b"\n", b"\r")
        assert len(data) > 200_000 or body == session + end
        assert seen(conns(data, PARIS, name="TeamViewer15_Logfile.log")) == expected
        assert seen(conns(data.decode().encode("utf-16"), PARIS)) == expected
        grown = read_increment(io.BytesIO(data + b"\r"), tz=PARIS, max_bytes=len(data) // 3)
        rest = read_increment(io.BytesIO(data + b"\r"), grown.offset, grown.state, tz=PARIS)
        assert seen([*grown.connections, *rest.connections]) == expected


def test_a_cr_at_the_end_of_a_growing_file_waits_for_its_lf() -> None:
    # "...\r" may be the first half of "\r\n": the line is not consumed as ended until the
    # next byte shows which, so the LF is never read as an empty line of its own.
    first = log(tv("2024/06/01 10:00:00.000", PASSIVE)).replace(b"\n", b"\r\n")
    inc = read_increment(io.BytesIO(first[:-1]), tz=PARIS)
    assert first[inc.offset - 2:inc.offset] == b"\r\n" and inc.offset < len(first) - 1
    rest = read_increment(io.BytesIO(first), inc.offset, inc.state, tz=PARIS)
    assert rest.offset == len(first) and [c.line for c in rest.open] == [5]


# -- a crash while writing -----------------------------------------------------------------
def test_a_line_cut_by_a_crash_never_lends_its_tail_to_the_next_line() -> None:
    # An unclean shutdown leaves a run of NULs where the data being written was lost, and
    # the restarted tool writes on after it, on the same physical line. The line before the
    # NULs is cut (its ID too: 12345 of 123456789); what follows is a line of its own.
    cut = tv("2024/06/01 10:00:01.000", HELLO).removesuffix("6789, RSA key length")
    restart = [tv("2024/06/01 11:00:00.000", ""), "Start:              2024/06/01 11:00:00.000"
               " (UTC+2:00)", tv("2024/06/01 11:00:05.000", PASSIVE.replace("[3]", "[4]"))]
    data = (log(tv("2024/06/01 10:00:00.000", PASSIVE)) + cut.encode() + b"\x00" * 300
            + "\n".join([*restart, ""]).encode())
    found = conns(data, PARIS, name="TeamViewer15_Logfile.log")
    assert [(c.partner_id, c.start, c.end) for c in found] == [
        (None, u(2024, 6, 1, 8), None), (None, u(2024, 6, 1, 9, 0, 5), None)]  # not 123452024
    grown = read_increment(io.BytesIO(data), tz=PARIS, max_bytes=len(data) // 2)
    rest = read_increment(io.BytesIO(data), grown.offset, grown.state, tz=PARIS)
    assert seen([*rest.connections, *rest.open]) == seen(found)
    # The session start written right after the NULs is read (it was lost in the cut line).
    rustdesk = (RD_SESSION[:-20].encode() + b"\x00" * 64 + RD_SESSION.encode() + b"\n")
    [c] = conns(rustdesk, PARIS, name="rustdesk_rCURRENT.log")
    assert (c.direction, c.partner_id, c.end) == ("outgoing", "412736958", None)


def test_a_connection_row_before_a_crash_is_read_whole() -> None:
    # Rows start with a newline, so the one before the NULs is whole once its GUID is there.
    data = f"\n{ROW_IN}".encode() + b"\x00" * 512
    expected = [("teamviewer-incoming", "incoming", "1660360496", u(2024, 2, 16, 14, 16, 32),
                 u(2024, 2, 16, 14, 18, 36), "accepted")]
    assert seen(conns(data, name="Connections_incoming.txt")) == expected
    inc = read_increment(io.BytesIO(data), tz=UTC_ZONE, name="Connections_incoming.txt")
    assert seen(list(inc.connections)) == expected and inc.offset == len(data)
    after = data + f"\n{ROW_IN.replace(' 14:1', ' 15:1')}".encode()
    more = read_increment(io.BytesIO(after), inc.offset, inc.state, tz=UTC_ZONE)
    assert [c.start for c in more.connections] == [u(2024, 2, 16, 15, 16, 32)]


# -- fractions of a second -----------------------------------------------------------------
def test_times_with_microseconds_are_read_not_dropped() -> None:
    # TeamViewer and AnyDesk write milliseconds; a build writing microseconds changes no
    # field, so its lines are read to the microsecond (they gave no connection at all).
    data = log(tv("2024/06/01 10:00:00.000250", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
               tv("2024/06/01 10:00:10.000", ADD), tv("2024/06/01 10:30:00.123456", REMOVE))
    [c] = conns(data, PARIS, name="TeamViewer15_Logfile.log")
    assert (c.partner_id, c.start, c.end) == (
        "123456789", u(2024, 6, 1, 8).replace(microsecond=250),
        u(2024, 6, 1, 8, 30).replace(microsecond=123456))
    trace = "\n".join([
        ad("2025-09-22 00:53:50.850001", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093000", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043000", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:57:14.134999", "app.session",
           "Session closed by remote side: desk_rt_ipc_error."), ""]).encode()
    [a] = conns(trace, UTC_ZONE)
    assert (a.partner_id, a.start, a.end, a.outcome) == (
        "1001025310", u(2025, 9, 22, 0, 53, 50).replace(microsecond=850001),
        u(2025, 9, 22, 0, 57, 14).replace(microsecond=134999), "accepted")


# -- not a log -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["TeamViewer15_Logfile.log", "ad.trace",
                                  "Connections_incoming.txt", "rustdesk_rCURRENT.log"])
def test_binary_without_a_line_end_under_a_tools_name_is_refused(name: str) -> None:
    # A first line still being written lets a file of the tool's name through with no
    # whole line yet; bytes no log writes (controls, undecodable UTF-16) are no such line.
    binary = bytes(b for b in range(1, 256) if b not in (10, 13)) * 4
    for data in (binary, codecs.BOM_UTF16_LE + b"\x00\xd8" * 40):
        with pytest.raises(LogFormatError):
            conns(data, name=name)
    # A line being written is still let through, in any encoding.
    start = tv("2024/06/01 10:00:00.000", "Logger started")
    assert conns(start.encode("utf-16"), name="TeamViewer15_Logfile.log") == []
    assert conns(AD_ACCEPT.replace("relay", "relais é").encode("cp1252"), name="ad.trace") == []


def test_anydesks_connection_trace_is_refused_naming_the_files_to_give() -> None:
    # One line per attempt, the start to the minute and no end (remote_logs.md 2.2): it can
    # date no connection against a consent. The refusal says which files to give instead.
    row = ("Incoming    2024-02-16, 20:29    User                              221436813"
           "    221436813")
    for data in (f"{row}\r\n".encode("utf-16"), f"{row}\n".encode()):
        with pytest.raises(LogFormatError, match=r"ad_svc\.trace, ad\.trace"):
            conns(data, name=r"C:\ProgramData\AnyDesk\connection_trace.txt")


def test_rustdesk_reconnection_is_a_connection_of_its_own() -> None:
    # RustDesk's reconnect (network lost, or the Reconnect button) runs the client loop
    # again with no new `Session <ID> start`: the punch attempt it logs before connecting
    # starts the reconnected connection, which was lost (the end read was the drop's).
    def rd(stamp: str, level: str, source: str, msg: str) -> str:
        return f"[2026-04-12 {stamp} -04:00] {level} [{source}] {msg}"

    punch = "#1 TCP punch attempt with 192.0.2.45:38937, id: 412736958"
    peer = 'handle_peer_info :PeerInfo { username: "marie", hostname: "pc" }'
    data = "\n".join([
        RD_SESSION,
        rd("17:12:04.563743", "INFO", "src/client.rs:470", punch),  # its first connection
        rd("17:12:23.463178", "DEBUG", "src/ui_session_interface.rs:1775", peer),
        rd("17:41:02.922386", "DEBUG", "src/client/io_loop.rs:321",
           "Exit io_loop of id=412736958"),
        rd("17:41:05.000100", "INFO", "src/client.rs:470", punch),
        rd("17:41:05.000200", "INFO", "src/client.rs:470", punch.replace("#1", "#2")),
        rd("17:41:06.100000", "DEBUG", "src/ui_session_interface.rs:1775", peer),
        rd("18:05:00.000000", "DEBUG", "src/client/io_loop.rs:321",
           "Exit io_loop of id=412736958"), ""]).encode()
    at = datetime(2026, 4, 12, tzinfo=UTC)
    assert seen(conns(data, PARIS)) == [
        ("rustdesk-log", "outgoing", "412736958", at.replace(hour=21, minute=12, second=4,
                                                             microsecond=147039),
         at.replace(hour=21, minute=41, second=2, microsecond=922386), "accepted"),
        ("rustdesk-log", "outgoing", "412736958", at.replace(hour=21, minute=41, second=5,
                                                             microsecond=100),
         at.replace(hour=22, minute=5), "accepted")]


@pytest.mark.parametrize(("offset", "east"), [
    ("+14:00", 14 * 60), ("-12:00", -12 * 60), ("+05:45", 5 * 60 + 45),
    ("+25:00", None), ("+02:75", None), ("-99:00", None),  # no zone: a damaged line
])
def test_rustdesk_offsets_that_no_zone_has_are_not_read(offset: str, east: int | None) -> None:
    # A flipped digit in the offset would put the instant days off: such a line is not
    # read (here a second session start, after a whole one).
    line = RD_SESSION.replace("-04:00", offset)
    found = conns(f"{RD_SESSION}\n{line}\n".encode(), PARIS, name="rustdesk_rCURRENT.log")
    wall = datetime(2026, 4, 12, 17, 12, 4, 147039, tzinfo=UTC)
    expected = [wall + timedelta(hours=4)]
    if east is not None:
        expected.append(wall - timedelta(minutes=east))
    assert sorted(c.start for c in found) == sorted(expected)


@pytest.mark.parametrize("name", ["connection_trace (1).txt", "anydesk-connexions.txt", None])
def test_anydesks_connection_trace_is_known_by_its_rows_whatever_its_name(
        name: str | None) -> None:
    # It reaches the technician renamed (a mail's or a chat's download): its rows say what
    # it is, so the refusal still names the files to give, not "not a log".
    rows = [  # the 2024 layout and the 2014 KB one (alias@ad, spacing mangled)
        "Incoming    2024-02-16, 20:29    User                              221436813"
        "    221436813",
        "Incoming     2014-11-26, 04:38   Token       user2@ad 123456",
        "Outgoing    2024-05-16, 09:41    Passwd                           1108841617"
        "    1108841617",
        "Incoming    2026-09-01 14:02:33    123456789    worker-alias    User"]
    for data in ("\r\n".join([*rows, ""]).encode("utf-16"), "\n".join([*rows, ""]).encode()):
        with pytest.raises(LogFormatError, match=r"ad_svc\.trace, ad\.trace") as caught:
            conns(data, name=name) if name else conns(data)
        assert "None" not in caught.value.message


@pytest.mark.parametrize("shown", ["412736958@rd.example.org", "412736958/r"])
def test_rustdesk_peer_on_another_server_is_one_connection(shown: str) -> None:
    # A peer on another server (`<ID>@<server>`) or relayed (`<ID>/r`) is named so in the
    # session and loop lines, but by its bare ID in the punch attempt: one connection, and a
    # reconnection still a connection of its own, each ended.
    def rd(stamp: str, msg: str) -> str:
        return f"[2026-04-12 {stamp} -04:00] INFO [src/client.rs:470] {msg}"

    punch = "#1 TCP punch attempt with 192.0.2.45:38937, id: 412736958"
    peer = 'handle_peer_info :PeerInfo { username: "marie", hostname: "pc" }'
    data = "\n".join([
        rd("17:12:04.147039", f"Session {shown} start, use texture render: true"),
        rd("17:12:04.563743", punch), rd("17:12:23.463178", peer),
        rd("17:41:02.922386", f"Exit io_loop of id={shown}"),
        rd("17:41:05.000100", punch), rd("17:41:06.100000", peer),
        rd("18:05:00.000000", f"Exit io_loop of id={shown}"), ""]).encode()
    found = conns(data, PARIS)
    assert [(c.start.strftime("%H:%M:%S"), c.end and c.end.strftime("%H:%M:%S"), c.outcome)
            for c in found] == [("21:12:04", "21:41:02", "accepted"),
                                ("21:41:05", "22:05:00", "accepted")]
    assert found[0].partner_id == shown and found[1].partner_id == "412736958"


def test_rustdesk_files_rotated_twice_in_one_second() -> None:
    # flexi_logger names a second rotation within the same second with a `.restart-NNNN`
    # infix: still RustDesk's log by its name, and read after the first of that second.
    restart = "rustdesk_r2025-11-23_19-44-47.restart-0001.log"
    assert format_from_name(restart) == "rustdesk-log"
    assert rotation_order(["RustDesk_rCURRENT.log", restart, "rustdesk_r2025-11-23_19-44-48.log",
                           "rustdesk_r2025-11-23_19-44-47.log"]) == [
        "rustdesk_r2025-11-23_19-44-47.log", restart, "rustdesk_r2025-11-23_19-44-48.log",
        "RustDesk_rCURRENT.log"]


# -- growing files -------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data"), [
    ("Connections_incoming.txt", f"\r\n{ROW_IN}\r\n{ROW_IN.replace(' 14:1', ' 15:1')}\r"
     f"{ROW_IN.replace(' 14:1', ' 16:1')}".encode()),
    ("Connections_incoming.txt", f"\n{ROW_IN}".encode() + b"\x00" * 9
     + f"\n{ROW_IN.replace(' 14:1', ' 15:1')}".encode()),
    ("TeamViewer15_Logfile.log", log(tv("2024/06/01 10:00:00.000", PASSIVE),
                                     tv("2024/06/01 10:00:01.000", HELLO),
                                     tv("2024/06/01 10:30:00.000", REMOVE)).decode().replace(
        "\n", "\r\n").encode("utf-16")),
])
def test_a_file_read_while_it_grows_gives_what_one_read_gives(name: str, data: bytes) -> None:
    # Caught after any byte (half a CRLF, half a UTF-16 code unit, inside a crash's NULs),
    # then read on: the same connections, on the same lines, as reading the whole file.
    fmt = detect(data, name)
    whole = [(c.partner_id, c.start, c.end, c.line) for c in conns(data, PARIS, name=name)]
    assert len(whole) in (1, 2, 3)
    for cut in range(len(data)):
        first = read_increment(io.BytesIO(data[:cut]), tz=PARIS, fmt=fmt)
        rest = read_increment(io.BytesIO(data), first.offset, first.state, tz=PARIS)
        got = [*first.connections, *rest.connections, *rest.open]
        assert [(c.partner_id, c.start, c.end, c.line) for c in got] == whole, cut
    assert detect(data[:len(data) // 2 * 2 - 1], name) == fmt  # half a character: no refusal


# -- every format in every encoding and line end ---------------------------------------------
_SESSIONS = {  # name -> (text with LF line ends, its connections)
    "TeamViewer15_Logfile.log": (log(
        tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:01.000", HELLO),
        tv("2024/06/01 10:00:10.000", ADD), tv("2024/06/01 10:30:00.000", REMOVE)).decode(),
        [("incoming", "123456789", u(2024, 6, 1, 8), u(2024, 6, 1, 8, 30))]),
    "ad_svc.trace": ("\n".join([
        AD_ACCEPT,
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:57:14.134", "app.session",
           "Session closed by remote side: desk_rt_ipc_error."), ""]),
        # no zone in the trace: read in the caller's (Paris, UTC+2 then)
        [("incoming", "1001025310", u(2025, 9, 21, 22, 53, 50, 850),
          u(2025, 9, 21, 22, 57, 14, 134))]),
    "rustdesk_rCURRENT.log": ("\n".join([
        RD_SESSION,
        "[2026-04-12 17:12:42.922386 -04:00] DEBUG [src/client/io_loop.rs:321] Exit io_loop "
        "of id=412736958", ""]),
        [("outgoing", "412736958", u(2026, 4, 12, 21, 12, 4).replace(microsecond=147039),
          u(2026, 4, 12, 21, 12, 42).replace(microsecond=922386))]),
    "Connections_incoming.txt": (f"\n{ROW_IN}\n{ROW_IN.replace(' 14:1', ' 15:1')}", [
        ("incoming", "1660360496", u(2024, 2, 16, 14, 16, 32), u(2024, 2, 16, 14, 18, 36)),
        ("incoming", "1660360496", u(2024, 2, 16, 15, 16, 32), u(2024, 2, 16, 15, 18, 36))]),
    "Connections.txt": (f"\n{ROW_OUT}", [
        ("outgoing", "1660360496", u(2024, 2, 20, 13, 10, 33), u(2024, 2, 20, 13, 11, 52))]),
}


@pytest.mark.parametrize("name", sorted(_SESSIONS))
@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_each_format_in_each_encoding_and_line_end(name: str, end: str, codec: str) -> None:
    # "utf-16" writes a BOM (little-endian here); the -le and -be ones write none.
    text, expected = _SESSIONS[name]
    data = text.replace("\n", end).encode(codec)
    for given in (name, None):
        found = conns(data, PARIS, name=given) if given else conns(data, PARIS)
        assert [(c.direction, c.partner_id, c.start, c.end) for c in found] == expected


_CODEC = ("SupportedDecoding { ability_vp9: 1, ability_h264: 1, prefer: Auto, ability_vp8: 1, "
          "ability_av1: 1, prefer_chroma: I420 }")


@pytest.mark.parametrize(("login", "outcomes"), [
    # the codec its login registers, by the connection's number, as real server logs show
    (f"update:Update(1362, {_CODEC})", ["accepted", "unknown"]),
    ("update:NewOnlyVP9(1362)", ["accepted", "unknown"]),
    # another connection's login, and the removal at an end, accept nothing
    (f"update:Update(1364, {_CODEC})", ["unknown", "unknown"]),
    ("update:Remove(1362)", ["unknown", "unknown"]),
    (f"update:Update(13620, {_CODEC})", ["unknown", "unknown"]),
])
def test_rustdesk_incoming_connection_that_logged_in_is_accepted(
        login: str, outcomes: list[str]) -> None:
    # The incoming side names no partner and logs no verdict of its own: the codec update
    # written once the login was accepted (update_codec_on_login) is its acceptance; a
    # connection without it (a refused password, a timeout) stays "unknown", which no
    # reconciliation rule counts as time connected to the client.
    def rd(stamp: str, level: str, source: str, msg: str) -> str:
        return f"[2026-03-10 {stamp} +01:00] {level} [{source}] {msg}"

    data = "\n".join([
        rd("09:04:08.350802", "DEBUG", r"src\server\connection.rs:1354",
           "#1362 Connection opened from 198.51.100.7:6074."),
        rd("09:04:08.400000", "DEBUG", r"src\server\connection.rs:1354",
           "#1363 Connection opened from 198.51.100.9:6075."),
        rd("09:04:15.837855", "INFO", r"libs\scrap\src\common\codec.rs:172", login),
        rd("09:04:20.000001", "INFO", r"src\server\connection.rs:4955",
           "#1363 Connection closed: Timeout"),
        rd("09:47:51.008311", "INFO", r"src\server\connection.rs:4955",
           "#1362 Connection closed: End"), ""]).encode()
    found = conns(data, PARIS, name="RustDesk_rCURRENT.log")
    assert sorted((c.start, c.outcome) for c in found) == [
        (u(2026, 3, 10, 8, 4, 8).replace(microsecond=350802), outcomes[0]),
        (u(2026, 3, 10, 8, 4, 8).replace(microsecond=400000), outcomes[1])]
    # Still open at the end of what was read: the login is kept for its end to come.
    state = read_increment(io.BytesIO(data.split(b"#1362 Connection closed")[0]), tz=PARIS,
                           name="RustDesk_rCURRENT.log")
    assert [c.outcome for c in state.open] == outcomes[:1]


def test_rustdesk_server_start_ends_what_the_previous_process_had_open() -> None:
    # The client's computer restarted during a session: the server process was killed
    # before writing its connection's end, and the new one (`start --server`, its own
    # connection numbers, random) never ends it. It is seen up to the last line before the
    # start, not open through the rest of the log; an outgoing one (the GUI's) is not the
    # server's.
    def rd(stamp: str, msg: str, source: str = r"src\server\connection.rs:1354") -> str:
        return f"[2026-03-10 {stamp} +01:00] INFO [{source}] {msg}"

    start = rd("09:22:10.000000", "start --server with user LocalService",
               r"src\core_main.rs:332")
    data = "\n".join([
        rd("09:04:08.350802", "#1362 Connection opened from 198.51.100.7:6074."),
        rd("09:04:15.837855", "update:NewOnlyVP9(1362)", r"libs\scrap\src\common\codec.rs:172"),
        rd("09:10:00.000000", "Session 412736958 start, use texture render: true",
           r"src\flutter.rs:1408"),
        rd("09:20:00.000000", "rendezvous server: rs-ny.rustdesk.com:21116", r"src\server.rs:431"),
        start,
        rd("09:23:30.000000", "#1544 Connection opened from 198.51.100.7:6080."),
        rd("09:47:51.000000", "#1544 Connection closed: End", r"src\server\connection.rs:4955"),
        rd("17:30:00.000000", "rendezvous server: rs-ny.rustdesk.com:21116", r"src\server.rs:431"),
        ""]).encode()
    found = {c.start.minute: c for c in conns(data, PARIS, name="RustDesk_rCURRENT.log")}
    assert (found[4].end, found[4].seen_until, found[4].outcome) == (
        None, u(2026, 3, 10, 8, 20), "accepted")
    assert found[23].end == u(2026, 3, 10, 8, 47, 51)
    assert (found[10].direction, found[10].seen_until) == ("outgoing", u(2026, 3, 10, 16, 30))
    # Followed by the daemon, the new process's file read after the rotated one (the state
    # saved and loaded between): seen up to the same line, not to its start.
    before, after = data.split(start.encode())
    first = read_increment(io.BytesIO(before), tz=PARIS,
                           name="rustdesk_r2026-03-10_08-31-59.log")
    state = TailState.from_json(first.state.to_json())
    second = read_increment(io.BytesIO(start.encode() + after), 0, state, tz=PARIS,
                            name="RustDesk_rCURRENT.log")
    assert [(c.start, c.seen_until) for c in second.connections if c.end is None] == [
        (found[4].start, u(2026, 3, 10, 8, 20))]
    # The start alone, as a message quoted in another line, ends nothing.
    quoted = data.replace(start.encode(), rd("09:22:10.000000", "cmd: start --server").encode())
    assert {c.start.minute: c.seen_until for c in conns(quoted, PARIS)}[4] == u(
        2026, 3, 10, 16, 30)


def test_a_run_of_nuls_ends_what_was_open_at_the_crash() -> None:
    # A run of NULs is an unclean shutdown (AnyDesk's real traces have them before their
    # restart banners): every process died, so what was open ended there without its end;
    # the restarted tool, with new processes and fibers, never writes it. Seen up to the
    # last whole line before, in a one-shot read and when followed.
    session = "\n".join([
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:54:16.646", "app.session", "3: Sending screen size."),
        ad("2025-09-22 00:54:20.000", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"), ""]).encode()
    restart = "\n".join([
        "   info 2025-09-22 01:28:29.118         ad   main   1202   1202      "
        "                            main - * AnyDesk Linux Startup *",
        ad("2025-09-22 01:28:37.364", "app.service", "Waiting for messages."), ""]).encode()
    data = session + b"\x00" * 653 + restart
    [cut] = conns(data, UTC_ZONE, name="anydesk_var_log.trace")
    assert (cut.start, cut.end, cut.seen_until, cut.outcome) == (
        u(2025, 9, 22, 0, 53, 50, 850), None, u(2025, 9, 22, 0, 54, 20), "accepted")
    followed = read_increment(io.BytesIO(data), tz=UTC_ZONE, name="anydesk_var_log.trace")
    assert followed.open == () and [c.seen_until for c in followed.connections] == [
        cut.seen_until]
    # Without the crash, the session is open to the log's end.
    whole = conns(session + restart, UTC_ZONE, name="anydesk_var_log.trace")
    assert [c.seen_until for c in whole if c.outcome == "accepted"] == [
        u(2025, 9, 22, 1, 28, 37, 364)]


def _service_banner(stamp: str, pid: str, args: str = "'--service'") -> list[str]:
    """A service process's start, as the real Linux service trace writes each one: the
    separator, the banner and, a few lines on, its arguments (tag `ad`, no fiber)."""
    def main(msg: str) -> str:
        return (f"   info {stamp}         ad   main   {pid}   {pid}                      "
                f"            main - {msg}")
    return [" * * * * * * * * * * * * * * * * * *", main("* AnyDesk Linux Startup *"),
            main("* Version 7.1.0 ((unknown) ac055bc6d9fdd6c8da59916821891f164dba8e31)"),
            main("Distribution Info: Ubuntu 24.04.3 LTS"), main(f"Command Line params: {args}")]


@pytest.mark.parametrize("args", ["'--service'", "'--service' '--silent'"])
def test_anydesk_service_start_ends_the_sessions_the_old_service_held(args: str) -> None:
    # The service was restarted during a session (killed, updated, a reboot that left no
    # NULs): the session died with the old process, and the new one (its own PID and
    # fibers) never writes its end. End unknown, seen up to the old process's last line,
    # not open through the rest of the log. The `--tray` start of a user process ends
    # nothing.
    session = [
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:54:16.646", "app.session", "3: Sending screen size.")]
    later = [ad("2025-09-22 01:28:37.364", "app.service", "Waiting for messages.").replace(
        "1214   1214", "1202   1202"), ""]
    data = "\n".join([*session, *_service_banner("2025-09-22 01:28:29.118", "1202", args),
                      *later]).encode()
    [cut] = conns(data, UTC_ZONE, name="anydesk_var_log.trace")
    assert (cut.end, cut.seen_until, cut.outcome) == (
        None, u(2025, 9, 22, 0, 54, 16, 646), "accepted")
    # Followed by the daemon, read in two steps cut anywhere after the session's last
    # line: the state kept between says how far the old process's lines went.
    for at in ("* * *", "* AnyDesk", "Command Line", "Waiting"):
        cut_at = data.index(at.encode())
        cut_at = data.rindex(b"\n", 0, cut_at) + 1
        first = read_increment(io.BytesIO(data[:cut_at]), tz=UTC_ZONE,
                               name="anydesk_var_log.trace")
        state = TailState.from_json(first.state.to_json())
        rest = read_increment(io.BytesIO(data), first.offset, state, tz=UTC_ZONE,
                              name="anydesk_var_log.trace")
        assert rest.open == () and [(c.key, c.seen_until) for c in (
            *first.connections, *rest.connections)] == [(cut.key, cut.seen_until)], at
    tray = "\n".join([*session, *_service_banner("2025-09-22 01:28:29.118", "1202",
                                                 "'--tray'"), *later]).encode()
    [kept] = conns(tray, UTC_ZONE, name="anydesk_var_log.trace")
    assert kept.seen_until == u(2025, 9, 22, 1, 28, 37, 364)


def test_a_followed_anydesk_trace_keeps_its_last_lines_time() -> None:
    # The daemon reads a trace in steps: a session still open when the log stops is seen
    # up to the log's last line, not to the last marker line of the step before (its
    # noise lines carry the time too).
    data = "\n".join([
        ad("2025-09-22 00:53:50.850", "anynet.any_socket",
           "Accept request from 1001025310 (via relay).", fiber="11"),
        ad("2025-09-22 00:53:51.093", "app.session",
           "1 - Connecting to console session 2617699542 (current 2617699542)."),
        ad("2025-09-22 00:53:56.043", "app.session", "3: Authenticated by local user.",
           level="auth"),
        ad("2025-09-22 00:59:16.646", "app.session", "3: Sending screen size."), ""]).encode()
    first = read_increment(io.BytesIO(data), tz=UTC_ZONE, name="anydesk_var_log.trace")
    state = TailState.from_json(first.state.to_json())
    banner = _service_banner("2025-09-22 01:28:29.118", "1202")
    crash = data + b"\x00" * 64 + "\n".join([*banner, ""]).encode()
    rest = read_increment(io.BytesIO(crash), first.offset, state, tz=UTC_ZONE,
                          name="anydesk_var_log.trace")
    assert [c.seen_until for c in rest.connections] == [u(2025, 9, 22, 0, 59, 16, 646)]


@pytest.mark.parametrize(("tag", "ends"), [("S0", True), ("S", True), ("G1", False),
                                           ("D1", False), ("G", False)])
def test_a_start_block_standing_alone_is_the_start_of_the_next_lines_process(
        tag: str, ends: bool) -> None:
    # TV11-13 write the Start: block alone (empty lines before it, no line of its process):
    # the next line with a component says whose start it was. A GUI's or a desktop
    # process's line: the technician's window reopened, the service's session goes on to
    # its own end. Any other: the service restarted, the session ended with the old one
    # (end unknown, seen up to the last line before the block). A line whose component is
    # not known yet (`0`) decides nothing.
    gui_ids = "5276       5280"
    data = log(tv("2024/06/01 10:00:00.000", PASSIVE), tv("2024/06/01 10:00:00.100", HELLO),
               tv("2024/06/01 10:00:05.000", ADD),
               tv("2024/06/01 10:11:30.000", "CTcpProcessConnector::HandleKeepAlive"),
               "", "", "", HEADER[1].replace("09:00", "10:20"),
               "Version:            13.1.3629 ", "",
               tv("2024/06/01 10:20:04.000", "Logger started.", gui_ids, "0"),
               tv("2024/06/01 10:20:05.000", "Loading settings", gui_ids, tag),
               tv("2024/06/01 10:50:00.000", REMOVE),
               tv("2024/06/01 10:50:00.100", "SessionStatistics[3] Session to 123456789 "
                  "ended. Estimated capacity=1kBit/s, Latency=6ms"))
    (found,) = conns(data, PARIS)
    assert (found.start, found.end, found.seen_until) == (
        (u(2024, 6, 1, 8), None, u(2024, 6, 1, 8, 11, 30)) if ends else
        (u(2024, 6, 1, 8), u(2024, 6, 1, 8, 50), None))
    # Followed as it grows, cut anywhere between the block and the line that decides.
    for at in (b"Version:", b"Logger started.", b"Loading settings"):
        cut = data.rindex(b"\n", 0, data.index(at)) + 1
        first = read_increment(io.BytesIO(data[:cut]), tz=PARIS,
                               name="TeamViewer13_Logfile.log")
        state = TailState.from_json(first.state.to_json())
        rest = read_increment(io.BytesIO(data), first.offset, state, tz=PARIS,
                              name="TeamViewer13_Logfile.log")
        assert [(c.end, c.seen_until) for c in (*first.connections, *rest.connections)
                if c.end is not None or c.seen_until is not None] == [
            (found.end, found.seen_until)], at


@pytest.mark.parametrize(("name", "end", "cut"), [
    ("anydesk_var_log.trace", ad("2025-09-22 00:57:14.134", "app.session",
                                 "Session closed by remote side: desk_rt_ipc_error."), True),
    ("anydesk_var_log.trace", ad("2025-09-22 00:57:14.134", "app.session",
                                 "5: Processing done."), True),
    ("anydesk.trace", "   info 2025-09-22 00:57:14.139    backend   ctrl   6086   6095     "
     "              app.backend_session - Session stopped.", True),
    # a fiber's exit (every fiber has one) and `Stop monitoring 0.` end no session
    ("anydesk_var_log.trace", ad("2025-09-22 00:57:14.134", "app.service",
                                 "Fiber exit (ipc)."), False),
    ("anydesk_var_log.trace", ad("2025-09-22 00:57:14.134", "app.service",
                                 "Stop monitoring 0.", "26"), False),
])
def test_an_anydesk_trace_that_begins_during_a_session_says_so(name: str, end: str,
                                                               cut: bool) -> None:
    # A trace whose first lines are a session's last (its start in the rotated copy): no
    # connection can be made of it, and the read says the log begins during one. After a
    # session's start or a process's start banner, an end that ends nothing says nothing.
    from sessiond.integrations import ReadNotes

    noise = ad("2025-09-22 00:57:10.000", "app.session", "3: Sending screen size.")
    notes = ReadNotes()
    assert conns(f"{noise}\n{end}\n".encode(), UTC_ZONE, name=name, notes=notes) == []
    assert (notes.start_missing is not None) is cut
    if cut:
        assert notes.start_missing is not None
        assert (notes.start_missing.line, notes.start_missing.at) == (
            2, u(2025, 9, 22, 0, 57, 14, 139 if "backend" in end else 134))
    after = ReadNotes()
    conns("\n".join([*_service_banner("2025-09-22 00:50:00.000", "1214")[1:], end,
                     ""]).encode(), UTC_ZONE, name=name, notes=after)
    assert after.start_missing is None
