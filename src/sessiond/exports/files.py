"""Writing exports and receipts: atomically, readable by the owner only (0600).

They hold client names and amounts. The directory they go to is the technician's choice
(often his home or a shared invoicing folder), so its mode is left alone: only a missing
directory is created, 0700.
"""

from __future__ import annotations

import os
from pathlib import Path

from sessiond.errors import InputError
from sessiond.files import write_atomic
from sessiond.i18n import _


def output_path(out: Path | None, name: str) -> Path:
    """Where a document named `name` by default goes for `--out OUT`: OUT itself when it
    names a file (`jour.csv`, `facture.pdf`); OUT/name when it is a directory, ends with
    "/", or is a new name without a suffix (`exports`: a directory to create); the
    current directory when no --out was given."""
    if out is None:
        return Path.cwd() / name
    text = str(out)
    out = out.expanduser()
    if out.is_dir() or text.endswith(("/", os.sep)) or (not out.exists() and not out.suffix):
        return out / name
    return out


def write_private_file(path: Path, data: bytes) -> Path:
    """Write `path` (0600) through a temporary file in the same directory, then rename."""
    path = path.expanduser()
    try:
        return _write(path, data)
    except OSError as e:
        raise InputError(_("Cannot write {path}: {error}. Choose another place with --out.",
                           path=path, error=e.strerror or e)) from e


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return write_atomic(path, data)
