"""`sessiond export`: the CSV a French spreadsheet opens (each session once, on the day it
started, nothing after the table), the JSON with the same fields, the proof beside the
file that `verify --export` reads, and the end-of-day export's idempotency."""

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
from tests.functional.exports_data import DAY, Day, env_for, make_day, timed, write_config

# Column positions of the export (exports.table.header).
(C_DAY, C_SESSION, C_CLIENT, C_NAME, C_POLICY, C_MODE, C_START, C_END, C_WORKED_HMM,
 C_WORKED_H, C_BILLED_HMM, C_BILLED_H, C_RATE, C_DISCOUNTS, C_AMOUNT, C_CREDIT, C_RECEIPTS,
 C_INVOICE, C_PAID, C_PAYMENTS, C_STATUS, C_COMPLIANCE, C_REMARKS) = range(23)
# The header in English (the messages of the code), in French as the catalogue says it.
ENGLISH = ["Day", "Session", "Client reference", "Client name", "Terms", "Session mode",
           "Start time", "End time", "Worked (h:mm)", "Worked (h)", "Billed (h:mm)",
           "Billed (h)", "Hourly rate (EUR)", "Discounts (EUR)", "Amount (EUR)",
           "Credit used (h)", "Receipts", "Invoice", "Paid (EUR)", "Payments", "Status",
           "Compliance status", "Remarks on the bill"]


def french(words: list[str]) -> list[str]:
    from sessiond.i18n import _, set_language

    set_language("fr")
    try:
        return [_(w) for w in words]
    finally:
        set_language(None)


HEADER = french(ENGLISH)


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
    cli, d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    path = Path(data["path"])
    assert path.name == "sessiond-2025-03-10.csv" and data["sessions"] == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = read_csv(path)
    assert rows[0] == HEADER and len(set(HEADER)) == len(HEADER)  # no two columns alike
    assert HEADER[C_DAY] == "Date" and HEADER[C_AMOUNT] == "Montant (€)"
    # One row per session and nothing after the table: no total, blank or signature row.
    assert len(rows) == 4 and all(len(r) == len(HEADER) for r in rows)
    helene, societe, francois = rows[1:]
    assert [r[C_SESSION] for r in rows[1:]] == [d.helene, d.societe, d.francois]
    assert [r[C_CLIENT] for r in rows[1:]] == [d.clients["helene"], d.clients["societe"],
                                                d.clients["francois"]]
    assert [r[C_NAME] for r in rows[1:]] == ["Hélène Müller-Çelik", "Société Bâtiment Énergie",
                                             "François Lefèvre"]
    assert [r[C_POLICY] for r in rows[1:]] == ["vlh", "micro-alpes", "mri87"]
    assert helene[C_DAY] == "10/03/2025" and helene[C_MODE] == "assistance à distance"
    # Start and end as local date-times.
    assert (helene[C_START], helene[C_END]) == ("10/03/2025 09:00", "10/03/2025 10:17")
    # 1 h 17 min 30 s less a 10 min pause: 1 h 07 min 30 s = 67.5 min -> 1:08 and 1,13 h
    assert (helene[C_WORKED_HMM], helene[C_WORKED_H]) == ("1:08", "1,13")
    # VLH: first hour indivisible then 15 min tranches -> 1 h 15 min at the quoted 52,50
    assert (helene[C_BILLED_HMM], helene[C_BILLED_H], helene[C_RATE]) == ("1:15", "1,25",
                                                                          "52,50")
    # 65,625 -> 65,63; new client's 30 %: -19,69; total 45,94
    assert (helene[C_DISCOUNTS], helene[C_AMOUNT]) == ("-19,69", "45,94")
    # Micro-Alpes: minimum half an hour; 22 min 30 s worked
    assert (societe[C_WORKED_HMM], societe[C_WORKED_H], societe[C_BILLED_HMM],
            societe[C_AMOUNT]) == ("0:23", "0,38", "0:30", "25,00")
    # MRI87: every started hour, drawn from the prepaid package
    assert (francois[C_BILLED_HMM], francois[C_CREDIT], francois[C_AMOUNT]) == (
        "2:00", "2,00", "0,00")
    for row in rows[1:]:
        assert row[C_STATUS] == "terminée" and row[C_COMPLIANCE]  # compliance always said
        assert (row[C_RECEIPTS], row[C_PAID], row[C_PAYMENTS]) == ("", "0,00", "")


def test_receipts_and_payments_are_in_the_row(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, d = day
    cli("record", d.helene, "payment", "--amount", "20", "--method", "cash", "--at",
        "2025-03-10T10:20:00+01:00", "--yes")
    cli("record", d.helene, "payment", "--amount", "25,94", "--method", "card", "--at",
        "2025-03-11T09:00:00+01:00", "--yes")
    receipt = cli.json("receipt", d.helene, "--out", str(tmp_path / "r") + "/")
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    helene = read_csv(Path(data["path"]))[1]
    assert helene[C_RECEIPTS] == receipt["number"]
    assert helene[C_PAID] == "45,94"
    # amount, method and date of each payment, in the order received
    first, second = helene[C_PAYMENTS].split(" / ")
    assert first.startswith("20,00 ") and first.endswith(" le 10/03/2025") and "esp" in first
    assert second == "25,94 carte bancaire le 11/03/2025"
    doc = json.loads(Path(export(cli, tmp_path, "--day", DAY.isoformat(), "--format",
                                 "json")["path"]).read_text(encoding="utf-8"))
    first = doc["sessions"][0]
    assert first["receipts"] == [receipt["number"]] and first["paid"] == "45.94"
    assert first["payments"] == [
        {"amount": "20.00", "method": "cash", "at": "2025-03-10T10:20:00+01:00"},
        {"amount": "25.94", "method": "card", "at": "2025-03-11T09:00:00+01:00"}]


def test_totals_are_the_sum_of_the_printed_rows(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    sessions = read_csv(Path(data["path"]))[1:]
    assert Decimal(data["total"]) == sum(decimal(r[C_AMOUNT]) for r in sessions) == Decimal(
        "70.94")
    doc = json.loads(Path(export(cli, tmp_path, "--day", DAY.isoformat(), "--format",
                                 "json")["path"]).read_text(encoding="utf-8"))
    total = doc["total"]
    for column, key in ((C_WORKED_H, "worked_hours"), (C_BILLED_H, "billed_hours"),
                        (C_DISCOUNTS, "discounts"), (C_AMOUNT, "amount"),
                        (C_CREDIT, "credit_used_hours")):
        assert Decimal(total[key]) == sum(decimal(r[column]) for r in sessions), key
    for column, key in ((C_WORKED_HMM, "worked_minutes"), (C_BILLED_HMM, "billed_minutes")):
        assert total[key] == sum(minutes(r[column]) for r in sessions), key
    # Rounded once per row: 1:08 + 0:23 + 1:10 = 2:41 although 2 h 40 min were worked.
    assert total["worked_minutes"] == 161 and total["worked_hours"] == "2.68"


def test_a_proof_whose_summary_line_was_edited_fails(day: tuple[Cli, Day],
                                                    tmp_path: Path) -> None:
    """The proof's "N sessions, total X EUR" line is for the accountant's eye: a total
    edited there failed nothing, the file and its events being intact. Its digest is
    recorded with the export; a re-wrap of its spaces still verifies, and the same export
    made again in English is another proof, recorded anew."""
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    proof = Path(data["proof"])
    original = proof.read_text(encoding="utf-8")
    summary = next(line for line in original.splitlines() if ", total " in line)
    assert "70,94\u00a0€" in summary, summary
    assert cli("verify", "--export", data["path"]).code == 0
    proof.write_text(original.replace(summary, summary.replace("70,94", "7\u202f094,00")),
                     encoding="utf-8")
    edited = cli("verify", "--export", data["path"], check=False)
    assert edited.code == 1 and "ligne de résumé" in edited.out, edited.out
    proof.write_text(original.replace(summary, summary.replace(" ", "  ")), encoding="utf-8")
    assert cli("verify", "--export", data["path"]).code == 0
    proof.write_text(original, encoding="utf-8")
    cli.env["SESSIOND_LANG"] = "en"
    again = export(cli, tmp_path, "--day", DAY.isoformat())
    assert again["event"] != data["event"]
    assert "total 70.94 EUR" in Path(again["proof"]).read_text(encoding="utf-8")
    assert cli("verify", "--export", again["path"]).code == 0


def test_a_proof_holding_a_line_twice_or_two_exports_lines_fails(day: tuple[Cli, Day],
                                                                 tmp_path: Path) -> None:
    """A proof describes one export with one line of each kind. Its events line pasted
    twice was read once and the export passed; each line repeated now fails naming it,
    and so does a checkpoint or an events line of another export added to it. A proof
    saved again by Windows (CRLF, a byte order mark) still verifies."""
    cli, d = day
    data = export(cli, tmp_path / "a", "--day", DAY.isoformat())
    proof = Path(data["proof"])
    original = proof.read_text(encoding="utf-8")
    lines = original.splitlines()
    for marker in ("SESSIOND-EVENTS", "SESSIOND-CHECKPOINT", "SESSIOND-EXPORT-PROOF"):
        line = next(x for x in lines if x.startswith(marker))
        proof.write_text(original + line + "\n", encoding="utf-8")
        result = cli("verify", "--export", data["path"], check=False)
        assert result.code == 1, (marker, result.out)
        assert f"sa ligne «\u00a0{line[:120]}\u00a0» y figure 2 fois" in result.out, result.out
        assert cli("verify", "--export", data["path"], "--json", check=False).json["log_ok"] is True
    # Another export's checkpoint and events line (a day later, after a correction).
    cli("record", d.helene, "disconnect-confirmed", "--at", "2025-03-10T10:18:00+01:00",
        "--yes")
    other = Path(export(cli, tmp_path / "b", "--day", DAY.isoformat())["proof"])
    theirs = [x for x in other.read_text(encoding="utf-8").splitlines()
              if x.startswith(("SESSIOND-EVENTS", "SESSIOND-CHECKPOINT"))]
    assert len(theirs) == 2 and not set(theirs) & set(lines)
    for line in theirs:
        proof.write_text(original + line + "\n", encoding="utf-8")
        result = cli("verify", "--export", data["path"], check=False)
        assert result.code == 1 and "2 lignes" in result.out and "différentes" in result.out, (
            result.out)
    proof.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    assert cli("verify", "--export", data["path"]).code == 0


def test_the_proof_of_another_day_beside_a_file_is_named_as_such(day: tuple[Cli, Day],
                                                                  tmp_path: Path) -> None:
    """Another day's proof renamed beside a file said the file "was changed after it was
    exported", though it is an export the log recorded, byte for byte: the verdict names
    the export the proof is of, and the export event of the file."""
    cli, _d = day
    monday = export(cli, tmp_path / "a", "--day", DAY.isoformat())
    tuesday = export(cli, tmp_path / "b", "--day", "2025-03-11")
    shutil.copy(tuesday["proof"], monday["proof"])
    result = cli("verify", "--export", monday["path"], check=False)
    assert result.code == 1, result.out
    assert ("la preuve placée à côté est celle de l'export du 11 mars 2025 "
            f"(sessiond-2025-03-11.csv), et {monday['path']} est le fichier d'un autre export "
            f"(événement n°\u00a0{monday['event']})") in result.out, result.out
    assert "modifié après l'export" not in result.out
    Path(monday["path"]).write_bytes(Path(monday["path"]).read_bytes() + b"x")
    edited = cli("verify", "--export", monday["path"], check=False)
    assert edited.code == 1 and "modifié après l'export" in edited.out


def test_an_export_saved_again_by_a_spreadsheet_verifies_and_an_edited_cell_is_named(
        day: tuple[Cli, Day], tmp_path: Path) -> None:
    """An accountant's spreadsheet saves the CSV again: no byte order mark, LF line ends,
    every cell quoted, two columns swapped. Its cells are those exported, and it failed
    as "changed after it was exported" with two digests; it now verifies, noted as saved
    again (`resaved` in --json). A cell edited is named by its session and its column,
    in the CSV and in the JSON (reindented)."""
    cli, d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    path = Path(data["path"])
    rows = read_csv(path)
    swapped = [[r[1], r[0], *r[2:]] for r in rows]
    out = io.StringIO()
    csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        swapped)
    path.write_text(out.getvalue(), encoding="utf-8")
    checked = cli.json("verify", "--export", str(path))
    assert checked["ok"] and checked["documents"][0]["resaved"] is True
    assert "enregistré à nouveau par un autre outil" in cli("verify", "--export",
                                                            str(path)).out
    swapped[1][C_AMOUNT] = "55,94"
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(swapped)
    path.write_text(out.getvalue(), encoding="utf-8")
    edited = cli("verify", "--export", str(path), check=False)
    assert edited.code == 1, edited.out
    assert (f"a été modifié après l'export\u202f: {d.helene}, Montant (€)\u202f: exporté "
            "«\u00a045,94\u00a0», le fichier indique maintenant «\u00a055,94\u00a0»"
            ) in edited.out, edited.out
    made = export(cli, tmp_path, "--day", DAY.isoformat(), "--format", "json")
    doc = json.loads(Path(made["path"]).read_text(encoding="utf-8"))
    Path(made["path"]).write_text(json.dumps(doc, indent=4), encoding="utf-8")
    assert cli.json("verify", "--export", made["path"])["documents"][0]["resaved"] is True
    doc["sessions"][0]["amount"] = "55.94"
    Path(made["path"]).write_text(json.dumps(doc), encoding="utf-8")
    edited = cli("verify", "--export", made["path"], check=False)
    assert edited.code == 1 and 'sessions[1].amount\u202f: exporté "45.94"' in edited.out, (
        edited.out)


def test_an_export_of_another_technician_does_not_blame_this_log(day: tuple[Cli, Day],
                                                                 tmp_path: Path) -> None:
    """Another technician's export (his key signed its checkpoint) verified against this
    log said "Le journal a ÉCHOUÉ... le journal a été réécrit" (log_ok false): the log
    was blamed for a document it never made. It now fails as a receipt of another
    technician does, naming his key, and the log is intact."""
    cli, _d = day
    other = cli.at(tmp_path / "other")
    write_config(other.home)
    client = other("client", "add", "Client Ailleurs").out.strip()
    timed(other, client, "md-micro-services", "2025-03-10T09:00:00+01:00",
          "2025-03-10T09:40:00+01:00")
    theirs = export(other, tmp_path / "theirs", "--day", DAY.isoformat())
    fingerprint = other.json("verify")["key_fingerprint"]
    result = cli("verify", "--export", theirs["path"], "--json", check=False)
    assert result.code == 1
    checked = result.json
    assert checked["log_ok"] is True and checked["first_bad_event"] is None
    [problem] = checked["problems"]
    assert "fait par un autre technicien" in problem["message"], problem
    assert fingerprint in problem["message"]
    assert "réécrit" not in result.out


def test_the_proof_beside_the_file_is_what_verify_reads(day: tuple[Cli, Day],
                                                        tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat())
    path, proof = Path(data["path"]), Path(data["proof"])
    assert proof == path.with_name(path.name + ".proof")
    assert stat.S_IMODE(proof.stat().st_mode) == 0o600
    text = proof.read_text(encoding="utf-8")
    assert data["checkpoint"] in text.replace("\n", "")
    assert data["checkpoint"].startswith(f"SESSIOND-CHECKPOINT v1;seq={data['event']};")
    assert "SESSIOND-EVENTS v1;scope=started:2025-03-10:2025-03-10:Europe/Paris;" in text
    assert "-----BEGIN PUBLIC KEY-----" in text
    assert b"SESSIOND" not in path.read_bytes()  # the export holds its table only
    verified = cli.json("verify", "--export", data["path"])
    assert verified["ok"] and verified["documents_events_checked"] == 1
    assert verified["external_checkpoints"] == 1
    assert cli("verify", "--export", str(proof)).code == 0  # the proof itself names it
    said = cli("verify", "--export", data["path"]).out  # names what it checked, as for receipts
    assert "1 export\u202f: le fichier est celui que couvre sa preuve" in said, said
    events = [e for e in cli.events() if e["kind"] == "export-made"]
    assert [e["seq"] for e in events] == [data["event"]]
    assert events[0]["body"]["sessions"] >= 3 and events[0]["body"]["format"] == "csv"
    assert events[0]["body"]["file_digest"] in text

    # An amount edited in the export is caught: the file is not the one the log recorded.
    original = path.read_bytes()
    path.write_bytes(original.replace(b"45,94", b"55,94"))
    result = cli("verify", "--export", str(path), check=False)
    assert result.code == 1 and "a été modifié après l'export" in result.out
    assert str(path) in result.out
    path.write_bytes(original)
    # Without its proof, verify says what is missing (bad input, exit 2).
    proof.rename(tmp_path / "elsewhere.proof")
    missing = cli("verify", "--export", str(path), check=False)
    assert missing.code == 2 and path.name + ".proof" in missing.err


def test_out_names_the_file_or_its_directory(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, _d = day
    named = Path(export(cli, tmp_path / "mars" / "lundi.csv", "--day", DAY.isoformat())["path"])
    assert named == tmp_path / "mars" / "lundi.csv" and named.is_file()
    assert named.with_name("lundi.csv.proof").is_file()
    assert cli.json("verify", "--export", str(named))["ok"]
    # A new name without a suffix is a directory to create, as an existing one is.
    into = Path(export(cli, tmp_path / "exports", "--day", DAY.isoformat())["path"])
    assert into == tmp_path / "exports" / "sessiond-2025-03-10.csv"
    again = Path(export(cli, tmp_path / "exports", "--day", DAY.isoformat())["path"])
    assert again == into


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
    old = tmp_path / "old"
    old.mkdir()
    for name in (path.name, path.name + ".proof"):
        shutil.copy(tmp_path / name, old / name)
    cli("record", d.helene, "disconnect-confirmed", "--at", "2025-03-10T10:18:00+01:00",
        "--yes")
    fourth = export(cli, tmp_path, "--day", DAY.isoformat())
    assert not fourth["reused"] and fourth["event"] > first["event"]
    assert sum(e["kind"] == "export-made" for e in cli.events()) == 2
    # The earlier file still proves what it covered, as the log stood then.
    assert cli("verify", "--export", str(old / path.name)).code == 0


def test_json_has_the_same_fields(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat(), "--format", "json")
    doc = json.loads(Path(data["path"]).read_text(encoding="utf-8"))
    assert doc["format"] == "sessiond-export" and doc["timezone"] == "Europe/Paris"
    assert [s["session"] for s in doc["sessions"]] == [d.helene, d.societe, d.francois]
    helene = doc["sessions"][0]
    assert helene["client"] == d.clients["helene"] and helene["policy"] == "vlh"
    assert helene["client_name"] == "Hélène Müller-Çelik"
    assert helene["worked_seconds"] == 4050 and helene["billed_seconds"] == 4500
    assert helene["amount"] == "45.94" and helene["bill"]["total"] == "45.94"
    assert helene["status"] == "finished" and helene["date"] == "2025-03-10"
    assert (helene["receipts"], helene["payments"], helene["paid"]) == ([], [], "0.00")
    assert "première heure indivisible" in helene["explanation"]
    assert (helene["start"], helene["end"]) == ("2025-03-10T09:00:00+01:00",
                                                "2025-03-10T10:17:30+01:00")
    assert doc["total"]["amount"] == str(sum(Decimal(s["amount"]) for s in doc["sessions"]))
    assert "checkpoint" not in doc  # in the proof beside the file
    assert Path(data["proof"]).is_file()
    assert cli("verify", "--export", data["path"]).code == 0


def test_json_amounts_are_written_to_the_cent_as_in_the_csv(day: tuple[Cli, Day],
                                                            tmp_path: Path) -> None:
    """The same amounts everywhere: what the CSV writes 0.00 (nothing paid, no reduction)
    the JSON wrote "0", a sum started from nothing; every amount of a session and of the
    total is now to the cent, as the bill's own amounts are."""
    cli, _d = day
    data = export(cli, tmp_path, "--day", DAY.isoformat(), "--format", "json")
    doc = json.loads(Path(data["path"]).read_text(encoding="utf-8"))
    amounts = [(s["session"], key, s[key]) for s in doc["sessions"]
               for key in ("discounts", "amount", "paid")]
    amounts += [("total", key, doc["total"][key]) for key in ("discounts", "amount", "paid")]
    assert any(value == "0.00" for _s, _k, value in amounts)
    odd = [a for a in amounts if Decimal(a[2]).as_tuple().exponent != -2]
    assert odd == [], odd
    assert doc["total"]["paid"] == str(sum(Decimal(s["paid"]) for s in doc["sessions"]))


def test_a_session_across_midnight_is_in_one_day_only(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    client = cli("client", "add", "Noctambule").out.strip()
    late = timed(cli, client, "md-micro-services", "2025-03-11T23:30:00+01:00",
                 "2025-03-12T00:30:00+01:00")
    day11 = export(cli, tmp_path / "11", "--day", "2025-03-11")
    day12 = export(cli, tmp_path / "12", "--day", "2025-03-12")
    both = export(cli, tmp_path / "both", "--from", "2025-03-11", "--to", "2025-03-12")
    assert (day11["sessions"], day12["sessions"], both["sessions"]) == (1, 0, 1)
    assert (day11["total"], day12["total"]) == ("50.00", "0")
    rows = read_csv(Path(day11["path"]))
    assert rows[1][C_SESSION] == late
    assert (rows[1][C_START], rows[1][C_END]) == ("11/03/2025 23:30", "12/03/2025 00:30")
    assert len(read_csv(Path(day12["path"]))) == 1  # the header only
    # The next day's export is proven too, and still says no session.
    assert cli("verify", "--export", day12["path"]).code == 0
    # A start corrected past midnight moves the session to the corrected day.
    start = next(e for e in cli.events() if e["kind"] == "session-started")
    cli("amend", late, str(start["seq"]), "--at", "2025-03-12T00:05:00+01:00", "--yes",
        "--reason", "démarré après minuit en réalité")
    moved11 = export(cli, tmp_path / "11", "--day", "2025-03-11")
    moved12 = export(cli, tmp_path / "12", "--day", "2025-03-12")
    assert (moved11["sessions"], moved12["sessions"]) == (0, 1)
    assert not moved11["reused"] and moved12["total"] == "25.00"  # 25 min: 2 tranches
    assert cli("verify", "--export", moved12["path"]).code == 0


def test_a_session_without_finding_is_not_called_compliant_where_its_terms_are_silent(
        cli: Cli, tmp_path: Path) -> None:
    """FGDMI's terms say nothing of a backup, a quote or sensitive documents: check says
    'aucun constat sur les points que couvrent ces conditions' and names them, where the
    export's compliance column said 'conforme' for the same session."""
    write_config(cli.home)
    client = cli("client", "add", "Sans Constat").out.strip()
    sid = timed(cli, client, "fgdmi", "2025-03-11T10:00:00+01:00",
                "2025-03-11T10:30:00+01:00",
                extra=("--mode", "onsite", "--ordered-at", "2025-02-01T10:00:00+01:00"))
    cli("receipt", sid, "--out", str(tmp_path / "receipts") + "/")
    report = cli.json("check", sid)
    assert report["findings"] == [] and "backup-status-recorded" in report["not_covered"]
    [row] = read_csv(Path(export(cli, tmp_path, "--day", "2025-03-11")["path"]))[1:]
    assert row[C_COMPLIANCE] == "aucun constat sur les points que couvrent ces conditions"
    doc = json.loads(Path(export(cli, tmp_path, "--day", "2025-03-11", "--format",
                                 "json")["path"]).read_text(encoding="utf-8"))
    [session] = doc["sessions"]
    assert session["compliance"]["status"] == "ok"
    assert session["compliance"]["not_covered"] == report["not_covered"]


def test_an_export_of_a_session_corrected_since_fails_until_made_again(
        cli: Cli, tmp_path: Path) -> None:
    """A day exported, then its stop corrected (pressed 50 minutes late): verify --export
    of the first file said only "le fichier est celui que couvre sa preuve", though its
    row bills 1 h 30 where the log now bills 45 min; a receipt issued before a correction
    fails. The file made before fails naming the correction, the day exported again
    verifies, and a note redacted (in no export) changes nothing."""
    write_config(cli.home)
    client = cli("client", "add", "Hélène Faure").out.strip()
    sid = timed(cli, client, "md-micro-services", "2025-03-10T09:00:00+01:00",
                "2025-03-10T10:20:00+01:00")
    cli("note", sid, "écran remplacé")
    first = export(cli, tmp_path / "first.csv", "--day", "2025-03-10")
    note = next(e["seq"] for e in cli.events() if e["kind"] == "note-added")
    cli("redact", sid, str(note), "--reason", "détail personnel")
    assert cli("verify", "--export", first["path"]).code == 0
    stop = next(e["seq"] for e in cli.events() if e["kind"] == "session-stopped")
    amended = cli.json("amend", sid, str(stop), "--at", "2025-03-10T09:40:00+01:00", "--yes",
                       "--reason", "arrêt noté trop tard")["events"][0]["seq"]
    old = cli("verify", "--export", first["path"], check=False)
    assert old.code == 1 and f"corrigée après l'export (#{amended})" in old.out, old.out
    checked = cli("verify", "--export", first["path"], "--json", check=False).json
    assert checked["log_ok"] is True and checked["first_bad_event"] is None
    again = export(cli, tmp_path / "again.csv", "--day", "2025-03-10")
    assert again["total"] != first["total"]
    assert cli("verify", "--export", again["path"]).code == 0


def test_an_export_repriced_by_a_correction_of_the_clients_history_fails_naming_it(
        day: tuple[Cli, Day], tmp_path: Path) -> None:
    """A duplicate client merged, a package withdrawn: no event of the exported sessions
    changed, so the export passed, though the log now bills them otherwise (the kept
    client's first intervention loses its discount, the duplicate's session counts for
    the kept client, the package's hours are due). Each session is named with what
    changed, in the CSV and the JSON; the period exported again verifies."""
    cli, d = day
    dup = cli("client", "add", "Hélène Muller").out.strip()
    early = timed(cli, dup, "vlh", "2025-03-05T09:00:00+01:00", "2025-03-05T10:00:00+01:00",
                  extra=("--rate", "52.50"))
    day10 = export(cli, tmp_path / "a", "--day", DAY.isoformat())
    as_json = export(cli, tmp_path / "a", "--day", DAY.isoformat(), "--format", "json")
    day05 = export(cli, tmp_path / "a", "--day", "2025-03-05")
    for made in (day10, as_json, day05):
        assert cli("verify", "--export", made["path"]).code == 0
    cli("client", "merge", dup, "--into", d.clients["helene"], "--reason", "en double")
    for made in (day10, as_json):
        result = cli("verify", "--export", made["path"], check=False)
        assert result.code == 1, result.out
        assert (f"l'intervention {d.helene} n'est plus facturée comme l'export l'indique "
                "(elle était facturée 45,94 € dans l'export et l'est 65,63 € à "
                "présent)") in result.out, result.out
        assert d.societe not in result.out and d.francois not in result.out
    moved = cli("verify", "--export", day05["path"], check=False)
    assert moved.code == 1 and (
        f"l'intervention {early} n'est plus facturée comme l'export l'indique (son client "
        f"était {dup} dans l'export et est {d.clients['helene']} à présent)") in moved.out, (
        moved.out)
    checked = cli("verify", "--export", day05["path"], "--json", check=False).json
    assert checked["log_ok"] is True and checked["first_bad_event"] is None
    again = export(cli, tmp_path / "b", "--day", DAY.isoformat())
    assert cli("verify", "--export", again["path"]).code == 0
    credit = next(e["seq"] for e in cli.events() if e["kind"] == "credit-added")
    cli("credit", "withdraw", d.clients["francois"], str(credit), "--reason",
        "saisi par erreur")
    withdrawn = cli("verify", "--export", again["path"], check=False)
    assert withdrawn.code == 1 and (
        f"l'intervention {d.francois} n'est plus facturée comme l'export l'indique (elle "
        "était facturée 0,00 € dans l'export") in withdrawn.out, withdrawn.out
    assert d.helene not in withdrawn.out


def test_an_export_of_a_warranty_re_intervention_repriced_since_fails(
        day: tuple[Cli, Day], tmp_path: Path) -> None:
    """A free re-intervention under Micro-Alpes' warranty (art. 10), exported at 0; the
    session it is the warranty of then moved to another client: the re-intervention is
    due (50 EUR) while none of its own events changed, and its export passed."""
    cli, d = day
    again = timed(cli, d.clients["societe"], "micro-alpes", "2025-03-19T09:00:00+01:00",
                  "2025-03-19T10:00:00+01:00",
                  extra=("--warranty-of", d.societe, "--ordered-at",
                         "2025-03-18T09:00:00+01:00"))
    made = export(cli, tmp_path, "--day", "2025-03-19")
    assert made["total"] == "0.00" and cli("verify", "--export", made["path"]).code == 0
    other = cli("client", "add", "Autre SARL", "--business").out.strip()
    cli("session", "move", d.societe, "--client", other, "--reason", "mauvais client")
    result = cli("verify", "--export", made["path"], check=False)
    assert result.code == 1 and (
        f"l'intervention {again} n'est plus facturée comme l'export l'indique (elle était "
        "facturée 0,00 € dans l'export et l'est 50,00 € à présent)") in result.out, result.out


def test_cancelled_and_never_started_sessions_are_left_out(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    client = cli("client", "add", "Paul Bernard").out.strip()
    worked = timed(cli, client, "md-micro-services", "2025-03-10T09:00:00+01:00",
                   "2025-03-10T09:40:00+01:00")
    cli("session", "new", client, "--policy", "md-micro-services")  # never started
    mistake = cli("session", "new", client, "--policy", "md-micro-services").out.strip()
    cli("cancel", mistake, "--reason", "prévue en double")
    absent = cli("session", "new", client, "--policy", "md-micro-services").out.strip()
    cli("record", absent, "fee-announced", "--kind", "no-show", "--at",
        "2025-03-09T10:00:00+01:00", "--yes")  # MD art. 9: announced before, then due
    cli("record", absent, "fee", "--kind", "no-show", "--amount", "30", "--at",
        "2025-03-10T14:00:00+01:00", "--yes")
    data = export(cli, tmp_path, "--day", "2025-03-10", "--format", "json")
    doc = json.loads(Path(data["path"]).read_text(encoding="utf-8"))
    assert [s["session"] for s in doc["sessions"]] == [worked, absent]
    assert [s["status"] for s in doc["sessions"]] == ["finished", "fee-only"]
    assert doc["total"]["amount"] == "67.50"  # 45 min at 50 €/h, and the no-show's 30


def test_range_and_bad_input(day: tuple[Cli, Day], tmp_path: Path) -> None:
    cli, _d = day
    data = export(cli, tmp_path, "--from", "09/03/2025", "--to", "2025-03-11")
    assert Path(data["path"]).name == "sessiond-2025-03-09_2025-03-11.csv"
    assert data["sessions"] == 3
    empty = export(cli, tmp_path, "--day", "2025-03-09")
    assert empty["sessions"] == 0 and empty["total"] == "0"
    for args, words in ((["--day", "31/02/2025"], "Jour illisible"),
                        (["--to", "2025-03-11"], "--to va avec --from"),
                        (["--from", "2025-03-11", "--to", "2025-03-10"], "avant de commencer"),
                        (["--book", "--format", "json"], "--book")):
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
    assert helene[C_NAME][2] == "Hélène Müller-Çelik"
    assert helene[C_DAY][0] == "date" and helene[C_DAY][1].startswith("2025-03-10")
    assert helene[C_START][0] == "date" and helene[C_START][1].startswith("2025-03-10T09:00")
    assert helene[C_WORKED_H][:2] == ("float", "1.13")
    assert helene[C_AMOUNT][:2] == ("float", "45.94")


def test_english_csv_uses_commas_and_decimal_points(day: tuple[Cli, Day],
                                                    tmp_path: Path) -> None:
    cli, _d = day
    config = cli.home / "config.toml"
    config.write_text('language = "en"\n' + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    path = Path(export(cli, tmp_path, "--day", DAY.isoformat())["path"])
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == ENGLISH
    assert rows[1][C_DAY] == "2025-03-10" and rows[1][C_NAME] == "Hélène Müller-Çelik"
    assert rows[1][C_START] == "2025-03-10 09:00"
    assert (rows[1][C_WORKED_H], rows[1][C_AMOUNT]) == ("1.13", "45.94")
    assert len(rows) == 4
