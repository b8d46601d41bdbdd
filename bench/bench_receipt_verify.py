"""`sessiond verify --receipt`: a PDF receipt against its text copy and a bare floor, and
the font check (exports/glyphs.py) alone.

Usage: python -m bench.bench_receipt_verify [--runs 15] [--cache DIR] [--before SRC]
A small log (200 sessions over 30 days, so that the chain walk every verify does weighs
little) with a complete `[technician]`, and a receipt of its last session (PDF and text,
with the fonts sessiond embeds on this machine). Every command runs as a new process, in
alternation with the others; medians. Timed: `verify --receipt` of the PDF, of its text
copy (the same signature, data, log and text checks, without a PDF to read) and of the
PDF printed again by pdftocairo (no signed data: compared with the log), `verify` alone,
the floor script (bench/floors/receipt_pdf.py: pypdf's text and attachments, one
signature check), and, in a fresh process, the font check alone (glyphs.misdrawn on the
opened PDF, its imports included: what it adds to `verify --receipt`).
Targets: the PDF <= 1.5x its text copy; the font check <= 0.1x the PDF's verify.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import partial

from bench.common import (
    FLOORS,
    SESSIOND,
    alternate,
    before_env,
    copy_home,
    env_for,
    log_home,
    options,
    report,
    run_once,
    workdir,
)

TECHNICIAN = """[technician]
name = "Jean Dupré"
siret = "732 829 320 00074"
address = "3 rue de l'Église, 54230 Chaligny"
email = "jean@example.fr"
"""

# The last stopped session's receipt, issued through the service.
_ISSUE = """
import sys
from pathlib import Path
from sessiond.exports import issue_receipt
from sessiond.sessions import Sessiond
svc = Sessiond()
sid = [s.id for s in svc.sessions() if s.stopped_at is not None][-1]
issue_receipt(svc, sid, Path(sys.argv[1]))
svc.close()
"""

# The font check alone, in a fresh process: its imports, its reading of this machine's
# fonts and of the receipt's; prints its seconds (untimed: the PDF opened, and the modules
# verify imports anyway).
_GLYPHS = """
import sys, time
from pypdf import PdfReader
from sessiond.exports import glyphs, receipt_verify
reader = PdfReader(sys.argv[1])
for page in reader.pages:
    page.get("/Resources")
began = time.perf_counter()
found = glyphs.misdrawn(reader)
assert not [m for m in found if not m.unmatched], found
print(time.perf_counter() - began)
"""


def printed_seconds(cmd: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def main() -> None:
    args = options(__doc__).parse_args()
    with workdir(args.cache) as root:
        home = copy_home(log_home(root, 200, 30), root / "receipt-home")
        (home / "config.toml").write_text(TECHNICIAN, encoding="utf-8")
        pdf = root / "receipt" / "releve.pdf"  # never in the home: one of its own files
        pdf.parent.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-c", _ISSUE, str(pdf)], env=env_for(home),
                       check=True, capture_output=True)
        text = pdf.with_suffix(".txt")
        env = env_for(home)
        cases = {
            "verify --receipt PDF": [SESSIOND, "verify", "--receipt", str(pdf)],
            "verify --receipt text": [SESSIOND, "verify", "--receipt", str(text)],
            "verify": [SESSIOND, "verify"],
        }
        if shutil.which("pdftocairo"):
            printed = pdf.with_name("printed.pdf")
            subprocess.run(["pdftocairo", "-pdf", str(pdf), str(printed)], check=True)
            cases["verify --receipt print"] = [SESSIOND, "verify", "--receipt", str(printed)]
        timed = {name: partial(run_once, cmd, env) for name, cmd in cases.items()}
        timed["floor"] = partial(run_once, [sys.executable, str(FLOORS / "receipt_pdf.py"),
                                            str(pdf)], env)
        timed["font check"] = partial(printed_seconds, [sys.executable, "-c", _GLYPHS,
                                                        str(pdf)], env)
        if args.before:
            old = before_env(env, args.before)
            timed["verify --receipt PDF, before"] = partial(
                run_once, cases["verify --receipt PDF"], old)
            timed["font check, before"] = partial(
                printed_seconds, [sys.executable, "-c", _GLYPHS, str(pdf)], old)
        t = alternate(timed, args.runs)
    print(f"verify --receipt, medians of {args.runs} alternating runs:")
    rows = [
        ("verify --receipt PDF", t["verify --receipt PDF"], "verify --receipt text",
         t["verify --receipt text"], "<= 1.5"),
        ("verify --receipt PDF", t["verify --receipt PDF"], "floor script", t["floor"],
         "for scale"),
        ("verify --receipt text", t["verify --receipt text"], "verify", t["verify"],
         "for scale"),
        ("font check (fresh process)", t["font check"], "verify --receipt PDF",
         t["verify --receipt PDF"], "<= 0.1"),
    ]
    if "verify --receipt print" in t:
        rows.append(("verify --receipt print", t["verify --receipt print"],
                     "verify --receipt PDF", t["verify --receipt PDF"], "for scale"))
    report(rows)
    if args.before:
        print(f"before ({args.before}) and after:")
        report([(name, t[name], "before", t[f"{name}, before"], "")
                for name in ("verify --receipt PDF", "font check")])


if __name__ == "__main__":
    main()
