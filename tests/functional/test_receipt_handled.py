"""A receipt after a real day in the client's hands: re-saved by his tools, printed, copied
as text, edited, cut short, put together with another, or made hostile on purpose.

`verify --receipt` must say 0 for what still states the issued facts (whatever tool saved
it), 1 naming what changed for anything else, 2 only for a file that is not a receipt at
all, and never hang, fill memory or fail with an internal error (exit 4).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from tests.conftest import Cli
from tests.functional.exports_data import at, session, write_config
from tests.functional.test_receipt import issue, stopped

__all__ = ["stopped"]  # the fixture, shared with test_receipt

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdftotext", "pdftocairo", "qpdf")),
    reason="poppler-utils and qpdf are not installed (scripts/test installs them)")

BEGIN = "-----BEGIN SESSIOND SIGNED DATA-----"
END = "-----END SESSIOND SIGNED DATA-----"


def verified(cli: Cli, path: Path) -> tuple[int, str, dict[str, object]]:
    """(exit code, text, the document's JSON entry) of `verify --receipt path`."""
    said = cli("verify", "--receipt", str(path), check=False)
    data = cli("verify", "--receipt", str(path), "--json", check=False)
    assert said.code == data.code, (said.out, said.err)
    assert said.code != 4 and "Traceback" not in said.err, said.err
    documents = data.json["documents"] if data.out else [{}]
    return said.code, said.out + said.err, documents[0]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def rewrap(text: str, width: int, indent: str = "", end: str = "") -> str:
    head, rest = text.split(BEGIN + "\n")
    body, tail = rest.split("\n" + END)
    flat = "".join(body.split())
    lines = [indent + flat[i:i + width] + end for i in range(0, len(flat), width)]
    return head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + tail


def test_a_text_copy_saved_again_by_other_tools_still_verifies(stopped: tuple[Cli, str],
                                                               tmp_path: Path) -> None:
    """Windows line ends, a byte order mark, Notepad's UTF-16, a mailer's rewrapped
    base64 or no-break spaces made plain, an editor's tabs or decomposed accents: none
    of these changes a fact, so each copy verifies with its signed data and its text."""
    cli, sid = stopped
    text = Path(issue(cli, sid, tmp_path / "r.pdf")["text"]).read_text(encoding="utf-8")
    assert "\u202f" in text and "\u00a0" in text
    copies = {
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr": text.replace("\n", "\r").encode(),
        "bom": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        "utf16": text.encode("utf-16"),
        "base64-76": rewrap(text, 76).encode(),
        "base64-indented": rewrap(text, 64, "    ", "  ").encode(),
        "trailing-lines": (text + "\n\n  \n").encode(),
        "plain-spaces": text.replace("\u202f", " ").replace("\u00a0", " ").encode(),
        "tabs": re.sub(r"(?m)^(\w[^:\n]* :) {2,}", "\\1\t\t", text).encode(),
        "nfd": unicodedata.normalize("NFD", text).encode(),
        "blank-lines": text.replace("\n\n", "\n\n\n").encode(),
    }
    for name, raw in copies.items():
        code, said, document = verified(cli, write(tmp_path / f"{name}.txt", raw))
        assert code == 0, (name, said)
        assert document["signed_data"] is True and document["text_checked"] is True, name


def test_a_text_copy_edited_around_its_signed_data_fails(stopped: tuple[Cli, str],
                                                         tmp_path: Path) -> None:
    cli, sid = stopped
    text = Path(issue(cli, sid, tmp_path / "r.pdf")["text"]).read_text(encoding="utf-8")
    armour = text.split(BEGIN)[1]
    cases = {
        # pasted twice: one receipt carries its signed data once
        "twice": (text + "\n" + BEGIN + armour, "2\u00a0fois des données signées"),
        # a line added after the signed data, where no check used to look
        "after": (text + "Remise accordée : -25,00 €\n", "ajouté après ses données signées"),
        # cut inside the armour: it used to pass on its checkpoint alone
        "cut": (text[:-200], "données signées sont incomplètes"),
        # the start of a receipt only: it used to be refused as "no checkpoint" (exit 2)
        "half": (text[:len(text) // 3], "ce relevé est incomplet"),
        # homoglyphs: a Cyrillic "а" in the name, a minus sign before the amount
        "cyrillic": (text.replace("Müller-Çelik", "Müller-Çeliк", 1), "client.name"),
        "minus": (re.sub(r"(NET À PAYER +)50,00", "\\1\u221250,00", text), "bill.total"),
        # one line removed names its own block, not every block after it
        "removed": (re.sub(r"(?m)^Qualité :.*\n", "", text, count=1), "client.status"),
    }
    for name, (edited, expected) in cases.items():
        code, said, _document = verified(cli, write(tmp_path / f"{name}.txt", edited))
        assert code == 1, (name, said)
        assert expected in said, (name, said)
    _code, said, _document = verified(cli, tmp_path / "removed.txt")
    assert "client.name" not in said and "intervention.date" not in said


def test_a_text_copy_rewrapped_by_a_mailer_verifies_and_a_line_moved_fails(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """A mail client that wraps the text at 72 columns (its long lines: the terms, the
    consent, the amount lines, the commands) changes no fact: it failed naming ten
    fields. The same words in another order still fail, naming what moved."""
    import textwrap

    cli, sid = stopped
    text = Path(issue(cli, sid, tmp_path / "r.pdf")["text"]).read_text(encoding="utf-8")
    visible, armoured = text.split(BEGIN)
    wrapped = "\n".join(part for line in visible.split("\n") for part in (
        textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False) or [""]))
    for copy in (wrapped + BEGIN + armoured, wrapped):
        code, said, _document = verified(cli, write(tmp_path / "wrapped.txt", copy))
        assert code == 0, said
    edited = re.sub(r"(NET À PAYER\s+)50,00", "\\g<1>20,00", wrapped)
    assert edited != wrapped
    code, said, _document = verified(cli, write(tmp_path / "edited.txt", edited + BEGIN
                                                + armoured))
    assert code == 1 and "bill.total" in said, said
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith("Début :"))
    stop = next(n for n, line in enumerate(lines) if line.startswith("Fin :"))
    lines[start], lines[stop] = lines[stop], lines[start]
    code, said, _document = verified(cli, write(tmp_path / "moved.txt", "\n".join(lines)))
    assert code == 1 and "times.st" in said, said


def test_a_receipt_without_its_signed_data_is_checked_against_the_log(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """Printed to another PDF (attachments dropped), printed to text, or only the text
    copy's visible part sent: the facts it shows are those the log computes again for
    it, or the field that differs is named. It used to pass on its checkpoint alone,
    whatever its amounts said."""
    cli, sid = stopped
    cli.env["SESSIOND_PDF_FONTS"] = "core"
    issued = issue(cli, sid, tmp_path / "r.pdf")
    text = Path(issued["text"]).read_text(encoding="utf-8")
    printed = tmp_path / "printed.pdf"
    subprocess.run(["pdftocairo", "-pdf", issued["pdf"], str(printed)], check=True)
    as_text = tmp_path / "pdftotext.txt"
    subprocess.run(["pdftotext", "-layout", issued["pdf"], str(as_text)], check=True)
    visible = write(tmp_path / "visible.txt", text.split(BEGIN)[0])
    for path in (printed, as_text, visible):
        code, said, document = verified(cli, path)
        assert code == 0, (path.name, said)
        assert document["compared_with_log"] is True and document["signed_data"] is False
        assert "sans ses données signées" in said
    # pdftotext without -layout reads the columns apart: the verdict says how to do.
    columns = tmp_path / "columns.txt"
    subprocess.run(["pdftotext", issued["pdf"], str(columns)], check=True)
    code, said, _document = verified(cli, columns)
    assert code == 1 and "pdftotext -layout" in said, said
    for path, before, after in ((visible, "50,00 €", "25,00 €"),
                                (as_text, "50,00 €", "25,00 €"),
                                (visible, "09:52", "09:42")):
        original = path.read_text(encoding="utf-8")
        edited = write(tmp_path / f"edited-{path.name}", original.replace(before, after))
        code, said, _document = verified(cli, edited)
        assert code == 1, said
        assert "bill.total" in said or "times.stop" in said, said


def test_a_text_copy_of_a_wrapped_amount_line_verifies(cli: Cli, tmp_path: Path) -> None:
    """The new-client discount's label takes two lines on the page and its amount is drawn
    beside the first: pdftotext -layout writes "... (art.   −15,75 €" then "5.5)", and
    verify called that untouched copy edited (bill.lines[2]). Its amount changed still
    fails, naming the line."""
    write_config(cli.home)
    client = cli("client", "add", "Jeanne Martin").out.strip()
    sid = session(cli, client, "vlh", "09:00:00", "09:40:00")
    issued = issue(cli, sid, tmp_path / "r.pdf")
    copy = tmp_path / "pdftotext.txt"
    subprocess.run(["pdftotext", "-layout", issued["pdf"], str(copy)], check=True)
    text = copy.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("Offre de bienvenue"))
    assert line.rstrip().endswith("€") and "5.5)" not in line  # the label wrapped
    code, said, _document = verified(cli, copy)
    assert code == 0, said
    amount = line.split()[-2]
    edited = write(tmp_path / "edited.txt", text.replace(amount, "−5,00", 1))
    code, said, _document = verified(cli, edited)
    assert code == 1 and "bill.lines[2]" in said, said


def test_a_receipt_without_its_signature_or_its_checkpoint_fails(stopped: tuple[Cli, str],
                                                                 tmp_path: Path) -> None:
    """The .sig taken out of the PDF was called an edit of the data; the checkpoint lines
    taken out of the text copy passed (the expected text was laid out without them)."""
    from pypdf import PdfWriter

    cli, sid = stopped
    issued = issue(cli, sid, tmp_path / "r.pdf")
    writer = PdfWriter(clone_from=issued["pdf"])
    names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    kept = [item for n in range(0, len(names), 2) for item in names[n:n + 2]
            if not str(names[n]).endswith(".sig")]
    names.clear()
    names.extend(kept)
    buffer = io.BytesIO()
    writer.write(buffer)
    code, said, _document = verified(cli, write(tmp_path / "nosig.pdf", buffer.getvalue()))
    assert code == 1 and "ne portent pas de signature" in said, said
    text = Path(issued["text"]).read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(text) if "SESSIOND-CHECKPOINT" in line)
    end = next(n for n, line in enumerate(text) if line.strip().startswith("sig="))
    stripped = write(tmp_path / "stripped.txt", "\n".join(text[:start] + text[end + 1:]))
    code, said, _document = verified(cli, stripped)
    assert code == 1 and "checkpoint" in said, said


def test_a_receipt_in_english_is_checked_in_english_whatever_the_verifier_speaks(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """The log does not record a receipt's language: computed again in the verifier's,
    an English receipt that lost its signed data could not be checked, and a corrected
    one named every sentence as changed."""
    cli, sid = stopped
    cli.env["SESSIOND_LANG"] = "en"
    cli("record", sid, "payment", "--amount", "10", "--method", "cash", "--yes")
    issued = issue(cli, sid, tmp_path / "r.pdf")
    printed = tmp_path / "printed.pdf"
    subprocess.run(["pdftocairo", "-pdf", issued["pdf"], str(printed)], check=True)
    cli.env["SESSIOND_LANG"] = "fr"
    code, said, document = verified(cli, printed)
    assert code == 0 and document["compared_with_log"] is True, said
    payment = next(e["seq"] for e in cli.events() if e["kind"] == "payment-recorded")
    cli("withdraw", sid, str(payment), "--reason", "erreur")
    code, said, _document = verified(cli, Path(issued["text"]))
    assert code == 1 and "bill.payments" in said, said
    assert "intervention.terms" not in said and "times.explanation" not in said, said


def _incremental(pdf: Path, out: Path, change: str) -> Path:
    """`pdf` with an incremental update, as a viewer or pdftk-like tool writes one."""
    from pypdf import PdfWriter
    from pypdf.annotations import FreeText
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter(str(pdf), incremental=True)
    page = writer.pages[0]
    if change == "annotation":
        writer.add_annotation(0, FreeText(text="Payé en liquide", rect=(50, 60, 250, 90)))
    else:  # text drawn on the page itself
        font = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica")}))
        page["/Resources"].get_object()["/Font"].get_object()[NameObject("/FX")] = font
        drawn = DecodedStreamObject()
        drawn.set_data(b"BT /FX 12 Tf 300 120 Td (Remise : -25,00 EUR) Tj ET")
        contents = page["/Contents"]
        kept = contents if isinstance(contents.get_object(), ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject([*kept, writer._add_object(drawn)])
    buffer = io.BytesIO()
    writer.write(buffer)
    return write(out, buffer.getvalue())


def test_what_is_drawn_or_added_over_a_pdf_is_told_apart(stopped: tuple[Cli, str],
                                                         tmp_path: Path) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    # Text drawn on the page in an incremental update: it used to pass (every block
    # was still found, in order, and nothing looked at what lay between them).
    drawn = _incremental(pdf, tmp_path / "drawn.pdf", "text")
    code, said, _document = verified(cli, drawn)
    assert code == 1 and "Remise" in said and "le document a été modifié" in said, said
    # A viewer's annotation is not the receipt: it verifies, and the verdict shows it.
    noted = _incremental(pdf, tmp_path / "noted.pdf", "annotation")
    code, said, document = verified(cli, noted)
    assert code == 0, said
    assert "FreeText" in said and "Payé en liquide" in said and document["notes"]
    # Re-saved by qpdf in its other forms: still the same receipt.
    for args in (["--linearize"], ["--object-streams=generate"], ["--encrypt", "", "o", "256",
                                                                  "--"]):
        out = tmp_path / "resaved.pdf"
        subprocess.run(["qpdf", *args, str(pdf), str(out)], check=True)
        assert verified(cli, out)[0] == 0, args


@pytest.mark.parametrize("fonts", ["truetype", "core"])
def test_a_receipt_saved_again_by_another_tool_verifies_and_says_so(
        stopped: tuple[Cli, str], tmp_path: Path, fonts: str) -> None:
    """A receipt re-saved unchanged (pypdf, qpdf, a viewer's incremental update of its
    properties; its text copy by an editor that wrote Windows line ends or a byte order
    mark) still states what it stated: it verifies, but it is no longer the file sessiond
    wrote, and the verdict said nothing of it. Untouched, it says nothing."""
    from pypdf import PdfWriter

    cli, sid = stopped
    if fonts == "core":
        cli.env["SESSIOND_PDF_FONTS"] = "core"
    issued = issue(cli, sid, tmp_path / "r.pdf")
    pdf = Path(issued["pdf"])
    for untouched in (pdf, Path(issued["text"])):
        code, said, document = verified(cli, untouched)
        assert code == 0 and document["resaved"] is False, said
        assert "enregistré à nouveau" not in said, said
    PdfWriter(clone_from=pdf).write(tmp_path / "pypdf.pdf")
    subprocess.run(["qpdf", "--linearize", str(pdf), str(tmp_path / "qpdf.pdf")], check=True)
    viewer = PdfWriter(str(pdf), incremental=True)
    viewer.add_metadata({"/Producer": "Visionneuse 3.1", "/ModDate": "D:20250311090000"})
    viewer.write(tmp_path / "viewer.pdf")
    text = Path(issued["text"]).read_bytes()
    write(tmp_path / "crlf.txt", text.replace(b"\n", b"\r\n"))
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + text)
    for name, tool in (("pypdf.pdf", "un autre outil"), ("qpdf.pdf", "un autre outil"),
                       ("viewer.pdf", "Visionneuse 3.1"), ("crlf.txt", "un autre outil"),
                       ("bom.txt", "un autre outil")):
        code, said, document = verified(cli, tmp_path / name)
        assert code == 0 and document["resaved"] is True, (name, said)
        assert f"enregistré à nouveau par {tool} depuis son émission" in said, (name, said)


def test_a_receipt_locked_with_a_password_says_so(stopped: tuple[Cli, str],
                                                  tmp_path: Path) -> None:
    """A client who put a password on his PDF to open it was told it was damaged ("its
    structure is damaged: File has not been decrypted"): it is refused as locked, with
    how to open it, and the copy opened so verifies."""
    cli, sid = stopped
    pdf = issue(cli, sid, tmp_path / "r.pdf")["pdf"]
    locked, opened = tmp_path / "locked.pdf", tmp_path / "opened.pdf"
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", pdf, str(locked)],
                   check=True)
    said = cli("verify", "--receipt", str(locked), check=False)
    assert said.code == 2, said.err
    assert "protégé par un mot de passe" in said.err and "abîmée" not in said.err, said.err
    subprocess.run(["qpdf", "--decrypt", "--password=secret", str(locked), str(opened)],
                   check=True)
    assert verified(cli, opened)[0] == 0


def _place_of(pdf: Path, needle: str) -> tuple[float, float, float, float]:
    """A rectangle over the first run of the page's text that holds `needle`."""
    from pypdf import PdfReader

    found: list[tuple[float, float]] = []

    def seen(text: str, cm: object, tm: list[float], _font: object, _size: float) -> None:
        if needle in text and not found:
            found.append((tm[4], tm[5]))

    PdfReader(str(pdf)).pages[0].extract_text(visitor_text=seen)
    x, y = found[0]
    return (x - 2, y - 3, x + 45, y + 10)


def _annotated(pdf: Path, out: Path, kind: str, rect: tuple[float, ...] | None,
               flags: int = 0) -> Path:
    """`pdf` with one annotation added in an incremental update, as a viewer saves it."""
    from pypdf import PdfWriter
    from pypdf.annotations import FreeText, Highlight, Rectangle
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject

    writer = PdfWriter(str(pdf), incremental=True)
    place = rect or (0, 0, 1, 1)
    annotation = {
        "text box": lambda: FreeText(text="0,00 €", rect=place, background_color="ffffff"),
        "rectangle": lambda: Rectangle(rect=place, interior_color="ffffff"),
        "highlight": lambda: Highlight(rect=place, quad_points=ArrayObject(
            [FloatObject(v) for v in (place[0], place[3], place[2], place[3],
                                      place[0], place[1], place[2], place[1])])),
    }[kind]()
    if flags:
        annotation[NameObject("/F")] = NumberObject(flags)
    if rect is None:
        del annotation["/Rect"]
    writer.add_annotation(0, annotation)
    buffer = io.BytesIO()
    writer.write(buffer)
    return write(out, buffer.getvalue())


@pytest.mark.parametrize(("kind", "flags", "fails"), [
    ("text box", 0, True),       # "0,00 €" written over what is due
    ("rectangle", 0, True),      # a white box that hides it
    ("text box", 2, False),      # hidden: a viewer does not show it
    ("highlight", 0, False),     # marks the amount, hides nothing
])
def test_what_is_put_over_the_amount_is_a_problem_unless_it_hides_nothing(
        stopped: tuple[Cli, str], tmp_path: Path, kind: str, flags: int, fails: bool) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    over = _annotated(pdf, tmp_path / "over.pdf", kind, _place_of(pdf, "€"), flags)
    code, said, document = verified(cli, over)
    if fails:
        assert code == 1 and "posé sur son texte" in said, said
    else:
        assert code == 0 and document["notes"], said
    # The same annotation in the empty corner of the page hides nothing either way.
    beside = _annotated(pdf, tmp_path / "beside.pdf", kind, (560, 800, 590, 835), flags)
    code, said, document = verified(cli, beside)
    assert code == 0 and document["notes"], said


def test_an_annotation_without_a_place_counts_as_over_the_text(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    code, said, _document = verified(cli, _annotated(pdf, tmp_path / "x.pdf", "text box", None))
    assert code == 1 and "posé sur son texte" in said, said


def _drawn_over(pdf: Path, out: Path, before: bytes = b"", after: bytes = b"",
                crop: tuple[float, ...] | None = None) -> Path:
    """`pdf` with drawing put before and after its first page's own, and its crop box
    changed, in an incremental update: what a PDF editor saves."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, RectangleObject

    writer = PdfWriter(str(pdf), incremental=True)
    page = writer.pages[0]
    contents = page["/Contents"]
    kept = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) \
        else [contents]
    streams = []
    for data in (before, after):
        stream = DecodedStreamObject()
        stream.set_data(data)
        streams.append(writer._add_object(stream))
    page[NameObject("/Contents")] = ArrayObject([streams[0], *kept, streams[1]])
    if crop is not None:
        page.cropbox = RectangleObject(crop)
    buffer = io.BytesIO()
    writer.write(buffer)
    return write(out, buffer.getvalue())


def test_text_the_page_holds_but_does_not_show_fails(stopped: tuple[Cli, str],
                                                     tmp_path: Path) -> None:
    """Text extraction reads every string a page draws, seen or not: a white box drawn
    over the amount, an image laid on it, the values drawn in white or invisibly, cut
    off by the crop box or a clip, or shrunk to nothing, all used to verify as intact."""
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    x0, y0, x1, y1 = _place_of(pdf, "€")
    box = b"%.2f %.2f %.2f %.2f re f" % (x0, y0, x1 - x0, y1 - y0)
    image = b"q %.2f 0 0 %.2f %.2f %.2f cm BI /W 1 /H 1 /CS /G /BPC 8 ID \xff EI Q" % (
        x1 - x0, y1 - y0, x0, y0)
    hidden = {
        "white box": (_drawn_over(pdf, tmp_path / "box.pdf", after=b"q 1 g " + box + b" Q"),
                      "recouvert"),
        "image": (_drawn_over(pdf, tmp_path / "image.pdf", after=image), "recouvert"),
        "thick line": (_drawn_over(pdf, tmp_path / "line.pdf", after=b"q 1 G 20 w %.2f "
                                   b"%.2f m %.2f %.2f l S Q" % (x0, y0 + 6, x1, y0 + 6)),
                       "recouvert"),
        "white text": (_drawn_over(pdf, tmp_path / "white.pdf", before=b"1 1 1 rg"),
                       "ne pas se voir"),
        "invisible text": (_drawn_over(pdf, tmp_path / "tr.pdf", before=b"3 Tr"),
                           "ne pas se voir"),
        "crop box": (_drawn_over(pdf, tmp_path / "crop.pdf", crop=(0, y1 + 2, 595, 842)),
                     "hors de ce que la page montre"),
        "clip": (_drawn_over(pdf, tmp_path / "clip.pdf", before=b"0 0 10 10 re W n"),
                 "hors de ce que la page montre"),
        "shrunk": (_drawn_over(pdf, tmp_path / "tiny.pdf", before=b"0.01 0 0 0.01 0 0 cm"),
                   "trop petit"),
        "squeezed": (_drawn_over(pdf, tmp_path / "tz.pdf", before=b"1 Tz"), "trop petit"),
        "lifted": (_drawn_over(pdf, tmp_path / "ts.pdf", before=b"2000 Ts"),
                   "hors de ce que la page montre"),
    }
    for how, (path, said_how) in hidden.items():
        code, said, _document = verified(cli, path)
        assert code == 1 and said_how in said and "la page ne montre pas" in said, (how, said)
    # Printed to another PDF (the signed data lost on the way): still caught.
    printed = tmp_path / "printed.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(hidden["white box"][0]), str(printed)],
                   check=True)
    code, said, _document = verified(cli, printed)
    assert code == 1 and "recouvert" in said and "50,00" in said, said
    # The box beside the text, in the empty corner of the page, hides nothing.
    corner = _drawn_over(pdf, tmp_path / "corner.pdf", after=b"q 1 g 560 800 30 30 re f Q")
    assert verified(cli, corner)[0] == 0
    untouched = tmp_path / "untouched.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(pdf), str(untouched)], check=True)
    assert verified(cli, untouched)[0] == 0


def test_an_image_or_a_shape_drawn_beside_the_text_fails(stopped: tuple[Cli, str],
                                                        tmp_path: Path) -> None:
    """sessiond draws text and thin lines only: an image (a stamp "PAYÉ", another amount
    as a picture, which no text check reads) or a shape in a colour drawn in the margin
    of its own file fails; a white box on the white page shows nothing and passes."""
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    drawn = {
        "image": b"q 120 0 0 30 400 60 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI Q",
        "shape": b"q 0.8 0 0 rg 400 60 120 30 re f Q",
    }
    for how, drawing in drawn.items():
        code, said, _document = verified(cli, _drawn_over(pdf, tmp_path / f"{how}.pdf",
                                                          after=drawing))
        assert code == 1 and "sur sa page 1, quelque chose a été dessiné" in said, (how, said)
    white = _drawn_over(pdf, tmp_path / "white.pdf", after=b"q 1 g 400 60 120 30 re f Q")
    assert verified(cli, white)[0] == 0


def test_a_receipt_with_layers_a_reader_hides_fails(stopped: tuple[Cli, str],
                                                    tmp_path: Path) -> None:
    """Its page drawn in a layer (optional content) that is off when it opens: a reader
    shows a blank page, text extraction still reads every word, and it passed."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    hidden = _drawn_over(pdf, tmp_path / "layer.pdf", before=b"/OC /oc1 BDC", after=b"EMC")
    from pypdf import PdfWriter

    writer = PdfWriter(str(hidden), incremental=True)
    layer = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/OCG"), NameObject("/Name"): TextStringObject("x")}))
    writer._root_object[NameObject("/OCProperties")] = DictionaryObject({
        NameObject("/OCGs"): ArrayObject([layer]),
        NameObject("/D"): DictionaryObject({NameObject("/OFF"): ArrayObject([layer])})})
    writer.pages[0]["/Resources"][NameObject("/Properties")] = DictionaryObject(
        {NameObject("/oc1"): layer})
    writer.write(tmp_path / "off.pdf")
    code, said, _document = verified(cli, tmp_path / "off.pdf")
    assert code == 1 and "calques (contenu optionnel)" in said, said


def test_receipts_put_one_after_the_other_fail(stopped: tuple[Cli, str],
                                               tmp_path: Path) -> None:
    """`cat a.pdf b.pdf`: a reader shows the last one, which verified as intact while the
    file held another receipt before it."""
    cli, sid = stopped
    first = Path(issue(cli, sid, tmp_path / "a.pdf")["pdf"]).read_bytes()
    client = cli("client", "add", "Paul Martin").out.strip()
    other = session(cli, client, "md-micro-services", "10:00:00", "10:30:00")
    second = Path(issue(cli, other, tmp_path / "b.pdf")["pdf"]).read_bytes()
    for name, raw in (("ab", first + second), ("ba", second + b"\r\n" + first),
                      ("aa", first + first)):
        code, said, _document = verified(cli, write(tmp_path / f"{name}.pdf", raw))
        assert code == 1 and "mis bout à bout" in said, (name, said)
        assert "Journal intact" in said, said


def _scripted(pdf: Path, out: Path, where: str) -> Path:
    """`pdf` with a JavaScript action added in an incremental update, at `where`."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter(str(pdf), incremental=True)

    def action(kind: str = "/JavaScript") -> DictionaryObject:
        if kind == "/GoTo":
            return DictionaryObject({NameObject("/S"): NameObject("/GoTo"),
                                     NameObject("/D"): ArrayObject([
                                         writer.pages[0].indirect_reference,
                                         NameObject("/Fit")])})
        return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                 NameObject("/JS"): TextStringObject("app.alert('0,00');")})

    root = writer._root_object
    if where == "open":
        root[NameObject("/OpenAction")] = writer._add_object(action())
    elif where == "go to":  # what a viewer may set: open at the first page
        root[NameObject("/OpenAction")] = writer._add_object(action("/GoTo"))
    elif where == "names":
        names = root.get("/Names")
        names = names.get_object() if names is not None else DictionaryObject()
        names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): ArrayObject(
            [TextStringObject("x"), writer._add_object(action())])})
        root[NameObject("/Names")] = names
    elif where == "page":
        writer.pages[0][NameObject("/AA")] = DictionaryObject(
            {NameObject("/O"): writer._add_object(action())})
    elif where == "chained":
        first = action("/GoTo")
        first[NameObject("/Next")] = writer._add_object(action())
        root[NameObject("/OpenAction")] = writer._add_object(first)
    else:  # a link that runs a script when clicked
        link = Link(rect=(560, 800, 590, 835), url="https://example.fr")
        link[NameObject("/A")] = action()
        link[NameObject("/F")] = NumberObject(4)
        writer.add_annotation(0, link)
    buffer = io.BytesIO()
    writer.write(buffer)
    return write(out, buffer.getvalue())


@pytest.mark.parametrize("where", ["open", "names", "page", "chained", "link"])
def test_a_receipt_that_runs_a_script_fails(stopped: tuple[Cli, str], tmp_path: Path,
                                            where: str) -> None:
    """A script can rewrite what a viewer shows when the file opens: it used to verify."""
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    code, said, _document = verified(cli, _scripted(pdf, tmp_path / "js.pdf", where))
    assert code == 1 and "JavaScript" in said, said
    # An action that only opens the first page is no script.
    assert verified(cli, _scripted(pdf, tmp_path / "goto.pdf", "go to"))[0] == 0


def test_two_sets_of_signed_data_and_another_technicians_receipt(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """Neither is a fault of the log: the log is said intact, the document is named."""
    from pypdf import PdfReader, PdfWriter

    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    other = cli.at(tmp_path / "other")
    write_config(other.home)
    client = other("client", "add", "Hélène Müller-Çelik").out.strip()
    theirs = issue(other, session(other, client, "md-micro-services", "09:00:00", "09:52:10"),
                   tmp_path / "theirs.pdf")
    for path in (theirs["pdf"], theirs["text"]):
        code, said, _document = verified(cli, Path(path))
        assert code == 1 and "émis par un autre technicien" in said, said
        assert "Journal intact" in said and "réécrit" not in said, said
    writer = PdfWriter(clone_from=str(pdf))
    for name, contents in PdfReader(theirs["pdf"]).attachments.items():
        writer.add_attachment("0-" + name, contents[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    code, said, _document = verified(cli, write(tmp_path / "two.pdf", buffer.getvalue()))
    assert code == 1 and "2\u00a0fois des données signées" in said, said
    assert "Journal intact" in said and "réécrit" not in said, said


def _attaching(pdf: Path, out: Path, files: dict[str, bytes]) -> Path:
    """`pdf` re-saved by pypdf carrying `files` instead of its own attached files."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf))
    del writer._root_object["/Names"]["/EmbeddedFiles"]
    for name, contents in files.items():
        writer.add_attachment(name, contents)
    writer.write(out)
    return out


def test_a_receipt_carries_its_own_three_files_and_json_data(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """A receipt PDF carries its signed data (JSON), its signature and the technician's
    key, and nothing else: data that is not JSON, a data file swapped for another kind
    of file, a file added beside them or another key each fail, naming the file; the
    same three files attached again pass."""
    from pypdf import PdfReader

    cli, sid = stopped
    issued = issue(cli, sid, tmp_path / "r.pdf")
    pdf = Path(issued["pdf"])
    own = {name: contents[0] for name, contents in PdfReader(pdf).attachments.items()}
    data = next(name for name in own if name.endswith(".json"))
    base = data[: -len(".json")]
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    foreign_pem = Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    cases = {
        "not-json": ({**own, data: b"bonjour, ceci n'est pas du JSON"},
                     "ne sont pas des données JSON (un texte qui commence par"),
        "a-pdf": ({**own, data: pdf.read_bytes()}, "ne sont pas des données JSON (un fichier PDF)"),
        "binary": ({**own, data: bytes(range(256))}, "des octets binaires"),
        "other-json": ({**own, data: b'{"format": "facture"}'},
                       "sont du JSON mais pas les données d'un relevé"),
        "renamed": ({**{n: v for n, v in own.items() if n != data}, base + ".txt": own[data]},
                    "son fichier de données signées (.json) manque"),
        "added": ({**own, "facture.exe": b"MZ\x90\x00"},
                  "fichiers joints qu'un relevé ne porte pas (\u00ab\u00a0facture.exe"),
        "other-key": ({**own, base + ".pem": foreign_pem},
                      "la clé publique qu'il porte"),
    }
    for case, (files, expected) in cases.items():
        code, said, _document = verified(cli, _attaching(pdf, tmp_path / f"{case}.pdf", files))
        assert code == 1, (case, said)
        assert expected in said, (case, said)
        assert "Journal intact" in said, (case, said)
    code, said, _document = verified(cli, _attaching(pdf, tmp_path / "same.pdf", own))
    assert code == 0, said


def _font_edited(pdf: Path, out: Path, edit: Callable[[Any, dict[str, int]], None]) -> Path:
    """`pdf` with `edit(font, codes)` applied to each of its fonts once (codes: the
    character -> code of its ToUnicode map)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf))
    done = set()
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            if ref.idnum in done:
                continue
            done.add(ref.idnum)
            font = ref.get_object()
            cmap = font["/ToUnicode"].get_object().get_data().decode() if (
                "/ToUnicode" in font) else ""
            codes = {chr(int(u, 16)): int(c, 16)
                     for c, u in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})>", cmap)}
            edit(font, codes)
    writer.write(out)
    return out


def _program(font: Any) -> Any:
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    return descriptor["/FontFile2"].get_object()


def _codes_sent_to_each_others_glyph(font: Any, codes: dict[str, int]) -> None:
    """Its CIDToGIDMap swapped for the codes of 5 and 2: each draws the other's glyph."""
    if not {"5", "2"} <= set(codes):
        return
    table = font["/DescendantFonts"][0].get_object()["/CIDToGIDMap"].get_object()
    data = bytearray(table.get_data())
    five, two = 2 * codes["5"], 2 * codes["2"]
    data[five:five + 2], data[two:two + 2] = data[two:two + 2], data[five:five + 2]
    table.set_data(bytes(data))


def _outlines_swapped(font: Any, codes: dict[str, int]) -> None:
    """The outlines of 5 and 2 swapped inside the embedded font program."""
    from fontTools.ttLib import TTFont

    program = _program(font)
    ttf = TTFont(io.BytesIO(program.get_data()))
    glyphs = ttf["glyf"]
    if not {"five", "two"} <= set(glyphs.keys()):
        return
    glyphs["five"], glyphs["two"] = glyphs["two"], glyphs["five"]
    out = io.BytesIO()
    ttf.save(out)
    program.set_data(out.getvalue())


def _encoding_and_map_swapped(font: Any, _codes: dict[str, int]) -> None:
    """A core font made to draw 2 for the code of 5 (and 5 for 2), with a ToUnicode map
    that still reads 5 (and 2)."""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    font[NameObject("/Encoding")] = DictionaryObject({
        NameObject("/BaseEncoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/Differences"): ArrayObject([NumberObject(0x32), NameObject("/five"),
                                                 NumberObject(0x35), NameObject("/two")])})
    cmap = DecodedStreamObject()
    cmap.set_data(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                  b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                  b"1 beginbfrange <20> <FF> <0020> endbfrange\n"
                  b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    font[NameObject("/ToUnicode")] = cmap


@pytest.mark.parametrize("edit", [_codes_sent_to_each_others_glyph, _outlines_swapped])
def test_a_font_that_draws_other_letters_than_its_text_fails(
        stopped: tuple[Cli, str], tmp_path: Path, edit: Callable[[Any, dict[str, int]], None]
) -> None:
    """A font edited so that the page shows 20,00 € where text extraction still reads
    50,00 € (its codes sent to other glyphs, or its glyphs' outlines swapped) fails,
    naming what is drawn and what is read; the receipt as issued passes."""
    from sessiond.exports.fonts import find_fonts

    if find_fonts().core:
        pytest.skip("no TrueType font on this machine: receipts use the core fonts")
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    assert verified(cli, pdf)[0] == 0
    edited = _font_edited(pdf, tmp_path / "edited.pdf", edit)
    # The page shows another amount; its text still reads the issued one.
    shown = subprocess.run(["pdftotext", "-layout", str(edited), "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "50,00" in shown
    code, said, _document = verified(cli, edited)
    assert code == 1, said
    assert "dessine «\u00a02\u00a0» là où son texte se lit «\u00a05\u00a0»" in said, said
    assert "Journal intact" in said, said


def _outlines_of_another_font(font: Any, _codes: dict[str, int]) -> None:
    """Every outline of the embedded font program made a little larger: a font that is
    none of this machine's."""
    from fontTools.ttLib import TTFont

    program = _program(font)
    ttf = TTFont(io.BytesIO(program.get_data()))
    for glyph in ttf["glyf"].glyphs.values():
        glyph.expand(ttf["glyf"])
        if glyph.numberOfContours > 0:
            glyph.coordinates.scale((1.01, 1.01))
    out = io.BytesIO()
    ttf.save(out)
    program.set_data(out.getvalue())


def test_a_font_none_of_this_machines_is_told_not_failed(stopped: tuple[Cli, str],
                                                        tmp_path: Path) -> None:
    """Glyphs that match none of the fonts sessiond embeds here (issued on a machine
    with other fonts) cannot be compared by their shapes: the verdict says so in a note
    and still checks what it can; the receipt as issued has no such note."""
    from sessiond.exports.fonts import find_fonts

    if find_fonts().core:
        pytest.skip("no TrueType font on this machine: receipts use the core fonts")
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    code, said, _document = verified(cli, pdf)
    assert code == 0 and "leurs formes non comparées" not in said, said
    other = _font_edited(pdf, tmp_path / "other.pdf", _outlines_of_another_font)
    code, said, document = verified(cli, other)
    assert code == 0 and "leurs formes non comparées" in said, said
    assert any("DejaVuSans" in note for note in document["notes"]), document  # type: ignore[attr-defined]


def test_a_core_font_drawing_other_letters_than_its_text_fails(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """A core-font receipt whose encoding draws 2 for 5 while a ToUnicode map added to
    it still reads 5 fails too."""
    cli, sid = stopped
    cli.env["SESSIOND_PDF_FONTS"] = "core"
    pdf = Path(issue(cli, sid, tmp_path / "core.pdf")["pdf"])
    assert verified(cli, pdf)[0] == 0
    edited = _font_edited(pdf, tmp_path / "edited.pdf", _encoding_and_map_swapped)
    code, said, _document = verified(cli, edited)
    assert code == 1, said
    assert "dessine «\u00a02\u00a0» là où son texte se lit «\u00a05\u00a0»" in said, said


def test_a_receipt_is_its_own_pages_in_their_order(stopped: tuple[Cli, str],
                                                   tmp_path: Path) -> None:
    """A page added (blank, or a drawing that states something else, with no text for the
    text check to read), a page removed, or the pages put in another order fail, each
    saying which; the same pages re-saved pass, and so does a page turned."""
    from pypdf import PdfReader, PdfWriter

    cli, sid = stopped
    for n in range(1, 6):  # enough facts for a second page
        cli("record", sid, "artifact", "--kind", "file-copy", "--client-request",
            f"Copie n° {n} du devis demandée par la cliente au téléphone, pour son dossier",
            "--at", at(f"09:3{n}:00"), "--yes")
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    assert len(PdfReader(pdf).pages) >= 2
    drawing = FPDF()
    drawing.add_page()
    drawing.set_fill_color(0)
    drawing.rect(20, 20, 120, 30, style="F")  # a block of ink, as a pasted image is
    drawn = PdfReader(io.BytesIO(bytes(drawing.output()))).pages[0]

    def edited(case: str, change: Callable[[Any], None]) -> Path:
        writer = PdfWriter(clone_from=str(pdf))
        change(writer)
        writer.write(tmp_path / f"{case}.pdf")
        return tmp_path / f"{case}.pdf"

    def reordered(writer: Any) -> None:
        pages = writer._root_object["/Pages"].get_object()
        pages["/Kids"].reverse()

    cases = {
        "blank": (lambda w: w.add_blank_page(), "sa page 3 n'est pas une page du relevé"),
        "drawn": (lambda w: w.insert_page(drawn, 1), "sa page 2 n'est pas une page du relevé"),
        "removed": (lambda w: w.remove_page(len(w.pages) - 1), "il contient 1 des 2"),
        "reordered": (reordered, "leurs pieds de page indiquent 2/2, 1/2"),
    }
    for case, (change, expected) in cases.items():
        code, said, _document = verified(cli, edited(case, change))
        assert code == 1 and expected in said, (case, said)
    assert verified(cli, edited("same", lambda w: None))[0] == 0
    assert verified(cli, edited("turned", lambda w: w.pages[0].rotate(90)))[0] == 0


def test_digits_drawn_after_a_page_footer_are_not_the_footers(stopped: tuple[Cli, str],
                                                              tmp_path: Path) -> None:
    """"500" drawn in the margin of page 1, read right after its footer "... — 1/2":
    the footer's pattern took "1/2500" for itself and the receipt passed; the page's
    footer is "1/2" exactly, and the rest is added text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    writer = PdfWriter(clone_from=str(pdf))
    page = writer.pages[0]
    font = page["/Resources"]["/Font"]["/F1"].get_object()
    cmap = font["/ToUnicode"].get_object().get_data().decode()
    codes = {chr(int(u, 16)): c for c, u in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})>",
                                                      cmap)}
    drawn = DecodedStreamObject()
    drawn.set_data(page.get_contents().get_data() + b"\nBT /F1 12 Tf 400 80 Td <"
                   + "".join(codes[c] for c in "500").encode() + b"> Tj ET")
    page[NameObject("/Contents")] = writer._add_object(drawn)
    writer.write(tmp_path / "margin.pdf")
    code, said, _document = verified(cli, tmp_path / "margin.pdf")
    assert code == 1 and "n'indique pas (\u00ab\u00a0500\u00a0\u00bb)" in said, said


def test_a_receipt_whose_title_or_author_was_changed_fails(stopped: tuple[Cli, str],
                                                           tmp_path: Path) -> None:
    """A reader shows a PDF's Title as its name and its Author as who wrote it: another
    number or another name there fails, in a re-saved file or an incremental update;
    what tools change of their own (Producer, dates, a subject) or drop passes."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])

    def edited(case: str, values: dict[str, str], *, incremental: bool = False,
               drop: str = "") -> Path:
        writer = PdfWriter(str(pdf), incremental=True) if incremental else PdfWriter(
            clone_from=str(pdf))
        writer.add_metadata(values)
        if drop:
            del writer._info.get_object()[NameObject(drop)]  # type: ignore[union-attr]
        writer.write(tmp_path / f"{case}.pdf")
        return tmp_path / f"{case}.pdf"

    failing = {
        "title": (edited("title", {"/Title": "Relevé d'intervention n° 2026-0099"}),
                  "son titre (ses propriétés", "2026-0001"),
        "author": (edited("author", {"/Author": "Paul Martin"}, incremental=True),
                   "son auteur (ses propriétés", "Jean Dupré"),
    }
    for case, (path, expected, issued) in failing.items():
        code, said, _document = verified(cli, path)
        assert code == 1 and expected in said and issued in said, (case, said)
    for path in (edited("producer", {"/Producer": "qpdf", "/Subject": "Relevé",
                                     "/ModDate": "D:20260101000000Z"}),
                 edited("dropped", {}, drop="/Title")):
        code, said, _document = verified(cli, path)
        assert code == 0, said


def test_a_receipt_of_a_session_corrected_since_fails(stopped: tuple[Cli, str],
                                                      tmp_path: Path) -> None:
    """Corrected after its receipt and given no new one: the receipt no longer says what
    the log says (it used to verify), and the verdict names each field."""
    cli, sid = stopped
    cli("record", sid, "payment", "--amount", "50", "--method", "card", "--yes")
    issued = issue(cli, sid, tmp_path / "r.pdf")
    assert verified(cli, Path(issued["pdf"]))[0] == 0
    payment = next(e["seq"] for e in cli.events() if e["kind"] == "payment-recorded")
    cli("withdraw", sid, str(payment), "--reason", "chèque refusé")
    code, said, _document = verified(cli, Path(issued["text"]))
    assert code == 1 and "aucun nouveau relevé" in said and "bill.payments" in said, said
    stop = next(e["seq"] for e in cli.events() if e["kind"] == "session-stopped")
    cli("amend", sid, str(stop), "--at", at("09:40:00"), "--reason", "erreur", "--yes")
    code, said, _document = verified(cli, Path(issued["pdf"]))
    assert code == 1 and "times.stop" in said and "bill.total" in said, said


def _pdf(*objects: bytes) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _flate(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n%s\nendstream" % (
        len(packed), extra, packed)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> "
        b">> >> >>")


def test_hostile_pdfs_are_bounded(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """Bombs, floods and nesting: exit 1 or 2 within seconds, in the user's language,
    with none of pypdf's own warnings on the terminal (several used to exit 4)."""
    cli, sid = stopped
    receipt = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"]).read_bytes()
    zeros = b" " * (300 * 1024 * 1024)  # 300 MB of spaces, about 300 kB packed
    bomb = _flate(zeros)
    del zeros
    files = {
        "content-bomb": _pdf(CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, bomb),
        "attachment-bomb": _pdf(
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names "
            b"[(releve-2026-0001.json) 5 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, _flate(b"BT ET"),
            b"<< /Type /Filespec /F (releve-2026-0001.json) /EF << /F 6 0 R >> >>",
            _flate(b" " * (100 * 1024 * 1024), b"/Type /EmbeddedFile")),
        "100k-pages": _pdf(CATALOG, b"<< /Type /Pages /Kids [%s] /Count 100000 >>"
                           % b" ".join([b"3 0 R"] * 100000), PAGE,
                           _flate(b"BT /F 1 Tf (a) Tj ET")),
        "operators": _pdf(CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE,
                          _flate(b"BT /F 1 Tf (a) Tj ET\n" * 600_000)),
        "nested": _pdf(CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       PAGE.replace(b"/Contents 4 0 R", b"/Contents 4 0 R /Annots 5 0 R"),
                       _flate(b"BT ET"), b"[" * 100_000 + b"]" * 100_000),
        "page-tree": _pdf(CATALOG, *(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 3)
                                     for n in range(3000)), b"<< /Type /Page >>"),
        "cut": receipt[:len(receipt) // 2],
    }
    for name, raw in files.items():
        started = time.monotonic()
        code, said, _document = verified(cli, write(tmp_path / f"{name}.pdf", raw))
        assert time.monotonic() - started < 30, name  # two runs
        assert code in (1, 2), (name, said)
        assert not re.search(r"EOF marker|Multiple definitions|Overwriting|Limit reached|"
                             r"Traceback|PdfReadError", said), (name, said)
    # A receipt printed as images (a scan) has nothing to read: said so, not "no
    # checkpoint".
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "r.pdf"),
                    str(tmp_path / "page")], check=True)
    scan = FPDF()
    for image in sorted(tmp_path.glob("page*.png")):
        scan.add_page()
        scan.image(str(image), 0, 0, 210)
    code, said, _document = verified(cli, write(tmp_path / "scan.pdf", bytes(scan.output())))
    assert code == 2 and "PDF sans texte" in said, said
    # A receipt of sessiond's cut short is a document that fails, not a refusal.
    code, said, _document = verified(cli, tmp_path / "cut.pdf")
    assert code == 1 and "abîmé ou tronqué" in said, said


def test_a_font_map_of_megabytes_is_refused_within_seconds(stopped: tuple[Cli, str],
                                                          tmp_path: Path) -> None:
    """A receipt's font given a ToUnicode map of 60,000 entries (about 1 MB: pypdf reads
    it for seconds on each page, and the font check after it): a verdict within seconds
    that names it, not a wait."""
    from pypdf import PdfWriter

    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    writer = PdfWriter(clone_from=str(pdf))
    for ref in writer.pages[0]["/Resources"]["/Font"].values():
        font = ref.get_object()
        if "/ToUnicode" in font:
            cmap = font["/ToUnicode"].get_object()
            entries = "".join(f"<{c:04X}> <{0x4E00 + c % 0x5000:04X}>\n"
                              for c in range(100, 60100))
            cmap.set_data(cmap.get_data().replace(
                b"endbfchar", f"endbfchar\n60000 beginbfchar\n{entries}endbfchar".encode(), 1))
            break
    writer.write(tmp_path / "flooded.pdf")
    started = time.monotonic()
    code, said, _document = verified(cli, tmp_path / "flooded.pdf")
    assert time.monotonic() - started < 20  # two runs
    assert code == 1 and "table de caractères d'une police" in said, said


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
                    reason="fonts-dejavu-core is not installed")
def test_a_name_the_font_cannot_draw_is_written_out_not_dropped(cli: Cli,
                                                                tmp_path: Path) -> None:
    """DejaVu has no glyph for 👨, 👩, 👧 nor flags: fpdf2 left them off the page, so the
    PDF stated another name than the record's, and an untouched receipt failed its own
    verification. Each is now written out as a control character is: \\U and eight
    digits beyond the BMP (\\u1f468 read as U+1F46 and an "8")."""
    write_config(cli.home)
    name = "Zoé 👨‍👩‍👧 🇫🇷 Ω"
    client = cli("client", "add", name, "--address", "1 rue de la Paix, 75002 Paris").out.strip()
    sid = session(cli, client, "md-micro-services", "09:00:00", "09:52:10")
    issued = issue(cli, sid, tmp_path / "r.pdf")
    page = subprocess.run(["pdftotext", "-layout", issued["pdf"], "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Zoé" in page and "\\U0001f468" in page and "\\U0001f1eb\\U0001f1f7" in page
    assert "Ω" in page and "\\u1f4" not in page
    for path in (issued["pdf"], issued["text"]):
        code, said, _document = verified(cli, Path(path))
        assert code == 0, said
    invoice = cli.json("invoice", sid, "--out", str(tmp_path))
    shown = subprocess.run(["pdftotext", "-layout", invoice["pdf"], "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "\\U0001f468" in shown and "\\U0001f1eb" in shown


def test_a_print_of_an_erased_clients_receipt_says_why_it_cannot_be_checked(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """After a GDPR erasure the log cannot state the client's name again: a receipt that
    kept its signed data still verifies; a print without it says the data was erased."""
    cli, sid = stopped
    issued = issue(cli, sid, tmp_path / "r.pdf")
    visible = write(tmp_path / "visible.txt",
                    Path(issued["text"]).read_text(encoding="utf-8").split(BEGIN)[0])
    client = cli.json("session", "show", sid)["client"]
    cli("client", "erase", client, "--yes")
    assert verified(cli, Path(issued["pdf"]))[0] == 0
    code, said, _document = verified(cli, visible)
    assert code == 1 and "données du client ont été effacées" in said, said
