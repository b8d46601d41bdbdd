"""The technician's keys, kept in the data directory (files 0600, directory 0700).

- `signing.key`: Ed25519 private key (raw 32 bytes) that signs checkpoints. Its public
  half and fingerprint are printed on every receipt and export.
- `master.key`: 32 random bytes that wrap each client's data key (AES-256-GCM). Erasing a
  client deletes his wrapped key: his sealed fields become unreadable, the chain stays
  verifiable because it covers the ciphertext.

A key is created only for a log that does not depend on it yet. Once a client's data key
is wrapped by the master key, or a checkpoint is signed, a missing or different key stops
the command that needs it: a new key would silently start a second log under other keys
(two masters, checkpoints nobody can check against the receipts already handed out), and
the old one is what a backup can bring back (`sessiond restore`).

Keys also travel in backups, sealed under a secret (a passphrase or the content of a key
file): scrypt derives the AES-256-GCM key that seals both (`seal_keys`, `open_keys`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sessiond.config import private_dir, write_private
from sessiond.errors import EnvironmentFault, InputError, system_problem
from sessiond.files import read_own
from sessiond.i18n import _

SIGNING, MASTER = "signing.key", "master.key"
KEY_SIZE = 32


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, hex, in groups of four for reading aloud."""
    h = hashlib.sha256(public_raw).hexdigest()
    return ":".join(h[i : i + 4] for i in range(0, 64, 4))


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def public_raw_of(signing_raw: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return Ed25519PrivateKey.from_private_bytes(signing_raw).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class KeyUse(Protocol):
    """What the log says about the keys it depends on (the store answers)."""

    def wrapped_samples(self) -> Sequence[tuple[str, bytes]]:
        """A few (client id, wrapped data key) of the log; empty when there is none."""
        ...

    def checkpoint_key_id(self) -> str | None:
        """The key id of the log's latest checkpoint; None when nothing is signed."""
        ...


class _Unused:
    def wrapped_samples(self) -> Sequence[tuple[str, bytes]]:
        return ()

    def checkpoint_key_id(self) -> str | None:
        return None


def _restore_hint() -> str:
    return _("Put the original file back (from your backup: sessiond restore DIR); sessiond "
             "never makes a new key for a log that already depends on one.")


@dataclass
class Keyring:
    directory: Path
    # What the log depends on; a callable is called on first need, so that opening a
    # damaged database only fails what needs the log (a fingerprint to print does not).
    log: KeyUse | Callable[[], KeyUse] = field(default_factory=_Unused)
    create: bool = True  # False for commands that only read: they never write a key
    _signing_raw: bytes | None = field(default=None, init=False, repr=False)

    def _read(self, name: str) -> bytes | None:
        path = self.directory / name
        try:
            # Bounded and non-blocking: a FIFO in a key's place was waited on for ever and
            # a link to /dev/zero read without end; what is no file reads as empty.
            data = read_own(path, KEY_SIZE)
        except OSError as e:
            raise EnvironmentFault(_("Cannot read the key {path}: {problem}. {hint}",
                                     path=path, problem=system_problem(e), hint=_restore_hint())
                                   ) from e
        if data is None:
            return None
        if len(data) != KEY_SIZE:
            size = len(data) if len(data) <= KEY_SIZE else path.stat().st_size
            raise EnvironmentFault(_("The key {path} is damaged: {size} bytes instead of "
                                     "{expected}. {hint}", path=path, size=size,
                                     expected=KEY_SIZE, hint=_restore_hint()))
        return data

    def _load(self, name: str, in_use: bool) -> bytes:
        data = self._read(name)
        if data is not None:
            return data
        path = self.directory / name
        if in_use:
            raise EnvironmentFault(_("The key {path} is missing, and the log depends on it "
                                     "(sealed client data or signed checkpoints). {hint}",
                                     path=path, hint=_restore_hint()))
        if not self.create:
            raise EnvironmentFault(_("The key {path} is missing; this command only reads "
                                     "and creates nothing. {hint}", path=path,
                                     hint=_restore_hint()))
        return self._create(name)

    def _create(self, name: str) -> bytes:
        path = self.directory / name
        private_dir(self.directory)
        data = os.urandom(KEY_SIZE)
        # write_private's rename would replace a key another first run made meanwhile;
        # link() fails instead, and that process's key is the one.
        tmp = self.directory / f".{name}.new{os.getpid()}"
        try:
            write_private(tmp, data)
            try:
                os.link(tmp, path)
            except FileExistsError:
                found = self._read(name)
                assert found is not None
                data = found
        finally:
            tmp.unlink(missing_ok=True)
        return data

    @cached_property
    def _log(self) -> KeyUse:
        return self.log() if callable(self.log) else self.log

    @cached_property
    def signing_key(self) -> Ed25519PrivateKey:
        signed_by = self._log.checkpoint_key_id()
        raw = self._load(SIGNING, in_use=signed_by is not None)
        self._signing_raw = raw
        key = Ed25519PrivateKey.from_private_bytes(raw)
        if signed_by is not None and key_id(public_raw_of(raw)) != signed_by:
            raise EnvironmentFault(_("The key {path} is not the one that signed this log "
                                     "(key {expected}; this file holds key {found}). {hint}",
                                     path=self.directory / SIGNING, expected=signed_by,
                                     found=key_id(public_raw_of(raw)),
                                     hint=_restore_hint()))
        return key

    @cached_property
    def public_raw(self) -> bytes:
        """The public half, to print: the key file as it is (signing compares it with
        the log; a verification that already read it reports any mismatch itself)."""
        raw = self._signing_raw or self._read(SIGNING)
        if raw is None:
            raw = self._load(SIGNING, in_use=self._log.checkpoint_key_id() is not None)
        return public_raw_of(raw)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key.public_key()

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)

    @cached_property
    def _master(self) -> AESGCM:
        samples = list(self._log.wrapped_samples())
        master = AESGCM(self._load(MASTER, in_use=bool(samples)))
        if samples and not any(_opens(master, c, w) for c, w in samples):
            raise EnvironmentFault(_("The key {path} does not open this log's client keys: "
                                     "it is not the key the log was written with. {hint}",
                                     path=self.directory / MASTER, hint=_restore_hint()))
        return master

    @cached_property
    def blind_key(self) -> bytes:
        """The key of the blind indexes (HMAC of client names and e-mails, to find a client
        added twice without storing either in clear), derived from the master key."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        self._master  # noqa: B018 - the master key is checked against the log first
        raw = self._load(MASTER, in_use=True)
        return HKDF(hashes.SHA256(), 32, salt=None,
                    info=b"sessiond blind index v1").derive(raw)

    def new_data_key(self, client_id: str) -> tuple[bytes, bytes]:
        """A fresh client data key and its wrapped form (bound to the client id)."""
        key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(12)
        return key, nonce + self._master.encrypt(nonce, key, client_id.encode())

    def unwrap(self, client_id: str, wrapped: bytes) -> bytes:
        try:
            return self._master.decrypt(wrapped[:12], wrapped[12:], client_id.encode())
        except (InvalidTag, ValueError) as e:
            raise EnvironmentFault(_("The data key of client {client} cannot be opened: the "
                                     "database is damaged there. Run sessiond verify, then "
                                     "restore from a backup (sessiond restore DIR).",
                                     client=client_id)) from e

    def opens(self, client_id: str, wrapped: bytes) -> bool:
        """Whether the master key opens this wrapped data key (verify, doctor)."""
        return _opens(self._master, client_id, wrapped)

    def present(self) -> dict[str, bytes | None]:
        """The key files as they are (None: missing); EnvironmentFault if one is damaged."""
        return {name: self._read(name) for name in (SIGNING, MASTER)}

    def for_verification(self, *, signed: bool, sealed: bool) -> VerifyKeys:
        """The keys as they are, not compared with the log: verification reports what
        does not match (a checkpoint of another key, a data key that does not open) as
        findings. A missing key the log depends on still stops it (EnvironmentFault)."""
        if not signed and not self.create and self._read(SIGNING) is None:
            # Nothing is signed yet and this command writes nothing: any key will do to
            # check the (absent) signatures.
            raw = Ed25519PrivateKey.generate().private_bytes_raw()
        else:
            raw = self._load(SIGNING, in_use=signed)
        self._signing_raw = raw
        public = Ed25519PrivateKey.from_private_bytes(raw).public_key()
        master = self._read(MASTER)
        if master is None and sealed:
            self._load(MASTER, in_use=True)  # raises: missing
        return VerifyKeys(public, key_id(public_raw_of(raw)),
                          AESGCM(master) if master is not None else None)


@dataclass(frozen=True)
class VerifyKeys:
    public_key: Ed25519PublicKey
    key_id: str
    master: AESGCM | None  # None: there is no master key, and no client key needs one

    def opens(self, client_id: str, wrapped: bytes) -> bytes | None:
        """The client's data key if the master key opens its wrapped form."""
        if self.master is None:
            return None
        try:
            return self.master.decrypt(wrapped[:12], wrapped[12:], client_id.encode())
        except (InvalidTag, ValueError):
            return None


def _opens(master: AESGCM, client_id: str, wrapped: bytes) -> bool:
    try:
        master.decrypt(wrapped[:12], wrapped[12:], client_id.encode())
    except (InvalidTag, ValueError):
        return False
    return True


# --- keys sealed for a backup ------------------------------------------------------------

_SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # ~0.1 s and 32 MiB: costly to guess, quick to use
_WORK_LIMIT = 8 * _SCRYPT["n"] * _SCRYPT["r"]
_SEALED_FORMAT = "sessiond-keys-v1"
MIN_SECRET = 8


def _derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def seal_keys(keys: dict[str, bytes], secret: bytes) -> bytes:
    """`keys` (name -> raw bytes) as JSON sealed under `secret` (scrypt + AES-256-GCM)."""
    if len(secret) < MIN_SECRET:
        raise InputError(_("The backup passphrase is too short: give at least {count} "
                           "characters.", count=MIN_SECRET))
    salt, nonce = os.urandom(16), os.urandom(12)
    plain = json.dumps({k: base64.b64encode(v).decode("ascii") for k, v in keys.items()},
                       sort_keys=True).encode("utf-8")
    sealed = AESGCM(_derive(secret, salt, **_SCRYPT)).encrypt(
        nonce, plain, _SEALED_FORMAT.encode())
    return json.dumps({"format": _SEALED_FORMAT, "kdf": "scrypt", **_SCRYPT,
                       "salt": salt.hex(), "nonce": nonce.hex(),
                       "sealed": base64.b64encode(sealed).decode("ascii")},
                      sort_keys=True, indent=1).encode("utf-8") + b"\n"


def open_keys(data: bytes, secret: bytes) -> dict[str, bytes]:
    """The keys sealed by `seal_keys`; InputError for a wrong secret or a damaged file."""
    try:
        doc = json.loads(data)
        if doc.get("format") != _SEALED_FORMAT or doc.get("kdf") != "scrypt":
            raise ValueError("format")
        n, r, p = (int(doc[k]) for k in ("n", "r", "p"))
        # Bounded work: at most eight times the memory (256 MiB) and the time of what
        # seal_keys uses, so that a crafted file cannot take the machine's memory.
        if not (2 <= n <= 2**20 and 1 <= r <= 16 and 1 <= p <= 4
                and n * r <= _WORK_LIMIT and n * r * p <= _WORK_LIMIT):
            raise ValueError("parameters")
        salt, nonce = bytes.fromhex(doc["salt"]), bytes.fromhex(doc["nonce"])
        sealed = base64.b64decode(doc["sealed"], validate=True)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as e:
        raise InputError(_("The sealed keys of the backup are damaged.")) from e
    try:
        plain = AESGCM(_derive(secret, salt, n, r, p)).decrypt(
            nonce, sealed, _SEALED_FORMAT.encode())
    except (InvalidTag, ValueError) as e:
        raise InputError(_("Wrong backup passphrase (or key file): the keys cannot be "
                           "opened.")) from e
    # What the secret opens was written by whoever holds it, not necessarily by sessiond:
    # only the two keys, by their own names (each becomes a file in the keys directory).
    try:
        doc = json.loads(plain)
        if not isinstance(doc, dict) or not set(doc) <= {SIGNING, MASTER}:
            raise ValueError("names")
        keys = {k: base64.b64decode(v, validate=True) for k, v in doc.items()}
    except (ValueError, TypeError, RecursionError) as e:
        raise InputError(_("The sealed keys of the backup are damaged.")) from e
    if any(len(v) != KEY_SIZE for v in keys.values()):
        raise InputError(_("The sealed keys of the backup are damaged."))
    return keys
