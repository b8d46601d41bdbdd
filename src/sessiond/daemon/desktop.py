"""Desktop notifications (`notify-send`), kept apart from the store's notices so that
`sessiond status`, which reads the notices, loads no process machinery."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Sequence

log = logging.getLogger("sessiond.daemon")


def summary_text(text: str) -> str:
    """A notification's title or a button's label: plain text to the notification server,
    its control and bidi characters written out as everywhere else (display.safe_text)."""
    from sessiond.display import safe_text

    return safe_text(text)


def body_text(text: str) -> str:
    """A notification's body, which notification servers read as markup (the Desktop
    Notifications spec: <b>, <i>, <u>, <a href>, <img src>): stored text in it (a
    client's name in a reminder) is escaped as text, so "<b>", "<a href=...>" or an
    <img> pointing at a file are shown as written, and a lone "&" does not make the
    server drop the whole body as malformed."""
    from html import escape

    return escape(summary_text(text), quote=False)


class Desktop:
    """Desktop notifications through `notify-send`, when it is installed.

    Fire and forget: the child is reaped on the next call, so a slow notification daemon
    never blocks a job. Failures (no D-Bus session, no notification server) are logged
    once and otherwise ignored: the notice is in the store anyway.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.command = shutil.which("notify-send") if enabled else None
        self._children: list[subprocess.Popen[bytes]] = []
        self._warned = False
        self._asking: list[tuple[subprocess.Popen[str], object]] = []  # questions on screen
        self._actions: bool | None = None  # whether this notify-send has --action

    def show(self, title: str, body: str, *, urgent: bool = False) -> bool:
        self._reap()
        if self.command is None:
            return False
        argv = [self.command, "--app-name=sessiond",
                f"--urgency={'critical' if urgent else 'normal'}", "--", summary_text(title),
                body_text(body)]
        try:
            self._children.append(subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, close_fds=True))
        except OSError as e:
            if not self._warned:
                log.warning("notify-send failed: %s", e.strerror)
                self._warned = True
            return False
        return True

    def _reap(self) -> None:
        self._children = [c for c in self._children if c.poll() is None]

    # --- questions with buttons -----------------------------------------------

    def ask(self, title: str, body: str, actions: Sequence[str], key: object) -> bool:
        """A notification with one button per action label, where libnotify offers them
        (notify-send --action, libnotify 0.7.12 and later); else a plain one. The button
        chosen comes back from `answers()` as (key, index). Nothing waits for it: the
        child runs until the technician clicks or dismisses it."""
        if not self._has_actions():
            return self.show(title, body, urgent=True)
        assert self.command is not None
        argv = [self.command, "--app-name=sessiond", "--urgency=critical",
                *(f"--action=a{n}={summary_text(label)}" for n, label in enumerate(actions)),
                "--", summary_text(title), body_text(body)]
        try:
            child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, close_fds=True, text=True)
        except OSError as e:
            if not self._warned:
                log.warning("notify-send failed: %s", e.strerror)
                self._warned = True
            return False
        self._asking.append((child, key))
        return True

    def answers(self) -> list[tuple[object, int]]:
        """The buttons clicked since the last call, as (key, index of the action)."""
        done: list[tuple[object, int]] = []
        waiting = []
        for child, key in self._asking:
            if child.poll() is None:
                waiting.append((child, key))
                continue
            out = child.stdout.read().strip() if child.stdout is not None else ""
            if child.stdout is not None:
                child.stdout.close()
            if len(out) > 1 and out[0] == "a" and out[1:].isdigit():
                done.append((key, int(out[1:])))
        self._asking = waiting
        return done

    def _has_actions(self) -> bool:
        if self.command is None:
            return False
        if self._actions is None:
            try:
                usage = subprocess.run([self.command, "--help"], capture_output=True,
                                       text=True, timeout=5, check=False).stdout
            except (OSError, subprocess.TimeoutExpired):
                usage = ""
            self._actions = "--action" in usage
        return self._actions

    def close(self) -> None:
        for child in self._children:
            try:
                child.wait(timeout=2)
            except subprocess.TimeoutExpired:
                child.kill()
        self._children = []
        for asking, _key in self._asking:
            asking.kill()  # a question still on screen: it stays in the store
            asking.wait()
        self._asking = []
