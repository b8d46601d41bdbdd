"""Errors that reach the user, each with the exit code DESIGN.md assigns.

Messages are already translated when the error is raised: the layer that knows what went
wrong also knows what the user should do next.
"""

from __future__ import annotations


class SessiondError(Exception):
    """An error reported to the user; `exit_code` follows DESIGN.md "Errors"."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(SessiondError):
    """Bad input or usage: nothing was written (exit 2)."""

    exit_code = 2


class CheckFailed(SessiondError):
    """A check (verify, compliance) found a problem (exit 1)."""

    exit_code = 1
