"""kill -9 in the middle of appending: nothing committed is lost, the chain stays sound."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import Cli

WRITER = """
import sys
from sessiond.sessions import Sessiond
svc = Sessiond()
print("ready", flush=True)
while True:
    svc.pause(sys.argv[1])
    svc.resume(sys.argv[1])
"""


def test_kill_9_while_appending(cli: Cli) -> None:
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", "mri87").out.strip()
    cli("consent", session, "--channel", "sms", "--by", "Lucie")
    cli("start", session)
    for attempt in range(3):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, session], env=cli.env,
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(0.3 + 0.17 * attempt)  # land the kill at a different point each time
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        # A CLI call meanwhile still works (the lock died with the writer).
        assert cli("verify").code == 0
    state = cli.json("session", "show", session)["state"]
    assert state in ("running", "paused")
    if state == "paused":
        cli("resume", session)
    shown = cli.json("session", "show", session)
    assert shown["state"] == "running" and shown["elapsed_seconds"] >= 0
    kinds = [e["kind"] for e in cli.events()]
    assert kinds.count("session-paused") >= 3  # the writer really wrote
    cli("stop", session)
    assert cli("verify").code == 0
