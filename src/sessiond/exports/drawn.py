"""What a PDF page shows of stored text, as the receipt and the invoice draw it, without
fpdf2: `verify --receipt` computes it again to find a receipt's text on its pages and
must not import a renderer to do so (fpdf2 alone took a quarter of a second to import).
"""

from __future__ import annotations

_CP1252_SUBSTITUTES = str.maketrans({"\u202f": "\u00a0", "\u2212": "-", "\u2009": " ",
                                     "\u2192": "->", "\u2264": "<=", "\u2265": ">="})


def pdf_text(text: str) -> str:
    """`text` as a PDF shows it: controls and bidi overrides written out (display.safe_text)."""
    from sessiond.display import safe_text

    return safe_text(text)


def drawable(text: str, glyphs: frozenset[int] | None) -> str:
    """`text` with each character none of the document's fonts can draw written out as
    `\\uXXXX`, `\\UXXXXXXXX` beyond the BMP (as a control character is: an emoji was
    `\\u1f600`, which reads as U+1F60 and a "0"): fpdf2 leaves a character without a glyph off
    the page, so a name of emoji, flags or a script the font lacks would show some of its
    letters and not say so, and the page would state another name than the record's.
    `glyphs`: what every font of the document draws (None: the core fonts, which
    core_text handles)."""
    from sessiond.display import written_out

    if glyphs is None:
        return text
    return "".join(c if c in "\n\t " or ord(c) in glyphs else written_out(c) for c in text)


def core_text(text: str) -> str:
    """What the core fonts (Windows-1252) can show of `text`."""
    text = text.translate(_CP1252_SUBSTITUTES)
    return text.encode("cp1252", errors="replace").decode("cp1252")


def page_text(text: str, *, core: bool, glyphs: frozenset[int] | None) -> str:
    """Stored text as a page of a receipt or an invoice writes it. Stored text is hostile:
    a control character (ESC, BEL) has no glyph and a bidi override reorders what follows
    it on the page, so both are written out as \\uXXXX, as in the text copy (a reader sees
    them and verify finds them again), and so is a character the fonts cannot draw. A tab
    (an address pasted from a spreadsheet) is a space: no font has a glyph for it, and
    fpdf2 dropped it with a warning on the technician's terminal."""
    text = pdf_text(text).replace("\t", " ")
    return core_text(text) if core else drawable(text, glyphs)
