"""A real day beside the TeamViewer window (issue 16): each defect found and each thing
missing, driven with the keyboard as the technician does it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, OptionList, Select

from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.tui.app import SessiondApp
from sessiond.tui.screens.before_start import BeforeStartScreen
from sessiond.tui.screens.clients import ClientsScreen
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.screens.new_session import NewSessionScreen
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import TodayScreen
from sessiond.tui.widgets.dialogs import AmountDialog, ConfirmDialog, PaymentDialog
from sessiond.tui.widgets.picker import ClientPicker
from sessiond.tui.widgets.scanned import ScannedText
from tests.tui.conftest import (
    FakeClock,
    open_new_session,
    screen_text,
    settle,
    shown,
    toasts,
    toasts_shown,
    wait_for,
)


def kinds(svc: Sessiond, session_id: str) -> list[str]:
    return [e.kind for e in svc.session_events(session_id)]


def running(svc: Sessiond, clock: FakeClock, name: str = "Mme Roux", policy: str = "vlh",
            minutes: float = 10) -> str:
    client = svc.add_client(name, at=clock.at - timedelta(minutes=minutes + 2))
    session = svc.new_session(client, policy=policy, at=clock.at - timedelta(minutes=minutes + 1))
    svc.consent(session, channel="oral", by=name, at=clock.at - timedelta(minutes=minutes))
    svc.start(session, at=clock.at - timedelta(minutes=minutes))
    return session


def app_for(svc: Sessiond, clock: FakeClock, **kwargs: object) -> SessiondApp:
    return SessiondApp(svc, now=clock, jobs=False, **kwargs)  # type: ignore[arg-type]


async def test_note_then_enter_then_p_pauses(svc: Sessiond, other: Sessiond,
                                            clock: FakeClock) -> None:
    session = running(svc, clock)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        typed = "papier coincé, pilote repris"  # p, a, r, s: keys of this screen too
        await pilot.press("n", *typed, "enter", "p")
        await wait_for(pilot, lambda: other.session(session).state is State.PAUSED)
        notes = [e.personal["text"] for e in other.session_events(session)  # type: ignore[index]
                 if e.kind == "note-added"]
        assert notes == [typed]
        assert app.screen.query_one("#note", ScannedText).value == ""
        # The keys work again at once: r resumes.
        await pilot.press("r")
        await wait_for(pilot, lambda: other.session(session).state is State.RUNNING)


async def test_keys_typed_fast_go_where_they_were_meant(svc: Sessiond, other: Sessiond,
                                                         clock: FakeClock) -> None:
    """As a terminal delivers them, all at once (typed fast or pasted): the letters after `n`
    are the note's, the `p` after Enter pauses. Textual routes a key by the focus when it
    reads it, before the key before it was handled."""
    session = running(svc, clock)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        typed = "Pilote imprimante reinstalle, pas de papier"
        for char in "n" + typed:
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("p", "p"))
        await wait_for(pilot, lambda: other.session(session).state is State.PAUSED)
        await wait_for(pilot, lambda: "note-added" in kinds(other, session))
        notes = [e.personal["text"] for e in other.session_events(session)  # type: ignore[index]
                 if e.kind == "note-added"]
        assert notes == [typed]
        assert app.screen.query_one("#note", ScannedText).value == ""


async def test_d_on_the_end_screen_records_the_disconnection(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock, policy="md-micro-services")
    svc.stop(session, at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        findings = shown(app, "#findings")
        assert "Déconnexion" in findings and "appuyez sur d" in findings
        assert "sessiond record" not in findings  # the screen's key, not the CLI
        assert "d Déconnecté" in screen_text(app).splitlines()[-1]
        await pilot.press("d")
        await wait_for(pilot, lambda: "disconnect-confirmed" in kinds(other, session))
        await wait_for(pilot, lambda: "Déconnexion" not in shown(app, "#findings"))
        assert "d Déconnecté" not in screen_text(app).splitlines()[-1]  # done: key gone


async def test_enter_opens_the_session_that_just_started_on_top(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("M. Petit", at=clock.at)
    planned = svc.new_session(client, policy="vlh", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        # Another terminal starts a second session: it comes on top, running.
        started = other.new_session(client, policy="vlh", at=clock.at)
        other.consent(started, channel="oral", by="M. Petit", at=clock.at)
        other.start(started, at=clock.at)
        await wait_for(pilot, lambda: table.row_count == 2)
        await settle(pilot)
        assert [str(k.value) for k in table.rows] == [started, planned]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert app.screen.session_id == started  # type: ignore[attr-defined]


async def test_prepaid_hours_are_confirmed_and_shown_at_once(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("M. Garnier", at=clock.at)  # no session yet, default policy md
    app = app_for(svc, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen))
        await settle(pilot)
        await pilot.press("plus")
        await wait_for(pilot, lambda: isinstance(app.screen, AmountDialog))
        await pilot.press("3", "enter")
        await wait_for(pilot, lambda: any(e.kind == "credit-added"
                                          for e in other.client_events(client)))
        await wait_for(pilot, lambda: any("3\u00a0h de crédit prépayé ajoutées pour M. Garnier"
                                          in t for t in toasts(app)))
        assert any("Crédit restant\u202f: 3\u00a0h" in t for t in toasts(app))
        credit = shown(app, "#credit")
        assert "ne prévoient pas" not in credit and "reste 3\u00a0h" in credit
        assert "valable jusqu'au" in credit  # a date in words, not 10/03/2027


async def test_yesterday_s_open_session_shows_its_day_and_counts(
        svc: Sessiond, clock: FakeClock) -> None:
    yesterday = clock.at - timedelta(days=1)  # 14:00 Paris the day before
    client = svc.add_client("Mme Blanc", at=yesterday)
    session = svc.new_session(client, policy="md-micro-services", at=yesterday)
    svc.consent(session, channel="oral", by="Mme Blanc", at=yesterday)
    svc.start(session, at=yesterday)
    svc.pause(session, at=yesterday + timedelta(minutes=30))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = [str(c) for c in app.screen.query_one("#sessions", DataTable).get_row(session)]
        assert "hier 14:00" in row
        assert "0:30" in row  # Today: to the minute
        assert "0:30 travaillé" in shown(app, "#totals")


async def test_user_text_is_shown_as_text(svc: Sessiond, clock: FakeClock) -> None:
    """A client named "[/]", one whose name holds markup and a terminal's escape sequences:
    shown as typed (controls removed), nothing crashes, nothing reaches the terminal."""
    names = ["[/]", "a[/b] [bold]x", "Jean\x1b]0;pwned\x07\x1b[2J\u202egnp.exe"]
    sessions = []
    for name in names:
        client = svc.add_client(name, at=clock.at)
        session = svc.new_session(client, policy="vlh", problems=["[red]ok[/]"], at=clock.at)
        sessions.append(session)
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[/]" in text and "a[/b] [bold]x" in text
        assert "Jean]0;pwned[2Jgnp.exe" in text  # the controls removed, the rest shown
        for session in sessions:
            await app.open_session(session)
            await wait_for(pilot, lambda s=session: isinstance(app.screen, BeforeStartScreen)
                           and app.screen.session_id == s)  # type: ignore[attr-defined]
            assert "[red]ok[/]" in shown(app, "#summary")
            assert "\x1b" not in app.screen.sub_title and "\x07" not in app.screen.sub_title
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        app.notify("renseignez name, siret, address dans la section [technician] de "
                   "config.toml", title="[b]x")
        await wait_for(pilot, lambda: any("[technician]" in t for t in toasts_shown(app)))
        (toast,) = [t for t in toasts_shown(app) if "[technician]" in t]
        assert "section [technician] de config.toml" in toast  # not eaten as markup
        assert toast.startswith("[b]x")  # the title too


async def test_a_name_written_as_an_action_link_runs_nothing_when_clicked(
        svc: Sessiond, clock: FakeClock) -> None:
    """Textual's markup binds a click to an action ("[@click=app.quit]"): a client named so,
    his name clicked on the running screen's summary, stays a name and quits nothing."""
    name = "[@click=app.quit]Jeanne[/] [link=file:///etc/passwd]Roux[/link]"
    session = running(svc, clock, name=name)
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert name in screen_text(app)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        await settle(pilot)
        summary = app.screen.query_one("#summary")
        assert name in shown(app, "#summary")
        await pilot.click(summary, offset=(3, 0))
        await pilot.click(summary, offset=(25, 0))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, RunningScreen)
        assert app.return_code is None


async def test_a_name_pasted_with_controls_is_recorded_as_the_field_showed_it(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """Who gave consent, pasted from a chat with a direction override and an escape
    sequence: the field draws and records the name without them (U+202E would reverse
    the field, ESC [ 2 J clear the screen)."""
    client = svc.add_client("Mme Martin", at=clock.at - timedelta(minutes=5))
    session = svc.new_session(client, policy="vlh", at=clock.at - timedelta(minutes=4))
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        await settle(pilot)
        field = app.screen.query_one("#consent-by", Input)
        assert app.focused is field
        field.post_message(events.Paste("Mme\u202e Martin\x1b[2J\nsa fille"))
        await wait_for(pilot, lambda: field.value != "")
        assert field.value == "Mme Martin[2J"  # a paste's first line, as Textual takes it
        await pilot.press("enter")
        await wait_for(pilot, lambda: other.session(session).has_consent)
    (consent,) = [e for e in other.session_events(session) if e.kind == "consent-recorded"]
    assert consent.personal["by"] == "Mme Martin[2J"


async def test_problems_pasted_with_controls_are_recorded_as_the_field_showed_them(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """The client's problems pasted from his e-mail into the form's box, a direction
    override and an escape sequence among them: recorded line by line without them."""
    client = svc.add_client("Mme Martin", at=clock.at - timedelta(minutes=5))
    app = app_for(svc, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_session(pilot, app)
        app.screen.query_one("#client", ClientPicker).choose(client)
        box = app.screen.query_one("#problems TextArea")
        box.focus()
        box.post_message(events.Paste("Imprimante\u202e HS\x1b[2J\nWifi\x07 lent"))
        await wait_for(pilot, lambda: "Wifi" in box.text)  # type: ignore[attr-defined]
        assert box.text == "Imprimante HS[2J\nWifi lent"  # type: ignore[attr-defined]
        app.screen.query_one("#policy", Select).value = "vlh"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        session = app.screen.session_id  # type: ignore[attr-defined]
    (planned,) = other.session_events(session)[:1]
    assert planned.personal["problems"] == ["Imprimante HS[2J", "Wifi lent"]


async def test_what_shows_nothing_is_shown_written_out(svc: Sessiond, clock: FakeClock) -> None:
    """A zero-width space made "Jean\u200bne Martin" look like "Jeanne Martin" on the
    list, as a soft hyphen hid in a problem."""
    client = svc.add_client("Jean\u200bne Martin", at=clock.at)
    session = svc.new_session(client, policy="vlh", problems=["impri\u00admante"],
                              at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Jean\\u200bne Martin" in screen_text(app)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert "impri\\u00admante" in shown(app, "#summary")


async def test_what_shows_nothing_beyond_the_bmp_is_shown_written_out(
        svc: Sessiond, clock: FakeClock) -> None:
    """Tag characters (hidden ASCII) and a variation selector of the supplement made
    "Jean<tags>ne Martin" look like "Jeanne Martin" on the list and in a problem."""
    client = svc.add_client("Jean\U000e0041\U000e0042ne\U000e0100 Martin", at=clock.at)
    session = svc.new_session(client, policy="vlh", problems=["impri\U000e0001mante"],
                              at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Jean\\U000e0041\\U000e0042ne\\U000e0100 Martin" in text
        assert not any("\U000e0000" <= c <= "\U000e01ef" for c in text)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert "impri\\U000e0001mante" in shown(app, "#summary")


async def test_config_toml_is_reloaded_while_the_tui_runs(home: Path, svc: Sessiond,
                                                          clock: FakeClock) -> None:
    app = app_for(svc, clock, poll_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert svc.config.technician.name == ""
        (home / "config.toml").write_text('policy = "vlh"\n[technician]\nname = "Jean Dupont '
                                          'EI"\n', encoding="utf-8")
        await wait_for(pilot, lambda: svc.config.technician.name == "Jean Dupont EI")
        assert svc.config.policy == "vlh"
        await wait_for(pilot, lambda: any("config.toml relu" in t for t in toasts(app)))
        # A broken file is said, and the settings in use stay.
        (home / "config.toml").write_text("policy = 3\n", encoding="utf-8")
        await wait_for(pilot, lambda: any("policy" in t and "attendu" in t
                                          for t in toasts(app)))
        assert svc.config.policy == "vlh" and svc.config.technician.name == "Jean Dupont EI"


async def test_f2_without_a_question_says_so(svc: Sessiond, clock: FakeClock) -> None:
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: any("Aucune question en attente" in t
                                          for t in toasts(app)))


async def test_tranche_reminder_names_the_client_in_euros(svc: Sessiond, other: Sessiond,
                                                          clock: FakeClock) -> None:
    session = running(svc, clock, name="Mme Dupont")
    app = app_for(svc, clock, poll_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tranche_at = clock.at + timedelta(minutes=2)
        with other.store.writing():  # as the daemon posts it: metadata only
            notices.post(other.store.conn, now=clock.at, kind="tranche", session_id=session,
                         message=f"Intervention {session} : …",
                         data={"tranche_at": tranche_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               "seconds": 900, "amount": "12.5", "boundary": 3600})
        await wait_for(pilot, lambda: any("Intervention de Mme Dupont" in t
                                          for t in toasts(app)))
        (toast,) = [t for t in toasts(app) if "Mme Dupont" in t]
        assert toast == ("Intervention de Mme Dupont\u202f: dans 2\u00a0min, tranche suivante, "
                         "+15 min / +12,50 €")
        assert session not in toast and "EUR" not in toast


async def test_a_notice_is_toasted_once_when_two_looks_overlap(svc: Sessiond, other: Sessiond,
                                                            clock: FakeClock) -> None:
    """A command looks at the store at once (to show its change) while the watch loop's
    look is still out: both must not toast what the daemon posted."""
    import asyncio

    app = app_for(svc, clock, poll_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with other.store.writing():
            notices.post(other.store.conn, now=clock.at, kind="export", session_id=None,
                         message="Export de fin de journée fait", data={})
        out = asyncio.create_task(app.poll())  # the watch loop's look, waiting on the store
        await asyncio.sleep(0)
        other.add_client("Mme Martin", at=clock.at)  # a command commits meanwhile...
        await app.poll()  # ...and looks at once
        await out
        await wait_for(pilot, lambda: any("Export de fin" in t for t in toasts(app)))
        await pilot.pause(0.3)  # the watch loop's next looks
        assert sum("Export de fin" in t for t in toasts(app)) == 1, toasts(app)


async def test_a_client_is_picked_by_typing_among_hundreds(svc: Sessiond, other: Sessiond,
                                                          clock: FakeClock) -> None:
    ids = [svc.add_client(f"Client {n:03d}", at=clock.at) for n in range(300)]
    # The search reads the id too, and ids are random: one of 300 may hold "dup".
    by_id = sum("dup" in client_id for client_id in ids)
    dupont = svc.add_client("Mme Dupont", email="dupont@example.fr",
                            address="3 rue de l'Église, 54230 Chaligny", at=clock.at)
    svc.add_client("M. Dupond", phone="06 12 34 56 78", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_session(pilot, app)
        listed = app.screen.query_one("#client-list", OptionList)
        assert listed.option_count > 200
        # The picker takes the keyboard once the clients are shown: type only then.
        await wait_for(pilot, lambda: app.screen.query_one(
            "#client", ClientPicker).has_focus_within)
        await pilot.press(*"dup")
        await wait_for(pilot, lambda: listed.option_count == 2 + by_id)
        await pilot.press(*" chaligny")  # a town: every word must match
        await wait_for(pilot, lambda: listed.option_count == 1)
        await pilot.press("enter")
        picker = app.screen.query_one("#client", ClientPicker)
        assert picker.value == dupont
        assert "Mme Dupont" in shown(app, "#client-chosen")
        assert app.focused is app.screen.query_one("#mode", Select)
        app.screen.query_one("#policy", Select).value = "vlh"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert other.session(app.screen.session_id).client_id == dupont  # type: ignore[attr-defined]



async def test_a_mode_the_terms_do_not_offer_needs_the_quoted_rate(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """The form offers every mode (model.MODES), as session new does; a workshop session
    under VLH (home and remote only, art. 2) is refused as the command refuses it, naming
    the modes the terms offer, and planned once the quoted rate is typed."""
    roux = svc.add_client("Mme Roux", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_session(pilot, app)
        app.screen.query_one("#client", ClientPicker).choose(roux)
        app.screen.query_one("#mode", Select).value = "workshop"
        app.screen.query_one("#policy", Select).value = "vlh"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("atelier" in t for t in toasts(app)))
        assert any("modes prévus\u202f: à distance, sur site, art." in t
                   for t in toasts(app)), toasts(app)
        # The ways out are the form's own fields, not the command line's options.
        refusal = next(t for t in toasts(app) if "atelier" in t)
        assert "--rate" not in refusal and "--policy" not in refusal, refusal
        assert "«\u00a0Tarif horaire convenu\u00a0»" in refusal, refusal
        assert "«\u00a0Conditions\u00a0»" in refusal, refusal
        assert app.focused is app.screen.query_one("#rate", Input)
        assert isinstance(app.screen, NewSessionScreen)
        assert other.client_sessions(roux) == []
        app.screen.query_one("#rate", Input).value = "45"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        [planned] = other.client_sessions(roux)
        assert (planned.mode, planned.rate) == ("workshop", "45.00")


async def test_the_form_records_when_the_support_ticket_was_opened(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """MRI87 13: the intervention within 72 h of the support ticket's opening; the form
    takes it as session new --ticket-at does (typed as --at takes it, against the app's
    clock), refuses what it cannot read naming the field, and the check then warns of an
    intervention begun later."""
    roux = svc.add_client("Mme Roux", at=clock.at - timedelta(days=5))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_session(pilot, app)
        app.screen.query_one("#client", ClientPicker).choose(roux)
        app.screen.query_one("#policy", Select).value = "mri87"
        assert "Ticket de support ouvert" in screen_text(app)
        app.screen.query_one("#ticket", Input).value = "mardi dernier"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("Ticket de support ouvert\u202f: " in t
                                          for t in toasts(app)))
        assert other.client_sessions(roux) == []
        assert app.focused is app.screen.query_one("#ticket", Input)
        # 10 March 2026 at 14:00 in Paris: four days before, 13:00 local.
        app.screen.query_one("#ticket", Input).value = "06/03/2026 13:00"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
    [planned] = other.client_sessions(roux)
    assert planned.events[0].body["ticket_at"] == "2026-03-06T12:00:00Z"
    other.consent(planned.id, channel="oral", by="Mme Roux", at=clock.at)
    other.start(planned.id, at=clock.at)
    report = other.check(other.session(planned.id), now=clock.at)
    (late,) = [f for f in report.findings if f.rule == "intervention-within-delay"]
    assert late.article == "13" and "72 h" in late.message


async def test_payment_is_prefilled_with_the_due_and_the_terms_methods(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    session = running(svc, clock, policy="vlh", minutes=40)  # VLH takes no card (art. 5.4)
    svc.record_payment(session, amount="10", method="cash", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert "payé 10,00" in shown(app, "#amount")
        await pilot.press("$")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentDialog))
        dialog = app.screen
        method = dialog.query_one("#method", Select)
        assert method.value == "cash" and "card" not in dict(method._options).values()
        # 40 min of VLH: the first hour, 50 €, with the new client's 30 % off: 35 €, 10 paid.
        assert dialog.query_one("#amount", Input).value == "25,00"
        await pilot.press("enter")
        await wait_for(pilot, lambda: kinds(other, session).count("payment-recorded") == 2)
        payment = other.session_events(session)[-1]
        assert payment.body == {"amount": "25.00", "method": "cash"}
        await wait_for(pilot, lambda: any("Paiement enregistré" in t for t in toasts(app)))


async def test_prepaid_credit_on_the_running_screen(svc: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("M. Lopez", at=clock.at - timedelta(days=1))
    svc.add_credit(client, hours="3", at=clock.at - timedelta(days=1))
    session = svc.new_session(client, policy="mri87", at=clock.at - timedelta(minutes=50))
    svc.consent(session, channel="oral", by="M. Lopez", at=clock.at - timedelta(minutes=45))
    svc.start(session, at=clock.at - timedelta(minutes=45))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        credit = shown(app, "#credit")
        assert "Crédit prépayé" in credit and "restant après cette intervention" in credit
        assert "2\u00a0h" in credit  # 3 h bought, the first hour drawn so far
        assert "Crédit prépayé" in screen_text(app)  # visible at 80x24


async def test_a_second_session_asks_before_two_clocks_run(svc: Sessiond, other: Sessiond,
                                                          clock: FakeClock) -> None:
    first = running(svc, clock, name="Mme Roux")
    client = svc.add_client("M. Blanc", at=clock.at)
    second = svc.new_session(client, policy="vlh", at=clock.at)
    svc.consent(second, channel="oral", by="M. Blanc", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.open_session(second)
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Mme Roux" in screen_text(app)
        assert other.session(second).state is State.PLANNED  # nothing before the answer
        await pilot.press("escape")  # cancel: nothing changes
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        assert other.session(first).state is State.RUNNING
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#pause")
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert other.session(first).state is State.PAUSED
        assert other.session(second).state is State.RUNNING
        assert other.session(first).pauses[-1].start == other.session(second).started_at


async def test_the_palette_speaks_french(svc: Sessiond, clock: FakeClock) -> None:
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert "Chercher une commande…" in screen_text(app)
        await pilot.press(*"zzqx")
        await pilot.pause(0.8)
        assert "Aucun résultat" in screen_text(app)
        await pilot.press("ctrl+u", *"Thème")
        await pilot.pause(0.5)
        assert "Thème" in screen_text(app)


def test_decimal_amount_typed_as_in_french() -> None:
    from sessiond.i18n import set_language
    from sessiond.tui.widgets.dialogs import _typed

    set_language("fr")
    assert _typed(Decimal("25")) == "25,00" and _typed(None) == ""


async def test_a_secret_in_the_problems_cites_the_chosen_terms(svc: Sessiond,
                                                              clock: FakeClock) -> None:
    svc.add_client("Mme Roux", at=clock.at)
    app = app_for(svc, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_new_session(pilot, app)
        problems = app.screen.query_one("#problems", ScannedText)
        await pilot.click("#problems TextArea")
        await pilot.press(*"mdp : Soleil2024")
        await wait_for(pilot, lambda: problems.refused)
        for policy, cited in (("md-micro-services", "MD Micro Services"), ("vlh", "VLH")):
            app.screen.query_one("#policy", Select).value = policy
            await wait_for(pilot, lambda cited=cited: cited in shown(
                app, "#problems .secret-warning"))
        assert "art. 4.2" in shown(app, "#problems .secret-warning")


def test_the_screens_price_a_session_as_bill_does_after_a_package_is_withdrawn(
        svc: Sessiond, clock: FakeClock) -> None:
    """The day's list and the clients screen read the client's history as the service's
    bill does (sessions.client_history): a prepaid package withdrawn as a mistake no longer
    covers the session there either (MRI87 13)."""
    from sessiond.billing import bill
    from sessiond.tui.views import load_clients, load_session

    client = svc.add_client("Jeanne Martin", at=clock.at)
    package = svc.add_credit(client, hours="30", at=clock.at)
    start = clock.at + timedelta(minutes=5)
    session = svc.new_session(client, policy="mri87", at=start)
    svc.consent(session, channel="tool-code", by="Jeanne", at=start)
    svc.start(session, at=start)
    svc.stop(session, at=start + timedelta(minutes=40))
    svc.withdraw_credit(client, package.seq, reason="30 h pour 3")
    now = clock.at + timedelta(hours=2)
    expected = bill(svc.session(session), svc.policy("mri87"), svc.history(client), now)
    assert expected.total > 0  # nothing covers it any more
    shown = load_session(svc, session, now).bill(now)
    assert shown is not None and shown.total == expected.total
    [view] = [v for v in load_clients(svc, now) if v.client.id == client]
    assert all(st.remaining_seconds == 0 for st in view.credit)
