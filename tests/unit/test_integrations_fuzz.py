"""Fuzzing the log parsers: mutated real samples and random bytes never raise anything but
LogFormatError, and every connection they give is well formed.

A fixed budget per parser (derandomized, no deadline) keeps the suite quick; the longer run
is `python -m bench.bench_fuzz_parsers`. Mutations work on windows of lines around the
session markers of each sample, so that most inputs reach the parsers' session logic
rather than only their line patterns.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import unicodedata
from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessiond.integrations import (
    FORMATS,
    Connection,
    LogFormatError,
    TailState,
    read_connections,
    read_increment,
)

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "remote_logs"
PARIS = ZoneInfo("Europe/Paris")  # a zone with DST, so the fold rules are exercised
EXAMPLES = 2000

CORPUS = {  # format -> files it is fuzzed from
    "teamviewer-incoming": [SAMPLES / "teamviewer" / "connections_incoming.txt"],
    "teamviewer-outgoing": [SAMPLES / "teamviewer" / "Connections.txt"],
    "teamviewer-log": [SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log"],
    "anydesk-trace": [SAMPLES / "anydesk" / "anydesk.trace"],
    "anydesk-service-trace": [SAMPLES / "anydesk" / "anydesk_var_log.trace"],
    "rustdesk-log": sorted((FIXTURES / "rustdesk").glob("*.log")),
}
MARKERS = (b"Session", b"session", b"Participant", b"Accept request", b"connection request",
           b"Connection", b"Trying", b"Exit io_loop", b"handle_peer_info", b"Start:", b"\t",
           b"Authenticated", b"Fiber exit", b"Processing done")
STRONG = (b"CreatePassiveSession", b"client hello", b"AddParticipant", b"RemoveParticipant",
          b"ReceivedEndSession", b" ended.", b"Accept request", b"Connecting to console",
          b"outgoing connection request", b"Incoming session request", b"Session st",
          b"a connection request", b"socket was closed", b"closed by remote", b"Processing done",
          b"Fiber exit", b"Authenticated", b"Exit io_loop", b"handle_peer_info", b"Start:",
          b"Connection opened", b"Connection closed", b" start, ")


def _corpus(fmt: str) -> tuple[list[bytes], list[int]]:
    """The sample's lines, then a condensed copy (the lines with a strong marker only),
    where one window of lines holds a whole session from start to end."""
    paths = CORPUS[fmt]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"no sample for {fmt} at {paths[0].parent} (shared/ must sit beside "
                    "the repository)")
    lines = b"\n".join(p.read_bytes() for p in paths).split(b"\n")
    condensed = [line for line in lines if any(m in line for m in STRONG)]
    lines = lines + condensed
    marked = [i for i, line in enumerate(lines) if any(m in line for m in MARKERS)]
    if condensed:  # half the windows start at the condensed copy
        marked += [len(lines) - len(condensed)] * len(marked)
    return lines, marked or [0]


def check(connections: list[Connection]) -> None:
    """What must hold for any input."""
    for c in connections:
        assert c.start.tzinfo is UTC and c.start.utcoffset() is not None
        assert c.end is None or (c.end.tzinfo is UTC and c.end >= c.start)
        # An end the log does not have: how far it went without it, never before the start.
        assert c.seen_until is None or (c.end is None and c.seen_until.tzinfo is UTC
                                        and c.seen_until >= c.start)
        assert c.line >= 1
        assert c.fmt in FORMATS and c.tool == FORMATS[c.fmt].tool
        assert c.direction in ("incoming", "outgoing")
        assert c.outcome in ("accepted", "rejected", "failed", "unknown")
        assert len(c.digest) == len(c.key) == 64
        assert c.partner_id is None or (c.partner_id and len(c.partner_id) <= 64)
        # No control or format character reaches storage or a terminal as an ID.
        assert c.partner_id is None or not any(
            unicodedata.category(ch).startswith("C") for ch in c.partner_id)


def parse_all(data: bytes, fmt: str | None, cut: int) -> None:
    """One input through every entry point: forced format, detection, growing file."""
    try:
        check(list(read_connections(data, fmt=fmt, tz=PARIS)))
    except LogFormatError:
        assert fmt is None  # a forced format never refuses bytes
    with contextlib.suppress(LogFormatError):
        check(list(read_connections(data, tz=PARIS)))
    try:
        first = read_increment(io.BytesIO(data[:cut]), tz=PARIS, fmt=fmt)
        state = TailState.from_json(first.state.to_json())
        second = read_increment(io.BytesIO(data), first.offset, state, tz=PARIS)
    except LogFormatError:
        assert fmt is None
        return
    check([*first.connections, *second.connections, *second.open])
    assert 0 <= first.offset <= second.offset <= len(data)


ops = st.lists(st.tuples(st.sampled_from(("flip", "cut", "insert", "nul", "delete", "dup")),
                         st.integers(0, 1 << 20), st.integers(0, 2000),
                         st.binary(max_size=24)), max_size=6)
encodings = st.sampled_from(("", "utf-8-bom", "crlf", "utf-16-le", "utf-16-le-bom",
                             "utf-16-be", "utf-16-be-bom"))


def mutate(lines: list[bytes], marked: list[int], pick: int, back: int, length: int,
           edits: list[tuple[str, int, int, bytes]], encoding: str) -> bytes:
    start = max(0, marked[pick % len(marked)] - back)
    data = bytearray(b"\n".join(lines[start:start + length]))
    for op, pos, size, blob in edits:
        at = pos % (len(data) + 1)
        if op == "flip" and data:
            data[at % len(data)] ^= 1 << (size % 8)
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = blob
        elif op == "nul":
            data[at:at] = b"\x00" * size
        elif op == "delete":
            del data[at:at + size % 64]
        elif op == "dup":
            data[at:at] = data[at:at + size]
    raw = bytes(data)
    if encoding == "crlf":
        return raw.replace(b"\n", b"\r\n")
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + raw
    if encoding.startswith("utf-16"):
        codec = encoding.removesuffix("-bom")
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        text = raw.decode("utf-8", errors="replace").encode(codec, errors="replace")
        return (bom if encoding.endswith("bom") else b"") + text
    return raw


@pytest.mark.parametrize("fmt", sorted(CORPUS))
def test_mutated_samples(fmt: str) -> None:
    lines, marked = _corpus(fmt)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.integers(0, 10_000), st.integers(0, 30), st.integers(1, 80), ops, encodings,
           st.integers(0, 1 << 16), st.booleans())
    def run(pick: int, back: int, length: int, edits: list[tuple[str, int, int, bytes]],
            encoding: str, cut: int, forced: bool) -> None:
        data = mutate(lines, marked, pick, back, length, edits, encoding)
        parse_all(data, fmt if forced else None, cut % (len(data) + 1))

    run()


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=2048), st.sampled_from((None, *sorted(FORMATS))),
       st.integers(0, 4096))
def test_random_bytes(data: bytes, fmt: str | None, cut: int) -> None:
    parse_all(data, fmt, cut % (len(data) + 1))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=400), st.sampled_from(sorted(FORMATS)))
def test_random_text_in_every_encoding(text: str, fmt: str) -> None:
    for codec, bom in (("utf-8", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                       ("utf-16-be", b"")):
        data = bom + text.encode(codec, errors="surrogatepass")
        parse_all(data, fmt, len(data) // 2)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=70),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=6), max_leaves=30),
       st.sampled_from(sorted(FORMATS)))
def test_random_saved_states_are_refused_or_used(parser: object, fmt: str) -> None:
    # A state edited by hand or damaged on disk: a clear error or a usable state, never
    # another exception.
    state = TailState(fmt, "utf-8", 0, 0, False, parser if isinstance(parser, dict) else {})
    try:
        inc = read_increment(io.BytesIO(b"\n1\tx\t01-01-2024 10:00:00\t01-01-2024 11:00:00"
                                        b"\tu\tRemoteControl\t\t"), 0, state, tz=PARIS)
    except LogFormatError:
        return
    check([*inc.connections, *inc.open])
