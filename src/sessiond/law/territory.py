"""Where France is: the overseas departments and regions (Constitution art. 73: Guadeloupe,
Martinique, Guyane, La Réunion, Mayotte) are France as much as the mainland, though ISO
3166 gives each a code of its own. Terms that serve "la France entière" (MD 2) or "une
intervention en France" (MRI87 5) serve them, and their residents have their tax home in
France (the cash cap of C. monét. fin. D112-3). The overseas collectivities (art. 74: Saint-
Martin, Polynésie française...) have their own statutes and taxes: they are not counted."""

from __future__ import annotations

from collections.abc import Iterable

FRANCE = "FR"
OVERSEAS_DEPARTMENTS = frozenset({"GP", "MQ", "GF", "RE", "YT"})


def in_france(country: str) -> bool:
    return country == FRANCE or country in OVERSEAS_DEPARTMENTS


def in_countries(country: str, countries: Iterable[str]) -> bool:
    """Whether a client's country is one of `countries` ("FR" counting its overseas
    departments)."""
    wanted = set(countries)
    return country in wanted or (FRANCE in wanted and in_france(country))
