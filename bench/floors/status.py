"""Floor of `sessiond status`: open SQLite, read the open sessions' events, fold, print."""

import sqlite3
import sys
from datetime import UTC, datetime

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT session_id, client_id, kind, at FROM events WHERE session_id IN "
                  "(SELECT session_id FROM open_sessions) ORDER BY seq")
now, sessions = datetime.now(UTC), {}
for session, client, kind, at in rows:
    s = sessions.setdefault(session, {"client": client, "state": "planned", "run": 0.0})
    t = datetime.fromisoformat(at)
    if kind in ("session-started", "session-resumed"):
        s["state"], s["since"] = "running", t
    elif kind == "session-paused" and s["state"] == "running":
        s["state"], s["run"] = "paused", s["run"] + (t - s["since"]).total_seconds()
for session, s in sessions.items():
    run = s["run"] + ((now - s["since"]).total_seconds() if s["state"] == "running" else 0)
    print(f"{session}  {s['client']}  {s['state']:<8} {int(run) // 3600}:"
          f"{int(run) % 3600 // 60:02}:{int(run) % 60:02}")
if not sessions:
    print("No open session.")
