"""A broken policy is refused with messages that name the file, the key and the fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sessiond.config import Paths
from sessiond.errors import InputError
from sessiond.i18n import set_language
from sessiond.policy import list_policies, load_policy, read_policy, shipped_dir

VLH = (shipped_dir() / "vlh.toml").read_text("utf-8")


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language(None)


def lint(tmp_path: Path, text: str, name: str = "vlh.toml") -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as e:
        read_policy(path)
    message = e.value.message
    assert str(path) in message, "every problem names the file"
    return message


def test_unknown_key(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace("[tranches]\n", "[tranches]\nrounding = 'up'\n"))
    assert "tranches.rounding\u202f: clé inconnue" in message


def test_unknown_top_level_key(tmp_path: Path) -> None:
    assert "colour\u202f: clé inconnue" in lint(tmp_path, 'colour = "red"\n' + VLH)


def test_wrong_type(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace("first_block_seconds = 3600",
                                         'first_block_seconds = "une heure"'))
    assert "tranches.first_block_seconds\u202f: attendu\u202f: un nombre entier" in message


def test_float_money_is_refused(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace('per_hour = "50.00"\narticle = "4.3"',
                                         'per_hour = 50.5\narticle = "4.3"'))
    assert "rates.remote.per_hour" in message and '"55.50"' in message


def test_missing_citation(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace('per_hour = "50.00"\narticle = "4.3"\n',
                                         'per_hour = "50.00"\n'))
    assert "rates.remote.article\u202f: absente" in message


def test_missing_rule_text_and_severity(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH + '\n[rules.disconnect-confirmed]\narticle = "4.2"\n')
    assert "rules.disconnect-confirmed.text\u202f: absente" in message
    assert "rules.disconnect-confirmed.severity\u202f: absente" in message


def test_review_needs_a_note(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace(
        'review = true\nnote = "Le tarif horaire est sur la grille tarifaire du site, pas dans '
        'les CGI : 50 € par défaut."\n', "review = true\n"))
    assert "rates.onsite.note\u202f: obligatoire quand review = true" in message


def test_unknown_rule_and_parameter(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH + '\n[rules.teleport]\narticle = "1"\ntext = "x"\n'
                   'severity = "error"\n\n[rules.receipt-issued.extra]\n')
    assert "rules.teleport\u202f: entrée de rules inconnue" in message
    assert "rules.receipt-issued.extra\u202f: clé inconnue" in message


def test_wrong_rule_parameter_value(tmp_path: Path) -> None:
    bad = VLH + ('\n[rules.remote-os-supported]\narticle = "1"\ntext = "x"\nseverity = "fatal"\n'
                 'os = ["windows", "amiga"]\n')
    message = lint(tmp_path, bad)
    assert ("rules.remote-os-supported.severity\u202f: attendu\u202f: l'une des valeurs error, "
            "warning") in message
    assert ("rules.remote-os-supported.os\u202f: attendu\u202f: une liste de valeurs "
            "parmi") in message


def test_fee_with_two_amounts(tmp_path: Path) -> None:
    message = lint(tmp_path, VLH.replace('percent_of_planned = "50"',
                                         'percent_of_planned = "50"\namount = "20"'))
    assert "fees.late-cancellation\u202f: donnez au plus une valeur" in message


def test_a_fee_minimum_needs_an_amount(tmp_path: Path) -> None:
    """A minimum (Micro-Alpes 3: "minimum de facturation : 1 heure") is the least of an
    amount, hours or share: travel with none of them has nothing to be the least of."""
    message = lint(tmp_path, VLH.replace('article = "4.3, 5.2"\nmodes = ["onsite"]',
                                         'article = "4.3, 5.2"\nmodes = ["onsite"]\n'
                                         'minimum = true'))
    assert "fees.travel.minimum\u202f: un minimum demande une valeur" in message


def test_every_problem_at_once(tmp_path: Path) -> None:
    message = lint(tmp_path, 'colour = "red"\n' + VLH.replace("increment_seconds = 900",
                                                              "increment_seconds = 0"))
    assert len(message.splitlines()) == 2


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    assert "TOML" in lint(tmp_path, VLH + "\n[rates.remote\n")


def test_policy_in_config_dir_must_be_named_by_its_id(tmp_path: Path) -> None:
    where = Paths(data=tmp_path, config=tmp_path)
    where.policies.mkdir()
    (where.policies / "mine.toml").write_text(VLH, "utf-8")
    listed = {e.id: e for e in list_policies(where)}
    assert listed["mine"].policy is None
    assert "mine.toml" in (listed["mine"].error or "") and "id" in (listed["mine"].error or "")
    (where.policies / "vlh.toml").write_text(VLH.replace("[tranches]\n", "[tranches]\nx = 1\n"),
                                             "utf-8")
    with pytest.raises(InputError) as e:
        load_policy("vlh", where)  # a broken override is an error, never silently skipped
    assert "tranches.x" in e.value.message


@pytest.mark.parametrize("value", ['"٥٠.٠٠"', '"５０.00"', '"5०.00"'])
def test_a_price_in_other_digits_is_refused(tmp_path: Path, value: str) -> None:
    """Decimal() reads Arabic-Indic or full-width digits: a policy's "٥٠.٠٠" billed 50 €."""
    message = lint(tmp_path, VLH.replace('per_hour = "50.00"', f"per_hour = {value}", 1))
    assert "per_hour" in message and "chiffres de 0 à 9" in message and "U+" in message


@pytest.mark.parametrize(("old", "new", "key"), [
    ('title = "', 'title = "T\\nsessiond: ok ', "title"),
    ('business = "', 'business = "B\\u2028', "document.business"),
    ('mention = "', 'mention = "M\\r', "vat.mention"),
    ('article = "3.2"', 'article = "3.2\\nsessiond: ok"', "rules.quote-accepted-before-start"
     ".article"),
    ('name = "', 'name = """N\n', "document.name"),
])
def test_a_line_break_in_a_one_line_string_is_refused(tmp_path: Path, old: str, new: str,
                                                      key: str) -> None:
    """A policy's title, business, article or VAT mention is printed inside one line (of
    `check`, `policy show`, a receipt): "3.2\\nsessiond: ok" printed a line of its own."""
    text = VLH.replace(old, new, 1)
    if new.endswith('"""N\n'):
        text = text.replace('— Particuliers"', '— Particuliers"""', 1)
    message = lint(tmp_path, text)
    assert f"{key}\u202f: attendu\u202f: une seule ligne de texte" in message, message


def test_prose_may_run_over_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "vlh.toml"
    path.write_text(VLH.replace('text = "Une facture', 'text = """Une\nfacture', 1).replace(
        'à la fin de chaque intervention."', 'à la fin de chaque intervention."""', 1), "utf-8")
    assert read_policy(path).id == "vlh"


@pytest.mark.parametrize(("old", "key", "limit"), [
    ('name = "', "document.name", 300), ('title = "', "title", 300),
    ('mention = "', "vat.mention", 300), ('text = "Une facture', "text", 4000),
])
def test_a_text_longer_than_a_policy_holds_is_refused(tmp_path: Path, old: str, key: str,
                                                      limit: int) -> None:
    """A document name of 950,000 characters was read: the receipt citing it had 223
    pages, and `verify` called it damaged. A one-line text holds 300 characters at most,
    prose (a quoted clause, a note) 4,000; the message names the key, length and limit."""
    from sessiond.policy.reader import LINE_LIMIT, PROSE_LIMIT

    assert (LINE_LIMIT, PROSE_LIMIT) == (300, 4000)
    long = "Conditions " * (limit // 11 + 1)
    message = lint(tmp_path, VLH.replace(old, old + long, 1))
    assert key in message and f"{limit}" in message, message
    assert "caractères" in message



@pytest.mark.parametrize(("old", "new", "key", "code"), [
    ('article = "3.2"', 'article = "3.2\\u001b]0;pwned\\u0007"', "rules.quote-accepted-before-start"
     ".article", "001B"),
    ('title = "', 'title = "\\u202eT', "title", "202E"),
    ('text = "Une facture', 'text = "Une\\u0085facture', "text", "0085"),
    ('text = "Une facture', 'text = "Une \\u2066facture', "text", "2066"),
    ('mention = "', 'mention = "M\\u009b31m', "vat.mention", "009B"),
])
def test_a_control_or_direction_character_is_refused(tmp_path: Path, old: str, new: str,
                                                     key: str, code: str) -> None:
    """The policies screen, the findings and the receipt show a policy's article, title and
    quoted words as the file gives them: an ESC sequence in an article retitled or cleared
    the terminal, a right-to-left override reversed the line."""
    message = lint(tmp_path, VLH.replace(old, new, 1))
    assert f"{key}\u202f: attendu\u202f: du texte sans caractère de contrôle" in message, message
    assert f"U+{code}" in message, message


def test_a_tab_and_line_ends_in_prose_are_no_control(tmp_path: Path) -> None:
    path = tmp_path / "vlh.toml"
    path.write_text(VLH.replace('text = "Une facture', 'text = """Une\tfacture\r\n', 1).replace(
        'à la fin de chaque intervention."', 'à la fin de chaque intervention."""', 1), "utf-8")
    assert read_policy(path).id == "vlh"


def test_many_problems_are_said_in_a_few_lines(tmp_path: Path) -> None:
    """80,000 unknown keys printed 80,000 lines (4 MB) on `policy lint`, `policy list
    --json` and every session planned under that policy: the first twenty are said, and
    how many more there are."""
    many = "".join(f"k{i} = 1\n" for i in range(80_000))
    message = lint(tmp_path, VLH.replace("[tranches]\n", "[tranches]\n" + many))
    lines = message.splitlines()
    assert len(lines) == 21, lines[-3:]
    assert lines[0].endswith("tranches.k0\u202f: clé inconnue")
    assert lines[19].endswith("tranches.k19\u202f: clé inconnue")
    assert "79980 autres problèmes" in lines[20] and "policy lint" in lines[20]
    few = "".join(f"k{i} = 1\n" for i in range(25))  # a few more than twenty: all said
    assert len(lint(tmp_path, VLH.replace("[tranches]\n", "[tranches]\n" + few))
               .splitlines()) == 25
