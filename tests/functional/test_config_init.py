"""`sessiond config init`, the help of every option, and the reference of config.toml."""

from __future__ import annotations

import argparse
import re
import stat
from pathlib import Path

from sessiond.config import Config, load_config, paths
from tests.conftest import Cli

IDENTITY = ("--name", "Jean Dupont EI", "--siret", "732 829 320 00074",
            "--address", "3 rue de l'Église, 54230 Chaligny")


def test_init_writes_the_identity_and_the_terms_0600(cli: Cli) -> None:
    result = cli("config", "init", *IDENTITY, "--policy", "vlh", "--yes")
    path = cli.home / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "lisible par vous seul" in result.out and "vlh" in result.out
    config = load_config(paths())
    assert config.policy == "vlh"
    assert (config.technician.name, config.technician.siret, config.technician.address) == (
        "Jean Dupont EI", "732 829 320 00074", "3 rue de l'Église, 54230 Chaligny")
    assert cli.json("config", "init", "--yes")["policy"] == "vlh"  # again: kept as is


def test_init_keeps_the_rest_of_an_existing_file(cli: Cli) -> None:
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '# my settings\ntimezone = "Europe/Brussels"\n\n[daemon]\nreminder_minutes = 5  # soon\n'
        '\n[technician]\nname = "old name"\nphone = "06 00 00 00 00"\n', encoding="utf-8")
    cli("config", "init", *IDENTITY, "--yes")
    text = (cli.home / "config.toml").read_text(encoding="utf-8")
    assert "# my settings" in text and "reminder_minutes = 5  # soon" in text
    assert 'name = "Jean Dupont EI"' in text and "old name" not in text
    config = load_config(paths())
    assert config.timezone == "Europe/Brussels" and config.daemon.reminder_minutes == 5
    assert config.technician.phone == "06 00 00 00 00"


def test_a_wrong_identity_or_policy_writes_nothing(cli: Cli) -> None:
    bad_siret = cli("config", "init", "--name", "Jean Dupont EI", "--siret", "732 829 321 00074",
                    "--address", "1 rue X, 75001 Paris", "--yes", check=False)
    assert bad_siret.code == 2 and "--siret" in bad_siret.err and "732 829 321" in bad_siret.err
    no_ei = cli("config", "init", "--name", "Jean Dupont", "--siret", "73282932000074",
                "--address", "1 rue X, 75001 Paris", "--yes", check=False)
    assert no_ei.code == 2 and "«\u00a0Jean Dupont EI\u00a0»" in no_ei.err
    missing = cli("config", "init", "--yes", check=False)
    assert missing.code == 2 and all(f"--{f}" in missing.err
                                     for f in ("name", "siret", "address"))
    policy = cli("config", "init", *IDENTITY, "--policy", "nope", "--yes", check=False)
    assert policy.code == 2 and "vlh" in policy.err  # names the known ones
    assert not (cli.home / "config.toml").exists()


def test_an_identity_on_two_lines_or_with_invisible_characters_is_refused(cli: Cli) -> None:
    """A line break typed into the name printed a line of its own on every receipt (a
    second "SIRET" typed after it), and an invisible character is printed unseen: the
    form and `config init` refuse them, as a client's e-mail that only looks like one."""
    fields = {"--name": "Luc Moreau EI", "--siret": "73282932000074",
              "--address": "1 rue de la Paix, 75002 Paris", "--email": "luc@exemple.fr"}
    for option, typed in (("--name", "Luc Moreau EI\nSIRET 000"), ("--address", "1 rue\t2"),
                          ("--email", "luc\u200b@exemple.fr"), ("--trade-name", "Dép\x1b[2J")):
        args = [a for pair in {**fields, option: typed}.items() for a in pair]
        refused = cli("config", "init", *args, "--yes", check=False)
        assert refused.code == 2 and f"{option}:" in refused.err, refused
        assert "\x1b" not in refused.err
    assert not (cli.home / "config.toml").exists()
    # French typography's no-break spaces are one line all the same.
    cli("config", "init", *[a for pair in fields.items() for a in pair],
        "--trade-name", "Dépannage\u00a0PC\u202f!", "--yes")
    unseen = cli("client", "add", "Paul Durand", "--email", "paul\u200b@exemple.fr", check=False)
    assert unseen.code == 2, unseen  # another address that looks the same


def test_a_field_longer_than_config_toml_holds_is_asked_again(cli: Cli) -> None:
    """config.toml refuses a name over its limit when read: `config init` accepted one
    and refused it only when writing, after every other question."""
    from sessiond.config import text_limit

    long_name = "Luc Moreau " * 20 + "EI"
    assert len(long_name) > text_limit("technician.name")
    answers = "\n".join([long_name, "Luc Moreau EI", "", "732 829 320 00074",
                         "12 rue des Lilas, 75011 Paris", "", "", "vlh"]) + "\n"
    result = cli("config", "init", "--interactive", input=answers)
    assert result.err.count("⚠") == 1 and f"{len(long_name)}\u00a0caractères" in result.err
    assert load_config(paths()).technician.name == "Luc Moreau EI"
    refused = cli("config", "init", "--name", long_name, "--yes", check=False)
    assert refused.code == 2 and "--name:" in refused.err, refused
    assert str(text_limit("technician.name")) in refused.err


def test_init_asks_question_by_question(cli: Cli) -> None:
    answers = "\n".join([
        "Marc Durand",            # refused: no "EI"
        "Marc Durand EI",
        "",                       # no trade name
        "123",                    # refused: not a SIRET
        "732 829 320 00074",
        "12 rue des Lilas, 75011 Paris",
        "", "",                   # no e-mail, no phone
        "mri87",
    ]) + "\n"
    result = cli("config", "init", "--interactive", input=answers)
    assert result.err.count("⚠") == 2  # the two refused answers, each said
    assert "EI" in result.err and "'123'" in result.err
    config = load_config(paths())
    assert config.technician.name == "Marc Durand EI" and config.policy == "mri87"
    ended = cli("config", "init", "--interactive", input="Marc Durand EI\n", check=False)
    assert ended.code == 2  # the input ended before the last question: nothing written
    assert load_config(paths()).technician.name == "Marc Durand EI"


def test_config_init_for_real(real_cli: Cli) -> None:
    assert real_cli("config", "init", *IDENTITY, "--yes").code == 0


def test_every_option_and_argument_has_help() -> None:
    from sessiond.cli import build_parser

    missing = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif not isinstance(action, argparse._HelpAction) and not action.help:
                missing.append(" ".join([*path, *(action.option_strings or [action.dest])]))

    walk(build_parser(), ["sessiond"])
    assert missing == []


def test_the_help_speaks_french_and_keeps_test_settings_out(cli: Cli) -> None:
    top = cli("--help").out
    assert "afficher la version et quitter" in top and "arguments positionnels\u202f:" in top
    daemon = cli("daemon", "--help").out
    assert "SESSIOND_HEARTBEAT_SECONDS" not in daemon and "tests" not in daemon.lower()


def test_a_second_running_session_is_said(cli: Cli) -> None:
    client = cli("client", "add", "Mme Roux").out.strip()
    first = cli("session", "new", client, "--policy", "vlh").out.strip()
    second = cli("session", "new", client, "--policy", "vlh").out.strip()
    for session in (first, second):
        cli("consent", session, "--channel", "oral", "--by", "Mme Roux")
    assert "tourne aussi" not in cli("start", first).err
    warned = cli("start", second).err
    assert f"l'intervention {first} tourne aussi" in warned and "deux fois" in warned


def test_every_key_of_config_toml_is_documented() -> None:
    reference = (Path(__file__).parents[2] / "docs" / "config.md").read_text(encoding="utf-8")

    def keys(value: object, prefix: str = "") -> list[str]:
        found = []
        for name in value._fields:  # type: ignore[attr-defined]
            inner = getattr(value, name)
            if hasattr(inner, "_fields"):  # a [table] of its own
                found += keys(inner, f"{name}.")
            else:
                found.append(prefix + name)
        return found

    documented = set(re.findall(r"^\| `([\w.]+)`", reference, re.M))
    assert sorted(set(keys(Config())) - documented) == []
    assert sorted(documented - set(keys(Config()))) == []  # nor keys that do not exist


def test_a_config_and_a_policy_saved_with_a_bom_are_read(cli: Cli, tmp_path: Path) -> None:
    """Windows' Notepad saves "UTF-8" with a byte-order mark: it is not a TOML statement."""
    cli.home.mkdir(parents=True, exist_ok=True)
    bom = "\ufeff"
    (cli.home / "config.toml").write_text(
        bom + '[technician]\nname = "old name"\n\n[daemon]\nreminder_minutes = 5\n',
        encoding="utf-8")
    assert cli("status").code == 0
    cli("config", "init", *IDENTITY, "--yes")
    text = (cli.home / "config.toml").read_text(encoding="utf-8")
    assert text.count("[technician]") == 1 and "old name" not in text
    assert load_config(paths()).daemon.reminder_minutes == 5
    shipped = (Path(__file__).parents[2] / "policies" / "vlh.toml").read_text()
    (tmp_path / "vlh.toml").write_text(bom + shipped, encoding="utf-8")
    assert cli("policy", "lint", str(tmp_path / "vlh.toml")).code == 0
