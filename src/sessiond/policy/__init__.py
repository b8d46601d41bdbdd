"""Policies: a technician's written terms as parameters and rules (see `schema`)."""

from sessiond.policy.loader import Listed, list_policies, load_policy, read_policy, shipped_dir
from sessiond.policy.schema import (
    Clause,
    CreditModel,
    Discount,
    Document,
    Fee,
    Guarantee,
    PartialResults,
    PaymentTerms,
    Policy,
    Rate,
    Retention,
    Review,
    RuleSpec,
    TrancheModel,
    Vat,
    Warranty,
    WarrantyTerms,
)

__all__ = [
    "Clause", "CreditModel", "Discount", "Document", "Fee", "Guarantee", "Listed",
    "PartialResults", "PaymentTerms", "Policy", "Rate", "Retention", "Review", "RuleSpec",
    "TrancheModel", "Vat", "Warranty", "WarrantyTerms", "list_policies", "load_policy",
    "read_policy", "shipped_dir",
]
