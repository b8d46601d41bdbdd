"""User-facing text: French by default, English available.

Messages are written in English in the code (`_("...")`) and translated through the French
catalogue. The language comes from `set_language()` (config), else `SESSIOND_LANG`, else
`LANG`/`LC_ALL`/`LC_MESSAGES`; anything that does not start with "en" means French.
"""

from __future__ import annotations

import os

_language: str | None = None


def detect_language() -> str:
    for var in ("SESSIOND_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def set_language(language: str | None) -> None:
    global _language
    _language = language


def language() -> str:
    return _language or detect_language()


def _(message: str, /, **values: object) -> str:
    """Translate `message` into the current language, then fill its `{fields}`."""
    if language() == "fr":
        from sessiond.i18n.fr import CATALOG

        message = CATALOG.get(message, message)
    return message.format(**values) if values else message
