"""A price agreed for a whole session (`session new --price`: a workshop package, MD 5; a
quote, VLH 5.2, FGDMI II.1) and FGDMI IV.2's cheaper of that price and the time when the
client's hardware proves defective, through the real command."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import timed, write_config

START = "2025-03-10T09:00:00+01:00"


@pytest.fixture
def home(cli: Cli) -> Cli:
    write_config(cli.home)
    return cli


def consumer(cli: Cli) -> str:
    out: str = cli("client", "add", "Hélène Faure", "--address",
                   "8 impasse des Roses, 33000 Bordeaux").out.strip()
    return out


def test_a_workshop_package_bills_its_price_whatever_the_time(home: Cli,
                                                             tmp_path: Path) -> None:
    cli = home
    client = consumer(cli)
    # 1 h 05 min 10 s in the workshop: by the hour it would be 1 h 15 at 50 €/h = 62.50
    session = timed(cli, client, "md-micro-services", START, "2025-03-10T10:05:10+01:00",
                    extra=("--mode", "workshop", "--price", "80"))
    bill = cli.json("bill", session)
    assert [(ln["kind"], ln["amount"], ln["article"]) for ln in bill["lines"]] == [
        ("price", "80.00", "5")]
    assert bill["total"] == "80.00"
    # nothing is rounded to tranches: the time billed is the time worked
    assert bill["worked_seconds"] == bill["billed_seconds"] == 3910
    assert bill["tranches"]["increments"] == 0 and bill["next_tranche"] is None
    assert "prix convenu pour l'intervention, quel que soit le temps passé" in bill["explanation"]
    longer = timed(cli, client, "md-micro-services", "2025-03-11T09:00:00+01:00",
                   "2025-03-11T12:00:00+01:00", extra=("--mode", "workshop", "--price",
                                                       "79,90"))
    assert cli.json("bill", longer)["total"] == "79.90"

    receipt = cli.json("receipt", session, "--out", str(tmp_path))
    text = Path(receipt["text"]).read_text("utf-8")
    assert "Prix convenu pour l'intervention (art. 5)" in text and "80,00" in text
    assert cli("verify", "--receipt", receipt["text"]).code == 0

    cli("export", "--day", "2025-03-10", "--out", str(tmp_path / "exp"))
    exported = next((tmp_path / "exp").glob("*.csv")).read_text("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(exported), delimiter=";")
               if r["Intervention"] == session)
    # the amount is the package's; no hourly rate priced it
    assert row["Montant (€)"] == "80,00" and row["Taux horaire (€)"] == ""


def test_a_price_is_refused_where_the_terms_provide_none_or_typed_per_hour(home: Cli) -> None:
    cli = home
    client = consumer(cli)
    refused = cli("session", "new", client, "--policy", "mri87", "--price", "80", check=False)
    assert refused.code == 2 and "ne prévoient pas de prix par intervention" in refused.err
    per_hour = cli("session", "new", client, "--policy", "md-micro-services", "--price",
                   "80 €/h", check=False)
    assert per_hour.code == 2 and "--price" in per_hour.err


def test_fgdmi_defective_hardware_bills_the_cheaper_of_price_and_time(home: Cli) -> None:
    """FGDMI IV.2: "la tarification applicable la plus avantageuse pour le client, entre
    le tarif à l'heure, le forfait éventuel [...] et le devis"."""
    cli = home
    client = consumer(cli)
    # 40 min on site at 60 €/h in 15-min tranches: 45 min = 45.00, cheaper than 120.00
    short = timed(cli, client, "fgdmi", START, "2025-03-10T09:40:00+01:00",
                  extra=("--mode", "onsite", "--price", "120"))
    assert cli.json("bill", short)["total"] == "120.00"  # no defect: the price
    cli("record", short, "hardware-defective", "--at", "2025-03-10T09:30:00+01:00", "--yes")
    bill = cli.json("bill", short)
    assert [(ln["kind"], ln["amount"]) for ln in bill["lines"]] == [("time", "45.00")]
    assert bill["billed_seconds"] == 2700
    assert "le moins cher est facturé (art. IV.2, III.5)" in bill["explanation"]
    # 2 h 10 min: 2 h 15 at 60 €/h = 135.00, dearer than the price: the price
    long = timed(cli, client, "fgdmi", "2025-03-11T09:00:00+01:00",
                 "2025-03-11T11:10:00+01:00", extra=("--mode", "onsite", "--price", "120"))
    cli("record", long, "hardware-defective", "--at", "2025-03-11T10:00:00+01:00", "--yes")
    bill = cli.json("bill", long)
    assert [(ln["kind"], ln["amount"]) for ln in bill["lines"]] == [("price", "120.00")]
    # exactly at the price (2 h = 120.00): the price, no cheaper
    even = timed(cli, client, "fgdmi", "2025-03-12T09:00:00+01:00",
                 "2025-03-12T11:00:00+01:00", extra=("--mode", "onsite", "--price", "120"))
    cli("record", even, "hardware-defective", "--at", "2025-03-12T10:00:00+01:00", "--yes")
    assert cli.json("bill", even)["total"] == "120.00"


def test_fgdmi_partial_results_reduce_the_agreed_price(home: Cli) -> None:
    cli = home
    client = consumer(cli)
    session = cli("session", "new", client, "--policy", "fgdmi", "--mode", "onsite",
                  "--price", "100", "--problem", "Wi-Fi", "--problem", "Imprimante",
                  "--client-os", "windows").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "H", "--at", START, "--yes")
    cli("start", session, "--at", START, "--yes")
    cli("stop", session, "--at", "2025-03-10T10:00:00+01:00", "--yes")
    cli("record", session, "outcome", "--problem", "1", "solved", "--yes",
        "--at", "2025-03-10T10:00:00+01:00")
    cli("record", session, "outcome", "--problem", "2", "unsolved", "--yes",
        "--at", "2025-03-10T10:00:00+01:00")
    cli("record", session, "reduction-requested", "--yes", "--at", "2025-03-10T10:00:00+01:00")
    bill = cli.json("bill", session)
    assert [(ln["kind"], ln["amount"]) for ln in bill["lines"]] == [
        ("price", "100.00"), ("guarantee", "-20.00")]
    assert bill["total"] == "80.00"


@pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfdetach")),
                    reason="poppler-utils is needed")
def test_a_business_invoice_of_a_package_is_factur_x(home: Cli, tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS, validate_xml

    cli = home
    client = cli("client", "add", "Atelier Dupont SARL", "--business", "--address",
                 "3 avenue Foch, 69006 Lyon", "--siren", "552081317").out.strip()
    session = timed(cli, client, "md-micro-services", START, "2025-03-10T09:47:00+01:00",
                    extra=("--mode", "workshop", "--price", "89.90"))
    result = cli.json("invoice", session, "--out", str(tmp_path))
    assert result["facturx"] is True and result["total"] == "89.90"
    pdf = Path(result["pdf"])
    flat = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
    assert "Prix convenu pour l'intervention (art. 5)" in flat and "89,90" in flat
    xml_file = tmp_path / "fx.xml"
    subprocess.run(["pdfdetach", "-savefile", "factur-x.xml", "-o", str(xml_file), str(pdf)],
                   check=True)
    xml = xml_file.read_bytes()
    validate_xml(xml)
    root = ET.fromstring(xml)
    items = root.findall(".//ram:IncludedSupplyChainTradeLineItem", NS)
    assert len(items) == 1
    quantity = items[0].find(".//ram:BilledQuantity", NS)
    assert quantity is not None and quantity.get("unitCode") == "C62"
    assert Decimal(quantity.text or "") == 1
    net = items[0].find(".//ram:LineTotalAmount", NS)
    assert net is not None and Decimal(net.text or "") == Decimal("89.90")
    grand = root.find(".//ram:GrandTotalAmount", NS)
    assert grand is not None and Decimal(grand.text or "") == Decimal("89.90")


def test_vlh_discounts_and_late_cancellation_take_the_agreed_price(home: Cli) -> None:
    """VLH 5.5: 30 % off a new client's first intervention, on the quote's price; 5.6: "50
    % de la somme prévue pour la prestation", the price agreed for it."""
    cli = home
    client = consumer(cli)
    first = timed(cli, client, "vlh", START, "2025-03-10T09:20:00+01:00",
                  extra=("--price", "150"))
    bill = cli.json("bill", first)
    assert [(ln["kind"], ln["amount"]) for ln in bill["lines"]] == [
        ("price", "150.00"), ("discount", "-45.00")]
    cancelled = cli("session", "new", client, "--policy", "vlh", "--price", "150",
                    "--appointment", "2025-03-20T14:00:00+01:00").out.strip()
    cli("record", cancelled, "fee", "--kind", "late-cancellation",
        "--at", "2025-03-20T09:00:00+01:00", "--yes")
    bill = cli.json("bill", cancelled)
    assert [(ln["name"], ln["amount"]) for ln in bill["lines"]] == [
        ("late-cancellation", "75.00")]


def test_fgdmi_asks_no_outcome_of_a_session_with_no_problem_listed(home: Cli) -> None:
    """FGDMI III.2.1 (4): the guarantee covers only the problems listed in the request; a
    session planned with none has no outcome to record, and its bill does not ask for one,
    while one with a problem listed and no outcome does."""
    cli = home
    client = consumer(cli)
    none_listed = timed(cli, client, "fgdmi", START, "2025-03-10T09:30:00+01:00",
                        extra=("--mode", "onsite"))
    bill = cli.json("bill", none_listed)
    assert bill["total"] == "30.00"
    assert not any("outcome" in w for w in bill["warnings"]), bill["warnings"]
    listed = timed(cli, client, "fgdmi", "2025-03-11T09:00:00+01:00",
                   "2025-03-11T09:30:00+01:00", extra=("--mode", "onsite", "--problem", "Wi-Fi"))
    assert any("record " + listed + " outcome" in w for w in cli.json("bill", listed)["warnings"])


def test_policy_show_says_which_terms_take_a_price(home: Cli) -> None:
    cli = home
    shown = cli.json("policy", "show", "fgdmi")["fixed_price"]
    assert shown["article"] == "II.1"
    assert shown["defective_hardware"]["article"] == "IV.2, III.5"
    assert cli.json("policy", "show", "mri87")["fixed_price"] is None
    text = cli("policy", "show", "md-micro-services").out
    assert "Un prix convenu pour l'intervention (session new --price) est facturé quel que " \
           "soit le temps passé (art. 5)" in text
