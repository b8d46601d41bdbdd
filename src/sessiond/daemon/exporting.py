"""The seam between the end-of-day job and the exports module.

`Jobs.end_of_day` decides whether an export is due (from the store); this module only
asks `sessiond.exports` to make it. The export appends its own `export-made` event (with
first_day and last_day), which is what makes the next check find the day done.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.sessions import Sessiond


def export_days(svc: Sessiond, first: date, last: date, now: datetime) -> Any:
    try:
        from sessiond import exports
    except ImportError as e:
        raise SessiondError(_("the exports module is not available ({problem})",
                              problem=e)) from e
    run = getattr(exports, "end_of_day", None)
    if run is None:
        raise SessiondError(_("the exports module has no end-of-day export yet"))
    return run(svc, first, last)
