"""Short coloured labels: a session's state, its compliance result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import label

if TYPE_CHECKING:
    from sessiond.tui.views import SessionView

_STATE_STYLE = {
    State.PLANNED: ("○", "dim"),
    State.RUNNING: ("▶", "bold green"),
    State.PAUSED: ("⏸", "bold yellow"),
    State.STOPPED: ("■", ""),
}


def _style(state: State) -> tuple[str, str]:
    # A state added to the model later (cancelled...) shows with a neutral mark.
    return _STATE_STYLE.get(state, ("×", "dim"))


def state_text(state: State) -> Text:
    mark, style = _style(state)
    return Text(f"{mark} {label(state.value)}", style=style)


def state_mark(state: State) -> Text:
    """The state's mark alone, where a narrow table has no room for its name."""
    mark, style = _style(state)
    return Text(mark, style=style)


def compliance_badge(view: SessionView) -> Text:
    """✔ when the terms are kept, else the counts of errors and warnings.

    A planned session counts what its terms still ask for before the start.
    """
    if view.state is State.PLANNED:
        severities = [r.severity for r in view.requirements]
    elif view.compliance is not None and view.compliance.checked:
        severities = [f.severity for f in view.compliance.findings]
    else:
        return Text("—", style="dim")
    errors = severities.count("error")
    warnings = len(severities) - errors
    if not errors and not warnings:
        return Text("✔", style="green")
    parts = []
    if errors:
        parts.append(Text(_("✖ {count}", count=errors), style="bold red"))
    if warnings:
        parts.append(Text(_("⚠ {count}", count=warnings), style="yellow"))
    return Text(" ").join(parts)
