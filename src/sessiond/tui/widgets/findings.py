"""The findings of a compliance check, as the technician reads them on a narrow screen.

One finding per paragraph (it wraps at 80 columns, where a table would cut the message):
its mark, the rule's title (never its id), the article, then what to do. A finding that a
key of this screen resolves says which key, instead of the CLI command the check's message
gives (the message is written for every front end).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from rich.text import Text

from sessiond import labels
from sessiond.tui.text import clean


class Finding(Protocol):
    """A finding as the check made it, or as a stored check-completed record gives it."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def message(self) -> str: ...


# "(sessiond record s-xxx disconnect-confirmed)" and the like: the CLI's way to fix it.
_CLI_HINT = re.compile(r"\s*\(sessiond [^)]*\)")


def message(finding: Finding, keys: Mapping[str, str] | None = None) -> str:
    """The finding's message for this screen: `keys` maps a rule id to what to press."""
    if keys and finding.rule in keys:
        return keys[finding.rule]
    return clean(_CLI_HINT.sub("", finding.message))


def findings_text(findings: Iterable[Finding], keys: Mapping[str, str] | None = None,
                  ) -> Text:
    text = Text()
    for finding in findings:
        error = finding.severity == "error"
        if text:
            text.append("\n")
        text.append("✖ " if error else "⚠ ", style="bold red" if error else "yellow")
        text.append(labels.rule(finding.rule), style="bold")
        cited = labels.cite(finding.article)  # "art. 3.2", or the law as it names itself
        if cited:
            text.append(f" ({cited})", style="dim")
        text.append(" — " + message(finding, keys), style="red" if error else "")
    return text
