"""How long exports and receipts take: a day, a whole year (about 2,000 sessions), a receipt.

Usage: python -m bench.bench_exports [--sessions 2000] [--days 365] [--runs 5]
The log is generated through the service (bench.generate) in a temporary SESSIOND_HOME,
with a complete `[technician]` (receipts are numbered only then). Prints, for CSV and
JSON: a fresh export of a busy day (median of --runs different days), the same day again
(nothing changed: no new event), the whole year fresh and again; the year as a Kimai file
and as the livre des recettes; then a receipt (PDF and text, with its signed data), the
same receipt again (unchanged: same number, no event), its verification in process; and,
end to end through the installed command, a receipt, a day's export, `verify --export` of
the year's CSV and `verify --receipt` of a PDF receipt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.generate import generate
from sessiond.exports import export_day, export_range, issue_receipt
from sessiond.exports.receipt_verify import check_receipt
from sessiond.sessions import Sessiond

SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"
TECHNICIAN = """[technician]
name = "Jean Dupré"
siret = "732 829 320 00074"
address = "3 rue de l'Église, 54230 Chaligny"
email = "jean@example.fr"
"""


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t) * 1000, result


def busiest_days(svc: Sessiond, count: int) -> list[date]:
    days = Counter(s.started_at.astimezone(svc.tz).date() for s in svc.sessions()
                   if s.started_at is not None)
    return [d for d, _n in days.most_common(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home, out = Path(tmp) / "home", Path(tmp) / "out"
        os.environ["SESSIOND_HOME"] = str(home)
        home.mkdir(mode=0o700)
        (home / "config.toml").write_text(TECHNICIAN, encoding="utf-8")
        svc = Sessiond()
        gen_ms, ids = timed(lambda: generate(svc, args.sessions, args.days))
        events = svc.store.tail()[0]
        print(f"log: {len(ids)} sessions, {events} events over {args.days} days "
              f"(generated in {gen_ms / 1000:.1f} s)")
        all_days = busiest_days(svc, 2 * args.runs + 1)
        first = min(s.planned_at for s in svc.sessions()).astimezone(svc.tz).date()
        last = max(s.planned_at for s in svc.sessions()).astimezone(svc.tz).date()
        for fmt in ("csv", "json"):
            days = all_days[:args.runs] if fmt == "csv" else all_days[args.runs:2 * args.runs]
            fresh = [timed(lambda d=d, f=fmt: export_day(svc, d, out, f))[0] for d in days]
            again = [timed(lambda d=d, f=fmt: export_day(svc, d, out, f))[0] for d in days]
            per_day = statistics.mean(len(svc.day_sessions(d)) for d in days)
            print(f"\n{fmt}: a busy day ({per_day:.1f} sessions)")
            print(f"  fresh export           median {statistics.median(fresh):7.1f} ms")
            print(f"  again, nothing changed median {statistics.median(again):7.1f} ms")
            year_ms, result = timed(lambda fmt=fmt: export_range(svc, first, last, out, fmt))
            again_ms, reused = timed(lambda fmt=fmt: export_range(svc, first, last, out, fmt))
            assert reused.reused
            size = result.path.stat().st_size
            print(f"  the year ({result.totals.sessions} sessions, {size / 1024:.0f} KiB): "
                  f"fresh {year_ms / 1000:6.2f} s, again {again_ms / 1000:6.2f} s")
        for fmt, what in (("kimai", "Kimai file"), ("book", "livre des recettes")):
            year_ms, result = timed(lambda fmt=fmt: export_range(svc, first, last, out, fmt))
            print(f"\nthe year as the {what} ({result.lines} rows): "
                  f"{year_ms / 1000:6.2f} s")
        receipt_ms, again_ms, verify_ms = [], [], []
        for sid in ids[-args.runs:]:
            ms, first_receipt = timed(lambda sid=sid: issue_receipt(svc, sid,
                                                                    out / f"r-{sid}.pdf"))
            receipt_ms.append(ms)
            ms, second = timed(lambda sid=sid: issue_receipt(svc, sid, out / f"r-{sid}.pdf"))
            assert second.reused and second.number == first_receipt.number
            again_ms.append(ms)
            raw = first_receipt.pdf.read_bytes()
            ms, checked = timed(lambda raw=raw: check_receipt(svc, "r.pdf", raw))
            assert not checked.problems, checked.problems
            verify_ms.append(ms)
        print(f"\nreceipt (PDF + text, in-process): median {statistics.median(receipt_ms):.1f} ms")
        print(f"  again, unchanged (same number):   median {statistics.median(again_ms):.1f} ms")
        print(f"  its check (signature, log, text): median {statistics.median(verify_ms):.1f} ms")
        svc.close()
        env = {**os.environ, "SESSIOND_HOME": str(home)}
        year_csv = out / f"sessiond-{first.isoformat()}_{last.isoformat()}.csv"
        a_receipt = next(out.glob("r-*.pdf"))
        for label, cmd in (
            ("sessiond receipt (CLI)", [SESSIOND, "receipt", ids[0], "--out", str(out) + "/"]),
            ("sessiond export --day (CLI)", [SESSIOND, "export", "--day",
                                             all_days[-1].isoformat(), "--out", str(out)]),
            ("sessiond verify --export year", [SESSIOND, "verify", "--export", str(year_csv)]),
            ("sessiond verify --receipt PDF", [SESSIOND, "verify", "--receipt",
                                               str(a_receipt)]),
        ):
            ms, _p = timed(lambda cmd=cmd: subprocess.run(cmd, env=env, check=True,
                                                          capture_output=True))
            print(f"{label:<32} {ms:7.1f} ms (process start included)")


if __name__ == "__main__":
    main()
