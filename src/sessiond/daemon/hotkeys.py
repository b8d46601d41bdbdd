"""Global hotkeys: start/resume, pause, stop the current session without leaving the
remote-control window.

pynput is imported only in `HotkeyListener.start()`: importing it needs an X server, and
nothing else in sessiond may depend on it. The listener is pynput's `GlobalHotKeys`, which
matches key events against the configured combinations inside pynput; the callbacks we
give it take no argument, so no key value ever reaches sessiond's code, its logs or its
store. A callback only queues the action's name for the daemon's loop and never raises
(an exception in a pynput callback would stop the listener).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sessiond.config import Daemon
from sessiond.i18n import _
from sessiond.model import Session, State

log = logging.getLogger("sessiond.daemon")

ACTIONS = ("start", "pause", "stop")


def combos(settings: Daemon) -> dict[str, str]:
    """Action -> pynput combination ("<ctrl>+<alt>+<shift>+s")."""
    return {"start": settings.hotkey_start, "pause": settings.hotkey_pause,
            "stop": settings.hotkey_stop}


@dataclass(frozen=True)
class Step:
    """What a hotkey does: a service call on a session, or a message why it does nothing."""

    verb: str | None  # "start", "resume", "pause", "stop", or None
    session_id: str | None
    message: str


def decide(action: str, sessions: Sequence[Session]) -> Step:
    """Which session a hotkey acts on. `sessions` are the open ones (not stopped).

    The current session is the one running; failing that the one paused most recently;
    for "start" failing that the one planned most recently. When two sessions run at once
    the most recently started is the current one.
    """

    def latest(state: State) -> Session | None:
        found = [s for s in sessions if s.state == state]
        return max(found, key=lambda s: (s.last_transition or s.planned_at, s.planned_at),
                   default=None)

    running, paused, planned = latest(State.RUNNING), latest(State.PAUSED), latest(State.PLANNED)
    if action == "start":
        if running:
            return Step(None, running.id, _("Session {session} is already running.",
                                            session=running.id))
        if paused:
            return Step("resume", paused.id, "")
        if planned:
            return Step("start", planned.id, "")
        return Step(None, None, _("No session to start: plan one first "
                                  "(sessiond session new CLIENT)."))
    if action == "pause":
        if running:
            return Step("pause", running.id, "")
        return Step(None, None, _("No running session to pause."))
    if action == "stop":
        current = running or paused
        if current:
            return Step("stop", current.id, "")
        return Step(None, None, _("No running or paused session to stop."))
    raise ValueError(action)


class HotkeyListener:
    """pynput's GlobalHotKeys on the configured combinations; `on_action(name)` is called
    from pynput's thread and must be thread-safe (the daemon posts to its loop)."""

    def __init__(self, mapping: dict[str, str], on_action: Callable[[str], None]) -> None:
        self.mapping = mapping
        self.on_action = on_action
        self._listener: Any = None

    def start(self) -> str | None:
        """Start listening; returns None, or the reason hotkeys are off."""
        try:
            from pynput import keyboard
        except ImportError as e:
            return _("pynput cannot use this display ({problem})",
                     problem=str(e).splitlines()[0])
        logging.getLogger("pynput").setLevel(logging.WARNING)
        handlers: dict[str, Callable[[], None]] = {}
        for action, combo in self.mapping.items():
            try:
                keyboard.HotKey.parse(combo)
            except ValueError:
                return _("the hotkey {combo!r} for {action} is not valid (e.g. "
                         "<ctrl>+<alt>+<shift>+s)", combo=combo, action=action)
            if combo in handlers:
                return _("the hotkey {combo!r} is configured twice", combo=combo)
            handlers[combo] = self._callback(action)
        listener = keyboard.GlobalHotKeys(handlers)
        listener.start()
        listener.wait()
        if not listener.is_alive():
            return _("the keyboard listener stopped at once")
        self._listener = listener
        return None

    def _callback(self, action: str) -> Callable[[], None]:
        def fire() -> None:
            try:
                self.on_action(action)
            except Exception:  # never let pynput stop the listener; never log a key
                log.exception("hotkey %s: could not queue the action", action)

        return fire

    @property
    def alive(self) -> bool:
        return self._listener is not None and self._listener.is_alive()

    def stop(self) -> None:
        # The Xorg listener thread stays blocked until the next key event (pynput #167);
        # it is a daemon thread, so it does not hold the process.
        if self._listener is not None:
            listener, self._listener = self._listener, None
            try:
                listener.stop()
            except Exception as e:  # the X server is gone: nothing left to stop
                log.info("keyboard listener: %s while stopping", type(e).__name__)
