"""Checking a receipt someone hands back: its signature, its data against the log, and its
visible text against its data.

1. The signature: the data the receipt carries (PDF attachment, or the text copy's armour)
   must be signed by the technician's key.
2. The log: the `receipt-issued` event the data names must be there, for that session and
   number, holding the SHA-256 of exactly that data; a later receipt of the session means
   this one was replaced. When the signature or the digest fails, the data is computed
   again from the log as it stood when the receipt was issued, and every field that
   differs is named.
3. The visible text: the blocks are laid out again from the data (in its language, by
   the layout of its version; a receipt of another version has its text left unchecked,
   and says so) and must be what the document shows: line for line in the text copy, and
   in the PDF's extracted text in order, whitespace aside (text extraction adds and drops
   spaces).
   A block that differs names the field it states (an amount, a time, a name).

The checkpoint and the events line printed on the receipt are checked by the caller with
the log's own verification (`Sessiond.verify`, `proof.check_proof`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint, parse_checkpoints
from sessiond.audit.verify import Problem
from sessiond.errors import InputError
from sessiond.exports.layout import Amount, Block, Code, Field, Para, Section, Title, block_lines
from sessiond.exports.proof import EventsProof, parse_proofs
from sessiond.exports.receipt import rebuild, receipt_number
from sessiond.exports.receipt_data import FORMAT, VERSION, receipt_blocks, speaking
from sessiond.exports.signed import Carried, read_document, sha256, signature_valid
from sessiond.i18n import _
from sessiond.sessions import Sessiond


@dataclass
class ReceiptCheck:
    name: str
    problems: list[Problem] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    proofs: list[EventsProof] = field(default_factory=list)
    signed: bool = False  # the document carries signed data (receipts made by this version on)
    number: str | None = None
    # Whether its visible text was compared: a receipt laid out by another version of
    # sessiond (receipt_data.VERSION) has its signature and data checked, not its wording.
    text_checked: bool = False


def check_receipt(svc: Sessiond, name: str, raw: bytes) -> ReceiptCheck:
    if not raw.strip():
        raise InputError(_("{path} is empty: it is not a receipt. Ask for the file again "
                           "(the PDF or its text copy).", path=name))
    carried = read_document(raw)
    # A PDF's checkpoint is on the page and in its Keywords. Its bytes are searched only
    # when neither holds one (an old PDF without a text layer pypdf can read, a damaged
    # one): they may hold other documents' lines too (a data file attached to it).
    where = "\n".join((carried.text, carried.extra))
    if carried.kind == "pdf" and not parse_checkpoints(where):
        where = raw.decode("latin-1")
    result = ReceiptCheck(name, checkpoints=list(dict.fromkeys(parse_checkpoints(where))),
                          proofs=list(dict.fromkeys(parse_proofs(where))))
    if carried.damaged:
        if not result.checkpoints and b"sessiond" not in raw:
            raise InputError(_("This PDF cannot be read: {problem}. Ask for the file "
                               "again.", problem=carried.damaged))
        # A receipt of sessiond's (its checkpoint or its name in its bytes) that cannot
        # be read: a verdict, not a refusal. Its checkpoint, if it is there, is checked.
        result.problems.append(_problem(name, _(
            "this PDF is damaged or cut short ({problem}): what it states cannot be read "
            "nor checked; ask for the file again", problem=carried.damaged)))
        return result
    if carried.data is None and not result.checkpoints:
        raise InputError(_("{path} holds no sessiond checkpoint.", path=name))
    if carried.data is not None:
        result.signed = True
        result.problems.extend(_check_data(svc, name, carried, result))
    return result


def _problem(name: str, message: str, seq: int | None = None) -> Problem:
    return Problem(seq, f"{name}: {message}")


def _check_data(svc: Sessiond, name: str, carried: Carried, result: ReceiptCheck
                ) -> list[Problem]:
    assert carried.data is not None
    try:
        data = json.loads(carried.data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
            data.get("event"), int):
        return [_problem(name, _("its signed data cannot be read: the attached data was "
                                 "replaced or damaged"))]
    result.number = str(data.get("number"))
    problems: list[Problem] = []
    signed = carried.signature is not None and signature_valid(
        svc.keyring.public_key, carried.data, carried.signature)
    if not signed:
        seal: dict[str, Any] = data["seal"] if isinstance(data.get("seal"), dict) else {}
        other = seal.get("key_fingerprint") not in (None, svc.keyring.fingerprint)
        problems.append(_problem(name, _(
            "its data is signed with another key than this technician's ({fingerprint})",
            fingerprint=seal.get("key_fingerprint")) if other else _(
            "the signature of its data is not valid: the data was edited after it was "
            "signed")))
    event = svc.store.event_at(data["event"])
    logged = (event is not None and event.kind == "receipt-issued"
              and event.session_id == data.get("session"))
    if event is None:
        pass  # the events line says it: the log was truncated or rolled back
    elif not logged:
        problems.append(_problem(name, _(
            "the log holds no receipt of session {session} at event #{seq}",
            session=data.get("session"), seq=data["event"]), data["event"]))
    else:
        assert event is not None
        body = event.body_fields()
        if body.get("data_digest") != sha256(carried.data) or receipt_number(
                svc.store, event, svc) != data.get("number"):
            problems.append(_problem(name, _(
                "its data is not the data recorded in the log when receipt no. {number} "
                "was issued (event #{seq})", number=receipt_number(svc.store, event, svc),
                seq=event.seq), event.seq))
        if problems:
            problems.extend(_named_differences(svc, name, data, event))
        problems.extend(_replaced(svc, name, event))
    if data.get("version") == VERSION:
        result.text_checked = True
        problems.extend(_visible(name, carried, data, result.checkpoints))
    return problems


def _named_differences(svc: Sessiond, name: str, data: Mapping[str, Any], event: Any
                       ) -> list[Problem]:
    """The fields where the document's data and the log's differ."""
    try:
        rebuilt = rebuild(svc, event)
    except InputError:
        return []
    if rebuilt is None:
        return []
    logged, _raw, _proof = rebuilt
    return [_problem(name, _("{field}: the document says {document}, the log says {log}",
                             field=path, document=_shown(mine), log=_shown(theirs)))
            for path, mine, theirs in differences(data, logged)]


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)


def differences(a: Any, b: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(field path, value in a, value in b) wherever two data trees differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            yield from differences(a.get(key), b.get(key), f"{path}.{key}" if path else key)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for n, (x, y) in enumerate(zip(a, b, strict=True), start=1):
            yield from differences(x, y, f"{path}[{n}]")
    elif a != b:
        yield path, a, b


def _replaced(svc: Sessiond, name: str, event: Any) -> list[Problem]:
    later = [r for r in svc.store.session_events(event.session_id)
             if r.kind == "receipt-issued" and r.seq > event.seq]
    if not later:
        return []
    replacement = later[-1]
    return [_problem(name, _(
        "receipt no. {number} was replaced by receipt no. {replacement} on {day} (the "
        "session changed after it was issued): hand over the new one",
        number=receipt_number(svc.store, event, svc),
        replacement=receipt_number(svc.store, replacement, svc),
        day=clock.from_text(replacement.at).astimezone(svc.tz).date().isoformat()),
        replacement.seq)]


# --- the visible text ------------------------------------------------------------------


def _visible(name: str, carried: Carried, data: Mapping[str, Any],
             checkpoints: list[Checkpoint]) -> list[Problem]:
    language = data.get("language") if data.get("language") in ("fr", "en") else "fr"
    printed = next((c.text() for c in checkpoints if c.seq == data.get("event")), None)
    try:
        with speaking(str(language)):
            blocks = receipt_blocks(data, printed)
            if carried.kind == "txt":
                wrong = _text_mismatches(carried.text, blocks)
            else:
                wrong = _pdf_mismatches(carried.text, blocks)
    except (KeyError, TypeError, ValueError, AttributeError):
        return [_problem(name, _("its signed data does not have the form of a receipt"))]
    return [_problem(name, _(
        "its visible text does not state {field} as its signed data does (expected: "
        "\u00ab {expected} \u00bb): the document was edited", field=key, expected=expected))
        for key, expected in wrong]


def _key(block: Block) -> str:
    return block.key or "text"


def _line(text: str) -> str:
    """A line as the client's tools may leave it and still say the same: any run of
    blanks (spaces, tabs, the no-break spaces that mailers and editors turn into plain
    ones) as one space, none at either end, canonical composition (NFC: a macOS or
    Windows tool may decompose an accent, canonical JSON never does). Letters, digits and
    signs are compared as they are: a Cyrillic "а", a minus sign, a fullwidth digit or
    a zero-width space is a change."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _shown_text(text: str) -> str:
    return " ".join(text.split())[:160]


def _text_mismatches(text: str, blocks: list[Block]) -> list[tuple[str, str]]:
    """The blocks the text copy does not state, and the text it holds that no block
    does. Lines are aligned as a diff aligns them, blank lines aside, so a line added,
    removed or edited names its own block and not every block after it."""
    from difflib import SequenceMatcher

    expected = [(n, line) for n, block in enumerate(blocks)
                for line in map(_line, block_lines(block)) if line]
    document = [line for line in map(_line, text.split("\n")) if line]
    # A receipt's text holds its lines and nothing else: past a few times as many (a
    # file padded with megabytes), the rest is added text, not lines to align.
    limit = 4 * len(expected) + 200
    document, beyond = document[:limit], document[limit:limit + 20]
    matcher = SequenceMatcher(None, [line for _n, line in expected], document,
                              autojunk=False)
    edited: set[int] = set()
    added: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edited.update(expected[i][0] for i in range(i1, i2))
        if tag == "insert":
            added.extend(document[j1:j2])
    wrong = [(_key(block), _shown_text(" ".join(block_lines(block))))
             for n, block in enumerate(blocks) if n in edited]
    if added or beyond:
        wrong.append(("text", _("nothing after the record")))
    return wrong


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _pdf_text(block: Block) -> str:
    match block:
        case Title(text, subtitle):
            return text + subtitle
        case Section(text):
            return text
        case Field(label, value):
            return label + value
        case Para(text):
            return text
        case Amount(label, amount):
            return label + amount
        case Code(lines):
            return "".join(lines)
    return ""


def _undrawn(text: str) -> re.Pattern[str]:
    """`text` squeezed, each character beyond the Latin letters either as itself or
    written out as `\\uXXXX`: what the page shows of a character the issuing machine's
    font could not draw (pdf.drawable), whatever fonts this machine has."""
    from sessiond.exports.pdf import pdf_text

    return re.compile("".join(
        re.escape(c) if ord(c) < 0x250 else f"(?:{re.escape(c)}|\\\\u{ord(c):04x})"
        for c in _squeezed(pdf_text(text))))


def _pdf_mismatches(text: str, blocks: list[Block]) -> list[tuple[str, str]]:
    from sessiond.exports.pdf import core_text, pdf_text

    page = _squeezed(text)
    wrong: list[tuple[str, str]] = []
    at = 0
    for block in blocks:
        expected = _pdf_text(block)
        found = -1
        shown = pdf_text(expected)  # what the PDF writes of a control character
        for variant in dict.fromkeys((_squeezed(shown), _squeezed(core_text(shown)),
                                      _squeezed(expected), _squeezed(core_text(expected)))):
            found = page.find(variant, at)
            if found >= 0:
                at = found + len(variant)
                break
        if found < 0 and (match := _undrawn(expected).search(page, at)):
            found, at = match.start(), match.end()
        if found < 0:
            wrong.append((_key(block), " ".join(expected.split())[:160]))
    return wrong
