"""The receipt from the end screen: the technician confirms a receipt for a session with
compliance errors (or writes his report first), and documents go to the documents folder
(`documents` in config.toml; by default documents/ of SESSIOND_HOME, ~/Documents/sessiond
otherwise), never the directory the TUI was started from; the toast says where."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from sessiond.sessions import Sessiond
from sessiond.tui.app import SessiondApp
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.widgets.dialogs import ConfirmDialog
from tests.tui.conftest import T0, FakeClock, settle, shown, wait_for

TECHNICIAN = """[technician]
name = "Jean Dupré EI"
siret = "732 829 320 00074"
address = "3 rue de l'Église, 54230 Chaligny"
"""


@pytest.fixture
def identified(home: Path) -> Iterator[Sessiond]:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(TECHNICIAN, encoding="utf-8")
    service = Sessiond()
    yield service
    service.close()


def stopped_with_errors(svc: Sessiond) -> str:
    """A consumer's session under MD's terms started at once, with no withdrawal waiver
    on record: an error of art. 10."""
    client = svc.add_client("Hélène Müller", at=T0 - timedelta(hours=2))
    sid = svc.new_session(client, policy="md-micro-services", at=T0 - timedelta(hours=2))
    svc.consent(sid, channel="oral", by="Hélène", at=T0 - timedelta(hours=1))
    svc.start(sid, at=T0 - timedelta(hours=1))
    svc.stop(sid, at=T0 - timedelta(minutes=20))
    return sid


def toasts(app: SessiondApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_receipt_with_errors_is_confirmed_and_goes_to_the_documents_folder(
        identified: Sessiond, home: Path, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    svc = identified
    sid = stopped_with_errors(svc)
    monkeypatch.chdir(tmp_path)  # where the TUI was started: nothing must land here
    documents = home / "documents"
    app = SessiondApp(svc, now=clock, jobs=False)
    assert app.receipts_dir == documents
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_session(sid)
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        await settle(pilot)

        # Errors: asked first; "my report first" writes the technician's report.
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#report")
        await wait_for(pilot, lambda: (documents / f"conformite-{sid}.pdf").is_file())
        await settle(pilot)
        assert not [e for e in svc.session_events(sid) if e.kind == "receipt-issued"]
        assert any(str(documents / f"conformite-{sid}.pdf") in t for t in toasts(app))

        # Then the receipt, confirmed.
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#issue")
        await wait_for(pilot, lambda: list(documents.glob("releve-*.pdf")))
        await settle(pilot)
        assert len(list(documents.glob("releve-*.txt"))) == 1
        assert any("dans " + str(documents) in t for t in toasts(app))
        assert list(tmp_path.glob("*.pdf")) == []  # not the current directory

        # Cancelling the question issues nothing more.
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#cancel")
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
    assert len([e for e in svc.session_events(sid) if e.kind == "receipt-issued"]) == 1


async def test_documents_folder_is_configurable(identified: Sessiond, home: Path,
                                                tmp_path: Path) -> None:
    (home / "config.toml").write_text(
        TECHNICIAN.replace("[technician]", f'documents = "{tmp_path / "docs"}"\n'
                                           "[technician]"), encoding="utf-8")
    svc = Sessiond()
    try:
        assert SessiondApp(svc, jobs=False).receipts_dir == tmp_path / "docs"
    finally:
        svc.close()


@pytest.mark.parametrize("under", [True, False])
async def test_a_documents_folder_that_cannot_be_made_is_refused_not_a_crash(
        home: Path, clock: FakeClock, tmp_path: Path, under: bool) -> None:
    """`documents` in config.toml under a file (or anywhere the folder cannot be made):
    the receipt and report actions made the folder outside their command, and the
    OSError ended the terminal interface with a traceback. `documents` naming a file:
    the receipt's text copy was written over it (notes.txt). Both are a refusal that
    names the folder; nothing is issued, the file is left as it is."""
    in_the_way = tmp_path / "documents.txt"
    in_the_way.write_text("un fichier\n", encoding="utf-8")
    folder = in_the_way / "sessiond" if under else in_the_way
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        TECHNICIAN.replace("[technician]", f'documents = "{folder}"\n[technician]'),
        encoding="utf-8")
    svc = Sessiond()
    try:
        sid = stopped_with_errors(svc)
        app = SessiondApp(svc, now=clock, jobs=False)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            await app.open_session(sid)
            await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
            await settle(pilot)
            for button in ("#report", "#issue"):
                await pilot.press("e")
                await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
                await pilot.click(button)
                await wait_for(pilot, lambda b=button: sum(str(folder) in t
                                                           for t in toasts(app))
                               >= (1 if b == "#report" else 2))
                await settle(pilot)
                assert app.is_running and isinstance(app.screen, EndScreen)
        assert not [e for e in svc.session_events(sid) if e.kind == "receipt-issued"]
        assert in_the_way.read_text(encoding="utf-8") == "un fichier\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.txt", "home"]
    finally:
        svc.close()


async def test_a_clean_session_says_what_its_terms_leave_unchecked(
        identified: Sessiond, home: Path, clock: FakeClock) -> None:
    """The end screen said "Rien à signaler au regard des conditions" of any session without
    a finding, where `check` says no finding *on the points these terms cover* and names
    the others: FGDMI's terms say nothing of a backup or a disconnection."""
    svc = identified
    client = svc.add_client("Mme Roux", at=T0 - timedelta(days=21))
    sid = svc.new_session(client, policy="fgdmi", ordered_at=T0 - timedelta(days=20),
                          at=T0 - timedelta(days=20))
    svc.consent(sid, channel="oral", by="Mme Roux", at=T0 - timedelta(minutes=40))
    svc.start(sid, at=T0 - timedelta(minutes=40))
    svc.stop(sid, at=T0 - timedelta(minutes=10))
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.open_session(sid)
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        await wait_for(pilot, lambda: "Relevé remis" in shown(app, "#findings"))
        await pilot.press("e")  # the receipt FGDMI II.3 asks for: the last finding
        await wait_for(pilot, lambda: "aucun constat" in shown(app, "#check-summary").lower())
        said = " ".join(shown(app, "#check-summary").split())
    assert said.startswith("✔ Aucun constat sur les points que couvrent ces conditions.")
    assert "Rien à signaler" not in said
    unchecked = said.split("Non couverts par ces conditions", 1)[1]
    assert "Sauvegarde proposée" in unchecked and "Déconnexion" in unchecked
    assert "Consentement" not in unchecked  # the law's, where the terms are silent
