"""A receipt after a real day in the client's hands: re-saved by his tools, printed, copied
as text, edited, cut short, put together with another, or made hostile on purpose.

`verify --receipt` must say 0 for what still states the issued facts (whatever tool saved
it), 1 naming what changed for anything else, 2 only for a file that is not a receipt at
all, and never hang, fill memory or fail with an internal error (exit 4).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import session, write_config
from tests.functional.test_receipt import issue, stopped

__all__ = ["stopped"]  # the fixture, shared with test_receipt

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("pdftotext", "pdftocairo", "qpdf")),
    reason="poppler-utils and qpdf are not installed (scripts/test installs them)")

def verified(cli: Cli, path: Path) -> tuple[int, str, dict[str, object]]:
    """(exit code, text, the document's JSON entry) of `verify --receipt path`."""
    said = cli("verify", "--receipt", str(path), check=False)
    data = cli("verify", "--receipt", str(path), "--json", check=False)
    assert said.code == data.code, (said.out, said.err)
    assert said.code != 4 and "Traceback" not in said.err, said.err
    documents = data.json["documents"] if data.out else [{}]
    return said.code, said.out + said.err, documents[0]


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
                    reason="fonts-dejavu-core is not installed")
def test_a_name_the_font_cannot_draw_is_written_out_not_dropped(cli: Cli,
                                                                tmp_path: Path) -> None:
    """DejaVu has no glyph for 👨, 👩, 👧 nor flags: fpdf2 left them off the page, so the
    PDF stated another name than the record's, and an untouched receipt failed its own
    verification. Each is now written as \\uXXXX, as a control character is."""
    write_config(cli.home)
    name = "Zoé 👨‍👩‍👧 🇫🇷 Ω"
    client = cli("client", "add", name, "--address", "1 rue de la Paix, 75002 Paris").out.strip()
    sid = session(cli, client, "md-micro-services", "09:00:00", "09:52:10")
    issued = issue(cli, sid, tmp_path / "r.pdf")
    page = subprocess.run(["pdftotext", "-layout", issued["pdf"], "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Zoé" in page and "\\u1f468" in page and "\\u1f1eb\\u1f1f7" in page
    for path in (issued["pdf"], issued["text"]):
        code, said, _document = verified(cli, Path(path))
        assert code == 0, said
    invoice = cli.json("invoice", sid, "--out", str(tmp_path))
    shown = subprocess.run(["pdftotext", "-layout", invoice["pdf"], "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "\\u1f468" in shown and "\\u1f1eb" in shown
