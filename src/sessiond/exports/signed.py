"""Signed data carried by a document, and reading it back from the PDF or the text copy.

A receipt carries everything it states as canonical JSON (sessiond.audit.canonical),
signed with the technician's Ed25519 key. The signature covers exactly the bytes of the
data, with no prefix: so that standard tools check it,

    pdfdetach -saveall releve-2026-0001-s-xxxxxx.pdf
    openssl pkeyutl -verify -pubin -inkey releve-2026-0001.pem -rawin \\
        -in releve-2026-0001.json -sigfile releve-2026-0001.sig

(OpenSSL 3 verifies Ed25519 over the raw message with `-rawin`; pdfdetach is
poppler-utils). Checkpoint messages start with their own domain line, never with `{`, so
a receipt's signature can never pass for a checkpoint's.

In the PDF the data, the signature and the public key are three attached files; in the
text copy the data and the signature follow the visible text, in base64 between armour
lines, and the public key is printed in PEM (three lines, never wrapped).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
from dataclasses import dataclass, field
from typing import Any

from sessiond.errors import InputError
from sessiond.i18n import _

DATA_BEGIN = "-----BEGIN SESSIOND SIGNED DATA-----"
DATA_END = "-----END SESSIOND SIGNED DATA-----"
SIG_BEGIN = "-----BEGIN SESSIOND SIGNATURE-----"
SIG_END = "-----END SESSIOND SIGNATURE-----"
_ARMOUR = re.compile(
    r"\n*" + re.escape(DATA_BEGIN) + r"\n(?P<data>[A-Za-z0-9+/=\n]+?)\n" + re.escape(DATA_END)
    + r"\n" + re.escape(SIG_BEGIN) + r"\n(?P<sig>[A-Za-z0-9+/=\n]+?)\n" + re.escape(SIG_END)
    + r"\n?\Z")
_B64_LINE = 64


def public_key_pem(public_raw: bytes) -> tuple[str, ...]:
    """The Ed25519 public key as PEM (SubjectPublicKeyInfo) lines, which openssl reads."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pem = Ed25519PublicKey.from_public_bytes(public_raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return tuple(pem.decode("ascii").splitlines())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signature_valid(public_key: Any, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        public_key.verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def armour(data: bytes, signature: bytes) -> str:
    """The signed data and its signature as text, to follow a document's visible text."""

    def lines(raw: bytes) -> str:
        text = base64.b64encode(raw).decode("ascii")
        return "\n".join(text[i:i + _B64_LINE] for i in range(0, len(text), _B64_LINE))

    return (f"\n{DATA_BEGIN}\n{lines(data)}\n{DATA_END}\n"
            f"{SIG_BEGIN}\n{lines(signature)}\n{SIG_END}\n")


@dataclass(frozen=True)
class Carried:
    """What a document file holds: its visible text and, when it has them, its data."""

    kind: str  # "pdf" or "txt"
    text: str  # the visible text (the text copy's own; the PDF's as extracted)
    data: bytes | None = None
    signature: bytes | None = None
    extra: str = ""  # text found outside the pages (the PDF's Keywords)
    attachments: dict[str, bytes] = field(default_factory=dict)


def read_text_copy(raw: bytes) -> Carried:
    text = raw.decode("utf-8", errors="replace")
    match = _ARMOUR.search(text)
    if match is None:
        return Carried("txt", text)
    try:
        data = base64.b64decode(match["data"].replace("\n", ""), validate=True)
        signature = base64.b64decode(match["sig"].replace("\n", ""), validate=True)
    except (binascii.Error, ValueError):
        return Carried("txt", text[:match.start()] + "\n")
    return Carried("txt", text[:match.start()] + "\n", data, signature)


def read_pdf(raw: bytes) -> Carried:
    """The text of every page, the attached files and the Keywords, through pypdf (which
    reads files re-saved by other tools: object streams, cross-reference streams)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as e:
        raise InputError(_("Reading a PDF receipt needs the pypdf package: pip install "
                           "'sessiond[facturx]'.")) from e
    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
        attachments = {name: contents[0] for name, contents in reader.attachments.items()
                       if contents}
        metadata = reader.metadata
        keywords = str(metadata.get("/Keywords") or "") if metadata is not None else ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise InputError(_("This PDF cannot be read: {problem}", problem=e)) from e
    data = next((v for k, v in attachments.items() if k.endswith(".json")), None)
    signature = next((v for k, v in attachments.items() if k.endswith(".sig")), None)
    return Carried("pdf", "\n".join(pages), data, signature, keywords, attachments)


def read_document(raw: bytes) -> Carried:
    return read_pdf(raw) if raw.startswith(b"%PDF-") else read_text_copy(raw)
