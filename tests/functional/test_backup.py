"""Backups: a consistent copy made while others write, checked by `verify --backup`,
brought back by `restore` without ever overwriting a newer log; the daemon's daily one."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.hostile import clean, refused, started_session, state, stopped_session

SECRET = "une phrase de passe assez longue"


@pytest.fixture
def secret_cli(cli: Cli) -> Cli:
    return Cli(cli.home, {**cli.env, "SESSIOND_BACKUP_PASSPHRASE": SECRET})


def test_backup_verify_and_restore_on_a_new_machine(secret_cli: Cli, tmp_path: Path) -> None:
    cli = secret_cli
    _client, session = stopped_session(cli)
    (cli.home / "policies").mkdir()
    (cli.home / "policies" / "mine.toml").write_text("# my terms\n")
    made = cli.json("backup", str(tmp_path / "b1"))
    assert made["events"] == len(cli.events())
    backup = tmp_path / "b1"
    assert {p.name for p in backup.iterdir()} == {"sessiond-backup.json", "sessiond.sqlite3",
                                                  "keys.sealed", "config"}
    assert all(oct(p.stat().st_mode)[-3:] == "600" for p in backup.rglob("*") if p.is_file())
    assert b"master" not in (backup / "keys.sealed").read_bytes().replace(b"master.key", b"")
    checked = cli("verify", "--backup", str(backup), "--json", check=False).json
    assert checked["ok"] and checked["keys_checked"], checked["problems"]
    # Without the secret the database and its signatures are still checked.
    no_secret = Cli(cli.home, {k: v for k, v in cli.env.items()
                               if k != "SESSIOND_BACKUP_PASSPHRASE"})
    assert no_secret.json("verify", "--backup", str(backup))["keys_checked"] is False

    # The laptop dies: a new home, nothing in it.
    new_home = tmp_path / "new-laptop"
    fresh = Cli(new_home, {**cli.env, "SESSIOND_HOME": str(new_home)})
    restored = fresh.json("restore", str(backup))
    assert restored["database"] == "restored" and restored["verified"]
    assert sorted(restored["keys"]) == ["master.key", "signing.key"]
    assert (new_home / "policies" / "mine.toml").exists()
    assert fresh.json("client", "list") == cli.json("client", "list")
    assert fresh("verify").code == 0
    assert fresh.json("session", "show", session)["state"] == "stopped"


def test_a_newer_log_is_never_overwritten(secret_cli: Cli, tmp_path: Path) -> None:
    cli = secret_cli
    _client, session = started_session(cli)
    cli("backup", str(tmp_path / "b"))
    cli("note", session, "after the backup")
    before = state(cli.home)
    result = cli.json("restore", str(tmp_path / "b"))
    assert result["database"] == "kept" and result["keys"] == []
    assert state(cli.home) == before


def test_a_diverging_log_needs_force_and_is_set_aside(secret_cli: Cli, tmp_path: Path) -> None:
    cli = secret_cli
    _client, session = started_session(cli)
    cli("backup", str(tmp_path / "b"))
    other = tmp_path / "other"
    run = Cli(other, {**cli.env, "SESSIOND_HOME": str(other)})
    run("restore", str(tmp_path / "b"))
    run("note", session, "on this machine")  # the two logs now differ...
    cli("note", session, "on the other one")
    cli("backup", str(tmp_path / "b2"))
    before = state(other)
    refused(run("restore", str(tmp_path / "b2"), check=False), 2, "--force")
    assert state(other) == before
    forced = run.json("restore", str(tmp_path / "b2"), "--force")
    assert forced["database"] == "replaced" and forced["verified"]
    assert any("before-restore" in p for p in forced["set_aside"])
    assert all(Path(p).exists() for p in forced["set_aside"])


def test_wrong_secrets_and_damaged_backups(secret_cli: Cli, tmp_path: Path) -> None:
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    wrong = Cli(cli.home, {**cli.env, "SESSIOND_BACKUP_PASSPHRASE": "not the right one"})
    refused(wrong("verify", "--backup", str(backup), check=False), 2, "phrase")
    refused(wrong("restore", str(backup), check=False), 2, "phrase")
    short = Cli(cli.home, {**cli.env, "SESSIOND_BACKUP_PASSPHRASE": "short"})
    refused(short("backup", str(tmp_path / "c"), check=False), 2)
    assert not (tmp_path / "c").exists()
    refused(cli("backup", str(backup), check=False), 2)  # not an empty directory
    # A byte changed in the copy: verify --backup fails, restore refuses.
    db = sqlite3.connect(backup / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_update")
    db.commit()
    db.close()
    result = cli("verify", "--backup", str(backup), check=False)
    assert result.code == 1
    clean(result)
    other = tmp_path / "other"
    refused(Cli(other, {**cli.env, "SESSIOND_HOME": str(other)})(
        "restore", str(backup), check=False), 2)
    for bad in (tmp_path / "missing", tmp_path):
        refused(cli("verify", "--backup", str(bad), check=False), 2)
    (tmp_path / "fake").mkdir()
    (tmp_path / "fake" / "sessiond-backup.json").write_text("[" * 100_000)
    refused(cli("verify", "--backup", str(tmp_path / "fake"), check=False), 2)


def test_no_secret_no_backup(cli: Cli, tmp_path: Path) -> None:
    stopped_session(cli)
    refused(cli("backup", str(tmp_path / "b"), check=False), 2, "--passphrase-file")
    secret = tmp_path / "secret"
    secret.write_bytes(os.urandom(32) + b"\n")
    cli("backup", str(tmp_path / "b"), "--passphrase-file", str(secret))
    assert cli.json("verify", "--backup", str(tmp_path / "b"), "--passphrase-file",
                    str(secret))["keys_checked"]


def test_a_backup_is_consistent_while_another_process_writes(secret_cli: Cli,
                                                            tmp_path: Path) -> None:
    from sessiond.sessions import Sessiond

    cli = secret_cli
    _client, session = started_session(cli)
    stop = threading.Event()
    errors: list[Exception] = []

    def write() -> None:
        svc = Sessiond()
        try:
            while not stop.is_set():
                svc.note(session, "busy")
        except Exception as e:  # reported below
            errors.append(e)
        finally:
            svc.close()

    os.environ["SESSIOND_HOME"] = str(cli.home)
    writer = threading.Thread(target=write)
    writer.start()
    try:
        for i in range(3):
            cli("backup", str(tmp_path / f"b{i}"))
    finally:
        stop.set()
        writer.join()
    assert errors == []
    for i in range(3):
        assert cli.json("verify", "--backup", str(tmp_path / f"b{i}"))["ok"]


def test_the_daemon_makes_one_backup_a_day_and_keeps_n(cli: Cli, tmp_path: Path) -> None:
    from sessiond.daemon.jobs import Jobs
    from sessiond.sessions import Sessiond

    stopped_session(cli)
    key_file = tmp_path / "backup.key"
    key_file.write_bytes(os.urandom(32))
    (cli.home / "config.toml").write_text(
        f'[backup]\ndirectory = "{tmp_path / "daily"}"\nkeep = 2\nkey_file = "{key_file}"\n')
    os.environ["SESSIOND_HOME"] = str(cli.home)
    jobs = Jobs(Sessiond())
    day = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
    for n in range(4):
        assert jobs.backup(day + timedelta(days=n)) is not None
        assert jobs.backup(day + timedelta(days=n, hours=1)) is None  # once a day
    kept = sorted(p.name for p in (tmp_path / "daily").iterdir())
    assert kept == ["sessiond-2026-11-22", "sessiond-2026-11-23"]
    assert cli.json("verify", "--backup", str(tmp_path / "daily" / kept[-1]),
                    "--passphrase-file", str(key_file))["ok"]
    # A failure is a notice, never a crash of the daemon.
    key_file.unlink()
    assert jobs.backup(day + timedelta(days=9)) is None
    notices = cli.json("daemon", "questions", "--all")["notifications"]
    assert any(n["kind"] == "backup-failed" for n in notices)


def test_doctor_reports_in_json_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "nothing-yet"
    run = Cli(empty, {**cli.env, "SESSIOND_HOME": str(empty)})
    result = run("doctor", "--json", check=False)
    clean(result)
    assert not empty.exists()
    checks = {c["check"]: c for c in result.json["checks"]}
    assert set(checks) >= {"home", "config", "database", "keys", "log", "display", "fonts",
                           "units", "space", "backup", "daemon"}
    assert all(c["status"] in ("ok", "warning", "problem") for c in checks.values())
    stopped_session(cli)
    ok = cli.json("doctor") if cli("doctor", check=False).code == 0 else \
        cli("doctor", "--json", check=False).json
    assert {c["check"]: c["status"] for c in ok["checks"]}["log"] == "ok"


def test_doctor_speaks_french_typography_and_counts_its_warnings(cli: Cli) -> None:
    stopped_session(cli)
    result = cli("doctor", check=False)
    lines = result.out.splitlines()
    # "Base de données : …" (a no-break space before the colon), never "données: …".
    assert all(re.match("^[✓!✗] [^:]*\u202f: ", line) for line in lines
               if line[:1] in "✓!✗"), lines
    assert any(re.search(r"\(\d+,\d\sMo\)", line) for line in lines), lines
    warnings = sum(line.startswith("!") for line in lines)
    if result.code == 0 and warnings:
        assert f"{warnings}\u00a0point" in lines[-1] and "à voir" in lines[-1]


def test_smoke_the_real_commands(real_cli: Cli, tmp_path: Path) -> None:
    env = {**real_cli.env, "SESSIOND_BACKUP_PASSPHRASE": SECRET}
    run = Cli(real_cli.home, env, real=True)
    stopped_session(run)
    assert json.loads(run("backup", str(tmp_path / "b"), "--json").out)["events"] > 0
    assert run("verify", "--backup", str(tmp_path / "b")).code == 0
    assert run("restore", str(tmp_path / "b")).code == 0
    assert run("doctor", check=False).code in (0, 1)


def test_a_damaged_log_is_not_backed_up_and_takes_no_more_writes(secret_cli: Cli,
                                                                 tmp_path: Path) -> None:
    cli = secret_cli
    _client, session = started_session(cli)
    db = sqlite3.connect(cli.home / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_delete")  # as a tamperer would leave it
    db.commit()
    db.close()
    refused(cli("backup", str(tmp_path / "b"), check=False), 3, "verify")
    assert not (tmp_path / "b").exists()
    before = state(cli.home)
    refused(cli("note", session, "x", check=False), 3, "restore")
    assert state(cli.home).events == before.events
