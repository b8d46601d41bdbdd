"""The daemon's job logic on a controlled clock: gaps, questions, idle spans, hotkeys,
tranche reminders (for every shipped policy's tranche model)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from sessiond import clock
from sessiond.billing import History, bill, worked_seconds
from sessiond.daemon import heartbeat
from sessiond.daemon.hotkeys import decide
from sessiond.daemon.jobs import Clocks, Jobs
from sessiond.daemon.questions import answer
from sessiond.errors import InputError
from sessiond.policy import load_policy, shipped_dir
from sessiond.sessions import Sessiond
from sessiond.store import heartbeats
from sessiond.store import notifications as notices

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday morning, 10:00 in Paris
BOOT = "6f1c0b7e-0000-4000-8000-000000000001"
SEC = 1_000_000_000


@pytest.fixture
def svc(home: Path) -> Iterator[Sessiond]:
    service = Sessiond()
    yield service
    service.close()


def running(svc: Sessiond, policy: str = "vlh", at: datetime = T0) -> str:
    client = svc.add_client("Jeanne Martin", at=at - timedelta(minutes=10))
    session = svc.new_session(client, policy=policy, at=at - timedelta(minutes=5))
    svc.consent(session, channel="oral", by="Jeanne Martin", at=at - timedelta(minutes=1))
    svc.start(session, at=at)
    return session


def clocks(now: datetime, boot_s: float, mono_s: float | None = None,
           boot_id: str = BOOT) -> Clocks:
    mono = boot_s if mono_s is None else mono_s
    return Clocks(now, int(boot_s * SEC), int(mono * SEC), boot_id)


def questions(svc: Sessiond) -> list[notices.Notice]:
    return notices.pending_questions(svc.store.conn)


# --- heartbeats and gaps --------------------------------------------------------------------


def test_regular_heartbeats_ask_nothing(svc: Sessiond) -> None:
    running(svc)
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.startup(clocks(T0, 1000))
    for i in range(1, 10):
        assert jobs.heartbeat(clocks(T0 + timedelta(seconds=15 * i), 1000 + 15 * i)) == []
    assert questions(svc) == []
    rows = svc.store.conn.execute("SELECT COUNT(*) FROM heartbeats").fetchone()[0]
    assert rows == 10


def test_suspend_during_a_running_session_becomes_a_question(svc: Sessiond) -> None:
    session = running(svc)
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.startup(clocks(T0 + timedelta(minutes=5), 1000, 500))
    # 40 minutes asleep: CLOCK_BOOTTIME moved 40 min, CLOCK_MONOTONIC 15 s.
    wake = T0 + timedelta(minutes=45, seconds=15)
    asked = jobs.heartbeat(clocks(wake, 1000 + 2415, 515))
    assert len(asked) == 1
    q = asked[0]
    assert q.question and q.session_id == session and q.kind == "suspend"
    assert q.data == {"start": "2026-11-20T09:05:00Z", "end": "2026-11-20T09:45:15Z",
                      "cause": "suspend"}
    assert "veille" in q.message and "40 min 15 s" in q.message
    # Nothing decided: the worked time still counts the span until he answers.
    assert worked_seconds(svc.session(session), wake) == 45 * 60 + 15


def test_a_wall_clock_jump_is_not_a_gap(svc: Sessiond) -> None:
    running(svc)
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.startup(clocks(T0, 1000))
    # NTP moved the wall clock an hour; only 15 s passed on CLOCK_BOOTTIME.
    assert jobs.heartbeat(clocks(T0 + timedelta(hours=1, seconds=15), 1015)) == []


def test_crash_gap_found_at_the_next_start(svc: Sessiond) -> None:
    session = running(svc)
    first = Jobs(svc, heartbeat_every=15)
    first.startup(clocks(T0 + timedelta(minutes=1), 1000))
    first.heartbeat(clocks(T0 + timedelta(minutes=1, seconds=15), 1015))
    # kill -9; restarted by hand 20 minutes later (same boot).
    again = Jobs(svc, heartbeat_every=15)
    asked = again.startup(clocks(T0 + timedelta(minutes=21, seconds=15), 2215))
    assert [(q.kind, q.session_id, q.data["start"], q.data["end"]) for q in asked] == [
        ("gap", session, "2026-11-20T09:01:15Z", "2026-11-20T09:21:15Z")]
    # A second start does not ask again (same span start: same dedup key).
    assert Jobs(svc, heartbeat_every=15).startup(
        clocks(T0 + timedelta(minutes=21, seconds=16), 2216)) == []
    assert len(questions(svc)) == 1


def test_power_loss_across_a_reboot_uses_the_wall_clock(svc: Sessiond) -> None:
    running(svc)
    Jobs(svc, heartbeat_every=15).startup(clocks(T0 + timedelta(minutes=1), 90_000))
    asked = Jobs(svc, heartbeat_every=15).startup(
        clocks(T0 + timedelta(minutes=31), 30, boot_id="another-boot"))
    assert [q.kind for q in asked] == ["gap"]


def test_gap_is_clipped_to_the_running_spans(svc: Sessiond) -> None:
    session = running(svc)
    Jobs(svc, heartbeat_every=15).startup(clocks(T0 + timedelta(minutes=1), 1000))
    # While the daemon was down the technician paused from the CLI, 09:10 -> 09:30.
    svc.pause(session, at=T0 + timedelta(minutes=10))
    svc.resume(session, at=T0 + timedelta(minutes=30))
    asked = Jobs(svc, heartbeat_every=15).startup(
        clocks(T0 + timedelta(minutes=40), 1000 + 39 * 60))
    assert [(q.data["start"], q.data["end"]) for q in asked] == [
        ("2026-11-20T09:01:00Z", "2026-11-20T09:10:00Z"),
        ("2026-11-20T09:30:00Z", "2026-11-20T09:40:00Z")]


def test_no_question_without_a_running_session(svc: Sessiond) -> None:
    client = svc.add_client("Jeanne Martin", at=T0)
    svc.new_session(client, policy="vlh", at=T0)  # planned, never started
    Jobs(svc, heartbeat_every=15).startup(clocks(T0, 1000))
    assert Jobs(svc, heartbeat_every=15).startup(clocks(T0 + timedelta(hours=1), 4600)) == []


def test_answers_become_span_reviewed_events(svc: Sessiond) -> None:
    session = running(svc)
    Jobs(svc, heartbeat_every=15).startup(clocks(T0 + timedelta(minutes=10), 1000))
    (q,) = Jobs(svc, heartbeat_every=15).startup(
        clocks(T0 + timedelta(minutes=40), 1000 + 1800))
    end = T0 + timedelta(minutes=60)
    assert worked_seconds(svc.session(session), end) == 3600
    notice, event = answer(svc, q.id, "paused", now=end)
    assert event is not None and event.kind == "span-reviewed"
    assert dict(event.body) == {"start": "2026-11-20T09:10:00Z",
                                "end": "2026-11-20T09:40:00Z", "cause": "gap",
                                "decision": "paused"}
    assert notice.answer == "paused" and questions(svc) == []
    assert worked_seconds(svc.session(session), end) == 1800  # billing cut the span out
    # The same answer again appends nothing; the other answer corrects it.
    assert answer(svc, q.id, "paused", now=end)[1] is None
    assert answer(svc, q.id, "worked", now=end)[1] is not None
    assert worked_seconds(svc.session(session), end) == 3600
    with pytest.raises(InputError):
        answer(svc, q.id, "maybe")
    with pytest.raises(InputError):
        answer(svc, 999, "worked")


def test_heartbeats_are_pruned(svc: Sessiond) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.startup(clocks(T0, 1000))
    jobs.heartbeat(clocks(T0 + timedelta(seconds=15), 1015))
    later = T0 + timedelta(days=3)
    Jobs(svc, heartbeat_every=15).startup(clocks(later, 1000 + 3 * 86400))
    beats = svc.store.conn.execute("SELECT at FROM heartbeats").fetchall()
    assert beats == [(clock.to_text(later),)]
    assert heartbeats.last(svc.store.conn) is not None
    # A daemon running for days prunes as it goes (hourly), not only at start.
    jobs = Jobs(svc, heartbeat_every=900)
    jobs.startup(clocks(later, 500_000))
    for i in range(1, 4 * 24 * 3 + 1):  # three days of 15-minute beats
        jobs.heartbeat(clocks(later + timedelta(minutes=15 * i), 500_000 + 900 * i))
    count = svc.store.conn.execute("SELECT COUNT(*) FROM heartbeats").fetchone()[0]
    assert count <= 4 * 24 * 2 + 4 + 1


def test_heartbeat_interval_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(heartbeat.INTERVAL_ENV, raising=False)
    assert heartbeat.interval() == 15.0
    monkeypatch.setenv(heartbeat.INTERVAL_ENV, "1")
    assert heartbeat.interval() == 1.0
    monkeypatch.setenv(heartbeat.INTERVAL_ENV, "nonsense")
    assert heartbeat.interval() == 15.0


# --- idle ---------------------------------------------------------------------------------


def test_idle_span_is_asked_about_when_input_returns(svc: Sessiond) -> None:
    session = running(svc)
    jobs = Jobs(svc, heartbeat_every=15)  # idle_minutes = 10 by default
    now = T0 + timedelta(minutes=20)
    assert jobs.observe_idle(now, 30) == []
    # Last input at 09:20:30; at 09:30:30 that is 10 min: he is told, not asked yet.
    started = jobs.observe_idle(now + timedelta(minutes=10, seconds=30), 600)
    assert [n.kind for n in started] == ["idle-started"] and not started[0].question
    assert jobs.observe_idle(now + timedelta(minutes=25), 1470) == []
    # Input again at 09:47:58.
    asked = jobs.observe_idle(now + timedelta(minutes=28), 2)
    assert [(q.kind, q.session_id, q.data["start"], q.data["end"]) for q in asked] == [
        ("idle", session, "2026-11-20T09:20:30Z", "2026-11-20T09:47:58Z")]
    assert asked[0].question


def test_idle_without_a_running_session_asks_nothing(svc: Sessiond) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    assert jobs.observe_idle(T0, 3600) == []
    assert jobs.observe_idle(T0 + timedelta(minutes=1), 1) == []


def test_idle_span_open_at_shutdown_is_asked(svc: Sessiond) -> None:
    running(svc)
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.observe_idle(T0 + timedelta(minutes=30), 900)
    asked = jobs.flush_idle(T0 + timedelta(minutes=31))
    assert [(q.data["start"], q.data["end"]) for q in asked] == [
        ("2026-11-20T09:15:00Z", "2026-11-20T09:31:00Z")]


# --- hotkeys --------------------------------------------------------------------------------


def test_hotkeys_drive_the_current_session(svc: Sessiond) -> None:
    client = svc.add_client("Jeanne Martin", at=T0)
    session = svc.new_session(client, policy="vlh", at=T0)
    svc.consent(session, channel="oral", by="Jeanne", at=T0)
    jobs = Jobs(svc, heartbeat_every=15)
    steps = [("start", "running"), ("start", "running"), ("pause", "paused"),
             ("pause", "paused"), ("start", "running"), ("stop", "stopped"),
             ("stop", "stopped")]
    now = T0 + timedelta(minutes=1)
    for action, state in steps:
        jobs.hotkey(action, now)
        assert svc.session(session).state.value == state
        now += timedelta(minutes=1)
    kinds = [e.kind for e in svc.session_events(session)]
    assert [k for k in kinds if k.startswith("session-")] == [
        "session-planned", "session-started", "session-paused", "session-resumed",
        "session-stopped"]
    assert kinds.count("session-started") == 1 and kinds.count("session-stopped") == 1
    said = [n.message for n in notices.recent(svc.store.conn)]
    assert any("déjà en cours" in m for m in said)
    assert any("Aucune intervention en cours ou en pause" in m for m in said)


def test_hotkey_start_without_consent_explains(svc: Sessiond) -> None:
    client = svc.add_client("Jeanne Martin", at=T0)
    session = svc.new_session(client, policy="vlh", at=T0)
    notice = Jobs(svc, heartbeat_every=15).hotkey("start", T0 + timedelta(minutes=1))
    assert notice is not None and "consentement" in notice.message.lower()
    assert svc.session(session).state.value == "planned"


def test_decide_picks_the_current_session(svc: Sessiond) -> None:
    a = running(svc, at=T0)
    b = running(svc, at=T0 + timedelta(minutes=5))
    svc.pause(a, at=T0 + timedelta(minutes=6))
    open_ = svc.open_sessions()
    assert decide("pause", open_).session_id == b
    assert decide("stop", open_).session_id == b
    assert decide("start", open_).verb is None  # b runs already
    svc.pause(b, at=T0 + timedelta(minutes=7))
    open_ = svc.open_sessions()
    assert (decide("start", open_).verb, decide("start", open_).session_id) == ("resume", b)


# --- tranche reminders ----------------------------------------------------------------------


def policy_ids() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.toml"))


@pytest.mark.parametrize("policy_id", policy_ids())
def test_reminders_fire_at_the_right_second(svc: Sessiond, policy_id: str) -> None:
    model = load_policy(policy_id).tranches
    session = running(svc, policy_id)
    jobs = Jobs(svc, heartbeat_every=15)  # reminder_minutes = 2
    lead = timedelta(minutes=2)
    boundaries = [model.first_block_seconds + model.grace_seconds + k *
                  model.increment_seconds for k in range(3)]
    now = T0 + timedelta(seconds=30)
    for boundary in boundaries:
        tranche_at = T0 + timedelta(seconds=boundary)
        (planned,) = jobs.reminders(now)
        assert planned.fire_at == tranche_at - lead
        assert planned.tranche_at == tranche_at
        assert jobs.remind(session, planned.fire_at - timedelta(seconds=1)) is None
        notice = jobs.remind(session, planned.fire_at)
        assert notice is not None and notice.kind == "tranche"
        minutes = model.increment_seconds // 60
        length = f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"
        assert f"dans 2\u00a0min, tranche suivante, +{length} / +" in notice.message
        assert notice.message.endswith(" €")  # the amount as bills write it
        # Once only, even when the job runs again.
        assert jobs.remind(session, planned.fire_at + timedelta(seconds=5)) is None
        now = tranche_at + timedelta(seconds=1)


def test_reminder_amount_is_the_bill_growth(svc: Sessiond) -> None:
    # vlh: the first hour is billed whole, then 15-minute tranches (and a new client's
    # first intervention has its discount: the reminder says what the bill really adds).
    session = running(svc, "vlh")
    jobs = Jobs(svc, heartbeat_every=15)
    (planned,) = jobs.reminders(T0 + timedelta(minutes=10))
    assert planned.seconds == 900

    def total(at: datetime) -> Decimal:
        history = History(tuple(svc.client_sessions(svc.session(session).client_id)))
        return bill(svc.session(session), load_policy("vlh"), history, at).total

    at = planned.tranche_at
    assert planned.amount == total(at + timedelta(seconds=1)) - total(at) > 0
    notice = jobs.remind(session, planned.fire_at)
    assert notice is not None
    assert f"+{str(planned.amount).replace('.', ',')} €" in notice.message


def test_reminder_moves_with_pauses_and_reviewed_spans(svc: Sessiond) -> None:
    session = running(svc, "md-micro-services")  # 15-minute blocks
    jobs = Jobs(svc, heartbeat_every=15)
    svc.pause(session, at=T0 + timedelta(minutes=5))
    assert jobs.reminders(T0 + timedelta(minutes=6)) == []  # paused: nothing to arm
    svc.resume(session, at=T0 + timedelta(minutes=25))
    (planned,) = jobs.reminders(T0 + timedelta(minutes=26))
    # 5 min worked before the pause; the block ends after 10 more: 09:35; remind 09:33.
    assert planned.fire_at == T0 + timedelta(minutes=33)
    svc.review_span(session, start=datetime(2026, 11, 20, 9, 25, tzinfo=UTC),
                    end=datetime(2026, 11, 20, 9, 27, tzinfo=UTC), cause="idle",
                    decision="paused", at=T0 + timedelta(minutes=27))
    (planned,) = jobs.reminders(T0 + timedelta(minutes=28))
    assert planned.fire_at == T0 + timedelta(minutes=35)


def test_user_policy_with_grace(svc: Sessiond, home: Path) -> None:
    own = home / "policies"
    own.mkdir(parents=True, exist_ok=True)
    text = (shipped_dir() / "vlh.toml").read_text(encoding="utf-8")
    assert "grace_seconds = 0" in text
    (own / "vlh.toml").write_text(text.replace("grace_seconds = 0", "grace_seconds = 300"),
                                  encoding="utf-8")
    session = running(svc, "vlh")
    jobs = Jobs(svc, heartbeat_every=15)
    (planned,) = jobs.reminders(T0 + timedelta(minutes=1))
    assert planned.tranche_at == T0 + timedelta(seconds=3600 + 300)
    assert jobs.remind(session, planned.fire_at) is not None


def test_broken_policy_does_not_stop_the_jobs(svc: Sessiond, home: Path) -> None:
    running(svc, "vlh")
    own = home / "policies"
    own.mkdir(parents=True, exist_ok=True)
    (own / "vlh.toml").write_text("schema = [", encoding="utf-8")
    assert Jobs(svc, heartbeat_every=15).reminders(T0 + timedelta(minutes=1)) == []


def test_no_reminder_when_disabled(svc: Sessiond, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[daemon]\nreminder_minutes = 0\n", encoding="utf-8")
    service = Sessiond()
    try:
        running(service, "vlh")
        assert Jobs(service, heartbeat_every=15).reminders(T0 + timedelta(minutes=1)) == []
    finally:
        service.close()
