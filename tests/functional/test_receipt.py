"""`sessiond receipt`: the client's PDF and text receipt (facts only, numbered once per
version of the session, carrying its signed data), `verify --receipt` catching an edited
document or a log truncated behind the tool's back, the check a client runs with
pdfdetach and openssl, and the technician's own compliance report."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import at, session, timed, write_config

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdftotext", "pdfdetach", "qpdf")),
    reason="poppler-utils and qpdf are not installed (scripts/test installs them)")


def pdf_text(path: Path, *pages: int) -> str:
    extra = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(["pdftotext", "-layout", *extra, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]


def squeezed(text: str) -> str:
    """Text without whitespace: pdftotext may drop or add spaces between close glyphs."""
    return "".join(text.split())


def dark_pixels(path: Path, tmp: Path) -> int:
    """Render the pages in grey (PGM) and count the pixels where ink is."""
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(path), str(tmp / "grey")],
                   check=True)
    total = 0
    for page in sorted(tmp.glob("grey*.pgm")):
        magic, width, height, _maxval, pixels = page.read_bytes().split(maxsplit=4)
        assert magic == b"P5"
        total += sum(1 for value in pixels[: int(width) * int(height)] if value < 128)
    return total


@pytest.fixture
def stopped(cli: Cli) -> tuple[Cli, str]:
    write_config(cli.home)
    client = cli("client", "add", "Hélène Müller-Çelik").out.strip()
    sid = session(cli, client, "md-micro-services", "09:00:00", "09:52:10",
                  pauses=(("09:20:00", "09:25:00"),),
                  problems=("Imprimante bloquée", "Lenteur au démarrage"))
    cli("record", sid, "outcome", "--problem", "1", "solved", "--at", at("09:50:00"), "--yes")
    cli("record", sid, "outcome", "--problem", "2", "diagnosed", "--at", at("09:51:00"),
        "--yes")
    return cli, sid


def issue(cli: Cli, sid: str, out: Path) -> dict[str, str]:
    data: dict[str, str] = cli.json("receipt", sid, "--out", str(out))
    return data


def receipts(cli: Cli) -> list[dict[str, object]]:
    return [e for e in cli.events() if e["kind"] == "receipt-issued"]


def test_the_receipt_command_says_where_in_french_typography(stopped: tuple[Cli, str],
                                                             tmp_path: Path) -> None:
    cli, sid = stopped
    out = cli("receipt", sid, "--out", str(tmp_path / "recu.pdf")).out
    assert f"PDF\u202f: {tmp_path / 'recu.pdf'}" in out
    assert f"version texte\u202f: {tmp_path / 'recu.txt'}" in out


def test_a_payment_beyond_the_amount_due_is_on_the_receipt(stopped: tuple[Cli, str],
                                                           tmp_path: Path) -> None:
    """"Reste à payer : 0,00 €" alone would hide what the technician owes back."""
    cli, sid = stopped
    total = cli.json("bill", sid)["total"]
    cli("record", sid, "payment", "--amount", "100", "--method", "cash")
    data = issue(cli, sid, tmp_path / "recu.pdf")
    text = Path(data["text"]).read_text(encoding="utf-8")
    beyond = f"{100 - float(total):.2f}".replace(".", ",")
    assert re.search(rf"Trop-perçu \(dû au client\)\s+{beyond}\s€", text, re.IGNORECASE), text
    assert cli("verify", "--receipt", str(tmp_path / "recu.pdf")).code == 0
    assert cli("verify", "--receipt", data["text"]).code == 0


def test_pdf_and_text_receipt_in_french(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "recu.pdf")
    pdf, txt = Path(data["pdf"]), Path(data["text"])
    assert (pdf.name, txt.name) == ("recu.pdf", "recu.txt")
    for path in (pdf, txt):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pdf.read_bytes().startswith(b"%PDF-")
    flat = squeezed(pdf_text(pdf))
    for expected in (
        "Relevé d'intervention", f"Document justificatif n° {data['number']}",
        "Jean Dupré EI", "Dépann'Info Lorraine",
        "SIREN 732 829 320 — SIRET 732 829 320 00074", "3 rue de l'Église, 54230 Chaligny",
        "Hélène Müller-Çelik", "particulier (consommateur)",
        "10/03/2025", "assistance à distance (TeamViewer)",
        "Imprimante bloquée —", "Lenteur au démarrage —",
        "code à usage unique de l'outil de prise en main communiqué par le client, le "
        "10/03/2025 09:00, par le client",
        "10/03/2025 09:00", "10/03/2025 09:20 à 09:25 (5 min)",
        "10/03/2025 09:52, par le technicien",
        "47 min 10 s", "47 min 10 s travaillées : 4 tranches de 15 min = 1 h facturée.",
        "Net à payer 50,00 €", "TVA non applicable, art. 293 B du CGI",
        "Aucune capture d'écran, aucun fichier conservé (art. 15).",
        "Empreinte de la clé", "SESSIOND-CHECKPOINT v1;seq=",
    ):
        assert squeezed(expected) in flat, expected
    # A micro-entrepreneur's total reads "Net à payer", not "Total HT = TTC".
    assert squeezed("Total HT = TTC") not in flat
    assert re.fullmatch(r"\d{4}-0001", data["number"])
    # The text version says the same.
    plain = " ".join(txt.read_text(encoding="utf-8").split())
    for expected in ("RELEVÉ D'INTERVENTION", "Jean Dupré EI",
                     "Hélène Müller-Çelik", "NET À PAYER 50,00 €",
                     "TVA non applicable, art. 293 B du CGI",
                     "Aucune capture d'écran, aucun fichier conservé (art. 15)."):
        assert expected in plain, expected


def test_errors_are_for_the_technician_not_on_the_receipt(stopped: tuple[Cli, str],
                                                          tmp_path: Path) -> None:
    """The session has compliance errors (no withdrawal waiver, a screenshot without the
    client's request): the receipt states facts only, the technician is warned, and his
    report holds the findings."""
    cli, sid = stopped
    cli("record", sid, "artifact", "--kind", "screenshot", "--at", at("09:41:00"), "--yes")
    check = json.loads(cli("check", sid, "--json", check=False).out)
    assert check["errors"] >= 2
    result = cli("receipt", sid, "--out", str(tmp_path / "r.pdf"), check=False)
    assert result.code == 0
    assert "conformité" in result.err and f"sessiond check {sid} --pdf" in result.err
    data = json.loads(result.out) if result.out.startswith("{") else None
    assert data is None  # not --json: the text summary
    pdf, txt = tmp_path / "r.pdf", tmp_path / "r.txt"
    for text in (squeezed(pdf_text(pdf)), squeezed(txt.read_text(encoding="utf-8"))):
        for never in ("ERREUR", "Conformité aux conditions", "sa demande expresse",
                      "enregistrez", "sessiond record", "avertissement"):
            assert squeezed(never) not in text, never
        # ...but the facts are there: the screenshot and that no request was documented.
        assert squeezed("SANS demande documentée du client") in text.replace("sans", "SANS")
    report = cli("check", sid, "--pdf", str(tmp_path / "rapport.pdf"), check=False)
    assert report.code == 1  # errors: as `check` alone
    written = squeezed(pdf_text(tmp_path / "rapport.pdf"))
    for expected in ("Rapport de conformité", "Constats", "(art. 10)", "(art. 15)",
                     "sessiond record " + sid + " withdrawal-waiver"):
        assert squeezed(expected) in written, expected
    assert stat.S_IMODE((tmp_path / "rapport.pdf").stat().st_mode) == 0o600


def test_issuing_again_gives_the_same_number_and_content(stopped: tuple[Cli, str],
                                                         tmp_path: Path) -> None:
    cli, sid = stopped
    first = issue(cli, sid, tmp_path / "a.pdf")
    events = receipts(cli)
    assert len(events) == 1 and events[0]["body"]["number"] == first["number"]  # type: ignore[index]
    again = issue(cli, sid, tmp_path / "b.pdf")
    assert again["number"] == first["number"] and again["reused"] is True
    assert again["event"] == first["event"] and again["checkpoint"] == first["checkpoint"]
    assert len(receipts(cli)) == 1  # nothing appended
    assert (tmp_path / "a.txt").read_bytes() == (tmp_path / "b.txt").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_corrected_session_gets_the_next_number_and_replaces(stopped: tuple[Cli, str],
                                                               tmp_path: Path) -> None:
    cli, sid = stopped
    first = issue(cli, sid, tmp_path / "first.pdf")
    stop = next(e for e in cli.events() if e["kind"] == "session-stopped")
    cli("amend", sid, str(stop["seq"]), "--at", at("09:58:00"), "--yes", "--reason",
        "arrêt noté trop tôt")
    second = issue(cli, sid, tmp_path / "second.pdf")
    year, n = first["number"].split("-")
    assert second["number"] == f"{year}-{int(n) + 1:04d}"
    assert second["replaces"] == first["number"] and second["reused"] is False
    assert receipts(cli)[-1]["body"]["replaces"] == first["number"]  # type: ignore[index]
    text = squeezed(pdf_text(tmp_path / "second.pdf"))
    assert squeezed(f"Ce relevé remplace le relevé n° {first['number']}") in text
    assert squeezed("10/03/2025 09:58, par le technicien") in text
    # The replaced receipt no longer verifies, and says which one replaces it.
    for path in (tmp_path / "first.pdf", tmp_path / "first.txt"):
        old = cli("verify", "--receipt", str(path), check=False)
        assert old.code == 1, old.out
        assert squeezed(f"remplacé par le relevé n° {second['number']}") in squeezed(old.out)
    assert cli("verify", "--receipt", str(tmp_path / "second.pdf")).code == 0
    # Numbers stay continuous across sessions.
    other = session(cli, cli("client", "add", "Paul Bernard").out.strip(),
                    "md-micro-services", "11:00:00", "11:20:00")
    third = issue(cli, other, tmp_path / "third.pdf")
    assert third["number"] == f"{year}-{int(n) + 2:04d}"


def test_a_receipt_of_a_session_moved_to_another_client_is_not_handed_over_again(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """The session was started for the wrong client and moved after its receipt: verify of
    the first client's receipt said "remplacé par le relevé n° N : remettez le nouveau",
    and the new one bears the other client's name, for work not done for the first. It
    now says the receipt no longer stands and the new one is the other client's; a
    receipt replaced for the same client (a moved stop) keeps its words."""
    cli, sid = stopped
    first = issue(cli, sid, tmp_path / "first.pdf")
    paul = cli("client", "add", "Paul Bernard").out.strip()
    cli("session", "move", sid, "--client", paul, "--reason", "mauvais client")
    second = issue(cli, sid, tmp_path / "second.pdf")
    assert second["replaces"] == first["number"]
    for path in (tmp_path / "first.pdf", tmp_path / "first.txt"):
        old = cli("verify", "--receipt", str(path), check=False)
        assert old.code == 1, old.out
        said = squeezed(old.out)
        assert squeezed(f"le relevé n° {first['number']} ne vaut plus") in said, old.out
        assert squeezed(f"le relevé n° {second['number']}") in said, old.out
        assert squeezed("ne le remettez pas") in said and "remettez le nouveau" not in said
    assert cli("verify", "--receipt", str(tmp_path / "second.pdf")).code == 0
    # Moved back to the first client: his receipt is replaced by one of his own again.
    cli("session", "move", sid, "--client", first_client(cli, first), "--reason", "retour")
    third = issue(cli, sid, tmp_path / "third.pdf")
    old = cli("verify", "--receipt", str(tmp_path / "first.pdf"), check=False)
    assert old.code == 1
    assert squeezed(f"remplacé par le relevé n° {third['number']}") in squeezed(old.out)


def first_client(cli: Cli, receipt: dict[str, str]) -> str:
    """The client receipt `receipt` was issued to, as the log records it."""
    return str(next(e["client"] for e in receipts(cli)
                    if e["body"]["number"] == receipt["number"]))  # type: ignore[index]


def test_an_untouched_text_copy_is_not_resaved_in_the_verifiers_other_language(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """A French text copy verified by a sessiond speaking English (and the other way)
    was said "saved again by another tool": its labels were laid out again in the
    verifier's language (" :" in French, ":" in English), not the receipt's."""
    cli, sid = stopped
    french = issue(cli, sid, tmp_path / "fr.pdf")
    for speaks in ("en", "fr"):
        cli.env["SESSIOND_LANG"] = speaks
        checked = cli.json("verify", "--receipt", french["text"])
        assert checked["documents"][0]["resaved"] is False, (speaks, checked)
    cli.env["SESSIOND_LANG"] = "en"
    cli("note", sid, "second copy")  # a new fact: the next receipt is another one
    english = issue(cli, sid, tmp_path / "en.pdf")
    assert Path(english["text"]).read_text(encoding="utf-8").startswith("SERVICE RECORD")
    cli.env["SESSIOND_LANG"] = "fr"
    checked = cli.json("verify", "--receipt", english["text"])
    assert checked["documents"][0]["resaved"] is False, checked


def test_a_note_corrected_after_the_receipt_leaves_it_current(stopped: tuple[Cli, str],
                                                              tmp_path: Path) -> None:
    """No receipt prints a note: one replaced or redacted after the receipt made `check`
    say "il ne décrit plus cette intervention ; émettez-en un nouveau", while `verify
    --receipt` found the client's receipt conform to the log. The problems it prints,
    redacted, still leave it behind."""
    cli, sid = stopped
    cli("note", sid, "écran remplacé chez le client")
    issued = issue(cli, sid, tmp_path / "r.pdf")

    def stale() -> list[dict[str, object]]:
        report = cli("check", sid, "--json", check=False).json
        return [f for f in report["findings"] if f["rule"] == "receipt-current"]

    note = next(e["seq"] for e in cli.events() if e["kind"] == "note-added")
    cli("note", sid, "--replaces", str(note), "écran et clavier remplacés")
    replaced = next(e["seq"] for e in cli.events() if e["kind"] == "note-added"
                    and e["seq"] != note)
    cli("redact", sid, str(replaced), "--reason", "détail personnel")
    assert stale() == []
    assert cli("verify", "--receipt", issued["pdf"]).code == 0
    planned = next(e["seq"] for e in cli.events() if e["kind"] == "session-planned")
    cli("redact", sid, str(planned), "--reason", "problème trop personnel")
    assert stale()
    assert cli("verify", "--receipt", issued["pdf"], check=False).code == 1


def test_a_replaced_receipt_fails_in_json_as_in_text_on_an_intact_log(
        stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """A receipt replaced after a correction fails as a document, on a log that is
    intact: the JSON says so as the text does, with no bad event in the log; the
    problem names the replacement's event and the replacement passes."""
    cli, sid = stopped
    first = issue(cli, sid, tmp_path / "first.pdf")
    stop = next(e for e in cli.events() if e["kind"] == "session-stopped")
    cli("amend", sid, str(stop["seq"]), "--at", at("09:58:00"), "--yes", "--reason",
        "arrêt noté trop tôt")
    second = issue(cli, sid, tmp_path / "second.pdf")
    for path in (tmp_path / "first.pdf", tmp_path / "first.txt"):
        said = cli("verify", "--receipt", str(path), check=False)
        data = cli("verify", "--receipt", str(path), "--json", check=False)
        assert said.code == data.code == 1
        assert "Journal intact" in said.out and "#" not in said.out.splitlines()[0]
        report = data.json
        assert report["ok"] is False and report["log_ok"] is True
        assert report["first_bad_event"] is None, report
        (document,) = report["documents"]
        assert document["number"] == first["number"]
        assert any(squeezed(f"remplacé par le relevé n° {second['number']}")
                   in squeezed(p) for p in document["problems"]), document
        assert [p["event"] for p in report["problems"]] == [second["event"]]
    good = cli("verify", "--receipt", str(tmp_path / "second.pdf"), "--json").json
    assert good["ok"] and good["log_ok"] and good["first_bad_event"] is None


def test_a_replaced_receipt_says_the_day_in_words(stopped: tuple[Cli, str],
                                                  tmp_path: Path) -> None:
    """The verdict on a replaced receipt is read by the client: the day of the new one in
    words, as the receipt writes dates, not 2026-12-02."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sessiond.i18n.dates import long_date

    cli, sid = stopped
    issue(cli, sid, tmp_path / "first.pdf")
    stop = next(e for e in cli.events() if e["kind"] == "session-stopped")
    cli("amend", sid, str(stop["seq"]), "--at", at("09:58:00"), "--yes", "--reason",
        "arrêt noté trop tôt")
    second = issue(cli, sid, tmp_path / "second.pdf")
    said = cli("verify", "--receipt", str(tmp_path / "first.txt"), check=False).out
    issued = datetime.fromisoformat(receipts(cli)[-1]["at"])  # type: ignore[arg-type]
    day = issued.astimezone(ZoneInfo("Europe/Paris")).date()  # the technician's zone
    assert squeezed(f"relevé n° {second['number']} le {long_date(day, 'fr')}") in squeezed(
        said), said
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", said), said


def test_no_number_without_a_complete_identity(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    config = cli.home / "config.toml"
    client = cli("client", "add", "Paul Bernard").out.strip()
    sid = session(cli, client, "md-micro-services", "09:00:00", "09:30:00")
    config.write_text('[technician]\nname = "Jean Dupré"\nsiret = "12345678900012"\n',
                      encoding="utf-8")
    result = cli("receipt", sid, "--out", str(tmp_path / "r.pdf"), check=False)
    assert result.code == 2
    assert "siret" in result.err and "'12345678900012' n'est pas valide" in result.err
    assert "address" in result.err and "name" not in result.err.split("renseignez")[1][:8]
    assert not receipts(cli) and not (tmp_path / "r.pdf").exists()
    config.write_text("", encoding="utf-8")
    empty = cli("receipt", sid, "--out", str(tmp_path / "r.pdf"), check=False)
    assert empty.code == 2 and all(f in empty.err for f in ("name", "siret", "address"))
    write_config(cli.home)  # a valid SIRET (La Poste's head office, 356 000 000 00048, too)
    assert cli("receipt", sid, "--out", str(tmp_path / "r.pdf")).code == 0


def test_pdf_renders_to_png_with_ink(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for p in pages)
    assert dark_pixels(pdf, tmp_path) > 2000  # text was drawn, not an empty page


def test_layout_keeps_tokens_and_sentences_whole(stopped: tuple[Cli, str],
                                                 tmp_path: Path) -> None:
    cli, sid = stopped
    for n in range(1, 6):  # enough facts for a second page
        cli("record", sid, "artifact", "--kind", "file-copy", "--client-request",
            f"Copie n° {n} du devis demandée par la cliente au téléphone, pour son dossier",
            "--at", at(f"09:3{n}:00"), "--yes")
    data = issue(cli, sid, tmp_path / "r.pdf")
    pdf = Path(data["pdf"])
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    txt = Path(data["text"]).read_text(encoding="utf-8")
    fingerprint = re.search(r"[0-9a-f]{4}(?::[0-9a-f]{4}){15}", txt)
    assert fingerprint is not None and fingerprint[0] in lines  # one line, never wrapped
    pem = re.search(r"-----BEGIN PUBLIC KEY-----\n\s*(\S+)\n\s*-----END PUBLIC KEY-----", txt)
    assert pem is not None
    assert "-----BEGIN PUBLIC KEY-----" in lines and pem[1] in lines
    assert any(line.startswith("sig=") and len(line) == 4 + 128 for line in lines)
    pages = page_count(pdf)
    assert pages >= 2
    texts = [squeezed(pdf_text(pdf, page)) for page in range(1, pages + 1)]
    # Each paragraph, from its first words to its last, is on one page.
    for start, end in (
        ("47 min 10 s travaillées", "= 1 h facturée."),
        ("sessiond n'enregistre ni", "(horaires, consentement, résultat)."),
        ("OpenSSL répond", "qu'il vous communique."),
        ("Les lignes ci-dessous prouvent", "les vérifie)."),
    ):
        assert sum(squeezed(start) in t and squeezed(end) in t for t in texts) == 1, start
    # Two pages with their footers, read back through text extraction: still verified.
    assert cli("verify", "--receipt", str(pdf)).code == 0


def test_client_checks_the_receipt_with_pdfdetach_and_openssl(stopped: tuple[Cli, str],
                                                             tmp_path: Path) -> None:
    """The two command lines printed on the receipt, run exactly as printed."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cli, sid = stopped
    folder = tmp_path / "recus"
    data = cli.json("receipt", sid, "--out", str(folder) + "/")
    pdf = Path(data["pdf"])
    printed = [line.strip() for line in pdf_text(pdf).splitlines()
               if line.strip().startswith(("pdfdetach ", "openssl "))]
    assert len(printed) == 2, printed
    assert printed[0] == f"pdfdetach -saveall {pdf.name}"

    def run(where: Path) -> subprocess.CompletedProcess[str]:
        for line in printed:
            done = subprocess.run(shlex.split(line), cwd=where, capture_output=True,
                                  text=True, check=False)
            if done.returncode:
                return done
        return done

    good = run(folder)
    assert good.returncode == 0 and "Signature Verified Successfully" in good.stdout
    # The key the PDF carries is the one printed on it.
    key = next(folder.glob("*.pem")).read_text(encoding="ascii").split()
    assert all(part in pdf_text(pdf).split() for part in key)

    # An edited receipt: its attached data says 25,00 € instead of 50,00 €.
    edited = tmp_path / "edited"
    edited.mkdir()
    raw = pdf.read_bytes()
    assert raw.count(b'"total":"50.00"') == 1
    (edited / pdf.name).write_bytes(raw.replace(b'"total":"50.00"', b'"total":"25.00"'))
    bad = run(edited)
    assert bad.returncode != 0 and "Signature Verified Successfully" not in bad.stdout
    assert "Signature Verification Failure" in bad.stdout + bad.stderr
    # sessiond names what was changed.
    result = cli("verify", "--receipt", str(edited / pdf.name), check=False)
    assert result.code == 1 and "bill.total" in result.out and "'50.00'" in result.out


def test_verify_receipt_checks_signature_data_and_visible_text(stopped: tuple[Cli, str],
                                                               tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "r.pdf")
    for path in (data["pdf"], data["text"]):
        verified = cli.json("verify", "--receipt", path)
        assert verified["ok"] and verified["external_checkpoints"] == 1
        assert verified["documents"][0]["signed_data"] is True
    txt = Path(data["text"])
    original = txt.read_text(encoding="utf-8")
    total = re.search(r"^NET À PAYER +50,00 €$", original, re.MULTILINE)
    assert total is not None
    for before, after, field in ((total[0], total[0].replace("50,00", "25,00"), "bill.total"),
                                 ("10/03/2025 09:52", "10/03/2025 09:42", "times.stop"),
                                 ("Hélène Müller-Çelik", "Hélène Martin", "client.name")):
        assert before in original
        edited = tmp_path / f"edited-{field}.txt"
        edited.write_text(original.replace(before, after, 1), encoding="utf-8")
        result = cli("verify", "--receipt", str(edited), check=False)
        assert result.code == 1, result.out
        assert f"n'indique pas {field} comme ses données signées" in result.out, result.out
    # The signed data edited too, consistently: the signature fails and the log names it.
    import base64

    head, armour = original.split("-----BEGIN SESSIOND SIGNED DATA-----\n")
    b64, rest = armour.split("\n-----END SESSIOND SIGNED DATA-----")
    signed = base64.b64decode("".join(b64.split())).replace(b'"total":"50.00"',
                                                             b'"total":"25.00"')
    lines = base64.b64encode(signed).decode()
    forged = (head.replace(total[0], total[0].replace("50,00", "25,00"))
              + "-----BEGIN SESSIOND SIGNED DATA-----\n"
              + "\n".join(lines[i:i + 64] for i in range(0, len(lines), 64))
              + "\n-----END SESSIOND SIGNED DATA-----" + rest)
    (tmp_path / "forged.txt").write_text(forged, encoding="utf-8")
    result = cli("verify", "--receipt", str(tmp_path / "forged.txt"), check=False)
    assert result.code == 1
    assert "la signature de ses données n'est pas valide" in result.out
    assert "bill.total" in result.out and "'25.00'" in result.out and "'50.00'" in result.out


def test_a_receipt_laid_out_by_another_version_is_checked_on_its_signed_data(
        stopped: tuple[Cli, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an upgrade that rewords the receipt, a receipt handed over before is not
    called edited: its signature and data are checked, and the report says its text was
    not compared (receipt_data.VERSION, pinned by tests/unit/test_receipt_layout.py)."""
    from sessiond.exports import receipt_data

    cli, sid = stopped
    with monkeypatch.context() as older:
        older.setattr(receipt_data, "VERSION", min(receipt_data.LAID_OUT) - 1)
        data = issue(cli, sid, tmp_path / "old.pdf")
    txt = Path(data["text"])
    original = txt.read_text(encoding="utf-8")
    assert "Temps travaillé" in original
    reworded = original.replace("Temps travaillé", "Durée travaillée")
    txt.write_text(reworded, encoding="utf-8")  # as the earlier version might have said it
    verified = cli.json("verify", "--receipt", str(txt))
    assert verified["ok"]
    assert verified["documents"][0]["signed_data"] is True
    assert verified["documents"][0]["text_checked"] is False
    said = cli("verify", "--receipt", str(txt)).out
    assert "mis en page par une autre version de sessiond" in said
    assert "texte visible n'a pas été comparé" in said
    # Its data still cannot be edited: the signature covers it, whatever the version.
    forged = txt.read_bytes().replace(b"-----BEGIN SESSIOND SIGNED DATA-----\n",
                                      b"-----BEGIN SESSIOND SIGNED DATA-----\nAAAA", 1)
    (tmp_path / "forged.txt").write_bytes(forged)
    assert cli("verify", "--receipt", str(tmp_path / "forged.txt"), check=False).code != 0


def test_a_receipt_of_an_earlier_layout_this_one_still_renders_has_its_text_checked(
        stopped: tuple[Cli, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A receipt issued by the sessiond before an upgrade (layout 3, before instants of the
    repeated hour carried offsets) keeps its visible text compared, PDF and text copy."""
    from sessiond.exports import receipt_data

    cli, sid = stopped
    assert 3 in receipt_data.LAID_OUT and receipt_data.VERSION != 3
    with monkeypatch.context() as older:
        older.setattr(receipt_data, "VERSION", 3)
        data = issue(cli, sid, tmp_path / "old.pdf")
    for path in (data["pdf"], data["text"]):
        verified = cli.json("verify", "--receipt", path)
        assert verified["ok"] and verified["documents"][0]["text_checked"] is True
    txt = Path(data["text"])
    txt.write_text(txt.read_text(encoding="utf-8").replace("Temps travaillé", "Durée"),
                   encoding="utf-8")
    assert cli("verify", "--receipt", str(txt), check=False).code == 1


def test_a_session_in_the_hour_the_clocks_go_back_gets_its_offsets_and_verifies(
        cli: Cli, tmp_path: Path) -> None:
    """26 October 2025 in Paris: 02:00-03:00 comes twice. A pause from 02:50 summer time to
    02:05 winter time is 15 minutes; without offsets it read as going back in time."""
    write_config(cli.home)
    client = cli("client", "add", "Hélène Müller").out.strip()
    sid = timed(cli, client, "md-micro-services", "2025-10-26T02:40:00+02:00",
                "2025-10-26T02:30:00+01:00",
                pauses=(("2025-10-26T02:50:00+02:00", "2025-10-26T02:05:00+01:00"),))
    data = issue(cli, sid, tmp_path / "r.pdf")
    text = squeezed(Path(data["text"]).read_text(encoding="utf-8"))
    assert squeezed("26/10/2025 02:50 (UTC+02:00) à 02:05 (UTC+01:00) (15 min)") in text
    assert squeezed("26/10/2025 02:30 (UTC+01:00)") in text
    assert squeezed("Temps travaillé : 35 min") in text
    for path in (data["pdf"], data["text"]):
        verified = cli.json("verify", "--receipt", path)
        assert verified["ok"] and verified["documents"][0]["text_checked"] is True


def test_verifying_a_pdf_receipt_imports_no_renderer(stopped: tuple[Cli, str],
                                                    tmp_path: Path) -> None:
    """verify --receipt reads a PDF, it does not make one: it imported fpdf2 (a quarter
    of a second of its time) only to compute what a page shows of a stored text."""
    cli, sid = stopped
    pdf = issue(cli, sid, tmp_path / "r.pdf")["pdf"]
    code = ("import sys; from sessiond.cli import main; "
            f"code = main(['verify', '--receipt', {pdf!r}]); "
            "print(code, sorted({m.split('.')[0] for m in sys.modules}))")
    done = subprocess.run([sys.executable, "-c", code], env=cli.env, capture_output=True,
                          text=True, check=True)
    status, modules = done.stdout.splitlines()[-1].split(" ", 1)
    assert status == "0", done.stdout
    assert "'pypdf'" in modules and "'fpdf'" not in modules, modules


def test_edited_pdf_fails_and_a_resaved_one_passes(stopped: tuple[Cli, str],
                                                   tmp_path: Path) -> None:
    cli, sid = stopped
    cli.env["SESSIOND_PDF_FONTS"] = "core"  # text as literal strings, editable with qpdf
    data = issue(cli, sid, tmp_path / "r.pdf")
    pdf = Path(data["pdf"])
    # Re-saved by another tool (object streams, cross-reference stream): still verifies.
    resaved = tmp_path / "resaved.pdf"
    subprocess.run(["qpdf", "--object-streams=generate", str(pdf), str(resaved)], check=True)
    assert b"/ObjStm" in resaved.read_bytes()
    assert cli("verify", "--receipt", str(resaved)).code == 0
    # Edited with qpdf's editable form: the total on the page says 25,00 €.
    qdf = tmp_path / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)],
                   check=True)
    for before, after, shown, field in (
            (b"(50,00 \\200) Tj", b"(25,00 \\200) Tj", "Net à payer 25,00 €", "bill.total"),
            # (this string is written in hexadecimal: fpdf2 does so for some bytes)
            (b"<" + "Hélène Müller-Çelik".encode("cp1252").hex().encode() + b">",
             b"<" + "Hélène Martin".encode("cp1252").hex().encode() + b">",
             "Hélène Martin", "client.name")):
        raw = qdf.read_bytes()
        where = raw.rfind(before)
        assert where > 0, before
        broken = tmp_path / "broken.pdf"
        broken.write_bytes(raw[:where] + after + raw[where + len(before):])
        fixed = tmp_path / f"edited-{field}.pdf"
        with fixed.open("wb") as out:
            subprocess.run(["fix-qdf", str(broken)], stdout=out, check=True)
        assert squeezed(shown) in squeezed(pdf_text(fixed))  # the page says it now
        result = cli("verify", "--receipt", str(fixed), check=False)
        assert result.code == 1, result.out
        assert f"n'indique pas {field} comme ses données signées" in result.out, result.out


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
                    reason="fonts-dejavu-core is not installed")
def test_unicode_font_is_embedded(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    embedded = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert embedded and all(" yes yes yes " in line for line in embedded), fonts


def test_core_fonts_fallback_keeps_accents(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    """Without any TrueType font the PDF still carries every French letter and the euro."""
    cli, sid = stopped
    cli.env["SESSIOND_PDF_FONTS"] = "core"
    data = issue(cli, sid, tmp_path / "core.pdf")
    text = squeezed(pdf_text(Path(data["pdf"])))
    for expected in ("Relevé d'intervention", "Hélène Müller-Çelik", "Net à payer 50,00 €",
                     "Aucune capture d'écran"):
        assert squeezed(expected) in text, expected
    assert cli("verify", "--receipt", data["pdf"]).code == 0


def test_issuing_is_an_event_covered_by_a_checkpoint(stopped: tuple[Cli, str],
                                                     tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "r.pdf")
    event = cli.events()[-1]
    assert event["kind"] == "receipt-issued" and event["session"] == sid
    assert event["body"]["checkpoint_seq"] == event["seq"] == data["event"]
    assert event["body"]["number"] == data["number"] and "replaces" not in event["body"]
    assert len(event["body"]["data_digest"]) == 64
    assert data["checkpoint"].startswith(f"SESSIOND-CHECKPOINT v1;seq={event['seq']};")
    assert event["body"]["digest"] in data["events"]
    for path in (data["pdf"], data["text"]):
        verified = cli.json("verify", "--receipt", path)
        assert verified["ok"] and verified["external_checkpoints"] == 1
        assert verified["documents_events_checked"] == 1
    # The PDF's checkpoint is found without a PDF parser: it is in the file's bytes.
    assert data["checkpoint"].encode() in Path(data["pdf"]).read_bytes()


def test_artifacts_replace_the_confidentiality_statement(stopped: tuple[Cli, str],
                                                        tmp_path: Path) -> None:
    cli, sid = stopped
    cli("record", sid, "artifact", "--kind", "file-copy", "--client-request",
        "Copie du devis demandée par la cliente", "--at", at("09:40:00"), "--yes")
    cli("record", sid, "artifact", "--kind", "screenshot", "--at", at("09:41:00"), "--yes")
    flat = squeezed(pdf_text(Path(issue(cli, sid, tmp_path / "a.pdf")["pdf"])))
    assert squeezed("Aucune capture d'écran") not in flat
    for expected in (
        "(art. 15) :",
        "10/03/2025 09:40, à la demande du client : « Copie du devis demandée par la "
        "cliente »",
        "10/03/2025 09:41, SANS demande documentée du client",
    ):
        assert squeezed(expected) in flat, expected
    assert "ERREUR" not in flat  # the finding of MD art. 15 is the technician's report's


def test_running_session_gets_no_receipt(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    client = cli("client", "add", "Paul Bernard").out.strip()
    sid = cli("session", "new", client).out.strip()
    cli("consent", sid, "--channel", "oral", "--by", "Paul")
    cli("start", sid)
    result = cli("receipt", sid, "--out", str(tmp_path / "r.pdf"), check=False)
    assert result.code == 2 and "n'est pas terminée" in result.err
    assert not receipts(cli)
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.txt").exists()
    assert cli("receipt", "s-nothere", check=False).code == 2


def test_english_receipt(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    config = cli.home / "config.toml"
    config.write_text('language = "en"\n' + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    data = issue(cli, sid, tmp_path / "en.pdf")
    flat = squeezed(pdf_text(Path(data["pdf"])))
    for expected in ("Service record", "Jean Dupré EI", "Time worked",
                     "Net amount due €50.00", "TVA non applicable, art. 293 B du CGI",
                     "No screen capture, no file kept (art. 15)."):
        assert squeezed(expected) in flat, expected
    # Verified in the language it was issued in, whatever the verifier speaks.
    config.write_text(config.read_text(encoding="utf-8").replace('language = "en"\n', ""),
                      encoding="utf-8")
    assert cli("verify", "--receipt", data["text"]).code == 0


def snapshot_db(home: Path, to: Path) -> None:
    """Copy the database as it is now (WAL included), behind the tool's back."""
    src = sqlite3.connect(home / "sessiond.sqlite3")
    dst = sqlite3.connect(to)
    src.backup(dst)
    dst.close()
    src.close()


def restore_db(home: Path, copy: Path) -> None:
    for suffix in ("-wal", "-shm"):
        (home / f"sessiond.sqlite3{suffix}").unlink(missing_ok=True)
    os.replace(copy, home / "sessiond.sqlite3")


def test_truncated_log_is_caught_by_the_receipt(stopped: tuple[Cli, str],
                                                tmp_path: Path) -> None:
    cli, first = stopped
    snapshot_db(cli.home, tmp_path / "before.sqlite3")  # the log before the last session
    client = cli("client", "add", "François Lefèvre").out.strip()
    last = session(cli, client, "micro-alpes", "14:00:00", "14:40:00")
    data = issue(cli, last, tmp_path / "last.pdf")
    assert cli("verify", "--receipt", data["pdf"]).code == 0

    restore_db(cli.home, tmp_path / "before.sqlite3")
    # The rolled-back log is internally sound: only a copy held elsewhere can tell.
    assert cli("verify").code == 0
    for path in (data["pdf"], data["text"]):
        result = cli("verify", "--receipt", path, check=False)
        assert result.code == 1, result.out
        assert "tronqué ou restauré à un état antérieur" in result.out
        assert f"{last}" in result.out
    # A receipt issued now on the rolled-back log verifies: the log is consistent up to
    # there.
    earlier = issue(cli, first, tmp_path / "first.pdf")
    assert cli("verify", "--receipt", earlier["pdf"]).code == 0


def test_edited_events_line_is_caught(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "r.pdf")
    txt = Path(data["text"])
    text = txt.read_text(encoding="utf-8")
    digest = data["events"].rsplit("sha256=", 1)[1]
    forged = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    assert digest in text
    txt.write_text(text.replace(digest, forged, 1), encoding="utf-8")
    result = cli("verify", "--receipt", str(txt), check=False)
    assert result.code == 1 and "a été émis avec l'événement" in result.out


def test_real_commands(stopped: tuple[Cli, str], real_cli: Cli, tmp_path: Path) -> None:
    """The installed command: a receipt, its verification, and the technician's report."""
    _cli, sid = stopped
    data = json.loads(real_cli("receipt", sid, "--out", str(tmp_path) + "/", "--json").out)
    assert real_cli("verify", "--receipt", data["pdf"]).code == 0
    report = real_cli("check", sid, "--pdf", str(tmp_path) + "/", check=False)
    assert report.code in (0, 1) and (tmp_path / f"conformite-{sid}.pdf").is_file()


def test_numbers_are_continuous_per_local_year(cli: Cli, tmp_path: Path) -> None:
    """Numbered by the local year of issue (Paris): 23:30 on 31 December is still the
    old year, 00:10 on 1 January starts the new series at 0001."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sessiond.exports import issue_receipt
    from sessiond.sessions import Sessiond

    write_config(cli.home)
    client = cli("client", "add", "Paul Bernard").out.strip()
    sids = [session(cli, client, "md-micro-services", f"1{n}:00:00", f"1{n}:30:00")
            for n in range(3)]
    paris = ZoneInfo("Europe/Paris")
    svc = Sessiond()  # SESSIOND_HOME is the test's home (the `home` fixture)
    assert svc.paths.data == cli.home
    try:
        numbers = [issue_receipt(svc, sid, tmp_path / f"{n}.pdf", now=now).number
                   for n, (sid, now) in enumerate(zip(sids, (
                       datetime(2025, 12, 31, 23, 30, tzinfo=paris),
                       datetime(2025, 12, 31, 23, 50, tzinfo=paris),
                       datetime(2026, 1, 1, 0, 10, tzinfo=paris)), strict=True))]
    finally:
        svc.close()
    assert numbers == ["2025-0001", "2025-0002", "2026-0001"]
