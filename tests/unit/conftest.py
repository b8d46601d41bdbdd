"""Fixtures of the unit tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sessiond.daemon import exporting
from sessiond.sessions import Sessiond


@pytest.fixture
def exports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[date, date]]:
    """A stand-in for sessiond.exports at the seam: it appends the `export-made` event the
    real export appends, which is all the job's idempotency reads."""
    made: list[tuple[date, date]] = []

    def fake(svc: Sessiond, first: date, last: date, now: datetime) -> None:
        made.append((first, last))
        svc.record_export(first_day=first, last_day=last, fmt="csv", sessions=0,
                          at=now.replace(microsecond=0))

    monkeypatch.setattr(exporting, "export_days", fake)
    return made
