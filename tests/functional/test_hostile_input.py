"""Issue 11's reproducers: every hostile input gets exit 2 and a message, no traceback,
nothing written; user text is printed as text; ids are read in any case."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import stat
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import SESSIOND, Cli
from tests.functional.hostile import (
    RAW_CONTROL,
    clean,
    refused,
    started_session,
    state,
    stopped_session,
)

BAD = "\udcff"  # what the byte 0xff of argv becomes in Python (surrogateescape)


def test_arguments_that_are_not_utf8_are_refused(cli: Cli) -> None:
    client, session = started_session(cli)
    before = state(cli.home)
    attempts = [
        ("client", "add", BAD),
        ("client", "add", f"Jean{BAD}ne", "--email", "a@b.fr"),
        ("note", session, BAD),
        ("pause", session, "--reason", f"pause {BAD}"),
        ("consent", session, "--channel", "oral", "--by", BAD),
        ("session", "new", client, "--problem", BAD),
        ("session", "show", BAD),
        ("record", session, "quote-accepted", "--by", BAD, "--how", "electronic"),
    ]
    for args in attempts:
        result = cli(*args, check=False)
        refused(result, 2, "UTF-8")
        clean(result)
    assert state(cli.home) == before


def test_undecodable_argv_bytes_in_a_real_process(real_cli: Cli) -> None:
    proc = subprocess.run([SESSIOND.encode(), b"client", b"add", b"\xff\xfe"],
                          env=real_cli.env, capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert b"UTF-8" in proc.stderr and b"Traceback" not in proc.stderr
    assert b"\\xff" in proc.stderr  # the byte, shown as text


@pytest.mark.parametrize("args", [
    ("check", "--day", "9999-12-31"),
    ("check", "--day", "0001-01-01"),
    ("check", "--day", "31/12/9999"),
    ("export", "--day", "9999-12-31"),
    ("export", "--from", "0001-01-01", "--to", "9999-12-31"),
    ("export", "--from", "2026-01-01", "--to", "9999-99-99"),
    ("check", "--day", "9" * 5000),
    ("check", "--day", "22/11/" + "9" * 400),  # a year that overflows date()
])
def test_days_out_of_range_are_refused(cli: Cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    started_session(cli)
    before = state(cli.home)
    extra = ("--out", str(tmp_path / "out")) if args[0] == "export" else ()
    result = cli(*args, *extra, check=False)
    refused(result, 2)
    assert state(cli.home) == before
    assert not (tmp_path / "out").exists()


CONFIGS = {
    "invalid UTF-8": b'language = "fr"\npolicy = "\xff\xfe"\n',
    "deep nesting": b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "a time zone that is a directory": b'timezone = "Europe"\n',
    "a policy id of 300 characters": b'policy = "' + b"x" * 300 + b'"\n',
    "a zone name of 300 characters": b'timezone = "' + b"x" * 300 + b'"\n',
    "a table where a string goes": b"[policy]\nx = 1\n",
    "backup without its key file": b'[backup]\ndirectory = "/tmp/x"\n',
    # "$" also matches before a final newline: a whole value is matched to its very end.
    "a time of day and a newline": b'[daemon]\nexport_time = "19:30\\n"\n',
    "a policy id and a newline": b'policy = "vlh\\n"\n',
    "a name of a hundred thousand characters":
        b'[technician]\nname = "' + b"Luc Moreau " * 10_000 + b'EI"\n',
    "a path longer than the system's": b'documents = "/' + b"d" * 5000 + b'"\n',
    "a NUL character in a path": b'[backup]\ndirectory = "/tmp/a\\u0000b"\nkey_file = "k"\n',
    # A key's name is shown as written, in the TUI's footer and on F1.
    "a key named with an escape sequence":
        b'[keymap]\n"session.pause" = "\\u001b]0;pwn\\u0007,f5"\n',
    "a key named with a direction override": b'[keymap]\n"app.help" = "\\u202eq"\n',
    "a key named with a zero-width space": b'[keymap]\n"app.help" = "f\\u200b1"\n',
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_a_hostile_config_toml_is_refused(cli: Cli, case: str) -> None:
    cli("status")  # the home exists, with its log
    before = state(cli.home)
    (cli.home / "config.toml").write_bytes(CONFIGS[case])
    for args in (("status",), ("client", "add", "X")):
        result = cli(*args, check=False)
        refused(result, 2, "config.toml")
        clean(result)
    after = state(cli.home)
    assert (after.events, after.tail, after.keys) == (before.events, before.tail, before.keys)
    assert after.files == before.files | {"config.toml"}


def test_config_toml_that_is_not_a_regular_file(cli: Cli) -> None:
    cli("status")
    config = cli.home / "config.toml"
    for make in (lambda: config.mkdir(), lambda: os.mkfifo(config),
                 lambda: config.symlink_to("/dev/zero")):
        make()
        started = time.monotonic()
        result = cli("status", check=False)
        assert time.monotonic() - started < 10  # a FIFO is not waited on
        refused(result, 2, "config.toml")
        if config.is_dir() and not config.is_symlink():
            config.rmdir()
        else:
            config.unlink()


def test_policy_ids_are_ids_never_paths(cli: Cli, tmp_path: Path) -> None:
    client = cli("client", "add", "Jeanne").out.strip()
    evil = cli.home / "x" / "evil.toml"  # a TOML file outside the policy directories
    evil.parent.mkdir(parents=True)
    evil.write_text((Path(__file__).parents[2] / "policies" / "vlh.toml").read_text())
    before = state(cli.home)
    for policy in ("../../x/evil", "../x/evil", "/etc/passwd", "x" * 300, "vlh/../vlh",
                   "vlh\x00", "-vlh"):
        result = cli("session", "new", client, "--policy", policy, check=False)
        refused(result, 2)
        clean(result)
    result = cli("policy", "show", "../../x/evil", check=False)
    refused(result, 2, "policy")
    assert state(cli.home).events == before.events
    # An id is read in any case: VLH is vlh.
    assert cli("session", "new", client, "--policy", "VLH").code == 0


def _shipped(name: str) -> str:
    return (Path(__file__).parents[2] / "policies" / f"{name}.toml").read_text()


def test_hostile_policies_fail_lint_and_never_crash_list(cli: Cli, tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 50_000 + "]" * 50_000)
    huge = tmp_path / "vlh.toml"
    huge.write_text(re.sub(r"per_hour = \S+", "per_hour = 1" + "0" * 400, _shipped("vlh")))
    huge_string = tmp_path / "mri87.toml"
    huge_string.write_text(re.sub(r'per_hour = "[^"]*"', 'per_hour = "1' + "0" * 400 + '"',
                                  _shipped("mri87")))
    for path in (deep, huge, huge_string, Path("/dev/zero"), tmp_path):
        result = cli("policy", "lint", str(path), check=False)
        refused(result, 2)
        clean(result)
    own = cli.home / "policies"
    own.mkdir(parents=True)
    (own / "deep.toml").write_text(deep.read_text())
    (own / "vlh.toml").write_text(huge.read_text())
    listed = cli.json("policy", "list")
    broken = {e["id"]: e["error"] for e in listed if e["error"]}
    assert set(broken) >= {"deep", "vlh"}
    # A session cannot be planned under the broken copy: no bill can crash on it.
    client = cli("client", "add", "Jeanne").out.strip()
    refused(cli("session", "new", client, "--policy", "vlh", check=False), 2, "vlh.toml")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_verify_refuses_what_is_not_a_document(cli: Cli, tmp_path: Path) -> None:
    started_session(cli)
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(60 * 1024 * 1024)  # 60 MB (sparse)
    for flag in ("--receipt", "--export"):
        for path in (fifo, Path("/dev/zero"), tmp_path, big, tmp_path / "missing.csv"):
            started = time.monotonic()
            result = cli("verify", flag, str(path), check=False)
            assert time.monotonic() - started < 5, path
            refused(result, 2)
            clean(result)


CHECKPOINT = ("SESSIOND-CHECKPOINT v1;seq=99999999999999999999999;hash=" + "a" * 64 +
              ";at=9999-12-31T23:59:59Z;key=" + "b" * 16 + ";sig=" + "c" * 128)
EVENTS = [
    "SESSIOND-EVENTS v1;scope=days:9999-12-31:9999-12-31:Europe;upto=1;sessions=1;"
    "events=1;sha256=" + "d" * 64,
    "SESSIOND-EVENTS v1;scope=days:2026-01-01:2026-01-01:Europe/Paris;"
    "upto=99999999999999999999999;sessions=1;events=1;sha256=" + "d" * 64,
    "SESSIOND-EVENTS v1;scope=session:s-aaaaaa;upto=99999999999999999999999;sessions=1;"
    "events=99999999999999999999999;sha256=" + "d" * 64,
    "SESSIOND-EVENTS v1;scope=days:0001-01-01:9999-12-31:Europe/Paris;upto=5;sessions=1;"
    "events=1;sha256=" + "d" * 64,
]


@pytest.mark.parametrize("events", EVENTS)
def test_verify_reads_hostile_numbers_zones_and_days(cli: Cli, tmp_path: Path,
                                                     events: str) -> None:
    cli("stop", started_session(cli)[1])
    text = f"{CHECKPOINT}\n{events}\n".encode()
    receipt = _write(tmp_path / "releve.txt", text)
    export = _write(tmp_path / "sessiond-2026-01-01.csv", text)
    _write(tmp_path / "sessiond-2026-01-01.csv.proof", text)
    for flag, path in (("--receipt", receipt), ("--export", export)):
        result = cli("verify", flag, str(path), check=False)
        assert result.code in (1, 2), (result.code, result.err)
        clean(result)


ESCAPES = ["\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\u202egnp.exe", "\x08\r\x7f",
           "\u2066x\u2069"]  # (a command line cannot hold NUL: refused, see test_fuzz)


def test_user_text_is_printed_as_text(cli: Cli) -> None:
    name = "Jean" + "".join(ESCAPES)
    client, session = started_session(cli, name=name)
    cli("note", session, "note " + "".join(ESCAPES))
    cli("pause", session, "--reason", "\x1b[31mrouge")
    runs = [cli(*args) for args in (("client", "list"), ("log",), ("log", session),
                                    ("session", "show", session), ("status",))]
    runs += [cli(*args, "--json") for args in (("client", "list"), ("log",))]
    runs.append(cli("stop", "\x1b[2J", check=False))  # echoed in the error
    runs.append(cli("note", session, "\x1b]0;t\x07", "--json", check=False))
    for result in runs:
        clean(result)
    listed = cli.json("client", "list")
    assert [c["name"] for c in listed if c["client"] == client] == [name]  # data kept
    shown = cli("client", "list").out
    assert "\\u001b]0;pwned\\u0007" in shown and "\\u202egnp.exe" in shown


def test_documents_write_user_text_as_text(cli: Cli) -> None:
    """The TXT receipt and the CSVs are read in terminals and spreadsheets too."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\nemail = "luc@example.fr"\n',
        encoding="utf-8")
    name = "Jean" + "".join(ESCAPES)
    _client, session = started_session(cli, name=name)
    cli("stop", session)
    out = cli.home / "docs"
    issued = cli.json("receipt", session, "--out", str(out / "r.pdf"))
    text = Path(issued["text"]).read_text(encoding="utf-8")
    day = cli.json("session", "show", session)["started_at"][:10]
    files = [cli.json("export", "--day", day, "--out", str(out), *extra)["path"]
             for extra in ((), ("--format", "kimai"), ("--format", "json"))]
    cli("client", "export", _client, "--out", str(out / "client.json"))
    files.append(str(out / "client.json"))
    for content in [text, *(Path(f).read_text(encoding="utf-8-sig") for f in files)]:
        assert not RAW_CONTROL.search(content), repr(content)
    assert "\\u001b]0;pwned" in text
    assert cli("verify", "--receipt", issued["text"], check=False).code == 0
    # JSON writes DEL, C1 and bidi characters as escapes: the same name to a JSON reader.
    exported = json.loads(Path(files[2]).read_text(encoding="utf-8"))
    assert [s["client_name"] for s in exported["sessions"]] == [name]
    assert json.loads(Path(files[3]).read_text(encoding="utf-8"))["client"]["name"] == name


def _pdf_text(pdf: Path) -> str:
    # pdftotext ends each page with a form feed: that one is its own.
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\f", "\n")


@pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfdetach")),
                    reason="poppler-utils is needed")
def test_pdfs_xml_and_kimai_write_hostile_identities_as_text(cli: Cli, tmp_path: Path) -> None:
    """config.toml and the client's record are inputs too: the technician's identity and a
    business client's name reach the PDFs, the Factur-X XML and the Kimai CSV."""
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS, validate_xml

    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "=HYPERLINK(\\"http://x\\") Luc\\u001b]0;pwned\\u0007 EI"\n'
        'siret = "73282932000074"\naddress = "1 rue de la Paix\\u202e, 75002 Paris"\n'
        'email = "+cmd|\'/C!calc\'!A0@example.fr"\n', encoding="utf-8")
    name = "Garage" + "".join(ESCAPES) + "\x01 SARL"
    client = cli("client", "add", name, "--business", "--siren", "552081317", "--address",
                 "3 rue\x0c du Port, 69006 Lyon", "--email", "compta@dupont.example").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "tool-code", "--by", "Jeanne")
    cli("start", session)
    cli("stop", session)
    out = tmp_path / "docs"

    # The receipt's PDF shows what its text copy shows, and verifies (a control character
    # had no glyph: the PDF lost it and verify called the untouched document edited).
    receipt = cli.json("receipt", session, "--out", str(out / "r.pdf"))
    shown = _pdf_text(Path(receipt["pdf"]))
    assert not RAW_CONTROL.search(shown), repr(shown)
    assert "Luc\\u001b]0;pwned\\u0007 EI" in shown and "\\u202egnp.exe" in shown
    checked = cli("verify", "--receipt", receipt["pdf"], check=False)
    assert checked.code == 0, checked.out + checked.err

    # The invoice is issued, its XML is XML (it held ESC raw: "PCDATA invalid Char value 27")
    # and valid against the schema, and names the client as the PDF does.
    invoice = cli.json("invoice", session, "--out", str(out))
    assert invoice["facturx"] is True
    subprocess.run(["pdfdetach", "-savefile", "factur-x.xml", "-o", str(tmp_path / "f.xml"),
                    invoice["pdf"]], check=True)
    xml = (tmp_path / "f.xml").read_bytes()
    validate_xml(xml)
    buyer = ET.fromstring(xml).find(".//ram:BuyerTradeParty/ram:Name", NS)
    assert buyer is not None and buyer.text == "Garage\\u001b]0;pwned\\u0007\\u001b[2J" \
        "\\u009b31m\\u202egnp.exe\\u0008\\u000d\\u007f\\u2066x\\u2069\\u0001 SARL"
    assert not RAW_CONTROL.search(_pdf_text(Path(invoice["pdf"])))

    # Kimai: the technician's name and e-mail address are cells, never formulas.
    day = cli.json("session", "show", session)["started_at"][:10]
    kimai = cli.json("export", "--day", day, "--format", "kimai", "--out", str(out))["path"]
    content = Path(kimai).read_text(encoding="utf-8")
    assert not RAW_CONTROL.search(content), repr(content)
    (row,) = list(csv.DictReader(io.StringIO(content), delimiter=";"))
    for column in ("User", "Email", "Customer"):
        assert row[column][:1] not in ("=", "+", "-", "@"), (column, row[column])
    assert row["User"].startswith("'=HYPERLINK") and row["Email"].startswith("'+cmd|")


def test_a_field_taller_than_a_page_verifies(cli: Cli, tmp_path: Path) -> None:
    """A name of one long word fills more than a page: the footer drawn at the break cut
    it in two in the page text, and verify called the untouched receipt edited."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    _client, session = started_session(cli, name="W" * 3000)
    cli("stop", session)
    issued = cli.json("receipt", session, "--out", str(tmp_path / "r.pdf"))
    checked = cli("verify", "--receipt", issued["pdf"], check=False)
    assert checked.code == 0, checked.out + checked.err


def test_an_identity_at_its_limits_makes_documents_that_verify(cli: Cli, tmp_path: Path) -> None:
    """Each text of the identity and of the invoice's terms as long as config.toml lets it
    be: the receipt (PDF and text) verifies on as many pages as with a short identity (its
    signed block has a page of its own), and the invoice is issued whole."""
    from sessiond.config import text_limit

    def fill(word: str, key: str, end: str = "") -> str:
        n = text_limit(key) - len(end)
        return (word * (n // len(word) + 1))[:n] + end

    technician = {"name": fill("Moreau ", "technician.name", " EI"),
                  "trade_name": fill("Dépannage ", "technician.trade_name"),
                  "siret": fill(" ", "technician.siret", "732 829 320 00074"),
                  "address": fill("Bâtiment B ", "technician.address",
                                  ", 3 rue de l'Église, 54230 Chaligny"),
                  "email": fill("l", "technician.email", "@example.fr"),
                  "phone": fill("0", "technician.phone")}
    terms = {key: fill("Virement IBAN FR76 3000 ", f"invoice.{key}")
             for key in ("payment_terms", "late_penalty", "early_payment")}
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        "[technician]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in technician.items())
        + "[invoice]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in terms.items()),
        encoding="utf-8")
    client = cli("client", "add", "Garage Dupont", "--business", "--siren", "552081317",
                 "--address", "3 rue du Port, 69006 Lyon").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    # Times given, not taken: a start and a stop a second apart billed VLH's first hour
    # and its new-client discount (two more lines), the same second billed nothing.
    now = datetime.now(UTC).replace(microsecond=0)
    cli("consent", session, "--channel", "tool-code", "--by", "Jeanne",
        "--at", (now - timedelta(minutes=76)).isoformat())
    cli("start", session, "--at", (now - timedelta(minutes=75)).isoformat())
    cli("stop", session, "--at", now.isoformat())
    receipt = cli.json("receipt", session, "--out", str(tmp_path / "r.pdf"))
    for document in (receipt["pdf"], receipt["text"]):
        checked = cli("verify", "--receipt", document, check=False)
        assert checked.code == 0, checked.out + checked.err
    invoice = cli.json("invoice", session, "--out", str(tmp_path))
    from pypdf import PdfReader

    assert len(PdfReader(receipt["pdf"]).pages) == 2
    # At these limits the invoice runs onto a second page: each page says which of how
    # many, and nothing is lost at the break (the totals, each term whole).
    pages = [page.extract_text() for page in PdfReader(invoice["pdf"]).pages]
    assert len(pages) == 2
    assert [f"{n}/{len(pages)}" in text.splitlines()[-1] for n, text in enumerate(pages, 1)] \
        == [True] * len(pages)
    words = " ".join(_pdf_text(Path(invoice["pdf"])).split())
    assert "Net à payer 43,75 €" in words
    assert all(" ".join(term.split()) in words for term in terms.values())


def test_a_link_planted_where_a_document_is_written_is_never_followed(cli: Cli,
                                                                      tmp_path: Path) -> None:
    """In a folder others can write to, the temporary file a document went through had a
    name known in advance (".r.pdf.PID.tmp") and was opened without O_EXCL: a symbolic
    link planted there made sessiond write the receipt over the file it pointed at. A
    link at the document's own name is replaced, never followed, as before."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    _client, session = stopped_session(cli)
    day = cli.json("session", "show", session)["started_at"][:10]
    shared = tmp_path / "partage"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("précieux\n", encoding="utf-8")
    names = ["r.pdf", "r.txt", f"sessiond-{day}.csv", f"sessiond-{day}.csv.proof"]
    for name in names:
        (shared / f".{name}.{os.getpid()}.tmp").symlink_to(victim)
    (shared / "r.pdf").symlink_to(victim)
    receipt = cli.json("receipt", session, "--out", str(shared / "r.pdf"))
    export = cli.json("export", "--day", day, "--out", str(shared))
    assert victim.read_text(encoding="utf-8") == "précieux\n"
    for written in (receipt["pdf"], receipt["text"], export["path"]):
        mode = Path(written).lstat().st_mode
        assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o600, written
    assert cli("verify", "--receipt", receipt["pdf"], check=False).code == 0


def test_what_shows_nothing_is_written_out_and_receipts_verify(cli: Cli,
                                                              tmp_path: Path) -> None:
    """A zero-width space or a soft hyphen in a name showed nothing on the terminal (two
    names that differ looked the same), and fpdf2 drew no soft hyphen: the receipt's PDF
    lost it and verify called the untouched receipt edited."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    name = "Jean\u200bne Mar\u00adtin\ufeff"
    client, session = started_session(cli, name=name)
    cli("stop", session)
    assert "Jean\\u200bne Mar\\u00adtin\\ufeff" in cli("client", "list").out
    assert [c["name"] for c in cli.json("client", "list") if c["client"] == client] == [name]
    issued = cli.json("receipt", session, "--out", str(tmp_path / "r.pdf"))
    for document in (issued["pdf"], issued["text"]):
        checked = cli("verify", "--receipt", document, check=False)
        assert checked.code == 0, checked.out + checked.err
    # A text copy that holds them as they are (as sessiond wrote them before) states the
    # same name.
    copy = Path(issued["text"])
    raw = copy.read_text(encoding="utf-8")
    assert "Jean\\u200bne" in raw
    copy.write_text(raw.replace("Jean\\u200bne Mar\\u00adtin\\ufeff", name), encoding="utf-8")
    checked = cli("verify", "--receipt", str(copy), check=False)
    assert checked.code == 0, checked.out + checked.err


@pytest.mark.parametrize("name", ["مرحبا عالم", "Garage שלום 12 עולם"])
def test_a_right_to_left_name_verifies(cli: Cli, tmp_path: Path, name: str) -> None:
    """The page draws Arabic or Hebrew letters in their stored order and text extraction
    gives them back reversed (pypdf word by word, pdftotext -layout a phrase at a time,
    between RLE and PDF marks): verify called the untouched receipt edited."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    _client, session = started_session(cli, name=name)
    cli("stop", session)
    issued = cli.json("receipt", session, "--out", str(tmp_path / "r.pdf"))
    checked = cli("verify", "--receipt", issued["pdf"], check=False)
    assert checked.code == 0, checked.out + checked.err
    if shutil.which("pdftotext"):
        copy = tmp_path / "copie.txt"
        subprocess.run(["pdftotext", "-layout", issued["pdf"], str(copy)], check=True)
        checked = cli("verify", "--receipt", str(copy), check=False)
        assert checked.code == 0, checked.out + checked.err


def test_a_tab_in_an_address_is_a_space_on_the_page(cli: Cli, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    """No font has a glyph for a tab: fpdf2 dropped it and warned on the terminal ("Font
    ... is missing the following glyphs"), for the receipt and the invoice alike."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue\\tde la Paix, 75002\\tParis"\n', encoding="utf-8")
    client = cli("client", "add", "Garage Dupont", "--business", "--siren", "552081317",
                 "--address", "3 rue\tdu Port, 69006 Lyon").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "tool-code", "--by", "Jeanne")
    cli("start", session)
    cli("stop", session)
    receipt = cli("receipt", session, "--out", str(tmp_path / "r.pdf"), "--json")
    invoice = cli("invoice", session, "--out", str(tmp_path), "--json")
    for result in (receipt, invoice):
        assert "glyph" not in result.err, result.err
    # (pytest's log capture takes the warning a terminal shows)
    # (fontTools logs its subsetting at INFO, "glyph" in its words: warnings only count)
    assert not [r for r in caplog.records
                if r.levelno >= logging.WARNING and "glyph" in r.getMessage()]
    checked = cli("verify", "--receipt", receipt.json["pdf"], check=False)
    assert checked.code == 0, checked.out + checked.err


def test_ids_are_read_in_any_case(cli: Cli) -> None:
    client, session = started_session(cli)
    cli("pause", session.upper())
    cli("resume", f"  {session.upper()} ".strip())
    assert cli.json("session", "show", session.upper())["session"] == session
    cli("credit", "add", client.upper(), "--hours", "1", "--policy", "MRI87")
    cli("stop", session.upper())
    kinds = [e["kind"] for e in cli.events() if e["session"] == session]
    assert "session-paused" in kinds and "session-stopped" in kinds
    assert all(e["session"] in (None, session) for e in cli.events())  # stored lower-case


def test_errors_are_json_with_json(cli: Cli) -> None:
    result = cli("stop", "s-nope22", "--json", check=False)
    assert result.code == 2 and result.out == ""
    error = json.loads(result.err)
    assert error["exit_code"] == 2 and "s-nope22" in error["error"]
    usage = cli("session", "new", "--json", check=False)  # the client id is missing
    assert usage.code == 2 and json.loads(usage.err)["exit_code"] == 2
    (cli.home / "config.toml").write_text('timezone = "Europe"\n')
    bad = cli("status", "--json", check=False)
    assert json.loads(bad.err)["exit_code"] == 2


def test_a_bug_is_one_line_never_a_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from sessiond.cli import status

    def broken(*args: object) -> int:
        raise ValueError("unexpected")

    monkeypatch.setattr(status, "do_status", broken)
    result = cli("status", check=False)
    assert result.code == 4 and "unexpected" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    monkeypatch.setenv("SESSIOND_DEBUG", "1")
    with pytest.raises(ValueError):
        Cli(cli.home, {**cli.env, "SESSIOND_DEBUG": "1"})("status", check=False)


# --- the data directory ------------------------------------------------------------------


def test_a_shared_directory_is_refused_and_left_alone(cli: Cli, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = tmp_path / "link"
    link.symlink_to(shared)
    for home in (shared, link):
        run = cli.at(home)
        for args in (("status",), ("client", "add", "X")):
            refused(run(*args, check=False), 2, "chmod 700")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
        assert list(shared.iterdir()) == []


def test_a_home_that_is_a_file_is_said_to_be_no_directory(cli: Cli, tmp_path: Path) -> None:
    """SESSIOND_HOME set to a file, or to a link to /dev/null: the message names it as
    the directory it is not, not config.toml under 'a part of the path that is not a
    directory'; the file is left as it is."""
    afile = tmp_path / "notes.txt"
    afile.write_text("mes notes\n")
    null = tmp_path / "null"
    null.symlink_to("/dev/null")
    for home in (afile, null):
        for args in (("status",), ("client", "add", "X"), ("verify",)):
            result = cli.at(home)(*args, check=False)
            refused(result, 2, str(home), "n'est pas un répertoire", "SESSIOND_HOME")
            assert "config.toml" not in result.err
        # doctor says so too, and no chmod or line of config.toml to fix
        checks = {c["check"]: c for c in cli.at(home)("doctor", "--json",
                                                        check=False).json["checks"]}
        for check in ("home", "config"):
            assert checks[check]["status"] == "problem"
            assert "n'est pas un répertoire" in checks[check]["message"]
            assert checks[check]["advice"] is None
    assert afile.read_text() == "mes notes\n" and null.is_symlink()


def test_a_directory_of_another_user_is_refused(cli: Cli, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("chown to another user needs root")
    other = tmp_path / "other"
    other.mkdir(mode=0o700)
    os.chown(other, 65534, 65534)
    run = cli.at(other)
    refused(run("status", check=False), 2, "65534")
    assert list(other.iterdir()) == [] and other.stat().st_uid == 65534


def test_a_home_with_other_files_is_not_chmodded(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "user-home"
    home.mkdir()
    home.chmod(0o755)
    (home / "photos").mkdir()
    run = cli.at(home)
    refused(run("status", check=False), 2, "chmod 700")
    assert stat.S_IMODE(home.stat().st_mode) == 0o755
    # A directory made for sessiond (empty, or with its config.toml) is made private.
    own = tmp_path / "own"
    own.mkdir()
    own.chmod(0o755)
    (own / "config.toml").write_text('language = "fr"\n')
    cli.at(own)("status")
    assert stat.S_IMODE(own.stat().st_mode) == 0o700


# What sessiond reads of its own on a command's way: the name its refusal gives, and a
# command that needs the file (None: the file is only informative).
OWN_FILES: dict[str, tuple[str, tuple[str, ...]] | None] = {
    "sessiond.sqlite3": ("sessiond.sqlite3", ("client", "add", "Paul Durand")),
    "keys/signing.key": ("signing.key", ("verify",)),
    "keys/master.key": ("master.key", ("client", "add", "Paul Durand")),
    "daemon.lock": None,  # the daemon's pid: none, the daemon is stopped
    "daemon.json": None,
    "sessiond.sqlite3.damaged": None,  # writes stop with a reason unknown; verify lifts it
}


@pytest.mark.parametrize("name", sorted(OWN_FILES))
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "deep"])
def test_an_own_file_that_is_no_file_is_never_waited_on(cli: Cli, name: str,
                                                        kind: str) -> None:
    _client, session = stopped_session(cli)
    path = cli.home / name
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "/dev/zero":
        path.symlink_to("/dev/zero")
    else:  # JSON nested past Python's recursion limit, where JSON is read
        path.write_text("[" * 200_000)
    needed = OWN_FILES[name]
    for args in (("status",), ("status", "--json"), ("client", "add", "Paul Durand"),
                 ("log", session), ("verify",)):
        started = time.monotonic()
        result = cli(*args, check=False)
        assert time.monotonic() - started < 10, args  # neither waited on nor read to its end
        clean(result)
        if needed is not None and result.code:
            assert needed[0] in result.err + result.out, (args, result.err, result.out)
    if needed is None:  # no daemon runs, and status says so; the log is written again
        assert cli.json("status")["daemon"]["running"] is False
        assert cli("client", "add", "Luc Moreau", check=False).code == 0
    else:
        refused(cli(*needed[1], check=False), 3, needed[0])


@pytest.mark.parametrize("lock", ["daemon.lock", "jobs.lock"])
def test_a_lock_that_is_a_link_or_no_file_is_never_written_through(
        real_cli: Cli, tmp_path: Path, lock: str) -> None:
    """The daemon's locks are sessiond's own files: one that is a link had the file it
    pointed at emptied and given the daemon's pid, one that was /dev/null or a FIFO ended
    the daemon with 'system error on ?'. Either is refused naming it, and left alone."""
    real_cli("status")
    precious = tmp_path / "notes.txt"
    precious.write_text("mes notes\n")
    args = ("daemon", "--no-hotkeys", "--no-idle") if lock == "daemon.lock" \
        else ("daemon", "catch-up")
    path = real_cli.home / lock
    for make in (lambda: path.symlink_to(precious), lambda: os.mkfifo(path),
                 lambda: path.symlink_to("/dev/null")):
        path.unlink(missing_ok=True)
        make()
        result = real_cli(*args, check=False)
        refused(result, 2, lock, "verrou")
        clean(result)
    assert precious.read_text() == "mes notes\n" and path.is_symlink()


def test_units_are_0644_in_0755_directories_under_umask_000(real_cli: Cli,
                                                            tmp_path: Path) -> None:
    target = tmp_path / "cfg" / "systemd" / "user"
    old = os.umask(0)  # the command's process inherits it
    try:
        real_cli("systemd", "install", "--dir", str(target), "--no-reload")
    finally:
        os.umask(old)
    for directory in (tmp_path / "cfg", tmp_path / "cfg" / "systemd", target):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o755, directory
    units = list(target.iterdir())
    assert len(units) == 3
    assert {stat.S_IMODE(u.stat().st_mode) for u in units} == {0o644}


def test_a_link_planted_where_a_unit_is_written_is_never_followed(real_cli: Cli,
                                                                  tmp_path: Path) -> None:
    """`systemd install --dir DIR` wrote each unit through ".NAME.tmp", opened without
    O_EXCL: a symbolic link planted there had the unit written over its target."""
    target = tmp_path / "units"
    target.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("précieux\n", encoding="utf-8")
    for name in ("sessiond.service", "sessiond-export.service", "sessiond-export.timer"):
        (target / f".{name}.tmp").symlink_to(victim)
    real_cli("systemd", "install", "--dir", str(target), "--no-reload")
    assert victim.read_text(encoding="utf-8") == "précieux\n"
    units = [u for u in target.iterdir() if not u.name.startswith(".")]
    assert len(units) == 3 and all(stat.S_IMODE(u.lstat().st_mode) == 0o644 for u in units)


def test_folders_made_for_documents_are_0700_under_umask_000(cli: Cli,
                                                            tmp_path: Path) -> None:
    """`--out a/b/c/jour.csv` made a and a/b with the umask's mode (0777 under umask
    000: folders anyone could write into, beside the exports); each folder sessiond makes
    is 0700. A folder it cannot make (a file in the way) is a refusal naming it."""
    _client, session = stopped_session(cli)
    day = cli.json("session", "show", session)["started_at"][:10]
    old = os.umask(0)  # the command runs in this process
    try:
        cli("export", "--day", day, "--out", str(tmp_path / "a" / "b" / "c" / "jour.csv"))
        cli("backup", str(tmp_path / "d" / "e" / "sauvegarde"), "--passphrase-file",
            str(_passphrase(tmp_path)))
    finally:
        os.umask(old)
    for made in ("a", "a/b", "a/b/c", "d", "d/e"):
        assert stat.S_IMODE((tmp_path / made).stat().st_mode) == 0o700, made
    (tmp_path / "fichier").write_text("x\n", encoding="utf-8")
    blocked = cli("export", "--day", day, "--out", str(tmp_path / "fichier" / "x" / "j.csv"),
                  check=False)
    refused(blocked, 2, str(tmp_path / "fichier" / "x"))
    clean(blocked)


def test_a_file_too_large_says_its_size_and_the_limit_in_a_unit_that_shows_them(
        cli: Cli, tmp_path: Path) -> None:
    """A passphrase file of 10,000 bytes (the limit is 4 kB) was "trop gros (0 Mo ; au
    plus 0 Mo)": sizes under a megabyte are said in kilobytes."""
    cli("status")
    big = tmp_path / "phrase.txt"
    big.write_bytes(b"x" * 10_000)
    result = cli("backup", str(tmp_path / "sauvegarde"), "--passphrase-file", str(big),
                 check=False)
    refused(result, 2, "9,8\u00a0ko", "4\u00a0ko")
    assert "0 Mo" not in result.err
    (cli.home / "config.toml").write_bytes(b"#" * (2 * 1024 * 1024))
    refused(cli("status", check=False), 2, "2\u00a0Mo", "1\u00a0Mo")


# TOML that tomllib reads in time in the square of a key's parts, or not at all: a key of
# 50,000 parts (bare, quoted, with spaces, in a table's name, in an inline table) and a
# whole number of more digits than Python converts. Before: minutes on every command, and
# an internal error (ValueError).
SLOW_OR_UNREADABLE_TOML = {
    "bare": ("a" + ".a" * 50_000 + " = 1\n", "plus de 16 parties (ligne {line})"),
    "quoted": ('"a"' + ' . "a"' * 50_000 + " = 1\n", "plus de 16 parties (ligne {line})"),
    "table": ("[" + "a." * 50_000 + "a]\n", "plus de 16 parties (ligne {line})"),
    "inline": ("x = { " + "'a'." * 50_000 + "b = 1 }\n", "plus de 16 parties (ligne {line})"),
    "digits": ("x = " + "9" * 5000 + "\n", "19\xa0chiffres"),
}


@pytest.mark.parametrize("case", sorted(SLOW_OR_UNREADABLE_TOML))
def test_toml_that_tomllib_cannot_read_in_time_or_at_all_is_refused_at_once(
        cli: Cli, tmp_path: Path, case: str) -> None:
    text, said = SLOW_OR_UNREADABLE_TOML[case]
    cli("status")
    before = state(cli.home)
    policy = tmp_path / "vlh.toml"
    shipped = _shipped("vlh")
    policy.write_text(shipped.replace("schema = 1\n", "schema = 1\n" + text, 1),
                      encoding="utf-8")
    line = shipped[:shipped.index("schema = 1\n")].count("\n") + 2
    started = time.monotonic()
    result = cli("policy", "lint", str(policy), check=False)
    refused(result, 2, "vlh.toml", said.format(line=line))
    clean(result)
    own = cli.home / "policies"
    own.mkdir()
    shutil.copy(policy, own / "vlh.toml")
    assert next(e for e in cli.json("policy", "list") if e["id"] == "vlh")["error"]
    (cli.home / "config.toml").write_text("# mes réglages\n" + text, encoding="utf-8")
    for args in (("status",), ("client", "add", "X")):
        result = cli(*args, check=False)
        refused(result, 2, "config.toml", said.format(line=2))
        clean(result)
    assert time.monotonic() - started < 20  # before: minutes for each file read
    assert state(cli.home).events == before.events


def test_dotted_keys_as_sessiond_writes_its_settings_are_read(cli: Cli) -> None:
    """The bound on a key's parts is no bound on TOML: a setting written as a dotted key,
    with spaces around its dots or a quoted part, is read as its table (the shipped
    policies' deepest key, rules.ID.level, has three parts)."""
    cli("status")
    config = cli.home / "config.toml"
    config.write_text('daemon . export_time = "18:45"\ntechnician."name" = "Luc Moreau EI"\n',
                      encoding="utf-8")
    assert cli("status").code == 0
    config.write_text('daemon . export_time = "25:00"\n', encoding="utf-8")
    refused(cli("status", check=False), 2, "daemon.export_time")
    config.write_text('technician . "nom" = "Luc"\n', encoding="utf-8")
    refused(cli("status", check=False), 2, "technician.nom")


def _passphrase(tmp_path: Path) -> Path:
    secret = tmp_path / "phrase.txt"
    secret.write_text("une phrase secrète assez longue pour sceller\n", encoding="utf-8")
    secret.chmod(0o600)
    return secret


def test_raw_control_characters_pattern_catches_what_it_must() -> None:
    for text in ESCAPES:
        assert RAW_CONTROL.search(text)
    assert not RAW_CONTROL.search("Intervention de Jeanne : 12,50 €\n\tok")


def test_a_policy_price_is_in_euros_and_cents(cli: Cli, tmp_path: Path) -> None:
    """The command line refuses --rate 50.005; a policy's rate or fee may not hold it
    either (the bill would print 50,01 €/h and count 50.005)."""
    for name, pattern, value in (("vlh", r'per_hour = "50\.00"', 'per_hour = "50.005"'),
                                 ("vlh", r'per_hour = "50\.00"', "per_hour = \"0.0001\"")):
        path = tmp_path / f"{name}.toml"
        path.write_text(re.sub(pattern, value, _shipped(name), count=1))
        result = cli("policy", "lint", str(path), check=False)
        refused(result, 2, "per_hour")
        clean(result)


def test_a_document_is_never_written_over_sessiond_own_files(cli: Cli, tmp_path: Path) -> None:
    """`--out` names anything: the live log, its -wal, a key, config.toml, a policy, or a
    link to one of them. An export there would destroy what it exports."""
    _client, session = stopped_session(cli)
    day = cli.json("session", "show", session)["started_at"][:10]
    (cli.home / "policies").mkdir(exist_ok=True)
    (cli.home / "config.toml").write_text('language = "fr"\n')
    (tmp_path / "link.csv").symlink_to(cli.home / "sessiond.sqlite3")
    before = state(cli.home)
    targets = [cli.home / "sessiond.sqlite3", cli.home / "sessiond.sqlite3-wal",
               cli.home / "keys" / "master.key", cli.home / "config.toml",
               cli.home / "policies" / "vlh.toml", tmp_path / "link.csv"]
    for target in targets:
        for args in (("export", "--day", day, "--out", str(target)),
                     ("export", "--day", day, "--format", "json", "--out", str(target))):
            result = cli(*args, check=False)
            refused(result, 2, "--out")
            clean(result)
    assert state(cli.home) == before
    assert cli("verify").code == 0
    cli("export", "--day", day, "--out", str(cli.home / "exports") + "/")  # a folder of its own


def test_a_document_is_never_written_over_a_device_a_pipe_or_a_socket(cli: Cli,
                                                                      tmp_path: Path) -> None:
    """`--out /dev/null` (to see what a command says) replaced the device with the
    export: the rename of the temporary file put a regular file in its place, in /dev
    when run as root. A name that is not a regular file (a device, a named pipe, a
    socket) is refused before anything is recorded, and left as it is."""
    import socket

    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    client, session = stopped_session(cli)
    day = cli.json("session", "show", session)["started_at"][:10]
    pipe, sock = tmp_path / "tube.pdf", tmp_path / "prise.pdf"
    os.mkfifo(pipe)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    targets = [pipe, sock]
    if os.geteuid() == 0:  # a device of its own: /dev/null's numbers, in this test's folder
        device = tmp_path / "null.pdf"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append(device)
    before = state(cli.home)
    try:
        for target in targets:
            kind = stat.S_IFMT(target.lstat().st_mode)
            for args in (("export", "--day", day, "--out", str(target)),
                         ("export", "--book", "--from", day, "--to", day, "--out", str(target)),
                         ("receipt", session, "--out", str(target)),
                         ("client", "export", client, "--out", str(target))):
                result = cli(*args, check=False)
                refused(result, 2, str(target))
                clean(result)
                assert stat.S_IFMT(target.lstat().st_mode) == kind, (args, target)
    finally:
        server.close()
    assert state(cli.home) == before  # no receipt number, no export recorded


# Beyond the BMP: tag characters (hidden ASCII), a variation selector of the supplement,
# a musical format control, a shorthand format control.
ASTRAL = "\U000e0001\U000e0041\U000e0042\U000e0100\U0001d173\U0001bca0"
ASTRAL_OUT = "\\U000e0001\\U000e0041\\U000e0042\\U000e0100\\U0001d173\\U0001bca0"
RAW_ASTRAL = re.compile("[\U000e0000-\U000e01ef\U0001d173-\U0001d17a\U0001bca0-\U0001bca3]")


@pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfdetach")),
                    reason="poppler-utils is needed")
def test_what_shows_nothing_beyond_the_bmp_is_written_out_everywhere(
        cli: Cli, tmp_path: Path) -> None:
    """Tag characters and the other invisibles beyond the BMP printed raw on the terminal
    and in every document, and the duplicate check took "Jean<tags>ne" for a new client."""
    from xml.etree import ElementTree as ET

    from sessiond.exports.facturx_xml import NS

    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\nemail = "luc@example.fr"\n',
        encoding="utf-8")
    name = f"Jean{ASTRAL}ne SARL"
    shown = f"Jean{ASTRAL_OUT}ne SARL"
    client = cli("client", "add", name, "--business", "--siren", "552081317", "--address",
                 "3 rue du Port, 69006 Lyon").out.strip()
    session = cli("session", "new", client, "--policy", "vlh",
                  "--problem", f"écran{ASTRAL}").out.strip()
    cli("consent", session, "--channel", "tool-code", "--by", f"Jean{ASTRAL}")
    cli("start", session)
    cli("note", session, f"note{ASTRAL}")
    cli("stop", session)
    for args in (("client", "list"), ("log", session), ("session", "show", session),
                 ("status",)):
        result = cli(*args)
        assert not RAW_ASTRAL.search(result.out + result.err), (args, result.out)
    assert shown in cli("client", "list").out
    # --json: the escapes are JSON's own (a UTF-16 pair), the same name to a JSON reader.
    listed = cli("client", "list", "--json")
    assert not RAW_ASTRAL.search(listed.out) and "\\U" not in listed.out
    assert [c["name"] for c in json.loads(listed.out) if c["client"] == client] == [name]
    # The duplicate check ignores them, as it ignores a zero-width space.
    again = cli("client", "add", "Jeanne SARL", "--json")
    assert client in again.json["duplicates"], again.out

    out = tmp_path / "docs"
    receipt = cli.json("receipt", session, "--out", str(out / "r.pdf"))
    for text in (_pdf_text(Path(receipt["pdf"])),
                 Path(receipt["text"]).read_text(encoding="utf-8")):
        # (the page wraps the long name: compared without the line breaks)
        assert not RAW_ASTRAL.search(text), text
        assert shown.replace(" ", "") in "".join(text.split()), text
    for document in (receipt["pdf"], receipt["text"]):
        checked = cli("verify", "--receipt", document, check=False)
        assert checked.code == 0, checked.out + checked.err
    invoice = cli.json("invoice", session, "--out", str(out))
    subprocess.run(["pdfdetach", "-savefile", "factur-x.xml", "-o", str(tmp_path / "f.xml"),
                    invoice["pdf"]], check=True)
    xml = (tmp_path / "f.xml").read_text(encoding="utf-8")
    assert not RAW_ASTRAL.search(xml)
    buyer = ET.fromstring(xml).find(".//ram:BuyerTradeParty/ram:Name", NS)
    assert buyer is not None and buyer.text == shown
    assert not RAW_ASTRAL.search(_pdf_text(Path(invoice["pdf"])))

    day = cli.json("session", "show", session)["started_at"][:10]
    csv_path = cli.json("export", "--day", day, "--out", str(out))["path"]
    json_path = cli.json("export", "--day", day, "--format", "json", "--out", str(out))["path"]
    cli("client", "export", client, "--out", str(out / "client.json"))
    content = Path(csv_path).read_text(encoding="utf-8-sig")
    assert not RAW_ASTRAL.search(content)
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert shown in rows[1]
    for path in (json_path, out / "client.json"):
        raw = Path(path).read_text(encoding="utf-8")
        assert not RAW_ASTRAL.search(raw) and "\\U" not in raw
    exported = json.loads(Path(json_path).read_text(encoding="utf-8"))
    assert [s["client_name"] for s in exported["sessions"]] == [name]
    dossier = json.loads((out / "client.json").read_text(encoding="utf-8"))
    assert dossier["client"]["name"] == name


def test_the_client_export_printed_is_json_and_the_bytes_the_log_recorded(cli: Cli) -> None:
    """`client export` without --out prints the client's document: a name holding a tag
    character (beyond the BMP) made it no JSON (the terminal's \\U000e0041 escape), and
    what it printed was not what the log's digest was of."""
    import hashlib

    name = f"Jean{ASTRAL} \u202eMartin\x1b[31m"
    client = cli("client", "add", name).out.strip()
    cli("note", cli("session", "new", client, "--policy", "vlh").out.strip(), f"note{ASTRAL}")
    for args in ((), ("--json",)):
        printed = cli("client", "export", client, *args)
        clean(printed)
        assert not RAW_ASTRAL.search(printed.out) and "\\U" not in printed.out
        dossier = json.loads(printed.out)
        assert dossier["client"]["name"] == name
        assert f"note{ASTRAL}" in [e["personal"].get("text") for e in dossier["events"]]
        recorded = [e for e in cli.events() if e["kind"] == "client-exported"][-1]
        assert recorded["body"]["digest"] == hashlib.sha256(
            printed.out.encode("utf-8")).hexdigest()


def test_numbers_in_other_digits_are_refused_everywhere(cli: Cli, tmp_path: Path) -> None:
    """int(), Decimal() and `\\d` read Arabic-Indic, full-width or Devanagari digits: a
    payment of "٤٥,٥٠" was recorded as 45.50, "--at ٩:٣٠" as 09:30, "#٦" withdrew event 6.
    Every number is refused unless written 0 to 9, with the character named."""
    client, session = started_session(cli)
    cli("record", session, "payment", "--amount", "10", "--method", "carte")
    before = state(cli.home)
    attempts = [
        ("record", session, "payment", "--amount", "٤٥,٥٠", "--method", "carte"),
        ("record", session, "payment", "--amount", "４５", "--method", "carte"),
        ("record", session, "payment", "--amount", "४५", "--method", "carte"),
        ("record", session, "fee", "--kind", "travel", "--amount", "٣٠"),
        ("credit", "add", client, "--hours", "٣", "--policy", "mri87"),
        ("pause", session, "--at", "٩:٣٠"),
        ("pause", session, "--at", "hier １８h３０", "--yes"),
        ("check", "--day", "٢٢/١١"),
        ("export", "--day", "２０２６-１１-２２", "--out", str(tmp_path / "out")),
        ("withdraw", session, "#٥", "--reason", "erreur"),
        ("amend", session, "٤", "--at", "10:00", "--reason", "erreur"),
        ("record", session, "outcome", "--problem", "١", "solved"),
        ("session", "new", client, "--rate", "٥٠ €/h"),
        ("daemon", "answer", "١", "worked"),
    ]
    for args in attempts:
        result = cli(*args, check=False)
        refused(result, 2, "U+", "0 à 9")
        clean(result)
    english = Cli(cli.home, {**cli.env, "LANG": "en_US.UTF-8", "SESSIOND_LANG": "en"})
    result = english("record", session, "payment", "--amount", "٤٥", "--method", "card",
                     "--json", check=False)
    assert result.code == 2
    assert "digits 0 to 9" in json.loads(result.err)["error"], result.err
    assert state(cli.home) == before
    assert not (tmp_path / "out").exists()


LOOK_ALIKES = ["＝HYPERLINK(\"http://x\")", "＋cmd|'/C calc'!A0", "－2+3", "＠SUM(A1)",
               "−2+3", "﹦1+1", "⁺1", "  =1+1", "\u00a0@SUM(A1)"]


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_formula_signs_and_their_look_alikes_never_begin_a_cell(cli: Cli, tmp_path: Path,
                                                                name: str) -> None:
    """A full-width ＝ (or ＋ － ＠, the minus sign U+2212, a small or superscript sign,
    or a sign after spaces) began the client's cell raw: an import that folds them (NFKC,
    a CJK input method, Calc's "trim spaces") read a formula. Every CSV quotes the cell
    as it quotes "=" (OWASP: a single quote before it), in the session export, Kimai's
    and the livre des recettes."""
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        f'[technician]\nname = {json.dumps(name)}\nsiret = "73282932000074"\n'
        'address = "1 rue de la Paix, 75002 Paris"\nemail = "luc@example.fr"\n',
        encoding="utf-8")
    _client, session = started_session(cli, name=name)
    cli("record", session, "payment", "--amount", "10", "--method", "carte")
    cli("stop", session)
    day = cli.json("session", "show", session)["started_at"][:10]
    out = tmp_path / "out"
    exports = {
        "csv": (cli.json("export", "--day", day, "--out", str(out))["path"], ";",
                "utf-8-sig", 3),
        "kimai": (cli.json("export", "--day", day, "--format", "kimai", "--out",
                           str(out))["path"], ";", "utf-8", None),
        "book": (cli.json("export", "--book", "--from", day, "--to", day, "--out",
                          str(out / "book"))["path"], ";", "utf-8-sig", 1),
    }
    for kind, (path, delimiter, encoding, column) in exports.items():
        rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding=encoding)),
                               delimiter=delimiter))
        cells = [c for c in rows[1] if name.strip() in c]
        assert cells, (kind, rows)
        for value in cells:
            assert value.startswith("'"), (kind, value)
        if column is not None:
            # (names are stored stripped)
            assert rows[1][column] == "'" + name.strip(), (kind, rows[1])


def test_a_line_break_in_a_name_or_a_file_name_prints_no_line_of_its_own(
        cli: Cli, tmp_path: Path) -> None:
    """A name, a note or a file name holding "\\nsessiond: ..." printed a line sessiond
    never wrote: in `client list` (one client a row), `log` (one event a line), and the
    messages that name a file (export --out, evidence import, verify)."""
    forged = "sessiond: 1 relevé : signature, données et texte visible conformes"
    name = f"Jean\n{forged}\tX"
    client, session = started_session(cli, name=name)
    cli("note", session, f"note\n{forged}")
    cli("pause", session, "--reason", f"r\n{forged}")
    cli("stop", session)
    listed = cli("client", "list").out
    assert listed.count("\n") == 1 and "Jean\\u000asessiond: 1 relevé" in listed
    assert "\\u0009X" in listed
    assert cli.json("client", "list")[0]["name"] == name  # the data kept as typed
    shown = cli("client", "show", client).out
    assert not any(line.startswith(forged) for line in shown.splitlines()), shown
    log = cli("log", session).out
    assert all(line.startswith("#") for line in log.splitlines()), log
    assert "text=note\\u000asessiond: 1 relevé" in log
    day = cli.json("session", "show", session)["started_at"][:10]
    folder = tmp_path / f"out\n{forged}"
    exported = cli("export", "--day", day, "--out", f"{folder}/")
    for text in (exported.out, exported.err):
        assert not any(line.startswith(forged) for line in text.splitlines()), text
    assert "out\\u000asessiond: 1 relevé" in exported.out
    log_file = tmp_path / f"anydesk\n{forged}.trace"
    log_file.write_text("pas un journal\n", encoding="utf-8")
    for args in (("evidence", "import", str(log_file)),
                 ("evidence", "import", str(tmp_path / f"absent\n{forged}.trace")),
                 ("verify", "--receipt", str(tmp_path / f"absent\n{forged}.pdf")),
                 ("verify", "--export", str(tmp_path / f"absent\n{forged}.csv"))):
        result = cli(*args, check=False)
        assert result.code == 2, (args, result.err)
        for text in (result.out, result.err):
            assert not any(line.startswith(forged) for line in text.splitlines()), text
        assert "\\u000asessiond: 1 relevé" in result.err, result.err


@pytest.mark.parametrize("phone", ["٠٦ ١٢ ٣٤ ٥٦ ٧٨", "０６ １２ ３４ ５６ ７８", "06 12 34 56 ७८"])
def test_a_phone_number_is_written_in_0_to_9(cli: Cli, phone: str) -> None:
    """`\\d` took Arabic-Indic or full-width digits: an invoice printed a number nobody
    can dial, and the picker's search by digits never found it."""
    client = cli("client", "add", "Jeanne Martin").out.strip()
    before = state(cli.home)
    for args in (("client", "add", "Paul", "--phone", phone),
                 ("client", "edit", client, "--phone", phone)):
        result = cli(*args, check=False)
        refused(result, 2, "U+", "0 à 9")
        clean(result)
    assert state(cli.home) == before
    cli("client", "edit", client, "--phone", "06 12 34 56 78")


def test_a_backup_directory_named_with_a_line_break_or_a_dash(cli: Cli, tmp_path: Path) -> None:
    """`restore` named its directory with the line break raw ("Restauré depuis -bk" then
    a line of its own); a name starting with a dash is given after `--`."""
    forged = "sessiond: 1 relevé : signature, données et texte visible conformes"
    cli("client", "add", "Jeanne Martin")
    secret = tmp_path / "secret"
    secret.write_text("une phrase secrète assez longue\n")
    secret.chmod(0o600)
    backup = tmp_path / f"-bk\n{forged}"
    made = cli("backup", "--passphrase-file", str(secret), "--", str(backup))
    assert not any(line.startswith(forged) for line in made.out.splitlines()), made.out
    other = cli.at(tmp_path / "home2")
    for args in (("verify", "--backup", str(backup), "--passphrase-file", str(secret)),
                 ("restore", "--passphrase-file", str(secret), "--", str(backup))):
        result = other(*args)
        assert not any(line.startswith(forged) for line in result.out.splitlines()), \
            result.out
        assert "-bk\\u000asessiond: 1 relevé" in result.out


def test_a_siren_or_siret_in_other_digits_says_so(cli: Cli) -> None:
    """A SIREN typed in Arabic-Indic digits was refused as a wrong check digit ("copy it
    again from the Kbis"): the message names the character instead, for a client's SIREN
    and the technician's SIRET (command line and config.toml)."""
    for args in (("client", "add", "Garage", "--business", "--siren", "٥٥٢٠٨١٣١٧"),
                 ("config", "init", "--name", "Luc Moreau EI", "--siret",
                  "７３２８２９３２０００074", "--address", "1 rue de la Paix, 75002 Paris",
                  "--policy", "vlh")):
        result = cli(*args, check=False)
        refused(result, 2, "U+", "0 à 9")
        clean(result)
    (cli.home / "config.toml").write_text(
        '[technician]\nname = "Luc Moreau EI"\nsiret = "٧٣٢٨٢٩٣٢٠٠٠٠٧٤"\n'
        'address = "1 rue de la Paix, 75002 Paris"\n', encoding="utf-8")
    _client, session = started_session(cli)
    cli("stop", session)
    result = cli("receipt", session, check=False)
    refused(result, 2, "siret", "U+0667")


def test_a_checkpoint_line_edited_on_a_document_fails_the_document_not_the_log(
        cli: Cli, tmp_path: Path) -> None:
    """A receipt's or an export proof's checkpoint line edited (its event number): before,
    `verify` said "Le journal a ÉCHOUÉ … premier événement fautif : n° 7" and "log_ok":
    false, on a sound log, and the document's own problems were empty."""
    from tests.functional.exports_data import DAY, session, write_config

    write_config(cli.home)
    client = cli("client", "add", "Jeanne Martin").out.strip()
    sid = session(cli, client, "vlh", "09:00:00", "09:40:00")
    receipt = cli.json("receipt", sid, "--out", str(tmp_path / "r"))
    exported = tmp_path / "e" / f"sessiond-{DAY.isoformat()}.csv"
    cli("export", "--day", DAY.isoformat(), "--out", str(exported.parent))
    text = Path(receipt["text"])
    line = re.search(r"SESSIOND-CHECKPOINT v1;seq=(\d+);", text.read_text(encoding="utf-8"))
    assert line is not None
    edited_receipt = tmp_path / "edited.txt"
    edited_receipt.write_text(text.read_text(encoding="utf-8").replace(
        line.group(0), line.group(0).replace(f"seq={line.group(1)}",
                                             f"seq={int(line.group(1)) - 1}")),
                              encoding="utf-8")
    edited_export = tmp_path / "x" / exported.name
    edited_export.parent.mkdir()
    shutil.copy(exported, edited_export)
    proof = Path(f"{exported}.proof").read_text(encoding="utf-8")
    seq = re.search(r"SESSIOND-CHECKPOINT v1;seq=(\d+);", proof)
    assert seq is not None
    Path(f"{edited_export}.proof").write_text(
        proof.replace(seq.group(0), seq.group(0).replace(seq.group(1), "99999999999999999999")),
        encoding="utf-8")
    before = state(cli.home)
    for edited, option in ((edited_receipt, "--receipt"), (edited_export, "--export")):
        args = (option, str(edited), "--receipt", receipt["pdf"])
        said = cli("verify", *args, check=False)
        assert said.code == 1, said.out
        assert said.out.startswith("Journal intact"), said.out
        assert f"  - {edited}: point de contrôle imprimé" in said.out, said.out
        assert "Un document a ÉCHOUÉ" in said.out and "Le journal a" not in said.out
        if option == "--export":  # an event number beyond SQLite's is named as written
            assert "99999999999999999999" in said.out and not re.search(r"n°\s-1", said.out)
        report = cli("verify", *args, "--json", check=False).json
        assert report["log_ok"] is True and report["first_bad_event"] is None, report
        bad, good = sorted(report["documents"], key=lambda d: d["file"] != str(edited))
        assert any("signature falsifiée" in p for p in bad["problems"]), bad
        assert good["problems"] == [], good
    assert cli("verify").code == 0  # the log was not marked damaged: it takes notes
    assert cli("note", sid, "après la vérification").code == 0
    assert state(cli.home).events == before.events + 1
