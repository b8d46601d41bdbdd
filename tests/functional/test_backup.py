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
    fresh = cli.at(new_home)
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
    run = cli.at(other)
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
    refused(cli.at(other)("restore", str(backup), check=False), 2)
    for bad in (tmp_path / "missing", tmp_path):
        refused(cli("verify", "--backup", str(bad), check=False), 2)
    (tmp_path / "fake").mkdir()
    (tmp_path / "fake" / "sessiond-backup.json").write_text("[" * 100_000)
    refused(cli("verify", "--backup", str(tmp_path / "fake"), check=False), 2)
    # A file given for the directory is not said to be missing.
    (tmp_path / "a-file").write_text("x")
    for command in ("verify", "restore"):
        args = ("--backup",) if command == "verify" else ()
        result = cli(command, *args, str(tmp_path / "a-file"), check=False)
        refused(result, 2, "n'est pas un répertoire")
        assert "n'existe pas" not in result.err


def test_a_passphrase_file_saved_again_by_an_editor_still_opens_the_keys(
        cli: Cli, tmp_path: Path) -> None:
    """The passphrase file the backup was made with, saved again by Notepad (a byte order
    mark before it, CR LF after it), holds the same passphrase: verify and restore open
    the keys with it; another passphrase is still refused."""
    stopped_session(cli)
    written = tmp_path / "phrase.txt"
    written.write_bytes(SECRET.encode() + b"\n")
    backup = tmp_path / "b"
    cli("backup", str(backup), "--passphrase-file", str(written))
    for i, saved in enumerate([SECRET.encode() + b"\r\n", b"\xef\xbb\xbf" + SECRET.encode(),
                               b"\xef\xbb\xbf" + SECRET.encode() + b"\r\n"]):
        again = tmp_path / f"again-{i}.txt"
        again.write_bytes(saved)
        result = cli("verify", "--backup", str(backup), "--passphrase-file", str(again))
        assert "clés ouvertes" in result.out, result.out
        home = tmp_path / f"home-{i}"
        cli.at(home)("restore", str(backup), "--passphrase-file", str(again))
        assert (home / "keys" / "signing.key").read_bytes() == \
            (cli.home / "keys" / "signing.key").read_bytes()
    other = tmp_path / "other.txt"
    other.write_bytes(b"\xef\xbb\xbf" + SECRET.encode() + b"!\r\n")
    refused(cli("verify", "--backup", str(backup), "--passphrase-file", str(other),
                check=False), 2, "incorrecte")


@pytest.mark.parametrize(("field", "value", "said"), [
    ("events", 99, "annonce 99 événements"), ("events", float("nan"), "annonce nan"),
    ("checkpoints", {}, "et {} points de contrôle"), ("events", True, "annonce True"),
    ("key_id", None, "identifiant de clé"), ("key_id", "0123456789abcdef", "identifiant"),
    ("created_at", 1e999, "pas de date"), ("created_at", "hier", "pas de date")])
def test_a_manifest_edited_beyond_its_files_fails_verification(
        secret_cli: Cli, tmp_path: Path, field: str, value: object, said: str) -> None:
    """The counts, the key id and the date the manifest states: edited, the backup passed
    as intact (the files, the chain and the tail were checked, not these)."""
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    assert cli("verify", "--backup", str(backup)).code == 0
    manifest = backup / "sessiond-backup.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data[field] = value
    manifest.write_text(json.dumps(data), encoding="utf-8")
    for secret in (True, False):
        verify = cli if secret else Cli(cli.home, {k: v for k, v in cli.env.items()
                                                  if k != "SESSIOND_BACKUP_PASSPHRASE"})
        result = verify("verify", "--backup", str(backup), check=False)
        assert result.code == 1 and said in result.out + result.err, result
        clean(result)


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
    run = cli.at(empty)
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


# --- crafted backups: a backup directory is input like any other --------------------------


def _relist(backup: Path, extra: dict[str, str] | None = None) -> None:
    """Rewrite the manifest as a forger would: every file listed with its right digest."""
    import hashlib

    manifest = json.loads((backup / "sessiond-backup.json").read_text())
    manifest["files"] = {str(p.relative_to(backup)): hashlib.sha256(p.read_bytes()).hexdigest()
                         for p in backup.rglob("*")
                         if p.is_file() and p.name != "sessiond-backup.json"}
    manifest["files"].update(extra or {})
    (backup / "sessiond-backup.json").write_text(json.dumps(manifest))


def _forged(backup: Path, tmp_path: Path, name: str) -> Path:
    import shutil

    copy = tmp_path / name
    shutil.copytree(backup, copy, symlinks=True)
    return copy


def test_links_and_foreign_names_in_a_backup_are_refused(secret_cli: Cli,
                                                         tmp_path: Path) -> None:
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    live = cli.home / "sessiond.sqlite3"
    cases = []
    linked_db = _forged(backup, tmp_path, "linked-db")  # the live log, digest and all
    (linked_db / "sessiond.sqlite3").unlink()
    (linked_db / "sessiond.sqlite3").symlink_to(live)
    cases.append(linked_db)
    linked_config = _forged(backup, tmp_path, "linked-config")
    (linked_config / "config" / "policies").mkdir(parents=True)
    (linked_config / "config" / "config.toml").symlink_to("/etc/passwd")
    (linked_config / "config" / "policies" / "evil.toml").symlink_to("/etc/passwd")
    cases.append(linked_config)
    linked_dir = _forged(backup, tmp_path, "linked-dir")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "config.toml").write_text("# not from the backup\n")
    (linked_dir / "config").symlink_to(tmp_path / "elsewhere")
    for case in cases:
        _relist(case)
    import hashlib

    _relist(linked_dir, {"config/config.toml": hashlib.sha256(
        b"# not from the backup\n").hexdigest()})
    cases.append(linked_dir)
    absolute = _forged(backup, tmp_path, "absolute")
    _relist(absolute, {"/etc/hostname": "0" * 64, "../outside.toml": "0" * 64})
    cases.append(absolute)
    for case in cases:
        checked = cli("verify", "--backup", str(case), check=False)
        assert checked.code == 1, (case.name, checked.out, checked.err)
        clean(checked)
        home = tmp_path / f"home-{case.name}"
        result = cli.at(home)("restore", str(case), check=False)
        refused(result, 2)
        assert not home.exists() or not any(home.rglob("*")), case.name


def test_only_the_settings_a_backup_lists_and_sessiond_reads_are_restored(
        secret_cli: Cli, tmp_path: Path) -> None:
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    unlisted = _forged(backup, tmp_path, "unlisted")  # slipped in after the backup
    (unlisted / "config" / "policies").mkdir(parents=True)
    (unlisted / "config" / "config.toml").write_text('policy = "vlh"\n')
    home = tmp_path / "home-unlisted"
    run = cli.at(home)
    assert run.json("restore", str(unlisted))["settings"] == []
    assert not (home / "config.toml").exists()
    # Listed with its digest, but a config.toml sessiond refuses: the log and keys come
    # back, it is kept beside and said, and every command still works.
    refused_settings = _forged(backup, tmp_path, "refused-settings")
    (refused_settings / "config").mkdir()
    (refused_settings / "config" / "config.toml").write_text("unknown_key = 1\n")
    _relist(refused_settings)
    home = tmp_path / "home-refused"
    run = cli.at(home)
    result = run("restore", str(refused_settings), "--json", check=False)
    assert result.code == 0, result.err
    done = result.json
    assert done["database"] == "restored" and done["verified"]
    assert [s["file"] for s in done["skipped"]] == [str(home / "config.toml.from-backup")]
    assert not (home / "config.toml").exists()
    assert (home / "config.toml.from-backup").read_text() == "unknown_key = 1\n"
    assert run("status").code == 0
    text = run("restore", str(refused_settings), check=False)
    clean(text)


def _reseal(backup: Path, plain: bytes, **params: int) -> None:
    import base64

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from sessiond.audit import keys

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(keys._derive(SECRET.encode(), salt, **keys._SCRYPT)).encrypt(
        nonce, plain, keys._SEALED_FORMAT.encode())
    doc = {"format": keys._SEALED_FORMAT, "kdf": "scrypt", **keys._SCRYPT,
           "salt": salt.hex(), "nonce": nonce.hex(),
           "sealed": base64.b64encode(sealed).decode(), **params}
    (backup / "keys.sealed").write_text(json.dumps(doc))
    _relist(backup)


def test_sealed_keys_sealed_by_someone_else_are_refused(secret_cli: Cli,
                                                       tmp_path: Path) -> None:
    """Whoever holds the passphrase writes what it opens: names, shapes and the work the
    key derivation costs are checked, and a key is only ever a file of the keys
    directory."""
    import base64

    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    key = base64.b64encode(b"k" * 32).decode()
    plains = [b"[1]", b'"x"', b"not json", b'{"master.key": 5}',
              json.dumps({"../config.toml": key}).encode(),
              json.dumps({"master.key": key, "other.key": key}).encode(),
              b"{}"]  # no key at all, where the manifest lists two
    for i, plain in enumerate(plains):
        case = _forged(backup, tmp_path, f"sealed-{i}")
        _reseal(case, plain)
        home = tmp_path / f"home-{i}"
        result = cli.at(home)("restore", str(case), check=False)
        refused(result, 2)
        assert not home.exists() or not any(home.rglob("*")), plain
        assert not (tmp_path / "config.toml").exists()
    greedy = _forged(backup, tmp_path, "greedy")  # 2 GiB and half a minute of scrypt
    _reseal(greedy, b"{}", n=2**20, r=16, p=4)
    refused(cli("verify", "--backup", str(greedy), check=False), 2)


def test_sealed_keys_that_are_no_sealed_keys_are_damaged(secret_cli: Cli,
                                                        tmp_path: Path) -> None:
    """keys.sealed is read before the passphrase opens anything: what a forger lists in
    the manifest under its right digest (JSON nested past Python's recursion limit, its
    numbers huge, not an object) is a damaged file, never an internal error."""
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    for i, text in enumerate(["[" * 100_000, '{"n": ' + "[" * 100_000, "1" * 5000, "[]",
                              '{"format": ' + "9" * 5000 + "}"]):
        case = _forged(backup, tmp_path, f"nested-{i}")
        (case / "keys.sealed").write_text(text)
        _relist(case)
        home = tmp_path / f"home-{i}"
        for result in (cli("verify", "--backup", str(case), check=False),
                       cli.at(home)("restore", str(case), check=False)):
            refused(result, 2, "endommagées")
            clean(result)
        assert not home.exists() or not any(home.rglob("*"))


def test_a_refused_key_writes_no_other_key(secret_cli: Cli, tmp_path: Path) -> None:
    """The keys are all decided before any is written: when the signing key here differs
    from the backup's, the missing master key is not brought back either."""
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    other = tmp_path / "other"
    run = cli.at(other)
    run("restore", str(backup))  # this log holds the backup's last event
    (other / "keys" / "master.key").unlink()
    (other / "keys" / "signing.key").write_bytes(b"s" * 32)
    before = state(other)
    refused(run("restore", str(backup), check=False), 2, "--force")
    assert state(other) == before


def test_a_restore_stopped_by_a_full_disk_changes_nothing(secret_cli: Cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """The backup's log is copied beside the local one before any key is written or any
    file set aside: a disk that fills up during the copy leaves the data as it was."""
    import errno

    from sessiond.store.sqlite import Store

    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    other = tmp_path / "other"
    run = cli.at(other)
    run("client", "add", "Paul Durand")  # a log of its own, with its own keys
    before = state(other)

    def full(self: Store, target: Path) -> None:
        target.write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(Store, "backup_to", full)
    refused(run("restore", str(backup), "--force", check=False), 3)
    assert state(other) == before


def test_pruning_deletes_only_sessiond_daily_backups(secret_cli: Cli, tmp_path: Path) -> None:
    """A folder named like a daily backup is deleted only if it holds a manifest of the
    backup format, and never through a link."""
    from sessiond.backup import prune

    cli = secret_cli
    stopped_session(cli)
    root = tmp_path / "backups"
    cli("backup", str(root / "sessiond-2026-01-03"))
    cli("backup", str(root / "sessiond-2026-01-02"))
    mine = root / "sessiond-2026-01-01"  # the technician's own folder
    mine.mkdir()
    (mine / "sessiond-backup.json").write_text('{"my": "notes"}')
    elsewhere = tmp_path / "precious"
    cli("backup", str(elsewhere))
    (root / "sessiond-2025-12-31").symlink_to(elsewhere)
    removed = prune(root, 1)
    assert removed == [root / "sessiond-2026-01-02"]
    assert (mine / "sessiond-backup.json").exists()
    assert (elsewhere / "sessiond-backup.json").exists()


# A table of sessiond's in the backup's database replaced by what reading never ends or
# computes on every row: a view with a recursive WITH, a table with a generated column.
NOT_MADE = {
    "events": ("ALTER TABLE events RENAME TO kept",
               "CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
               "SELECT i + 1 FROM n) SELECT kept.* FROM n, kept"),
    "checkpoints": ("ALTER TABLE checkpoints RENAME TO kept",
                    "CREATE VIEW checkpoints AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                    "SELECT i + 1 FROM n) SELECT kept.* FROM n, kept"),
    "client_keys": ("ALTER TABLE client_keys ADD COLUMN big BLOB "
                    "AS (zeroblob(500000000)) VIRTUAL",),
}


@pytest.mark.parametrize("table", sorted(NOT_MADE))
def test_a_table_sessiond_did_not_make_is_never_read(secret_cli: Cli, tmp_path: Path,
                                                     table: str) -> None:
    """Before: `verify --backup` and `restore` of a backup whose events were a view that
    never ends waited for ever (a forger lists the database under its right digest)."""
    cli = secret_cli
    stopped_session(cli)
    backup = tmp_path / "b"
    cli("backup", str(backup))
    forged = _forged(backup, tmp_path, table)
    db = sqlite3.connect(forged / "sessiond.sqlite3")
    for statement in NOT_MADE[table]:
        db.execute(statement)
    db.commit()
    db.close()
    _relist(forged)
    real = Cli(cli.home, cli.env, real=True)  # a wait for ever fails at its timeout
    checked = real("verify", "--backup", str(forged), check=False)
    assert checked.code == 1, (checked.out, checked.err)
    clean(checked)
    assert "n'a pas été lu" in checked.out and f"({table})" in checked.out
    home = tmp_path / "new-machine"
    refused(real.at(home)("restore", str(forged), check=False), 2, "rien n'a été restauré")
    assert not home.exists() or not any(home.rglob("*"))
    # The same file as the log itself: `verify` says so, and marks it damaged.
    for side in cli.home.glob("sessiond.sqlite3*"):
        side.unlink()
    (forged / "sessiond.sqlite3").rename(cli.home / "sessiond.sqlite3")
    verified = real("verify", check=False)
    assert verified.code == 1, (verified.out, verified.err)
    assert f"({table})" in verified.out
