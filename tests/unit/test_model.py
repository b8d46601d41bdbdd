"""The allow-list of event kinds and fields, and the state machine."""

from __future__ import annotations

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


def test_personal_fields_are_never_public() -> None:
    """Names, contacts, partner ids and free text can only travel sealed."""
    for kind in KINDS.values():
        assert not {"name", "email", "phone", "partner_id", "text", "by", "reason",
                    "client_request", "problems"} & set(kind.body), kind.name
