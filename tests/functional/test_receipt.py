"""`sessiond receipt`: the client's PDF and text receipt, its event and checkpoint, and
`verify --receipt` catching a log truncated or rolled back behind the tool's back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import at, session, write_config

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils is not installed (scripts/test installs it)")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def squeezed(text: str) -> str:
    """Text without whitespace: pdftotext may drop or add spaces between close glyphs."""
    return "".join(text.split())


def dark_pixels(path: Path, tmp: Path) -> int:
    """Render page 1 in grey (PGM) and count the pixels where ink is."""
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(path),
                    str(tmp / "grey")], check=True)
    data = next(tmp.glob("grey*.pgm")).read_bytes()
    magic, width, height, _maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return sum(1 for value in pixels[: int(width) * int(height)] if value < 128)


@pytest.fixture
def stopped(cli: Cli) -> tuple[Cli, str]:
    write_config(cli.home)
    client = cli("client", "add", "Hélène Müller-Çelik").out.strip()
    sid = session(cli, client, "md-micro-services", "09:00:00", "09:52:10",
                  pauses=(("09:20:00", "09:25:00"),),
                  problems=("Imprimante bloquée", "Lenteur au démarrage"))
    cli("record", sid, "outcome", "--problem", "1", "solved", "--at", at("09:50:00"))
    cli("record", sid, "outcome", "--problem", "2", "diagnosed", "--at", at("09:51:00"))
    return cli, sid


def issue(cli: Cli, sid: str, out: Path) -> dict[str, str]:
    data: dict[str, str] = cli.json("receipt", sid, "--out", str(out))
    return data


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
        "Jean Dupré, entrepreneur individuel (EI)", "Dépann'Info Lorraine",
        "SIREN 123 456 789 — SIRET 123 456 789 00012", "3 rue de l'Église, 54230 Chaligny",
        "Hélène Müller-Çelik", "particulier (consommateur)",
        "Date 10/03/2025", "assistance à distance (TeamViewer)",
        "Imprimante bloquée — résolu", "Lenteur au démarrage — diagnostiqué",
        "code à usage unique de l'outil de prise en main communiqué par le client, le "
        "10/03/2025 09:00, par le client",
        "Début 10/03/2025 09:00", "Pause 1 10/03/2025 09:20 à 09:25 (5 min)",
        "Fin 10/03/2025 09:52, par le technicien",
        "Temps travaillé 47 min 10 s", "Temps facturé 1 h",
        "47 min 10 s travaillées : 4 tranches de 15 min = 1 h facturée.",
        "Total HT = TTC 50,00 €", "TVA non applicable, art. 293 B du CGI",
        "Aucune capture d'écran, aucun fichier conservé (art. 15).",
        "Conformité aux conditions", "Empreinte de la clé", "SESSIOND-CHECKPOINT v1;seq=",
    ):
        assert squeezed(expected) in flat, expected
    assert data["number"].endswith("-0001")
    # The text version says the same.
    plain = " ".join(txt.read_text(encoding="utf-8").split())
    for expected in ("RELEVÉ D'INTERVENTION", "Jean Dupré, entrepreneur individuel (EI)",
                     "Hélène Müller-Çelik", "TOTAL HT = TTC 50,00 €",
                     "TVA non applicable, art. 293 B du CGI",
                     "Aucune capture d'écran, aucun fichier conservé (art. 15)."):
        assert expected in plain, expected


def test_pdf_renders_to_png_with_ink(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    pdf = Path(issue(cli, sid, tmp_path / "r.pdf")["pdf"])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for p in pages)
    assert dark_pixels(pdf, tmp_path) > 2000  # text was drawn, not an empty page


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
    text = squeezed(pdf_text(Path(issue(cli, sid, tmp_path / "core.pdf")["pdf"])))
    for expected in ("Relevé d'intervention", "Hélène Müller-Çelik", "Total HT = TTC 50,00 €",
                     "Aucune capture d'écran"):
        assert squeezed(expected) in text, expected


def test_issuing_is_an_event_covered_by_a_checkpoint(stopped: tuple[Cli, str],
                                                     tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "r.pdf")
    event = cli.events()[-1]
    assert event["kind"] == "receipt-issued" and event["session"] == sid
    assert event["body"]["checkpoint_seq"] == event["seq"] == data["event"]
    assert data["checkpoint"].startswith(f"SESSIOND-CHECKPOINT v1;seq={event['seq']};")
    assert event["body"]["digest"] in data["events"]
    for path in (data["pdf"], data["text"]):
        verified = cli.json("verify", "--receipt", path)
        assert verified["ok"] and verified["external_checkpoints"] == 1
        assert verified["documents_events_checked"] == 1
    # The PDF's checkpoint is found without a PDF parser: it is in the file's bytes.
    assert data["checkpoint"].encode() in Path(data["pdf"]).read_bytes()
    # A second receipt gets the next number.
    again = issue(cli, sid, tmp_path / "r2.pdf")
    assert int(again["number"][-4:]) == int(data["number"][-4:]) + 1


def test_artifacts_replace_the_confidentiality_statement(stopped: tuple[Cli, str],
                                                        tmp_path: Path) -> None:
    cli, sid = stopped
    cli("record", sid, "artifact", "--kind", "file-copy", "--client-request",
        "Copie du devis demandée par la cliente", "--at", at("09:40:00"))
    cli("record", sid, "artifact", "--kind", "screenshot", "--at", at("09:41:00"))
    flat = squeezed(pdf_text(Path(issue(cli, sid, tmp_path / "a.pdf")["pdf"])))
    assert squeezed("Aucune capture d'écran") not in flat
    for expected in (
        "Conservé pendant la séance (art. 15) :",
        "copie de fichier 10/03/2025 09:40, à la demande du client : « Copie du devis "
        "demandée par la cliente »",
        "capture d'écran 10/03/2025 09:41, SANS demande documentée du client",
        "ERREUR (art. 15)",  # and the compliance finding of MD art. 15 is printed
    ):
        assert squeezed(expected) in flat, expected


def test_running_session_gets_no_receipt(cli: Cli, tmp_path: Path) -> None:
    write_config(cli.home)
    client = cli("client", "add", "Paul Bernard").out.strip()
    sid = cli("session", "new", client).out.strip()
    cli("consent", sid, "--channel", "oral", "--by", "Paul")
    cli("start", sid)
    result = cli("receipt", sid, "--out", str(tmp_path / "r.pdf"), check=False)
    assert result.code == 2 and "n'est pas terminée" in result.err
    assert not any(e["kind"] == "receipt-issued" for e in cli.events())
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.txt").exists()
    assert cli("receipt", "s-nothere", check=False).code == 2


def test_english_receipt(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    config = cli.home / "config.toml"
    config.write_text('language = "en"\n' + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    flat = squeezed(pdf_text(Path(issue(cli, sid, tmp_path / "en.pdf")["pdf"])))
    for expected in ("Service record", "Jean Dupré, sole trader (EI)", "Time worked",
                     "Total (excl. VAT = incl. VAT) €50.00",
                     "TVA non applicable, art. 293 B du CGI",
                     "No screen capture, no file kept (art. 15)."):
        assert squeezed(expected) in flat, expected


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
        assert f"le relevé de la séance {last}" in result.out
    # The first session's receipt, issued before the copy was taken... does not exist;
    # one issued now on the rolled-back log verifies: the log is consistent up to there.
    earlier = issue(cli, first, tmp_path / "first.pdf")
    assert cli("verify", "--receipt", earlier["pdf"]).code == 0


def test_edited_events_line_is_caught(stopped: tuple[Cli, str], tmp_path: Path) -> None:
    cli, sid = stopped
    data = issue(cli, sid, tmp_path / "r.pdf")
    txt = Path(data["text"])
    text = txt.read_text(encoding="utf-8")
    digest = data["events"].rsplit("sha256=", 1)[1]
    forged = digest[:-1] + ("0" if digest[-1] != "0" else "1")
    # The line is wrapped in the text version: edit its last characters where they are.
    assert digest[-8:] in text
    txt.write_text(text.replace(digest[-8:], forged[-8:]), encoding="utf-8")
    result = cli("verify", "--receipt", str(txt), check=False)
    assert result.code == 1 and "a été émis avec l'événement" in result.out
