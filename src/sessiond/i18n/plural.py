"""Singular or plural by the rules of the language.

French takes the singular for 0 and 1 ("0 erreur", "1 erreur", "2 erreurs"); English only for 1
("0 errors", "1 error", "2 errors"). Both look at the absolute value ("-1 erreur").

Use `n_()`: it gets the two English forms, picks one by the current language's rule, translates
the chosen form through the catalogue and fills `{n}` and the other fields, as `_()` does:

    n_(count, "{n} error", "{n} errors")                    # "2 erreurs" / "2 errors"
    n_(count, "{n} session for {client}", "{n} sessions for {client}", client=name)

The French catalogue (sessiond/i18n/fr.py) must then hold both English forms as keys, each with
its French text ("{n} error": "{n} erreur", "{n} errors": "{n} erreurs"): the rule is chosen in
the target language, so a French 0 looks up the English singular. A missing entry shows the
English text, as with `_()`.

`plural()` is the lower level, for forms already in the current language (from `_()` or
elsewhere); it only chooses.
"""

from __future__ import annotations

from sessiond.i18n import _, language


def uses_singular(n: int, lang: str | None = None) -> bool:
    """Whether `n` takes the singular in `lang` (None: the current language)."""
    if (language() if lang is None else lang) == "fr":
        return abs(n) < 2
    return abs(n) == 1


def plural(n: int, singular: str, plural: str) -> str:
    """`singular` or `plural` for `n` by the current language's rule; no translation, no
    formatting: both forms must already be in the current language."""
    return singular if uses_singular(n) else plural


def n_(n: int, singular: str, plural: str, /, **values: object) -> str:
    """The English `singular` or `plural` for `n`, translated and formatted like `_()`, with
    `{n}` filled by `n` (the other fields from `values`)."""
    form = singular if uses_singular(n) else plural
    return _(form, n=n, **values)
