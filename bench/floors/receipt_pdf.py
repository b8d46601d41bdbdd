"""Floor of `sessiond verify --receipt PDF`: what any check of a receipt's PDF must do:
open it with pypdf, extract its pages' text, read its attached files and check the
Ed25519 signature of its data with the key it carries."""

import sys

from cryptography.hazmat.primitives.serialization import load_pem_public_key
from pypdf import PdfReader

reader = PdfReader(sys.argv[1])
text = "".join(page.extract_text() for page in reader.pages)
files = {name: data[0] for name, data in reader.attachments.items()}
data = next(v for k, v in files.items() if k.endswith(".json"))
signature = next(v for k, v in files.items() if k.endswith(".sig"))
key = load_pem_public_key(next(v for k, v in files.items() if k.endswith(".pem")))
key.verify(signature, data)  # type: ignore[union-attr]
print(len(text), len(data))
