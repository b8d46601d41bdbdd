"""config.toml is read strictly: unknown keys and wrong types name the file and key."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sessiond import config
from sessiond.config import Config, load_config, paths
from sessiond.errors import InputError


def write(home: Path, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(text, encoding="utf-8")


def test_defaults_without_a_file(home: Path) -> None:
    assert load_config() == Config()


def test_values_are_read(home: Path) -> None:
    write(home, 'timezone = "Europe/Brussels"\n[technician]\nname = "Luc"\n'
                '[daemon]\nreminder_minutes = 5\n[keymap]\npause = "f6"\n')
    config = load_config()
    assert config.timezone == "Europe/Brussels" and config.technician.name == "Luc"
    assert config.daemon.reminder_minutes == 5 and config.keymap == {"pause": "f6"}
    assert config.daemon.export_time == "19:30"  # untouched defaults stay


@pytest.mark.parametrize(("text", "key"), [
    ('timezon = "Europe/Paris"\n', "timezon"),
    ("[daemon]\nreminder_minutes = \"2\"\n", "daemon.reminder_minutes"),
    ("[technician]\nsiren = \"1\"\n", "technician.siren"),
    ("technician = 3\n", "technician"),
])
def test_errors_name_the_file_and_key(home: Path, text: str, key: str) -> None:
    write(home, text)
    with pytest.raises(InputError) as error:
        load_config()
    assert str(paths().config_file) in error.value.message and key in error.value.message


@pytest.mark.parametrize(("text", "key"), [
    ("[daemon]\nidle_minutes = -3\n", "daemon.idle_minutes"),
    ("[daemon]\nreminder_minutes = 600\n", "daemon.reminder_minutes"),
    ('[daemon]\nexport_time = "25:99"\n', "daemon.export_time"),
    ('[daemon]\nexport_time = "7:30"\n', "daemon.export_time"),
    ('[daemon]\nexport_time = "1٩:3٠"\n', "daemon.export_time"),  # `\\d` matched it
    ('[daemon]\nexport_time = "１９:３０"\n', "daemon.export_time"),
    ('language = "de"\n', "language"),
    ('policy = "../../x/evil"\n', "policy"),
    (f'policy = "{"x" * 300}"\n', "policy"),
    ('timezone = "Europe"\n', "timezone"),
    ('timezone = "Mars/Olympus"\n', "timezone"),
])
def test_values_that_cannot_mean_anything_are_refused_when_read(home: Path, text: str,
                                                                key: str) -> None:
    write(home, text)
    with pytest.raises(InputError) as error:
        load_config()
    message = error.value.message.replace(" :", ":").replace("\u202f:", ":")
    assert re.search(rf": {re.escape(key)} ?: ", message)


def test_a_misspelled_keymap_id_stops_the_tui_before_the_screen(home: Path,
                                                                capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    from sessiond.tui.app import run

    write(home, '[keymap]\n"session.pause" = "f6"\n"sesion.stop" = "f7"\n')
    assert run() == 2
    err = capsys.readouterr().err
    assert "sesion.stop" in err and "session.pause" not in err


# --- where the files are -----------------------------------------------------------------

_HOMES = ["/home/jeanne", "/home/jeanne/", "/", "relative/home", "", None]
_XDG = ["/srv/xdg", "/srv/xdg/", "relative/xdg", "", "~/xdg", None]


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is sessiond's own on Linux")
@pytest.mark.parametrize("home", _HOMES)
@pytest.mark.parametrize("xdg", _XDG)
def test_the_directories_are_those_platformdirs_gives(
        monkeypatch: pytest.MonkeyPatch, home: str | None, xdg: str | None) -> None:
    import platformdirs

    monkeypatch.delenv("SESSIOND_HOME", raising=False)
    for name, value in (("HOME", home), ("XDG_DATA_HOME", xdg), ("XDG_CONFIG_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    where = config.paths()
    assert where.data == platformdirs.user_data_path(config.APP)
    assert where.config == platformdirs.user_config_path(config.APP)


def test_a_plain_command_does_not_import_platformdirs(tmp_path: Path) -> None:
    code = ("import sys; from sessiond.config import paths; paths(); "
            "print('platformdirs' in sys.modules)")
    env = {"HOME": str(tmp_path), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    assert done.stdout.strip() == ("False" if sys.platform == "linux" else "True")


# --- how long a text setting may be ------------------------------------------------------

def _text_settings(defaults: object = Config(), prefix: str = "") -> list[str]:
    """Every text setting of config.toml (a list of paths counts, each path a text), from
    the settings themselves: one added later is checked too."""
    found = []
    for key, value in zip(defaults._fields, defaults, strict=True):  # type: ignore[attr-defined]
        if hasattr(value, "_fields"):
            found += _text_settings(value, f"{prefix}{key}.")
        elif isinstance(value, str | tuple):
            found.append(f"{prefix}{key}")
    return found


def _setting(key: str, text: str) -> str:
    import json

    *table, name = key.split(".")
    value = json.dumps(text)  # a TOML basic string for these texts
    if isinstance(getattr(Config().evidence, name, None), tuple):
        value = f"[{value}]"
    return (f"[{table[0]}]\n" if table else "") + f"{name} = {value}\n"


@pytest.mark.parametrize("key", [*_text_settings(), "keymap.pause"])
def test_a_text_setting_longer_than_its_limit_is_refused_naming_key_and_limit(
        home: Path, key: str) -> None:
    """A name of a hundred thousand characters was read, and made receipts too long for
    `verify` to read back: every text setting has a limit, and the message names the key,
    the length and the limit."""
    limit = config.text_limit(key)
    assert limit <= 4096  # a path's (PATH_MAX) at most; a printed identity far less
    write(home, _setting(key, "x" * (limit + 1)))
    with pytest.raises(InputError) as error:
        load_config()
    message = error.value.message
    assert key in message and str(limit) in message and str(limit + 1) in message, message


@pytest.mark.parametrize("key", [*_text_settings(), "keymap.pause"])
def test_a_nul_character_in_a_text_setting_is_refused_naming_the_key(home: Path,
                                                                    key: str) -> None:
    """TOML lets a string hold "\\u0000": a path holding one made the daemon's daily
    backup fail with a ValueError ("embedded null byte"), and no setting means one."""
    write(home, _setting(key, "a\x00b"))
    with pytest.raises(InputError) as error:
        load_config()
    assert key in error.value.message and "U+0000" in error.value.message


@pytest.mark.parametrize("key", [k for k in _text_settings() if k.startswith("technician.")])
def test_the_identity_printed_on_documents_is_a_few_lines_at_most(key: str) -> None:
    assert config.text_limit(key) <= 300  # six lines of an address (NF Z10-011), at most


def test_a_text_setting_at_its_limit_is_read(home: Path) -> None:
    write(home, _setting("technician.name", "x" * config.text_limit("technician.name")))
    assert len(load_config().technician.name) == config.text_limit("technician.name")


def test_a_list_of_more_paths_than_a_tool_writes_logs_to_is_refused(home: Path) -> None:
    """Each path of `[evidence]` is polled by the daemon every few seconds: a list of a
    hundred thousand paths was read."""
    many = ", ".join(f'"/var/log/tv{n}.log"' for n in range(config.PATHS_LIMIT + 1))
    write(home, f"[evidence]\nteamviewer = [{many}]\n")
    with pytest.raises(InputError) as error:
        load_config()
    assert "evidence.teamviewer" in error.value.message
    assert str(config.PATHS_LIMIT) in error.value.message
    few = ", ".join(f'"/var/log/tv{n}.log"' for n in range(config.PATHS_LIMIT))
    write(home, f"[evidence]\nteamviewer = [{few}]\n")
    assert len(load_config().evidence.teamviewer) == config.PATHS_LIMIT
