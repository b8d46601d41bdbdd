"""Ed25519 checks of checkpoint signatures, in batches another process can run.

One check is about 0.1 ms of CPU, and the cryptography library holds the GIL while it
runs: with one checkpoint per session stop, signatures are a third of `verify`. `Worker`
runs `python -m sessiond.audit.signatures` (a new interpreter, not a fork: the TUI and the
daemon have threads; not multiprocessing, which would run the caller's main script again)
and feeds it batches from a thread of its own, which only waits on the pipes, while the
caller walks the chain. This module imports nothing else of sessiond, so that the worker
starts fast.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Sequence
from typing import IO, Any

Batch = Sequence[tuple[str, bytes]]  # (signature as hex, signed message)

_keys: dict[bytes, Any] = {}


def bad_signatures(public_raw: bytes, batch: Batch) -> list[int]:
    """The positions in `batch` whose signature does not verify under the raw Ed25519
    public key `public_raw`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = _keys.get(public_raw)
    if key is None:
        key = _keys[public_raw] = Ed25519PublicKey.from_public_bytes(public_raw)
    bad = []
    for n, (signature, message) in enumerate(batch):
        try:
            raw = bytes.fromhex(signature)
            if raw.hex() != signature:  # fromhex also reads capitals and spaces, which
                raise ValueError  # sessiond never writes: the stored text was changed
            key.verify(raw, message)
        except (InvalidSignature, ValueError):
            bad.append(n)
    return bad


class Worker:
    """A child process checking batches; `results` (batch number -> bad positions) fills
    in as they come back. Should the child fail, its thread checks the batches itself."""

    def __init__(self, public_raw: bytes) -> None:
        import os
        import queue
        import subprocess
        import threading
        from pathlib import Path

        here = str(Path(__file__).resolve().parents[2])  # where `sessiond` is importable
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (here, os.environ.get("PYTHONPATH")) if p)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sessiond.audit.signatures"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env=env)
        self.public_raw = public_raw
        self.todo: queue.Queue[tuple[int, Batch] | None] = queue.Queue()
        self.results: dict[int, list[int]] = {}
        self.given = 0
        self.thread = threading.Thread(target=self._run, name="signatures", daemon=True)
        self.thread.start()

    @property
    def waiting(self) -> int:
        """Batches given and not answered yet."""
        return self.given - len(self.results)

    def give(self, number: int, batch: Batch) -> None:
        self.given += 1
        self.todo.put((number, batch))

    def _run(self) -> None:
        proc = self.process
        assert proc.stdin is not None and proc.stdout is not None
        broken = False
        while (item := self.todo.get()) is not None:
            number, batch = item
            if not broken:
                try:
                    _send(proc.stdin, (self.public_raw, list(batch)))
                    self.results[number] = pickle.load(proc.stdout)
                except (OSError, EOFError, pickle.PickleError):
                    broken = True
            if broken:  # checked here then (holding the GIL, but checked)
                self.results[number] = bad_signatures(self.public_raw, batch)

    def close(self) -> None:
        """Wait for the batches given, then end the child."""
        self.todo.put(None)
        self.thread.join()
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def _send(stream: IO[bytes], value: object) -> None:
    pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


def main() -> None:
    """The worker: (public key, batch) in on stdin, bad positions out on stdout."""
    import signal

    # Ctrl+C reaches the whole process group: the caller stops, closes the pipe, and this
    # process ends on its end of input, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            public_raw, batch = pickle.load(source)
        except EOFError:
            return
        _send(sink, bad_signatures(public_raw, batch))


if __name__ == "__main__":
    main()
