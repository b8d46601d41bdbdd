"""User-facing text: French by default, English available.

Messages are written in English in the code (`_("...")`) and translated through the French
catalogue. The language comes from `set_language()` (config), else `SESSIOND_LANG`, else
`LANG`/`LC_ALL`/`LC_MESSAGES`; anything that does not start with "en" means French.
"""

from __future__ import annotations

import os

LANGUAGES = ("fr", "en")  # of the user interface and the documents; French by default
_language: str | None = None  # set from the configuration
_detected: str | None = None  # from the environment, read once


def detect_language() -> str:
    for var in ("SESSIOND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def set_language(language: str | None) -> None:
    """Use `language`, or (None) the environment's, read afresh."""
    global _language, _detected
    _language, _detected = language, None


def language() -> str:
    global _detected
    if _language:
        return _language
    if _detected is None:
        _detected = detect_language()
    return _detected


def number(value: float, places: int) -> str:
    """A number (a size, a count) as the interface's language writes it: "1,9" and
    "71\u202f199" in French, "1.9" and "71,199" in English. Amounts of money: amounts.py."""
    text = f"{value:,.{places}f}"
    if language() == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def one_line(name: str) -> str:
    """A file name on one line: its line breaks and tabs written `\\u000a`, `\\u0009`. A
    name is the user's (or a downloaded file's) input: "x\\nsessiond: ok" would print a
    line sessiond never wrote. (The other controls are the output filter's:
    display.safe_text.)"""
    return name.replace("\n", "\\u000a").replace("\t", "\\u0009")


def _(message: str, /, **values: object) -> str:
    """Translate `message` into the current language, then fill its `{fields}` (a path is
    written on one line: one_line)."""
    if language() == "fr":
        from sessiond.i18n.fr import CATALOG

        message = CATALOG.get(message, message)
    if not values:
        return message
    for key, value in values.items():
        if isinstance(value, os.PathLike):
            values[key] = one_line(str(os.fspath(value)))
    return message.format(**values)
