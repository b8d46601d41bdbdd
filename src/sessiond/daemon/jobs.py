"""What the daemon's jobs do, as methods that take the instant `now`.

`Jobs` holds no scheduler and no thread: `host` calls these methods from APScheduler
(daemon, or the TUI when no daemon runs), tests call them with a controlled clock.
Everything it concludes goes to the store: heartbeats, notifications and questions in
their tables, decisions as events through the service, so it survives a crash and the
TUI and the CLI see it.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint, day_seal_reason
from sessiond.daemon import daily, heartbeat, reminders
from sessiond.daemon.desktop import Desktop
from sessiond.daemon.heartbeat import Gap
from sessiond.daemon.hotkeys import decide
from sessiond.daemon.idle import IdleEnded, IdleStarted, IdleWatch
from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.labels import cite
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import heartbeats
from sessiond.store import notifications as notices
from sessiond.store.heartbeats import Beat
from sessiond.store.notifications import Notice

if TYPE_CHECKING:
    from sessiond.daemon.evidence import EvidenceWatch

log = logging.getLogger("sessiond.daemon")
PRUNE_EVERY = timedelta(hours=1)


@dataclass(frozen=True)
class Clocks:
    """The machine's clocks at one instant; tests make their own."""

    now: datetime
    boottime_ns: int
    monotonic_ns: int
    boot_id: str

    @classmethod
    def read(cls) -> Clocks:
        return cls(clock.now(), clock.boottime_ns(), time.monotonic_ns(), clock.boot_id())


@dataclass(frozen=True)
class Export:
    first_day: date
    last_day: date
    result: Any


class Jobs:
    def __init__(self, service: Sessiond, *, desktop: Desktop | None = None,
                 heartbeat_every: float | None = None) -> None:
        self.svc = service
        self.settings = service.config.daemon
        self.tz = service.tz
        self.export_at = daily.parse_daily_time(self.settings.export_time)
        self.lead = timedelta(minutes=self.settings.reminder_minutes)
        self.every = heartbeat_every if heartbeat_every is not None else heartbeat.interval()
        self.idle = IdleWatch(self.settings.idle_minutes * 60)
        self.desktop = desktop
        self.pid = os.getpid()
        self._last: Clocks | None = None  # this process's previous heartbeat
        self._pruned: datetime | None = None
        self._retention_checked: date | None = None  # the day clients' retention was read
        self.evidence: EvidenceWatch | None = None  # the remote tools' logs
        if service.config.evidence.watch:
            from sessiond.daemon.evidence import EvidenceWatch

            self.evidence = EvidenceWatch(service, service.config.evidence, desktop=desktop)

    @property
    def conn(self) -> Any:
        return self.svc.store.conn

    # --- notices -------------------------------------------------------------------------

    def post(self, now: datetime, kind: str, message: str, *, session_id: str | None = None,
             data: dict[str, Any] | None = None, question: bool = False,
             dedup_key: str | None = None, urgent: bool = False,
             shown: str | None = None) -> Notice | None:
        """`shown`: what the desktop says instead of `message` (it may name the client;
        the stored notice holds metadata only)."""
        notice = notices.post(self.conn, now=now, kind=kind, message=message,
                              session_id=session_id, data=data, question=question,
                              dedup_key=dedup_key)
        if notice is not None:
            log.info("notice #%d (%s): %s", notice.id, kind, message)
            if self.desktop is not None:
                self.desktop.show("sessiond", shown or message, urgent=urgent or question)
        return notice

    # --- heartbeats and gaps -------------------------------------------------------------

    def startup(self, clocks: Clocks) -> list[Notice]:
        """At start: a gap since the last heartbeat (any process) becomes questions."""
        found: list[Notice] = []
        prev = heartbeats.last(self.conn)
        beat = self._beat(clocks)
        if prev is not None:
            gap = heartbeat.gap_since(prev, beat, heartbeat.threshold(self.every))
            if gap is not None:
                found += self.ask_about_gap(gap, clocks.now)
        heartbeats.record(self.conn, beat)
        heartbeats.prune(self.conn, clocks.now)
        self._pruned = clocks.now
        self._last = clocks
        return found

    def heartbeat(self, clocks: Clocks) -> list[Notice]:
        """Every `every` seconds; a late one means the machine slept (or we were stopped)."""
        found: list[Notice] = []
        prev = self._last
        beat = self._beat(clocks)
        if prev is not None:
            suspended = ((clocks.boottime_ns - prev.boottime_ns)
                         - (clocks.monotonic_ns - prev.monotonic_ns)) / 1e9
            gap = heartbeat.gap_since(self._beat(prev), beat, heartbeat.threshold(self.every),
                                      suspended_seconds=suspended)
            if gap is not None:
                found += self.ask_about_gap(gap, clocks.now)
        heartbeats.record(self.conn, beat)
        if self._pruned is None or clocks.now - self._pruned > PRUNE_EVERY:
            heartbeats.prune(self.conn, clocks.now)
            self._pruned = clocks.now
        self._last = clocks
        return found

    def _beat(self, clocks: Clocks) -> Beat:
        return Beat(clocks.now, clocks.boot_id, clocks.boottime_ns, self.pid)

    def ask_about_gap(self, gap: Gap, now: datetime) -> list[Notice]:
        log.warning("no heartbeat from %s to %s (%s)", clock.to_text(gap.start),
                    clock.to_text(gap.end), gap.cause)
        asked = []
        for session in self.svc.sessions(self._sessions_in(gap.start)):
            for start, end in heartbeat.running_overlaps(session, gap):
                notice = self.ask(now, session.id, start, end, gap.cause)
                if notice is not None:
                    asked.append(notice)
        return asked

    def _sessions_in(self, since: datetime) -> list[str]:
        """Sessions that may have run since `since`: open ones and ones stopped after."""
        stopped = self.svc.store.events_of_kind_between(
            ("session-stopped",), None, None, after=clock.to_text(since))
        ids = [s.id for s in self.svc.open_sessions() if s.state is not State.PLANNED]
        ids += [r.session_id for r in stopped if r.session_id]
        return list(dict.fromkeys(ids))

    def ask(self, now: datetime, session_id: str, start: datetime, end: datetime,
            cause: str) -> Notice | None:
        """Post the question "was this span work?" (once per session and span start)."""
        from sessiond.billing.text import duration

        fmt = "%H:%M" if (end - start).total_seconds() >= 120 else "%H:%M:%S"
        why = {"gap": _("sessiond was not running (crash, kill or power loss)"),
               "suspend": _("the computer was asleep"),
               "idle": _("no keyboard or mouse input")}[cause]
        message = _("Session {session}: {length} without trace, from {start} to {end}: "
                    "{why}. Worked or paused? See sessiond daemon questions.",
                    session=session_id, length=duration(int((end - start).total_seconds())),
                    start=start.astimezone(self.tz).strftime(fmt),
                    end=end.astimezone(self.tz).strftime(fmt), why=why)
        return self.post(now, cause, message, session_id=session_id, question=True,
                         data={"start": clock.to_text(start), "end": clock.to_text(end),
                               "cause": cause},
                         dedup_key=f"{cause}:{session_id}:{clock.to_text(start)}")

    # --- tranche reminders ---------------------------------------------------------------

    def reminders(self, now: datetime) -> list[reminders.Reminder]:
        """The next reminder of every running session (for the scheduler to arm)."""
        planned = []
        for session in self.svc.open_sessions():
            if session.state is not State.RUNNING:
                continue
            try:
                reminder = reminders.for_session(self.svc, session, now, self.lead)
            except SessiondError as e:  # a broken policy file: say so, keep running
                log.warning("session %s: no tranche reminder: %s", session.id, e.message)
                continue
            if reminder is not None:
                planned.append(reminder)
        return planned

    def remind(self, session_id: str, now: datetime) -> Notice | None:
        """Fire the reminder of `session_id` if it is due at `now` (checked again: the
        session may have been paused since the reminder was armed)."""
        try:
            session = self.svc.session(session_id)
            reminder = reminders.for_session(self.svc, session, now, self.lead)
        except SessiondError:
            return None
        if reminder is None or not reminders.due(reminder, now):
            return None
        try:
            client = self.svc.client(session.client_id).name
        except SessiondError:
            client = None
        return self.post(now, "tranche", reminders.message(reminder, now),
                         shown=reminders.message(reminder, now, client),
                         session_id=session_id, dedup_key=reminder.dedup_key,
                         data={"tranche_at": clock.to_text(reminder.tranche_at),
                               "seconds": reminder.seconds, "amount": str(reminder.amount),
                               "boundary": reminder.boundary})

    # --- end-of-day export and day seal --------------------------------------------------

    def exported(self) -> list[tuple[date, date]]:
        """The day ranges already exported for the accountant."""
        return [(first, last) for first, last, _seq in self._day_exports()]

    def _day_exports(self) -> list[tuple[date, date, int]]:
        """(first day, last day, seq) of each CSV the end-of-day job wrote (a book, Kimai or
        e-reporting file made by hand does not count)."""
        ranges = []
        for row in self.svc.store.events_of_kind("export-made"):
            body = row.body_fields()
            if body.get("format", "csv") != "csv":
                continue
            try:
                ranges.append((date.fromisoformat(body["first_day"]),
                               date.fromisoformat(body["last_day"]), row.seq))
            except (KeyError, ValueError):
                continue
        return ranges

    def first_session_day(self) -> date | None:
        """The local day of the earliest declared session instant (planned or started)."""
        first = self.svc.store.earliest_at("session-planned", "session-started")
        return clock.from_text(first).astimezone(self.tz).date() if first else None

    def end_of_day(self, now: datetime) -> Export | None:
        """Run the end-of-day export if one is due and not in the store yet."""
        due = daily.export_range(now, self.tz, self.export_at, self.exported(),
                                 self.first_session_day())
        if due is None:
            return None
        first, last = due
        from sessiond.daemon import exporting

        result = exporting.export_days(self.svc, first, last, now)
        path = str(getattr(result, "path", "") or "")
        log.info("end-of-day export %s..%s done", first.isoformat(), last.isoformat())
        from sessiond.i18n.dates import long_date

        self.post(now, "export", _("End-of-day export made for {first} to {last}: {path}",
                                   first=long_date(first), last=long_date(last), path=path)
                  if first != last else
                  _("End-of-day export made for {day}: {path}", day=long_date(last),
                    path=path),
                  data={"first_day": first.isoformat(), "last_day": last.isoformat(),
                        "path": path},
                  dedup_key=f"export:{first.isoformat()}:{last.isoformat()}")
        return Export(first, last, result)

    def seal(self, now: datetime) -> Checkpoint | None:
        """Sign the day-close checkpoint if the day's seal is not in the store yet."""
        wanted = day_seal_reason(daily.last_due_day(now, self.tz, daily.SEAL_TIME))
        day = daily.seal_due(now, self.tz, self.svc.store.checkpoint_reasons(wanted))
        if day is None:
            return None
        self.refresh_export(day, now)
        seq, _hash = self.svc.store.tail()
        if seq == 0:
            return None  # an empty log has nothing to seal
        checkpoint = self.svc.checkpoint(day_seal_reason(day))
        log.info("day %s sealed at event #%d", day.isoformat(), checkpoint.seq)
        return checkpoint

    def refresh_export(self, day: date, now: datetime) -> None:
        """Before the day is sealed, export it again if one of its sessions changed after
        its export: the run at export_time misses what was started, stopped or corrected
        later that evening."""
        made = [seq for first, last, seq in self._day_exports() if first <= day <= last]
        if not made:
            return
        exported = max(made)
        changed = any(event.seq > exported for session in self.svc.day_sessions(day)
                      for event in session.events)
        # A session whose times were corrected to another day is no longer among the day's
        # sessions, yet the export lists it: any time corrected since exports again
        # (corrections are few).
        if not changed and not any(row.seq > exported for row in
                                   self.svc.store.events_of_kind("instant-amended")):
            return
        from sessiond.daemon import exporting

        try:
            exporting.export_days(self.svc, day, day, now)
        except SessiondError as e:
            log.error("end-of-day export refresh failed: %s", e.message)

    def catch_up(self, now: datetime) -> tuple[Export | None, Checkpoint | None]:
        """Both daily jobs, each only if due and not done: safe to call at any time."""
        export = None
        try:
            export = self.end_of_day(now)
        except SessiondError as e:
            log.error("end-of-day export failed: %s", e.message)
            self.post(now, "export-failed", _("End-of-day export failed: {problem}",
                                              problem=e.message), urgent=True,
                      dedup_key=f"export-failed:{clock.to_text(clock.whole_second(now))[:10]}")
        seal = self.seal(now)
        self.backup(now)
        try:
            self.retention(now)
        except SessiondError as e:  # a broken policy: say so, the other jobs went on
            log.error("retention check failed: %s", e.message)
        return export, seal

    # --- retention of personal data -------------------------------------------

    def retention(self, now: datetime) -> list[Notice]:
        """Ask, once a year per client, whether to erase the personal data kept past the
        retention of his terms (MRI87 17.5; the law where they are silent). The daemon
        never erases: the technician answers erase or keep."""
        today = now.astimezone(self.tz).date()
        if self._retention_checked == today:
            return []  # it reads every client's events: once a day is enough
        self._retention_checked = today
        asked = []
        for due in self.svc.retention_due(now):
            message = _("Client {client}: last event on {last}; the retention of his data "
                        "({article}, policy {policy}) ended on {ends}. Erase his personal data "
                        "for good? sessiond daemon answer ID erase|keep",
                        client=due.client_id,
                        last=due.last_event.astimezone(self.tz).date().isoformat(),
                        article=cite(due.article), policy=due.policy,
                        ends=due.ends.isoformat())
            notice = self.post(now, "retention", message, question=True,
                               data={"client": due.client_id, "members": list(due.members),
                                     "ends": due.ends.isoformat(), "policy": due.policy},
                               dedup_key=f"retention:{due.client_id}:{due.ends.isoformat()}:"
                                         f"{now.astimezone(self.tz).year}")
            if notice is not None:
                asked.append(notice)
        return asked

    def backup(self, now: datetime) -> Any:
        """Today's backup into `[backup] directory`, if configured and not made yet (after
        the export and the seal, so that it holds them)."""
        from sessiond.backup import daily_backup

        try:
            made = daily_backup(self.svc, now)
        except (SessiondError, OSError) as e:
            problem = e.message if isinstance(e, SessiondError) else str(e)
            log.error("daily backup failed: %s", problem)
            self.post(now, "backup-failed", _("Daily backup failed: {problem}",
                                              problem=problem), urgent=True,
                      dedup_key=f"backup-failed:{now.astimezone(self.tz).date().isoformat()}")
            return None
        if made is not None:
            log.info("daily backup written to %s", made.path)
        return made

    # --- idle ----------------------------------------------------------------------------

    def observe_idle(self, now: datetime, idle_seconds: float) -> list[Notice]:
        change = self.idle.observe(now, idle_seconds)
        return self._idle_change(now, change)

    def flush_idle(self, now: datetime) -> list[Notice]:
        return self._idle_change(now, self.idle.flush(now))

    def _idle_change(self, now: datetime, change: IdleStarted | IdleEnded | None,
                     ) -> list[Notice]:
        found: list[Notice] = []
        if isinstance(change, IdleStarted):
            for session in self.svc.open_sessions():
                if session.state is State.RUNNING:
                    notice = self.post(
                        now, "idle-started", _("Session {session}: no input for {minutes} "
                                               "min. Still working?", session=session.id,
                                               minutes=self.settings.idle_minutes),
                        session_id=session.id, data={"since": clock.to_text(change.since)},
                        dedup_key=f"idle-started:{session.id}:{clock.to_text(change.since)}")
                    if notice is not None:
                        found.append(notice)
        elif isinstance(change, IdleEnded):
            gap = Gap(change.start, change.end, "idle")
            for session in self.svc.sessions(self._sessions_in(change.start)):
                for start, end in heartbeat.running_overlaps(session, gap):
                    notice = self.ask(now, session.id, start, end, "idle")
                    if notice is not None:
                        found.append(notice)
        return found

    # --- the remote-control tools' logs (daemon.evidence) -------------------------------

    def watch_evidence(self, now: datetime) -> list[Notice]:
        """Once a second: what the remote tools logged since the last look."""
        return self.evidence.poll(now) if self.evidence is not None else []

    # --- hotkeys -------------------------------------------------------------------------

    def hotkey(self, action: str, now: datetime) -> Notice | None:
        """Start/resume, pause or stop the current session, at `now`."""
        step = decide(action, self.svc.open_sessions())
        at = clock.whole_second(now)
        if step.verb is None:
            return self.post(now, "hotkey", step.message, session_id=step.session_id)
        assert step.session_id is not None
        try:
            if step.verb == "start":
                self.svc.start(step.session_id, at=at)
            elif step.verb == "resume":
                self.svc.resume(step.session_id, at=at)
            elif step.verb == "pause":
                self.svc.pause(step.session_id, at=at)
            else:
                self.svc.stop(step.session_id, at=at)
        except SessiondError as e:
            return self.post(now, "hotkey", e.message, session_id=step.session_id,
                             urgent=True)
        done = {"start": _("Session {session} started."),
                "resume": _("Session {session} resumed."),
                "pause": _("Session {session} paused."),
                "stop": _("Session {session} stopped.")}[step.verb]
        log.info("hotkey %s: session %s %s", action, step.session_id, step.verb)
        return self.post(now, "hotkey", done.format(session=step.session_id),
                         session_id=step.session_id)
