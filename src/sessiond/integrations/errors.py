"""Errors of the log importers: bad input, so exit code 2 like every InputError."""

from __future__ import annotations

from sessiond.errors import InputError


class LogFormatError(InputError):
    """The bytes are not a log format sessiond can read, or a saved position is damaged."""


class LogReadError(InputError):
    """The log file could not be opened or read (missing, permissions, I/O error)."""
