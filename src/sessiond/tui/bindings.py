"""Key bindings: English descriptions, translated when a screen is built.

Every binding has an id (`screen.action`) so that the technician can remap it in
config.toml (`[keymap]`, e.g. `"session.pause" = "f5"`). Descriptions are written in
English in `BINDINGS` and translated per instance, so the language chosen in the
configuration applies whatever module was imported first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from sessiond.i18n import _


def binding_ids() -> set[str]:
    """Every binding id a `[keymap]` may remap: those of the app and of every screen."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode as Node

    import sessiond.tui.screens as screens
    import sessiond.tui.widgets as widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    from sessiond.tui.app import SessiondApp

    found: set[str] = set()
    classes: list[type] = [SessiondApp, Node]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        for b in vars(cls).get("BINDINGS", ()):
            if isinstance(b, Binding) and b.id:
                found.add(b.id)
    return found


def unknown_keymap_ids(keymap: Mapping[str, str]) -> list[str]:
    """The ids of a `[keymap]` that name no binding (a typo would silently do nothing)."""
    return sorted(set(keymap) - binding_ids())


def translate_bindings(node: DOMNode) -> None:
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [_translated(b) for b in found]


def _translated(binding: Binding) -> Binding:
    return replace(binding, description=_(binding.description) if binding.description else "",
                   tooltip=_(binding.tooltip) if binding.tooltip else "")
