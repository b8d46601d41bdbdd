"""`sessiond client export` (the client's data, decrypted, as JSON) and `client referral`
(a new client he recommended). Registered by cli/sessions.py with the other `client`
actions; imported only when one of these runs."""

from __future__ import annotations

import argparse
import sys

from sessiond.cli.context import Context
from sessiond.i18n import _


def client_export(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from sessiond.exports.client_data import export_client

    out = Path(args.out) if args.out else None
    data, encoded, path, seq = export_client(ctx.service, args.client_id, out)
    if path is None:
        # The document itself is the output (with or without --json): JSON either way, the
        # bytes whose digest the log recorded. Dumped again, it met the terminal's escaping
        # (\UXXXXXXXX beyond the BMP, no JSON escape) and was no JSON for a tag character.
        sys.stdout.write(encoded)
        return 0
    ctx.emit(_("Data of client {client} written to {path} ({count} events; event #{seq}).",
               client=args.client_id, path=path, count=len(data["events"]), seq=seq),
             {"client": args.client_id, "path": str(path), "events": len(data["events"]),
              "event": seq})
    return 0


def client_referral(args: argparse.Namespace, ctx: Context) -> int:
    svc = ctx.service
    referred = args.referred.strip().lower()
    event = svc.record_referral(args.client_id, referred=referred,
                                at=svc.at(args.at, allow_old=args.yes))
    ctx.emit(_("Referral recorded: {sponsor} recommended {referred} (event #{seq}); his next "
               "intervention gets the referral discount of his terms.",
               sponsor=args.client_id, referred=referred, seq=event.seq),
             {"client": args.client_id, "referred": referred, "event": event.seq})
    return 0
