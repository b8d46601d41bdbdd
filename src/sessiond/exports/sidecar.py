"""The proof of an export, in a file beside it: FILE.proof.

An export file holds its table and nothing else (a blank or signature row after the table
breaks strict importers). Its proof goes beside it: the file's SHA-256, the events line of
the sessions it covers, the signed checkpoint of its `export-made` event (which also
holds the file's SHA-256) and the public key. `sessiond verify --export FILE` reads
FILE.proof, checks that FILE is the file the log recorded, and checks the checkpoint and
the events line against the log.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

from sessiond.audit.checkpoint import Checkpoint, parse_checkpoints
from sessiond.audit.verify import Problem
from sessiond.errors import InputError
from sessiond.exports.proof import EventsProof, parse_proofs
from sessiond.exports.signed import sha256
from sessiond.i18n import _, one_line
from sessiond.sessions import Sessiond

SUFFIX = ".proof"
ZERO = Decimal(0)
MARKER = "SESSIOND-EXPORT-PROOF"
_LINE = re.compile(MARKER + r" v1;file=(?P<file>[^;\n]{1,255});sha256=(?P<sha>[0-9a-f]{64})")


def proof_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def proof_file(text: str) -> str | None:
    """The name of the export file a proof's text covers; None when it is no proof."""
    line = _LINE.search(text)
    return line["file"] if line else None


def summary_digest(summary: str) -> str:
    """The SHA-256 of the summary line a proof prints ("12 sessions, total 840,00 EUR"),
    recorded in its export-made event: the line is for the accountant's eye, and an edited
    total would otherwise verify. Spaces count as one (a viewer's re-wrap, NBSP or not)."""
    return sha256(" ".join(summary.split()).encode("utf-8"))


def proof_text(*, file_name: str, file_sha: str, events: str, checkpoint: str,
               fingerprint: str, public_key: tuple[str, ...], summary: str) -> str:
    return "\n".join([
        "# " + _("sessiond: the proof of the export {file}; keep it beside the file.",
                 file=file_name),
        "# " + _("Check both: sessiond verify --export {file}", file=file_name),
        "# " + summary,
        f"{MARKER} v1;file={file_name};sha256={file_sha}",
        events,
        checkpoint,
        "# " + _("Signing key fingerprint") + ": " + fingerprint,
        *public_key,
    ]) + "\n"


@dataclass
class ExportCheck:
    proof_file: Path | None
    problems: list[Problem] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    proofs: list[EventsProof] = field(default_factory=list)
    resaved: bool = False  # the same cells, not the same bytes (saved again by a tool)
    notes: list[str] = field(default_factory=list)


def check_export(svc: Sessiond, path: Path, read: Callable[[Path], bytes]) -> ExportCheck:
    """What `verify --export` checks of one export (and its proof beside it)."""
    if path.name.endswith(SUFFIX):
        sidecar, data_path = path, path.with_name(path.name[:-len(SUFFIX)])
    else:
        sidecar, data_path = proof_path(path), path
        _refuse_other_documents(path, read(path))
    if not sidecar.exists():
        data = read(data_path).decode("latin-1")
        found = parse_checkpoints(data)  # exports made before the proof had its own file
        if not found:
            raise InputError(_(
                "{proof} is missing: an export's proof is the file of that name beside it. "
                "Copy it back next to {path}.", proof=one_line(sidecar.name), path=data_path))
        return ExportCheck(None, checkpoints=found, proofs=parse_proofs(data))
    text = read(sidecar).decode("utf-8", errors="replace")
    result = ExportCheck(sidecar, checkpoints=parse_checkpoints(text),
                         proofs=parse_proofs(text))
    line = _LINE.search(text)
    if line is None or not result.checkpoints or not result.proofs:
        raise InputError(_("{proof} is not the proof of an export (its lines were damaged).",
                           proof=sidecar))
    result.problems.extend(_repeated(sidecar, text))
    keys = {c.key_id for c in result.checkpoints}
    if svc.keyring.key_id not in keys:
        # Made by another technician (his key signed its checkpoint): it says nothing of
        # this log, which "the log was rewritten" and log_ok false blamed, as a receipt
        # of another technician's is not checked against it either.
        fingerprint = re.search(r"([0-9a-f]{4}(?::[0-9a-f]{4}){15})", text)
        result.problems.append(Problem(None, _(
            "{proof}: this export was made by another technician (key {other}), not with "
            "this log's key ({ours}): it can only be checked with the log of the technician "
            "who made it", proof=one_line(sidecar.name),
            other=fingerprint.group(1) if fingerprint else sorted(keys)[0],
            ours=svc.keyring.fingerprint)))
        result.checkpoints, result.proofs = [], []
        return result
    actual = sha256(read(data_path))
    own = next((e for e in svc.store.events_of_kind("export-made")
                if e.body_fields().get("file_digest") == actual), None)
    if actual != line["sha"] and own is not None:
        # The file is an export the log recorded, its proof another one's (another day's
        # proof renamed beside it): "changed after it was exported" sent the reader
        # looking for an edit that was never made.
        result.problems.append(Problem(None, _(
            "{path} is not the file this proof covers: the proof beside it is that of "
            "{what} ({file}), and {path} is the file of another export (event #{seq}); "
            "put its own proof beside it", path=data_path,
            what=result.proofs[0].scope.describe(), file=one_line(line["file"]),
            seq=own.seq)))
    elif actual != line["sha"]:
        original = _as_exported(svc, result.proofs[0], line["sha"])
        edited = _edited_cells(original, read(data_path)) if original is not None else None
        if edited == []:
            # The same cells, saved again by a spreadsheet or an editor (another line
            # end, no byte order mark, quotes, columns in another order): no fact
            # changed, as for a receipt saved again.
            result.resaved = True
            result.notes.append(_(
                "{path}: saved again by another tool since it was exported (it is not the "
                "file sessiond wrote, byte for byte); its cells are those exported",
                path=data_path))
        elif edited:
            result.problems.append(Problem(None, _(
                "{path} was changed after it was exported: {cells}", path=data_path,
                cells=_("; ").join(edited[:8]))))
        else:
            result.problems.append(Problem(None, _(
                "{path} was changed after it was exported: it is not the file its proof "
                "covers (SHA-256 {actual} instead of {expected})", path=data_path,
                actual=actual[:16], expected=line["sha"][:16])))
    for proof in result.proofs:
        event = svc.store.event_at(proof.upto)
        recorded = event.body_fields().get("file_digest") if event is not None else None
        if recorded is not None and recorded != line["sha"]:
            result.problems.append(Problem(proof.upto, _(
                "{proof}: the log recorded another file for this export (event #{seq}): the "
                "proof was edited", proof=one_line(sidecar.name), seq=proof.upto)))
        stated = event.body_fields().get("summary_digest") if event is not None else None
        if stated is not None and stated != summary_digest(_summary_line(text, line.start())):
            result.problems.append(Problem(proof.upto, _(
                "{proof}: its summary line (sessions, total) is not the one written with the "
                "export (event #{seq}): the proof was edited; the file's own rows are what "
                "the log recorded", proof=one_line(sidecar.name), seq=proof.upto)))
        result.problems.extend(_corrected_since(svc, data_path, proof))
        if event is not None and event.kind == "export-made":
            from sessiond.exports.table import stated as rows_stated

            # What the file states, once it is known to be the one exported; else (an
            # edited file, said above, or a format whose rows name no amount) the
            # sessions as the log stood then.
            rows = rows_stated(read(data_path)) if actual == line["sha"] else None
            result.problems.extend(_rebilled(svc, data_path, proof, event.at, rows))
    return result


def _refuse_other_documents(path: Path, raw: bytes) -> None:
    """An export is a CSV or JSON table: a receipt, an invoice or a report given for
    one is refused saying what it is and how it is checked. A receipt passed as an
    export read as one made before proofs had their own file (its checkpoint inside)."""
    from sessiond.exports.kinds import EXPORT, recognise, refusal
    from sessiond.exports.signed import pdf_start, read_document

    if not raw.strip():
        return  # its proof decides: an emptied export fails its SHA-256
    kind = recognise(raw, read_document(raw))
    if kind is not None and kind.kind != EXPORT:
        raise refusal(str(path), kind, asked=EXPORT)
    if kind is None and pdf_start(raw) >= 0:
        raise InputError(_(
            "{path} is a PDF, not an export: an export is the CSV or JSON file sessiond "
            "export wrote, checked with its proof (.proof) beside it.", path=one_line(str(path))))


def _repeated(sidecar: Path, text: str) -> list[Problem]:
    """A proof holds each of its lines once, and one file line, one events line and one
    checkpoint: it describes one export. A line twice (pasted again, an editor's
    duplicate) was counted once and passed, and two events lines or checkpoints (one
    from another proof) made one document vouch for two exports."""
    from collections import Counter

    from sessiond.audit.checkpoint import MARKER as CHECKPOINT
    from sessiond.exports.proof import MARKER as EVENTS

    problems = []
    counted = Counter(" ".join(row.split()) for row in text.splitlines() if row.strip())
    for row, times in counted.items():
        if times > 1:
            problems.append(Problem(None, _(
                "{proof}: its line \u00ab {line} \u00bb is there {n} times; a proof holds "
                "each of its lines once: the proof was edited", proof=one_line(sidecar.name),
                line=one_line(row)[:120], n=times)))
    for marker, kind in ((MARKER, _("file lines")), (EVENTS, _("events lines")),
                         (CHECKPOINT, _("checkpoint lines"))):
        distinct = {" ".join(row.split()) for row in text.splitlines() if marker in row}
        if len(distinct) > 1:
            problems.append(Problem(None, _(
                "{proof}: it holds {n} different {kind}, a proof holds one: it was edited "
                "or put together from several proofs", proof=one_line(sidecar.name),
                n=len(distinct), kind=kind)))
    return problems


def _summary_line(text: str, marker: int) -> str:
    """The summary a proof prints: its comment line just before the marker line."""
    before = text[:marker].rstrip("\r\n").rsplit("\n", 1)[-1].strip()
    return before[1:] if before.startswith("#") else ""


# The corrections that change what an export states of a session (its times, client,
# state, fees and payments); a text redacted is in no export.
_RESTATING = ("instant-amended", "session-reopened", "session-cancelled", "session-moved",
              "fact-withdrawn")


def _corrected_since(svc: Sessiond, path: Path, proof: EventsProof) -> list[Problem]:
    """A session of the export corrected after it was made: the file still is the one its
    proof covers and the log still holds its events, but it no longer states the period
    as the log does (a stop amended, a payment withdrawn), as a receipt issued before a
    correction no longer does."""
    from sessiond.exports.proof import covered_sessions
    from sessiond.model import undone_corrections

    later: list[int] = []
    for session_id in covered_sessions(svc.store, proof.scope, proof.upto):
        rows = [e for e in svc.store.session_events(session_id)
                if e.seq > proof.upto and e.kind in _RESTATING]
        if rows:  # a correction undone by a later one (back where it stood): nothing
            undone = undone_corrections(svc.session_events(session_id), proof.upto)
            later.extend(e.seq for e in rows if e.seq not in undone)
    later.sort()
    if not later:
        return []
    return [Problem(later[0], _(
        "{path}: a session it covers was corrected after it was exported ({events}): it "
        "no longer states the period as the log does; export it again", path=path,
        events=", ".join(f"#{seq}" for seq in later[:8])))]


def _rebilled(svc: Sessiond, path: Path, proof: EventsProof, at: str,
              rows: Mapping[str, tuple[str, Decimal]] | None) -> list[Problem]:
    """Each session the export states, billed as it was when the export was made and as
    the log bills it now: a correction outside the session's own events (its duplicate
    client merged into another, a package withdrawn, the session it is the warranty of
    moved) or its terms changed give it another client or another amount while none of
    its events changed, and the file passed though it no longer bills the session as
    the log does. Each such session is named, with what changed. `rows`: what the file
    itself states (exports.table.stated), which also shows a change of the terms; else
    the session as the log stood before the export. A session still running when it was
    exported went on since: its amount then was one so far, and only its client is
    compared."""
    from sessiond import clock
    from sessiond.billing.text import money
    from sessiond.exports.proof import covered_sessions
    from sessiond.exports.sources import Ledger
    from sessiond.model import State

    when = clock.from_text(at)
    then, now = Ledger(svc, when, upto=proof.upto), Ledger(svc, when)
    problems = []
    try:
        ids = covered_sessions(svc.store, proof.scope, proof.upto)
    except (ZoneInfoNotFoundError, ValueError):
        return []  # the events line names an unknown zone: check_proof says so
    for session_id in ids:
        try:
            was, is_now = then.session(session_id), now.session(session_id)
        except (InputError, KeyError):
            continue  # no longer in the log: the events line says so
        if rows is not None and session_id not in rows:
            continue  # not on a day of the export (a candidate its digest counts)
        # An unpriced session (no rate) is written with the amount 0 in the file.
        bill_then = then.try_bill(was)[0]
        client_then, total_then = (rows[session_id] if rows is not None else (
            then.canonical(was.client_id), bill_then.total if bill_then else ZERO))
        client_now = now.canonical(is_now.client_id)
        changes = []
        if client_then != client_now:
            changes.append(_("its client was {then} in the export and is {now} now",
                             then=client_then, now=client_now))
        if proof.scope.basis != "paid" and was.state not in (State.RUNNING, State.PAUSED):
            bill_now = now.try_bill(is_now)[0]
            total_now = bill_now.total if bill_now is not None else ZERO
            if total_then != total_now:
                changes.append(_(
                    "it was billed {then} in the export and is billed {now} now",
                    then=money(total_then), now=money(total_now)))
        if changes:
            problems.append(Problem(None, _(
                "{path}: session {session} is no longer billed as the export states it "
                "({changes}): a correction or its terms changed since; export the period "
                "again", path=path, session=session_id, changes=_("; ").join(changes))))
    return problems


def _as_exported(svc: Sessiond, proof: EventsProof, file_sha: str) -> bytes | None:
    """The export's file as sessiond wrote it, when the log still makes the same file
    (nothing it states changed since: the export made again appends nothing and writes
    it byte for byte), in whichever language it was made; None otherwise."""
    from sessiond import clock
    from sessiond.exports.export import snapshot_data
    from sessiond.exports.receipt_data import speaking

    event = svc.store.event_at(proof.upto)
    if event is None or event.kind != "export-made":
        return None
    body = event.body_fields()
    fmt_name = body.get("format")
    if (proof.scope.first is None or (proof.scope.first.isoformat(),
                                      proof.scope.last and proof.scope.last.isoformat())
            != (body.get("first_day"), body.get("last_day"))):
        return None  # an events line of another range than its event's: edited
    for language in ("fr", "en"):
        with speaking(language):
            try:
                data = snapshot_data(svc, proof.scope, str(fmt_name), clock.from_text(event.at))
            except (InputError, ValueError, KeyError, ZoneInfoNotFoundError):
                return None
        if data is not None and sha256(data) == file_sha:
            return data
    return None


def _edited_cells(original: bytes, given: bytes) -> list[str] | None:
    """The cells of `given` that are not those of `original` (the file as exported),
    each named by its row (its session) and its column; [] when every cell is the same,
    whatever the line ends, byte order mark, quoting or order of the columns; None when
    `given` is no table of the same columns."""
    import csv
    import json

    from sessiond.exports.signed import decode_text
    from sessiond.exports.table import read_rows

    if original.lstrip().startswith(b"{"):
        from sessiond.exports.receipt_verify import differences

        try:
            mine, theirs = json.loads(decode_text(original)), json.loads(decode_text(given))
        except (ValueError, RecursionError):
            return None
        return [_("{field}: exported {exported}, the file now says {now}", field=path,
                  exported=json.dumps(a, ensure_ascii=False),
                  now=json.dumps(b, ensure_ascii=False))
                for path, a, b in differences(mine, theirs)]

    try:
        mine, theirs = read_rows(original), read_rows(given)
    except csv.Error:
        return None
    if not mine or not theirs or sorted(mine[0]) != sorted(theirs[0]):
        return None
    header = mine[0]
    order = [theirs[0].index(name) for name in header]
    from sessiond.exports.receipt_data import speaking

    names = set()
    for language in ("fr", "en"):
        with speaking(language):
            names.add(_("Session"))
    key = next((header.index(n) for n in sorted(names) if n in header), None)
    edited: list[str] = []
    for number, (row, other) in enumerate(zip(mine[1:], theirs[1:], strict=False), start=2):
        if len(other) != len(header):
            return None
        other = [other[i] for i in order]
        where = row[key] if key is not None else _("line {n}", n=number)
        edited.extend(_("{row}, {column}: exported \u00ab {exported} \u00bb, the file now "
                        "says \u00ab {now} \u00bb", row=where, column=name, exported=a, now=b)
                      for name, a, b in zip(header, row, other, strict=True) if a != b)
    if len(mine) != len(theirs):
        edited.append(_("it holds {now} rows where the export wrote {exported}",
                        now=len(theirs) - 1, exported=len(mine) - 1))
    return edited
