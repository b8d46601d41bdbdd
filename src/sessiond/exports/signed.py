"""Signed data carried by a document, and reading it back from the PDF or the text copy.

A receipt carries everything it states as canonical JSON (sessiond.audit.canonical),
signed with the technician's Ed25519 key. The signature covers exactly the bytes of the
data, with no prefix: so that standard tools check it,

    pdfdetach -saveall releve-2026-0001-s-xxxxxx.pdf
    openssl pkeyutl -verify -pubin -inkey releve-2026-0001.pem -rawin \\
        -in releve-2026-0001.json -sigfile releve-2026-0001.sig

(OpenSSL 3 verifies Ed25519 over the raw message with `-rawin`; pdfdetach is
poppler-utils). Checkpoint messages start with their own domain line, never with `{`, so
a receipt's signature can never pass for a checkpoint's.

In the PDF the data, the signature and the public key are three attached files; in the
text copy the data and the signature follow the visible text, in base64 between armour
lines, and the public key is printed in PEM (three lines, never wrapped).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import hashlib
import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sessiond.errors import InputError
from sessiond.exports.glyphs import Misdrawn
from sessiond.exports.hidden_text import Box, Hidden, Tracker, visible_box
from sessiond.i18n import _, one_line

# The files a receipt PDF carries, all named after its number: its signed data, the
# data's signature and the technician's public key. It carries no other.
DATA_SUFFIX, SIGNATURE_SUFFIX, KEY_SUFFIX = ".json", ".sig", ".pem"
CARRIED_SUFFIXES = (DATA_SUFFIX, SIGNATURE_SUFFIX, KEY_SUFFIX)

DATA_BEGIN = "-----BEGIN SESSIOND SIGNED DATA-----"
DATA_END = "-----END SESSIOND SIGNED DATA-----"
SIG_BEGIN = "-----BEGIN SESSIOND SIGNATURE-----"
SIG_END = "-----END SESSIOND SIGNATURE-----"
# The armour as a reader finds it after a trip through mail, an editor or Windows: lines
# indented or with trailing blanks, the base64 wrapped at another width or with blanks in
# it. Whitespace is not part of base64 (RFC 4648 3.3 lets readers skip it), so none of
# that changes the bytes the signature covers.
_ARMOUR = re.compile(
    r"^[ \t]*" + re.escape(DATA_BEGIN) + r"[ \t]*\n(?P<data>[A-Za-z0-9+/=\s]*?)^[ \t]*"
    + re.escape(DATA_END) + r"[ \t]*\n[ \t]*" + re.escape(SIG_BEGIN)
    + r"[ \t]*\n(?P<sig>[A-Za-z0-9+/=\s]*?)^[ \t]*" + re.escape(SIG_END) + r"[ \t]*$",
    re.MULTILINE)
_B64_LINE = 64


def public_key_pem(public_raw: bytes) -> tuple[str, ...]:
    """The Ed25519 public key as PEM (SubjectPublicKeyInfo) lines, which openssl reads."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pem = Ed25519PublicKey.from_public_bytes(public_raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return tuple(pem.decode("ascii").splitlines())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signature_valid(public_key: Any, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        public_key.verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def armour(data: bytes, signature: bytes) -> str:
    """The signed data and its signature as text, to follow a document's visible text."""

    def lines(raw: bytes) -> str:
        text = base64.b64encode(raw).decode("ascii")
        return "\n".join(text[i:i + _B64_LINE] for i in range(0, len(text), _B64_LINE))

    return (f"\n{DATA_BEGIN}\n{lines(data)}\n{DATA_END}\n"
            f"{SIG_BEGIN}\n{lines(signature)}\n{SIG_END}\n")


@dataclass(frozen=True)
class Carried:
    """What a document file holds: its visible text and, when it has them, its data."""

    kind: str  # "pdf" or "txt"
    text: str  # the visible text (the text copy's own; the PDF's as extracted)
    data: bytes | None = None
    signature: bytes | None = None
    extra: str = ""  # text found outside the pages (the PDF's Keywords)
    attachments: dict[str, bytes] = field(default_factory=dict)
    # How many sets of signed data the file holds: a receipt carries one. A second one
    # (a block pasted twice, a data file added to the PDF) makes it another document.
    copies: int = 0
    after: str = ""  # text copy: what follows its signed data (a receipt ends with it)
    broken: bool = False  # signed data begun but not readable (cut short or edited)
    damaged: str = ""  # a PDF whose pages cannot be read: why (its text is then "")
    # Every readable set of signed data (data, signature), `data` and `signature` being
    # the first: with several, the one the technician's key signed is the one checked.
    sets: tuple[tuple[bytes, bytes | None], ...] = ()
    # PDF: annotations and form fields added over its pages, beside its text (a note in
    # the margin, a highlight), and over it, where what the page shows is no longer what
    # the document states (a text box over an amount, a stamp over a name).
    added: tuple[str, ...] = ()
    over_text: tuple[str, ...] = ()
    # PDF: text its pages hold but do not show (drawn over, invisible, off the page),
    # with its page number.
    hidden: tuple[tuple[int, Hidden], ...] = ()
    # PDF: how many PDF files its bytes hold one after the other (`cat a.pdf b.pdf`: a
    # reader shows the last one, the others are still there); a receipt is one.
    files: int = 1
    # PDF: a script (JavaScript) a viewer runs, which can change what the pages show.
    scripted: bool = False
    # PDF: the attached file `data` was read from (NAME.json), and the attached files that
    # are none of a receipt's own (NAME.json, NAME.sig, NAME.pem of one NAME).
    data_name: str = ""
    strangers: tuple[str, ...] = ()
    # PDF: fonts whose glyphs are not what text extraction reads of them (glyphs).
    misdrawn: tuple[Misdrawn, ...] = ()
    pages: tuple[str, ...] = ()  # PDF: each page's extracted text (`text` joins them)
    # PDF: its Title and Author (a viewer shows them as the document's name and author),
    # None where it has none.
    title: str | None = None
    author: str | None = None
    # PDF: the pages where an image, a filled shape or a thick line is drawn in a colour
    # a white page shows (hidden_text): sessiond draws text and thin lines only.
    painted: tuple[int, ...] = ()
    # PDF: it has optional content (layers a reader shows or hides, some hidden from the
    # start: the text extraction reads them all); sessiond's receipts have none.
    layered: bool = False
    # PDF: None when its bytes are the file sessiond wrote (written_as_issued); else it
    # was saved again since, by the tool its Producer names ("" when it names none).
    resaved: str | None = None
    # A text copy with its signed data: its bytes, to tell whether they are still the
    # ones sessiond wrote (receipt_verify).
    raw: bytes = b""


def decode_text(raw: bytes) -> str:
    """The text of a text copy as the client's tools may have saved it: UTF-8 with or
    without a byte order mark, UTF-16 with one (Windows Notepad's "Unicode"), CRLF or CR
    line ends, Windows-1252. None of these changes a character of what the receipt
    says."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
    else:
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            # Not UTF-8: saved as Windows' "ANSI" (Windows-1252), which keeps every
            # French letter and the euro sign; what it cannot hold was lost, and the
            # verification names the blocks where it was.
            text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decoded(block: re.Match[str]) -> tuple[bytes, bytes] | None:
    try:
        return (base64.b64decode("".join(block["data"].split()), validate=True),
                base64.b64decode("".join(block["sig"].split()), validate=True))
    except (binascii.Error, ValueError):
        return None


def read_text_copy(raw: bytes) -> Carried:
    text = decode_text(raw)
    begun = text.find(DATA_BEGIN)
    if begun < 0:
        return Carried("txt", text)
    # The visible text ends with one line end; the blank line before the armour is the
    # armour's own.
    visible = text[:text.rfind("\n", 0, begun) + 1].rstrip("\n") + "\n"
    copies = text.count(DATA_BEGIN)
    blocks = list(_ARMOUR.finditer(text))
    if not blocks:
        return Carried("txt", visible, copies=copies, broken=True)
    first = blocks[0]
    # What is left once every armoured block is taken out: nothing, in a receipt.
    starts = [b.start() for b in blocks[1:]] + [len(text)]
    after = "".join(text[b.end():s] for b, s in zip(blocks, starts, strict=True)).strip()
    sets = [decoded for decoded in map(_decoded, blocks) if decoded is not None]
    if _decoded(first) is None:
        return Carried("txt", visible, copies=copies, after=after, broken=True)
    data, signature = sets[0]
    return Carried("txt", visible, data, signature, copies=copies, after=after,
                   sets=tuple(sets), raw=raw)


# Bounds no receipt sessiond writes comes near (two or three pages, content streams of a
# few kB, fonts of some 100 kB) and that keep a hostile PDF (a compression bomb, 100,000
# pages, millions of operators, objects nested thousands deep) to a second or two and
# some tens of MB, whatever pypdf's own defaults (75 MB per stream).
MAX_PAGES = 100
_STREAM_BYTES = 8 * 1024 * 1024  # one stream, decompressed
_CONTENT_BYTES = 16 * 1024 * 1024  # every page's content together, decompressed
_TOKENS = 500_000  # operators and operands in one content stream


class _TooLarge(Exception):
    pass


@contextmanager
def _bounded_pypdf() -> Iterator[None]:
    """pypdf within the bounds above, and silent: its warnings (in English, on stderr
    through logging's last resort) describe a hostile file's inner flaws, which the
    verdict states once in the user's language."""
    import dataclasses
    import logging
    import warnings

    import pypdf

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    apply = getattr(pypdf, "apply_configuration", None)  # pypdf 6.5 on
    limits = {"zlib_maximum_output_length": _STREAM_BYTES,
              "lzw_maximum_output_length": _STREAM_BYTES,
              "run_length_maximum_output_length": _STREAM_BYTES,
              "brotli_maximum_output_length": _STREAM_BYTES,
              "jbig2_maximum_output_length": _STREAM_BYTES,
              "array_based_stream_maximum_output_length": _STREAM_BYTES,
              "image_maximum_buffer_size": _STREAM_BYTES,
              "stream_parsing_work_maximum_count": _TOKENS}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if apply is None:
                yield
            else:
                known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
                with apply(**{k: v for k, v in limits.items() if k in known}):
                    yield
    finally:
        logger.setLevel(level)



# Annotations that mark text without covering it (its colour behind, a line under it).
_MARKS = frozenset({"/Highlight", "/Underline", "/Squiggly"})
_HIDDEN, _NO_VIEW = 2, 32  # annotation flags (PDF 32000-1, 12.5.3): not shown on screen
_MAX_BOXES = 5000  # text runs per page kept for the test (a receipt has about a hundred)


def _page_text(page: Any) -> tuple[str, list[Box], list[Hidden], int]:
    """A page's extracted text, the box of each run of it, and the runs the page does
    not show (hidden_text). A run's box is from where it starts (the text and current
    matrices), as high as its font size, about 0.6 em per character wide (pypdf gives no
    widths; a box a little wide errs toward telling)."""
    boxes: list[Box] = []
    drawing = Tracker(visible_box(page), page.get("/Resources"))

    def seen(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text.strip():
            return
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        height = abs(float(size)) * (math.hypot(a, b) or 1.0)
        box = (x, y - 0.25 * height, x + 0.6 * height * len(text.strip()), y + height)
        if len(boxes) < _MAX_BOXES:
            boxes.append(box)
        drawing.text(text, cm, tm, font, size, box)

    text = page.extract_text(visitor_text=seen, visitor_operand_before=drawing.before,
                             visitor_operand_after=drawing.after) or ""
    return text, boxes, drawing.hidden(), drawing.seen_paints


def _rect(annot: Any) -> Box | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect"))
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _annotations(reader: Any, boxes: list[list[Box]]) -> tuple[list[str], list[str]]:
    """What a viewer added over the pages, beside their text and over it (`boxes`: the
    runs of each page): annotations (a note, a text box, a stamp) and form fields, each
    as its kind and its text (sessiond's receipts have none). One hidden from view, or
    that only marks the text (a highlight), is beside it; one without a readable place
    counts as over it, as do all of a page with more than a hundred."""
    added: list[str] = []
    over: list[str] = []
    for page, runs in zip(reader.pages, boxes, strict=True):
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else ()
        for ref in annots[:1000]:
            annot = ref.get_object()
            if not hasattr(annot, "get") or annot.get("/Subtype") in ("/Link", "/Popup"):
                continue
            kind = str(annot.get("/Subtype") or "?").lstrip("/")
            text = annot.get("/Contents") or annot.get("/V") or ""
            # On one line: the text is the viewer's (anyone's), and a line break in it
            # would print a line of verify's own report.
            what = f"{kind} \u00ab {one_line(str(text)[:200])} \u00bb" if text else kind
            try:
                flags = int(annot.get("/F") or 0)
            except (TypeError, ValueError):
                flags = 0
            rect = _rect(annot)
            shown = not flags & (_HIDDEN | _NO_VIEW) and annot.get("/Subtype") not in _MARKS
            covers = shown and (len(annots) > 100 or rect is None
                                or any(_overlap(rect, run) for run in runs))
            (over if covers else added).append(what)
    return added, over


# A PDF's end followed by another PDF's header: files put one after the other. An
# incremental update goes on after "%%EOF" with objects, never with a header.
_JOINED = re.compile(rb"%%EOF[\x00\t\n\f\r ]*%PDF-")


def _scripted(reader: Any) -> bool:
    """Whether the document runs JavaScript: when it opens (/OpenAction, the document's
    named scripts), on an event of the document, a page or an annotation (/AA), or from
    an annotation's action (/A). sessiond's receipts hold none."""

    def script(action: Any) -> bool:
        seen = 0
        while action is not None and seen < 50:  # an action and the actions it chains
            action = action.get_object()
            if not hasattr(action, "get"):
                return False
            if action.get("/S") == "/JavaScript" or "/JS" in action:
                return True
            chained = action.get("/Next")
            chained = chained.get_object() if chained is not None else None
            if isinstance(chained, list):
                return any(script(a) for a in chained[:50])
            action, seen = chained, seen + 1
        return False

    def resolved(value: Any) -> Any:
        return value.get_object() if value is not None else {}

    def events(holder: Any) -> bool:
        triggers = resolved(holder.get("/AA"))
        return hasattr(triggers, "values") and any(script(a) for a in
                                                   list(triggers.values())[:50])

    root = reader.trailer["/Root"].get_object()
    names = resolved(root.get("/Names"))
    if hasattr(names, "get") and names.get("/JavaScript") is not None:
        return True
    if script(root.get("/OpenAction")) or events(root):
        return True
    for page in reader.pages:
        if events(page):
            return True
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else ()
        for ref in annots[:1000]:
            annot = ref.get_object()
            if hasattr(annot, "get") and (script(annot.get("/A")) or events(annot)):
                return True
    return False


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def read_pdf(raw: bytes) -> Carried:
    """The text of every page, the attached files, the Keywords and what a viewer added,
    through pypdf (which reads files re-saved by other tools: object streams,
    cross-reference streams, incremental updates). A PDF pypdf cannot read, or that goes
    beyond the bounds above, comes back `damaged`, with no text: its checkpoints may
    still be found in its bytes."""
    try:
        from pypdf import PdfReader
        from pypdf import errors as pypdf_errors

        from sessiond.exports import glyphs
    except ImportError as e:
        raise InputError(_("Reading a PDF receipt needs the pypdf package: pip install "
                           "'sessiond[facturx]'.")) from e
    pypdf_error = getattr(pypdf_errors, "PyPdfError", _TooLarge)
    limit_reached = getattr(pypdf_errors, "LimitReachedError", _TooLarge)  # pypdf 5 on
    locked = getattr(pypdf_errors, "FileNotDecryptedError", _TooLarge)
    try:
        with _bounded_pypdf():
            reader = PdfReader(io.BytesIO(raw))
            if len(reader.pages) > MAX_PAGES:
                raise _TooLarge(_("it has {pages} pages (a receipt has a few)",
                                  pages=len(reader.pages)))
            if glyphs.largest_map(reader) > glyphs.MAX_MAP_BYTES:
                raise _TooLarge(_("a font's character map holds more than {kb} kB (a "
                                  "receipt's, a few kB)", kb=glyphs.MAX_MAP_BYTES // 1024))
            pages, boxes, left = [], [], _CONTENT_BYTES
            hidden: list[tuple[int, Hidden]] = []
            painted: list[int] = []
            for number, page in enumerate(reader.pages, start=1):
                contents = page.get_contents()
                left -= len(contents.get_data()) if contents is not None else 0
                if left < 0:
                    raise _TooLarge(_("its pages hold more than {mb} MB of drawing "
                                      "instructions (a receipt, some kB)",
                                      mb=_CONTENT_BYTES // (1024 * 1024)))
                text, runs, unseen, paints = _page_text(page)
                if paints:
                    painted.append(number)
                pages.append(text)
                boxes.append(runs)
                hidden.extend((number, h) for h in unseen)
            attachments = {str(name): contents[0] for name, contents
                           in reader.attachments.items() if contents}
            metadata = reader.metadata
            keywords = str(metadata.get("/Keywords") or "") if metadata is not None else ""
            title, author = (
                (None if metadata.get(key) is None else str(metadata.get(key))[:1000]
                 for key in ("/Title", "/Author")) if metadata is not None else (None, None))
            added, over_text = _annotations(reader, boxes)
            scripted = _scripted(reader)
            root: Any = reader.trailer["/Root"].get_object()
            layered = "/OCProperties" in root
            misdrawn = glyphs.misdrawn(reader)
            resaved = None if written_as_issued(raw, reader) else one_line(str(
                metadata.get("/Producer") or "") if metadata is not None else "")[:80]
    except _TooLarge as e:
        return Carried("pdf", "", damaged=str(e))
    except locked:
        # Encrypted with a password to open it (pypdf opens one without): not damaged, and
        # what it states is there once it is opened.
        return Carried("pdf", "", damaged=_(
            "it is protected by a password to open it (qpdf --decrypt --password=PASSWORD "
            "FILE.pdf OPENED.pdf writes a copy without it, to verify)"))
    except limit_reached:
        return Carried("pdf", "", damaged=_(
            "it goes beyond what a receipt needs (a stream that unpacks to megabytes, "
            "thousands of objects)"))
    except RecursionError:
        return Carried("pdf", "", damaged=_("its objects are nested too deep"))
    except MemoryError:
        return Carried("pdf", "", damaged=_("it needs too much memory to be read"))
    except Exception as e:
        # pypdf raises many kinds on a hostile file (its own errors, and ValueError,
        # KeyError, TypeError, AttributeError, IndexError, zlib.error... from deep
        # inside): each is a file it cannot read.
        detail = str(e).rstrip(". ") or type(e).__name__
        return Carried("pdf", "", damaged=_("its structure is damaged: {detail}",
                                            detail=detail) if isinstance(e, pypdf_error)
                       else detail)
    names = [name for name in sorted(attachments) if name.lower().endswith(DATA_SUFFIX)]
    sets = [(attachments[name], attachments.get(_base(name) + SIGNATURE_SUFFIX))
            for name in names]
    data, signature = sets[0] if sets else (None, None)
    return Carried("pdf", "\n".join(pages), data, signature, keywords, attachments,
                   copies=len(sets), sets=tuple(sets), added=tuple(added),
                   over_text=tuple(over_text), hidden=tuple(hidden),
                   files=len(_JOINED.findall(raw)) + 1, scripted=scripted,
                   misdrawn=tuple(misdrawn), pages=tuple(pages), title=title, author=author,
                   painted=tuple(painted), layered=layered, resaved=resaved,
                   data_name=names[0] if names else "",
                   strangers=_strangers(attachments, names))


def written_as_issued(raw: bytes, reader: Any) -> bool:
    """Whether `raw` is byte for byte the PDF sessiond wrote. fpdf2 ends it with one
    trailer whose two file identifiers are both the MD5 of the bytes before its
    cross-reference table and of its creation instant (to the second, as its CreationDate
    writes it): a tool that saves the file again writes it anew (its own layout, another
    identifier) or appends an update after that end."""
    end = raw.find(b"%%EOF")
    table = raw.rfind(b"\nxref\n", 0, end)
    if end < 0 or table < 0 or raw[end + 5:].strip():
        return False
    try:
        created = re.match(r"D:(\d{14})", str((reader.metadata or {}).get("/CreationDate")))
        ids = reader.trailer.get("/ID")
        halves = [bytes(getattr(half.get_object(), "original_bytes", b""))
                  for half in list(ids.get_object() if ids is not None else ())[:3]]
    except Exception:  # an identifier or a date of another form: not sessiond's writing
        return False
    digest = hashlib.md5(raw[:table + 1] + (created[1] if created else "").encode(),
                         usedforsecurity=False)
    return created is not None and halves == [digest.digest()] * 2


def _base(name: str) -> str:
    return name[:name.rfind(".")] if "." in name else name


def _strangers(attachments: dict[str, bytes], data_names: list[str]) -> tuple[str, ...]:
    """The attached files that are not a receipt's own: a receipt carries its data, the
    data's signature and the public key, named after the data file (or, its data file
    gone, after each other)."""
    bases = {_base(name) for name in data_names} or {
        _base(name) for name in attachments
        if name.lower().endswith((SIGNATURE_SUFFIX, KEY_SUFFIX))}
    return tuple(name for name in sorted(attachments)
                 if not (name.lower().endswith(CARRIED_SUFFIXES) and _base(name) in bases))


def pdf_start(raw: bytes) -> int:
    """Where a PDF's header is (readers accept it within the first 1024 bytes: some
    tools and mail gateways put bytes before it), or -1 when the file is not a PDF."""
    return raw.find(b"%PDF-", 0, 1024)


def read_document(raw: bytes) -> Carried:
    start = pdf_start(raw)
    return read_pdf(raw[start:]) if start >= 0 else read_text_copy(raw)
