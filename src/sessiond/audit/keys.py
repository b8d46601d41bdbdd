"""The technician's keys, kept in the data directory (files 0600, directory 0700).

- `signing.key`: Ed25519 private key (raw 32 bytes) that signs checkpoints. Its public
  half and fingerprint are printed on every receipt and export.
- `master.key`: 32 random bytes that wrap each client's data key (AES-256-GCM). Erasing a
  client deletes his wrapped key: his sealed fields become unreadable, the chain stays
  verifiable because it covers the ciphertext.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sessiond.config import private_dir, write_private


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, hex, in groups of four for reading aloud."""
    h = hashlib.sha256(public_raw).hexdigest()
    return ":".join(h[i : i + 4] for i in range(0, 64, 4))


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


@dataclass
class Keyring:
    directory: Path

    def _load_or_create(self, name: str, size: int) -> bytes:
        path = self.directory / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            private_dir(self.directory)
            data = os.urandom(size)
            # O_EXCL through write_private's rename is not enough against a race between
            # two first runs; link() fails if another process created the key meanwhile.
            tmp = self.directory / f".{name}.new{os.getpid()}"
            write_private(tmp, data)
            try:
                os.link(tmp, path)
            except FileExistsError:
                data = path.read_bytes()
            finally:
                tmp.unlink()
        if len(data) != size:
            raise ValueError(f"{path} is damaged: expected {size} bytes, found {len(data)}")
        return data

    @cached_property
    def signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self._load_or_create("signing.key", 32))

    @cached_property
    def public_raw(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.signing_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

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
        return AESGCM(self._load_or_create("master.key", 32))

    def new_data_key(self, client_id: str) -> tuple[bytes, bytes]:
        """A fresh client data key and its wrapped form (bound to the client id)."""
        key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(12)
        return key, nonce + self._master.encrypt(nonce, key, client_id.encode())

    def unwrap(self, client_id: str, wrapped: bytes) -> bytes:
        return self._master.decrypt(wrapped[:12], wrapped[12:], client_id.encode())
