"""A policy as JSON-ready data (`sessiond policy show --json`, exports, the TUI)."""

from __future__ import annotations

from typing import Any

from sessiond.policy.schema import Policy, Review


def _review(review: Review) -> dict[str, Any]:
    return {"review": review.needed, "note": review.note}


def describe(policy: Policy) -> dict[str, Any]:
    doc = policy.document
    t = policy.tranches
    g = policy.guarantee
    c = policy.credit
    w = policy.warranty
    kept = policy.retention
    paid = policy.payment
    fixed = policy.fixed_price
    return {
        "id": policy.id,
        "title": policy.title,
        "source": policy.source,
        "path": str(policy.path),
        "digest": policy.digest,
        "document": {"name": doc.name, "business": doc.business, "file": doc.file,
                     "date": doc.date.isoformat() if doc.date else None, "note": doc.note},
        "vat": {"mention": policy.vat.mention, "article": policy.vat.article,
                **_review(policy.vat.review)},
        "tranches": {"first_block_seconds": t.first_block_seconds,
                     "increment_seconds": t.increment_seconds,
                     "grace_seconds": t.grace_seconds, "article": t.article, "text": t.text,
                     **_review(t.review)},
        "rates": {mode: {"per_hour": str(r.per_hour), "article": r.article,
                         "in_force": r.in_force, **_review(r.review)}
                  for mode, r in policy.rates.items()},
        "fees": {name: {"article": f.article,
                        "amount": None if f.amount is None else str(f.amount),
                        "hours": None if f.hours is None else str(f.hours),
                        "percent_of_planned": None if f.percent_of_planned is None
                        else str(f.percent_of_planned),
                        "modes": list(f.modes), "text": f.text, "only_with": list(f.only_with),
                        "notice_hours": f.notice_hours, "announced": f.announced,
                        "max_amount": None if f.max_amount is None else str(f.max_amount),
                        "minimum": f.minimum,
                        **_review(f.review)}
                 for name, f in policy.fees.items()},
        "discounts": {name: {"percent": str(d.percent), "article": d.article, "text": d.text,
                             "validity_months": d.validity_months, **_review(d.review)}
                      for name, d in policy.discounts.items()},
        "guarantee": None if g is None else {
            "no_valid_solution": None if g.no_valid_solution is None else {
                "article": g.no_valid_solution.article, "text": g.no_valid_solution.text,
                "covers_fees": g.no_valid_solution.covers_fees,
                **_review(g.no_valid_solution.review)},
            "diagnosis_is_valid": None if g.diagnosis_is_valid is None else {
                "article": g.diagnosis_is_valid.article, "text": g.diagnosis_is_valid.text,
                **_review(g.diagnosis_is_valid.review)},
            "partial_results": None if g.partial_results is None else {
                "percent_per_problem": str(g.partial_results.percent_per_problem),
                "cap_percent": str(g.partial_results.cap_percent),
                "article": g.partial_results.article, "text": g.partial_results.text},
        },
        "credit": None if c is None else {
            "validity_months": c.validity_months, "article": c.article, "text": c.text,
            "warranty": None if c.warranty is None else {
                "seconds": c.warranty.seconds, "article": c.warranty.article,
                "text": c.warranty.text}},
        "warranty": None if w is None else {
            "article": w.article, "text": w.text, "free": w.free, "covers_fees": w.covers_fees,
            "window_hours": w.window_hours, "window_days": w.window_days,
            "window_months": w.window_months, **_review(w.review)},
        "retention": None if kept is None else {
            "years_after_relationship": kept.years_after_relationship,
            "accounting_years": kept.accounting_years, "article": kept.article,
            "text": kept.text, **_review(kept.review)},
        "payment": None if paid is None else {
            "due_days": paid.due_days, "late_penalty": paid.late_penalty,
            "early_payment": paid.early_payment, "article": paid.article, "text": paid.text,
            **_review(paid.review)},
        "fixed_price": None if fixed is None else {
            "article": fixed.article, "text": fixed.text, **_review(fixed.review),
            "defective_hardware": None if fixed.defective_hardware is None else {
                "article": fixed.defective_hardware.article,
                "text": fixed.defective_hardware.text}},
        "rules": {rule_id: {"article": r.article, "text": r.text, "severity": r.severity,
                            "modes": list(r.modes), "params": dict(r.params),
                            **_review(r.review)} for rule_id, r in policy.rules.items()},
        "to_review": [{"key": key, "article": article, "note": note}
                      for key, article, note in policy.to_reviews()],
    }
