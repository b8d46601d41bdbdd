"""`sessiond policy`, `bill` and `credit`, run as the real command in a private home."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from tests.conftest import Cli

SHIPPED = Path(__file__).resolve().parents[2] / "policies"


def ago(minutes: float, now: datetime | None = None) -> str:
    """An instant `minutes` before `now`, with its offset (unambiguous on any DST day)."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    return (now - timedelta(minutes=minutes)).isoformat()


def client(cli: Cli, name: str = "Jeanne Martin") -> str:
    return cli("client", "add", name).out.strip()


def worked_session(cli: Cli, client_id: str, policy: str, start: float, stop: float,
                   *options: str) -> str:
    # One reference instant: the seconds the commands take must not add to the work.
    now = datetime.now(UTC).replace(microsecond=0)
    session = cli("session", "new", client_id, "--policy", policy, *options).out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Jeanne", "--at", ago(start + 1, now))
    cli("start", session, "--at", ago(start, now))
    cli("stop", session, "--at", ago(stop, now))
    return session


def test_policy_list_and_show(cli: Cli) -> None:
    listed = cli.json("policy", "list")
    assert [p["id"] for p in listed] == ["fgdmi", "md-micro-services", "micro-alpes", "mri87",
                                         "vlh"]
    assert all(p["source"] == "shipped" and not p["error"] for p in listed)
    text = cli("policy", "show", "vlh").out
    assert "art. 3.3" in text and "première heure est indivisible" in text
    # VLH 3.3 "grille tarifaire en vigueur au jour de l'intervention", 4.3 the quote's
    assert "Tarif sur site\u202f: 50,00 €/h, la grille du jour de l'intervention" in text
    assert cli.json("policy", "show", "vlh")["rates"]["remote"]["in_force"] == "order"
    shown = cli.json("policy", "show", "mri87")
    assert shown["tranches"]["first_block_seconds"] == 3600
    assert shown["credit"]["validity_months"] == 12
    assert shown["rules"]["client-in-territory"]["params"]["countries"] == ["FR"]
    assert {"key": "rates.remote", "article": "7.1"}.items() <= shown["to_review"][0].items()


def test_policy_lint(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "vlh.toml"
    good.write_text((SHIPPED / "vlh.toml").read_text("utf-8"), "utf-8")
    assert "valide" in cli("policy", "lint", str(good)).out
    broken = tmp_path / "broken.toml"
    broken.write_text((SHIPPED / "vlh.toml").read_text("utf-8")
                      .replace("increment_seconds = 900", "increment_seconds = \"15 min\"")
                      .replace('percent = "30"\narticle = "5.5"\n', 'percent = "30"\n'),
                      "utf-8")
    result = cli("policy", "lint", str(broken), check=False)
    assert result.code == 2
    assert str(broken) in result.err
    assert "tranches.increment_seconds" in result.err
    assert "discounts.new-client.article\u202f: absente" in result.err


def test_bill_a_stopped_session(cli: Cli) -> None:
    """VLH 3.3 and 5.5: 1 h 07 worked -> 1 h 15 at 50 €/h = 62.50, new client -30 %."""
    session = worked_session(cli, client(cli), "vlh", 80, 13)
    data = cli.json("bill", session)
    assert (data["worked_seconds"], data["billed_seconds"]) == (4020, 4500)
    assert [line["amount"] for line in data["lines"]] == ["62.50", "-18.75"]
    assert data["total"] == "43.75" and data["currency"] == "EUR"
    assert data["policy"] == "vlh" and data["session"] == session
    assert data["explanation"].startswith("1 h 07 min travaillées\u202f: première heure "
                                          "indivisible + 1 tranche de 15 min = 1 h 15 min "
                                          "facturées.")
    text = cli("bill", session).out
    assert "TVA non applicable, art. 293 B du CGI" in text
    assert "43,75 €" in text


def test_bill_a_running_session(cli: Cli) -> None:
    customer = client(cli)
    worked_session(cli, customer, "vlh", 300, 270)  # an earlier intervention: no discount
    session = cli("session", "new", customer, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Jeanne")
    cli("start", session, "--at", ago(50))
    data = cli.json("bill", session)
    assert data["running"] and data["amount_so_far"] == "50.00"
    nxt = data["next_tranche"]
    assert 540 <= nxt["seconds_until"] <= 600 and nxt["amount"] == "12.50"
    assert "Prochaine tranche dans" in cli("bill", session).out


def test_quoted_rate_and_fgdmi_outcomes(cli: Cli) -> None:
    """FGDMI II.1 (quoted price wins) and III.2.3 (20 % per unsolved problem, on request)."""
    session = worked_session(cli, client(cli), "fgdmi", 100, 10, "--mode", "onsite", "--rate",
                             "40", "--problem", "imprimante", "--problem", "wifi")
    cli("record", session, "outcome", "--problem", "1", "solved")
    cli("record", session, "outcome", "--problem", "2", "unsolved")
    cli("record", session, "reduction-requested")
    cli("record", session, "fee", "--kind", "travel", "--amount", "25")
    data = cli.json("bill", session)
    assert data["rate_source"] == "session"
    # 1 h 30 at 40 = 60.00; 20 % = 12.00 off; travel 25.00 not reduced.
    assert [line["amount"] for line in data["lines"]] == ["60.00", "-12.00", "25.00"]
    assert data["total"] == "73.00"


def test_fgdmi_guarantee_covers_only_the_problems_listed(cli: Cli) -> None:
    """FGDMI III.2.1 (4): the guarantee "s'applique uniquement pour les besoins et
    problématiques préalablement mentionnés dans la demande d'intervention": an outcome of a
    problem nobody listed waives nothing, and a problem number past the list is refused."""
    customer = client(cli)
    unlisted = worked_session(cli, customer, "fgdmi", 100, 10, "--mode", "onsite")
    cli("record", unlisted, "outcome", "--problem", "1", "unsolved")
    data = cli.json("bill", unlisted)
    assert [line["amount"] for line in data["lines"]] == ["90.00"]  # 1 h 30 at 60
    assert data["total"] == "90.00" and "III.2.1" in data["explanation"]
    listed = worked_session(cli, customer, "fgdmi", 100, 10, "--mode", "onsite", "--problem",
                            "imprimante", "--problem", "wifi")
    events = len(cli.events())
    for number in ("3", "0"):
        refused = cli("record", listed, "outcome", "--problem", number, "unsolved",
                      check=False)
        assert refused.code == 2 and f"problème {number}" in refused.err
    assert len(cli.events()) == events  # nothing written
    cli("record", listed, "outcome", "--problem", "2", "unsolved")
    cli("record", listed, "outcome", "--problem", "1", "unsolved")
    assert cli.json("bill", listed)["total"] == "0.00"  # no valid solution: not billed


def test_prepaid_credit(cli: Cli) -> None:
    """MRI87: a 3 h package; 1 h 07 bills 2 h from it; 1 h left; then not enough."""
    customer = client(cli)
    added = cli.json("credit", "add", customer, "--hours", "3", "--at", ago(600),
                     "--policy", "mri87")
    assert added["hours"] == "3" and added["expires_at"]
    first = worked_session(cli, customer, "mri87", 300, 233)
    data = cli.json("bill", first)
    assert data["total"] == "0.00" and data["credit"]["remaining_seconds"] == 3600
    second = worked_session(cli, customer, "mri87", 200, 110)  # 1 h 30 -> 2 h billed
    data = cli.json("bill", second)
    assert data["total"] == "50.00" and data["credit"]["shortfall_seconds"] == 3600
    assert any("art. 13" in w for w in data["warnings"])
    shown = cli.json("credit", "show", customer)
    assert shown["policy"] == "mri87" and shown["remaining_seconds"] == 0
    assert [s["covered_seconds"] for s in shown["sessions"]] == [7200, 3600]
    assert "Reste\u202f: 0 s" in cli("credit", "show", customer).out


def test_credit_add_refuses_bad_hours_and_unknown_clients(cli: Cli) -> None:
    customer = client(cli)
    # "0.0001" (0.36 s) was recorded as a package of 0 s.
    for hours in ("0", "-2", "trois", "1.23456", "0.0001"):
        result = cli("credit", "add", customer, "--hours", hours, check=False)
        assert result.code == 2, hours
    assert cli("credit", "add", "c-nobody", "--hours", "3", check=False).code == 2
    assert not cli.json("credit", "show", customer, "--policy", "mri87")["packages"]


def test_user_policy_overrides_the_shipped_one(cli: Cli) -> None:
    own = cli.home / "policies"
    own.mkdir(parents=True)
    (own / "vlh.toml").write_text((SHIPPED / "vlh.toml").read_text("utf-8").replace(
        'per_hour = "50.00"\narticle = "4.3"', 'per_hour = "60.00"\narticle = "4.3"'), "utf-8")
    listed = {p["id"]: p for p in cli.json("policy", "list")}
    assert listed["vlh"]["source"] == "user" and listed["vlh"]["overrides"]
    session = worked_session(cli, client(cli), "vlh", 100, 55)  # 45 min -> 1 h
    assert cli.json("bill", session)["lines"][0]["amount"] == "60.00"


def test_a_tariff_change_leaves_the_sessions_already_ordered_alone(cli: Cli) -> None:
    """MRI87 7.2: "les commandes en cours ne seront pas concernées par les mises à jour des
    tarifs" (MD 19, Micro-Alpes 3 alike): a session ordered at 50 €/h is billed 50 €/h, its
    no-show fee of one hour too (Micro-Alpes 3), though the rate was raised before it ran;
    one ordered after the change pays the new rate."""
    who = client(cli)
    before = cli("session", "new", who, "--policy", "mri87").out.strip()
    missed = cli("session", "new", who, "--policy", "micro-alpes", "--mode", "onsite",
                 "--appointment", ago(120)).out.strip()
    own = cli.home / "policies"
    own.mkdir(parents=True)
    for policy in ("mri87", "micro-alpes"):
        (own / f"{policy}.toml").write_text((SHIPPED / f"{policy}.toml").read_text(
            "utf-8").replace('per_hour = "50.00"', 'per_hour = "70.00"').replace(
            'per_hour = "60.00"', 'per_hour = "80.00"'), "utf-8")
    now = datetime.now(UTC).replace(microsecond=0)
    cli("consent", before, "--channel", "email", "--by", "Jeanne", "--at", ago(61, now))
    cli("start", before, "--at", ago(60, now))
    cli("stop", before, "--at", ago(20, now))
    assert cli.json("bill", before)["lines"][0]["amount"] == "50.00"  # 40 min: one hour
    cli("record", missed, "fee", "--kind", "no-show", "--at", ago(90, now))
    assert cli.json("bill", missed)["total"] == "60.00"
    after = worked_session(cli, who, "mri87", 15, 5)
    assert cli.json("bill", after)["lines"][0]["amount"] == "70.00"


def test_vlh_bills_at_home_at_the_price_list_of_the_day_of_the_intervention(cli: Cli
                                                                           ) -> None:
    """VLH 3.3: "Les prestations sont facturées conformément à la grille tarifaire en
    vigueur au jour de l'intervention": a home session ordered at 50 €/h and done after
    the grid rose to 70 €/h is billed 70 €/h; a later rise (after the intervention, before
    the bill) leaves it alone. Remote work stays at the rate of the quote (4.3)."""
    who = cli("client", "add", "Jeanne Martin", "--known-since", "2020-01-01").out.strip()
    home = cli("session", "new", who, "--policy", "vlh", "--mode", "onsite").out.strip()
    remote = cli("session", "new", who, "--policy", "vlh").out.strip()
    own = cli.home / "policies"
    own.mkdir(parents=True)
    shipped = (SHIPPED / "vlh.toml").read_text("utf-8")
    (own / "vlh.toml").write_text(shipped.replace('per_hour = "50.00"',
                                                  'per_hour = "70.00"'), "utf-8")
    now = datetime.now(UTC).replace(microsecond=0)
    for session, start in ((home, 120), (remote, 60)):
        cli("record", session, "quote-accepted", "--how", "electronic", "--by", "Jeanne", "--at",
            ago(start + 2, now))
        cli("consent", session, "--channel", "oral", "--by", "Jeanne", "--at",
            ago(start + 1, now))
        cli("start", session, "--at", ago(start, now))
        cli("stop", session, "--at", ago(start - 60, now))
    (own / "vlh.toml").write_text(shipped.replace('per_hour = "50.00"',
                                                  'per_hour = "90.00"'), "utf-8")
    assert cli.json("bill", home)["lines"][0]["amount"] == "70.00"
    assert cli.json("bill", remote)["lines"][0]["amount"] == "50.00"


def test_unknown_session_and_policy(cli: Cli) -> None:
    assert cli("bill", "s-nothere", check=False).code == 2
    result = cli("policy", "show", "nope", check=False)
    assert result.code == 2 and "vlh" in result.err


def test_wheel_ships_the_policies(tmp_path: Path) -> None:
    """`pip install .` installs the five policies inside the package, where they are found."""
    import os
    import subprocess
    import sys
    import zipfile

    import pytest

    root = Path(__file__).resolve().parents[2]
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(tmp_path / "dist"), str(root)], capture_output=True, text=True,
                           timeout=300)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no build backend?): {built.stderr[-300:]}")
    wheel = next((tmp_path / "dist").glob("sessiond-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for policy in ("md-micro-services", "mri87", "micro-alpes", "fgdmi", "vlh"):
        assert f"sessiond/shipped_policies/{policy}.toml" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=300)
    code = ("from sessiond.policy import shipped_dir, list_policies; "
            "print(shipped_dir()); print(sorted(e.id for e in list_policies()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(target),
                                          "SESSIOND_HOME": str(tmp_path / "home")}).stdout
    where, ids = out.strip().splitlines()
    assert where == str(target / "sessiond" / "shipped_policies")
    assert ids == "['fgdmi', 'md-micro-services', 'micro-alpes', 'mri87', 'vlh']"


def test_payments_typed_as_on_a_bill_or_a_statement(cli: Cli) -> None:
    """A currency sign, a decimal comma and digit groups are read; a zero payment, a third
    decimal or an ambiguous group is refused, naming the amount, and nothing is written."""
    session = worked_session(cli, client(cli), "vlh", 70, 10)
    total = cli.json("bill", session)["total"]
    for typed in ("45,50 €", "€45.50", "45,5€", "45,50 EUR", "1 045,50", "1.045,50"):
        last = cli("record", session, "payment", "--amount", typed, "--method", "cash")
    # Paid beyond the bill of a stopped session: most often a typo, said with its remedy.
    seq = cli.json("log", session)[-1]["seq"]
    assert "dépassent son montant" in last.err
    assert f"sessiond withdraw {session} {seq} --reason" in last.err
    amounts = [e["body"]["amount"] for e in cli.json("log", session)
               if e["kind"] == "payment-recorded"]
    assert amounts == ["45.50"] * 4 + ["1045.50"] * 2
    before = len(cli.json("log"))
    for typed in ("0", "0,00 €", "45,505", "1.045", "12 00", "1e3", "-5"):
        refused = cli("record", session, "payment", "--amount", typed, "--method", "cash",
                      check=False)
        assert refused.code == 2 and repr(typed) in refused.err, (typed, refused.err)
    assert len(cli.json("log")) == before
    beyond = cli.json("record", session, "payment", "--amount", "1", "--method", "cash")
    paid = 4 * 45.5 + 2 * 1045.5 + 1
    assert float(beyond["paid_beyond_bill"]) == paid - float(total)
    # bill says what was paid and what is left (nothing, and how much beyond).
    shown = cli.json("bill", session)
    assert (float(shown["paid"]), shown["left_to_pay"]) == (paid, "0.00")
    assert float(shown["paid_beyond_bill"]) == paid - float(total)
    assert "reste à payer\u202f: 0,00" in cli("bill", session).out


def test_credit_added_is_said_in_hours_and_minutes(cli: Cli) -> None:
    """"1,5" hours bought: "1 h 30 min", as the statement says it, never "1.5 h"."""
    added = cli("credit", "add", client(cli), "--hours", "1,5", "--policy", "mri87").out
    assert "Crédit ajouté\u202f: 1 h 30 min pour le client" in added and "1.5" not in added


def test_a_package_recorded_by_mistake_is_withdrawn_and_the_credit_follows(cli: Cli) -> None:
    """30 h typed for 3 h: `credit withdraw` takes the package back with a reason; the
    bill, `credit show` and the log follow, and the log still verifies."""
    customer = client(cli)
    wrong = cli.json("credit", "add", customer, "--hours", "30", "--at", ago(600),
                     "--policy", "mri87")["event"]
    right = cli.json("credit", "add", customer, "--hours", "3", "--at", ago(590),
                     "--policy", "mri87")["event"]
    session = worked_session(cli, customer, "mri87", 120, 30)
    assert cli.json("bill", session)["total"] == "0.00"
    out = cli.json("credit", "withdraw", customer, f"#{wrong}", "--reason", "30 pour 3")
    assert out["events"][0]["body"] == {"corrects": wrong}
    assert "reste 1 h" in cli("credit", "show", customer, "--policy", "mri87").out
    assert cli.json("bill", session)["total"] == "0.00"  # the 3 h package still covers it
    cli("credit", "withdraw", customer, str(right), "--reason", "pas payé")
    assert cli.json("bill", session)["total"] == "100.00"
    again = cli("credit", "withdraw", customer, str(right), "--reason", "x", check=False)
    assert again.code == 2 and "déjà retiré" in again.err
    not_a_package = cli("credit", "withdraw", customer, "1", "--reason", "x", check=False)
    assert not_a_package.code == 2  # event #1 adds the client
    assert f"[corrigé par #{out['events'][0]['seq']}]" in cli("log").out
    assert cli("verify").code == 0


def test_a_mode_the_terms_price_not_needs_its_quoted_rate_when_planned(cli: Cli) -> None:
    """VLH 4.3 and 5.2 price remote and home work only (the price is the quote's); MRI87
    7.1 remote only. A session planned in another mode without --rate could be timed but
    never billed (its rate is given only at `session new`): refused there, with the way
    out; with the quoted rate it is billed at that rate."""
    who = client(cli)
    for policy, mode in (("vlh", "workshop"), ("mri87", "onsite"), ("micro-alpes", "workshop")):
        refused = cli("session", "new", who, "--policy", policy, "--mode", mode, check=False)
        assert refused.code == 2, (policy, mode, refused.out)
        assert "--rate" in refused.err and "--policy" in refused.err  # the two ways out
    session = worked_session(cli, who, "vlh", 20, 13, "--mode", "workshop", "--rate", "40")
    data = cli.json("bill", session)
    assert (data["rate_per_hour"], data["rate_source"]) == ("40.00", "session")
    assert data["lines"][0]["amount"] == "40.00"
    # A mode the terms price needs no quote: the list's rate applies.
    session = worked_session(cli, who, "vlh", 20, 13, "--mode", "onsite")
    assert cli.json("bill", session)["rate_source"] == "policy"


def test_travel_is_charged_once_an_intervention(cli: Cli) -> None:
    """Every document prices the travel of an intervention, never one per trip (MD 2, 5:
    by zone; VLH 5.2; FGDMI III.5: "redevable du déplacement"; Micro-Alpes 3): a second
    travel fee is refused, citing the terms' article, and nothing is written; once the
    first is withdrawn, the right one is recorded."""
    session = worked_session(cli, client(cli), "md-micro-services", 40, 5, "--mode", "onsite")
    first = cli.json("record", session, "fee", "--kind", "travel", "--amount", "20")
    again = cli("record", session, "fee", "--kind", "travel", "--amount", "20", check=False)
    assert again.code == 2
    assert f"a déjà «\u00a0Frais de déplacement\u00a0» (événement n°\u00a0{first['event']})" \
        in again.err
    assert "une fois par intervention (art. 2, 5)" in again.err
    fees = [line for line in cli.json("bill", session)["lines"] if line["kind"] == "fee"]
    assert [line["amount"] for line in fees] == ["20.00"]
    cli("withdraw", session, str(first["event"]), "--reason", "montant faux")
    cli("record", session, "fee", "--kind", "travel", "--amount", "35")
    fees = [line for line in cli.json("bill", session)["lines"] if line["kind"] == "fee"]
    assert [line["amount"] for line in fees] == ["35.00"]
    # Each fee once, and a fee of another kind beside it (VLH 5.6 and 5.2 have both).
    waiting = cli("record", session, "fee", "--kind", "waiting", "--amount", "5", check=False)
    assert waiting.code == 0
    twice = cli("record", session, "fee", "--kind", "waiting", "--amount", "5", check=False)
    assert twice.code == 2 and "une fois par intervention" in twice.err


def test_micro_alpes_no_show_bills_the_waiting_but_never_below_the_hour(cli: Cli) -> None:
    """Micro-Alpes 3, 10.2: "les frais de déplacement + son temps d'attente éventuel
    (minimum de facturation : 1 heure)": a longer wait recorded as the fee's amount is
    billed as recorded, a smaller amount at the hour (it was billed as typed), with a
    warning citing the article; with no amount, the hour at the session's rate."""
    customer = client(cli)
    shown = cli.json("policy", "show", "micro-alpes")
    assert shown["fees"]["no-show"]["minimum"] is True
    rate = Decimal(shown["rates"]["onsite"]["per_hour"])
    appointment = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    longer = f"{rate * Decimal('1.5'):.2f}"  # an hour and a half of waiting
    billed = {}
    for amount in ("20", longer, None):
        session = cli("session", "new", customer, "--policy", "micro-alpes", "--mode",
                      "onsite", "--appointment", appointment.isoformat()).out.strip()
        cli("record", session, "fee", "--kind", "no-show", *(("--amount", amount) if amount
                                                             else ()),
            "--at", (appointment + timedelta(minutes=40)).isoformat())
        data = cli.json("bill", session)
        billed[amount] = (data["total"], data["warnings"])
    hour = f"{rate:.2f}"
    assert billed["20"][0] == hour
    assert any("au moins" in w and "(art. 3, 10.2)" in w for w in billed["20"][1])
    assert billed[longer] == (longer, [])
    assert billed[None] == (hour, [])
