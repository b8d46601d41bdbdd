"""The chain's fixed-layout encoder gives the generic encoder's bytes, and verify (tuples
or objects, one core or several) judges a log as it always did."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sessiond.audit import verify as verify_module
from sessiond.audit.canonical import canonical
from sessiond.audit.chain import ENVELOPE, GENESIS, envelope_bytes, event_hash, row_hash
from sessiond.audit.checkpoint import _DOMAIN, Checkpoint
from sessiond.audit.verify import verify
from sessiond.i18n import set_language
from sessiond.store.sqlite import Store

# Text that the generic encoder must escape or normalise: quotes, backslashes, control
# characters, line separators, decomposed accents, astral characters.
tricky = st.lists(st.sampled_from(['"', "\\", "\n", "\x00", "\x1f", "\u2028", "é",
                                   unicodedata.normalize("NFD", "é"), "\u0301", "😀", "a",
                                   "Z", "{", "}", ":", ","]) | st.characters()
                   ).map("".join)
scalar = st.one_of(tricky, st.none(), st.integers(), st.booleans(),
                   st.integers(min_value=-(2**70), max_value=2**70))
hex64 = st.text("0123456789abcdef", min_size=64, max_size=64)


def reference_hash(envelope: dict[str, Any]) -> str:
    """The chain's definition, written out: SHA-256(prev_hash || canonical(envelope))."""
    digest = hashlib.sha256(bytes.fromhex(envelope["prev_hash"]))
    digest.update(canonical({name: envelope[name] for name in ENVELOPE}))
    return digest.hexdigest()


def outcome(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception as e:  # the same refusal (e.g. a float, a lone surrogate) counts too
        return type(e)


@settings(max_examples=400)
@given(st.lists(scalar, min_size=13, max_size=13))
@example([1, "é" * 3, "k", None, None, "2026-01-01T00:00:00Z", "x", "Europe/Paris", "b", 2,
          '{"a":"\\u00e9"}', None, GENESIS])
@example([True, "a", "k", None, None, "t", "t", "z", "b", 0, "{}", None, GENESIS])
@example([1, "\ud800", "k", None, None, "t", "t", "z", "b", 0, "{}", None, GENESIS])
@example([1.5, "a", "k", None, None, "t", "t", "z", "b", 0, "{}", None, GENESIS])
def test_the_fixed_layout_is_the_generic_encoding(values: list[Any]) -> None:
    generic = outcome(lambda: canonical(dict(zip(ENVELOPE, values, strict=True))))
    assert outcome(envelope_bytes, values) == generic


@settings(max_examples=200)
@given(st.lists(scalar, min_size=12, max_size=12), hex64)
def test_row_hash_is_the_chain_definition(values: list[Any], prev: str) -> None:
    envelope = dict(zip(ENVELOPE, [*values, prev], strict=True))
    expected = outcome(reference_hash, envelope)
    assert outcome(event_hash, envelope) == expected
    assert outcome(row_hash, [*values, prev, "ignored: the stored hash"]) == expected


@given(st.integers(), tricky, tricky, tricky)
def test_checkpoint_messages_keep_their_bytes(seq: int, hash_: str, at: str,
                                              key_id: str) -> None:
    cp = Checkpoint(seq, hash_, at, key_id, "00")
    expected = outcome(lambda: _DOMAIN + canonical(
        {"seq": seq, "hash": hash_, "at": at, "key_id": key_id}))
    assert outcome(cp.message) == expected


# --- verify --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english() -> Any:
    set_language("en")  # the messages are matched below
    yield
    set_language(None)


def build(tmp_path: Path, sessions: int, key: Ed25519PrivateKey, key_id: str = "k" * 16
          ) -> Store:
    store = Store(tmp_path / "log.sqlite3")
    for n in range(sessions):
        with store.writing() as w:
            for kind, body in (("session-planned", {"policy": "vlh", "mode": "remote",
                                                    "tool": "anydesk", "problem_count": 0}),
                               ("session-stopped", {"ended_by": "technician"})):
                w.append(kind=kind, session_id=f"s-{n}", client_id="c-1",
                         at="2026-11-22T09:00:00Z", recorded_at="2026-11-22T09:00:00Z",
                         tz="Europe/Paris", boot_id="b", boottime_ns=n, body=body)
            seq, hash_ = w.tail()
            # A day seal's reason: it signs any event (a stop's signs its check).
            reason = "day-seal 2026-11-22"
            unsigned = Checkpoint(seq, hash_, "2026-11-22T09:00:00Z", key_id, "", reason)
            w.add_checkpoint(Checkpoint(seq, hash_, unsigned.at, key_id,
                                        key.sign(unsigned.message()).hex(), reason))
    return store


def judged(store: Store, key: Ed25519PrivateKey, *, workers: int = 1, tuples: bool = True,
           external: list[Checkpoint] | None = None) -> list[tuple[int | None, str]]:
    rows = store.iter_rows() if tuples else store.iter_events()
    report = verify(rows, store.iter_checkpoints if tuples else store.checkpoints(),
                    key.public_key(), "k" * 16, external or [], workers=workers)
    return [(p.seq, p.message) for p in report.problems]


def test_verify_reads_tuples_and_objects_alike(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    store = build(tmp_path, 5, key)
    assert judged(store, key) == judged(store, key, tuples=False) == []
    store.conn.execute("DROP TRIGGER events_no_update")
    store.conn.execute("UPDATE events SET body = '{\"ended_by\":\"client\"}' WHERE seq = 4")
    problems = judged(store, key)
    assert problems == judged(store, key, tuples=False)
    assert [seq for seq, _m in problems] == [4] and "modified" in problems[0][1]
    store.close()


def test_each_checkpoint_problem_is_told_once(tmp_path: Path) -> None:
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    store = build(tmp_path, 4, key)
    seq, hash_ = store.tail()
    forged = Checkpoint(seq, hash_, "2026-11-22T10:00:00Z", "k" * 16, "ab" * 64, "forged")
    beyond = Checkpoint(seq + 5, hash_, "2026-11-22T10:00:00Z", "k" * 16, "", "beyond")
    beyond = Checkpoint(beyond.seq, hash_, beyond.at, beyond.key_id,
                        key.sign(beyond.message()).hex())
    elsewhere = Checkpoint(2, hash_, "2026-11-22T10:00:00Z", "k" * 16, "")
    elsewhere = Checkpoint(2, hash_, elsewhere.at, elsewhere.key_id,
                           key.sign(elsewhere.message()).hex())
    foreign = Checkpoint(4, hash_, "2026-11-22T10:00:00Z", "f" * 16,
                         other.sign(b"x").hex())
    problems = judged(store, key, external=[forged, beyond, elsewhere, foreign])
    messages = dict(problems)
    assert len(problems) == 4
    assert "forged" in messages[seq] and "truncated" in messages[seq + 5]
    assert "rewritten" in messages[2] and "another key (ffffffffffffffff)" in messages[4]
    store.close()


def test_signatures_checked_by_a_worker_find_the_same_forgery(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process takes batches as soon as there are a few (thresholds lowered);
    a forged signature in any batch is reported as on one core."""
    monkeypatch.setattr(verify_module, "BATCH", 3)
    monkeypatch.setattr(verify_module, "POOL_FROM", 6)
    key = Ed25519PrivateKey.generate()
    store = build(tmp_path, 300, key)  # 600 rows: the walk feeds the worker
    store.conn.execute("DROP TRIGGER checkpoints_no_update")
    # A changed first byte (a random signature may already start with 00: flip to ff then).
    store.conn.execute("UPDATE checkpoints SET signature = CASE WHEN substr(signature, 1, 2) "
                       "= '00' THEN 'ff' ELSE '00' END || substr(signature, 3) "
                       "WHERE id IN (1, 250)")  # the first batch goes to the worker
    spawned: list[Any] = []
    from sessiond.audit import signatures

    original = signatures.Worker.__init__

    def counting(self: Any, public_raw: bytes) -> None:
        original(self, public_raw)
        spawned.append(self)

    monkeypatch.setattr(signatures.Worker, "__init__", counting)
    one, two = judged(store, key), judged(store, key, workers=2)
    assert one == two and [seq for seq, _m in one] == [2, 500]
    assert all("forged" in message for _seq, message in one)
    assert len(spawned) == 1 and spawned[0].given > 0  # the worker did take batches
    assert spawned[0].process.returncode == 0
    store.close()


def test_a_worker_that_cannot_start_leaves_the_work_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify_module, "BATCH", 3)
    monkeypatch.setattr(verify_module, "POOL_FROM", 6)
    monkeypatch.setattr("sys.executable", os.devnull)  # not a program: Popen fails
    key = Ed25519PrivateKey.generate()
    store = build(tmp_path, 300, key)
    assert judged(store, key, workers=2) == []
    store.close()


def test_the_walk_reads_rows_in_table_order_without_sorting(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    store = build(tmp_path, 3, key)
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    rows = list(store.iter_rows())
    store.conn.set_trace_callback(None)
    plan = " ".join(str(r) for r in store.conn.execute("EXPLAIN QUERY PLAN " + seen[0]))
    assert "SCAN events" in plan and "TEMP B-TREE" not in plan  # streamed by rowid
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6] and type(rows[0]) is tuple
    store.close()


@pytest.mark.parametrize(("reason", "kind", "fits"), [
    ("session-stop", "check-completed", True),
    ("receipt", "receipt-issued", True),
    ("receipt", "check-completed", False),  # a reason another event's checkpoint has
    ("", "check-completed", False),
    # A day seal signs any tail; the day it names is one the UTC instant can be the local
    # day of (or the day after) somewhere from UTC-12 to UTC+14.
    ("day-seal 2026-12-01", "note-added", True),
    ("day-seal 2026-11-29", "note-added", True),
    ("day-seal 2026-12-02", "note-added", True),
    ("day-seal 2026-11-28", "note-added", False),
    ("day-seal 2026-12-03", "note-added", False),
    ("day-seal 2026-12-1", "note-added", False),
    ("day-seal 2026-13-01", "note-added", False),
    ("day-seal  2026-12-01", "note-added", False),
    ("day-sealed 2026-12-01", "note-added", False),
])
def test_a_checkpoint_reason_fits_what_it_signed(reason: str, kind: str, fits: bool) -> None:
    from sessiond.audit.checkpoint import reason_fits

    assert reason_fits(reason, kind, "2026-12-01T22:59:03Z") is fits


def test_a_signature_is_read_in_the_one_spelling_sessiond_writes() -> None:
    from cryptography.hazmat.primitives import serialization

    from sessiond.audit.signatures import bad_signatures

    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    hex_ = key.sign(b"m").hex()
    spaced = " ".join(hex_[i:i + 2] for i in range(0, len(hex_), 2))
    assert bad_signatures(raw, [(hex_, b"m"), (hex_.upper(), b"m"), (spaced, b"m"),
                                (hex_, b"n")]) == [1, 2, 3]
