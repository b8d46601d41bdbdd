"""The Kimai import profile: `sessiond export --format kimai`.

Kimai's import plugin (ImportBundle, "timesheet" importer) reads a CSV whose header names
its columns, as its demo file does:

    Date;From;To;Duration;Rate;User;Email;Customer;Project;Activity;Description;Exported;
    Tags;HourlyRate;FixedRate;InternalRate

Its rules, as the importer applies them (TimesheetImporter and AbstractTimesheetImporter):
the header must hold Date, From, To (or Duration), Rate, User, Customer, Project and
Activity; User, Email, Project and Activity may not be empty (the user is found by e-mail,
then by name, and created otherwise); Date is read with From and To as `Date From` in the
Kimai user's time zone (ISO date, HH:MM), and an end before the start means the next day
(end = start + Duration); Duration is plain seconds (digits only: a decimal point or
comma would be read as a duration string) and never negative; Rate, HourlyRate,
FixedRate and InternalRate must be numeric for PHP (a decimal *point*: "52,50" is refused)
or empty; Exported is a boolean (0/1); Tags is a comma-separated list. The delimiter is
chosen at upload (`;` here) and the file is UTF-8: no BOM, or the first column would not
be read as "Date".

sessiond's choices: one row per finished session (a running one has no end, a fee without
a session has no time); Duration is the worked time (pauses excluded) while From and To
are the real start and stop; Rate and FixedRate are the bill's total (Kimai then keeps the
tranche-rounded amount instead of recomputing duration × rate), HourlyRate the rate the
bill used; User and Email are the technician's (`[technician]` name and email); Customer
is the client's name; Project is "Assistance informatique" (one project, so that Kimai
does not create one per session); Activity is the mode of the session; Description holds
the session id and the receipt numbers; Tags are "sessiond" and the policy id. Instants
are local to the configured zone: set the Kimai user's time zone to the same.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from sessiond.config import Technician
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.exports.rows import Row
from sessiond.exports.table import cell
from sessiond.i18n import _

HEADER = ("Date", "From", "To", "Duration", "Rate", "User", "Email", "Customer", "Project",
          "Activity", "Description", "Exported", "Tags", "HourlyRate", "FixedRate",
          "InternalRate")


def check_identity(technician: Technician) -> None:
    missing = [name for name, value in (("name", technician.name),
                                        ("email", technician.email)) if not value.strip()]
    if missing:
        raise InputError(_(
            "A Kimai file needs your name and e-mail (its User and Email columns): set "
            "{fields} under [technician] in config.toml.", fields=", ".join(missing)))


def _plain(value: Decimal) -> str:
    """A number PHP's is_numeric accepts: decimal point, no thousands separator."""
    return f"{value.quantize(Decimal('0.01')):f}"


def kimai_rows(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if r.status == "finished" and r.start and r.end
            and r.bill is not None]


def render_kimai(rows: Sequence[Row], tz: ZoneInfo, technician: Technician) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for row in kimai_rows(rows):
        assert row.start is not None and row.end is not None and row.bill is not None
        s = row.session
        start, end = row.start.astimezone(tz), row.end.astimezone(tz)
        description = _("session {session}", session=s.id)
        if row.receipts:
            description += " — " + _("receipt {numbers}", numbers=", ".join(row.receipts))
        writer.writerow([
            start.date().isoformat(), start.strftime("%H:%M"), end.strftime("%H:%M"),
            # The identity comes from config.toml, a file like any other input: a name
            # or address starting with "=" or "@" is a formula to a spreadsheet.
            str(row.bill.worked_seconds), _plain(row.amount), cell(technician.name),
            cell(technician.email),
            cell(row.client_name) if row.client_name is not None else _(
                "client {client}", client=row.client),
            _("IT assistance"), fmt.label(s.mode), description, "0",
            ",".join(("sessiond", s.policy)),
            _plain(row.rate) if row.rate is not None else "", _plain(row.amount), "",
        ])
    return out.getvalue().encode("utf-8")
