"""Floor of `sessiond verify`, on one core: read every row, SHA-256 over its fields, and one
Ed25519 check per checkpoint. (It proves nothing; it is the least that verifying costs.)"""

import hashlib
import sqlite3
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

home = Path(sys.argv[1])
db = sqlite3.connect(f"file:{home / 'sessiond.sqlite3'}?mode=ro", uri=True)
key = Ed25519PrivateKey.from_private_bytes((home / "keys" / "signing.key").read_bytes())
public = key.public_key()
events = 0
for row in db.execute("SELECT seq, id, kind, session_id, client_id, at, recorded_at, tz, "
                      "boot_id, boottime_ns, body, sealed, prev_hash, hash FROM events "
                      "ORDER BY seq"):
    digest = hashlib.sha256(bytes.fromhex(row[12]))
    digest.update("\x1f".join(map(str, row[:13])).encode())
    events += digest.hexdigest() != row[13]  # never equal: the cost, not the check
for seq, hash_, at, key_id, sig in db.execute("SELECT seq, hash, at, key_id, signature "
                                              "FROM checkpoints ORDER BY id"):
    message = (f'sessiond-checkpoint-v1\n{{"at":"{at}","hash":"{hash_}","key_id":'
               f'"{key_id}","seq":{seq}}}').encode()
    public.verify(bytes.fromhex(sig), message)
print(events)
