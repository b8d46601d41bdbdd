"""The systemd user units, rendered for this machine, and `sessiond systemd install`.

The repository's `systemd/` directory holds the same units rendered for the usual
install (`%h/.local/bin/sessiond`, export at 19:30 Europe/Paris); a test keeps both in
step. `install` writes them with the absolute path of the running `sessiond`, the
configured export time and zone, and `SESSIOND_HOME` when it is set.

Hardening: only options valid in a user unit without `PrivateUsers=` (systemd 252,
systemd.exec(5) "SANDBOXING"). File-system namespacing (`PrivateTmp=`, `ProtectHome=`)
is left out on purpose: it hides the X11 socket and `~/.Xauthority` the hotkeys need.
`RestrictAddressFamilies=AF_UNIX`: the daemon needs no network (X and D-Bus are local
sockets; X forwarded over TCP would not work). Not set, because they could not be tried
under a real user manager here: `SystemCallFilter=` (a filter that misses one syscall of
Xlib or cryptography kills the daemon), `MemoryDenyWriteExecute=` (can break libffi
closures), `CapabilityBoundingSet=` (dropping needs CAP_SETPCAP a user manager lacks).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sessiond.config import Config
from sessiond.daemon import daily

HARDENING = """\
UMask=0077
NoNewPrivileges=yes
LockPersonality=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RestrictNamespaces=yes
SystemCallArchitectures=native
RestrictAddressFamilies=AF_UNIX
"""

SERVICE = """\
[Unit]
Description=sessiond: session timer daemon (reminders, hotkeys, idle, end-of-day export)
After=graphical-session.target
PartOf=graphical-session.target

[Service]
Type=notify
NotifyAccess=main
ExecStart={exec_start} daemon
{environment}Restart=on-failure
RestartSec=5
# Exit 2 is bad input (a broken config.toml, a second daemon): restarting cannot help.
RestartPreventExitStatus=2
WatchdogSec=60
TimeoutStopSec=15
{hardening}
[Install]
WantedBy=graphical-session.target
"""

EXPORT_SERVICE = """\
[Unit]
Description=sessiond: end-of-day export and day seal (when no daemon runs)

[Service]
Type=oneshot
ExecStart={exec_start} daemon catch-up
{environment}{hardening}"""

EXPORT_TIMER = """\
[Unit]
Description=sessiond: end-of-day export at {export_time} and day seal at {seal_time}

[Timer]
OnCalendar=*-*-* {export_time}:00 {zone}
OnCalendar=*-*-* {seal_time}:00 {zone}
Persistent=true
AccuracySec=1min

[Install]
WantedBy=timers.target
"""

NAMES = ("sessiond.service", "sessiond-export.service", "sessiond-export.timer")
REPO_EXEC = "%h/.local/bin/sessiond"


def quote(arg: str) -> str:
    """One ExecStart= word: `%` doubled (specifiers), quoted when it has spaces or quotes."""
    arg = arg.replace("%", "%%")
    if any(c in arg for c in " \t\"'\\"):
        return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return arg


def render(exec_start: str, export_time: str = "19:30", zone: str = "Europe/Paris",
           environment: dict[str, str] | None = None) -> dict[str, str]:
    """unit name -> text. `exec_start` is already an ExecStart= word (quoted, %-escaped)."""
    at = daily.parse_daily_time(export_time)
    env = "".join(f"Environment={quote(f'{k}={v}')}\n"
                  for k, v in sorted((environment or {}).items()))
    fill = {"exec_start": exec_start, "environment": env, "hardening": HARDENING}
    return {
        "sessiond.service": SERVICE.format(**fill),
        "sessiond-export.service": EXPORT_SERVICE.format(**fill),
        "sessiond-export.timer": EXPORT_TIMER.format(
            export_time=f"{at.hour:02d}:{at.minute:02d}",
            seal_time=daily.SEAL_TIME.strftime("%H:%M"), zone=zone),
    }


def sessiond_executable() -> str:
    """Absolute path of the `sessiond` being run (a venv's console script, usually)."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "sessiond" and os.access(argv0, os.X_OK):
        return str(argv0.resolve() if not argv0.is_absolute() else argv0)
    found = shutil.which("sessiond")
    if found:
        return str(Path(found).absolute())
    raise FileNotFoundError("sessiond")


def user_unit_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


@dataclass(frozen=True)
class Installed:
    directory: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    reloaded: bool


def install(config: Config, directory: Path | None = None, *, force: bool = False,
            reload: bool = True, executable: str | None = None) -> Installed:
    """Write the units; refuse to replace a file the user changed unless `force`."""
    from sessiond.errors import InputError
    from sessiond.i18n import _

    directory = directory or user_unit_dir()
    exe = executable or sessiond_executable()
    env = {"SESSIOND_HOME": os.environ["SESSIOND_HOME"]} if os.environ.get(
        "SESSIOND_HOME") else None
    units = render(quote(exe), config.daemon.export_time, config.timezone, env)
    changed = [n for n in NAMES if (directory / n).exists()
               and (directory / n).read_text(encoding="utf-8") != units[n]]
    if changed and not force:
        raise InputError(_("{files} already exist in {dir} and differ from what sessiond "
                           "would write; add --force to replace them.",
                           files=", ".join(changed), dir=directory))
    _public_dir(directory)
    written, unchanged = [], []
    for name in NAMES:
        path = directory / name
        if path.exists() and path.read_text(encoding="utf-8") == units[name]:
            unchanged.append(name)
            continue
        _write_unit(path, units[name])
        written.append(name)
    reloaded = False
    if reload and written and shutil.which("systemctl"):
        reloaded = subprocess.run(["systemctl", "--user", "daemon-reload"],
                                  capture_output=True, timeout=30).returncode == 0
    return Installed(directory, tuple(written), tuple(unchanged), reloaded)


# Unit files are configuration systemd reads, like the rest of ~/.config: 0644 files in
# 0755 directories whatever the umask (under umask 000 anyone could rewrite ExecStart=).


def _public_dir(directory: Path) -> None:
    missing = []
    probe = directory
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
        os.chmod(made, 0o755)


def _write_unit(path: Path, text: str) -> None:
    # Through a new temporary file, never one a link planted in DIR points through.
    from sessiond.files import write_atomic

    write_atomic(path, text.encode("utf-8"), mode=0o644)
