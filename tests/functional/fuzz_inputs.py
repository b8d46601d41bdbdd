"""Hostile inputs for the fuzz suite (tests/functional/test_fuzz.py) and its longer run
(bench/bench_fuzz_hostile.py): command lines, config.toml, policies, documents to verify.

Each target is a function of a `random.Random` and a `Bench` (a prepared home with a
client and a running session) that runs one input through the real `main()` and returns
the results; `check()` says what every result must be: an exit code sessiond defines (not
4, a bug), no traceback, nothing raw a terminal would act on.
"""

from __future__ import annotations

import os
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import Cli, Result
from tests.functional.hostile import RAW_CONTROL

ROOT = Path(__file__).resolve().parents[2]
POLICY_IDS = ("vlh", "mri87", "fgdmi", "micro-alpes", "md-micro-services")

POOL = [
    "", " ", "\x1b[2J", "\x1b]0;pwned\x07", "\u202egnp.exe", "\x00", "\udcff", "\udc80x",
    "\x9b31m", "x" * 5000, "9" * 400, "-1", "0", "1e400", "1" + "0" * 400, "../../etc/passwd",
    "/dev/zero", "S-ABCDEF", "2026-02-30", "9999-12-31", "0001-01-01", "31/12/9999", "24:00",
    "23:59:60", "0001-01-01T00:00", "9999-12-31T23:59:59+14:00", "NaN", "inf", "1,5",
    "52,50", "€", "🙂", "[/]", "a[/b]", "[@click=app.quit]", "%s%n", "{0}", "{x}",
    "'; DROP TABLE events;--", "\n", "\t", "\r\n", "--json", "--help", "-", "--", "é" * 100,
    "\u2066x\u2069", "\ufeff", "\u0000\u0001", "hier", "today", "oral", "cash", "tool-code",
    "99999999999999999999", str(2**63), "-5", "0x10", "1_000", "٣",
]
# Plausible values too, so that many commands get past their parsing.
PLAIN = ["Jeanne Martin", "appel client", "12:00", "2026-11-22", "22/11/2026", "1", "3", "60",
         "52.50", "vlh", "mri87", "electronic", "card", "solved", "travel", "yesterday"]
_RANGES = [(0x00, 0x1F), (0x20, 0x7E), (0x20, 0x7E), (0x7F, 0x9F), (0xA0, 0x24F),
           (0x2000, 0x206F), (0x1F600, 0x1F64F), (0xE000, 0xE0FF)]


def text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(POOL)
    if roll < 0.55:
        return rng.choice(PLAIN)
    if roll < 0.65:
        return rng.choice(PLAIN) + rng.choice(POOL)
    chars = []
    for _ in range(rng.randrange(0, 40)):
        low, high = rng.choice(_RANGES)
        chars.append(chr(rng.randint(low, high)))
    if rng.random() < 0.05:  # an undecodable argv byte, now and then
        chars.insert(rng.randrange(len(chars) + 1), chr(rng.randint(0xDC80, 0xDCFF)))
    return "".join(chars)


@dataclass
class Bench:
    """A home with a client and a running session, and a directory for outputs."""

    cli: Cli
    client: str
    session: str
    out: Path

    @classmethod
    def make(cls, root: Path) -> Bench:
        home = root / "home"
        env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr", "TZ": "UTC"}
        env.pop("SESSIOND_DEBUG", None)
        cli = Cli(home, env)
        client = cli("client", "add", "Jeanne Martin").out.strip()
        session = cli("session", "new", client, "--policy", "vlh").out.strip()
        cli("consent", session, "--channel", "tool-code", "--by", "Jeanne")
        cli("start", session)
        out = root / "out"
        out.mkdir()
        return cls(cli, client, session, out)

    def fresh_session(self) -> str:
        """A running session again, for the targets that need one."""
        session = self.cli("session", "new", self.client, "--policy", "vlh").out.strip()
        self.cli("consent", session, "--channel", "oral", "--by", "J")
        self.cli("start", session)
        self.session = session
        return session


def check(result: Result, allowed: tuple[int, ...] = (0, 1, 2, 3)) -> str | None:
    """What is wrong with one result, or None."""
    if "Traceback" in result.out + result.err:
        return "traceback"
    if result.code not in allowed:
        return f"exit {result.code}: {result.err.strip()[:300]}"
    if RAW_CONTROL.search(result.out) or RAW_CONTROL.search(result.err):
        return "raw control character in the output"
    return None


# --- command lines -------------------------------------------------------------------------

TEMPLATES: list[list[str]] = [
    ["client", "add", "T"], ["client", "add", "T", "--email", "T", "--phone", "T"],
    ["client", "add", "Jeanne", "--country", "T"], ["client", "erase", "T"],
    ["session", "new", "CID", "--policy", "T"], ["session", "new", "T"],
    ["session", "new", "CID", "--problem", "T", "--partner-id", "T", "--ordered-at", "T",
     "--rate", "T"],
    ["session", "show", "T"], ["consent", "SID", "--channel", "T", "--by", "T"],
    ["consent", "SID", "--channel", "oral", "--by", "T", "--at", "T"], ["start", "T"],
    ["start", "SID", "--at", "T"], ["pause", "SID", "--reason", "T", "--at", "T"],
    ["resume", "SID", "--at", "T"], ["note", "SID", "T"], ["log", "T"], ["bill", "T"],
    ["check", "T"], ["check", "--day", "T"], ["export", "--day", "T", "--out", "DIR"],
    ["export", "--from", "T", "--to", "T", "--out", "DIR"], ["export", "--format", "T"],
    ["receipt", "T", "--out", "DIR/"], ["policy", "show", "T"], ["policy", "lint", "T"],
    ["credit", "add", "CID", "--hours", "T"], ["credit", "show", "T", "--policy", "T"],
    ["record", "SID", "payment", "--amount", "T", "--method", "T"],
    ["record", "SID", "outcome", "--problem", "T", "T"],
    ["record", "SID", "fee", "--kind", "T", "--amount", "T"],
    ["record", "SID", "quote-accepted", "--by", "T", "--how", "T"],
    ["record", "SID", "artifact", "--kind", "screenshot", "--client-request", "T"],
    ["verify", "--receipt", "T"], ["daemon", "answer", "T", "worked"], ["T"], ["T", "T"],
    ["stop", "SID", "--at", "T"], ["status", "T"], ["doctor", "T"],
]


def command_line(rng: random.Random, bench: Bench) -> list[str]:
    if rng.random() < 0.1:
        return [text(rng) for _ in range(rng.randrange(1, 5))]
    args = []
    for word in rng.choice(TEMPLATES):
        if word == "T":
            args.append(text(rng))
        elif word == "CID":
            args.append(bench.client.upper() if rng.random() < 0.2 else bench.client)
        elif word == "SID":
            args.append(bench.session)
        elif word.startswith("DIR"):
            args.append(str(bench.out) + word[3:])
        else:
            args.append(word)
    if rng.random() < 0.3:
        args.append("--json")
    return args


def fuzz_cli(rng: random.Random, bench: Bench) -> list[Result]:
    args = command_line(rng, bench)
    result = bench.cli(*args, check=False)
    if "stop" in args[:1] and result.code == 0:
        bench.fresh_session()
    return [result]


# --- config.toml ---------------------------------------------------------------------------

_KEYS = ["timezone", "language", "policy", "documents", "technician.name", "technician.siret",
         "daemon.reminder_minutes", "daemon.export_time", "daemon.idle_minutes",
         "backup.directory", "backup.keep", "backup.key_file", "keymap.quit", "unknown"]


def toml_value(rng: random.Random, depth: int = 0) -> str:
    roll = rng.randrange(10)
    if roll == 0:
        return str(rng.choice([0, -1, 2**63, 10**400, 7, 60]))
    if roll == 1:
        return rng.choice(["1.5", "nan", "inf", "-0.0", "1e400"])
    if roll == 2:
        return rng.choice(["true", "false"])
    if roll == 3:
        return rng.choice(["2026-11-22", "1979-05-27T07:32:00Z", "07:32:00"])
    if roll == 4 and depth < 3:
        return "[" + ", ".join(toml_value(rng, depth + 1) for _ in range(rng.randrange(4))) + "]"
    if roll == 5 and depth < 3:
        return "{ a = " + toml_value(rng, depth + 1) + " }"
    if roll == 6:
        return "[" * 3000 + "]" * 3000
    escaped = text(rng).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'


def config_text(rng: random.Random) -> bytes:
    if rng.random() < 0.1:
        return rng.randbytes(rng.randrange(200))
    lines = []
    tables: dict[str, list[str]] = {}
    for _ in range(rng.randrange(1, 6)):
        key = rng.choice(_KEYS)
        table, _dot, name = key.rpartition(".")
        tables.setdefault(table, []).append(f"{name} = {toml_value(rng)}")
    for table, entries in tables.items():
        if table:
            lines.append(f"[{table}]")
        lines.extend(entries)
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    if rng.random() < 0.1:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes([rng.randrange(256)]) + data[at:]
    return data


def fuzz_config(rng: random.Random, bench: Bench) -> list[Result]:
    path = bench.cli.home / "config.toml"
    path.write_bytes(config_text(rng))
    try:
        return [bench.cli("status", check=False), bench.cli("client", "list", check=False)]
    finally:
        path.unlink()


# --- policies ------------------------------------------------------------------------------

_POLICIES = {p: (ROOT / "policies" / f"{p}.toml").read_text(encoding="utf-8")
             for p in POLICY_IDS}
_ASSIGNMENT = re.compile(r"^(\s*[A-Za-z0-9_.-]+\s*=\s*)(.+)$", re.M)


def policy_text(rng: random.Random) -> tuple[str, str]:
    policy_id = rng.choice(POLICY_IDS)
    lines = _POLICIES[policy_id].splitlines()
    for _ in range(rng.randrange(1, 4)):
        i = rng.randrange(len(lines))
        roll = rng.random()
        match = _ASSIGNMENT.match(lines[i])
        if match and roll < 0.6:
            lines[i] = match[1] + toml_value(rng)
        elif roll < 0.75:
            del lines[i]
        elif roll < 0.9:
            lines.insert(i, lines[rng.randrange(len(lines))])
        else:
            lines.insert(i, text(rng))
    return policy_id, "\n".join(lines)


def fuzz_policy(rng: random.Random, bench: Bench) -> list[Result]:
    policy_id, content = policy_text(rng)
    path = bench.out / f"{policy_id}.toml"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    results = [bench.cli("policy", "lint", str(path), check=False)]
    if results[0].code == 0:  # it passes lint: it must not crash anything that uses it
        own = bench.cli.home / "policies"
        own.mkdir(exist_ok=True)
        (own / path.name).write_bytes(path.read_bytes())
        try:
            results.append(bench.cli("policy", "show", policy_id, check=False))
            made = bench.cli("session", "new", bench.client, "--policy", policy_id,
                             check=False)
            results.append(made)
            if made.code == 0:
                session = made.out.strip()
                bench.cli("consent", session, "--channel", "oral", "--by", "J", check=False)
                results.append(bench.cli("start", session, check=False))
                results.append(bench.cli("bill", session, check=False))
                results.append(bench.cli("stop", session, check=False))
                results.append(bench.cli("check", session, check=False))
        finally:
            (own / path.name).unlink()
    return results


# --- documents to verify -------------------------------------------------------------------


def _hexes(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def document(rng: random.Random) -> bytes:
    def number() -> str:
        return rng.choice(["0", "1", "7", "99999999999999999999999", str(2**63), "-1"])

    def day() -> str:
        return rng.choice(["2026-11-22", "9999-12-31", "0001-01-01", "2026-02-30", "x"])

    zone = rng.choice(["Europe/Paris", "Europe", "UTC", "../../etc", "x" * 60, "Etc/GMT+14"])
    instant = rng.choice(["2026-11-22T10:00:00Z", "9999-12-31T23:59:59Z", "0000-00-00T00:00:00Z"])
    pieces = [
        f"SESSIOND-CHECKPOINT v1;seq={number()};hash={_hexes(rng, 64)};"
        f"at={instant};"
        f"key={_hexes(rng, 16)};sig={_hexes(rng, 128)}",
        f"SESSIOND-EVENTS v1;scope=days:{day()}:{day()}:{zone};upto={number()};"
        f"sessions={number()};events={number()};sha256={_hexes(rng, 64)}",
        f"SESSIOND-EVENTS v1;scope=session:{rng.choice(['s-aaaaaa', 'S-AAAAAA', 'x' * 40])};"
        f"upto={number()};sessions={number()};events={number()};sha256={_hexes(rng, 64)}",
        "%PDF-1.7\n", "\ufeff", text(rng), "{" * rng.randrange(5000),
    ]
    chosen = [rng.choice(pieces) for _ in range(rng.randrange(1, 6))]
    data = "\n".join(chosen).encode("utf-8", "surrogateescape")
    if rng.random() < 0.2:
        data += rng.randbytes(rng.randrange(300))
    return data


def fuzz_verify(rng: random.Random, bench: Bench) -> list[Result]:
    suffix = rng.choice([".txt", ".pdf", ".csv", ".json"])
    path = bench.out / f"document{suffix}"
    path.write_bytes(document(rng))
    proof = path.with_name(path.name + ".proof")
    if rng.random() < 0.5:
        proof.write_bytes(document(rng))
    try:
        return [bench.cli("verify", "--receipt", str(path), check=False),
                bench.cli("verify", "--export", str(path), check=False)]
    finally:
        proof.unlink(missing_ok=True)


TARGETS: dict[str, Callable[[random.Random, Bench], list[Result]]] = {
    "cli": fuzz_cli, "config": fuzz_config, "policy": fuzz_policy, "verify": fuzz_verify,
}


def new_bench() -> Bench:
    return Bench.make(Path(tempfile.mkdtemp(prefix="sessiond-fuzz-")))
