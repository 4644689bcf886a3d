"""The word lists of the actor rules, by role: loaded once from the lexicon's data files."""

from __future__ import annotations

from briefs.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from briefs.drafting.lexicon import table, words
from briefs.folding import fold

# "President-elect", "Prime Minister-designate", "Ambassador-at-large", "ex-President": forms
# of a title head are title heads too.
ROLE_HEADS = words("role_heads") | frozenset(
    form
    for head in words("role_heads")
    for form in (f"{head}-elect", f"{head}-designate", f"{head}-at-large", f"ex-{head}")
)
# Capitalised words that build a role before a name ("Prime Minister", "Commerce Secretary").
ROLE_WORDS = ROLE_HEADS | words("role_words")
FOREIGN_ORG_HEADS = words("foreign_org_heads")  # open a name: "Cámara Nacional de Comercio"
ORG_HEADS = words("org_heads") | FOREIGN_ORG_HEADS
CUSTOMS_UNIONS = words("customs_unions")
GOVERNMENT_HEADS = words("government_heads")
COUNTRY_BODIES = words("country_bodies")  # "Mexico's Senate"
KNOWN_ORGS: dict[str, str] = table("known_orgs")
FORUM_ORGS = words("forum_orgs")  # actors only where they act (FORUM_ACTS after the name)
FORUM_ACTS = words("forum_acts")
NAME_PARTICLES = words("name_particles")
HONORIFICS = words("honorifics")
CONNECTORS = NAME_PARTICLES | {"of", "the", "for", "and", "&"}
COMPANY_NOUNS = words("company_nouns")
COMPANY_POSSESSIONS = words("company_possessions")
STATEMENT_VERBS = words("statement_verbs")
PLACE_PREPOSITIONS = words("place_prepositions")
MONTHS_DAYS = MONTH_ABBREVIATIONS | frozenset(
    [*MONTHS, *WEEKDAYS, "today", "yesterday", "tomorrow"]
)
# Proper-looking words that are never names: function words, pronouns, common sentence starts.
COMMON = words("common")
NOT_ACTORS = words("not_actors")
REGIONS = words("regions")
PLACE_WORDS = words("place_words")
SKIP_NAMES = words("skip_names")

# "Jr.", "III": a generation, not a name part, when a person is met again by surname.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(name: str) -> list[str]:
    """A person's name as folded words without a generation: "Ferdinand R. Marcos, Jr." is
    ["ferdinand", "r", "marcos"], so "Mr. Marcos" finds him."""
    parts = [w.strip(".,") for w in fold(name).split()]
    while len(parts) > 1 and parts[-1] in GENERATIONS:
        parts.pop()
    return parts
