"""The known formats, and which one a file is: content first, its name as a hint."""

from __future__ import annotations

import io
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath, PureWindowsPath
from typing import TypeVar

from sessiond.i18n import _, one_line
from sessiond.integrations import (
    anydesk_trace,
    rustdesk_log,
    teamviewer_incoming,
    teamviewer_log,
    teamviewer_outgoing,
)
from sessiond.integrations.base import Parser
from sessiond.integrations.connection import TOOLS, Tool
from sessiond.integrations.errors import LogFormatError
from sessiond.integrations.text import decode_line, iter_lines, sniff_encoding

T = TypeVar("T", bound=str | os.PathLike[str])


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    tool: Tool
    parser: type[Parser]
    files: str  # where the tool writes it, for messages and documentation


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format(teamviewer_outgoing.FMT, "teamviewer", teamviewer_outgoing.OutgoingParser,
           "%APPDATA%\\TeamViewer\\Connections.txt"),
    Format(teamviewer_incoming.FMT, "teamviewer", teamviewer_incoming.IncomingParser,
           "C:\\Program Files\\TeamViewer\\Connections_incoming.txt"),
    Format(teamviewer_log.FMT, "teamviewer", teamviewer_log.LogParser,
           "TeamViewer15_Logfile.log, TeamViewer15_Logfile_OLD.log"),
    Format(anydesk_trace.FMT_USER, "anydesk", anydesk_trace.TraceParser,
           "~/.anydesk/anydesk.trace, %APPDATA%\\AnyDesk\\ad.trace"),
    Format(anydesk_trace.FMT_SERVICE, "anydesk", anydesk_trace.ServiceTraceParser,
           "/var/log/anydesk.trace, C:\\ProgramData\\AnyDesk\\ad_svc.trace"),
    Format(rustdesk_log.FMT, "rustdesk", rustdesk_log.LogParser,
           "~/.local/share/logs/RustDesk/rustdesk_r*.log, %APPDATA%\\RustDesk\\log\\, "
           "C:\\Windows\\ServiceProfiles\\LocalService\\AppData\\Roaming\\RustDesk\\log\\"
           "server\\RustDesk_r*.log"),
)}

# Tie-break when two formats score the same on the content (rare: a head of a few lines).
# Connections.txt before Connections_incoming.txt: they tie only on TAB rows without a
# display name, which is the layout documented for neither file but guessed for older
# Connections.txt, whereas every real incoming file has the name column.
_PRIORITY = (teamviewer_outgoing.FMT, teamviewer_incoming.FMT, teamviewer_log.FMT,
             rustdesk_log.FMT, anydesk_trace.FMT_SERVICE, anydesk_trace.FMT_USER)
_DETECT_LINES = 400

_NAMES = (
    (re.compile(r"connections_incoming\.txt"), teamviewer_incoming.FMT),
    (re.compile(r"connections\.txt"), teamviewer_outgoing.FMT),
    (re.compile(r"teamviewer[0-9]*_logfile(?:_old)?\.log"), teamviewer_log.FMT),
    # AnyDesk renames a full trace `<name>.trace.old` (DFIR artefact catalogues).
    (re.compile(r"(?:ad_svc|anydesk_var_log)\.trace(?:\.old)?"), anydesk_trace.FMT_SERVICE),
    (re.compile(r"(?:ad|ad_[\w-]+|anydesk)\.trace(?:\.old)?"), anydesk_trace.FMT_USER),
    (re.compile(r"rustdesk_r[\w-]*(?:\.restart-[0-9]+)?\.log"), rustdesk_log.FMT),
)


# A numbered copy of a log, as logrotate (and most log rotations) names its generations:
# `anydesk.trace.1`, `TeamViewer15_Logfile.log.2`, the larger number the older.
_NUMBERED = re.compile(r"(.+)\.([0-9]{1,4})")


def _generation(base: str) -> tuple[str, int]:
    """(the log's own name, its generation: 0 for the file itself, N for `<name>.N`)."""
    numbered = _NUMBERED.fullmatch(base)
    if numbered is not None and any(
            pattern.fullmatch(numbered[1]) for pattern, _fmt in _NAMES):
        return numbered[1], int(numbered[2])
    return base, 0


def format_from_name(name: str | None) -> str | None:
    """The format a file name suggests (a hint only: the content decides)."""
    if not name:
        return None
    path = PureWindowsPath(name) if "\\" in name else PurePath(name)
    base, _number = _generation(path.name.lower())
    for pattern, fmt in _NAMES:
        if pattern.fullmatch(base):
            if fmt == anydesk_trace.FMT_USER and base.startswith("anydesk.trace") and any(
                    part.lower() == "log" for part in path.parts[:-1]):
                return anydesk_trace.FMT_SERVICE  # /var/log/anydesk.trace is the service's
            return fmt
    return None


# Names a rotation gives: TeamViewer renames a full log `..._OLD.log` (one generation);
# RustDesk names each day's file by its start (`rustdesk_r2025-11-23_19-44-47.log`) and
# writes `rustdesk_rCURRENT.log`; flexi_logger names a second rotation in the same second
# `rustdesk_r2025-11-23_19-44-47.restart-0001.log` (its docs), which sorts after the first;
# AnyDesk renames a full trace `ad.trace.old`, `ad_svc.trace.old` (one generation, as
# TeamViewer).
_ROTATED = (
    (re.compile(r"teamviewer[0-9]*_logfile_old\.log"), 0),
    (re.compile(r"teamviewer[0-9]*_logfile\.log"), 1),
    (re.compile(r"[\w-]+\.trace\.old"), 0),
    (re.compile(r"[\w-]+\.trace"), 1),
    (re.compile(r"rustdesk_r([0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}-[0-9]{2}-[0-9]{2}(?:\.restart-[0-9]+)?)\.log"),
     0),
    (re.compile(r"rustdesk_rcurrent\.log"), 1),
)


def rotation_order(paths: Sequence[T]) -> list[T]:
    """`paths` oldest first by the names a rotation gives: a rotated file before the one
    being written, RustDesk's dated files by their date, numbered copies (`<log>.2`,
    `<log>.1`) before the log, the largest number first; other names keep their order."""
    def key(item: tuple[int, T]) -> tuple[int, str, int, int]:
        index, path = item
        text = path if isinstance(path, str) else os.fspath(path)
        base = PurePath(text).name.lower()
        if "\\" in base:
            base = PureWindowsPath(base).name
        base, number = _generation(base)
        for pattern, rank in _ROTATED:
            if found := pattern.fullmatch(base):
                return (0 if number else rank, found.group(1) if found.groups() else "",
                        -number, index)
        return 0, "", 0, index

    return [path for _index, path in sorted(enumerate(paths), key=key)]


def classify(text: str) -> tuple[str, ...]:
    """The formats one line can belong to: none, one, or two for a TAB-separated row
    of a TeamViewer connection file without a display-name column, which reads the same
    in Connections.txt (TAB variant) and in Connections_incoming.txt (column missing):
    then the file's name decides, and without one Connections.txt (see _PRIORITY)."""
    if "\t" in text and teamviewer_incoming.looks_like(text):
        if teamviewer_incoming.named(text) or not teamviewer_outgoing.looks_like(text):
            return (teamviewer_incoming.FMT,)
        return (teamviewer_outgoing.FMT, teamviewer_incoming.FMT)
    if teamviewer_outgoing.looks_like(text):
        return (teamviewer_outgoing.FMT,)
    if teamviewer_log.looks_like(text):
        return (teamviewer_log.FMT,)
    if rustdesk_log.looks_like(text):
        return (rustdesk_log.FMT,)
    match = anydesk_trace.parse_line(text)
    if match is not None:
        proc = match.group(9)
        if proc in anydesk_trace.SERVICE_TAGS:
            return (anydesk_trace.FMT_SERVICE,)
        if proc in anydesk_trace.USER_TAGS:
            return (anydesk_trace.FMT_USER,)
        return ("anydesk",)  # start-up lines (`ad`): AnyDesk, role not yet known
    return ()


# Lines that say nothing about the format: AnyDesk's restart separator (` * * * *`).
_NEUTRAL = re.compile(r"[\s*]*")
# What no log line holds, not even one still being written: C0 controls other than TAB
# (NULs are removed before), DEL, and the replacement character of undecodable UTF-16.
# A line shaped like a row of TeamViewer's connection files, whatever its date layout: a
# first field (the partner), then, after a TAB or a run of spaces, a date (day, month and
# year in any order and with any separator) and a time. In a file named as one of them,
# such lines are rows in another layout (a locale's dates, a 12-hour clock, a tool's
# rewrite): read as that file, whose row reader refuses them naming the line, rather than
# "no log sessiond can read".
_ROW_SHAPED = re.compile(r"\S+(?:\t| {2,}).*?\b[0-9]{1,4}[-./][0-9]{1,2}[-./][0-9]{2,4},?"
                         r"[ T\t]+[0-9]{1,2}:[0-9]{2}\b.*")
_BINARY = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def detect(data_head: bytes, name: str | None = None) -> str:
    """The format of a log from its first bytes (64 KiB is plenty) and, as a hint, its
    file name. Raises LogFormatError when neither tells, and when the name alone would
    tell but the content has whole lines of no known format: a file named like the tool's
    that holds something else must be refused, not read as holding no connection."""
    encoding, bom = sniff_encoding(data_head)
    votes: Counter[str] = Counter()
    hint = format_from_name(name)
    # Records of the connection files start with a newline, so their last line is whole
    # without one; in a log, an unterminated last line may be a record still being written.
    whole_tail = hint in (teamviewer_incoming.FMT, teamviewer_outgoing.FMT)
    foreign = 0  # whole, non-blank lines of no known format
    shaped = 0  # those of them shaped like a connection file's row (_ROW_SHAPED)
    short = 0  # TeamViewer log lines without their four-digit year (see looks_short)
    attempts = 0  # rows of AnyDesk's connection_trace.txt, whatever the file is named
    reader = io.BytesIO(data_head[bom:])
    for count, raw in enumerate(iter_lines(reader, 0, encoding)):
        if count >= _DETECT_LINES:
            break
        *cut, part = decode_line(raw.data, encoding, raw.truncated)
        for piece in cut:  # cut short by a crash: a vote if it reads, never foreign
            votes.update(classify(piece))
        found = classify(part)
        votes.update(found)
        attempts += not found and _ATTEMPT_ROW.fullmatch(part) is not None
        if not found and teamviewer_log.looks_short(part):
            short += 1
            continue
        # A last line without its newline may be a line still being written: foreign only
        # once it holds what no line of a log does.
        if not found and (raw.terminated or whole_tail or _BINARY.search(part)) and (
                not _NEUTRAL.fullmatch(part)):
            foreign += 1
            shaped += whole_tail and _ROW_SHAPED.fullmatch(part) is not None
    anydesk = votes.pop("anydesk", 0)
    if anydesk or votes[anydesk_trace.FMT_SERVICE] or votes[anydesk_trace.FMT_USER]:
        service, user = votes.pop(anydesk_trace.FMT_SERVICE, 0), votes.pop(
            anydesk_trace.FMT_USER, 0)
        # The two names say which file it is, and one parser reads both: the name decides
        # where it tells. The content's process tags do not: a portable AnyDesk writes its
        # service's lines (`lsvc`) into ad.trace, as many as the user's or more depending on
        # the hour, so ad.trace and its ad.trace.old could read as two formats and not as
        # one log across its rotation.
        role = (hint if hint in (anydesk_trace.FMT_SERVICE, anydesk_trace.FMT_USER)
                else anydesk_trace.FMT_SERVICE if service > user else anydesk_trace.FMT_USER)
        votes[role] = anydesk + service + user
    votes = Counter({fmt: n for fmt, n in votes.items() if n})
    if not votes:
        if hint is not None and not foreign and (not short or hint == teamviewer_log.FMT):
            return hint  # empty or still incomplete (or an older build's), the tool's name
        if whole_tail and hint is not None and foreign and shaped == foreign:
            return hint  # rows in another layout: the row reader names the first
        raise unrecognised(name, attempts=attempts > 0)
    best = max(votes.values())
    tied = [fmt for fmt in votes if votes[fmt] == best]
    if hint in tied:
        return hint
    return min(tied, key=_PRIORITY.index)


# Files of the tools that hold no connection sessiond can use, named in the refusal so the
# technician knows which file to give instead.
_UNUSABLE = (
    # AnyDesk's list of connection attempts: the start to the minute, no end (remote_logs.md
    # 2.2), so it can neither date a connection against a consent nor bound it.
    (re.compile(r"connection_trace\.txt(?:\.old)?"), "AnyDesk",
     "ad_svc.trace, ad.trace, /var/log/anydesk.trace, ~/.anydesk/anydesk.trace"),
)


# A row of AnyDesk's connection_trace.txt (remote_logs.md 2.2): direction, the start to the
# minute after a comma (seconds and no comma in one third-party reading), the method and
# the IDs in some order. Known by its content too: the file reaches the technician renamed
# (`connection_trace (1).txt` from a mail or a chat).
_ATTEMPT_ROW = re.compile(
    r"\s*(?:Incoming|Outgoing)\s+[0-9]{4}-[0-9]{2}-[0-9]{2},?\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s+\S.*")


def unrecognised(name: str | None, *, attempts: bool = False) -> LogFormatError:
    """The refusal of a file of no known format; `attempts`: its content is AnyDesk's list
    of connection attempts, whatever its name."""
    base = PureWindowsPath(name).name.lower() if name else ""
    shown = one_line(name) if name else name  # a file's name is anyone's: on one line
    for pattern, tool, instead in _UNUSABLE:
        if pattern.fullmatch(base) or (attempts and tool == "AnyDesk"):
            if not name:
                return LogFormatError(_(
                    "This is {tool}'s list of connection attempts, without their end and to "
                    "the minute only: sessiond reads {tool}'s traces instead ({instead}).",
                    tool=tool, instead=instead))
            return LogFormatError(_(
                "{name} is {tool}'s list of connection attempts, without their end and "
                "to the minute only: sessiond reads {tool}'s traces instead ({instead}).",
                name=shown, tool=tool, instead=instead))
    # The files it reads, where the tools write them: the technician gave another file of
    # the tool's folder (TeamViewer15_Hooks.log, AnyDesk's file_transfer_trace.txt) or a
    # copy that lost what made it one; he needs to know which to look for.
    known = "; ".join(dict.fromkeys(f.files for f in FORMATS.values()))
    if name:
        return LogFormatError(_(
            "{name} is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read; "
            "it reads: {known}.", name=shown, known=known))
    return LogFormatError(_(
        "This is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read; it "
        "reads: {known}.", known=known))


def check_format(fmt: str) -> Format:
    found = FORMATS.get(fmt)
    if found is None:
        raise LogFormatError(_("Unknown log format {fmt!r}; the known formats are {known}.",
                               fmt=fmt, known=", ".join(FORMATS)))
    return found


def check_tool(tool: str | None, fmt: Format) -> None:
    if tool is None:
        return
    if tool not in TOOLS:
        raise LogFormatError(_(
            "Unknown remote-control tool {tool!r}; the known tools are {known}.",
            tool=tool, known=", ".join(TOOLS)))
    if fmt.tool != tool:
        raise LogFormatError(_("This log was written by {found}, not by {tool}.",
                               found=fmt.tool, tool=tool))
