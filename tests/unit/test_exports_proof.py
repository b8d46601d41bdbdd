"""The events line printed on receipts and exports, and the exports' layering."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sessiond.exports.proof import EventsProof, Scope, digest, parse_proofs

HASH = "ab" * 32


def test_events_line_round_trips_through_wrapping_and_pdf_noise() -> None:
    proofs = [EventsProof(Scope.session("s-abc234"), 42, 1, 9, HASH),
              EventsProof(Scope.days(date(2025, 3, 9), date(2025, 3, 11),
                                     "America/Argentina/Buenos_Aires"), 7, 3, 30, HASH)]
    for proof in proofs:
        wrapped = "\n   ".join(textwrap.wrap(proof.text(), 37, break_long_words=True))
        noisy = f"%PDF-1.7 /Keywords (x {wrapped}) >> endobj"
        assert parse_proofs(noisy) == [proof]


def test_damaged_lines_are_ignored() -> None:
    line = EventsProof(Scope.session("s-abc234"), 42, 1, 9, HASH).text()
    assert parse_proofs(line[:-1]) == []
    assert parse_proofs(line.replace("upto=42", "upto=x")) == []
    assert parse_proofs(line.replace("session:", "days:")) == []


@given(st.lists(st.tuples(st.sampled_from(["s-a", "s-b", "s-c"]),
                          st.integers(1, 10**6), st.sampled_from(["0" * 64, "1" * 64])),
                unique_by=lambda t: t[1], max_size=30), st.randoms())
def test_digest_ignores_the_order_it_is_given(events: list[tuple[str, int, str]],
                                             rnd: object) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert digest(shuffled) == digest(events)
    assert digest(events)[0] == len(events)


def test_digest_depends_on_every_event() -> None:
    events = [("s-a", 1, "0" * 64), ("s-a", 2, "1" * 64)]
    assert digest(events) != digest(events[:1])
    assert digest(events) != digest([("s-a", 1, "0" * 64), ("s-a", 2, "2" * 64)])
    assert digest(events) != digest([("s-b", 1, "0" * 64), ("s-a", 2, "1" * 64)])


def test_exports_import_no_front_end() -> None:
    code = ("import sys, sessiond.exports, sessiond.exports.pdf; "
            "print([m for m in ('textual', 'pynput', 'apscheduler') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
