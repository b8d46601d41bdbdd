"""Money given back to the client (`record S refund`): a guarantee that waives a bill the
client had paid, a payment taken twice. The refund is a fact of its own day: the day the
money came in keeps its takings in the livre des recettes, and the bill, the receipt, the
invoice and the e-reporting all count what the client paid and kept."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import timed, write_config

PAID_AT, REFUNDED_AT = "2025-03-10T10:30:00+01:00", "2025-03-12T16:00:00+01:00"


@pytest.fixture
def cli_home(cli: Cli) -> Cli:
    write_config(cli.home)
    return cli


def guaranteed_and_paid(cli: Cli) -> str:
    """FGDMI III.2.1: no valid solution, nothing is billed; the client had paid 50 EUR."""
    client = cli("client", "add", "Hélène Faure").out.strip()
    session = timed(cli, client, "fgdmi", "2025-03-10T09:00:00+01:00",
                    "2025-03-10T09:50:00+01:00", extra=("--problem", "Imprimante"))
    cli("record", session, "payment", "--amount", "50", "--method", "card", "--at", PAID_AT,
        "--yes")
    cli("record", session, "outcome", "--problem", "1", "unsolved", "--at",
        "2025-03-10T10:35:00+01:00", "--yes")
    return session


def plain(text: str) -> str:
    """French typography's narrow and no-break spaces as plain ones."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def refund(cli: Cli, session: str, amount: str, *, check: bool = True) -> object:
    return cli("record", session, "refund", "--amount", amount, "--method", "card", "--at",
               REFUNDED_AT, "--yes", check=check)


def book(cli: Cli, out: Path) -> tuple[dict, list[list[str]]]:
    data = cli.json("export", "--book", "--from", "2025-03-10", "--to", "2025-03-12",
                    "--out", str(out))
    rows = [line.split(";") for line in
            Path(data["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    return data, rows[1:]


def test_a_waived_bill_is_refunded_on_its_own_day(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    session = guaranteed_and_paid(cli)
    bill = plain(cli("bill", session).out)
    assert "Payé au-delà du montant : 50,00 €" in bill, bill
    assert f"sessiond record {session} refund --amount 50,00" in bill, bill

    too_much = refund(cli, session, "60", check=False)
    assert too_much.code == 2 and "de 60,00 €" in plain(too_much.err), too_much.err
    assert "gardé (50,00 €)" in plain(too_much.err), too_much.err
    assert refund(cli, session, "0", check=False).code == 2
    assert not [e for e in cli.events() if e["kind"] == "refund-recorded"]

    refund(cli, session, "50")
    after = cli.json("bill", session)
    assert after["paid"] == "0.00" and "paid_beyond_bill" not in after, after
    assert "au-delà" not in cli("bill", session).out

    data, rows = book(cli, tmp_path)
    # the payment stays on the 10th; the refund is a row of its own, on the 12th
    assert [(r[0], r[3], r[6]) for r in rows] == [("10/03/2025", "50,00", session),
                                                  ("12/03/2025", "-50,00", session)]
    assert Decimal(data["book_total"]) == 0 and data["refunds"] == 1 and data["lines"] == 2
    said = plain(cli("export", "--book", "--from", "2025-03-10", "--to", "2025-03-12", "--out",
               str(tmp_path / "again")).out)
    assert "1 encaissement, 1 remboursement, total 0,00" in said, said
    assert cli("verify", "--export", data["path"]).code == 0

    # a refund typed by mistake is withdrawn like a payment: the book changes with it
    seq = next(e["seq"] for e in cli.events() if e["kind"] == "refund-recorded")
    cli("withdraw", session, str(seq), "--reason", "pas encore rendu")
    withdrawn, rows = book(cli, tmp_path / "withdrawn")
    assert not withdrawn["reused"] and Decimal(withdrawn["book_total"]) == Decimal("50.00")
    assert [r[3] for r in rows] == ["50,00"]
    assert cli("verify", "--export", data["path"], check=False).code != 0  # out of date


def test_refunds_never_exceed_what_was_paid(cli_home: Cli) -> None:
    cli = cli_home
    session = guaranteed_and_paid(cli)
    refund(cli, session, "30")
    second = refund(cli, session, "30", check=False)
    assert second.code == 2 and "gardé (20,00 €)" in plain(second.err), second.err
    refund(cli, session, "20")
    assert cli.json("bill", session)["paid"] == "0.00"
    # the payment the refunds came from cannot go first: they would exceed what came in
    payment = next(e["seq"] for e in cli.events() if e["kind"] == "payment-recorded")
    refused = cli("withdraw", session, str(payment), "--reason", "erreur", check=False)
    assert refused.code == 2 and "remboursé depuis" in refused.err, refused.err
    for seq in [e["seq"] for e in cli.events() if e["kind"] == "refund-recorded"]:
        cli("withdraw", session, str(seq), "--reason", "erreur")
    cli("withdraw", session, str(payment), "--reason", "erreur")
    assert "paid" not in cli.json("bill", session)


def test_the_receipt_states_the_refund_and_verifies(cli_home: Cli, tmp_path: Path) -> None:
    cli = cli_home
    session = guaranteed_and_paid(cli)
    refund(cli, session, "50")
    receipt = cli.json("receipt", session, "--out", str(tmp_path) + "/")
    text = Path(receipt["text"]).read_text(encoding="utf-8")
    lines = [" ".join(plain(line).split()) for line in text.splitlines()]
    assert "Paiement reçu le 10/03/2025 10:30 (carte bancaire) −50,00 €" in lines, text
    assert "Remboursé le 12/03/2025 16:00 (carte bancaire) 50,00 €" in lines, text
    assert "au-delà" not in text
    assert cli("verify", "--receipt", receipt["pdf"]).code == 0


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
def test_an_invoice_after_a_partial_refund_deducts_what_was_kept(cli_home: Cli,
                                                                 tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS, validate_xml
    from tests.functional.test_invoices import attachment, business

    cli = cli_home
    session = timed(cli, business(cli), "vlh", "2025-03-10T09:00:00+01:00",
                    "2025-03-10T10:20:00+01:00")
    total = Decimal(cli.json("bill", session)["total"])
    cli("record", session, "payment", "--amount", "40", "--method", "card", "--at", PAID_AT,
        "--yes")  # a deposit taken twice over: 10 given back
    refund(cli, session, "10")
    invoice = cli.json("invoice", session, "--out", str(tmp_path))
    pdf = Path(invoice["pdf"])
    flat = " ".join(plain(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                   capture_output=True, text=True).stdout).split())
    assert "Réglé le 10/03/2025 (carte bancaire) −40,00 €" in flat, flat
    assert "Remboursé le 12/03/2025 (carte bancaire) 10,00 €" in flat, flat
    due = total - Decimal("30")
    assert f"Net à payer {due:.2f}".replace(".", ",") in flat, flat
    xml = attachment(pdf, tmp_path)
    validate_xml(xml)
    prepaid = ET.fromstring(xml).find(".//ram:TotalPrepaidAmount", NS)
    assert prepaid is not None and Decimal(prepaid.text or "") == Decimal("30.00")


def test_e_reporting_lowers_the_day_the_money_went_back(cli_home: Cli,
                                                          tmp_path: Path) -> None:
    cli = cli_home
    session = guaranteed_and_paid(cli)
    refund(cli, session, "50")
    result = cli.json("export", "--format", "e-reporting", "--from", "2025-03-10", "--to",
                      "2025-03-12", "--out", str(tmp_path))
    rows = [line.split(";") for line in
            Path(result["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    by_day = {r[0]: r[5:7] for r in rows[1:-1]}
    assert by_day == {"10/03/2025": ["50,00", "1"], "12/03/2025": ["-50,00", "0"]}, rows
    assert rows[-1][5:7] == ["0,00", "1"], rows
