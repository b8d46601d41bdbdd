"""`sessiond doctor`: what could stop sessiond on this machine, and what to do about it.

It reads only: the log is opened read-only, no directory or key is created, so it can be
run on a machine in any state (keys deleted, disk full, read-only copy).
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sessiond.config import Config, Paths, load_config, paths
from sessiond.errors import SessiondError
from sessiond.i18n import _, number


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    status: str  # ok, warning, problem
    message: str
    advice: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"check": self.id, "title": self.title, "status": self.status,
                "message": self.message, "advice": self.advice}


def diagnose(env: Mapping[str, str] | None = None) -> list[Check]:
    env = os.environ if env is None else env
    p = paths()
    checks = [_home(p)]
    config, config_check = _config(p)
    checks.append(config_check)
    store, database = _database(p)
    checks.append(database)
    try:
        keys, keys_ok = _keys(p, store)
        checks.append(keys)
        checks.append(_log(p, store) if store is not None and keys_ok and
                      database.status == "ok" else
                      Check("log", _("Log"), "warning", _("not verified (see above)")))
    finally:
        if store is not None:
            store.close()
    checks += [
        _guarded("display", _("Display"), lambda: _display(env)),
        _guarded("fonts", _("Fonts for PDFs"), _fonts),
        _guarded("units", _("systemd units"), lambda: _units(config)),
        _guarded("space", _("Free space"), lambda: _space(p)),
        _guarded("backup", _("Backups"), lambda: _backup(config)),
        _guarded("daemon", _("Daemon"), lambda: _daemon(p)),
    ]
    return checks


def _guarded(check_id: str, title: str, fn: Callable[[], Check]) -> Check:
    try:
        return fn()
    except (SessiondError, OSError) as e:
        message = e.message if isinstance(e, SessiondError) else str(e)
        return Check(check_id, title, "problem", message)


# --- the data directory --------------------------------------------------------------------


def _home(p: Paths) -> Check:
    title = _("Data directory")
    for directory in dict.fromkeys((p.data, p.config)):
        # SESSIOND_HOME set to a file: no chmod makes it a directory.
        if directory.exists() and not directory.is_dir():
            return Check("home", title, "problem", _(
                "{path} is not a directory: set SESSIOND_HOME to a directory of sessiond's "
                "own.", path=directory))
    problems: list[str] = []
    for directory in dict.fromkeys((p.data, p.config, p.keys)):
        if not directory.exists():
            continue
        st = directory.stat()
        if st.st_uid != os.geteuid():
            problems.append(_("{path} belongs to uid {uid}", path=directory, uid=st.st_uid))
        elif st.st_mode & 0o077:
            problems.append(_("{path} has mode {mode} (others can look in)", path=directory,
                              mode=f"{stat.S_IMODE(st.st_mode):04o}"))
    files = [p.database, p.database.with_name(p.database.name + "-wal"),
             p.database.with_name(p.database.name + "-shm"), p.keys / "signing.key",
             p.keys / "master.key", p.config_file]
    for path in files:
        if path.is_file():
            st = path.stat()
            if st.st_uid != os.geteuid() or st.st_mode & 0o077:
                problems.append(_("{path} has mode {mode}", path=path,
                                  mode=f"{stat.S_IMODE(st.st_mode):04o}"))
    if not p.data.exists():
        return Check("home", title, "ok", _("{path} does not exist yet: it is created (0700) "
                                            "at first use", path=p.data))
    if problems:
        return Check("home", title, "problem", "; ".join(problems),
                     _("Only you should read the log and keys: chmod 700 on the directories "
                       "and chmod 600 on the files (or chown them to yourself)."))
    return Check("home", title, "ok", _("{path}: yours, private", path=p.data))


def _config(p: Paths) -> tuple[Config, Check]:
    title = _("Configuration")
    try:
        config = load_config(p)
    except SessiondError as e:
        # No line to fix where the directory is no directory (said as the home's problem).
        advice = (_("Fix the line named in {path}.", path=p.config_file)
                  if p.config.is_dir() else None)
        return Config(), Check("config", title, "problem", e.message, advice)
    if not p.config_file.exists():
        return config, Check("config", title, "warning", _("no {path}", path=p.config_file),
                             _("Receipts need your identity: sessiond config init."))
    return config, Check("config", title, "ok", str(p.config_file))


def _database(p: Paths) -> tuple[Any, Check]:
    from sessiond.store.sqlite import Store

    title = _("Database")
    if not p.database.exists():
        return None, Check("database", title, "ok", _("no log yet"))
    try:
        store = Store(p.database, readonly=True)
    except SessiondError as e:
        return None, Check("database", title, "problem", e.message, _restore_advice())
    found = [*store.integrity_problems(), *store.schema_problems()]
    mark = store.damage_mark()
    if mark:
        found.insert(0, _("marked damaged: {problem}", problem=mark))
    if found:
        return store, Check("database", title, "problem", "; ".join(found[:5]),
                            _restore_advice())
    size = p.database.stat().st_size / (1024 * 1024)
    return store, Check("database", title, "ok",
                        _("SQLite integrity check passed ({size} MB)", size=number(size, 1)))


def _restore_advice() -> str:
    return _("Run sessiond verify for the details, then restore the last good backup: "
             "sessiond restore DIR.")


def _keys(p: Paths, store: Any) -> tuple[Check, bool]:
    from sessiond.audit.keys import MASTER, SIGNING, Keyring, key_id, public_raw_of

    title = _("Signing and master keys")
    try:
        present = Keyring(p.keys).present()
    except SessiondError as e:
        return Check("keys", title, "problem", e.message, _restore_advice()), False
    try:
        signed_by = store.checkpoint_key_id() if store is not None else None
        samples = store.wrapped_samples() if store is not None else []
    except Exception:  # a damaged database is reported by its own check
        return Check("keys", title, "warning", _("not compared with the log (see above)")
                     ), False
    problems = []
    restore = _("Put the original key back from your backup: sessiond restore DIR. "
                "sessiond never makes a new key for a log that depends on one; until then "
                "the commands that need it refuse.")
    signing, master_raw = present[SIGNING], present[MASTER]
    if signing is None and signed_by is not None:
        problems.append(_("{name} is missing, and the log's checkpoints are signed with it",
                          name=SIGNING))
    elif signing is not None and signed_by is not None and key_id(
            public_raw_of(signing)) != signed_by:
        problems.append(_("{name} is not the key that signed the log", name=SIGNING))
    if master_raw is None and samples:
        problems.append(_("{name} is missing, and the log's client data is sealed under it",
                          name=MASTER))
    elif master_raw is not None and samples:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        master = AESGCM(master_raw)

        def opens(client_id: str, wrapped: bytes) -> bool:
            try:
                master.decrypt(wrapped[:12], wrapped[12:], client_id.encode())
            except (InvalidTag, ValueError):
                return False
            return True

        if not any(opens(c, w) for c, w in samples):
            problems.append(_("{name} does not open the log's client keys", name=MASTER))
    if problems:
        return Check("keys", title, "problem", "; ".join(problems), restore), False
    missing = [n for n in (SIGNING, MASTER) if present[n] is None]
    if missing:
        return Check("keys", title, "ok", _("{names}: created at first use",
                                            names=", ".join(missing))), True
    return Check("keys", title, "ok", _("both present and those of the log")), True


def _log(p: Paths, store: Any) -> Check:
    from sessiond.audit.keys import Keyring
    from sessiond.store.health import verify_log

    title = _("Log")
    try:
        report = verify_log(lambda: store, lambda: Keyring(p.keys, store, create=False),
                            mark=False)
    except SessiondError as e:
        return Check("log", title, "problem", e.message, _restore_advice())
    if not report.ok:
        return Check("log", title, "problem", report.problems[0].message, _restore_advice())
    from sessiond.i18n.plural import n_

    return Check("log", title, "ok", _("chain and signatures verified: {events}, {checkpoints}",
                                       events=n_(report.events, "{n} event", "{n} events"),
                                       checkpoints=n_(report.checkpoints, "{n} checkpoint",
                                                      "{n} checkpoints")))


# --- the desktop ---------------------------------------------------------------------------


def _display(env: Mapping[str, str]) -> Check:
    from sessiond.daemon.x11 import display_problem

    title = _("Display")
    problem = display_problem(dict(env))
    if problem is None:
        return Check("display", title, "ok", _("X display {display}: global hotkeys and "
                                               "idle detection available",
                                               display=env.get("DISPLAY", "")))
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    advice = (_("Under Wayland, global hotkeys and idle detection need an X11 session; "
                "choose \"GNOME on Xorg\" (or similar) at login, or use the TUI's keys.")
              if wayland else
              _("Run the daemon inside your graphical session (systemctl --user "
                "import-environment DISPLAY XAUTHORITY)."))
    return Check("display", title, "warning", problem, advice)


def _fonts() -> Check:
    title = _("Fonts for PDFs")
    try:
        from sessiond.exports.fonts import find_fonts

        fonts = find_fonts()
    except Exception as e:  # fpdf2 missing or broken: say so
        return Check("fonts", title, "problem", str(e),
                     _("Reinstall sessiond: pip install sessiond."))
    if fonts.core:
        return Check("fonts", title, "warning",
                     _("no TrueType font found: PDFs use the core fonts (no € sign, no "
                       "narrow no-break space)"),
                     _("Install DejaVu: sudo apt install fonts-dejavu-core."))
    return Check("fonts", title, "ok", str(fonts.regular))


def _units(config: Config) -> Check:
    from sessiond.daemon.units import NAMES, quote, render, sessiond_executable, user_unit_dir

    title = _("systemd units")
    directory = user_unit_dir()
    missing = [n for n in NAMES if not (directory / n).is_file()]
    if missing:
        return Check("units", title, "warning", _("not installed: {names}",
                                                  names=", ".join(missing)),
                     _("sessiond systemd install, then systemctl --user enable --now "
                       "sessiond.service"))
    try:
        env = ({"SESSIOND_HOME": os.environ["SESSIOND_HOME"]}
               if os.environ.get("SESSIOND_HOME") else None)
        expected = render(quote(sessiond_executable()), config.daemon.export_time,
                          config.timezone, env)
    except (FileNotFoundError, SessiondError):
        return Check("units", title, "ok", str(directory))
    changed = [n for n in NAMES if (directory / n).read_text(encoding="utf-8",
                                                             errors="replace") != expected[n]]
    modes = [n for n in NAMES if (directory / n).stat().st_mode & 0o022]
    if modes:
        return Check("units", title, "problem", _("others can write {names}",
                                                  names=", ".join(modes)),
                     _("sessiond systemd install --force (writes them 0644)."))
    if changed:
        return Check("units", title, "warning", _("differ from what sessiond would write: "
                                                  "{names}", names=", ".join(changed)),
                     _("sessiond systemd install --force, if you did not change them on "
                       "purpose."))
    return Check("units", title, "ok", str(directory))


def _space(p: Paths) -> Check:
    title = _("Free space")
    probe = p.data
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free / (1024 * 1024)
    message = _("{free} MB free on {path}", free=number(free, 0), path=probe)
    if free < 50:
        return Check("space", title, "problem", message,
                     _("Free some space: with a full disk nothing can be recorded."))
    if free < 500:
        return Check("space", title, "warning", message, _("Free some space soon."))
    return Check("space", title, "ok", message)


def _backup(config: Config) -> Check:
    from sessiond import clock
    from sessiond.backup import DAILY, MANIFEST

    title = _("Backups")
    settings = config.backup
    if not settings.directory:
        return Check("backup", title, "warning", _("no daily backup configured"),
                     _("Set directory and key_file under [backup] in config.toml (the "
                       "daemon then makes one a day), or run sessiond backup DIR "
                       "regularly onto another disk."))
    root = Path(settings.directory).expanduser()
    if not Path(settings.key_file).expanduser().is_file():
        return Check("backup", title, "problem", _("the key file {path} is missing",
                                                   path=settings.key_file),
                     _("Create it (e.g. head -c 32 /dev/urandom > FILE) and keep a copy "
                       "elsewhere: without it no backup can be restored."))
    days = sorted(e.name for e in root.iterdir() if DAILY.match(e.name)
                  and (e / MANIFEST).is_file()) if root.is_dir() else []
    if not days:
        return Check("backup", title, "warning", _("no backup in {path} yet", path=root),
                     _("The daemon makes one a day; or run sessiond backup DIR now."))
    latest = DAILY.match(days[-1])
    assert latest is not None
    from datetime import date

    age = clock.now().date() - date.fromisoformat(latest[1])
    if age > timedelta(days=2):
        from sessiond.i18n.plural import n_

        return Check("backup", title, "warning", n_(age.days, "the latest backup is {n} day "
                                                    "old", "the latest backup is {n} days old"),
                     _("Is the daemon running? sessiond daemon status"))
    return Check("backup", title, "ok", str(root / days[-1]))


def _daemon(p: Paths) -> Check:
    from sessiond.daemon.owner import daemon_pid

    title = _("Daemon")
    pid = daemon_pid(p.data)
    if pid is None:
        return Check("daemon", title, "warning", _("not running: no reminders, hotkeys, "
                                                   "daily export or backup"),
                     _("systemctl --user enable --now sessiond.service (after sessiond "
                       "systemd install)"))
    return Check("daemon", title, "ok", _("running (pid {pid})", pid=pid))
