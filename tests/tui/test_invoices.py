"""Invoices from the terminal interface (issue 15, items 4 and 5): a session's invoice
from the end screen, a client's month from the Clients screen, and the client's details an
invoice needs, edited on the Clients screen. Real SQLite, real PDFs (read back with
pdftotext), and the log read back through a second service."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from sessiond.exports.invoice import issue_invoice
from sessiond.sessions import Sessiond
from sessiond.tui.format import money
from sessiond.tui.screens.clients import ClientsScreen
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.widgets.identity import IdentityDialog
from sessiond.tui.widgets.invoicing import ClientEditDialog, MonthDialog
from tests.tui.conftest import FakeClock, settle, shown, toasts, wait_for
from tests.tui.test_day import app_for

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is needed")

TECHNICIAN = """[technician]
name = "Jean Dupré EI"
siret = "732 829 320 00074"
address = "3 rue de l'Église, 54230 Chaligny"
"""
ADDRESS = "12 rue des Lilas, 75011 Paris"
SIREN = "552 100 554"  # a valid SIREN (Luhn)
WRONG_SIREN = "552 100 555"  # its last digit changed: the check digit fails


@pytest.fixture
def identified(home: Path) -> None:
    """`[technician]` complete, written before the service reads config.toml (request it
    before `svc`)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(TECHNICIAN, encoding="utf-8")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True, timeout=60).stdout
    return " ".join(out.split())


def stopped(svc: Sessiond, client: str, start: datetime, minutes: int = 50) -> str:
    session = svc.new_session(client, policy="vlh", at=start - timedelta(minutes=5))
    svc.consent(session, channel="oral", by="le client", at=start - timedelta(minutes=1))
    svc.accept_quote(session, how="electronic", by="le client",
                     at=start - timedelta(minutes=1))
    svc.start(session, at=start)
    svc.stop(session, at=start + timedelta(minutes=minutes))
    return session


def focused(app: object, selector: str) -> bool:
    """Whether the widget has the focus (keys typed next go to it)."""
    from textual.css.query import NoMatches

    try:
        return bool(app.screen.query_one(selector).has_focus)  # type: ignore[attr-defined]
    except NoMatches:
        return False


def invoices(svc: Sessiond) -> list[dict[str, object]]:
    return [e.body for e in svc.invoice_events() if e.kind == "invoice-issued"]


async def open_end(app: object, pilot: object, session: str) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    await app.open_session(session)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))  # type: ignore[arg-type,attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_end_screen_invoices_the_session_once(identified: None, svc: Sessiond,
                                                    other: Sessiond, clock: FakeClock,
                                                    home: Path) -> None:
    client = svc.add_client("Mme Céleste Roux", address=ADDRESS,
                            at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    documents = home / "documents"
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: list(documents.glob("facture-*.pdf")), timeout=60)
        await settle(pilot)

        (issued,) = invoices(other)  # through a second connection: it is in the log
        assert issued["sessions"] == [session]
        number = str(issued["number"])
        assert number == "F-2026-0001"
        pdf = documents / f"facture-{number}.pdf"
        text = pdf_text(pdf)
        assert number in text and "Mme Céleste Roux" in text
        assert "293 B" in text
        def spaced(text: str) -> str:
            return text.replace("\u00a0", " ").replace("\u202f", " ")

        total = spaced(money(Decimal(str(issued["total"]))))
        assert total == "35,00 €"  # VLH: 50 minutes worked
        said = spaced(" ".join(toasts(app)))
        assert number in said and str(pdf) in said and total in said
        assert "35,00" in text

        # Again: refused in words, with what to do; no second invoice.
        await pilot.press("f")
        await wait_for(pilot, lambda: any("déjà" in t and number in t for t in toasts(app)))
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
    assert len(invoices(other)) == 1
    assert len(list(documents.glob("facture-*.pdf"))) == 1


async def test_a_missing_address_opens_the_form_then_invoices(identified: None,
                                                              svc: Sessiond, other: Sessiond,
                                                              clock: FakeClock,
                                                              home: Path) -> None:
    client = svc.add_client("M. Sans Adresse", at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: focused(app, "#client-address"))
        assert isinstance(app.screen, ClientEditDialog)
        assert "adresse postale" in shown(app, "#client-edit-reason")  # why it opened
        assert invoices(other) == []
        await pilot.press(*ADDRESS, "enter")
        await wait_for(pilot, lambda: invoices(other), timeout=60)
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
    assert other.client(client).address == ADDRESS
    (issued,) = invoices(other)
    assert issued["sessions"] == [session]
    assert ADDRESS.split(",")[0] in pdf_text(home / "documents" / f"facture-{issued['number']}.pdf")


async def test_a_business_without_siren_gives_it_checked_then_gets_factur_x(
        identified: None, svc: Sessiond, other: Sessiond, clock: FakeClock,
        home: Path) -> None:
    client = svc.add_client("SARL Lilas", status="business", address=ADDRESS,
                            at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: focused(app, "#client-siren"))  # the field missing
        assert isinstance(app.screen, ClientEditDialog)
        edits = len([e for e in other.client_events(client) if e.kind == "client-edited"])

        await pilot.press(*WRONG_SIREN, "enter")  # refused in the form, nothing written
        await wait_for(pilot, lambda: "SIREN" in shown(app, "#client-edit-problems"))
        assert "chiffre de contrôle" in shown(app, "#client-edit-problems") or \
            "SIREN (9" in shown(app, "#client-edit-problems")
        assert isinstance(app.screen, ClientEditDialog)
        assert other.client(client).siren is None
        assert len([e for e in other.client_events(client)
                    if e.kind == "client-edited"]) == edits
        assert invoices(other) == []

        field = app.screen.query_one("#client-siren", Input)
        field.value = ""
        await pilot.press(*SIREN, "enter")
        await wait_for(pilot, lambda: invoices(other), timeout=90)
        await settle(pilot)
    assert other.client(client).siren == SIREN.replace(" ", "")
    (issued,) = invoices(other)
    assert issued["facturx"] is True
    pdf = home / "documents" / f"facture-{issued['number']}.pdf"
    listed = subprocess.run(["pdfdetach", "-list", str(pdf)], check=True,
                            capture_output=True, text=True, timeout=60).stdout
    assert "factur-x.xml" in listed
    assert SIREN.replace(" ", "") in pdf_text(pdf).replace(" ", "")


async def test_the_identity_form_draws_what_config_toml_holds_by_hand_on_one_line(
        svc: Sessiond, clock: FakeClock, home: Path) -> None:
    """config.toml edited by hand: a name holding ESC [ 2 J (a TOML escape), an address on
    two lines, no SIRET. The form the invoice opens draws both as a terminal can, on one
    line each, controls removed."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        '[technician]\nname = "Jean Dupr\u00e9\\u001b[2J EI"\n'
        'address = """3 rue de l\'\u00c9glise\n54230 Chaligny"""\n', encoding="utf-8")
    svc.reload_config()
    client = svc.add_client("Mme Roux", address=ADDRESS, at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, IdentityDialog))
        fields = {name: app.screen.query_one(f"#t-{name}", Input) for name in ("name",
                                                                              "address")}
        assert fields["name"].value == "Jean Dupré[2J EI"
        assert fields["address"].value == "3 rue de l'Église 54230 Chaligny"
        for field in fields.values():
            drawn = "".join(segment.text for strip in field.render_lines(
                field.region.reset_offset) for segment in strip)
            assert "\x1b" not in drawn and "\n" not in drawn


async def test_an_incomplete_identity_opens_its_form_first(svc: Sessiond, other: Sessiond,
                                                          clock: FakeClock,
                                                          home: Path) -> None:
    client = svc.add_client("Mme Roux", address=ADDRESS, at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: focused(app, "#t-name"))
        assert isinstance(app.screen, IdentityDialog)
        assert any("[technician]" in t for t in toasts(app))  # the refusal, as text
        await pilot.press("escape")  # cancelled: nothing issued
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        await settle(pilot)
        assert invoices(other) == []

        await pilot.press("f")  # filled in this time: the invoice follows the form
        await wait_for(pilot, lambda: focused(app, "#t-name"))
        await pilot.press(*"Jean Dupré EI", "tab", "tab", *"73282932000074", "tab",
                          *"3 rue de l'Église, 54230 Chaligny", "enter")
        await wait_for(pilot, lambda: invoices(other), timeout=60)
        await settle(pilot)
        assert isinstance(app.screen, EndScreen)
    (issued,) = invoices(other)
    assert issued["sessions"] == [session]
    assert "Jean Dupré EI" in pdf_text(home / "documents" / f"facture-{issued['number']}.pdf")


async def open_clients(app: object, pilot: object, client: str) -> ClientsScreen:
    await settle(pilot)  # type: ignore[arg-type]
    await app.action_clients()  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen)  # type: ignore[arg-type,attr-defined]
                   and app.screen.query_one("#clients", DataTable).row_count > 0)  # type: ignore[attr-defined]
    screen: ClientsScreen = app.screen  # type: ignore[attr-defined]
    table = screen.query_one("#clients", DataTable)
    table.move_cursor(row=table.get_row_index(client), animate=False)
    await wait_for(pilot, lambda: (v := screen.selected()) is not None  # type: ignore[arg-type]
                   and v.client.id == client)
    return screen


async def test_the_month_invoice_takes_exactly_the_months_uninvoiced_sessions(
        identified: None, svc: Sessiond, other: Sessiond, clock: FakeClock,
        home: Path, tmp_path: Path) -> None:
    # The clock is on 10 March 2026.
    at = clock.at
    client = svc.add_client("Mme Mensuelle", address=ADDRESS, at=at - timedelta(days=40))
    other_client = svc.add_client("M. Voisin", address=ADDRESS, at=at - timedelta(days=40))
    february = stopped(svc, client, at - timedelta(days=20))  # 18 February
    march_1 = stopped(svc, client, at - timedelta(days=8))  # 2 March
    invoiced = stopped(svc, client, at - timedelta(days=5))  # 5 March, invoiced below
    march_2 = stopped(svc, client, at - timedelta(days=1), minutes=20)  # 9 March
    stopped(svc, other_client, at - timedelta(days=2))  # another client's March
    issue_invoice(svc, [invoiced], tmp_path, now=at - timedelta(days=4))
    assert len(invoices(svc)) == 1

    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clients(app, pilot, client)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, MonthDialog)
                       and focused(app, "#months"))
        dialog = app.screen
        assert [m.name for m in dialog.months[:2]] == ["mars 2026", "février 2026"]  # type: ignore[attr-defined]
        assert [m.sessions for m in dialog.months[:3]] == [2, 1, 0]  # type: ignore[attr-defined]
        await pilot.press("enter")  # this month, preselected
        await wait_for(pilot, lambda: len(invoices(other)) == 2, timeout=60)
        await settle(pilot)
        assert invoices(other)[-1]["sessions"] == [march_1, march_2]
        assert any("F-2026-0002" in t for t in toasts(app))

        await pilot.press("f")  # the month before: what a technician does on the 1st
        await wait_for(pilot, lambda: isinstance(app.screen, MonthDialog)
                       and focused(app, "#months"))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: len(invoices(other)) == 3, timeout=60)
        await settle(pilot)
        assert invoices(other)[-1]["sessions"] == [february]

        await pilot.press("f")  # nothing left in March: a notice, no error, no invoice
        await wait_for(pilot, lambda: isinstance(app.screen, MonthDialog)
                       and focused(app, "#months"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Rien à facturer" in t for t in toasts(app)))
        await settle(pilot)
        notice = next(n for n in app._notifications if "Rien à facturer" in n.message)
        assert notice.severity == "information"
    assert len(invoices(other)) == 3
    pdf = home / "documents" / "facture-F-2026-0002.pdf"
    text = pdf_text(pdf)
    assert "F-2026-0002" in text and "Mme Mensuelle" in text
    assert march_1 in text and march_2 in text and invoiced not in text


async def test_an_address_on_two_lines_is_edited_on_one_and_kept_if_left(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    """A postal address recorded on two lines with a terminal's escape sequence (`client
    add --address`): its field draws it on one line, controls removed, and giving the SIREN
    alone leaves the address recorded as it was."""
    address = "12 rue des Lilas\x1b[2J\n75011 Paris"
    client = svc.add_client("SARL Lilas", status="business", address=address,
                            at=clock.at - timedelta(hours=1))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clients(app, pilot, client)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientEditDialog))
        field = app.screen.query_one("#client-address", Input)
        assert field.value == "12 rue des Lilas[2J 75011 Paris"
        drawn = "".join(segment.text for strip in field.render_lines(field.region.reset_offset)
                        for segment in strip)
        assert "\x1b" not in drawn and "\n" not in drawn
        app.screen.query_one("#client-siren", Input).focus()
        await pilot.press(*SIREN, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen))
    edited = other.client(client)
    assert (edited.address, edited.siren) == (address, SIREN.replace(" ", ""))


async def test_client_details_are_edited_and_a_wrong_siren_writes_nothing(
        svc: Sessiond, other: Sessiond, clock: FakeClock) -> None:
    client = svc.add_client("[/]", status="business", at=clock.at - timedelta(hours=1))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clients(app, pilot, client)
        await pilot.press("e")
        await wait_for(pilot, lambda: focused(app, "#client-address"))
        assert isinstance(app.screen, ClientEditDialog)
        assert "[/]" in str(app.screen.query_one(".dialog-title").render())  # a name, shown
        await pilot.press(*ADDRESS, "tab", *WRONG_SIREN, "enter")
        await wait_for(pilot, lambda: "SIREN" in shown(app, "#client-edit-problems"))
        assert isinstance(app.screen, ClientEditDialog)
        assert app.screen.query_one("#client-siren", Input).has_focus
        assert not [e for e in other.client_events(client) if e.kind == "client-edited"]
        assert other.client(client).address is None  # the address neither: one refusal

        app.screen.query_one("#client-siren", Input).value = ""
        await pilot.press(*SIREN, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ClientsScreen))
        await wait_for(pilot, lambda: SIREN.replace(" ", "") in shown(app, "#client-info"))
        assert any("[/]" in t for t in toasts(app))
    edited = other.client(client)
    assert (edited.address, edited.siren) == (ADDRESS, SIREN.replace(" ", ""))
    assert len([e for e in other.client_events(client) if e.kind == "client-edited"]) == 1


async def test_a_business_elsewhere_in_the_eu_gives_its_vat_number_then_is_reverse_charged(
        svc: Sessiond, home: Path, clock: FakeClock) -> None:
    """The invoice refused for the client's intra-EU VAT number opens his form on that
    field; a number of another state is refused there, his own is recorded and the
    invoice states "Autoliquidation" with both numbers."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(TECHNICIAN + 'vat_number = "FR44732829320"\n',
                                      encoding="utf-8")
    svc.reload_config()
    client = svc.add_client("Müller GmbH", status="business", country="DE",
                            address="Hauptstraße 5, 10115 Berlin",
                            at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: focused(app, "#client-vat_number"))
        await pilot.press(*"BE0123456789", "enter")  # not his country's prefix
        await wait_for(pilot, lambda: "DE" in shown(app, "#client-edit-problems"))
        assert isinstance(app.screen, ClientEditDialog)
        app.screen.query_one("#client-vat_number", Input).value = ""
        await pilot.press(*"DE123456789", "enter")
        await wait_for(pilot, lambda: invoices(svc), timeout=90)
        await settle(pilot)
    assert svc.client(client).vat_number == "DE123456789"
    (issued,) = invoices(svc)
    text = " ".join(pdf_text(home / "documents" / f"facture-{issued['number']}.pdf").split())
    assert "Autoliquidation" in text and "DE123456789" in text and "FR44732829320" in text


async def test_an_eu_business_invoice_asks_for_the_technicians_vat_number_in_his_form(
        identified: None, svc: Sessiond, clock: FakeClock, home: Path) -> None:
    """The reverse charge states the technician's intra-EU number too: the invoice refused
    for it opens the identity form, which has the field and checks it against the SIREN."""
    client = svc.add_client("Müller GmbH", status="business", country="DE",
                            address="Hauptstraße 5, 10115 Berlin", vat_number="DE123456789",
                            at=clock.at - timedelta(hours=3))
    session = stopped(svc, client, clock.at - timedelta(hours=2))
    app = app_for(svc, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_end(app, pilot, session)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, IdentityDialog))
        field = app.screen.query_one("#t-vat_number", Input)
        field.value = "FR40303265045"  # another business's number: not his SIREN
        await pilot.press("enter")
        await wait_for(pilot, lambda: "732829320" in shown(app, "#identity-problems"))
        assert invoices(svc) == []
        field.value = "FR44732829320"
        await pilot.press("enter")
        await wait_for(pilot, lambda: invoices(svc), timeout=90)
        await settle(pilot)
    assert 'vat_number = "FR44732829320"' in (home / "config.toml").read_text("utf-8")
    (issued,) = invoices(svc)
    text = " ".join(pdf_text(home / "documents" / f"facture-{issued['number']}.pdf").split())
    assert "Autoliquidation" in text and "FR44732829320" in text
