"""Recompute the whole chain and check every checkpoint.

The first problem of the chain is reported with the event it concerns; a later event can
only be judged against a sound prefix, so the walk stops counting chain problems there.
Checkpoints (stored ones, and any that left the machine in a receipt or export) are each
checked on their own: signature, and that the log still holds their event with their hash.

Cost and memory: rows are streamed (plain tuples from the store, no objects built), each
hashed with the chain's fixed-layout encoder, and a body is validated once per distinct
(kind, body). Checkpoints are read twice: first into compact arrays (seq, hash: about 45
bytes each), then streamed again for their signatures, which go in batches to other
processes (`workers`) while this one walks the chain. Memory stays flat in the number of
events, and grows by those few bytes per checkpoint.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sessiond.audit import series
from sessiond.audit.chain import ENVELOPE, GENESIS, row_hash
from sessiond.audit.checkpoint import REASONS, Checkpoint, reason_fits
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import KINDS, validate

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from sessiond.audit.signatures import Batch, Worker


class Row(Protocol):
    """An events row as the store keeps it (the store's StoredEvent is one). A plain
    tuple in `chain.ROW` order (the store's `iter_rows`) is read faster."""

    @property
    def seq(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def prev_hash(self) -> str: ...
    @property
    def hash(self) -> str: ...

    def envelope(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Problem:
    seq: int | None  # the event concerned; None when no event can be named
    message: str


@dataclass
class Report:
    events: int = 0
    checkpoints: int = 0
    external: int = 0
    last_seq: int = 0
    problems: list[Problem] = field(default_factory=list)
    # Of `problems`, the checkpoints printed outside that the log's key did not sign (a
    # receipt's or an export proof's line edited): the document's, not the log's.
    printed: list[tuple[Problem, Checkpoint]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None


Checkpoints = Iterable[Checkpoint] | Callable[[], Iterable[Checkpoint]]

BATCH = 1024  # signatures per batch sent to a worker (about 0.1 s of work)
POOL_FROM = 4 * BATCH  # fewer checkpoints than this: starting a worker costs more
_VALIDATED = 4096  # distinct (kind, body) remembered as valid...
_SHORT = 200  # ...among the short ones: a long body (a check's findings) is unique


def verify(
    rows: Iterable[Row | Sequence[Any]],
    stored: Checkpoints,
    public_key: Ed25519PublicKey,
    key_id: str,
    external: Iterable[Checkpoint] = (),
    *,
    workers: int = 1,
) -> Report:
    """Walk `rows` (the whole log, in seq order, streamed) and check the `stored`
    checkpoints and the `external` ones that left the machine.

    `stored` is read twice: pass a list, or a callable that streams them anew each time
    (the store's `iter_checkpoints`). With `workers` > 1, up to `workers - 1` processes
    check signatures beside this one.
    """
    report = Report()
    signed = _Signed(key_id)
    read_stored = _rereadable(stored)
    outside = list(external)
    for origin, checkpoints in ((0, read_stored()), (1, outside)):
        for cp in checkpoints:
            signed.add(cp, origin)
    report.checkpoints, report.external = signed.counts
    signatures = _Signatures(public_key, key_id, signed.total,
                             _numbered(read_stored, report.checkpoints, outside), workers)
    try:
        _walk(rows, report, signed, signatures)
        forged = signatures.finish()
    finally:
        signatures.close()
    report.problems.extend(signed.problems(forged, report.last_seq, report.printed))
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return report


def _walk(rows: Iterable[Row | Sequence[Any]], report: Report, signed: _Signed,
          signatures: _Signatures) -> None:
    expected_seq, prev = 1, GENESIS
    chain_sound = True
    valid: set[tuple[str, str]] = set()
    match = signed.matcher()
    numbered: list[tuple[int, str, str]] = []  # invoices and credit notes (audit.series)
    for item in rows:
        row = item if type(item) is tuple else _as_tuple(item)
        seq = row[0]
        if type(seq) is not int:  # a damaged table definition or record: the row's place
            seq = report.last_seq + 1  # is its number, and it hashes to nothing (below)
        report.events += 1
        report.last_seq = seq
        match(seq, row)
        if row[2] in series.KINDS:
            numbered.append((seq, row[2], row[10]))
        if seq & 255 == 0:
            signatures.feed()
        if not chain_sound:
            continue
        problem = None
        if seq != expected_seq:
            problem = _("events #{first} to #{last} are missing (deleted) before #{seq}",
                        first=expected_seq, last=seq - 1, seq=seq) \
                if seq > expected_seq else \
                _("event #{seq} is out of order", seq=seq)
        elif row[12] != prev:
            problem = _("event #{seq} does not follow event #{previous} (an event was "
                        "inserted, deleted or moved)", seq=seq, previous=seq - 1)
        elif not _hashes_to(row, row[13]):
            problem = _("event #{seq} was modified after it was written", seq=seq)
        elif not _sound_envelope(row):
            problem = _("event #{seq} is not a valid sessiond event", seq=seq)
        elif (row[2], row[10]) not in valid:
            if not _valid_body(row[2], row[10]):
                problem = _("event #{seq} is not a valid sessiond event", seq=seq)
            else:
                if len(row[10]) <= _SHORT:  # the bodies that repeat ({}, a channel...)
                    if len(valid) >= _VALIDATED:
                        valid.clear()
                    valid.add((row[2], row[10]))
        if problem:
            report.problems.append(Problem(seq, problem))
            chain_sound = False
        expected_seq, prev = seq + 1, row[13]
    report.problems.extend(Problem(seq, message) for seq, message in series.problems(numbered))


def _valid_body(kind: Any, body: Any) -> bool:
    """Whether a stored body is what sessiond writes for its kind: a JSON object of the
    kind's fields. What a forger can write in its place and hash again (a list, JSON
    nested past Python's recursion limit, a number of 5000 digits) is none, and never
    ends verification with an internal error."""
    try:
        fields = json.loads(body)
        if not isinstance(fields, dict):
            return False
        validate(kind, fields, {}, complete=False)
    except (InputError, ValueError, TypeError, RecursionError):
        return False
    return True


def _sound_envelope(row: Sequence[Any]) -> bool:
    """Whether the envelope reads as sessiond writes it: the event's instant and the
    instant it was recorded are instants, the clock's fields of their types, and the ids
    its kind's scope needs are there (a session's event with its session and client, a
    sealed one with the client whose key sealed it), and so are the sealed fields its kind
    always has. Every reading command folds these:
    one that is not would end each of them with an internal error."""
    try:
        datetime.fromisoformat(row[5])
        datetime.fromisoformat(row[6])
    except (ValueError, TypeError):
        return False
    if type(row[7]) is not str or type(row[8]) is not str or type(row[9]) is not int:
        return False
    kind = KINDS.get(row[2])
    if kind is None:
        return True  # its body's problem (no kind's body fits it)
    session_id, client_id, sealed = row[3], row[4], row[11]
    if sealed is None:
        if kind.required & kind.personal.keys():  # a consent's "by" is always sealed
            return False
    elif type(sealed) is not str:
        return False
    if kind.scope == "session" and not (type(session_id) is str and session_id):
        return False
    needs_client = kind.scope != "log" or sealed is not None
    return not needs_client or (type(client_id) is str and bool(client_id))


def _hashes_to(row: Sequence[Any], hash_: str) -> bool:
    """Whether the row's envelope hashes to `hash_`. A value of a type sessiond never
    writes (a byte flipped in a record's header turns a text into a blob or a number)
    cannot be hashed, and is a modified row like any other."""
    try:
        return row_hash(row) == hash_
    except (TypeError, ValueError):
        return False


def _as_tuple(row: Any) -> tuple[Any, ...]:
    envelope = row.envelope()
    return (*(envelope[name] for name in ENVELOPE), row.hash)


def _rereadable(stored: Checkpoints) -> Callable[[], Iterable[Checkpoint]]:
    if callable(stored):
        return stored
    if iter(stored) is stored:  # a one-pass iterator: keep what it gives
        stored = list(stored)
    return lambda: stored


def _numbered(read_stored: Callable[[], Iterable[Checkpoint]], count: int,
              outside: list[Checkpoint]) -> Iterator[tuple[int, Checkpoint | None]]:
    """The second reading, numbered as the first: the stored checkpoints (those appended
    since are left for the next verification; None for any gone since, which the
    append-only triggers forbid), then the outside ones."""
    read = 0
    for cp in read_stored():
        if read == count:
            break
        yield read, cp
        read += 1
    for n in range(read, count):
        yield n, None
    yield from enumerate(outside, start=count)


class _Signed:
    """What the walk compares with the rows, for every checkpoint n (in reading order):
    its seq and hash, in arrays (a ten-year log holds a hundred thousand checkpoints)."""

    def __init__(self, key_id: str) -> None:
        self.key_id = key_id
        self.seqs = array("q")
        self.hashes = bytearray()  # 32 bytes per checkpoint
        self.origins = bytearray()  # 0 stored, 1 printed outside
        self.odd: dict[int, str] = {}  # hashes that are not 64 lowercase hex digits
        self.kinds = bytearray()  # the kind their reason names (_KINDS), or _ANY_KIND
        self.reasons: dict[int, tuple[str, str]] = {}  # (reason, at) of the others
        self.other_key: dict[int, str] = {}  # signed by another key: only that is said
        self.mismatched: list[int] = []  # the log holds another event at their seq
        self.misnamed: list[int] = []  # their reason is not what they signed
        self.counts = [0, 0]
        self.outside: dict[int, Checkpoint] = {}
        self.said: dict[int, str] = {}  # event numbers beyond SQLite's integers

    @property
    def total(self) -> int:
        return len(self.seqs)

    def add(self, cp: Checkpoint, origin: int) -> None:
        n = len(self.seqs)
        if origin:  # a few, from documents: each problem names its own
            self.outside[n] = cp
        self.counts[origin] += 1
        self.origins.append(origin)
        try:
            self.seqs.append(cp.seq)
        except (TypeError, OverflowError):
            self.seqs.append(-1)  # matches no row; reported as not found
            self.said[n] = str(cp.seq)  # named as written, not as "#-1"
            self.odd[n] = str(cp.hash)
        raw = _raw_hash(cp.hash)
        self.hashes += raw or bytes(32)
        if raw is None:
            self.odd[n] = str(cp.hash)
        if cp.key_id != self.key_id:
            self.other_key[n] = str(cp.key_id)
        kind = _KIND_OF.get(cp.reason, _ANY_KIND) if origin == 0 else _NO_REASON
        self.kinds.append(kind)
        if kind == _ANY_KIND:
            self.reasons[n] = (str(cp.reason), str(cp.at))

    def hash_of(self, n: int) -> str:
        return self.odd.get(n) or self.hashes[32 * n:32 * n + 32].hex()

    def matcher(self) -> Callable[[int, Sequence[Any]], None]:
        """A function of each row (its seq, the row), rows in seq order: it notes the
        checkpoints whose event is not the one they signed (or is missing), and those
        whose reason is not what they signed."""
        order = sorted(range(len(self.seqs)), key=self.seqs.__getitem__)
        seqs, position = self.seqs, 0
        count = len(order)

        def match(seq: int, row: Sequence[Any]) -> None:
            nonlocal position
            while position < count and seqs[order[position]] <= seq:
                n = order[position]
                if seqs[n] != seq or self.hash_of(n) != row[13]:
                    self.mismatched.append(n)
                elif not self._names(n, row[2]):
                    self.misnamed.append(n)
                position += 1

        return match

    def _names(self, n: int, kind: object) -> bool:
        """Whether checkpoint n's reason fits the kind of the event it signed."""
        code = self.kinds[n]
        if code == _NO_REASON:
            return True
        if code == _ANY_KIND:
            reason, at = self.reasons[n]
            return reason_fits(reason, str(kind), at)
        return _KINDS[code] == kind

    def problems(self, forged: set[int], last_seq: int,
                 printed: list[tuple[Problem, Checkpoint]]) -> list[Problem]:
        """What the checkpoints show; of those, a checkpoint printed outside whose
        signature is not the log's key's (a line of a receipt or a proof edited) is also
        put in `printed`: the document's fault, not the log's. One that is signed but
        covers what the log no longer holds is the log's (truncated, rewritten)."""
        labels = (_("checkpoint"), _("checkpoint printed outside"))
        found: list[Problem] = []
        other = self.other_key
        for n, key in other.items():
            found.append(Problem(self.seqs[n], _(
                "{origin} of event #{seq} was signed by another key ({key})",
                origin=labels[self.origins[n]], seq=self.said.get(n, self.seqs[n]), key=key)))
            if self.origins[n]:
                printed.append((found[-1], self.outside[n]))
        for n in sorted(forged - other.keys()):
            found.append(Problem(self.seqs[n], _("{origin} of event #{seq} has a forged "
                                                 "signature", origin=labels[self.origins[n]],
                                                 seq=self.said.get(n, self.seqs[n]))))
            if self.origins[n]:
                printed.append((found[-1], self.outside[n]))
        for n in range(len(self.seqs)):
            if n in other or n in forged or self.seqs[n] <= last_seq:
                continue
            found.append(Problem(self.seqs[n], _(
                "the log ends at event #{last} but a {origin} covers event #{seq}: the log "
                "was truncated or rolled back", last=last_seq, origin=labels[self.origins[n]],
                seq=self.said.get(n, self.seqs[n]))))
        for n in self.mismatched:
            if n in other or n in forged:
                continue
            found.append(Problem(self.seqs[n], _(
                "event #{seq} is not the one its {origin} signed (the log was rewritten)",
                seq=self.said.get(n, self.seqs[n]), origin=labels[self.origins[n]])))
        for n in self.misnamed:
            if n in other or n in forged:
                continue
            found.append(Problem(self.seqs[n], _(
                "the checkpoint of event #{seq} was modified: the reason stored with it "
                "is not what it signed", seq=self.said.get(n, self.seqs[n]))))
        return found


# A checkpoint's reason, as the kind of event it names: a byte per checkpoint.
_KINDS = tuple(REASONS)
_KIND_OF = {reason: code for code, reason in enumerate(REASONS.values())}
_ANY_KIND, _NO_REASON = 254, 255  # a day seal or an unknown reason; printed outside


def _raw_hash(text: object) -> bytes | None:
    if not (isinstance(text, str) and len(text) == 64 and text == text.lower()):
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        return None


class _Signatures:
    """Every checkpoint's signature checked once: batches go to worker processes as the
    walk calls `feed`; what is left when it ends is checked here, beside them."""

    def __init__(self, public_key: Ed25519PublicKey, key_id: str, total: int,
                 checkpoints: Iterator[tuple[int, Checkpoint | None]], workers: int) -> None:
        from cryptography.hazmat.primitives import serialization

        self.public_raw = public_key.public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
        self.key_id, self.checkpoints = key_id, checkpoints
        self.wanted = max(0, workers - 1) if total >= POOL_FROM else 0
        self.workers: list[Worker] = []
        self.sent: list[tuple[Worker, list[int]]] = []  # by batch number: who, which n
        self.forged: set[int] = set()

    def _batch(self) -> tuple[Batch, list[int]] | None:
        """The next batch: [(signature, message)] and their n; checkpoints of another key
        are left out (that is their finding)."""
        pairs: list[tuple[str, bytes]] = []
        numbers: list[int] = []
        taken = 0
        for n, cp in self.checkpoints:
            taken += 1
            if cp is None:
                self.forged.add(n)
            elif cp.key_id == self.key_id:
                try:
                    pairs.append((str(cp.signature), cp.message()))
                    numbers.append(n)
                except (TypeError, ValueError):  # a stored value no signature can cover
                    self.forged.add(n)
            if taken >= BATCH:
                break
        return (pairs, numbers) if taken else None

    def feed(self) -> None:
        """Keep each worker two batches ahead (called every few hundred rows)."""
        if self.wanted and not self.workers:
            self._start()
        for worker in self.workers:
            while worker.waiting < 2:
                batch = self._batch()
                if batch is None:
                    return
                pairs, numbers = batch
                worker.give(len(self.sent), pairs)
                self.sent.append((worker, numbers))

    def _start(self) -> None:
        from sessiond.audit.signatures import Worker

        for _n in range(self.wanted):
            try:
                self.workers.append(Worker(self.public_raw))
            except OSError:  # no worker: this process checks what none takes
                break
        self.wanted = 0

    def finish(self) -> set[int]:
        """Check what no worker took, collect the workers' findings: the forged n."""
        from sessiond.audit.signatures import bad_signatures

        while (batch := self._batch()) is not None:
            pairs, numbers = batch
            self.forged.update(numbers[i] for i in bad_signatures(self.public_raw, pairs))
        self.close()
        for index, (worker, numbers) in enumerate(self.sent):
            self.forged.update(numbers[i] for i in worker.results[index])
        return self.forged

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        self.workers = []  # closing twice (finish, then verify's finally) is harmless
