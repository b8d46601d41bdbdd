"""Pieces of the documents: the identity check that numbers receipts, machine lines that
never cut a token, the scopes of exports, the signed data's armour, and naming the fields
where two data trees differ."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sessiond.config import Technician, technician_problems
from sessiond.exports.layout import Code, block_lines, machine_lines
from sessiond.exports.pdf import _code_size
from sessiond.exports.proof import EventsProof, Scope, parse_proofs
from sessiond.exports.receipt_verify import differences
from sessiond.exports.signed import armour, read_text_copy

CHECKPOINT = ("SESSIOND-CHECKPOINT v1;seq=12;hash=" + "a" * 64 + ";at=2025-03-10T08:52:10Z;"
              "key=" + "b" * 16 + ";sig=" + "c" * 128)


def test_identity_names_what_is_missing_or_invalid() -> None:
    complete = Technician(name="Jean Dupré", siret="732 829 320 00074",
                          address="3 rue de l'Église, 54230 Chaligny")
    assert technician_problems(complete) == []
    assert [p.field for p in technician_problems(Technician())] == ["name", "siret",
                                                                    "address"]
    wrong = technician_problems(Technician(name="J", siret="123 456 789 00012", address="x"))
    assert [p.field for p in wrong] == ["siret"] and "123 456 789 00012" in wrong[0].message
    # A SIREN alone, and La Poste's SIRETs (sum of digits), are valid.
    for siret in ("732829320", "356 000 000 00048", "35600000049837"):
        assert technician_problems(Technician(name="J", siret=siret, address="x")) == []
    assert technician_problems(Technician(name="J", siret="73282932", address="x"))


def test_machine_lines_cut_between_fields_only() -> None:
    lines = machine_lines(CHECKPOINT)
    assert "".join(lines) == CHECKPOINT
    fields = set(CHECKPOINT.split(";"))
    for line in lines:
        assert all(part in fields for part in line.rstrip(";").split(";"))
    assert any(line == "sig=" + "c" * 128 for line in lines)  # longer than the width, whole


@given(st.lists(st.text(alphabet="abc=:0123456789", min_size=1, max_size=30), min_size=1,
                max_size=12), st.integers(10, 120))
def test_machine_lines_keep_every_field_whole(fields: list[str], width: int) -> None:
    text = ";".join(fields)
    lines = machine_lines(text, width)
    assert "".join(lines) == text
    assert [f for line in lines for f in line.removesuffix(";").split(";")] == fields


def test_code_lines_are_never_wrapped() -> None:
    code = Code(tuple(machine_lines(CHECKPOINT)))
    assert block_lines(code) == ["  " + line for line in code.lines]
    # The PDF shrinks the font until the longest line fits 174 mm: sig= + 128 hex fits.
    size = _code_size(code.lines, 174.0)
    assert 4.5 <= size <= 7 and 132 * size * 0.6 * 25.4 / 72 <= 174.0


def test_export_scopes_round_trip() -> None:
    digest = "ab" * 32
    for scope in (Scope.started(date(2025, 3, 10), date(2025, 3, 14), "Europe/Paris"),
                  Scope.paid(date(2025, 3, 1), date(2025, 3, 31), "Europe/Paris"),
                  Scope.days(date(2025, 3, 10), date(2025, 3, 10), "Europe/Paris")):
        proof = EventsProof(scope, 42, 3, 30, digest)
        assert parse_proofs("x " + proof.text() + " y") == [proof]
        assert Scope.parse(scope.text()) == scope
    assert "livre" in Scope.paid(date(2025, 3, 1), date(2025, 3, 31), "UTC").describe() or \
        "book" in Scope.paid(date(2025, 3, 1), date(2025, 3, 31), "UTC").describe()


def test_signed_data_armour_round_trips() -> None:
    data, signature = '{"a":"é"}'.encode(), bytes(range(64))
    text = "RELEVÉ\nligne\n"
    carried = read_text_copy((text + armour(data, signature)).encode("utf-8"))
    assert (carried.text, carried.data, carried.signature) == (text, data, signature)
    # Damaged armour: the visible text is kept, the data is not made up.
    broken = read_text_copy((text + armour(data, signature)).replace("SIGNATURE-----",
                                                                     "SIG-----").encode())
    assert broken.data is None


def test_differences_name_the_fields() -> None:
    a = {"bill": {"total": "50.00", "lines": [{"amount": "50.00"}]}, "client": {"name": "A"}}
    b = {"bill": {"total": "25.00", "lines": [{"amount": "50.00"}]}, "client": {"name": "B"}}
    assert list(differences(a, b)) == [("bill.total", "50.00", "25.00"),
                                       ("client.name", "A", "B")]
    assert list(differences(a, a)) == []


def test_a_receipts_price_is_compared_in_numbers_not_words() -> None:
    """verify --receipt compares the price the log computes now with the receipt's, for a
    correction of the client's history leaves no event in the session: another version's
    wording of a line or of the explanation is no correction, an amount is."""
    from sessiond.exports.receipt import priced

    issued = {"bill": {"total": "35.00", "lines": [
        {"label": "Temps facturé : 1 h", "amount": "50.00"},
        {"label": "Offre de bienvenue", "amount": "-15.00"}]},
        "times": {"billed_seconds": 3600, "explanation": "1 h travaillée."},
        "client": {"name": "Jeanne"}}
    reworded = {"bill": {"total": "35.00", "lines": [
        {"label": "Durée facturée : 1 h", "amount": "50.00"},
        {"label": "Remise de bienvenue", "amount": "-15.00"}]},
        "times": {"billed_seconds": 3600, "explanation": "Une heure travaillée."},
        "client": {"name": None}}  # erased since: no correction either
    assert priced(issued) == priced(reworded)
    repriced = {**reworded, "bill": {"total": "50.00", "lines": [
        {"label": "Durée facturée : 1 h", "amount": "50.00"}]}}
    assert priced(issued) != priced(repriced)
