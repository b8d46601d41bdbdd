"""APScheduler wiring: the same jobs for the daemon and for the TUI (when no daemon runs).

`Host` runs an `AsyncIOScheduler` on the caller's event loop. Every job is an `async def`
that calls the synchronous job logic directly, so all store access happens on the loop's
thread, one job at a time (the SQLite connection is never shared between threads), and a
job that hangs also stops the systemd watchdog pings, which is what the watchdog is for.

Scheduling choices (see ../shared/reference/textual_practice.md, APScheduler 3.11):
- Jobs live in the default memory job store and are re-created at each start; what a
  missed run must still do is found in the store by `Jobs.catch_up`, called at start,
  after every detected sleep, and by the cron jobs themselves. Idempotency comes from the
  store, so the autumn DST day (APScheduler fires a repeated wall time twice) and a
  restart that both catch up and fire cannot export twice.
- `coalesce=True, misfire_grace_time=None`: a run found late (the scheduler's sleep is on
  the monotonic clock, which stops during suspend) runs once, however late.
- The heartbeat interval job (15 s) bounds how long the scheduler sleeps, so a resume
  from suspend is noticed within one interval.
- Tranche reminders are date jobs, re-armed whenever the store changes
  (`PRAGMA data_version`, polled each second, moves when another process commits).
- The polls of every second or few (the store's version and the remote tools' logs; the
  TUI's look for a daemon) are no calendar: plain tasks on the loop (`Host.every`). A
  scheduler's wake costs more than the look itself (the TUI's embedded jobs: 0.10–0.12 %
  of a core with the watch as a job, 0.076 % as a task).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from sessiond.daemon import daily
from sessiond.daemon.jobs import Clocks, Jobs
from sessiond.daemon.x11 import IdleSource

log = logging.getLogger("sessiond.daemon")

# What is polled (the store's version, one stat per remote-tool log: see daemon.evidence)
# is looked at in one wake a second: each wake costs more than the looks.
WATCH_SECONDS = 1.0
IDLE_POLL_SECONDS = 5.0
_REMIND = "remind:"


def export_trigger(jobs: Jobs) -> CronTrigger:
    at = jobs.export_at
    return CronTrigger(hour=at.hour, minute=at.minute, timezone=jobs.tz)


def seal_trigger(jobs: Jobs) -> CronTrigger:
    return CronTrigger(hour=daily.SEAL_TIME.hour, minute=daily.SEAL_TIME.minute,
                       timezone=jobs.tz)


class Host:
    def __init__(self, jobs: Jobs, *, idle: IdleSource | None = None,
                 on_change: Callable[[], None] | None = None) -> None:
        self.jobs = jobs
        self.idle = idle
        self.on_change = on_change  # after anything that changed the store (status text)
        self.scheduler: Any = None
        self.polls: list[asyncio.Task[None]] = []
        self._data_version: int | None = None

    # --- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Call inside a running asyncio loop."""
        clocks = Clocks.read()
        self.jobs.startup(clocks)
        self.jobs.catch_up(clocks.now)
        self.scheduler = AsyncIOScheduler(
            timezone=self.jobs.tz,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
        add = self.scheduler.add_job
        add(self._heartbeat, IntervalTrigger(seconds=self.jobs.every), id="heartbeat")
        add(self._daily, export_trigger(self.jobs), id="end-of-day-export")
        add(self._daily, seal_trigger(self.jobs), id="day-seal")
        if self.idle is not None:
            add(self._idle, IntervalTrigger(seconds=IDLE_POLL_SECONDS), id="idle")
        self.scheduler.start()
        self._data_version = self._version()
        self.arm_reminders(clocks.now)
        self.every(WATCH_SECONDS, self._watch)

    def every(self, seconds: float, poll: Callable[[], Awaitable[None]]) -> None:
        """Run `poll` every `seconds` (after each run ends: never two at once) until
        `stop`. An error is logged and the next look comes all the same."""
        async def polling() -> None:
            while True:
                await asyncio.sleep(seconds)
                try:
                    await poll()
                except Exception:
                    log.exception("poll %s failed", getattr(poll, "__name__", poll))

        self.polls.append(asyncio.get_running_loop().create_task(polling()))

    def stop(self) -> None:
        for task in self.polls:
            task.cancel()  # a poll that stops the host (a daemon took over) ends with it
        self.polls.clear()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        now = Clocks.read().now
        if self.idle is not None:
            self._guard("idle", lambda: self.jobs.flush_idle(now))
            self.idle.close()
            self.idle = None
        if self.jobs.evidence is not None:
            self.jobs.evidence.close()

    # --- jobs ----------------------------------------------------------------------------

    def _guard(self, name: str, fn: Callable[[], Any]) -> Any:
        """Run one job; an error is logged and the daemon keeps going."""
        try:
            return fn()
        except Exception:
            log.exception("job %s failed", name)
            return None

    async def _heartbeat(self) -> None:
        clocks = Clocks.read()
        asked = self._guard("heartbeat", lambda: self.jobs.heartbeat(clocks))
        if asked is None:
            return
        if self._guard("heartbeat", lambda: self._slept(clocks)):
            # Back from a sleep (or a stop): whatever fell due meanwhile runs now.
            self._guard("catch-up", lambda: self.jobs.catch_up(clocks.now))
        # Also a safety net: a change the store poll cannot see (an edited policy file)
        # moves the reminder within one interval.
        self.arm_reminders(clocks.now)
        self._changed()

    def _slept(self, clocks: Clocks) -> bool:
        prev = getattr(self, "_prev_clocks", None)
        self._prev_clocks = clocks
        if prev is None:
            return False
        return bool((clocks.now - prev.now).total_seconds() > 2 * self.jobs.every)

    async def _daily(self) -> None:
        now = Clocks.read().now
        self._guard("daily", lambda: self.jobs.catch_up(now))
        self._changed()

    async def _watch(self) -> None:
        now = Clocks.read().now
        evidence = self.jobs.evidence
        changed = bool(evidence is not None and evidence.files and self._guard(
            "evidence", lambda: self.jobs.watch_evidence(now)))
        version = self._version()
        if version != self._data_version:  # a command, the TUI or the evidence above
            self._data_version = version
            self.arm_reminders(now)
            changed = True
        if changed:
            self._changed()

    async def _idle(self) -> None:
        source = self.idle
        if source is None:
            return
        try:
            idle_seconds = source.idle_seconds()
        except Exception as e:
            log.warning("idle query failed (%s)", type(e).__name__)
            self.scheduler.remove_job("idle")
            source.close()
            self.idle = None
            self._changed()  # the daemon says so in its status
            return
        now = Clocks.read().now
        if self._guard("idle", lambda: self.jobs.observe_idle(now, idle_seconds)):
            self._changed()

    async def _remind(self, session_id: str) -> None:
        now = Clocks.read().now
        if self._guard("reminder", lambda: self.jobs.remind(session_id, now)):
            self._changed()

    def hotkey(self, action: str) -> None:
        """Called on the loop (the listener posts here with call_soon_threadsafe)."""
        now = Clocks.read().now
        self._guard("hotkey", lambda: self.jobs.hotkey(action, now))
        self._data_version = self._version()
        self.arm_reminders(now)
        self._changed()

    # --- helpers -------------------------------------------------------------------------

    def arm_reminders(self, now: datetime) -> None:
        """(Re)schedule one date job per running session at its next reminder."""
        if self.scheduler is None:
            return
        planned = self._guard("reminders", lambda: self.jobs.reminders(now)) or []
        wanted = {f"{_REMIND}{r.session_id}": r for r in planned}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(_REMIND) and job.id not in wanted:
                job.remove()
        for job_id, reminder in wanted.items():
            run_at = max(reminder.fire_at, now)
            self.scheduler.add_job(self._remind, DateTrigger(run_date=run_at), id=job_id,
                                   args=[reminder.session_id], replace_existing=True)

    def _version(self) -> int:
        return self.jobs.svc.store.data_version()

    def _changed(self) -> None:
        if self.on_change is not None:
            self._guard("status", self.on_change)
