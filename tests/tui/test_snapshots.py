"""Snapshots of the main screens (pytest-textual-snapshot; textual is pinned exactly).

What changes from run to run is frozen: the app's clock is injected (FakeClock), ids are
predictable (fixed_ids), the daemon's jobs do not run, and the events are recorded at
fixed instants. The one thing the service stamps with the real time is `recorded_at`; the
clock-consistent rule compares it with the declared instants, so these tests use the
shipped policies without that rule (copied into SESSIOND_HOME, where the technician's own
policies go).

Every main screen is taken at 80x24, the size of a terminal beside the remote window, and
at 120x36; at 80x24 the test also reads the screen back and asserts that what carries
meaning is there, uncut (the keys of the footer, the next tranche and its price...).

Update after reading the report: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from sessiond.policy import shipped_dir
from sessiond.sessions import Sessiond
from sessiond.tui.app import SessiondApp
from tests.tui.conftest import T0, FakeClock, screen_text, settle

SIZE = (120, 36)
SMALL = (80, 24)


def without_clock_rule(home: Path, *policy_ids: str) -> None:
    target = home / "policies"
    target.mkdir(parents=True, exist_ok=True)
    for policy_id in policy_ids:
        text = (shipped_dir() / f"{policy_id}.toml").read_text(encoding="utf-8")
        text = re.sub(r"\[rules\.clock-consistent\].*?(?=^\[|\Z)", "", text,
                      flags=re.S | re.M)
        (target / f"{policy_id}.toml").write_text(text, encoding="utf-8")


def at(minutes: float) -> Any:
    return T0 + timedelta(minutes=minutes)


class Day:
    """A technician's afternoon: one session stopped, one running, one planned."""

    def __init__(self, svc: Sessiond) -> None:
        without_clock_rule(svc.paths.config, "vlh", "md-micro-services")
        self.martin = svc.add_client("SARL Martin", status="business", at=at(-300))
        self.stopped = svc.new_session(self.martin, policy="md-micro-services",
                                       tool="anydesk", client_os="windows",
                                       problems=["Messagerie bloquée", "Sauvegarde NAS"],
                                       at=at(-200))
        svc.consent(self.stopped, channel="tool-code", by="M. Martin", at=at(-181))
        svc.warn_sensitive_docs(self.stopped, at=at(-181))
        svc.record_backup(self.stopped, answer="client-has-own", at=at(-181))
        svc.start(self.stopped, at=at(-180))
        svc.note(self.stopped, "Profil Outlook recréé", at=at(-150))
        svc.stop(self.stopped, at=at(-130))
        svc.confirm_disconnect(self.stopped, at=at(-130))
        svc.record_outcome(self.stopped, problem=1, result="solved", at=at(-129))

        self.dupont = svc.add_client("Mme Dupont", at=at(-80))
        self.running = svc.new_session(self.dupont, policy="vlh", partner_id="123456789",
                                       client_os="windows",
                                       problems=["Imprimante hors ligne", "Wifi lent"],
                                       at=at(-75))
        svc.consent(self.running, channel="oral", by="Mme Dupont", at=at(-70))
        svc.accept_quote(self.running, how="electronic", by="Mme Dupont", at=at(-70))
        svc.start(self.running, at=at(-68))
        svc.pause(self.running, at=at(-40), reason="appel du client")
        svc.resume(self.running, at=at(-35))
        svc.note(self.running, "Pilote imprimante réinstallé", at=at(-20))

        self.bernard = svc.add_client("M. Bernard", at=at(-10))
        self.planned = svc.new_session(self.bernard, policy="vlh", client_os="macos",
                                       problems=["Mac lent au démarrage"], at=at(-5))
        svc.accept_quote(self.planned, how="handwritten", by="M. Bernard", at=at(-4))


@pytest.fixture
def day(svc: Sessiond, fixed_ids: None) -> Day:
    return Day(svc)


def app_for(svc: Sessiond) -> SessiondApp:
    return SessiondApp(svc, now=FakeClock(T0), jobs=False)


def then(*steps: Callable[[SessiondApp], Any], seen: list[str] | None = None
         ) -> Callable[[Pilot[None]], Any]:
    """The steps before the picture; `seen` receives the screen's text as pictured."""
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for step in steps:
            result = step(pilot.app)  # type: ignore[arg-type]
            if result is not None:
                await result
            await settle(pilot)
        still_cursors(pilot)
        if seen is not None:
            seen.append(screen_text(pilot.app))

    return run_before


def visible(seen: list[str], *texts: str) -> list[str]:
    """The lines of the picture; each of `texts` is on one of them, whole."""
    (screen,) = seen
    lines = screen.splitlines()
    missing = [t for t in texts if not any(t in line for line in lines)]
    assert missing == [], screen
    return lines


def still_cursors(pilot: Pilot[None]) -> None:
    """A blinking cursor would be on or off depending on when the picture is taken."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


def test_today(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE, run_before=then())


def test_new_session(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.action_new_session()))


def test_before_start(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.open_session(day.planned)))


def test_running(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.open_session(day.running)))


def test_running_note_refused(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    async def type_secret(pilot: Pilot[None]) -> None:
        await then(lambda app: app.open_session(day.running))(pilot)
        await pilot.press("n", *"code wifi : 48213377")
        await settle(pilot)
        still_cursors(pilot)

    assert snap_compare(app_for(svc), terminal_size=SIZE, run_before=type_secret)


def test_end(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.open_session(day.stopped)))


def test_clients(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.action_clients()))


def test_policies(snap_compare: Any, svc: Sessiond) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.action_policies()))


def test_help(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    assert snap_compare(app_for(svc), terminal_size=SIZE,
                        run_before=then(lambda app: app.open_session(day.running),
                                        lambda app: app.action_help()))


# --- 80x24: the design size -------------------------------------------------------------


def test_today_80x24(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    seen: list[str] = []
    assert snap_compare(app_for(svc), terminal_size=SMALL, run_before=then(seen=seen))
    lines = visible(seen, "Mme Dupont", "M. Bernard", "SARL Martin", "Total du jour",
                    "n Nouvelle intervention", "^q Quitter", "f1 Aide")
    dupont = next(line for line in lines if "Mme Dupont" in line)
    assert "✖ 1" in dupont and "⚠ 1" in dupont  # the badge keeps its counts
    assert "43,75 €" in dupont.replace("\u00a0", " ")


def test_running_80x24(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    seen: list[str] = []
    assert snap_compare(app_for(svc), terminal_size=SMALL,
                        run_before=then(lambda app: app.open_session(day.running), seen=seen))
    lines = visible(seen, "EN COURS", "Montant à ce stade", "Prochaine tranche",
                    "note\u202f: Pilote imprimante réinstallé",  # the latest event shows
                    "n\u202f: note")
    tranche = "\n".join(lines)
    assert "(à 14:" in tranche  # the next tranche's line is whole, its instant included
    footer = lines[-1]
    for key in ("p Pause", "s Arrêter", "n Note", "k Main rendue", "d Déconnecté",
                "a Copie", "$ Paiement", "f1 Aide"):
        assert key in footer, footer


def test_end_80x24(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    seen: list[str] = []
    assert snap_compare(app_for(svc), terminal_size=SMALL,
                        run_before=then(lambda app: app.open_session(day.stopped), seen=seen))
    lines = visible(seen, "SARL Martin", "fin par le technicien", "Relevé", "Total",
                    "Reste dû", "Paiement avant le début")
    # The end of a session is no invoice: the statement is never called one. The footer's
    # key issues the invoice ("f Facturer", issue 15), a verb on the footer line only.
    assert "Facture" not in "\n".join(lines[:-1])
    assert "Facture" not in lines[-1].replace("f Facturer", "")
    for key in ("e Relevé", "f Facturer", "$ Paiement", "f1 Aide"):
        assert key in lines[-1], lines[-1]


def test_before_start_80x24(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    seen: list[str] = []
    assert snap_compare(app_for(svc), terminal_size=SMALL,
                        run_before=then(lambda app: app.open_session(day.planned), seen=seen))
    visible(seen, "M. Bernard", "Consentement du client", "Devis accepté",
            "Enregistrez d'abord le consentement du client.", "Démarrer (ctrl+s)",
            "Sans consentement… (ctrl+o)", "^o Démarrer sans consentement")


def test_stop_dialog_80x24(snap_compare: Any, svc: Sessiond, day: Day) -> None:
    from sessiond.tui.widgets.dialogs import StopDialog

    seen: list[str] = []
    assert snap_compare(app_for(svc), terminal_size=SMALL,
                        run_before=then(lambda app: app.open_session(day.running),
                                        lambda app: app.push_screen(StopDialog()), seen=seen))
    lines = visible(seen, "Arrêter l'intervention\u202f?", "Le client y a mis fin (c)",
                    "Annuler")
    inside = " ".join(line.split("█")[1] for line in lines if line.count("█") >= 2)
    assert "les conditions sont vérifiées et le journal est signé." in " ".join(
        inside.split())  # the dialog's sentence wraps, nothing is cut
