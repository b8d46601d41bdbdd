"""Floor of a year's export: one SQL scan of the year's sessions' events, a fold of each
session's worked time, csv.writer. Usage: year_export.py DB FIRST_DAY LAST_DAY OUT.csv"""

import csv
import json
import sqlite3
import sys
from datetime import datetime, timedelta

db_path, first, last, out = sys.argv[1:5]
db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
lo = first + "T00:00:00Z"
hi = (datetime.fromisoformat(last) + timedelta(days=1)).date().isoformat() + "T00:00:00Z"
rows = db.execute(
    "SELECT session_id, client_id, kind, at, body FROM events WHERE session_id IN "
    "(SELECT session_id FROM events WHERE kind = 'session-planned' AND at >= ? AND at < ?) "
    "ORDER BY seq", (lo, hi))
sessions: dict[str, dict] = {}
for session, client, kind, at, body in rows:
    s = sessions.setdefault(session, {"client": client, "day": at[:10], "worked": 0.0})
    t = datetime.fromisoformat(at)
    if kind == "session-planned":
        s["policy"] = json.loads(body)["policy"]
    elif kind in ("session-started", "session-resumed"):
        s["since"] = t
    elif kind in ("session-paused", "session-stopped") and "since" in s:
        s["worked"] += (t - s.pop("since")).total_seconds()
with open(out, "w", newline="", encoding="utf-8-sig") as f:
    writer = csv.writer(f, delimiter=";")
    writer.writerow(["session", "client", "day", "policy", "worked_minutes"])
    for session, s in sessions.items():
        writer.writerow([session, s["client"], s["day"], s.get("policy", ""),
                         f"{s['worked'] / 60:.2f}".replace(".", ",")])
print(len(sessions))
