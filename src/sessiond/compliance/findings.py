"""What a compliance check says: findings, a session's report, and what is still required.

A finding names the rule it breaks (a stable id), its severity as the policy sets it, the
article of the terms it comes from, a message in the user's language, and the seq numbers
of the events that show it, so that anyone holding the log can check the claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

# A check-completed record keeps its strings short (model.records): long messages are cut.
RECORD_TEXT = 400


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" or "warning"
    article: str
    message: str
    events: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "article": self.article,
                "message": self.message, "events": list(self.events)}

    def to_record(self) -> dict[str, Any]:
        """The flat record stored in a check-completed event (no personal data in it)."""
        message = self.message
        if len(message) > RECORD_TEXT:
            message = message[:RECORD_TEXT - 1] + "…"
        return {"rule": self.rule, "severity": self.severity,
                "article": self.article[:RECORD_TEXT], "message": message,
                "events": list(self.events)}


class Outcome(Protocol):
    """What a check's summary reads: a report run now, or the check the log recorded."""

    @property
    def findings(self) -> tuple[Finding, ...]: ...
    @property
    def duplicate_of(self) -> str | None: ...
    @property
    def not_covered(self) -> tuple[str, ...]: ...
    @property
    def not_started(self) -> str | None: ...


@dataclass(frozen=True)
class Report:
    """The findings of one session under one version of its policy."""

    session: str
    policy: str
    policy_digest: str | None  # None when the policy could not be read
    findings: tuple[Finding, ...]
    # The terms document the policy encodes, as it names itself ("Conditions Générales de
    # Services (CGS) — MD Micro Services (Chaligny, 54)"): what a finding's article is
    # of. None when the policy could not be read.
    document: str | None = None
    # The session that holds the work, when this one was cancelled as its duplicate
    # (cancel --duplicate-of): its check covers the work, this one reports only what was
    # recorded in it alone.
    duplicate_of: str | None = None
    # The rules nothing in force checks for this session (neither its terms, for its mode,
    # nor the law's baseline): points the check says nothing of, which "no finding" must
    # not vouch for.
    not_covered: tuple[str, ...] = ()
    # "planned" or "cancelled" for a session that never started: no intervention took
    # place, so no finding says the terms were kept (None once it started).
    not_started: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity != "error")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"session": self.session, "policy": self.policy,
                "policy_digest": self.policy_digest, "document": self.document,
                "errors": self.errors,
                "warnings": self.warnings, "findings": [f.to_json() for f in self.findings]}
        if self.duplicate_of is not None:
            data["duplicate_of"] = self.duplicate_of
        else:
            data["not_covered"] = list(self.not_covered)
        if self.not_started is not None:
            data["not_started"] = self.not_started
        return data

    def to_record(self) -> dict[str, Any]:
        """The body of the check-completed event appended at the stop."""
        body: dict[str, Any] = {"policy": self.policy, "errors": self.errors,
                                "warnings": self.warnings,
                                "findings": [f.to_record() for f in self.findings]}
        if self.policy_digest is not None:
            body["policy_digest"] = self.policy_digest
        return body


@dataclass(frozen=True)
class Requirement:
    """Something the policy asks for before the start that is not on record yet.

    `blocking` is set for consent only: the model refuses a start without it (DESIGN,
    "Consent first"); everything else is a warning the technician reads before starting,
    and a finding of the check if he starts anyway.
    """

    rule: str
    severity: str
    article: str
    message: str
    hint: str | None  # the command that records what is missing
    blocking: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "article": self.article,
                "message": self.message, "hint": self.hint, "blocking": self.blocking}
