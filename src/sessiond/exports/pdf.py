"""The PDF rendering of a document's blocks (fpdf2), with a Unicode font so that accents
render, and files attached (a receipt's signed data).

Fonts (exports.fonts): the first TrueType family found among DejaVu (Debian/Ubuntu package
fonts-dejavu-core, installed with most desktops), Liberation, Noto and FreeFont, in the
usual font directories; `SESSIOND_PDF_FONTS` may name a directory to search first, or
`core` to use the PDF core fonts. Without any TrueType font the core fonts (Helvetica,
Courier) are used with the Windows-1252 encoding, which still holds every French letter
and the euro sign; the few characters it lacks are replaced (narrow space, minus sign).

Layout rules a client can rely on: a block (a field, a paragraph, an amount, a group of
machine lines) is never split across a page break, a section heading stays with its first
block, a field's label that does not fit its column goes on its own line above the value
(so that text extraction reads label and value in one piece), and machine lines (keys,
commands, checkpoints) are never wrapped: their font shrinks until the longest one fits.

The signed checkpoint and the events line also go, uncompressed, into the PDF's
Keywords: `sessiond verify --receipt` finds them in the file's bytes without a PDF
parser, while the page itself shows them for a person (and for pdftotext).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF

from sessiond.exports.drawn import page_text
from sessiond.exports.fonts import find_fonts
from sessiond.exports.layout import Amount, Block, Code, Field, Para, Section, Title

MARGIN = 18.0  # mm
LABEL_WIDTH = 46.0  # mm, the label column of a field
AMOUNT_WIDTH = 34.0  # mm
BOTTOM = 18.0  # mm kept free at the foot of a page (the footer is drawn in it)
CODE_MAX_PT = 7.0
CODE_MIN_PT = 4.5
MONO_ADVANCE = 0.6  # em: the advance of every glyph of the monospaced fonts used


@dataclass(frozen=True)
class Attachment:
    """A file carried inside the PDF (`pdfdetach -saveall` writes it out)."""

    name: str
    data: bytes
    description: str
    mime_type: str = "application/octet-stream"


def font_glyphs(pdf: FPDF) -> frozenset[int]:
    """The characters every TrueType font added to `pdf` has a glyph for."""
    maps = [set(getattr(font, "cmap", None) or ()) for font in pdf.fonts.values()]
    return frozenset(set.intersection(*maps)) if maps else frozenset()


class _Document(FPDF):
    footer_text = ""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.measured: dict[tuple[str, str, float, float, str], int] = {}

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self._family, "", 7)
        self.set_text_color(110)
        self.cell(0, 4, self._clean(f"{self.footer_text} — {self.page_no()}/{{nb}}"),
                  align="C")

    _family = "Helvetica"
    _mono = "Courier"
    _core = True
    _glyphs: frozenset[int] | None = None

    def _clean(self, text: str) -> str:
        return page_text(text, core=self._core, glyphs=self._glyphs)


def render_pdf(blocks: Sequence[Block], *, title: str, author: str, keywords: str,
               footer: str, created: datetime,
               attachments: Sequence[Attachment] = ()) -> bytes:
    fonts = find_fonts()
    pdf = _Document(format="A4", unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    if fonts.core:
        pdf.core_fonts_encoding = "windows-1252"
    else:
        assert fonts.regular and fonts.bold and fonts.mono
        pdf.add_font("Body", "", str(fonts.regular))
        pdf.add_font("Body", "B", str(fonts.bold))
        pdf.add_font("Mono", "", str(fonts.mono))
        pdf._family, pdf._mono, pdf._core = "Body", "Mono", False
        pdf._glyphs = font_glyphs(pdf)
    pdf.footer_text = footer
    pdf.set_title(pdf._clean(title))
    pdf.set_author(pdf._clean(author))
    pdf.set_creator("sessiond")
    pdf.set_keywords(keywords)  # ASCII: stored as a literal string, readable in the bytes
    pdf.set_creation_date(created)
    for attachment in attachments:
        pdf.embed_file(bytes=attachment.data, basename=attachment.name,
                       modification_date=created, creation_date=created,
                       desc=attachment.description, mime_type=attachment.mime_type)
    pdf.add_page()
    width = pdf.w - 2 * MARGIN
    room = pdf.page_break_trigger - pdf.t_margin
    for n, block in enumerate(blocks):
        if isinstance(block, Section):
            # A section starts a new page rather than being cut, when it fits on one;
            # else its heading is kept with the block that follows it.
            body = []
            for following in blocks[n + 1:]:
                if isinstance(following, Section):
                    break
                body.append(following)
            whole = 12.0 + sum(_block_height(pdf, b, width) for b in body)
            first = 12.0 + (_block_height(pdf, body[0], width) if body else 0.0)
            _keep(pdf, whole if whole <= room else first)
        _block(pdf, block, width)
    return bytes(pdf.output())


def _keep(pdf: _Document, height: float) -> None:
    """Start a new page unless `height` fits in what is left of this one."""
    if pdf.get_y() + height > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()


def _block(pdf: _Document, block: Block, width: float) -> None:
    body, clean = pdf._family, pdf._clean
    match block:
        case Title(text, subtitle):
            pdf.set_font(body, "B", 16)
            pdf.cell(width, 9, clean(text), new_x="LMARGIN", new_y="NEXT")
            if subtitle:
                pdf.set_font(body, "", 9.5)
                pdf.set_text_color(70)
                pdf.multi_cell(width, 5, clean(subtitle), align="L", new_x="LMARGIN",
                               new_y="NEXT")
                pdf.set_text_color(0)
            pdf.ln(1)
        case Section(text):
            pdf.ln(3)
            pdf.set_font(body, "B", 11)
            pdf.cell(width, 6, clean(text), new_x="LMARGIN", new_y="NEXT")
            pdf.set_draw_color(160)
            pdf.line(MARGIN, pdf.get_y(), MARGIN + width, pdf.get_y())
            pdf.ln(1.5)
        case Field(label, value):
            pdf.set_font(body, "", 9)
            if _lines(pdf, LABEL_WIDTH, clean(label)) > 1:
                # Stacked: the label on its own line(s), the value below, in one piece.
                _keep(pdf, _height(pdf, width, 4.6, clean(label))
                      + _height(pdf, width - 6, 4.6, clean(value)))
                pdf.set_text_color(90)
                pdf.multi_cell(width, 4.6, clean(label), align="L", new_x="LMARGIN",
                               new_y="NEXT")
                pdf.set_text_color(0)
                pdf.set_x(MARGIN + 6)
                pdf.multi_cell(width - 6, 4.6, clean(value), align="L", new_x="LMARGIN",
                               new_y="NEXT")
            else:
                _two_columns(pdf, clean(label), clean(value), LABEL_WIDTH,
                             width - LABEL_WIDTH, 4.6, label_gray=True)
        case Para(text, strong):
            pdf.set_font(body, "B" if strong else "", 9)
            _keep(pdf, _height(pdf, width, 4.6, clean(text)))  # never split a sentence
            pdf.multi_cell(width, 4.6, clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        case Amount(label, amount, strong):
            pdf.set_font(body, "B" if strong else "", 10 if strong else 9)
            _two_columns(pdf, clean(label), clean(amount), width - AMOUNT_WIDTH, AMOUNT_WIDTH,
                         5, right_align=True)
        case Code(lines):
            size = _code_size(lines, width)
            line = size * 0.48  # mm per line: the size in points, plus a little leading
            _keep(pdf, line * len(lines) + 1)
            pdf.set_font(pdf._mono, "", size)
            for text in lines:
                pdf.cell(width, line, clean(text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)


def _code_size(lines: Sequence[str], width: float) -> float:
    """The largest font size (points) at which the longest line fits `width` (mm)."""
    longest = max((len(text) for text in lines), default=1) or 1
    fitting = width / (longest * MONO_ADVANCE) * 72 / 25.4
    return max(CODE_MIN_PT, min(CODE_MAX_PT, int(fitting * 4) / 4))


def _block_height(pdf: _Document, block: Block, width: float) -> float:
    """About the height a block takes, to keep a heading with it."""
    clean = pdf._clean
    match block:
        case Field(label, value):
            pdf.set_font(pdf._family, "", 9)
            return max(_height(pdf, LABEL_WIDTH, 4.6, clean(label)),
                       _height(pdf, width - LABEL_WIDTH, 4.6, clean(value)))
        case Para(text, strong):
            pdf.set_font(pdf._family, "B" if strong else "", 9)
            return _height(pdf, width, 4.6, clean(text)) + 0.8
        case Code(lines):
            return _code_size(lines, width) * 0.48 * len(lines) + 1
        case Amount():
            return 5.0
    return 6.0


def _two_columns(pdf: _Document, left: str, right: str, left_width: float,
                 right_width: float, line: float, *, label_gray: bool = False,
                 right_align: bool = False) -> None:
    """Two cells side by side, kept on one page, the cursor left below the taller one."""
    height = max(_height(pdf, left_width, line, left), _height(pdf, right_width, line, right))
    _keep(pdf, height)
    y = pdf.get_y()
    if label_gray:
        pdf.set_text_color(90)
    pdf.multi_cell(left_width, line, left, align="L", new_x="RIGHT", new_y="TOP")
    pdf.set_text_color(0)
    pdf.set_xy(MARGIN + left_width, y)
    pdf.multi_cell(right_width, line, right, align="R" if right_align else "L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(MARGIN, y + height)


def _height(pdf: _Document, width: float, line: float, text: str) -> float:
    return float(_measure(pdf, width, text)) * line


def _lines(pdf: _Document, width: float, text: str) -> int:
    return _measure(pdf, width, text)


def _measure(pdf: _Document, width: float, text: str) -> int:
    """How many lines `text` takes at `width` in the current font. Measured once per
    document: a block is measured to keep its section together, then to draw it."""
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, width, text)
    found = pdf.measured.get(key)
    if found is None:
        value = pdf.multi_cell(width, 1, text, align="L", dry_run=True, output="LINES")
        assert isinstance(value, list)
        found = pdf.measured[key] = len(value)
    return found
