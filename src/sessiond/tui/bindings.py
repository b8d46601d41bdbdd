"""Key bindings: English descriptions, translated when a screen is built.

Every binding has an id (`screen.action`) so that the technician can remap it in
config.toml (`[keymap]`, e.g. `"session.pause" = "f5"`). Descriptions are written in
English in `BINDINGS` and translated per instance, so the language chosen in the
configuration applies whatever module was imported first.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from sessiond.i18n import _


def translate_bindings(node: DOMNode) -> None:
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [_translated(b) for b in found]


def _translated(binding: Binding) -> Binding:
    return replace(binding, description=_(binding.description) if binding.description else "",
                   tooltip=_(binding.tooltip) if binding.tooltip else "")
