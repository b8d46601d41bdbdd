"""`verify --receipt` and `verify --export` given another of sessiond's documents than the
one asked for: what a client or an accountant hands back is often the wrong file. An
invoice, a credit note or a compliance report got "holds no sessiond checkpoint" (or "its
.proof is missing"), the export's proof passed as a receipt and a receipt passed as an
export; each is now recognised, whatever language it was issued in, and refused (exit 2)
saying what it is and how that document is checked."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import DAY, Day, env_for, make_day

SIREN = "552081317"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[Path, Day, dict[str, Path]]]:
    base = tmp_path_factory.mktemp("documents")
    home = base / "home"
    cli = Cli(home, env_for(home))
    d = make_day(cli)
    out = base / "out"
    cli("client", "edit", d.clients["helene"], "--address", "3 avenue Foch, 69006 Lyon")
    cli("client", "edit", d.clients["societe"], "--address", "1 rue de la Paix, 75002 Paris",
        "--siren", SIREN)
    found: dict[str, Path] = {}
    found["invoice"] = Path(cli.json("invoice", d.helene, "--out", f"{out}/")["pdf"])
    cancelled = cli.json("invoice", "cancel", found["invoice"].stem.split("-", 1)[1],
                         "--reason", "tarif appliqué par erreur", "--out", f"{out}/")
    found["credit"] = Path(cancelled["pdf"])
    cli.env["SESSIOND_LANG"] = "en"  # an English Factur-X invoice, verified in French
    found["facturx"] = Path(cli.json("invoice", d.societe, "--out", f"{out}/en/")["pdf"])
    cli.env["SESSIOND_LANG"] = "fr"
    receipt = cli.json("receipt", d.francois, "--out", f"{out}/")
    found["receipt"], found["receipt_txt"] = Path(receipt["pdf"]), Path(receipt["text"])
    found["report"] = out / "rapport.pdf"
    cli("check", d.francois, "--pdf", str(found["report"]), check=False)  # it has findings
    assert found["report"].is_file()
    exported = cli.json("export", "--day", DAY.isoformat(), "--out", f"{out}/")
    found["export"], found["proof"] = Path(exported["path"]), Path(exported["proof"])
    yield home, d, found


@pytest.fixture
def docs(cli: Cli, documents: tuple[Path, Day, dict[str, Path]]
         ) -> tuple[Cli, Day, dict[str, Path]]:
    shutil.copytree(documents[0], cli.home)
    return cli, documents[1], documents[2]


def refused(cli: Cli, option: str, path: Path) -> str:
    result = cli("verify", option, str(path), check=False)
    assert result.code == 2, (option, path, result.code, result.out, result.err)
    assert str(path) in result.err and "point de contrôle" not in result.err, result.err
    return result.err


def test_an_invoice_or_a_credit_note_is_named_and_sent_to_its_series(
        docs: tuple[Cli, Day, dict[str, Path]]) -> None:
    cli, _d, found = docs
    numbers = {str(r["number"]) for r in cli.json("invoice", "list")}
    for kind, words in (("invoice", "la facture n°\u00a0"), ("credit", "l'avoir n°\u00a0"),
                        ("facturx", "la facture n°\u00a0")):
        number = found[kind].stem.split("-", 1)[1]
        assert number in numbers
        for option in ("--receipt", "--export"):
            err = refused(cli, option, found[kind])
            assert f"{words}{number}," in err, err
            assert "pas un relevé" in err if option == "--receipt" else "pas un export" in err
            assert f"sessiond invoice show {number} " in err and "série" in err, err


def test_a_compliance_report_is_named_with_its_session(
        docs: tuple[Cli, Day, dict[str, Path]]) -> None:
    cli, d, found = docs
    for option in ("--receipt", "--export"):
        err = refused(cli, option, found["report"])
        assert f"le rapport de conformité de l'intervention {d.francois}" in err, err
        assert f"sessiond check {d.francois} --pdf" in err, err


def test_an_export_and_a_receipt_are_each_sent_to_their_own_check(
        docs: tuple[Cli, Day, dict[str, Path]]) -> None:
    """A receipt given to --export passed as an export made before proofs had their own
    file (its checkpoint is inside); the export's proof given to --receipt passed too."""
    cli, _d, found = docs
    for kind in ("receipt", "receipt_txt"):
        err = refused(cli, "--export", found[kind])
        assert "un relevé d'intervention de sessiond, pas un export" in err, err
        assert f"sessiond verify --receipt {found[kind]}" in err, err
        assert cli("verify", "--receipt", str(found[kind])).code == 0
    err = refused(cli, "--receipt", found["proof"])
    assert f"la preuve de l'export {found['export'].name}" in err, err
    assert f"sessiond verify --export {found['export']}" in err, err
    err = refused(cli, "--receipt", found["export"])
    assert "un export de sessiond, pas un relevé" in err, err
    assert cli("verify", "--export", str(found["export"])).code == 0
    # The day's export in English and as JSON, the livre des recettes: exports too.
    cli.env["SESSIOND_LANG"] = "en"
    out = found["export"].parent / "other"
    english = cli.json("export", "--day", DAY.isoformat(), "--out", f"{out}/en/")["path"]
    as_json = cli.json("export", "--day", DAY.isoformat(), "--format", "json", "--out",
                       f"{out}/")["path"]
    cli.env["SESSIOND_LANG"] = "fr"
    for path in (english, as_json):
        assert "un export de sessiond" in refused(cli, "--receipt", Path(path))


def test_a_copy_of_an_invoice_as_text_is_recognised(
        docs: tuple[Cli, Day, dict[str, Path]], tmp_path: Path) -> None:
    """An invoice copied to text (pdftotext -layout) is still that invoice."""
    cli, _d, found = docs
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    copy = tmp_path / "facture.txt"
    subprocess.run(["pdftotext", "-layout", str(found["invoice"]), str(copy)], check=True)
    number = found["invoice"].stem.split("-", 1)[1]
    assert f"la facture n°\u00a0{number}," in refused(cli, "--receipt", copy)


def test_another_pdf_is_no_export(docs: tuple[Cli, Day, dict[str, Path]],
                                  tmp_path: Path) -> None:
    from fpdf import FPDF

    cli, _d, _found = docs
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Relevé bancaire, mars 2025")
    other = tmp_path / "banque.pdf"
    other.write_bytes(bytes(pdf.output()))
    err = refused(cli, "--export", other)
    assert "est un PDF, pas un export" in err, err


def test_a_table_no_spreadsheet_reads_is_refused_not_a_crash(
        docs: tuple[Cli, Day, dict[str, Path]], tmp_path: Path) -> None:
    """A first line of one quoted field past the csv module's limit (131 072 characters)
    made telling whether it is an export raise csv.Error: a bug (exit 4)."""
    cli, _d, found = docs
    huge = tmp_path / "tableau.csv"
    huge.write_text('"' + "a" * 200_000 + "\n", encoding="utf-8")
    for option in ("--receipt", "--export"):
        assert cli("verify", option, str(huge), check=False).code == 2
    shutil.copy(found["proof"], huge.with_name(huge.name + ".proof"))
    result = cli("verify", "--export", str(huge), check=False)
    assert result.code == 1 and "modifié après l'export" in result.out, result.out


def test_the_xml_of_a_factur_x_invoice_is_named_as_that_invoice(
        docs: tuple[Cli, Day, dict[str, Path]], tmp_path: Path) -> None:
    """The factur-x.xml an accountant's tool takes out of a business invoice."""
    from pypdf import PdfReader

    cli, _d, found = docs
    [xml] = PdfReader(found["facturx"]).attachments["factur-x.xml"]
    path = tmp_path / "factur-x.xml"
    path.write_bytes(xml)
    number = found["facturx"].stem.split("-", 1)[1]
    for option in ("--receipt", "--export"):
        assert f"la facture n°\u00a0{number}," in refused(cli, option, path)
