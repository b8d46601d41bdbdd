"""What the session screens share to correct a session where the technician is: one key
(`c`, ctrl+r before the start) lists what can be corrected, each line opens its form.

Every correction is a command of the service run through `self.command` (a refusal is a
notification, nothing written); the screen then follows the session: reopened, it is the
running screen; cancelled, Today.
"""

from __future__ import annotations

from sessiond import labels
from sessiond.i18n import _
from sessiond.model import Event, State
from sessiond.tui.screens.session import SessionScreen
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.corrections import (
    AmendDialog,
    CorrectionsDialog,
    MoveDialog,
    ask_cancel,
    entries,
    reason_dialog,
)
from sessiond.tui.widgets.dialogs import ConfirmDialog, TextDialog


class CorrectableScreen(SessionScreen):
    async def show(self, data: SessionView) -> None:
        if data.state is State.CANCELLED:
            # Cancelled (here, or by another process): no screen shows it any more.
            self.view = data
            self.sapp.call_later(self._leave)
            return
        await super().show(data)

    async def _leave(self) -> None:
        # Two reloads may both see the cancellation: the second finds Today on top.
        if self.sapp.screen is self:
            await self.sapp.pop_screen()

    def action_correct(self) -> None:
        view = self.view
        self.app.push_screen(CorrectionsDialog(entries(view.session, self.sapp.tz,
                                                       view.history.sessions)), self._chosen)

    def _chosen(self, key: str | None) -> None:
        if key is None:
            return
        what, _sep, seq = key.partition("-")
        match what:
            case "amend":
                self.call_later(self.amend, self._event(int(seq)))
            case "note":
                self.correct_note(self._event(int(seq)))
            case "withdraw":
                self.withdraw(self._event(int(seq)))
            case "reopen":
                self.action_reopen()
            case "move":
                self.action_move()
            case "cancel":
                self.action_cancel_session()
            case "duplicate":
                ask_cancel(self, self.session_id, duplicate_of=seq)

    def _event(self, seq: int) -> Event:
        return next(e for e in self.view.session.events if e.seq == seq)

    async def broken_rules(self) -> set[str]:
        """The rules the session breaks before a correction (see `warn_documents`), and
        what its neighbours' documents were said to be then."""
        svc = self.sapp.service
        self._behind = await self.sapp.backend.run(svc.neighbours_behind, self.session_id)
        return await self.sapp.backend.run(svc.broken_rules, self.session_id)

    async def warn_documents(self, broken: set[str] | None = None) -> None:
        """After a correction: an error it brought (`broken`: the rules broken before it),
        and the receipt or invoice it leaves behind, in the check's words (the command
        line says the same), so that none goes unseen."""
        svc = self.sapp.service
        if broken is not None:
            for finding in await self.sapp.backend.run(svc.new_errors, self.session_id,
                                                       broken):
                self.notify(finding.message, severity="error", timeout=15,
                            title=_("After this correction the session breaks its terms: "
                                    "{finding}", finding=labels.rule(finding.rule)))
        for finding in await self.sapp.backend.run(svc.outdated_documents,
                                                   self.session_id):
            self.notify(finding.message, title=labels.rule(finding.rule),
                        severity="warning", timeout=15)
        if broken is None:
            return
        # Those of the client's other sessions that it reprices (as amend says them).
        behind: set[str] = getattr(self, "_behind", set())
        for finding in await self.sapp.backend.run(svc.neighbours_outdated, self.session_id):
            if finding.message not in behind:
                self.notify(finding.message, title=labels.rule(finding.rule),
                            severity="warning", timeout=15)

    async def amend(self, event: Event) -> None:
        svc = self.sapp.service
        broken = await self.broken_rules()
        upto = self.sapp.moment()  # the overlaps before, up to the key press
        shared = await self.sapp.backend.run(svc.overlaps, self.session_id, upto=upto)

        async def done(amended: Event | None) -> None:
            if amended is not None:
                self.notify(_("Time corrected; the clock and the bill follow."))
                await self.warn_documents(broken)
                # The minutes it bills twice, another clock running then (as amend says).
                for overlap in await self.sapp.backend.run(svc.new_overlaps, self.session_id,
                                                           shared, upto=upto):
                    said = await self.sapp.backend.run(svc.overlap_message,
                                                       self.session_id, overlap)
                    self.notify(said, severity="warning", timeout=15)

        self.app.push_screen(AmendDialog(self.view.session, event), done)

    def withdraw(self, fact: Event) -> None:
        async def withdraw(reason: str | None) -> None:
            if reason is None:
                return
            broken = await self.broken_rules()
            if await self.command(self.sapp.service.withdraw, self.session_id, fact.seq,
                                  reason=reason) is not None:
                self.notify(_("Withdrawn: the amount due and the documents leave it out."))
                await self.warn_documents(broken)

        self.app.push_screen(reason_dialog(
            _("Withdraw what was recorded by mistake"),
            _("Why (kept in the log), e.g. the client came after all, a payment typed "
              "twice? The log keeps it, marked as withdrawn."), _("Withdraw")), withdraw)

    def correct_note(self, note: Event) -> None:
        def answered(answer: str | None) -> None:
            if answer == "replace":
                self.replace_note(note)
            elif answer == "redact":
                self.redact_note(note)

        self.app.push_screen(ConfirmDialog(
            _("Correct the note"),
            _("Replace its text (the log keeps the old one, marked as replaced), or redact "
              "it: unreadable for ever (a password or a personal detail written by "
              "mistake)."),
            [("replace", _("Replace the text")), ("redact", _("Redact for ever"))]), answered)

    def replace_note(self, note: Event) -> None:
        async def replace(text: str | None) -> None:
            if text is not None and await self.command(
                    self.sapp.service.note, self.session_id, text, replaces=note.seq,
                    at=self.sapp.instant()) is not None:
                self.notify(_("Note replaced."))
                await self.warn_documents()

        old = (note.personal or {}).get("text", "")
        self.app.push_screen(TextDialog(
            _("Replace the note"), _("The new text (passwords and codes are refused):"),
            confirm=_("Replace"), empty=_("Type the note's new text."), text=str(old)),
            replace)

    def redact_note(self, note: Event) -> None:
        def why(reason: str | None) -> None:
            if reason is None:
                return

            async def answered(answer: str | None) -> None:
                if answer == "redact" and await self.command(
                        self.sapp.service.redact, self.session_id, note.seq,
                        reason=reason) is not None:
                    self.notify(_("The note can no longer be read."))
                    await self.warn_documents()

            self.app.push_screen(ConfirmDialog(
                _("Redact the note for ever?"),
                _("Its text becomes unreadable for ever, here, in the log and in every "
                  "document issued from now on; this cannot be undone."),
                [("redact", _("Redact for ever"))]), answered)

        self.app.push_screen(reason_dialog(
            _("Redact the note"), _("Why (kept in the log), e.g. a personal detail written "
                                    "by mistake:"), _("Next")), why)

    def action_reopen(self) -> None:
        if self.view.state is not State.STOPPED:
            return

        async def reopen(reason: str | None) -> None:
            if reason is None:
                return
            broken = await self.broken_rules()
            if await self.command(self.sapp.service.reopen, self.session_id,
                                  reason=reason) is not None:
                self.notify(_("Session reopened: paused since its stop; r resumes it."))
                await self.warn_documents(broken)

        self.app.push_screen(reason_dialog(
            _("Reopen the session"),
            _("Why was the stop a mistake (kept in the log)? The session is paused from its "
              "stop, so the time in between is not billed."), _("Reopen")), reopen)

    def action_move(self) -> None:
        async def move(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            client_id, reason = result
            broken = await self.broken_rules()
            if await self.command(self.sapp.service.move_session, self.session_id,
                                  client_id=client_id, reason=reason) is not None:
                self.notify(_("The session now belongs to the client chosen."))
                await self.warn_documents(broken)

        self.app.push_screen(MoveDialog(self.view.session.client_id), move)

    def action_cancel_session(self) -> None:
        if self.view.state is State.PLANNED:
            ask_cancel(self, self.session_id)
