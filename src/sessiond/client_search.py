"""Finding a client by what is typed: a few letters of his name, town, e-mail, the end of
his phone number or his id. Every word typed must match, case and accents aside: the TUI's
client picker and clients screen filter with it, `sessiond client list WORDS` too, and a
command given a name where an id goes answers with the clients it matches."""

from __future__ import annotations

from sessiond import labels
from sessiond.spelling import folded

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sessiond.model import Client


def haystack(client: Client) -> str:
    parts = [client.name or "", client.email or "", client.phone or "", client.address or "",
             client.id, client.siren or "", client.vat_number or "",
             labels.short(client.status)]
    if client.phone:
        parts.append("".join(ch for ch in client.phone if ch.isdigit()))
    return folded(" ".join(parts))


def matches(client: Client, query: str) -> bool:
    """Every word of `query` is in the client's name, contacts, address or id."""
    text = haystack(client)
    return all(word in text for word in folded(query).split())
