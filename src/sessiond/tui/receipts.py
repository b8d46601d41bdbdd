"""Producing a session's receipt from the end screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessiond.i18n import _

if TYPE_CHECKING:
    from sessiond.tui.screens.base import Commands


async def issue(screen: Commands, session_id: str) -> None:
    # Seam: the receipt comes from sessiond.exports, which has not landed yet.
    screen.refused(_("Receipts are not available in this version yet."))
