"""Corrections where the technician is (issue 18): each one driven with the keyboard, then
read back from the log through a second connection (`other`), as another process sees it:
the correcting event is there with its reason, and the projection changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Digits, Input, OptionList, Static

from sessiond.billing import worked_seconds
from sessiond.errors import InputError
from sessiond.exports.invoice import issue_invoice
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.tui.screens.before_start import BeforeStartScreen
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.screens.new_session import NewSessionScreen
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import TodayScreen
from sessiond.tui.widgets.corrections import (
    AmendDialog,
    CorrectionsDialog,
    MoveDialog,
)
from sessiond.tui.widgets.dialogs import ClientDialog, ConfirmDialog, TextDialog
from sessiond.tui.widgets.picker import ClientPicker
from tests.tui.conftest import (
    T0,
    FakeClock,
    open_new_session,
    screen_text,
    settle,
    shown,
    toasts,
    wait_for,
)
from tests.tui.test_day import app_for, running
from tests.tui.test_invoices import ADDRESS, identified  # noqa: F401 - a fixture


def of_kind(svc: Sessiond, session_id: str, kind: str) -> list[Any]:
    return [e for e in svc.session_events(session_id) if e.kind == kind]


def seq_of(svc: Sessiond, session_id: str, kind: str) -> int:
    return of_kind(svc, session_id, kind)[-1].seq


async def shown_dialog(pilot: Any, dialog: type) -> None:
    """Wait until `dialog` is on top with the keyboard in it (its on_mount has run): the
    keys pressed next are its own."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, dialog)
                   and app.screen.focused is not None)


async def choose(pilot: Any, key: str) -> None:
    """In the corrections' list, put the cursor on `key` and take it (Enter)."""
    app = pilot.app
    await shown_dialog(pilot, CorrectionsDialog)
    options = app.screen.query_one("#correctable", OptionList)
    options.highlighted = options.get_option_index(key)
    await pilot.press("enter")


async def open_session(pilot: Any, session_id: str, screen: type) -> None:
    app = pilot.app
    await settle(pilot)
    await app.open_session(session_id)
    await wait_for(pilot, lambda: isinstance(app.screen, screen))
    await settle(pilot)


async def open_correction(pilot: Any, session_id: str, screen: type, key: str,
                          dialog: type) -> None:
    """Open the session on `screen`, its corrections (c), take `key`, and wait for its
    `dialog`."""
    await open_session(pilot, session_id, screen)
    await pilot.press("c")
    await choose(pilot, key)
    await shown_dialog(pilot, dialog)


# --- 1. the time of a transition ---------------------------------------------------------

async def test_amend_the_start_from_the_running_screen(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock)  # started 13:50 (Paris), ten minutes ago
    start = seq_of(svc, session, "session-started")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_session(pilot, session, RunningScreen)
        assert app.screen.query_one("#clock", Digits).value == "0:10:00"
        amount = shown(app, "#amount")
        await pilot.press("c")
        await shown_dialog(pilot, CorrectionsDialog)
        # The cursor is on the newest transition: here the start.
        options = app.screen.query_one("#correctable", OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == f"amend-{start}"
        await pilot.press("enter")
        await shown_dialog(pilot, AmendDialog)
        await pilot.press(*"12:30", "enter", *"démarrage oublié", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
        (amended,) = of_kind(other, session, "instant-amended")
        assert amended.body["corrects"] == start
        assert amended.personal["reason"] == "démarrage oublié"
        corrected = other.session(session)
        assert corrected.started_at == datetime(2026, 3, 10, 11, 30, tzinfo=UTC)
        assert worked_seconds(corrected, clock.at) == 90 * 60
        # The screen follows: clock, amount and the timeline, which marks the start.
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen)
                       and app.screen.query_one("#clock", Digits).value == "1:30:00")
        assert shown(app, "#amount") != amount  # the first hour and two tranches now
        timeline = shown(app, "#timeline")
        assert "12:30:00  démarrée (heure corrigée)" in timeline
        assert "une heure corrigée\u202f: démarrage oublié" in timeline
        assert "démarrée à 12:30" in shown(app, "#since")


@pytest.mark.parametrize(("typed", "minute"), [("10/03 13h35", 35),
                                               ("aujourd'hui 13h40", 40),
                                               ("2026-03-10T12:45Z", 45)])
async def test_the_time_is_typed_in_every_form_the_command_line_takes(
        svc: Sessiond, other: Sessiond, clock: FakeClock, typed: str, minute: int) -> None:
    """The form took only digits, ':', 'h', 'T', '+', '-' and spaces: "30/11 9h30",
    "hier 18:30" or an instant in UTC, which `--at` reads, could not be typed at all."""
    session = running(svc, clock)  # started 13:50 (Paris)
    start = seq_of(svc, session, "session-started")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{start}", AmendDialog)
        await pilot.press(*typed)
        assert app.screen.query_one("#time", Input).value == typed
        await pilot.press("enter", *"démarrage oublié", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
    assert other.session(session).started_at == datetime(2026, 3, 10, 12, minute, tzinfo=UTC)


async def test_amend_refused_after_the_next_step_or_in_the_future(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock, minutes=30)  # 13:30
    svc.pause(session, at=clock.at - timedelta(minutes=15))  # 13:45
    pause = seq_of(svc, session, "session-paused")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{pause}", AmendDialog)
        dialog = app.screen
        # Before the start: refused here, naming the start as the timeline shows it.
        await pilot.press(*"13:20", "enter", *"pause mal placée", "enter")
        await wait_for(pilot, lambda: dialog.query_one("#refusal", Static).display)
        assert ("«\u00a0en pause\u00a0» à 13:20:00 viendrait avant «\u00a0démarrée\u00a0» "
                "à 13:30:00") in shown(app, "#refusal")
        # A resume typed meanwhile in another terminal: the service, which checks against
        # the log as it is, refuses a pause after it, naming that resume.
        other.resume(session, at=clock.at - timedelta(minutes=10))  # 13:50
        resume = seq_of(other, session, "session-resumed")
        before = len(other.session_events(session))
        time = dialog.query_one("#time", Input)
        time.value = "13:55"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: f"n°\u00a0{resume}" in shown(app, "#refusal"))
        assert app.screen is dialog  # the dialog stays, to type it again
        # In the future: the parser refuses before the service is asked.
        time.value = "2026-03-10 15:30"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "futur" in shown(app, "#refusal"))
        # HH:MM that would mean yesterday (more than 12 hours ago) is refused too.
        time.value = "14:30"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "12\u00a0heures" in shown(app, "#refusal"))
        await settle(pilot)
        assert len(other.session_events(session)) == before  # nothing written
        assert of_kind(other, session, "instant-amended") == []
        assert other.session(session).pauses[0].start == clock.at - timedelta(minutes=15)


async def test_a_correction_more_than_7_days_back_is_confirmed_first(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock)
    start = seq_of(svc, session, "session-started")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{start}", AmendDialog)
        await pilot.press(*"2026-03-01 09:00", "enter", *"oubli de la semaine passée",
                          "enter")
        await shown_dialog(pilot, ConfirmDialog)
        assert "plus de 7\u00a0jours" in screen_text(app)
        await pilot.press("escape")  # not confirmed: nothing is written
        await shown_dialog(pilot, AmendDialog)
        await settle(pilot)
        assert of_kind(other, session, "instant-amended") == []
        await pilot.press("ctrl+s")
        await shown_dialog(pilot, ConfirmDialog)
        await pilot.press("enter")  # "Oui, corriger"
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
        assert other.session(session).started_at == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


# --- 2. reopen ---------------------------------------------------------------------------

async def test_reopen_a_stop_pressed_by_mistake(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock)
    svc.stop(session, at=clock.at)
    stop = seq_of(svc, session, "session-stopped")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_session(pilot, session, EndScreen)
        clock.advance(minutes=5)
        await pilot.press("o")
        await shown_dialog(pilot, TextDialog)
        await pilot.press(*"arrêt trop tôt", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "session-reopened"))
        (reopened,) = of_kind(other, session, "session-reopened")
        assert reopened.body["corrects"] == stop
        assert reopened.personal["reason"] == "arrêt trop tôt"
        assert other.session(session).state is State.PAUSED
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert app.screen.query_one("#clock", Digits).value == "0:10:00"  # the gap unbilled
        await pilot.press("r")  # and it goes on
        await wait_for(pilot, lambda: other.session(session).state is State.RUNNING)


# --- 3. cancel ---------------------------------------------------------------------------

async def test_cancel_a_session_planned_by_mistake(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("M. Erreur", at=clock.at)
    planned = svc.new_session(client, policy="vlh", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert planned in app.screen.query_one("#sessions", DataTable).rows
        await open_session(pilot, planned, BeforeStartScreen)
        assert "^r Corriger" in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+r")
        await choose(pilot, "cancel")
        await shown_dialog(pilot, TextDialog)
        await pilot.press(*"préparée par erreur", "enter")
        await wait_for(pilot, lambda: of_kind(other, planned, "session-cancelled"))
        (cancelled,) = of_kind(other, planned, "session-cancelled")
        assert cancelled.personal["reason"] == "préparée par erreur"
        assert other.session(planned).state is State.CANCELLED
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        await wait_for(pilot, lambda: planned not in app.screen.query_one(
            "#sessions", DataTable).rows)


async def test_cancel_from_today_s_row(svc: Sessiond, other: Sessiond,
                                       clock: FakeClock) -> None:
    started = running(svc, clock)
    client = svc.add_client("M. Erreur", at=clock.at)
    planned = svc.new_session(client, policy="vlh", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.get_row_index(started) == table.cursor_row  # the running one on top
        assert "x Annuler" not in screen_text(app).splitlines()[-1]  # it has started
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)  # nothing to cancel there
        table.move_cursor(row=table.get_row_index(planned))
        await wait_for(pilot, lambda: "x Annuler" in screen_text(app).splitlines()[-1])
        await pilot.press("x")
        await shown_dialog(pilot, TextDialog)
        await pilot.press(*"doublon", "enter")
        await wait_for(pilot, lambda: of_kind(other, planned, "session-cancelled"))
        assert of_kind(other, planned, "session-cancelled")[0].personal["reason"] == "doublon"
        await wait_for(pilot, lambda: planned not in table.rows)
        assert started in table.rows and other.session(started).state is State.RUNNING


async def test_cancel_a_session_started_twice_from_its_running_screen(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """The same work started twice: the running screen of the second one offers to cancel
    it as a duplicate of the first (the client's other session of that day with work)."""
    work = running(svc, clock, minutes=20)
    client = svc.session(work).client_id
    twice = svc.new_session(client, policy="vlh", at=clock.at - timedelta(minutes=6))
    svc.consent(twice, channel="oral", by="Mme Roux", at=clock.at - timedelta(minutes=6))
    svc.start(twice, at=clock.at - timedelta(minutes=5))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_session(pilot, twice, RunningScreen)
        await pilot.press("c")
        await shown_dialog(pilot, CorrectionsDialog)
        options = app.screen.query_one("#correctable", OptionList)
        keys = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert f"duplicate-{work}" in keys and "cancel" not in keys
        assert work in screen_text(app) and "doublon" in screen_text(app)
        await choose(pilot, f"duplicate-{work}")
        await shown_dialog(pilot, TextDialog)
        assert work in screen_text(app)  # the form says which one keeps the work
        await pilot.press(*"lancée deux fois", "enter")
        await wait_for(pilot, lambda: of_kind(other, twice, "session-cancelled"))
        (cancelled,) = of_kind(other, twice, "session-cancelled")
        assert cancelled.body == {"duplicate_of": work}
        assert cancelled.personal["reason"] == "lancée deux fois"
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        table = app.screen.query_one("#sessions", DataTable)
        await wait_for(pilot, lambda: twice not in table.rows)
        assert work in table.rows and other.session(work).state is State.RUNNING


# --- 4. another client -------------------------------------------------------------------
async def pick_another_client(pilot: Any, session: str, client: str) -> list[str]:
    """From the end screen, the move form with `client` chosen (typed "lefe"): the ids of
    the clients the picker offered."""
    app = pilot.app
    await open_correction(pilot, session, EndScreen, "move", MoveDialog)
    await wait_for(pilot, lambda: app.screen.query_one(ClientPicker).clients)
    offered = [c.id for c in app.screen.query_one(ClientPicker).clients]
    await pilot.press(*"lefe", "enter")
    await wait_for(pilot, lambda: app.screen.query_one(ClientPicker).value == client)
    return offered



async def test_change_the_client_from_the_end_screen(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock, name="Mme Roux")
    svc.stop(session, at=clock.at)
    right = svc.add_client("M. Lefèvre", email="lefevre@example.fr", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        offered = await pick_another_client(pilot, session, right)
        assert offered == [right]
        await pilot.press(*"mauvais client choisi", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "session-moved"))
        (moved,) = of_kind(other, session, "session-moved")
        assert moved.body["to_client"] == right
        assert moved.personal["reason"] == "mauvais client choisi"
        assert other.session(session).client_id == right
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen)
                       and "M. Lefèvre" in shown(app, "#summary"))


@pytest.mark.usefixtures("identified")
async def test_an_invoiced_session_keeps_its_client_as_the_command_line_says(
        svc: Sessiond, other: Sessiond, clock: FakeClock,
        tmp_path: Path) -> None:
    """The move form refuses what `session move` refuses, in the same words: an invoice
    is addressed to its client, cancelled by a credit note before the session moves."""
    session = running(svc, clock, name="Mme Roux")
    svc.stop(session, at=clock.at)
    svc.edit_client(svc.session(session).client_id, address=ADDRESS)
    number = issue_invoice(svc, [session], tmp_path, now=clock.at).number
    right = svc.add_client("M. Lefèvre", email="lefevre@example.fr", at=clock.at)
    with pytest.raises(InputError) as refused:
        other.move_session(session, client_id=right, reason="mauvais client")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pick_another_client(pilot, session, right)
        await pilot.press(*"mauvais client", "enter")
        await wait_for(pilot, lambda: str(refused.value) in toasts(app))
    assert number in str(refused.value) and not of_kind(other, session, "session-moved")


@pytest.mark.usefixtures("identified")
async def test_a_time_corrected_on_an_invoiced_session_says_the_invoice_is_left_behind(
        svc: Sessiond, other: Sessiond, clock: FakeClock, tmp_path: Path) -> None:
    """As `sessiond amend` says it: the invoice no longer states the session, and the
    credit note to issue; the words are the check's."""
    session = running(svc, clock, name="Mme Roux")
    svc.stop(session, at=clock.at)
    svc.edit_client(svc.session(session).client_id, address=ADDRESS)
    number = issue_invoice(svc, [session], tmp_path, now=clock.at).number
    stop = seq_of(svc, session, "session-stopped")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, EndScreen, f"amend-{stop}", AmendDialog)
        await pilot.press(*"13:58", "enter", *"arrêt noté tard", "enter")
        await wait_for(pilot, lambda: any(f"sessiond invoice cancel {number}" in t
                                          for t in toasts(app)))
    (said,) = other.outdated_documents(session)
    assert said.message in toasts(app)


async def test_a_start_corrected_to_before_the_consent_says_so_as_amend_does(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock)  # consent and start at 13:50 (Paris)
    start = seq_of(svc, session, "session-started")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{start}", AmendDialog)
        await pilot.press(*"13:40", "enter", *"démarrage oublié", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
        (consent,) = [f for f in other.check(other.session(session)).findings
                      if f.rule == "consent-before-access"]
        await wait_for(pilot, lambda: consent.message in toasts(app))


async def test_the_consent_time_is_corrected_from_the_list_as_amend_does(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """The consent's time typed wrong was not in the corrections' list (nor accepted by
    `amend`): corrected there, the consent the check reads is the corrected one, and a
    consent moved after the start says so at once."""
    session = running(svc, clock)  # consent and start at 13:50 (Paris)
    consent = seq_of(svc, session, "consent-recorded")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{consent}",
                              AmendDialog)
        await pilot.press(*"13:55", "enter", *"heure mal tapée", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
        (amended,) = of_kind(other, session, "instant-amended")
        assert amended.body["corrects"] == consent
        (finding,) = [f for f in other.check(other.session(session)).findings
                      if f.rule == "consent-before-access"]
        assert amended.seq in finding.events
        await wait_for(pilot, lambda: finding.message in toasts(app))


# --- 5. notes ----------------------------------------------------------------------------

async def test_withdraw_a_payment_typed_twice(svc: Sessiond, other: Sessiond,
                                             clock: FakeClock) -> None:
    session = running(svc, clock)
    svc.stop(session, at=clock.at)
    for _ in range(2):
        svc.record_payment(session, amount="20", method="card", at=clock.at)
    twice = max(e.seq for e in of_kind(svc, session, "payment-recorded"))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, EndScreen, f"withdraw-{twice}", TextDialog)
        await pilot.press(*"saisi deux fois", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "fact-withdrawn"))
        (withdrawn,) = of_kind(other, session, "fact-withdrawn")
        assert withdrawn.body["corrects"] == twice
        assert withdrawn.personal["reason"] == "saisi deux fois"
        paid = [e for e in other.session(session).events if e.kind == "payment-recorded"]
        assert len(paid) == 1  # the bill and the documents see one payment
        # What is withdrawn is no longer offered.
        await pilot.press("c")
        await shown_dialog(pilot, CorrectionsDialog)
        ids = [o.id for o in app.screen.query_one("#correctable", OptionList).options]
        assert f"withdraw-{twice}" not in ids and f"withdraw-{paid[0].seq}" in ids


async def test_replace_a_note(svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock)
    svc.note(session, "Pilote imprimente réinstallé [/]", at=clock.at - timedelta(minutes=2))
    note = seq_of(svc, session, "note-added")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"note-{note}", ConfirmDialog)
        await pilot.press("enter")  # "Remplacer le texte"
        await shown_dialog(pilot, TextDialog)
        field = app.screen.query_one("#text Input", Input)
        assert field.value == "Pilote imprimente réinstallé [/]"  # edited, not retyped
        field.value = ""
        await pilot.press(*"Pilote imprimante réinstallé [/]", "enter")
        await wait_for(pilot, lambda: len(of_kind(other, session, "note-added")) == 2)
        old, new = of_kind(other, session, "note-added")
        assert (old.seq, new.body["replaces"]) == (note, note)
        assert new.personal["text"] == "Pilote imprimante réinstallé [/]"
        await wait_for(pilot, lambda: "(remplacée)" in shown(app, "#timeline"))
        timeline = shown(app, "#timeline")
        assert "note\u202f: Pilote imprimente réinstallé [/] (remplacée)" in timeline
        assert "note\u202f: Pilote imprimante réinstallé [/]" in timeline
        # The replaced note is no longer offered; the new one is.
        await pilot.press("c")
        await shown_dialog(pilot, CorrectionsDialog)
        ids = [o.id for o in app.screen.query_one("#correctable", OptionList).options]
        assert f"note-{note}" not in ids and f"note-{new.seq}" in ids


async def test_a_note_to_replace_is_edited_as_the_terminal_can_draw_it(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """A note stored with a terminal's escape sequences, a direction override and two
    lines (the CLI's `note`, a pasted chat): its field draws neither the controls nor a raw
    line end, and what is saved is what the field showed."""
    text = "Client\x1b]0;pwn\x07\x1b[2J rappelé\u202e 14h\nImprimante [b]HS[/]"
    svc.note(session := running(svc, clock), text, at=clock.at - timedelta(minutes=2))
    note = seq_of(svc, session, "note-added")
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"note-{note}", ConfirmDialog)
        await pilot.press("enter")  # "Remplacer le texte"
        await shown_dialog(pilot, TextDialog)
        field = app.screen.query_one("#text Input", Input)
        assert field.value == "Client]0;pwn[2J rappelé 14h Imprimante [b]HS[/]"
        drawn = "".join(segment.text for strip in field.render_lines(field.region.reset_offset)
                        for segment in strip)
        assert not {"\x1b", "\x07", "\u202e", "\n"} & set(drawn)
        await pilot.press("end", *" (rappel fait)", "enter")
        await wait_for(pilot, lambda: len(of_kind(other, session, "note-added")) == 2)
        new = of_kind(other, session, "note-added")[1]
        assert new.personal["text"] == \
            "Client]0;pwn[2J rappelé 14h Imprimante [b]HS[/] (rappel fait)"


async def test_a_note_to_replace_is_edited_without_what_shows_nothing(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """A note stored with a zero-width space, a word joiner and a byte order mark (the
    CLI's `note`, a pasted chat): written out on every list, its correction's field showed
    "rappel 14h" and saved them again unseen. The field holds what it shows
    (display.field_text): what is saved is what the technician saw and typed."""
    text = "\ufeffrap\u200bpel\u2060 14h\u00ad"
    svc.note(session := running(svc, clock), text, at=clock.at - timedelta(minutes=2))
    note = seq_of(svc, session, "note-added")
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"note-{note}", ConfirmDialog)
        await pilot.press("enter")  # "Remplacer le texte"
        await shown_dialog(pilot, TextDialog)
        field = app.screen.query_one("#text Input", Input)
        assert field.value == "rappel 14h"
        await pilot.press("end", *" fait", "enter")
        await wait_for(pilot, lambda: len(of_kind(other, session, "note-added")) == 2)
        assert of_kind(other, session, "note-added")[1].personal["text"] == "rappel 14h fait"


async def test_a_name_pasted_with_what_shows_nothing_is_added_as_the_field_showed_it(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """A client's name pasted from an e-mail with a zero-width space, a word joiner, a
    direction mark and an override: the field showed "Jeanne Martin", the cursor sat one
    place further per character the field dropped, and the name was added with the
    invisible ones. It is added as shown, and what is typed next goes where the cursor
    shows it."""
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ClientDialog())
        await shown_dialog(pilot, ClientDialog)
        field = app.screen.query_one("#name", Input)
        field.post_message(events.Paste("Jean\u200bne\u2060 \u200eMar\ufefftin\u202e"))
        await wait_for(pilot, lambda: field.value != "")
        assert field.value == "Jeanne Martin"
        assert field.cursor_position == len("Jeanne Martin")
        await pilot.press(*" Roux", "enter")
        await wait_for(pilot, lambda: len(other.clients()) == 1)
    assert [c.name for c in other.clients()] == ["Jeanne Martin Roux"]


async def test_redact_a_note_for_ever(svc: Sessiond, other: Sessiond,
                                      clock: FakeClock) -> None:
    session = running(svc, clock)
    svc.note(session, "client né le 12 mai 1950", at=clock.at - timedelta(minutes=2))
    note = seq_of(svc, session, "note-added")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"note-{note}", ConfirmDialog)
        await pilot.click("#redact")
        await shown_dialog(pilot, TextDialog)
        await pilot.press(*"détail personnel", "enter")
        await shown_dialog(pilot, ConfirmDialog)
        assert "irréversible" in screen_text(app)
        await settle(pilot)
        assert of_kind(other, session, "text-redacted") == []  # asked first
        await pilot.press("enter")  # "Effacer pour toujours"
        await wait_for(pilot, lambda: of_kind(other, session, "text-redacted"))
        (redaction,) = of_kind(other, session, "text-redacted")
        assert redaction.body["corrects"] == note
        assert redaction.personal["reason"] == "détail personnel"
        (kept,) = of_kind(other, session, "note-added")
        assert "text" not in (kept.personal or {})  # unreadable, for good
        assert other.verify().ok
        await wait_for(pilot, lambda: "(effacée)" in shown(app, "#timeline"))
        assert "1950" not in shown(app, "#timeline")


# --- 6. a client added twice -------------------------------------------------------------

@pytest.mark.parametrize("answer", ["use", "add"])
async def test_the_new_client_form_warns_of_a_duplicate(
        svc: Sessiond, other: Sessiond, clock: FakeClock, answer: str) -> None:
    existing = svc.add_client("Jeanne Martin", email="jeanne@example.fr", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_session(pilot, app)
        await pilot.press("ctrl+n")
        await shown_dialog(pilot, ClientDialog)
        await pilot.press(*"jeanne  MARTIN", "enter")  # case and spaces do not count
        await shown_dialog(pilot, ConfirmDialog)
        assert "Ce client existe peut-être déjà" in screen_text(app)
        assert "Jeanne Martin" in screen_text(app)
        await settle(pilot)
        assert len(other.clients()) == 1  # nothing added while asking
        if answer == "use":
            await pilot.press("enter")  # "Utiliser ce client"
        else:
            await pilot.click("#add")
        await wait_for(pilot, lambda: isinstance(app.screen, NewSessionScreen))
        await settle(pilot)
        chosen = app.screen.query_one("#client", ClientPicker).value
        if answer == "use":
            assert chosen == existing
            assert len(other.clients()) == 1
        else:
            assert chosen not in (None, existing)
            assert len(other.clients()) == 2


async def test_the_duplicate_check_is_by_e_mail_too(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    # A name that would be markup is shown as written (and crashes nothing).
    svc.add_client("[/]Jeanne [b]Martin", email="jeanne@example.fr", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ClientDialog("J. Martin-Dupuis"))
        await shown_dialog(pilot, ClientDialog)
        app.screen.query_one("#email", Input).value = "Jeanne@Example.fr"
        await pilot.press("ctrl+s")
        await shown_dialog(pilot, ConfirmDialog)
        assert "1. [/]Jeanne [b]Martin — particulier" in screen_text(app)
        assert "particulier, FR" not in screen_text(app)  # France goes unsaid
        await pilot.press("escape")  # neither: back to the form, nothing added
        await shown_dialog(pilot, ClientDialog)
        await settle(pilot)
        assert len(other.clients()) == 1


# --- the picture -------------------------------------------------------------------------

def test_running_timeline_with_a_corrected_start_80x24(
        snap_compare: Any, svc: Sessiond, fixed_ids: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.tui.test_snapshots import SMALL, Day, then, visible
    from tests.tui.test_snapshots import app_for as snapshot_app

    day = Day(svc)
    # The service stamps a correction with the real time: frozen for the picture.
    monkeypatch.setattr("sessiond.sessions._now", lambda: T0 - timedelta(minutes=1))
    start = seq_of(svc, day.running, "session-started")
    svc.amend(day.running, start, at=T0 - timedelta(minutes=72), reason="début oublié")
    seen: list[str] = []
    assert snap_compare(snapshot_app(svc), terminal_size=SMALL,
                        run_before=then(lambda app: app.open_session(day.running), seen=seen))
    lines = visible(seen, "12:48:00  démarrée (heure corrigée)",
                    "une heure corrigée\u202f: début oublié", "c\u202f: corriger",
                    "p Pause", "f1 Aide")
    assert "f1 Aide" in lines[-1]


async def test_a_time_corrected_onto_another_session_s_minutes_says_so_as_amend_does(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """A start corrected to 13:30 while another client's session ran until 13:45 bills that
    quarter of an hour to both: the command line says so, and so does the form."""
    earlier = running(svc, clock, name="M. Blanc", minutes=40)  # 13:20 (Paris)
    svc.stop(earlier, at=clock.at - timedelta(minutes=15))  # 13:45
    session = running(svc, clock)  # 13:50
    start = seq_of(svc, session, "session-started")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, RunningScreen, f"amend-{start}", AmendDialog)
        await pilot.press(*"13:30", "enter", *"démarrage oublié", "enter")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
        (overlap,) = other.overlaps(session, upto=clock.at)
        assert (overlap.other, overlap.end) == (earlier, clock.at - timedelta(minutes=15))
        said = other.overlap_message(session, overlap)
        await wait_for(pilot, lambda: said in toasts(app))
    assert "13:30:00" in said and "13:45:00" in said and "deux clients" in said


async def test_yesterday_s_stop_corrected_with_a_time_alone_is_refused_with_its_day(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """'13:40' for yesterday's stop at 13:10 meant today's 13:40, billing 24 h more: as
    `sessiond amend` says, the form says what it would mean and to give the day."""
    session = running(svc, clock, minutes=24 * 60 + 50)  # yesterday 13:10 (Paris)
    svc.stop(session, at=clock.at - timedelta(hours=23, minutes=50))  # yesterday 14:10
    stop = seq_of(svc, session, "session-stopped")
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_correction(pilot, session, EndScreen, f"amend-{stop}", AmendDialog)
        dialog = app.screen
        await pilot.press(*"13:40", "enter", *"arrêt noté tard", "enter")
        await wait_for(pilot, lambda: dialog.query_one("#refusal", Static).display)
        assert "--at 2026-03-09T13:40" in shown(app, "#refusal")
        assert of_kind(other, session, "instant-amended") == []
        dialog.query_one("#time", Input).value = "hier 13:40"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: of_kind(other, session, "instant-amended"))
    assert other.session(session).stopped_at == datetime(2026, 3, 9, 12, 40, tzinfo=UTC)
