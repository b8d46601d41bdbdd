"""A technician's working day, built through the real command, for the export and receipt
tests: three clients (accents in their names), three policies, a pause, a quoted rate,
prepaid credit, and worked times whose minutes and hundredths of an hour round up.

The day is in the past (2025-03-10, Paris winter time, UTC+01:00) so that it is complete
whatever the time the tests run; the sessions are planned now, started and stopped then.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.conftest import Cli

DAY = date(2025, 3, 10)
TECHNICIAN = """
[technician]
name = "Jean Dupré"
trade_name = "Dépann'Info Lorraine"
siret = "73282932000074"
address = "3 rue de l'Église, 54230 Chaligny"
email = "jean@example.fr"
phone = "06 12 34 56 78"
"""


def at(hhmmss: str, day: date = DAY) -> str:
    return f"{day.isoformat()}T{hhmmss}+01:00"


@dataclass
class Day:
    helene: str  # VLH, quoted rate 52.50, a pause; worked 1 h 07 min 30 s
    societe: str  # Micro-Alpes, business client; worked 22 min 30 s
    francois: str  # MRI87, prepaid package; worked 1 h 10 min
    clients: dict[str, str]


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr", "TZ": "UTC"}


def write_config(home: Path, extra: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(TECHNICIAN + extra, encoding="utf-8")


def session(cli: Cli, client: str, policy: str, start: str, stop: str, *,
            pauses: tuple[tuple[str, str], ...] = (), extra: tuple[str, ...] = (),
            problems: tuple[str, ...] = ()) -> str:
    args = ["session", "new", client, "--policy", policy, "--client-os", "windows", *extra]
    for problem in problems:
        args += ["--problem", problem]
    sid = cli(*args).out.strip()
    cli("consent", sid, "--channel", "tool-code", "--by", "le client", "--at", at(start),
        "--yes")
    cli("start", sid, "--at", at(start), "--yes")
    for pause, resume in pauses:
        cli("pause", sid, "--at", at(pause), "--yes")
        cli("resume", sid, "--at", at(resume), "--yes")
    cli("stop", sid, "--at", at(stop), "--yes")
    return sid


def timed(cli: Cli, client: str, policy: str, start: str, stop: str, *,
          pauses: tuple[tuple[str, str], ...] = (), extra: tuple[str, ...] = ()) -> str:
    """A session from full ISO instants (`start`, `stop`), for sessions across midnight
    and weeks."""
    sid = cli("session", "new", client, "--policy", policy, "--client-os", "windows",
              *extra).out.strip()
    cli("consent", sid, "--channel", "tool-code", "--by", "le client", "--at", start, "--yes")
    cli("start", sid, "--at", start, "--yes")
    for pause, resume in pauses:
        cli("pause", sid, "--at", pause, "--yes")
        cli("resume", sid, "--at", resume, "--yes")
    cli("stop", sid, "--at", stop, "--yes")
    return sid


def make_day(cli: Cli) -> Day:
    write_config(cli.home)
    helene = cli("client", "add", "Hélène Müller-Çelik").out.strip()
    societe = cli("client", "add", "Société Bâtiment Énergie", "--business").out.strip()
    francois = cli("client", "add", "François Lefèvre").out.strip()
    cli("credit", "add", francois, "--hours", "3", "--at", at("08:00:00", date(2025, 3, 1)),
        "--policy", "mri87", "--yes")
    s1 = session(cli, helene, "vlh", "09:00:00", "10:17:30",
                 pauses=(("09:20:00", "09:30:00"),), extra=("--rate", "52.50"),
                 problems=("Imprimante bloquée, pilote à réinstaller",))
    s2 = session(cli, societe, "micro-alpes", "14:00:00", "14:22:30")
    s3 = session(cli, francois, "mri87", "16:00:00", "17:10:00")
    return Day(s1, s2, s3, {"helene": helene, "societe": societe, "francois": francois})
