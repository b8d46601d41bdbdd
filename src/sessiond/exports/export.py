"""The exports of a day or a range of days: for invoicing (CSV, JSON), for Kimai, and the
livre des recettes.

A session belongs to the one local day it started (exports.rows); the livre des recettes
lists the payments received on the days of the range. Making an export appends an
`export-made` event (the range, the format, the digest of the sessions' events and the
SHA-256 of the file) and signs the checkpoint that covers it, in one transaction. The file
holds its table only; the proof goes beside it, in FILE.proof (exports.sidecar), which
`verify --export FILE` reads. Exporting again a range whose sessions have not changed
(same events, same format, same file) appends nothing: the earlier `export-made` event
and its checkpoint are reused and the files are written again only if they are missing or
differ. So the end-of-day job may run twice (daemon restarted, TUI running the jobs) and
the log still shows one export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint
from sessiond.errors import InputError
from sessiond.exports import book, fmt
from sessiond.exports.files import output_path, write_private_file
from sessiond.exports.issue import consistent
from sessiond.exports.kimai import check_identity, kimai_rows, render_kimai
from sessiond.exports.proof import EventsProof, Scope, covered_sessions, make_proof
from sessiond.exports.receipt import numbers_of
from sessiond.exports.rows import Row, Totals, build_row, build_rows, session_day, totals
from sessiond.exports.sidecar import proof_path, proof_text, summary_digest
from sessiond.exports.signed import public_key_pem, sha256
from sessiond.exports.sources import Ledger
from sessiond.exports.table import FORMATS, render_csv, render_json
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.sessions import Sessiond
from sessiond.store.sqlite import Store, StoredEvent

MAX_DAYS = 3 * 366
SUFFIXES = {"csv": "csv", "json": "json", "kimai": "kimai.csv", "book": "recettes.csv"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    proof_path: Path
    first: date
    last: date
    format: str
    rows: tuple[Row, ...]  # the sessions of the file (of its payments, for the book)
    lines: int  # rows of the file's table (sessions, Kimai entries or payments)
    totals: Totals
    book_total: Decimal | None  # the takings of the range (the book only)
    refunds: int  # the book's rows that are refunds (0 for the other formats)
    event_seq: int  # the export-made event
    checkpoint: Checkpoint
    proof: EventsProof
    reused: bool  # the same export had been made: no new event
    written: bool  # the file was (re)written


@dataclass(frozen=True)
class _Snapshot:
    rows: tuple[Row, ...]
    data: bytes
    lines: int
    book_total: Decimal | None
    refunds: int
    covered: tuple[int, int, str]


def file_name(first: date, last: date, fmt_name: str) -> str:
    days = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
    return f"sessiond-{days}.{SUFFIXES[fmt_name]}"


def export_day(service: Sessiond, day: date, out_dir: Path, fmt_name: str = "csv") -> Path:
    """The end-of-day export (the daemon's job): the file's path."""
    return export_range(service, day, day, out_dir, fmt_name).path


def export_range(service: Sessiond, first: date, last: date, out_dir: Path,
                 fmt_name: str = "csv", *, now: datetime | None = None) -> ExportResult:
    """Export the sessions of local days `first` to `last` into `out_dir` (or into that
    file: exports.files.output_path)."""
    if fmt_name == "e-reporting":  # private clients' sales per day (exports.ereporting)
        from sessiond.exports.ereporting import export_ereporting

        return export_ereporting(service, first, last, out_dir, now=now)
    if fmt_name not in FORMATS:
        raise InputError(_("Unknown export format {format!r}: choose csv, json or kimai.",
                           format=fmt_name))
    if last < first:
        raise InputError(_("The range ends ({last}) before it starts ({first}).",
                           first=long_date(first), last=long_date(last)))
    if (last - first).days >= MAX_DAYS:
        raise InputError(_("A range of at most {days} days can be exported at once.",
                           days=MAX_DAYS))
    svc = service
    if fmt_name == "kimai":
        check_identity(svc.config.technician)
    tz = svc.tz
    now = now or clock.now()
    scope = (Scope.paid if fmt_name == "book" else Scope.started)(first, last,
                                                                  svc.config.timezone)

    def build() -> _Snapshot:
        return _snapshot(svc, scope, fmt_name, tz, now)

    path = output_path(out_dir, file_name(first, last, fmt_name))  # refused before writing
    with consistent(svc, scope, build) as (w, snapshot, proof):
        rows = snapshot.rows
        total = totals(rows)
        summary = (_("{payments}, total {total} EUR",
                     payments=book.counted(snapshot.lines, snapshot.refunds),
                     total=fmt.number(snapshot.book_total))
                   if snapshot.book_total is not None else
                   _("{sessions}, total {total} EUR",
                     sessions=n_(total.sessions, "{n} session", "{n} sessions"),
                     total=fmt.number(total.amount)))
        file_digest, stated = sha256(snapshot.data), summary_digest(summary)
        previous = _previous(svc.store, first, last, fmt_name, proof.digest, file_digest,
                             stated)
        if previous is not None:
            event_seq, checkpoint = previous
            proof = make_proof(svc.store, scope, event_seq)
            reused = True
        else:
            stored = svc.record_export(w, first_day=first, last_day=last, fmt=fmt_name,
                                       sessions=proof.sessions, digest=proof.digest,
                                       file_digest=file_digest, summary_digest=stated,
                                       at=clock.whole_second(now))
            assert stored.seq == proof.upto
            checkpoint = svc.sign_checkpoint(w, "export")
            event_seq, reused = stored.seq, False

    sidecar = proof_text(file_name=path.name, file_sha=file_digest, events=proof.text(),
                         checkpoint=checkpoint.text(), fingerprint=svc.keyring.fingerprint,
                         public_key=public_key_pem(svc.keyring.public_raw), summary=summary)
    written = False
    for target, data in ((path, snapshot.data), (proof_path(path), sidecar.encode("utf-8"))):
        if not (reused and target.is_file() and target.read_bytes() == data):
            write_private_file(target, data)
            written = True
    return ExportResult(path, proof_path(path), first, last, fmt_name, rows, snapshot.lines,
                        total, snapshot.book_total, snapshot.refunds, event_seq, checkpoint,
                        proof, reused, written)


def _snapshot(svc: Sessiond, scope: Scope, fmt_name: str, tz: ZoneInfo, now: datetime
              ) -> _Snapshot:
    assert scope.first is not None and scope.last is not None
    ids = covered_sessions(svc.store, scope)
    ledger = Ledger(svc, now)
    ledger.load(_clients_of(svc.store, ids))
    receipts = numbers_of(svc.store, svc, set(ids))
    sessions = [ledger.session(sid) for sid in ids]
    covered = ledger.covered(ids)
    book_total, refunds = None, 0
    if fmt_name == "book":
        rows = [build_row(ledger, s, session_day(s, tz) or s.planned_at.astimezone(tz).date(),
                          receipts) for s in sessions]
        found = book.entries(rows, tz, scope.first, scope.last)
        data, lines, book_total = book.render_book(found, tz), len(found), book.total(found)
        refunds = book.refunds(found)
    else:
        rows = build_rows(ledger, ids, tz, scope.first, scope.last, receipts)
        if fmt_name == "csv":
            data, lines = render_csv(rows, tz), len(rows)
        elif fmt_name == "kimai":
            data, lines = render_kimai(rows, tz, svc.config.technician), len(kimai_rows(rows))
        else:
            data = render_json(rows, totals(rows), tz, first=scope.first, last=scope.last,
                               technician=svc.config.technician)
            lines = len(rows)
    return _Snapshot(tuple(rows), data, lines, book_total, refunds, (len(ids), *covered))


def snapshot_data(svc: Sessiond, scope: Scope, fmt_name: str, now: datetime) -> bytes | None:
    """The file an export of `scope` in that format makes from the log as it stands, at
    `now` (in the current language): what `verify --export` compares a file with."""
    if fmt_name not in FORMATS:
        return None
    return _snapshot(svc, scope, fmt_name, svc.tz, now).data


def _clients_of(store: Store, session_ids: list[str]) -> list[str]:
    rows = store.sessions_events(session_ids, kinds=("session-planned",))
    return list(dict.fromkeys(r.client_id for r in rows if r.client_id))


def _previous(store: Store, first: date, last: date, fmt_name: str, digest_hex: str,
              file_digest: str, stated: str) -> tuple[int, Checkpoint] | None:
    """The last export of the same range and format, if its sessions, file and summary
    line have not changed (the summary in another language is another proof: its digest
    is recorded)."""
    found: StoredEvent | None = None
    for event in store.events_of_kind("export-made"):
        body = event.body_fields()
        if (body.get("first_day"), body.get("last_day"), body.get("format")) == (
                first.isoformat(), last.isoformat(), fmt_name):
            found = event
    if found is None:
        return None
    body = found.body_fields()
    if (body.get("digest"), body.get("file_digest"), body.get("summary_digest")) != (
            digest_hex, file_digest, stated):
        return None
    checkpoint = store.checkpoint_of(found.seq, found.hash)
    return (found.seq, checkpoint) if checkpoint is not None else None
