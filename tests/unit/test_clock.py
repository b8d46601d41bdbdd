"""Declared instants: ISO with offset, naive ISO, HH:MM in the local zone, DST refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from sessiond import clock
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
    # The dates months back need the confirmation (--yes) that the next tests are about.
    assert parse_instant(text, PARIS, reference=REF, allow_old=True) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("09:50", "plus de 12\u00a0heures"),  # typed at 09:45: a typo, not yesterday 09:50
    ("2026-11-14T10:00", "plus de 7\u00a0jours"),
    ("1971-01-01T10:00", "2000"),
    ("0001-01-01T00:00", "illisible|2000"),  # year 1 cannot even be put in UTC
    ("0001-01-01T00:00+14:00", "illisible"),
    ("9999-12-31T23:59-14:00", "illisible"),
])
def test_accidents_are_refused(text: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSIOND_LANG", "fr")
    reference = datetime(2026, 11, 22, 8, 45, tzinfo=UTC)  # 09:45 in Paris
    with pytest.raises(InputError, match=words):
        parse_instant(text, PARIS, reference=reference)


def test_hh_mm_within_twelve_hours_and_old_instants_with_a_confirmation() -> None:
    reference = datetime(2026, 11, 22, 23, 10, tzinfo=UTC)  # 00:10 on the 23rd in Paris
    assert parse_instant("23:50", PARIS, reference=reference) == datetime(
        2026, 11, 22, 22, 50, tzinfo=UTC)  # yesterday evening: 20 minutes ago
    old = parse_instant("2026-11-01T10:00", PARIS, reference=reference, allow_old=True)
    assert old == datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


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


@pytest.mark.parametrize(("text", "expected"), [
    ("9h30", datetime(2026, 11, 22, 8, 30, tzinfo=UTC)),
    ("9:30", datetime(2026, 11, 22, 8, 30, tzinfo=UTC)),
    ("09:30", datetime(2026, 11, 22, 8, 30, tzinfo=UTC)),
    ("9 h 30", datetime(2026, 11, 22, 8, 30, tzinfo=UTC)),
    ("10h", datetime(2026, 11, 22, 9, 0, tzinfo=UTC)),
    ("8h", datetime(2026, 11, 22, 7, 0, tzinfo=UTC)),
    ("10H", datetime(2026, 11, 22, 9, 0, tzinfo=UTC)),
    ("hier 18h30", datetime(2026, 11, 21, 17, 30, tzinfo=UTC)),
    ("hier à 9:30", datetime(2026, 11, 21, 8, 30, tzinfo=UTC)),
    ("aujourd'hui 8h", datetime(2026, 11, 22, 7, 0, tzinfo=UTC)),
    ("20/11 9h30", datetime(2026, 11, 20, 8, 30, tzinfo=UTC)),
    ("20/11/2026 21h", datetime(2026, 11, 20, 20, 0, tzinfo=UTC)),
    ("20/11/26 09:30", datetime(2026, 11, 20, 8, 30, tzinfo=UTC)),
])
def test_times_as_technicians_type_them(text: str, expected: datetime) -> None:
    assert parse_instant(text, PARIS, reference=REF) == expected


def test_an_hour_alone_follows_the_twelve_hour_rule() -> None:
    late = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)  # 23:30 in Paris
    assert parse_instant("21h", PARIS, reference=late) == datetime(2026, 11, 22, 20, 0,
                                                                   tzinfo=UTC)
    with pytest.raises(InputError, match="12"):
        parse_instant("21h", PARIS, reference=REF)  # would be yesterday, 14 hours ago


@pytest.mark.parametrize("text", ["24h", "9h3", "h30", "9:", "demain 9h", "32/11 9h"])
def test_not_times(text: str) -> None:
    with pytest.raises(InputError):
        parse_instant(text, PARIS, reference=REF)


@pytest.mark.parametrize(("text", "expected"), [
    ("01/12", date(2025, 12, 1)),        # no year: the most recent one, not a future day
    ("22/11", date(2026, 11, 22)),
    ("1/12/2026", date(2026, 12, 1)), ("1/12/26", date(2026, 12, 1)),
    ("1.12.2026", date(2026, 12, 1)), ("2026-12-01", date(2026, 12, 1)),
    ("demain", date(2026, 11, 23)), ("Hier", date(2026, 11, 21)),
    ("aujourd'hui", date(2026, 11, 22)), ("today", date(2026, 11, 22)),
])
def test_days_as_technicians_type_them(text: str, expected: date) -> None:
    from sessiond.clock import parse_day

    assert parse_day(text, date(2026, 11, 22)) == expected


def test_a_day_without_its_year_is_the_nearest_for_an_appointment() -> None:
    from sessiond.clock import parse_day

    assert parse_day("05/01", date(2026, 12, 30), past=False) == date(2027, 1, 5)
    assert parse_day("28/12", date(2027, 1, 2)) == date(2026, 12, 28)
    for text in ("29/02", "31/02/2025", "1/13", "demian"):
        with pytest.raises(InputError, match="illisible"):
            parse_day(text, date(2026, 11, 22))


def test_this_mornings_time_more_than_12_hours_back_is_not_said_to_be_still_to_come() -> None:
    evening = datetime(2026, 11, 22, 19, 5, tzinfo=UTC)  # 20:05 in Paris
    with pytest.raises(InputError) as refused:
        parse_instant("7h", PARIS, reference=evening)
    assert "2026-11-22 07:00" in refused.value.message
    assert "pas encore passé" not in refused.value.message


def test_a_wall_time_in_the_hour_the_clocks_go_back_says_its_offset() -> None:
    """02:53 comes twice in Paris on 26 October 2025: only the offset tells which. The
    compliance findings and `evidence list` print instants so."""
    from types import SimpleNamespace

    from sessiond.cli.evidence import _span

    paris = ZoneInfo("Europe/Paris")
    first = datetime(2025, 10, 26, 0, 53, 50, tzinfo=UTC)  # 02:53:50 summer time
    second = datetime(2025, 10, 26, 1, 57, 14, tzinfo=UTC)  # 02:57:14 winter time
    assert clock.local_wall(first, paris) == "2025-10-26 02:53:50 (UTC+02:00)"
    assert clock.local_wall(second, paris, "%H:%M:%S") == "02:57:14 (UTC+01:00)"
    assert clock.local_wall(datetime(2025, 10, 26, 9, 0, tzinfo=UTC), paris) == (
        "2025-10-26 10:00:00")  # no offset where the wall time is unambiguous
    assert _span(first, second, SimpleNamespace(tz=paris)) == (  # type: ignore[arg-type]
        "2025-10-26 02:53:50 (UTC+02:00) → 02:57:14 (UTC+01:00)")
