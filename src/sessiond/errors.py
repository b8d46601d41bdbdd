"""Errors that reach the user, each with the exit code DESIGN.md assigns.

Messages are already translated when the error is raised: the layer that knows what went
wrong also knows what the user should do next.
"""

from __future__ import annotations

# typing.TYPE_CHECKING without importing typing (`sessiond --version` imports this).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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


class EnvironmentFault(SessiondError):
    """The machine, not the input, stopped the command: a full or read-only disk, a
    damaged or busy database, a missing key (exit 3). Nothing was written."""

    exit_code = 3


class Damaged(EnvironmentFault):
    """The database file is damaged (SQLite cannot read it, or it fails its checks)."""


def from_fault(error: BaseException) -> SessiondError | None:
    """The project's error for a fault of the environment that reached the top unhandled
    (the layers that know better raise their own first); None for anything else, which
    is a bug.

    A last net, so that no traceback reaches the user: a full disk, a read-only file
    system, a damaged or locked database, text that is not UTF-8.
    """
    import errno
    import sys

    from sessiond.i18n import _

    sqlite3 = sys.modules.get("sqlite3")  # not imported: the error cannot be one of its
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        return _sqlite_fault(error, sqlite3)
    if isinstance(error, UnicodeError):
        return InputError(_("Some text is not valid UTF-8 ({problem}): sessiond reads and "
                            "writes UTF-8 only.", problem=error.reason
                            if isinstance(error, UnicodeDecodeError | UnicodeEncodeError)
                            else error))
    if isinstance(error, MemoryError):
        return EnvironmentFault(_("Out of memory: close other programs and try again; "
                                  "nothing was written."))
    if not isinstance(error, OSError):
        return None
    where = error.filename if error.filename is not None else "?"
    problem = error.strerror or str(error)
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return EnvironmentFault(_("The disk is full ({path}): nothing was written. Free "
                                  "some space and run the command again.", path=where))
    if code == errno.EROFS:
        return EnvironmentFault(_("{path} is on a read-only file system: nothing was "
                                  "written. Commands that only read (status, log, verify) "
                                  "still work.", path=where))
    if code in (errno.EACCES, errno.EPERM):
        return EnvironmentFault(_("Permission denied: {path}. Check who owns the data "
                                  "directory (sessiond doctor).", path=where))
    if code == errno.ENAMETOOLONG:
        return InputError(_("A file name is too long: {path}.", path=str(where)[:120] + "…"))
    if code == errno.EIO:
        return EnvironmentFault(_("Input/output error on {path}: the disk may be failing. "
                                  "Make a backup (sessiond backup DIR) and check the disk.",
                                  path=where))
    return EnvironmentFault(_("System error on {path}: {problem}.", path=where,
                              problem=problem))


def _sqlite_fault(error: BaseException, sqlite3: Any) -> SessiondError | None:
    from sessiond.i18n import _

    text = str(error).lower()
    if "full" in text:
        return EnvironmentFault(_("The disk holding the database is full: nothing was "
                                  "written. Free some space and run the command again."))
    if "readonly" in text or "read-only" in text:
        return EnvironmentFault(_("The database is read-only here (read-only directory or "
                                  "file system): nothing was written. Commands that only "
                                  "read (status, log, verify) still work."))
    if "locked" in text or "busy" in text:
        return EnvironmentFault(_("The database stayed locked by another sessiond process; "
                                  "nothing was written. Run the command again."))
    if "unable to open" in text or "cannot open" in text:
        return EnvironmentFault(_("Cannot open the database: check that the data directory "
                                  "exists and is yours (sessiond doctor)."))
    if "i/o" in text:
        return EnvironmentFault(_("Input/output error on the database: the disk may be "
                                  "failing. Make a backup (sessiond backup DIR) and check "
                                  "the disk."))
    if isinstance(error, sqlite3.IntegrityError):  # a constraint: a bug
        return None
    if isinstance(error, sqlite3.DatabaseError):
        return Damaged(_("The database is damaged ({problem}): nothing was written. "
                                  "Run sessiond verify for details, then restore it from a "
                                  "backup (sessiond restore DIR).", problem=error))
    return None
