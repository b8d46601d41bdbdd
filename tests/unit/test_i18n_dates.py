"""Dates in sentences ("1er décembre 2026") and plurals, in French and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from sessiond.i18n import fr, set_language
from sessiond.i18n.dates import date_at_time, long_date, until_date
from sessiond.i18n.plural import n_, plural, uses_singular

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language(None)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(None)


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.usefixtures("french")
def test_french_long_date() -> None:
    assert long_date(date(2026, 12, 1)) == "1er décembre 2026"
    assert long_date(date(2026, 12, 2)) == "2 décembre 2026"
    assert long_date(date(2026, 12, 11)) == "11 décembre 2026"  # not "11er"
    assert long_date(date(2026, 8, 21)) == "21 août 2026"        # not "21er"
    assert long_date(date(2027, 2, 1)) == "1er février 2027"


@pytest.mark.usefixtures("english")
def test_english_long_date() -> None:
    assert long_date(date(2026, 12, 1)) == "1 December 2026"
    assert long_date(date(2026, 12, 2)) == "2 December 2026"


def test_every_month_name() -> None:
    assert [long_date(date(2026, month, 3), "fr").split()[1] for month in range(1, 13)] == [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]
    assert [long_date(date(2026, month, 3), "en").split()[1] for month in range(1, 13)] == [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"]


@pytest.mark.usefixtures("english")
def test_explicit_language_wins_over_the_current_one() -> None:
    assert long_date(date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert until_date(date(2027, 12, 1), "fr") == "jusqu'au 1er décembre 2027"


def test_unknown_language_reads_as_english_like_the_catalogue() -> None:
    assert long_date(date(2026, 12, 1), "de") == "1 December 2026"


@pytest.mark.usefixtures("french")
def test_french_date_at_time_uses_the_local_time() -> None:
    instant = datetime(2026, 12, 1, 8, 44, 59, tzinfo=UTC)  # 09:44 in Paris (winter)
    assert date_at_time(instant, PARIS) == "le 1er décembre 2026 à 09:44"
    summer = datetime(2026, 7, 1, 7, 5, tzinfo=UTC)  # 09:05 in Paris (summer)
    assert date_at_time(summer, PARIS) == "le 1er juillet 2026 à 09:05"


@pytest.mark.usefixtures("english")
def test_english_date_at_time() -> None:
    instant = datetime(2026, 12, 1, 8, 44, tzinfo=UTC)
    assert date_at_time(instant, PARIS) == "on 1 December 2026 at 09:44"


def test_date_at_time_takes_the_local_day() -> None:
    instant = datetime(2026, 11, 30, 23, 10, tzinfo=UTC)  # 00:10 on 1 December in Paris
    assert date_at_time(instant, PARIS, "fr") == "le 1er décembre 2026 à 00:10"
    assert date_at_time(instant, ZoneInfo("UTC"), "en") == "on 30 November 2026 at 23:10"


def test_date_at_time_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="time zone"):
        date_at_time(datetime(2026, 12, 1, 9, 44), PARIS, "fr")


@pytest.mark.usefixtures("french")
def test_french_until_date() -> None:
    assert until_date(date(2027, 12, 1)) == "jusqu'au 1er décembre 2027"
    assert until_date(date(2027, 11, 11)) == "jusqu'au 11 novembre 2027"


@pytest.mark.usefixtures("english")
def test_english_until_date() -> None:
    assert until_date(date(2027, 12, 1)) == "until 1 December 2027"


def test_no_dependency_on_the_process_locale() -> None:
    import locale

    saved = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("en_US.UTF-8", "de_DE.UTF-8", "C.UTF-8", "C"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue  # not installed on this host
            assert long_date(date(2026, 12, 1), "fr") == "1er décembre 2026"
            assert long_date(date(2026, 12, 1), "en") == "1 December 2026"
    finally:
        locale.setlocale(locale.LC_TIME, saved)


# --- plurals -------------------------------------------------------------------------------

@pytest.mark.parametrize(("n", "fr_singular", "en_singular"), [
    (0, True, False), (1, True, True), (2, False, False), (-1, True, True),
    (-2, False, False), (1000, False, False),
])
def test_singular_rules(n: int, fr_singular: bool, en_singular: bool) -> None:
    assert uses_singular(n, "fr") is fr_singular
    assert uses_singular(n, "en") is en_singular


@pytest.mark.usefixtures("french")
def test_french_plural_of_translated_forms() -> None:
    assert [plural(n, "erreur", "erreurs") for n in (0, 1, 2)] == [
        "erreur", "erreur", "erreurs"]


@pytest.mark.usefixtures("english")
def test_english_plural_of_translated_forms() -> None:
    assert [plural(n, "error", "errors") for n in (0, 1, 2)] == ["errors", "error", "errors"]


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real catalogue may not hold these test messages: add them for the test only.
    for english, french in {"{n} error": "{n} erreur", "{n} errors": "{n} erreurs",
                            "{n} session for {client}": "{n} séance pour {client}",
                            "{n} sessions for {client}": "{n} séances pour {client}"}.items():
        monkeypatch.setitem(fr.CATALOG, english, french)


@pytest.mark.usefixtures("catalogue", "french")
def test_n_translates_the_form_chosen_by_the_french_rule() -> None:
    assert [n_(n, "{n} error", "{n} errors") for n in (0, 1, 2)] == [
        "0 erreur", "1 erreur", "2 erreurs"]
    assert n_(3, "{n} session for {client}", "{n} sessions for {client}",
              client="Mme Martin") == "3 séances pour Mme Martin"


@pytest.mark.usefixtures("catalogue", "english")
def test_n_in_english() -> None:
    assert [n_(n, "{n} error", "{n} errors") for n in (0, 1, 2)] == [
        "0 errors", "1 error", "2 errors"]


@pytest.mark.usefixtures("french")
def test_n_without_a_french_entry_shows_the_english_text() -> None:
    assert n_(0, "{n} frobnication", "{n} frobnications") == "0 frobnication"
