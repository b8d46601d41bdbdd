"""`sessiond log` and `sessiond verify`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _, one_line
from sessiond.i18n.plural import n_


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    log = sub.add_parser("log", parents=[common], help=_("show the events of a session"))
    log.add_argument("session_id", nargs="?", help=_("a session (default: the whole log)"))
    log.set_defaults(handler=do_log, readonly=True)

    verify = sub.add_parser("verify", parents=[common],
                            help=_("recompute the hash chain and check every checkpoint"))
    verify.add_argument("--receipt", type=Path, action="append", default=[],
                        metavar="FILE", help=_("also check the checkpoint printed in a receipt"))
    verify.add_argument("--export", type=Path, action="append", default=[],
                        metavar="FILE", help=_("also check the checkpoint printed in an export"))
    from sessiond.cli.maintenance import add_verify_options

    add_verify_options(verify)  # --backup DIR, --passphrase-file FILE
    verify.set_defaults(handler=do_verify, readonly=True)


def do_log(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock

    svc = ctx.service
    if args.session_id:
        svc.session(args.session_id)  # a clear error for an unknown id
        events = svc.session_events(args.session_id)
    else:
        events = svc.events()
    corrected: dict[int, list[int]] = {}  # seq -> the corrections that name it
    for e in events:
        target = e.body.get("corrects", e.body.get("replaces"))
        if isinstance(target, int):
            corrected.setdefault(target, []).append(e.seq)
    rows = []
    for e in events:
        rows.append({
            "seq": e.seq, "kind": e.kind, "session": e.session_id, "client": e.client_id,
            "at": clock.local_iso(e.at, ctx.tz),
            "recorded_at": clock.local_iso(e.recorded_at, ctx.tz),
            "body": dict(e.body),
            "personal": dict(e.personal) if e.personal is not None else None,
            "hash": e.hash,
            "corrected_by": corrected.get(e.seq, []),
        })
    lines = []
    for e, r in zip(events, rows, strict=True):
        # A declared instant (--at) far from the recording one is worth seeing.
        late = abs((e.recorded_at - e.at).total_seconds()) > 60
        declared = " " + _("(recorded {when})", when=r["recorded_at"]) if late else ""
        shown = {**e.body, **(e.personal or {})}
        fields = " ".join(f"{k}={_value_text(v)}" for k, v in shown.items())
        mark = (" " + _("[corrected by {events}]", events=", ".join(
            f"#{c}" for c in corrected[e.seq]))) if e.seq in corrected else ""
        lines.append(f"#{r['seq']:<5} {r['at']}  {r['kind']:<22} {fields}{declared}{mark}")
    ctx.emit("\n".join(lines) or _("The log is empty."), rows)
    return 0


def _value_text(value: object) -> str:
    """A field as the technician reads it: nested values as compact JSON in their own
    letters (not Python's repr, which escapes every accent and no-break space), and on
    the event's one line: a note's or a name's line break written `\\u000a` (a stored
    text "x\\nsessiond: ..." printed a line of its own, one sessiond never wrote)."""
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    from sessiond.display import safe_line

    return safe_line(str(value))


def _read(path: Path) -> bytes:
    from sessiond.files import DOCUMENT_LIMIT, read_regular

    # Regular files only, and no larger than a document sessiond writes: a FIFO,
    # /dev/zero or a 60 MB file is refused at once instead of hanging or filling memory.
    data = read_regular(path, DOCUMENT_LIMIT)
    assert data is not None
    return data


def do_verify(args: argparse.Namespace, ctx: Context) -> int:
    if args.backup:
        from sessiond.cli.maintenance import verify_backup

        return verify_backup(args, ctx)
    from sessiond.audit.verify import Problem
    from sessiond.exports.proof import check_proof
    from sessiond.exports.receipt_verify import check_receipt
    from sessiond.exports.sidecar import check_export

    svc = ctx.service
    external, proofs, problems = [], [], []
    documents: list[dict[str, Any]] = []
    carried: list[tuple[list[Any], dict[str, Any]]] = []  # each document's checkpoints
    receipts = []
    export_notes: list[str] = []
    for path in args.receipt:
        checked = check_receipt(svc, one_line(str(path)), _read(path))
        receipts.append(checked)
        external.extend(checked.checkpoints)
        proofs.extend(checked.proofs)
        problems.extend(checked.problems)
        documents.append({"file": str(path), "kind": "receipt", "number": checked.number,
                          "signed_data": checked.signed, "text_checked": checked.text_checked,
                          "compared_with_log": checked.from_log,
                          "resaved": checked.resaved, "notes": checked.notes,
                          "problems": [p.message for p in checked.problems]})
        carried.append((checked.checkpoints, documents[-1]))
    for path in args.export:
        exported = check_export(svc, path, _read)
        external.extend(exported.checkpoints)
        proofs.extend(exported.proofs)
        problems.extend(exported.problems)
        documents.append({"file": str(path), "kind": "export",
                          "proof": str(exported.proof_file) if exported.proof_file else None,
                          "resaved": exported.resaved, "notes": exported.notes,
                          "problems": [p.message for p in exported.problems]})
        export_notes.extend(exported.notes)
        carried.append((exported.checkpoints, documents[-1]))
    report = svc.verify(external)
    # The sessions' events behind each document must be those it was issued with: what
    # differs there is the log's failure, as what verify itself finds.
    for proof in dict.fromkeys(proofs):
        report.problems.extend(check_proof(svc.store, proof))
    # A checkpoint line edited on a document (its seq, its hash) fails its signature: the
    # document's problem, said with it; the log stays intact ("Le journal a ÉCHOUÉ" and
    # "log_ok": false sent a technician to restore a sound log).
    forged = {id(p) for p, _cp in report.printed}
    log_problems = [p for p in report.problems if id(p) not in forged]
    report.problems = list(log_problems)
    for problem, line in report.printed:
        on = [d for cps, d in carried if line in cps]
        for document in on:
            document["problems"].append(problem.message)
        names = one_line(", ".join(d["file"] for d in on))
        report.problems.append(Problem(problem.seq, f"{names}: {problem.message}"))
    log_failed = bool(log_problems)
    # The first bad event is the log's: a document's own problem (a receipt replaced
    # since, an edited PDF) names an event of an intact log, which is not a bad one.
    first_bad = min((p.seq for p in log_problems if p.seq is not None), default=None)
    report.problems.extend(problems)
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    data = {
        "ok": report.ok, "log_ok": not log_failed, "events": report.events,
        "checkpoints": report.checkpoints,
        "external_checkpoints": report.external, "first_bad_event": first_bad,
        "problems": [{"event": p.seq, "message": p.message} for p in report.problems],
        "key_fingerprint": svc.keyring.fingerprint,
        "documents_events_checked": len(set(proofs)),
        "documents": documents,
    }
    intact = _("Log intact: {events} events, {checkpoints} checkpoints verified "
               "(key {fingerprint}).", events=report.events,
               checkpoints=report.checkpoints + report.external - len(forged),
               fingerprint=svc.keyring.fingerprint)
    if report.ok:
        text = intact
        read = sum(1 for d in documents if d.get("text_checked")
                   and not d.get("compared_with_log"))
        if read:
            text += "\n" + n_(read, "{n} receipt: signature, data and visible text "
                              "match the log.", "{n} receipts: signature, data and visible "
                              "text match the log.")
        printed = sum(1 for d in documents if d.get("compared_with_log"))
        if printed:
            text += "\n" + n_(printed, "{n} receipt without its signed data (a print or a "
                               "copy of its text): its visible text matches the log.",
                               "{n} receipts without their signed data (prints or copies "
                               "of their text): their visible text matches the log.")
        exports = sum(1 for d in documents if d["kind"] == "export")
        if exports:
            # As for a receipt, the verdict names what was checked beside the log.
            text += "\n" + n_(exports, "{n} export: the file is the one its proof covers, "
                               "and the log still holds the events it was made from.",
                               "{n} exports: each file is the one its proof covers, and "
                               "the log still holds the events they were made from.")
        other = sum(1 for d in documents if d.get("signed_data") and not d["text_checked"])
        if other:
            text += "\n" + n_(other, "{n} receipt laid out by another version of sessiond: "
                              "signature and data match the log; its visible text was not "
                              "compared.", "{n} receipts laid out by another version of "
                              "sessiond: signature and data match the log; their visible "
                              "text was not compared.")
    elif log_failed:
        # A file SQLite cannot open, a trigger dropped: no event is at fault, and "#?"
        # named none.
        verdict = (_("The log FAILED verification; first bad event: #{seq}.", seq=first_bad)
                   if first_bad is not None else _("The log FAILED verification:"))
        text = "\n".join([verdict] + [f"  - {p.message}" for p in report.problems])
    else:
        text = "\n".join([intact, _("A document FAILED verification:")]
                         + [f"  - {p.message}" for p in report.problems])
    notes = [note for checked in receipts for note in checked.notes] + export_notes
    if notes:
        text += "\n" + "\n".join(f"  * {note}" for note in notes)
    ctx.emit(text, data)
    return 0 if report.ok else 1
