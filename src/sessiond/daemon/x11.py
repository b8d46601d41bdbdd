"""Whether the desktop lets us see hotkeys and idle time, and the X idle counter.

Both need an X11 display. Under Wayland pynput only sees keys typed into XWayland windows
(not a native terminal), so hotkeys would work half the time: they are turned off there,
and so is idle detection, with one clear reason the log and `sessiond status` show.
Idle time comes from the MIT-SCREEN-SAVER extension (`idle` = milliseconds since the last
input): it reads a counter and receives no key event at all.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from sessiond.i18n import _


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """Why there is no usable X display, from the environment alone; None when there is."""
    env = dict(os.environ) if env is None else env
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland" or (
            env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")):
        return _("Wayland session (global hotkeys would only work in XWayland windows); "
                 "bind sessiond start/pause/stop to desktop shortcuts instead")
    if not env.get("DISPLAY"):
        return _("no display (DISPLAY is not set)")
    return None


class IdleSource:
    """Milliseconds since the last input, from the X server."""

    def __init__(self, display: Any) -> None:
        self._display = display
        self._root = display.screen().root

    def idle_seconds(self) -> float:
        return float(self._root.screensaver_query_info().idle) / 1000.0

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the server may already be gone
            self._display.close()


def open_idle_source() -> tuple[IdleSource | None, str | None]:
    """An idle source, or None and the reason it is unavailable."""
    problem = display_problem()
    if problem:
        return None, problem
    try:
        from Xlib import display as xdisplay
        from Xlib.error import DisplayError

        try:
            conn = xdisplay.Display()
        except DisplayError as e:
            return None, _("cannot connect to the display {display} ({problem})",
                           display=os.environ.get("DISPLAY", ""), problem=e)
    except ImportError:
        return None, _("python-xlib is not installed")
    if not conn.has_extension("MIT-SCREEN-SAVER"):
        conn.close()
        return None, _("the X server has no MIT-SCREEN-SAVER extension")
    source = IdleSource(conn)
    try:
        source.idle_seconds()
    except Exception as e:  # any X error means: no idle time here
        source.close()
        return None, _("the X server did not answer the idle query ({problem})",
                       problem=type(e).__name__)
    return source, None
