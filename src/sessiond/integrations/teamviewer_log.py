"""TeamViewer's verbose log, `TeamViewer<NN>_Logfile.log` and its rotated `_OLD` file.

Lines (remote_logs.md 1.3, one pattern matched 98 % of 46,421 real lines):
`YYYY/MM/DD HH:MM:SS.mmm  PID  TID TAG!! message`, in local time (those real lines are of
Windows and iOS, whose tags end with a digit, `S0`; Linux builds write the letter alone,
`S`). The offset from UTC is written only in the `Start:` block of each process start
(`(UTC-8:00)`, `(UTC+5:30)`, or an abbreviation such as `(CDT)` on iOS). The offset is
then stale after a DST change inside the run, and a rotated file (1 MB, then renamed
`_OLD`) starts with no block.
The milliseconds may be separated by `:` (older builds, per dissect) and a line with
microseconds (6 digits) is read to the microsecond: the precision changes no field.

Instants: when the caller's zone `tz` agrees with the `Start:` offset, lines are read in
`tz` (DST changes inside the file are followed; see timeparse for ambiguous and missing
times). When it disagrees (a log from another machine) the header offset is used, and a
backward jump of the wall clock is a DST change only if a real zone (the tz database:
`tz` first, then every zone) that had that offset moved its clocks back between the two
lines, by at least the jump: the offset then drops by that zone's amount (an hour, half
an hour at Lord Howe). Any other jump back (a clock set by hand, a time sync) keeps the
offset. A forward jump is the spring change when a real zone that had that offset moved
its clocks forward between the two lines and they are then at most half an hour apart
(timeparse.FORWARD_GAP: lines on both sides of the skipped hour; a longer silence across
it is read as silence, unless a later `Start:` block, seen by the reader's look ahead,
has the larger offset). Before any `Start:` block (the first lines of TV15's file, a
rotated `_OLD` file whose process started after the rotation), the first block further in
the files read gives the offset (`prime`: the reader looks ahead for it), else `tz`. A
line whose wall time the caller's zone skipped (in its spring change) shows the log's
zone only shared the block's offset: from there on the block's offset is used.

Markers, all verbatim from real logs (TV11 to TV15):
- incoming: `CommandHandlerRouting[n]::CreatePassiveSession(): incoming session via`
  (start, before authentication: it matches Connections_incoming.txt to the second),
  `client hello received from <ID>` or `<own ID> <- <ID>: session handshake succeeded`
  (partner; the second is the only one a Linux TV15 write-up quotes, and follows the first
  in a real Windows TV 15.78 log), `AddParticipant: [<ID>,<n>] type=6`
  and `..._Passive::RunAuthenticationMethod: authentication using ... was successful`
  (accepted; `denied` alone means rejected; naming no partner, it is the verdict of the
  one incoming attempt not yet accepted, and of none while two are);
- outgoing: `Trying connection to <ID>, mode = 1` (start), `CreateActiveSession():
  outgoing session to <ID>` with the routing index (the partner may be an address, a
  connection by IP: the two pair by address without its port, or the service's start
  joins the attempt to an address begun last, within a minute), `LoginOutgoing: authentication
  denied` (rejected), `LoginOutgoing: ConnectFinished - error: <e>` (failed, and the
  attempt ends there), `Client connection to <ID>, server version` (accepted: it comes
  after the authentication in the one real sample; a guess to confirm);
- both: `ShowSponsoredSessionDialog: ... outgoing=0|1, established=0|1` (verdict);
- end (the first of): `RemoveParticipant: [<ID>,...]` of the partner,
  `CStreamManager[n]::ReceivedEndSession()`, `IProcessCommandHandler[n]::CmdEndSession():
  Received CMD_ENDSESSION with reason: <r>` (incoming only: the only end of an attempt
  that never authenticated, in a real TV12 log), `... [n]... Session to <ID> ended` (or
  `terminated because of ...`, quoted from a Linux TV15 log). The first one matches the
  end in Connections_incoming.txt to the second. Where a line has no routing index (the
  Linux quotes), start and end pair by the partner ID.
- end of an outgoing session in the GUI process that began it (a Linux user's log has no
  other): `Connection closed by user`, `VoIP: Receiver: remove channels of all
  participants in session <n>` (TV12), `VoIP: Receiver: Session <n>: Channel removed for
  participant [<ID>,...]` (TV15, the partner's), `...::SetSessionTerminateReason: Session
  terminated` (TV15; see _CLOSED_BY_USER), `CLogin::AuthenticateClient() Connection to
  <ID> denied, because ...` (rejected, TV11).
- incoming, as the session's own processes log it (the only markers of a QuickSupport
  log, which has no service: a real QuickSupport TV15 log quoted in write-ups of the HTB
  "TickTock" case has them under `D3`, and the real installed TV 15.50.5 log of plaso's test
  data under `G1`/`D1`): `AppSessionManager::HandleSessionIncoming: Connection incoming,
  sessionID = <n>` and `SessionManagerDesktop::IncomingConnection: Connection incoming,
  sessionID = <n>` (TV12: the message alone, `Connection incoming, sessionID = <n>`)
  (start; the session ID `<n>` is signed, `-2102926010`), `CParticipant
  ManagerBase participant <name> (ID [<ID>,<n>]) was added with the role 6` (partner,
  accepted: role 6 is the remote side, 3 this machine), `SessionManagerDesktop::Session
  Terminate: removing session with tvsessionprotocol::TVSessionID = <n>` (end; to the
  second of Connections_incoming.txt in plaso's data). In a log with the service's lines
  they join the connection its `CreatePassiveSession` began a moment before.
An incoming session that ends with no authentication line is "failed" (TeamViewer does
not list those in Connections_incoming.txt); an outgoing one with no verdict is "unknown".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sessiond.i18n import _
from sessiond.integrations.base import (
    JSON,
    BadState,
    Open,
    Parser,
    dump_instant,
    get_bool,
    get_int,
    get_opt_instant,
    get_opt_int,
    get_opt_str,
)
from sessiond.integrations.connection import Direction, Outcome
from sessiond.integrations.errors import LogFormatError
from sessiond.integrations.timeparse import (
    FOLD_TOLERANCE,
    MAX_OFFSET,
    clock_change_back,
    clock_change_forward,
    in_zone,
    micros,
    naive,
    offsets_of,
    parse_zone,
    skipped,
    with_offset,
)
from sessiond.partner import normalise_partner

FMT = "teamviewer-log"

# The component tag: a letter and a digit on Windows and iOS (`S0`, `G1`, `D1`, `H64`), `0`
# before the role is known, and the letter alone on Linux (`S`, `G`: TeamViewer 12 and 15
# lines quoted in public bug reports); the severity marks (`!!`) follow it.
# The year may be two digits or absent (`YY/MM/DD`, `MM/DD`: builds before TV11, per
# dissect, whose `Start:` block keeps the four digits): see LogParser._year.
# The milliseconds may be missing (dissect: `HH:MM:SS`), and a 12-hour clock is read
# where the line says AM or PM (a log rewritten by a tool of a US locale): the marker
# makes the hour unambiguous.
_TIME = r"([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:[.:]([0-9]{3,6}))?(?: ?([AaPp][Mm])\b)?"
LINE = re.compile(r"(?:([0-9]{4}|[0-9]{2})/)?([0-9]{2})/([0-9]{2}) " + _TIME
                  + r" +([0-9]+) +[0-9]+ +(?:[A-Z]+[0-9]*|[0-9]+)!* *(.*)")
# The component of a line (`2216       5868 S0   `): its letters. A Start: block that
# follows a GUI's (G1, G2, G4) or a desktop process's (D1...) line is that process
# starting, not the service that holds the sessions.
_COMPONENT = re.compile(r".*? [0-9]+ +[0-9]+ +([A-Z]+)[0-9]*!* *$")
_NOT_SESSIONS = frozenset({"G", "D"})
_TAG = re.compile(r"\s+[0-9]+\s+([A-Z]+)")  # the component after a line's PID (its TID first)
HEADER = re.compile(r"\s*Start:\s+([0-9]{4})/([0-9]{2})/([0-9]{2}) " + _TIME
                    + r"(?:\s*\(([^)]{0,40})\))?")
_HINT = re.compile(r"ession|articipant|Trying conn|client hello|uthentication|LoginOutgoing|"
                   r"Client conn|closed by user|AuthenticateClient")
# Each marker is matched at the start of the message, after at most one word with no
# space in it (the class and method, `CGatewaySession[5]::EndSession():`): the partner's
# display name, which the partner chooses, is written inside other messages (`VoIP:
# Receiver: Participant channel "<name>"`, `CParticipantManagerBase participant <name> (ID
# [...])` in a real TV 15.78 log), and a name such as `Session to <ID> ended` must not end
# the session there. Every marker line of the real logs (TV11 to TV15.78) starts so.
_CLASS = r"(?:\S+ )?"
# The routing index `[n]` is optional: a Linux write-up quotes the start without it, and
# without it start and end pair by partner ID, as RemoveParticipant does.
_PASSIVE = re.compile(r"\S*?(?:\[([0-9]{1,9})\])?::CreatePassiveSession\(\): incoming session")
# The partner as the technician typed it: an ID (grouped by spaces as the GUI shows it) or
# an address (a LAN connection by IP or host name, `192.0.2.10`, maybe with its port).
_PARTNER = r"([0-9]+(?: [0-9]+)*(?![^,\s])|[^,\s]+)"
# Its routing index is optional as CreatePassiveSession's is (the Linux daemon writes the
# class without it): then start and end pair by the partner.
_ACTIVE = re.compile(r"\S*?(?:\[([0-9]{1,9})\])?::CreateActiveSession\(\): outgoing session to "
                     + _PARTNER)
UNINDEXED = -1  # the index of an attempt whose service start had none: paired, no index
_TRYING = re.compile(_CLASS + r"Trying connection to " + _PARTNER)
# The partner of an incoming session: `client hello received from <ID>` (TV11 to TV15 on
# Windows), or `<own ID> <- <ID>: session handshake succeeded` (after it on Windows TV 15.78;
# alone in a Linux TV15 write-up, with the start without routing index and the `terminated`
# end).
_HELLO = re.compile(r"Negotiating session encryption: client hello received from ([0-9]+)|"
                    + _CLASS + r"[0-9]+ <- ([0-9]+): session handshake succeeded")
# The participant is [ID,session number]; the number is a signed 32-bit value, negative for
# about half the sessions (`[1911993798,-1872883808] type=6`, a real TV 15.78 log).
_ADD = re.compile(r"\S*::AddParticipant: \[([0-9]+),-?[0-9]+\] type=([0-9]{1,9})")
_REMOVE = re.compile(r"\S*::RemoveParticipant: \[([0-9]+),")
_AUTH = re.compile(r"\S*_Passive::\w+: authentication using .{0,200}? was (successful|denied)")
_LOGIN_DENIED = re.compile(_CLASS + r"LoginOutgoing: authentication denied")
_LOGIN_ERROR = re.compile(_CLASS + r"LoginOutgoing: ConnectFinished - error")
_CLIENT = re.compile(_CLASS + r"Client connection to " + _PARTNER + r", server version")
_SPONSORED = re.compile(_CLASS + r"ShowSponsoredSessionDialog: .{0,200}?outgoing=([01]), "
                        r"established=([01])")
# The session's own processes (GUI, desktop), keyed by the TeamViewer session ID.
# TV12 writes the message alone (`Connection incoming, sessionID = -2020548939`, G1 and D1).
_SESSION_IN = re.compile(r"(?:\S*::(?:HandleSessionIncoming|IncomingConnection): )?Connection "
                         r"incoming, sessionID = (-?[0-9]{1,10})\b")
# The participant's display name is the partner's choice and comes first: the ID and role
# are those of the line's end, which TeamViewer writes after it (fullmatch, greedy name).
_ROLE = re.compile(r"CParticipantManagerBase participant .* "
                   r"\(ID \[([0-9]+),(-?[0-9]{1,10})\]\) was added with the role ([0-9]{1,9})\s*")
_SESSION_END = re.compile(r"\S*::SessionTerminate: removing session with \S*TVSessionID = "
                          r"(-?[0-9]{1,10})\b")
BIND = timedelta(minutes=1)  # a session's processes log it this soon after the service
# The end of an outgoing session in the GUI process that began it (`Trying connection to`),
# the only end a Linux user's log has (the service's lines are in the daemon's log). Real
# TV12 lines: when the technician closes the remote window, `Connection closed by user`
# (9 ms before the service's `Session to <ID> ended`; the same GUI process then tries
# another connection, so it is the window, not the GUI, that closed); whoever ended it,
# `VoIP: Receiver: remove channels of all participants in session <n>` in the same
# millisecond as the service's end, <n> the session number of this machine's role-6
# participant (`participant <own name> (ID [<own ID>,<n>]) was added with the role 6`),
# which is the TVSessionID of an incoming session's end as well. TV15 writes, for an
# incoming session, `tvbasesession::BaseSessionEndpoint::SetSessionTerminateReason: Session
# terminated. Reason: <r>` in the GUI as the session ends (a real TV 15.54 log); the
# outgoing side's GUI runs the same session endpoint (TV12: `BaseSessionEndpointClient
# Thread`), so the line ends an outgoing session of that process too (GUESS), unless an
# incoming one is open (it is then that one's: the desktop process ends it just after).
_CLOSED_BY_USER = re.compile(r"Connection closed by user\b.*")
_REMOVE_CHANNELS = re.compile(r"VoIP: Receiver: remove channels of all participants in session "
                              r"(-?[0-9]{1,10})\s*")
# An attempt the partner's side refused for good, in the GUI (a real TV11 log: 35 ms after
# `LoginOutgoing: authentication denied`, 50 ms before the service's end): `CLogin::
# AuthenticateClient() Connection to <ID> denied, because remote version is incompatible`.
_CONNECTION_DENIED = re.compile(r"\S*::AuthenticateClient\(\) Connection to " + _PARTNER
                                + r" denied\b.*")
# TV15's VoIP receiver removes the partner's channel as the session ends (real TV 15.50 and
# 15.54 GUI lines of incoming sessions, within 30 ms of the service's end; the session
# number is the TVSessionID): `VoIP: Receiver: Session <n>: Channel removed for participant
# [<ID>,<m>] called "<name> (<ID>)" ...`. It ends the connection to that partner in that
# session (an incoming one by its session ID, an outgoing one begun by that GUI process):
# another participant leaving a meeting ends nothing.
_CHANNEL_REMOVED = re.compile(r"VoIP: Receiver: Session (-?[0-9]{1,10}): Channel removed for "
                              r"participant \[([0-9]+),-?[0-9]{1,10}\](?: .*)?")
_TERMINATE_REASON = re.compile(r"\S*::SetSessionTerminateReason: Session terminated\b.*")
_END_STREAM = re.compile(r"\S*?\[([0-9]{1,9})\]::ReceivedEndSession\(\)")
# The service's end command, in the millisecond of the verdict of an outgoing attempt and
# sometimes before it (TV11: `CmdEndSession` then `LoginOutgoing: authentication denied`),
# so it ends incoming sessions only; an outgoing one always has its `Session to` line.
_CMD_END = re.compile(r"\S*?\[([0-9]{1,9})\]::CmdEndSession\(\): Received CMD_ENDSESSION")
# `Session to <ID> ended` (TV11-15 on Windows), `Session to <ID> terminated because of
# authentication timeout!` (TV15 on Linux, an attempt that never authenticated).
_ENDED = re.compile(r"(?:\S*?\[([0-9]{1,9})\]\S* |\S+ )?Session to ([0-9]+(?: [0-9]+)*|\S+) "
                    r"(?:ended|terminated)\b")

# A process that could not open the log keeps its lines and writes them later with their
# own, earlier, times, after this line (a real TV15 QuickSupport log, HTB "TickTock": 15
# minutes back, then on): its wall clock did not go back, so they are no DST change.
_LATE = re.compile(r"Couldn't access Log-File since startup")

# A line that starts as the log's lines do (a date with slashes), whatever follows.
_DATED = re.compile(r"[0-9]{2,4}/[0-9]{1,2}[/ ]")

JUMP = timedelta(minutes=30)  # a backward jump this large is a clock change, not disorder
FORWARD_MIN = timedelta(minutes=30)  # no zone's clocks go forward by less (Lord Howe)


def _host(partner: str) -> str:
    """An address without its port (`192.0.2.10:5938`, `[2001:db8::1]:5938`), lower case;
    an ID as it is."""
    value = partner.lower()
    if value.startswith("[") and "]" in value:
        return value[1:value.index("]")]
    if value.count(":") == 1:
        return value.split(":")[0]
    return value


def looks_like(text: str) -> bool:
    """A line that says "TeamViewer log" by itself: one with its four-digit year, or the
    `Start:` block. A line with a shorter date reads only after a block (its year comes
    from there), so a file of them alone is refused rather than read as holding nothing."""
    match = LINE.fullmatch(text)
    if match is not None and match.group(1) is not None and len(match.group(1)) == 4:
        return True
    return HEADER.match(text) is not None


def looks_short(text: str) -> bool:
    """A log line whose date lacks its four-digit year (`MM/DD`, `YY/MM/DD`): TeamViewer's
    only where the file's name says so (a rotated file of an older build, whose year is in
    the next file's Start: block)."""
    match = LINE.fullmatch(text)
    return match is not None and (match.group(1) is None or len(match.group(1)) == 2)


def _pid_state(data: JSON, name: str) -> str | None:
    value = get_opt_str(data, name)
    if value is not None and not (value.isdigit() and len(value) <= 12):
        raise BadState
    return value


def _naive_state(text: str | None) -> datetime | None:
    """A wall time saved in a parser's state (BadState if it is not one)."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise BadState from None
    if value.tzinfo is not None:
        raise BadState
    return value


def _local(groups: tuple[str | None, ...], year: int | None = None) -> datetime | None:
    if year is None:
        if groups[0] is None or len(groups[0]) != 4:
            return None
        year = int(groups[0])
    mo, d, h, mi, s = (int(g or 0) for g in groups[1:6])
    if groups[7] is not None:  # 12 AM is midnight, 12 PM noon; 0 or 13 with it, no hour
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if groups[7].upper() == "PM" else 0)
    return naive(year, mo, d, h, mi, s, micros(groups[6]))


class LogParser(Parser):
    fmt = FMT
    tool = "teamviewer"

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        super().__init__(tz)
        self.offset: int | None = None  # minutes east of UTC from the last Start: block
        self.zone_mode = False  # the caller's zone agrees with that offset: read in tz
        self.shift = 0  # minutes the clock went back since the block (header mode)
        self.last_local: datetime | None = None  # latest wall time since the block
        self.last: datetime | None = None  # latest instant read
        # The first-line hash of the connection of each direction begun last: the verdict
        # TeamViewer writes as a session ends (ShowSponsoredSessionDialog) comes after its
        # first end marker, so it is about that connection even once it is closed, never
        # about an older one still open.
        self.newest: dict[str, str] = {}
        self.late: tuple[str, datetime] | None = None  # (PID, wall time it catches up at)
        # The latest wall time since a `Start:` block (None before any): the year of a
        # line that does not write it is taken near it.
        self.wall: datetime | None = None
        # The last wall hour asked about, and whether the caller's zone skips time in it.
        self.hour_checked: tuple[datetime, bool] | None = None
        # The Start: blocks ahead (instant, offset), from the reader's look ahead.
        self.blocks: list[tuple[datetime, int]] = []
        # Lines read with their instant, and lines that start with a date but could not be
        # read (another layout of the date or time): a file with more of the second is
        # refused at its end, never imported as holding no connection (in real logs 98 %
        # of the lines read; the rest, the Start: block and hex dumps, start with no date).
        self.dated = 0
        self.unread = 0
        # For a process start (see _started): the PID of the lines read last, the latest
        # instant read before that PID's run of lines began, and the PID of the line read
        # just before if it had no message (TV15 writes its Start: block as one's sequel),
        # with that line's component letters (S the service, G the GUI, D the desktop).
        self.run_pid: str | None = None
        self.before_run: datetime | None = None
        self.opening: str | None = None
        self.opening_role: str | None = None
        # A Start: block standing alone (TV11-13 write no line of its process before it):
        # whose start it was is told by the next line with a component (see _started);
        # until then, the instant its sessions would be seen up to.
        self.undecided = False
        self.undecided_seen: datetime | None = None

    # -- state ---------------------------------------------------------------------------
    def dump_vars(self) -> JSON:
        return {"offset": self.offset, "zone": self.zone_mode, "shift": self.shift,
                "last_local": None if self.last_local is None else self.last_local.isoformat(),
                "last": dump_instant(self.last), "newest": dict(self.newest),
                "late": None if self.late is None else [self.late[0],
                                                         self.late[1].isoformat()],
                "wall": None if self.wall is None else self.wall.isoformat(),
                "run_pid": self.run_pid, "before_run": dump_instant(self.before_run),
                "opening": self.opening, "opening_role": self.opening_role,
                "undecided": self.undecided, "undecided_seen": dump_instant(self.undecided_seen)}

    def load_vars(self, data: JSON) -> None:
        offset = get_opt_int(data, "offset")
        shift = get_int(data, "shift")
        if (offset is not None and abs(offset) > MAX_OFFSET) or abs(shift) > 48 * 60:
            raise BadState
        last_local = get_opt_str(data, "last_local")
        try:
            local = None if last_local is None else datetime.fromisoformat(last_local)
        except ValueError:
            raise BadState from None
        if local is not None and local.tzinfo is not None:
            raise BadState
        self.offset, self.shift, self.last_local = offset, shift, local
        self.wall = _naive_state(get_opt_str(data, "wall"))
        self.zone_mode = get_bool(data, "zone") and self.tz is not None
        self.last = get_opt_instant(data, "last")
        newest = data.get("newest", {})
        if not isinstance(newest, dict) or not all(
                k in ("incoming", "outgoing") and isinstance(v, str) and len(v) == 64
                for k, v in newest.items()):
            raise BadState
        self.newest = dict(newest)
        late = data.get("late")
        if late is None:
            self.late = None
        else:
            if not (isinstance(late, list) and len(late) == 2 and isinstance(late[0], str)
                    and late[0].isdigit() and len(late[0]) <= 12 and isinstance(late[1], str)):
                raise BadState
            try:
                until = datetime.fromisoformat(late[1])
            except ValueError:
                raise BadState from None
            if until.tzinfo is not None:
                raise BadState
            self.late = (late[0], until)
        self.run_pid, self.opening = _pid_state(data, "run_pid"), _pid_state(data, "opening")
        self.before_run = get_opt_instant(data, "before_run")
        role = get_opt_str(data, "opening_role")
        if role is not None and not (role.isalpha() and role.isascii() and len(role) <= 4):
            raise BadState
        self.opening_role = role
        self.undecided = get_bool(data, "undecided")
        self.undecided_seen = get_opt_instant(data, "undecided_seen")

    # -- lines ---------------------------------------------------------------------------
    def feed(self, text: str, line: int) -> None:
        match = LINE.fullmatch(text)
        if match is None:
            header = HEADER.match(text)
            if header is not None:
                self._started()
                self._header(header.groups())
                self.began = True
            elif _DATED.match(text):
                self.unread += 1
            self.opening = None
            return
        pid = match.group(9)
        if self.undecided:
            self._decide(text[match.end(9):match.start(10)])
        if pid != self.run_pid:
            self.run_pid, self.before_run = pid, self.last
        self.opening = pid if not match.group(10).strip() else None
        if self.opening is not None:
            role = _COMPONENT.match(text)
            self.opening_role = role.group(1) if role else None
        local = _local(match.groups(), self._year(match.groups()))
        if local is None:
            self.unread += 1
            return
        self.dated += 1
        if self.wall is not None and local > self.wall:
            self.wall = local
        if _LATE.match(match.group(10)):
            # Its own time is the old one (TickTock) or the present: the lines after it
            # are late until the process's wall time is back at the latest one read.
            self.late = (pid, max(local, self.last_local or local))
        when = self._instant(local, pid)
        message = match.group(10)
        if when is None or not _HINT.search(message):
            return
        self._event(message, when, line, text, pid)

    lookahead = "Start:"

    def prime(self, text: str) -> None:
        """A `Start:` block ahead in the files: the first gives its offset to the lines
        before it (those were written before that process start, at the offset in force
        then if no clock changed in between, which is nearer the truth for a log of
        another zone than the caller's zone is); all of them, in order, say where the
        offset changed (see _confirmed)."""
        header = HEADER.match(text)
        if header is None:
            return
        groups = header.groups()
        zone = parse_zone(groups[8]) if groups[8] is not None else None
        local = _local(groups)
        if zone is None or local is None:
            return
        if self.offset is None and not self.blocks:
            self.offset = zone
            self.zone_mode = self.tz is not None and zone in offsets_of(local, self.tz)
            # And its year to the lines before it that do not write theirs (a rotated
            # _OLD file of a build before TV11): they are near it.
            self.wall = self.wall or local
        when = with_offset(local, zone)
        if when is not None:
            self.blocks.append((when, zone))

    def _confirmed(self, after: datetime, offset: int) -> bool:
        """Whether a later `Start:` block, the first after instant `after`, has a larger
        offset than `offset`: the clocks went forward before it, so a forward jump of the
        wall clock before it is that change whatever the silence around it."""
        following = next((zone for when, zone in self.blocks if when > after), None)
        return following is not None and following > offset

    def unreadable(self) -> LogFormatError | None:
        if self.unread <= self.dated:
            return None
        return LogFormatError(_(
            "Most lines of this TeamViewer log are dated in a layout sessiond cannot read "
            "(another date or time format, or no year before the first Start: line): it "
            "cannot be imported as it is (was it rewritten by another program?)."))

    def _year(self, groups: tuple[str | None, ...]) -> int | None:
        """The year of a line that writes it with two digits or not at all, from the last
        `Start:` block's (None before any: the line is not read, never given a guessed
        year): the one of the century, or of the years around it, that puts the line
        nearest the latest wall time read, so a run across New Year's Eve goes on into
        the next year and a line a little out of order stays in its own."""
        written = groups[0]
        if written is not None and len(written) == 4:
            return None  # the line's own
        reference = self.wall
        if reference is None:
            return None
        month, day = int(groups[1] or 0), int(groups[2] or 0)
        if written is not None:  # YY: the century of the block's year (nearest)
            years = [reference.year // 100 * 100 + c * 100 + int(written) for c in (-1, 0, 1)]
        else:
            years = [reference.year + c for c in (-1, 0, 1)]
        found = [(abs(when - reference), year) for year in years
                 if (when := naive(year, month, day, reference.hour, reference.minute, 0))
                 is not None]
        return min(found)[1] if found else None

    def _started(self) -> None:
        """A `Start:` block: the process that writes this log started (the service, the
        Linux daemon, QuickSupport), after the machine rebooted or TeamViewer was restarted
        during the repair. The connections still open were the previous run's, which
        ended without writing their end, and no line of the new run ends them (it starts
        its own sessions, routing indexes from the start again): each ends here, end
        unknown, seen up to the last line before the new process's (TV15 writes a few
        lines, `Logger started.`, before its block: those of the block's PID), or the last
        line read where the block stands alone (TV11-13; the next line with a component
        then says whose start it was, see _decide). Before, the session cut by the
        reboot was taken for open until a later session of the partner, or the log's end."""
        if self.undecided:
            self._end_run(self.undecided_seen)  # two blocks in a row: the first was no GUI's
        if not self.open or (self.opening is not None and self.opening_role in _NOT_SESSIONS):
            return  # the GUI or a desktop process started: the service's sessions go on
        if self.opening is None:
            # A block standing alone names no process: the next line with a component
            # says which started (a GUI's or a desktop process's line ends nothing).
            self.undecided, self.undecided_seen = True, self.last
            return
        self._end_run(self.before_run)

    def _decide(self, ids: str) -> None:
        """The first line after a Start: block standing alone: a GUI's or a desktop
        process's means that process started; any other (the service's, the Linux
        daemon's, QuickSupport's) that the sessions' process restarted. A line whose
        component is not known yet (`0`) decides nothing. `ids`: the line between its PID
        and its message (the TID and the component)."""
        role = _TAG.match(ids)
        if role is None:
            return
        seen, self.undecided, self.undecided_seen = self.undecided_seen, False, None
        if role.group(1) not in _NOT_SESSIONS:
            self._end_run(seen)

    def _end_run(self, seen: datetime | None) -> None:
        """End every open connection, end unknown, seen up to `seen`: their process
        stopped without writing their end."""
        self.undecided, self.undecided_seen = False, None
        for rec in list(self.open):
            self.open.remove(rec)
            self.done.append(self._lost(rec, seen))

    def _header(self, groups: tuple[str | None, ...]) -> None:
        local = _local(groups)
        zone = parse_zone(groups[8]) if groups[8] is not None else None
        if zone is not None or self.tz is not None:
            self.offset = zone
        self.shift = 0
        self.last_local = local
        self.wall = local
        self.zone_mode = self.tz is not None and (
            zone is None or (local is not None and zone in offsets_of(local, self.tz)))
        if zone is not None and local is not None:
            # The block's offset says which pass of an hour repeated in autumn the process
            # started in, where the wall time alone cannot: its instant is a line already
            # read for the fold rule (a start at 02:30 `(UTC+1:00)` in Paris is the second
            # pass, and so are the lines after it, read an hour early otherwise).
            when = with_offset(local, zone)
            if when is not None and (self.last is None or when > self.last):
                self.last = when

    def _instant(self, local: datetime, pid: str) -> datetime | None:
        late = self.late is not None and self.late[0] == pid and local <= self.late[1]
        if self.late is not None and self.late[0] == pid and not late:
            self.late = None  # the process caught up: its lines are written as they come
        if self.zone_mode and self.offset is not None and not late and self.tz is not None \
                and self._gap_hour(local) and skipped(local, self.tz):
            # A wall time the caller's zone skipped (its spring change): the machine that
            # wrote it did not skip it, so its zone only shared the block's offset until
            # then (Algiers, Lagos: UTC+1 without DST, read in Paris). From here on it is
            # read at the block's offset, as a log of another zone is.
            self.zone_mode = False
            self.shift = 0
            self.last_local = local
        if self.zone_mode or self.offset is None:
            if self.tz is None:
                return None
            when = in_zone(local, self.tz, self.last)
        elif late:
            when = with_offset(local, self.offset - self.shift)  # no clock change in them
        else:
            change = None
            if self.last_local is not None and local < self.last_local - FOLD_TOLERANCE:
                change = clock_change_back(self.last_local, local, self.offset - self.shift,
                                           self.tz)
            if change is not None:
                # A real zone's change back, at its instant and by its amount.
                self.shift = min(self.shift + change, 48 * 60)
                self.last_local = local
            elif self.last_local is not None and local - self.last_local >= FORWARD_MIN and (
                    forward := clock_change_forward(
                        self.last_local, local, self.offset - self.shift,
                        confirmed=self._confirmed(self.last or datetime.min.replace(
                            tzinfo=UTC), self.offset - self.shift))):
                # A real zone's change forward (spring), at its instant and by its amount.
                self.shift = max(self.shift - forward, -48 * 60)
                self.last_local = local
            elif self.last_local is not None and local < self.last_local - JUMP:
                # The clock was set back (by hand, by a time sync), no DST change: the
                # offset stays, and later lines are compared with this one.
                self.last_local = local
            elif self.last_local is None or local > self.last_local:
                self.last_local = local
            when = with_offset(local, self.offset - self.shift)
        if when is not None and (self.last is None or when > self.last):
            self.last = when
        return when

    def _gap_hour(self, local: datetime) -> bool:
        """Whether the caller's zone skips some wall time in the hour of `local` (asked
        once an hour of the log: the test of each line costs a third of its reading)."""
        hour = local.replace(minute=0, second=0, microsecond=0)
        if self.hour_checked is None or self.hour_checked[0] != hour:
            assert self.tz is not None
            self.hour_checked = (hour, any(skipped(hour.replace(minute=m), self.tz)
                                           for m in (0, 15, 30, 45, 59)))
        return self.hour_checked[1]

    def _event(self, msg: str, when: datetime, line: int, text: str, pid: str) -> None:
        if _CLOSED_BY_USER.fullmatch(msg):
            self._gui_end(self.latest("outgoing", key=f"gui:{pid}"), when, line, text)
        elif m := _REMOVE_CHANNELS.fullmatch(msg):
            self._gui_end(self.latest(tag=f"sid:{int(m[1])}"), when, line, text)
        elif m := _CHANNEL_REMOVED.fullmatch(msg):
            partner = normalise_partner(m[2])
            self._gui_end(next((r for r in reversed(self.open) if r.partner == partner and (
                r.tag == f"sid:{int(m[1])}" or (r.direction == "outgoing"
                                                and r.key == f"gui:{pid}"))), None),
                          when, line, text)
        elif m := _CONNECTION_DENIED.fullmatch(msg):
            rec = self.latest("outgoing", key=f"gui:{pid}", partner=normalise_partner(m[1]))
            self.fail(rec, "rejected", text)
            self._gui_end(rec, when, line, text)
        elif _TERMINATE_REASON.fullmatch(msg):
            if self.latest("incoming") is None:
                self._gui_end(self.latest("outgoing", key=f"gui:{pid}"), when, line, text)
        elif m := _PASSIVE.match(msg):
            index = int(m[1]) if m[1] is not None else None
            if index is not None:
                self.give_up(self.latest(index=index))
            self.begin(f"tv:{'-' if index is None else index}", "incoming", None, when, line,
                       text, index=index)
        elif m := _HELLO.match(msg):
            rec = self.latest("incoming", unnamed=True)
            if rec is not None:
                rec.partner = normalise_partner(m[1] or m[2])
                self.touch(rec, text)
        elif m := _SESSION_IN.match(msg):
            self._session_in(f"sid:{int(m[1])}", when, line, text)
        elif m := _ROLE.fullmatch(msg):
            partner = normalise_partner(m[1])
            if m[3] == "6":
                rec = self._controller(partner)
                if rec is not None:
                    rec.partner = rec.partner or partner
                    self.accept(rec, text)
                else:
                    self._own_participant(pid, partner, int(m[2]), text)
        elif m := _SESSION_END.match(msg):
            self._end(self.latest("incoming", tag=f"sid:{int(m[1])}"), when, line, text)
        elif m := _ADD.match(msg):
            partner = normalise_partner(m[1])
            if m[2] == "6":  # the controlling side (see _controller); 3, the controlled
                rec = self._controller(partner)
                if rec is not None and rec.outcome != "accepted":
                    rec.partner = rec.partner or partner
                    rec.outcome = "accepted"
                    self.touch(rec, text)
        elif m := _AUTH.match(msg):
            # The line names no partner nor routing index (the desktop process writes it
            # for every session): it is the verdict of the one incoming attempt still
            # waiting for its acceptance. With two waiting (a second partner trying while
            # the first authenticates) it is either's, and decides neither: each one's
            # participant line (AddParticipant type=6, the role 6) accepts it by its ID,
            # and one that ends without is failed. Read as the latest attempt's, a second
            # partner's refused try took the first's success and counted as accepted.
            waiting = [r for r in self.open
                       if r.direction == "incoming" and r.outcome != "accepted"]
            rec = waiting[0] if len(waiting) == 1 else None
            if m[1] == "successful":
                self.accept(rec, text)
            else:
                self.fail(rec, "rejected", text)
        elif m := _ACTIVE.match(msg):
            index = int(m[1]) if m[1] is not None else None
            partner = normalise_partner(m[2])
            rec = self._attempt(partner, when)
            if rec is None:
                if index is not None:
                    self.give_up(self.latest(index=index))
                self.begin(f"tv:{'-' if index is None else index}", "outgoing", partner, when,
                           line, text, index=UNINDEXED if index is None else index)
            else:
                rec.index = UNINDEXED if index is None else index
                self.touch(rec, text)
        elif m := _TRYING.match(msg):
            partner = normalise_partner(m[1])
            self.begin(f"gui:{pid}", "outgoing", partner, when, line, text)
        elif _LOGIN_DENIED.match(msg):
            rec = self.latest("outgoing")
            if rec is not None and rec.outcome != "accepted":
                rec.outcome = "rejected"
                self.touch(rec, text)
        elif _LOGIN_ERROR.match(msg):
            rec = self.latest("outgoing")
            if rec is not None:
                self.close(rec, when, text, "accepted" if rec.outcome == "accepted"
                           else rec.outcome or "failed")
        elif m := _CLIENT.match(msg):
            self.accept(self._outgoing_to(normalise_partner(m[1])), text)
        elif m := _SPONSORED.match(msg):
            rec = self._newest("outgoing" if m[1] == "1" else "incoming")
            if m[2] == "1":
                self.accept(rec, text)
            else:
                self.fail(rec, "failed", text)
        elif m := _REMOVE.match(msg):
            self._end(self.latest(partner=normalise_partner(m[1])), when, line, text)
        elif m := _CMD_END.match(msg):
            self._end(self.latest("incoming", index=int(m[1])), when, line, text)
        elif m := _END_STREAM.match(msg):
            self._end(self.latest(index=int(m[1])), when, line, text)
        elif m := _ENDED.match(msg):
            partner = normalise_partner(m[2])
            rec = (self.latest(index=int(m[1])) if m[1] is not None else None) or self.latest(
                partner=partner) or (None if self.latest("incoming", unnamed=True) else
                                     self._outgoing_to(partner))
            self._end(rec, when, line, text)

    def _end(self, rec: Open | None, when: datetime, line: int, text: str) -> None:
        """An end line: `rec` ends here, or (none open) the log may begin after its start."""
        if rec is None:
            self.orphan_end(line, when)
        else:
            self.close(rec, when, text, self._verdict(rec))

    def begin(self, key: str, direction: Direction, partner: str | None, start: datetime,
              line: int, text: str, *, tag: str = "", index: int | None = None) -> Open:
        rec = super().begin(key, direction, partner, start, line, text, tag=tag, index=index)
        self.newest[direction] = rec.hashes[0]
        return rec

    def _newest(self, direction: Direction) -> Open | None:
        """The connection of `direction` begun last, if it is still open."""
        rec = self.latest(direction)
        return rec if rec is not None and rec.hashes[0] == self.newest.get(direction) else None

    def _attempt(self, partner: str | None, when: datetime) -> Open | None:
        """The outgoing attempt (`Trying connection to`, no routing index yet) that the
        service's `CreateActiveSession` to `partner` is about: the one to that partner,
        compared as an address without its port when it is one (a connection by IP), else
        the attempt begun last, within BIND, to an address or name rather than an ID (the
        service may name the partner otherwise than the technician typed it)."""
        waiting = [r for r in reversed(self.open) if r.direction == "outgoing"
                   and r.index is None]
        if partner is None:
            return None
        host = _host(partner)
        rec = next((r for r in waiting if r.partner == partner or (
            r.partner is not None and _host(r.partner) == host)), None)
        if rec is not None:
            return rec
        return next((r for r in waiting if r.partner is not None and not r.partner.isdigit()
                     and when - BIND <= r.start <= when), None)

    def _outgoing_to(self, partner: str | None) -> Open | None:
        """The open outgoing connection to `partner`: by ID, by address without its port,
        else (the service or the GUI naming by its ID a partner the technician reached by
        address) the one begun last if it was to an address."""
        if partner is None:
            return None
        host = _host(partner)
        outgoing = [r for r in reversed(self.open) if r.direction == "outgoing"]
        rec = next((r for r in outgoing if r.partner is not None and (
            r.partner == partner or _host(r.partner) == host)), None)
        if rec is None and outgoing and outgoing[0].partner is not None and not (
                outgoing[0].partner.isdigit()):
            rec = outgoing[0]
        return rec

    def _controller(self, partner: str | None) -> Open | None:
        """The incoming connection that participant `partner`, of role (type) 6, joined.

        Role 6 is the side in control, 3 the side controlled (a real TV12 log: in an
        incoming session the partner is 6 and this machine 3; in an outgoing one this
        machine, `[<own ID>,...] type=6 name=<own computer>`, is 6 and the partner 3). So
        a role-6 participant that names no open connection is the partner of an incoming
        one only if that one, still unnamed, is the connection begun last: during an
        outgoing session it is this machine, and must not name an older attempt."""
        rec = self.latest("incoming", partner=partner)
        if rec is not None:
            return rec
        rec = self._newest("incoming")
        if rec is None or rec.partner is not None or any(
                r.direction == "outgoing" and r.start >= rec.start for r in self.open):
            return None
        return rec

    def _gui_end(self, rec: Open | None, when: datetime, line: int, text: str) -> None:
        """End `rec` at a line of the session's own GUI process, if the service's lines are
        not in this log (the connection has no routing index: a Linux user's log, a
        QuickSupport one). Where they are, the service's end comes a few milliseconds
        later and its verdict (ShowSponsoredSessionDialog) just before it: it decides."""
        if rec is None:
            self.orphan_end(line, when)
        elif rec.index is None:
            self.close(rec, when, text, self._verdict(rec))

    def _own_participant(self, pid: str, own: str | None, number: int, text: str) -> None:
        """A role-6 participant that is no incoming connection's partner, logged by GUI
        process `pid`: this machine in control of the outgoing session that process began
        last (its partner has role 3), whose session number `number` is then the one the
        GUI's end names. Only the outgoing connection begun last, still without one."""
        rec = self._newest("outgoing")
        if (rec is not None and rec.key == f"gui:{pid}" and not rec.tag
                and own is not None and own != rec.partner):
            rec.tag = f"sid:{number}"
            self.touch(rec, text)

    def _session_in(self, sid: str, when: datetime, line: int, text: str) -> None:
        """A session's process saw incoming session `sid`: the connection the service began
        for it (the latest incoming one without a session ID, begun a moment before), the
        one another process already named so, or else (QuickSupport) a new one."""
        rec = self.latest("incoming", tag=sid) or next(
            (r for r in reversed(self.open) if r.direction == "incoming" and not r.tag
             and when - BIND <= r.start <= when + BIND), None)
        if rec is None:
            self.begin(sid, "incoming", None, when, line, text, tag=sid)
        else:
            rec.tag = sid
            self.touch(rec, text)

    @staticmethod
    def _verdict(rec: Open) -> Outcome:
        if rec.outcome is not None:
            return rec.outcome
        return "failed" if rec.direction == "incoming" else "unknown"
