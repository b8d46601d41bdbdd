"""Before start: what the terms require before access, each item recorded from here.

The items shown are those the session's policy has a rule for (consent always: the model
refuses a start without it). Start stays disabled until consent is on record; starting
without it asks for the reason, which is recorded and reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Select, Static

from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.labels import cite
from sessiond.model import (
    BACKUP_ANSWERS,
    CHANNELS,
    QUOTE_FORMS,
    WAIVER_MEDIA,
    Event,
    State,
)
from sessiond.sessions import Sessiond
from sessiond.tui.format import label, local_time, money
from sessiond.tui.screens.base import footer
from sessiond.tui.screens.corrections import CorrectableScreen
from sessiond.tui.text import clean, plain
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.dialogs import ConfirmDialog, ReasonDialog, options
from sessiond.tui.widgets.scanned import TextInput


@dataclass(frozen=True)
class Item:
    """One line of the checklist: the rule that asks for it, the event that records it."""

    key: str
    rule: str
    kind: str
    title: str


def items() -> tuple[Item, ...]:
    return (
        Item("consent", "consent-before-access", "consent-recorded",
             _("The client's consent to the remote access")),
        Item("quote", "quote-accepted-before-start", "quote-accepted",
             _("Quote accepted")),
        Item("waiver", "withdrawal-waiver", "withdrawal-waiver",
             _("Consumer: request to start within the withdrawal period")),
        Item("sensitive", "sensitive-docs-warning", "sensitive-docs-warned",
             _("Client asked to close his sensitive documents")),
        Item("backup", "backup-status-recorded", "backup-status",
             _("Backup offered, and the client's answer")),
        Item("payment", "payment-before-start", "payment-recorded",
             _("Payment before start")),
    )


def checklist(view: SessionView) -> list[Item]:
    """The items the session's policy has a rule for in its mode; consent always."""
    rules = view.policy.rules if view.policy else {}
    return [item for item in items() if item.key == "consent" or (
        item.rule in rules and rules[item.rule].applies_to(view.session.mode))]


def done_text(event: Event, tz: Any) -> str:
    """How a recorded item reads: its details and when it was recorded."""
    b, p = event.body, event.personal or {}
    when = local_time(event.at, tz)
    match event.kind:
        case "consent-recorded":
            return _("{channel}, given by {by}, at {time}", channel=label(b["channel"]),
                     by=clean(p.get("by", "…"), one_line=True), time=when)
        case "quote-accepted":
            return _("{how}, by {by}, at {time}", how=label(b["how"]),
                     by=clean(p.get("by", "…"), one_line=True), time=when)
        case "withdrawal-waiver":
            return _("by {medium}, at {time}", medium=label(b["medium"]), time=when)
        case "backup-status":
            answer = label(b["answer"]) if b.get("answer") else _("no answer")
            return f"{answer}, {when}"
        case "payment-recorded":
            return f"{money(Decimal(b['amount']))} ({label(b['method'])}), {when}"
    return when


class BeforeStartScreen(CorrectableScreen):
    AUTO_FOCUS = ""  # the first item still to record gets the keyboard (_focus_next)
    STATES: ClassVar[frozenset[State]] = frozenset({State.PLANNED})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,s", "start", "Start now", id="before.start"),
        Binding("ctrl+o", "start_without_consent", "Start without consent",
                id="before.start-without-consent"),
        # A control key: the checklist's fields take the letters. Cancel, change client.
        Binding("ctrl+r", "correct", "Correct", id="before.correct"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="checklist"):
            yield Static(self.summary(), id="summary")
            for item in checklist(self.view):
                with Vertical(id=f"item-{item.key}", classes="item"):
                    yield Static(item.title, classes="item-title")
                    yield Static(classes="item-need")
                    with Horizontal(classes="item-form"):
                        yield from self._form(item)
            yield Static(id="other-needs")
        with Vertical(id="start-bar"):
            yield Static(id="start-hint")
            with Horizontal(id="start-buttons"):
                yield Button(_("Start (ctrl+s)"), variant="success", id="start",
                             disabled=True, compact=True)
                yield Button(_("Without consent… (ctrl+o)"), variant="warning",
                             id="start-without-consent", compact=True)
        yield footer()

    def _form(self, item: Item) -> ComposeResult:
        rule = self.view.policy.rules.get(item.rule) if self.view.policy else None
        params = rule.params if rule else {}
        # Compact fields (one line each): at 80x24 the first items and Start stay in view.
        record = Button(_("Record"), id=f"record-{item.key}", classes="record", compact=True)
        match item.key:
            case "consent":
                channels = params.get("channels") or CHANNELS
                yield Select(options(channels), value=channels[0], allow_blank=False,
                             id="consent-channel", compact=True)
                yield TextInput(placeholder=_("who gave it (name)"), id="consent-by",
                                compact=True)
            case "quote":
                forms = params.get("how") or QUOTE_FORMS
                yield Select(options(forms), value=forms[0], allow_blank=False,
                             id="quote-how", compact=True)
                yield TextInput(placeholder=_("signed by (name)"), id="quote-by", compact=True)
            case "waiver":
                yield Select(options(WAIVER_MEDIA), value="email",
                             allow_blank=False, id="waiver-medium", compact=True)
            case "backup":
                yield Select(options(BACKUP_ANSWERS),
                             value="declined", allow_blank=False, id="backup-answer",
                             compact=True)
            case "payment":
                methods = self.view.methods()  # the terms' own, their first one chosen
                yield Input(placeholder=_("amount"), restrict=r"[0-9., ]*",
                            id="payment-amount", compact=True)
                yield Select(options(methods), value=methods[0], allow_blank=False,
                             id="payment-method", compact=True)
        yield record

    def on_mount(self) -> None:
        self._focus_next()
        if self.view.policy is None:
            self.refused(self.view.policy_error or "")

    async def render_view(self, view: SessionView) -> None:
        self.put("#summary", self.summary())
        needs = {r.rule: r for r in view.requirements}
        for item in checklist(view):
            box = self.query_one(f"#item-{item.key}", Vertical)
            need = needs.get(item.rule)
            event = view.last(item.kind)
            # An item the terms do not ask for here (a business client's waiver) is hidden.
            box.display = need is not None or event is not None
            title = Text()
            title.append("○ " if need else "✔ ", style="yellow" if need else "bold green")
            title.append(item.title, style="bold" if need else "")
            rule = view.policy.rules.get(item.rule) if view.policy else None
            # the terms' article, or the law's when they are silent (a baseline rule)
            cited = cite(rule.article if rule is not None else need.article if need else None)
            if cited:
                title.append(f"  ({cited})", style="dim")
            if need is None and event is not None:
                title.append(" — " + done_text(event, self.sapp.tz), style="green")
            box.query_one(".item-title", Static).update(title)
            need_text = box.query_one(".item-need", Static)
            need_text.update(plain(_hint(need.message) if need else ""))
            need_text.display = need is not None
            box.query_one(".item-form").display = need is not None
        listed = {item.rule for item in items()}
        others = Text()
        for need in view.requirements:
            if need.rule not in listed:
                others.append(("\n" if others else "") + "⚠ " + clean(_hint(need.message)),
                              style="bold red" if need.severity == "error" else "yellow")
                if cite(need.article):
                    others.append(f"  ({cite(need.article)})", style="dim")
        self.put("#other-needs", others)
        consent = view.session.has_consent
        self.query_one("#start", Button).disabled = not consent
        open_points = sum(1 for r in view.requirements if not r.blocking)
        if not consent:
            hint = _("Record the client's consent first.")
        elif open_points:
            hint = n_(open_points, "{n} point of the terms still open: starting now "
                      "reports it.", "{n} points of the terms still open: starting now "
                      "reports them.")
        else:
            hint = _("Everything the terms ask for is on record.")
        self.put("#start-hint", hint)
        self._focus_next()
        self.refresh_bindings()

    def _focus_next(self) -> None:
        """Keep the keyboard on the first item still to record, then on Start."""
        focused = self.focused
        if focused is not None and all(
                form.display for form in focused.ancestors if form.has_class("item-form")):
            return
        for form in self.query(".item-form"):
            if form.display:
                inputs = form.query(Input)
                (inputs.first() if inputs else form.children[0]).focus()
                return
        self.query_one("#start", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.view.session.has_consent or None
        return True

    # --- recording the items -------------------------------------------------------------

    def _value(self, selector: str) -> str:
        widget = self.query_one(selector)
        if isinstance(widget, Input):
            return widget.value.strip()
        return str(widget.value)  # type: ignore[attr-defined]

    @on(Button.Pressed, ".record")
    async def _record(self, event: Button.Pressed) -> None:
        key = (event.button.id or "").removeprefix("record-")
        await self.record(key)

    @on(Input.Submitted, ".item-form Input")
    async def _submitted(self, event: Input.Submitted) -> None:
        key = (event.input.id or "").split("-")[0]
        await self.record(key)

    async def record(self, key: str) -> None:
        """Record one item. Widgets are read here, on the event loop; only the write runs
        on the store thread."""
        if key == "consent" and not self._value("#consent-by"):
            self.refused(_("Say who gave consent (the client, or the person he trusted)."))
            self.query_one("#consent-by", Input).focus()
            return
        if key == "quote" and not self._value("#quote-by"):
            self.refused(_("Say who signed the quote."))
            self.query_one("#quote-by", Input).focus()
            return
        svc, sid, at = self.sapp.service, self.session_id, self.sapp.instant()
        match key:
            case "consent":
                await self.command(svc.consent, sid, channel=self._value("#consent-channel"),
                                   by=self._value("#consent-by"), at=at)
            case "quote":
                await self.command(svc.accept_quote, sid, how=self._value("#quote-how"),
                                   by=self._value("#quote-by"), at=at)
            case "waiver":
                await self.command(svc.waive_withdrawal, sid,
                                   medium=self._value("#waiver-medium"), at=at)
            case "sensitive":
                await self.command(svc.warn_sensitive_docs, sid, at=at)
            case "backup":
                await self.command(svc.record_backup, sid,
                                   answer=self._value("#backup-answer"), at=at)
            case "payment":
                await self.command(svc.record_payment, sid,
                                   amount=self._value("#payment-amount"),
                                   method=self._value("#payment-method"), at=at)

    # --- starting ------------------------------------------------------------------------

    @on(Button.Pressed, "#start")
    async def action_start(self) -> None:
        if not self.view.session.has_consent:
            self.refused(_("Record the client's consent first."))
            return
        self.start(self.sapp.moment())

    @on(Button.Pressed, "#start-without-consent")
    def action_start_without_consent(self) -> None:
        at = self.sapp.moment()

        def start(reason: str | None) -> None:
            if reason:
                self.start(at, reason=reason)

        self.app.push_screen(
            ReasonDialog(_("Start without consent"),
                         _("Why must access start before the client's consent is on "
                           "record? The reason is recorded and reported."),
                         required=True, confirm=_("Start now")),
            start)

    def start(self, at: datetime, *, reason: str | None = None) -> None:
        self.run_worker(self._start(at, reason), group="start", exclusive=True)

    async def _start(self, at: datetime, reason: str | None) -> None:
        """Start the clock; while another session runs, ask first: two clocks running
        at once bill the same minutes twice."""
        others = await self.load(running_others, self.sapp.service, self.session_id)
        if not others:
            await self._start_now(at, reason)
            return
        names = ", ".join(f"{clean(name, one_line=True)} ({local_time(started, self.sapp.tz)})"
                          for _id, name, started in others)

        def answered(answer: str | None) -> None:
            if answer is not None:
                self.run_worker(self._after_answer(answer, others, at, reason),
                                group="start", exclusive=True)

        # The answer comes through a callback, not by awaiting the dialog: no worker waits
        # on the technician.
        self.app.push_screen(ConfirmDialog(
            _("Another session is running"),
            n_(len(others), "The clock of {sessions} is running. Pause it and start this "
               "one, or let both run (the same minutes would be billed twice)?",
               "The clocks of {sessions} are running. Pause them and start this one, or let "
               "all run (the same minutes would be billed twice)?", sessions=names),
            [("pause", _("Pause, then start")), ("both", _("Start anyway"))]), answered)

    async def _after_answer(self, answer: str, others: list[tuple[str, str, datetime]],
                            at: datetime, reason: str | None) -> None:
        if answer == "pause":
            for other_id, _name, _started in others:
                if await self.command(self.sapp.service.pause, other_id, at=at,
                                      reason=_("another session started")) is None:
                    return
        await self._start_now(at, reason)

    async def _start_now(self, at: datetime, reason: str | None) -> None:
        await self.command(self.sapp.service.start, self.session_id, at=at,
                           without_consent=reason is not None, reason=reason)

def running_others(svc: Sessiond, session_id: str) -> list[tuple[str, str, datetime]]:
    """The sessions whose clock runs, but `session_id`: (id, client's name, start)."""
    found = []
    for s in svc.open_sessions():
        if s.state is State.RUNNING and s.id != session_id and s.started_at is not None:
            found.append((s.id, svc.client(s.client_id).name or _("(erased)"), s.started_at))
    return found


def _hint(message: str) -> str:
    """A requirement's message, without the CLI command it gives: here its line has the
    form that records it."""
    import re

    return re.sub(r"\s*\(sessiond [^)]*\)", "", message)
