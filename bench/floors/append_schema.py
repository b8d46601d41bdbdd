"""The schema's own floor of an append: the events rows a working day writes, copied from
the log itself, inserted bare (BEGIN IMMEDIATE + INSERT + COMMIT, WAL, synchronous=FULL)
into that log: its indexes and triggers, none of sessiond's Python. Prints appends per
second. What lies between it and bench/floors/append.py is the schema's work (five
indexes, the open-sessions trigger); what lies between it and the service is sessiond's.

Usage: python append_schema.py LOG COUNT   (LOG: a copy of a sessiond.sqlite3, written to)
"""

import os
import sqlite3
import sys
import time

path, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
columns = [row[1] for row in db.execute("PRAGMA table_info(events)")]
# The mix of bench_append: a session planned, its consent, its start, then pauses and
# resumes; each row the log's own last one of that kind.
kinds = ["session-planned", "consent-recorded", "session-started"] + [
    "session-paused", "session-resumed"] * 3 + ["session-paused"]
templates = {kind: db.execute("SELECT * FROM events WHERE kind = ? ORDER BY seq DESC LIMIT 1",
                              (kind,)).fetchone() for kind in set(kinds)}
seq = db.execute("SELECT MAX(seq) FROM events").fetchone()[0]
at = {name: columns.index(name) for name in ("seq", "id", "session_id")}
insert = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
rows = []
for n in range(count):
    kind = kinds[n % len(kinds)]
    if kind == "session-planned":
        session = "s" + os.urandom(8).hex()
    row = list(templates[kind])
    seq += 1
    row[at["seq"]], row[at["id"]], row[at["session_id"]] = seq, os.urandom(16).hex(), session
    rows.append(row)
began = time.perf_counter()
for row in rows:
    db.execute("BEGIN IMMEDIATE")
    db.execute(insert, row)
    db.execute("COMMIT")
print(count / (time.perf_counter() - began))
