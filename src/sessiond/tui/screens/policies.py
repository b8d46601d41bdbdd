"""Policies: the technician's terms as sessiond applies them, rule by rule."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from sessiond import labels
from sessiond.billing.text import first_block, percent
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.policy import Listed, Policy
from sessiond.tui.format import duration, label, money
from sessiond.tui.screens.base import SessiondScreen, footer
from sessiond.tui.text import clean, plain
from sessiond.tui.views import load_policies


def policy_text(policy: Policy) -> Text:
    """Everything a policy says, each value with the article it comes from."""
    text = Text()

    def section(title: str) -> None:
        text.append(f"\n{title}\n", style="bold underline")

    def review(needed: bool, note: str | None) -> None:
        if needed:
            text.append("  ⚠ " + _("to review: {note}", note=note or "") + "\n",
                        style="yellow")

    doc = policy.document
    text.append(clean(policy.title) + "\n", style="bold")
    text.append(clean(f"{doc.name} — {doc.business}"))
    if doc.date:
        text.append(" " + _("(dated {day})", day=long_date(doc.date)))
    text.append("\n")
    if doc.note:
        text.append(clean(doc.note) + "\n", style="dim")
    text.append(_("File: {path} ({source})", path=policy.path.name,
                  source=label(policy.source)) + "\n", style="dim")

    t = policy.tranches
    section(_("Tranches (art. {article})", article=t.article))
    text.append(first_block(t.first_block_seconds) + ", " +
                _("then tranches of {duration}; a started tranche is due",
                  duration=duration(t.increment_seconds)))
    if t.grace_seconds:
        text.append(" · " + _("grace {duration}", duration=duration(t.grace_seconds)))
    text.append("\n")
    text.append(f"« {clean(t.text)} »\n", style="italic dim")
    review(t.review.needed, t.review.note)

    section(_("Rates"))
    for mode, rate in policy.rates.items():
        text.append(_("{mode}: {price} per hour (art. {article})", mode=label(mode),
                      price=money(rate.per_hour), article=rate.article) + "\n")
        review(rate.review.needed, rate.review.note)
    if policy.fees:
        section(_("Fees"))
        for name, fee in policy.fees.items():
            if fee.amount is not None:
                value = money(fee.amount)
            elif fee.hours is not None:
                value = _("{hours} h at the session's rate", hours=percent(fee.hours))
            elif fee.percent_of_planned is not None:
                value = _("{percent} % of the planned price",
                          percent=percent(fee.percent_of_planned))
            else:
                value = _("amount given when recorded")
            text.append(_("{name}: {value}", name=labels.fee(name), value=value) + " " +
                        _("(art. {article})", article=fee.article) + "\n")
            review(fee.review.needed, fee.review.note)
    for name, discount in policy.discounts.items():
        section(_("Discount for the {name} (art. {article})", name=labels.discount(name),
                  article=discount.article))
        text.append(f"{percent(discount.percent)}\u00a0% — « {clean(discount.text)} »\n")
    g = policy.guarantee
    if g is not None:
        section(_("Result guarantee"))
        for clause in (g.no_valid_solution, g.diagnosis_is_valid):
            if clause is not None:
                text.append(_("art. {article}", article=clause.article) +
                            _(": « {text} »", text=clean(clause.text)) + "\n")
        if g.partial_results is not None:
            pr = g.partial_results
            text.append(_("{each} % off per unsolved problem, at most {cap} % (art. {article})",
                          each=percent(pr.percent_per_problem), cap=percent(pr.cap_percent),
                          article=pr.article) + "\n")
    c = policy.credit
    if c is not None:
        section(_("Prepaid hours (art. {article})", article=c.article))
        text.append(_("valid {months} months from purchase", months=c.validity_months) + "\n")
    section(_("Rules checked"))
    for rule_id, rule in policy.rules.items():
        style = "bold red" if rule.severity == "error" else "yellow"
        text.append(f"{label(rule.severity)} ", style=style)
        text.append(labels.rule(rule_id) + " ", style="bold")
        text.append(_("(art. {article})", article=rule.article))
        if rule.modes:
            text.append(" · " + ", ".join(label(m) for m in rule.modes))
        text.append(f"  [rules.{rule_id}]", style="dim")  # its table in the TOML file
        text.append(f"\n  « {clean(rule.text)} »\n", style="dim")
        review(rule.review.needed, rule.review.note)
    text.append("\n" + clean(policy.vat.mention) + " " +
                _("(art. {article})", article=policy.vat.article), style="dim")
    return text


class PoliciesScreen(SessiondScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Today", id="policies.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listed: list[Listed] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            yield OptionList(id="policy-list")
            with VerticalScroll(id="policy-detail"):
                yield Static(id="policy-text")
        yield footer()

    def on_mount(self) -> None:
        self.sub_title = _("Terms")

    async def fetch(self) -> list[Listed]:
        return await self.load(load_policies, self.sapp.service)

    async def show(self, data: list[Listed]) -> None:
        if [(e.id, e.path, e.error) for e in data] == \
                [(e.id, e.path, e.error) for e in self.listed]:
            return  # the log changed, not the policies: keep the reader's place
        self.listed = data
        active = self.sapp.service.config.policy
        options = self.query_one("#policy-list", OptionList)
        options.clear_options()
        for entry in data:
            mark = "★ " if entry.id == active else "  "
            if entry.error:
                mark = "⚠ "
            options.add_option(Option(plain(f"{mark}{entry.id}"), id=entry.id))
        ids = [e.id for e in data]
        options.highlighted = ids.index(active) if active in ids else 0 if ids else None
        options.focus()

    @on(OptionList.OptionHighlighted, "#policy-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = next((e for e in self.listed if e.id == event.option.id), None)
        if entry is None:
            return
        body = self.query_one("#policy-text", Static)
        if entry.policy is None:
            body.update(plain(entry.error or "", style="red"))
        else:
            body.update(policy_text(entry.policy))
        self.query_one("#policy-detail", VerticalScroll).scroll_home(animate=False)
