from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessiond.audit.canonical import canonical


def test_sorted_compact_utf8_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "é")
    expected = '{"a":["é",null,true],"b":1}'.encode()
    assert canonical({"b": 1, "a": [decomposed, None, True]}) == expected


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        canonical({"amount": 1.5})


def test_records_are_refused_not_hashed_as_lists() -> None:
    # The model's records are named tuples: hashed as a list, their field order would
    # silently become part of the signed format.
    from datetime import UTC, datetime

    from sessiond.model import Interval

    with pytest.raises(TypeError):
        canonical({"span": Interval(datetime(2026, 1, 1, tzinfo=UTC), None)})
    assert canonical({"pair": (1, 2)}) == b'{"pair":[1,2]}'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(json_values)
def test_canonical_is_deterministic_and_normalising(value: object) -> None:
    assert canonical(value) == canonical(value)
    assert unicodedata.normalize("NFC", canonical(value).decode()) == canonical(value).decode()
