"""`sessiond evidence import|list` on the real samples and on logs written like the tools
write them; each reconciliation rule through `evidence import` and `check --json`; the real
daemon following a real RustDesk log that grows and rotates (issue 14)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.functional.test_daemon_support import start_daemon, wait_for

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
TV = "1660360496"  # the partner of the TeamViewer samples
AD = "1001025310"  # the partner of the AnyDesk samples

needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(),
                                   reason="the samples (../shared/samples) are not here")


def iso(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(timespec="seconds")


def planned(cli: Cli, policy: str, partner: str | None, tool: str = "teamviewer") -> str:
    client = cli("client", "add", "Jeanne Martin").out.strip()
    extra = ["--partner-id", partner] if partner else []
    return cli("session", "new", client, "--policy", policy, "--tool", tool, "--client-os",
               "windows", *extra).out.strip()


def worked(cli: Cli, policy: str, partner: str | None, consent: datetime, start: datetime,
           stop: datetime, tool: str = "teamviewer") -> str:
    sid = planned(cli, policy, partner, tool)
    cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne", "--at", iso(consent),
        "--yes")
    cli("start", sid, "--at", iso(start), "--yes")
    cli("stop", sid, "--at", iso(stop), "--yes")
    return sid


def outgoing(path: Path, *rows: tuple[str, datetime, datetime]) -> Path:
    """TeamViewer's Connections.txt: a newline, then 32-character columns (UTC)."""
    text = "".join(
        f"\n{partner:<32}{start.astimezone(UTC):%d-%m-%Y %H:%M:%S}{'':13}"
        f"{end.astimezone(UTC):%d-%m-%Y %H:%M:%S}{'':13}{'tech':<32}{'RemoteControl':<32}"
        f"{{b35110b2-7dc5-4bb9-8d54-ca80953f65{n:02d}}}"
        for n, (partner, start, end) in enumerate(rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="ascii")
    return path


def findings(cli: Cli, sid: str, rule: str) -> list[dict[str, Any]]:
    result = cli("check", sid, "--json", check=False)
    assert result.code in (0, 1), result.err
    return [f for f in result.json["findings"] if f["rule"] == rule]


def base() -> datetime:
    return (datetime.now(UTC) - timedelta(hours=3)).replace(second=0, microsecond=0)


# --- import and list ------------------------------------------------------------------------


@needs_samples
def test_import_records_each_connection_once(cli: Cli) -> None:
    day = datetime(2024, 2, 16, 14, 0, tzinfo=UTC)
    sid = worked(cli, "vlh", "1660 360 496", day + timedelta(minutes=10),
                 day + timedelta(minutes=15), day + timedelta(minutes=20))
    incoming = str(SAMPLES / "teamviewer" / "connections_incoming.txt")
    first = cli.json("evidence", "import", incoming)
    assert first == {"connections": [{
        "tool": "teamviewer", "direction": "incoming", "partner_id": TV,
        "start": "2024-02-16T15:16:32+01:00", "end": "2024-02-16T15:18:36+01:00",
        "session": sid, "new": True}]}
    again = cli.json("evidence", "import", incoming)
    assert again["connections"][0]["new"] is False
    # The log describes the same session to the second (06:16:32.444 at UTC-8): the
    # connection is already recorded, from the other file.
    log = cli.json("evidence", "import", str(SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log"))
    assert [(c["start"], c["end"], c["session"], c["new"]) for c in log["connections"]] == [
        ("2024-02-16T15:16:32+01:00", "2024-02-16T15:18:36+01:00", sid, False)]
    # An outgoing session four days later matches no session: shown, not recorded.
    other = cli.json("evidence", "import", str(SAMPLES / "teamviewer" / "Connections.txt"))
    assert [(c["direction"], c["session"], c["new"]) for c in other["connections"]] == [
        ("outgoing", None, False)]
    listed = cli.json("evidence", "list", "--session", sid)
    assert [(c["start"], c["outcome"], c["format"], c["matched_by"])
            for c in listed["connections"]] == [
        ("2024-02-16T15:16:32+01:00", "accepted", "teamviewer-incoming", "partner-id")]
    assert cli.json("evidence", "list", "--day", "2024-02-16")["connections"] == \
        listed["connections"]
    assert cli.json("evidence", "list", "--day", "2024-02-17")["connections"] == []
    kinds = [e["kind"] for e in cli.events()]
    assert kinds.count("connection-observed") == 1 and "connection-closed" not in kinds
    text = cli("evidence", "list", "--session", sid).out
    assert "TeamViewer" in text and "entrante" in text and TV in text


@needs_samples
def test_anydesk_traces_are_read_as_utc(cli: Cli) -> None:
    day = datetime(2025, 9, 22, 0, 50, tzinfo=UTC)
    sid = worked(cli, "micro-alpes", AD, day, day + timedelta(minutes=3),
                 day + timedelta(minutes=8), tool="anydesk")
    found = cli.json("evidence", "import", str(SAMPLES / "anydesk" / "anydesk.trace"),
                     "--tool", "anydesk")["connections"]
    assert [(c["direction"], c["start"], c["end"], c["new"]) for c in found] == [
        ("outgoing", "2025-09-22T02:53:11+02:00", "2025-09-22T02:53:12+02:00", True),
        ("outgoing", "2025-09-22T02:53:40+02:00", "2025-09-22T02:53:41+02:00", True),
        ("outgoing", "2025-09-22T02:53:46+02:00", "2025-09-22T02:53:46+02:00", True),
        ("incoming", "2025-09-22T02:53:51+02:00", "2025-09-22T02:57:14+02:00", True)]
    outcomes = [c["outcome"] for c in cli.json("evidence", "list", "--session", sid)[
        "connections"]]
    assert outcomes == ["rejected", "rejected", "rejected", "accepted"]
    # The service trace holds the same session (its request 0.4 s earlier, in the second
    # before) and the same three attempts: nothing of them is recorded twice; only its
    # five requests that never reached the user's side are new.
    service = cli.json("evidence", "import", str(SAMPLES / "anydesk" /
                                                  "anydesk_var_log.trace"))["connections"]
    assert [(c["direction"], c["start"], c["new"]) for c in service if not c["new"]
            or c["start"] >= "2025-09-22T02:53"] == [
        ("outgoing", "2025-09-22T02:53:11+02:00", False),
        ("outgoing", "2025-09-22T02:53:40+02:00", False),
        ("outgoing", "2025-09-22T02:53:46+02:00", False),
        ("incoming", "2025-09-22T02:53:50+02:00", False)]
    accepted = [c for c in cli.json("evidence", "list", "--session", sid)["connections"]
                if c["outcome"] == "accepted"]
    assert len(accepted) == 1


@needs_samples
def test_a_log_and_its_rotated_copy_are_read_as_one(cli: Cli, tmp_path: Path) -> None:
    # TeamViewer renamed its log to _OLD during the session: the start is in the old file,
    # the end in the new one. Given in any order, they are read oldest first.
    lines = (SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log").read_bytes().split(b"\n")
    old, current = tmp_path / "TeamViewer15_Logfile_OLD.log", tmp_path / "TeamViewer15_Logfile.log"
    old.write_bytes(b"\n".join(lines[:700]) + b"\n")
    current.write_bytes(b"\n".join(lines[700:]))
    day = datetime(2024, 2, 16, 14, 0, tzinfo=UTC)
    sid = worked(cli, "micro-alpes", TV, day + timedelta(minutes=10),
                 day + timedelta(minutes=15), day + timedelta(minutes=19))
    found = cli.json("evidence", "import", str(current), str(old))["connections"]
    assert [(c["start"], c["end"], c["session"]) for c in found] == [
        ("2024-02-16T15:16:32+01:00", "2024-02-16T15:18:36+01:00", sid)]
    assert findings(cli, sid, "remote-access-after-stop") == []
    text = cli("evidence", "import", str(current), str(old)).out
    assert f"dans {old}, {current} (teamviewer-log)" in text


def test_a_forged_log_puts_no_escape_sequence_on_the_terminal(cli: Cli, tmp_path: Path) -> None:
    t = base()
    sid = worked(cli, "vlh", None, t - timedelta(minutes=5), t, t + timedelta(minutes=30))
    forged = tmp_path / "Connections_incoming.txt"
    forged.write_bytes(
        f"\n\x1b]0;pwn\x07\x1b[2J\tx\t{t:%d-%m-%Y %H:%M:%S}\t"
        f"{t + timedelta(minutes=20):%d-%m-%Y %H:%M:%S}\tu\tRemoteControl\t\t".encode())
    for args in ((), ("--json",)):
        result = cli("evidence", "import", str(forged), *args)
        assert "\x1b" not in result.out and "\x07" not in result.out
    # Recorded (matched by time), with no partner ID: the forged one is not an ID.
    [seen] = cli.json("evidence", "list", "--session", sid)["connections"]
    assert seen["partner_id"] is None


def test_refusals_say_what_to_do(cli: Cli, tmp_path: Path) -> None:
    missing = cli("evidence", "import", str(tmp_path / "nope.log"), check=False)
    assert missing.code == 2 and "Impossible de lire le journal" in missing.err
    junk = tmp_path / "notes.txt"
    junk.write_text("rien à voir\n", encoding="utf-8")
    wrong = cli("evidence", "import", str(junk), check=False)
    assert wrong.code == 2 and "n'est pas un journal TeamViewer, AnyDesk ou RustDesk" in \
        wrong.err
    # ... and says which files it reads, where each tool writes them: another file of the
    # tool's folder (AnyDesk's file_transfer_trace.txt, a row as dissect quotes it) is no log.
    transfers = tmp_path / "file_transfer_trace.txt"
    transfers.write_bytes("Clipboard\t\t2025-01-01, 13:37\tstart \tdownload\t'setup.exe' "
                          "(~0 B out of 4.20 MiB)\r\n".encode("utf-16"))
    for given in (junk, transfers):
        refused = cli("evidence", "import", str(given), check=False)
        assert refused.code == 2 and "il lit" in refused.err
        for known in ("Connections_incoming.txt", "TeamViewer15_Logfile.log", "ad.trace",
                      "ad_svc.trace", "/var/log/anydesk.trace", "RustDesk_r*.log"):
            assert known in refused.err
    log = outgoing(tmp_path / "Connections.txt", (TV, base(), base() + timedelta(minutes=5)))
    other = cli("evidence", "import", str(log), "--tool", "anydesk", check=False)
    assert other.code == 2 and "écrit par teamviewer, pas par anydesk" in other.err
    both = cli("evidence", "list", "--session", "s-x", "--day", "today", check=False)
    assert both.code == 2
    assert len(cli.events()) == 0


@needs_samples
def test_a_log_refused_once_read_records_nothing(cli: Cli, tmp_path: Path) -> None:
    # The real log's session, then the rest of the file as a program of a French locale
    # rewrote it (DD/MM/YYYY): most lines are dated in a layout sessiond cannot read, so
    # the file is refused, which it can tell only once it has read it, past the session.
    real = (SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log").read_text(encoding="utf-8")
    rewritten = [f"16/02/2024 06:{n // 60:02d}:{n % 60:02d}.000  2216       2492 S0   line {n}"
                 for n in range(2 * real.count("\n"))]
    log = tmp_path / "rewritten" / "TeamViewer15_Logfile.log"
    log.parent.mkdir()
    log.write_text(real + "\n".join(rewritten) + "\n", encoding="utf-8")
    day = datetime(2024, 2, 16, 14, 0, tzinfo=UTC)
    sid = worked(cli, "micro-alpes", TV, day + timedelta(minutes=10),
                 day + timedelta(minutes=15), day + timedelta(minutes=19))
    incoming = str(SAMPLES / "teamviewer" / "connections_incoming.txt")
    for files in ((str(log),), (incoming, str(log))):
        refused = cli("evidence", "import", *files, check=False)
        assert refused.code == 2 and "ne peut pas être importé tel quel" in refused.err
        # Told it cannot be imported, the technician finds none of it in the record: not
        # the log's session, nor the other file's given in the same command.
        assert "connection-observed" not in [e["kind"] for e in cli.events()]
        assert cli.json("evidence", "list", "--session", sid)["connections"] == []
    assert [c["session"] for c in cli.json("evidence", "import", incoming)["connections"]] == [
        sid]


def test_a_connection_row_that_cannot_be_read_is_never_left_out(cli: Cli,
                                                                 tmp_path: Path) -> None:
    # Three sessions in the technician's Connections.txt; the second row, the one opened
    # before its consent, was re-saved by a spreadsheet in the French layout (DD/MM/YYYY).
    # Read without it, the import would record two connections and check would find
    # nothing before the consent: the file is refused, naming the line, and nothing recorded.
    t = base()
    sids = [worked(cli, "micro-alpes", partner, t + timedelta(minutes=m + consent),
                   t + timedelta(minutes=m + 6), t + timedelta(minutes=m + 20))
            for partner, m, consent in (("111111111", -60, -5), ("222222222", 0, 5),
                                        ("333333333", 60, -5))]
    log = outgoing(tmp_path / "Connections.txt",
                   ("111111111", t - timedelta(minutes=59), t - timedelta(minutes=40)),
                   ("222222222", t, t + timedelta(minutes=20)),
                   ("333333333", t + timedelta(minutes=61), t + timedelta(minutes=80)))
    rows = log.read_text(encoding="ascii").split("\n")
    rows[2] = rows[2].replace(f"{t:%d-%m-%Y}", f"{t:%d/%m/%Y}")
    assert "/" in rows[2]
    log.write_text("\n".join(rows), encoding="ascii")
    refused = cli("evidence", "import", str(log), check=False)
    assert refused.code == 2
    assert "La ligne 3 de cette liste de connexions TeamViewer" in refused.err
    assert "ne peut donc pas être importé tel quel" in refused.err
    assert "connection-observed" not in [e["kind"] for e in cli.events()]
    # The row as TeamViewer wrote it: the three are recorded, the second before its consent.
    rows[2] = rows[2].replace(f"{t:%d/%m/%Y}", f"{t:%d-%m-%Y}")
    log.write_text("\n".join(rows), encoding="ascii")
    imported = cli.json("evidence", "import", str(log))["connections"]
    assert [c["session"] for c in imported] == sids
    assert [len(findings(cli, sid, "remote-access-before-consent")) for sid in sids] == [
        0, 1, 0]


def test_a_fifo_or_a_device_is_refused_not_waited_on(real_cli: Cli, tmp_path: Path) -> None:
    """A FIFO named as the log: open() waited for a writer, and the command never ended."""
    import os
    import subprocess

    fifo = tmp_path / "anydesk.trace"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        try:
            result = real_cli("evidence", "import", str(path), check=False)
        except subprocess.TimeoutExpired:  # (subprocess.run killed it)
            pytest.fail(f"evidence import {path} waited")
        assert result.code == 2, result.err
        assert "n'est pas un fichier ordinaire" in result.err and str(path) in result.err
        assert "Traceback" not in result.err


def test_the_real_commands(real_cli: Cli, tmp_path: Path) -> None:
    t = base()
    sid = worked(real_cli, "vlh", TV, t - timedelta(minutes=5), t, t + timedelta(minutes=30))
    log = outgoing(tmp_path / "Connections.txt", (TV, t, t + timedelta(minutes=30)))
    out = real_cli("evidence", "import", str(log)).out
    assert sid in out and "1 connexion dans" in out
    assert TV in real_cli("evidence", "list", "--session", sid).out


def test_the_partner_id_is_stored_sealed_only(cli: Cli, tmp_path: Path) -> None:
    t = base()
    sid = worked(cli, "vlh", TV, t - timedelta(minutes=5), t, t + timedelta(minutes=30))
    cli("evidence", "import", str(outgoing(tmp_path / "Connections.txt",
                                           (TV, t, t + timedelta(minutes=30)))))
    assert cli.json("evidence", "list", "--session", sid)["connections"][0]["partner_id"] == TV
    with sqlite3.connect(f"file:{cli.home / 'sessiond.sqlite3'}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT body, sealed FROM events WHERE kind = "
                          "'connection-observed'").fetchall()
        dumped = "\n".join(db.iterdump())
    assert len(rows) == 1 and rows[0][1]
    assert TV not in dumped  # neither in the body, nor the session's, nor anywhere else


# --- the reconciliation rules ------------------------------------------------------------------


def test_remote_access_before_consent(cli: Cli, tmp_path: Path) -> None:
    t = base()
    early = worked(cli, "micro-alpes", "111111111", t + timedelta(minutes=5),
                   t + timedelta(minutes=6), t + timedelta(minutes=40))
    fine = worked(cli, "micro-alpes", "222222222", t - timedelta(minutes=10),
                  t + timedelta(minutes=1), t + timedelta(minutes=40))
    law = worked(cli, "fgdmi", "333333333", t + timedelta(minutes=5),
                 t + timedelta(minutes=6), t + timedelta(minutes=40))
    log = outgoing(tmp_path / "Connections.txt",
                   ("111111111", t, t + timedelta(minutes=40)),
                   ("222222222", t, t + timedelta(minutes=40)),
                   ("333333333", t, t + timedelta(minutes=40)))
    imported = cli.json("evidence", "import", str(log))["connections"]
    assert [c["session"] for c in imported] == [early, fine, law]
    (found,) = findings(cli, early, "remote-access-before-consent")
    assert (found["severity"], found["article"]) == ("error", "7, art. 1")
    consent = next(e["seq"] for e in cli.events()
                   if e["kind"] == "consent-recorded" and e["session"] == early)
    observed = next(e["seq"] for e in cli.events()
                    if e["kind"] == "connection-observed" and e["session"] == early)
    assert set(found["events"]) == {consent, observed}
    assert "avant que le consentement du client soit enregistré" in found["message"]
    assert "111111111" not in found["message"]
    assert findings(cli, fine, "remote-access-before-consent") == []
    (baseline,) = findings(cli, law, "remote-access-before-consent")  # terms silent: the law
    assert (baseline["severity"], baseline["article"]) == ("error", "Code pénal, art. 323-1")


def test_a_connection_after_a_disconnection_needs_a_new_consent(cli: Cli,
                                                                tmp_path: Path) -> None:
    """Micro-Alpes 7, art. 1: once disconnected the technician 'ne peut plus prendre le
    contrôle'. The tool's log shows him connected again twenty minutes later, the clock
    still running, with no new code given: only a connection before the first consent was
    reported. With a consent (the new code) before it, nothing is."""
    t = base()
    sessions = {}
    for partner, again in (("111111111", False), ("222222222", True)):
        sid = planned(cli, "micro-alpes", partner)
        cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne", "--at",
            iso(t - timedelta(minutes=1)), "--yes")
        cli("start", sid, "--at", iso(t), "--yes")
        cli("record", sid, "disconnect-confirmed", "--at", iso(t + timedelta(minutes=10)),
            "--yes")
        if again:
            cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne", "--at",
                iso(t + timedelta(minutes=19)), "--yes")
        cli("stop", sid, "--at", iso(t + timedelta(minutes=30)), "--yes")
        cli("record", sid, "disconnect-confirmed", "--at", iso(t + timedelta(minutes=30)),
            "--yes")
        sessions[again] = sid
    log = outgoing(tmp_path / "Connections.txt",
                   *((partner, t + timedelta(minutes=m), t + timedelta(minutes=m + 10))
                     for partner in ("111111111", "222222222") for m in (0, 20)))
    cli("evidence", "import", str(log))
    (found,) = findings(cli, sessions[False], "remote-access-before-consent")
    assert (found["severity"], found["article"]) == ("error", "7, art. 1")
    assert "après la déconnexion" in found["message"], found["message"]
    observed = [e["seq"] for e in cli.events()
                if e["kind"] == "connection-observed" and e["session"] == sessions[False]]
    gone = next(e["seq"] for e in cli.events()
                if e["kind"] == "disconnect-confirmed" and e["session"] == sessions[False])
    assert observed[1] in found["events"] and gone in found["events"]
    assert observed[0] not in found["events"]  # opened after the consent, before leaving
    assert findings(cli, sessions[True], "remote-access-before-consent") == []


REMOTE_LOGS = Path(__file__).resolve().parents[1] / "data" / "remote_logs"


@pytest.mark.parametrize("policy", ["md-micro-services", "micro-alpes", "vlh", "mri87",
                                    "fgdmi"])
def test_a_rustdesk_connection_that_logged_in_counts_against_the_consent_and_the_stop(
        cli: Cli, policy: str) -> None:
    # The client's RustDesk server log: #1362 opened at 09:04:08 (+01:00), logged in
    # (its codec registered), closed at 09:47:51; #1363 opened at 14:20:00 and closed by a
    # timeout, no login. The incoming side names no partner: matched by time.
    day = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    sid = worked(cli, policy, "412 736 958", day + timedelta(minutes=10),
                 day + timedelta(minutes=10), day + timedelta(minutes=30), tool="rustdesk")
    later = worked(cli, policy, None, day + timedelta(hours=5, minutes=25),
                   day + timedelta(hours=5, minutes=25), day + timedelta(hours=5, minutes=40),
                   tool="rustdesk")
    log = REMOTE_LOGS / "rustdesk" / "server-login" / "RustDesk_rCURRENT.log"
    found = cli.json("evidence", "import", str(log))["connections"]
    assert [(c["start"], c["end"], c["session"]) for c in found] == [
        ("2026-03-10T09:04:08+01:00", "2026-03-10T09:47:51+01:00", sid),
        ("2026-03-10T14:20:00+01:00", "2026-03-10T14:20:31+01:00", later)]
    assert [c["outcome"] for c in cli.json("evidence", "list", "--session", sid)[
        "connections"]] == ["accepted"]
    observed = next(e["seq"] for e in cli.events()
                    if e["kind"] == "connection-observed" and e["session"] == sid)
    (early,) = findings(cli, sid, "remote-access-before-consent")
    (left,) = findings(cli, sid, "remote-access-after-stop")
    assert early["severity"] == "error" and observed in early["events"]
    assert observed in left["events"] and "17 min 51 s" in left["message"]
    # The attempt that never logged in is on record, and no access before the consent.
    assert [c["outcome"] for c in cli.json("evidence", "list", "--session", later)[
        "connections"]] == ["unknown"]
    assert findings(cli, later, "remote-access-before-consent") == []


def test_a_rustdesk_connection_cut_by_a_restart_stays_in_its_session(
        cli: Cli, tmp_path: Path) -> None:
    # The client's computer restarted at 09:20 during the morning's session: RustDesk's
    # server process never wrote that connection's end, and the new process, in a new
    # file, numbers its connections anew. Read as open until the log's last line (17:30),
    # it overlapped the afternoon's session more than its own and was matched there, as a
    # connection opened before that consent.
    def rd(stamp: str, msg: str) -> str:
        return f"[2026-03-10 {stamp} +01:00] INFO [src\\server\\connection.rs:1354] {msg}\n"

    def login(stamp: str, n: int) -> str:
        return rd(stamp, f"update:Update({n}, SupportedDecoding {{ ability_vp9: 1, "
                         "ability_h264: 1, prefer: Auto }})")

    start = "start --server with user LocalService"
    logs = tmp_path / "log" / "server"
    logs.mkdir(parents=True)
    (logs / "RustDesk_r2026-03-10_08-31-59.log").write_text("".join([
        rd("08:31:59.272141", start), rd("09:04:08.350802", "#1362 Connection opened from "
                                         "198.51.100.7:6074."),
        login("09:04:15.837855", 1362), rd("09:20:00.000000", "keep alive")]))
    (logs / "RustDesk_rCURRENT.log").write_text("".join([
        rd("09:22:10.000000", start),
        rd("09:23:30.000000", "#1544 Connection opened from 198.51.100.7:6080."),
        login("09:23:35.000000", 1544), rd("09:47:51.000000", "#1544 Connection closed: End"),
        rd("14:05:00.000000", "#1545 Connection opened from 198.51.100.7:6090."),
        login("14:05:05.000000", 1545), rd("14:30:00.000000", "#1545 Connection closed: End"),
        rd("17:30:00.000000", "keep alive")]))
    day = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    morning = worked(cli, "micro-alpes", None, day, day, day + timedelta(minutes=50),
                     tool="rustdesk")
    afternoon = worked(cli, "micro-alpes", None, day + timedelta(hours=5),
                       day + timedelta(hours=5), day + timedelta(hours=5, minutes=35),
                       tool="rustdesk")
    found = cli.json("evidence", "import", *map(str, sorted(logs.iterdir())))["connections"]
    assert sorted((c["start"], c["end"], c.get("seen_until"), c["session"]) for c in found) == [
        ("2026-03-10T09:04:08+01:00", None, "2026-03-10T09:20:00+01:00", morning),
        ("2026-03-10T09:23:30+01:00", "2026-03-10T09:47:51+01:00", None, morning),
        ("2026-03-10T14:05:00+01:00", "2026-03-10T14:30:00+01:00", None, afternoon)]
    assert findings(cli, afternoon, "remote-access-before-consent") == []


@needs_samples
def test_a_session_cut_by_a_crash_is_seen_up_to_the_crash_not_to_the_restart(
        cli: Cli, tmp_path: Path) -> None:
    # The real service trace, its session cut by a crash of the client's computer just
    # after its authentication (00:54:16 UTC): a run of NULs (the real file has runs of 35
    # to 1,433 before its restart banners), then the real restart of 01:28:29. The session's
    # end was never written; read as open until the log's last line (01:28:37), it overlapped
    # the session of 01:20 more than its own and was matched there.
    lines = (SAMPLES / "anydesk" / "anydesk_var_log.trace").read_bytes().replace(
        b"\x00", b"").split(b"\n")
    assert b"Authenticated by local user" in lines[964] and b"00:54:16.646" in lines[982]
    assert b"AnyDesk Linux Startup" in lines[1785]
    (tmp_path / "log").mkdir()
    trace = tmp_path / "log" / "anydesk.trace"  # /var/log/anydesk.trace: the service's
    trace.write_bytes(b"\n".join(lines[:983]) + b"\n" + b"\x00" * 653
                      + b"\n".join(lines[1784:]))
    day = datetime(2025, 9, 22, 0, 50, tzinfo=UTC)
    own = worked(cli, "micro-alpes", None, day, day + timedelta(minutes=3),
                 day + timedelta(minutes=8), tool="anydesk")
    later = worked(cli, "micro-alpes", None, day + timedelta(minutes=30),
                   day + timedelta(minutes=30), day + timedelta(minutes=50), tool="anydesk")
    found = cli.json("evidence", "import", str(trace))["connections"]
    (cut,) = [c for c in found if c["start"] == "2025-09-22T02:53:50+02:00"]
    assert (cut["end"], cut["seen_until"], cut["session"]) == (
        None, "2025-09-22T02:54:16+02:00", own)
    assert findings(cli, later, "remote-access-before-consent") == []


def test_remote_access_after_stop(cli: Cli, tmp_path: Path) -> None:
    t = base()
    sessions = {policy: worked(cli, policy, partner, t - timedelta(minutes=5), t,
                               t + timedelta(minutes=30))
                for policy, partner in (("micro-alpes", "111111111"),
                                        ("md-micro-services", "222222222"),
                                        ("vlh", "333333333"))}
    closed_in_time = worked(cli, "micro-alpes", "444444444", t - timedelta(minutes=5), t,
                            t + timedelta(minutes=30))
    log = outgoing(tmp_path / "Connections.txt",
                   ("111111111", t, t + timedelta(minutes=40)),
                   ("222222222", t, t + timedelta(minutes=40)),
                   ("333333333", t, t + timedelta(minutes=40)),
                   ("444444444", t, t + timedelta(minutes=31, seconds=30)))
    cli("evidence", "import", str(log))
    expected = {"micro-alpes": ("error", "7, art. 1"),  # the terms promise disconnection
                "md-micro-services": ("warning", "7"),
                "vlh": ("warning", "Code pénal, art. 323-1")}  # silent terms: the law's
    for policy, sid in sessions.items():
        (found,) = findings(cli, sid, "remote-access-after-stop")
        assert (found["severity"], found["article"]) == expected[policy], policy
        assert "10 min après l'arrêt" in found["message"], found["message"]
    assert findings(cli, closed_in_time, "remote-access-after-stop") == []  # 1 min 30 s


def test_a_session_cut_by_the_clients_reboot_ends_with_it(cli: Cli) -> None:
    # The client's TeamViewer log (tests/data/remote_logs/teamviewer/reboot): his PC
    # reboots during the repair (13:41, a new service process at 13:43), the technician
    # connects again at 13:45 until 14:10. The first connection ended with the reboot: it
    # is not one from 13:30 to 14:10 beside the second (the second's end took for its own).
    day = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    sid = worked(cli, "micro-alpes", "809843398", day + timedelta(minutes=29),
                 day + timedelta(minutes=30, seconds=30), day + timedelta(minutes=72))
    log = REMOTE_LOGS / "teamviewer" / "reboot" / "TeamViewer15_Logfile.log"
    found = cli.json("evidence", "import", str(log))["connections"]
    assert sorted((c["start"], c["end"], c.get("seen_until"), c["session"]) for c in found) == [
        ("2026-12-03T13:30:02+01:00", None, "2026-12-03T13:41:07+01:00", sid),
        ("2026-12-03T13:45:00+01:00", "2026-12-03T14:10:00+01:00", None, sid)]
    listed = cli.json("evidence", "list", "--session", sid)["connections"]
    assert sorted(c["end"] or "" for c in listed) == ["", "2026-12-03T14:10:00+01:00"]
    assert findings(cli, sid, "remote-access-before-consent") == []
    assert findings(cli, sid, "connection-to-other-partner") == []


def test_a_connection_before_the_tool_code_is_an_access_before_consent(
        cli: Cli, tmp_path: Path) -> None:
    """Micro-Alpes 7, art. 1: giving the remote tool's code is the client's consent to its
    control. A connection the tool logged after his "oui" by phone but before the code
    was given is an access before his consent, as a start or a resume then is; once the
    code precedes it, nothing. Terms that accept any channel (MD 4, 7) take the "oui"."""
    t = base()

    def session(policy: str, partner: str, code_at: datetime | None) -> str:
        sid = planned(cli, policy, partner)
        cli("consent", sid, "--channel", "oral", "--by", "Jeanne", "--at",
            iso(t - timedelta(minutes=10)), "--yes")
        if code_at is not None:
            cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne", "--at",
                iso(code_at), "--yes")
        cli("start", sid, "--at", iso(t + timedelta(minutes=3)), "--yes")
        cli("stop", sid, "--at", iso(t + timedelta(minutes=40)), "--yes")
        return sid

    late_code = session("micro-alpes", "111111111", t + timedelta(minutes=2))
    no_code = session("micro-alpes", "222222222", None)
    code_first = session("micro-alpes", "333333333", t - timedelta(minutes=1))
    any_channel = session("md-micro-services", "444444444", None)
    log = outgoing(tmp_path / "Connections.txt",
                   *((p, t, t + timedelta(minutes=40))
                     for p in ("111111111", "222222222", "333333333", "444444444")))
    cli("evidence", "import", str(log))
    seqs = {(e["session"], e["kind"], (e.get("body") or {}).get("channel")): e["seq"]
            for e in cli.events()}
    (early,) = findings(cli, late_code, "remote-access-before-consent")
    assert (early["severity"], early["article"]) == ("error", "7, art. 1")
    assert set(early["events"]) == {seqs[late_code, "consent-recorded", "tool-code"],
                                    seqs[late_code, "connection-observed", None]}
    assert "avant que le consentement du client soit enregistré" in early["message"]
    (none,) = findings(cli, no_code, "remote-access-before-consent")
    assert "à l'oral" in none["message"] and "code de l'outil" in none["message"]
    assert seqs[no_code, "consent-recorded", "oral"] in none["events"]
    assert findings(cli, code_first, "remote-access-before-consent") == []
    assert findings(cli, any_channel, "remote-access-before-consent") == []


def test_a_reconnection_after_an_oral_consent_names_the_channel_asked_for(
        cli: Cli, tmp_path: Path) -> None:
    """Micro-Alpes 7, art. 1: after the technician disconnected, a new connection needs a
    new code; a "oui" by phone given since is named beside the channel the terms ask for,
    and a new code since leaves nothing to report."""
    t = base()
    sessions = {}
    for partner, channel in (("111111111", "oral"), ("222222222", "tool-code")):
        sid = worked(cli, "micro-alpes", partner, t - timedelta(minutes=5), t,
                     t + timedelta(minutes=50))
        cli("record", sid, "disconnect-confirmed", "--at", iso(t + timedelta(minutes=20)),
            "--yes")
        cli("consent", sid, "--channel", channel, "--by", "Jeanne", "--at",
            iso(t + timedelta(minutes=25)), "--yes")
        cli("record", sid, "disconnect-confirmed", "--at", iso(t + timedelta(minutes=50)),
            "--yes")
        sessions[channel] = sid
    log = outgoing(tmp_path / "Connections.txt", *(
        row for p in ("111111111", "222222222")
        for row in ((p, t + timedelta(minutes=1), t + timedelta(minutes=15)),
                    (p, t + timedelta(minutes=30), t + timedelta(minutes=49)))))
    cli("evidence", "import", str(log))
    (again,) = findings(cli, sessions["oral"], "remote-access-before-consent")
    assert (again["severity"], again["article"]) == ("error", "7, art. 1")
    assert "après la déconnexion" in again["message"]
    assert "à l'oral" in again["message"] and "code de l'outil" in again["message"]
    oral = [e["seq"] for e in cli.events() if e["kind"] == "consent-recorded"
            and e["session"] == sessions["oral"]][-1]
    assert oral in again["events"]
    assert findings(cli, sessions["tool-code"], "remote-access-before-consent") == []


def test_evidence_findings_cite_the_amendment_that_set_the_instant(cli: Cli,
                                                                    tmp_path: Path) -> None:
    """A consent whose time was corrected (amend) to after the tool's first connection is
    reported as a connection before the consent, citing the correction with the consent,
    as consent-before-access cites it; a stop corrected to long after the last connection
    is time billed beyond it, citing the stop's correction (Micro-Alpes 7, art. 1; 3, 5)."""
    t = base()
    sid = worked(cli, "micro-alpes", "111111111", t - timedelta(minutes=5), t,
                 t + timedelta(minutes=30))
    log = outgoing(tmp_path / "Connections.txt", ("111111111", t + timedelta(minutes=1),
                                                  t + timedelta(minutes=30)))
    cli("evidence", "import", str(log))
    assert findings(cli, sid, "remote-access-before-consent") == []
    assert findings(cli, sid, "billed-beyond-connection") == []
    events = {e["kind"]: e["seq"] for e in cli.events() if e["session"] == sid}
    consent, stop = events["consent-recorded"], events["session-stopped"]
    observed = events["connection-observed"]

    def amended(seq: int, at: datetime) -> int:
        cli("amend", sid, str(seq), "--at", iso(at), "--reason", "heure mal saisie", "--yes")
        return [e["seq"] for e in cli.events() if e["kind"] == "instant-amended"][-1]

    fix = amended(consent, t + timedelta(minutes=2))
    (early,) = findings(cli, sid, "remote-access-before-consent")
    assert (early["severity"], early["article"]) == ("error", "7, art. 1")
    assert set(early["events"]) == {consent, fix, observed}
    (late,) = findings(cli, sid, "consent-before-access")
    assert fix in late["events"]
    amended(consent, t - timedelta(minutes=5))
    assert findings(cli, sid, "remote-access-before-consent") == []
    later = amended(stop, t + timedelta(minutes=75))
    (billed,) = findings(cli, sid, "billed-beyond-connection")
    assert (billed["severity"], billed["article"]) == ("warning", "3, 5")
    assert {observed, stop, later} <= set(billed["events"])


def test_billed_beyond_connection(cli: Cli, tmp_path: Path) -> None:
    t = base()
    beyond = worked(cli, "vlh", "111111111", t - timedelta(minutes=5), t,
                    t + timedelta(minutes=50))
    within = worked(cli, "vlh", "222222222", t - timedelta(minutes=5), t,
                    t + timedelta(minutes=50))
    unseen = worked(cli, "vlh", "333333333", t - timedelta(minutes=5), t,
                    t + timedelta(minutes=50))
    log = outgoing(tmp_path / "Connections.txt",
                   ("111111111", t, t + timedelta(minutes=10)),
                   ("222222222", t, t + timedelta(minutes=40)))
    cli("evidence", "import", str(log))
    (found,) = findings(cli, beyond, "billed-beyond-connection")
    assert (found["severity"], found["article"]) == ("warning", "3.3")
    assert "50 min" in found["message"] and "10 min" in found["message"]
    assert findings(cli, within, "billed-beyond-connection") == []  # 10 min < one tranche
    assert findings(cli, unseen, "billed-beyond-connection") == []  # no evidence, no claim


def test_connection_to_other_partner(cli: Cli, tmp_path: Path) -> None:
    t = base()
    sid = worked(cli, "vlh", "111111111", t - timedelta(minutes=5), t,
                 t + timedelta(minutes=30))
    log = outgoing(tmp_path / "Connections.txt",
                   ("999999999", t + timedelta(minutes=2), t + timedelta(minutes=20)))
    (row,) = cli.json("evidence", "import", str(log))["connections"]
    assert row["session"] == sid  # by time: the session of that tool then
    (found,) = findings(cli, sid, "connection-to-other-partner")
    assert (found["severity"], found["article"]) == ("warning", "4.1, 4.2")
    assert "999999999" not in found["message"] and "111111111" not in found["message"]


def test_an_incoming_connection_matched_by_time_is_access_to_the_clients_computer(
        cli: Cli, tmp_path: Path) -> None:
    # The client's Connections_incoming.txt: the row names the machine that connected (the
    # technician's ID), not the session's partner (the client's). Matched by time, it is
    # access to the client's computer: before the consent it is access before consent,
    # kept past the stop it is access after it, and it reached no other machine.
    t = base()
    sid = worked(cli, "vlh", "111111111", t + timedelta(minutes=5), t + timedelta(minutes=6),
                 t + timedelta(minutes=30))
    log = tmp_path / "Connections_incoming.txt"
    log.write_text("".join(
        f"\n999999999\tTech\t{a.astimezone(UTC):%d-%m-%Y %H:%M:%S}\t"
        f"{b.astimezone(UTC):%d-%m-%Y %H:%M:%S}\tJeanne\tRemoteControl\t{{{n}}}\t"
        for n, (a, b) in enumerate([(t, t + timedelta(minutes=45))])), encoding="ascii")
    (row,) = cli.json("evidence", "import", str(log))["connections"]
    assert (row["direction"], row["session"]) == ("incoming", sid)
    assert findings(cli, sid, "connection-to-other-partner") == []
    assert len(findings(cli, sid, "remote-access-before-consent")) == 1
    assert len(findings(cli, sid, "remote-access-after-stop")) == 1
    # The same row in the technician's Connections.txt (outgoing) reached 999999999:
    # another machine than the client's, and no access to his.
    e = t - timedelta(hours=3)
    other = worked(cli, "vlh", "111111111", e + timedelta(minutes=5), e + timedelta(minutes=6),
                   e + timedelta(minutes=30))
    cli("evidence", "import", str(outgoing(tmp_path / "Connections.txt", (
        "999999999", e, e + timedelta(minutes=45)))))
    assert len(findings(cli, other, "connection-to-other-partner")) == 1
    assert findings(cli, other, "remote-access-before-consent") == []
    assert findings(cli, other, "remote-access-after-stop") == []


@needs_samples
def test_a_log_that_begins_during_a_connection_says_so(cli: Cli, tmp_path: Path) -> None:
    # The real TeamViewer log's current file after a rotation that fell during the session
    # (its start and partner in the _OLD file, not given): the end lines open the file. The
    # connection cannot be recorded without its start, and must not vanish unsaid. With
    # the file before it, it is one whole connection and nothing is said.
    lines = (SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log").read_bytes().split(b"\n")
    old, current = tmp_path / "TeamViewer15_Logfile_OLD.log", tmp_path / "TeamViewer15_Logfile.log"
    old.write_bytes(b"\n".join(lines[:700]) + b"\n")
    current.write_bytes(b"\n".join(lines[700:]))
    alone = cli.json("evidence", "import", str(current))
    assert alone["connections"] == []
    (cut,) = alone["start_missing"]
    assert (cut["file"], cut["line"], cut["at"]) == (
        str(current), 963 - 700, "2024-02-16T06:18:36+01:00")  # no Start: block: local
    text = cli("evidence", "import", str(current)).out
    assert "le journal commence pendant une connexion (la ligne 263" in text
    both = cli.json("evidence", "import", str(old), str(current))
    assert "start_missing" not in both
    assert [(c["start"], c["end"]) for c in both["connections"]] == [
        ("2024-02-16T15:16:32+01:00", "2024-02-16T15:18:36+01:00")]


def test_a_second_partners_refused_try_is_no_connection_to_the_client(cli: Cli) -> None:
    # The client's TeamViewer log (tests/data/remote_logs/teamviewer/two-partners): while
    # the technician (809843398) authenticates, another partner tries with a wrong password
    # and is refused. His try is recorded as refused, and check finds no connection of the
    # session to another partner ID.
    day = datetime(2026, 5, 12, 7, 0, tzinfo=UTC)
    sid = worked(cli, "micro-alpes", "809843398", day + timedelta(minutes=29),
                 day + timedelta(minutes=30, seconds=30), day + timedelta(minutes=58))
    log = REMOTE_LOGS / "teamviewer" / "two-partners" / "TeamViewer15_Logfile.log"
    found = cli.json("evidence", "import", str(log))["connections"]
    assert [(c["partner_id"], c["start"], c["session"]) for c in found] == [
        ("955123456", "2026-05-12T09:30:05+02:00", sid),
        ("809843398", "2026-05-12T09:30:02+02:00", sid),
        ("809843398", "2026-05-12T10:40:12+02:00", sid)]
    listed = cli.json("evidence", "list", "--session", sid)["connections"]
    assert sorted((c["partner_id"], c["outcome"]) for c in listed) == [
        ("809843398", "accepted"), ("809843398", "accepted"), ("955123456", "rejected")]
    assert findings(cli, sid, "connection-to-other-partner") == []
    assert findings(cli, sid, "remote-access-before-consent") == []
    # The technician's next session, an hour after the stop, is access after it.
    assert len(findings(cli, sid, "remote-access-after-stop")) == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_receipt_states_the_observed_connection(cli: Cli, tmp_path: Path) -> None:
    from tests.functional.exports_data import write_config

    write_config(cli.home)
    t = base()
    sid = worked(cli, "vlh", TV, t - timedelta(minutes=5), t, t + timedelta(minutes=45))
    cli("evidence", "import", str(outgoing(tmp_path / "Connections.txt",
                                           (TV, t + timedelta(minutes=2),
                                            t + timedelta(minutes=47)),
                                           (TV, t, t + timedelta(seconds=30)))))
    data = cli.json("receipt", sid, "--out", str(tmp_path / "recu.pdf"))
    text = " ".join(Path(data["text"]).read_text(encoding="utf-8").split())
    local = (t + timedelta(minutes=2)).astimezone(__import__("zoneinfo").ZoneInfo(
        "Europe/Paris"))
    end = (t + timedelta(minutes=47)).astimezone(local.tzinfo)
    assert f"{local:%H:%M}" in text and f"{end:%H:%M}" in text and "TeamViewer" in text


def test_the_kept_sessions_receipt_states_its_duplicates_connection(cli: Cli,
                                                                    tmp_path: Path) -> None:
    """The same work started twice, the tool's connection matched to the session later
    cancelled as the duplicate: the connection is the kept session's (its check counts
    it), so its receipt states it and verifies; a receipt issued before the duplicate
    was cancelled no longer says what the log says, and verify names the field."""
    from tests.functional.exports_data import write_config

    write_config(cli.home)
    t = base()
    client = cli("client", "add", "Jeanne Martin").out.strip()

    def worked(start: datetime, stop: datetime) -> str:
        sid = cli("session", "new", client, "--policy", "vlh", "--tool", "teamviewer",
                  "--client-os", "windows", "--partner-id", TV).out.strip()
        cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne",
            "--at", iso(t - timedelta(minutes=5)), "--yes")
        cli("start", sid, "--at", iso(start), "--yes")
        cli("stop", sid, "--at", iso(stop), "--yes")
        return sid

    twice = worked(t + timedelta(minutes=1), t + timedelta(minutes=46))
    cli("evidence", "import", str(outgoing(tmp_path / "Connections.txt",
                                           (TV, t + timedelta(minutes=2),
                                            t + timedelta(minutes=47)))))
    work = worked(t, t + timedelta(minutes=45))
    before = cli.json("receipt", work, "--out", str(tmp_path / "avant.pdf"))
    assert "connexion TeamViewer" not in Path(before["text"]).read_text(encoding="utf-8")
    cli("cancel", twice, "--duplicate-of", work, "--reason", "lancée deux fois")
    stale = cli("verify", "--receipt", before["pdf"], check=False)
    assert stale.code == 1 and "connections" in stale.out, stale.out
    data = cli.json("receipt", work, "--out", str(tmp_path / "recu.pdf"))
    assert data["replaces"] == before["number"]
    text = " ".join(Path(data["text"]).read_text(encoding="utf-8").split())
    paris = __import__("zoneinfo").ZoneInfo("Europe/Paris")
    start = (t + timedelta(minutes=2)).astimezone(paris)
    end = (t + timedelta(minutes=47)).astimezone(paris)
    said = text.split("connexion TeamViewer observée du ")[1][:40]
    assert said.startswith(f"{start:%d/%m/%Y %H:%M} à") and f"{end:%H:%M}" in said, text
    for path in (data["pdf"], data["text"]):
        assert cli("verify", "--receipt", path).code == 0


# --- the daemon ----------------------------------------------------------------------------------


def rust(at: datetime, message: str) -> str:
    return f"[{at.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f} +00:00] INFO [src/flutter.rs:1] {message}\n"


def test_the_daemon_asks_from_a_log_that_grows_and_rotates(cli: Cli, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    current = logs / "rustdesk_rCURRENT.log"
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        f'[evidence]\nteamviewer = []\nanydesk = []\nrustdesk = ["{current}"]\n',
        encoding="utf-8")
    partner = "412736958"
    sid = planned(cli, "micro-alpes", "412 736 958", tool="rustdesk")
    cli("consent", sid, "--channel", "tool-code", "--by", "Jeanne")
    current.write_text(rust(datetime.now(UTC), "start with user jean"), encoding="utf-8")
    daemon = start_daemon(cli, env={"DISPLAY": ""})
    try:
        opened = datetime.now(UTC) - timedelta(seconds=20)
        with current.open("a", encoding="utf-8") as f:  # the technician connects
            f.write(rust(opened, f"Session {partner} start, use texture render: true"))

        def asked(kind: str) -> list[dict[str, Any]]:
            return [n for n in cli.json("daemon", "questions")["notifications"]
                    if n["kind"] == kind]

        (question,) = wait_for(lambda: asked("connection-opened"), 20, daemon.text)
        assert question["session"] == sid and question["data"]["choices"][0] == f"start {sid}"
        assert partner not in str(question)  # the question holds no personal data
        shown = cli("daemon", "questions").out
        assert "start|stop|pause" in shown and f"démarrer {sid}" in shown
        answered = cli.json("daemon", "answer", str(question["id"]), "start")
        started = cli.json("session", "show", sid)["started_at"]
        assert datetime.fromisoformat(started) == opened.replace(microsecond=0)
        assert answered["event"] is not None

        # RustDesk's day turns: the file is renamed, a new one started; the connection,
        # opened in the old file, ends in the new one.
        with current.open("a", encoding="utf-8") as f:
            f.write(rust(opened + timedelta(seconds=2), "handle_peer_info :PeerInfo { }"))
        current.rename(logs / "rustdesk_r2026-11-20_09-00-00.log")
        time.sleep(1.5)
        closed = datetime.now(UTC) - timedelta(seconds=3)
        current.write_text(rust(closed - timedelta(seconds=1), "Set fps to 13")
                           + rust(closed, f"Exit io_loop of id={partner}"), encoding="utf-8")
        (stop,) = wait_for(lambda: asked("connection-closed"), 20, daemon.text)
        assert stop["session"] == sid
        cli("daemon", "answer", str(stop["id"]), "stop")
        shown_session = cli.json("session", "show", sid)
        assert datetime.fromisoformat(shown_session["stopped_at"]) == \
            closed.replace(microsecond=0)
        (connection,) = cli.json("evidence", "list", "--session", sid)["connections"]
        assert datetime.fromisoformat(connection["start"]) == opened.replace(microsecond=0)
        assert datetime.fromisoformat(connection["end"]) == closed.replace(microsecond=0)
        assert connection["outcome"] == "accepted" and connection["matched_by"] == "partner-id"
        assert "replaced" in daemon.text()
    finally:
        assert daemon.stop() == 0
    assert cli("verify").code == 0


def test_the_same_log_of_two_machines_is_two_logs(cli: Cli, tmp_path: Path) -> None:
    # Files of one format are read as one log (a rotation) only in one folder: the log of
    # another machine must not end a session still open in this one's.
    def tv(at: str, message: str) -> str:
        return f"2024/06/01 {at}.000  2216       2492 S0   {message}"

    header = [tv("09:00:00", ""), "Start:              2024/06/01 09:00:00.000 (UTC+2:00)"]
    start = [tv("10:00:00", "CommandHandlerRouting[3]::CreatePassiveSession(): incoming "
                            "session via r.teamviewer.com, protocol Tcp"),
             tv("10:00:01", "Negotiating session encryption: client hello received from "
                            "111111111, RSA key length = 4096")]
    first, second = tmp_path / "pc-a" / "TeamViewer15_Logfile.log", tmp_path / "pc-b" / (
        "TeamViewer15_Logfile.log")
    end = [tv("10:20:00", "CStreamManager[3]::ReceivedEndSession(): reason=1")]
    for path, body in ((first, start), (second, end)):
        path.parent.mkdir()
        path.write_text("\n".join([*header, *body, ""]), encoding="ascii")
    found = cli.json("evidence", "import", str(first), str(second))["connections"]
    assert [(c["partner_id"], c["start"], c["end"]) for c in found] == [
        ("111111111", "2024-06-01T10:00:00+02:00", None)]


def test_a_linux_log_that_stops_during_the_session_gives_the_end_unknown(
        cli: Cli, tmp_path: Path) -> None:
    # A Linux TeamViewer log (component letter alone) with a session and no end line: the
    # log stops (a copy taken during the session), or goes on without it. Imported days
    # later, the connection is neither closed at the log's last line nor open until the
    # import: its end is unknown, and the rules say what the log does not show.
    def tv(at: str, message: str) -> str:
        return f"2024/03/05 {at}.000  1200  12001 S   {message}"

    def log(folder: str, partner: str, last: str, start: str = "11:01") -> Path:
        path = tmp_path / folder / "TeamViewer15_Logfile.log"
        path.parent.mkdir()
        lines = [tv("09:00:00", ""), "Start:              2024/03/05 09:00:00.000 (UTC+1:00)",
                 tv(f"{start}:00", "CommandHandlerRouting::CreatePassiveSession(): incoming "
                                "session via router1, protocol Tcp"),
                 tv("11:01:01", "Negotiating session encryption: client hello received "
                                f"from {partner}, RSA key length = 4096"),
                 tv("11:01:09", f"CPersistentParticipantManager::AddParticipant: [{partner},5]"
                                " type=6 name=Client"),
                 tv(last, "KeepAlive: ping"), ""]
        path.write_text("\n".join(lines), encoding="ascii")
        return path

    day = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # 11:00 in Paris
    stops = worked(cli, "micro-alpes", "111111111", day - timedelta(minutes=5), day,
                   day + timedelta(minutes=50))
    goes_on = worked(cli, "micro-alpes", "222222222", day - timedelta(minutes=5), day,
                     day + timedelta(minutes=50))
    (row,) = cli.json("evidence", "import", str(log("a", "111111111", "11:20:00")))[
        "connections"]
    assert (row["start"], row["end"], row["session"]) == ("2024-03-05T11:01:00+01:00", None,
                                                          stops)
    assert (row["end_unknown"], row["seen_until"]) == (True, "2024-03-05T11:20:00+01:00")
    text = cli("evidence", "import", str(log("b", "222222222", "12:30:00", "11:02"))).out
    assert "fin inconnue (le journal s'arrête à 12:30:00 sans elle)" in text, text
    listed = cli.json("evidence", "list", "--session", goes_on)["connections"]
    assert [(c["end"], c["end_unknown"], c["seen_until"]) for c in listed] == [
        (None, True, "2024-03-05T12:30:00+01:00")]

    # The log stops before the stop: whether it was closed then is not known (a warning,
    # not the terms' error of a connection left open until the import).
    (after,) = findings(cli, stops, "remote-access-after-stop")
    assert after["severity"] == "warning", after
    assert "n'est pas dans le journal" in after["message"] and "s'arrête à" in after["message"]
    # Connected 19 min by the log, worked 50: not proven beyond the connection either.
    (billed,) = findings(cli, stops, "billed-beyond-connection")
    assert billed["severity"] == "warning" and "ne peut pas être vérifié" in billed["message"]
    # The log goes on 40 min after the stop without the end: said so, as a warning.
    (late,) = findings(cli, goes_on, "remote-access-after-stop")
    assert late["severity"] == "warning" and "40 min après l'arrêt" in late["message"], late
    assert "continue sans elle" in late["message"]
    assert findings(cli, goes_on, "billed-beyond-connection") == []  # shown connected


@needs_samples
def test_a_file_named_twice_is_read_once(cli: Cli, tmp_path: Path) -> None:
    # `a.log ./a.log` or a link to it: its connection was listed and counted once per name.
    log = SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log"
    link = tmp_path / "TeamViewer15_Logfile.log"
    link.symlink_to(log)
    found = cli.json("evidence", "import", str(log), str(log.parent / ".." / "teamviewer" /
                                                         log.name), str(link))
    assert [(c["start"], c["end"]) for c in found["connections"]] == [
        ("2024-02-16T15:16:32+01:00", "2024-02-16T15:18:36+01:00")]
    text = cli("evidence", "import", str(log), str(link)).out
    assert "1 connexion dans" in text, text


def test_a_connection_whose_end_is_unknown_is_matched_by_what_the_log_shows(
        cli: Cli, tmp_path: Path) -> None:
    # Matching by time took its span to the import (as for one still open), so a longer
    # session of the same tool the next day overlapped it more than its own session.
    def tv(at: str, message: str) -> str:
        return f"2024/03/05 {at}.000  1200  12001 S   {message}"

    day = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    own = worked(cli, "vlh", None, day - timedelta(minutes=5), day, day + timedelta(minutes=30))
    worked(cli, "vlh", None, day + timedelta(hours=23), day + timedelta(hours=24),
           day + timedelta(hours=28))
    path = tmp_path / "TeamViewer15_Logfile.log"
    path.write_text("\n".join([
        tv("09:00:00", ""), "Start:              2024/03/05 09:00:00.000 (UTC+1:00)",
        tv("11:01:00", "CommandHandlerRouting::CreatePassiveSession(): incoming session via "
                       "router1, protocol Tcp"),
        tv("11:01:01", "Negotiating session encryption: client hello received from "
                       "123456789, RSA key length = 4096"),
        tv("11:01:09", "CPersistentParticipantManager::AddParticipant: [123456789,5] type=6 "
                       "name=Client"),
        tv("11:20:00", "KeepAlive: ping"), ""]), encoding="ascii")
    (row,) = cli.json("evidence", "import", str(path))["connections"]
    assert (row["end_unknown"], row["session"]) == (True, own)


def test_the_desktop_process_lines_of_a_session_the_service_logged_are_no_second_one(
        cli: Cli, tmp_path: Path) -> None:
    # On Linux the service writes /var/log/teamviewer15/ and the desktop process the
    # user's log: the same incoming session, named by the service, unnamed (and with no
    # verdict) in the user's. It was recorded twice, the second as a failed attempt.
    def tv(at: str, pid: str, tag: str, message: str) -> str:
        return f"2024/03/05 {at}.000  {pid}  {pid}1 {tag}   {message}"

    def log(folder: str, pid: str, tag: str, body: list[tuple[str, str]]) -> Path:
        path = tmp_path / folder / "TeamViewer15_Logfile.log"
        path.parent.mkdir()
        path.write_text("\n".join([tv("10:00:00", pid, tag, ""),
                                   "Start:              2024/03/05 10:00:00.000 (UTC)",
                                   *(tv(at, pid, tag, m) for at, m in body), ""]),
                        encoding="ascii")
        return path

    day = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    sid = worked(cli, "vlh", "123456789", day - timedelta(minutes=5), day,
                 day + timedelta(minutes=30))
    service = log("var-log", "1200", "S", [
        ("10:01:00", "CommandHandlerRouting::CreatePassiveSession(): incoming session via r1, "
                     "protocol Tcp"),
        ("10:01:01", "Negotiating session encryption: client hello received from 123456789, "
                     "RSA key length = 4096"),
        ("10:01:09", "CPersistentParticipantManager::AddParticipant: [123456789,5] type=6 "
                     "name=X"),
        ("10:25:00", "CPersistentParticipantManager::RemoveParticipant: [123456789,5]")])
    desktop = log("user-log", "3300", "D", [
        ("10:01:01", "SessionManagerDesktop::IncomingConnection: Connection incoming, "
                     "sessionID = 77"),
        ("10:25:00", "SessionManagerDesktop::SessionTerminate: removing session with "
                     "tvsessionprotocol::TVSessionID = 77")])
    found = cli.json("evidence", "import", str(service), str(desktop))["connections"]
    assert [(c["partner_id"], c["session"], c["new"]) for c in found] == [
        ("123456789", sid, True), (None, sid, False)]
    listed = cli.json("evidence", "list", "--session", sid)["connections"]
    assert [(c["partner_id"], c["outcome"]) for c in listed] == [("123456789", "accepted")]


def test_a_log_read_again_after_it_grew_without_the_end_moves_seen_until(
        cli: Cli, tmp_path: Path) -> None:
    # Imported during the session (the log then stopped before the stop), imported again
    # after it grew, still without the end: the second reading shows the connection went on
    # 40 min past the stop, but the first `seen_until` stayed, and the check kept saying the
    # log stops before the stop.
    def tv(at: str, message: str) -> str:
        return f"2024/03/05 {at}.000  1200  12001 S   {message}\n"

    day = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # 11:00 in Paris
    sid = worked(cli, "micro-alpes", "111111111", day - timedelta(minutes=5), day,
                 day + timedelta(minutes=50))
    path = tmp_path / "TeamViewer15_Logfile.log"
    path.write_text("".join([
        tv("09:00:00", ""), "Start:              2024/03/05 09:00:00.000 (UTC+1:00)\n",
        tv("11:01:00", "CommandHandlerRouting::CreatePassiveSession(): incoming session via "
                       "router1, protocol Tcp"),
        tv("11:01:01", "Negotiating session encryption: client hello received from "
                       "111111111, RSA key length = 4096"),
        tv("11:01:09", "CPersistentParticipantManager::AddParticipant: [111111111,5] type=6 "
                       "name=Client"),
        tv("11:20:00", "KeepAlive: ping")]), encoding="ascii")
    cli("evidence", "import", str(path))
    (early,) = findings(cli, sid, "remote-access-after-stop")
    assert "s'arrête à" in early["message"], early
    with path.open("a", encoding="ascii") as log:
        log.write(tv("12:30:00", "KeepAlive: ping"))
    (row,) = cli.json("evidence", "import", str(path))["connections"]
    assert row["seen_until"] == "2024-03-05T12:30:00+01:00"
    (listed,) = cli.json("evidence", "list", "--session", sid)["connections"]
    assert (listed["end"], listed["seen_until"]) == (None, "2024-03-05T12:30:00+01:00")
    (late,) = findings(cli, sid, "remote-access-after-stop")
    assert "continue sans elle" in late["message"] and "40 min après" in late["message"], late
    assert findings(cli, sid, "billed-beyond-connection") == []  # shown connected past it
    # Read a third time, nothing new: no event; then its end arrives and closes it.
    cli("evidence", "import", str(path))
    with path.open("a", encoding="ascii") as log:
        log.write(tv("12:40:00", "CPersistentParticipantManager::RemoveParticipant: "
                                 "[111111111,5]"))
    (closed,) = cli.json("evidence", "import", str(path))["connections"]
    assert closed["end"] == "2024-03-05T12:40:00+01:00"
    kinds = [e["kind"] for e in cli.events() if e["kind"].startswith("connection-")]
    assert kinds == ["connection-observed", "connection-seen", "connection-closed"]
    (ended,) = cli.json("evidence", "list", "--session", sid)["connections"]
    assert (ended["end"], "seen_until" in ended) == ("2024-03-05T12:40:00+01:00", False)


@pytest.mark.parametrize(("typed", "logged"), [
    ("2001:DB8:0:0:0:0:0:A", "[2001:db8::a]:5938"),  # IPv6: case, zeros, port
    ("192.0.2.10", "192.0.2.10:5938"),  # the tool adds the port
    ("192.0.2.10", "[::ffff:192.0.2.10]:5938"),  # an IPv4 address written as IPv6
])
def test_a_partner_reached_by_ip_is_one_address_however_it_is_written(
        cli: Cli, tmp_path: Path, typed: str, logged: str) -> None:
    # A LAN connection by IP: the technician plans the session with the address as he
    # types it; the tool logs it in its own spelling, with the port. Compared as text,
    # the connection did not match by partner and was called a connection to another
    # machine than the client's.
    day = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    sid = worked(cli, "vlh", typed, day - timedelta(minutes=5), day,
                 day + timedelta(minutes=30))
    path = outgoing(tmp_path / "Connections.txt",
                    (logged, day + timedelta(minutes=1), day + timedelta(minutes=29)))
    (row,) = cli.json("evidence", "import", str(path))["connections"]
    assert (row["session"], row["new"]) == (sid, True)
    (listed,) = cli.json("evidence", "list", "--session", sid)["connections"]
    assert listed["matched_by"] == "partner-id"
    assert findings(cli, sid, "connection-to-other-partner") == []


@needs_samples
def test_a_log_refused_at_its_end_records_nothing(cli: Cli, tmp_path: Path) -> None:
    """TeamViewer's log with most of its lines dated in a layout sessiond cannot read
    (rewritten by another program) is refused when its end is reached: the connection of
    its readable part, and those of the file named before it, were recorded by the
    command that said it failed. Now nothing is recorded and the refusal names the file."""
    day = datetime(2024, 2, 16, 14, 0, tzinfo=UTC)
    sid = worked(cli, "vlh", TV, day + timedelta(minutes=10), day + timedelta(minutes=15),
                 day + timedelta(minutes=20))
    sample = (SAMPLES / "teamviewer" / "TeamViewer15_Logfile.log").read_text(encoding="utf-8")
    rewritten = tmp_path / "rewritten" / "TeamViewer15_Logfile.log"
    rewritten.parent.mkdir()
    rewritten.write_text(sample + "".join(
        f"2024/16/02 16:{n % 60:02d}:19.349  2136  3688  0   ligne {n}\n"
        for n in range(sample.count("\n") + 10)), encoding="utf-8")
    before = len(cli.events())
    incoming = str(SAMPLES / "teamviewer" / "connections_incoming.txt")
    for files in ((str(rewritten),), (incoming, str(rewritten))):
        refused = cli("evidence", "import", *files, check=False)
        assert refused.code == 2, refused.out
        assert f"{rewritten}\u202f: La plupart des lignes" in refused.err, refused.err
        assert len(cli.events()) == before
        assert cli.json("evidence", "list", "--session", sid)["connections"] == []
    assert cli.json("evidence", "import", incoming)["connections"][0]["new"] is True
