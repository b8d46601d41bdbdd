"""The time export of a day or a range of days, for invoicing.

Sessions are those planned, started or stopped on the local days of the range (as
`Sessiond.day_sessions` selects them). Making an export appends an `export-made` event and
signs the checkpoint that covers it, in one transaction; the file ends with that
checkpoint. Exporting again a range whose sessions have not changed (same events, same
format) appends nothing: the earlier `export-made` event and its checkpoint are reused and
the file is written again only if it is missing or differs. So the end-of-day job may run
twice (daemon restarted, TUI running the jobs) and the log still shows one export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint
from sessiond.errors import InputError
from sessiond.exports.files import write_private_file
from sessiond.exports.issue import consistent
from sessiond.exports.proof import EventsProof, Scope, covered_sessions, digest, make_proof
from sessiond.exports.rows import Row, Totals, build_rows, totals
from sessiond.exports.sources import Ledger
from sessiond.exports.table import FORMATS, Seal, render_csv, render_json
from sessiond.i18n import _
from sessiond.sessions import Sessiond
from sessiond.store.sqlite import Store, StoredEvent

MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class ExportResult:
    path: Path
    first: date
    last: date
    format: str
    rows: tuple[Row, ...]
    totals: Totals
    event_seq: int  # the export-made event
    checkpoint: Checkpoint
    proof: EventsProof
    reused: bool  # the same export had been made: no new event
    written: bool  # the file was (re)written


@dataclass(frozen=True)
class _Snapshot:
    rows: tuple[Row, ...]
    covered: tuple[int, int, str]


def file_name(first: date, last: date, fmt: str) -> str:
    days = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
    return f"sessiond-{days}.{fmt}"


def export_day(service: Sessiond, day: date, out_dir: Path, fmt: str = "csv") -> Path:
    """The end-of-day export (the daemon's job): the file's path."""
    return export_range(service, day, day, out_dir, fmt).path


def export_range(service: Sessiond, first: date, last: date, out_dir: Path,
                 fmt: str = "csv", *, now: datetime | None = None) -> ExportResult:
    """Export the sessions of local days `first` to `last` into `out_dir`."""
    if fmt not in FORMATS:
        raise InputError(_("Unknown export format {format!r}: choose csv or json.",
                           format=fmt))
    if last < first:
        raise InputError(_("The range ends ({last}) before it starts ({first}).",
                           first=first.isoformat(), last=last.isoformat()))
    if (last - first).days >= MAX_DAYS:
        raise InputError(_("A range of at most {days} days can be exported at once.",
                           days=MAX_DAYS))
    svc = service
    tz = svc.tz
    now = now or clock.now()
    scope = Scope.days(first, last, svc.config.timezone)

    def build() -> _Snapshot:
        return _snapshot(svc, scope, tz, now)

    with consistent(svc, scope, build) as (w, snapshot, proof):
        previous = _previous(svc.store, first, last, fmt, proof.digest)
        if previous is not None:
            event_seq, checkpoint = previous
            proof = make_proof(svc.store, scope, event_seq)
            reused = True
        else:
            stored = svc.record_export(w, first_day=first, last_day=last, fmt=fmt,
                                       sessions=proof.sessions, digest=proof.digest,
                                       at=clock.whole_second(now))
            assert stored.seq == proof.upto
            checkpoint = svc.sign_checkpoint(w, "export")
            event_seq, reused = stored.seq, False

    rows = snapshot.rows
    total = totals(rows)
    seal = Seal(checkpoint, proof, svc.keyring.fingerprint, svc.keyring.public_raw.hex())
    if fmt == "csv":
        data = render_csv(rows, total, seal, tz)
    else:
        data = render_json(rows, total, seal, tz, first=first, last=last,
                           technician=svc.config.technician)
    path = out_dir.expanduser() / file_name(first, last, fmt)
    written = not (reused and path.is_file() and path.read_bytes() == data)
    if written:
        write_private_file(path, data)
    return ExportResult(path, first, last, fmt, rows, total, event_seq, checkpoint, proof,
                        reused, written)


def _snapshot(svc: Sessiond, scope: Scope, tz: ZoneInfo, now: datetime) -> _Snapshot:
    ids = covered_sessions(svc.store, scope)
    ledger = Ledger(svc, now)
    ledger.load(_clients_of(svc.store, ids))
    rows = build_rows(ledger, ids, tz)
    covered = digest((r.session.id, e.seq, e.hash) for r in rows for e in r.session.events)
    return _Snapshot(tuple(rows), (len(ids), *covered))


def _clients_of(store: Store, session_ids: list[str]) -> list[str]:
    rows = store.sessions_events(session_ids, kinds=("session-planned",))
    return list(dict.fromkeys(r.client_id for r in rows if r.client_id))


def _previous(store: Store, first: date, last: date, fmt: str, digest_hex: str
              ) -> tuple[int, Checkpoint] | None:
    """The last export of the same range and format, if its sessions have not changed."""
    found: StoredEvent | None = None
    for event in store.events_of_kind("export-made"):
        body = event.body_fields()
        if (body.get("first_day"), body.get("last_day"), body.get("format")) == (
                first.isoformat(), last.isoformat(), fmt):
            found = event
    if found is None or found.body_fields().get("digest") != digest_hex:
        return None
    for checkpoint in store.checkpoints():
        if checkpoint.seq == found.seq and checkpoint.hash == found.hash:
            return found.seq, checkpoint
    return None
