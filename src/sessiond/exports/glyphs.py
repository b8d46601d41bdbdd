"""Whether the letters a PDF page draws are the letters its text says.

A receipt's visible text is checked through text extraction, which reads each shown code
through the font's ToUnicode map, not through the glyph the font draws for it. A font
edited so that the two part (its ToUnicode map changed, its codes sent to other glyphs,
its glyphs' outlines swapped) shows "20,00" where extraction still reads "50,00", and a
check of the text alone passes. So each font's own parts must agree:

- a composite font (Type0, what sessiond embeds: a TrueType subset, Identity-H, a
  CIDToGIDMap): for each code, the glyph it draws (CIDToGIDMap) must be the one the font
  program's own character map gives the character ToUnicode reads for it, or of the same
  outline (a print's subset may have no character map: then the outline alone tells);
- and that glyph's outline, when this machine has the font sessiond embeds (fonts.find_fonts),
  must not be the outline of another character of the document (two glyphs swapped);
- a simple font (the core fonts' receipts): the character ToUnicode reads for a code must
  be the one its encoding names (the glyph a viewer draws);
- a font sessiond never writes, whose glyphs cannot be matched with characters (Type3, a
  composite font of another kind or encoding, a composite font not embedded), cannot be
  checked: it is reported as such.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

# Bounds: a receipt has a few fonts of about a hundred characters each, and ToUnicode
# maps of a few kB (pypdf reads a map of megabytes for seconds, once per page).
_MAX_FONTS = 30
_MAX_CODES = 5000
MAX_MAP_BYTES = 256 * 1024


def largest_map(reader: Any) -> int:
    """The size of the largest ToUnicode map of the pages' fonts, decompressed."""
    largest = 0
    for page in reader.pages:
        for font in _fonts(page.get("/Resources")):
            found = font.get("/ToUnicode")
            cmap: Any = found.get_object() if found is not None else None
            if hasattr(cmap, "get_data"):
                largest = max(largest, len(cmap.get_data()))
    return largest


@dataclass(frozen=True)
class Misdrawn:
    """A font whose glyphs are not what text extraction reads of them."""

    page: int
    font: str  # its name (BaseFont), without a subset tag
    read: str  # what text extraction reads ("" when the font cannot be checked)
    shown: str  # what the page draws instead ("" when not known: another glyph)
    # Not a problem but what could not be done: its glyphs are none of the fonts
    # sessiond embeds as this machine has them, so their outlines were not compared.
    unmatched: bool = False


def misdrawn(reader: Any) -> list[Misdrawn]:
    """Each font of each page (and of the forms it draws) whose glyphs and text disagree,
    once per font and character read."""
    found: dict[tuple[str, str], Misdrawn] = {}
    seen: set[int] = set()
    for number, page in enumerate(reader.pages, start=1):
        for font in _fonts(page.get("/Resources")):
            if len(seen) >= _MAX_FONTS or id(font) in seen:
                continue
            seen.add(id(font))
            for problem in _check_font(number, font):
                found.setdefault((problem.font, problem.read), problem)
    return list(found.values())


def _fonts(resources: Any, depth: int = 0) -> Iterator[Any]:
    resources = resources.get_object() if resources is not None else None
    if not hasattr(resources, "get"):
        return
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else {}
    for ref in list(fonts.values())[:_MAX_FONTS] if hasattr(fonts, "values") else ():
        font = ref.get_object()
        if hasattr(font, "get"):
            yield font
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else {}
    if depth < 3 and hasattr(xobjects, "values"):
        for ref in list(xobjects.values())[:50]:
            form = ref.get_object()
            if hasattr(form, "get") and form.get("/Subtype") == "/Form":
                yield from _fonts(form.get("/Resources"), depth + 1)


def _name(font: Any) -> str:
    name = str(font.get("/BaseFont") or "?").lstrip("/")
    return name.split("+", 1)[1] if "+" in name[:7] else name


def _check_font(page: int, font: Any) -> list[Misdrawn]:
    subtype = font.get("/Subtype")
    if subtype == "/Type0":
        return _check_composite(page, font)
    if subtype == "/Type3":
        return [Misdrawn(page, _name(font), "", "")]  # its glyphs are drawings
    if "/ToUnicode" in font:
        return _check_simple(page, font)
    return []  # read through its encoding: what extraction reads is what it names


def _to_unicode(font: Any) -> dict[int, str]:
    """What text extraction reads of each code, as pypdf (which extracts) reads it."""
    from pypdf._cmap import get_encoding

    _encoding, mapped = get_encoding(font)
    return {ord(code): text for code, text in list(mapped.items())[:_MAX_CODES]
            if isinstance(code, str) and len(code) == 1 and isinstance(text, str)}


def _check_composite(page: int, font: Any) -> list[Misdrawn]:
    from fontTools.ttLib import TTFont

    name = _name(font)
    cannot = [Misdrawn(page, name, "", "")]
    descendants = font.get("/DescendantFonts")
    descendants = descendants.get_object() if descendants is not None else None
    if (not descendants or font.get("/Encoding") not in ("/Identity-H", "/Identity-V")
            or "/ToUnicode" not in font):
        return cannot
    cid_font = descendants[0].get_object()
    descriptor = cid_font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    program = descriptor.get("/FontFile2") if hasattr(descriptor, "get") else None
    if cid_font.get("/Subtype") != "/CIDFontType2" or program is None:
        return cannot
    try:
        ttf = _numbered(TTFont(io.BytesIO(program.get_object().get_data()), lazy=True))
        order = ttf.getGlyphOrder()
        cmap = ttf.getBestCmap() or {}
    except Exception:  # a damaged font program: fontTools raises many kinds
        return cannot
    to_gid = _cid_to_gid(cid_font.get("/CIDToGIDMap"))
    if to_gid is None:
        return cannot
    glyph_of = {ord_: name_ for ord_, name_ in cmap.items()}
    chars_of: dict[str, list[str]] = {}
    for ord_, glyph in cmap.items():
        chars_of.setdefault(glyph, []).append(chr(ord_))
    problems = []
    drawn: dict[str, str] = {}  # the character read -> the glyph drawn for it
    for code, text in sorted(_to_unicode(font).items()):
        if code == 0 or len(text) != 1 or not text.strip() or text == "\x00":
            continue  # .notdef, spaces and ligatures draw no letter to compare
        gid = to_gid(code)
        glyph = order[gid] if 0 <= gid < len(order) else None
        expected = glyph_of.get(ord(text))
        if glyph is None:
            problems.append(Misdrawn(page, name, text, ""))
        elif expected is None or expected == glyph or _same_outline(ttf, expected, glyph):
            # (A font program may have no character map, or not this character in it, as
            # a print's subset has: its outline alone tells, below. Two glyphs of one
            # outline draw the same letter.)
            drawn[text] = glyph
        else:
            problems.append(Misdrawn(page, name, text, chars_of.get(glyph, [""])[0]))
    return problems or _swapped_outlines(page, name, ttf, drawn)


def _numbered(ttf: Any) -> Any:
    """`ttf` with its glyphs named by their number: glyphs are matched by outline and
    through the character maps, never by name, and reading the names a font stores
    (thousands in its 'post' table) or makes up for a subset (from the Adobe Glyph List)
    took longer than comparing the glyphs."""
    ttf.setGlyphOrder([f"g{gid}" for gid in range(ttf["maxp"].numGlyphs)])
    return ttf


def _same_outline(ttf: Any, one: str, other: str) -> bool:
    try:
        table = ttf["glyf"]
        return _outline(table, one) == _outline(table, other)
    except Exception:  # a damaged glyph table: fontTools raises many kinds
        return False


def _check_simple(page: int, font: Any) -> list[Misdrawn]:
    """A simple font with a ToUnicode map: a viewer draws the glyph its encoding names for
    a code, so the character extraction reads must be that glyph's."""
    from pypdf._cmap import _parse_encoding

    try:
        encoding = _parse_encoding(font)
    except Exception:  # an encoding pypdf cannot read: pypdf raises many kinds
        return [Misdrawn(page, _name(font), "", "")]
    if not isinstance(encoding, dict):
        return [Misdrawn(page, _name(font), "", "")]
    problems = []
    for code, text in sorted(_to_unicode(font).items()):
        named = encoding.get(code)
        if not text.strip() or not isinstance(named, str) or len(named) != 1:
            continue  # a space, or a glyph name no character stands for
        if named != text:
            problems.append(Misdrawn(page, _name(font), text, named))
    return problems


def _cid_to_gid(value: Any) -> Any:
    """The CIDToGIDMap as a function (Identity, or a stream of two bytes per CID)."""
    value = value.get_object() if value is not None else None
    if value is None or value == "/Identity":
        return lambda cid: cid
    if not hasattr(value, "get_data"):
        return None
    table = value.get_data()
    return lambda cid: int.from_bytes(table[2 * cid:2 * cid + 2], "big") if (
        2 * cid + 2 <= len(table)) else 0


def _swapped_outlines(page: int, name: str, ttf: Any, drawn: dict[str, str]
                      ) -> list[Misdrawn]:
    """The characters whose glyph draws another character's outline, told by the font
    sessiond embeds as this machine has it: glyphs swapped inside the font program. The
    installed font compared with is the one most of the document's glyphs are drawn as
    (none: another font, nothing to compare with)."""
    if not drawn:
        return []
    try:
        table = ttf["glyf"]
        mine = {text: _outline(table, glyph) for text, glyph in drawn.items()}
    except Exception:  # a damaged glyph table: fontTools raises many kinds
        return [Misdrawn(page, name, "", "")]
    best: tuple[int, str] = (0, "")
    for path in _installed():
        same = sum(1 for text, outline in mine.items()
                   if _installed_outline(path, text) == outline)
        best = max(best, (same, path))
    same, path = best
    if same * 2 < len(mine):
        return [Misdrawn(page, name, "", "", unmatched=True)] if _installed() else []
    problems = []
    for text, outline in mine.items():
        if outline != _installed_outline(path, text):
            other = _character_of(path, outline, "".join(sorted(drawn)))
            if other is not None and other != text:
                problems.append(Misdrawn(page, name, text, other))
    return problems


def _outline(table: Any, glyph: str) -> tuple[tuple[Any, ...], tuple[int, ...]]:
    """A glyph's outline, its components drawn in (a subset renames them): its points
    and where each contour ends."""
    coordinates, ends, _flags = table[glyph].getCoordinates(table)
    return tuple(coordinates), tuple(ends)


def _installed() -> tuple[str, ...]:
    """The font files sessiond embeds, as this machine has them."""
    from sessiond.exports.fonts import find_fonts

    fonts = find_fonts()
    paths = (fonts.regular, fonts.bold, fonts.mono)
    return tuple(dict.fromkeys(str(p) for p in paths if p is not None))


@cache
def _installed_font(path: str) -> tuple[dict[int, str], Any] | None:
    from fontTools.ttLib import TTFont

    try:
        ttf = _numbered(TTFont(path, lazy=True))
        return ttf.getBestCmap() or {}, ttf["glyf"]
    except Exception:  # an unreadable font file on this machine: nothing to compare
        return None


@cache
def _installed_outline(path: str, text: str) -> Any:
    font = _installed_font(path)
    glyph = font[0].get(ord(text)) if font is not None else None
    if font is None or glyph is None:
        return None
    try:
        return _outline(font[1], glyph)
    except Exception:  # a damaged glyph in this machine's font
        return None


# The characters a glyph may have been swapped for, beside the document's own: what
# amounts, dates, times and names are written with.
_COMMON = ("".join(map(chr, range(0x21, 0x7f))) + "".join(map(chr, range(0xc0, 0x100)))
           + "\u20ac")


def _character_of(path: str, outline: Any, texts: str) -> str | None:
    """The character whose outline, in the installed font, `outline` is."""
    found = _common_characters(path).get(outline)
    if found is not None:
        return found
    return next((text for text in texts if _installed_outline(path, text) == outline), None)


@cache
def _common_characters(path: str) -> dict[Any, str]:
    """Outline -> character, for the common characters of the installed font."""
    found: dict[Any, str] = {}
    for text in _COMMON:
        outline = _installed_outline(path, text)
        if outline is not None:
            found.setdefault(outline, text)
    return found
