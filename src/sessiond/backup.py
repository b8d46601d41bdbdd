"""Backups: a consistent copy of the log, the keys sealed under a secret, the settings.

A technician's laptop dies; ten years of accounting records must not go with it. A
backup is a directory:

- `sessiond.sqlite3`: the database, copied through SQLite's online backup API (one
  snapshot, while the TUI or the daemon keep writing), verified before it is kept;
- `keys.sealed`: `signing.key` and `master.key`, sealed under a passphrase or the content
  of a key file (scrypt, AES-256-GCM: audit.keys.seal_keys). Without them the sealed
  client data cannot be read and no checkpoint can be signed;
- `config/`: config.toml and the technician's own policies;
- `sessiond-backup.json`: what it holds (events, tail, public key, SHA-256 of each file),
  so that `verify --backup` can check it, even without the secret.

The directory is written under a temporary name and renamed when complete: a backup
interrupted by a full disk never looks finished. `restore` brings back what is missing or
damaged and never overwrites a log that holds more than the backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sessiond import clock
from sessiond.audit.keys import (
    MASTER,
    SIGNING,
    VerifyKeys,
    key_id,
    open_keys,
    public_raw_of,
    seal_keys,
)
from sessiond.audit.verify import Problem
from sessiond.config import Paths, private_dir, write_private
from sessiond.errors import EnvironmentFault, InputError
from sessiond.files import MB, make_dirs, read_regular
from sessiond.i18n import _
from sessiond.store.health import verify_log
from sessiond.store.sqlite import Store

if TYPE_CHECKING:
    from sessiond.sessions import Sessiond

FORMAT = "sessiond-backup-v1"
MANIFEST = "sessiond-backup.json"
DATABASE = "sessiond.sqlite3"
KEYS = "keys.sealed"
CONFIG = "config"
DAILY = re.compile(r"^sessiond-([0-9]{4}-[0-9]{2}-[0-9]{2})\Z")
SECRET_LIMIT = 4096


def read_secret(path: Path) -> bytes:
    """The secret in a key file: its bytes, without one trailing newline."""
    data = read_regular(path.expanduser(), SECRET_LIMIT)
    assert data is not None
    return data[:-1] if data.endswith(b"\n") else data


def _open_sealed(sealed: bytes, secret: bytes) -> dict[str, bytes]:
    """The sealed keys opened with `secret`, or with it as it was before an editor saved
    its file again: a passphrase file written `echo ... > key` and later saved by Notepad
    (a byte order mark before it, CR LF after it) said 'wrong passphrase' for the right
    one. The secret as given is tried first; InputError as open_keys says it."""
    try:
        return open_keys(sealed, secret)
    except InputError as wrong:
        bare = secret.removeprefix(b"\xef\xbb\xbf")
        for other in dict.fromkeys((bare, bare.removesuffix(b"\r"))):
            if other != secret and other:
                try:
                    return open_keys(sealed, other)
                except InputError:
                    continue
        raise wrong


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(MB), b""):
            h.update(chunk)
    return h.hexdigest()


# The only names a backup's manifest may list (make_backup writes nothing else): each is
# restored, if at all, only to its own place in the data or config directory.
_LISTED = re.compile(rf"(?:{re.escape(DATABASE)}|{re.escape(KEYS)}|{CONFIG}/config\.toml|"
                     rf"{CONFIG}/policies/[^/]+\.toml)\Z")


def _kind(root: Path, name: str) -> str:
    """"file" when `name` under `root` is a regular file reached through no symbolic link,
    "missing" when it is not there, "other" for a link, a directory, a pipe or a device:
    a crafted backup must not make restore read /etc/passwd or the live log."""
    here = root
    for part in Path(name).parts:
        here = here / part
        try:
            st = here.lstat()
        except FileNotFoundError:
            return "missing"
        except OSError:
            return "other"
        if stat.S_ISLNK(st.st_mode):
            return "other"
    return "file" if stat.S_ISREG(st.st_mode) else "other"


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            yield path


@dataclass(frozen=True)
class Made:
    path: Path
    events: int
    tail_seq: int
    fingerprint: str


def make_backup(svc: Sessiond, dest: Path, secret: bytes) -> Made:
    """Write a backup of `svc`'s log, keys and settings into the new directory `dest`."""
    from sessiond.audit.keys import fingerprint

    dest = dest.expanduser()
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InputError(_("{path} already exists and is not an empty directory: give a new "
                           "directory for the backup.", path=dest))
    keys = {name: raw for name, raw in svc.keyring.present().items() if raw is not None}
    sealed = seal_keys(keys, secret)  # refuses a short secret before anything is written
    # The place is the technician's (a USB disk, a NAS mount): only missing parents are
    # made, and the backup itself is a private directory.
    make_dirs(dest.parent)
    tmp = dest.with_name(f".{dest.name}.partial{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    private_dir(tmp)
    try:
        svc.store.backup_to(tmp / DATABASE)
        copy = Store(tmp / DATABASE, readonly=True)
        try:
            report = verify_log(lambda: copy, lambda: svc.keyring, mark=False)
            if not report.ok:  # the copy is the log of that instant: the log is damaged
                svc.store.mark_damaged(report.problems[0].message)
                raise EnvironmentFault(_("The log fails verification ({problem}): a backup "
                                         "would carry the damage. Run sessiond verify; "
                                         "restore an earlier backup instead.",
                                         problem=report.problems[0].message))
            tail_seq, tail_hash = copy.tail()
            checkpoints = report.checkpoints
        finally:
            copy.close()
        write_private(tmp / KEYS, sealed)
        _copy_settings(svc.paths, tmp / CONFIG)
        public = public_raw_of(keys[SIGNING]) if SIGNING in keys else b""
        manifest = {
            "format": FORMAT, "created_at": clock.to_text(clock.whole_second(clock.now())),
            "events": report.events, "tail_seq": tail_seq, "tail_hash": tail_hash,
            "checkpoints": checkpoints, "public_key": public.hex(),
            "key_id": key_id(public) if public else None,
            "keys": sorted(keys),
            "files": {str(p.relative_to(tmp)): _sha256(p) for p in _files(tmp)},
        }
        write_private(tmp / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True)
                      .encode("utf-8") + b"\n")
        if dest.exists():
            dest.rmdir()  # empty, checked above
        os.replace(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Made(dest, report.events, tail_seq, fingerprint(public) if public else "")


def _copy_settings(p: Paths, target: Path) -> None:
    sources = [p.config_file] + (sorted(p.policies.glob("*.toml"))
                                 if p.policies.is_dir() else [])
    for source in sources:
        if not source.is_file():
            continue
        data = read_regular(source, 4 * MB)
        assert data is not None
        relative = source.relative_to(p.config)
        write_private(target / relative, data)


# --- checking a backup -------------------------------------------------------------------


@dataclass
class Checked:
    """What `check_backup` found; `problems` empty means the backup is sound."""

    path: Path
    manifest: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    keys: dict[str, bytes] | None = None  # opened with the secret, when it was given
    events: int = 0
    checkpoints: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _SealedKeys:
    """The keys of a backup, as verification wants them."""

    def __init__(self, public: bytes, keys: dict[str, bytes] | None) -> None:
        self.public, self.keys = public, keys

    def for_verification(self, *, signed: bool, sealed: bool) -> VerifyKeys:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import (
            Ed25519PrivateKey,
            Ed25519PublicKey,
        )
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        master = (self.keys or {}).get(MASTER)
        public = self.public
        if not public:
            if signed:
                raise InputError(_("The backup holds signed checkpoints but no signing key."))
            # Nothing was signed: any key checks the (absent) signatures.
            public = public_raw_of(Ed25519PrivateKey.generate().private_bytes_raw())
        return VerifyKeys(Ed25519PublicKey.from_public_bytes(public), key_id(public),
                          AESGCM(master) if master else None)


def read_manifest(dest: Path) -> dict[str, Any]:
    dest = dest.expanduser()
    if not dest.is_dir():
        if dest.exists() or dest.is_symlink():  # a file, a pipe, a dangling link
            raise InputError(_("{path} is not a sessiond backup: it is not a directory (give "
                               "the directory sessiond backup wrote).", path=dest))
        raise InputError(_("{path} is not a sessiond backup (no such directory).", path=dest))
    data = read_regular(dest / MANIFEST, MB, missing_ok=True)
    if data is None:
        raise InputError(_("{path} is not a sessiond backup: it has no {name}.", path=dest,
                           name=MANIFEST))
    try:
        manifest = json.loads(data)
    except (ValueError, RecursionError) as e:
        raise InputError(_("{path}: {name} is damaged.", path=dest, name=MANIFEST)) from e
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(_("{path}: {name} is not a sessiond backup manifest.", path=dest,
                           name=MANIFEST))
    return manifest


def check_backup(dest: Path, secret: bytes | None) -> Checked:
    """Check a backup: its files against the manifest, the database (SQLite's check, the
    chain, the checkpoints under the backup's public key) and, given the secret, the
    sealed keys (they open, the signing key is the manifest's, the master key opens every
    client key)."""
    dest = dest.expanduser()
    manifest = read_manifest(dest)
    found = Checked(dest, manifest)
    files = manifest.get("files")
    if not isinstance(files, dict) or DATABASE not in files or KEYS not in files:
        found.problems.append(Problem(None, _("the manifest lists no database or no keys")))
        return found
    for name, digest in sorted(files.items()):
        path = dest / str(name)
        if not _LISTED.match(str(name)):
            found.problems.append(Problem(None, _("the manifest lists {file}, a file "
                                                  "sessiond never puts in a backup",
                                                  file=repr(str(name))[1:-1][:120])))
        elif (kind := _kind(dest, str(name))) != "file":
            found.problems.append(Problem(None, _("{file} is missing", file=name)
                                          if kind == "missing" else
                                          _("{file} is a symbolic link or not a regular "
                                            "file: a backup holds only its own files",
                                            file=name)))
        elif _sha256(path) != digest:
            found.problems.append(Problem(None, _("{file} differs from when the backup was "
                                                  "made", file=name)))
    try:  # empty for a log that had signed nothing yet (no signing key then)
        public = bytes.fromhex(str(manifest.get("public_key") or ""))
        if len(public) not in (0, 32):
            raise ValueError("public key")
    except ValueError:
        found.problems.append(Problem(None, _("the manifest holds no public key")))
        return found
    if secret is not None:
        sealed = read_regular(dest / KEYS, MB, missing_ok=True)
        if sealed is not None:
            keys = _open_sealed(sealed, secret)  # InputError: wrong secret
            found.keys = keys
            listed = manifest.get("keys")
            if (not isinstance(listed, list) or sorted(keys) != sorted(map(str, listed))
                    or (public and SIGNING not in keys)):
                found.problems.append(Problem(None, _("the sealed keys are not the ones the "
                                                      "manifest lists")))
            elif public and public_raw_of(keys[SIGNING]) != public:
                found.problems.append(Problem(None, _("the sealed signing key is not the one "
                                                      "of the manifest")))
    if found.problems:
        return found
    db = Store(dest / DATABASE, readonly=True)
    try:
        report = verify_log(lambda: db, lambda: _SealedKeys(public, found.keys), mark=False)
        found.events, found.checkpoints = report.events, report.checkpoints
        found.problems.extend(report.problems)
        if db.tables_not_made():  # never read (store.health.verify_log)
            return found
        if db.tail() != (manifest.get("tail_seq"), manifest.get("tail_hash")):
            found.problems.append(Problem(None, _("the database does not end where the "
                                                  "manifest says")))
        found.problems.extend(_manifest_claims(manifest, report.events, report.checkpoints,
                                               public))
    finally:
        db.close()
    return found


def _manifest_claims(manifest: dict[str, Any], events: int, checkpoints: int,
                     public: bytes) -> list[Problem]:
    """What else the manifest states, against the backup itself: an edited count, key id
    or date is an edited backup, even where nothing is restored from it."""
    problems = []
    counts = (manifest.get("events"), manifest.get("checkpoints"))
    if any(type(n) is not int for n in counts) or counts != (events, checkpoints):
        problems.append(Problem(None, _(
            "the manifest says {events} events and {checkpoints} checkpoints, the database "
            "holds {held_events} and {held_checkpoints}", events=_claimed(counts[0]),
            checkpoints=_claimed(counts[1]), held_events=events,
            held_checkpoints=checkpoints)))
    if manifest.get("key_id") != (key_id(public) if public else None):
        problems.append(Problem(None, _("the manifest's key id is not the one of its public "
                                        "key")))
    created = manifest.get("created_at")
    try:
        dated = isinstance(created, str) and clock.from_text(created) is not None
    except ValueError:
        dated = False
    if not dated:
        problems.append(Problem(None, _("the manifest holds no date of the backup")))
    return problems


def _claimed(value: object) -> str:
    """A value read from a manifest, as a message quotes it: short, printable."""
    return repr(value)[:40]


# --- restoring -----------------------------------------------------------------------------


@dataclass
class Restored:
    keys: list[str] = field(default_factory=list)  # key files written
    database: str = "kept"  # "restored", "kept" (the local log holds the backup), "replaced"
    settings: list[str] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)  # local files moved, never deleted
    skipped: list[tuple[str, str]] = field(default_factory=list)  # put beside, why


def restore(p: Paths, dest: Path, secret: bytes, *, force: bool = False) -> Restored:
    """Bring back from the backup `dest` what the data directory lacks: the keys, the log
    (when missing, damaged, or, with `force`, behind or diverging), the settings.

    A local log that holds everything the backup holds (its last event, same hash) is
    kept: it is newer. Anything replaced is moved aside, never deleted. Everything is
    decided and read first (the keys that may be written, the settings sessiond would
    accept, the log copied beside the local one), then written: a refusal or a failure
    on the way leaves the data directory as it was."""
    dest = dest.expanduser()
    checked = check_backup(dest, secret)
    if not checked.ok:
        raise InputError(_("The backup {path} fails its check ({problem}): nothing was "
                           "restored.", path=dest, problem=checked.problems[0].message))
    assert checked.keys is not None
    done = Restored()
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    database = p.database
    local_state = _local_log(database, checked.manifest)
    if local_state in ("diverged", "behind") and not force:
        raise InputError(_("The log in {path} differs from the backup ({state}): add --force "
                           "to set it aside and restore the backup's.", path=database,
                           state=_("it does not hold the backup's last event")
                           if local_state == "diverged" else _("it is older")))
    keys: list[tuple[str, bytes, bool]] = []  # name, raw, a different local key to set aside
    for name, raw in sorted(checked.keys.items()):
        path = p.keys / name
        existing = path.read_bytes() if path.is_file() else None
        if existing == raw:
            continue
        if existing is not None and not force and local_state == "holds":
            raise InputError(_("{path} differs from the backup's key and the log here "
                               "depends on it: nothing was restored (add --force to set it "
                               "aside).", path=path))
        keys.append((name, raw, existing is not None))
    settings = _settings_to_restore(p, dest, checked.manifest, done)
    tmp = database.with_name(f".{database.name}.restore{os.getpid()}")
    try:
        if local_state != "holds":
            private_dir(database.parent)
            tmp.unlink(missing_ok=True)
            source = Store(dest / DATABASE, readonly=True)
            try:
                source.backup_to(tmp)
            finally:
                source.close()
        for name, raw, aside_first in keys:
            path = p.keys / name
            if aside_first:
                aside = path.with_name(f"{name}.replaced-{stamp}")
                os.replace(path, aside)
                done.set_aside.append(aside)
            write_private(path, raw)
            done.keys.append(name)
        if local_state != "holds":
            if local_state != "missing":
                for suffix in ("", "-wal", "-shm", ".damaged"):
                    side = database.with_name(database.name + suffix)
                    if side.exists():
                        aside = side.with_name(f"{side.name}.before-restore-{stamp}")
                        os.replace(side, aside)
                        done.set_aside.append(aside)
            os.replace(tmp, database)
            done.database = "restored" if local_state == "missing" else "replaced"
    finally:
        tmp.unlink(missing_ok=True)
    for target, data in settings:
        write_private(target, data)
        done.settings.append(str(target))
    return done


def _settings_to_restore(p: Paths, dest: Path, manifest: dict[str, Any],
                         done: Restored) -> list[tuple[Path, bytes]]:
    """The settings files of the backup to bring back, with their bytes and where they go:
    only those the manifest lists (check_backup verified them) and that are missing here.
    A config.toml sessiond would refuse goes beside, as config.toml.from-backup, and is
    said: in place it would stop every command until fixed. (A broken policy stops only
    itself: `policy list` says what is wrong with it.)"""
    from sessiond.config import load_config

    found = []
    for name in sorted(str(n) for n in manifest["files"]):
        if not name.startswith(f"{CONFIG}/"):
            continue
        source = dest / name
        target = p.config / name.removeprefix(f"{CONFIG}/")
        if target.exists() or target.is_symlink():
            continue
        if target == p.config_file:
            try:
                load_config(Paths(data=p.data, config=dest / CONFIG))
            except InputError as e:
                target = target.with_name(f"{target.name}.from-backup")
                if target.exists() or target.is_symlink():
                    continue
                done.skipped.append((str(target), e.message))
        data = read_regular(source, 4 * MB)
        assert data is not None
        found.append((target, data))
    return found


def _local_log(database: Path, manifest: dict[str, Any]) -> str:
    """missing, damaged, holds (the backup's last event is here), behind, or diverged."""
    if not database.exists():
        return "missing"
    try:
        store = Store(database, readonly=True)
    except EnvironmentFault:
        return "damaged"
    try:
        if store.damage_mark() is not None or store.integrity_problems():
            return "damaged"
        seq, hash_ = int(manifest.get("tail_seq") or 0), manifest.get("tail_hash")
        if seq == 0:
            return "holds"
        row = store.event_at(seq)
        if row is not None:
            return "holds" if row.hash == hash_ else "diverged"
        return "behind"
    except Exception:  # whatever SQLite says of a damaged file: it is damaged
        return "damaged"
    finally:
        store.close()


# --- the daemon's daily backup -------------------------------------------------------------


def daily_backup(svc: Sessiond, now: datetime) -> Made | None:
    """Today's backup into `[backup] directory` if it is not there yet, keeping the
    `keep` latest; None when none is configured or today's exists."""
    settings = svc.config.backup
    if not settings.directory:
        return None
    root = Path(settings.directory).expanduser()
    today = now.astimezone(svc.tz).date()
    dest = root / f"sessiond-{today.isoformat()}"
    if (dest / MANIFEST).is_file():
        return None
    made = make_backup(svc, dest, read_secret(Path(settings.key_file)))
    prune(root, settings.keep)
    return made


def prune(root: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` latest daily backups in `root` (only directories named
    and made as sessiond's: a manifest of its format inside)."""
    daily: list[tuple[date, Path]] = []
    for entry in root.iterdir() if root.is_dir() else []:
        match = DAILY.match(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        try:  # a directory of that name is deleted only if it holds a manifest of its format
            read_manifest(entry)
            daily.append((date.fromisoformat(match[1]), entry))
        except (InputError, ValueError):
            continue
    removed = []
    for _day, path in sorted(daily, reverse=True)[keep:]:
        shutil.rmtree(path)
        removed.append(path)
    return removed
