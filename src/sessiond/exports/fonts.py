"""The TrueType fonts sessiond embeds in its PDFs, as this machine has them (without
fpdf2: `verify` compares a receipt's glyphs with them and imports no renderer).

The first family found among DejaVu (Debian/Ubuntu package fonts-dejavu-core), Liberation,
Noto and FreeFont, in the usual font directories; `SESSIOND_PDF_FONTS` may name a
directory to search first, or `core` to use the PDF core fonts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# (regular, bold, monospace) file names of each family, in order of preference.
FAMILIES = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationMono-Regular.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf", "FreeMono.ttf"),
)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")

@dataclass(frozen=True)
class Fonts:
    regular: Path | None  # None: PDF core fonts
    bold: Path | None
    mono: Path | None

    @property
    def core(self) -> bool:
        return self.regular is None


def find_fonts() -> Fonts:
    return _find_fonts(os.environ.get("SESSIOND_PDF_FONTS", ""))


@cache  # per setting: one process (the tests, the TUI) may see it change
def _find_fonts(setting: str) -> Fonts:
    if setting == "core":
        return Fonts(None, None, None)
    dirs = [Path(setting)] if setting else []
    dirs += [Path(d).expanduser() for d in FONT_DIRS]
    found: dict[str, Path] = {}
    for directory in dirs:
        if directory.is_dir():
            for path in sorted(directory.rglob("*.ttf")):
                found.setdefault(path.name, path)
    for regular, bold, mono in FAMILIES:
        if regular in found:
            return Fonts(found[regular], found.get(bold, found[regular]),
                         found.get(mono, found[regular]))
    return Fonts(None, None, None)
