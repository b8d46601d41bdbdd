"""A whole session through the real `sessiond` command, and every refused transition."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import Cli


def iso(instant: datetime) -> str:
    return instant.astimezone(UTC).replace(microsecond=0).isoformat()


@pytest.fixture
def planned(cli: Cli) -> str:
    client = cli("client", "add", "Jeanne Martin", "--consumer").out.strip()
    return cli("session", "new", client, "--policy", "mri87", "--tool", "anydesk").out.strip()


def test_whole_session_with_consent_pauses_and_at_corrections(cli: Cli, planned: str) -> None:
    t0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    cli("consent", planned, "--channel", "tool-code", "--by", "Jeanne Martin",
        "--at", iso(t0))
    cli("start", planned, "--at", iso(t0 + timedelta(minutes=1)))
    cli("pause", planned, "--reason", "appel", "--at", iso(t0 + timedelta(minutes=21)))
    cli("resume", planned, "--at", iso(t0 + timedelta(minutes=31)))
    cli("pause", planned, "--at", iso(t0 + timedelta(minutes=40)))
    cli("resume", planned, "--at", iso(t0 + timedelta(minutes=45)))
    cli("stop", planned, "--at", iso(t0 + timedelta(minutes=61, seconds=17)))

    shown = cli.json("session", "show", planned)
    assert shown["state"] == "stopped"
    # 20 min + 9 min + 16 min 17 s of work; the two pauses (10 + 5 min) do not count.
    assert shown["elapsed_seconds"] == 20 * 60 + 9 * 60 + 16 * 60 + 17
    assert [p["seconds"] for p in shown["pauses"]] == [600, 300]
    assert shown["consent"][0]["channel"] == "tool-code"
    assert shown["started_at"].endswith("+01:00")  # Europe/Paris in November

    kinds = [e["kind"] for e in cli.events()]
    assert kinds[1:] == ["session-planned", "consent-recorded", "session-started",
                         "session-paused", "session-resumed", "session-paused",
                         "session-resumed", "session-stopped", "check-completed"]
    # The declared instant and the real recording instant are both kept.
    start = next(e for e in cli.events() if e["kind"] == "session-started")
    assert start["at"] != start["recorded_at"]
    assert cli("verify").code == 0


def test_hh_mm_is_read_in_the_local_zone(cli: Cli, planned: str) -> None:
    cli("consent", planned, "--channel", "oral", "--by", "J. M.")
    local_now = datetime.now(UTC).astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    earlier = local_now - timedelta(minutes=5)
    cli("start", planned, "--at", earlier.strftime("%H:%M"))
    shown = cli.json("session", "show", planned)
    assert shown["started_at"][11:16] == earlier.strftime("%H:%M")
    assert 4 * 60 <= shown["elapsed_seconds"] <= 6 * 60 + 5


def test_running_session_survives_a_new_process(cli: Cli, planned: str) -> None:
    cli("consent", planned, "--channel", "phone", "--by", "Jeanne")
    cli("start", planned, "--at", iso(datetime.now(UTC) - timedelta(minutes=30)))
    status = cli.json("status")["sessions"]
    assert [s["session"] for s in status] == [planned]
    assert status[0]["state"] == "running"
    assert 30 * 60 <= status[0]["elapsed_seconds"] <= 30 * 60 + 30


def test_start_without_consent_needs_a_reason_and_stays_visible(cli: Cli, planned: str) -> None:
    refused = cli("start", planned, "--without-consent", check=False)
    assert refused.code == 2 and "--reason" in refused.err
    cli("start", planned, "--without-consent", "--reason", "client injoignable, urgence")
    shown = cli.json("session", "show", planned)
    assert shown["without_consent"] is True and shown["state"] == "running"
    assert "SANS consentement" in cli("session", "show", planned).out


REFUSALS = [
    # (steps before, refused command, a word the message must contain)
    ([], ["start"], "consent"),
    ([], ["stop"], "pas encore commencé"),
    ([], ["pause"], "pas encore commencé"),
    ([["consent", "--channel", "oral", "--by", "X"], ["start"]], ["resume"], "déjà en cours"),
    ([["consent", "--channel", "oral", "--by", "X"], ["start"]], ["start"], "déjà en cours"),
    ([["consent", "--channel", "oral", "--by", "X"], ["start"], ["pause"]], ["pause"],
     "en pause"),
    ([["consent", "--channel", "oral", "--by", "X"], ["start"], ["stop"]], ["resume"],
     "déjà arrêtée"),
    ([["consent", "--channel", "oral", "--by", "X"], ["start"], ["stop"]], ["stop"],
     "déjà arrêtée"),
]


@pytest.mark.parametrize(("before", "command", "word"), REFUSALS)
def test_invalid_transitions_are_refused_and_write_nothing(
    cli: Cli, planned: str, before: list[list[str]], command: list[str], word: str
) -> None:
    for step in before:
        cli(step[0], planned, *step[1:])
    count = len(cli.events())
    result = cli(command[0], planned, *command[1:], check=False)
    assert result.code == 2
    assert word in result.err.replace("\u00a0", " ").lower() or word in result.err
    assert len(cli.events()) == count


def test_a_stop_before_its_start_is_refused(cli: Cli, planned: str) -> None:
    now = datetime.now(UTC)
    cli("consent", planned, "--channel", "oral", "--by", "X")
    cli("start", planned, "--at", iso(now - timedelta(minutes=10)))
    count = len(cli.events())
    result = cli("stop", planned, "--at", iso(now - timedelta(minutes=20)), check=False)
    assert result.code == 2 and "avant" in result.err
    assert len(cli.events()) == count


@pytest.mark.parametrize(("text", "word"), [
    ("2026-10-25T02:30", "deux fois"),       # autumn: 02:00-03:00 happens twice
    ("2026-03-29T02:30", "n'existe pas"),    # spring: 02:00-03:00 never happens
    ("demain midi", "illisible"),
    ("2999-01-01T10:00+01:00", "futur"),
])
def test_bad_times_are_refused(cli: Cli, planned: str, text: str, word: str) -> None:
    result = cli("consent", planned, "--channel", "oral", "--by", "X", "--at", text,
                 check=False)
    assert result.code == 2 and word in result.err
    assert [e["kind"] for e in cli.events()] == ["client-added", "session-planned"]


def test_unknown_ids_and_bad_usage(cli: Cli) -> None:
    assert cli("start", "s-nope", check=False).code == 2
    assert cli("session", "new", "c-nope", check=False).code == 2
    assert cli("client", "add", "X", "--country", "France", check=False).code == 2
    assert cli("frobnicate", check=False).code == 2
    assert cli.events() == []


def test_a_mistyped_id_command_or_choice_is_answered_with_the_one_it_was_meant_to_be(
        cli: Cli, planned: str) -> None:
    """A slip of the finger (one letter changed, dropped, added, or two swapped) gets the
    known word back; an id that is nothing like a known one gets no guess."""
    client = cli.json("session", "show", planned)["client"]
    # The last two letters swapped, or the last changed when they are the same ("gg").
    last = planned[-1] + planned[-2] if planned[-1] != planned[-2] else (
        planned[-2] + ("a" if planned[-1] != "a" else "b"))
    typo = planned[:-2] + last
    assert typo != planned
    refused = cli("start", typo, check=False)
    assert refused.code == 2 and f"Vouliez-vous dire {planned}\u202f?" in refused.err
    refused = cli("session", "new", client[:-1] + "#", check=False)
    assert refused.code == 2 and f"Vouliez-vous dire {client}\u202f?" in refused.err
    assert "Vouliez-vous" not in cli("start", "s-zzzzzz", check=False).err
    assert "Vouliez-vous dire resume" in cli("resme", planned, check=False).err
    refused = cli("session", "new", client, "--tool", "AnyDsk", check=False)
    assert refused.code == 2 and "Vouliez-vous dire anydesk" in refused.err
    # An option: among the command's own (and sessiond's), not another command's.
    refused = cli("session", "new", client, "--toll", "anydesk", check=False)
    assert refused.code == 2 and "Vouliez-vous dire --tool\u202f?" in refused.err
    refused = cli("pause", planned, "--resaon=appel", check=False)
    assert refused.code == 2 and "Vouliez-vous dire --reason\u202f?" in refused.err
    assert "Vouliez-vous" not in cli("pause", planned, "--tol", "x", check=False).err
    cli.env["SESSIOND_LANG"] = "en"
    assert f"Did you mean {planned}?" in cli("stop", typo, check=False).err
    assert [e["kind"] for e in cli.events()] == ["client-added", "session-planned"]


def test_a_short_policy_id_mistyped_is_answered_with_the_one_it_was_meant_to_be(
        cli: Cli, planned: str) -> None:
    """Two letters swapped in a short id ("vhl" for vlh) are a slip too, though the two
    spellings share only two letters in order."""
    client = cli.json("session", "show", planned)["client"]
    refused = cli("session", "new", client, "--policy", "vhl", check=False)
    assert refused.code == 2 and "Vouliez-vous dire vlh\u202f?" in refused.err
    refused = cli("session", "new", client, "--policy", "micro-alps", check=False)
    assert "Vouliez-vous dire micro-alpes\u202f?" in refused.err
    assert "Vouliez-vous" not in cli("session", "new", client, "--policy", "zzz",
                                     check=False).err


def test_a_name_typed_where_a_client_id_goes_is_answered_with_the_clients_it_matches(
        cli: Cli) -> None:
    """A technician types the client's name instead of his id: the refusal lists the
    clients that name matches (accents and case aside), and takes none of them for it
    (two clients may share a name); `client list WORDS` finds them the same way."""
    jeanne = cli("client", "add", "Jeanne Lefèvre", "--consumer",
                 "--address", "3 rue Haute, 87000 Limoges").out.strip()
    other = cli("client", "add", "Jeanne Martin", "--consumer").out.strip()
    paul = cli("client", "add", "Paul Lefevre", "--consumer").out.strip()
    refused = cli("session", "new", "Lefevre", "--policy", "vlh", check=False)
    assert refused.code == 2
    assert f"{jeanne} Jeanne Lefèvre" in refused.err and f"{paul} Paul Lefevre" in refused.err
    assert other not in refused.err
    refused = cli("session", "new", "jeanne limoges", "--policy", "vlh", check=False)
    assert jeanne in refused.err and other not in refused.err and paul not in refused.err
    assert "correspondent" not in cli("session", "new", "Durand", check=False).err
    assert [e["kind"] for e in cli.events()] == ["client-added"] * 3  # nothing planned
    listed = cli("client", "list", "LEFEVRE").out
    assert jeanne in listed and paul in listed and other not in listed
    assert [c["client"] for c in cli.json("client", "list", "jeanne")] == [jeanne, other]
    assert "Aucun client ne correspond" in cli("client", "list", "Durand").out
    assert len(cli.json("client", "list")) == 3


def test_json_output_uses_offsets_and_seconds(cli: Cli, planned: str) -> None:
    data = cli.json("session", "show", planned)
    assert data["planned_at"][-6:] in ("+01:00", "+02:00")
    assert isinstance(data["elapsed_seconds"], int)


def test_json_may_come_before_the_command(cli: Cli, planned: str) -> None:
    data = json.loads(cli("--json", "session", "show", planned).out)
    assert data["session"] == planned
    refused = cli("--json", "start", planned, check=False)
    assert refused.code == 2 and json.loads(refused.err)["exit_code"] == 2


def test_a_refusal_in_json_is_one_json_document_with_the_warnings_before_it(
        cli: Cli, planned: str) -> None:
    """What the terms still ask, printed before a start, goes into the JSON error: stderr
    parses as one document."""
    refused = cli("start", planned, "--json", check=False)
    error = json.loads(refused.err)
    assert refused.code == 2 and error["exit_code"] == 2 and "consent" in error["error"]
    assert error["messages"] and all(isinstance(m, str) for m in error["messages"])
    cli("consent", planned, "--channel", "phone", "--by", "Jeanne")
    started = cli("start", planned, "--json")
    assert json.loads(started.out)["messages"] == error["messages"]
    assert "sessiond: " in started.err  # a success still tells the person on stderr


def test_english_on_request(cli: Cli, planned: str) -> None:
    cli.env["SESSIOND_LANG"] = "en"
    result = cli("start", planned, check=False)
    assert result.code == 2 and "No consent on record" in result.err


def test_consent_given_twice_the_same_way_is_said_once(cli: Cli, planned: str) -> None:
    for _ in range(2):
        cli("consent", planned, "--channel", "phone", "--by", "Jeanne")
    cli("consent", planned, "--channel", "email", "--by", "Jeanne")
    line = cli("session", "show", planned).out
    assert "consentement : téléphone, e-mail" in line.replace("\u202f", " "), line
    assert len(cli.json("session", "show", planned, "--json")["consent"]) == 3


def test_blank_or_malformed_personal_fields_are_refused_in_words(cli: Cli,
                                                                 planned: str) -> None:
    """An empty name, note or consenting person, a mistyped e-mail or phone: refused in
    French, naming what to type, never as an event kind and a field id; nothing written."""
    before = len(cli.json("log"))
    cases = [
        (("client", "add", "  "), "sessiond client add"),
        (("client", "add", "Bob", "--email", "bob@"), "adresse e-mail"),
        (("client", "add", "Bob", "--email", "pas-un-mail"), "adresse e-mail"),
        (("client", "add", "Bob", "--phone", "abc"), "numéro de téléphone"),
        (("note", planned, "   "), f"sessiond note {planned}"),
        (("consent", planned, "--channel", "phone", "--by", " "), "--by"),
    ]
    for args, words in cases:
        refused = cli(*args, check=False)
        assert refused.code == 2 and words in refused.err, (args, refused.err)
        assert "-added" not in refused.err and "-recorded" not in refused.err, refused.err
    assert len(cli.json("log")) == before
    client = cli("client", "add", "Bob", "--email", "b.b@mail.example.fr",
                 "--phone", "+33  6 12 34 56 78").out.strip()
    assert cli.json("client", "export", client)["client"]["phone"] == "+33 6 12 34 56 78"


def test_a_secret_typed_in_a_client_name_or_address_is_refused(cli: Cli) -> None:
    """A password in the wrong field is still a password; a door code opens his home."""
    before = len(cli.json("log"))
    for args in (("client", "add", "Paul mdp: hunter2"),
                 ("client", "add", "Paul Roux", "--address",
                  "Bât. B, digicode 1234A, 12 rue X")):
        refused = cli(*args, check=False)
        assert refused.code == 2 and "semble contenir" in refused.err, refused.err
        assert "hunter2" not in refused.err and "1234A" not in refused.err
    assert len(cli.json("log")) == before
    assert cli("client", "list").out.strip() == "Aucun client pour l'instant."
    cli("client", "add", "Serrurerie La Clé d'Or", "--address", "3 rue du Code, 75001 Paris")
