"""Where sessiond keeps its files (found by sessiond.places), and the technician's settings.

Directories are created 0700 and files 0600 on first use: they hold a client list and keys.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from sessiond import places
from sessiond.errors import InputError
from sessiond.i18n import LANGUAGES, _
from sessiond.records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

APP = places.APP

# The settings are named tuples, as the model's records are (sessiond.model): every
# command reads them, and a dataclass costs start-up time to create.


class Paths(NamedTuple):
    data: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / places.DATABASE

    @property
    def keys(self) -> Path:
        return self.data / "keys"

    @property
    def config_file(self) -> Path:
        return self.config / places.CONFIG_FILE

    @property
    def policies(self) -> Path:
        return self.config / "policies"


def paths() -> Paths:
    data, config = places.roots()
    return Paths(data=Path(data), config=Path(config))


# What sessiond itself puts in its directories: a directory holding only these (or
# nothing) is one sessiond made, or one made for it, and may be made private. The patterns
# of this module are compiled on first use (re keeps them): `sessiond status` needs none.
_OWN_NAMES = (r"^(\.?sessiond\.sqlite3.*|keys|policies|config\.toml|exports|"
              r"documents|receipts|daemon\.(json|lock)|jobs\.lock|\..*\.tmp\d*|"
              r"[a-z0-9-]+\.toml|(signing|master)\.key)$")


def private_dir(path: Path) -> Path:
    """`path` as a directory only its owner can enter, created (with its parents) 0700.

    An existing directory is used only if it belongs to the user. It is made private
    (0700) only when nobody else can write into it and it holds nothing but sessiond's
    own files: a shared directory (the system's 1777 /tmp, a group folder), or the
    user's home, pointed at by mistake through SESSIOND_HOME or a symlink, is refused and
    left as it is.
    """
    if not path.exists():  # (a file there is said below, with what to do)
        from sessiond.files import make_dirs

        make_dirs(path)  # what is missing, 0700
    st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise InputError(_("{path} is not a directory: set SESSIOND_HOME to a directory "
                           "of sessiond's own.", path=path))
    if st.st_uid != os.geteuid():
        raise InputError(_("{path} belongs to another user (uid {uid}): sessiond keeps its "
                           "log and keys only in a directory of yours. Set SESSIOND_HOME "
                           "to one.", path=path, uid=st.st_uid))
    if not st.st_mode & 0o077:
        return path
    shared = st.st_mode & (stat.S_ISVTX | 0o022)
    if shared or _foreign_content(path):
        raise InputError(_("{path} can be read or written by other users (mode {mode}) and "
                           "sessiond will not change the mode of a directory it does not "
                           "own alone: set SESSIOND_HOME to a directory of sessiond's own, "
                           "or make this one private (chmod 700 {path}).", path=path,
                           mode=f"{stat.S_IMODE(st.st_mode):04o}"))
    path.chmod(0o700)
    return path


def _foreign_content(path: Path) -> bool:
    try:
        return any(not re.match(_OWN_NAMES, entry) for entry in os.listdir(path))
    except OSError:
        return True


def write_private(path: Path, data: bytes) -> None:
    """Write a new file that only the owner can read, atomically (temp file + rename);
    a failure (a full disk) leaves neither a partial file nor a temporary one."""
    from sessiond.files import write_atomic

    private_dir(path.parent)
    write_atomic(path, data)


class Technician(NamedTuple):
    """Identity printed on receipts (a micro-entrepreneur's legal mentions)."""

    name: str = ""
    trade_name: str = ""
    siret: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    # The intra-EU VAT number (FR + key + SIREN): a franchisé needs one to invoice a
    # business elsewhere in the EU (CGI art. 286 ter; law.vat); "" = none.
    vat_number: str = ""


class Daemon(NamedTuple):
    reminder_minutes: int = 2
    export_time: str = "19:30"
    idle_minutes: int = 10
    hotkey_start: str = "<ctrl>+<alt>+<shift>+s"
    hotkey_pause: str = "<ctrl>+<alt>+<shift>+p"
    hotkey_stop: str = "<ctrl>+<alt>+<shift>+e"


class Backup(NamedTuple):
    """The daemon's daily backup: into `directory`, keeping the `keep` latest, the keys
    sealed under the secret held in `key_file` (kept somewhere else too)."""

    directory: str = ""  # "" = no daily backup
    keep: int = 7
    key_file: str = ""


class Evidence(NamedTuple):
    """The remote-control tools' logs the daemon watches: the technician's own
    tools on this machine, at their Linux default places (remote_logs.md); a missing file is
    no error. A list replaces that tool's defaults; `[]` watches nothing of that tool."""

    watch: bool = True
    teamviewer: tuple[str, ...] = (
        "~/.local/share/teamviewer15/logfiles/TeamViewer15_Logfile.log",
        "/opt/teamviewer/logfiles/TeamViewer15_Logfile.log")
    anydesk: tuple[str, ...] = ("~/.anydesk/anydesk.trace", "/var/log/anydesk.trace")
    rustdesk: tuple[str, ...] = (
        "~/.local/share/logs/RustDesk/rustdesk_rCURRENT.log",
        "~/.local/share/logs/RustDesk/server/rustdesk_rCURRENT.log")


class Invoicing(NamedTuple):
    """The terms printed on invoices. Empty texts take the defaults of
    sessiond.exports.invoice: payable on receipt, the law's late-payment rate (Code de
    commerce L441-10: the ECB rate plus 10 points) and no early-payment discount."""

    due_days: int = 0  # private clients: days from the invoice to its due date
    # business clients; None (not in the file): the terms of the sessions' policy
    # ([payment] due_days), else 30 (L441-10: 30 days unless agreed)
    business_due_days: int | None = None
    payment_terms: str = ""  # how to pay, as printed ("virement sous 30 jours")
    late_penalty: str = ""  # business clients: the late-payment rate, as printed
    early_payment: str = ""  # business clients: discount for early payment, if any


CONFIG_LIMIT = 1024 * 1024  # a config.toml is a few lines: a bigger one is a mistake

# The longest text each setting may hold, in characters: a longer one is refused when the
# file is read, naming the key and the limit. The identity is printed on every receipt and
# invoice: a name of a hundred thousand characters filled pages, and a receipt longer than
# `verify` reads (exports.signed.MAX_PAGES) could not be read back. The limits are generous
# for a real identity: a name with its "EI", a postal address of six lines of 38 (NF
# Z10-011), a SIRET written with spaces, an e-mail address (RFC 5321: 254), a phone number
# with its country code, the terms of an invoice with an IBAN. A path (each one of a
# list) may be as long as the system's (PATH_MAX). Any other text (a zone, a language, a
# policy id, a hotkey, a key binding) is a word.
_PATH_LIMIT = 4096
TEXT_LIMITS: Mapping[str, int] = MappingProxyType({
    "technician.name": 150, "technician.trade_name": 150, "technician.siret": 32,
    "technician.address": 300, "technician.email": 254, "technician.phone": 32,
    "technician.vat_number": 32,
    "invoice.payment_terms": 500, "invoice.late_penalty": 500,
    "invoice.early_payment": 500,
    "documents": _PATH_LIMIT, "backup.directory": _PATH_LIMIT,
    "backup.key_file": _PATH_LIMIT, "evidence.teamviewer": _PATH_LIMIT,
    "evidence.anydesk": _PATH_LIMIT, "evidence.rustdesk": _PATH_LIMIT,
})
_WORD_LIMIT = 100
PATHS_LIMIT = 32  # paths in one list of [evidence]: a tool writes its logs to one or two


def text_limit(key: str) -> int:
    """The longest text the setting `key` ("technician.name") may hold."""
    return TEXT_LIMITS.get(key, _WORD_LIMIT)


class Config(NamedTuple):
    timezone: str = "Europe/Paris"
    language: str = ""  # "" = from the environment (LANG), else "fr" or "en"
    policy: str = "md-micro-services"  # default policy of new sessions
    technician: Technician = Technician()
    daemon: Daemon = Daemon()
    evidence: Evidence = Evidence()
    keymap: Mapping[str, str] = MappingProxyType({})  # TUI binding id -> keys
    backup: Backup = Backup()
    invoice: Invoicing = Invoicing()
    documents: str = ""  # where the TUI writes receipts and reports ("" = the default)


def load_config(p: Paths | None = None) -> Config:
    """Read config.toml strictly: an unknown key or a wrong type names the file and key."""
    p = p or paths()
    path = p.config_file
    from sessiond.files import parse_toml, read_regular

    try:
        data = read_regular(path, CONFIG_LIMIT, missing_ok=True)
    except InputError:
        # SESSIOND_HOME set to a file (or a link to /dev/null) is first met here: said as
        # the directory it is not, not as config.toml "under a path part that is no
        # directory", which the technician never named.
        if p.config.exists() and not p.config.is_dir():
            raise InputError(_("{path} is not a directory: set SESSIOND_HOME to a directory "
                               "of sessiond's own.", path=p.config)) from None
        raise
    if data is None:
        return Config()
    raw = parse_toml(data, path)  # a BOM (Windows' Notepad writes one) is no text
    config: Config = _build(Config(), raw, path, "")
    _check_values(config, path)
    return config


POLICY_ID = r"^[a-z0-9][a-z0-9-]{0,62}\Z"  # also a file name: no / nor ..
_TIME_OF_DAY = r"^([01][0-9]|2[0-3]):[0-5][0-9]\Z"  # not `\d`: it matches "١٩:٣٠"


def _check_values(config: Config, path: Path) -> None:
    """Values of the right type but outside what they can mean are refused at load time,
    not when the daemon first needs them."""
    d = config.daemon
    checks: tuple[tuple[str, bool, str], ...] = (
        ("language", config.language in ("", *LANGUAGES), '"fr", "en" or ""'),
        ("policy", bool(re.match(POLICY_ID, config.policy)),
         _("a policy id (lower-case letters, digits and dashes)")),
        ("daemon.reminder_minutes", 0 <= d.reminder_minutes <= 60, _("0 to 60 minutes")),
        ("daemon.idle_minutes", 1 <= d.idle_minutes <= 240, _("1 to 240 minutes")),
        ("daemon.export_time", bool(re.match(_TIME_OF_DAY, d.export_time)),
         _("a time of day HH:MM, e.g. 19:30")),
        ("backup.keep", 1 <= config.backup.keep <= 366, _("1 to 366 backups")),
        ("invoice.due_days", 0 <= config.invoice.due_days <= 60, _("0 to 60 days")),
        ("invoice.business_due_days", config.invoice.business_due_days is None
         or 0 <= config.invoice.business_due_days <= 60,
         _("0 to 60 days (Code de commerce L441-10)")),
        ("backup.key_file", bool(config.backup.key_file or not config.backup.directory),
         _("the file holding the secret that seals the keys of each backup (needed with "
           "backup.directory)")),
    )
    for key, ok, expected in checks:
        if not ok:
            raise _wrong(path, key, expected)
    from sessiond.clock import zone

    try:
        zone(config.timezone)
    except InputError as e:
        raise InputError(_("{path}: {key}: {problem}", path=path, key="timezone",
                           problem=e.message)) from e


def _build(defaults: Any, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    """A copy of the settings `defaults` with the values of `raw`, each type-checked."""
    known = set(defaults._fields)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{prefix}{key}"
        if key not in known:
            raise InputError(_("{path}: {key}: {problem}", path=path, key=where,
                               problem=_("unknown key")))
        _check_text(value, path, where)
        default = getattr(defaults, key)
        if isinstance(default, Technician | Daemon | Backup | Evidence
                      | Invoicing):
            if not isinstance(value, dict):
                raise _wrong(path, where, "table")
            values[key] = _build(default, value, path, f"{where}.")
        elif isinstance(default, tuple):  # a list of strings (paths)
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                      for v in value):
                raise _wrong(path, where, _("a list of paths"))
            if len(value) > PATHS_LIMIT:  # each polled by the daemon every few seconds
                raise _wrong(path, where, _("a list of at most {n} paths", n=PATHS_LIMIT))
            values[key] = tuple(value)
        elif isinstance(default, Mapping):
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise _wrong(path, where, "table of strings")
            values[key] = dict(value)
        elif default is None:  # a number left to the policy unless the file sets it
            if type(value) is not int:
                raise _wrong(path, where, "int")
            values[key] = value
        elif type(value) is not type(default):
            raise _wrong(path, where, type(default).__name__)
        else:
            values[key] = value
    return defaults._replace(**values)


def _check_text(value: Any, path: Path, key: str) -> None:
    """Refuse a text longer than its setting's limit, or holding a NUL character (TOML
    lets a string hold one; no setting means one, and a path holding one fails every
    system call with "embedded null byte"): each text of a list, and of a table of
    strings under its own key (keymap.pause)."""
    if isinstance(value, dict) and key == "keymap":
        for name, text in value.items():
            _check_text(text, path, f"{key}.{name}")
            if isinstance(text, str) and not text.isprintable():
                # A key's name is shown as written, in the footer and on F1: ESC ] 0 ; ...
                # BEL retitled the terminal, U+202E reversed the footer.
                from sessiond.display import safe_text

                raise InputError(_("{path}: {key}: a key is named with visible characters "
                                   "(f5, ctrl+p, ²), not {value}.", path=path,
                                   key=f"{key}.{name}", value=safe_text(text)))
        return
    for text in value if isinstance(value, list) else (value,):
        if isinstance(text, str) and "\x00" in text:
            raise InputError(_("{path}: {key}: a NUL character (U+0000) has no place in a "
                               "setting: remove it.", path=path, key=key))
        if isinstance(text, str) and len(text) > (limit := text_limit(key)):
            raise InputError(_("{path}: {key}: {length} characters, more than the {limit} "
                               "this setting may hold: shorten it.", path=path, key=key,
                               length=len(text), limit=limit))


def _wrong(path: Path, key: str, expected: str) -> InputError:
    return InputError(_("{path}: {key}: {problem}", path=path, key=key,
                        problem=_("expected {expected}", expected=expected)))


# --- documents: the technician's identity and where documents go ----------------------

# The fields a numbered receipt needs (a micro-entrepreneur's mentions), in the order a
# form asks for them.
IDENTITY_FIELDS = ("name", "siret", "address")


class IdentityProblem(NamedTuple):
    """One field of `[technician]` that is missing or invalid, and what to do."""

    field: str  # name, siret or address
    message: str


def technician_problems(t: Technician) -> list[IdentityProblem]:
    """What keeps `[technician]` from numbering a receipt; empty when it is complete.

    The name, a SIREN or SIRET whose check digit holds (law.siren), and a postal address:
    the mentions a "note" must carry (arrêté 83-50/A) and a micro-entrepreneur's documents
    state. A form (TUI, `config init`) and the receipt share this one check.
    """
    from sessiond.law.siren import SIREN_LENGTH, is_valid_siren, is_valid_siret

    found = []
    if not t.name.strip():
        found.append(IdentityProblem("name", _("your name (name = \"Jean Dupont\")")))
    digits = "".join(ch for ch in t.siret if ch.isdigit())
    from sessiond.amounts import foreign_digit, foreign_digit_message

    if not t.siret.strip():
        found.append(IdentityProblem("siret", _(
            "your SIRET or SIREN (siret = \"732 829 320 00074\")")))
    elif (digit := foreign_digit(t.siret)) is not None:
        found.append(IdentityProblem("siret", foreign_digit_message(t.siret, digit).rstrip(".")))
    elif not (is_valid_siret(t.siret) or (len(digits) == SIREN_LENGTH
                                          and is_valid_siren(t.siret))):
        found.append(IdentityProblem("siret", _(
            "your SIRET {siret!r} is not valid (14 digits, or the 9 of a SIREN, whose last "
            "one is a check digit): check it on your registration certificate",
            siret=t.siret)))
    if not t.address.strip():
        found.append(IdentityProblem("address", _(
            "your postal address (address = \"3 rue de l'Église, 54230 Chaligny\")")))
    if t.vat_number.strip():
        from sessiond.law.vat import technician_number_problem

        siren = digits[:SIREN_LENGTH] if not any(p.field == "siret" for p in found) else ""
        problem = technician_number_problem(t.vat_number, siren)[1]
        if problem is not None:
            found.append(IdentityProblem("vat_number", problem.rstrip(".")))
    return found


def documents_dir(p: Paths, config: Config) -> Path:
    """Where the terminal interface writes receipts and reports.

    `documents` in config.toml, else `documents/` under `$SESSIOND_HOME` when it is set,
    else the XDG documents directory's `sessiond/` (~/Documents/sessiond): a folder the
    technician finds, not the directory the TUI happened to be started from.
    """
    if config.documents:
        return Path(config.documents).expanduser()
    if os.environ.get("SESSIOND_HOME"):
        return p.data / "documents"
    import platformdirs

    return platformdirs.user_documents_path() / APP
