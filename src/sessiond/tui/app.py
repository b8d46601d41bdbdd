"""Placeholder TUI until the TUI issue lands."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class SessiondApp(App[None]):
    TITLE = "sessiond"
    BINDINGS = [("q", "quit", "Quitter")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("sessiond", id="placeholder")
        yield Footer()


def run() -> int:
    SessiondApp().run()
    return 0
