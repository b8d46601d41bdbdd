"""The invoice series check (audit.series): continuous per year, no number twice."""

from __future__ import annotations

from typing import Any

import pytest

from sessiond.audit import series
from sessiond.i18n import set_language


@pytest.fixture(autouse=True)
def english() -> Any:
    set_language("en")
    yield
    set_language(None)


def doc(seq: int, year: int, serial: int, kind: str = "invoice-issued",
        printed: str | None = None) -> tuple[int, str, dict[str, Any]]:
    return (seq, kind, {"year": year, "serial": serial,
                        "number": printed or series.number(kind, year, serial)})


def test_numbers_are_printed_with_their_kind_and_year() -> None:
    assert series.number("invoice-issued", 2026, 7) == "F-2026-0007"
    assert series.number("credit-note-issued", 2027, 12) == "A-2027-0012"


def test_a_continuous_series_across_years_has_no_problem() -> None:
    rows = [doc(3, 2026, 1), doc(9, 2026, 2, "credit-note-issued"), doc(12, 2026, 3),
            doc(40, 2027, 1), doc(41, 2027, 2)]
    assert series.problems(rows) == []
    # the bodies as the store keeps them (JSON text) read the same
    import json

    assert series.problems([(s, k, json.dumps(b)) for s, k, b in rows]) == []


def test_a_gap_is_reported_with_the_missing_numbers() -> None:
    found = series.problems([doc(3, 2026, 1), doc(5, 2026, 4)])
    assert [seq for seq, _m in found] == [5]
    assert "2 to 3" in found[0][1] and "F-2026-0004" in found[0][1]


def test_a_series_that_does_not_start_at_one_is_a_gap() -> None:
    found = series.problems([doc(3, 2027, 2)])
    assert len(found) == 1 and "1 to 1" in found[0][1]


def test_a_number_used_twice_is_reported() -> None:
    found = series.problems([doc(3, 2026, 1), doc(4, 2026, 2), doc(8, 2026, 2)])
    assert [seq for seq, _m in found] == [8]
    assert "used again" in found[0][1]


def test_a_year_going_back_is_not_chronological() -> None:
    found = series.problems([doc(3, 2027, 1), doc(4, 2026, 1)])
    assert [seq for seq, _m in found] == [4]
    assert "not chronological" in found[0][1]


def test_a_printed_number_that_is_not_its_place_is_reported() -> None:
    found = series.problems([doc(3, 2026, 1, printed="F-2026-0009")])
    assert len(found) == 1 and "F-2026-0001" in found[0][1]


def test_an_unreadable_body_is_reported() -> None:
    found = series.problems([(3, "invoice-issued", "{}")])
    assert found == [(3, "invoice event #3 has no readable number")]
