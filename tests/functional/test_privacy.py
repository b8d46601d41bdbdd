"""Nothing given to sessiond as a client's personal data is stored in clear."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import timed, write_config
from tests.functional.test_corrections import FAKETIME_LIB

PERSONAL = {
    "name": "Hortense Quillebeuf",
    "email": "hortense.quillebeuf@exemple.fr",
    "phone": "06 12 34 56 78",
    "partner": "987654321",
    "problem": "Imprimante Zyxquorp hors ligne",
    "by": "Gaspard Quillebeuf",
    "note": "Pilote Zyxquorp réinstallé, test impression correct",
    "reason": "Pause déjeuner chez Quillebeuf",
}


def all_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())


def test_personal_data_never_in_clear(cli: Cli) -> None:
    client = cli("client", "add", PERSONAL["name"], "--email", PERSONAL["email"],
                 "--phone", PERSONAL["phone"]).out.strip()
    s = cli("session", "new", client, "--policy", "vlh", "--partner-id", PERSONAL["partner"],
            "--problem", PERSONAL["problem"]).out.strip()
    cli("consent", s, "--channel", "phone", "--by", PERSONAL["by"])
    cli("start", s)
    cli("note", s, PERSONAL["note"])
    cli("pause", s, "--reason", PERSONAL["reason"])
    cli("stop", s)
    data = all_bytes(cli.home)
    for value in PERSONAL.values():
        for form in (value, value.replace(" ", "")):
            assert form.encode() not in data, value
    for word in ("Quillebeuf", "Zyxquorp", "Hortense"):
        assert word.encode() not in data and word.encode("utf-16-le") not in data
    # ...yet the technician reads them back through sessiond.
    assert PERSONAL["note"] in cli("log", s).out
    assert PERSONAL["name"] in cli("client", "list").out


def test_erasing_a_client_keeps_the_chain_verifiable(cli: Cli) -> None:
    client = cli("client", "add", PERSONAL["name"]).out.strip()
    s = cli("session", "new", client, "--policy", "mri87").out.strip()
    cli("consent", s, "--channel", "oral", "--by", PERSONAL["by"])
    assert cli("client", "erase", client, check=False).code == 2  # needs --yes
    cli("client", "erase", client, "--yes")
    assert PERSONAL["name"] not in cli("client", "list").out
    assert PERSONAL["by"] not in cli("log").out
    assert cli("verify").code == 0


def test_a_client_whose_invoices_are_kept_for_the_accounts_is_erased_only_on_purpose(
        cli: Cli, tmp_path: Path) -> None:
    """An erasure request does not cut short the ten years the accounts keep an invoice
    (C. com. L123-22; RGPD art. 17(3)(b)): erased, it could no longer be printed again
    nor cancelled by a credit note. The refusal says so and how to erase anyway."""
    write_config(cli.home)
    client = cli("client", "add", PERSONAL["name"], "--address", "2 rue Haute, 76000 Rouen"
                 ).out.strip()
    session = timed(cli, client, "vlh", "2026-11-30T09:00:00+01:00",
                    "2026-11-30T09:40:00+01:00")
    number = cli.json("invoice", session, "--out", str(tmp_path) + "/")["number"]
    refused = cli("client", "erase", client, "--yes", check=False)
    assert refused.code == 2, refused.err
    assert number in refused.err and "C. com. art. L123-22" in refused.err, refused.err
    assert "--despite-invoices" in refused.err and "Traceback" not in refused.err
    assert PERSONAL["name"] in cli("client", "list").out  # nothing erased
    other = cli("client", "add", "Sans Facture").out.strip()
    cli("client", "erase", other, "--yes")  # a client without invoices: as before
    cli("client", "erase", client, "--yes", "--despite-invoices")
    assert PERSONAL["name"] not in cli("client", "list").out
    assert cli("verify").code == 0


@pytest.mark.skipif(not FAKETIME_LIB.exists(), reason="libfaketime is not installed")
def test_invoices_past_their_accounting_years_no_longer_hold_the_erasure(
        real_cli: Cli, tmp_path: Path) -> None:
    """Invoiced eleven years ago (the clock set back by libfaketime), the client is past
    the ten years: `client erase --yes` erases him."""
    write_config(real_cli.home)
    past = Cli(real_cli.home, {**real_cli.env, "LD_PRELOAD": str(FAKETIME_LIB),
                               "FAKETIME": "@2015-06-01 12:00:00"}, real=True)
    client = past("client", "add", PERSONAL["name"], "--address", "2 rue Haute, 76000 Rouen"
                  ).out.strip()
    session = timed(past, client, "vlh", "2015-06-01T09:00:00+02:00",
                    "2015-06-01T09:40:00+02:00")
    past("invoice", session, "--out", str(tmp_path) + "/")
    assert past("client", "erase", client, "--yes", check=False).code == 2  # in 2015
    real_cli("client", "erase", client, "--yes")  # in 2026
    assert PERSONAL["name"] not in real_cli("client", "list").out


def test_files_and_directories_are_private(cli: Cli) -> None:
    cli("client", "add", "X")
    for path in [cli.home, *cli.home.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, (path, oct(mode))


def test_disguised_secrets_are_refused_by_the_real_command(cli: Cli) -> None:
    # What a technician pastes or a keyboard layout types: look-alike characters, a
    # command line, a config line. Each is refused before anything is written, and the
    # refusal never repeats the secret.
    client = cli("client", "add", "Jeanne Martin").out.strip()
    s = cli("session", "new", client, "--policy", "vlh").out.strip()
    events = len(cli.events())
    notes = ["m\u200bdp : Soleil2024", "m\u043et de passe : Soleil2024",
             "\uff4d\uff44\uff50 : Soleil2024", "net user jdupont Soleil2024 /add",
             "DB_PASSWORD=Soleil2024", "TeamViewer 123456789 / Soleil2024"]
    for note in notes:
        refused = cli("note", s, note, check=False)
        assert refused.code == 2, (note, refused.out, refused.err)
        assert "Soleil2024" not in refused.out + refused.err
    by = cli("consent", s, "--channel", "oral", "--by", "Jeanne, mdp\u00a0: Soleil2024",
             check=False)
    assert by.code == 2 and "Soleil2024" not in by.out + by.err
    assert len(cli.events()) == events


def test_a_refused_secret_names_the_field_it_was_typed_in(cli: Cli) -> None:
    # "Ce texte semble contenir" did not say which of a command's texts held the secret
    # (the --reason, the --by name, the address, a --problem): the refusal names it.
    client = cli("client", "add", "Jeanne Martin").out.strip()
    events = len(cli.events())
    s = cli("session", "new", client, "--policy", "vlh").out.strip()
    cases = [
        (("client", "add", "Paul Roux", "--address", "12 rue X, mdp : Soleil2024"),
         "L'adresse semble contenir"),
        (("client", "add", "Paul mdp : Soleil2024"), "Le nom du client semble contenir"),
        (("session", "new", client, "--problem", "Outlook, mdp : Soleil2024"),
         "Le problème semble contenir"),
        (("consent", s, "--channel", "oral", "--by", "Jeanne, mdp : Soleil2024"),
         "Le nom de la personne semble contenir"),
        (("start", s, "--without-consent", "--reason", "mdp : Soleil2024"),
         "Le motif semble contenir"),
        (("note", s, "mdp : Soleil2024"), "La note semble contenir"),
    ]
    for args, words in cases:
        refused = cli(*args, check=False)
        assert refused.code == 2 and words in refused.err, (args, refused.err)
        assert "Soleil2024" not in refused.out + refused.err
    assert len(cli.events()) == events + 1  # the session planned, nothing else


def test_a_password_typed_with_the_partner_id_is_refused(cli: Cli) -> None:
    # --partner-id was stored as typed, unscanned: "123456789 / 4kd9x2" is the client's
    # TeamViewer ID and its password. It is read after the tool's name, as in a note; an
    # ID alone, grouped, an alias or an address still plan the session.
    client = cli("client", "add", "Jeanne Martin").out.strip()
    events = len(cli.events())
    for tool, typed in (("teamviewer", "123456789 / 4kd9x2"), ("anydesk", "123456789 4kd9x2"),
                        ("teamviewer", "123 456 789 code 4821"),
                        ("phone", "123456789 mdp : Soleil2024")):
        refused = cli("session", "new", client, "--tool", tool, "--partner-id", typed,
                      check=False)
        assert refused.code == 2, (typed, refused.out, refused.err)
        assert "L'identifiant du client dans l'outil semble contenir" in refused.err, refused.err
        assert "4kd9x2" not in refused.err and "4821" not in refused.err
        assert "Soleil2024" not in refused.err
    assert len(cli.events()) == events
    for typed in ("123 456 789", "1 234 567 890", "123456789@ad", "192.168.1.20"):
        cli("session", "new", client, "--partner-id", typed)
    assert len(cli.events()) == events + 4


def test_a_password_pasted_in_a_client_field_is_refused_without_being_quoted(cli: Cli) -> None:
    # The e-mail, phone and SIREN checks quote what they refuse ("'…' n'est pas une
    # adresse e-mail"): a client's line of credentials pasted there was printed back, the
    # password with it. It is refused as a secret first, naming the field.
    client = cli("client", "add", "Jeanne Martin").out.strip()
    events = len(cli.events())
    cases = [
        (("--email", "jean@gmail.com / Soleil2024"), "L'adresse e-mail semble contenir"),
        (("--email", "jean@gmail.com mdp : Soleil2024"), "L'adresse e-mail semble contenir"),
        (("--phone", "06 12 34 56 78 mdp : Soleil2024"),
         "Le numéro de téléphone semble contenir"),
        (("--siren", "552100554 mdp Soleil2024"), "Le SIREN ou SIRET semble contenir"),
    ]
    for option, words in cases:
        for args in (("client", "add", "Paul Roux", *option),
                     ("client", "edit", client, *option)):
            refused = cli(*args, check=False)
            assert refused.code == 2 and words in refused.err, (args, refused.err)
            assert "Soleil2024" not in refused.out + refused.err
    assert len(cli.events()) == events
    # A typo with no secret is still quoted, to be corrected.
    typo = cli("client", "add", "Paul Roux", "--email", "paul.roux@@exemple.fr", check=False)
    assert typo.code == 2 and "paul.roux@@exemple.fr" in typo.err


def test_a_password_written_as_the_addresss_login_is_refused(cli: Cli) -> None:
    # "jean:Soleil2024@gmail.com" has one "@" and a dotted domain: it read as an address and
    # was stored (and would be printed on invoices) with the password in it.
    client = cli("client", "add", "Jeanne Martin").out.strip()
    events = len(cli.events())
    for typed, secret in (("jean:Soleil2024@gmail.com", "Soleil2024"),
                          ("jean.martin:chaton@orange.fr", "chaton"),
                          ("jean@gmail.com:chaton", "chaton")):
        for args in (("client", "add", "Paul Roux", "--email", typed),
                     ("client", "edit", client, "--email", typed)):
            refused = cli(*args, check=False)
            assert refused.code == 2, (args, refused.err)
            assert "L'adresse e-mail semble contenir" in refused.err
            assert secret not in refused.out + refused.err
    assert len(cli.events()) == events
    # An address with no colon, or a port after the domain's, is no password.
    cli("client", "edit", client, "--email", "jean.martin+factures@orange.fr")
    assert len(cli.events()) == events + 1
