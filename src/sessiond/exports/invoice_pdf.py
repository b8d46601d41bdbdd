"""The PDF of an invoice or credit note (fpdf2), PDF/A-3B so that Factur-X can wrap it.

It prints what French law requires of a VAT-exempt micro-entrepreneur's invoice: the title
(Facture / Avoir), number and date; the seller's name with "EI", SIREN or SIRET and
address; the client's name and address, and SIREN for a business; the date of the service;
each line's description, quantity, unit price excl. VAT and amount; the total excl. VAT,
the VAT mention of the rule the buyer falls under (law.vat: "TVA non applicable, art. 293 B
du CGI", "Autoliquidation" with both intra-EU VAT numbers, or "TVA non applicable – art.
259-1 du CGI") and the net amount due; the due date and payment
terms; for a business client the late-payment penalty rate, the 40 EUR recovery indemnity
and the early-payment discount terms; for a credit note the invoice it cancels and why.

PDF/A needs embedded fonts: the TrueType family `fonts.find_fonts()` finds (fpdf2 refuses the
core fonts in a PDF/A document). Without one, `pdfa=False` still gives a plain PDF with the
core fonts, as receipts do. The output depends on the document only: the creation date is
the issue date (00:00 UTC) and the XMP metadata is written here with that date (fpdf2's
own would carry the time of the run).
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from html import escape

from fpdf import FPDF

from sessiond.billing.text import money
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.exports.drawn import page_text
from sessiond.exports.fonts import find_fonts
from sessiond.exports.invoice_doc import (
    UNIT_HOUR,
    InvoiceDoc,
    InvoiceLine,
    check,
    euros,
    invoice_title,
)
from sessiond.exports.pdf import MARGIN, font_glyphs
from sessiond.i18n import _, language

PRODUCER = "sessiond"
COLUMNS = (0.42, 0.12, 0.12, 0.17, 0.17)  # description, date, quantity, unit price, amount
LINE = 4.6  # mm


class _Invoice(FPDF):
    footer_text = ""
    family = "Helvetica"
    core = True
    glyphs: frozenset[int] | None = None

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 7)
        self.set_text_color(110)
        self.cell(0, 4, self.clean(f"{self.footer_text} — {self.page_no()}/{{nb}}"),
                  align="C")
        self.set_text_color(0)

    def clean(self, text: str) -> str:
        # As the receipt's pages write it (pdf.page_text): a control character or a bidi
        # override in the seller's name made the XMP below (XML) unreadable, and the invoice
        # was never issued.
        return page_text(text, core=self.core, glyphs=self.glyphs)


def _one_line(text: str) -> str:
    """A field the document prints as one line (a party's name, a credit note's reason),
    its line breaks written out as `\\u000a`, as the command line writes a one-line field
    (display.safe_line): a reason "tarif\\nMontant de l'avoir : 0,00 €" printed a line of
    its own under "Motif :" that read as the document's, and the second line of a name
    read as the first line of the address."""
    return text.replace("\r\n", "\n").replace("\n", "\\u000a")


def title_of(doc: InvoiceDoc) -> str:
    return invoice_title(doc.number, credit_note=doc.credit_note)


def render_invoice_pdf(doc: InvoiceDoc, *, pdfa: bool = True) -> bytes:
    """The PDF of a checked document, PDF/A-3B unless `pdfa` is False.

    Raises InputError when PDF/A is asked for and no TrueType font is installed.
    """
    check(doc)
    fonts = find_fonts()
    if pdfa and fonts.core:
        raise InputError(_("A PDF/A invoice needs an embedded TrueType font: install "
                           "fonts-dejavu-core, or set SESSIOND_PDF_FONTS to a directory of "
                           ".ttf files."))
    pdf = _Invoice(format="A4", unit="mm", enforce_compliance="PDF/A-3B" if pdfa else None)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    if fonts.core:
        pdf.core_fonts_encoding = "windows-1252"
    else:
        assert fonts.regular and fonts.bold
        pdf.add_font("Body", "", str(fonts.regular))
        pdf.add_font("Body", "B", str(fonts.bold))
        pdf.family, pdf.core = "Body", False
        pdf.glyphs = font_glyphs(pdf)
    title = title_of(doc)
    created = datetime.combine(doc.issue_date, time(0), tzinfo=UTC)
    pdf.footer_text = title
    pdf.set_title(pdf.clean(title))
    pdf.set_author(pdf.clean(doc.seller.name))
    pdf.set_creator(PRODUCER)
    pdf.set_producer(PRODUCER)
    pdf.set_creation_date(created)
    pdf.set_lang("fr-FR" if language() == "fr" else "en")
    if pdfa:
        pdf.set_xmp_metadata(_xmp(pdf.clean(title), pdf.clean(doc.seller.name), created))
    pdf.add_page()
    _header(pdf, doc)
    _parties(pdf, doc)
    _lines(pdf, doc)
    _totals(pdf, doc)
    _terms(pdf, doc)
    return bytes(pdf.output())


def _header(pdf: _Invoice, doc: InvoiceDoc) -> None:
    width = pdf.epw
    pdf.set_font(pdf.family, "B", 18)
    pdf.cell(width, 10, _("Credit note") if doc.credit_note else _("Invoice"),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "B", 10)
    pdf.cell(width, 5.5, pdf.clean(title_of(doc)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 9.5)
    _para(pdf, _("Date: {date}", date=fmt.day(doc.issue_date)))
    if doc.credit_note:
        cited = doc.cited_invoice or ""
        _para(pdf, _("Cancels invoice no. {number} of {date}", number=cited,
                     date=fmt.day(doc.cited_invoice_date)) if doc.cited_invoice_date
              else _("Cancels invoice no. {number}", number=cited))
        _para(pdf, _("Reason: {reason}", reason=_one_line(doc.reason or "")))
    pdf.ln(3)


def _party_lines(doc: InvoiceDoc, seller: bool) -> list[str]:
    party = doc.seller if seller else doc.buyer
    lines = [*party.address_lines()]
    if party.siret:
        lines.append(_("SIRET: {number}", number=_grouped(party.siret)))
    elif party.siren:
        lines.append(_("SIREN: {number}", number=_grouped(party.siren)))
    if party.vat_number:  # only where the VAT rule states it (law.vat)
        lines.append(_("Intra-EU VAT number: {number}", number=party.vat_number))
    if party.email:
        lines.append(_("E-mail: {address}", address=party.email))
    return lines


def _grouped(digits: str) -> str:
    """732 829 320 00074: the SIREN in threes, then the NIC."""
    siren = " ".join(digits[i:i + 3] for i in range(0, 9, 3))
    return f"{siren} {digits[9:]}" if len(digits) > 9 else siren


def _parties(pdf: _Invoice, doc: InvoiceDoc) -> None:
    half = (pdf.epw - 8) / 2
    top = pdf.get_y()
    bottom = top
    for column, seller in enumerate((True, False)):
        x = MARGIN + column * (half + 8)
        party = doc.seller if seller else doc.buyer
        pdf.set_xy(x, top)
        pdf.set_font(pdf.family, "", 8)
        pdf.set_text_color(90)
        pdf.cell(half, 4.5, pdf.clean(_("Seller") if seller else _("Client")),
                 new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.set_font(pdf.family, "B", 10)
        pdf.multi_cell(half, 5, pdf.clean(_one_line(party.name)), new_x="LEFT",
                       new_y="NEXT")
        pdf.set_font(pdf.family, "", 9)
        for line in _party_lines(doc, seller):
            pdf.multi_cell(half, LINE, pdf.clean(line), new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(MARGIN, bottom + 4)
    first, last = doc.service_period
    pdf.set_font(pdf.family, "", 9.5)
    _para(pdf, _("Date of the service: {date}", date=fmt.day(first)) if first == last
          else _("Dates of the service: from {first} to {last}", first=fmt.day(first),
                 last=fmt.day(last)))
    pdf.ln(2)


def quantity_text(line: InvoiceLine) -> str:
    """1,50 h for hours, 2 for units (French decimals)."""
    if line.unit == UNIT_HOUR:
        return _("{hours} h", hours=fmt.number(line.quantity, 2))
    places = 0 if line.quantity == line.quantity.to_integral_value() else 2
    return fmt.number(line.quantity, places)


def _lines(pdf: _Invoice, doc: InvoiceDoc) -> None:
    pdf.set_font(pdf.family, "", 8.5)
    pdf.set_draw_color(170)
    headings = (_("Description"), _("Date"), _("Quantity"), _("Unit price excl. VAT"),
                _("Amount excl. VAT"))
    with pdf.table(col_widths=COLUMNS, text_align=("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
                   line_height=LINE, borders_layout="HORIZONTAL_LINES",
                   padding=1.2) as table:
        row = table.row()
        for heading in headings:
            row.cell(pdf.clean(heading))
        for line in doc.lines:
            row = table.row()
            for text in (line.description, fmt.day(line.service_date), quantity_text(line),
                         money(line.unit_price), money(line.amount)):
                row.cell(pdf.clean(text))
    pdf.ln(3)


def _amount(pdf: _Invoice, label: str, amount: str, *, strong: bool = False) -> None:
    width = 60.0
    pdf.set_x(MARGIN + pdf.epw - width - 34)
    pdf.set_font(pdf.family, "B" if strong else "", 10.5 if strong else 9.5)
    pdf.cell(width, 6, pdf.clean(label))
    pdf.cell(34, 6, pdf.clean(amount), align="R", new_x="LMARGIN", new_y="NEXT")


def _totals(pdf: _Invoice, doc: InvoiceDoc) -> None:
    _amount(pdf, _("Total excl. VAT"), money(doc.total))
    pdf.set_font(pdf.family, "", 9)
    pdf.set_x(MARGIN + pdf.epw - 94)
    # the reverse charge's mention runs over two lines
    pdf.multi_cell(94, 5, pdf.clean(doc.vat_mention), align="R", new_x="LMARGIN",
                   new_y="NEXT")
    for payment in doc.payments:
        when = fmt.day(payment.received)
        _amount(pdf, _("Paid on {date} ({method})", date=when, method=payment.method)
                if payment.amount > 0 else
                _("Refunded on {date} ({method})", date=when, method=payment.method),
                money(-payment.amount))
    if doc.credit_note:
        _amount(pdf, _("Amount credited"), money(doc.amount_due), strong=True)
    else:
        _amount(pdf, _("Net amount due"), money(doc.amount_due), strong=True)
    pdf.ln(4)


def _terms(pdf: _Invoice, doc: InvoiceDoc) -> None:
    pdf.set_font(pdf.family, "", 9)
    if doc.due_date is not None:
        pdf.set_font(pdf.family, "B", 9)
        _para(pdf, _("Due date: {date}", date=fmt.day(doc.due_date)))
        pdf.set_font(pdf.family, "", 9)
    _para(pdf, _("Payment terms: {terms}", terms=doc.payment_terms))
    if doc.late_penalty:
        _para(pdf, _("Late-payment penalties: {rate} (Code de commerce, art. L441-10).",
                     rate=doc.late_penalty))
    if doc.recovery_indemnity is not None:
        _para(pdf, _("In case of late payment, fixed indemnity for recovery costs: {amount} "
                     "(Code de commerce, art. L441-10 and D441-5).",
                     amount=euros(doc.recovery_indemnity)))
    if doc.early_payment:
        _para(pdf, _("Early payment: {terms}", terms=doc.early_payment))
    for note in doc.notes:
        _para(pdf, note)


def _para(pdf: _Invoice, text: str) -> None:
    pdf.multi_cell(pdf.epw, LINE, pdf.clean(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _xmp(title: str, author: str, created: datetime) -> str:
    """PDF/A-3B identification and the document info, equal to the info dictionary's."""
    when = created.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return "\n".join([
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
        "   <pdfaid:part>3</pdfaid:part>",
        "   <pdfaid:conformance>B</pdfaid:conformance>",
        "  </rdf:Description>",
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>",
        f"   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>",
        "  </rdf:Description>",
        '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
        f"   <pdf:Producer>{PRODUCER}</pdf:Producer>",
        "  </rdf:Description>",
        '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
        f"   <xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool>",
        f"   <xmp:CreateDate>{when}</xmp:CreateDate>",
        f"   <xmp:ModifyDate>{when}</xmp:ModifyDate>",
        "  </rdf:Description>",
        " </rdf:RDF>",
        "</x:xmpmeta>",
    ])
