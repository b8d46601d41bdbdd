"""`sessiond status`: the open sessions and the daemon, in a few lines.

A status bar runs it every few seconds, so it shows the status view when the view holds
(store/glance.py: the open sessions as the last fold found them, nothing appended since)
and folds them through the service otherwise, keeping the result for the next call. The
view's path loads neither the model, nor the service, nor the store class: keep the
imports of this module and of what that path calls light (tests/unit/test_startup.py).
"""

from __future__ import annotations

from sessiond.i18n import _

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse
    import sqlite3
    from typing import Any

    from sessiond.cli.context import Context


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    status = sub.add_parser("status", parents=[common], help=_("show the open sessions"))
    status.set_defaults(**status_defaults())


def status_defaults() -> dict[str, Any]:
    """What `status` parses to besides --json: also how cli.PLAIN runs it, parser-free."""
    return {"handler": do_status, "readonly": True}


def describe(data: dict[str, Any]) -> str:
    """A session in one line, from display.session_data or the status view."""
    from sessiond import labels
    from sessiond.display import hms

    # Values in words ("à distance", "à l'oral"), not the allow-list's ids (--json has them).
    # Each channel once: consent given twice by phone is "by phone" (--json lists both).
    channels = dict.fromkeys(labels.short(c["channel"]) for c in data["consent"])
    consent = (_("consent: {channel}", channel=", ".join(channels))
               if data["consent"] else _("no consent on record"))
    if data["without_consent"]:
        consent += " — " + _("started WITHOUT consent")
    return "  ".join([
        data["session"], data["client"], labels.short(data["state"]).ljust(8),
        hms(data["elapsed_seconds"]), data["policy"], labels.short(data["mode"]), consent,
    ])


def do_status(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import places
    from sessiond.daemon import status

    directory, config = places.roots()
    viewed = None if ctx.json else _viewed(directory, config)
    if viewed is None:
        return _folded(ctx)
    conn, sessions = viewed
    try:
        daemon = status.collect(directory, conn)
    finally:
        conn.close()
    _show(ctx, sessions, daemon)
    return 0


def _folded(ctx: Context) -> int:
    from sessiond import clock
    from sessiond.daemon import status
    from sessiond.display import session_data

    now = clock.now()
    sessions = [session_data(s, ctx.tz, now, client=ctx.service.canonical_client(s.client_id))
                for s in ctx.service.open_sessions(remember=True)]
    daemon = status.collect(ctx.service.paths.data, ctx.service.store.conn)
    _show(ctx, sessions, daemon, {"sessions": sessions, "daemon": daemon})
    return 0


def _show(ctx: Context, sessions: list[dict[str, Any]], daemon: dict[str, Any],
          data: Any = None) -> None:
    """The sessions' lines, then whether the daemon is up, with hotkeys and idle detection
    on or off and why (`data`: the same for --json)."""
    from sessiond.daemon import status

    text = "\n".join(describe(d) for d in sessions) or _("No open session.")
    ctx.emit(f"{text}\n{status.describe(daemon)}", data)


def _viewed(directory: str, config: str,
            ) -> tuple[sqlite3.Connection, list[dict[str, Any]]] | None:
    """The open connection and the sessions (as `describe` reads them) of the status view
    of the log in `directory`, with the language it was taken in set; None when the view
    does not hold, or anything is unusual (no log, an older one, a damaged one): the fold
    deals with it."""
    import os
    import sqlite3
    from datetime import datetime

    from sessiond import clock, places
    from sessiond.i18n import LANGUAGES, set_language
    from sessiond.store import glance

    try:
        settings = glance.settings_stamp(os.path.join(config, places.CONFIG_FILE))
        conn = glance.open_readonly(os.path.join(directory, places.DATABASE))
    except (OSError, sqlite3.Error):
        return None
    try:
        found = None if settings is None else glance.read(conn, settings)
    except sqlite3.Error:
        found = None
    # A language config.toml does not allow was written into the view by someone else.
    if found is None or found[0] not in ("", *LANGUAGES):
        conn.close()
        return None
    language, rows = found
    set_language(language or None)
    now = clock.now()
    sessions = []
    for session, client, state, policy, mode, channels, without, closed, since in rows:
        running = (max(0, int((now - datetime.fromisoformat(since)).total_seconds()))
                   if since else 0)
        sessions.append({"session": session, "client": client, "state": state,
                         "policy": policy, "mode": mode, "without_consent": bool(without),
                         "consent": [{"channel": c} for c in channels.split()],
                         "elapsed_seconds": closed + running})
    return conn, sessions
