"""`sessiond check`: a session (or a day) against its policy; what a start still needs.

Exit codes (DESIGN.md): 0 no error finding (warnings allowed), 1 an error finding, 2 bad
input. The compliance package is imported inside the handlers: other commands do not pay
for the rules.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sessiond.cli.context import Context
from sessiond.i18n import _
from sessiond.i18n.plural import n_

if TYPE_CHECKING:
    from sessiond.compliance import Finding, Report, Requirement


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    check = sub.add_parser(
        "check", parents=[common],
        help=_("check a session, or a day's sessions, against the policy's rules"))
    check.add_argument("session_id", nargs="?", metavar="SESSION",
                       help=_("a session (default: today's sessions)"))
    check.add_argument("--day", metavar="DATE",
                       help=_("a local day: YYYY-MM-DD, DD/MM/YYYY, today or yesterday "
                              "(default: today)"))
    check.add_argument("--pdf", metavar="FILE",
                       help=_("also write the technician's compliance report of the session "
                              "(a PDF, or a directory)"))
    check.set_defaults(handler=do_check)


def do_check(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.cli.exports import parse_day
    from sessiond.errors import InputError
    from sessiond.i18n.dates import long_date

    svc = ctx.service
    if args.session_id and args.day:
        raise InputError(_("Give a session or --day, not both."))
    if args.pdf and not args.session_id:
        raise InputError(_("--pdf writes the report of one session: sessiond check SESSION "
                           "--pdf FILE."))
    if args.session_id:
        report = svc.check(svc.session(args.session_id))
        data = report.to_json()
        text = _report_text(report)
        if args.pdf:
            from pathlib import Path

            from sessiond.exports.report import write_report

            written = write_report(svc, args.session_id, Path(args.pdf))
            data["pdf"] = str(written.path)
            text += "\n" + _("Compliance report: {path}", path=written.path)
        ctx.emit(text, data)
        return 1 if report.errors else 0
    today = clock.now().astimezone(ctx.tz).date()
    day = parse_day(args.day, today) if args.day else today
    reports = [svc.check_anyway(s) for s in svc.day_sessions(day)]
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    text = "\n".join(_report_text(r) for r in reports) or _(
        "No session on {day}.", day=long_date(day))
    ctx.emit(text, {"day": day.isoformat(), "errors": errors, "warnings": warnings,
                    "sessions": [r.to_json() for r in reports]})
    return 1 if errors else 0


def _severity(severity: str) -> str:
    return _("ERROR") if severity == "error" else _("warning")


def finding_line(f: Finding | Requirement) -> str:
    from sessiond.labels import cite, rule

    cited = cite(f.article)
    article = f" ({cited})" if cited else ""
    events = getattr(f, "events", ())
    shown = " [" + ", ".join(f"#{s}" for s in events) + "]" if events else ""
    # The rule by its title, as the technician reads it (--json keeps the id).
    return "  " + _("{severity}: {rule}{article}: {message}{events}",
                    severity=_severity(f.severity), rule=rule(f.rule), article=article,
                    message=f.message, events=shown)


def _report_text(report: Report) -> str:
    from sessiond.compliance.check import duplicate_note, not_covered_note, summary

    said = summary(report) or _("{errors}, {warnings}",
                                errors=n_(report.errors, "{n} error", "{n} errors"),
                                warnings=n_(report.warnings, "{n} warning", "{n} warnings"))
    # The articles a finding cites are the document's, unless they name their code.
    terms = ["  " + _("Terms: {document}", document=report.document)] if report.document else []
    if report.duplicate_of is not None:
        terms.append("  " + duplicate_note(report.duplicate_of))
    if (note := not_covered_note(report)) is not None:
        terms.append("  " + note)
    return "\n".join([f"{report.session}  {report.policy}  {said}", *terms,
                      *(finding_line(f) for f in report.findings)])


# --- used by `sessiond start` and `sessiond stop` (cli.sessions) -----------------------


def warn_requirements(ctx: Context, session_id: str, at: Any) -> None:
    """Before a start: print on stderr what the policy still asks for.

    Only consent blocks (the service refuses the start and says how to record it);
    everything else is a warning, and a finding of the check if the start goes ahead.
    """
    svc = ctx.service
    session = svc.session(session_id)
    for req in svc.requirements(session, at=at):
        if req.blocking and not _consent_channels_stated(ctx, session.policy):
            continue  # the start's own refusal explains it
        ctx.warn(finding_line(req).strip() + (f"\n  → {req.hint}" if req.hint else ""))


def warn_resumed_without_consent(ctx: Context, session_id: str, resume_seq: int) -> None:
    """After a resume: say so at once when it follows a disconnection with no consent since
    (the check's consent-before-access finding about this resume), with the command that
    records the client's consent, as a start says what is missing."""
    from sessiond.compliance.check import hint
    from sessiond.errors import InputError

    svc = ctx.service
    session = svc.session(session_id)
    try:
        report = svc.check(session)
        policy = svc.policy(session.policy)
    except InputError:
        return  # an unreadable policy: the check says it
    for f in report.findings:
        if f.rule == "consent-before-access" and resume_seq in f.events:
            line = hint("consent-before-access", session, policy)
            ctx.warn(finding_line(f).strip() + (f"\n  → {line}" if line else ""))


def _consent_channels_stated(ctx: Context, policy_id: str) -> bool:
    """Whether the terms accept only some ways of consenting (Micro-Alpes 7, art. 1: the
    remote tool's code): the start's own refusal lists every channel, so the requirement,
    with its article and the channels it asks for, is shown as well."""
    from sessiond.errors import InputError

    try:
        spec = ctx.service.policy(policy_id).rules.get("consent-before-access")
    except InputError:
        return False
    return spec is not None and bool(spec.params.get("channels"))


def summarize_stop_check(ctx: Context, session_id: str) -> None:
    """After a stop: one line on stderr with the check recorded in the stop."""
    session = ctx.service.session(session_id)
    recorded = [e for e in session.events if e.kind == "check-completed"]
    if not recorded:
        return
    body = recorded[-1].body
    if not body["findings"]:
        return
    ctx.warn(_(
        "compliance check: {errors}, {warnings}; details: sessiond check {session}",
        errors=n_(body["errors"], "{n} error", "{n} errors"),
        warnings=n_(body["warnings"], "{n} warning", "{n} warnings"),
        session=session_id))
