"""sessiond.records.NamedTuple makes the classes typing.NamedTuple makes, without typing."""

from __future__ import annotations

import pickle
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from sessiond import records


def make(base: type) -> type:
    class Visit(base):  # type: ignore[misc]
        """A visit."""

        client: str
        minutes: int = 30
        tags: tuple[str, ...] = ()

        @property
        def hours(self) -> float:
            return self.minutes / 60

        def longer(self, by: int) -> Visit:
            return self._replace(minutes=self.minutes + by)  # type: ignore[no-any-return]

        def __repr__(self) -> str:
            return f"Visit({self.client})"

    return Visit


OURS, THEIRS = make(records.NamedTuple), make(typing.NamedTuple)


def test_the_same_class_as_typing_makes() -> None:
    for attribute in ("_fields", "_field_defaults", "__doc__", "__qualname__", "__module__"):
        assert getattr(OURS, attribute) == getattr(THEIRS, attribute), attribute
    # The annotations stay the strings they are written as (typing wraps each in a
    # ForwardRef); they resolve to the same types.
    assert OURS.__annotations__ == {"client": "str", "minutes": "int", "tags": "tuple[str, ...]"}
    assert typing.get_type_hints(OURS) == typing.get_type_hints(THEIRS)
    assert OURS.__mro__[1:] == THEIRS.__mro__[1:] == (tuple, object)
    ours, theirs = OURS("jeanne", 90), THEIRS("jeanne", 90)
    assert tuple(ours) == tuple(theirs) == ("jeanne", 90, ())
    assert ours.hours == theirs.hours == 1.5
    assert tuple(ours.longer(30)) == tuple(theirs.longer(30)) == ("jeanne", 120, ())
    assert repr(ours) == repr(theirs) == "Visit(jeanne)"
    assert ours._asdict() == theirs._asdict()
    assert OURS(client="x") == ("x", 30, ())


def test_records_of_sessiond_pickle_and_compare() -> None:
    from sessiond.config import Config, Paths

    where = Paths(data=Path("/d"), config=Path("/c"))
    assert pickle.loads(pickle.dumps(where)) == where
    assert where.database.name == "sessiond.sqlite3"
    assert Config()._replace(language="en").language == "en"


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError):
        class Broken(records.NamedTuple):
            first: int = 0
            second: int  # type: ignore[misc]


@pytest.mark.parametrize("name", ["__slots__", "_fields", "_replace", "__new__"])
def test_what_would_undo_the_named_tuple_is_refused(name: str) -> None:
    with pytest.raises(AttributeError):
        records._RecordMeta("Broken", (records.NamedTuple,),  # type: ignore[attr-defined]
                            {"__module__": __name__, "__annotations__": {"a": "int"},
                             name: None})


def test_importing_records_does_not_import_typing() -> None:
    code = "import sys, sessiond.records; print('typing' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
