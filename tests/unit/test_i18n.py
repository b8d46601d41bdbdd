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
    from sessiond.files import size_text
    from sessiond.i18n import number, set_language

    try:
        set_language("fr")
        assert (number(71199.0, 0), number(0.06, 1)) == ("71\u202f199", "0,1")
        assert (size_text(2 * 1024 * 1024), size_text(1992294)) == ("2\u00a0Mo", "1,9\u00a0Mo")
        assert (size_text(4096), size_text(10_000)) == ("4\u00a0ko", "9,8\u00a0ko")
        set_language("en")
        assert (number(71199.0, 0), size_text(1992294)) == ("71,199", "1.9 MB")
        assert size_text(10_000) == "9.8 kB"
    finally:
        set_language(None)


def test_what_the_system_says_is_said_in_french() -> None:
    import errno

    from sessiond.errors import system_problem
    from sessiond.i18n import set_language

    try:
        set_language("fr")
        said = system_problem(PermissionError(errno.EACCES, "Permission denied", "/x"))
        assert said == "permission refusée"
        odd = OSError(errno.ENOEXEC, "Exec format error")  # not one of ours: as it is
        assert system_problem(odd) == "Exec format error"
    finally:
        set_language(None)


def test_what_tomllib_says_is_said_in_french_with_its_place() -> None:
    import tomllib

    from sessiond.errors import toml_problem
    from sessiond.i18n import set_language

    def problem(text: str) -> str:
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            return toml_problem(e)
        raise AssertionError(text)

    try:
        set_language("fr")
        assert problem("nom Jean") == "« = » attendu après une clé (ligne 1, colonne 5)"
        assert problem('a = 1\na = 2') == "une valeur donnée deux fois (à la fin du fichier)"
        assert problem("[invoice]\nx = 1\n[invoice]") == \
            "invoice déclaré deux fois (ligne 3, colonne 9)"
        assert problem("a = {b = 1, b = 2}") == "la clé 'b' donnée deux fois (ligne 1, colonne 18)"
        assert problem("a = vrai").startswith("une valeur que TOML ne connaît pas")
        set_language("en")
        assert problem("nom Jean") == '"=" expected after a key (line 1, column 5)'
        # A message this table does not know keeps tomllib's words, and its place in ours.
        assert toml_problem(ValueError("Something new (at line 2, column 1)")) == \
            "Something new (line 2, column 1)"
        assert toml_problem(ValueError("no place")) == "no place"
    finally:
        set_language(None)
