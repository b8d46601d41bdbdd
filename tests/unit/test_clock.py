"""Declared instants: ISO with offset, naive ISO, HH:MM in the local zone, DST refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from sessiond.clock import local_day_bounds, parse_instant, to_text
from sessiond.errors import InputError

PARIS = ZoneInfo("Europe/Paris")
REF = datetime(2026, 11, 22, 10, 0, 30, tzinfo=UTC)  # 11:00:30 in Paris


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-22T09:15:00+00:00", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),
    ("2026-11-22T10:15+01:00", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),
    ("2026-11-22T10:15", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),      # naive: Paris
    ("2026-11-22 10:15", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),
    ("10:15", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),
    ("10h15", datetime(2026, 11, 22, 9, 15, tzinfo=UTC)),
    ("23:50", datetime(2026, 11, 21, 22, 50, tzinfo=UTC)),  # later today = yesterday evening
    ("2026-07-01T10:00", datetime(2026, 7, 1, 8, 0, tzinfo=UTC)),       # summer time
    ("2026-10-25T01:59", datetime(2026, 10, 24, 23, 59, tzinfo=UTC)),
    ("2026-10-25T02:30+01:00", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),  # offset decides
    ("2026-10-25T02:30+02:00", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    ("2026-11-22T10:15:42.9+01:00", datetime(2026, 11, 22, 9, 15, 42, tzinfo=UTC)),
])
def test_accepted_forms(text: str, expected: datetime) -> None:
    assert parse_instant(text, PARIS, reference=REF) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("2026-10-25T02:30", "deux fois"),
    ("2026-03-29T02:30", "n'existe pas"),
    ("25:00", "illisible"),
    ("hier", "illisible"),
    ("2026-11-22T12:00+01:00", "futur"),
])
def test_refused_forms(text: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSIOND_LANG", "fr")
    with pytest.raises(InputError, match=words):
        parse_instant(text, PARIS, reference=REF)


def test_dst_days_have_23_and_25_hours() -> None:
    for day, hours in ((date(2026, 3, 29), 23), (date(2026, 10, 25), 25),
                       (date(2026, 11, 22), 24)):
        start, end = local_day_bounds(day, PARIS)
        assert (end - start).total_seconds() == hours * 3600


def test_stored_text_is_utc_with_z() -> None:
    assert to_text(datetime(2026, 1, 1, 12, tzinfo=PARIS)) == "2026-01-01T11:00:00Z"
