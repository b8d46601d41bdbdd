"""Finding and reading policies: shipped ones, and the technician's own that override them.

Shipped policies are installed inside the package (the wheel force-includes the
repository's `policies/` as `sessiond/shipped_policies`); an editable install or a source
checkout has no such directory, so the repository's `policies/` is used instead. A file in
the technician's policy directory (`paths().policies`) whose id matches a shipped one
replaces it: he copies the shipped file, sets his prices, and his version wins.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from sessiond.config import POLICY_ID, Paths, paths
from sessiond.errors import InputError
from sessiond.files import parse_toml, read_regular
from sessiond.i18n import _
from sessiond.policy.schema import Policy, parse
from sessiond.spelling import did_you_mean

POLICY_LIMIT = 1024 * 1024  # a policy is a few kilobytes of TOML


@cache  # where the package is does not change while it runs (0.3 ms a session planned)
def shipped_dir() -> Path:
    installed = resources.files("sessiond") / "shipped_policies"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[3] / "policies"


def user_dir(p: Paths | None = None) -> Path:
    return (p or paths()).policies


def read_policy(path: Path, source: str = "file") -> Policy:
    """Read and validate one policy file; InputError names the file and every bad key."""
    data = read_regular(path, POLICY_LIMIT)
    assert data is not None
    raw = parse_toml(data, path)  # a BOM, as config.load_config
    return parse(raw, path, hashlib.sha256(data).hexdigest(), source)


def _checked(path: Path, source: str) -> Policy:
    """The policy in `path`, parsed once per version of the file (its size and mtime)."""
    try:
        st = path.stat()
    except OSError:
        return _checked_now(path, source)
    return _parsed(path, source, (st.st_mtime_ns, st.st_size, st.st_ino))


@lru_cache(maxsize=64)
def _parsed(path: Path, source: str, _stamp: tuple[int, int, int]) -> Policy:
    return _checked_now(path, source)


def _checked_now(path: Path, source: str) -> Policy:
    policy = read_policy(path, source)
    if policy.id != path.stem:
        raise InputError(_("{path}: id: {problem}", path=path,
                           problem=_("the id {id!r} must equal the file name {stem!r}; "
                                     "rename the file or change the id",
                                     id=policy.id, stem=path.stem)))
    return policy


def load_policy(policy_id: str, p: Paths | None = None) -> Policy:
    """The technician's policy of that id if he has one, else the shipped one."""
    if not re.match(POLICY_ID, policy_id):  # an id is a file name: never a path elsewhere
        raise InputError(_("{id!r} is not a policy id (lower-case letters, digits and "
                           "dashes, at most 63). See sessiond policy list.",
                           id=policy_id[:80]))
    own = user_dir(p) / f"{policy_id}.toml"
    if own.is_file():
        return _checked(own, "user")
    shipped = shipped_dir() / f"{policy_id}.toml"
    if shipped.is_file():
        return _checked(shipped, "shipped")
    known = sorted({e.id for e in list_policies(p)})
    raise InputError(_("Unknown policy {id!r}. Known policies: {known}. "
                       "See sessiond policy list.", id=policy_id, known=", ".join(known))
                     + did_you_mean(policy_id, known))


@dataclass(frozen=True)
class Listed:
    """One entry of `sessiond policy list`: a policy, or the reason its file is broken."""

    id: str
    path: Path
    source: str  # "shipped" or "user"
    policy: Policy | None
    error: str | None
    overrides: bool = False  # a user policy that replaces a shipped one


def list_policies(p: Paths | None = None) -> list[Listed]:
    """Every policy in effect, by id; a broken file is listed with its error."""
    entries: dict[str, Listed] = {}
    for source, directory in (("shipped", shipped_dir()), ("user", user_dir(p))):
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                policy: Policy | None = _checked(path, source)
                error = None
            except InputError as e:
                policy, error = None, e.message
            entries[path.stem] = Listed(path.stem, path, source, policy, error,
                                        overrides=source == "user" and path.stem in entries)
    return [entries[k] for k in sorted(entries)]
