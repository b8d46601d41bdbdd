"""The technician's compliance report: `sessiond check SESSION --pdf FILE`, and the end
screen of the terminal interface.

The client's receipt states facts only; the findings of the check (what the session did
not do as its terms say, the article each comes from, the events that show it, and the
command that records what is missing) are for the technician, in this document of his
own. It is not handed over and records no event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sessiond import clock
from sessiond.billing.text import duration, money
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.exports.files import output_path, write_private_file
from sessiond.exports.layout import Amount, Block, Field, Para, Section, Title
from sessiond.exports.sources import Ledger
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.labels import cite
from sessiond.sessions import Sessiond


@dataclass(frozen=True)
class ReportResult:
    path: Path
    session_id: str
    errors: int
    warnings: int


def report_title() -> str:
    """The title a compliance report opens with, which `verify` also recognises one by
    (exports.kinds)."""
    return _("Compliance report")


def report_name(session_id: str) -> str:
    return f"{_('compliance')}-{session_id}.pdf"


def write_report(svc: Sessiond, session_id: str, out: Path, *,
                 now: datetime | None = None) -> ReportResult:
    """Write the compliance report of a session to `out` (a PDF, or a directory)."""
    from sessiond.compliance.check import hint
    from sessiond.exports.pdf import render_pdf

    now = now or clock.now()
    ledger = Ledger(svc, now)
    session = ledger.session(session_id)
    policy = ledger.policy(session.policy)
    report = svc.check(session, now=now)
    client = ledger.clients[session.client_id]
    tz = svc.tz
    blocks: list[Block] = [Title(report_title(), _(
        "Session {session} checked against its terms on {moment}", session=session.id,
        moment=fmt.moment(now, tz))),
        Para(_("For the technician: this report is not a document for the client (his "
               "receipt states the facts of the session)."))]
    blocks += [
        Section(_("The session")),
        Field(_("Client"), f"{client.name or _('(client erased)')} ({client.id})"),
        Field(_("Terms applied"), f"{policy.document.name} — {policy.document.business}"),
        Field(_("Mode and place"), fmt.label(session.mode)),
        Field(_("Started at"), fmt.moment(session.started_at, tz, offsets=True)),
        Field(_("Stopped at"), fmt.moment(session.stopped_at, tz, offsets=True)),
    ]
    bill, problem = ledger.try_bill(session)
    if bill is not None:
        blocks += [Field(_("Time worked"), duration(bill.worked_seconds)),
                   Field(_("Time billed"), duration(bill.billed_seconds)),
                   Amount(_("Net amount due"), money(bill.total), strong=True)]
        blocks += [Para("⚠ " + warning) for warning in bill.warnings]
    elif problem:
        blocks.append(Para(problem, strong=True))
    blocks.append(Section(_("Findings")))
    if report.duplicate_of is not None:
        from sessiond.compliance.check import duplicate_note

        blocks.append(Para(duplicate_note(report.duplicate_of), strong=True))
    from sessiond.compliance.check import not_covered_note, summary

    if not report.findings and report.not_covered:
        blocks.append(Para(_("No finding on the points these terms cover.")))
    elif not report.findings and (report.duplicate_of or report.not_started):
        blocks.append(Para(summary(report) or ""))
    elif not report.findings:
        blocks.append(Para(_("No finding: the session kept the terms applied.")))
    else:
        blocks.append(Para(_("{errors}, {warnings}.",
                             errors=n_(report.errors, "{n} error", "{n} errors"),
                             warnings=n_(report.warnings, "{n} warning", "{n} warnings")),
                           strong=True))
    if (note := not_covered_note(report)) is not None:
        blocks.append(Para(note))
    for finding in report.findings:
        shown = finding.message
        if finding.events:
            shown += " " + _("(events {events})",
                             events=", ".join(f"#{s}" for s in finding.events))
        cited = cite(finding.article)
        blocks.append(Field(f"{fmt.label(finding.severity)} ({cited})" if cited else
                            fmt.label(finding.severity), shown))
        todo = hint(finding.rule, session, policy)
        if todo:
            blocks.append(Field(_("To record"), todo))
    path = output_path(out, report_name(session_id))
    if path.suffix.lower() != ".pdf":
        raise InputError(_("The report is a PDF: give a file name ending in .pdf, or a "
                           "directory."))
    pdf = render_pdf(blocks, title=_("Compliance report — session {session}",
                                     session=session_id),
                     author=svc.config.technician.name or "sessiond", keywords="",
                     footer=_("Compliance report — session {session} — for the technician",
                              session=session_id), created=now)
    write_private_file(path, pdf)
    return ReportResult(path, session_id, report.errors, report.warnings)
