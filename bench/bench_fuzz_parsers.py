"""A long fuzz run of the remote-tool log parsers, their throughput and their memory.

Usage: python -m bench.bench_fuzz_parsers [--inputs 20000] [--seed 1] [--mb 20] [--big-mb 50]
For each format: --inputs mutated windows of the real samples (byte flips, truncations,
insertions, runs of NUL bytes, duplicated spans, CRLF, UTF-8 BOM, UTF-16 LE/BE with and
without BOM) and random bytes, each read with the format forced, with detection, and as a
file that grows in two steps. Prints inputs, connections found and crashes per parser (a
crash is any exception but LogFormatError, or a malformed connection: it must be 0; the
exit code is 1 otherwise), then MB/s on a --mb MB file per format, then the peak memory
(tracemalloc) of reading a --big-mb MB file from disk, of one line that long, and of a
file full of connection starts that never end: it stays flat whatever the size.
"""

from __future__ import annotations

import argparse
import codecs
import io
import random
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections.abc import Callable
from datetime import UTC
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from sessiond.integrations import (
    FORMATS,
    Connection,
    LogFormatError,
    TailState,
    read_connections,
    read_increment,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
FIXTURES = ROOT / "tests" / "data" / "remote_logs"
PARIS = ZoneInfo("Europe/Paris")
SOURCES = {
    "teamviewer-incoming": [SAMPLES / "teamviewer" / "connections_incoming.txt"],
    "teamviewer-outgoing": [SAMPLES / "teamviewer" / "Connections.txt"],
    "teamviewer-log": [SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log"],
    "anydesk-trace": [SAMPLES / "anydesk" / "anydesk.trace"],
    "anydesk-service-trace": [SAMPLES / "anydesk" / "anydesk_var_log.trace"],
    "rustdesk-log": sorted((FIXTURES / "rustdesk").glob("*.log")),
}
STRONG = (b"CreatePassiveSession", b"client hello", b"AddParticipant", b"RemoveParticipant",
          b"ReceivedEndSession", b" ended.", b"Accept request", b"Connecting to console",
          b"outgoing connection request", b"Incoming session request", b"Session st",
          b"a connection request", b"socket was closed", b"closed by remote", b"Processing done",
          b"Fiber exit", b"Authenticated", b"Exit io_loop", b"handle_peer_info", b"Start:",
          b"Connection opened", b"Connection closed", b" start, ", b"\t")


class Malformed(AssertionError):
    pass


def check(connections: list[Connection]) -> int:
    for c in connections:
        if not (c.start.tzinfo is UTC and (c.end is None or (c.end.tzinfo is UTC
                                                             and c.end >= c.start))
                and c.line >= 1 and c.fmt in FORMATS):
            raise Malformed(repr(c))
    return len(connections)


def one_input(data: bytes, fmt: str | None, cut: int) -> int:
    """Every entry point on one input; returns the connections found."""
    found = 0
    for forced in (fmt, None):
        try:
            found += check(list(read_connections(data, fmt=forced, tz=PARIS)))
        except LogFormatError:
            if forced is not None:
                raise
    try:
        first = read_increment(io.BytesIO(data[:cut]), tz=PARIS, fmt=fmt)
        second = read_increment(io.BytesIO(data), first.offset,
                                TailState.from_json(first.state.to_json()), tz=PARIS)
    except LogFormatError:
        if fmt is not None:
            raise
        return found
    return found + check([*first.connections, *second.connections, *second.open])


def mutate(rng: random.Random, lines: list[bytes], starts: list[int]) -> bytes:
    start = max(0, rng.choice(starts) - rng.randrange(30))
    data = bytearray(b"\n".join(lines[start:start + rng.randrange(1, 120)]))
    for _ in range(rng.randrange(7)):
        at = rng.randrange(len(data) + 1)
        op = rng.randrange(6)
        if op == 0 and data:
            data[at % len(data)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del data[at:]
        elif op == 2:
            data[at:at] = rng.randbytes(rng.randrange(1, 32))
        elif op == 3:
            data[at:at] = b"\x00" * rng.randrange(1, 2000)
        elif op == 4:
            del data[at:at + rng.randrange(64)]
        else:
            data[at:at] = data[at:at + rng.randrange(2000)]
    raw = bytes(data)
    encoding = rng.randrange(7)
    if encoding == 1:
        return raw.replace(b"\n", b"\r\n")
    if encoding == 2:
        return codecs.BOM_UTF8 + raw
    if encoding >= 3:
        codec = "utf-16-le" if encoding in (3, 4) else "utf-16-be"
        bom = (codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE)
        text = raw.decode("utf-8", errors="replace").encode(codec, errors="replace")
        return (bom if encoding in (4, 6) else b"") + text
    return raw


def corpus(fmt: str) -> tuple[list[bytes], list[int]]:
    lines = b"\n".join(p.read_bytes() for p in SOURCES[fmt]).split(b"\n")
    condensed = [line for line in lines if any(m in line for m in STRONG)]
    starts = list(range(len(lines))) + [len(lines)] * len(lines)
    return lines + condensed, starts


def fuzz(fmt: str, inputs: int, seed: int) -> tuple[int, int, int, float]:
    rng = random.Random(f"{seed}/{fmt}")
    lines, starts = corpus(fmt)
    crashes = found = 0
    began = time.perf_counter()
    for n in range(inputs):
        data = (rng.randbytes(rng.randrange(4096)) if n % 10 == 9
                else mutate(rng, lines, starts))
        try:
            found += one_input(data, fmt if rng.random() < 0.5 else None,
                               rng.randrange(len(data) + 1))
        except Exception:  # what must never happen: report it and go on
            crashes += 1
            if crashes <= 3:
                print(f"CRASH {fmt} input {n}: {data[:200]!r}", file=sys.stderr)
                traceback.print_exc()
    return inputs, found, crashes, time.perf_counter() - began


def big(fmt: str, size: int) -> bytes:
    """A file of about `size` bytes: the sample repeated (its sessions with it)."""
    data = b"\n".join(p.read_bytes() for p in SOURCES[fmt])
    if not data.endswith(b"\n"):
        data += b"\n"
    return data * max(1, size // len(data))


def count_connections(path: Path) -> int:
    return sum(1 for _ in read_connections(path, tz=PARIS))


def measure(read: Callable[[], int]) -> tuple[int, float, int]:
    tracemalloc.start()
    began = time.perf_counter()
    found = read()
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return found, elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20000, help="inputs per parser")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mb", type=int, default=20, help="size of the throughput files")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the memory files")
    args = parser.parse_args()
    missing = [p for paths in SOURCES.values() for p in paths if not p.is_file()]
    if missing:
        sys.exit(f"samples missing: {missing[0]} (shared/ must sit beside the repository)")

    print(f"fuzz: {args.inputs} inputs per parser, seed {args.seed}")
    total_crashes = 0
    for fmt in FORMATS:
        inputs, found, crashes, elapsed = fuzz(fmt, args.inputs, args.seed)
        total_crashes += crashes
        print(f"  {fmt:22} inputs {inputs:6}  connections {found:7}  crashes {crashes}  "
              f"{inputs / elapsed:6.0f} inputs/s")

    print(f"throughput: {args.mb} MB per format, read from memory")
    for fmt in FORMATS:
        data = big(fmt, args.mb * 1_000_000)
        began = time.perf_counter()
        count = sum(1 for _ in read_connections(data, fmt=fmt, tz=PARIS))
        elapsed = time.perf_counter() - began
        print(f"  {fmt:22} {len(data) / 1e6:6.1f} MB  {len(data) / 1e6 / elapsed:6.1f} MB/s  "
              f"{count} connections")

    print(f"memory: peak of tracemalloc while reading {args.big_mb} MB from disk")
    size = args.big_mb * 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "anydesk-service-trace": big("anydesk-service-trace", size),
            "teamviewer-log": big("teamviewer-log", size),
            "one line, no newline": b"[2026-04-12 17:12:04.147039 -04:00] INFO [a] Session 1 "
                                    b"start " + b"x" * size,
            "starts that never end": b"".join(
                b"[2026-04-12 17:12:04.147039 -04:00] INFO [a] Session %d start\n" % n
                for n in range(size // 60)),
        }
        for label, data in cases.items():
            path = Path(tmp) / "big.log"
            path.write_bytes(data)
            del data
            found, elapsed, peak = measure(partial(count_connections, path))
            print(f"  {label:22} {path.stat().st_size / 1e6:6.1f} MB  peak "
                  f"{peak / 1e6:5.2f} MB  {found} connections  {elapsed:5.1f} s")
            path.unlink()
    print(f"crashes: {total_crashes}")
    sys.exit(1 if total_crashes else 0)


if __name__ == "__main__":
    main()
