"""Helpers of the hostile-input and fault tests: what "refused, nothing written" means."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import Cli, Result

# What a terminal acts on instead of showing (sessiond.display.safe_text's set).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
INTERNAL_ERROR = 4


@dataclass(frozen=True)
class State:
    """What a command could have written: the log's tail and tables, keys, file names."""

    events: int
    tail: str | None
    checkpoints: int
    client_keys: int
    keys: tuple[tuple[str, str], ...]
    files: frozenset[str]


def state(home: Path) -> State:
    db_path = home / "sessiond.sqlite3"
    events, tail, checkpoints, client_keys = 0, None, 0, 0
    if db_path.exists():
        try:
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            db.execute("SELECT 1 FROM sqlite_master").fetchall()
        except sqlite3.OperationalError:  # a read-only directory without -shm
            db = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
        try:
            events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            row = db.execute("SELECT hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
            tail = row[0] if row else None
            checkpoints = db.execute("SELECT COUNT(*) FROM checkpoints").fetchone()[0]
            client_keys = db.execute("SELECT COUNT(*) FROM client_keys").fetchone()[0]
        finally:
            db.close()
    keys = tuple(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                        for p in (home / "keys").glob("*") if p.is_file())) \
        if (home / "keys").is_dir() else ()
    files = frozenset(str(p.relative_to(home)) for p in home.rglob("*")
                      if not p.name.endswith(("-wal", "-shm"))) if home.exists() else frozenset()
    return State(events, tail, checkpoints, client_keys, keys, files)


def refused(result: Result, code: int = 2, *words: str) -> None:
    """A refusal as the issue wants it: its exit code, a message, no traceback."""
    assert result.code == code, (result.code, result.out, result.err)
    assert result.err.strip(), "no message"
    assert "Traceback" not in result.err + result.out
    text = result.err.lower()
    for word in words:
        assert word.lower() in text, (word, result.err)


def clean(result: Result) -> None:
    """No traceback, no bug exit, no raw control character in what was printed."""
    assert result.code != INTERNAL_ERROR, result.err
    assert "Traceback" not in result.err + result.out
    assert not RAW_CONTROL.search(result.out), repr(result.out)
    assert not RAW_CONTROL.search(result.err), repr(result.err)


def started_session(cli: Cli, name: str = "Jeanne Martin", policy: str = "vlh") -> tuple[str, str]:
    client = cli("client", "add", name).out.strip()
    session = cli("session", "new", client, "--policy", policy).out.strip()
    cli("consent", session, "--channel", "tool-code", "--by", "Jeanne")
    cli("start", session)
    return client, session


def stopped_session(cli: Cli) -> tuple[str, str]:
    client, session = started_session(cli)
    cli("note", session, "une note")
    cli("stop", session)
    return client, session
