"""Every user-facing message of the catalogue, in both languages, as a client would read it.

The English text is the catalogue's key, the French its value. Each is checked for what
issue 16 found on screen and in documents: parenthetical plurals ("1 pause(s)", "daté(e)"),
ISO dates inside sentences, internal ids (rule ids, event kinds, allow-list values) outside
the commands a message quotes, and in French the non-breaking spaces of French typography
(before : ; ! ? and between a number and its unit) and one word for the thing: intervention.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import sessiond
from sessiond import labels
from sessiond.compliance import RULES
from sessiond.i18n import set_language
from sessiond.i18n.fr import CATALOG
from sessiond.model import KINDS
from sessiond.tui.format import client_kind

SOURCE = Path(sessiond.__file__).parent
MESSAGES = sorted(CATALOG.items())
NO_BREAK = "\u00a0\u202f"

# --- what a message quotes (commands, options, keys) is not prose -----------------------

# A command a message tells the user to type: "sessiond record {session} backup --offered
# accepted|declined", up to the punctuation that ends it.
_COMMAND = re.compile(r"(?:sessiond|systemctl|pip|sudo|head|pdfdetach|openssl)(?: +[^\s,;)»]+)+")
_OPTION = re.compile(r"--[a-z][\w-]*(?: +(?:[A-ZÉ_]+\b|[a-z]+-[\w-]+)|=\S+)?")
_CHOICES = re.compile(r"[\w{}-]+(?:\|[\w{}-]+)+")
_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|\[[\w.-]+\]|«[^»]*»")
_CONFIG_KEY = re.compile(r"\b[a-z_]+\.[a-z_.-]+\b")  # daemon.export_time, session.pause


def prose(text: str) -> str:
    """`text` without the commands, options, choice lists, config keys and quotations it
    holds: those are written as the user types them."""
    for pattern in (_QUOTED, _COMMAND, _OPTION, _CHOICES, _CONFIG_KEY):
        text = pattern.sub(" ", text)
    return text


def fields(text: str) -> str:
    """`text` with its {placeholders} as X (a placeholder may hold a number)."""
    return re.sub(r"\{[^{}]*\}", "X", text)


# --- the checks --------------------------------------------------------------------------

_PARENTHETICAL_PLURAL = re.compile(r"\w\((?:s|e|es|x|nt|le|ne)\)")


def test_no_parenthetical_plural() -> None:
    found = [text for pair in MESSAGES for text in pair if _PARENTHETICAL_PLURAL.search(text)]
    assert found == []


# Messages that show the form of what to type (an ISO date is then an example of input).
_INPUT_FORMAT = re.compile(r"HH:MM|YYYY-MM-DD|AAAA-MM-JJ|ISO|--at|--day|--from|--to|a date such"
                           r"|une date comme|a date like")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_no_iso_date_in_a_sentence() -> None:
    found = [text for pair in MESSAGES for text in pair
             if _ISO_DATE.search(prose(text)) and not _INPUT_FORMAT.search(text)]
    assert found == []


def internal_ids(language_en: bool = False) -> set[str]:
    """Rule ids, event kinds, and the allow-list values written with a dash."""
    from sessiond import model

    values = {v for name in dir(model) if name.isupper()
              for v in (getattr(model, name) if isinstance(getattr(model, name), tuple)
                        else ()) if isinstance(v, str) and "-" in v}
    # "no-show" is also an English word: in English prose it is the word.
    return (set(RULES) | set(KINDS) | values) - {"no-show"} if language_en else \
        set(RULES) | set(KINDS) | values


# Allow-list values that are English words a French sentence must not carry ("Frais
# travel", "consumer"); those that are French words too (signature, client) are not listed.
ENGLISH_VALUES = ("remote", "onsite", "workshop", "consumer", "business", "travel", "card",
                  "cash", "cheque", "transfer", "paper", "screenshot", "recording",
                  "technician", "planned", "running", "paused", "stopped", "solved",
                  "diagnosed", "unsolved", "declined", "handwritten", "electronic", "waiting")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_internal_id_in_prose(language: str) -> None:
    ids = internal_ids(language == "en")
    pattern = re.compile(r"(?<![\w{./-])(" + "|".join(map(re.escape, sorted(ids, key=len,
                                                                             reverse=True)))
                         + r")(?![\w}/-])")
    found = []
    for english, french in MESSAGES:
        text = prose(english if language == "en" else french)
        hit = pattern.search(text)
        if hit:
            found.append((hit.group(1), english))
    if language == "fr":
        words = re.compile(r"(?<![\w'’{-])(" + "|".join(ENGLISH_VALUES) + r")(?![\w'’}-])")
        for english, french in MESSAGES:
            hit = words.search(prose(french))
            if hit:
                found.append((hit.group(1), english))
    assert found == []


_PUNCTUATION = re.compile(r"(.)([:;!?])(?=\s|$)")
_UNIT = re.compile(r"(?:\d|X)( )(?:%|€|h|min|s|ms|jours?|mois|heures?|minutes?|secondes?|Mo|Go"
                   r"|Ko|octets|chiffres|caractères)(?![\w'’])")


def test_french_spaces_before_double_punctuation() -> None:
    found = []
    for _english, french in MESSAGES:
        for match in _PUNCTUATION.finditer(prose(french)):
            if match.group(1) not in NO_BREAK:
                found.append((match.group(0), french))
    assert found == []


def test_french_number_and_unit_do_not_break() -> None:
    found = [french for _english, french in MESSAGES if _UNIT.search(fields(prose(french)))]
    assert found == []


# "session" stays where it is another thing: the desktop's (graphical, X11, Wayland) and
# the command `sessiond session`.
_OTHER_SESSION = re.compile(r"session (?:graphique|X11|Wayland)|votre session|sessions? (?:new|"
                            r"show|move)\b")


def test_one_word_in_french_intervention() -> None:
    found = [french for _english, french in MESSAGES
             if re.search(r"\b[Ss][ée]ances?\b|(?<![\w{-])[Ss]essions?(?![\w}-])",
                          _OTHER_SESSION.sub(" ", prose(french)))]
    assert found == []


# --- what the checks above rely on -------------------------------------------------------

def test_prose_removes_only_what_is_typed() -> None:
    text = ("Enregistrez-le : sessiond record {session} disconnect-confirmed ; moyen "
            "oral|phone, --channel tool-code.")
    assert "disconnect-confirmed" not in prose(text) and "tool-code" not in prose(text)
    assert "Enregistrez-le :" in prose(text) and "moyen" in prose(text)
    assert _PARENTHETICAL_PLURAL.search("1 pause(s)") and _PARENTHETICAL_PLURAL.search("daté(e)")
    assert _UNIT.search(fields("{n} min")) and not _UNIT.search(fields("{n}\u00a0min"))


def test_every_rule_has_a_title() -> None:
    set_language("fr")
    try:
        missing = [rule for rule in RULES if not labels.has_rule_title(rule)]
        assert missing == []
        assert labels.rule("consent-before-access") == "Consentement avant l'accès"
    finally:
        set_language(None)


def test_a_country_is_named_in_the_language_and_an_unknown_one_by_its_code() -> None:
    set_language("fr")
    try:
        assert [labels.country(c) for c in ("FR", "BE", "DE", "GF", "XK")] == [
            "France", "Belgique", "Allemagne", "Guyane", "XK"]
        # On screen, France goes unsaid: it is every line's country.
        assert client_kind("consumer", "FR") == "particulier"
        assert client_kind("business", "BE") == "professionnel, Belgique"
        set_language("en")
        assert [labels.country(c) for c in ("BE", "CH")] == ["Belgium", "Switzerland"]
    finally:
        set_language(None)


def test_every_event_kind_has_words() -> None:
    """A confirmation names the fact ("Enregistré : le paiement"), not its kind."""
    set_language("fr")
    try:
        assert [kind for kind in KINDS if labels.kind(kind) == kind] == []
        assert labels.kind("payment-recorded") == "le paiement"
    finally:
        set_language(None)


def test_every_session_state_has_words() -> None:
    """`session show`, `bill` and the documents name a state in words, cancelled too."""
    from sessiond.model import State

    set_language("fr")
    try:
        assert [s for s in State if labels.short(s.value) == s.value] == []
        assert [s for s in State if labels.formal(s.value) == s.value] == []
        assert labels.short("cancelled") == "annulée"
    finally:
        set_language(None)


def test_every_key_of_the_terminal_interface_has_a_french_text() -> None:
    """Binding descriptions are translated when a screen is built (tui/bindings.py): no
    `_()` in the source shows them to test_i18n."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import sessiond.tui.screens as screens
    import sessiond.tui.widgets as widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    from sessiond.tui.app import SessiondApp

    missing, classes = set(), [SessiondApp, DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith("sessiond."):
            for b in vars(cls).get("BINDINGS", ()):
                description = b.description if isinstance(b, Binding) else b[2]
                if description and description not in CATALOG:
                    missing.add(description)
    assert sorted(missing) == []


def plural_forms() -> set[str]:
    """The English forms given to n_() in the code."""
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "n_"):
                found.update(a.value for a in node.args[1:3]
                             if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_plural_form_has_a_french_text() -> None:
    forms = plural_forms()
    assert len(forms) > 20  # the scan really reads the code
    assert sorted(f for f in forms if f not in CATALOG) == []

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [f for f in forms if f in CATALOG and names(f) != names(CATALOG[f])] == []
