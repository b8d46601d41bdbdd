"""Invoices and credit notes from the log (issue 15), through the real command.

The PDF is read back with the real tools (pdftotext, pdfdetach, pypdf for the XMP), the
embedded XML is validated against the Factur-X XSD, and its totals are compared with the
PDF's and the bill's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import timed, write_config

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfdetach")),
                                reason="poppler-utils is needed")

ADDRESS = "3 avenue Foch, Bât. B, 69006 Lyon"
SIREN = "552081317"
START, STOP = "2025-03-10T09:00:00+01:00", "2025-03-10T10:20:00+01:00"


@pytest.fixture
def cli_home(cli: Cli) -> Cli:
    write_config(cli.home)
    return cli


def business(cli: Cli) -> str:
    out: str = cli("client", "add", "Atelier Dupont SARL", "--business", "--address", ADDRESS,
                   "--siren", SIREN, "--email", "compta@dupont.example").out.strip()
    return out


def consumer(cli: Cli, name: str = "Hélène Faure") -> str:
    out: str = cli("client", "add", name, "--address", "8 impasse des Roses, 33000 Bordeaux"
                   ).out.strip()
    return out


def stopped(cli: Cli, client: str, policy: str = "vlh", start: str = START,
            stop: str = STOP) -> str:
    return timed(cli, client, policy, start, stop)


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def attachment(pdf: Path, tmp: Path) -> bytes:
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True,
                             text=True, check=True).stdout
    assert "factur-x.xml" in listing
    target = tmp / "extracted.xml"
    subprocess.run(["pdfdetach", "-savefile", "factur-x.xml", "-o", str(target), str(pdf)],
                   check=True)
    return target.read_bytes()


def amount(text: str) -> Decimal:
    """A French amount as printed ("1 234,50 €") as a Decimal."""
    return Decimal(re.sub(r"[^\d,]", "", text).replace(",", "."))


# --- the documents -----------------------------------------------------------------------


def test_a_business_invoice_is_factur_x_with_every_mention(cli_home: Cli,
                                                           tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS, validate_xml

    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    bill = cli.json("bill", session)
    result = cli.json("invoice", session, "--out", str(tmp_path))
    assert result["number"] == f"F-{datetime.now(UTC).year}-0001"
    assert result["facturx"] is True and result["total"] == bill["total"]
    pdf = Path(result["pdf"])
    assert pdf.parent == tmp_path and pdf.stat().st_mode & 0o777 == 0o600

    text = text_of(pdf)
    flat = " ".join(text.split())
    for mention in ("Facture n° " + result["number"], "Jean Dupré EI", "SIRET : 732 829 320 00074",
                    "3 rue de l'Église", "54230 Chaligny", "Atelier Dupont SARL",
                    "3 avenue Foch", "Bât. B", "69006 Lyon", "SIREN : 552 081 317",
                    "Date de la prestation : 10/03/2025", "TVA non applicable, art. 293 B du CGI",
                    "Date d'échéance", "Pénalités de retard", "40 €", "Total HT",
                    "Quantité", "Prix unitaire HT", "Montant HT", session):
        assert mention in flat, mention
    # each bill line is an invoice line, and the total is the bill's
    for line in bill["lines"]:
        assert f"{Decimal(line['amount']).copy_abs():.2f}".replace(".", ",") in flat
    total_line = next(ln for ln in text.splitlines() if "Total HT" in ln)
    assert amount(total_line) == Decimal(bill["total"])

    xml = attachment(pdf, tmp_path)
    validate_xml(xml)  # the EN 16931 XSD of the factur-x library
    root = ET.fromstring(xml)
    grand = root.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
                      "ram:GrandTotalAmount", NS)
    assert grand is not None and Decimal(grand.text or "") == Decimal(bill["total"])
    code = root.find(".//ram:ExemptionReasonCode", NS)
    assert code is not None and code.text == "VATEX-FR-FRANCHISE"
    buyer_id = root.find(".//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID", NS)
    assert buyer_id is not None and buyer_id.text == SIREN

    from pypdf import PdfReader

    xmp = PdfReader(pdf).xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", raw)
    assert "EN 16931" in raw and "factur-x.xml" in raw


def test_a_consumer_invoice_has_his_mentions_and_no_business_ones(cli_home: Cli,
                                                                   tmp_path: Path) -> None:
    cli = cli_home
    client = consumer(cli)
    session = stopped(cli, client, policy="md-micro-services")
    cli("record", session, "payment", "--amount", "20", "--method", "card")
    result = cli.json("invoice", session, "--out", str(tmp_path / "f.pdf"))
    assert result["facturx"] is False and result["pdf"].endswith("f.pdf")
    flat = " ".join(text_of(Path(result["pdf"])).split())
    for mention in ("Hélène Faure", "8 impasse des Roses", "33000 Bordeaux",
                    "TVA non applicable, art. 293 B du CGI", "Jean Dupré EI",
                    "Date d'échéance", "Paiement à réception de la facture"):
        assert mention in flat, mention
    assert "40 €" not in flat and "SIREN : " not in flat  # a consumer owes no indemnity
    assert "20,00 €" in flat  # the payment already received is deducted
    listing = subprocess.run(["pdfdetach", "-list", result["pdf"]], capture_output=True,
                             text=True, check=True).stdout
    assert "factur-x.xml" not in listing


# --- numbers -------------------------------------------------------------------------------


def test_an_invoiced_session_cannot_be_invoiced_again(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    first = cli.json("invoice", session, "--out", str(tmp_path))
    again = cli("invoice", session, "--out", str(tmp_path), check=False)
    assert again.code == 2 and first["number"] in again.err
    assert "sessiond invoice cancel" in again.err
    kinds = [e["kind"] for e in cli.events()]
    assert kinds.count("invoice-issued") == 1


def test_a_credit_note_cites_its_invoice_and_frees_the_session(cli_home: Cli,
                                                               tmp_path: Path) -> None:
    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    invoice = cli.json("invoice", session, "--out", str(tmp_path))
    no_reason = cli("invoice", "cancel", invoice["number"], check=False)
    assert no_reason.code == 2 and "--reason" in no_reason.err
    note = cli.json("invoice", "cancel", invoice["number"], "--reason",
                    "tarif appliqué par erreur", "--out", str(tmp_path))
    year = datetime.now(UTC).year
    assert note["kind"] == "credit-note" and note["number"] == f"A-{year}-0002"
    assert note["cites"] == invoice["number"] and note["total"] == invoice["total"]
    flat = " ".join(text_of(Path(note["pdf"])).split())
    assert "Avoir n° " + note["number"] in flat
    assert invoice["number"] in flat and "tarif appliqué par erreur" in flat
    # the credit note's XML cites the invoice too (BT-25)
    xml = attachment(Path(note["pdf"]), tmp_path)
    assert f"<ram:IssuerAssignedID>{invoice['number']}</ram:IssuerAssignedID>" in \
        xml.decode("utf-8")
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml
    # the reason is sealed: nowhere in clear in the log's file
    assert "tarif appliqué" not in stored_text(cli, "credit-note-issued")
    assert invoice["number"] in stored_text(cli, "credit-note-issued")
    twice = cli("invoice", "cancel", invoice["number"], "--reason", "encore", check=False)
    assert twice.code == 2 and note["number"] in twice.err
    again = cli.json("invoice", session, "--out", str(tmp_path))
    assert again["number"] == f"F-{year}-0003"
    listed = cli.json("invoice", "list")
    assert [r["number"] for r in listed] == [invoice["number"], note["number"],
                                            again["number"]]
    assert listed[0]["cancelled_by"] == note["number"]
    issued = date.fromisoformat(listed[0]["issued"])
    shown = cli("invoice", "list").out.splitlines()[0]  # the day as the invoice prints it
    assert shown.startswith(f"{invoice['number']}  {issued:%d/%m/%Y}  "), shown
    assert cli("verify").code == 0


def test_numbers_are_continuous_within_a_year_and_restart_each_year(cli_home: Cli,
                                                                    tmp_path: Path) -> None:
    from sessiond.exports.invoice import cancel_invoice, issue_invoice
    from sessiond.sessions import Sessiond

    cli = cli_home
    client = business(cli)
    sessions = [stopped(cli, client, start=f"2025-03-1{i}T09:00:00+01:00",
                        stop=f"2025-03-1{i}T10:00:00+01:00") for i in range(5)]
    svc = Sessiond()
    try:
        when = [datetime(2026, 12, 30, 10, tzinfo=UTC), datetime(2026, 12, 31, 23, 30, tzinfo=UTC),
                datetime(2027, 1, 2, 9, tzinfo=UTC)]
        numbers = [issue_invoice(svc, [sessions[0]], tmp_path, now=when[0]).number,
                   issue_invoice(svc, [sessions[1]], tmp_path, now=when[0]).number,
                   cancel_invoice(svc, "F-2026-0001", "erreur", tmp_path, now=when[0]).number,
                   # 23:30 UTC on 31 December is 2027 in Paris: the local year decides
                   issue_invoice(svc, [sessions[2]], tmp_path, now=when[1]).number,
                   issue_invoice(svc, sessions[3:5], tmp_path, now=when[2]).number,
                   issue_invoice(svc, [sessions[0]], tmp_path, now=when[2]).number]
    finally:
        svc.close()
    assert numbers == ["F-2026-0001", "F-2026-0002", "A-2026-0003", "F-2027-0001",
                       "F-2027-0002", "F-2027-0003"]
    verified = cli("verify")
    assert verified.code == 0


def test_verify_reports_a_break_in_the_series(cli_home: Cli, tmp_path: Path) -> None:
    """A log whose invoice series has a gap (an event appended behind the tool's back, with
    a valid chain) fails verify, naming the missing numbers."""
    from sessiond.sessions import Sessiond

    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    cli("invoice", session, "--out", str(tmp_path))
    svc = Sessiond()
    try:
        with svc.transaction() as w:  # a forged invoice that skips two numbers
            year = datetime.now(UTC).year
            svc.record_invoice(w, client_id=client, number=f"F-{year}-0004", year=year,
                               serial=4, sessions=[session], total=Decimal("1.00"),
                               digest="0" * 64, facturx=False, at=datetime.now(UTC))
    finally:
        svc.close()
    result = cli("verify", check=False)
    assert result.code == 1
    assert "2 à 3" in result.out + result.err and f"F-{year}-0004" in result.out + result.err


def test_an_invoice_event_nested_past_the_recursion_limit_is_named(cli_home: Cli,
                                                                    tmp_path: Path) -> None:
    """The series is read from every invoice event, a damaged one too: its body edited to
    JSON nested past Python's recursion limit is an invoice without a readable number,
    never an internal error of verify."""
    import sqlite3

    cli = cli_home
    session = stopped(cli, business(cli))
    cli("invoice", session, "--out", str(tmp_path))
    db = sqlite3.connect(cli.home / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_update")
    seq = db.execute("SELECT seq FROM events WHERE kind = 'invoice-issued'").fetchone()[0]
    db.execute("UPDATE events SET body = ? WHERE seq = ?", ("[" * 100_000, seq))
    db.commit()
    db.close()
    result = cli("verify", "--json", check=False)
    assert result.code == 1, result.err
    assert any(p["event"] == seq and "pas de numéro lisible" in p["message"]
               for p in result.json["problems"]), result.json["problems"]


# --- what an invoice needs of the client ----------------------------------------------------


def test_a_missing_address_or_siren_is_refused_naming_the_field(cli_home: Cli,
                                                                tmp_path: Path) -> None:
    cli = cli_home
    client = cli("client", "add", "Société Martin", "--business").out.strip()
    session = stopped(cli, client)
    refused = cli("invoice", session, check=False)
    assert refused.code == 2 and "address" in refused.err
    assert f"sessiond client edit {client} --address" in refused.err
    bad = cli("client", "edit", client, "--siren", "552081318", check=False)
    assert bad.code == 2 and "552081318" in bad.err
    cli("client", "edit", client, "--address", "1 rue de la Paix, 75002 Paris")
    refused = cli("invoice", session, check=False)
    assert refused.code == 2 and "siren" in refused.err
    cli("client", "edit", client, "--siren", "552 081 317")
    assert [e["kind"] for e in cli.events()].count("invoice-issued") == 0  # nothing written
    result = cli.json("invoice", session, "--out", str(tmp_path))
    flat = " ".join(text_of(Path(result["pdf"])).split())
    assert "1 rue de la Paix" in flat and "75002 Paris" in flat and "552 081 317" in flat
    # the details are sealed like the name
    assert "client-edited" in [e["kind"] for e in cli.events()]
    assert "Paix" not in stored_text(cli, "client-edited")


def test_an_incomplete_identity_numbers_nothing(cli: Cli) -> None:
    client = consumer(cli)
    session = stopped(cli, client)
    refused = cli("invoice", session, check=False)
    assert refused.code == 2 and "[technician]" in refused.err
    assert "invoice-issued" not in [e["kind"] for e in cli.events()]


# --- a period, corrections ----------------------------------------------------------------


def test_a_client_period_takes_his_uninvoiced_sessions(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    client = consumer(cli)
    other = consumer(cli, "Paul Girard")
    march = [stopped(cli, client, start=f"2025-03-{d}T09:00:00+01:00",
                     stop=f"2025-03-{d}T09:40:00+01:00") for d in ("03", "12", "28")]
    april = stopped(cli, client, start="2025-04-02T09:00:00+01:00",
                    stop="2025-04-02T09:30:00+01:00")
    stopped(cli, other, start="2025-03-12T14:00:00+01:00", stop="2025-03-12T15:00:00+01:00")
    cli("invoice", march[0], "--out", str(tmp_path))
    result = cli.json("invoice", "--client", client, "--from", "2025-03-01", "--to",
                      "2025-03-31", "--out", str(tmp_path))
    assert result["sessions"] == march[1:]
    assert april not in result["sessions"]
    none_left = cli("invoice", "--client", client, "--from", "2025-03-01", "--to",
                    "2025-03-31", check=False)
    assert none_left.code == 2 and client in none_left.err
    other_session = next(e["session"] for e in cli.events() if e["kind"] == "session-planned"
                         and e["client"] == other)
    mixed = cli("invoice", april, other_session, check=False)
    assert mixed.code == 2 and other in mixed.err  # one invoice, one client


def test_a_missed_appointment_is_dated_and_invoiced_on_its_day(cli_home: Cli,
                                                               tmp_path: Path) -> None:
    # Planned today for an appointment of 10 March 2025 the client missed: the no-show fee
    # (Micro-Alpes 3) is a service of 10 March, as the day's export places it, not of the
    # day the session was planned: the month's invoice takes it and dates it so, and so
    # does its receipt (CGI ann. II art. 242 nonies A: the date of the service).
    cli = cli_home
    client = consumer(cli)
    planned_on = datetime.now(ZoneInfo("Europe/Paris")).date()
    session = cli("session", "new", client, "--policy", "micro-alpes", "--mode", "onsite",
                  "--client-os", "windows", "--appointment", "2025-03-10T14:00:00+01:00"
                  ).out.strip()
    cli("record", session, "fee", "--kind", "no-show", "--at", "2025-03-10T14:30:00+01:00",
        "--yes")
    export = cli.json("export", "--day", "2025-03-10", "--format", "json", "--out",
                      str(tmp_path / "day.json"))
    assert export["sessions"] == 1
    result = cli.json("invoice", "--client", client, "--from", "2025-03-01", "--to",
                      "2025-03-31", "--out", str(tmp_path))
    assert result["sessions"] == [session]
    text = text_of(Path(result["pdf"]))
    assert "Date de la prestation : 10/03/2025" in text
    lines = text.split("Désignation")[1].split("Total HT")[0]
    assert "10/03/2025" in lines and planned_on.strftime("%d/%m/%Y") not in lines
    cli("receipt", session, "--out", str(tmp_path / "releve.pdf"))
    assert re.search(r"^Date\s+10/03/2025$", text_of(tmp_path / "releve.pdf"), re.M)
    assert [row["day"] for row in cli.json("client", "show", client)["sessions"]] == [
        "2025-03-10"]


def test_a_session_corrected_after_its_invoice_is_reported_until_the_credit_note(
        cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    invoice = cli.json("invoice", session, "--out", str(tmp_path))
    before = cli("check", session, "--json", check=False).json
    assert "invoice-current" not in [f["rule"] for f in before["findings"]]
    stop_seq = next(e["seq"] for e in cli.events() if e["kind"] == "session-stopped"
                    and e["session"] == session)
    cli("amend", session, str(stop_seq), "--at", "2025-03-10T10:05:00+01:00", "--reason",
        "arrêt noté trop tard", "--yes")
    after = cli("check", session, "--json", check=False).json
    found = [f for f in after["findings"] if f["rule"] == "invoice-current"]
    assert found and invoice["number"] in found[0]["message"]
    assert found[0]["article"] == "CGI, art. 289" and found[0]["severity"] == "error"
    still = cli("invoice", session, check=False)
    assert still.code == 2  # only after the credit note
    cli("invoice", "cancel", invoice["number"], "--reason", "heure d'arrêt corrigée",
        "--out", str(tmp_path))
    cleared = cli("check", session, "--json", check=False).json
    assert "invoice-current" not in [f["rule"] for f in cleared["findings"]]
    again = cli.json("invoice", session, "--out", str(tmp_path))
    assert Decimal(again["total"]) < Decimal(invoice["total"])  # the corrected, shorter day


def test_the_real_command(real_cli: Cli, tmp_path: Path) -> None:
    write_config(real_cli.home)
    client = consumer(real_cli)
    session = stopped(real_cli, client)
    result = real_cli.json("invoice", session, "--out", str(tmp_path))
    assert set(result) >= {"number", "pdf", "total"}
    assert Path(result["pdf"]).read_bytes().startswith(b"%PDF-")


def stored_text(cli: Cli, kind: str) -> str:
    """Every stored column of the events of `kind`, as the SQLite file holds them."""
    import sqlite3

    with sqlite3.connect(cli.home / "sessiond.sqlite3") as db:
        rows = db.execute("SELECT * FROM events WHERE kind = ?", (kind,)).fetchall()
    assert rows
    return repr(rows)


# --- kill -9 while invoicing --------------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from zoneinfo import ZoneInfo
from sessiond.exports.invoice import cancel_invoice, current_invoices, issue_invoice
from sessiond.sessions import Sessiond
svc = Sessiond()
session, out = sys.argv[1], Path(sys.argv[2])
left = current_invoices(svc.invoice_events()).get(session)  # by the writer killed before
if left is not None:
    cancel_invoice(svc, left.body["number"], "reprise", out)
print("ready", flush=True)
while True:
    issued = issue_invoice(svc, [session], out)
    cancel_invoice(svc, issued.number, "boucle de test", out)
"""


def test_kill_9_while_invoicing_leaves_whole_invoices_and_no_gap(cli_home: Cli,
                                                                 tmp_path: Path) -> None:
    """Numbering, the document, its event and its checkpoint are one transaction: after a
    kill at any point the log holds complete invoice events only, the series has no gap,
    and the next invoice takes the next number (none is used twice)."""
    import os
    import signal
    import sqlite3
    import sys
    import time

    from sessiond.sessions import Sessiond

    def written() -> int:
        with sqlite3.connect(cli.home / "sessiond.sqlite3") as db:
            return int(db.execute("SELECT COUNT(*) FROM events WHERE kind IN "
                                  "('invoice-issued', 'credit-note-issued')").fetchone()[0])

    cli = cli_home
    session = stopped(cli, business(cli))
    for attempt in range(4):
        before = written()
        writer = subprocess.Popen([sys.executable, "-c", WRITER, session, str(tmp_path)],
                                  env=cli.env, stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        # Each writer writes at least one document (on a loaded machine a fixed delay
        # ended some before their first), then the kill lands a different time into
        # the next one.
        deadline = time.monotonic() + 60
        while written() <= before and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.05 + 0.15 * attempt)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert cli("verify").code == 0  # the chain, the checkpoints and the series
    documents = [e for e in cli.events()
                 if e["kind"] in ("invoice-issued", "credit-note-issued")]
    assert len(documents) >= 4, len(documents)  # the writer really wrote
    svc = Sessiond()
    try:
        signed = {cp.seq for cp in svc.store.checkpoints()}
    finally:
        svc.close()
    assert all(d["seq"] in signed for d in documents)  # each with its own checkpoint
    serials = [d["body"]["serial"] for d in documents]
    assert serials == list(range(1, len(serials) + 1))
    if documents[-1]["kind"] == "invoice-issued":  # killed between invoice and credit note
        cli("invoice", "cancel", documents[-1]["body"]["number"], "--reason", "reprise",
            "--out", str(tmp_path))
    last = cli.json("invoice", session, "--out", str(tmp_path))
    numbers = [e["body"]["number"] for e in cli.events()
               if e["kind"] in ("invoice-issued", "credit-note-issued")]
    assert len(numbers) == len(set(numbers)) and last["number"] == numbers[-1]
    assert cli("verify").code == 0


# --- e-reporting --------------------------------------------------------------------------


def test_e_reporting_sums_private_clients_per_day(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    private = consumer(cli)
    company = business(cli)
    first = stopped(cli, private)
    second = stopped(cli, private, start="2025-03-10T14:00:00+01:00",
                     stop="2025-03-10T14:45:00+01:00")
    cli("record", first, "payment", "--amount", "30", "--method", "cash")
    ours = cli.json("invoice", first, second, "--out", str(tmp_path))
    cli.json("invoice", stopped(cli, company), "--out", str(tmp_path))  # e-invoiced: not here
    today = datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
    result = cli.json("export", "--format", "e-reporting", "--from", today, "--to", today,
                      "--out", str(tmp_path))
    assert result["format"] == "e-reporting"
    text = Path(result["path"]).read_bytes().decode("utf-8-sig")
    rows = [line.split(";") for line in text.splitlines()]
    assert rows[0][0] == "Date" and len(rows) == 3  # header, today, total
    day = rows[1]
    assert day[1] == ours["number"]
    assert day[2] == ours["total"].replace(".", ",") and day[4] == day[2]
    assert day[5] == "30,00" and day[6] == "1" and day[7:] == ["E", "VATEX-FR-FRANCHISE"]
    assert rows[2][2] == day[2]  # the total row is the sum of the rows
    assert Path(result["proof"]).is_file()
    kinds = [(e["kind"], e["body"].get("format")) for e in cli.events()]
    assert ("export-made", "e-reporting") in kinds
    assert cli("verify").code == 0
    assert cli("verify", "--export", result["path"]).code == 0


def test_e_reporting_keeps_a_private_sale_after_a_merge_into_a_business(
        cli_home: Cli, tmp_path: Path) -> None:
    """A garage added as a private client by mistake, invoiced (a PDF, no Factur-X) and
    paid, then added again as a business and the first merged into it: the e-reporting
    of the same days dropped the invoice and the payment (35,00 € became 0,00 €), a sale
    neither e-invoiced nor e-reported. A document says itself whether it went as
    Factur-X, and a payment is of the client as he was added: the figures stay."""
    cli = cli_home
    private = consumer(cli, "Garage Martin")
    session = stopped(cli, private)
    cli("record", session, "payment", "--amount", "20", "--method", "cash", "--at",
        "2025-03-10T10:30:00+01:00", "--yes")
    ours = cli.json("invoice", session, "--out", str(tmp_path))
    assert ours["facturx"] is False
    today = datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()

    def figures(out: str) -> list[list[str]]:
        result = cli.json("export", "--format", "e-reporting", "--from", "2025-03-10",
                          "--to", today, "--out", str(tmp_path / out))
        return [line.split(";") for line in
                Path(result["path"]).read_bytes().decode("utf-8-sig").splitlines()]

    before = figures("avant")
    assert before[-1][1:3] == ["1", ours["total"].replace(".", ",")]
    assert before[-1][5:7] == ["20,00", "1"]
    company = cli("client", "add", "Garage Martin SARL", "--business", "--address", ADDRESS,
                  "--siren", SIREN).out.strip()
    cli("client", "merge", private, "--into", company, "--reason", "le même garage")
    assert figures("apres") == before
    # the business's own invoice is e-invoiced: not reported
    cli.json("invoice", stopped(cli, company, start="2025-03-11T09:00:00+01:00",
                                stop="2025-03-11T09:30:00+01:00"), "--out", str(tmp_path))
    assert figures("ensuite") == before


def test_e_reporting_leaves_out_a_payment_withdrawn(cli_home: Cli, tmp_path: Path) -> None:
    """A payment typed twice and withdrawn was never received: the book and the bill
    leave it out, and so does the day's sum of payments reported to the administration."""
    cli = cli_home
    session = stopped(cli, consumer(cli))
    cli("record", session, "payment", "--amount", "30", "--method", "cash")
    cli("record", session, "payment", "--amount", "30", "--method", "cash", check=False)
    twice = [e["seq"] for e in cli.events() if e["kind"] == "payment-recorded"][-1]
    cli("withdraw", session, str(twice), "--reason", "saisi deux fois")
    today = datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
    result = cli.json("export", "--format", "e-reporting", "--from", today, "--to", today,
                      "--out", str(tmp_path))
    rows = [line.split(";") for line in
            Path(result["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    assert rows[1][5:7] == ["30,00", "1"] and rows[-1][5:7] == ["30,00", "1"], rows
    book = cli.json("export", "--book", "--from", today, "--to", today, "--out",
                    str(tmp_path))
    assert book["book_total"] == "30.00", book
    said = cli("export", "--format", "e-reporting", "--from", today, "--to", today, "--out",
               str(tmp_path)).out.splitlines()[0]  # days and documents, no session counted
    assert said.startswith("E-reporting du ") and "0 facture ou avoir" in said, said
    assert "encaissé 30,00" in said and "intervention" not in said, said


def test_invoice_numbers_appear_in_the_export_and_the_book(cli_home: Cli,
                                                            tmp_path: Path) -> None:
    cli = cli_home
    client = consumer(cli)
    invoiced = stopped(cli, client)
    other = stopped(cli, client, start="2025-03-10T14:00:00+01:00",
                    stop="2025-03-10T14:30:00+01:00")
    for session in (invoiced, other):
        cli("record", session, "payment", "--amount", "10", "--method", "cash", "--at",
            "2025-03-10T15:00:00+01:00", "--yes")
    number = cli.json("invoice", invoiced, "--out", str(tmp_path))["number"]
    export = cli.json("export", "--day", "2025-03-10", "--out", str(tmp_path))
    rows = [line.split(";") for line in
            Path(export["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    column = rows[0].index("Facture")
    by_session = {r[1]: r[column] for r in rows[1:]}
    assert by_session == {invoiced: number, other: ""}
    as_json = cli.json("export", "--day", "2025-03-10", "--format", "json", "--out",
                       str(tmp_path))
    data = __import__("json").loads(Path(as_json["path"]).read_text(encoding="utf-8"))
    assert {s["session"]: s["invoice"] for s in data["sessions"]} == {invoiced: number,
                                                                      other: None}
    book = cli.json("export", "--book", "--day", "2025-03-10", "--out", str(tmp_path))
    lines = [line.split(";") for line in
             Path(book["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    refs = {r[6]: r[5] for r in lines[1:]}
    assert refs[invoiced] == f"facture n°\u00a0{number}"
    assert refs[other] == f"intervention {other}"


def test_the_export_names_the_credit_notes_beside_their_sessions(cli_home: Cli,
                                                                 tmp_path: Path) -> None:
    """The day's export named a session's current invoice only: an invoice cancelled by a
    credit note (and issued again, or not) vanished from it, though the accountant had
    booked it from an earlier export, and the avoir was in no export of a business
    client. Each session's row now names the credit notes that cancelled an invoice of
    it (CSV: the remarks; JSON: credit_notes), as the log stood when the file was made."""
    import csv
    import io
    import json

    cli = cli_home
    first = stopped(cli, business(cli))
    second = stopped(cli, consumer(cli), start="2025-03-10T14:00:00+01:00",
                     stop="2025-03-10T14:45:00+01:00")
    untouched = stopped(cli, consumer(cli, "Paul Martin"), start="2025-03-10T16:00:00+01:00",
                        stop="2025-03-10T16:30:00+01:00")
    out = str(tmp_path)
    f1 = cli.json("invoice", first, "--out", out)
    before = cli.json("export", "--day", "2025-03-10", "--out", str(tmp_path / "avant.csv"))
    a1 = cli.json("invoice", "cancel", f1["number"], "--reason", "tarif", "--out", out)
    f2 = cli.json("invoice", first, "--out", out)  # issued again
    f3 = cli.json("invoice", second, "--out", out)
    a2 = cli.json("invoice", "cancel", f3["number"], "--reason", "doublon", "--out", out)
    listed = {r["number"]: r for r in cli.json("invoice", "list")}

    def said(note: dict[str, str]) -> str:
        day = date.fromisoformat(listed[note["number"]]["issued"])
        return (f"Facture {note['cites']} annulée par l'avoir {note['number']} du "
                f"{day:%d/%m/%Y}.")

    export = cli.json("export", "--day", "2025-03-10", "--out", out)
    rows = list(csv.reader(io.StringIO(Path(export["path"]).read_bytes().decode("utf-8-sig")),
                           delimiter=";"))
    head = rows[0]
    by_session = {r[head.index("Intervention")]: r for r in rows[1:]}
    invoice, remarks = head.index("Facture"), head.index("Remarques")
    assert by_session[first][invoice] == f2["number"]
    assert said(a1) in by_session[first][remarks]
    assert by_session[second][invoice] == ""
    assert said(a2) in by_session[second][remarks]
    assert said(a1) not in by_session[second][remarks]
    assert "avoir" not in by_session[untouched][remarks]
    # the file made before the credit note named none, and still verifies
    older = Path(before["path"]).read_bytes().decode("utf-8-sig")
    assert a1["number"] not in older and f1["number"] in older
    assert cli("verify", "--export", before["path"]).code == 0
    assert cli("verify", "--export", export["path"]).code == 0

    as_json = cli.json("export", "--day", "2025-03-10", "--format", "json", "--out", out)
    data = json.loads(Path(as_json["path"]).read_text(encoding="utf-8"))
    notes = {s["session"]: s["credit_notes"] for s in data["sessions"]}
    assert notes == {
        first: [{"number": a1["number"], "cancels": f1["number"],
                 "issued": listed[a1["number"]]["issued"], "total": a1["total"]}],
        second: [{"number": a2["number"], "cancels": f3["number"],
                  "issued": listed[a2["number"]]["issued"], "total": a2["total"]}],
        untouched: []}
    # what the accountant reconciles: the invoices less the credit notes are the
    # standing invoices, and a session on none has none
    invoiced = {n: Decimal(r["total"]) for n, r in listed.items() if r["kind"] == "invoice"}
    credited = sum(Decimal(c["total"]) for s in notes.values() for c in s)
    standing = {s["invoice"] for s in data["sessions"] if s["invoice"]}
    assert sum(invoiced.values()) - credited == sum(invoiced[n] for n in standing)


def test_a_no_show_is_invoiced_on_its_day_as_the_export_has_it(cli_home: Cli,
                                                               tmp_path: Path) -> None:
    """A no-show fee (appointment of 10 March, fee recorded at 14:30 that day) printed
    'Date de la prestation' as the day the appointment was typed into sessiond, and the
    month's invoice (--client --from --to) looked for it in that month, while the export
    puts it on the day of its fee: invoicing March found nothing to invoice and March's
    export had a row no invoice of March covered. The service's day of a session that
    never started is its fee's (CGI ann. II art. 242 nonies A: the date of the service)."""
    import csv
    import io

    cli = cli_home
    client = consumer(cli)
    session = cli("session", "new", client, "--policy", "md-micro-services", "--client-os",
                  "windows", "--appointment", "2025-03-10T14:00:00+01:00").out.strip()
    cli("record", session, "fee-announced", "--kind", "no-show", "--at",
        "2025-03-03T10:00:00+01:00", "--yes")
    cli("record", session, "fee", "--kind", "no-show", "--amount", "30", "--at",
        "2025-03-10T14:30:00+01:00", "--yes")
    planned = cli.json("session", "show", session)
    assert not str(planned.get("planned_at", "")).startswith("2025-03")  # typed today
    invoiced = cli.json("invoice", "--client", client, "--from", "2025-03-01", "--to",
                        "2025-03-31", "--out", str(tmp_path))
    assert invoiced["sessions"] == [session] and Decimal(invoiced["total"]) == 30
    flat = " ".join(text_of(Path(invoiced["pdf"])).split())
    assert "Date de la prestation : 10/03/2025" in flat
    assert "Absence du client" in flat and "10/03/2025 1 30,00 €" in flat
    export = cli.json("export", "--from", "2025-03-01", "--to", "2025-03-31", "--out",
                      str(tmp_path))
    rows = list(csv.reader(io.StringIO(Path(export["path"]).read_bytes().decode("utf-8-sig")),
                           delimiter=";"))
    head, row = rows[0], rows[1]
    assert len(rows) == 2 and row[head.index("Date")] == "10/03/2025"
    assert row[head.index("Facture")] == invoiced["number"]
    assert Decimal(row[head.index("Montant (€)")].replace(",", ".")) == 30


def test_a_lost_invoice_pdf_is_rebuilt_identical_from_the_log(cli_home: Cli,
                                                              tmp_path: Path) -> None:
    """Also the way back after a kill between the commit and the file: the PDF is a
    function of the log as it stood (its data digest is in the event)."""
    import hashlib

    cli = cli_home
    session = stopped(cli, business(cli))
    issued = cli.json("invoice", session, "--out", str(tmp_path / "a"))
    original = Path(issued["pdf"]).read_bytes()
    cli("record", session, "payment", "--amount", "5", "--method", "cash")  # after the invoice
    again = cli.json("invoice", "show", issued["number"], "--out", str(tmp_path / "b.pdf"))
    assert again["number"] == issued["number"] and again["event"] == issued["event"]
    rebuilt = Path(again["pdf"]).read_bytes()
    assert hashlib.sha256(rebuilt).digest() == hashlib.sha256(original).digest()
    (cli.home / "config.toml").write_text((cli.home / "config.toml").read_text(
        encoding="utf-8").replace("Chaligny", "Nancy"), encoding="utf-8")
    changed = cli("invoice", "show", issued["number"], check=False)
    assert changed.code == 2 and f"n°\u00a0{issued['event']} " in changed.err


def test_a_lost_credit_note_pdf_is_rebuilt_identical_from_the_log(cli_home: Cli,
                                                                  tmp_path: Path) -> None:
    """`invoice show` of a credit note said "A-... est un avoir : seule une facture peut
    être annulée" and rebuilt nothing, though an avoir is kept ten years as the invoice is
    (C. com. L123-22) and its PDF may be lost as well. It is rebuilt from the log as it
    stood, the Factur-X of a business client's too, its reason sealed there included."""
    import hashlib

    cli = cli_home
    for client in (business(cli), consumer(cli)):
        session = stopped(cli, client)
        invoice = cli.json("invoice", session, "--out", str(tmp_path / "a"))
        note = cli.json("invoice", "cancel", invoice["number"], "--reason",
                        "tarif appliqué par erreur", "--out", str(tmp_path / "a"))
        original = Path(note["pdf"]).read_bytes()
        again = cli.json("invoice", "show", note["number"].lower(), "--out",
                         str(tmp_path / "b"))
        assert (again["kind"], again["number"], again["cites"], again["event"],
                again["total"], again["facturx"]) == (
            "credit-note", note["number"], invoice["number"], note["event"], note["total"],
            note["facturx"])
        rebuilt = Path(again["pdf"])
        assert rebuilt.name == Path(note["pdf"]).name
        assert hashlib.sha256(rebuilt.read_bytes()).digest() == \
            hashlib.sha256(original).digest()
        assert "tarif appliqué par erreur" in " ".join(text_of(rebuilt).split())
        shown = cli("invoice", "show", note["number"], "--out", str(tmp_path / "c"))
        assert shown.out.startswith(f"L'avoir {note['number']} annule la facture "
                                    f"{invoice['number']}"), shown.out
    (cli.home / "config.toml").write_text((cli.home / "config.toml").read_text(
        encoding="utf-8").replace("Chaligny", "Nancy"), encoding="utf-8")
    changed = cli("invoice", "show", note["number"], check=False)
    assert changed.code == 2 and f"L'avoir {note['number']} ne peut plus" in changed.err


def test_prepaid_hours_used_are_an_invoice_line(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    client = consumer(cli)
    cli("credit", "add", client, "--hours", "3", "--at", "2025-03-01T10:00:00+01:00", "--yes")
    session = stopped(cli, client, policy="mri87")
    bill = cli.json("bill", session)
    credit = [line for line in bill["lines"] if line["kind"] == "credit"]
    assert credit and Decimal(credit[0]["amount"]) < 0
    result = cli.json("invoice", session, "--out", str(tmp_path))
    assert result["total"] == bill["total"]
    flat = " ".join(text_of(Path(result["pdf"])).split())
    label = " ".join(credit[0]["label"].split(" (")[0].replace("\u202f", " ").split())
    assert label in flat.replace("\u202f", " ")
    assert f"{-Decimal(credit[0]['amount']):.2f}".replace(".", ",") in flat


def test_no_number_is_spent_on_a_document_refused_its_place(cli_home: Cli,
                                                           tmp_path: Path) -> None:
    """A receipt or an invoice sent over one of sessiond's own files (--out the data
    directory, a key, config.toml) is refused before its number is recorded: the series
    has no number without its document."""
    from tests.functional.hostile import refused, state

    cli = cli_home
    session = stopped(cli, consumer(cli), policy="md-micro-services")
    before = state(cli.home)
    for out in (cli.home / "releve.pdf", cli.home / "config.toml", cli.home / "keys",
                cli.home / "sessiond.sqlite3"):
        for args in (("receipt", session, "--out", str(out)),
                     ("invoice", session, "--out", str(out))):
            refused(cli(*args, check=False), 2, "--out")
    assert state(cli.home).events == before.events
    number = cli.json("invoice", session, "--out", str(tmp_path / "f.pdf"))["number"]
    before = state(cli.home)
    refused(cli("invoice", "cancel", number, "--reason", "erreur", "--out",
                str(cli.home / "avoir.pdf"), check=False), 2, "--out")
    assert state(cli.home).events == before.events


def test_no_number_is_spent_on_a_folder_that_cannot_take_the_pdf(cli_home: Cli,
                                                                 tmp_path: Path) -> None:
    """--out notes.txt/factures/ (a file where a folder goes) numbered the invoice, then
    said 'Impossible de créer le dossier notes.txt' and 'Choisissez un autre emplacement':
    invoicing again was refused (the session was on that invoice), and the way the message
    showed led to a credit note for an invoice nobody had. The folder is now checked
    before the number, for an invoice, a credit note and a receipt alike (and before the
    e-reporting's export event)."""
    from tests.functional.hostile import refused, state

    cli = cli_home
    session = stopped(cli, consumer(cli))
    notes = tmp_path / "notes.txt"
    notes.write_text("à garder", encoding="utf-8")
    before = state(cli.home)
    for out in (notes / "factures", notes / "factures" / "f.pdf", notes / "f.pdf"):
        for args in (("receipt", session, "--out", str(out)),
                     ("invoice", session, "--out", str(out)),
                     ("export", "--format", "e-reporting", "--day", "2025-03-10", "--out",
                      str(out))):
            refused(cli(*args, check=False), 2, str(notes))
    # the e-reporting recorded its export before it looked at the place
    refused(cli("export", "--format", "e-reporting", "--day", "2025-03-10", "--out",
                str(cli.home / "config.toml"), check=False), 2, "--out")
    assert state(cli.home).events == before.events
    assert notes.read_text(encoding="utf-8") == "à garder"
    year = datetime.now(UTC).year
    number = cli.json("invoice", session, "--out", str(tmp_path / "f.pdf"))["number"]
    assert number == f"F-{year}-0001"
    before = state(cli.home)
    refused(cli("invoice", "cancel", number, "--reason", "erreur", "--out",
                str(notes / "avoirs") + "/", check=False), 2, str(notes))
    assert state(cli.home).events == before.events
    note = cli.json("invoice", "cancel", number, "--reason", "erreur", "--out",
                    str(tmp_path))
    assert note["number"] == f"A-{year}-0002"


def test_a_pdf_refused_after_its_number_says_the_document_is_issued(cli_home: Cli,
                                                                    tmp_path: Path) -> None:
    """What cannot be seen before (a full disk, a file system that refuses new files) is
    met after the commit: the number is spent and the event stands. The refusal said only
    'Impossible d'écrire … Choisissez un autre emplacement avec --out', and doing so was
    refused ('figure déjà sur la facture … annulez d'abord cette facture'). It now says the
    invoice or the credit note is issued and how to write its PDF: invoice show."""
    import os

    refusing = Path("/sys/kernel")  # sysfs takes no new file, even from root
    try:
        os.close(os.open(refusing / "sessiond-probe.pdf", os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        pass
    else:
        pytest.skip("/sys/kernel takes new files here")
    if not os.access(refusing, os.W_OK | os.X_OK):
        pytest.skip("/sys/kernel is not writable by this user: refused before the number")
    cli = cli_home
    session = stopped(cli, business(cli))
    year = datetime.now(UTC).year
    failed = cli("invoice", session, "--out", str(refusing), check=False)
    number = f"F-{year}-0001"
    assert failed.code == 2 and "Traceback" not in failed.err
    assert (f"La facture {number} est pourtant émise" in failed.err
            and f"sessiond invoice show {number} --out" in failed.err), failed.err
    shown = cli.json("invoice", "show", number, "--out", str(tmp_path))
    assert shown["number"] == number and Path(shown["pdf"]).is_file()
    assert shown["event"] == cli.json("invoice", "list")[0]["event"]
    failed = cli("invoice", "cancel", number, "--reason", "erreur", "--out", str(refusing),
                 check=False)
    credit = f"A-{year}-0002"
    assert failed.code == 2 and (f"L'avoir {credit} est pourtant émis" in failed.err
                                 and f"sessiond invoice show {credit} --out" in failed.err)
    shown = cli.json("invoice", "show", credit, "--out", str(tmp_path))
    assert Path(shown["pdf"]).name == f"avoir-{credit}.pdf"
    assert cli("verify").code == 0


def test_messages_give_days_in_words_not_iso(cli_home: Cli, tmp_path: Path) -> None:
    """A French message said "du 2026-12-01 au 2026-12-31": days are written as words,
    as the documents write them."""
    cli = cli_home
    client = consumer(cli)
    empty = cli("invoice", "--client", client, "--from", "2026-12-01", "--to", "2026-12-31",
                "--out", str(tmp_path), check=False)
    assert empty.code == 2 and "du 1er décembre 2026 au 31 décembre 2026" in empty.err, \
        empty.err
    for args in (("invoice", "--client", client), ("export",),
                 ("export", "--format", "e-reporting")):
        backwards = cli(*args, "--from", "2026-12-31", "--to", "2026-12-01", "--out",
                        str(tmp_path), check=False)
        assert backwards.code == 2 and "(1er décembre 2026)" in backwards.err, backwards.err
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", backwards.err), backwards.err


def test_a_line_break_in_a_reason_or_a_name_prints_no_line_of_its_own(cli_home: Cli,
                                                                       tmp_path: Path) -> None:
    """A credit note's reason holding a line break printed its second line at the margin
    under "Motif :", where "Montant de l'avoir : 0,00 €" read as the document's own; a
    client's name on two lines put its second line where the address starts. Both are
    one line, the break written out as on the command line."""
    cli = cli_home
    forged = "Montant de l'avoir : 0,00 €"
    client = consumer(cli, name="Hélène\nRésidence des Pins")
    session = stopped(cli, client, policy="md-micro-services")
    invoice = cli.json("invoice", session, "--out", str(tmp_path))
    note = cli.json("invoice", "cancel", invoice["number"], "--reason",
                    f"tarif erroné\n{forged}", "--out", str(tmp_path))
    for pdf in (invoice["pdf"], note["pdf"]):
        lines = [line.strip() for line in text_of(Path(pdf)).splitlines()]
        # (the seller's column comes first on each line)
        assert not any(line.endswith("Résidence des Pins") and "Hélène" not in line
                       for line in lines), lines
        named = next(n for n, line in enumerate(lines) if line.endswith(
            "Hélène\\u000aRésidence des Pins"))
        assert lines[named + 1].endswith("8 impasse des Roses"), lines
    lines = [line.strip() for line in text_of(Path(note["pdf"])).splitlines()]
    assert not any(line.startswith(forged) for line in lines), lines
    assert f"Motif : tarif erroné\\u000a{forged}" in lines, lines
    assert cli("verify").code == 0


def test_a_correction_of_what_no_invoice_states_leaves_the_invoice_current(
        cli_home: Cli, tmp_path: Path) -> None:
    """The consent's time corrected after the invoice (typed 09:50 for 08:50), or a note
    redacted, was reported as "la facture ne décrit plus cette intervention", asking for a
    credit note for an invoice that states neither; a correction of the stop still is."""
    cli = cli_home
    client = business(cli)
    session = stopped(cli, client)
    cli("note", session, "écran remplacé chez le client")
    invoice = cli.json("invoice", session, "--out", str(tmp_path))

    def stale() -> list[dict[str, object]]:
        report = cli("check", session, "--json", check=False).json
        return [f for f in report["findings"] if f["rule"] == "invoice-current"]

    seqs = {e["kind"]: e["seq"] for e in cli.events() if e.get("session") == session}
    amended = cli("amend", session, str(seqs["consent-recorded"]), "--at",
                  "2025-03-10T08:58:00+01:00", "--reason", "heure mal tapée", "--yes")
    assert invoice["number"] not in amended.err, amended.err
    cli("redact", session, str(seqs["note-added"]), "--reason", "détail personnel")
    assert stale() == []
    cli("amend", session, str(seqs["session-stopped"]), "--at", "2025-03-10T10:05:00+01:00",
        "--reason", "arrêt noté trop tard", "--yes")
    (found,) = stale()
    assert invoice["number"] in str(found["message"])


# --- the terms' payment terms (C. com. L441-9, L441-10) -----------------------------------


def _payment_of(policy: str) -> dict[str, object]:
    """The shipped policy's [payment] table, as its file gives it."""
    import tomllib

    from sessiond.policy import shipped_dir

    raw = tomllib.loads((shipped_dir() / f"{policy}.toml").read_text(encoding="utf-8"))
    payment: dict[str, object] = raw["payment"]
    return payment


def _xml_terms(xml: bytes) -> tuple[date, date, list[str]]:
    """Issue day, due day and the header notes' texts of a Factur-X XML."""
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS

    root = ET.fromstring(xml)

    def day(path: str) -> date:
        found = root.find(path, NS)
        assert found is not None and found.text, path
        return datetime.strptime(found.text, "%Y%m%d").date()

    notes = [n.text or "" for n in root.findall(".//ram:IncludedNote/ram:Content", NS)]
    return (day(".//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"),
            day(".//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"),
            notes)


def _printed_day(flat: str, label: str) -> date:
    found = re.search(re.escape(label) + r" : (\d\d/\d\d/\d{4})", flat)
    assert found, label
    return datetime.strptime(found.group(1), "%d/%m/%Y").date()


@pytest.mark.parametrize("policy", ["fgdmi", "micro-alpes", "mri87", "md-micro-services",
                                    "vlh"])
def test_a_business_invoice_prints_the_payment_terms_of_its_policy(
        cli_home: Cli, tmp_path: Path, policy: str) -> None:
    """FGDMI II.4 ("immédiatement après réception", 10 % a year), Micro-Alpes 3-4 (20 %,
    the ECB rate plus 10 points), MRI87 14.3 (0.76 %), VLH 5.4 ("Aucun escompte"), MD 6:
    the invoice prints its terms' due date, rate and discount, not config.toml's defaults
    (30 days, the ECB rate), and its XML carries the same."""
    from datetime import timedelta

    cli = cli_home
    payment = _payment_of(policy)
    session = stopped(cli, business(cli), policy=policy)
    result = cli.json("invoice", session, "--out", str(tmp_path))
    flat = " ".join(text_of(Path(result["pdf"])).split())
    issued = _printed_day(flat, "Date")
    due = _printed_day(flat, "Date d'échéance")
    assert due == issued + timedelta(days=int(str(payment["due_days"])))
    rate = payment.get("late_penalty")
    printed_rate = str(rate) if rate else "Banque centrale européenne"
    assert re.search(r"Pénalités de retard : [^.]*" + re.escape(printed_rate), flat)
    assert ("Banque centrale européenne" in flat) == (rate is None)
    assert "40 €" in flat  # the professional's recovery indemnity (D441-5)
    early = payment.get("early_payment") or "Pas d'escompte pour paiement anticipé."
    assert f"Escompte : {early}" in flat
    if payment["due_days"] == 0:
        assert "Paiement à réception de la facture." in flat

    xml_issued, xml_due, notes = _xml_terms(attachment(Path(result["pdf"]), tmp_path))
    assert (xml_issued, xml_due) == (issued, due)
    assert any(printed_rate in note for note in notes)
    assert early in notes


def test_config_toml_wins_over_the_policy_and_a_consumer_keeps_his_terms(
        cli: Cli, tmp_path: Path) -> None:
    from datetime import timedelta

    write_config(cli.home, '\n[invoice]\nbusiness_due_days = 45\n'
                           'late_penalty = "12 % l\'an"\n')
    company = stopped(cli, business(cli), policy="fgdmi")
    result = cli.json("invoice", company, "--out", str(tmp_path / "b"))
    flat = " ".join(text_of(Path(result["pdf"])).split())
    assert (_printed_day(flat, "Date d'échéance")
            == _printed_day(flat, "Date") + timedelta(days=45))
    assert "Pénalités de retard : 12 % l'an" in flat
    assert str(_payment_of("fgdmi")["late_penalty"]) not in flat

    person = stopped(cli, consumer(cli), policy="fgdmi")
    result = cli.json("invoice", person, "--out", str(tmp_path / "c"))
    flat = " ".join(text_of(Path(result["pdf"])).split())
    assert _printed_day(flat, "Date d'échéance") == _printed_day(flat, "Date")
    assert "Paiement à réception de la facture." in flat
    assert "40 €" not in flat and "Escompte" not in flat  # owed by professionals only
    assert str(_payment_of("fgdmi")["late_penalty"]) not in flat


def test_sessions_under_different_payment_terms_are_invoiced_apart(cli: Cli,
                                                                   tmp_path: Path) -> None:
    write_config(cli.home)
    client = business(cli)
    fgdmi = stopped(cli, client, policy="fgdmi")
    vlh = stopped(cli, client, policy="vlh", start="2025-03-11T09:00:00+01:00",
                  stop="2025-03-11T10:00:00+01:00")
    refused = cli("invoice", fgdmi, vlh, "--out", str(tmp_path), check=False)
    assert refused.code == 2
    assert fgdmi in refused.err and vlh in refused.err and "à part" in refused.err
    assert not [e for e in cli.events() if e["kind"] == "invoice-issued"]
    period = cli("invoice", "--client", client, "--from", "2025-03-01", "--to", "2025-03-31",
                 "--out", str(tmp_path), check=False)
    assert period.code == 2 and "à part" in period.err
    for session in (fgdmi, vlh):
        assert cli.json("invoice", session, "--out", str(tmp_path))["sessions"] == [session]

    # terms config.toml sets whole are the same for every session: one invoice
    other = business(cli)
    write_config(cli.home, '\n[invoice]\nbusiness_due_days = 15\nlate_penalty = "12 %"\n'
                           'early_payment = "2 % sous 8 jours"\n')
    both = [stopped(cli, other, policy="fgdmi"),
            stopped(cli, other, policy="vlh", start="2025-03-11T09:00:00+01:00",
                    stop="2025-03-11T10:00:00+01:00")]
    assert cli.json("invoice", *both, "--out", str(tmp_path / "x"))["sessions"] == both
