"""Writing exports and receipts: atomically, readable by the owner only (0600).

They hold client names and amounts. The directory they go to is the technician's choice
(often his home or a shared invoicing folder), so its mode is left alone: only a missing
directory is created, 0700.
"""

from __future__ import annotations

from pathlib import Path

from sessiond.errors import InputError
from sessiond.files import write_atomic
from sessiond.i18n import _


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
