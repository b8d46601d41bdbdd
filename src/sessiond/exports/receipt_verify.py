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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint, parse_checkpoints
from sessiond.audit.verify import Problem
from sessiond.errors import InputError
from sessiond.exports.layout import Amount, Block, Code, Field, Para, Section, Title, block_lines
from sessiond.exports.proof import EventsProof, parse_proofs
from sessiond.exports.receipt import rebuild, receipt_number, text_copy
from sessiond.exports.receipt_data import FORMAT, LAID_OUT, receipt_blocks, speaking
from sessiond.exports.signed import (
    Carried,
    public_key_pem,
    read_document,
    sha256,
    signature_valid,
)
from sessiond.i18n import _, one_line
from sessiond.i18n import language as language_of_messages
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.sessions import Sessiond


@dataclass
class ReceiptCheck:
    name: str
    problems: list[Problem] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    proofs: list[EventsProof] = field(default_factory=list)
    signed: bool = False  # the document carries signed data (receipts made by this version on)
    number: str | None = None
    # Whether its visible text was compared: a receipt of a layout this version does not
    # render (receipt_data.LAID_OUT) has its signature and data checked, not its wording.
    text_checked: bool = False
    # It carried no signed data (a print, a copy of its text): what it states was
    # compared with the data computed again from the log.
    from_log: bool = False
    # A receipt carrying its signed data whose bytes are not those sessiond wrote:
    # another tool saved it again since (a viewer, pypdf, qpdf, an editor...).
    resaved: bool = False
    notes: list[str] = field(default_factory=list)


def check_receipt(svc: Sessiond, name: str, raw: bytes) -> ReceiptCheck:
    if not raw.strip():
        raise InputError(_("{path} is empty: it is not a receipt. Ask for the file again "
                           "(the PDF or its text copy).", path=name))
    carried = read_document(raw)
    from sessiond.exports.kinds import RECEIPT, receipt_title, recognise, refusal

    kind = recognise(raw, carried)
    if kind is not None and kind.kind != RECEIPT:
        raise refusal(name, kind, asked=RECEIPT)
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
    if carried.data is None and not carried.broken and not result.checkpoints:
        if receipt_title(carried.text):
            # The start of a receipt without its end: cut short, or only part copied.
            result.problems.append(_problem(name, _(
                "this receipt is incomplete: its checkpoint and its signed data are "
                "missing (the file was cut short, or only part of it was copied); ask "
                "for the whole file")))
            return result
        if carried.kind == "pdf" and not carried.text.strip():
            raise InputError(_(
                "{path} is a PDF without text (a scan, or printed as images): what it "
                "shows cannot be read. Ask for the receipt as it was sent (the PDF or its "
                "text copy).", path=name))
        raise InputError(_("{path} holds no sessiond checkpoint.", path=name))
    if _foreign(svc, carried, result):
        return result
    if carried.data is not None:
        result.signed = True
        result.problems.extend(_check_data(svc, name, carried, result))
    else:
        result.problems.extend(_without_data(svc, name, carried, result))
    result.problems.extend(_extra(name, carried))
    result.problems.extend(_attached(svc, name, carried))
    # What a viewer drew over the pages is not part of the receipt and is not signed.
    # Over its text (a text box over the amount), the page no longer shows what the
    # receipt states: a problem. Beside it (a note in the margin, a stamp below), or a
    # mark that hides nothing (a highlight), it changes no fact: the reader is told.
    result.problems.extend(_problem(name, _(
        "something was put over its text after it was issued, where it may hide what the "
        "receipt states: {what}; the receipt says what its signed data says", what=what))
        for what in carried.over_text[:20])
    result.problems.extend(_hidden(name, carried))
    result.problems.extend(_misdrawn(name, carried))
    if carried.data is not None and carried.painted:
        # Its own file (it carries its signed data), re-saved or not: sessiond draws text
        # and thin lines only, so an image or a filled shape was added (a stamp "payé",
        # another amount as a picture, which no text check reads). A print of it (no
        # data) may paint a background: what it covers is checked as for any PDF.
        result.problems.append(_problem(name, n_(
            len(carried.painted), "on its page {pages}, something was drawn that sessiond "
            "does not draw (an image, a filled shape): what it shows is not part of the "
            "receipt; the document was edited", "on its pages {pages}, something was drawn "
            "that sessiond does not draw (an image, a filled shape): what it shows is not "
            "part of the receipt; the document was edited",
            pages=", ".join(map(str, carried.painted[:20])))))
    result.notes.extend(_(
        "{name}: its font {font} is none of the fonts sessiond embeds as this machine has "
        "them: its letters were checked against its text, their shapes not compared",
        name=name, font=one_line(m.font)[:60])
        for m in dict.fromkeys(m for m in carried.misdrawn if m.unmatched))
    if carried.data is not None and carried.resaved is not None:
        result.resaved = True
    if result.resaved:
        # Not a problem: what it states is checked as it is now, whatever wrote it.
        result.notes.append(_(
            "{name}: saved again by {tool} since it was issued: it is not the file sessiond "
            "wrote, byte for byte; what it states was checked as it is now", name=name,
            tool=carried.resaved) if carried.resaved else _(
            "{name}: saved again by another tool since it was issued: it is not the file "
            "sessiond wrote, byte for byte; what it states was checked as it is now",
            name=name))
    result.notes.extend(_("{name}: added over its pages after it was issued (not part of "
                          "the receipt, not signed): {what}", name=name, what=what)
                        for what in carried.added[:20])
    return result


def _hidden(name: str, carried: Carried) -> list[Problem]:
    """Text the pages hold but do not show (hidden_text): what the reader sees there is
    not what the text, and so the check of it, says."""
    from sessiond.exports.hidden_text import COVERED, INVISIBLE, OUTSIDE

    problems = []
    for page, hidden in carried.hidden[:_MAX_HIDDEN]:
        values = {"page": page, "text": hidden.text[:160]}
        problems.append(_problem(name, _(
            "on its page {page}, \u00ab {text} \u00bb is covered by something drawn over "
            "it (a filled shape, an image): the page does not show what the receipt "
            "states; the document was edited", **values) if hidden.why == COVERED else _(
            "on its page {page}, \u00ab {text} \u00bb is drawn so that it does not show "
            "(invisible, white or transparent): the page does not show what the receipt "
            "states; the document was edited", **values) if hidden.why == INVISIBLE else _(
            "on its page {page}, \u00ab {text} \u00bb lies outside what the page shows "
            "(moved off the page, cut off or clipped away): the page does not show what "
            "the receipt states; the document was edited", **values)
            if hidden.why == OUTSIDE else _(
            "on its page {page}, \u00ab {text} \u00bb is drawn too small to be read: the "
            "page does not show what the receipt states; the document was edited",
            **values)))
    if len(carried.hidden) > _MAX_HIDDEN:
        problems.append(_problem(name, _(
            "and {n} more runs of its text that its pages do not show",
            n=len(carried.hidden) - _MAX_HIDDEN)))
    return problems


_MAX_HIDDEN = 8


def _misdrawn(name: str, carried: Carried) -> list[Problem]:
    """Fonts whose glyphs are not the text they are read as (glyphs): the page shows
    other letters than the text, and so the check of it, says."""
    problems = []
    misdrawn = [m for m in carried.misdrawn if not m.unmatched]
    for wrong in misdrawn[:_MAX_HIDDEN]:
        values = {"page": wrong.page, "font": one_line(wrong.font)[:60],
                  "read": one_line(wrong.read), "shown": one_line(wrong.shown)}
        problems.append(_problem(name, _(
            "on its page {page}, the font {font} draws \u00ab {shown} \u00bb where its text "
            "reads \u00ab {read} \u00bb: the page does not show what the receipt states; "
            "the document was edited", **values) if wrong.read and wrong.shown else _(
            "on its page {page}, the font {font} draws another letter where its text reads "
            "\u00ab {read} \u00bb: the page does not show what the receipt states; the "
            "document was edited", **values) if wrong.read else _(
            "on its page {page}, the font {font} is of a kind sessiond does not write, "
            "whose letters cannot be matched with its text: what the page shows cannot be "
            "checked; the document was edited or made again by another tool", **values)))
    if len(misdrawn) > _MAX_HIDDEN:
        problems.append(_problem(name, _(
            "and {n} more letters its fonts draw otherwise than its text reads them",
            n=len(misdrawn) - _MAX_HIDDEN)))
    return problems


def _problem(name: str, message: str, seq: int | None = None) -> Problem:
    return Problem(seq, f"{name}: {message}")


def _foreign(svc: Sessiond, carried: Carried, result: ReceiptCheck) -> bool:
    """A receipt that another technician issued (another key signed everything it
    carries) is not this log's: its checkpoint and events line are not checked against
    this log, which it says nothing about; the verdict says whose it is."""
    ours = svc.keyring.key_id
    keys = {c.key_id for c in result.checkpoints}
    fingerprints = set()
    for data, _signature in carried.sets or ((carried.data, None),):
        parsed = _parsed(data)
        seal = parsed.get("seal") if parsed is not None else None
        if isinstance(seal, dict) and isinstance(seal.get("key_fingerprint"), str):
            fingerprints.add(seal["key_fingerprint"])
    if not (keys or fingerprints) or ours in keys or svc.keyring.fingerprint in fingerprints:
        return False
    other = next(iter(sorted(fingerprints)), None) or next(iter(sorted(keys)))
    result.signed = carried.data is not None
    result.problems.append(_problem(result.name, _(
        "this receipt was issued by another technician (key {other}), not with this "
        "log's key ({ours}): it can only be checked with the log of the technician who "
        "issued it", other=other, ours=svc.keyring.fingerprint)))
    result.checkpoints, result.proofs = [], []
    return True


def _parsed(data: bytes | None) -> dict[str, Any] | None:
    if data is None:
        return None
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return parsed if isinstance(parsed, dict) else None


def _extra(name: str, carried: Carried) -> list[Problem]:
    """What the file holds beyond one receipt: a second set of signed data, text after
    the signed data, signed data that cannot be read."""
    problems = []
    if carried.broken:
        problems.append(_problem(name, _(
            "its signed data is incomplete or damaged (the file was cut short or "
            "edited): it cannot be checked")))
    if carried.copies > 1:
        problems.append(_problem(name, _(
            "it carries signed data {n} times, a receipt carries it once: it was edited "
            "or put together from several files", n=carried.copies)))
    if carried.files > 1:
        problems.append(_problem(name, _(
            "this file is {n} PDF files put one after the other (a reader shows only the "
            "last one): a receipt is one file; it was put together from several",
            n=carried.files)))
    if carried.layered:
        problems.append(_problem(name, _(
            "it holds layers (optional content) that a PDF reader shows or hides, some "
            "maybe hidden from the start: a receipt holds none, and what its pages show may "
            "not be what its text says; the document was edited")))
    if carried.scripted:
        problems.append(_problem(name, _(
            "it holds a script (JavaScript) that a PDF reader runs, which can change what "
            "its pages show: a receipt holds none; the document was edited")))
    if carried.after:
        problems.append(_problem(name, _(
            "text was added after its signed data (\u00ab {text} \u00bb): a receipt ends "
            "with it", text=" ".join(carried.after.split())[:160])))
    return problems


def _attached(svc: Sessiond, name: str, carried: Carried) -> list[Problem]:
    """The files a receipt PDF carries are its data, the data's signature and the
    technician's public key (signed.CARRIED_SUFFIXES), and nothing else: another file
    rides along with what the client takes for the technician's document, and a receipt
    whose data file is gone while its signature or key are still there had its data
    taken out or replaced (a print carries no file at all)."""
    from sessiond.exports.signed import KEY_SUFFIX

    def files(names: Iterable[str]) -> str:
        return ", ".join(f"\u00ab\u00a0{one_line(n)[:80]}\u00a0\u00bb" for n in names)

    problems = []
    if carried.kind == "pdf" and carried.data is None and carried.attachments:
        problems.append(_problem(name, _(
            "its signed data file (.json) is missing while it still carries other files "
            "({files}): its data was taken out or replaced by another file; the document "
            "was edited", files=files(sorted(carried.attachments)[:5]))))
    elif carried.strangers:
        problems.append(_problem(name, _(
            "it carries attached files a receipt does not carry ({files}): a receipt "
            "carries its signed data (.json), its signature (.sig) and the technician's "
            "public key (.pem) only; the document was edited",
            files=files(carried.strangers[:5]))))
    expected = ("\n".join(public_key_pem(svc.keyring.public_raw)) + "\n").encode("ascii")
    for key_name, key in sorted(carried.attachments.items()):
        if (key_name.lower().endswith(KEY_SUFFIX) and key_name not in carried.strangers
                and b"".join(key.split()) != b"".join(expected.split())):
            problems.append(_problem(name, _(
                "the public key it carries ({file}) is not this technician's key: whoever "
                "checks the receipt with it (openssl) checks another key's signature; the "
                "document was edited", file=one_line(key_name)[:80])))
    return problems


def _unreadable_data(name: str, carried: Carried, data_bytes: bytes) -> Problem:
    """Why the signed data cannot be read, for the reader to know what he was sent."""
    where = (_("the attached file \u00ab {file} \u00bb", file=one_line(carried.data_name)[:80])
             if carried.data_name else _("the block between its SIGNED DATA lines"))
    if _json(data_bytes):
        return _problem(name, _(
            "its signed data ({where}) is JSON but not a receipt's data: it was replaced "
            "by other data", where=where))
    return _problem(name, _(
        "its signed data ({where}) is not JSON data ({what}): it was replaced by another "
        "file or damaged", where=where, what=_what_it_is(data_bytes)))


def _json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


def _what_it_is(data: bytes) -> str:
    """What a file that should be JSON holds, told from its first bytes."""
    if data.lstrip().startswith(b"%PDF-"):
        return _("a PDF file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _("binary bytes, not text")
    if text.lstrip().startswith(("{", "[")):
        return _("JSON cut short or damaged")
    return _("text beginning \u00ab {start} \u00bb", start=one_line(text.strip())[:40])


def _check_data(svc: Sessiond, name: str, carried: Carried, result: ReceiptCheck
                ) -> list[Problem]:
    assert carried.data is not None
    data_bytes, signature_bytes = carried.data, carried.signature
    # Of several sets of signed data (reported by _extra), the one this technician's
    # key signed is the one whose facts are checked.
    for candidate, sig in carried.sets:
        if sig is not None and signature_valid(svc.keyring.public_key, candidate, sig):
            data_bytes, signature_bytes = candidate, sig
            break
    carried = replace(carried, data=data_bytes, signature=signature_bytes)
    data = _parsed(data_bytes)
    if data is None or data.get("format") != FORMAT or not isinstance(
            data.get("event"), int):
        return [_unreadable_data(name, carried, data_bytes)]
    result.number = str(data.get("number"))
    problems: list[Problem] = []
    signed = signature_bytes is not None and signature_valid(
        svc.keyring.public_key, data_bytes, signature_bytes)
    if not signed:
        seal: dict[str, Any] = data["seal"] if isinstance(data.get("seal"), dict) else {}
        other = seal.get("key_fingerprint") not in (None, svc.keyring.fingerprint)
        problems.append(_problem(name, _(
            "its data is signed with another key than this technician's ({fingerprint})",
            fingerprint=seal.get("key_fingerprint")) if other else _(
            "its data carries no signature (its .sig file or block was removed): it "
            "cannot be trusted") if signature_bytes is None else _(
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
        if body.get("data_digest") != sha256(data_bytes) or receipt_number(
                svc.store, event, svc) != data.get("number"):
            problems.append(_problem(name, _(
                "its data is not the data recorded in the log when receipt no. {number} "
                "was issued (event #{seq})", number=receipt_number(svc.store, event, svc),
                seq=event.seq), event.seq))
        if problems:
            problems.extend(_named_differences(svc, name, data, event))
        replaced = _replaced(svc, name, event)
        problems.extend(replaced or ([] if problems else _changed_since(svc, name, data,
                                                                        event)))
    if data.get("version") in LAID_OUT:
        result.text_checked = True
        issued_with = _issued_with(svc, event) if logged else None
        problems.extend(_visible(name, carried, data, result.checkpoints, issued_with))
        if carried.kind == "txt" and carried.signature is not None:
            result.resaved = not _text_as_issued(carried, data, result.checkpoints,
                                                 issued_with)
    return problems


def _without_data(svc: Sessiond, name: str, carried: Carried, result: ReceiptCheck
                  ) -> list[Problem]:
    """A receipt that lost its signed data on the way (printed to paper or to another
    PDF, copied as text, its armour cut off) still states facts the log can check: the
    data is computed again from the log as it stood when the receipt was issued, and the
    visible text must state it."""
    event = next((e for e in map(svc.store.event_at, (c.seq for c in result.checkpoints))
                  if e is not None and e.kind == "receipt-issued"
                  and e.session_id is not None), None)
    if event is None or not event.body_fields().get("data_digest"):
        # A checkpoint of no receipt, or a receipt issued before receipts carried data:
        # its checkpoint (checked with the log) is all it has.
        return []
    result.number = receipt_number(svc.store, event, svc)
    rebuilt = None
    # The receipt's words are in the language it was issued in, which the log does not
    # record: the one whose data has the recorded digest is it.
    for language in dict.fromkeys((language_of_messages(), "fr", "en")):
        try:
            with speaking(language):
                rebuilt = rebuild(svc, event)
        except InputError:
            rebuilt = None
        if rebuilt is not None and sha256(rebuilt[1]) == event.body_fields()["data_digest"]:
            break
        rebuilt = None
    if rebuilt is None:
        return [_problem(name, _(
            "it carries no signed data, and the log cannot state again what receipt no. "
            "{number} said (the client's data was erased, or the terms or the identity "
            "changed since): ask for the PDF as it was sent, or its text copy",
            number=result.number), event.seq)]
    data, _raw, _proof = rebuilt
    result.from_log = True
    problems = _replaced(svc, name, event) + _changed_since(svc, name, data, event)
    if data.get("version") in LAID_OUT:
        result.text_checked = True
        visible = _visible(name, carried, data, result.checkpoints,
                           _issued_with(svc, event))
        problems.extend(visible)
        if visible and carried.kind == "txt":
            # pdftotext without -layout reads the label and value columns apart and
            # drops a "-" that ends a line: its copy of an untouched receipt differs.
            result.notes.append(_(
                "{name}: if this text was taken from the PDF with pdftotext, take it again "
                "with pdftotext -layout, which keeps each line whole", name=name))
    return problems


def _issued_with(svc: Sessiond, event: Any) -> Checkpoint | None:
    """The checkpoint signed on a receipt's own event, which the receipt prints."""
    if event is None or event.kind != "receipt-issued":
        return None
    return svc.store.checkpoint_of(event.seq, event.hash)


def _changed_since(svc: Sessiond, name: str, data: Mapping[str, Any], event: Any
                   ) -> list[Problem]:
    """A session corrected after its receipt (an instant amended, a payment withdrawn)
    and given no new receipt: the receipt no longer says what the log says. Each field
    that differs is named; the seal (events line, checkpoint) differs by design. Without
    an event of the session after its receipt, the price is compared still: a correction
    of the client's history (a duplicate merged, a package withdrawn) reprices it."""
    from sessiond.exports.receipt import as_now, changed_since, priced

    if event.session_id is None:
        return []
    corrected = changed_since(svc, event.session_id, event)
    number = receipt_number(svc.store, event, svc)
    try:
        with speaking(_language(data)):  # its words, in the receipt's language
            now = as_now(svc, event)
    except InputError as e:
        if not corrected:
            return []
        return [_problem(name, _(
            "the session changed after receipt no. {number} was issued and can no longer "
            "have a receipt ({problem})", number=number, problem=e.message), event.seq)]
    changed = ([(path, mine, theirs) for path, mine, theirs in differences(data, now)
                if not path.startswith("seal")] if corrected
               else list(differences(priced(data), priced(now))))
    if not changed:
        return []
    fields = _("; ").join(_("{field}: the receipt says {document}, the log now says {log}",
                         field=path, document=_shown(mine), log=_shown(theirs))
                       for path, mine, theirs in changed[:8])
    return [_problem(name, _(
        "the session was corrected after receipt no. {number} was issued, and no new "
        "receipt was issued (sessiond receipt {session} issues it): {fields}",
        number=number, session=event.session_id, fields=fields), event.seq)]


def _named_differences(svc: Sessiond, name: str, data: Mapping[str, Any], event: Any
                       ) -> list[Problem]:
    """The fields where the document's data and the log's differ."""
    try:
        with speaking(_language(data)):
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
    values = {"number": receipt_number(svc.store, event, svc),
              "replacement": receipt_number(svc.store, replacement, svc),
              "day": long_date(clock.from_text(replacement.at).astimezone(svc.tz).date())}
    if _another_client(svc, event, replacement):
        # The session was moved to the client it was for (session move): the new receipt
        # is that client's, with his name on it; handing it over to the holder of this
        # one would give him another person's data, for work not done for him.
        return [_problem(name, _(
            "receipt no. {number} no longer stands: its session was moved to another "
            "client after it was issued, and receipt no. {replacement} of {day} is that "
            "client's: do not hand it over to the holder of this one", **values),
            replacement.seq)]
    return [_problem(name, _(
        "receipt no. {number} was replaced by receipt no. {replacement} on {day} (the "
        "session changed after it was issued): hand over the new one", **values),
        replacement.seq)]


def _another_client(svc: Sessiond, event: Any, replacement: Any) -> bool:
    """Whether `replacement` was issued to another client than receipt `event` (a
    duplicate merged into him is the same person)."""
    if event.client_id is None or replacement.client_id is None:
        return False
    return (svc.canonical_client(event.client_id)
            != svc.canonical_client(replacement.client_id))


# --- the visible text ------------------------------------------------------------------


def _language(data: Mapping[str, Any]) -> str:
    language = data.get("language")
    return language if isinstance(language, str) and language in ("fr", "en") else "fr"


def _laid_out(data: Mapping[str, Any], checkpoints: list[Checkpoint],
              logged: Checkpoint | None) -> list[Block]:
    """The blocks of the receipt `data` states, in its language."""
    # The checkpoint the receipt was issued with, as the log holds it: a receipt whose
    # checkpoint lines were taken out does not state it.
    printed = logged.text() if logged is not None else next(
        (c.text() for c in checkpoints if c.seq == data.get("event")), None)
    with speaking(_language(data)):
        return receipt_blocks(data, printed)


def _text_as_issued(carried: Carried, data: Mapping[str, Any],
                    checkpoints: list[Checkpoint], logged: Checkpoint | None) -> bool:
    """Whether a text copy is byte for byte the one sessiond wrote from its data."""
    assert carried.data is not None and carried.signature is not None
    try:
        blocks = _laid_out(data, checkpoints, logged)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False  # not the form of a receipt: _visible says so
    # Laid out in the receipt's language too: a label ends " :" in French and ":" in
    # English, so an untouched French copy verified by an English-speaking sessiond was
    # called saved again by another tool.
    with speaking(_language(data)):
        return carried.raw == text_copy(blocks, carried.data, carried.signature)


def _visible(name: str, carried: Carried, data: Mapping[str, Any],
             checkpoints: list[Checkpoint], logged: Checkpoint | None = None
             ) -> list[Problem]:
    try:
        blocks = _laid_out(data, checkpoints, logged)
        with speaking(_language(data)):
            footer = _("Service record no. {number} — session {session}",
                       number=data["number"], session=data["session"])
            title = _("Service record no. {number}", number=data["number"])
            if carried.kind == "txt":
                wrong, added = _text_mismatches(carried.text, blocks)
                if (wrong or added) and carried.data is None:
                    # No signed data: this may be the text of the PDF (pdftotext, a
                    # copy from a viewer), laid out as the PDF is.
                    found = _pdf_mismatches(carried.text, blocks, footer)
                    if len(found[0]) + bool(found[1]) < len(wrong) + bool(added):
                        wrong, added = found
            else:
                wrong, added = _pdf_mismatches(carried.text, blocks, footer, carried.pages)
    except (KeyError, TypeError, ValueError, AttributeError):
        return [_problem(name, _("its signed data does not have the form of a receipt"))]
    # (in the verifier's language: only the footer is the receipt's own words)
    problems = _page_problems(name, carried.pages, footer) if carried.kind == "pdf" else []
    # A viewer shows the Title as the document's name and the Author as who wrote it: a
    # tool may drop them, not change them.
    problems += [_problem(name, _(
        "its {what} (its properties, shown by PDF readers) is \u00ab {found} \u00bb, not "
        "\u00ab {expected} \u00bb as issued: the document was edited", what=what,
        found=one_line(found)[:160], expected=expected))
        for what, found, expected in (
            (_("title"), carried.title, title),
            (_("author"), carried.author, str(data["technician"]["name"] or "sessiond")))
        if found is not None and _squeezed(found) not in _variants(expected)
        and not _undrawn(expected).fullmatch(_squeezed(found))]
    problems += [_problem(name, _(
        "its visible text does not state {field} as its signed data does (expected: "
        "\u00ab {expected} \u00bb): the document was edited", field=key, expected=expected))
        for key, expected in wrong]
    if added:
        problems.append(_problem(name, _(
            "its visible text holds what the receipt does not state (\u00ab {text} \u00bb): "
            "the document was edited", text=added)))
    return problems


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


def _text_mismatches(text: str, blocks: list[Block]) -> tuple[list[tuple[str, str]], str]:
    """The blocks the text copy does not state, and the text it holds that no block
    does. Lines are aligned as a diff aligns them, blank lines aside, so a line added,
    removed or edited names its own block and not every block after it. Lines that hold
    the same words in the same order, broken elsewhere, state the same: a mailer or an
    editor that wraps long lines at 72 columns changed no fact."""
    from difflib import SequenceMatcher

    expected = [(n, line) for n, block in enumerate(blocks)
                for line in map(_line, block_lines(block)) if line]
    # A copy issued before the characters that show nothing were written out holds them
    # as they are: the same text (and one holding them written out is not edited either).
    from sessiond.display import invisible_written_out

    document = [line for line in map(_line, invisible_written_out(text).split("\n"))
                if line]
    # A receipt's text holds its lines and nothing else: past a few times as many (a
    # file padded with megabytes), the rest is added text, not lines to align.
    limit = 4 * len(expected) + 200
    document, beyond = document[:limit], document[limit:limit + 20]
    matcher = SequenceMatcher(None, [line for _n, line in expected], document,
                              autojunk=False)
    edited: set[int] = set()
    added: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and " ".join(
                line for _n, line in expected[i1:i2]) == " ".join(document[j1:j2])):
            continue
        edited.update(expected[i][0] for i in range(i1, i2))
        if tag == "insert":
            added.extend(document[j1:j2])
    wrong = [(_key(block), _shown_text(" ".join(block_lines(block))))
             for n, block in enumerate(blocks) if n in edited]
    return wrong, _shown_text(" ".join(added + beyond))


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


def _forms(block: Block, expected: str) -> Iterator[str]:
    """The squeezed forms a block (whose page text is `expected`) may take: its variants,
    then, for a label beside its value or amount whose label wrapped and whose right
    column did not, the right column after the label's first lines. The page draws the
    amount on the label's first line, so a text extraction that reads the page line by
    line (pdftotext -layout, a viewer's copy) gives "... remise de 30 % (art. −15,00 €",
    then "5.5)": still the same words in the same order, the amount once."""
    yield from _variants(expected)
    match block:
        case Field(label, right) | Amount(label, right):
            words = label.split()
            for cut in range(1, len(words)):
                arranged = " ".join(words[:cut]) + right + " ".join(words[cut:])
                yield from _variants(arranged)


def _variants(text: str) -> list[str]:
    """The squeezed forms `text` may take on a page: as written, or as the core fonts
    (Windows-1252) show it, with control characters written out."""
    from sessiond.exports.drawn import core_text, pdf_text

    shown = pdf_text(text)  # what the PDF writes of a control character
    forms = [shown, core_text(shown), text, core_text(text)]
    if _RTL.search(shown):
        forms += [_reversed_rtl(shown, _RTL_WORD), _reversed_rtl(shown, _RTL_RUN)]
    return list(dict.fromkeys(_squeezed(v) for v in forms))


# Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation forms: the letters a
# right-to-left script writes.
_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL = re.compile(f"[{_RTL_LETTER}]")
_RTL_WORD = re.compile(f"[{_RTL_LETTER}]+")
_RTL_RUN = re.compile(f"[{_RTL_LETTER}]+(?:[ \u00a0\u202f]+[{_RTL_LETTER}]+)*")
# pdftotext puts a right-to-left phrase between RLE and PDF (U+202B, U+202C); around
# right-to-left letters and spaces alone they change nothing of what is shown.
_RTL_MARKED = re.compile(f"\u202b([{_RTL_LETTER} ]+)\u202c")


def _reversed_rtl(text: str, runs: re.Pattern[str]) -> str:
    """`text` with each run of right-to-left letters reversed: the page draws a name in
    Arabic or Hebrew in its stored (logical) order, left to right, and text extraction
    reads those letters as a right-to-left line drawn in visual order, so gives them back
    reversed: pypdf word by word, pdftotext a whole phrase at a time."""
    return runs.sub(lambda m: m.group()[::-1], text)


def _undrawn(text: str) -> re.Pattern[str]:
    """`text` squeezed, each character beyond the Latin letters either as itself or
    written out as `\\uXXXX`: what the page shows of a character the issuing machine's
    font could not draw (drawn.drawable), whatever fonts this machine has; without its soft
    hyphens, as a receipt issued before they were written out shows it (fpdf2 drew none)."""
    from sessiond.exports.drawn import pdf_text

    def either(c: str) -> str:  # beyond the BMP: \\U, or \\u as earlier receipts wrote it
        code = ord(c)
        wide = f"|\\\\U{code:08x}" if code > 0xFFFF else ""
        return f"(?:{re.escape(c)}|\\\\u{code:04x}{wide})"

    return re.compile("".join(re.escape(c) if ord(c) < 0x250 else either(c)
                              for c in _squeezed(pdf_text(text.replace("\u00ad", "")))))


def _page_problems(name: str, pages: tuple[str, ...], footer: str) -> list[Problem]:
    """A receipt is laid out on its pages and no other, in their order, each showing the
    footer "... — N/COUNT": a page without it was added (blank, or an image stating
    something else), a count of pages other than its footers' lost or gained one, and a
    page showing another N was moved."""
    if not pages:
        return []
    shown = re.compile("(?:" + "|".join(map(re.escape, _variants(footer + " — ")))
                       + r")(\d{1,4})/(\d{1,4})")
    numbers = []
    for text in pages:
        found = shown.search(_squeezed(unicodedata.normalize("NFC", text)))
        numbers.append((int(found[1]), int(found[2])) if found else None)
    counts = [total for _n, total in filter(None, numbers)]
    expected = max(set(counts), key=counts.count) if counts else None
    problems = []
    added = [n for n, number in enumerate(numbers, start=1) if number is None]
    if added:
        problems.append(_problem(name, n_(
            len(added), "its page {pages} is not a page of the receipt (it does not show its "
            "footer \u00ab {footer} \u00bb): it was added; the document was edited",
            "its pages {pages} are not pages of the receipt (they do not show its footer "
            "\u00ab {footer} \u00bb): they were added; the document was edited",
            pages=", ".join(map(str, added[:20])), footer=footer)))
    if expected is not None and len(pages) - len(added) != expected:
        problems.append(_problem(name, _(
            "it holds {found} of the {expected} pages of the receipt: a page was removed or "
            "added again; the document was edited", found=len(pages) - len(added),
            expected=expected)))
    kept = [number for number in numbers if number is not None]
    if [n for n, _total in kept] != sorted(n for n, _total in kept):
        problems.append(_problem(name, _(
            "its pages are not in the receipt's order (their footers read {order}): the "
            "document was edited", order=", ".join(f"{n}/{total}" for n, total in kept[:20]))))
    return problems


def _pdf_mismatches(text: str, blocks: list[Block], footer: str,
                    pages: tuple[str, ...] = ()) -> tuple[list[tuple[str, str]], str]:
    """The blocks the page text does not state, in order and whitespace aside (text
    extraction adds and drops spaces), and what else the pages show: nothing but the
    page footers, in a receipt as issued. `pages`: each page's text, when known (a PDF):
    page N of COUNT loses its own footer, "... — N/COUNT", and nothing after it (digits
    drawn after "1/2" are not the footer's: "1/2500")."""
    # The page footers first: a block taller than what is left of a page (a long name, a
    # long problem) goes on over the break, and the footer drawn there cuts it in two.
    variants = _variants(footer + " — ")
    if pages:
        kept = []
        for number, one in enumerate(pages, start=1):
            squeezed = _squeezed(_RTL_MARKED.sub(r"\1", unicodedata.normalize("NFC", one)))
            for variant in variants:
                own = f"{variant}{number}/{len(pages)}"
                at = squeezed.rfind(own)
                if at >= 0:
                    squeezed = squeezed[:at] + squeezed[at + len(own):]
                    break
            kept.append(squeezed)
        page = "".join(kept)
    else:
        text = _RTL_MARKED.sub(r"\1", unicodedata.normalize("NFC", text))
        footers = re.compile("|".join(re.escape(v) + r"\d+/\d+" for v in variants))
        page = footers.sub("", _squeezed(text))
    wrong: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []  # the stretches of `page` no block accounts for
    at = 0
    for block in blocks:
        expected = _pdf_text(block)
        found = -1
        for variant in _forms(block, expected):
            found = page.find(variant, at)
            if found >= 0:
                spans.append((at, found))
                at = found + len(variant)
                break
        if found < 0 and (match := _undrawn(expected).search(page, at)):
            found = match.start()
            spans.append((at, found))
            at = match.end()
        if found < 0:
            # shown as the text copy writes it: "Nom : Jean Dupré EI", not "NomJean…"
            wrong.append((_key(block), _shown_text(" ".join(block_lines(block)))))
    spans.append((at, len(page)))
    if wrong:
        return wrong, ""  # the edited text is what the blocks name
    left = "".join(page[a:b] for a, b in spans)
    return [], left[:160]
