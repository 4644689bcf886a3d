"""Datelines: the place, date and agency that open a story ("OSLO, June 3 (Wire) —", "Quito,
Mar 5 (EFE).-", "(ANSA) - ROME, 17 NOV -", "Rabat, 12/03/2025 (MAP) –"), read from its first
paragraph, and cut from the entries of a live page."""

from __future__ import annotations

import re

from briefs.drafting.page_lines import is_page_label
from briefs.drafting.stamps import DAY_MONTH as _DAY_MONTH
from briefs.drafting.stamps import HAS_MONTH as _HAS_MONTH
from briefs.drafting.stamps import YEAR as _YEAR
from briefs.gazetteer import country_of

SENTENCE_END = (".", "!", "?", '"', "”", "’", "'")
# `CITY[, Region][, Mon DD[, YYYY]] [(Agency)] — `; applied to at most 200 characters.
# Letters of any script: "SÃO PAULO", "HÀ NỘI"; the place is checked for capitals after.
# `CITY (Agency):` and `City (AFP) –` too: a title-case place only with an agency.
_DATELINE = re.compile(
    r"([^\W\d_][^\W\d_'’.-]*(?:[ /][^\W\d_][^\W\d_'’.-]*){0,4})"
    r"((?:,\s*[^,()—–\n]{1,40}?){0,3})"
    r"\s*(?:\(([^()\n]{1,40})\)|/([^/\n]{1,40})/)?"  # "(Reuters)", "/PR Wire/"
    # "OSLO, June 3 (Wire)--Norway …", "Quito, Mar 5 (EFE).- Ecuador …"
    r"(?:\s*(?:—|–|--|-|:|\.-)\s+|\s*(?:—|--)(?=[^\W\d_])"
    r"|(?<=/)\.\s+(?=[^\W\d_])"  # "MOSCOW, March 3. /TASS/. Russia will …"
    r"|(?<=\))\s+(?=[^\W\d_]))"  # "Oslo, June 3 (NTB) Norway …": only with a date, see below
)
# "Jakarta. Indonesia is …": a capital or country and a full stop open the story.
_PLACE_STOP = re.compile(r"([^\W\d_][^\W\d_'’-]+(?: [^\W\d_][^\W\d_'’-]+)?)\.\s+(?=[^\W\d_])")
# A place in brackets opening the story: "[KUALA LUMPUR] Malaysia kept …".
_BRACKETED = re.compile(r"\[([^\W\d_][^\W\d_ .'’-]*(?: [^\W\d_][^\W\d_.'’-]*){0,3})\]\s+")
# What may follow the place's full stop: "MOSCOW. March 31 (Interfax) - …".
_DATE_AGENCY = re.compile(r"([^\W\d_]{3,9}\.? \d{1,2})\s*\(([^()\n]{1,40})\)\s*(?:—|–|--|-)\s+")
# An agency's name alone opening the story: "(Bloomberg) -- Japan will …".
_AGENCY_ONLY = re.compile(r"\(([^\W\d_][\w .&'-]{1,38})\)\s*(?:—|–|--|-)\s+")
# An aggregator's credit before the dateline: "(MENAFN- Oman Observer) MUSCAT: …", "MSN -
# SANTIAGO, June 3 (Reuters) - …", "Reuters | OSLO — …" (a dateline in capitals must follow).
_LEADING_CREDIT = re.compile(
    r"\([^()\n]{2,50}\)\s+|[^\W\d_][\w.&' ]{1,30}?\s(?:-|\||—|–)\s+(?=[^\W\d_a-z]{2,}[ ,(])"
)
_NUMERIC_DAY = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d")  # "Rabat, 12/03/2025 (MAP)"
_REGION_PART = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2}")  # ", Bali (ANTARA)"


def dateline_of(paragraph: str) -> tuple[str | None, str | None, str | None, int] | None:
    """(place, date text, agency, length of the prefix) for a paragraph that opens with one."""
    bracketed = _BRACKETED.match(paragraph)
    if bracketed and country_of(bracketed.group(1).title()):
        return bracketed.group(1), None, None, bracketed.end()  # "[KUALA LUMPUR] Malaysia …"
    agency_only = _AGENCY_ONLY.match(paragraph[:60])
    if agency_only and paragraph.rstrip().endswith(SENTENCE_END):
        after = dateline_at(paragraph[agency_only.end() :])
        if after is not None:  # "(ANSA) - ROME, 17 NOV - …": the agency, then a dateline
            place, date, agency, length = after
            return place, date, agency or agency_only.group(1), length + agency_only.end()
        return None, None, agency_only.group(1), agency_only.end()  # "(Bloomberg) -- …"
    credit = _LEADING_CREDIT.match(paragraph[:60])
    if credit:
        found = dateline_at(paragraph[credit.end() :])
        if found is not None:
            return found[0], found[1], found[2], found[3] + credit.end()
    return dateline_at(paragraph)


def _is_date_part(part: str) -> bool:
    """ "June 3", "3 June" (BEIJING, 3 June (Xinhua)), "17 NOV" in capitals."""
    part = part.title() if part.isupper() else part
    return bool(
        _HAS_MONTH.match(part) or _DAY_MONTH.fullmatch(part) or _NUMERIC_DAY.fullmatch(part)
    )


def dateline_at(paragraph: str) -> tuple[str, str | None, str | None, int] | None:
    stop = _PLACE_STOP.match(paragraph[:60])
    if stop and country_of(stop.group(1)) and paragraph.rstrip().endswith(SENTENCE_END):
        more = _DATE_AGENCY.match(paragraph, stop.end())
        if more and _is_date_part(more.group(1)):  # "MOSCOW. March 31 (Interfax) - Japan's …"
            return stop.group(1), more.group(1), more.group(2), more.end()
        return stop.group(1), None, None, stop.end()  # "Jakarta. Indonesia is preparing …"
    match = _DATELINE.match(paragraph[:200])
    if not match:
        return None
    caps, extra, agency = match.group(1), match.group(2), match.group(3) or match.group(4)
    if sum(c.isalpha() for c in caps) < 2:
        return None
    # "Brussels (dpa) -": a place in title case is a dateline only with an agency.
    dated_only = all(  # "Oslo, June 3 (Nordic Wire):": only a date (or country) between
        _is_date_part(part.strip()) or country_of(part.strip())  # "Santiago, Chile (Xinhua) --"
        for part in extra.split(",")
        if part.strip()
    )
    if not dated_only and agency:  # "Denpasar, Bali (ANTARA) -": a region of the place
        dated_only = all(_REGION_PART.fullmatch(p.strip()) for p in extra.split(",") if p.strip())
    if not caps.replace(" ", "").replace("/", "").isupper() and (
        not agency or not all(w[:1].isupper() for w in caps.split()) or not dated_only
    ):
        return None
    if match.group(0).rstrip().endswith(":") and not (agency or caps.isupper()):
        return None
    if is_page_label(caps) or not paragraph.rstrip().endswith(SENTENCE_END):
        return None  # "BREAKING: Norway hits …", "READ MORE: …": a label, not a place
    place_parts = [caps]
    date_text = None
    for part in (p.strip() for p in extra.split(",") if p.strip()):
        if _is_date_part(part) or (date_text and _YEAR.fullmatch(part)):
            part = part.title() if part.isupper() else part  # "ROME, 17 NOV -" (ANSA)
            if _NUMERIC_DAY.fullmatch(part):  # day first: a US wire writes no such dateline
                day, month, year = re.split(r"[/.]", part)
                part = f"{year}-{int(month):02d}-{int(day):02d}"
            date_text = f"{date_text} {part}" if date_text else part
        elif date_text is None:
            place_parts.append(part)
        else:
            return None
    if agency and not re.fullmatch(r"[\w .&'/-]+", agency):  # "(Viet Nam News/ANN)"
        return None
    if match.group(0)[-1].isspace() and match.group(0).rstrip()[-1:] == ")" and not date_text:
        return None  # "Nordkran (NKR) Chief Executive …": a name and its ticker
    return ", ".join(place_parts), date_text, agency, match.end()


def without_later_dateline(paragraph: str) -> str:
    """ "BEIJING — China said …" further down a live page: each entry's dateline is cut too, when
    it is in capitals before a dash."""
    found = dateline_at(paragraph) if paragraph[:1].isupper() else None
    if found is None or not found[0].split(",")[0].replace(" ", "").isupper():
        return paragraph
    prefix = paragraph[: found[3]]
    return paragraph[found[3] :] if any(d in prefix for d in ("—", "–", "--", " - ")) else paragraph
