"""RustDesk's debug logs: `~/.local/share/logs/RustDesk/rustdesk_r<date>.log` (Linux),
`~/Library/Logs/RustDesk/` (macOS), `%APPDATA%\\RustDesk\\log\\` (Windows), with a
sub-directory per process role (`server`, `service`, `cm`...). flexi_logger rotates daily
and keeps 31 files; the current one is `rustdesk_rCURRENT.log`.

RustDesk keeps no connection history of its own (remote_logs.md 3), so connections are
rebuilt from the debug lines. Each record is `[YYYY-MM-DD HH:MM:SS.ffffff +HH:MM] LEVEL
[source:line] message`, local time with its offset, so no zone is needed. Records can span
several lines (panic stack traces); continuation lines are ignored.

Markers:
- outgoing (this machine controls another), verbatim from a real RustDesk 1.4.6 Linux
  client log: `[src/flutter.rs] Session <ID> start, use texture render: ...` (start,
  partner), `handle_peer_info :PeerInfo {...}` (the peer answered the login with its
  information: accepted), `Exit io_loop of id=<ID>` (end). A reconnection (the network
  dropped, or the technician clicked Reconnect) runs the loop again without a new `Session
  <ID> start` (src/ui_session_interface.rs `reconnect`, RustDesk's source): its
  `#<n> TCP punch attempt with <addr>, id: <ID>` (client.rs, before every connection through
  the rendezvous server, in the same real log) while no connection to that ID is open
  starts a new one, which its own peer information and `Exit io_loop` then accept and end;
- incoming (another machine controls this one), from the format strings of
  `src/server/connection.rs` only (no real line was available): `#<n> Connection opened
  from <ip:port>.` (start), `#<n> Connection closed: <reason>` and `#<n> connection loop
  exited` (end). The partner's RustDesk ID is not in these lines (it goes to the
  connection manager over IPC), so partner_id is None. A connection that logged in is
  accepted by the codec update its login registers, `update:Update(<n>, SupportedDecoding
  {...})` or `update:NewOnlyVP9(<n>)` (libs/scrap codec.rs, written by
  connection.rs `update_codec_on_login` once the password or the click is accepted, in
  every release since 1.2.4 (January 2024); real lines in the logs users paste in
  RustDesk's issues, a few ms after `Connection opened` and `peer info supported_encoding`).
  Without it the outcome is "unknown": a file transfer or a refused login registers none.
  The server process's start (`start --server with user <name>`, core_main.rs, real in the
  1.4.6 Linux logs and in Windows pastes) ends what the previous one had open: a connection
  does not outlive its process (the client's computer restarted, the service was killed),
  and its end was never written; it is reported with its end unknown, seen up to the last
  line before the start, not open through every later session of the log.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sessiond.integrations.base import JSON, Open, Parser, dump_instant, get_opt_instant
from sessiond.integrations.timeparse import MAX_OFFSET, micros, naive, with_offset
from sessiond.partner import normalise_partner

FMT = "rustdesk-log"

LINE = re.compile(r"\[([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})"
                  r"(?:\.([0-9]{1,9}))? "
                  r"([+-])([0-9]{2}):?([0-9]{2})\] ([A-Z]+) \[([^\]]*)\] ?(.*)")
_HINT = re.compile(r"Session \S+ start|handle_peer_info|Exit io_loop|#[0-9]+ [Cc]onnection |"
                   r"punch attempt|\] update:")
_SESSION = re.compile(r"Session (\S+) start\b.*")
_PUNCH = re.compile(r"#[0-9]{1,9} \w+ punch attempt with \S+, id: (\S+)")
_EXIT = re.compile(r"Exit io_loop of id=(\S+)")
_OPENED = re.compile(r"#([0-9]{1,18}) Connection opened from .*")
# The codec of a connection that logged in, registered by its number (`Remove(<n>)`, when it
# ends, is no login).
_LOGGED_IN = re.compile(r"update:(?:Update|NewOnlyVP9)\(([0-9]{1,18})\b.*")
_START_SERVER = re.compile(r"start --server\b.*")
_CLOSED = re.compile(r"#([0-9]{1,18}) (?:Connection closed\b|connection loop exited).*")


def looks_like(text: str) -> bool:
    return LINE.fullmatch(text) is not None


def instant(match: re.Match[str]) -> datetime | None:
    y, mo, d, h, mi, s = (int(g) for g in match.groups()[:6])
    local = naive(y, mo, d, h, mi, s, micros(match.group(7)))
    if local is None:
        return None
    hours, minutes = int(match.group(9)), int(match.group(10))
    offset = hours * 60 + minutes
    if minutes >= 60 or offset > MAX_OFFSET:
        # No zone is this far from UTC: a damaged line (a flipped digit), whose instant
        # would be days off; it is not read rather than read wrong.
        return None
    return with_offset(local, -offset if match.group(8) == "-" else offset)


class LogParser(Parser):
    fmt = FMT
    tool = "rustdesk"

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        super().__init__(tz)
        self.tail = ""  # the last line fed: its instant is the log's horizon

    def dump_vars(self) -> JSON:
        # The log's horizon so far, for what a restart or a crash at the start of the next
        # read (a new file after the rotation) ends: seen up to there, not to its start.
        return {"last": dump_instant(self.horizon())}

    def load_vars(self, data: JSON) -> None:
        self.last = get_opt_instant(data, "last")

    def horizon(self) -> datetime | None:
        """The last line's instant (only marker lines are read whole), or the latest read."""
        match = LINE.fullmatch(self.tail) if self.tail else None
        when = instant(match) if match is not None else None
        return max(when, self.last) if when is not None and self.last is not None else (
            when or self.last)

    def feed(self, text: str, line: int) -> None:
        if "start --server" in text:
            self._server_started(text)
        if text:
            self.tail = text
        if not _HINT.search(text):
            return
        match = LINE.fullmatch(text)
        if match is None:
            return
        when = instant(match)
        if when is None:
            return
        if self.last is None or when > self.last:
            self.last = when
        msg = match.group(13).rstrip()
        if m := _SESSION.fullmatch(msg):
            partner = normalise_partner(m[1])
            self.give_up(self.latest(key=f"out:{partner}"))
            self.begin(f"out:{partner}", "outgoing", partner, when, line, text)
        elif m := _PUNCH.fullmatch(msg):
            partner = normalise_partner(m[1])
            if partner is not None and self._outgoing_to(partner) is None:
                self.begin(f"out:{partner}", "outgoing", partner, when, line, text)
        elif msg.startswith("handle_peer_info"):
            self.accept(self.latest("outgoing"), text)
        elif m := _EXIT.fullmatch(msg):
            rec = self._outgoing_to(normalise_partner(m[1]))
            if rec is not None:
                # No peer information: the login never succeeded (wrong password, refused,
                # peer offline); the log does not say which.
                self.close(rec, when, text, "accepted" if rec.outcome == "accepted"
                           else "failed")
        elif m := _OPENED.fullmatch(msg):
            self.give_up(self.latest(key=f"in:{int(m[1])}"))
            self.begin(f"in:{int(m[1])}", "incoming", None, when, line, text)
        elif m := _LOGGED_IN.fullmatch(msg):
            self.accept(self.latest(key=f"in:{int(m[1])}"), text)
        elif m := _CLOSED.fullmatch(msg):
            rec = self.latest(key=f"in:{int(m[1])}")
            if rec is not None:
                self.close(rec, when, text, "accepted" if rec.outcome == "accepted"
                           else "unknown")

    def _server_started(self, text: str) -> None:
        """A new server process: the incoming connections still open were the previous
        one's, which ended without writing their end. Seen up to the line before (the
        horizon before `text` is read)."""
        match = LINE.fullmatch(text)
        if match is None or not _START_SERVER.fullmatch(match.group(13).rstrip()):
            return
        before = self.horizon()
        for rec in [r for r in self.open if r.direction == "incoming"]:
            self.open.remove(rec)
            self.done.append(self._lost(rec, before))

    def _outgoing_to(self, peer: str | None) -> Open | None:
        """The open outgoing connection to `peer`: by the ID as written, else by the bare
        ID. A peer on another server is `<ID>@<server>` (or `<ID>/r`, relayed) in the
        session and loop lines but the bare ID in the punch attempt (client.rs takes the
        real ID apart), so those lines name one connection two ways."""
        if peer is None:
            return None
        found = self.latest(key=f"out:{peer}")
        if found is not None:
            return found
        bare = _bare(peer)
        if not bare:
            return None
        return next((rec for rec in reversed(self.open) if rec.direction == "outgoing"
                     and rec.partner is not None and _bare(rec.partner) == bare), None)


def _bare(peer: str) -> str:
    """A RustDesk ID without what the technician may add to it: `@<server>[?key=...]` for a
    peer on another server, `/r` to force the relay."""
    return re.split(r"[@/?]", peer, maxsplit=1)[0]
