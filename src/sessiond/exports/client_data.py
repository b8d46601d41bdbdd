"""Everything sessiond holds about one client, decrypted, as JSON: his rights of access and
portability (VLH 8.4; RGPD art. 15 and 20, "a structured, commonly used and
machine-readable format").

The document names who keeps the data (the technician), the client's record, how long his
data is kept and under which article, and every event of his and of his sessions with its
personal fields in clear (a redacted text, or everything of an erased client, is absent:
it cannot be read any more). Handing it over is an event (`client-exported`, with the
document's SHA-256), so the log shows when the right was exercised.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sessiond import clock
from sessiond.errors import InputError
from sessiond.exports.files import output_path, write_private_file
from sessiond.model import Event
from sessiond.sessions import Sessiond

FORMAT = "sessiond-client-data"
VERSION = 1


def dossier(svc: Sessiond, client_id: str, now: datetime) -> dict[str, Any]:
    """The client's data as a JSON-ready document."""
    from sessiond.compliance.retention import LAW, retention_end

    tz = svc.tz
    client, events = svc.client_dossier(client_id)
    sessions = svc.client_sessions(svc.canonical_client(client_id))
    policy_id = sessions[-1].policy if sessions else svc.config.policy
    try:
        terms = svc.policy(policy_id).retention or LAW
    except InputError:  # a broken policy file: the law's retention still holds
        terms = LAW
    end = retention_end(events, terms, tz)
    added = next((e for e in events if e.kind == "client-added" and
                  e.client_id == client_id), None)
    technician = svc.config.technician

    def local(instant: datetime) -> str:
        return instant.astimezone(tz).isoformat(timespec="seconds")

    return {
        "format": FORMAT, "version": VERSION, "exported_at": local(now),
        "controller": {"name": technician.name, "trade_name": technician.trade_name,
                       "siret": technician.siret, "address": technician.address,
                       "email": technician.email, "phone": technician.phone},
        "client": {
            "id": client.id, "status": client.status, "country": client.country,
            "added_at": local(client.added_at), "erased": client.name is None,
            "name": client.name, "email": client.email, "phone": client.phone,
            "address": client.address, "siren": client.siren,
            "vat_number": client.vat_number,  # his data too (RGPD art. 15, 20)
            "known_since": added.body.get("known_since") if added else None,
        },
        "retention": {
            "policy": policy_id, "article": terms.article,
            "years_after_relationship": terms.years_after_relationship,
            "accounting_years": terms.accounting_years,
            "kept_until": end[0].isoformat() if end else None,
        },
        "sessions": [{"session": s.id, "policy": s.policy, "mode": s.mode,
                      "state": s.state.value, "planned_at": local(s.planned_at),
                      "started_at": local(s.started_at) if s.started_at else None,
                      "stopped_at": local(s.stopped_at) if s.stopped_at else None}
                     for s in sessions],
        "events": [_event(e, local) for e in events],
    }


def _event(event: Event, local: Any) -> dict[str, Any]:
    personal = None if event.personal is None else dict(event.personal)
    return {"seq": event.seq, "kind": event.kind, "session": event.session_id,
            "client": event.client_id, "at": local(event.at),
            "recorded_at": local(event.recorded_at), "body": dict(event.body),
            "personal": personal}


def export_client(svc: Sessiond, client_id: str, out: Path | None = None,
                  now: datetime | None = None) -> tuple[dict[str, Any], str, Path | None, int]:
    """Build the document, write it to `out` (0600) when given, and record that it was
    handed over. Returns the document, its text (what the recorded SHA-256 is of: print
    this one, not the document dumped again), the file written, and the event's seq."""
    now = now or clock.now()
    data = dossier(svc, client_id, now)
    # Names and notes are stored as typed: DEL, C1 controls and bidi overrides, which JSON
    # leaves raw, are written as \uXXXX escapes (the same strings to a JSON reader).
    from sessiond.display import safe_text

    encoded = safe_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False),
                        json=True) + "\n"
    raw = encoded.encode("utf-8")
    path = None
    if out is not None:
        path = write_private_file(output_path(out, f"client-{client_id}.json"), raw)
    with svc.transaction() as w:
        stored = svc.record_client_export(w, client_id=client_id, events=len(data["events"]),
                                          digest=hashlib.sha256(raw).hexdigest(),
                                          at=clock.whole_second(now))
    return data, encoded, path, stored.seq
