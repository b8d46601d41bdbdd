"""A whole session driven through the screens, as a technician does it with the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import DataTable, Digits, Input, Select, Static

from sessiond.compliance import RULES
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.tui.app import SessiondApp
from sessiond.tui.screens.before_start import BeforeStartScreen
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.screens.new_session import NewSessionScreen
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import TodayScreen
from sessiond.tui.widgets.dialogs import (
    ClientDialog,
    ConfirmDialog,
    ReasonDialog,
    StopDialog,
)
from sessiond.tui.widgets.identity import IdentityDialog
from sessiond.tui.widgets.picker import ClientPicker
from sessiond.tui.widgets.scanned import ScannedText
from tests.tui.conftest import FakeClock, settle, shown, wait_for


def kinds(svc: Sessiond, session_id: str) -> list[str]:
    return [e.kind for e in svc.session_events(session_id)]


async def test_whole_session(svc: Sessiond, other: Sessiond, clock: FakeClock,
                             tmp_path: Path) -> None:
    app = SessiondApp(svc, now=clock, jobs=False, receipts_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)

        # New session, with a new client.
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewSessionScreen))
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientDialog))
        await pilot.press(*"Mme Martin", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NewSessionScreen))
        await settle(pilot)
        client_id = other.clients()[0].id
        assert app.screen.query_one("#client", ClientPicker).value == client_id
        await pilot.click("#partner")
        await pilot.press(*"123456789")
        await pilot.click("#problems TextArea")
        await pilot.press(*"Imprimante hors ligne", "enter", *"Wifi lent")
        app.screen.query_one("#policy", Select).value = "vlh"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BeforeStartScreen))
        session_id = app.screen.session_id
        session = other.session(session_id)
        assert (session.policy, session.mode, session.problem_count) == ("vlh", "remote", 2)

        # Start stays disabled until consent is on record.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert other.session(session_id).state is State.PLANNED
        assert isinstance(app.screen, BeforeStartScreen)
        assert app.focused is not None and app.focused.id == "consent-by"
        await pilot.press(*"Mme Martin", "enter")
        await wait_for(pilot, lambda: other.session(session_id).has_consent)
        await settle(pilot)
        assert "✔" in shown(app, "#item-consent .item-title")
        assert app.focused is not None and app.focused.id == "quote-by"  # the next item
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert other.session(session_id).started_at == clock.at

        # The clock is computed from the events and the current instant.
        clock.advance(minutes=40)
        await wait_for(pilot, lambda: app.screen.query_one("#clock", Digits).value
                       == "0:40:00")
        assert "40,00" not in shown(app, "#amount")  # first hour indivisible: 1 h billed

        # Pause, with a reason (shift+p; p alone pauses at once), then resume.
        await pilot.press("P")
        await wait_for(pilot, lambda: isinstance(app.screen, ReasonDialog))
        await pilot.press(*"appel du client", "enter")
        await wait_for(pilot, lambda: other.session(session_id).state is State.PAUSED)
        await wait_for(pilot, lambda: app.screen.has_class("-paused"))
        clock.advance(minutes=5)
        await wait_for(pilot, lambda: "0:05:00" in shown(app, "#state"))
        assert app.screen.query_one("#clock", Digits).value == "0:40:00"
        await pilot.press("r")
        await wait_for(pilot, lambda: other.session(session_id).state is State.RUNNING)
        clock.advance(minutes=30)
        await wait_for(pilot, lambda: app.screen.query_one("#clock", Digits).value
                       == "1:10:00")

        # A note with a password is refused in the field: nothing is stored.
        await pilot.press("n")
        await pilot.press(*"mot de passe : Soleil2024")
        note = app.screen.query_one("#note", ScannedText)
        await wait_for(pilot, lambda: note.refused)
        warning = str(note.query_one(".secret-warning", Static).render())
        assert "Soleil2024" not in warning and warning
        # The session's terms are cited, as the service cites them when it refuses.
        assert "VLH Dépannage Informatique (Sévignac, 22), art. 4.2" in warning, warning
        await pilot.press("enter")
        await settle(pilot)
        assert "note-added" not in kinds(other, session_id)
        note.clear()
        await pilot.press(*"Pilote réinstallé", "enter")
        await wait_for(pilot, lambda: "note-added" in kinds(other, session_id))
        assert app.focused is None  # the note is sent: letters are commands again

        # Stop: the end screen shows the bill and the check of the terms.
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StopDialog))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        await settle(pilot)
        session = other.session(session_id)
        assert session.state is State.STOPPED
        assert session.elapsed_seconds(clock.at) == 70 * 60
        total = shown(app, "#bill-lines").strip().splitlines()[-1].split()
        # 1 h 15 at 50 €, 30 % off a client's first intervention (VLH 5.5)
        assert total[0] == "Total" and total[1] == "43,75"
        assert "1 h" in shown(app, "#explanation")
        findings = shown(app, "#findings")
        assert re.search(r"✖ Devis signé avant le début \(art\. 3\.2\) — ", findings)
        assert "⚠ Relevé remis" in findings and "appuyez sur e" in findings
        assert not [rule for rule in RULES if rule in findings]  # titles, not ids

        # The receipt needs the technician's identity: the form opens, checks what is
        # typed as the receipt does, and writes [technician] into config.toml.
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, IdentityDialog))
        await pilot.press(*"Jean Dupont", "enter")  # no "EI": refused, nothing written
        await settle(pilot)
        assert isinstance(app.screen, IdentityDialog)
        assert "EI" in shown(app, "#identity-problems")
        assert not svc.paths.config_file.exists()
        app.screen.query_one("#t-name", Input).value = "Jean Dupont EI"
        app.screen.query_one("#t-siret", Input).value = "732 829 320 00074"
        app.screen.query_one("#t-address", Input).value = "3 rue de l'Église, 54230 Chaligny"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        assert 'name = "Jean Dupont EI"' in svc.paths.config_file.read_text()
        assert svc.paths.config_file.stat().st_mode & 0o777 == 0o600
        assert svc.config.technician.siret == "732 829 320 00074"

        # The receipt: issued from here (the errors are confirmed first), and its rule is
        # kept from then on.
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#issue")
        await wait_for(pilot, lambda: "receipt-issued" in kinds(other, session_id))
        await settle(pilot)
        assert len(list(tmp_path.glob("*.pdf"))) == 1
        assert "Relevé remis" not in shown(app, "#findings")

        # Back on Today, the session is listed as stopped with its amounts.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        await settle(pilot)
        row = [str(cell) for cell in app.screen.query_one("#sessions", DataTable).get_row(
            session_id)]
        assert "1:10" in row and "1:15" in row  # Today: to the minute

    assert svc.verify().ok
