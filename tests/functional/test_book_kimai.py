"""The livre des recettes and the Kimai import file, on a week of sessions, against totals
computed by hand; the Kimai file read with the rules of Kimai's importer."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import env_for, timed, write_config

BOOK_HEADER = ["Date received", "Client name", "Nature of the service", "Amount (EUR)",
               "Payment method", "Document reference", "Session"]
# MD Micro Services: 50 €/h remote, 15-minute tranches, a started tranche is due.
POLICY = "md-micro-services"


@dataclass
class Week:
    s1: str  # Mon 10/03 09:00-09:40: 40 min -> 45 min -> 37,50 ; paid 37,50 card Mon
    s2: str  # Tue 11/03 14:00-15:05, pause 10 min: 55 min -> 1 h -> 50,00 ; paid 20 + 30
    s3: str  # Wed 12/03 23:30-00:30: 60 min -> 50,00 ; paid Thu 00:35 by cheque
    s4: str  # Fri 14/03 10:00-10:20: 20 min -> 30 min -> 25,00 ; paid Mon 17/03
    s5: str  # Sun 09/03 16:00-16:50: before the week ; paid Mon 10/03 08:00 in cash
    receipt: str  # the receipt of s2


def t(day: int, hhmm: str) -> str:
    return f"2025-03-{day:02d}T{hhmm}:00+01:00"


@pytest.fixture(scope="module")
def week_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Week]]:
    home = tmp_path_factory.mktemp("week") / "home"
    cli = Cli(home, env_for(home))
    write_config(home)
    alice = cli("client", "add", "Alice Martin").out.strip()
    bruno = cli("client", "add", "Bruno Petit").out.strip()
    cafe = cli("client", "add", "Café des Arts", "--business").out.strip()
    s1 = timed(cli, alice, POLICY, t(10, "09:00"), t(10, "09:40"))
    s2 = timed(cli, bruno, POLICY, t(11, "14:00"), t(11, "15:05"),
               pauses=((t(11, "14:30"), t(11, "14:40")),))
    s3 = timed(cli, cafe, POLICY, t(12, "23:30"), t(13, "00:30"))
    s4 = timed(cli, alice, POLICY, t(14, "10:00"), t(14, "10:20"))
    s5 = timed(cli, bruno, POLICY, t(9, "16:00"), t(9, "16:50"))
    for sid, amount, method, when in ((s1, "37,50", "card", t(10, "09:45")),
                                      (s2, "20", "cash", t(11, "15:10")),
                                      (s3, "50", "cheque", t(13, "00:35")),
                                      (s2, "30", "transfer", t(13, "10:00")),
                                      (s4, "25", "card", t(17, "09:00")),
                                      (s5, "50", "cash", t(10, "08:00"))):
        cli("record", sid, "payment", "--amount", amount, "--method", method, "--at", when,
            "--yes")
    receipt = cli.json("receipt", s2, "--out", str(home.parent / "receipts") + "/")["number"]
    yield home, Week(s1, s2, s3, s4, s5, receipt)


@pytest.fixture
def week(cli: Cli, week_home: tuple[Path, Week]) -> tuple[Cli, Week]:
    import shutil

    shutil.copytree(week_home[0], cli.home)
    return cli, week_home[1]


def read(path: Path, *, bom: bool) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_book_of_takings_of_the_week(week: tuple[Cli, Week], tmp_path: Path) -> None:
    cli, w = week
    data = cli.json("export", "--book", "--from", "2025-03-10", "--to", "2025-03-14",
                    "--out", str(tmp_path))
    path = Path(data["path"])
    assert path.name == "sessiond-2025-03-10_2025-03-14.recettes.csv"
    rows = read(path, bom=True)
    from tests.functional.test_exports import french

    assert rows[0] == french(BOOK_HEADER)
    assert rows[0][:2] == ["Date d'encaissement", "Client"]
    body = rows[1:]  # nothing after the table
    # Chronological: the payment of Sunday's session on Monday 08:00 first; Friday's
    # session, paid the next Monday, is not in this week's book.
    assert [r[6] for r in body] == [w.s5, w.s1, w.s2, w.s3, w.s2]
    assert [r[0] for r in body] == ["10/03/2025", "10/03/2025", "11/03/2025", "13/03/2025",
                                    "13/03/2025"]
    assert [r[1] for r in body] == ["Bruno Petit", "Alice Martin", "Bruno Petit",
                                    "Café des Arts", "Bruno Petit"]
    assert [r[3] for r in body] == ["50,00", "37,50", "20,00", "50,00", "30,00"]
    assert body[1][4] == "carte bancaire" and body[4][4].startswith("virement")
    assert body[1][2].startswith("assistance à distance") and "45" in body[1][2]
    # The document reference: the receipt when one was issued, else the session.
    assert body[2][5] == body[4][5] and body[2][5].endswith(w.receipt)
    assert "relevé" in body[2][5] and body[1][5].endswith(w.s1)
    # By hand: 50 + 37,50 + 20 + 50 + 30 = 187,50 received from Monday to Friday.
    total = sum(Decimal(r[3].replace(",", ".")) for r in body)
    assert total == Decimal("187.50") == Decimal(data["book_total"])
    assert data["lines"] == 5
    verified = cli.json("verify", "--export", data["path"])
    assert verified["ok"] and verified["documents_events_checked"] == 1
    # A payment recorded later for a day of the range changes the book: a new export.
    cli("record", w.s4, "payment", "--amount", "1", "--method", "cash", "--at",
        t(14, "11:00"), "--yes")
    again = cli.json("export", "--book", "--from", "2025-03-10", "--to", "2025-03-14",
                     "--out", str(tmp_path))
    assert not again["reused"] and Decimal(again["book_total"]) == Decimal("188.50")


# --- Kimai's import rules (ImportBundle: TimesheetImporter, AbstractTimesheetImporter) ---

KIMAI_HEADER = ["Date", "From", "To", "Duration", "Rate", "User", "Email", "Customer",
                "Project", "Activity", "Description", "Exported", "Tags", "HourlyRate",
                "FixedRate", "InternalRate"]
REQUIRED = {"Date": ("Date",), "From": ("From", "Begin"), "To": ("End", "To", "Duration"),
            "Rate": ("Rate",), "User": ("User", "Username", "Name"),
            "Customer": ("Customer",), "Project": ("Project",), "Activity": ("Activity",)}
_PHP_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


@dataclass
class Timesheet:
    begin: datetime
    end: datetime
    duration: int
    rate: Decimal
    user: str
    customer: str
    project: str
    tags: list[str]
    hourly: Decimal | None
    fixed: Decimal | None


def kimai_import(text: str) -> list[Timesheet]:
    """Read a CSV as Kimai's importer does, raising what it would report as an error."""
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    header = list(rows[0].keys()) if rows else next(csv.reader(io.StringIO(text),
                                                               delimiter=";"))
    missing = [name for name, columns in REQUIRED.items()
               if not any(c in header for c in columns)]
    assert not missing, f"Invalid file given, missing and/or invalid columns: {missing}"
    assert len(rows) <= 5000
    sheets = []
    for number, record in enumerate(rows, start=2):
        errors = [f"Empty or missing field: {name}" for name in ("User", "Email", "Project",
                                                                 "Activity")
                  if not record.get(name)]
        duration_text = record.get("Duration") or ""
        if duration_text.startswith("-"):
            errors.append("Negative values not supported: Duration")
        for name in ("Rate", "HourlyRate", "InternalRate", "FixedRate"):
            value = record.get(name)
            if value not in (None, "") and not _PHP_NUMERIC.match(value):
                errors.append(f"Invalid numeric value: {name}")
        assert not errors, f"row {number}: {errors}"
        # plain seconds: digits only (a point or comma makes it a duration string)
        assert duration_text.isdigit(), f"row {number}: Duration {duration_text!r}"
        duration = int(duration_text)
        assert record["Exported"] in ("0", "1", "true", "false", "")
        begin = datetime.fromisoformat(f"{record['Date']} {record['From']}")
        end = datetime.fromisoformat(f"{record['Date']} {record['To']}")
        if end < begin:  # "fix dates, which are running over midnight"
            end = begin + timedelta(seconds=duration) if duration > 0 else end + timedelta(
                days=1)
        sheets.append(Timesheet(
            begin, end, duration, _number(record["Rate"]), record["User"],
            record["Customer"], record["Project"],
            [tag for tag in (record.get("Tags") or "").split(",") if tag],
            _number(record["HourlyRate"]) if record.get("HourlyRate") else None,
            _number(record["FixedRate"]) if record.get("FixedRate") else None))
    return sheets


def _number(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as e:
        raise AssertionError(f"not numeric: {text!r}") from e


def test_kimai_file_of_the_week(week: tuple[Cli, Week], tmp_path: Path) -> None:
    cli, w = week
    data = cli.json("export", "--format", "kimai", "--from", "2025-03-10", "--to",
                    "2025-03-14", "--out", str(tmp_path))
    path = Path(data["path"])
    assert path.name == "sessiond-2025-03-10_2025-03-14.kimai.csv"
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # a BOM would hide the "Date" column
    rows = read(path, bom=False)
    assert rows[0] == KIMAI_HEADER
    sheets = kimai_import(raw.decode("utf-8"))
    # The sessions that started Monday to Friday (not Sunday's), each once.
    assert [s.begin for s in sheets] == [datetime(2025, 3, 10, 9, 0),
                                         datetime(2025, 3, 11, 14, 0),
                                         datetime(2025, 3, 12, 23, 30),
                                         datetime(2025, 3, 14, 10, 0)]
    # Across midnight: Kimai ends it the next day.
    assert sheets[2].end == datetime(2025, 3, 13, 0, 30)
    # Worked seconds by hand: 40 min, 65 - 10 min, 60 min, 20 min.
    assert [s.duration for s in sheets] == [2400, 3300, 3600, 1200]
    assert sum(s.duration for s in sheets) == 10500
    # Amounts by hand: 45 min, 1 h, 1 h, 30 min at 50 €/h.
    assert [s.rate for s in sheets] == [Decimal("37.50"), Decimal("50.00"),
                                        Decimal("50.00"), Decimal("25.00")]
    assert sum(s.rate for s in sheets) == Decimal("162.50")
    assert all(s.fixed == s.rate and s.hourly == Decimal("50.00") for s in sheets)
    assert {s.user for s in sheets} == {"Jean Dupré"}
    assert [s.customer for s in sheets] == ["Alice Martin", "Bruno Petit", "Café des Arts",
                                            "Alice Martin"]
    assert {s.project for s in sheets} == {"Assistance informatique"}
    assert all(s.tags == ["sessiond", POLICY] for s in sheets)
    assert rows[2][10] == f"intervention {w.s2} — relevé {w.receipt}"
    assert data["lines"] == 4
    assert cli("verify", "--export", data["path"]).code == 0


def test_kimai_needs_the_technicians_email(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    config = cli.home / "config.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'email = "jean@example.fr"\n', ""), encoding="utf-8")
    out = tmp_path / "out"
    result = cli("export", "--format", "kimai", "--day", "2025-03-10", "--out", str(out),
                 check=False)
    assert result.code == 2 and "email" in result.err
    assert not out.exists()


def test_real_book_and_kimai(week: tuple[Cli, Week], real_cli: Cli, tmp_path: Path) -> None:
    for args in (("--book",), ("--format", "kimai")):
        done = real_cli("export", *args, "--from", "2025-03-10", "--to", "2025-03-14",
                        "--out", str(tmp_path))
        assert done.code == 0
    assert len(list(tmp_path.glob("*.proof"))) == 2
