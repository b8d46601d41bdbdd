"""Floor of an append: BEGIN IMMEDIATE + INSERT of an event-sized row + COMMIT, under WAL
and synchronous=FULL, in a new file. Prints appends per second."""

import os
import sqlite3
import sys
import time

path, count = sys.argv[1], int(sys.argv[2])
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")
row = "x" * 900  # about the size of a stored event with its hashes
began = time.perf_counter()
for _ in range(count):
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO events (body) VALUES (?)", (row,))
    db.execute("COMMIT")
print(count / (time.perf_counter() - began))
