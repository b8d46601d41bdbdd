"""Compliance: does a session keep the written promises of the technician's terms?

Each rule a policy can turn on (`[rules.<id>]`, see `sessiond.policy.schema`) is one pure
function in `rules`; `check` runs those the session's policy turns on for its mode and
returns a `Report` of findings (rule, severity, article, message, events); `requirements`
tells what the policy still asks for before a start.

Importing this package registers `record_check` as a stop hook of the service: the
service imports it on its first stop (`sessions.STOP_HOOK_MODULES`), so every stop by any
front end appends its check in the same transaction, and commands that never stop a
session do not load the rules.
"""

from sessiond import sessions
from sessiond.compliance.check import check, check_anyway, record_check, requirements
from sessiond.compliance.findings import Finding, Report, Requirement
from sessiond.compliance.rules import PRECONDITIONS, RULES

if record_check not in sessions.STOP_HOOKS:
    sessions.STOP_HOOKS.append(record_check)

__all__ = ["PRECONDITIONS", "RULES", "Finding", "Report", "Requirement", "check",
           "check_anyway", "record_check", "requirements"]
