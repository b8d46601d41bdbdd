"""Faults of the environment: a full disk, a read-only directory, a busy database.

Each gets exit 3 and a message, never a traceback; nothing half-written is left; what only
reads keeps working. The full disk is a small tmpfs and the read-only directory a
read-only bind mount, mounted by the tests when the machine allows it (root, mount(8));
otherwise those tests are skipped with the reason.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.hostile import clean, refused, started_session, state


def _mount(*args: str) -> str | None:
    """None when it worked, else why not."""
    if os.geteuid() != 0:
        return "mounting needs root"
    try:
        proc = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"mount failed: {e}"
    return None if proc.returncode == 0 else f"mount failed: {proc.stderr.strip()}"


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    why = _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk))
    if why:
        pytest.skip(f"no small tmpfs for the disk-full test: {why}")
    try:
        yield disk
    finally:
        _umount(disk)


def fill(disk: Path) -> None:
    """Fill the disk to its last block."""
    with (disk / "filler").open("ab", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as e:
            assert e.errno == errno.ENOSPC


def test_a_full_disk_refuses_writes_cleanly_and_reads_go_on(cli: Cli, small_disk: Path) -> None:
    home = small_disk / "home"
    run = cli.at(home)
    _client, session = started_session(run)
    fill(small_disk)
    refusals = 0
    for i in range(200):  # the WAL may have room for a few more: write until it is full
        before = state(home)
        result = run("note", session, f"note {i} " + "x" * 2000, check=False)
        clean(result)
        if result.code == 0:
            continue
        refused(result, 3, "plein")
        after = state(home)
        assert (after.events, after.tail) == (before.events, before.tail)
        refusals += 1
        if refusals == 3:
            break
    assert refusals == 3
    for args in (("status",), ("verify",), ("log", session), ("client", "list")):
        result = run(*args, check=False)
        clean(result)
        assert result.code == 0, (args, result.err)
    assert not [p for p in home.rglob("*") if ".tmp" in p.name]


def test_a_first_run_on_a_full_disk_leaves_nothing_half_made(cli: Cli, small_disk: Path) -> None:
    fill(small_disk)
    home = small_disk / "home"
    run = cli.at(home)
    result = run("client", "add", "Jeanne", check=False)
    refused(result, 3)
    clean(result)
    leftovers = [p for p in home.rglob("*") if p.is_file() and p.stat().st_size == 0
                 and p.name != "sessiond.sqlite3"]
    assert leftovers == []
    assert not (home / "keys" / "master.key").exists()


def test_a_key_written_to_a_full_disk_leaves_no_temporary_file(small_disk: Path) -> None:
    from sessiond.audit.keys import Keyring

    keys = small_disk / "keys"
    keys.mkdir(mode=0o700)
    fill(small_disk)
    with pytest.raises(OSError):
        for _ in range(100):  # enough keys of 32 bytes to hit the last block
            Keyring(keys / f"k{_}").signing_key  # noqa: B018
    assert not [p for p in keys.rglob("*") if ".tmp" in p.name or ".new" in p.name]
    assert all(p.stat().st_size == 32 for p in keys.rglob("*.key"))


@pytest.fixture(params=["closed", "open"])
def read_only_home(request: pytest.FixtureRequest, cli: Cli,
                   tmp_path: Path) -> Iterator[tuple[Cli, str]]:
    """A log in a read-only bind mount: cleanly closed (no -wal, no -shm), or with a
    process still holding it open (its -wal and -shm are there)."""
    _client, session = started_session(cli)
    cli("note", session, "une note")
    holder = None
    if request.param == "open":
        holder = sqlite3.connect(cli.home / "sessiond.sqlite3")
        holder.execute("SELECT COUNT(*) FROM events").fetchone()
        holder.execute("PRAGMA wal_autocheckpoint=0")
        assert (cli.home / "sessiond.sqlite3-wal").exists()
    view = tmp_path / "ro"
    view.mkdir()
    why = _mount("--bind", str(cli.home), str(view)) or _mount(
        "-o", "remount,bind,ro", str(view))
    if why:
        if holder:
            holder.close()
        _umount(view)
        pytest.skip(f"no read-only bind mount: {why}")
    try:
        yield cli.at(view), session
    finally:
        _umount(view)
        if holder:
            holder.close()


def test_a_read_only_copy_can_be_read_and_verified(read_only_home: tuple[Cli, str]) -> None:
    run, session = read_only_home
    before = state(run.home)
    for args in (("status",), ("log",), ("verify",), ("client", "list"),
                 ("session", "show", session), ("bill", session), ("policy", "list")):
        result = run(*args, check=False)
        clean(result)
        assert result.code == 0, (args, result.err)
    assert run.json("verify")["ok"]
    for args in (("client", "add", "Paul"), ("note", session, "x"), ("pause", session)):
        result = run(*args, check=False)
        refused(result, 3)
        clean(result)
    assert state(run.home) == before


# --- a busy database -----------------------------------------------------------------------


def test_a_lock_held_too_long_is_a_clear_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from sessiond.store import sqlite as store

    _client, session = started_session(cli)
    monkeypatch.setattr(store, "RETRY_SECONDS", 0.5)
    holder = sqlite3.connect(cli.home / "sessiond.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = state(cli.home)
        result = cli("note", session, "x", check=False)
        refused(result, 3, "verrouillée")
        assert state(cli.home) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_writer_waits_for_the_lock_instead_of_failing(cli: Cli) -> None:
    _client, session = started_session(cli)
    holder = sqlite3.connect(cli.home / "sessiond.sqlite3", isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.5, lambda: holder.execute("ROLLBACK"))  # > BUSY_TIMEOUT
    release.start()
    try:
        started = time.monotonic()
        cli("note", session, "after the wait")
        assert time.monotonic() - started >= 1.0
    finally:
        release.join()
        holder.close()


def _writer(home: str, session: str, count: int, errors: object) -> None:
    os.environ["SESSIOND_HOME"] = home
    from sessiond.errors import SessiondError
    from sessiond.sessions import Sessiond

    svc = Sessiond()
    for i in range(count):
        try:
            svc.note(session, f"{os.getpid()} {i}")
        except SessiondError as e:
            errors.put(e.message)  # type: ignore[attr-defined]
    svc.close()


def test_eight_writers_all_get_through(cli: Cli) -> None:
    _client, session = started_session(cli)
    errors: multiprocessing.Queue[str] = multiprocessing.Queue()
    writers = [multiprocessing.Process(target=_writer,
                                       args=(str(cli.home), session, 15, errors))
               for _ in range(8)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=120)
    assert all(w.exitcode == 0 for w in writers)
    assert errors.empty()
    notes = [e for e in cli.events() if e["kind"] == "note-added"]
    assert len(notes) == 8 * 15
    assert cli("verify").code == 0
