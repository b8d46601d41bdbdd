# The strict settings of the core (pyproject.toml lists sessiond.policy.*, not privacy):
# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-untyped-calls
# mypy: disallow-any-generics, warn-return-any, strict-equality, no-implicit-reexport
"""Privacy guards on free text: what a note must not hold before it is stored.

`scanner` finds secrets (passwords, PINs, keys, tokens, card and bank numbers...) and
words the refusal; see its docstring for the heuristics.
"""

from sessiond.privacy.scanner import Finding, describe, scan

__all__ = ["Finding", "describe", "scan"]
