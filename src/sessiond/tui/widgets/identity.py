"""The technician's identity, as receipts state it: the `[technician]` section of
config.toml, filled in from the terminal interface when a receipt needs it.

The fields are checked as the receipt checks them (configfile.identity_problems: name with
"EI", SIRET or SIREN with its check digit, address), then written into config.toml, whose
other lines stay as they were; the app reloads the file at once.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from sessiond.config import Config, Paths, Technician
from sessiond.i18n import _
from sessiond.tui.screens.base import Dialog
from sessiond.tui.text import plain
from sessiond.tui.widgets.dialogs import sentence
from sessiond.tui.widgets.scanned import TextInput

FIELDS = ("name", "trade_name", "siret", "address", "email", "phone", "vat_number")


def save_identity(where: Paths, technician: Technician) -> Config:
    """On the store thread: write `[technician]` (the configfile module checks it)."""
    from sessiond.configfile import set_values

    return set_values(where, "technician", {
        name: getattr(technician, name) for name in FIELDS
        if getattr(technician, name) or name in ("name", "siret", "address")})


class IdentityDialog(Dialog[Config]):
    """Returns the configuration as written, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Save", id="identity.save"),
    ]

    def __init__(self, technician: Technician) -> None:
        super().__init__()
        self.technician = technician

    def compose(self) -> ComposeResult:
        t = self.technician
        placeholders = {
            "name": _("your name and EI, e.g. Jean Dupont EI"),
            "trade_name": _("trade name (optional)"),
            "siret": _("SIRET (14 digits) or SIREN (9)"),
            "address": _("postal address, e.g. 3 rue de l'Église, 54230 Chaligny"),
            "email": _("e-mail (optional)"),
            "phone": _("phone (optional)"),
            "vat_number": _("intra-EU VAT number, to invoice businesses elsewhere in the "
                            "EU (optional)"),
        }
        with VerticalScroll(classes="dialog", id="identity"):
            yield sentence(_("Your identity on receipts"), classes="dialog-title")
            yield sentence(_("Receipts state who did the work: fill in what is missing. It "
                             "is saved in the [technician] section of config.toml."))
            for name in FIELDS:
                yield TextInput(getattr(t, name), placeholder=placeholders[name],
                                id=f"t-{name}",
                                restrict=r"[0-9 .]*" if name == "siret" else None)
            yield Static(id="identity-problems", classes="dialog-problems")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        first = next((f for f in ("name", "siret", "address")
                      if not getattr(self.technician, f).strip()), "name")
        self.query_one(f"#t-{first}", Input).focus()

    def typed(self) -> Technician:
        return self.technician._replace(**{
            name: self.query_one(f"#t-{name}", Input).value.strip() for name in FIELDS})

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    async def action_confirm(self) -> None:
        from sessiond.configfile import identity_problems

        technician = self.typed()
        problems = identity_problems(technician)
        shown = self.query_one("#identity-problems", Static)
        if problems:
            shown.update(plain("\n".join("⚠ " + p.message for p in problems),
                               style="yellow"))
            self.query_one(f"#t-{problems[0].field}", Input).focus()
            return
        config = await self.command(save_identity, self.sapp.service.paths, technician)
        if config is not None:
            self.dismiss(config)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
