"""F2: a question of the daemon about what the remote tool logged (issue 14) offers its own
answers; choosing "start" starts the session at the connection's instant."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Button

from sessiond import clock as real_clock
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.tui.app import SessiondApp
from sessiond.tui.widgets.dialogs import QuestionDialog
from tests.tui.conftest import settle, wait_for


async def test_a_connection_question_is_answered_here(svc: Sessiond, other: Sessiond) -> None:
    now = real_clock.whole_second(real_clock.now())
    connected = now - timedelta(minutes=3)
    client = svc.add_client("Mme Roux")
    session_id = svc.new_session(client, policy="micro-alpes", tool="anydesk")
    svc.consent(session_id, channel="tool-code", by="Mme Roux", at=connected)
    app = SessiondApp(svc, jobs=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        with other.store.writing():  # as the daemon does, from its own process
            notices.post(other.store.conn, now=now, kind="connection-opened",
                         session_id=session_id, question=True,
                         message="AnyDesk connecté et aucune session en cours : démarrer ?",
                         data={"at": real_clock.to_text(connected),
                               "choices": [f"start {session_id}", "ignore"]})
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionDialog))
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == [f"Démarrer {session_id}", "Ignorer", "Plus tard"]
        await pilot.press("w")  # the span keys do nothing here
        await settle(pilot)
        assert isinstance(app.screen, QuestionDialog)
        await pilot.click("#choice-0")
        await wait_for(pilot, lambda: other.session(session_id).state is State.RUNNING)
        assert other.session(session_id).started_at == connected
        assert not notices.pending_questions(other.store.conn)
