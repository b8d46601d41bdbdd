"""Factur-X for business clients: the CII XML of an `InvoiceDoc`, and the PDF/A-3 it goes in.

`facturx_xml()` writes the UN/CEFACT Cross Industry Invoice (D16B, as Factur-X 1.0 uses it)
for the EN 16931 profile, with the standard library only. `facturx_pdf()` hands a PDF and that
XML to the `factur-x` library (optional dependency, imported when a Factur-X PDF is made),
which embeds the XML as `factur-x.xml` and writes the PDF/A-3 XMP metadata declaring the
profile; the PDF itself must already be PDF/A-3 (fonts embedded, sRGB output intent:
`invoice_pdf.render_invoice_pdf`). `validate_xml()` checks the XML against the library's
bundled XSD.

EN 16931 fields (BT = business term):

Filled:
- BT-1 number, BT-2 issue date, BT-3 type code (380 invoice, 381 credit note), BT-5 currency
  (EUR), BT-9 due date, BT-20 payment terms, BT-24 specification id
  (urn:cen.eu:en16931:2017).
- BT-22 notes, with their UNTDID 4451 subject: the VAT mention (TXD), the late-payment
  penalties (PMD), the 40 EUR recovery indemnity (PMT), the early-payment discount terms
  (AAB), a credit note's reason (ACD) and further legal mentions (REG).
- BT-25/BT-26 preceding invoice number and date (credit notes).
- Seller: BT-27 name (with "EI"), BT-30 SIREN (scheme 0002), BT-32 tax registration id (the
  SIREN, scheme FC; see below), BT-34 e-mail (scheme EM) when known, BG-5 address
  (BT-35/36/162 lines, BT-37 city, BT-38 postcode, BT-40 country).
- Buyer: BT-44 name, BT-47 SIREN (scheme 0002) when known, BT-49 e-mail when known, BG-8
  address.
- BT-72 delivery date when every line is on one day, else BG-14 invoicing period
  (BT-73/BT-74); BG-26 line period (BT-134/BT-135) = the line's service date.
- Lines: BT-126 line id, BT-153 item name, BT-129 quantity and BT-130 unit (HUR, C62),
  BT-146 net price, BT-131 line amount, BT-151 VAT category, BT-152 rate 0.
- BG-23 VAT breakdown: BT-116 basis, BT-117 VAT 0, BT-118 category, BT-119 rate 0, BT-120
  exemption reason (the mention), BT-121 exemption code. The rule is law.vat's: E and
  VATEX-FR-FRANCHISE ("TVA non applicable, art. 293 B du CGI") for a private client or a
  business in France; AE and VATEX-EU-AE ("Autoliquidation") for a business elsewhere in
  the EU, with BT-31 seller and BT-48 buyer VAT ids (BR-AE-02); O and VATEX-EU-O ("TVA non
  applicable – art. 259-1 du CGI") for a business outside the EU, without BT-152/BT-119
  (BR-O-05) nor VAT ids (BR-O-02).
- BG-22 totals: BT-106 lines, BT-109 tax basis, BT-110 VAT total 0.00 EUR, BT-112 grand
  total, BT-113 prepaid (payments received), BT-115 due payable.

Not filled, and why:
- BT-31 seller VAT id, BT-48 buyer VAT id (but under the reverse charge), BT-63 tax
  representative: a seller under the franchise en base (art. 293 B) charges no VAT; the
  buyer's is not needed when no VAT is charged. EN 16931 BR-E-02 still asks for BT-31, BT-32 or
  BT-63 when a line is exempt (category E): the SIREN, which identifies the business to
  the French tax administration, goes in BT-32 (scheme FC).
- BT-6 tax currency, BT-111 VAT total in that currency: the invoice currency is the tax one.
- BG-16 payment instructions (BT-81 means code, BT-84 IBAN): the documents hold no
  payment means; the payment terms text (BT-20) says how to pay.
- BT-10 buyer reference, BT-13 purchase order, BT-12 contract, BT-11 project, BT-19 buyer
  accounting reference: not known to the log (a client's order number could be added).
- BT-23 business process (e.g. the French CTC "cadre de facturation"): optional in
  EN 16931, and its French values belong to the EXTENDED-CTC-FR profile.
- BG-6/BG-9 contacts (name, phone): optional; the e-mail addresses are there.
- BT-28/BT-45 trading names, BT-33 seller's additional legal information: the legal
  mentions travel as notes (BT-22).
- BG-20/BG-21 document allowances and charges, BT-114 rounding: discounts and fees are
  lines (a discount is a line with a negative quantity), and nothing is rounded after them.
- BT-148 gross price, BT-147 price discount, BT-154 item description, BT-155/156 item ids:
  a service has no catalogue; the name says what was done.
- BT-7 tax point date, BT-8 tax point date code: no VAT is due.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any, cast
from xml.etree import ElementTree as ET

from sessiond.errors import InputError
from sessiond.exports.invoice_doc import InvoiceDoc, Party, check, euros
from sessiond.i18n import _

PROFILE = "en16931"  # factur-x's name of the level
GUIDELINE = "urn:cen.eu:en16931:2017"  # BT-24 of that level
XML_FILENAME = "factur-x.xml"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

TYPE_CODES = {"invoice": "380", "credit-note": "381"}  # UNTDID 1001
SIREN_SCHEME = "0002"  # ISO 6523 ICD of the SIRENE register
TAX_ID_SCHEME = "FC"  # fiscal number (EN 16931 BT-32)
VAT_ID_SCHEME = "VA"  # VAT identifier (EN 16931 BT-31, BT-48)
EMAIL_SCHEME = "EM"  # EAS code of an e-mail address (BT-34, BT-49)


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


# XML 1.0 cannot hold C0 controls (but tab, newline, carriage return), lone surrogates,
# U+FFFE or U+FFFF, not even as character references: ElementTree writes them as they
# are and the document is no longer XML (a client named "Garage\x1b Dupont" could not be
# invoiced). They are written out as \uXXXX, as the PDF beside the XML shows them.
_NOT_XML = re.compile("[\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Stored (hostile) text as XML character data: what cannot be XML written out."""
    from sessiond.display import safe_text

    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", safe_text(text))


def _sub(parent: ET.Element, name: str, text: str | None = None,
         attrib: Mapping[str, str] | None = None) -> ET.Element:
    element = ET.SubElement(parent, _q(name), {k: xml_text(v) for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _date(parent: ET.Element, name: str, day: date, *, qualified: bool = False) -> None:
    holder = _sub(parent, name)
    _sub(holder, "qdt:DateTimeString" if qualified else "udt:DateTimeString",
         day.strftime("%Y%m%d"), {"format": "102"})


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _decimal(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def facturx_xml(doc: InvoiceDoc) -> bytes:
    """The CII XML (UTF-8, with its declaration) of a checked document, EN 16931 profile."""
    check(doc)
    root = ET.Element(_q("rsm:CrossIndustryInvoice"))
    context = _sub(root, "rsm:ExchangedDocumentContext")
    _sub(_sub(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", GUIDELINE)

    header = _sub(root, "rsm:ExchangedDocument")
    _sub(header, "ram:ID", doc.number)
    _sub(header, "ram:TypeCode", TYPE_CODES[doc.kind])
    _date(header, "ram:IssueDateTime", doc.issue_date)
    for subject, text in _notes(doc):
        note = _sub(header, "ram:IncludedNote")
        _sub(note, "ram:Content", text)
        _sub(note, "ram:SubjectCode", subject)

    transaction = _sub(root, "rsm:SupplyChainTradeTransaction")
    for index, line in enumerate(doc.lines, start=1):
        item = _sub(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _sub(_sub(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(index))
        _sub(_sub(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
        agreement = _sub(item, "ram:SpecifiedLineTradeAgreement")
        _sub(_sub(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount",
             _amount(line.unit_price))
        _sub(_sub(item, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity",
             _decimal(line.quantity), {"unitCode": line.unit})
        settlement = _sub(item, "ram:SpecifiedLineTradeSettlement")
        tax = _sub(settlement, "ram:ApplicableTradeTax")
        _sub(tax, "ram:TypeCode", "VAT")
        _sub(tax, "ram:CategoryCode", doc.vat.category)
        if doc.vat.rate:  # "not subject to VAT" has no rate (BR-O-05)
            _sub(tax, "ram:RateApplicablePercent", "0")
        period = _sub(settlement, "ram:BillingSpecifiedPeriod")
        _date(period, "ram:StartDateTime", line.service_date)
        _date(period, "ram:EndDateTime", line.service_date)
        _sub(_sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"),
             "ram:LineTotalAmount", _amount(line.amount))

    agreement = _sub(transaction, "ram:ApplicableHeaderTradeAgreement")
    _party(agreement, "ram:SellerTradeParty", doc.seller, tax_id=True)
    _party(agreement, "ram:BuyerTradeParty", doc.buyer, tax_id=False)

    delivery = _sub(transaction, "ram:ApplicableHeaderTradeDelivery")
    first, last = doc.service_period
    if first == last:
        _date(_sub(delivery, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime",
              first)

    settlement = _sub(transaction, "ram:ApplicableHeaderTradeSettlement")
    _sub(settlement, "ram:InvoiceCurrencyCode", doc.currency)
    tax = _sub(settlement, "ram:ApplicableTradeTax")
    _sub(tax, "ram:CalculatedAmount", "0.00")
    _sub(tax, "ram:TypeCode", "VAT")
    _sub(tax, "ram:ExemptionReason", doc.vat_mention)
    _sub(tax, "ram:BasisAmount", _amount(doc.total))
    _sub(tax, "ram:CategoryCode", doc.vat.category)
    _sub(tax, "ram:ExemptionReasonCode", doc.vat.exemption_code)
    if doc.vat.rate:
        _sub(tax, "ram:RateApplicablePercent", "0")
    if first != last:
        period = _sub(settlement, "ram:BillingSpecifiedPeriod")
        _date(period, "ram:StartDateTime", first)
        _date(period, "ram:EndDateTime", last)
    terms = _sub(settlement, "ram:SpecifiedTradePaymentTerms")
    _sub(terms, "ram:Description", doc.payment_terms)
    if doc.due_date is not None:
        _date(terms, "ram:DueDateDateTime", doc.due_date)
    totals = _sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(totals, "ram:LineTotalAmount", _amount(doc.total))
    _sub(totals, "ram:TaxBasisTotalAmount", _amount(doc.total))
    _sub(totals, "ram:TaxTotalAmount", "0.00", {"currencyID": doc.currency})
    _sub(totals, "ram:GrandTotalAmount", _amount(doc.total))
    _sub(totals, "ram:TotalPrepaidAmount", _amount(doc.prepaid))
    _sub(totals, "ram:DuePayableAmount", _amount(doc.amount_due))
    if doc.cited_invoice:
        cited = _sub(settlement, "ram:InvoiceReferencedDocument")
        _sub(cited, "ram:IssuerAssignedID", doc.cited_invoice)
        if doc.cited_invoice_date is not None:
            _date(cited, "ram:FormattedIssueDateTime", doc.cited_invoice_date,
                  qualified=True)

    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _notes(doc: InvoiceDoc) -> list[tuple[str, str]]:
    """(UNTDID 4451 subject code, text) of the header notes, in the language of the PDF."""
    notes = [("TXD", doc.vat_mention)]
    if doc.credit_note and doc.reason:
        notes.append(("ACD", doc.reason))
    if doc.late_penalty:
        notes.append(("PMD", _("Late-payment penalties: {rate} (Code de commerce, "
                               "art. L441-10).", rate=doc.late_penalty)))
    if doc.recovery_indemnity is not None:
        notes.append(("PMT", _("In case of late payment, fixed indemnity for recovery costs: "
                               "{amount} (Code de commerce, art. L441-10 and D441-5).",
                               amount=euros(doc.recovery_indemnity))))
    if doc.early_payment:
        notes.append(("AAB", doc.early_payment))
    notes.extend(("REG", note) for note in doc.notes)
    return notes


def _party(parent: ET.Element, name: str, party: Party, *, tax_id: bool) -> None:
    element = _sub(parent, name)
    _sub(element, "ram:Name", party.name)
    if party.legal_id:
        _sub(_sub(element, "ram:SpecifiedLegalOrganization"), "ram:ID", party.legal_id,
             {"schemeID": SIREN_SCHEME})
    address = _sub(element, "ram:PostalTradeAddress")
    if party.postcode:
        _sub(address, "ram:PostcodeCode", party.postcode)
    streets = [line for line in party.address if line.strip()]
    # EN 16931 has three address lines; any further one joins the third.
    streets = [*streets[:2], ", ".join(streets[2:])] if len(streets) > 3 else streets
    for tag, line in zip(("ram:LineOne", "ram:LineTwo", "ram:LineThree"), streets,
                         strict=False):
        _sub(address, tag, line)
    _sub(address, "ram:CityName", party.city)
    _sub(address, "ram:CountryID", party.country)
    if party.email:
        _sub(_sub(element, "ram:URIUniversalCommunication"), "ram:URIID", party.email,
             {"schemeID": EMAIL_SCHEME})
    if party.vat_number:  # BT-31 / BT-48: only where the VAT rule states them (law.vat)
        _sub(_sub(element, "ram:SpecifiedTaxRegistration"), "ram:ID", party.vat_number,
             {"schemeID": VAT_ID_SCHEME})
    if tax_id and party.legal_id:
        _sub(_sub(element, "ram:SpecifiedTaxRegistration"), "ram:ID", party.legal_id,
             {"schemeID": TAX_ID_SCHEME})


def _library() -> Any:
    """The factur-x library (optional: the `facturx` extra), imported when first needed."""
    try:
        import facturx  # type: ignore[import-untyped]  # no type hints
    except ImportError as e:
        raise InputError(_("Factur-X needs the factur-x package: pip install "
                           "'sessiond[facturx]'.")) from e
    return facturx


def validate_xml(xml_bytes: bytes, level: str = PROFILE) -> None:
    """Check the XML against the factur-x library's XSD of `level`; raise ValueError with
    the schema's complaint when it does not conform."""
    library = _library()
    try:
        library.xml_check_xsd(xml_bytes, flavor="factur-x", level=level)
    except Exception as e:  # the library raises a bare Exception with the XSD's message
        raise ValueError(str(e)) from e


def facturx_pdf(pdf_bytes: bytes, xml_bytes: bytes) -> bytes:
    """`pdf_bytes` (a PDF/A-3 invoice) with `xml_bytes` embedded as factur-x.xml, the
    Factur-X XMP metadata (PDF/A-3B, EN 16931), and the dates pinned to the PDF's own
    creation date so that the same invoice gives the same bytes.

    Raises ValueError when the XML does not conform to the XSD (the library's check).
    """
    library = _library()
    info = _info(pdf_bytes)
    try:
        result: bytes = library.generate_from_binary(
            pdf_bytes, xml_bytes, flavor="factur-x", level=PROFILE, check_xsd=True,
            # Without pdf_metadata the library writes an English title of its own.
            pdf_metadata={"author": info.author, "title": info.title, "subject": info.title,
                          "keywords": ""},
            lang=info.lang, afrelationship="data", xmp_compression=False)
    except ValueError:
        raise
    except Exception as e:  # the XSD check raises a bare Exception
        raise ValueError(str(e)) from e
    return _pin(result, info.created)


@dataclass(frozen=True)
class _Info:
    title: str
    author: str
    lang: str | None
    created: datetime


def _info(pdf_bytes: bytes) -> _Info:
    """What the PDF says of itself; fpdf2 writes a PDF/A document's info in its XMP only."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf_bytes))
    xmp = reader.xmp_metadata
    title = (xmp.dc_title or {}).get("x-default", "") if xmp else ""
    creators = (xmp.dc_creator or []) if xmp else []
    created = xmp.xmp_create_date if xmp else None  # pypdf gives it naive, in UTC
    lang = reader.root_object.get("/Lang")
    return _Info(str(title), str(creators[0]) if creators else "",
                 str(lang) if lang else None,
                 created.replace(tzinfo=UTC) if created else EPOCH)


def _pin(pdf_bytes: bytes, created: datetime) -> bytes:
    """Put `created` where the library wrote the time of the run (document info, XMP,
    embedded file), drop the empty info entries the XMP does not hold, and give every XMP
    description its rdf:about, so that the info and the XMP agree (ISO 19005-3, 6.6)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        StreamObject,
        TextStringObject,
    )

    created = created.astimezone(UTC)
    pdf_date = created.strftime("D:%Y%m%d%H%M%S+00'00'")
    xmp_date = created.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf_bytes)))
    writer.pdf_header = "%PDF-1.7"  # PDF/A-3 is ISO 32000-1, PDF 1.7
    info = {key: value for key, value in (writer.metadata or {}).items() if str(value)}
    info.update({"/CreationDate": pdf_date, "/ModDate": pdf_date})
    writer.metadata = info
    root = writer.root_object
    metadata = cast(StreamObject, root["/Metadata"].get_object())
    xmp = metadata.get_data().decode("utf-8")
    xmp = re.sub(r"<xmp:(CreateDate|ModifyDate)>[^<]*</xmp:\1>",
                 lambda m: f"<xmp:{m.group(1)}>{xmp_date}</xmp:{m.group(1)}>", xmp)
    xmp = xmp.replace("<rdf:Description>", '<rdf:Description rdf:about="">')
    metadata.set_data(xmp.encode("utf-8"))
    names = cast(ArrayObject, cast(DictionaryObject, cast(
        DictionaryObject, root["/Names"])["/EmbeddedFiles"])["/Names"])
    for spec in list(names)[1::2]:  # [name, filespec, name, filespec...]
        files = cast(DictionaryObject, cast(DictionaryObject, spec.get_object())["/EF"])
        params = cast(DictionaryObject, cast(StreamObject, files["/F"].get_object())["/Params"])
        params[NameObject("/ModDate")] = TextStringObject(pdf_date)
    out = BytesIO()
    writer.write(out)
    data: bytes = out.getvalue()
    return data
