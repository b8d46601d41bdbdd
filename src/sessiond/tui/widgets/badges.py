"""Short coloured labels: a session's state, its compliance result."""

from __future__ import annotations

from rich.text import Text

from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import label
from sessiond.tui.views import SessionView

_STATE_STYLE = {
    State.PLANNED: ("○", "dim"),
    State.RUNNING: ("▶", "bold green"),
    State.PAUSED: ("⏸", "bold yellow"),
    State.STOPPED: ("■", ""),
}


def state_text(state: State) -> Text:
    mark, style = _STATE_STYLE[state]
    return Text(f"{mark} {label(state.value)}", style=style)


def compliance_badge(view: SessionView) -> Text:
    """✔ when the check found nothing, else the counts of errors and warnings."""
    check = view.check
    if check is None:
        return Text("…" if view.state is not State.STOPPED else "—", style="dim")
    if not check.errors and not check.warnings:
        return Text("✔", style="green")
    parts = []
    if check.errors:
        parts.append(Text(_("✖ {count}", count=check.errors), style="bold red"))
    if check.warnings:
        parts.append(Text(_("⚠ {count}", count=check.warnings), style="yellow"))
    return Text(" ").join(parts)
