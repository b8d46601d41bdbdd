"""Invoices from the terminal interface: a session from the end screen, a client's month
from the Clients screen.

The invoice itself is `sessiond.exports.invoice`, as the CLI calls it, on the store thread
(backend.py): the number, the event and the checkpoint in one transaction, then the PDF
into the documents folder. What the TUI adds is what the CLI leaves to the user: when the
invoice is refused for a detail that can be filled in here (the technician's identity, the
client's address or a business's SIREN), the form opens at once and the invoice follows
when it is saved. Every other refusal (already invoiced, not finished...) is said in the
words the CLI uses.

Which detail a refusal is about is its type (exports.invoice.IdentityIncomplete,
ClientDetailsMissing), never guessed from the message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sessiond.errors import InputError
from sessiond.exports.invoice import (
    ClientDetailsMissing,
    IdentityIncomplete,
    InvoiceResult,
    invoice_period,
    issue_invoice,
    service_day,
    uninvoiced,
)
from sessiond.files import make_dirs
from sessiond.i18n import _
from sessiond.model import Client
from sessiond.sessions import Sessiond
from sessiond.tui.format import money
from sessiond.tui.widgets.invoicing import Month

if TYPE_CHECKING:
    from sessiond.config import Config
    from sessiond.model import Event
    from sessiond.tui.screens.base import SessiondScreen

# What issues the invoice, on the store thread: (service, documents folder, now).
Issue = Callable[[Sessiond, Path, datetime], InvoiceResult]

MONTHS = 12  # the months the Clients screen offers: this one and the eleven before


@dataclass(frozen=True)
class Refusal:
    """Why no invoice was issued. `cause`: "identity" ([technician] incomplete), "client"
    (the client's address, or a business's SIREN), "other"; `client`: the client the
    invoice names, for the form."""

    cause: str
    message: str
    client: Client | None = None


# --- on the store thread ------------------------------------------------------------------


def attempt(svc: Sessiond, client_id: str, issue: Issue, folder: Path,
            now: datetime) -> InvoiceResult | Refusal:
    """Issue the invoice; a refusal says whether a form of the TUI can lift it."""
    try:
        return issue(svc, folder, now)
    except IdentityIncomplete as refused:
        return Refusal("identity", refused.message)
    except ClientDetailsMissing as refused:
        return Refusal("client", refused.message, client_of(svc, client_id))
    except InputError as refused:
        return Refusal("other", refused.message)


def session_invoice(session_id: str) -> Issue:
    def issue(svc: Sessiond, folder: Path, now: datetime) -> InvoiceResult:
        return issue_invoice(svc, [session_id], folder, now=now)

    return issue


def period_invoice(client_id: str, first: date, last: date) -> Issue:
    def issue(svc: Sessiond, folder: Path, now: datetime) -> InvoiceResult:
        return invoice_period(svc, client_id, first, last, folder, now=now)

    return issue


def months(svc: Sessiond, client_id: str, today: date, count: int = MONTHS) -> list[Month]:
    """This month and the `count - 1` before it, the latest first, each with the number of
    the client's finished sessions not invoiced yet."""
    spans = []
    first = today.replace(day=1)
    for _n in range(count):
        following = (first + timedelta(days=32)).replace(day=1)
        spans.append((first, following - timedelta(days=1)))
        first = (first - timedelta(days=1)).replace(day=1)
    found = uninvoiced(svc, client_id, spans[-1][0], spans[0][1])
    days = [service_day(svc.session(s), svc) for s in found]
    return [Month(a, b, sum(a <= d <= b for d in days)) for a, b in spans]


def client_of(svc: Sessiond, client_id: str) -> Client:
    """The client as he stands now (the one a duplicate was merged into)."""
    return svc.client(svc.canonical_client(client_id))


# --- on the screen -------------------------------------------------------------------------


def issued_text(result: InvoiceResult) -> str:
    text = _("Invoice {number}: {total}, in {path}.", number=result.number,
             total=money(result.total), path=result.pdf)
    if result.facturx:
        text += " " + _("Factur-X (EN 16931): the XML is embedded as factur-x.xml.")
    return text


async def invoice(screen: SessiondScreen, client_id: str, issue: Issue) -> InvoiceResult | None:
    """Issue the invoice from `screen`; on a refusal a form can lift, open it, then try
    again once it is saved. Returns the invoice, or None (refused, cancelled, or left to
    the form's callback)."""
    sapp = screen.sapp
    folder = sapp.receipts_dir
    if await screen.command(make_dirs, folder) is None:  # refused: said, nothing issued
        return None
    screen.notify(_("Issuing the invoice…"), timeout=3)
    outcome = await screen.command(attempt, sapp.service, client_id, issue, folder,
                                   sapp.now())
    if outcome is None:  # a fault of the environment, said by `command`
        return None
    if isinstance(outcome, InvoiceResult):
        screen.notify(issued_text(outcome), timeout=20)
        return outcome

    async def again(saved: object) -> None:
        if saved is not None:
            await invoice(screen, client_id, issue)

    if outcome.cause == "identity":
        from sessiond.tui.widgets.identity import IdentityDialog

        screen.notify(outcome.message, title=_("Your identity first"), severity="warning",
                      timeout=15)

        async def identified(config: Config | None) -> None:
            if config is not None:
                sapp.config_written()
            await again(config)

        sapp.push_screen(IdentityDialog(sapp.service.config.technician), identified)
        return None
    if outcome.cause == "client" and outcome.client is not None:
        from sessiond.tui.widgets.invoicing import ClientEditDialog

        sapp.push_screen(ClientEditDialog(outcome.client, reason=outcome.message), again)
        return None
    screen.refused(outcome.message)
    return None


def edited_text(client: Client, event: Event) -> str:
    return _("Details of {client} saved (event #{seq}).",
             client=client.name or client.id, seq=event.seq)
