"""Compliance: does a session keep the written promises of the technician's terms?

Each rule a policy can turn on (`[rules.<id>]`, see `sessiond.policy.schema`) is one pure
function in `rules`; `check` runs those the session's policy turns on for its mode and
returns a `Report` of findings (rule, severity, article, message, events); `requirements`
tells what the policy still asks for before a start.

`record_check` runs inside every stop's transaction (`Sessiond.stop`), so whichever front
end stops a session, its check is appended with the stop.
"""

from sessiond.compliance.check import check, check_anyway, record_check, requirements
from sessiond.compliance.findings import Finding, Report, Requirement
from sessiond.compliance.rules import PRECONDITIONS, RULES

__all__ = ["PRECONDITIONS", "RULES", "Finding", "Report", "Requirement", "check",
           "check_anyway", "record_check", "requirements"]
