"""Messages the app sends its screens."""

from __future__ import annotations

from textual.message import Message


class StoreChanged(Message):
    """The log has new events (from this TUI, the CLI or the daemon): reload."""

    def __init__(self, seq: int) -> None:
        super().__init__()
        self.seq = seq


class ConfigChanged(Message):
    """config.toml was read again: what a screen shows from it (identity, default terms)
    may have changed."""
