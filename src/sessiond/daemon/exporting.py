"""The seam between the end-of-day job and the exports module.

`Jobs.end_of_day` decides whether an export is due (from the store); this module only
asks `sessiond.exports` to make it. The export appends its own `export-made` event (with
first_day and last_day) and signs a checkpoint, which is what makes the next check find
the days done. The file goes to `exports/` in the data directory, 0600 like the rest.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.sessions import Sessiond

FORMAT = "csv"


def export_dir(svc: Sessiond) -> Path:
    return svc.paths.data / "exports"


def export_days(svc: Sessiond, first: date, last: date, now: datetime) -> Any:
    try:
        from sessiond.exports.export import export_range
    except ImportError as e:
        raise SessiondError(_("the exports module is not available ({problem})",
                              problem=e)) from e
    return export_range(svc, first, last, export_dir(svc), FORMAT, now=now)
