"""Writing config.toml: `sessiond config init` and the terminal interface's identity form.

The file is the technician's own: a change rewrites only the lines of the keys it sets
(other keys, sections and comments stay as he wrote them), and the new text is read back
by the strict reader (config.load_config) before it replaces the file, atomically and
0600, so a write can never leave a file that sessiond refuses at its next start.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sessiond.config import (
    Config,
    IdentityProblem,
    Paths,
    Technician,
    load_config,
    private_dir,
    technician_problems,
    text_limit,
    write_private,
)
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.law.sole_trader import has_mention

Value = str | int | bool

_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return toml_string(value)


def _key_line(key: str) -> re.Pattern[str]:
    name = re.escape(key)
    return re.compile(rf"^\s*(?:{name}|\"{name}\"|'{name}')\s*=")


def update(text: str, section: str | None, values: Mapping[str, Value]) -> str:
    """`text` with `values` set in `[section]` (None: the top-level keys): a key's line is
    replaced where it is, a new key goes after the section's last line, a new section at
    the end of the file."""
    lines = text.splitlines()
    if section is None:
        start = 0
        end = next((i for i, line in enumerate(lines) if _ANY_HEADER.match(line)),
                   len(lines))
    else:
        found = next((i for i, line in enumerate(lines)
                      if (m := _HEADER.match(line)) and m.group(1).strip() == section), None)
        if found is None:
            if lines and lines[-1].strip():
                lines.append("")
            lines.append(f"[{section}]")
            found = len(lines) - 1
        start = found + 1
        end = next((i for i in range(start, len(lines)) if _ANY_HEADER.match(lines[i])),
                   len(lines))
    new: list[str] = []
    for key, value in values.items():
        line = f"{key} = {toml_value(value)}"
        pattern = _key_line(key)
        at = next((i for i in range(start, end) if pattern.match(lines[i])), None)
        if at is None:
            new.append(line)
        else:
            lines[at] = line
    if new:
        last = end
        while last > start and not lines[last - 1].strip():
            last -= 1  # after the section's last key, before the blank line that ends it
        lines[last:last] = new
    return "\n".join(lines) + "\n"


def current_text(where: Paths) -> str:
    try:
        return where.config_file.read_text(encoding="utf-8-sig")  # as load_config reads it
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeError) as e:
        raise InputError(_("Cannot read {path}: {problem}", path=where.config_file,
                           problem=e)) from e


def write(where: Paths, text: str) -> Config:
    """Check `text` as sessiond will read it, then make it the configuration (0600)."""
    private_dir(where.config)
    trial = Path(tempfile.mkdtemp(prefix=".config-check-", dir=where.config))
    try:
        (trial / where.config_file.name).write_text(text, encoding="utf-8")
        # The reader names the file in its messages: name the real one.
        try:
            config = load_config(where._replace(config=trial))
        except InputError as e:
            raise InputError(e.message.replace(str(trial / where.config_file.name),
                                               str(where.config_file))) from e
    finally:
        shutil.rmtree(trial, ignore_errors=True)
    write_private(where.config_file, text.encode("utf-8"))
    os.chmod(where.config_file, 0o600)
    return config


def set_values(where: Paths, section: str | None, values: Mapping[str, Value]) -> Config:
    """Set `values` in `[section]` of config.toml (created if need be); the new config."""
    return write(where, update(current_text(where), section, values))


def one_line(text: str) -> bool:
    """Whether `text` is one line of characters that show (spaces included, the
    no-break ones of French typography too): no line break, tab, control or invisible
    character."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").isprintable()


def identity_problems(technician: Technician) -> list[IdentityProblem]:
    """What the identity form and `config init` refuse: the receipt's own check
    (config.technician_problems: name, SIRET or SIREN, address) and the "EI" mention."""
    found = technician_problems(technician)
    name = technician.name.strip()
    if name and not has_mention(name) and not any(p.field == "name" for p in found):
        found.insert(0, IdentityProblem("name", _(
            "your name followed by \"EI\" (entrepreneur individuel), as your documents "
            "must state it: e.g. \"{name} EI\"", name=name)))
    for field, value in zip(Technician._fields, technician, strict=True):
        if len(value) > (limit := text_limit(f"technician.{field}")):
            # config.toml's own limit, said at the field (a question asked again, the
            # form's field), not once every answer is given
            found.append(IdentityProblem(field, _(
                "{field}: {length} characters, more than the {limit} it may hold: "
                "shorten it", field=field, length=len(value), limit=limit)))
        elif not one_line(value):
            from sessiond.display import safe_text

            # Typed here, a line break would start a line of its own on every receipt
            # and invoice ("Luc Moreau EI" then "SIRET ..." in the name), and what shows
            # nothing would be printed unseen. (What config.toml holds, written by hand,
            # the documents print escaped, as any stored text.)
            found.append(IdentityProblem(field, _(
                "{field} must be one line of visible characters, without a line break, a "
                "tab or an invisible character: {value}", field=field,
                value=safe_text(value).replace("\n", "\\n").replace("\t", "\\t"))))
    return found
