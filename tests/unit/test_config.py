"""config.toml is read strictly: unknown keys and wrong types name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

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
