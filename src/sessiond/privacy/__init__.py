"""Privacy guards on free text: what a note must not hold before it is stored.

`scanner` finds secrets (passwords, PINs, keys, tokens, card and bank numbers...) and
words the refusal; see its docstring for the heuristics.
"""

from sessiond.privacy.scanner import Finding, describe, scan

__all__ = ["Finding", "describe", "scan"]
