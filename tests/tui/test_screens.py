"""The other paths through the screens: exceptions, facts, clients, keys, language."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Footer, Select

from sessiond import clock as real_clock
from sessiond.i18n import set_language
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.tui.app import SessiondApp
from sessiond.tui.format import short_day
from sessiond.tui.screens.before_start import BeforeStartScreen
from sessiond.tui.screens.clients import ClientsScreen
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import TodayScreen
from sessiond.tui.widgets.dialogs import (
    AmountDialog,
    ArtifactDialog,
    QuestionDialog,
    ReasonDialog,
)
from tests.tui.conftest import FakeClock, settle, shown, wait_for


def kinds(svc: Sessiond, session_id: str) -> list[str]:
    return [e.kind for e in svc.session_events(session_id)]


def planned(svc: Sessiond, policy: str = "vlh") -> str:
    client = svc.add_client("Mme Roux")
    return svc.new_session(client, policy=policy, problems=["Virus"])


async def test_checklist_records_items_and_start_without_consent(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session_id = planned(svc)
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_session(session_id)
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert "Enregistrez d'abord le consentement" in shown(app, "#start-hint")

        # The quote (signed by) and the backup answer, each from its own line.
        await pilot.click("#quote-by")
        await pilot.press(*"Mme Roux", "enter")
        await wait_for(pilot, lambda: "quote-accepted" in kinds(other, session_id))
        app.screen.query_one("#backup-answer", Select).value = "client-has-own"
        await pilot.click("#record-backup")
        await wait_for(pilot, lambda: "backup-status" in kinds(other, session_id))
        await settle(pilot)
        assert "✔" in shown(app, "#item-quote .item-title")
        backup = other.session_events(session_id)[-1]
        assert backup.body == {"offered": True, "answer": "client-has-own"}

        # Without consent: a reason is required, recorded, and the clock starts.
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press("ctrl+s")  # no reason: refused, the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"client injoignable", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        started = other.session_events(session_id)[-1]
        assert started.body["without_consent"] is True
        assert started.personal == {"reason": "client injoignable"}
        assert "SANS consentement" in shown(app, "#since")


async def test_running_facts(svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session_id = planned(svc)
    svc.consent(session_id, channel="oral", by="Mme Roux", at=clock.at)
    svc.start(session_id, at=clock.at)
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_session(session_id)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        await pilot.press("k")
        await wait_for(pilot, lambda: "control-returned" in kinds(other, session_id))
        await pilot.press("d")
        await wait_for(pilot, lambda: "disconnect-confirmed" in kinds(other, session_id))

        # An artifact, with the client's request; a secret in the request is refused.
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ArtifactDialog))
        await pilot.click("#request Input")
        await pilot.press(*"mdp : Soleil2024", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArtifactDialog)  # not sent
        app.screen.query_one("#request Input").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"copie des photos, demandée au téléphone", "ctrl+s")
        await wait_for(pilot, lambda: "artifact-recorded" in kinds(other, session_id))
        artifact = other.session_events(session_id)[-1]
        assert artifact.body == {"artifact": "file-copy", "client_requested": True}
        await wait_for(pilot, lambda: "photos" in shown(app, "#timeline"))
        assert "le client a repris la main" in shown(app, "#timeline")


async def test_clients_screen_adds_client_and_prepaid_hours(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("M. Garnier", at=clock.at)
    svc.new_session(client, policy="mri87", at=clock.at)
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen))
        await settle(pilot)
        assert "Aucun forfait" in shown(app, "#credit")
        await pilot.press("plus")
        await wait_for(pilot, lambda: isinstance(app.screen, AmountDialog))
        await pilot.press(*"3,5", "enter")
        await wait_for(pilot, lambda: any(e.kind == "credit-added"
                                          for e in other.client_events(client)))
        # A number and its unit never break apart: no-break spaces.
        await wait_for(pilot, lambda: "3\u00a0h 30\u00a0min" in shown(app, "#credit"))
        await pilot.press("a")
        await pilot.press(*"Mme Faure", "enter")
        await wait_for(pilot, lambda: len(other.clients()) == 2)
        await wait_for(pilot, lambda: app.screen.query_one("#clients", DataTable).row_count
                       == 2)


async def test_clients_history_dates_a_session_by_its_service(
        svc: Sessiond, clock: FakeClock) -> None:
    # Planned ten days before it took place: the history gives the day of the work, as the
    # invoice, the receipt, the day's export and client show do, not the day it was planned.
    client = svc.add_client("M. Garnier", at=clock.at - timedelta(days=11))
    session = svc.new_session(client, policy="vlh", at=clock.at - timedelta(days=10))
    svc.consent(session, channel="oral", by="M. Garnier", at=clock.at - timedelta(hours=2))
    svc.start(session, at=clock.at - timedelta(hours=2))
    svc.stop(session, at=clock.at - timedelta(hours=1))
    worked_on = short_day(clock.at - timedelta(hours=2), svc.tz)
    planned_on = short_day(clock.at - timedelta(days=10), svc.tz)
    assert worked_on != planned_on
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen))
        history = app.screen.query_one("#history", DataTable)
        await wait_for(pilot, lambda: history.row_count == 1)
        assert str(history.get_row_at(0)[0]) == worked_on


async def test_keys_remapped_from_the_configuration(home: Path, clock: FakeClock) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[keymap]\n"session.pause" = "f5"\n')
    svc, other = Sessiond(), Sessiond()
    try:
        session_id = planned(svc)
        svc.consent(session_id, channel="oral", by="Mme Roux", at=clock.at)
        svc.start(session_id, at=clock.at)
        app = SessiondApp(svc, now=clock, jobs=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await app.open_session(session_id)
            await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
            await pilot.press("p")  # no longer bound
            await settle(pilot)
            assert other.session(session_id).state is State.RUNNING
            await pilot.press("f5")  # pauses at once
            await wait_for(pilot, lambda: other.session(session_id).state is State.PAUSED)
    finally:
        svc.close()
        other.close()


async def test_command_palette_opens_a_session(svc: Sessiond, clock: FakeClock) -> None:
    session_id = planned(svc)
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Ouvrir Mme Roux")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert app.screen.session_id == session_id  # type: ignore[attr-defined]


async def test_daemon_question_answered_here(svc: Sessiond, other: Sessiond) -> None:
    """A span the daemon could not see: the TUI asks, the answer becomes an event."""
    now = real_clock.whole_second(real_clock.now())
    session_id = planned(svc)
    svc.consent(session_id, channel="oral", by="Mme Roux", at=now)
    svc.start(session_id, at=now)
    app = SessiondApp(svc, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with other.store.writing():  # as the daemon does, from its own process
            notices.post(other.store.conn, now=now, kind="suspend", session_id=session_id,
                         message="Séance : 20 min sans trace. Travaillé ou en pause ?",
                         question=True, data={"start": real_clock.to_text(now),
                                              "end": real_clock.to_text(now),
                                              "cause": "suspend"})
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionDialog))
        await pilot.press("p")
        await wait_for(pilot, lambda: "span-reviewed" in kinds(other, session_id))
        assert other.session_events(session_id)[-1].body["decision"] == "paused"
        assert not notices.pending_questions(other.store.conn)


async def test_english(svc: Sessiond, clock: FakeClock) -> None:
    set_language("en")
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        footer = app.screen.query_one(Footer)
        descriptions = {b.binding.description
                        for b in footer.screen.active_bindings.values()}
        assert {"New session", "Clients", "Terms"} <= descriptions
        assert "Day total" in shown(app, "#totals")


def test_bad_configuration_is_said_before_the_screen_opens(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sessiond.tui.app import run

    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('timezone = 3\n')
    assert run() == 2
    assert "timezone" in capsys.readouterr().err


async def test_a_log_edited_into_what_sessiond_never_writes_ends_in_one_line(
        home: Path, clock: FakeClock, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An event edited behind sessiond's back (session-started's body a list) ends the
    screen that folds it: the interface leaves saying the log fails verification, as the
    CLI does (exit 3), not with a traceback of a bug to report."""
    import sqlite3

    svc = Sessiond()
    session_id = planned(svc)
    svc.consent(session_id, channel="oral", by="Mme Roux")
    svc.start(session_id)
    svc.close()
    db = sqlite3.connect(home / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_update")
    db.execute("UPDATE events SET body = '[1]' WHERE kind = 'session-started'")
    db.commit()
    db.close()
    svc = Sessiond()
    try:
        app = SessiondApp(svc, now=clock, jobs=False, receipts_dir=tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.return_code is not None)
        assert app.return_code == 3
        said = " ".join(capsys.readouterr().err.split())  # as the terminal wrapped it
        assert said.startswith("sessiond: Le journal échoue à la vérification"), said
        assert "n° 4 " in said and "Traceback" not in said, said
    finally:
        svc.close()
