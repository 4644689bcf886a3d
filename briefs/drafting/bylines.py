"""Bylines and outlets: "By KARI NILSEN and OLA BERG", "Ken Moritsugu, The Associated Press",
"By AFP" — who wrote a story and for whom, read from its header lines."""

from __future__ import annotations

import re

from briefs.drafting.lexicon import words

_NEWSROOM_TITLES = words("newsroom_titles")  # "By Ana Cruz, Reporter": a job, not a name

OUTLET_WORDS = re.compile(
    r"\b(?:Press|Reuters|News|Times|Post|Journal|Herald|Ledger|Tribune|Globe|Mail|Bloomberg"
    r"|Agence|Gazette|Star|Sun|Chronicle|Review|Guardian|Telegraph|Wire|Media|Radio|TV|CBC"
    r"|BBC|CNN|NPR|Daily|Weekly|Financial|Economist|Xinhua|Kyodo|Yonhap|AFP|Insider)\b"
)
AGENCIES = {
    "ap": "The Associated Press",
    "reuters": "Reuters",
    "cp": "The Canadian Press",
    "afp": "Agence France-Presse",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "upi": "United Press International",
}


_AGENCY_LETTERS = re.compile(r"[A-Z]{2,6}")


def split_names(text: str) -> list[str]:
    names = re.split(r"\s*(?:,|\b(?:and|AND)\b|&)\s*", text)
    # "KARI NILSEN" of a byline in capitals is written "Kari Nilsen".
    return [n.strip().title() if n.isupper() else n.strip() for n in names if n.strip()]


def read_byline(text: str) -> tuple[list[str], str | None]:
    """'Ken Moritsugu, The Associated Press' → (['Ken Moritsugu'], 'The Associated Press')."""
    parts = [p.strip() for p in re.split(r"[|,]", text) if p.strip()]
    authors: list[str] = []
    source = None
    for part in parts:
        if part.split()[-1].casefold().removesuffix("s") in _NEWSROOM_TITLES:
            continue  # "Reporter", "Tokyo Correspondent", "Staff Writer"
        if source is None and part.casefold() in AGENCIES:
            source = AGENCIES[part.casefold()]  # "By AFP"
            continue
        if source is None and _AGENCY_LETTERS.fullmatch(part):
            source = part  # "By IANS", "By ANI": an agency's letters, no one's name
            continue
        names, outlet = _capitals_then_outlet(part)
        if outlet and source is None:
            authors.extend(split_names(names))  # "ANA ROJAS Nordic Wire"
            source = outlet
            continue
        if source is None and (
            part.startswith("The ") or OUTLET_WORDS.search(part.title() if part.isupper() else part)
        ):
            source = part
        else:
            authors.extend(split_names(part))
    return authors, source


def _capitals_then_outlet(part: str) -> tuple[str, str | None]:
    """ "OLA BERG and ANA ROJAS Nordic Wire": names in capitals, then the outlet in title case."""
    words = part.split()
    for k, word in enumerate(words):
        if not (word.isupper() or word in ("and", "&")):
            tail = " ".join(words[k:])
            if k >= 2 and words[k - 1].isupper() and OUTLET_WORDS.search(tail):
                return " ".join(words[:k]), tail
            break
    return part, None


# "Selin Aksoy   |17.09.2025 - Update : 17.09.2025": a byline without "By", then its stamps.
_NAMES_THEN_STAMP = re.compile(r"([^\W\d_][^|]{2,60}?)\s*\|\s*([^|]{4,100})")


def names_then_stamp(line: str) -> tuple[str, str] | None:
    """(names, stamp) of a header line that gives one to four name words, a bar, and the
    rest (where the caller looks for a date); None for any other line."""
    match = _NAMES_THEN_STAMP.fullmatch(line.strip())
    if not match or not 1 < len(match.group(1).split()) <= 4:
        return None
    names = match.group(1)
    return (names, match.group(2)) if looks_like_names(names) else None


# "By business reporters Chloe Brennan and Sam Ng": the writers' job before their names.
_JOBS = "|".join(sorted(_NEWSROOM_TITLES))
_JOB_BEFORE = re.compile(rf"(?:[a-z][\w-]*\s+){{0,3}}(?:{_JOBS})s?\s+(?=[^\W\d_a-z])")


def without_job(names: str) -> str:
    """A byline's names without the job words in lower case before them."""
    job = _JOB_BEFORE.match(names)
    return names[job.end() :] if job else names


def looks_like_names(text: str) -> bool:
    words = re.split(r"[\s,|]+", text)
    return all(
        w[:1].isupper() or w in ("and", "&", "of", "de", "van", "von", "the") for w in words if w
    )


_ASIDE = re.compile(r"\s*\([^()]{1,20}\)")  # "(now)", "(earlier)"


def is_credit_line(line: str) -> bool:
    """ "Helen Ashby (now) and Tom Reyes (earlier)": a live page's closing credit, names only."""
    bare = _ASIDE.sub("", line).strip()
    return (
        bare != line.strip()
        and 2 <= len(bare.split()) <= 10
        and bare[-1:].isalpha()
        and looks_like_names(bare)
    )


# A byline copied from a page with its lines run together: "Ana LimaBusiness reporter, BBC
# NewsGetty ImagesConcerns are growing …" (name, job and outlet, picture credit, then the lead).
_GLUED_BYLINE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][a-z'’-]+)"
    rf"(?P<job>(?:[A-Z][a-z]+ )*(?:[A-Z][a-z]+ )?(?:{_JOBS})s?)"
    r"(?:, (?P<outlet>[A-Z][\w ]{1,30}?(?:News|Press|Wire|Times|Post)))?"
    r"(?:Getty Images|Reuters|EPA|PA Media|AFP|Bloomberg|Shutterstock|AP)?"
    r"(?=[A-Z][a-z])"
)


def glued_byline(paragraph: str) -> tuple[str, str, str] | None:
    """(name, job and outlet, the rest) of a paragraph that opens with a byline run into the
    lead: "Ana Lima", "Business reporter, BBC News", "Concerns are growing …"."""
    match = _GLUED_BYLINE.match(paragraph)
    if match is None or not match.group("name")[-1:].islower():
        return None
    job, outlet = match.group("job"), match.group("outlet")
    if job[:1].islower():
        return None
    return match.group("name"), f"{job}, {outlet}" if outlet else job, paragraph[match.end() :]
