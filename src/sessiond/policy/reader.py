"""Strict reading of one TOML table, collecting every problem instead of stopping at one.

A technician editing a policy wants the whole list of what is wrong in one run of
`sessiond policy lint`, each line naming the file, the key and what was expected. So the
readers below never raise: they record the problem and return a placeholder, and the
caller raises once at the end (`Problems.raise_if_any`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from sessiond.amounts import foreign_digit
from sessiond.errors import InputError
from sessiond.i18n import _

T = TypeVar("T")

# The strings that are prose, quoted from the terms or written for the technician: they may
# run over several lines. Every other string (a title, a business, an article, a VAT
# mention) is printed inside one line, of `check`, `policy show`, a receipt: a line break
# in it would print a line of its own, one sessiond never wrote ("3.2\nsessiond: ok").
PROSE = frozenset({"text", "note"})
# The longest a text may be, in characters: a line of `check` or of a receipt (the longest
# shipped is some 70), a clause quoted from the terms (some 600). A document name of
# 950,000 characters made a receipt of 223 pages, that `verify` called damaged.
LINE_LIMIT = 300
PROSE_LIMIT = 4000
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What no policy text needs and every screen would act on: control characters (a tab and,
# in prose, line ends aside) and the bidirectional marks, embeddings, overrides and
# isolates. An article "3.2\x1b]0;x\x07" retitled the terminal from the policies screen and
# the findings, which show articles as the policy gives them; "\u202e" reversed the line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                      "\u202a-\u202e\u2066-\u2069]")
SHOWN = 20  # problems of one file said, at most (Problems.raise_if_any)
_DECIMAL_TEXT = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,4})?\Z")  # not `\d`: "٥٠" is no price


@dataclass
class Problems:
    """Problems found in one file, in the order they were found."""

    path: Path
    lines: list[str] = field(default_factory=list)

    def add(self, key: str, problem: str) -> None:
        self.lines.append(_("{path}: {key}: {problem}", path=self.path, key=key or "-",
                            problem=problem))

    def raise_if_any(self) -> None:
        """One line a problem, the first SHOWN of them when there are many more: a policy
        of 80,000 unknown keys printed 80,000 lines (4 MB, also in `policy list --json`)
        where the first ones tell what to mend."""
        lines = self.lines
        if len(lines) > SHOWN + 5:
            lines = [*lines[:SHOWN], _("{path}: {n} more problems, not shown: mend these, then "
                                       "run sessiond policy lint again.", path=self.path,
                                       n=len(lines) - SHOWN)]
        if lines:
            raise InputError("\n".join(lines))


class Table:
    """One TOML table being read; `finish()` reports the keys nobody asked for."""

    def __init__(self, raw: Mapping[str, Any], prefix: str, problems: Problems) -> None:
        self.raw = raw
        self.prefix = prefix
        self.problems = problems
        self.seen: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def has(self, name: str) -> bool:
        return name in self.raw

    def _get(self, name: str, required: bool, expected: str) -> Any:
        self.seen.add(name)
        if name not in self.raw:
            if required:
                self.problems.add(self.key(name), _("missing; expected {expected}",
                                                    expected=expected))
            return None
        return self.raw[name]

    def wrong(self, name: str, expected: str) -> None:
        self.problems.add(self.key(name), _("expected {expected}", expected=expected))

    def text(self, name: str, *, required: bool = True, default: str = "") -> str:
        expected = _("a non-empty string")
        value = self._get(name, required, expected)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            self.wrong(name, expected)
            return default
        if name not in PROSE and _LINE_BREAK.search(value.strip()):
            self.wrong(name, _("one line of text, without a line break"))
            return default
        if (control := _CONTROL.search(value)) is not None:
            self.wrong(name, _("text without a control or direction character (here "
                               "U+{code})", code=f"{ord(control.group()):04X}"))
            return default
        if len(value.strip()) > (limit := PROSE_LIMIT if name in PROSE else LINE_LIMIT):
            self.problems.add(self.key(name), _(
                "{length} characters, more than the {limit} this text may hold: shorten it",
                length=len(value.strip()), limit=limit))
            return default
        return value.strip()

    def optional_text(self, name: str) -> str | None:
        value = self.text(name, required=False)
        return value or None

    def matching(self, name: str, pattern: re.Pattern[str], expected: str,
                 *, required: bool = True) -> str:
        value = self._get(name, required, expected)
        if value is None:
            return ""
        if not isinstance(value, str) or not pattern.match(value):
            self.wrong(name, expected)
            return ""
        return value

    def integer(self, name: str, *, required: bool = True, default: int = 0,
                minimum: int = 0, maximum: int = 10**9) -> int:
        expected = _("a whole number from {low} to {high}", low=minimum, high=maximum)
        value = self._get(name, required, expected)
        if value is None:
            return default
        if type(value) is not int or not minimum <= value <= maximum:
            self.wrong(name, expected)
            return default
        return value

    def flag(self, name: str, *, default: bool = False) -> bool:
        expected = _("true or false")
        value = self._get(name, False, expected)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.wrong(name, expected)
            return default
        return value

    def decimal(self, name: str, *, required: bool = True, maximum: Decimal | None = None,
                money: bool = False) -> Decimal | None:
        """Money, hours and percentages: a decimal string ("55.50") or a whole number;
        `money` is in euros and cents, as every amount typed on the command line is
        (amounts.parse_amount): 50.005 € would bill a price nobody can print or pay.

        Floats are refused: 0.1 + 0.2 is not 0.3 in binary, and a bill must be exact.
        """
        expected = _("a decimal number written as a string, e.g. \"55.50\"")
        value = self._get(name, required, expected)
        if value is None:
            return None
        if type(value) is int and 0 <= value < 10**9:  # as many digits as _DECIMAL_TEXT
            number = Decimal(value)
        elif isinstance(value, str) and (digit := foreign_digit(value)) is not None:
            self.wrong(name, _("digits 0 to 9, not {digit!r} (U+{code})", digit=digit,
                               code=f"{ord(digit):04X}"))
            return None
        elif isinstance(value, str) and _DECIMAL_TEXT.match(value):
            try:
                number = Decimal(value)
            except InvalidOperation:  # pragma: no cover - the pattern already excludes it
                self.wrong(name, expected)
                return None
        else:
            self.wrong(name, expected)
            return None
        if maximum is not None and number > maximum:
            self.wrong(name, _("at most {maximum}", maximum=maximum))
            return None
        if money and number != number.quantize(Decimal("0.01")):
            self.wrong(name, _("an amount in euros and cents (at most two decimals), e.g. "
                               "\"55.50\""))
            return None
        return number

    def day(self, name: str) -> date | None:
        expected = _("a date such as 2024-01-01")
        value = self._get(name, False, expected)
        if value is None:
            return None
        if type(value) is not date:
            self.wrong(name, expected)
            return None
        return value

    def choices(self, name: str, allowed: tuple[str, ...], *, required: bool = False
                ) -> tuple[str, ...]:
        expected = _("a list of values among {choices}", choices=", ".join(allowed))
        value = self._get(name, required, expected)
        if value is None:
            return ()
        if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v in allowed for v in value
        ):
            self.wrong(name, expected)
            return ()
        return tuple(value)

    def strings(self, name: str, pattern: re.Pattern[str], expected: str,
                *, required: bool = False) -> tuple[str, ...]:
        value = self._get(name, required, expected)
        if value is None:
            return ()
        if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and pattern.match(v) for v in value
        ):
            self.wrong(name, expected)
            return ()
        return tuple(value)

    def one(self, name: str, allowed: tuple[str, ...], *, default: str) -> str:
        expected = _("one of {choices}", choices=", ".join(allowed))
        value = self._get(name, False, expected)
        if value is None:
            return default
        if value not in allowed:
            self.wrong(name, expected)
            return default
        return str(value)

    def tables(self, name: str, *, required: bool = False) -> dict[str, Table]:
        """A table of named sub-tables, e.g. `[rates.remote]`, `[rates.onsite]`."""
        value = self._get(name, required, _("a table"))
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong(name, _("a table"))
            return {}
        result: dict[str, Table] = {}
        for sub, content in value.items():
            if not isinstance(content, dict):
                self.problems.add(self.key(f"{name}.{sub}"), _("expected {expected}",
                                                               expected=_("a table")))
                continue
            result[sub] = Table(content, self.key(f"{name}.{sub}"), self.problems)
        return result

    def table(self, name: str, *, required: bool = False) -> Table | None:
        value = self._get(name, required, _("a table"))
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong(name, _("a table"))
            return None
        return Table(value, self.key(name), self.problems)

    def finish(self, also: Callable[[str], bool] | None = None) -> None:
        for name in self.raw:
            if name not in self.seen and not (also and also(name)):
                self.problems.add(self.key(name), _("unknown key"))
