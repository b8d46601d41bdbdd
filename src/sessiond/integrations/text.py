"""Bytes to lines: encoding sniffing and a bounded, offset-aware line reader.

The tools write UTF-8 or ASCII in practice, but Windows builds and third-party copies can
give UTF-8 with a BOM or UTF-16 (with or without BOM), and logs of a Chinese or Western
Windows contain ANSI bytes. Nothing here can fail on any input: undecodable UTF-8 falls
back to latin-1 line by line, and UTF-16 uses replacement characters.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

Encoding = Literal["utf-8", "utf-16-le", "utf-16-be"]
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "utf-16-le", "utf-16-be")

MAX_LINE = 64 * 1024  # bytes kept of one line; the rest is skipped (no log line is this long)
CHUNK = 64 * 1024
HEAD = 64 * 1024  # bytes read to sniff the encoding and detect the format
_SNIFF = 4096  # bytes looked at for the NUL pattern of BOM-less UTF-16


def sniff_encoding(head: bytes) -> tuple[Encoding, int]:
    """The encoding of a file from its first bytes, and the length of its BOM."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    sample = head[:_SNIFF]
    pairs = len(sample) // 2
    if pairs >= 4:
        even = sample[0:pairs * 2:2].count(0)
        odd = sample[1:pairs * 2:2].count(0)
        # ASCII text in UTF-16 has a NUL in every other byte; AnyDesk's runs of NULs fill
        # both positions, so they never look like UTF-16.
        if odd >= 0.3 * pairs and even <= 0.05 * pairs:
            return "utf-16-le", 0
        if even >= 0.3 * pairs and odd <= 0.05 * pairs:
            return "utf-16-be", 0
    return "utf-8", 0


# A line ends at LF, CRLF or a lone CR (a file edited on an old Mac, or a CR written without
# its LF).
_UNITS: dict[Encoding, tuple[bytes, bytes]] = {  # (LF, CR) code units
    "utf-8": (b"\n", b"\r"),
    "utf-16-le": (b"\n\x00", b"\r\x00"),
    "utf-16-be": (b"\x00\n", b"\x00\r"),
}


# A run of NULs is where an unclean shutdown lost what was being written (the file's size
# was saved, not its data): AnyDesk's traces have runs of 35 to 1,433 before a restart
# banner. A lone NUL is only dropped.
_CRASH = re.compile("\x00{2,}")


def decode_line(raw: bytes, encoding: Encoding, truncated: bool) -> list[str]:
    """One physical line as text, never an exception: BOM, trailing CR and lone NULs
    removed. Usually one piece; where runs of NULs cut the line, the pieces between them,
    every one but the last cut short by a crash (the last is what was written after it).
    """
    if encoding == "utf-8":
        if truncated:
            raw = _drop_partial_utf8(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # ANSI code page bytes (cp1252, GBK...): latin-1 keeps every byte visible and
            # the digits and ASCII markers the parsers look for intact.
            text = raw.decode("latin-1")
    else:
        # Half a code unit, or half a surrogate pair, at the end is a character cut short
        # (a line still being written), not an undecodable one.
        raw = raw[:len(raw) - len(raw) % 2]
        last = raw[-2:] if encoding == "utf-16-le" else raw[-2:][::-1]
        if len(last) == 2 and 0xD8 <= last[1] <= 0xDB:
            raw = raw[:-2]
        text = raw.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.rstrip("\r")
    if "\x00" not in text:
        return [text]
    return [piece.replace("\x00", "") for piece in _CRASH.split(text)]


def _drop_partial_utf8(raw: bytes) -> bytes:
    """Remove a UTF-8 sequence cut by truncation at the end of `raw`."""
    for back in range(1, min(4, len(raw)) + 1):
        byte = raw[-back]
        if byte < 0x80:
            return raw
        if byte >= 0xC0:  # a lead byte: is its sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return raw if back >= need else raw[:-back]
    return raw


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class RawLine:
    data: bytes  # at most MAX_LINE bytes, without the terminator
    end: int  # absolute offset just after the terminator (or after the data at EOF)
    terminated: bool
    truncated: bool
    newline: bool = True  # the terminator has an LF (False: a lone CR, or none at EOF)


def _find(buf: bytearray, unit: bytes, start: int, stop: int) -> int:
    """The first `unit` at a code-unit boundary in buf[start:stop], or -1."""
    idx = buf.find(unit, start, stop)
    while len(unit) == 2 and idx >= 0 and idx % 2:
        idx = buf.find(unit, idx + 1, stop)
    return idx


def _break(buf: bytearray, scan: int, lf: bytes, cr: bytes, at_end: bool
           ) -> tuple[int, int, bool] | None:
    """(position, length, has an LF) of the first line terminator at or after `scan`, or
    None. A CR in the last code unit of `buf` is a terminator only `at_end` (else an LF may
    follow it)."""
    width = len(lf)
    idx = _find(buf, lf, scan, len(buf))
    # A CR is looked for before that LF only: in the usual LF or CRLF file, one line.
    early = _find(buf, cr, scan, len(buf) if idx < 0 else idx)
    if early < 0:
        return None if idx < 0 else (idx, width, True)
    if early + width == idx:
        return early, 2 * width, True
    if len(buf) < early + 2 * width:
        return (early, width, False) if at_end else None
    return early, width, False


def iter_lines(f: Readable, start: int, encoding: Encoding, *,
               limit: int | None = None, final: bool = True) -> Iterator[RawLine]:
    """Lines from `start` (which must be at a line boundary), ended by LF, CRLF or a lone
    CR, including a final unterminated line. Memory stays within MAX_LINE + CHUNK bytes
    whatever the input.

    `limit` stops reading after that many bytes from `start` (the rest waits for the next
    call); a line cut by the limit is not reported. `final`: the end of the data is the end
    of the file, so a CR there ends a line; else (a file still being written) its LF may
    follow, and the line is reported unterminated, without that CR (its `end` before it).
    """
    lf, cr = _UNITS[encoding]
    unit = len(lf)
    buf = bytearray()
    pos = start  # absolute offset of buf[0]; buf always starts on a character boundary
    kept: bytes | None = None  # prefix of an over-long line while its tail is skipped
    scan = 0
    budget = limit
    at_end = False
    while not at_end:
        size = CHUNK if budget is None else min(CHUNK, budget)
        chunk = f.read(size) if size > 0 else b""
        if not chunk:
            if limit is not None and budget == 0:
                return  # the data may go on: a partial last line waits for the next call
            at_end = final
            if not at_end:
                break
        if budget is not None:
            budget -= len(chunk)
        buf += chunk
        while (found := _break(buf, scan, lf, cr, at_end)) is not None:
            idx, length, newline = found
            if kept is not None:
                data, truncated = kept, True
            elif idx > MAX_LINE:
                data, truncated = bytes(buf[:MAX_LINE]), True
            else:
                data, truncated = bytes(buf[:idx]), False
            cut = idx + length
            del buf[:cut]
            pos += cut
            kept = None
            scan = 0
            yield RawLine(data, pos, True, truncated, newline)
        if kept is None and len(buf) > MAX_LINE:
            kept = bytes(buf[:MAX_LINE])
        # Everything before the last code unit was searched; that unit (a CR waiting for
        # its LF, or half a UTF-16 unit) is searched again with the next read.
        scan = max(0, len(buf) - unit - len(buf) % unit)
        if kept is not None and scan > 0:
            # Skip the tail of an over-long line, keeping the alignment of UTF-16.
            del buf[:scan]
            pos += scan
            scan = 0
    if not at_end and buf.endswith(cr) and not (len(buf) - unit) % unit:
        del buf[-unit:]  # a CR that may be half a CRLF: left for the next call to read
    if kept is not None:
        yield RawLine(kept, pos + len(buf), False, True, False)
    elif buf:
        data = bytes(buf[:MAX_LINE])
        yield RawLine(data, pos + len(buf), False, len(buf) > MAX_LINE, False)


def lines_holding(f: Readable, encoding: Encoding, needle: str, *,
                  limit: int = 4096) -> Iterator[str]:
    """The lines that start with `needle` (from it to the line's end), found by a byte
    search (a look ahead over a whole file costs little more than reading it), at most
    `limit` of them. `f` must start on a character boundary, at a line's start."""
    lf = _UNITS[encoding][0]
    pattern = lf + needle.encode(encoding)
    unit = len(lf)
    buf = lf  # the start of `f` is a line's start
    found = 0
    at_end = False
    while not at_end and found < limit:
        chunk = f.read(CHUNK)
        at_end = not chunk
        buf += chunk
        scan = 0
        while found < limit and (hit := buf.find(pattern, scan)) >= 0:
            if hit % unit:  # inside a UTF-16 code unit: no match
                scan = hit + 1
                continue
            end = hit + unit
            while (end := buf.find(lf, end)) >= 0 and end % unit:
                end += 1
            if end < 0 and not at_end and len(buf) - hit < MAX_LINE:
                break  # its line goes on in the next chunk
            stop = end if end >= 0 else min(len(buf), hit + MAX_LINE)
            yield decode_line(buf[hit + unit:stop], encoding, end < 0)[-1]
            found += 1
            scan = stop
        # Keep what may hold a match cut by the chunk's end (or the line of the last one,
        # from `scan`), on a code-unit boundary.
        keep = max(scan, len(buf) - len(pattern))
        keep -= keep % unit
        buf = buf[max(0, keep):]
