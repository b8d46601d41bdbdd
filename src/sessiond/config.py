"""Where sessiond keeps its files, and the technician's settings.

Everything lives under `$SESSIOND_HOME` when it is set (tests, demos); otherwise the data
goes to the XDG data directory and the settings to the XDG config directory. Directories
are created 0700 and files 0600 on first use: they hold a client list and keys.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sessiond.errors import InputError
from sessiond.i18n import _

APP = "sessiond"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "sessiond.sqlite3"

    @property
    def keys(self) -> Path:
        return self.data / "keys"

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def policies(self) -> Path:
        return self.config / "policies"


def paths() -> Paths:
    home = os.environ.get("SESSIOND_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(data=root, config=root)
    import platformdirs

    return Paths(
        data=platformdirs.user_data_path(APP), config=platformdirs.user_config_path(APP)
    )


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write a new file that only the owner can read, atomically (temp file + rename)."""
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


@dataclass(frozen=True)
class Technician:
    """Identity printed on receipts (a micro-entrepreneur's legal mentions)."""

    name: str = ""
    trade_name: str = ""
    siret: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Daemon:
    reminder_minutes: int = 2
    export_time: str = "19:30"
    idle_minutes: int = 10
    hotkey_start: str = "<ctrl>+<alt>+<shift>+s"
    hotkey_pause: str = "<ctrl>+<alt>+<shift>+p"
    hotkey_stop: str = "<ctrl>+<alt>+<shift>+e"


@dataclass(frozen=True)
class Config:
    timezone: str = "Europe/Paris"
    language: str = ""  # "" = from the environment (LANG), else "fr" or "en"
    policy: str = "md-micro-services"  # default policy of new sessions
    technician: Technician = field(default_factory=Technician)
    daemon: Daemon = field(default_factory=Daemon)
    keymap: dict[str, str] = field(default_factory=dict)  # TUI binding id -> keys


def load_config(p: Paths | None = None) -> Config:
    """Read config.toml strictly: an unknown key or a wrong type names the file and key."""
    p = p or paths()
    path = p.config_file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    import tomllib  # only when there is a file: its import costs a CLI call ~10 ms

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(_("{path} is not valid TOML: {problem}", path=path, problem=e)) from e
    config: Config = _build(Config(), raw, path, "")
    _check_values(config, path)
    return config


_POLICY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _check_values(config: Config, path: Path) -> None:
    """Values of the right type but outside what they can mean are refused at load time,
    not when the daemon first needs them."""
    d = config.daemon
    checks: tuple[tuple[str, bool, str], ...] = (
        ("language", config.language in ("", "fr", "en"), '"fr", "en" or ""'),
        ("policy", bool(_POLICY_ID.match(config.policy)),
         _("a policy id (lower-case letters, digits and dashes)")),
        ("daemon.reminder_minutes", 0 <= d.reminder_minutes <= 60, _("0 to 60 minutes")),
        ("daemon.idle_minutes", 1 <= d.idle_minutes <= 240, _("1 to 240 minutes")),
        ("daemon.export_time", bool(_TIME_OF_DAY.match(d.export_time)),
         _("a time of day HH:MM, e.g. 19:30")),
    )
    for key, ok, expected in checks:
        if not ok:
            raise _wrong(path, key, expected)
    from sessiond.clock import zone

    try:
        zone(config.timezone)
    except InputError as e:
        raise InputError(_("{path}: {key}: {problem}", path=path, key="timezone",
                           problem=e.message)) from e


def _build(defaults: Any, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    """A copy of the dataclass `defaults` with the values of `raw`, each type-checked."""
    known = {f.name for f in fields(defaults)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{prefix}{key}"
        if key not in known:
            raise InputError(_("{path}: {key}: {problem}", path=path, key=where,
                               problem=_("unknown key")))
        default = getattr(defaults, key)
        if isinstance(default, Technician | Daemon):
            if not isinstance(value, dict):
                raise _wrong(path, where, "table")
            values[key] = _build(default, value, path, f"{where}.")
        elif isinstance(default, dict):
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise _wrong(path, where, "table of strings")
            values[key] = dict(value)
        elif type(value) is not type(default):
            raise _wrong(path, where, type(default).__name__)
        else:
            values[key] = value
    return replace(defaults, **values)


def _wrong(path: Path, key: str, expected: str) -> InputError:
    return InputError(_("{path}: {key}: {problem}", path=path, key=key,
                        problem=_("expected {expected}", expected=expected)))
