"""Keys are never replaced silently: a missing, damaged or different key stops every
command that needs it, with how to restore; `doctor` explains; a backup brings them back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.hostile import clean, refused, state, stopped_session

PASSPHRASE = "une phrase de passe assez longue"


IDENTITY = """[technician]
name = "Jean Dupont EI"
siret = "732 829 320 00074"
address = "3 rue de l'Église, 54230 Chaligny"
"""


@pytest.fixture
def signed(cli: Cli) -> tuple[str, str]:
    """A log with sealed client data and a signed checkpoint."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(IDENTITY)
    return stopped_session(cli)


def commands(client: str, session: str, tmp: Path) -> list[tuple[str, ...]]:
    return [
        ("client", "list"), ("client", "add", "Paul"), ("log",), ("log", session),
        ("note", session, "x"), ("session", "new", client, "--policy", "vlh"),
        ("verify",), ("export", "--out", str(tmp / "exports")),
        ("receipt", session, "--out", str(tmp / "receipts") + "/"),
        ("credit", "add", client, "--hours", "2", "--policy", "mri87"),
    ]


def test_deleted_keys_stop_every_command_and_a_backup_brings_them_back(
        cli: Cli, signed: tuple[str, str], tmp_path: Path) -> None:
    client, session = signed
    env = {**cli.env, "SESSIOND_BACKUP_PASSPHRASE": PASSPHRASE}
    with_secret = Cli(cli.home, env)
    with_secret("backup", str(tmp_path / "backup"))
    names_before = cli.json("client", "list")
    for key in ("master.key", "signing.key"):
        (cli.home / "keys" / key).unlink()
    before = state(cli.home)
    for args in commands(client, session, tmp_path):
        result = cli(*args, check=False)
        clean(result)
        refused(result, 3, "restore")
        assert state(cli.home).keys == (), args
    assert state(cli.home) == before
    doctor = cli("doctor", "--json", check=False)
    assert doctor.code == 1
    keys = next(c for c in doctor.json["checks"] if c["check"] == "keys")
    assert keys["status"] == "problem"
    assert "signing.key" in keys["message"] and "master.key" in keys["message"]
    assert "restore" in keys["advice"]
    assert not (cli.home / "keys" / "master.key").exists()

    restored = with_secret("restore", str(tmp_path / "backup"))
    assert "master.key" in restored.out and "signing.key" in restored.out
    assert cli("verify").code == 0
    assert cli.json("client", "list")[: len(names_before)] == names_before
    assert cli("doctor", "--json", check=False).json["checks"][3]["status"] == "ok"


def test_status_needs_no_key_and_creates_none(cli: Cli, signed: tuple[str, str]) -> None:
    for key in ("master.key", "signing.key"):
        (cli.home / "keys" / key).unlink()
    assert cli("status").code == 0
    assert not any((cli.home / "keys").iterdir())


@pytest.mark.parametrize(("name", "content", "command"), [
    ("master.key", b"0123456789", ("client", "list")),
    ("master.key", b"", ("client", "add", "Paul")),
    ("signing.key", b"", ("verify",)),
    ("signing.key", b"x" * 33, ("verify",)),
])
def test_a_damaged_key_is_a_clear_error(cli: Cli, signed: tuple[str, str], name: str,
                                        content: bytes, command: tuple[str, ...]) -> None:
    path = cli.home / "keys" / name
    path.write_bytes(content)
    before = state(cli.home)
    result = cli(*command, check=False)
    refused(result, 3, name, f"{len(content)}", "restore")
    assert path.read_bytes() == content
    assert state(cli.home) == before


def test_a_different_key_is_never_used(cli: Cli, signed: tuple[str, str]) -> None:
    client, session = signed
    master = (cli.home / "keys" / "master.key").read_bytes()
    (cli.home / "keys" / "master.key").write_bytes(os.urandom(32))
    before = state(cli.home)
    for args in (("client", "list"), ("client", "add", "Paul"), ("note", session, "x")):
        refused(cli(*args, check=False), 3, "master.key")
    assert state(cli.home) == before  # no client sealed under a second master key

    (cli.home / "keys" / "master.key").write_bytes(master)
    (cli.home / "keys" / "signing.key").write_bytes(os.urandom(32))
    other = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", other, "--channel", "oral", "--by", "J")
    cli("start", other)
    before = state(cli.home)
    refused(cli("stop", other, check=False), 3, "signing.key")  # would sign with it
    assert state(cli.home) == before
    # verify says what is wrong instead of refusing: the checkpoints are of another key.
    result = cli("verify", "--json", check=False)
    assert result.code == 1
    assert any("key" in p["message"] or "clé" in p["message"]
               for p in result.json["problems"])


def test_keys_are_still_made_for_a_new_log(cli: Cli) -> None:
    stopped_session(cli)  # a client key wrapped, then a checkpoint signed
    assert {p.name for p in (cli.home / "keys").iterdir()} == {"master.key", "signing.key"}
    assert not list((cli.home / "keys").glob(".*"))  # no temporary file left
    assert cli("verify").code == 0


def test_a_command_that_only_reads_makes_no_key(cli: Cli) -> None:
    cli("client", "add", "Jeanne")
    assert cli("verify").code == 0  # nothing is signed yet: nothing needs the signing key
    assert {p.name for p in (cli.home / "keys").iterdir()} == {"master.key"}
