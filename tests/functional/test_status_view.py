"""`sessiond status` from the status view (store/glance.py) says what the fold says.

The view holds the open sessions as the last fold found them; it is shown only while the
log's last event and config.toml are what they were then. Each test compares the line the
view gives with the line a fold gives at the same instant, or shows that a change (an
append from another process, an edit of the settings, rows someone wrote) is seen.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sessiond import clock
from sessiond.cli import status as status_command
from tests.conftest import Cli
from tests.functional.hostile import clean, started_session

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)


def at(minutes: float) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the folds `status` makes (the view's path makes none)."""
    calls: list[int] = []
    real = status_command._folded

    def counted(ctx: object) -> int:
        calls.append(1)
        return real(ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(status_command, "_folded", counted)
    return calls


def frozen(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    monkeypatch.setattr(clock, "now", lambda: T0 + timedelta(minutes=minutes))


def db(cli: Cli) -> sqlite3.Connection:
    return sqlite3.connect(cli.home / "sessiond.sqlite3")


def forget_view(cli: Cli) -> None:
    with db(cli) as conn:
        conn.execute("DELETE FROM status_head")


def both_ways(cli: Cli, folds: list[int]) -> str:
    """`status` folded, then from the view: the two outputs, which must be the same."""
    forget_view(cli)
    before = len(folds)
    folded = cli("status").out
    viewed = cli("status").out
    assert len(folds) == before + 1, "the second call must read the view"
    assert viewed == folded
    return viewed


def test_every_state_reads_the_same_from_the_view(
        cli: Cli, folds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    frozen(monkeypatch, 0)
    client = cli("client", "add", "Jeanne Martin").out.strip()
    other = cli("client", "add", "Paul Durand").out.strip()
    assert "Aucune intervention ouverte" in both_ways(cli, folds)
    running = cli("session", "new", client, "--policy", "vlh").out.strip()
    paused = cli("session", "new", other, "--policy", "vlh", "--mode", "onsite").out.strip()
    planned = cli("session", "new", other, "--policy", "mri87").out.strip()
    stopped = cli("session", "new", client, "--policy", "vlh").out.strip()
    assert planned in both_ways(cli, folds)
    frozen(monkeypatch, 200)
    for session, minute in ((running, 1), (paused, 2), (stopped, 3)):
        cli("consent", session, "--channel", "phone", "--by", "Jeanne", "--at", at(minute))
        cli("consent", session, "--channel", "oral", "--by", "Jeanne", "--at", at(minute))
        cli("start", session, "--at", at(minute + 1))
    cli("pause", running, "--at", at(20.5))
    cli("resume", running, "--at", at(31.25))
    cli("pause", paused, "--at", at(40))
    cli("stop", stopped, "--at", at(50))
    shown = both_ways(cli, folds)
    lines = shown.splitlines()
    assert [line.split()[0] for line in lines[:3]] == [running, paused, planned]
    assert stopped not in shown
    # 18 min 30 s, then from 31:15 to 200:00: the pause does not count, to the second.
    assert "3:07:15" in lines[0] and "0:37:00" in lines[1] and "0:00:00" in lines[2]
    # Later, the view's running time still runs; the paused one does not.
    frozen(monkeypatch, 260)
    later = cli("status").out
    assert "4:07:15" in later and "0:37:00" in later
    forget_view(cli)
    assert cli("status").out == later


def test_without_consent_cancelled_and_reopened(
        cli: Cli, folds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    frozen(monkeypatch, 0)
    client = cli("client", "add", "Jeanne Martin").out.strip()
    urgent = cli("session", "new", client, "--policy", "vlh").out.strip()
    mistake = cli("session", "new", client, "--policy", "vlh").out.strip()
    frozen(monkeypatch, 120)
    cli("start", urgent, "--without-consent", "--reason", "serveur en panne", "--at", at(1))
    cli("cancel", mistake, "--reason", "prévue deux fois")
    shown = both_ways(cli, folds)
    assert urgent in shown and mistake not in shown
    cli("stop", urgent, "--at", at(30))
    cli("reopen", urgent, "--reason", "arrêtée trop tôt")
    shown = both_ways(cli, folds)
    assert urgent in shown and "en pause  0:29:00" in shown  # reopened: paused, as stopped


def test_an_append_from_another_process_is_seen_at_once(
        cli: Cli, real_cli: Cli, folds: list[int]) -> None:
    _client, session = started_session(cli)
    cli("status")
    cli("status")
    assert len(folds) == 1
    real_cli("pause", session)  # another process, another connection
    assert "en pause" in cli("status").out
    assert len(folds) == 2
    assert "en pause" in cli("status").out
    assert len(folds) == 2


def test_the_settings_language_is_followed(cli: Cli, folds: list[int]) -> None:
    started_session(cli)
    cli("status")
    assert "en cours" in cli("status").out
    (cli.home / "config.toml").write_text('language = "en"\n')
    assert "running" in cli("status").out
    assert "running" in cli("status").out
    assert len(folds) == 2
    (cli.home / "config.toml").write_text('language = "fr"\n')
    assert "en cours" in cli("status").out
    (cli.home / "config.toml").unlink()
    assert "en cours" in cli("status").out
    assert len(folds) == 4
    (cli.home / "config.toml").write_text('timezone = "Europe"\n')  # broken: said at once
    assert cli("status", check=False).code == 2


@pytest.mark.parametrize("tampering", [
    "UPDATE status_sessions SET closed_seconds = 'x'",
    "UPDATE status_sessions SET running_since = 'hier'",
    "UPDATE status_sessions SET running_since = '2026-01-01T10:00:00'",  # no offset
    "UPDATE status_sessions SET without_consent = 'oui'",
    "UPDATE status_head SET language = 1",
    "DROP TABLE status_sessions",
])
def test_a_view_someone_wrote_into_is_folded_again(cli: Cli, tampering: str) -> None:
    started_session(cli)
    expected = cli("status").out
    with db(cli) as conn:
        conn.execute(tampering)
    result = cli("status", check=False)
    clean(result)
    # The session's line as folded from the log: the same, but for its clock, which may
    # have ticked a second in between (a view read as written would be hours off).
    assert result.code == 0
    (now, shown), (then, before) = (_elapsed(out.splitlines()[0])
                                    for out in (result.out, expected))
    assert shown == before and 0 <= now - then <= 2


def _elapsed(line: str) -> tuple[int, str]:
    """A status line's worked time in seconds, and the line without it."""
    found = re.search(r"(\d+):(\d\d):(\d\d)", line)
    assert found is not None, line
    h, m, s = map(int, found.groups())
    return h * 3600 + m * 60 + s, line.replace(found.group(0), "H:MM:SS", 1)


def test_text_in_the_view_is_escaped_as_any_output(cli: Cli) -> None:
    started_session(cli)
    cli("status")
    with db(cli) as conn:
        conn.execute("UPDATE status_sessions SET client_id = 'c-\x1b]0;pwned\x07', "
                     "policy = '\u202evlh'")
    result = cli("status")
    clean(result)
    assert "\\u001b]0;pwned\\u0007" in result.out and "\\u202evlh" in result.out


def test_a_log_being_written_still_shows_its_status(cli: Cli, folds: list[int]) -> None:
    _client, session = started_session(cli)
    writer = db(cli)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        assert session in cli("status").out
        assert session in cli("status").out
        assert len(folds) == 2  # the view could not be written: folded again
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    cli("status")
    assert session in cli("status").out and len(folds) == 3


def test_json_output_always_folds(cli: Cli, folds: list[int]) -> None:
    started_session(cli)
    cli("status")
    cli("status")
    data = cli.json("status")
    assert data["sessions"][0]["consent"][0]["channel"] == "tool-code"
    assert len(folds) == 2


def test_a_home_with_uri_characters_in_its_path(tmp_path: Path, cli: Cli) -> None:
    home = tmp_path / "a b?c#d%25e é"
    odd = cli.at(home)
    _client, session = started_session(odd)
    assert session in odd("status").out
    assert session in odd("status").out  # the view, opened through its own URI
    assert odd("log").code == 0  # the store's read-only URI too
    assert (home / "sessiond.sqlite3").exists() and not (tmp_path / "a b").exists()
    # A path may start with "//" (POSIX keeps it): in a URI that would be a host name.
    doubled = Cli(home, {**cli.env, "SESSIOND_HOME": "/" + str(home)})
    assert session in doubled("status").out and doubled("log").code == 0
