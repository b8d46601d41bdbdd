"""Writing exports and receipts: atomically, readable by the owner only (0600).

They hold client names and amounts. The directory they go to is the technician's choice
(often his home or a shared invoicing folder), so its mode is left alone: only a missing
directory is created, 0700.
"""

from __future__ import annotations

import os
from pathlib import Path

from sessiond.errors import InputError, system_problem
from sessiond.files import make_dirs, write_atomic
from sessiond.i18n import _


def output_path(out: Path | None, name: str) -> Path:
    """Where a document named `name` by default goes for `--out OUT`: OUT itself when it
    names a file (`jour.csv`, `facture.pdf`); OUT/name when it is a directory, ends with
    "/", or is a new name without a suffix (`exports`: a directory to create); the
    current directory when no --out was given."""
    if out is None:
        path = Path.cwd() / name
    else:
        text = str(out)
        out = out.expanduser()
        is_dir = out.is_dir() or text.endswith(("/", os.sep))
        path = out / name if is_dir or (not out.exists() and not out.suffix) else out
    refuse_target(path)  # before anything is recorded of the document
    return path


def refuse_folder(path: Path) -> None:
    """InputError when the folder of `path` can be seen not to take the document: its
    nearest existing part is a file (--out notes.txt/facture.pdf), or a folder the
    technician may not write into. Called before a numbered document is recorded, so
    that no invoice or receipt number is spent on a file the write then refuses; what
    cannot be known before (a full disk) is said after, with the way to the document."""
    import errno

    folder = probe = path.expanduser().parent
    missing = None  # the first folder to make, under the nearest existing part
    while not probe.exists() and probe != probe.parent:
        missing, probe = probe, probe.parent
    if not probe.is_dir():  # as files.make_dirs would say it, after the number
        error = (NotADirectoryError(errno.ENOTDIR, "") if missing is not None
                 else FileExistsError(errno.EEXIST, ""))
        raise InputError(_("Cannot make the folder {path}: {problem}.",
                           path=missing or folder, problem=system_problem(error)))
    if not os.access(probe, os.W_OK | os.X_OK):
        raise InputError(_("Cannot write {path}: {error}. Choose another place with --out.",
                           path=path, error=system_problem(PermissionError(errno.EACCES,
                                                                           ""))))


def write_private_file(path: Path, data: bytes) -> Path:
    """Write `path` (0600) through a temporary file in the same directory, then rename.

    Never one of sessiond's own files: `--out` may name anything, and an export written
    over the log, its -wal, a key or config.toml would destroy what it exports."""
    path = path.expanduser()
    refuse_target(path)
    try:
        return _write(path, data)
    except OSError as e:
        raise InputError(_("Cannot write {path}: {error}. Choose another place with --out.",
                           path=path, error=system_problem(e))) from e


def _write(path: Path, data: bytes) -> Path:
    make_dirs(path.parent)
    return write_atomic(path, data)


def refuse_target(path: Path) -> None:
    """InputError when a document may not be written at `path`: one of sessiond's own
    files (refuse_own_file), or an existing name that is no regular file (a device, a
    named pipe, a socket): the document's rename would put a file in its place
    (`--out /dev/null` replaced the device, in /dev when run as root). A symbolic link
    is itself replaced, never followed; a directory cannot be. Nor a folder that cannot
    take the document (refuse_folder)."""
    refuse_own_file(path)
    import stat

    refuse_folder(path)
    try:
        mode = path.expanduser().lstat().st_mode
    except OSError:
        return  # a new name (or one the write will say it cannot reach)
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode) or stat.S_ISDIR(mode)):
        raise InputError(_("{path} is not a regular file (a device, a named pipe or a "
                           "socket): sessiond writes a document only as a file. Choose "
                           "another place with --out.", path=path))


def refuse_own_file(path: Path) -> None:
    """InputError when `path` (after its links) is a file of the data or config directory
    itself, or in its keys or policies: documents go to a folder of their own (exports/,
    documents/ under SESSIOND_HOME, or anywhere else). Called before a numbered document
    is recorded too, so that no number is spent on a file that cannot be written."""
    from sessiond.config import paths

    p = paths()
    target = path.resolve()
    own_dirs = {p.data.resolve(), p.config.resolve()}
    inside = {p.keys.resolve(), p.policies.resolve()}
    if target.parent in own_dirs or any(d == target or d in target.parents for d in inside):
        raise InputError(_("{path} is one of sessiond's own files (the log, its keys or its "
                           "settings live there): choose another place with --out, e.g. "
                           "a folder of its own.", path=path))
