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


class ModeNotOffered(InputError):
    """A session planned in a mode its terms do not offer, without the rate quoted for it.

    `refusal` says what is wrong (the terms, the mode, the modes they offer and their
    article); the message adds the command line's ways out (--policy, --rate). A form says
    its own: the fields it has for the terms and the quoted rate."""

    def __init__(self, message: str, refusal: str) -> None:
        super().__init__(message)
        self.refusal = refusal


class CheckFailed(SessiondError):
    """A check (verify, compliance) found a problem (exit 1)."""

    exit_code = 1


class EnvironmentFault(SessiondError):
    """The machine, not the input, stopped the command: a full or read-only disk, a
    damaged or busy database, a missing key (exit 3). Nothing was written."""

    exit_code = 3


class Damaged(EnvironmentFault):
    """The database file is damaged (SQLite cannot read it, or it fails its checks)."""


def system_problem(error: OSError) -> str:
    """What the system said of `error`, in the interface's language: the C library's
    words (its strerror) are English whatever the language, so the common ones are said in
    words of ours; any other stays as the system put it."""
    import errno

    from sessiond.i18n import _

    ours = {
        errno.ENOENT: _("no such file or directory"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("operation not permitted"),
        errno.ENOSPC: _("no space left on the disk"),
        errno.EDQUOT: _("disk quota exceeded"),
        errno.EROFS: _("read-only file system"),
        errno.EISDIR: _("it is a directory"),
        errno.ENOTDIR: _("a part of the path is not a directory"),
        errno.EEXIST: _("the file already exists"),
        errno.ELOOP: _("too many levels of symbolic links"),
        errno.ENAMETOOLONG: _("file name too long"),
        errno.EIO: _("input/output error"),
        errno.EBUSY: _("device or resource busy"),
        errno.ENOTEMPTY: _("directory not empty"),
        errno.EMFILE: _("too many open files"),
        errno.EXDEV: _("the rename crosses file systems"),
        errno.ENXIO: _("no such device or address"),
        errno.EAGAIN: _("resource temporarily unavailable"),
        errno.ESTALE: _("stale file handle (a network file system)"),
    }
    return ours.get(error.errno or 0) or error.strerror or str(error)


def toml_problem(error: ValueError) -> str:
    """tomllib's message (Python 3.11 to 3.13) in the interface's language: where the
    fault is, always; what it is, for the messages tomllib writes (any other stays in its
    English)."""
    import re

    from sessiond.i18n import _

    found = re.fullmatch(r"(?s)(.*) \(at (?:line (\d+), column (\d+)|end of document)\)",
                         str(error))
    if found is None:
        return str(error)
    what, line, column = found.groups()
    words = (  # tomllib's wording, and ours (templates: `_` fills nothing without values)
        (r"Expected '=' after a key in a key/value pair", _("\"=\" expected after a key")),
        (r"Expected '\]' at the end of a table declaration",
         _("\"]\" expected at the end of a table name")),
        (r"Expected '\]\]' at the end of an array declaration",
         _("\"]]\" expected at the end of an array of tables")),
        (r"Invalid statement", _("a line that is neither a key = value nor a [table]")),
        (r"Invalid value", _("a value TOML does not know (text goes between quotes)")),
        (r"Invalid initial character for a key part", _("a key cannot start this way")),
        (r"Invalid date or datetime", _("an invalid date or time")),
        (r"Invalid hex value", _("an invalid \\u escape")),
        (r"Unterminated string", _("a text whose closing quote is missing")),
        (r"Unclosed array", _("a list whose \"]\" is missing")),
        (r"Unclosed inline table", _("an inline table whose \"}}\" is missing")),
        (r"Unescaped '\\' in a string", _("a \\ in a text (write \\\\ or use single quotes)")),
        (r"Illegal character (?P<what>.+)", _("the character {what} is not allowed here")),
        (r"Found invalid character (?P<what>.+)", _("the character {what} is not allowed here")),
        (r"Cannot overwrite a value", _("a value given twice")),
        (r"Cannot declare (?P<what>.+) twice", _("{what} declared twice")),
        (r"Cannot redefine namespace (?P<what>.+)", _("{what} defined twice")),
        (r"Cannot mutate immutable namespace (?P<what>.+)", _("{what} defined twice")),
        (r"Duplicate inline table key (?P<what>.+)", _("the key {what} given twice")),
        (r"Escaped character is not a Unicode scalar value",
         _("an escape that names no character")),
        (r"Expected newline or end of document after a statement",
         _("one key = value per line")),
        (r"Expected (?P<what>.+)", _("{what} expected")),
    )
    said = next((ours.format_map({k: _toml_key(v) for k, v in match.groupdict().items()})
                 for theirs, ours in words if (match := re.fullmatch(theirs, what))), what)
    if line is None:
        return _("{problem} (at the end of the file)", problem=said)
    return _("{problem} (line {line}, column {column})", problem=said, line=line,
             column=column)


def _toml_key(text: str) -> str:
    """A key as tomllib names it, `('invoice', 'due_days')`, as the file writes it:
    `invoice.due_days`; anything else as it is."""
    import ast

    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return ".".join(value)
    return text


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
    problem = system_problem(error)
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
