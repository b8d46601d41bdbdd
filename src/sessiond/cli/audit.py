"""`sessiond log` and `sessiond verify`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _


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
        fields = " ".join(f"{k}={v}" for k, v in shown.items())
        mark = (" " + _("[corrected by {events}]", events=", ".join(
            f"#{c}" for c in corrected[e.seq]))) if e.seq in corrected else ""
        lines.append(f"#{r['seq']:<5} {r['at']}  {r['kind']:<22} {fields}{declared}{mark}")
    ctx.emit("\n".join(lines) or _("The log is empty."), rows)
    return 0


def do_verify(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.audit.checkpoint import parse_checkpoints
    from sessiond.errors import InputError
    from sessiond.exports.proof import check_proof, parse_proofs

    external, proofs = [], []
    for path in [*args.receipt, *args.export]:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(_("Cannot read {path}: {error}.", path=path,
                               error=e.strerror)) from e
        # A PDF receipt carries both lines, uncompressed, in its Keywords.
        found = parse_checkpoints(data.decode("latin-1"))
        if not found:
            raise InputError(_("{path} holds no sessiond checkpoint.", path=path))
        external.extend(found)
        proofs.extend(parse_proofs(data.decode("latin-1")))
    svc = ctx.service
    report = svc.verify(external)
    # The sessions' events behind each document must be those it was issued with.
    for proof in dict.fromkeys(proofs):
        report.problems.extend(check_proof(svc.store, proof))
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    data = {
        "ok": report.ok, "events": report.events, "checkpoints": report.checkpoints,
        "external_checkpoints": report.external, "first_bad_event": report.first_bad,
        "problems": [{"event": p.seq, "message": p.message} for p in report.problems],
        "key_fingerprint": svc.keyring.fingerprint,
        "documents_events_checked": len(set(proofs)),
    }
    if report.ok:
        text = _("Log intact: {events} events, {checkpoints} checkpoints verified "
                 "(key {fingerprint}).", events=report.events,
                 checkpoints=report.checkpoints + report.external,
                 fingerprint=svc.keyring.fingerprint)
    else:
        text = "\n".join(
            [_("The log FAILED verification; first bad event: #{seq}.",
               seq=report.first_bad if report.first_bad is not None else "?")]
            + [f"  - {p.message}" for p in report.problems])
    ctx.emit(text, data)
    return 0 if report.ok else 1
