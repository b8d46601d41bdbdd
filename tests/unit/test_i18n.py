"""French is the default language: every message the code shows has a French text."""

from __future__ import annotations

import ast
from pathlib import Path

import sessiond
from sessiond.i18n.fr import CATALOG

SOURCE = Path(sessiond.__file__).parent


def messages() -> set[tuple[str, str]]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add((str(path.relative_to(SOURCE)), node.args[0].value))
    return found


def test_every_message_has_a_french_text() -> None:
    found = messages()
    assert len(found) > 300  # the scan really reads the code
    missing = sorted(f"{path}: {text!r}" for path, text in found if text not in CATALOG)
    assert missing == []


def test_french_texts_keep_the_placeholders() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = [k for k, v in CATALOG.items() if fields(k) != fields(v)]
    assert wrong == []


def test_numbers_are_written_as_the_language_writes_them() -> None:
    from sessiond.files import _mb
    from sessiond.i18n import number, set_language

    try:
        set_language("fr")
        assert (number(71199.0, 0), number(0.06, 1)) == ("71\u202f199", "0,1")
        assert (_mb(2 * 1024 * 1024), _mb(1992294)) == ("2", "1,9")
        set_language("en")
        assert (number(71199.0, 0), _mb(1992294)) == ("71,199", "1.9")
    finally:
        set_language(None)
