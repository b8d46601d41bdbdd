"""The five shipped policies: they load, cite their articles, quote their documents."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from sessiond.config import Paths
from sessiond.policy import list_policies, load_policy, read_policy, shipped_dir
from sessiond.policy.schema import RULE_PARAMETERS

IDS = ["md-micro-services", "mri87", "micro-alpes", "fgdmi", "vlh"]
CGV = Path(__file__).resolve().parents[3] / "shared" / "cgv"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tables(raw: dict[str, object], prefix: str = "") -> list[tuple[str, dict[str, object]]]:
    found = []
    for key, value in raw.items():
        if isinstance(value, dict):
            name = f"{prefix}.{key}" if prefix else key
            found.append((name, value))
            found.extend(_tables(value, name))
    return found


@pytest.mark.parametrize("policy_id", IDS)
def test_shipped_policy_loads(policy_id: str) -> None:
    policy = read_policy(shipped_dir() / f"{policy_id}.toml", "shipped")
    assert policy.id == policy_id
    assert policy.document.file.startswith(("000_", "001_", "002_", "003_", "004_"))
    assert len(policy.digest) == 64
    assert policy.vat.mention == "TVA non applicable, art. 293 B du CGI"
    assert policy.rates, "every policy prices at least one mode"


@pytest.mark.parametrize("policy_id", IDS)
def test_every_parameter_and_rule_cites_an_article(policy_id: str) -> None:
    raw = tomllib.loads((shipped_dir() / f"{policy_id}.toml").read_text("utf-8"))
    for name, table in _tables(raw):
        if name == "document" or name in ("rates", "fees", "rules", "discounts", "guarantee"):
            continue
        assert isinstance(table.get("article"), str) and table["article"], name
        if table.get("review"):
            assert table.get("note"), f"{name}: review without a note"


@pytest.mark.parametrize("policy_id", IDS)
def test_quoted_texts_are_the_documents_words(policy_id: str) -> None:
    """Every `text` is quoted from the document; "[…]" marks an elision."""
    if not CGV.is_dir():
        pytest.skip("the terms documents (../shared/cgv) are not next to this checkout")
    raw = tomllib.loads((shipped_dir() / f"{policy_id}.toml").read_text("utf-8"))
    document = _norm((CGV / raw["document"]["file"]).read_text("utf-8"))
    for name, table in _tables(raw):
        text = table.get("text")
        if not isinstance(text, str):
            continue
        for fragment in text.split("[…]"):
            assert _norm(fragment) in document, f"{policy_id}: {name}: {fragment[:60]!r}"


def test_the_compliance_rules_can_be_encoded() -> None:
    assert set(RULE_PARAMETERS) >= {
        "consent-before-access", "quote-accepted-before-start", "withdrawal-waiver",
        "sensitive-docs-warning", "backup-status-recorded", "payment-before-start",
        "artifact-requires-client-request", "notes-free-of-secrets", "remote-os-supported",
        "client-in-territory", "prepaid-credit-covers", "disconnect-confirmed",
        "receipt-issued", "clock-consistent",
        # added from the documents (sessiond.compliance.rules)
        "client-category", "payment-method-accepted", "payment-not-acceptance"}


def test_each_policy_turns_on_what_its_document_states() -> None:
    rules = {i: set(read_policy(shipped_dir() / f"{i}.toml").rules) for i in IDS}
    assert {"remote-os-supported", "notes-free-of-secrets", "sensitive-docs-warning",
            "artifact-requires-client-request", "withdrawal-waiver"} <= rules["md-micro-services"]
    md = read_policy(shipped_dir() / "md-micro-services.toml")
    assert md.rules["remote-os-supported"].params["os"] == ("windows",)
    assert md.rules["remote-os-supported"].article == "2"
    mri = read_policy(shipped_dir() / "mri87.toml")
    assert mri.rules["client-in-territory"].params["countries"] == ("FR",)
    assert {"prepaid-credit-covers", "payment-before-start"} <= rules["mri87"]
    assert {"disconnect-confirmed", "receipt-issued", "consent-before-access"} \
        <= rules["micro-alpes"]
    assert "quote-accepted-before-start" in rules["vlh"]
    assert "backup-status-recorded" in rules["vlh"]
    assert "quote-accepted-before-start" not in rules["md-micro-services"]
    assert "receipt-issued" in rules["fgdmi"]


def test_tranche_models_express_each_document() -> None:
    def model(policy_id: str) -> tuple[int, int, bool]:
        t = read_policy(shipped_dir() / f"{policy_id}.toml").tranches
        return t.first_block_seconds, t.increment_seconds, t.review.needed

    assert model("mri87") == (3600, 3600, False)  # art. 7.1 every started hour
    assert model("micro-alpes") == (1800, 1800, False)  # art. 3 every started half hour
    assert model("vlh") == (3600, 900, False)  # art. 3.3 first hour, then 15 min
    assert model("md-micro-services")[2] is True  # art. 5: size on the price page
    assert model("fgdmi")[2] is True  # no tranche in the CGI at all


def test_open_numbers_are_flagged_for_review() -> None:
    for policy_id in IDS:
        policy = read_policy(shipped_dir() / f"{policy_id}.toml")
        for mode, rate in policy.rates.items():
            assert rate.review.needed, f"{policy_id}: rates.{mode} must be reviewed"


def test_every_table_marked_for_review_is_listed(tmp_path: Path) -> None:
    """A table with review = true is among the values `policy list` counts and `policy
    show` lists, a guarantee clause too (VLH 6.3, 6.5: the reading of "dépanné ou
    remboursé" is the shipped one's)."""
    import tomllib

    for policy_id in IDS:
        path = shipped_dir() / f"{policy_id}.toml"
        raw = tomllib.loads(path.read_text("utf-8"))
        marked = {name for name, table in _tables(raw) if table.get("review")}
        listed = {key for key, _article, _note in read_policy(path).to_reviews()}
        assert marked <= listed, (policy_id, marked - listed)
    assert "guarantee.no-valid-solution" in {
        key for key, _a, _n in read_policy(shipped_dir() / "vlh.toml").to_reviews()}


def test_user_policy_overrides_the_shipped_one(tmp_path: Path) -> None:
    where = Paths(data=tmp_path, config=tmp_path)
    where.policies.mkdir()
    text = (shipped_dir() / "vlh.toml").read_text("utf-8")
    (where.policies / "vlh.toml").write_text(
        text.replace('per_hour = "50.00"\narticle = "4.3"', 'per_hour = "42.00"\narticle = "4.3"'),
        "utf-8")
    policy = load_policy("vlh", where)
    assert policy.source == "user"
    assert str(policy.rates["remote"].per_hour) == "42.00"
    assert policy.digest != read_policy(shipped_dir() / "vlh.toml").digest
    listed = {e.id: e for e in list_policies(where)}
    assert listed["vlh"].overrides and listed["vlh"].source == "user"
    assert listed["mri87"].source == "shipped"
    assert load_policy("mri87", where).source == "shipped"


def test_unknown_policy_lists_the_known_ones(tmp_path: Path) -> None:
    from sessiond.errors import InputError

    with pytest.raises(InputError) as e:
        load_policy("nope", Paths(data=tmp_path, config=tmp_path))
    assert "vlh" in e.value.message and "mri87" in e.value.message


def test_source_checkout_falls_back_to_the_repository_policies() -> None:
    """Editable installs have no `shipped_policies` inside the package."""
    import sessiond

    inside = Path(sessiond.__file__).parent / "shipped_policies"
    if inside.is_dir():
        assert shipped_dir() == inside
    else:
        assert shipped_dir() == Path(__file__).resolve().parents[2] / "policies"
    assert sorted(p.stem for p in shipped_dir().glob("*.toml")) == sorted(IDS)


def test_policy_and_billing_stay_off_the_front_ends() -> None:
    """Core modules import no UI library; the CLI module imports no billing until used."""
    import subprocess
    import sys

    code = ("import sys, sessiond.policy, sessiond.billing, sessiond.policy.describe; "
            "bad = [m for m in ('textual', 'pynput', 'apscheduler') if m in sys.modules]; "
            "sys.modules.pop('sessiond.billing'); sys.modules.pop('sessiond.billing.engine'); "
            "import sessiond.cli.billing; "
            "print(bad, 'sessiond.billing.engine' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[] False"


@pytest.mark.parametrize("policy_id", IDS)
def test_a_note_naming_rate_says_it_is_per_hour(policy_id: str) -> None:
    """`session new --rate` is a rate per hour (EUR_PER_HOUR), billed by tranches: a note
    telling the technician to type a quote's or a package's price there (MD 5's "forfaits
    atelier") bills that price per hour worked; a price agreed for the session is typed in
    `--price`, which a note naming one must say."""
    raw = tomllib.loads((shipped_dir() / f"{policy_id}.toml").read_text("utf-8"))
    for name, table in _tables(raw):
        note = table.get("note")
        if not isinstance(note, str):
            continue
        if "prix convenu" in note or "prix du devis" in note:
            assert "--price" in note, f"{policy_id}: {name}"
        if "--rate" in note:
            assert "de l'heure" in note, f"{policy_id}: {name}"
