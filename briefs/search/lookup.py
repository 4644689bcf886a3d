"""What a search asks of a word index kept elsewhere (on disk, beside the store).

A catalog that does not keep every brief's searched text in memory hands the search index
an object of this shape; the query then asks it once per free word or phrase (and per
`actor:` value) for the briefs that match, and tests everything else on the docs in memory
(see `Query.bound`). Briefs are named by `SearchDoc.key`, the index's number for them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol


class WordLookup(Protocol):
    """Answers word lookups with the keys of the briefs that match, as `Words` defines it.

    `found` are folded words (never empty). With `actors_only`, only actor names: a match
    is the words in that order in one name (all but the last whole words, the last a word
    start with `prefix`, else whole). Without: the same in the title, summary, actor roles
    and affiliations, products or a name, or else each word anywhere in the body. Notes are
    not asked for: they stay in memory (`SearchDoc.notes`).
    """

    def word_hits(
        self, found: Sequence[str], *, prefix: bool, actors_only: bool
    ) -> Collection[int]: ...
