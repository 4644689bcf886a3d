"""Briefs as CSL-JSON items (for `briefing export --format csl-json`), the format Zotero
and the citation processors import: one `article-newspaper` item per brief.

A byline that reads as one person's name is split into family and given names (particles
such as 'von der' go with the family name, 'Jr.' or 'III' is the suffix); anything else —
an agency, a desk, several names in one string — is kept whole as a `literal` name, since
a wrong split would cite a newsroom as a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from briefs.drafting.lexicon import words
from briefs.markdown import web_address
from briefs.model import Brief, Note
from briefs.text import clean

ITEM_TYPE = "article-newspaper"

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# One word of a personal name: a capital, then letters, with inner apostrophes, hyphens
# and dots (O'Neil, Mary-Jane, J., St.John).
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|[IVX]{2,4}")


def _is_name_word(word: str) -> bool:
    if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
        return False
    # An acronym (CBC, AFP) names an organisation; initials (J., J.R.) are a person's.
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) < 2 or not all(c.isupper() for c in letters) or bool(_INITIALS.fullmatch(word))
    )


def _person(given: list[str], family: list[str], suffix: str | None) -> dict[str, str]:
    name = {"family": " ".join(family), "given": " ".join(given)}
    if suffix:
        name["suffix"] = suffix
    return name


def csl_name(author: str, *, source: str | None = None) -> dict[str, str] | None:
    """One byline as a CSL name: family and given for a person's name, else `literal`.

    A byline sharing a capitalised word with the publisher (`Bloomberg Staff` from
    Bloomberg) is the publisher's, not a person's. None for an empty byline.
    """
    shown = clean(author, single_line=True)
    if not shown:
        return None
    literal = {"literal": shown}
    if shown.count(",") == 1:  # "Family, Given" (or "Family Given, Jr.")
        before, after = (part.strip() for part in shown.split(","))
        if _SUFFIX.fullmatch(after):
            found = csl_name(before, source=source)
            return {**found, "suffix": after} if found and "family" in found else literal
        found = csl_name(f"{after} {before}", source=source)
        return found if found and "family" in found else literal
    if "," in shown:
        return literal
    tokens = shown.split()
    suffix = tokens.pop() if len(tokens) > 2 and _SUFFIX.fullmatch(tokens[-1]) else None
    if not 2 <= len(tokens) <= 6:
        return literal
    particles, org_words = words("name_particles"), words("org_heads")
    publisher = {w.lower() for w in (source or "").split() if w[:1].isupper()} - {"the"}
    lowered = [t.lower() for t in tokens]
    if lowered[0] == "the" or any(w in org_words or w in publisher for w in lowered):
        return literal
    # The family name starts at the first particle after the given name, else it is the
    # last word; particles may stand only between the first and the last word.
    start = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if lowered[i] in particles and tokens[i].islower():
            start = i
            break
    for i, token in enumerate(tokens):
        particle = start <= i < len(tokens) - 1 and lowered[i] in particles and token.islower()
        if not particle and not _is_name_word(token):
            return literal
    return _person(tokens[:start], tokens[start:], suffix)


def _issued(date: str) -> dict[str, Any]:
    found = _DAY.match(date)
    if found is None:
        return {"raw": date}
    return {"date-parts": [[int(part) for part in found.groups()]]}


def _note_line(note: Note) -> str:
    """A note on one line, after its time: Zotero keeps `note` in an item's Extra field and
    reads a line that starts `label: value` as that field, so no line starts with a word."""
    when = note.created[:16].replace("T", " ")
    return f"{when} {' '.join(note.text.split())}"


def csl_item(brief: Brief, notes: Sequence[Note] = ()) -> dict[str, Any]:
    """The brief as one CSL-JSON item; fields the brief lacks are left out."""
    item: dict[str, Any] = {"id": brief.id, "type": ITEM_TYPE, "title": brief.title}
    if brief.source:
        item["container-title"] = brief.source
    names = [csl_name(a, source=brief.source) for a in brief.authors]
    if authors := [n for n in names if n]:
        item["author"] = authors
    item["issued"] = _issued(brief.date)
    if url := web_address(brief.url):
        item["URL"] = url
    item["abstract"] = brief.summary
    if notes:
        item["note"] = "\n".join(_note_line(n) for n in notes)
    return item
