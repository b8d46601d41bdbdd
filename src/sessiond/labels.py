"""The words for the values of the allow-list (model.py), per language: one place.

Two registers: `short`, as the technician reads them on screen ("carte", "à distance"),
and `formal`, as a document handed to a client or an accountant states them ("carte
bancaire", "assistance à distance"). `fee` names a fee as a bill line does, `artifact` a
copy as a sentence names it. Values without a label are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from sessiond.i18n import _, language

Table = dict[str, str]
_CACHE: dict[tuple[str, str], Table] = {}


def _lookup(register: str, build: Callable[[], Table], value: str | None) -> str:
    if value is None:
        return "—"
    key = (register, language())
    table = _CACHE.get(key)
    if table is None:
        table = _CACHE[key] = build()
    return table.get(value, value)


def short(value: str | None) -> str:
    """On screen: mode, tool, channel, state, method..."""
    return _lookup("short", _short, value)


def formal(value: str | None) -> str:
    """In a document (receipt, export, invoice)."""
    return _lookup("formal", _formal, value)


def fee(value: str) -> str:
    """A fee as a bill line names it."""
    return _lookup("fee", _fees, value)


def artifact(value: str) -> str:
    """A copy as a sentence names it ("a screenshot")."""
    return _lookup("artifact", _artifacts, value)


def kind(value: str) -> str:
    """An event kind as a sentence names the fact ("the payment"), never its id."""
    return _lookup("kind", _kinds, value)


def discount(value: str) -> str:
    """A discount of the terms as a sentence names it."""
    return _lookup("discount", _discounts, value)


def rule(rule_id: str) -> str:
    """A compliance rule as a person names it ("Consent before access"), never its id.
    Every rule of compliance/rules.py has one (tests/unit/test_wording.py checks it)."""
    return _lookup("rule", _rules, rule_id)


# An article of the terms' own numbering ("3.2", "7, art. 1", "II.3") is cited "art. 3.2";
# one that names its code ("Code pénal, art. 323-1", "C. consom., art. L221-18", "RGPD
# art. 5(1)(e)") is cited as it is.
_TERMS_NUMBERING = r"^\s*(\d|[IVX]+(\.|,|\s|$))"  # compiled on first use


def cite(article: str | None) -> str:
    """An article as a finding, a requirement or a bill line cites it; "" for none ("-")."""
    if article is None or article.strip() in ("", "-"):
        return ""
    import re  # here: `sessiond status` cites nothing

    if re.match(_TERMS_NUMBERING, article):
        return _("art. {article}", article=article)
    return article


def warranty_cause(value: str) -> str:
    """What made a warranty re-intervention necessary, as a bill states it."""
    return _lookup("warranty", _warranty_causes, value)


def _warranty_causes() -> Table:
    return {"intervention": _("the earlier intervention"), "client": _("the client"),
            "other": _("another cause")}


def connection_outcome(value: str) -> str:
    """What became of a connection the remote tool logged ("accepted" is also a backup
    answer, hence a table of its own)."""
    return _lookup("connection", _connection_outcomes, value)


def _connection_outcomes() -> Table:
    return {"accepted": _("established"), "rejected": _("refused"), "failed": _("failed"),
            "unknown": _("outcome not logged")}


def country(code: str) -> str:
    """A country by its name ("Belgique"), from its ISO 3166 code as stored: the countries
    of a technician's clients in France (neighbours, the EU, the overseas departments and
    territories with codes of their own, French-speaking countries); any other is shown
    as its code."""
    return _lookup("country", _countries, code)


def _countries() -> Table:
    return {
        "FR": "France", "BE": _("Belgium"), "CH": _("Switzerland"),
        "LU": "Luxembourg", "MC": "Monaco", "AD": _("Andorra"), "DE": _("Germany"),
        "ES": _("Spain"), "IT": _("Italy"), "PT": "Portugal", "NL": _("Netherlands"),
        "GB": _("United Kingdom"), "IE": _("Ireland"), "AT": _("Austria"),
        "PL": _("Poland"), "SE": _("Sweden"), "DK": _("Denmark"), "FI": _("Finland"),
        "NO": _("Norway"), "GR": _("Greece"), "CZ": _("Czechia"), "RO": _("Romania"),
        "HU": _("Hungary"), "BG": _("Bulgaria"), "HR": _("Croatia"), "SK": _("Slovakia"),
        "SI": _("Slovenia"), "EE": _("Estonia"), "LV": _("Latvia"), "LT": _("Lithuania"),
        "CY": _("Cyprus"), "MT": _("Malta"), "US": _("United States"), "CA": "Canada",
        "MA": _("Morocco"), "DZ": _("Algeria"), "TN": _("Tunisia"), "SN": _("Senegal"),
        "CI": "Côte d'Ivoire", "CM": _("Cameroon"), "MG": "Madagascar",
        "MU": _("Mauritius"), "GP": "Guadeloupe", "MQ": "Martinique",
        "GF": _("French Guiana"), "RE": _("Réunion"), "YT": "Mayotte",
        "PM": _("Saint Pierre and Miquelon"), "BL": _("Saint Barthélemy"),
        "MF": _("Saint Martin"), "WF": _("Wallis and Futuna"), "PF": _("French Polynesia"),
        "NC": _("New Caledonia"),
    }


def has_rule_title(rule_id: str) -> bool:
    return rule_id in _rules()


def _short() -> Table:
    return {
        "remote": _("remote"), "onsite": _("on site"), "workshop": _("workshop"),
        "teamviewer": "TeamViewer", "anydesk": "AnyDesk", "rustdesk": "RustDesk",
        "phone": _("phone"), "visio": _("video call"), "other": _("other"),
        "windows": "Windows", "macos": "macOS", "linux": "Linux",
        "oral": _("orally"), "email": _("e-mail"), "sms": _("SMS"),
        "tool-code": _("code of the remote tool"), "signature": _("signature"),
        "consumer": _("private person"), "business": _("business"),
        "planned": _("planned"), "running": _("running"), "paused": _("paused"),
        "stopped": _("stopped"), "cancelled": _("cancelled"),
        "handwritten": _("handwritten"), "electronic": _("electronic"),
        "paper": _("paper"),
        "accepted": _("backup accepted"), "declined": _("backup declined"),
        "client-has-own": _("client has his own backup"),
        "solved": _("solved"), "diagnosed": _("diagnosed"), "unsolved": _("unsolved"),
        "card": _("card"), "cash": _("cash"), "cheque": _("cheque"),
        "transfer": _("transfer"),
        "screenshot": _("screenshot"), "file-copy": _("file copy"),
        "recording": _("recording"), "session-log": _("session log"),
        "technician": _("the technician"), "client": _("the client"),
        "error": _("error"), "warning": _("warning"),
        "travel": _("travel"), "no-show": _("no-show"),
        "late-cancellation": _("late cancellation"), "waiting": _("waiting"),
        "shipped": _("shipped with sessiond"), "user": _("your own"),
        "incoming": _("incoming"), "outgoing": _("outgoing"),
    }


def _formal() -> Table:
    return {
        "remote": _("remote assistance"),
        "onsite": _("on-site intervention"),
        "workshop": _("workshop intervention"),
        "teamviewer": "TeamViewer",
        "anydesk": "AnyDesk",
        "rustdesk": "RustDesk",
        "phone": _("by telephone"),
        "visio": _("by video call"),
        "other": _("other means"),
        "windows": "Windows",
        "macos": "macOS",
        "linux": "Linux",
        "oral": _("oral agreement"),
        "email": _("by e-mail"),
        "sms": _("by text message"),
        "tool-code": _("one-time code of the remote tool given by the client"),
        "signature": _("signed"),
        "consumer": _("consumer (private person)"),
        "business": _("business client"),
        "screenshot": _("screen capture"),
        "file-copy": _("copy of a file"),
        "recording": _("recording of the session"),
        "session-log": _("log of the session"),
        "card": _("bank card"),
        "cash": _("in cash"),
        "cheque": _("by cheque"),
        "transfer": _("bank transfer"),
        "technician": _("by the technician"),
        "client": _("by the client"),
        "error": _("error (finding)"),
        "warning": _("warning (finding)"),
        "solved": _("problem solved"),
        "diagnosed": _("problem diagnosed"),
        "unsolved": _("problem not solved"),
        "planned": _("not started yet"),
        "running": _("still running"),
        "paused": _("paused, not stopped"),
        "stopped": _("finished"),
        "cancelled": _("cancelled"),
    }


def _fees() -> Table:
    return {
        "travel": _("Travel costs"),
        "no-show": _("Client absent at the appointment"),
        "late-cancellation": _("Late cancellation"),
        "waiting": _("Waiting time"),
    }


def _kinds() -> Table:
    return {
        "client-added": _("the new client"), "credit-added": _("the prepaid hours"),
        "credit-withdrawn": _("the withdrawal of prepaid hours"),
        "referral-recorded": _("the referral"), "session-planned": _("the planned session"),
        "consent-recorded": _("the consent"), "session-started": _("the start"),
        "session-paused": _("the pause"), "session-resumed": _("the resumption"),
        "session-stopped": _("the stop"), "note-added": _("the note"),
        "outcome-recorded": _("the outcome of the problem"),
        "reduction-requested": _("the request for the reduction"),
        "hardware-defective": _("the defective hardware"),
        "fee-added": _("the fee"), "fee-announced": _("the announced fee"),
        "quote-accepted": _("the acceptance of the quote"),
        "withdrawal-waiver": _("the request to start within the withdrawal period"),
        "sensitive-docs-warned": _("the invitation to close sensitive documents"),
        "backup-status": _("the backup answer"), "payment-recorded": _("the payment"),
        "refund-recorded": _("the refund"),
        "artifact-recorded": _("the copy"), "control-returned": _("the client's control"),
        "disconnect-confirmed": _("the disconnection"),
        "check-completed": _("the check of the terms"), "receipt-issued": _("the receipt"),
        "span-reviewed": _("the decision about unseen time"),
        "instant-amended": _("the corrected time"), "session-reopened": _("the reopening"),
        "session-cancelled": _("the cancellation"), "session-moved": _("the move"),
        "text-redacted": _("the redaction"), "client-merged": _("the merge of the client"),
        "fact-withdrawn": _("the withdrawal of a fact recorded by mistake"),
        "client-exported": _("the export of the client's data"),
        "connection-observed": _("the connection"),
        "connection-closed": _("the end of the connection"),
        "connection-seen": _("the connection read further without its end"),
        "client-edited": _("the client's details"), "invoice-issued": _("the invoice"),
        "credit-note-issued": _("the credit note"), "export-made": _("the export"),
    }


def _discounts() -> Table:
    return {"new-client": _("first intervention for a new client"),
            "referral": _("referral of a new client")}


def _rules() -> Table:
    return {
        "consent-before-access": _("Consent before access"),
        "quote-accepted-before-start": _("Quote signed before the start"),
        "withdrawal-waiver": _("Request to start within the withdrawal period"),
        "sensitive-docs-warning": _("Sensitive documents closed"),
        "backup-status-recorded": _("Backup offered"),
        "payment-before-start": _("Payment before the start"),
        "prepaid-credit-covers": _("Prepaid credit"),
        "remote-os-supported": _("Supported system"),
        "client-in-territory": _("Territory served"),
        "client-category": _("Kind of client"),
        "mode-offered": _("Kind of intervention offered"),
        "intervention-within-delay": _("Intervention within the promised delay"),
        "artifact-requires-client-request": _("Copies at the client's request"),
        "notes-free-of-secrets": _("No secret in the notes"),
        "payment-method-accepted": _("Accepted payment method"),
        "payment-not-acceptance": _("A payment is not acceptance"),
        "disconnect-confirmed": _("Disconnection"),
        "receipt-issued": _("Receipt given"),
        "receipt-current": _("Receipt up to date"),
        "invoice-current": _("Invoice up to date"),
        "remote-access-before-consent": _("No access before consent"),
        "remote-access-after-stop": _("No access after the stop"),
        "billed-beyond-connection": _("Billed within the connection"),
        "connection-to-other-partner": _("Connection to the client's computer"),
        "clock-consistent": _("Consistent clocks"),
        "overlapping-sessions": _("One session at a time"),
        "policy-unreadable": _("Readable terms"),
    }


def _artifacts() -> Table:
    return {
        "screenshot": _("a screenshot"), "file-copy": _("a file copy"),
        "recording": _("a recording"), "session-log": _("a session log"),
        "other": _("another copy"),
    }
