"""Entry points: a whole log read once (`read_connections`) and a growing log read a piece
at a time (`read_increment`), both streamed with bounded memory whatever the file size.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO, cast
from zoneinfo import ZoneInfo

from sessiond.errors import system_problem
from sessiond.i18n import _, one_line
from sessiond.integrations.base import JSON, BadState, Parser
from sessiond.integrations.connection import Connection
from sessiond.integrations.errors import LogFormatError, LogReadError
from sessiond.integrations.formats import (
    Format,
    check_format,
    check_tool,
    detect,
    rotation_order,
)
from sessiond.integrations.text import (
    ENCODINGS,
    HEAD,
    Encoding,
    decode_line,
    iter_lines,
    lines_holding,
    sniff_encoding,
)

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO



def _unreadable(name: str | None, error: object) -> LogReadError:
    # The name on one line: a log's file name is anyone's (a download), and a line break
    # in it would print a line of sessiond's own (i18n.one_line).
    return LogReadError(_("Cannot read the log {name}: {error}.", name=one_line(name or "-"),
                          error=error))

@dataclass(frozen=True, slots=True)
class StartMissing:
    """A log that begins during a connection: `line` of file `file` ends one whose start
    is not in it (a rotated copy that was not given, or was deleted, holds it)."""

    file: str | None
    line: int
    at: datetime


@dataclass(slots=True)
class ReadNotes:
    """What a read found about the log besides its connections, once it is read whole."""

    start_missing: StartMissing | None = None


def _note(notes: ReadNotes | None, parser: Parser, label: str | None) -> None:
    if notes is not None and notes.start_missing is None and parser.start_missing:
        line, at = parser.start_missing
        notes.start_missing = StartMissing(label, line, at)


def read_connections(source: Source, *, fmt: str | None = None, tool: str | None = None,
                     tz: ZoneInfo, name: str | None = None, notes: ReadNotes | None = None
                     ) -> Iterator[Connection]:
    """Every connection in a log: a path, a binary file object or bytes.

    The format is detected from the content (the file name as a hint) unless `fmt` is
    given; `tool` ("teamviewer", "anydesk", "rustdesk") refuses a log of another tool. `tz`
    is the zone of the machine that wrote the log, used where the log has none (AnyDesk)
    or its own is missing or stale (TeamViewer's log). Connections come out as their end
    is read, then those still open at the end of the file (end None), in start order.

    The format is checked before this returns (LogFormatError, LogReadError); reading
    errors later surface from the iterator as LogReadError.
    """
    stream, label, owned = _open(source)
    try:
        head = _read(stream, HEAD, label)
        spec = _choose(head, name or label, fmt, tool)
    except BaseException:
        if owned:
            stream.close()
        raise
    return _connections(stream, head, owned, spec.parser(tz), label, detected=fmt is None,
                        notes=notes)


def read_rotated(sources: Sequence[str | os.PathLike[str]], *, fmt: str | None = None,
                 tool: str | None = None, tz: ZoneInfo, notes: ReadNotes | None = None
                 ) -> Iterator[Connection]:
    """Every connection in the successive files of one log, oldest first: a session that
    began in `TeamViewer15_Logfile_OLD.log` and ended after the rotation, in
    `TeamViewer15_Logfile.log`, is one connection with its end, where reading each file
    alone gives it open in the first and drops its end in the second (no start there).

    The files are read in their order of rotation (`rotation_order`), with one parser, as
    the daemon reads a log across a rotation. They must all be of one format.
    """
    opened: list[tuple[BinaryIO, bytes, str | None]] = []
    spec: Format | None = None
    try:
        for source in rotation_order(sources):
            stream, label, _owned = _open(source)
            opened.append((stream, b"", label))
            head = _read(stream, HEAD, label)
            opened[-1] = (stream, head, label)
            found = _choose(head, label, fmt, tool)
            if spec is not None and found.name != spec.name:
                raise LogFormatError(_(
                    "{name} is a {found} file, not {fmt} like the files before it: import "
                    "it on its own.", name=one_line(label or "-"), found=found.name,
                    fmt=spec.name))
            spec = found
    except BaseException:
        for stream, _head, _label in opened:
            stream.close()
        raise
    if spec is None:
        return iter(())
    return _series(opened, spec.parser(tz), detected=fmt is None, notes=notes)


def _unreadable_format(parser: Parser, detected: bool) -> None:
    """Refuse a detected file that its parser could mostly not read (see Parser.unreadable)
    rather than give it as holding that few connections."""
    problem = parser.unreadable() if detected else None
    if problem is not None:
        raise problem


def _prime(opened: list[tuple[BinaryIO, bytes, str | None]], parser: Parser) -> None:
    """Let `parser` look ahead in the files, in reading order, at the lines holding its
    `lookahead` text (TeamViewer's Start: blocks), then put each stream back. Streams
    that cannot seek back (a pipe) are not looked into."""
    if parser.lookahead is None:
        return
    for stream, head, label in opened:
        try:
            if not stream.seekable():
                return
            where = stream.tell()
        except (OSError, ValueError):
            return
        encoding, bom = sniff_encoding(head)
        for text in lines_holding(_Prefixed(head[bom:], stream, label), encoding,
                                  parser.lookahead):
            parser.prime(text)
        _seek(stream, where, label)


def _series(opened: list[tuple[BinaryIO, bytes, str | None]], parser: Parser, *,
            detected: bool, notes: ReadNotes | None = None) -> Iterator[Connection]:
    try:
        _prime(opened, parser)
        for stream, head, label in opened:
            yield from _file(stream, head, parser, label)
            _note(notes, parser, label)
        _unreadable_format(parser, detected)
        yield from parser.finish()
    finally:
        for stream, _head, _label in opened:
            stream.close()


def _connections(stream: BinaryIO, head: bytes, owned: bool, parser: Parser,
                 label: str | None, *, detected: bool, notes: ReadNotes | None = None
                 ) -> Iterator[Connection]:
    try:
        _prime([(stream, head, label)], parser)
        yield from _file(stream, head, parser, label)
        _note(notes, parser, label)
        _unreadable_format(parser, detected)
        yield from parser.finish()
    finally:
        if owned:
            stream.close()


def _file(stream: BinaryIO, head: bytes, parser: Parser, label: str | None
          ) -> Iterator[Connection]:
    """The connections one file closes; those still open stay in `parser`."""
    encoding, bom = sniff_encoding(head)
    body = _Prefixed(head[bom:], stream, label)
    line = 1
    for raw in iter_lines(body, bom, encoding):
        *cut, decoded = decode_line(raw.data, encoding, raw.truncated)
        # What a crash cut short is read only if whole, as a last line cut short is (see
        # Parser.final_complete).
        for piece in cut:
            if piece and parser.final_complete(piece):
                parser.feed(piece, line)
        if cut:
            parser.crashed()
        if not raw.terminated and not parser.final_complete(decoded):
            break
        parser.feed(decoded, line)
        line += raw.newline  # records ended by a lone CR share their line's number
        if parser.done:
            yield from parser.take()


@dataclass(frozen=True, slots=True)
class TailState:
    """Where a growing log was left: serialisable (to_json) so a daemon keeps it across
    restarts. It holds the connections still open, so an end line read later is paired
    with the start line read before."""

    fmt: str
    encoding: Encoding
    offset: int  # bytes consumed: always at the end of a line
    line: int  # lines consumed
    pending: bool  # the last line consumed had no terminator yet (TeamViewer's files)
    parser: JSON = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"v": 1, "fmt": self.fmt, "encoding": self.encoding,
                           "offset": self.offset, "line": self.line, "pending": self.pending,
                           "parser": self.parser}, separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> TailState:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("v") != 1:
                raise BadState
            fmt, encoding = data.get("fmt"), data.get("encoding")
            offset, line, pending = data.get("offset"), data.get("line"), data.get("pending")
            parser = data.get("parser")
            if (not isinstance(fmt, str) or encoding not in ENCODINGS
                    or not _natural(offset) or not _natural(line)
                    or not isinstance(pending, bool) or not isinstance(parser, dict)):
                raise BadState
            check_format(fmt)
            return cls(fmt, cast(Encoding, encoding), cast(int, offset), cast(int, line),
                       pending, parser)
        except (ValueError, BadState, LogFormatError, RecursionError):
            raise _damaged() from None


def _natural(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _damaged() -> LogFormatError:
    return LogFormatError(_("The saved reading position of a remote-tool log is damaged; "
                            "read that log again from the start."))


@dataclass(frozen=True, slots=True)
class Increment:
    """What one `read_increment` call found."""

    connections: tuple[Connection, ...]  # ended (or given up) in the bytes read this time
    open: tuple[Connection, ...]  # open after this call (end None): same `key` once ended
    offset: int  # where to continue from
    state: TailState  # to pass to the next call
    restarted: bool  # the file was rotated or truncated: read again from its start


def read_increment(stream: BinaryIO, offset: int = 0, state: TailState | None = None, *,
                   fmt: str | None = None, tool: str | None = None, tz: ZoneInfo,
                   name: str | None = None, max_bytes: int | None = None) -> Increment:
    """Read a growing log from `offset` up to its last complete line.

    Give back the `offset` and `state` of the previous call. With offset 0 and an earlier
    state (the daemon saw the file shrink or be replaced: TeamViewer renames a full log to
    `_OLD` and starts a new one; RustDesk starts a new file every day), the file is read
    again from its start and the open connections of the state are kept, so a session that
    began before the rotation ends in the new file. An offset past the end of the file is
    taken the same way. Without a state, line numbers count from `offset`. `max_bytes`
    bounds the work of one call; the rest is read by the next.
    """
    if offset < 0:
        raise ValueError("offset must be >= 0")
    label = name or _label(stream)
    try:
        size = stream.seek(0, os.SEEK_END)
    except (OSError, ValueError) as e:
        raise _unreadable(label or "-", e) from e
    restarted = offset > size or (offset == 0 and state is not None and state.offset > 0)
    if offset > size:
        offset = 0
    if state is not None and not restarted and offset == state.offset:
        encoding, start, line, pending = state.encoding, offset, state.line, state.pending
        spec = check_format(state.fmt)
        check_tool(tool, spec)
    else:
        _seek(stream, 0, label)
        head = _read(stream, HEAD, label)
        encoding, bom = sniff_encoding(head)
        spec = check_format(state.fmt) if state is not None else _choose(head, label, fmt,
                                                                           tool)
        check_tool(tool, spec)
        start, line, pending = (bom if offset == 0 else offset), 0, False
    parser = spec.parser(tz)
    parser.forced = state is None and fmt is not None  # else the state says (load_vars)
    if state is not None:
        try:
            parser.load(state.parser)
        except BadState:
            raise _damaged() from None
    _seek(stream, start, label)
    found: list[Connection] = []
    consumed = start
    try:
        for raw in iter_lines(stream, start, encoding, limit=max_bytes, final=False):
            *cut, text = decode_line(raw.data, encoding, raw.truncated)
            if pending and raw.terminated and not text and not any(cut):
                # The end of the row already read (after a crash's NULs, maybe); its
                # newline was counted, but a lone CR ends no line.
                pending = False
                line -= not raw.newline
                consumed = raw.end
                continue
            if not raw.terminated:
                # A row already whole (TeamViewer's files), maybe followed by a crash's NULs;
                # else the line waits for its end (a row read before still pending).
                last = text or (cut[-1] if cut else "")
                if not parser.tail_complete(last):
                    break
                pending = True
            else:
                pending = False
            for piece in cut:  # cut short by a crash: read only if whole (as in _file)
                if piece and parser.final_complete(piece):
                    parser.feed(piece, line + 1)
            if cut:
                parser.crashed()
            parser.feed(text, line + 1)
            if parser.strict and not parser.forced and (
                    problem := parser.unreadable()) is not None:
                # A line of a connection list that is no row (another date layout...): the
                # rows before it are given, and the file is followed no further than it,
                # refused from the next read on naming it, never read past it silently.
                if found:
                    break
                raise problem
            # `line`: the lines ended so far (by an LF; records ended by a lone CR share
            # their line's number), counting a pending row's newline still to come.
            line += raw.newline or not raw.terminated
            consumed = raw.end
            found.extend(parser.take())
    except OSError as e:
        raise _unreadable(label or "-", e) from e
    new_state = TailState(spec.name, encoding, consumed, line, pending, parser.dump())
    return Increment(tuple(found), tuple(parser.still_open()), consumed, new_state, restarted)


# -- files -------------------------------------------------------------------------------
def _choose(head: bytes, name: str | None, fmt: str | None, tool: str | None) -> Format:
    spec = check_format(fmt) if fmt is not None else check_format(detect(head, name))
    check_tool(tool, spec)
    return spec


def _label(stream: object) -> str | None:
    value = getattr(stream, "name", None)
    return value if isinstance(value, str) else None


def _open(source: Source) -> tuple[BinaryIO, str | None, bool]:
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(source)), None, True
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        return open_log(path), path, True
    return source, _label(source), False


def open_log(path: str | os.PathLike[str]) -> BinaryIO:
    """The log file `path`, opened for reading: a regular file only (LogReadError).

    A path is opened without waiting: a FIFO named in place of a log would block `open`
    until some writer came (the command, or the daemon following it, hung for good), and a
    device (/dev/zero, a terminal) is no log either. A stream the caller opened itself (a
    pipe) is read through `read_connections` as it is.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the name
        problem = system_problem(e) if isinstance(e, OSError) else str(e)
        raise _unreadable(name, problem) from e
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _unreadable(name, system_problem(IsADirectoryError(errno.EISDIR, name)))
        if not stat.S_ISREG(mode):
            raise LogReadError(_("{path} is not a regular file (a directory, a pipe or a "
                                 "device): give the file itself.", path=name))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read(stream: BinaryIO, size: int, label: str | None) -> bytes:
    """Up to `size` bytes: pipes and sockets give short reads, detection needs the head."""
    parts: list[bytes] = []
    got = 0
    try:
        while got < size:
            data = stream.read(size - got)
            if not data:
                break
            parts.append(bytes(data))
            got += len(data)
    except OSError as e:
        raise _unreadable(label or "-", system_problem(e)) from e
    return b"".join(parts)


def _seek(stream: BinaryIO, offset: int, label: str | None) -> None:
    try:
        stream.seek(offset)
    except (OSError, ValueError) as e:
        raise _unreadable(label or "-", e) from e


class _Prefixed:
    """The bytes already read for detection, then the rest of the stream: works on pipes,
    which cannot seek back."""

    def __init__(self, head: bytes, rest: BinaryIO, label: str | None) -> None:
        self._head = head
        self._rest = rest
        self._label = label

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self.read_rest(-1), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self.read_rest(size)

    def read_rest(self, size: int) -> bytes:
        try:
            return bytes(self._rest.read(size) or b"")
        except OSError as e:
            raise _unreadable(self._label or "-", system_problem(e)) from e
