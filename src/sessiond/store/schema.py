"""Schema and migrations. `PRAGMA user_version` holds the schema version.

Migrations only ever add: the events table is append-only, and triggers refuse UPDATE and
DELETE on it (and on checkpoints), so no code path of sessiond can rewrite history.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the event log, checkpoints, wrapped client keys
    """
    CREATE TABLE events (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        kind         TEXT NOT NULL,
        session_id   TEXT,
        client_id    TEXT,
        at           TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        tz           TEXT NOT NULL,
        boot_id      TEXT NOT NULL,
        boottime_ns  INTEGER NOT NULL,
        body         TEXT NOT NULL,
        sealed       TEXT,
        prev_hash    TEXT NOT NULL,
        hash         TEXT NOT NULL
    );
    CREATE INDEX events_by_session ON events(session_id, seq);
    CREATE INDEX events_by_client ON events(client_id, seq);
    CREATE INDEX events_by_kind ON events(kind, seq);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'sessiond events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'sessiond events are append-only'); END;

    CREATE TABLE checkpoints (
        id         INTEGER PRIMARY KEY,
        seq        INTEGER NOT NULL,
        hash       TEXT NOT NULL,
        at         TEXT NOT NULL,
        key_id     TEXT NOT NULL,
        signature  TEXT NOT NULL,
        reason     TEXT NOT NULL
    );
    CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'sessiond checkpoints are append-only'); END;
    CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'sessiond checkpoints are append-only'); END;

    -- A client's data key, wrapped by the master key. Deleting the row erases the client
    -- (crypto-shredding); it is the one deletion sessiond allows.
    CREATE TABLE client_keys (
        client_id  TEXT PRIMARY KEY,
        wrapped    BLOB NOT NULL
    );
    """,
    # 2: the daemon's operational state. Not part of the audit trail (what is decided
    # from it becomes an event): heartbeats, to find the spans when nothing ran, and
    # notifications, the daemon's questions and reminders that the TUI shows.
    """
    CREATE TABLE heartbeats (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        boot_id      TEXT NOT NULL,
        boottime_ns  INTEGER NOT NULL,
        pid          INTEGER NOT NULL
    );
    CREATE INDEX heartbeats_by_at ON heartbeats(at);

    CREATE TABLE notifications (
        id           INTEGER PRIMARY KEY,
        created_at   TEXT NOT NULL,
        kind         TEXT NOT NULL,
        session_id   TEXT,
        message      TEXT NOT NULL,
        data         TEXT NOT NULL DEFAULT '{}',
        question     INTEGER NOT NULL DEFAULT 0,
        answered_at  TEXT,
        answer       TEXT,
        dedup_key    TEXT UNIQUE
    );
    """,
    # 3: the open sessions (`sessiond status`, the TUI) come from the index alone.
    """
    CREATE INDEX events_by_kind_session ON events(kind, session_id);
    """,
    # 4: queries that do not grow with the log. A client's events of one kind (his record,
    # his sessions, his packages) and the events of some kinds within a day were read
    # through the kind index alone, scanning every event of that kind; open sessions come
    # from a table the triggers keep, not from a GROUP BY over every planned session.
    """
    CREATE INDEX events_by_client_kind ON events(client_id, kind, seq);
    CREATE INDEX events_by_kind_at ON events(kind, at);
    CREATE TABLE open_sessions (
        session_id  TEXT PRIMARY KEY,
        seq         INTEGER NOT NULL
    );
    INSERT INTO open_sessions (session_id, seq)
        SELECT session_id, MIN(seq) FROM events
        WHERE kind IN ('session-planned', 'session-stopped') GROUP BY session_id
        HAVING SUM(kind = 'session-stopped') = 0;
    CREATE TRIGGER open_sessions_planned AFTER INSERT ON events
        WHEN NEW.kind = 'session-planned'
        BEGIN INSERT OR IGNORE INTO open_sessions (session_id, seq)
              VALUES (NEW.session_id, NEW.seq); END;
    CREATE TRIGGER open_sessions_stopped AFTER INSERT ON events
        WHEN NEW.kind = 'session-stopped'
        BEGIN DELETE FROM open_sessions WHERE session_id = NEW.session_id; END;
    """,
    # 5: corrections. A cancelled session leaves the open ones, a reopened one comes back.
    # A free text (note, reason, problems) is sealed under a key of its own, wrapped by the
    # client's key: deleting that row (a redaction) makes the one text unreadable for good
    # while the chain, which covers only the ciphertext, still verifies. Blind indexes of
    # client names and e-mails (HMAC, never the values) find a client added twice; they are
    # deleted with the client's key when he is erased.
    """
    CREATE TRIGGER open_sessions_cancelled AFTER INSERT ON events
        WHEN NEW.kind = 'session-cancelled'
        BEGIN DELETE FROM open_sessions WHERE session_id = NEW.session_id; END;
    CREATE TRIGGER open_sessions_reopened AFTER INSERT ON events
        WHEN NEW.kind = 'session-reopened'
        BEGIN INSERT OR IGNORE INTO open_sessions (session_id, seq)
              SELECT NEW.session_id, MIN(seq) FROM events
              WHERE session_id = NEW.session_id AND kind = 'session-planned'; END;
    CREATE TABLE field_keys (
        event_id  TEXT NOT NULL,
        field     TEXT NOT NULL,
        wrapped   TEXT NOT NULL,
        PRIMARY KEY (event_id, field)
    );
    CREATE TABLE client_index (
        client_id  TEXT NOT NULL,
        digest     TEXT NOT NULL,
        PRIMARY KEY (client_id, digest)
    );
    CREATE INDEX client_index_by_digest ON client_index(digest);
    """,
    # 6: two indexes no query needs any more, each one more b-tree every append updates. A
    # client's events are read through (client_id, kind, seq); open sessions come from
    # their table (4), not from (kind, session_id).
    """
    DROP INDEX IF EXISTS events_by_client;
    DROP INDEX IF EXISTS events_by_kind_session;
    """,
    # 7: the status view (store/glance.py): the open sessions as `sessiond status` last
    # folded them, for the log's last event then. Derived from the log, outside the audit
    # trail: read only while that event is still the last, rewritten by the next fold.
    """
    CREATE TABLE status_head (
        only      INTEGER PRIMARY KEY CHECK (only = 1),
        seq       INTEGER NOT NULL,
        hash      TEXT NOT NULL,
        settings  TEXT NOT NULL,
        language  TEXT NOT NULL
    );
    CREATE TABLE status_sessions (
        rank             INTEGER PRIMARY KEY,
        session_id       TEXT NOT NULL,
        client_id        TEXT NOT NULL,
        state            TEXT NOT NULL,
        policy           TEXT NOT NULL,
        mode             TEXT NOT NULL,
        channels         TEXT NOT NULL,
        without_consent  INTEGER NOT NULL,
        closed_seconds   INTEGER NOT NULL,
        running_since    TEXT
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
