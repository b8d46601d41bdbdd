"""A session's events in words, as the technician reads them beside the clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from rich.text import Text

from sessiond import labels
from sessiond.clock import from_text
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.model import Event
from sessiond.tui.format import label, local_time, money
from sessiond.tui.text import clean


def describe(event: Event, tz: ZoneInfo) -> str:
    b, p = event.body, event.personal or {}
    match event.kind:
        case "session-planned":
            return _("session planned")
        case "consent-recorded":
            return _("consent: {channel}, {by}", channel=label(b["channel"]),
                     by=p.get("by", "…"))
        case "session-started":
            if b.get("without_consent"):
                return _("started WITHOUT consent: {reason}", reason=p.get("reason", "…"))
            return _("started")
        case "session-paused":
            reason = p.get("reason")
            return _("paused: {reason}", reason=reason) if reason else _("paused")
        case "session-resumed":
            return _("resumed")
        case "session-stopped":
            return _("stopped by {who}", who=label(b["ended_by"]))
        case "note-added":
            return _("note: {text}", text=p.get("text", "…"))
        case "artifact-recorded":
            request = p.get("client_request")
            if request:
                return _("{artifact} at the client's request: {request}",
                         artifact=label(b["artifact"]), request=request)
            return _("{artifact} WITHOUT a request from the client",
                     artifact=label(b["artifact"]))
        case "control-returned":
            return _("the client took control back")
        case "disconnect-confirmed":
            return _("disconnected: no more access to the client's computer")
        case "quote-accepted":
            return _("quote accepted ({how})", how=label(b["how"]))
        case "withdrawal-waiver":
            return _("withdrawal waiver ({medium})", medium=label(b["medium"]))
        case "sensitive-docs-warned":
            return _("client asked to close his sensitive documents")
        case "backup-status":
            return _("backup: {answer}", answer=label(b.get("answer")))
        case "payment-recorded":
            return _("payment: {amount} ({method})", amount=money(Decimal(b["amount"])),
                     method=label(b["method"]))
        case "refund-recorded":
            return _("refund: {amount} ({method})", amount=money(Decimal(b["amount"])),
                     method=label(b["method"]))
        case "outcome-recorded":
            return _("problem {number}: {result}", number=b["problem"],
                     result=label(b["result"]))
        case "reduction-requested":
            return _("the client asked for the partial-result reduction")
        case "hardware-defective":
            return _("the client's hardware proved defective")
        case "fee-added":
            return _("fee: {fee}", fee=labels.fee(b["fee"]))
        case "check-completed":
            return _("terms checked: {errors}, {warnings}",
                     errors=n_(b["errors"], "{n} error", "{n} errors"),
                     warnings=n_(b["warnings"], "{n} warning", "{n} warnings"))
        case "receipt-issued":
            return _("receipt issued")
        case "span-reviewed":
            return _("unseen span {start}–{end}: {decision}",
                     start=local_time(from_text(b["start"]), tz),
                     end=local_time(from_text(b["end"]), tz),
                     decision=_("worked") if b["decision"] == "worked" else _("paused"))
        case "instant-amended":
            return _("time of event #{seq} corrected", seq=b["corrects"])
        case "session-reopened":
            return _("stop #{seq} undone: the session goes on", seq=b["corrects"])
        case "session-cancelled":
            return _("session cancelled")
        case "session-moved":
            return _("session moved to another client")
        case "text-redacted":
            return _("text of event #{seq} redacted", seq=b["corrects"])
    return _("another fact of the log")


def corrections_of(events: Sequence[Event]) -> dict[int, list[Event]]:
    """The seq of each corrected event -> the events that correct it (an amended instant,
    a reopened stop, a redacted text, a note that replaces it), as `sessiond log` marks
    them."""
    found: dict[int, list[Event]] = {}
    for event in events:
        target = event.body.get("corrects", event.body.get("replaces"))
        if isinstance(target, int):
            found.setdefault(target, []).append(event)
    return found


def redacted(event: Event, fixed: dict[int, list[Event]]) -> bool:
    return any(c.kind == "text-redacted" for c in fixed.get(event.seq, ()))


_CORRECTING: dict[str, Callable[[str], str]] = {
    "instant-amended": lambda why: _("a time corrected: {reason}", reason=why),
    "session-reopened": lambda why: _("the stop undone, the session goes on: {reason}",
                                      reason=why),
    "session-moved": lambda why: _("session moved to another client: {reason}", reason=why),
    "text-redacted": lambda why: _("a text redacted: {reason}", reason=why),
}


def marked(event: Event, tz: ZoneInfo, fixed: dict[int, list[Event]]) -> Text:
    """An event of the timeline as the corrections left it: the original stays in the log,
    so its line says what was corrected."""
    kinds = {c.kind for c in fixed.get(event.seq, ())}
    reason = (event.personal or {}).get("reason")
    if event.kind == "note-added" and "text-redacted" in kinds:
        text = Text(_("note: {text}", text=_("(redacted)")))
    elif event.kind in _CORRECTING and reason:
        # The timeline numbers nothing: a correction says why, beside what it corrected.
        text = Text(clean(_CORRECTING[event.kind](reason), one_line=True))
    else:
        text = Text(clean(describe(event, tz), one_line=True))
    marks = []
    if "instant-amended" in kinds:
        marks.append(_("time corrected"))
    if "session-reopened" in kinds:
        marks.append(_("the stop, undone"))
    if "text-redacted" in kinds and event.kind != "note-added":
        marks.append(_("text redacted"))
    if event.kind == "note-added" and "note-added" in kinds:
        marks.append(_("replaced"))
    if marks:
        text.append(" (" + ", ".join(marks) + ")", style="italic")
    return text


def timeline(events: Sequence[Event], tz: ZoneInfo, last: int = 50) -> Text:
    """The session's events, oldest first: the screen keeps the newest in view."""
    text = Text()
    fixed = corrections_of(events)
    for event in list(events)[-last:]:
        if text:
            text.append("\n")
        text.append(local_time(event.at, tz, "%H:%M:%S") + "  ", style="dim")
        text.append_text(marked(event, tz, fixed))
    return text
