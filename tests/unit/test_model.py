"""The allow-list of event kinds and fields, and the state machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessiond.errors import InputError
from sessiond.model import KINDS, validate


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(InputError):
        validate("screenshot-taken", {}, {})


def test_unknown_field_is_refused() -> None:
    with pytest.raises(InputError):
        validate("session-paused", {"window_title": "Banque"}, {})
    with pytest.raises(InputError):
        validate("note-added", {}, {"text": "ok", "clipboard": "x"})


def test_wrong_shapes_are_refused() -> None:
    with pytest.raises(InputError):
        validate("consent-recorded", {"channel": "telepathy"}, {"by": "X"})
    with pytest.raises(InputError):
        validate("payment-recorded", {"amount": 12.5, "method": "card"}, {})
    with pytest.raises(InputError):
        validate("consent-recorded", {"channel": "oral"}, {})  # who gave it is required


def test_a_text_too_long_says_its_length_and_the_limit() -> None:
    from sessiond.i18n import set_language
    from sessiond.model import MAX_TEXT

    set_language("en")
    try:
        with pytest.raises(InputError) as refused:
            validate("note-added", {}, {"text": "x" * (MAX_TEXT + 1)})
    finally:
        set_language(None)
    assert f"{MAX_TEXT + 1} characters" in refused.value.message
    assert str(MAX_TEXT) in refused.value.message and "x" * 20 not in refused.value.message
    validate("note-added", {}, {"text": "x" * MAX_TEXT})  # the limit itself is fine


def test_a_text_with_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    # What surrogateescape makes of bytes that are not UTF-8: no UTF-8 form to store.
    with pytest.raises(InputError):
        validate("note-added", {}, {"text": "Imprimante \udcff"})
    from sessiond.config import Paths
    from sessiond.sessions import Sessiond

    svc = Sessiond(Paths(data=tmp_path, config=tmp_path))
    try:
        with pytest.raises(InputError):
            svc.add_client("Jean \udcff")
        assert svc.add_client("Jeanne \u00e9\U0001f600")  # any real character is fine
    finally:
        svc.close()


def test_a_nul_character_is_refused_in_any_new_text(tmp_path: Path) -> None:
    """The command line refused NUL, the service did not: a form (the TUI) or any caller
    stored "Jean\\x00ne" and every document then held it. A stored event is read as it
    is (verify validates with complete=False)."""
    from sessiond.config import Paths
    from sessiond.i18n import set_language
    from sessiond.sessions import Sessiond

    set_language("fr")
    try:
        with pytest.raises(InputError, match="U\\+0000"):
            validate("note-added", {}, {"text": "Imprimante\x00"})
        validate("note-added", {}, {"text": "Imprimante\x00"}, complete=False)
        svc = Sessiond(Paths(data=tmp_path, config=tmp_path))
        try:
            for attempt in (lambda: svc.add_client("Jean\x00ne"),
                            lambda: svc.add_client("Jeanne", address="1 rue\x00 x"),
                            lambda: svc.new_session(svc.add_client("Paul"), policy="vlh",
                                                    problems=["écran\x00"])):
                with pytest.raises(InputError, match="NUL"):
                    attempt()
            assert [c.name for c in svc.clients()] == ["Paul"]
        finally:
            svc.close()
    finally:
        set_language(None)


def test_personal_fields_are_never_public() -> None:
    """Names, contacts, partner ids and free text can only travel sealed."""
    for kind in KINDS.values():
        assert not {"name", "email", "phone", "partner_id", "text", "by", "reason",
                    "client_request", "problems"} & set(kind.body), kind.name


def test_a_consent_compares_and_shows_without_its_personal_field() -> None:
    from datetime import UTC, datetime

    from sessiond.model import Consent

    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    given = Consent("oral", at, 3, {"by": "Jeanne Martin"})
    assert given == Consent("oral", at, 3, None)
    assert (given != Consent("oral", at, 3)) is False  # its own __ne__, not the tuple's
    assert hash(given) == hash(Consent("oral", at, 3))
    assert given != Consent("oral", at, 4, {"by": "Jeanne Martin"})
    assert "Jeanne" not in repr(given) and given.by == "Jeanne Martin"
