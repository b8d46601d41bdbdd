"""The whole verification of a log: SQLite's own check, the schema, the chain, the
checkpoints and the keys of the sealed data.

`audit.verify` judges the rows; this adds what only the file can show. A byte flipped in
a page SQLite can still read is caught by the chain (events) or by a signature
(checkpoints), or by AES-GCM (wrapped keys); one in a page it cannot read, or in an index,
by `PRAGMA integrity_check`; a trigger dropped or changed, by the schema check; a
checkpoint's number or reason, which no signature covers, by their own rules. A log that
fails is marked damaged (`Store.mark_damaged`): from then on no write goes into it until
it verifies again (restored from a backup).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from sessiond.audit.checkpoint import Checkpoint
from sessiond.audit.verify import Problem, Report, verify
from sessiond.errors import Damaged
from sessiond.i18n import _

if TYPE_CHECKING:
    from sessiond.audit.keys import VerifyKeys
    from sessiond.store.sqlite import Store


class Keys(Protocol):
    """The keys to verify with (audit.keys.Keyring; a backup's sealed keys)."""

    def for_verification(self, *, signed: bool, sealed: bool) -> VerifyKeys: ...


def verify_log(store: Callable[[], Store], keyring: Callable[[], Keys],
               external: Iterable[Checkpoint] = (), *, mark: bool = True) -> Report:
    """Verify the log that `store()` opens, with the keys `keyring()` holds, and the
    checkpoints printed `external`ly. A missing key stops it (EnvironmentFault); every
    other problem is a finding of the report. With `mark`, a log that fails is marked
    damaged (no more writes), one that passes is unmarked."""
    outside = list(external)
    try:
        db = store()
    except Damaged as e:  # SQLite cannot even open it
        report = Report()
        report.problems.append(Problem(None, e.message))
        return report
    integrity = _integrity_beside(db)
    schema = [Problem(None, _("database schema: {problem}", problem=p))
              for p in db.schema_problems()]
    foreign = db.tables_not_made()
    if foreign:  # nothing is read from tables sessiond did not make: only their schema
        report = Report()
        report.problems = [Problem(None, _("SQLite integrity check: {problem}", problem=p))
                           for p in integrity()] + schema
        report.problems.append(Problem(None, _(
            "the log was not read: it does not hold sessiond's tables as sessiond makes "
            "them ({tables}), and a view or a table of other columns in their place could "
            "make reading it never end", tables=", ".join(foreign))))
        if mark:
            db.mark_damaged(report.problems[0].message)
        return report
    schema += [Problem(None, p) for p in db.numbering_problems()]
    try:
        signed = db.checkpoint_key_id() is not None
        sealed = bool(db.wrapped_samples())
    except sqlite3.DatabaseError:
        signed = sealed = True
    try:
        keys = keyring().for_verification(signed=signed, sealed=sealed)
        report = _walk(db, keys, outside)
    finally:
        found = integrity()
    damage = [Problem(None, _("SQLite integrity check: {problem}", problem=p))
              for p in found] + schema
    report.problems[:0] = damage
    internal = report.problems
    if not report.ok and outside:  # a document's finding is not damage of the log itself
        internal = _walk(db, keys, []).problems + damage
    if not mark:
        return report
    if internal:
        db.mark_damaged(internal[0].message)
    else:
        db.clear_damage_mark()
    return report


def _integrity_beside(db: Store) -> Callable[[], list[str]]:
    """`db.integrity_problems()`, started on a second connection in a thread while the
    chain is walked (SQLite runs it without the GIL: on a large log it took as long as
    the walk, one after the other); the returned function waits for its result. Where a
    second connection cannot be opened, the check runs here, first."""
    import threading

    try:
        twin = db.twin()
    except Exception:  # a file too damaged to open twice: checked on this connection
        found = db.integrity_problems()
        return lambda: found
    result: list[str] = []

    def check() -> None:
        try:
            result.extend(twin.integrity_problems())
        except Exception as e:  # said as the check's finding, as on the main connection
            result.append(str(e))

    thread = threading.Thread(target=check, name="sessiond-integrity", daemon=True)
    thread.start()

    def wait() -> list[str]:
        thread.join()
        twin.close()
        return result

    return wait


def _walk(db: Store, keys: VerifyKeys, outside: list[Checkpoint]) -> Report:
    try:
        # Rows as plain tuples, checkpoints streamed: memory stays flat in the log's size;
        # signatures are checked on every core available (audit.verify).
        report = verify(db.iter_rows(), db.iter_checkpoints, keys.public_key, keys.key_id,
                        outside, workers=len(os.sched_getaffinity(0)))
    except (sqlite3.DatabaseError, UnicodeError, ValueError) as e:
        report = Report()
        report.problems.append(Problem(None, _("the log cannot be read to its end ({problem})",
                                                problem=e)))
        return report
    try:
        report.problems.extend(_key_problems(db, keys))
    except (sqlite3.DatabaseError, UnicodeError, ValueError) as e:
        report.problems.append(Problem(None, _("the keys of the sealed data cannot be read "
                                               "({problem})", problem=e)))
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return report


def _key_problems(db: Store, keys: VerifyKeys) -> list[Problem]:
    """Every wrapped client key opens under the master key, and every field key under
    its client's key: a damaged one would make sealed data unreadable without a trace in
    the chain (it covers the ciphertext, not the keys)."""
    from sessiond.audit.seal import unseal

    if keys.master is None:  # a backup checked without its secret: nothing to open with
        return []
    problems: list[Problem] = []
    data_keys: dict[str, bytes | None] = {}
    for client_id, wrapped in db.wrapped_keys():
        data_keys[client_id] = key = keys.opens(client_id, wrapped)
        if key is None:
            problems.append(Problem(None, _("the data key of client {client} does not open "
                                            "under the master key (damaged, or another "
                                            "master key)", client=client_id)))
    for seq, event_id, client_id, name, field_key in db.field_keys():
        key = data_keys.get(client_id)
        if key is None:
            continue  # erased client (or reported above)
        try:
            unseal(field_key, key, f"{event_id}/{name}/key")
        except Exception:  # any failure to open is the same finding
            problems.append(Problem(seq, _("the key of the text {field} of event #{seq} "
                                           "does not open (damaged)", field=name, seq=seq)))
    return problems
