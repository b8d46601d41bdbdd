"""`sessiond daemon`: the long-running process (systemd user unit `sessiond.service`).

Start-up order: take `daemon.lock` (one daemon), take `jobs.lock` (wait for the TUI to hand
the jobs over), decide which desktop features work here, start the jobs, then tell
systemd READY=1. The asyncio loop owns everything: APScheduler's jobs, the hotkeys (the
pynput thread posts to the loop) and the watchdog pings, sent from the loop so a hung loop
really trips `WatchdogSec=`. SIGTERM/SIGINT stop it cleanly (STOPPING=1).

Logs go to stderr (journald adds the time): one line per fact, never a key value.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading

from sessiond import clock
from sessiond.daemon import heartbeat, owner, sdnotify, status
from sessiond.daemon.desktop import Desktop
from sessiond.daemon.host import Host
from sessiond.daemon.hotkeys import HotkeyListener, combos
from sessiond.daemon.jobs import Jobs
from sessiond.daemon.status import Feature
from sessiond.daemon.x11 import IdleSource, display_problem, open_idle_source
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.sessions import Sessiond

log = logging.getLogger("sessiond.daemon")


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    # APScheduler logs every run at INFO: keep the journal to what matters.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("pynput").setLevel(logging.WARNING)
    threading.excepthook = _thread_died


def _thread_died(args: threading.ExceptHookArgs) -> None:
    """A background thread (pynput's listener) died: one line, the exception's type only.

    Its message or traceback could quote what the thread was handling, and the keyboard
    listener's thread handles key events: no key value may reach the journal.
    """
    name = args.thread.name if args.thread is not None else "?"
    log.warning("thread %s stopped: %s", name, args.exc_type.__name__)


def run(svc: Sessiond, *, hotkeys: bool = True, idle: bool = True) -> int:
    setup_logging()
    jobs = Jobs(svc, desktop=Desktop())  # validates the settings before taking locks
    own = owner.daemon_lock(svc.paths)
    # A status probe holds the lock for an instant; retry over a second before giving up.
    if not own.acquire(wait=1.0):
        raise InputError(_("Another sessiond daemon is already running (pid {pid}).",
                           pid=owner.daemon_pid(svc.paths.data) or "?"))
    own.write_pid()
    work = owner.jobs_lock(svc.paths)
    try:
        if not work.acquire():
            log.info("waiting for the terminal interface to hand over the scheduled jobs")
            sdnotify.notify("STATUS=Waiting for the TUI to hand over the jobs")
            while not work.acquire(wait=1.0):
                sdnotify.notify("WATCHDOG=1")
        return asyncio.run(_serve(svc, jobs, hotkeys=hotkeys, idle=idle))
    finally:
        work.release()
        own.release()


async def _serve(svc: Sessiond, jobs: Jobs, *, hotkeys: bool, idle: bool) -> int:
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)

    problem = display_problem()
    source: IdleSource | None = None
    if not idle:
        idle_state = Feature(False, _("turned off by --no-idle"))
    elif problem:
        idle_state = Feature(False, problem)
    else:
        source, reason = open_idle_source()
        idle_state = Feature(source is not None, reason)

    host: Host | None = None

    def on_hotkey(action: str) -> None:  # pynput's thread
        loop.call_soon_threadsafe(lambda: host.hotkey(action) if host else None)

    listener = HotkeyListener(combos(svc.config.daemon), on_hotkey)
    if not hotkeys:
        hotkey_state = Feature(False, _("turned off by --no-hotkeys"))
    elif problem:
        hotkey_state = Feature(False, problem)
    else:
        reason = listener.start()
        hotkey_state = Feature(reason is None, reason)

    if not hotkey_state.on and not idle_state.on and hotkey_state.reason == idle_state.reason:
        log.warning("%s", _("Hotkeys and idle detection off: {reason}.",
                            reason=hotkey_state.reason))
    else:
        for name, state in ((_("hotkeys"), hotkey_state), (_("idle detection"), idle_state)):
            if state.on:
                log.info("%s", _("{name}: on", name=name))
            else:
                log.warning("%s", _("{name}: off ({reason})", name=name, reason=state.reason))

    started_at = clock.to_text(clock.now())

    shown: list[str] = [""]

    def publish() -> None:
        """Keep the status file true, and the `systemctl --user status` line (sent only
        when it changes)."""
        nonlocal hotkey_state, idle_state
        lost = None
        if hotkey_state.on and not listener.alive:
            hotkey_state = lost = Feature(False, _("the keyboard listener stopped (X "
                                                   "connection lost?)"))
            log.warning("%s", _("{name}: off ({reason})", name=_("hotkeys"),
                                reason=lost.reason))
        if idle_state.on and host is not None and host.idle is None:
            idle_state = lost = Feature(False, _("the X server stopped answering"))
            log.warning("%s", _("{name}: off ({reason})", name=_("idle detection"),
                                reason=lost.reason))
        if lost is not None:
            status.write(svc.paths, hotkeys=hotkey_state, idle=idle_state,
                         extra={"started_at": started_at})
        running = sum(1 for s in svc.open_sessions() if s.state.value == "running")
        line = (f"STATUS=sessiond: {running} running session(s); hotkeys "
                f"{'on' if hotkey_state.on else 'off'}; idle "
                f"{'on' if idle_state.on else 'off'}")
        if line != shown[0]:
            shown[0] = line
            sdnotify.notify(line)

    status.write(svc.paths, hotkeys=hotkey_state, idle=idle_state,
                 extra={"started_at": started_at})

    host = Host(jobs, idle=source, on_change=publish)
    host.start()
    publish()
    sdnotify.notify("READY=1")
    log.info("sessiond daemon ready (pid %d, heartbeat every %gs)", os.getpid(),
             heartbeat.interval())

    watchdog = sdnotify.watchdog_seconds()
    pinger = asyncio.create_task(_ping(watchdog / 2)) if watchdog else None
    try:
        await stopping.wait()
    finally:
        sdnotify.notify("STOPPING=1")
        log.info("sessiond daemon stopping")
        if pinger is not None:
            pinger.cancel()
        host.stop()
        listener.stop()
        if jobs.desktop is not None:
            jobs.desktop.close()
        status.write(svc.paths, hotkeys=hotkey_state, idle=idle_state, state="stopped",
                     extra={"started_at": started_at,
                            "stopped_at": clock.to_text(clock.now())})
    return 0


async def _ping(every: float) -> None:
    while True:
        sdnotify.notify("WATCHDOG=1")
        await asyncio.sleep(every)


def catch_up(svc: Sessiond) -> int:
    """`sessiond daemon catch-up` (the systemd timer): run the daily jobs that are due, once.

    Does nothing when a daemon or the TUI owns the jobs: they run them themselves.
    """
    setup_logging()
    jobs = Jobs(svc)
    if owner.is_locked(owner.daemon_lock(svc.paths).path):
        log.info("the sessiond daemon runs the daily jobs; nothing to do")
        return 0
    work = owner.jobs_lock(svc.paths)
    if not work.acquire():
        log.info("the terminal interface runs the daily jobs; nothing to do")
        return 0
    try:
        export, seal = jobs.catch_up(clock.now())
    finally:
        work.release()
    if export is None and seal is None:
        log.info("nothing due")
    return 0
