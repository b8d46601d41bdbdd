"""The "EI" mention: one rule for the identity form, receipts and invoices."""

from __future__ import annotations

import pytest

from sessiond.law.sole_trader import has_mention, with_mention


@pytest.mark.parametrize(("name", "printed"), [
    ("Jean Dupont", "Jean Dupont EI"),
    ("Jean Dupont EI", "Jean Dupont EI"),
    ("EI Jean Dupont", "EI Jean Dupont"),  # before the name is as good as after
    ("Jean  Dupont   entrepreneur individuel", "Jean Dupont entrepreneur individuel"),
    ("Jean Deibert", "Jean Deibert EI"),  # letters inside a word are not the mention
    ("Seil", "Seil EI"),
    ("", ""),
])
def test_documents_print_the_name_with_the_mention_once(name: str, printed: str) -> None:
    assert with_mention(name) == printed
    assert has_mention(with_mention(name)) or not name


def test_the_identity_form_and_the_invoice_agree() -> None:
    from sessiond.config import Technician
    from sessiond.configfile import identity_problems

    named = Technician(name="EI Jean Dupont", siret="73282932000074",
                       address="3 rue de l'Église, 54230 Chaligny")
    assert not any(p.field == "name" for p in identity_problems(named))
    unnamed = Technician(name="Jean Dupont", siret="73282932000074",
                         address="3 rue de l'Église, 54230 Chaligny")
    assert [p.field for p in identity_problems(unnamed)] == ["name"]
