"""The JSON export's writer gives exactly what json.dumps(ensure_ascii=False, indent=2)
gives, and refuses what it refuses."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessiond.exports.jsonout import dumps_indented

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text())
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats()
values = st.recursive(
    scalars,
    lambda inner: (st.lists(inner, max_size=5) | st.tuples(inner, inner)
                   | st.dictionaries(keys, inner, max_size=5)),
    max_leaves=40)


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=400, deadline=None)
@given(values)
def test_byte_for_byte_the_standard_text(value: Any) -> None:
    assert dumps_indented(value) == standard(value)


class Level(IntEnum):
    HIGH = 3


class Colour(StrEnum):
    RED = "rouge"


def test_an_export_row_as_the_standard_writes_it() -> None:
    row = {"session": "s-7hq3xr", "client_name": "Mme Élodie « Roux »\n\u2028\x00",
           "pauses": [], "bill": {}, "amount": "45.00", "worked_seconds": 3720,
           "paid": None, "ok": True, "rate": 0.1, "big": 10**30, "level": Level.HIGH,
           "colour": Colour.RED, 7: "int key", None: "null key", 1.5: "float key",
           "nested": [{"a": [1, [2, []], {}]}, ("x", False)],
           "nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")}
    assert dumps_indented(row) == standard(row)
    assert dumps_indented([]) == "[]" and dumps_indented({}) == "{}"


@pytest.mark.parametrize("value", [{"a": object()}, [b"bytes"], {("tuple", "key"): 1},
                                   {1, 2}])
def test_what_the_standard_refuses_is_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        standard(value)
    with pytest.raises(TypeError):
        dumps_indented(value)
