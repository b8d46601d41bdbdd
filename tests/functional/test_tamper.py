"""Edit the SQLite file behind the tool's back: `verify` must catch it and name the event."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.fixture
def log(cli: Cli) -> Cli:
    client = cli("client", "add", "Paul Bernard", "--email", "paul@example.fr").out.strip()
    for _ in range(2):
        s = cli("session", "new", client, "--policy", "micro-alpes").out.strip()
        cli("consent", s, "--channel", "oral", "--by", "Paul")
        cli("start", s)
        cli("note", s, "Imprimante réinstallée")
        cli("stop", s)
    assert cli("verify").code == 0
    return cli


def tamper(home: Path, *statements: str) -> None:
    db = sqlite3.connect(home / "sessiond.sqlite3")
    triggers = ("events_no_update", "events_no_delete", "checkpoints_no_update",
                "checkpoints_no_delete")
    # A careful tamperer puts the triggers back after his statements (verify checks the
    # schema too); without statements, the caller tampers himself, triggers dropped.
    saved = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                       f"({','.join('?' * len(triggers))})", triggers).fetchall()
    saved = saved if statements else []
    for trigger in triggers:
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        db.execute(statement)
    for (sql,) in saved:
        db.execute(sql)
    db.commit()
    db.close()


def first_bad(cli: Cli) -> int:
    result = cli("verify", "--json", check=False)
    assert result.code == 1, result.out
    bad: int = result.json["first_bad_event"]
    return bad


def test_untouched_log_verifies(log: Cli) -> None:
    data = log.json("verify")
    assert data["ok"] and data["first_bad_event"] is None and data["checkpoints"] == 2


def test_triggers_refuse_update_and_delete(log: Cli) -> None:
    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE events SET kind = 'note-added' WHERE seq = 3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM events WHERE seq = 3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM checkpoints")


EDIT_BYTE = "UPDATE events SET body = replace(body, 'oral', 'orbl') WHERE seq = 3"


@pytest.mark.parametrize(("statements", "expected"), [
    # one edited byte in an event's body
    ([EDIT_BYTE], 3),
    # an edited declared instant (one second earlier)
    (["UPDATE events SET at = replace(at, ':', ';') WHERE seq = 4"], 4),
    # a deleted event in the middle
    (["DELETE FROM events WHERE seq = 5"], 6),
    # an inserted event (copy of event 4 slipped in as 4.5 by renumbering the tail)
    (["UPDATE events SET seq = seq + 1000 WHERE seq >= 5",
      "UPDATE events SET seq = seq - 999 WHERE seq >= 1000",
      "INSERT INTO events SELECT 5, id || 'x', kind, session_id, client_id, at, recorded_at, "
      "tz, boot_id, boottime_ns, body, sealed, prev_hash, hash FROM events WHERE seq = 4"],
     5),
    # two events swapped
    (["UPDATE events SET seq = -1 WHERE seq = 4", "UPDATE events SET seq = 4 WHERE seq = 5",
      "UPDATE events SET seq = 5 WHERE seq = -1"], 4),
    # a value of a type sessiond never writes, as a byte flipped in a record's header
    # makes it: the same bytes as a blob, a number where a text was, a fraction
    (["UPDATE events SET tz = CAST(tz AS BLOB) WHERE seq = 4"], 4),
    (["UPDATE events SET session_id = 7 WHERE seq = 5"], 5),
    (["UPDATE events SET boottime_ns = boottime_ns + 0.5 WHERE seq = 3"], 3),
])
def test_tampering_is_caught_and_named(log: Cli, statements: list[str], expected: int) -> None:
    tamper(log.home, *statements)
    assert first_bad(log) == expected


@pytest.mark.parametrize("value", ["'a text'", "-1", "2.5", str(2**40)])
def test_a_wrapped_key_of_another_type_is_reported_not_a_crash(log: Cli, value: str) -> None:
    tamper(log.home, f"UPDATE client_keys SET wrapped = {value}")
    result = log("verify", "--json", check=False)
    assert result.code == 1, result.err
    assert any("ne s'ouvre pas" in p["message"] or "does not open" in p["message"]
               for p in result.json["problems"]), result.json["problems"]


def test_a_forged_checkpoint_signature_is_caught(log: Cli) -> None:
    # Two characters of the signature replaced by others (never by the same: 'ff' where it
    # already holds 'ff' would change nothing, one run in 256).
    tamper(log.home, "UPDATE checkpoints SET signature = substr(signature, 1, 10) || "
                     "CASE substr(signature, 11, 2) WHEN 'ff' THEN '00' ELSE 'ff' END || "
                     "substr(signature, 13) WHERE id = 1")
    result = log("verify", "--json", check=False)
    assert result.code == 1
    assert any("signature" in p["message"] for p in result.json["problems"])


def test_a_rewritten_chain_is_caught_by_its_checkpoint(log: Cli) -> None:
    """Edit an event and recompute every hash after it: only the signature can tell."""
    from sessiond.audit.chain import event_hash
    from sessiond.store.sqlite import StoredEvent

    tamper(log.home)
    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    rows = [StoredEvent(*r) for r in db.execute("SELECT * FROM events ORDER BY seq")]
    prev = rows[1].hash
    for row in rows[2:]:
        env = row.envelope()
        env["prev_hash"] = prev
        if row.seq == 3:
            env["body"] = env["body"].replace("oral", "phone")
        prev = event_hash(env)
        db.execute("UPDATE events SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                   (env["body"], env["prev_hash"], prev, row.seq))
    db.commit()
    db.close()
    assert first_bad(log) == checkpoint_seqs(log.home)[0]  # the end of the first session


def rewrite(home: Path, seq: int, column: str, value: str) -> None:
    """Set one column of event `seq` and hash the chain again from there, as a forger
    who knows the chain's rule does: only the checkpoints can tell."""
    from sessiond.audit.chain import event_hash
    from sessiond.store.sqlite import StoredEvent

    tamper(home)
    db = sqlite3.connect(home / "sessiond.sqlite3")
    rows = [StoredEvent(*r) for r in db.execute("SELECT * FROM events ORDER BY seq")]
    prev = rows[seq - 2].hash
    for row in rows[seq - 1:]:
        env = row.envelope()
        env["prev_hash"] = prev
        if row.seq == seq:
            env[column] = value
        prev = event_hash(env)
        db.execute(f"UPDATE events SET {column} = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                   (env[column], env["prev_hash"], prev, row.seq))
    db.commit()
    db.close()


@pytest.mark.parametrize(("column", "value"), [
    ("body", "[" * 100_000),  # nested past Python's recursion limit
    ("body", '{"channel": ' + "9" * 5000 + "}"),  # past Python's limit of digits
    ("body", "[1]"), ("body", '"oral"'), ("body", "null"), ("body", "{"),
    ("at", "hier"), ("recorded_at", "2026-13-45T10:00:00Z"),
], ids=["nested", "digits", "list", "string", "null", "cut", "at", "recorded_at"])
def test_an_event_hashed_again_that_sessiond_never_writes_is_named(
        log: Cli, column: str, value: str) -> None:
    """What a forger writes in an event and hashes again is named as the event no
    sessiond wrote, never an internal error of verify."""
    rewrite(log.home, 3, column, value)
    result = log("verify", "--json", check=False)
    assert result.code == 1, result.err
    assert result.json["first_bad_event"] == 3
    assert any(p["event"] == 3 and "n'est pas un événement sessiond valide" in p["message"]
               for p in result.json["problems"]), result.json["problems"]


@pytest.mark.parametrize("edit", [
    "body = '{}' WHERE kind = 'session-planned'",  # its policy gone
    "body = '[1]' WHERE kind = 'session-started'",
    "body = '[' || printf('%.*c', 100000, '[') WHERE kind = 'session-started'",
    "at = 'hier' WHERE kind = 'session-stopped'",
], ids=["fields", "list", "nested", "instant"])
def test_a_command_that_cannot_read_an_edited_event_says_the_log_is_damaged(
        log: Cli, edit: str) -> None:
    """An event edited into what sessiond never writes ends whatever folds it: the
    command says the log fails verification, naming the event, not an internal error."""
    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    where = edit.split("WHERE ")[1]
    session, seq = db.execute(f"SELECT session_id, seq FROM events WHERE {where} "
                              "ORDER BY seq").fetchone()  # the first one edited
    db.close()
    tamper(log.home, f"UPDATE events SET {edit}")
    for args in (("log", session), ("session", "show", session), ("check", session),
                 ("bill", session), ("receipt", session, "--out", str(log.home / "r"))):
        result = log(*args, check=False)
        assert result.code == 3, (args, result.code, result.err)
        assert "échoue à la vérification" in result.err and f"n°\xa0{seq} " in result.err, \
            (args, result.err)
        assert "Traceback" not in result.err + result.out
    # A command that reads writes nothing: the damage mark is verify's to set.
    assert not (log.home / "sessiond.sqlite3.damaged").exists()


def test_a_failure_no_event_is_at_fault_for_names_no_event(log: Cli) -> None:
    """A trigger dropped, a file cut short: the verdict says the log failed without a
    'first bad event: #?' that names none."""
    tamper(log.home)  # the triggers dropped, no event touched
    result = log("verify", check=False)
    assert result.code == 1
    assert result.out.startswith("Le journal a ÉCHOUÉ à la vérification\u202f:\n")
    assert "?" not in result.out.splitlines()[0] and "trigger" in result.out
    assert log("verify", "--json", check=False).json["first_bad_event"] is None


def checkpoint_seqs(home: Path) -> list[int]:
    db = sqlite3.connect(home / "sessiond.sqlite3")
    seqs = [r[0] for r in db.execute("SELECT seq FROM checkpoints ORDER BY id")]
    db.close()
    return seqs


def test_truncation_is_caught_by_a_checkpoint_that_left_the_machine(log: Cli) -> None:
    checkpoint = log.home / "receipt.txt"
    first_session_end, last = checkpoint_seqs(log.home)
    # A checkpoint line as receipts print it, copied out before the tail is deleted.
    from sessiond.audit.checkpoint import Checkpoint

    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    row = db.execute("SELECT seq, hash, at, key_id, signature, reason FROM checkpoints "
                     "ORDER BY id DESC LIMIT 1").fetchone()
    db.close()
    checkpoint.write_text("Relevé…\n" + Checkpoint(*row).text() + "\n", encoding="utf-8")
    assert log("verify", "--receipt", str(checkpoint)).code == 0
    # Roll back: delete the second session and its checkpoint, as if restoring a backup.
    tamper(log.home, f"DELETE FROM events WHERE seq > {first_session_end}",
           f"DELETE FROM checkpoints WHERE seq > {first_session_end}")
    assert log("verify").code == 0  # nothing inside the machine can tell
    result = log("verify", "--receipt", str(checkpoint), "--json", check=False)
    assert result.code == 1
    assert result.json["first_bad_event"] == last
    assert "tronqué" in result.json["problems"][0]["message"]




def problems(cli: Cli) -> list[str]:
    result = cli("verify", "--json", check=False)
    assert result.code == 1, result.out
    return [p["message"] for p in result.json["problems"]]


# What no hash or signature covers, edited as one flipped bit would edit it.
@pytest.mark.parametrize(("statements", "said"), [
    # the signature's hex in capitals: the same bytes, another stored text
    (["UPDATE checkpoints SET signature = upper(signature) WHERE id = 1"], "signature"),
    # the reason stored beside a checkpoint (not signed): another word, another day seal
    (["UPDATE checkpoints SET reason = 'wession-stop' WHERE id = 1"], "motif"),
    (["UPDATE checkpoints SET reason = 'receipt' WHERE id = 2"], "motif"),
    (["UPDATE checkpoints SET reason = 'day-seal 2026-02-30' WHERE id = 1"], "motif"),
    (["UPDATE checkpoints SET reason = 'day-seal ' || date(substr(at, 1, 10), '-3 days') "
      "WHERE id = 1"], "motif"),
    # a checkpoint's number (its rowid, in no signature)
    (["UPDATE checkpoints SET id = 7 WHERE id = 2"], "renuméroté"),
    (["UPDATE checkpoints SET id = 0 WHERE id = 1"], "renuméroté"),
])
def test_what_no_signature_covers_is_checked_too(log: Cli, statements: list[str],
                                                 said: str) -> None:
    tamper(log.home, *statements)
    assert any(said in p for p in problems(log)), problems(log)


def test_a_day_seal_of_the_day_it_was_signed_is_no_finding(log: Cli) -> None:
    tamper(log.home, "UPDATE checkpoints SET reason = 'day-seal ' || substr(at, 1, 10) "
                     "WHERE id = 2",
           "UPDATE checkpoints SET reason = 'day-seal ' || date(substr(at, 1, 10), "
           "'-1 day') WHERE id = 1")
    assert log("verify").code == 0


def test_a_wrapped_field_key_in_another_base64_spelling_is_reported(log: Cli) -> None:
    """base64 decoders ignore the bits after the last byte: 'Q==' and 'R==' read the same."""
    import base64

    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    event_id, field, wrapped = db.execute("SELECT * FROM field_keys LIMIT 1").fetchone()
    db.close()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = len(wrapped.rstrip("=")) - 1
    twin = next(t for c in alphabet
                if (t := wrapped[:last] + c + wrapped[last + 1:]) != wrapped
                and base64.b64decode(t) == base64.b64decode(wrapped))
    tamper(log.home, f"UPDATE field_keys SET wrapped = '{twin}' WHERE event_id = '{event_id}' "
                     f"AND field = '{field}'")
    assert any("ne s'ouvre pas" in p for p in problems(log))


@pytest.mark.parametrize(("old", "new"), [
    # SQLite's own index of a UNIQUE column, its type misspelt
    ("'index'", "'i.dex'"),
    # the events' number no longer the row's key: it reads as NULL
    ("'INTEGER PRIMARY KEY'", "'KNTEGER PRIMARY KEY'"),
])
def test_a_damaged_schema_row_is_reported_not_a_crash(log: Cli, old: str, new: str) -> None:
    column = "type" if old == "'index'" else "sql"
    db = sqlite3.connect(log.home / "sessiond.sqlite3")
    db.execute("PRAGMA writable_schema = ON")
    db.execute(f"UPDATE sqlite_master SET {column} = replace({column}, {old}, {new}) "
               "WHERE name IN ('sqlite_autoindex_events_1', 'events')")
    db.commit()
    db.close()
    result = log("verify", "--json", check=False)
    assert result.code == 1, result.err
    assert any("schéma" in p["message"] for p in result.json["problems"])




def forge(home: Path, kind: str, column: str, value: object) -> int:
    """Rewrite one column of the last `kind` event and hash the chain again, triggers put
    back: past the last checkpoint, a perfect forgery that nothing signed covers. Its seq."""
    db = sqlite3.connect(home / "sessiond.sqlite3")
    seq: int = db.execute("SELECT max(seq) FROM events WHERE kind = ?", (kind,)).fetchone()[0]
    assert seq > db.execute("SELECT max(seq) FROM checkpoints").fetchone()[0]
    triggers = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    db.close()
    rewrite(home, seq, column, value)  # type: ignore[arg-type]
    db = sqlite3.connect(home / "sessiond.sqlite3")
    for (sql,) in triggers:
        db.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
    db.commit()
    db.close()
    return seq


@pytest.fixture
def unsigned_tail(log: Cli) -> tuple[Cli, str]:
    """`log` with a third session planned and consented after the last checkpoint."""
    client = log("client", "list", "--json").json[0]["client"]
    session = log("session", "new", client, "--policy", "micro-alpes").out.strip()
    log("consent", session, "--channel", "oral", "--by", "Paul")
    return log, session


@pytest.mark.parametrize(("kind", "column", "value"), [
    ("session-planned", "body", "{}"),  # its policy, mode and tool gone
    ("consent-recorded", "body", "{}"),  # its channel gone
    ("consent-recorded", "sealed", None),  # who consented gone
    ("session-planned", "session_id", None),
    ("consent-recorded", "client_id", None),  # sealed under no client's key
    ("consent-recorded", "boottime_ns", "abc"),
], ids=["required-body", "required-channel", "required-sealed", "no-session", "no-client",
        "clock"])
def test_a_forgery_past_the_last_checkpoint_without_what_sessiond_always_writes_is_named(
        unsigned_tail: tuple[Cli, str], kind: str, column: str, value: object) -> None:
    """The chain hashed again after the last checkpoint cannot be told from the real one,
    but an event without the fields or ids sessiond always writes is no sessiond event:
    verify names it, and the commands that fold it say the log is damaged, where they
    ended with an internal error (KeyError: 'policy'). A command that never reads what is
    missing (status, of the consent's sealed name) may still answer."""
    log, session = unsigned_tail
    seq = forge(log.home, kind, column, value)
    result = log("verify", "--json", check=False)
    assert result.code == 1 and result.json["first_bad_event"] == seq, result.json
    for args in (("status",), ("bill", session), ("check", session), ("log", session)):
        result = log(*args, check=False)
        assert result.code in (0, 3), (args, result.code, result.err)
        assert result.code == 0 or f"n°\xa0{seq} " in result.err, (args, result.err)
    # Nothing more is written until the log is restored: verify marked it damaged.
    result = log("start", session, check=False)  # any instant: the write is refused
    assert result.code == 3 and f"n°\xa0{seq} " in result.err, result.err


def test_sealed_fields_that_do_not_open_under_their_event_say_the_log_was_edited(
        unsigned_tail: tuple[Cli, str]) -> None:
    """An event's id is its sealed fields' associated data: changed (or the fields moved
    from another event), they no longer open. verify cannot tell without the client's key;
    the command that reads them says what happened, where it ended with InvalidTag."""
    log, session = unsigned_tail
    seq = forge(log.home, "consent-recorded", "id", "e-forged")
    assert log("verify").code == 0  # the chain and the signatures hold
    assert log("bill", session).code == 0  # nothing personal read
    for args in (("log", session), ("check", session)):
        result = log(*args, check=False)
        assert result.code == 3, (args, result.code, result.err)
        assert f"l'événement n°\xa0{seq} ne s'ouvrent pas avec la clé du client" \
            in result.err, (args, result.err)
