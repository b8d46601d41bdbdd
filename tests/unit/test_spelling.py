"""The one rule behind every "did you mean": a slip of the finger, and only one candidate."""

from __future__ import annotations

import random
import string

import pytest

from sessiond.spelling import did_you_mean, meant, one_edit

IDS = ["s-sauher", "s-k2m9qa", "s-7hq3xr", "c-fd2yeb"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("s-sauhre", "s-sauher"),   # two letters swapped
    ("s-sauhr", "s-sauher"),    # one dropped
    ("s-saauher", "s-sauher"),  # one added
    ("s-sauxer", "s-sauher"),   # one changed
    ("S-SAUHER", "s-sauher"),   # only the case differs
    (" s-7hq3xr ", "s-7hq3xr"),
    ("s-zzzzzz", None),         # nothing like a known id
    ("sauher", "s-sauher"),     # the prefix forgotten
    ("s-sau", None),            # half the id: not a slip
    ("", None),
])
def test_the_known_id_a_typed_one_was_meant_to_be(typed: str, expected: str | None) -> None:
    assert meant(typed, IDS) == expected


def test_two_candidates_as_close_give_no_guess() -> None:
    assert meant("s-abcdex", ["s-abcdef", "s-abcdeg"]) is None
    assert meant("s-abcdef", ["s-abcdef", "s-abcdeg"]) == "s-abcdef"


def test_commands_and_choices() -> None:
    commands = ["start", "stop", "status", "resume", "reopen", "record", "redact", "restore"]
    assert meant("resme", commands) == "resume"
    assert meant("stauts", commands) == "status"
    assert meant("anydsk", ["teamviewer", "anydesk", "rustdesk"]) == "anydesk"


@pytest.mark.parametrize(("typed", "expected"), [
    ("vhl", "vlh"),        # two swapped in a word of three: difflib's ratio is 0.67
    ("orla", "oral"),      # of four: 0.75
    ("vl", "vlh"),         # one dropped
    ("x", None),           # one letter is no word to guess from
    ("hvl", None),         # the first and last swapped: two slips
])
def test_a_slip_in_a_short_word(typed: str, expected: str | None) -> None:
    assert meant(typed, ["vlh", "mri87", "fgdmi", "oral", "email", "x1"]) == expected


@pytest.mark.parametrize(("word", "other", "expected"), [
    ("motdepasse", "motdepasse", True), ("motdepsse", "motdepasse", True),
    ("motdepassse", "motdepasse", True), ("motdepasze", "motdepasse", True),
    ("omtdepasse", "motdepasse", True), ("motdepases", "motdepasse", True),
    ("modtepasse", "motdepasse", True), ("mtdepase", "motdepasse", False),
    ("ab", "ba", True), ("abc", "cba", False), ("", "a", True), ("", "ab", False),
])
def test_one_edit(word: str, other: str, expected: bool) -> None:
    assert one_edit(word, other) is expected
    assert one_edit(other, word) is expected


def test_among_twenty_thousand_random_ids_only_the_meant_one_is_offered() -> None:
    rng = random.Random(7)
    ids = {"s-" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=6))
           for _ in range(20_000)} | {"s-sauher"}
    assert meant("s-sauhre", ids) == "s-sauher"


def test_the_sentence_is_empty_when_nothing_is_meant() -> None:
    assert did_you_mean("s-zzzzzz", IDS) == ""
    assert did_you_mean("s-sauhre", IDS).strip() in ("Did you mean s-sauher?",
                                                     "Vouliez-vous dire s-sauher\u202f?")
