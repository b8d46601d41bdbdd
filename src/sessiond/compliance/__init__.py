"""Compliance: does a session keep the written promises of the technician's terms?

Each rule a policy can turn on (`[rules.<id>]`, see `sessiond.policy.schema`) is one pure
function in `rules`, declared with what else sessiond needs to know of it (`RuleInfo`);
`evaluate` runs those the session's policy turns on for its mode and returns a `Report` of
findings (rule, severity, article, message, events); `requirements` tells what the policy
still asks for before a start. Pure: the service (`Sessiond.check`) gathers the facts and
records the check of every stop in the stop's own transaction.
"""

from sessiond.compliance.check import evaluate, requirements
from sessiond.compliance.findings import Finding, Report, Requirement
from sessiond.compliance.rules import INFO, RULES

PRECONDITIONS = tuple(i.id for i in INFO.values() if i.precondition)

__all__ = ["INFO", "PRECONDITIONS", "RULES", "Finding", "Report", "Requirement", "evaluate",
           "requirements"]
