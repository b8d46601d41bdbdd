"""The known word a mistyped one was meant to be: an id with one letter wrong, a command or
a choice misspelt ("resme", "anydsk").

One rule for every "did you mean": the single closest known word, if it is close enough
that a slip of the finger explains the difference (one letter changed, added, dropped or
two swapped: `one_edit`; or, in a longer word, few enough letters apart), and only if no
other word is as close. Ids are random, so two of them are rarely that close; when they
are, neither is offered.
"""

from __future__ import annotations

# typing.TYPE_CHECKING without importing typing (the command line's error path imports this).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

# difflib's ratio (2 x matched / total length): one letter changed in 8 is 0.875; a word
# of 5 with one letter dropped ("resme") is 0.91; "s-" in common with another id, 0.25.
# The ratio misses a slip in a short word: two letters swapped in "vhl" (for the policy
# "vlh") is 0.67, in "orla" 0.75; `one_edit` takes those.
CLOSE_ENOUGH = 0.8


def one_edit(word: str, other: str) -> bool:
    """`word` is `other`, or one letter left out, added, replaced or two neighbours
    swapped (a Damerau-Levenshtein distance of at most 1)."""
    if word == other:
        return True
    if abs(len(word) - len(other)) > 1:
        return False
    i = 0
    while i < len(word) and i < len(other) and word[i] == other[i]:
        i += 1
    if len(word) == len(other):
        swapped = (i + 1 < len(word) and word[i] == other[i + 1] and word[i + 1] == other[i]
                   and word[i + 2:] == other[i + 2:])
        return swapped or word[i + 1:] == other[i + 1:]  # two swapped, or one replaced
    if len(word) < len(other):
        return word[i:] == other[i + 1:]  # left out
    return word[i + 1:] == other[i:]  # added


def folded(text: str) -> str:
    """A word as typed, for comparing: no case, accents, apostrophe kind, hyphens or
    extra spaces ("Espèces", "especes" and "ESPECES" are one word), nor what shows
    nothing, by the duplicate check's rule (display.shows_nothing): a client recorded as
    "Gé\u200brard Lam\u00adbert" was found by no search for "gérard" or "lambert", nor
    "Jeanne" by "Jean\u200bne" pasted, though the duplicate check calls them one name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    if decomposed.isascii():
        plain = decomposed
    else:
        from sessiond.display import shows_nothing

        plain = "".join(c for c in decomposed
                        if not unicodedata.combining(c) and not shows_nothing(c))
    return " ".join(plain.replace("-", " ").split())


def meant(typed: str, known: Iterable[str]) -> str | None:
    """The one word of `known` that `typed` was meant to be, or None."""
    import difflib

    wanted = typed.strip().casefold()
    words = {word.casefold(): word for word in known}
    if wanted in words:  # only the case differs
        return words[wanted]
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
    best: list[tuple[float, str]] = []
    for folded, word in words.items():
        matcher.set_seq1(folded)
        slip = len(wanted) > 1 and one_edit(wanted, folded)
        if not slip and (matcher.real_quick_ratio() < CLOSE_ENOUGH
                         or matcher.quick_ratio() < CLOSE_ENOUGH):
            continue
        score = matcher.ratio()
        if slip or score >= CLOSE_ENOUGH:
            best.append((score, word))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[1][0] == best[0][0]):
        return None
    return best[0][1]


def did_you_mean(typed: str, known: Iterable[str]) -> str:
    """" Did you mean X?" to end a refusal of `typed` with, or "" when no word is meant."""
    word = meant(typed, known)
    if word is None:
        return ""
    from sessiond.i18n import _

    return " " + _("Did you mean {word}?", word=word)
