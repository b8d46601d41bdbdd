"""`sessiond export`: the CSV a French spreadsheet opens, the JSON for other tools, the
signed checkpoint they end with, and the end-of-day export's idempotency."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import DAY, Day, env_for, make_day

HEADER = ["Date", "Client", "Mode", "Outil", "Début", "Fin", "Travaillé (h:mm)",
          "Travaillé (h)", "Facturé (h:mm)", "Facturé (h)", "Tranches", "Taux horaire (€)",
          "Remises (€)", "Montant (€)", "Crédit utilisé (h)", "Conformité", "Remarques"]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Day]]:
    home = tmp_path_factory.mktemp("exports") / "home"
    yield home, make_day(Cli(home, env_for(home)))


@pytest.fixture
def day(cli: Cli, prepared: tuple[Path, Day]) -> tuple[Cli, Day]:
    """The prepared day, copied into this test's own SESSIOND_HOME."""
    shutil.copytree(prepared[0], cli.home)
    return cli, prepared[1]


def export(cli: Cli, out: Path, *args: str) -> dict[str, Any]:
    result: dict[str, Any] = cli.json("export", "--out", str(out), *args)
    return result


def decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_reads_back_with_french_conventions(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    path = Path(data["path"])
    assert path.name == "sessiond-2025-03-10.csv" and data["sessions"] == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = read_csv(path)
    assert rows[0] == HEADER
    sessions = rows[1:4]
    assert [r[1] for r in sessions] == ["Hélène Müller-Çelik", "Société Bâtiment Énergie",
                                        "François Lefèvre"]
    helene, societe, francois = sessions
    assert helene[0] == "10/03/2025" and helene[2] == "assistance à distance"
    assert helene[3] == "TeamViewer" and (helene[4], helene[5]) == ("09:00", "10:17")
    # 1 h 17 min 30 s less a 10 min pause: 1 h 07 min 30 s = 67.5 min -> 1:08 and 1,13 h
    assert (helene[6], helene[7]) == ("1:08", "1,13")
    # VLH: first hour indivisible then 15 min tranches -> 1 h 15 min at the quoted 52,50
    assert (helene[8], helene[9], helene[10], helene[11]) == (
        "1:15", "1,25", "1 h puis tranches de 15 min", "52,50")
    # 65,625 -> 65,63; new client's 30 %: -19,69; total 45,94
    assert (helene[12], helene[13]) == ("-19,69", "45,94")
    # Micro-Alpes: minimum half an hour; 22 min 30 s worked
    assert (societe[6], societe[7], societe[8], societe[13]) == ("0:23", "0,38", "0:30",
                                                                  "25,00")
    # MRI87: every started hour, drawn from the prepaid package
    assert (francois[8], francois[14], francois[13]) == ("2:00", "2,00", "0,00")
    assert all(r[15] for r in sessions)  # compliance status always said


def test_total_row_is_the_sum_of_the_printed_rows(day: tuple[Cli, Day],
                                                  tmp_path: Path) -> None:
    cli, _d = day
    rows = read_csv(Path(export(cli, tmp_path, "--day", DAY.isoformat())["path"]))
    sessions, total = rows[1:4], rows[4]
    assert total[0] == "Total" and total[1] == "3 séance(s)"
    for column in (7, 9, 12, 13, 14):  # decimal hours and euros
        assert decimal(total[column]) == sum(decimal(r[column]) for r in sessions), column
    for column in (6, 8):  # h:mm
        assert minutes(total[column]) == sum(minutes(r[column]) for r in sessions), column
    # Rounded once per row: 1:08 + 0:23 + 1:10 = 2:41 although 2 h 40 min were worked.
    assert total[6] == "2:41" and total[7] == "2,68"


def test_csv_ends_with_the_signed_checkpoint_that_verify_accepts(day: tuple[Cli, Day],
                                                                 tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    rows = read_csv(Path(data["path"]))
    assert rows[5] == []
    labels = [r[0] for r in rows[6:]]
    assert labels == ["Séances couvertes (empreinte des événements)", "Clé publique (Ed25519)",
                      "Empreinte de la clé", "Point de contrôle signé"]
    assert rows[-1][1].startswith(f"SESSIOND-CHECKPOINT v1;seq={data['event']};")
    assert rows[-1][1] == data["checkpoint"]
    assert rows[-4][1].startswith("SESSIOND-EVENTS v1;scope=days:2025-03-10:2025-03-10:")
    verified = cli.json("verify", "--export", data["path"])
    assert verified["ok"] and verified["documents_events_checked"] == 1
    events = [e for e in cli.events() if e["kind"] == "export-made"]
    assert [e["seq"] for e in events] == [data["event"]]
    assert events[0]["body"]["sessions"] == 3 and events[0]["body"]["format"] == "csv"


def test_export_again_appends_nothing_until_a_session_changes(day: tuple[Cli, Day],
                                                              tmp_path: Path) -> None:
    cli, d = day
    first = export(cli, tmp_path, "--day", DAY.isoformat())
    path = Path(first["path"])
    content = path.read_bytes()
    again = export(cli, tmp_path, "--day", DAY.isoformat())
    assert again["reused"] and not again["written"] and again["event"] == first["event"]
    path.unlink()  # lost file: written again, same checkpoint, still no new event
    third = export(cli, tmp_path, "--day", DAY.isoformat())
    assert third["reused"] and third["written"] and path.read_bytes() == content
    assert sum(e["kind"] == "export-made" for e in cli.events()) == 1
    cli("record", d.helene, "disconnect-confirmed", "--at", "2025-03-10T10:18:00+01:00")
    fourth = export(cli, tmp_path, "--day", DAY.isoformat())
    assert not fourth["reused"] and fourth["event"] > first["event"]
    assert sum(e["kind"] == "export-made" for e in cli.events()) == 2
    # The earlier file still proves what it covered, as the log stood then.
    assert cli("verify", "--export", str(tmp_path / "sessiond-2025-03-10.csv")).code == 0


def test_json_has_ids_explanations_and_the_checkpoint(day: tuple[Cli, Day],
                                                      tmp_path: Path) -> None:
    cli, d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat(), "--format", "json")
    doc = json.loads(Path(data["path"]).read_text(encoding="utf-8"))
    assert doc["format"] == "sessiond-export" and doc["timezone"] == "Europe/Paris"
    assert [s["session"] for s in doc["sessions"]] == [d.helene, d.societe, d.francois]
    helene = doc["sessions"][0]
    assert helene["client"] == d.clients["helene"]
    assert helene["client_name"] == "Hélène Müller-Çelik"
    assert helene["worked_seconds"] == 4050 and helene["billed_seconds"] == 4500
    assert helene["amount"] == "45.94" and helene["bill"]["total"] == "45.94"
    assert "première heure indivisible" in helene["explanation"]
    assert helene["start"] == "2025-03-10T09:00:00+01:00"
    assert doc["total"]["amount"] == str(sum(Decimal(s["amount"]) for s in doc["sessions"]))
    assert doc["checkpoint"]["text"] == data["checkpoint"]
    assert doc["checkpoint"]["seq"] == data["event"]
    assert doc["events"]["sessions"] == 3
    assert cli("verify", "--export", data["path"]).code == 0


def test_range_and_bad_input(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--from", "09/03/2025", "--to", "2025-03-11")
    assert Path(data["path"]).name == "sessiond-2025-03-09_2025-03-11.csv"
    assert data["sessions"] == 3
    empty = export(cli, tmp_path, "--day", "2025-03-09")
    assert empty["sessions"] == 0 and empty["total"] == "0"
    for args, words in ((["--day", "31/02/2025"], "Jour illisible"),
                        (["--to", "2025-03-11"], "--to va avec --from"),
                        (["--from", "2025-03-11", "--to", "2025-03-10"], "avant de commencer")):
        result = cli("export", "--out", str(tmp_path), *args, check=False)
        assert result.code == 2 and words in result.err, result.err
    assert sum(e["kind"] == "export-made" for e in cli.events()) == 2


def test_tampered_session_event_fails_the_export(day: tuple[Cli, Day], tmp_path: Path) -> None:
    import sqlite3

    cli, d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    db = sqlite3.connect(cli.home / "sessiond.sqlite3")
    db.execute("DROP TRIGGER events_no_update")
    # Move the stop of a session one minute earlier (a forger shortening a bill).
    db.execute("UPDATE events SET at = replace(at, 'T09:17:30', 'T09:16:30') "
               "WHERE session_id = ? AND kind = 'session-stopped'", (d.helene,))
    db.commit()
    db.close()
    result = cli("verify", "--export", data["path"], check=False)
    assert result.code == 1 and "ÉCHOUÉ" in result.out


def _libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_numbers_dates_and_columns(day: tuple[Cli, Day],
                                                     tmp_path: Path) -> None:
    """Calc set to French (CSV import: `;`, UTF-8, fr-FR) reads numbers as numbers."""
    cli, _d = day
    path = Path(export(cli, tmp_path, "--day", DAY.isoformat())["path"])
    profile = tmp_path / "lo-profile"
    office = _libreoffice()
    assert office is not None
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless",
         "--infilter=CSV:59,34,76,1,,1036", "--convert-to", "fods", "--outdir",
         str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180)
    table = ElementTree.parse(tmp_path / "sessiond-2025-03-10.fods")
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    rows = []
    for row in table.iter(f"{{{ns['table']}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{ns['table']}}}table-cell"):
            repeat = int(cell.get(f"{{{ns['table']}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{ns['office']}}}value-type")
            value = (cell.get(f"{{{ns['office']}}}value") or cell.get(
                f"{{{ns['office']}}}date-value") or cell.get(f"{{{ns['office']}}}time-value"))
            text = "".join(p.text or "" for p in cell.iter(f"{{{ns['text']}}}p"))
            cells.extend([(kind, value, text)] * min(repeat, 50))
        rows.append(cells)
    assert [c[2] for c in rows[0][:len(HEADER)]] == HEADER
    helene = rows[1]
    assert helene[1][2] == "Hélène Müller-Çelik"
    assert helene[0][0] == "date" and helene[0][1].startswith("2025-03-10")
    assert helene[4][0] == "time"
    assert helene[7][:2] == ("float", "1.13")
    assert helene[13][:2] == ("float", "45.94")
    total = rows[4]
    assert total[13][0] == "float"
    assert Decimal(total[13][1]) == sum(Decimal(r[13][1]) for r in rows[1:4])


def test_english_csv_uses_commas_and_decimal_points(day: tuple[Cli, Day],
                                                    tmp_path: Path) -> None:
    cli, _d = day
    config = cli.home / "config.toml"
    config.write_text('language = "en"\n' + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    path = Path(export(cli, tmp_path, "--day", DAY.isoformat())["path"])
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["Day", "Client name", "Session mode", "Remote tool"]
    assert rows[1][0] == "2025-03-10" and rows[1][1] == "Hélène Müller-Çelik"
    assert (rows[1][7], rows[1][13]) == ("1.13", "45.94")
    assert rows[-1][0] == "Signed checkpoint"
