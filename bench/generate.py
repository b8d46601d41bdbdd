"""Generate a realistic log: a year of sessions (about 2,000) for benchmarks.

Usage: SESSIOND_HOME=/tmp/bench python -m bench.generate [--sessions N] [--days D]
Each session: client (one in four is new), plan, consent, start, one or two pauses, a
note, outcome, stop. Instants are spread over the past D days, working hours, Paris time.
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta

from sessiond.sessions import Sessiond

POLICIES = ("md-micro-services", "mri87", "micro-alpes", "fgdmi", "vlh")


def generate(svc: Sessiond, sessions: int, days: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    end = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) \
        - timedelta(days=1)
    start_day = end - timedelta(days=days)
    clients: list[str] = []
    ids = []
    for n in range(sessions):
        day = start_day + timedelta(days=n * days // sessions)
        t = day + timedelta(minutes=rng.randrange(0, 9 * 60))
        if not clients or rng.random() < 0.25:
            clients.append(svc.add_client(f"Client {n}", country="FR", at=t,
                                          status=rng.choice(("consumer", "business"))))
        client = rng.choice(clients)
        sid = svc.new_session(client, policy=rng.choice(POLICIES), client_os="windows",
                              problems=["Imprimante", "Lenteur"], at=t)
        svc.consent(sid, channel="tool-code", by="Client", at=t)
        t += timedelta(minutes=1)
        svc.start(sid, at=t)
        for _ in range(rng.randrange(0, 3)):
            t += timedelta(minutes=rng.randrange(5, 40))
            svc.pause(sid, at=t)
            t += timedelta(minutes=rng.randrange(1, 10))
            svc.resume(sid, at=t)
        svc.note(sid, "Pilote réinstallé, test d'impression correct", at=t)
        svc.append("outcome-recorded", session_id=sid, at=t,
                   body={"problem": 1, "result": rng.choice(("solved", "diagnosed"))})
        t += timedelta(minutes=rng.randrange(3, 50), seconds=rng.randrange(60))
        svc.stop(sid, at=t)
        ids.append(sid)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    svc = Sessiond()
    generate(svc, args.sessions, args.days)
    svc.close()


if __name__ == "__main__":
    main()
