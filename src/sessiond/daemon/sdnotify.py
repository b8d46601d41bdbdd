"""sd_notify(3) without libsystemd: one datagram to `$NOTIFY_SOCKET`.

Written from the protocol as systemd documents it (sd_notify(3), declared stable): a
`KEY=VALUE` newline-separated message sent to an AF_UNIX datagram socket whose path is in
`$NOTIFY_SOCKET`; a leading `@` means the abstract namespace. Outside systemd the variable
is unset and every call is a no-op.
"""

from __future__ import annotations

import os
import socket


def notify(message: str) -> bool:
    """Send `message` (e.g. "READY=1"); False when not under systemd or on failure."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address or address[0] not in "/@":
        return False
    if address[0] == "@":
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError:
        return False
    return True


def watchdog_seconds() -> float | None:
    """How often systemd expects WATCHDOG=1, or None when no watchdog is set for us.

    `$WATCHDOG_USEC` is the limit; `$WATCHDOG_PID`, when present, names the process it is
    meant for (sd_watchdog_enabled(3)), so a child that inherited the variable ignores it.
    """
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and (not pid.isdigit() or int(pid) != os.getpid()):
        return None
    return int(usec) / 1_000_000
