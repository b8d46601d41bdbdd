"""The service layer: commands become validated events, queries become projections.

Every front end (CLI, TUI, daemon) goes through `Sessiond`. A command validates its input
and the session's state inside the write transaction that appends its events, so that two
processes cannot both start the same session and a refused command writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime, timedelta
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sessiond import clock, labels
from sessiond.config import Config, Paths, load_config, paths
from sessiond.errors import Damaged, InputError
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.model import (
    AMENDABLE,
    AMENDABLE_FACTS,
    CORRECTIONS,
    FREE_TEXT,
    KINDS,
    SCANNED,
    SECRETS_RULE,
    WITHDRAWABLE,
    Client,
    Event,
    Personal,
    Session,
    State,
    apply,
    check_transition,
    duplicate_of,
    event_zone,
    fee_refusal,
    fold,
    local_moment,
    signed_amount,
    standing_invoices,
    validate,
)
from sessiond.spelling import did_you_mean
from sessiond.store import glance
from sessiond.store.sqlite import Store, StoredEvent, Writer

if TYPE_CHECKING:  # cryptography, the rules and billing load only where they are needed
    from decimal import Decimal

    from sessiond.audit.checkpoint import Checkpoint
    from sessiond.audit.keys import Keyring
    from sessiond.audit.verify import Report as VerifyReport
    from sessiond.billing import History
    from sessiond.compliance import Report, Requirement
    from sessiond.compliance.evidence import Candidate, Observed, Recorded
    from sessiond.compliance.facts import Facts, Overlap
    from sessiond.compliance.findings import Finding
    from sessiond.compliance.retention import Due
    from sessiond.integrations import Connection
    from sessiond.policy import Policy

# The kinds whose instant puts a session on a day (planned, started or stopped then).
DAY_KINDS = ("session-planned", "session-started", "session-stopped")
# How far apart two files of one tool may date the same connection (see Sessiond._twin).
TWIN_SECONDS = 5

_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: ids are read aloud


def new_id(prefix: str) -> str:
    import secrets  # (and hmac, hashlib): only commands that create something need it

    return prefix + "-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


# The remote tools whose ID a password follows: a partner ID is scanned after the tool's
# name ("123456789 / 4kd9x2" typed for --partner-id is the ID and its password).
_ID_TOOLS = {"teamviewer": "TeamViewer", "anydesk": "AnyDesk", "rustdesk": "RustDesk"}


def refuse_secrets(personal: Mapping[str, Any],
                   citation: Callable[[], tuple[str, str] | None] = lambda: None,
                   tool: str | None = None) -> None:
    """Refuse free text (or a name typed with --by, a partner ID) that holds a secret,
    saying what was found but never echoing it, and citing `citation()` (the session's
    terms: where and in which words; the law when None). `tool`: the remote tool the
    partner ID is for."""
    flat = [(name, t) for name in SCANNED
            for t in (lambda v: v if isinstance(v, list) else [v])(personal.get(name)) if t]
    if isinstance(personal.get("partner_id"), str) and personal["partner_id"].strip():
        named = _ID_TOOLS.get(tool or "")
        flat.append(("partner_id", f"{named} {personal['partner_id']}" if named
                     else personal["partner_id"]))
    if not flat:
        return
    from sessiond.privacy.scanner import describe, scan

    for name, text in flat:
        findings = scan(text)
        if findings:
            cited = citation()
            raise InputError(describe(findings, citation=cited[0] if cited else None,
                                      words=cited[1] if cited else None,
                                      field=scanned_field(name)))


def scanned_field(name: str) -> str:
    """The field a refused secret was typed in, as the refusal names it: "this text" did not
    say whether it was the note, the --reason, the --by name or the client's address. In
    the words of both front ends: an option's name would mean nothing in the TUI's form."""
    fields = {
        "text": _("The note"),
        "problems": _("The problem"),
        "client_request": _("The client's request"),
        "reason": _("The reason"),
        "by": _("The person's name"),
        "name": _("The client's name"),
        "address": _("The address"),
        "partner_id": _("The client's ID in the remote tool"),
        "email": _("The e-mail address"),
        "phone": _("The phone number"),
        "siren": _("The SIREN or SIRET"),
        "vat_number": _("The VAT number"),
    }
    return fields.get(name, _("This text"))


def _refuse_secret_in(name: str, text: str) -> None:
    """A client's field that its own check refuses is quoted by that refusal: a password
    pasted there ("jean@gmail.com / Soleil2024" for --email) is refused as a secret first,
    naming the field and never echoing it (MD 15), as in a note. An e-mail field is read as
    one address: a password written as its login's ("jean:Soleil2024@gmail.com") is one."""
    from sessiond.privacy.scanner import describe, scan, scan_address

    findings = scan_address(text) if name == "email" else scan(text)
    if findings:
        raise InputError(describe(findings, field=scanned_field(name)))


def _now() -> datetime:
    return clock.whole_second(clock.now())


def money(amount: str | Decimal) -> str:
    """An amount as events carry it, from what a person typed or a Decimal."""
    from sessiond.amounts import parse_amount

    return parse_amount(amount if isinstance(amount, str) else f"{amount:f}")


MAX_CREDIT_HOURS = 10_000  # a package larger than this is a typing mistake


def credit_hours(hours: str | Decimal) -> str:
    """Hours of a prepaid package, as events carry them ("3", "1.5")."""
    from sessiond.amounts import read_decimal, refuse_foreign_digits
    from sessiond.billing.credit import hours_to_seconds
    from sessiond.model import decimal

    if isinstance(hours, str):
        refuse_foreign_digits(hours)
    value = read_decimal(hours) if isinstance(hours, str) else hours
    normalized = f"{value.normalize():f}" if value is not None else ""
    # Billing counts a package to the second: one of less than half a second ("0.0001")
    # was recorded, and shown everywhere, as a package of 0 s.
    if value is None or not 0 < value <= MAX_CREDIT_HOURS or not decimal(normalized) \
            or hours_to_seconds(normalized) == 0:
        raise InputError(_("--hours {hours!r}: give a positive number of hours, e.g. 3 or "
                           "1.5.", hours=str(hours)))
    return normalized


# The client-scope events billing reads: packages, his record (known since, VLH 5.5) and
# his referrals (VLH 5.5).
# The clients a refused client id lists when a name was typed instead (_clients_named).
CLIENTS_NAMED = 5
HISTORY_KINDS = ("credit-added", "credit-withdrawn", "client-added", "referral-recorded")


def client_history(sessions: Iterable[Session], events: Iterable[Event], *,
                   replacing: Session | None = None, client: str | None = None) -> History:
    """What billing reads of a client, from the sessions and events of his group (he and
    the duplicates merged into him): the sessions not cancelled, in the order they were
    planned, and his packages, record and referrals. The one rule for the service's bill
    and for every document (`replacing`: one of his sessions as the caller sees it;
    `client`: the one the group counts as, whom the bill names)."""
    from sessiond.billing import History

    kept = sorted((replacing if replacing is not None and s.id == replacing.id else s
                   for s in sessions if not s.cancelled), key=lambda s: s.events[0].seq)
    found = sorted((e for e in events if e.kind in HISTORY_KINDS), key=lambda e: e.seq)
    # A package withdrawn (recorded by mistake) is no credit: gone with its withdrawal.
    withdrawn = {e.body["corrects"] for e in found if e.kind == "credit-withdrawn"}
    standing = [e for e in found if e.kind != "credit-withdrawn" and e.seq not in withdrawn]
    return History(sessions=tuple(kept), client_events=tuple(standing), client=client)


def _shown_only(text: str, keeping: frozenset[str] = frozenset()) -> str:
    """`text` without the characters that show nothing (but those it is `keeping`): the
    format characters (a zero-width space, a word joiner, a byte order mark, a bidi mark,
    a soft hyphen, tag characters), the variation selectors, the blank letters
    (display.shows_nothing). With one, "Jean\u200bne Martin" looks like "Jeanne Martin"
    on every list: the duplicate check must find him, not add him beside the other
    unannounced."""
    from sessiond.display import shows_nothing

    return "".join(c for c in text if c in keeping or not shows_nothing(c))


def _comparable(name: str, keeping: frozenset[str] = frozenset()) -> str:
    """A name as a duplicate check compares it: no case, accents or extra spaces, nothing
    that shows nothing."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", _shown_only(name, keeping).casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


# What the duplicate check compared until it ignored them (display.shows_nothing): the
# blind index of a client recorded before holds them, so a name that has one is also
# looked up with them.
_COMPARED_BEFORE = frozenset("\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f"
                             "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07"
                             "\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f")


def _reason(reason: str) -> str:
    """Every correction says why (scanned for secrets like any text)."""
    if not reason or not reason.strip():
        raise InputError(_("A correction needs a reason: --reason TEXT."))
    return reason.strip()


def _check_order(session: Session | None, amended: int) -> None:
    """Refuse a corrected session whose transitions would not follow each other in time,
    naming the neighbour that blocks."""
    assert session is not None
    steps = [e for e in session.events if e.kind in AMENDABLE]
    for before, after in pairwise(steps):
        if after.at >= before.at:
            continue
        # The steps are named as the technician calls them ("the pause"), at the local
        # instant to the second (the order may hang on it), never as kinds in UTC.
        if after.seq == amended:
            message = _("Event #{seq} ({kind}, {at}) would come before #{other} ({other_kind}, "
                        "{other_at}), which happened first: give a later time.",
                        seq=after.seq, kind=labels.kind(after.kind),
                        at=local_moment(after.at, session), other=before.seq,
                        other_kind=labels.kind(before.kind),
                        other_at=local_moment(before.at, session))
        else:
            message = _("Event #{seq} ({kind}, {at}) would come after #{other} ({other_kind}, "
                        "{other_at}), which happened after it: give an earlier time.",
                        seq=before.seq, kind=labels.kind(before.kind),
                        at=local_moment(before.at, session), other=after.seq,
                        other_kind=labels.kind(after.kind),
                        other_at=local_moment(after.at, session))
        raise InputError(message)


def _refuse_another_day(session: Session | None, target: Event, at: datetime,
                        typed: str) -> None:
    """A time typed without its day is the most recent past one (clock.parse_instant):
    '10:45' to correct yesterday's stop at 10:10 moved it to today, and the session was
    billed 25 h. Corrected onto an instant more than 12 hours away (the window a time
    without a day has), it is refused, with the instant it would mean and the one of the
    event's own day, to type with its day."""
    assert session is not None
    current = next((e.at for e in session.events if e.seq == target.seq), target.at)
    if abs(at - current) <= clock.HHMM_WINDOW:
        return
    zone = event_zone(target.tz)
    wall = at.astimezone(zone)
    day = current.astimezone(zone).date()
    candidates = [datetime.combine(day + timedelta(days=d), wall.time()).replace(tzinfo=zone)
                  for d in (-1, 0, 1)]
    meant = min(candidates, key=lambda c: abs(c - current))
    raise InputError(_(
        "{typed} would mean {meant}, more than 12 hours from {kind} it corrects (on "
        "{at}): a time without its day is the most recent one; give the day too, e.g. "
        "--at {iso}.", typed=typed, meant=local_moment(at, session),
        kind=labels.kind(target.kind), at=local_moment(current, session),
        iso=meant.strftime("%Y-%m-%dT%H:%M:%S" if meant.second else "%Y-%m-%dT%H:%M")))


def _company_number(text: str | None) -> str | None:
    """A client's SIREN or SIRET as digits, checked (law.siren); None when not given."""
    if text is None or not text.strip():
        return None
    from sessiond.amounts import refuse_foreign_digits
    from sessiond.law.siren import is_valid_siren, is_valid_siret, normalise_siren_or_siret

    if not (is_valid_siren(text) or is_valid_siret(text)):
        _refuse_secret_in("siren", text)
    refuse_foreign_digits(text)  # said as such, not as a wrong check digit
    if not (is_valid_siren(text) or is_valid_siret(text)):
        raise InputError(_("{number!r} is not a valid SIREN (9 digits) or SIRET (14 digits): "
                           "its last digit is a check digit; copy it again from the "
                           "client's invoice or Kbis.", number=text))
    return normalise_siren_or_siret(text)


def _vat_number(text: str | None, country: str, status: str) -> str | None:
    """A business client's intra-EU VAT number as printed (law.vat: the prefix of his
    country, its format, a French number's key); None when not given."""
    if text is None or not text.strip():
        return None
    from sessiond.law.vat import vat_number_problem

    number, problem = vat_number_problem(text, country)
    if problem is not None:
        _refuse_secret_in("vat_number", text)  # a password pasted there is not quoted
        raise InputError(problem)
    if status != "business":
        raise InputError(_("A private client has no VAT number: his invoices follow the "
                           "French rules whatever his country. If he is a business, add "
                           "him again with --business and merge the two (sessiond client "
                           "merge)."))
    return number


def _email(email: str | None) -> str | None:
    """A client's e-mail, checked (a typo would be printed on his documents)."""
    from sessiond.contacts import is_email

    if email is None or not email.strip():
        return None
    # Scanned even when it reads as an address: "jean:Soleil2024@gmail.com" has one "@"
    # and a dotted domain, and would be stored (and printed on invoices) with the password.
    _refuse_secret_in("email", email)
    if not is_email(email.strip()):
        raise InputError(_("{email!r} is not an e-mail address (e.g. jeanne@example.fr): "
                           "check it.", email=email))
    return email.strip()


def _phone(phone: str | None) -> str | None:
    from sessiond.amounts import refuse_foreign_digits
    from sessiond.contacts import is_phone

    if phone is None or not phone.strip():
        return None
    if not is_phone(phone.strip()):
        _refuse_secret_in("phone", phone)
    refuse_foreign_digits(phone)
    if not is_phone(phone.strip()):
        raise InputError(_("{phone!r} is not a phone number (e.g. 06 12 34 56 78 or "
                           "+33 6 12 34 56 78).", phone=phone))
    return " ".join(phone.split())


def _client_name(name: str) -> str:
    if not name.strip():
        raise InputError(_("A client needs a name: sessiond client add \"NAME\"."))
    return name.strip()


def _problems(problems: Sequence[str]) -> list[str]:
    """The problems the client listed: each one in words (a blank one would count as a
    problem left unsolved, FGDMI III.2.3)."""
    if any(not p.strip() for p in problems):
        raise InputError(_("--problem needs the words of the problem; leave it out if there "
                           "is none."))
    return [p.strip() for p in problems]


def _named(name: str) -> str:
    """Who gave consent or signed: a name, never blank."""
    if not name.strip():
        raise InputError(_("Say who: --by NAME."))
    return name.strip()


def not_holding_work_of(duplicate: Session, other: Session) -> str | None:
    """Why `duplicate` cannot be cancelled as the duplicate of `other` (a session of the
    same client), or None: `other` must be another session, not cancelled, and started
    when `duplicate` did (else the work timed would be billed on neither)."""
    if other.id == duplicate.id:
        return _("Session {session} cannot be its own duplicate: name the session that "
                 "holds the work.", session=duplicate.id)
    if other.state is State.CANCELLED:
        return _("Session {other} was cancelled: it holds no work.", other=other.id)
    if duplicate.started_at is not None and other.started_at is None:
        return _("Session {other} never started: the work timed on {session} would be "
                 "billed on neither. Cancel {other} instead.", other=other.id,
                 session=duplicate.id)
    return None


def _seq(event: Event) -> int:
    return event.seq


def steady_now(session: Session) -> datetime:
    """Now, for a new event of `session`.

    Within one boot CLOCK_BOOTTIME decides the time since the session's first event of
    this boot when the wall clock disagrees (an NTP step, a VM resume, a clock set by
    hand): a jump is then neither billed nor able to put "now" before the previous
    step. The clock check reports the jump (recorded instants keep the wall clock).
    Pure but for the clocks: the TUI takes it at the key press, without the store.
    """
    wall = clock.whole_second(clock.now())
    boot = clock.boot_id()
    anchor = min((e for e in session.events if e.boot_id == boot), key=_seq, default=None)
    if anchor is None or boot == "unknown":
        return wall
    elapsed = (clock.boottime_ns() - anchor.boottime_ns) / 1e9
    steady = clock.whole_second(anchor.recorded_at + timedelta(seconds=elapsed))
    if abs((wall - steady).total_seconds()) <= clock.JUMP_TOLERANCE.total_seconds():
        return wall
    return steady


def _glance_row(session: Session, client: str) -> tuple[object, ...]:
    """A session as the status view keeps it (store.glance.COLUMNS), with the client it
    counts for: its running time as the closed spans' seconds and the start of the one
    still running, so that the view gives `elapsed_seconds` to the second at any later
    instant."""
    running = next((i.start for i in session.running if i.end is None), None)
    closed = sum(i.seconds(i.end) for i in session.running if i.end)
    return (session.id, client, session.state.value, session.policy, session.mode,
            " ".join(c.channel for c in session.consents), int(session.without_consent),
            closed, clock.to_text(running) if running else None)


class Sessiond:
    def __init__(self, where: Paths | None = None, config: Config | None = None, *,
                 readonly: bool = False) -> None:
        self.paths = where or paths()
        # config.toml as it was read (store.glance): `status` keeps its language with the
        # open sessions, and the view stands only while the file is unchanged. Settings
        # given by the caller come from no file the view could follow.
        self._settings = None if config else glance.settings_stamp(str(self.paths.config_file))
        self.config = config or load_config(self.paths)
        # Read-only: the log is opened read-only (a first run, with no log yet, creates it),
        # so that a read-only copy or a full disk can still be read and verified.
        self.readonly = readonly and self.paths.database.exists()
        self._wrapped: dict[str, bytes | None] = {}  # client id -> wrapped data key
        self._data_keys: dict[str, bytes] = {}
        # The sessions this object last appended to, as folded then, with the log's mark
        # (Store.mark) after that commit: while the mark has not moved, nothing was
        # appended since and the fold still holds. A few only: the ones being worked on.
        self._folded: dict[str, tuple[tuple[int, int], Session]] = {}

    @cached_property
    def tz(self) -> ZoneInfo:
        return clock.zone(self.config.timezone)

    @cached_property
    def store(self) -> Store:
        return Store(self.paths.database, readonly=self.readonly, upgrade=True)

    @cached_property
    def keyring(self) -> Keyring:
        from sessiond.audit.keys import Keyring

        return Keyring(self.paths.keys, lambda: self.store, create=not self.readonly)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

    def watcher(self) -> Store:
        """A read-only connection of its own to the log, for the thread that asks it:
        `data_version()` there says whether anyone (this service included) has committed
        since the last call, without waiting for the thread that owns `store`."""
        return Store(self.paths.database, readonly=True)

    def reload_config(self) -> Config:
        """Read config.toml again (a running TUI follows the technician's edits); on an
        error the settings in use stay."""
        settings = glance.settings_stamp(str(self.paths.config_file))
        config = load_config(self.paths)
        self.config, self._settings = config, settings
        self.__dict__.pop("tz", None)  # the zone may have changed too
        return config

    def at(self, text: str | None, *, allow_old: bool = False) -> datetime | None:
        """A declared instant from `--at` (None without one: the service takes now).

        Guarded against accidents (clock.parse_instant): HH:MM is within the past 12 hours,
        nothing in the future, nothing more than 7 days back unless `allow_old`."""
        if text is None:
            return None
        return clock.parse_instant(text, self.tz, allow_old=allow_old)

    def _secrets_citation(self, session_id: str | None, planned_policy: str | None = None,
                          ) -> tuple[str, str] | None:
        """The article of the session's terms that forbids writing a secret down, and its
        words (Policy.cites); None (the
        law is cited) when they say nothing or there is no session. `planned_policy`: the
        policy of a session being planned (not in the log yet)."""
        if session_id is None:
            return None
        try:
            policy = self.policy(planned_policy or self._session(session_id).policy)
        except InputError:
            return None
        return policy.cites(SECRETS_RULE)

    # --- appending -----------------------------------------------------------------------

    def _append(
        self,
        w: Writer,
        kind: str,
        *,
        at: datetime,
        session_id: str | None = None,
        client_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        personal: Mapping[str, Any] | None = None,
    ) -> StoredEvent:
        body = {k: v for k, v in (body or {}).items() if v is not None}
        personal = {k: v for k, v in (personal or {}).items() if v not in (None, [], "")}
        spec = validate(kind, body, personal)
        refuse_secrets(personal, lambda: self._secrets_citation(session_id, body.get("policy")),
                       body.get("tool"))
        if spec.scope == "session" and not (session_id and client_id):
            raise InputError(_("A {kind} event needs a session.", kind=kind))
        if spec.scope == "client" and not client_id:
            raise InputError(_("A {kind} event needs a client.", kind=kind))
        sealer = None
        if personal:
            assert client_id is not None
            key = self._data_key(client_id)
            if key is None:
                raise InputError(_("Client {client} was erased: nothing personal can be "
                                   "recorded for him any more.", client=client_id))
            from sessiond.audit.seal import seal_fields

            free = frozenset(FREE_TEXT) & set(personal)

            def sealer(event_id: str) -> str:
                sealed, wrapped = seal_fields(personal, key, event_id, free)
                for name, field_key in wrapped.items():
                    w.put_field_key(event_id, name, field_key)
                return sealed
        return w.append(
            kind=kind, session_id=session_id, client_id=client_id, at=clock.to_text(at),
            recorded_at=clock.to_text(clock.now()), tz=self.config.timezone,
            boot_id=clock.boot_id(), boottime_ns=clock.boottime_ns(), body=body, seal=sealer,
        )

    def _record(
        self,
        kind: str,
        *,
        session_id: str | None = None,
        client_id: str | None = None,
        at: datetime | None = None,
        body: Mapping[str, Any] | None = None,
        personal: Mapping[str, Any] | None = None,
    ) -> Event:
        """Append one fact. Session facts are checked against the session's state."""
        with self.store.writing() as w:
            if session_id is not None:
                session = self._session(session_id)
                client_id = session.client_id
                at = at or steady_now(session)
                check_transition(session, kind, at, body)
            elif client_id is not None:
                self._require_client(client_id)
            at = at or _now()
            stored = self._append(w, kind, at=at, session_id=session_id, client_id=client_id,
                                  body=body, personal=personal)
        event = self._event(stored)
        if session_id is not None:
            self._remember(session, event)
        return event

    def _remember(self, session: Session | None, event: Event) -> None:
        """Keep `session` with `event` just committed (the next command on it, in this
        process, need not read and fold its events again; None: `event` planned it). A
        correction changes earlier events: that session is folded again from the log next
        time."""
        assert event.session_id is not None
        self._folded.pop(event.session_id, None)
        mark = self.store.committed_mark()
        if event.kind in CORRECTIONS or mark is None or mark[1] != event.seq:
            return
        folded = apply(session, event)
        if folded is not None:
            while len(self._folded) >= 8:
                self._folded.pop(next(iter(self._folded)))
            self._folded[folded.id] = (mark, folded)

    def _wrapped_key(self, client_id: str) -> bytes | None:
        if client_id not in self._wrapped:
            self._wrapped[client_id] = self.store.wrapped_key(client_id)
        return self._wrapped[client_id]

    def _data_key(self, client_id: str) -> bytes | None:
        """The client's data key; None once he is erased."""
        wrapped = self._wrapped_key(client_id)
        if wrapped is None:
            return None
        if client_id not in self._data_keys:
            self._data_keys[client_id] = self.keyring.unwrap(client_id, wrapped)
        return self._data_keys[client_id]

    # --- commands ------------------------------------------------------------------------

    def add_client(self, name: str, *, status: str = "consumer", country: str = "FR",
                   email: str | None = None, phone: str | None = None,
                   address: str | None = None, siren: str | None = None,
                   vat_number: str | None = None, known_since: date | None = None,
                   at: datetime | None = None) -> str:
        """`known_since`: the day a client from before sessiond first called on the
        technician (he is then no new client: VLH 5.5)."""
        at = at or clock.whole_second(clock.now())
        name, email, phone = _client_name(name), _email(email), _phone(phone)
        siren = _company_number(siren)
        vat_number = _vat_number(vat_number, country.upper(), status)
        if known_since is not None and known_since > at.astimezone(self.tz).date():
            raise InputError(_("--known-since {day}: that day has not come yet; give the day "
                               "the client first called on you.", day=long_date(known_since)))
        client_id = new_id("c")
        key, wrapped = self.keyring.new_data_key(client_id)
        digests = self._blind_indexes(name, email)
        with self.store.writing() as w:
            w.put_wrapped_key(client_id, wrapped)
            w.put_client_index(client_id, digests)
            self._wrapped[client_id], self._data_keys[client_id] = wrapped, key
            self._append(w, "client-added", at=at, client_id=client_id,
                         body={"status": status, "country": country.upper(),
                               "known_since": known_since.isoformat() if known_since
                               else None},
                         personal={"name": name, "email": email, "phone": phone,
                                   "address": (address or "").strip() or None,
                                   "siren": siren, "vat_number": vat_number})
        return client_id

    def possible_duplicates(self, name: str, email: str | None = None) -> list[str]:
        """Clients (not merged into another) with the same name or e-mail, compared
        through their blind indexes: case, accents and spaces do not count."""
        merged = self._merged()
        digests = self._blind_indexes(name, email, recorded_before=True)
        return [c for c in self.store.clients_indexed(digests) if c not in merged]

    def _blind_indexes(self, name: str, email: str | None, *,
                       recorded_before: bool = False) -> list[str]:
        """The digests a new client is indexed under; `recorded_before`: with those a
        client recorded under the earlier rule has (_COMPARED_BEFORE), to find him."""
        import hashlib
        import hmac

        key = self.keyring.blind_key
        values = [("name", _comparable(name))]
        if recorded_before and (kept := _COMPARED_BEFORE.intersection(name)):
            values.append(("name", _comparable(name, frozenset(kept))))
        if email and email.strip():
            import unicodedata

            # One address however its accents were typed: "zoé@" precomposed (NFC) and
            # "zoe\u0301@" (NFD, as a macOS paste gives it) are one address (RFC 6532
            # 3.1), and were two clients without a word. Indexed in NFC; a client
            # recorded before under the address as typed is looked up in both forms.
            typed = _shown_only(email.strip()).casefold()
            values.append(("email", unicodedata.normalize("NFC", typed)))
            if recorded_before:
                values.extend(("email", form) for form in dict.fromkeys(
                    (typed, unicodedata.normalize("NFD", typed))))
        # surrogatepass: a name that is not text (a lone surrogate) finds nobody, and the
        # event that would hold it is refused by its validation, not by this encoder.
        return [hmac.new(key, f"{what}:{value}".encode("utf-8", "surrogatepass"),
                         hashlib.sha256).hexdigest()
                for what, value in values if value]

    def new_session(self, client_id: str, *, policy: str | None = None, mode: str = "remote",
                    tool: str = "teamviewer", partner_id: str | None = None,
                    client_os: str | None = None, problems: Sequence[str] = (),
                    ordered_at: datetime | None = None, rate: str | None = None,
                    price: str | None = None, warranty_of: str | None = None,
                    warranty_cause: str | None = None,
                    appointment: datetime | None = None,
                    ticket_at: datetime | None = None,
                    at: datetime | None = None) -> str:
        """`warranty_of`: the earlier session this one re-does under warranty, and
        `warranty_cause` what made it necessary (default: that intervention); `appointment`:
        when the intervention was agreed to take place; `ticket_at`: when the client opened
        the support ticket it answers (MRI87 12, 13); `price`: a price agreed for the whole
        session (a package, a quote), under terms that provide for one ([fixed_price])."""
        at = at or clock.whole_second(clock.now())
        self._require_client(client_id)
        target = self._canonical_client(client_id)
        if target != client_id:
            # As for a move: a duplicate merged away gets no new session of his own.
            raise InputError(_("Client {client} was merged into {into}: plan the session for "
                               "{into} (sessiond session new {into}).", client=client_id,
                               into=target))
        problems = _problems(problems)
        policy = policy or self.config.policy
        terms = self.policy(policy)  # validates the id, says which exist
        if price is not None and terms.fixed_price is None:
            raise InputError(_(
                "The terms {policy} set no price per session: bill it by the hour (--rate "
                "EUR_PER_HOUR), or add [fixed_price] to the policy, citing the article that "
                "provides for it.", policy=policy))
        if mode not in terms.modes and rate is None and price is None:
            # Nothing would ever bill it (the terms price no such mode): refused before
            # anything is written, rather than found out by `bill` after the work.
            from sessiond import labels
            from sessiond.errors import ModeNotOffered

            scope = terms.rules.get("mode-offered")
            refusal = _("The terms {policy} offer no {mode} intervention (the modes they "
                        "offer: {offered}{article})", policy=policy, mode=labels.short(mode),
                        offered=", ".join(labels.short(m) for m in terms.modes),
                        article=", " + labels.cite(scope.article) if scope else "")
            raise ModeNotOffered(_(
                "{refusal}: plan it under other terms (--policy), or give the rate quoted to "
                "the client (--rate EUR_PER_HOUR, or --price EUR for the session); the check "
                "will report it as outside these terms.", refusal=refusal), refusal)
        if warranty_of is not None:
            self._earlier_intervention(client_id, warranty_of)
            warranty_cause = warranty_cause or "intervention"
        elif warranty_cause is not None:
            raise InputError(_("--warranty-cause goes with --warranty-of SESSION: the session "
                               "this one re-does under warranty."))
        session_id = new_id("s")
        # The price list in force at the order is the one the session is billed at: "les
        # commandes en cours ne seront pas concernées par les mises à jour des tarifs"
        # (MRI87 7.2; MD 19 "la version applicable est celle en vigueur au jour de la
        # commande"; Micro-Alpes 3 "tarifs en vigueur à la date de l'offre").
        listed = terms.rate_for(mode) if rate is None else None
        with self.store.writing() as w:
            planned = self._append(
                w, "session-planned", at=at, session_id=session_id, client_id=client_id,
                body={"policy": policy, "mode": mode, "tool": tool, "client_os": client_os,
                      "ordered_at": clock.to_text(ordered_at) if ordered_at else None,
                      "rate": rate, "price": price, "problem_count": len(problems),
                      "listed_rate": str(listed.per_hour) if listed is not None else None,
                      "warranty_of": warranty_of, "warranty_cause": warranty_cause,
                      "appointment": clock.to_text(appointment) if appointment else None,
                      "ticket_at": clock.to_text(ticket_at) if ticket_at else None},
                personal={"partner_id": partner_id, "problems": list(problems)},
            )
        self._remember(None, self._event(planned))
        return session_id

    def consent(self, session_id: str, *, channel: str, by: str,
                at: datetime | None = None) -> Event:
        return self._record("consent-recorded", session_id=session_id, at=at,
                           body={"channel": channel}, personal={"by": _named(by)})

    def start(self, session_id: str, *, at: datetime | None = None,
              without_consent: bool = False, reason: str | None = None) -> Event:
        if without_consent and not (reason and reason.strip()):
            raise InputError(_("Starting without consent needs a reason: "
                               "--without-consent --reason TEXT."))
        if at is not None:
            self._refuse_before_order(session_id, at)
        # VLH 3.3 bills "conformément à la grille tarifaire en vigueur au jour de
        # l'intervention": the list's rate at the start is kept beside the order's.
        session = self._session(session_id)
        listed = None if session.rate is not None else \
            self.policy(session.policy).rate_for(session.mode)
        return self._record("session-started", session_id=session_id, at=at,
                           body={"without_consent": without_consent,
                                 "listed_rate": str(listed.per_hour) if listed else None},
                           personal={"reason": reason if without_consent else None})

    def pause(self, session_id: str, *, at: datetime | None = None,
              reason: str | None = None) -> Event:
        return self._record("session-paused", session_id=session_id, at=at,
                           personal={"reason": reason})

    def resume(self, session_id: str, *, at: datetime | None = None) -> Event:
        return self._record("session-resumed", session_id=session_id, at=at)

    def stop(self, session_id: str, *, at: datetime | None = None,
             by: str = "technician") -> Event:
        """Stop, check the session against its policy, and sign a checkpoint, in one
        commit: the log shows what was checked, when, and under which policy version."""
        with self.store.writing() as w:
            session = self._session(session_id)
            at = at or steady_now(session)
            check_transition(session, "session-stopped", at)
            stored = self._append(w, "session-stopped", at=at, session_id=session_id,
                                  client_id=session.client_id, body={"ended_by": by})
            report = self.check_anyway(self._session(session_id), at_stop=True)
            self._append(w, "check-completed", at=clock.whole_second(clock.now()),
                         session_id=session_id, client_id=session.client_id,
                         body=report.to_record())
            self.sign_checkpoint(w, "session-stop")
        return self._event(stored)

    def note(self, session_id: str, text: str, *, at: datetime | None = None,
             replaces: int | None = None) -> Event:
        """A note; `replaces`: the seq of a note of the session that this one corrects."""
        if not text.strip():
            raise InputError(_("A note needs its text: sessiond note {session} \"TEXT\".",
                               session=session_id))
        if replaces is not None:
            self._event_of(session_id, replaces, ("note-added",))
            self._refuse_replaced(session_id, replaces)
        return self._record("note-added", session_id=session_id, at=at,
                            body={"replaces": replaces}, personal={"text": text})

    def _refuse_replaced(self, session_id: str, seq: int) -> None:
        """A note is replaced once: a second replacement of it would leave two current
        versions of one note. The refusal names its latest version, the one to replace."""
        replaced_by = {e.body["replaces"]: e.seq for e in self.session_events(session_id)
                       if e.kind == "note-added" and e.body.get("replaces") is not None}
        if seq not in replaced_by:
            return
        latest = seq
        while latest in replaced_by:
            latest = replaced_by[latest]
        raise InputError(_(
            "Note #{seq} was replaced already (#{by}): replace its latest version, "
            "sessiond note {session} --replaces {latest} \"TEXT\".", seq=seq,
            by=replaced_by[seq], session=session_id, latest=latest))

    # --- corrections: audited events that every projection applies (model.effective) -----

    def amend(self, session_id: str, seq: int, *, at: datetime, reason: str,
              typed: str | None = None) -> Event:
        """The declared instant of a start, pause, resume or stop, or of the consent,
        becomes `at` (read from `typed`, as the technician gave it, when there is one)."""
        with self.store.writing() as w:
            session = self._session(session_id)
            target = self._event_of(session_id, seq, (*AMENDABLE, *AMENDABLE_FACTS))
            if typed is not None and clock.without_day(typed):
                _refuse_another_day(session, target, at, typed)
            # A cancelled session is gone from every projection: its times count nowhere.
            check_transition(session, "instant-amended", at)
            undo = next((e.seq for e in self.session_events(session_id)
                         if e.kind == "session-reopened" and e.body["corrects"] == seq), None)
            if undo is not None and all(e.seq != seq for e in session.events):
                # A stop made while paused, then reopened: the pause goes on, that stop
                # counts no more; amending it would be accepted and change nothing.
                raise InputError(_(
                    "Event #{seq} ({kind}) was undone by #{undo} (sessiond reopen): it no "
                    "longer counts, so it has no time to correct.", seq=seq,
                    kind=labels.kind(target.kind), undo=undo))
            if target.kind == "session-started":
                # As `start --at`: nothing starts before the client ordered it.
                self._refuse_before_order(session_id, at)
            trial = target._replace(seq=2**53 - 1, kind="instant-amended",
                                  body={"corrects": seq, "at": clock.to_text(at)})
            _check_order(fold([*self.session_events(session_id), trial]), seq)
            stored = self._append(w, "instant-amended", at=_now(), session_id=session_id,
                                  client_id=session.client_id,
                                  body={"corrects": seq, "at": clock.to_text(at)},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def withdraw(self, session_id: str, seq: int, *, reason: str) -> Event:
        """Take back a fee, its announcement or a payment recorded by mistake: every
        projection leaves it out (the event stays in the log, marked as corrected)."""
        with self.store.writing() as w:
            session = self._session(session_id)
            self._event_of(session_id, seq, WITHDRAWABLE)
            taken = next((e for e in session.events if e.seq == seq), None)
            if taken is None:  # in the log, folded away
                raise InputError(_("Event #{seq} is already withdrawn.", seq=seq))
            if taken.kind == "payment-recorded" and session.paid < signed_amount(taken):
                # the money given back came from this payment: without it, the refunds
                # would give back more than was ever received
                raise InputError(_(
                    "Payment #{seq} was refunded since (sessiond log {session}): withdraw "
                    "the refund first, if it too was recorded by mistake.", seq=seq,
                    session=session_id))
            stored = self._append(w, "fact-withdrawn", at=_now(), session_id=session_id,
                                  client_id=session.client_id, body={"corrects": seq},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def reopen(self, session_id: str, *, reason: str) -> Event:
        """Undo a stop: the session is paused from the stop's instant (the gap is not
        billed) and can be resumed."""
        with self.store.writing() as w:
            session = self._session(session_id)
            # Cancelled (after its stop, as a duplicate): refused as any fact on it is.
            check_transition(session, "session-reopened", _now())
            if session.state is not State.STOPPED:
                raise InputError(_("Session {session} is not stopped: there is nothing to "
                                   "reopen.", session=session_id))
            stop = next(e for e in reversed(session.events) if e.kind == "session-stopped")
            stored = self._append(w, "session-reopened", at=_now(), session_id=session_id,
                                  client_id=session.client_id, body={"corrects": stop.seq},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def cancel(self, session_id: str, *, reason: str, duplicate_of: str | None = None) -> Event:
        """A session planned by mistake, or a started one that `duplicate_of` holds the
        work of (the same work timed twice): gone from status, the day's list and every
        export, nothing due; its events stay in the log."""
        with self.store.writing() as w:
            session = self._session(session_id)
            if session.state is State.CANCELLED:
                raise InputError(_("Session {session} is already cancelled.",
                                   session=session_id))
            start = next((e for e in session.events if e.kind == "session-started"), None)
            if start is not None and duplicate_of is None:
                raise InputError(_(
                    "Session {session} has started (#{seq}): only a session that never "
                    "started can be cancelled, or a duplicate of another (sessiond cancel "
                    "{session} --duplicate-of SESSION --reason TEXT); else correct its "
                    "times with sessiond amend.", session=session_id, seq=start.seq))
            if duplicate_of is not None:
                duplicate_of = self._holder_of_work(session, duplicate_of)
            due = next((e for e in session.events
                        if e.kind in ("fee-added", "payment-recorded")), None)
            if due is not None:
                # A no-show or a late cancellation is billed: cancelling would drop it from
                # every export.
                raise InputError(_(
                    "Session {session} has a fee or a payment on record (#{seq}): it stays "
                    "in the exports, with what is due. If that was recorded by mistake: "
                    "sessiond withdraw {session} {seq} --reason TEXT, then cancel.",
                    session=session_id, seq=due.seq))
            # An invoice a credit note cancelled bills nothing any more (the session may
            # then be invoiced again, or cancelled); a standing one says how to get there.
            invoice = next(iter(standing_invoices(self.session_invoices(session_id))), None)
            if invoice is not None:
                raise InputError(_(
                    "Session {session} is on invoice {number} (#{seq}): the client holds it. "
                    "If the session should not be billed, cancel the invoice with a credit "
                    "note first: sessiond invoice cancel {number} --reason TEXT.",
                    session=session_id, number=invoice.body["number"], seq=invoice.seq))
            issued = next((e for e in session.events if e.kind == "receipt-issued"), None)
            if issued is not None:
                # The client holds a document for it, which nothing cancels: it stays what
                # was billed.
                raise InputError(_(
                    "Session {session} has receipt {receipt}: the client holds it, so the "
                    "session stays as billed.", session=session_id,
                    receipt=_("no. {number} (event #{seq})", number=issued.body["number"],
                              seq=issued.seq) if issued.body.get("number")
                    else _("#{seq}", seq=issued.seq)))
            stored = self._append(w, "session-cancelled", at=_now(), session_id=session_id,
                                  client_id=session.client_id,
                                  body={"duplicate_of": duplicate_of},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def _holder_of_work(self, session: Session, other_id: str) -> str:
        """The id of the session `session` duplicates: another session of the same client
        that holds the work (see `not_holding_work_of`)."""
        other = self._session(other_id)
        if self._canonical_client(other.client_id) != self._canonical_client(
                session.client_id):  # a merged duplicate client's sessions are his
            raise InputError(_("Session {other} is client {client}'s, not {own}'s: a "
                               "duplicate is the same client's work timed twice.",
                               other=other_id, client=other.client_id,
                               own=session.client_id))
        problem = not_holding_work_of(session, other)
        if problem is not None:
            raise InputError(problem)
        return other.id

    def move_session(self, session_id: str, *, client_id: str, reason: str) -> Event:
        """The session belongs to another client from now on (history, discounts and
        credit follow). Its earlier personal fields stay sealed under the first client's
        key."""
        with self.store.writing() as w:
            session = self._session(session_id)
            self._require_client(client_id)
            target = self._canonical_client(client_id)
            if target != client_id:
                raise InputError(_("Client {client} was merged into {into}: move the session "
                                   "to {into}.", client=client_id, into=target))
            if session.client_id == client_id:
                raise InputError(_("Session {session} already belongs to client {client}.",
                                   session=session_id, client=client_id))
            if self._canonical_client(session.client_id) == client_id:
                # Its client is a duplicate merged into `client_id`: it counts as his
                # already, and the move would change nothing.
                raise InputError(_("Session {session} already counts as client {client}'s: "
                                   "its client {own} was merged into him.",
                                   session=session_id, client=client_id,
                                   own=session.client_id))
            invoice = next(iter(standing_invoices(self.session_invoices(session_id))), None)
            if invoice is not None:
                # The invoice is addressed to the client it names and is never changed:
                # the session stays his while it stands.
                raise InputError(_(
                    "Session {session} is on invoice {number} (#{seq}), addressed to client "
                    "{own}: cancel it with a credit note first (sessiond invoice cancel "
                    "{number} --reason TEXT), then move the session and invoice it again.",
                    session=session_id, number=invoice.body["number"], seq=invoice.seq,
                    own=invoice.client_id))
            if self._wrapped_key(client_id) is None:
                raise InputError(_("Client {client} was erased: no session can be moved to "
                                   "him (it could never be invoiced).", client=client_id))
            stored = self._append(w, "session-moved", at=_now(), session_id=session_id,
                                  client_id=client_id,
                                  body={"from_client": session.client_id,
                                        "to_client": client_id},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def merge_client(self, duplicate: str, *, into: str, reason: str) -> Event:
        """A client added twice: the duplicate's sessions and credit count as `into`'s
        (the new-client discount is computed on the merged history)."""
        with self.store.writing() as w:
            self._require_client(duplicate)
            self._require_client(into)
            if self._canonical_client(duplicate) != duplicate:
                raise InputError(_("Client {client} was already merged into {into}.",
                                   client=duplicate, into=self._canonical_client(duplicate)))
            target = self._canonical_client(into)
            if target == duplicate and into != duplicate:
                # `into` is a duplicate already merged into this very client: they are one.
                raise InputError(_("Client {into} was already merged into {client}: they are "
                                   "one client already.", into=into, client=duplicate))
            if target == duplicate:
                raise InputError(_("Client {client} cannot be merged into itself.",
                                   client=duplicate))
            if self._wrapped_key(target) is None:
                # His sessions would belong to a client who can no longer be named,
                # invoiced or shown in the client list, and a merge is never undone.
                raise InputError(_("Client {into} was erased: nothing can be merged into him "
                                   "({client}'s sessions would count as an erased client's, "
                                   "never invoiced again). Keep {client} as he is.",
                                   into=target, client=duplicate))
            stored = self._append(w, "client-merged", at=_now(), client_id=duplicate,
                                  body={"into": target}, personal={"reason": _reason(reason)})
        return self._event(stored)

    def redact(self, session_id: str, seq: int, *, reason: str) -> Event:
        """The free text of event `seq` (a note, a reason, the problems) becomes unreadable
        for good: its own key is destroyed; the chain still verifies."""
        # The kinds of a session's events with a text of their own (a client's events, a
        # credit note or a merge, are never a session's: the refusal would list them).
        free = tuple(k for k in KINDS if set(KINDS[k].personal) & set(FREE_TEXT)
                     and KINDS[k].scope == "session")
        with self.store.writing() as w:
            session = self._session(session_id)
            target = self._event_of(session_id, seq, free)
            fields = [name for name in FREE_TEXT if name in KINDS[target.kind].personal
                      and w.delete_field_key(target.id, name)]
            if not fields:
                self._refuse_redacted_or_empty(session_id, target)
                raise InputError(_(
                    "Event #{seq} holds no text that can be redacted on its own (none, already "
                    "redacted, or written before texts had keys of their own: erasing the "
                    "client removes it).", seq=seq))
            stored = self._append(w, "text-redacted", at=_now(), session_id=session_id,
                                  client_id=session.client_id,
                                  body={"corrects": seq, "fields": fields},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    def _refuse_redacted_or_empty(self, session_id: str, target: Event) -> None:
        """Say why `target` has no text to redact when the log tells: redacted already
        (by which correction), or it never held one (a pause without a reason)."""
        done = [e.seq for e in self.session_events(session_id)
                if e.kind == "text-redacted" and e.body["corrects"] == target.seq]
        if done:
            raise InputError(_("The text of event #{seq} was redacted already (#{by}): "
                               "nothing of it can be read any more.", seq=target.seq,
                               by=done[0]))
        if target.personal is not None and not set(FREE_TEXT) & set(target.personal):
            raise InputError(_("Event #{seq} ({kind}) holds no text: there is nothing to "
                               "redact.", seq=target.seq, kind=labels.kind(target.kind)))

    def _event_of(self, session_id: str, seq: int, kinds: Sequence[str]) -> Event:
        """Event `seq` of the session, of one of `kinds`; InputError says what it is."""
        events = self.session_events(session_id)
        found = next((e for e in events if e.seq == seq), None)
        if found is None:
            raise InputError(_("Event #{seq} is not an event of session {session} (sessiond "
                               "log {session} lists them).", seq=seq, session=session_id))
        if found.kind == "instant-amended" and found.kind not in kinds:
            # A correction of a correction: the time is corrected again on the event the
            # amendment corrects (the last amendment counts), never on the amendment.
            original = found.body["corrects"]
            raise InputError(_(
                "Event #{seq} corrects #{original} ({kind}): to correct that time again, "
                "give #{original} its right time: sessiond amend {session} {original} --at "
                "TIME --reason TEXT (the last correction counts).", seq=seq,
                original=original, session=session_id,
                kind=labels.kind(next(e.kind for e in events if e.seq == original))))
        if found.kind not in kinds:
            raise InputError(_("Event #{seq} is {kind}; this correction applies only to: "
                               "{kinds}.", seq=seq, kind=labels.kind(found.kind),
                               kinds=", ".join(labels.kind(k) for k in kinds)))
        return found

    def _merged(self, upto: int | None = None) -> dict[str, str]:
        """Duplicate client -> the client it was merged into (by the merges before seq
        `upto` when given)."""
        return {r.client_id: r.body_fields()["into"]
                for r in self.store.events_of_kind("client-merged")
                if r.client_id and (upto is None or r.seq < upto)}

    def client_group(self, client_id: str, *, upto: int | None = None) -> set[str]:
        """The client `client_id` counts as (the one he was merged into, if he was) and
        the duplicates merged into that one, as the log stood before seq `upto`."""
        merged = self._merged(upto)
        return self._client_group(self._canonical_client(client_id, merged), merged)

    def _canonical_client(self, client_id: str, merged: dict[str, str] | None = None) -> str:
        merged = self._merged() if merged is None else merged
        seen = {client_id}
        while client_id in merged and merged[client_id] not in seen:
            client_id = merged[client_id]
            seen.add(client_id)
        return client_id

    # --- facts of a session (one typed method per fact; front ends never build bodies) ---

    def accept_quote(self, session_id: str, *, how: str, by: str,
                     at: datetime | None = None) -> Event:
        """The client signed the quote (handwritten or electronic), by whom."""
        return self._record("quote-accepted", session_id=session_id, at=at,
                            body={"how": how}, personal={"by": _named(by)})

    def waive_withdrawal(self, session_id: str, *, medium: str,
                         at: datetime | None = None) -> Event:
        """The consumer asked to start within his withdrawal period."""
        return self._record("withdrawal-waiver", session_id=session_id, at=at,
                            body={"medium": medium})

    def warn_sensitive_docs(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client was invited to close his sensitive documents."""
        return self._record("sensitive-docs-warned", session_id=session_id, at=at)

    def record_backup(self, session_id: str, *, answer: str | None,
                      at: datetime | None = None) -> Event:
        """A backup was offered; `answer` is the client's (None: not answered yet)."""
        return self._record("backup-status", session_id=session_id, at=at,
                            body={"offered": True, "answer": answer})

    def record_payment(self, session_id: str, *, amount: str | Decimal, method: str,
                       at: datetime | None = None) -> Event:
        """A payment received; `amount` as typed ("52,50") or a Decimal. A payment of
        nothing is a typing mistake (a fee may be 0, money received may not)."""
        from decimal import Decimal

        received = money(amount)
        if Decimal(received) <= 0:
            raise InputError(_("A payment of {amount!r} records no money received: give the "
                               "amount paid (e.g. 45,50).", amount=str(amount)))
        return self._record("payment-recorded", session_id=session_id, at=at,
                            body={"amount": received, "method": method})

    def record_refund(self, session_id: str, *, amount: str | Decimal, method: str,
                      at: datetime | None = None) -> Event:
        """Money given back to the client; `amount` as `record_payment` takes it. Refused
        beyond what he paid for this session and kept: a larger refund is a typing
        mistake, or belongs to another session."""
        from decimal import Decimal

        from sessiond.billing.text import money as money_text

        refunded = money(amount)
        if Decimal(refunded) <= 0:
            raise InputError(_("A refund of {amount!r} gives no money back: give the amount "
                               "refunded (e.g. 45,50).", amount=str(amount)))
        paid = self._session(session_id).paid
        if Decimal(refunded) > paid:
            raise InputError(_(
                "A refund of {amount} is more than the client paid for session {session} "
                "and kept ({paid}): record the payment first (sessiond record {session} "
                "payment), or refund on the session he paid.", amount=money_text(
                    Decimal(refunded)), session=session_id, paid=money_text(paid)))
        return self._record("refund-recorded", session_id=session_id, at=at,
                            body={"amount": refunded, "method": method})

    def record_outcome(self, session_id: str, *, problem: int, result: str,
                       at: datetime | None = None) -> Event:
        """The outcome of listed problem number `problem` (from 1)."""
        return self._record("outcome-recorded", session_id=session_id, at=at,
                            body={"problem": problem, "result": result})

    def request_reduction(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client asked for the partial-result reduction his terms offer."""
        return self._record("reduction-requested", session_id=session_id, at=at)

    def hardware_defective(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client's hardware the work was on proved defective (FGDMI IV.2)."""
        return self._record("hardware-defective", session_id=session_id, at=at)

    def add_fee(self, session_id: str, *, fee: str, amount: str | Decimal | None = None,
                at: datetime | None = None) -> Event:
        """A fixed fee (travel, no-show...); `amount` when the policy leaves it open. Each
        fee is charged once a session (model.fee_refusal): refused, citing the terms'
        article of that fee, when it is on record already."""
        session = self._session(session_id)
        refusal = fee_refusal(session, fee, self._fee_article(session, fee))
        if refusal is not None:
            raise InputError(refusal)
        return self._record("fee-added", session_id=session_id, at=at,
                            body={"fee": fee,
                                  "amount": None if amount is None else money(amount)})

    def _fee_article(self, session: Session, fee: str) -> str | None:
        """The article of the session's terms that prices `fee` (None: they do not, or
        they cannot be read; the refusal then cites none)."""
        try:
            spec = self.policy(session.policy).fees.get(fee)
        except InputError:
            return None
        return spec.article if spec is not None else None

    def record_artifact(self, session_id: str, *, artifact: str,
                        client_request: str | None = None,
                        at: datetime | None = None) -> Event:
        """A screenshot, file copy or recording; with the client's request when he made
        one (the terms allow copies only at his documented request)."""
        request = (client_request or "").strip() or None
        return self._record("artifact-recorded", session_id=session_id, at=at,
                            body={"artifact": artifact, "client_requested": request is not None},
                            personal={"client_request": request})

    def return_control(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client took the mouse back."""
        return self._record("control-returned", session_id=session_id, at=at)

    def confirm_disconnect(self, session_id: str, *, at: datetime | None = None) -> Event:
        """Disconnected: the technician can no longer take control."""
        return self._record("disconnect-confirmed", session_id=session_id, at=at)

    def review_span(self, session_id: str, *, start: datetime, end: datetime, cause: str,
                    decision: str, at: datetime | None = None) -> Event:
        """The technician's decision about time the daemon could not see."""
        return self._record("span-reviewed", session_id=session_id, at=at,
                            body={"start": clock.to_text(start), "end": clock.to_text(end),
                                  "cause": cause, "decision": decision})

    def add_credit(self, client_id: str, *, hours: str | Decimal,
                   at: datetime | None = None) -> Event:
        """Prepaid hours bought by the client."""
        self._require_client(client_id)
        target = self._canonical_client(client_id)
        if target != client_id:
            # As for a session: a duplicate merged away buys nothing of his own.
            raise InputError(_("Client {client} was merged into {into}: record the package "
                               "for {into} (sessiond credit add {into} --hours H).",
                               client=client_id, into=target))
        return self._record("credit-added", client_id=client_id, at=at,
                            body={"hours": credit_hours(hours)})

    def withdraw_credit(self, client_id: str, seq: int, *, reason: str) -> Event:
        """Take back a prepaid package recorded by mistake (wrong hours, wrong client, a
        purchase typed twice): the credit leaves it out; the event stays in the log."""
        with self.store.writing() as w:
            group = self.client_group(self.client(client_id).id)
            found = next((e for c in group for e in self.client_events(c, "credit-added")
                          if e.seq == seq), None)
            if found is None:
                raise InputError(_("Event #{seq} is not a package of client {client} "
                                   "(sessiond credit show {client} lists them).", seq=seq,
                                   client=client_id))
            if any(e.body["corrects"] == seq for c in group
                   for e in self.client_events(c, "credit-withdrawn")):
                raise InputError(_("Event #{seq} is already withdrawn.", seq=seq))
            stored = self._append(w, "credit-withdrawn", at=_now(),
                                  client_id=found.client_id, body={"corrects": seq},
                                  personal={"reason": _reason(reason)})
        return self._event(stored)

    # --- evidence from the remote-control tool (see compliance.evidence) -------

    def record_connection(self, connection: Connection, *, session_id: str | None = None,
                          now: datetime | None = None) -> Recorded:
        """Record a connection read from a remote tool's log, in the session it matches.

        Matched by the session's partner ID, else by time with a session of that tool;
        `session_id` when the technician said which (his answer to the daemon). Nothing is
        written when no session matches or the log already holds the connection (by its
        key, or the same one read from another file of the tool); one seen open before is
        completed by a `connection-closed` event, one read again still without its end but
        further by a `connection-seen` event. Instants are kept to the second.
        """
        from sessiond.compliance import evidence
        from sessiond.partner import normalise_partner

        now = now or clock.now()
        start = clock.whole_second(connection.start)
        end = clock.whole_second(connection.end) if connection.end is not None else None
        partner = normalise_partner(connection.partner_id)
        with self.store.writing() as w:
            known = evidence.observed(self.events(self.store.connection_events(
                connection.key)))
            twin = known[0] if known else self._twin(connection, start, end, partner)
            if twin is not None:
                seen = (clock.whole_second(connection.seen_until)
                        if connection.end_unknown and connection.seen_until else None)
                if twin.end is None and end is None and seen is not None and (
                        twin.seen_until is None or seen > twin.seen_until):
                    # Read again without its end, further than before (the log grew, or
                    # another file of the tool goes on): the log shows it that much
                    # longer, which decides whether it outlasted the session's stop.
                    stored = self._append(w, "connection-seen", at=_now(),
                                          session_id=twin.session_id,
                                          client_id=self._session(twin.session_id).client_id,
                                          body={"observed": twin.seq,
                                                "seen_until": clock.to_text(seen),
                                                "digest": connection.digest})
                    return evidence.Recorded(twin.session_id, True, stored.seq,
                                             twin.matched_by)
                # Seen open (in this file, or in another file of the tool), now closed.
                if twin.end is not None or end is None:
                    return evidence.Recorded(twin.session_id, False, None, twin.matched_by)
                client = self._session(twin.session_id).client_id
                stored = self._append(w, "connection-closed", at=_now(),
                                      session_id=twin.session_id, client_id=client,
                                      body={"observed": twin.seq, "end": clock.to_text(end),
                                            "outcome": connection.outcome,
                                            "digest": connection.digest})
                return evidence.Recorded(twin.session_id, True, stored.seq, twin.matched_by)
            # A connection whose end the log does not have is matched by what the log shows
            # of it (to `seen_until`), not as one still open until now: a later session of
            # the tool would overlap it more than its own.
            shown = end if not connection.end_unknown or connection.seen_until is None else (
                max(start, clock.whole_second(connection.seen_until)))
            found = ((session_id, "answer") if session_id is not None else
                     evidence.match(evidence.Sighting(connection.tool, partner, start, shown),
                                    self._candidates(start, shown or now), now))
            if found is None:
                return evidence.Recorded(None, False, None, None)
            session = self._session(found[0])
            sealable = self._data_key(session.client_id) is not None
            stored = self._append(
                w, "connection-observed", at=_now(), session_id=session.id,
                client_id=session.client_id,
                body={"tool": connection.tool, "direction": connection.direction,
                      "start": clock.to_text(start),
                      "end": clock.to_text(end) if end is not None else None,
                      **({"seen_until": clock.to_text(clock.whole_second(
                          connection.seen_until))} if connection.end_unknown
                         and connection.seen_until is not None else {}),
                      "outcome": connection.outcome, "format": connection.fmt,
                      "digest": connection.digest, "key": connection.key,
                      "matched_by": found[1]},
                personal={"partner_id": partner if sealable else None})
        return evidence.Recorded(session.id, True, stored.seq, found[1])

    def _twin(self, connection: Connection, start: datetime, end: datetime | None,
              partner: str | None) -> Observed | None:
        """The same connection recorded from another file of the tool: TeamViewer's
        connection file and its log describe a session to the same second; AnyDesk's
        service trace logs the request (`Accept request`) a fraction of a second before
        the user trace (`Incoming session request`), often in the second before, and the
        two traces may end it a little apart. Between two formats, starts and ends within
        TWIN_SECONDS are one connection. Within one format they are too when the two
        overlap: one tool logs a session in two files of one format on Linux (TeamViewer's
        daemon in /var/log/teamviewer15/, its GUI and desktop processes in
        ~/.local/share/teamviewer15/logfiles/, each a TeamViewer15_Logfile.log, the desktop
        process a second after the daemon), whereas two attempts in one file a few seconds
        apart follow each other. One still open in one file (TeamViewer's GUI log on Linux
        has the outgoing start, `Trying connection to`, but its end only in the daemon's
        log) is the other's if it began before that one ended; two still open are one
        only in the same second. One that names no partner is the twin of one named."""
        from sessiond.compliance.evidence import observed

        margin = timedelta(seconds=TWIN_SECONDS)
        rows = self.store.connections_started(clock.to_text(start - margin),
                                              clock.to_text(start + margin
                                                            + timedelta(seconds=1)))

        def near(a: datetime | None, b: datetime | None, slack: timedelta) -> bool:
            return a == b if a is None or b is None else abs(a - b) <= slack

        for o in observed(self.events(rows)):
            # A connection whose log names no partner is the twin of one named in another
            # file (TeamViewer's desktop process logs an incoming session in the user's
            # log by its session number; the service, in its own, by the partner's ID).
            # Not the other way round: a named connection found after an unnamed one is
            # recorded, so the partner's evidence is never dropped for a weaker copy.
            if (o.tool != connection.tool or o.direction != connection.direction
                    or (o.partner_id != partner and not (
                        partner is None and o.partner_id is not None))):
                continue
            if near(o.start, start, timedelta(0)) and near(o.end, end, timedelta(0)):
                return o
            if not near(o.start, start, margin) or (o.end is None and end is None):
                continue
            if o.end is None or end is None:
                # One seen open: the same connection if it began before the other ended.
                if (start if end is None else o.start) < (o.end or end or start):
                    return o
            elif abs(o.end - end) <= margin and (
                    o.fmt != connection.fmt or (o.start < end and start < o.end)):
                return o
        return None

    def _candidates(self, start: datetime, end: datetime) -> list[Candidate]:
        """Sessions that may be a connection's: open ones, and those planned, started or
        stopped within a day of it; with their partner IDs."""
        from sessiond.compliance import evidence

        day = timedelta(days=1)
        rows = self.store.events_of_kind_between(DAY_KINDS, clock.to_text(start - day),
                                                 clock.to_text(end + day))
        ids = dict.fromkeys([*(r.session_id for r in rows if r.session_id),
                             *self.store.session_ids(open_only=True)])
        return [evidence.Candidate(s, evidence.session_partner(s))
                for s in self.sessions(ids)]

    def connections(self, session_id: str) -> list[Observed]:
        """What the remote tool logged of the session, in start order."""
        from sessiond.compliance.evidence import observed

        self._session(session_id)
        return observed(self.session_events(session_id))

    def evidence_of_day(self, day: date) -> list[Observed]:
        """The recorded connections that started on `day` (local), in start order."""
        from sessiond.compliance.evidence import observed

        lo, hi = clock.local_day_bounds(day, self.tz)
        return observed(self.events(self.store.connections_started(clock.to_text(lo),
                                                                   clock.to_text(hi))))

    # --- documents: recorded inside the transaction that builds their proof -------------

    def transaction(self) -> AbstractContextManager[Writer]:
        """One write transaction for operations that append several events and a
        checkpoint together (documents): all of it commits, or none."""
        return self.store.writing()

    def record_export(self, w: Writer | None = None, *, first_day: date, last_day: date,
                      fmt: str, sessions: int, digest: str | None = None,
                      file_digest: str | None = None, summary_digest: str | None = None,
                      at: datetime | None = None) -> StoredEvent:
        """An export of the days `first_day`..`last_day` was issued (`file_digest`: the
        SHA-256 of the file written, `summary_digest` that of the summary line its proof
        prints, both of which the sidecar proof lets anyone check)."""
        body = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat(),
                "format": fmt, "sessions": sessions, "digest": digest,
                "file_digest": file_digest, "summary_digest": summary_digest}
        with self._within(w) as tx:
            return self._append(tx, "export-made", at=at or _now(), body=body)

    def record_receipt(self, w: Writer | None = None, *, session_id: str,
                       checkpoint_seq: int, digest: str, number: str | None = None,
                       replaces: str | None = None, data_digest: str | None = None,
                       total: Decimal | None = None, at: datetime | None = None
                       ) -> StoredEvent:
        """Receipt `number` of the session was issued; its proof covers events before
        `checkpoint_seq`, `data_digest` is the SHA-256 of the signed data it carries,
        `replaces` the number of the receipt it supersedes and `total` what it states."""
        with self._within(w) as tx:
            session = self._session(session_id)
            return self._append(tx, "receipt-issued", at=at or _now(), session_id=session_id,
                                client_id=session.client_id,
                                body={"checkpoint_seq": checkpoint_seq, "digest": digest,
                                      "number": number, "replaces": replaces,
                                      "data_digest": data_digest,
                                      "total": None if total is None else f"{total:f}"})

    # --- invoices (the documents are sessiond.exports.invoice) ---------------

    def edit_client(self, client_id: str, *, address: str | None = None,
                    siren: str | None = None, email: str | None = None,
                    phone: str | None = None, vat_number: str | None = None,
                    at: datetime | None = None) -> Event:
        """The client's postal address, SIREN (checked), e-mail, phone or intra-EU VAT
        number (checked against his country), sealed like his name; a field not given
        keeps its value."""
        fields = {"address": (address or "").strip() or None,
                  "siren": _company_number(siren), "email": _email(email),
                  "phone": _phone(phone)}
        if vat_number is not None and vat_number.strip():
            client = self.client(client_id)
            fields["vat_number"] = _vat_number(vat_number, client.country, client.status)
        if not any(fields.values()):
            raise InputError(_("Nothing to change: give --address TEXT, --siren NUMBER, "
                               "--vat-number NUMBER, --email or --phone."))
        return self._record("client-edited", client_id=client_id, at=at, personal=fields)

    def canonical_client(self, client_id: str, *, upto: int | None = None) -> str:
        """The client a duplicate was merged into (the client himself otherwise), as the
        log stood before seq `upto` when given."""
        return self._canonical_client(client_id, self._merged(upto))

    def invoice_events(self) -> list[Event]:
        """Every invoice-issued and credit-note-issued event, in log order.

        Kept until the log grows: every check reads them (`invoice-current`), and a day's
        export checks each of its sessions."""
        tail = self.store.tail()  # seq and hash: a rolled-back append cannot match
        cached: tuple[tuple[int, str], list[Event]] | None = getattr(self, "_invoice_cache",
                                                                     None)
        if cached is None or cached[0] != tail:
            cached = (tail, self.events(self.store.events_of_kind("invoice-issued",
                                                                  "credit-note-issued")))
            self._invoice_cache = cached
        return list(cached[1])

    def session_invoices(self, session_id: str) -> list[Event]:
        """The invoices and credit notes that cover the session, in log order."""
        return [e for e in self.invoice_events() if session_id in e.body["sessions"]]

    def record_invoice(self, w: Writer, *, client_id: str, number: str, year: int,
                       serial: int, sessions: Sequence[str], total: Decimal, digest: str,
                       facturx: bool, at: datetime, vat: str = "franchise") -> StoredEvent:
        """Invoice `number` (the `serial`th document of `year`) was issued to the client
        for `sessions`; `digest`: the SHA-256 of its data; `vat`: its rule (law.vat)."""
        return self._append(w, "invoice-issued", at=at, client_id=client_id,
                            body={"number": number, "year": year, "serial": serial,
                                  "sessions": list(sessions), "total": money(total),
                                  "digest": digest, "facturx": facturx, "vat": vat})

    def record_credit_note(self, w: Writer, *, client_id: str, number: str, year: int,
                           serial: int, cites: str, cites_seq: int, sessions: Sequence[str],
                           total: Decimal, digest: str, facturx: bool, reason: str,
                           at: datetime, vat: str = "franchise") -> StoredEvent:
        """Credit note `number` cancels invoice `cites` (event `cites_seq`); the reason is
        sealed under the client's key."""
        return self._append(w, "credit-note-issued", at=at, client_id=client_id,
                            body={"number": number, "year": year, "serial": serial,
                                  "cites": cites, "cites_seq": cites_seq,
                                  "sessions": list(sessions), "total": money(total),
                                  "digest": digest, "facturx": facturx, "vat": vat},
                            personal={"reason": _reason(reason)})

    @contextmanager
    def _within(self, w: Writer | None) -> Iterator[Writer]:
        if w is not None:
            yield w
        else:
            with self.store.writing() as own:
                yield own

    # --- checkpoints and verification ----------------------------------------------------

    def sign_checkpoint(self, w: Writer, reason: str) -> Checkpoint:
        """A signed checkpoint of the log's tail, inside the transaction `w`."""
        from sessiond.audit.checkpoint import Checkpoint

        seq, hash_ = w.tail()
        unsigned = Checkpoint(seq=seq, hash=hash_, at=clock.to_text(clock.whole_second(
            clock.now())), key_id=self.keyring.key_id, signature="", reason=reason)
        signature = self.keyring.signing_key.sign(unsigned.message()).hex()
        cp = Checkpoint(seq, hash_, unsigned.at, unsigned.key_id, signature, reason)
        w.add_checkpoint(cp)
        return cp

    def checkpoint(self, reason: str) -> Checkpoint:
        with self.store.writing() as w:
            return self.sign_checkpoint(w, reason)

    def damage(self) -> Damaged | None:
        """Why a front end's call failed unexpectedly after reading the log, when the log
        says it: an event edited behind sessiond's back into what it never writes (a body
        another kind's, an instant that is none) ends whatever folds it with a KeyError or
        a ValueError that is no bug of sessiond's. None when the log verifies (the failure
        is then a bug) or cannot even be verified."""
        from sessiond.store.health import verify_log

        try:  # unmarked: a command that only reads writes nothing, a damage mark neither
            report = verify_log(lambda: self.store, lambda: self.keyring, mark=False)
        except Exception:  # the first failure is the one to report
            return None
        if report.ok:
            return None
        # The first event at fault says more than a schema's problem (a trigger dropped to
        # edit the event).
        first = min(report.problems, key=lambda p: (p.seq is None, p.seq or 0))
        return Damaged(_("The log fails verification ({problem}), so this command cannot "
                         "read it: run sessiond verify for the details, then restore it "
                         "from a backup (sessiond restore DIR).", problem=first.message))

    def verify(self, external: Iterable[Checkpoint] = ()) -> VerifyReport:
        from sessiond.store.health import verify_log

        # The file's own checks, the chain, the checkpoints and the sealed data's keys.
        return verify_log(lambda: self.store, lambda: self.keyring, external)

    # --- queries -------------------------------------------------------------------------

    def _event(self, row: StoredEvent) -> Event:
        personal: Mapping[str, Any] | None = {}
        if row.sealed is not None:
            erased = not row.client_id or self._wrapped_key(row.client_id) is None
            personal = None if erased else Personal(lambda: self._unseal(row))
        return Event(
            seq=row.seq, id=row.id, kind=row.kind, session_id=row.session_id,
            client_id=row.client_id, at=clock.from_text(row.at),
            recorded_at=clock.from_text(row.recorded_at), tz=row.tz, boot_id=row.boot_id,
            boottime_ns=row.boottime_ns, body=json.loads(row.body), personal=personal,
            prev_hash=row.prev_hash, hash=row.hash,
        )

    def _unseal(self, row: StoredEvent) -> Mapping[str, Any]:
        from sessiond.audit.seal import unseal_any

        assert row.sealed is not None and row.client_id is not None
        key = self._data_key(row.client_id)
        if key is None:
            return {}
        from cryptography.exceptions import InvalidTag

        try:
            return unseal_any(row.sealed, key, row.id,
                              lambda name: self.store.field_key(row.id, name))
        except (InvalidTag, ValueError, KeyError, TypeError, AttributeError) as e:
            # verify checks the chain and the signatures, not what only the client's key
            # opens: sealed fields moved to another event (the id is their associated
            # data) or rewritten, the chain hashed again after the last checkpoint.
            raise Damaged(_("The personal fields of event #{seq} do not open with the "
                            "client's key: the log was edited behind sessiond's back. "
                            "Restore it from a backup (sessiond restore DIR).",
                            seq=row.seq)) from e

    def events(self, rows: Iterable[StoredEvent] | None = None) -> list[Event]:
        return [self._event(r) for r in (self.store.iter_events() if rows is None else rows)]

    def session_events(self, session_id: str) -> list[Event]:
        return self.events(self.store.session_events(session_id))

    def _session(self, session_id: str) -> Session:
        kept = self._folded.get(session_id)
        if kept is not None and kept[0] == self.store.mark():
            return kept[1]
        session = fold(self.session_events(session_id))
        if session is None:
            raise InputError(_("No session {session}. `sessiond status` lists the open ones.",
                               session=session_id)
                             + did_you_mean(session_id, self.store.session_ids()))
        return session

    def session(self, session_id: str) -> Session:
        return self._session(session_id)

    def sessions(self, ids: Iterable[str] | None = None) -> list[Session]:
        """Sessions in the order they were planned (all of them when `ids` is None)."""
        if ids is None:
            ids = self.store.session_ids()
        return [self._session(i) for i in ids]

    def open_sessions(self, *, remember: bool = False) -> list[Session]:
        """Sessions not stopped, the running ones first. `remember`: keep them in the
        status view too (store.glance), for the next `sessiond status` to show without
        folding, unless something was appended while they were read."""
        settings = self._settings if remember and self.store.damage_mark() is None else None
        # The tail before the fold: the view is saved only if it is still the tail then.
        taken = None if settings is None else (glance.tail(self.store.conn) or glance.EMPTY)
        found = self.sessions(self.store.session_ids(open_only=True))
        order = {State.RUNNING: 0, State.PAUSED: 1, State.PLANNED: 2}
        found.sort(key=lambda s: order.get(s.state, 3))
        if settings is not None and taken is not None:
            glance.save(str(self.paths.database), taken, settings, self.config.language,
                        [_glance_row(s, self.canonical_client(s.client_id)) for s in found])
        return found

    def day_sessions(self, day: date) -> list[Session]:
        """Sessions planned, started or stopped on `day` (local), as corrected (a start or
        stop amended to another day counts on that day), in planning order."""
        start, end = clock.local_day_bounds(day, self.tz)
        lo, hi = clock.to_text(start), clock.to_text(end)
        rows = self.store.events_of_kind_between(DAY_KINDS, lo, hi)
        seen = dict.fromkeys(r.session_id for r in rows if r.session_id)
        # An instant amended into the day is held by its amendment (corrections are few,
        # so all of them are read, as exports.proof does).
        for row in self.store.events_of_kind("instant-amended"):
            at = row.body_fields().get("at")
            if row.session_id and isinstance(at, str) and start <= clock.from_text(at) < end:
                seen[row.session_id] = None

        def on_day(session: Session) -> bool:
            return any(at is not None and start <= at < end for at in
                       (session.planned_at, session.started_at, session.stopped_at))

        found = [s for s in self.sessions(seen) if not s.cancelled and on_day(s)]
        return sorted(found, key=lambda s: s.events[0].seq)

    def _client_added(self, client_id: str) -> StoredEvent:
        """The client's client-added event; InputError when there is no such client."""
        row = self.store.client_added(client_id)
        if row is None:
            raise InputError(_("No client {client}. `sessiond client list` shows them.",
                               client=client_id)
                             + (did_you_mean(client_id, self.store.client_ids())
                                or self._clients_named(client_id)))
        return row

    def _clients_named(self, typed: str) -> str:
        """" Clients matching 'jeanne': c-gsszhn Jeanne Martin." to end the refusal of a
        client id with, when what was typed is a name, a town, a phone number... (the
        id is what names a client: two may share a name, so none is taken for it)."""
        from sessiond.display import safe_line

        found = self.clients(typed) if typed.strip() else []
        if not found:
            return ""
        shown = "; ".join(f"{c.id} {safe_line(c.name or _('(erased)'))}"
                          for c in found[:CLIENTS_NAMED])
        more = len(found) - CLIENTS_NAMED
        return " " + _("Clients matching {typed!r}: {clients}.", typed=typed,
                       clients=shown + (f"; … (+{more})" if more > 0 else ""))

    def _require_client(self, client_id: str) -> None:
        """What a command asks of a client it only names, without decrypting his record:
        that he exists, and that his data key opens (unwrapped once per process), so that
        deleted keys stop the command before it writes, as reading his record would."""
        self._client_added(client_id)
        self._data_key(client_id)

    def client(self, client_id: str, *, upto: int | None = None) -> Client:
        """The client as his client-added and client-edited events describe him (only
        the edits before seq `upto` when given: a document as it was issued)."""
        event = self._event(self._client_added(client_id))
        p = dict(event.personal or {})
        for edit in self.client_events(client_id, "client-edited"):
            if upto is None or edit.seq < upto:
                p.update(edit.personal or {})
        return Client(id=client_id, status=event.body["status"], country=event.body["country"],
                      added_at=event.at, name=p.get("name"), email=p.get("email"),
                      phone=p.get("phone"), seq=event.seq, address=p.get("address"),
                      siren=p.get("siren"), vat_number=p.get("vat_number"))

    def clients(self, query: str = "") -> list[Client]:
        """The clients, without the duplicates merged into another; with `query`, those
        every word of it matches (client_search.matches)."""
        from sessiond.client_search import matches

        merged = self._merged()
        found = [self.client(r.client_id) for r in self.store.events_of_kind("client-added")
                 if r.client_id and r.client_id not in merged]
        return [c for c in found if matches(c, query)] if query else found

    def client_events(self, client_id: str, *kinds: str) -> list[Event]:
        """The client's events (only `kinds` when given), in log order."""
        return self.events(self.store.client_events(client_id, *kinds))

    def client_sessions(self, client_id: str) -> list[Session]:
        """The client's sessions as corrected: those moved to him or planned for a
        duplicate merged into him included, those moved away left out."""
        group = self._client_group(client_id)
        ids: dict[str, None] = {}
        for member in sorted(group):
            for r in self.store.client_events(member, "session-planned", "session-moved"):
                if r.session_id:
                    ids[r.session_id] = None
        found = [s for s in self.sessions(ids) if s.client_id in group]
        return sorted(found, key=lambda s: s.events[0].seq)

    def client_neighbours(self, session_id: str) -> list[str]:
        """The other sessions of the session's client, and of the clients it was moved
        from: their prices hang on it (a warranty re-intervention within its window, the
        new client's first intervention), so a correction of it may leave their receipts
        and invoices behind."""
        session = self._session(session_id)
        clients = {self._canonical_client(session.client_id)} | {
            self._canonical_client(e.body["from_client"]) for e in session.events
            if e.kind == "session-moved"}
        found = [s.id for c in sorted(clients) for s in self.client_sessions(c)
                 if s.id != session_id]
        return list(dict.fromkeys(found))

    def neighbours_outdated(self, session_id: str) -> list[Finding]:
        """What the check says of the documents the session's neighbours
        (`client_neighbours`) left behind (`outdated_documents`)."""
        return [f for other in self.client_neighbours(session_id)
                for f in self.outdated_documents(other)]

    def neighbours_behind(self, session_id: str) -> set[str]:
        """`neighbours_outdated` in words, taken before a correction, so that after it
        only those that the correction itself leaves behind are named."""
        return {f.message for f in self.neighbours_outdated(session_id)}

    def _client_group(self, client_id: str, merged: dict[str, str] | None = None) -> set[str]:
        """The client and the duplicates merged into him."""
        merged = self._merged() if merged is None else merged
        return {client_id,
                *(d for d in merged if self._canonical_client(d, merged) == client_id)}

    def history(self, client_id: str, *, replacing: Session | None = None) -> History:
        """What billing and the prepaid rules read of a client: his sessions and packages
        (`replacing`: one of his sessions as the caller sees it, e.g. just stopped)."""
        client_id = self._canonical_client(client_id)
        events = [e for c in self._client_group(client_id)
                  for e in self.client_events(c, *HISTORY_KINDS)]
        return client_history(self.client_sessions(client_id), events, replacing=replacing,
                              client=client_id)

    def policy(self, policy_id: str) -> Policy:
        """The policy of that id (the technician's own copy first); InputError names the
        known ones. Parsed once per version of its file."""
        from sessiond.policy import load_policy

        return load_policy(policy_id, self.paths)

    # --- compliance ----------------------------------------------------------------------

    def _facts(self, session: Session, policy: Policy, now: datetime, *, at_stop: bool,
               start: datetime | None, start_seq: int | None) -> Facts:
        from sessiond.compliance.check import active, reads_history
        from sessiond.compliance.facts import Facts

        # A duplicate's session is his survivor's (client merge): who the client is (a
        # consumer or a business, his country) is what the kept record says, as on the
        # session's receipt and invoice.
        client = self.client(self._canonical_client(session.client_id))
        history = (self.history(session.client_id, replacing=session)
                   if reads_history(policy, session) else None)
        receipts = (active(policy, "receipt-issued", session) is not None
                    and self.store.first_of_kind("receipt-issued") is not None)
        from sessiond.compliance.evidence import observed

        invoices = tuple(self.session_invoices(session.id))
        # The sessions cancelled as duplicates of this one timed its work: what the remote
        # tool logged in them is this session's connection (compared with its consent, its
        # stop, its time), as it would be had it been matched here.
        duplicates = [e for d in self.duplicates_of(session) for e in d.events]
        return Facts(session=session, client=client, client_seq=client.seq, policy=policy,
                     now=now, tz=self.tz, start=start, start_seq=start_seq, at_stop=at_stop,
                     history=history, receipts_in_log=receipts,
                     connections=tuple(observed([*session.events, *duplicates])),
                     invoices=invoices,
                     invoiced_now=self._invoiced_now(session, invoices, now),
                     receipted_now=self._receipted_now(session, policy, now, history),
                     stored=self._stored_if_amended(session, invoices),
                     # a hypothetical start (requirements) has run with no other yet
                     overlaps=tuple(self._overlaps(session, now))
                     if start_seq is not None else ())

    def _stored_if_amended(self, session: Session, invoices: Sequence[Event]
                           ) -> tuple[Event, ...]:
        """The session's events as stored when an instant was amended or the session
        moved after a receipt or an invoice of it (what the document rules need to tell a
        correction undone by a later one), else none: the session's corrected events are
        all the rest need."""
        documents = [e.seq for e in (*session.events, *invoices)
                     if e.kind in ("receipt-issued", "invoice-issued")]
        if not documents or not any(e.kind in ("instant-amended", "session-moved")
                                    and e.seq > min(documents) for e in session.events):
            return ()
        return tuple(self.session_events(session.id))

    def duplicates_of(self, session: Session) -> list[Session]:
        """The sessions cancelled as duplicates of `session` (`cancel --duplicate-of`): the
        same client's work timed twice, that `session` holds."""
        if session.cancelled:
            return []
        group = self._client_group(self._canonical_client(session.client_id))
        ids = [e.session_id for member in sorted(group)
               for e in self.client_events(member, "session-cancelled")
               if e.session_id and e.body.get("duplicate_of") == session.id]
        return [d for d in self.sessions(ids) if duplicate_of(d) == session.id]

    def _receipted_now(self, session: Session, policy: Policy, now: datetime,
                       history: History | None) -> Decimal | None:
        """What the session is billed now, when its last receipt states an amount (None
        otherwise, or when it cannot be priced): the receipt-current rule compares the
        two, for a repricing no event of the session records (`_invoiced_now`).
        `history`: the client's, when the check has read it already."""
        from sessiond.billing import bill

        receipts = [e for e in session.events if e.kind == "receipt-issued"]
        if not receipts or receipts[-1].body.get("total") is None:
            return None
        try:
            return bill(session, policy, history or self.history(session.client_id,
                                                                 replacing=session), now).total
        except InputError:
            return None

    def _invoiced_now(self, session: Session, invoices: Sequence[Event], now: datetime
                      ) -> Decimal | None:
        """What the sessions of the session's standing invoice are billed now (None: no
        standing invoice, or a session of it that cannot be priced). The invoice-current
        rule compares it with the invoice's total: merging a duplicate client who had an
        earlier intervention, or withdrawing a package, reprices an invoiced session
        without any event of its own."""
        from decimal import Decimal

        from sessiond.billing import bill

        standing = standing_invoices(invoices)
        if not standing:
            return None
        total = Decimal(0)
        try:
            for session_id in standing[-1].body["sessions"]:
                billed = session if session_id == session.id else self.session(session_id)
                total += bill(billed, self.policy(billed.policy),
                              self.history(billed.client_id, replacing=session), now).total
        except InputError:
            return None
        return total

    def check(self, session: Session, *, at_stop: bool = False,
              now: datetime | None = None) -> Report:
        """The session against its terms. InputError when its policy cannot be read."""
        from sessiond.compliance import evaluate

        start = next((e for e in session.events if e.kind == "session-started"), None)
        report = evaluate(self._facts(session, self.policy(session.policy),
                                      now or clock.now(), at_stop=at_stop,
                                      start=session.started_at,
                                      start_seq=start.seq if start else None))
        cancelled = next((e for e in reversed(session.events)
                          if e.kind == "session-cancelled"), None)
        if session.cancelled and cancelled and cancelled.body.get("duplicate_of"):
            from sessiond.compliance.check import as_duplicate

            return as_duplicate(report, cancelled.body["duplicate_of"])
        return report

    def broken_rules(self, session_id: str) -> set[str]:
        """The rules of its terms the session breaks now (the check's errors; none when
        its policy cannot be read): what a correction compares with `new_errors`."""
        try:
            report = self.check(self._session(session_id))
        except InputError:
            return set()
        return {f.rule for f in report.findings if f.severity == "error"}

    def new_errors(self, session_id: str, before: Iterable[str]) -> list[Finding]:
        """The check's errors of the session that are not among the rules `before` (those
        it broke before a correction): what the correction brought, said at once. The
        documents left behind are `outdated_documents`'."""
        from sessiond.compliance.check import DOCUMENT_RULES

        try:
            report = self.check(self._session(session_id))
        except InputError:
            return []
        known = set(before)
        return [f for f in report.findings if f.severity == "error"
                and f.rule not in known and f.rule not in DOCUMENT_RULES]

    def outdated_documents(self, session_id: str) -> list[Finding]:
        """What the check says of the session's receipt and invoice when they no longer
        state it as the log holds it (a correction left them behind); [] when none was
        handed over, which is most sessions, unchecked then."""
        from sessiond.compliance.check import DOCUMENT_RULES

        session = self._session(session_id)
        if not any(e.kind == "receipt-issued" for e in session.events) \
                and not self.session_invoices(session_id):
            return []
        try:
            report = self.check(session)
        except InputError:  # its policy cannot be read: `check` says so
            return []
        return [f for f in report.findings if f.rule in DOCUMENT_RULES]

    def overlaps(self, session_id: str, *, upto: datetime | None = None) -> list[Overlap]:
        """Where the session's clock ran while another session's ran too: the same minutes
        billed twice, to one client or to two (one technician works one session at a
        time; two clocks may run on purpose, as `start` and the terminal interface say).
        One span for each stretch shared with another session, up to `upto` (default now:
        a clock still running counts until then); a cancelled session (planned by
        mistake, or a duplicate) bills nothing and shares nothing."""
        return self._overlaps(self._session(session_id), upto or _now())

    def _overlaps(self, session: Session, now: datetime) -> list[Overlap]:
        """`overlaps` of the session as the caller holds it (the check at the stop holds
        it stopped before the store does)."""
        from sessiond.billing.worked import worked_spans
        from sessiond.compliance.facts import Overlap, bounding

        if session.cancelled:
            return []

        def spans(of: Session) -> list[tuple[datetime, datetime]]:
            return [(start, min(end, now)) for start, end in worked_spans(of, now)
                    if start < now]

        mine = spans(session)
        if not mine:
            return []
        # The sessions that may have run then: those planned, started or stopped from the
        # day before its first span to the day of its last end, and those still open.
        first = mine[0][0].astimezone(self.tz).date() - timedelta(days=1)
        last = max(end for _start, end in mine).astimezone(self.tz).date()
        others: dict[str, Session] = {s.id: s for s in self.open_sessions()}
        day = first
        while day <= last and (day - first).days <= 31:
            others.update((s.id, s) for s in self.day_sessions(day))
            day += timedelta(days=1)
        found: list[Overlap] = []
        for other in sorted(others.values(), key=lambda s: s.events[0].seq):
            if other.id == session.id or other.cancelled:
                continue
            shared = sorted((max(a, c), min(b, d)) for a, b in mine
                            for c, d in spans(other) if max(a, c) < min(b, d))
            merged: list[tuple[datetime, datetime]] = []
            for start, end in shared:
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            found.extend(Overlap(other.id, start, end,
                                 self._canonical_client(other.client_id)
                                 == self._canonical_client(session.client_id),
                                 bounding(other, start, end))
                         for start, end in merged)
        return found

    def new_overlaps(self, session_id: str, before: Iterable[Overlap], *,
                     upto: datetime) -> list[Overlap]:
        """The session's overlaps (see `overlaps`) that a command brought: with a session
        it did not share time with `before` (both read up to `upto`), or more of it; two
        clocks left running on purpose are not said again at each step."""
        shared: dict[str, timedelta] = {}
        for o in before:
            shared[o.other] = shared.get(o.other, timedelta(0)) + (o.end - o.start)
        now = self.overlaps(session_id, upto=upto)
        grown = {o.other for o in now
                 if sum((p.end - p.start for p in now if p.other == o.other), timedelta(0))
                 > shared.get(o.other, timedelta(0))}
        return [o for o in now if o.other in grown]

    def overlap_message(self, session_id: str, overlap: Overlap) -> str:
        """An overlap in words, with the way out: the time typed wrong corrected, or, the
        same client's work timed twice, the duplicate cancelled."""
        session = self._session(session_id)
        span = _("from {first} to {last}", first=local_moment(overlap.start, session),
                 last=local_moment(overlap.end, session))
        if overlap.same_client:
            return _(
                "warning: the clock of session {session} ran {span} while that of session "
                "{other}, of the same client, ran too: the same minutes are billed twice. "
                "If a time is wrong, correct it (sessiond amend SESSION SEQ --at TIME "
                "--reason TEXT); if it is the same work timed twice: sessiond cancel "
                "{session} --duplicate-of {other} --reason TEXT.", session=session_id,
                span=span, other=overlap.other)
        return _(
            "warning: the clock of session {session} ran {span} while that of session "
            "{other} ran too: the same minutes are billed to two clients. If a time is "
            "wrong, correct it (sessiond amend SESSION SEQ --at TIME --reason TEXT).",
            session=session_id, span=span, other=overlap.other)

    def check_anyway(self, session: Session, *, at_stop: bool = False) -> Report:
        """`check`, or a report that says the policy cannot be read (never an error: it
        must neither keep the clock from stopping nor hide the other sessions of a day)."""
        from sessiond.compliance.check import unreadable_policy

        try:
            return self.check(session, at_stop=at_stop)
        except InputError as e:
            return unreadable_policy(session, e.message)

    def requirements(self, session: Session, *, at: datetime | None = None
                     ) -> list[Requirement]:
        """What the policy still asks for before `session` starts (at `at`, default now)."""
        if session.state is not State.PLANNED:
            return []
        from sessiond.compliance import requirements
        from sessiond.compliance.check import hypothetical_start

        start = at or clock.whole_second(clock.now())
        started = hypothetical_start(session, start)
        return requirements(self._facts(started, self.policy(session.policy), start,
                                        at_stop=False, start=start, start_seq=None))

    # --- warranty, referral, fee notices, the client's data and its retention --

    def _earlier_intervention(self, client_id: str, session_id: str) -> Session:
        """The session a warranty re-intervention names: one of the client's, that took
        place (started and stopped; a cancelled session never is an intervention)."""
        try:
            earlier = self._session(session_id)
        except InputError:
            # The one meant is the client's own (a warranty covers his intervention).
            raise InputError(_("--warranty-of {session}: no such session (sessiond log "
                               "lists them).", session=session_id) + did_you_mean(
                session_id, [s.id for s in self.client_sessions(client_id)])) from None
        group = self._client_group(self._canonical_client(client_id))
        if self._canonical_client(earlier.client_id) not in group and \
                earlier.client_id not in group:
            raise InputError(_("--warranty-of {session}: that session is client {other}'s, "
                               "not {client}'s.", session=session_id,
                               other=earlier.client_id, client=client_id))
        if earlier.state is not State.STOPPED:
            why = _("it was cancelled") if earlier.cancelled else _("it has not ended")
            raise InputError(_("--warranty-of {session}: {why}; only an intervention that "
                               "took place can be re-done under warranty.",
                               session=session_id, why=why))
        return earlier

    def _refuse_before_order(self, session_id: str, at: datetime) -> None:
        """A start declared before the client ordered is a typing mistake (--at or
        --ordered-at): nothing can start before it is ordered."""
        planned = self._session(session_id).events[0]
        ordered = planned.body.get("ordered_at")
        if ordered and at < clock.from_text(ordered):
            raise InputError(_(
                "Cannot start session {session} at {at}: the client ordered it at {ordered}, "
                "later. Check --at (or the order time given to session new).",
                session=session_id, at=clock.local_iso(at, self.tz),
                ordered=clock.local_iso(clock.from_text(ordered), self.tz)))

    def record_referral(self, sponsor: str, *, referred: str,
                        at: datetime | None = None) -> Event:
        """`sponsor` recommended `referred`, a confirmed new client: one who had an
        intervention and paid it (VLH 5.5). His next intervention gets the referral
        discount of his terms."""
        self._require_client(sponsor)
        self._require_client(referred)
        if self._canonical_client(sponsor) == self._canonical_client(referred):
            raise InputError(_("A client cannot refer himself."))
        if any(e.body.get("referred") == referred
               for e in self.client_events(sponsor, "referral-recorded")):
            raise InputError(_("Client {sponsor} already referred {referred}.",
                               sponsor=sponsor, referred=referred))
        stopped = [s for s in self.client_sessions(referred) if s.state is State.STOPPED]
        paid = [s for s in stopped if any(e.kind == "payment-recorded" for e in s.events)]
        if not paid:
            raise InputError(_(
                "Client {referred} is not a confirmed new client yet: the terms count a "
                "referral once he has had an intervention and paid it (record the payment: "
                "sessiond record SESSION payment).", referred=referred))
        # VLH 5.5: "filleul confirmé [...] a réglé en totalité l'intervention": a payment on
        # account does not confirm him, the whole of one intervention's bill does.
        owing = [(s, due) for s in paid if (due := self._left_to_pay(s)) > 0]
        if len(owing) == len(paid):
            from sessiond.billing.text import money as money_text

            session, due = owing[0]
            raise InputError(_(
                "Client {referred} has not paid his intervention {session} in full ({due} "
                "left): the terms count a referral once the referred client has paid the "
                "whole of an intervention.", referred=referred, session=session.id,
                due=money_text(due)))
        return self._record("referral-recorded", client_id=sponsor, at=at,
                            body={"referred": referred})

    def _balance(self, session: Session) -> Decimal:
        """The session's bill minus what was paid for it (negative: paid beyond it; 0 when
        its policy cannot be read, so that an old policy never blocks a record)."""
        from decimal import Decimal

        from sessiond.billing import bill

        try:
            total = bill(session, self.policy(session.policy), self.history(session.client_id),
                         clock.now()).total
        except InputError:
            return Decimal(0)
        return total - session.paid

    def _left_to_pay(self, session: Session) -> Decimal:
        """What the client still owes for a stopped session (0 once paid in full)."""
        from decimal import Decimal

        return max(Decimal(0), self._balance(session))

    def paid_beyond_bill(self, session_id: str) -> Decimal:
        """How much the payments of a stopped session exceed its bill (0 when they do not,
        or while it runs: a payment before or during the work is normal). Beyond the bill
        is most often a typing mistake ("1 045,50" for "45,50"), which the technician
        must hear of while the client is still there."""
        from decimal import Decimal

        session = self.session(session_id)
        if session.state is not State.STOPPED:
            return Decimal(0)
        return max(Decimal(0), -self._balance(session))

    def announce_fee(self, session_id: str, *, fee: str, channel: str | None = None,
                     at: datetime | None = None) -> Event:
        """The client was told, before the intervention, that this fee may be charged."""
        return self._record("fee-announced", session_id=session_id, at=at,
                            body={"fee": fee, "channel": channel})

    def client_dossier(self, client_id: str) -> tuple[Client, list[Event]]:
        """Everything the log holds about a client, his personal fields decrypted: his
        record and every event of his (and of the duplicates merged into him), and every
        event of his sessions, in log order. What a redaction or an erasure destroyed is
        absent."""
        client = self.client(client_id)
        group = self._client_group(self._canonical_client(client_id))
        found: dict[int, Event] = {}
        for member in sorted(group):
            for event in self.client_events(member):
                found[event.seq] = event
        for session in self.client_sessions(self._canonical_client(client_id)):
            for event in self.session_events(session.id):
                found[event.seq] = event
        return client, [found[seq] for seq in sorted(found)]

    def record_client_export(self, w: Writer | None = None, *, client_id: str, events: int,
                             digest: str, at: datetime | None = None) -> StoredEvent:
        """The client's data (`events` events, document SHA-256 `digest`) was exported."""
        with self._within(w) as tx:
            self._require_client(client_id)
            return self._append(tx, "client-exported", at=at or _now(), client_id=client_id,
                                body={"events": events, "digest": digest})

    def retention_due(self, now: datetime | None = None) -> list[Due]:
        """The clients whose personal data is kept past the retention of their terms (the
        policy of their latest session, else the configured one; the law's where the
        terms are silent), oldest first. Merged duplicates and erased clients are left
        out.

        A client's activity is that of the events his key sealed (a session moved away
        from him included) and of the sessions he has now: read from a few aggregate
        queries, where building every client's dossier read the whole log event by event
        (seconds at each start of the daemon or of the TUI)."""
        from sessiond.compliance.retention import ACCOUNTING, Activity, due, latest
        from sessiond.policy.schema import Retention

        now = now or clock.now()
        merged = self._merged()

        def canonical(client_id: str) -> str:
            return self._canonical_client(client_id, merged)

        def parsed(last: str, accounting: str | None) -> Activity:
            return clock.from_text(last), clock.from_text(accounting) if accounting else None

        seen: dict[str, list[Activity]] = {}
        for client_id, instants in self.store.activity(ACCOUNTING).items():
            seen.setdefault(canonical(client_id), []).append(parsed(*instants))
        moved = dict.fromkeys(r.session_id for r in self.store.events_of_kind("session-moved")
                              if r.session_id)
        owner = {s.id: s.client_id for s in self.sessions(moved)}
        for session_id, instants in self.store.activity(ACCOUNTING, list(owner)).items():
            seen.setdefault(canonical(owner[session_id]), []).append(parsed(*instants))
        policy: dict[str, str] = {}  # the policy of each client's latest session
        for session_id, client_id, policy_id in self.store.planned():
            policy[canonical(owner.get(session_id, client_id))] = policy_id
        terms: dict[str, Retention | None] = {}  # a policy is read once, not per client
        for policy_id in {*policy.values(), self.config.policy}:
            try:
                terms[policy_id] = self.policy(policy_id).retention
            except InputError:
                terms[policy_id] = None
        keyed = self.store.keyed_clients()
        found = []
        for client_id, activities in seen.items():
            if client_id in merged or client_id not in keyed:
                continue
            policy_id = policy.get(client_id, self.config.policy)
            late = due(client_id, policy_id, latest(*activities), terms[policy_id], now, self.tz,
                       tuple(sorted(self._client_group(client_id, merged))))
            if late is not None:
                found.append(late)
        return sorted(found, key=lambda d: (d.ends, d.client_id))

    def erase_client(self, client_id: str, *, despite_invoices: bool = False) -> None:
        """Crypto-shredding (GDPR erasure): delete the client's data key.

        The events stay, so the chain still verifies and the bills still add up; every
        personal field of the client becomes unreadable, for good. A client with invoices
        still kept for the accounts is refused unless `despite_invoices`: erased, they
        could no longer be printed again nor cancelled by a credit note.
        """
        self._require_client(client_id)
        if not despite_invoices:
            self._refuse_erasing_kept_invoices(client_id)
        with self.store.writing() as w:
            w.delete_wrapped_key(client_id)
        self._wrapped[client_id] = None
        self._data_keys.pop(client_id, None)

    def _refuse_erasing_kept_invoices(self, client_id: str) -> None:
        """InputError when invoices or credit notes sealed with the client's key are
        within their accounting retention (C. com. L123-22: ten years, or what the terms
        of his latest session say), which an erasure request does not cut short (RGPD art.
        17(3)(b))."""
        from sessiond.compliance.retention import ACCOUNTING_LAW, LAW, add_years
        from sessiond.i18n.dates import long_date

        issued = [e for e in self.invoice_events() if e.client_id == client_id]
        if not issued:
            return
        sessions = self.client_sessions(client_id)
        policy_id = sessions[-1].policy if sessions else self.config.policy
        try:
            terms = self.policy(policy_id).retention or LAW
        except InputError:
            terms = LAW
        last = max(e.at for e in issued).astimezone(self.tz).date()
        ends = add_years(last, terms.accounting_years)
        if clock.now().astimezone(self.tz).date() > ends:
            return
        raise InputError(_(
            "Client {client} has invoices ({numbers}) kept for the accounts until {day} "
            "({article}): erased, they could no longer be printed again nor cancelled by a "
            "credit note. Erase him anyway with --despite-invoices (the copies you already "
            "have stay yours to keep).", client=client_id,
            numbers=", ".join(e.body["number"] for e in issued), day=long_date(ends),
            article=ACCOUNTING_LAW))


__all__ = ["KINDS", "Client", "Sessiond", "new_id"]
