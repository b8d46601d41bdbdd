"""Two sessions whose clocks ran at once, through the real `sessiond check`.

One technician works one session at a time: a stop forgotten, a start typed at the wrong
time or two clients served "at once" bill the same minutes twice. `start --at` and `amend`
warned of it when they were typed, but `check` (and the check recorded at every stop)
said nothing. Each session of the pair now reports it under the article of its terms that
bills the time actually spent, or the law where they say nothing of it.

Fixed days of 2025 (declared with --at and --yes), read in the configured zone,
Europe/Paris (UTC+1 in January).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.conftest import Cli

RULE = "overlapping-sessions"
DAY = "2025-01-14"


def at(hhmm: str) -> str:
    """A local time of DAY, with its offset (Paris, winter)."""
    return f"{DAY}T{hhmm}:00+01:00"


def client(cli: Cli, name: str) -> str:
    return str(cli("client", "add", name).out.strip())


def session(cli: Cli, who: str, policy: str, *steps: tuple[str, str]) -> str:
    """Plan a remote session, consent 5 min before its first step, then each (command,
    local time): start, pause, resume, stop."""
    s = cli("session", "new", who, "--policy", policy, "--client-os", "windows").out.strip()
    first = datetime.fromisoformat(at(steps[0][1])) - timedelta(minutes=5)
    cli("consent", s, "--channel", "tool-code", "--by", "Camille Durand", "--at",
        first.isoformat(), "--yes")
    for command, hhmm in steps:
        cli(command, s, "--at", at(hhmm), "--yes")
    return str(s)


def found(cli: Cli, s: str) -> list[dict[str, Any]]:
    report = cli("check", s, "--json", check=False).json
    return [f for f in report["findings"] if f["rule"] == RULE]


def seq(cli: Cli, s: str, kind: str) -> int:
    return next(e["seq"] for e in cli.json("log", s) if e["kind"] == kind)


@pytest.mark.parametrize(("policy", "article"), [
    ("md-micro-services", "5"), ("vlh", "3.3"), ("mri87", "7.1"), ("micro-alpes", "3"),
    # FGDMI's terms say nothing of the time they bill: the law's restitution of what was
    # paid without being owed
    ("fgdmi", "Code civil, art. 1302")])
def test_a_stop_forgotten_while_another_client_is_served_is_reported_in_both(
        cli: Cli, policy: str, article: str) -> None:
    """A's stop is typed 11:00 but B started at 10:30: the half hour is billed to both
    clients. Each check names the other session, the stretch and its length, cites the
    clock events of both at its ends, and says how to correct a wrong time."""
    a = session(cli, client(cli, "Camille Durand"), policy, ("start", "10:00"),
                ("stop", "11:00"))
    b = session(cli, client(cli, "Paul Martin"), policy, ("start", "10:30"),
                ("stop", "12:00"))
    (in_a,) = found(cli, a)
    (in_b,) = found(cli, b)
    for f, other in ((in_a, b), (in_b, a)):
        assert (f["severity"], f["article"]) == ("warning", article), f
        assert other in f["message"] and "deux clients" in f["message"], f["message"]
        assert "10:30:00" in f["message"] and "11:00:00" in f["message"], f["message"]
        assert "30 min" in f["message"] and "sessiond amend" in f["message"], f["message"]
        assert "--duplicate-of" not in f["message"], f["message"]
        assert {seq(cli, b, "session-started"), seq(cli, a, "session-stopped")} \
            <= set(f["events"]), f
    # The day's check lists it for both, and the stop recorded it in the log.
    day = cli("check", "--day", DAY, "--json", check=False).json
    by_session = {r["session"]: {f["rule"] for f in r["findings"]} for r in day["sessions"]}
    assert RULE in by_session[a] and RULE in by_session[b], by_session
    recorded = [e for e in cli.json("log", b) if e["kind"] == "check-completed"]
    assert any(f["rule"] == RULE for f in recorded[-1]["body"]["findings"]), recorded


def test_the_same_client_timed_twice_is_told_to_cancel_the_duplicate(cli: Cli) -> None:
    """The same work started twice for one client: the finding says so and names the
    duplicate to cancel; once cancelled as such, the kept session shares nothing."""
    who = client(cli, "Camille Durand")
    kept = session(cli, who, "vlh", ("start", "14:00"), ("stop", "15:00"))
    twice = session(cli, who, "vlh", ("start", "14:02"), ("stop", "14:58"))
    (f,) = found(cli, twice)
    assert "deux fois" in f["message"] and "du même client" in f["message"], f["message"]
    assert f"sessiond cancel {twice} --duplicate-of {kept}" in f["message"], f["message"]
    assert "56 min" in f["message"], f["message"]
    cli("cancel", twice, "--duplicate-of", kept, "--reason", "démarrée deux fois")
    assert found(cli, kept) == []


def test_a_pause_while_the_other_ran_and_a_stop_at_the_next_start_are_no_overlap(
        cli: Cli) -> None:
    """A paused while B was worked, and B stopped the very second C started: no minute
    is billed twice. Moving A's resume into B's time makes it one, and correcting it
    back removes it."""
    a = session(cli, client(cli, "Camille Durand"), "md-micro-services",
                ("start", "09:00"), ("pause", "09:30"), ("resume", "10:30"),
                ("stop", "11:00"))
    b = session(cli, client(cli, "Paul Martin"), "md-micro-services",
                ("start", "09:30"), ("stop", "10:30"))
    c = session(cli, client(cli, "Zoé Leroy"), "md-micro-services",
                ("start", "11:00"), ("stop", "11:30"))
    assert found(cli, a) == [] and found(cli, b) == [] and found(cli, c) == []
    resume = seq(cli, a, "session-resumed")
    cli("amend", a, str(resume), "--at", at("10:15"), "--reason", "reprise mal tapée",
        "--yes")
    (f,) = found(cli, a)
    assert b in f["message"] and "10:15:00" in f["message"] and "15 min" in f["message"]
    assert resume in f["events"] and seq(cli, b, "session-stopped") in f["events"], f
    assert found(cli, c) == []
    cli("amend", a, str(resume), "--at", at("10:30"), "--reason", "reprise réelle", "--yes")
    assert found(cli, a) == [] and found(cli, b) == []
