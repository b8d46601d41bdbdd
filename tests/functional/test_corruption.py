"""200 random byte flips in the database: every damaged file is reported by `verify` (exit
1, no traceback), an intact one is not, and no note is appended onto a damaged one.

"Damaged" is decided apart from sessiond, with sqlite3 alone: the file fails SQLite's
`PRAGMA integrity_check`, cannot be read, or its records (events, checkpoints, wrapped
keys, field keys, blind indexes, schema) differ from the original's. A flip in a byte no
record uses (free space in a page, a header counter) leaves the file intact. The tables
the daemon keeps for itself (heartbeats, notifications), the open-sessions index that
the triggers rebuild and the status view that the next fold rewrites are not records: they
are not compared.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import write_config
from tests.functional.hostile import clean

FLIPS = 200
RECORDS = ("events", "checkpoints", "client_keys", "field_keys", "client_index")


def records(path: Path) -> Any:
    """The file's records and SQLite's verdict; None when SQLite cannot read them."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA integrity_check").fetchall()
            schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                                ).fetchall()
            tables = {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                      for t in RECORDS}
        finally:
            db.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return None
    return verdict, schema, tables


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small log with everything a day holds: clients, sessions, notes, payments, a
    receipt, an export and their checkpoints."""
    home = tmp_path_factory.mktemp("template") / "home"
    import os

    env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr", "TZ": "UTC"}
    write_config(home)  # the technician's identity, which a receipt needs
    cli = Cli(home, env)
    for name in ("Jeanne Martin", "Paul Durand", "Alice"):
        client = cli("client", "add", name, "--email", f"{name[:4].lower()}@exemple.fr").out
        session = cli("session", "new", client.strip(), "--policy", "vlh",
                      "--problem", "Imprimante").out.strip()
        cli("consent", session, "--channel", "tool-code", "--by", name)
        cli("start", session)
        cli("note", session, f"note pour {name}")
        cli("pause", session, "--reason", "appel")
        cli("resume", session)
        cli("stop", session)
    # The documents' rows too: a payment, a receipt and a day's export, each with its
    # checkpoint.
    cli("record", session, "payment", "--amount", "30", "--method", "cash")
    cli("receipt", session, "--out", str(home.parent / "receipt.pdf"))
    cli("export", "--day", datetime.now(UTC).date().isoformat(),  # TZ=UTC below
        "--out", str(home.parent))
    open_session = cli("session", "new", client.strip(), "--policy", "vlh").out.strip()
    cli("consent", open_session, "--channel", "oral", "--by", "Alice")
    cli("start", open_session)
    (home / "open-session").write_text(open_session)
    db = sqlite3.connect(home / "sessiond.sqlite3")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole log in the main file
    db.close()
    return home


def test_every_flip_is_reported_and_refuses_appends(template: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import os

    original = records(template / "sessiond.sqlite3")
    assert original is not None and original[0] == [("ok",)]
    session = (template / "open-session").read_text()
    size = (template / "sessiond.sqlite3").stat().st_size
    # Half the flips anywhere in the file, half in its non-zero bytes (SQLite zeroes the
    # free space of its pages): most of those land in the records.
    used = [i for i, b in enumerate((template / "sessiond.sqlite3").read_bytes()) if b]
    damaged = reported = refused = 0
    for i in range(FLIPS):
        rng = random.Random(i)
        home = tmp_path / f"flip{i}"
        shutil.copytree(template, home)
        db = home / "sessiond.sqlite3"
        for suffix in ("-wal", "-shm"):
            (home / f"sessiond.sqlite3{suffix}").unlink(missing_ok=True)
        data = bytearray(db.read_bytes())
        offset = rng.randrange(size) if i % 2 == 0 else rng.choice(used)
        data[offset] ^= 1 << rng.randrange(8)
        db.write_bytes(bytes(data))
        found = records(db)
        is_damaged = found is None or found[0] != [("ok",)] or found[1:] != original[1:]
        env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr", "TZ": "UTC"}
        cli = Cli(home, env)
        verify = cli("verify", "--json", check=False)
        clean(verify)
        assert verify.code in (0, 1), (i, offset, verify.err)
        assert verify.code == (1 if is_damaged else 0), (i, offset, is_damaged, verify.out)
        note = cli("note", session, "après la vérification", check=False)
        clean(note)
        after = records(db)
        if is_damaged:
            damaged += 1
            reported += verify.code == 1
            assert note.code == 3, (i, offset, note.out, note.err)
            assert note.err.strip()
            refused += 1
            assert after == found  # nothing appended onto the damaged file
        else:
            assert note.code == 0, (i, offset, note.err)
        shutil.rmtree(home)
    with capsys.disabled():
        print(f"\n{FLIPS} flips: {damaged} damaged files, {reported} reported by verify, "
              f"{refused} appends refused; {FLIPS - damaged} flips in unused bytes")
    assert damaged > FLIPS // 3  # the flips really hit the records


def test_a_flip_in_the_tail_refuses_an_append_even_before_verify(template: Path,
                                                                 tmp_path: Path) -> None:
    import os

    home = tmp_path / "home"
    shutil.copytree(template, home)
    db = sqlite3.connect(home / "sessiond.sqlite3")
    last = db.execute("SELECT seq, body FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    db.close()
    data = bytearray((home / "sessiond.sqlite3").read_bytes())
    where = data.rfind(last[1].encode())
    assert where > 0
    data[where + 2] ^= 0x01  # one bit of the last event's body
    (home / "sessiond.sqlite3").write_bytes(bytes(data))
    cli = Cli(home, {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr",
                     "TZ": "UTC"})
    session = (home / "open-session").read_text()
    note = cli("note", session, "sur un journal endommagé", check=False)
    assert note.code == 3 and re.search(rf"n°\s?{last[0]}\b", note.err), note.err
    # ... and the file is marked: no later write goes in until it verifies again.
    assert cli("pause", session, check=False).code == 3
    assert cli("verify", check=False).code == 1


def test_a_dropped_trigger_is_reported(template: Path, tmp_path: Path) -> None:
    import os

    home = tmp_path / "home"
    shutil.copytree(template, home)
    db = sqlite3.connect(home / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_update")
    db.commit()
    db.close()
    cli = Cli(home, {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "en",
                     "TZ": "UTC"})
    result = cli("verify", "--json", check=False)
    assert result.code == 1
    assert any("events_no_update" in p["message"] for p in result.json["problems"])
