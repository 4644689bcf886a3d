"""The parts of an article file: headline, date, byline, dateline, story, and what is not story.

Articles come from many outlets. The AP shape is a ` date YYYY-MM-DD Headline` line, a photo
caption, `By NAME, OUTLET`, `Posted …`/`Last Updated …`, a `CITY, Country (AP) — ` dateline and
a `___` footer with contributor lines; others differ (`BRUSSELS, Oct 30 (Reuters) -`,
`REGINA —`, no date line). Each header line is recognised by its own shape, so the order may vary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefs.drafting.bylines import (
    AGENCIES,
    OUTLET_WORDS,
    glued_byline,
    is_credit_line,
    looks_like_names,
    names_then_stamp,
    read_byline,
    split_names,
    without_job,
)
from briefs.drafting.datelines import SENTENCE_END, dateline_of, without_later_dateline
from briefs.drafting.late_dates import date_anywhere, first_date
from briefs.drafting.lexicon import words
from briefs.drafting.page_lines import (
    breadcrumb_site,
    is_about_line,
    is_bare_caption,
    is_comment,
    is_credit_only,
    is_dated_caption,
    is_invitation,
    is_link_line,
    is_page_label,
    is_promo,
    is_release_label,
    is_share_line,
    is_top_furniture,
    opens_replies,
    reporters_in,
    section_label_parts,
    without_opening_stamp,
)
from briefs.drafting.stamps import _plain_stamp as _plain_stamp  # where the fuzz tests read it
from briefs.drafting.stamps import choose_date as _choose_date
from briefs.drafting.stamps import first_full_date as _first_full_date
from briefs.drafting.stamps import is_date_line as _is_date_line
from briefs.drafting.stamps import read_date as _read_date

MAX_TITLE = 300
HEADER_SCAN = 12  # paragraphs after the headline that may still be header lines


class ArticleError(ValueError):
    """Article text that cannot be drafted; str() is the plain reason."""


@dataclass
class Layout:
    title: str
    date: str
    updated: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)  # story, dateline prefix removed
    body: str = ""  # story paragraphs as written
    not_actors: set[str] = field(default_factory=set)  # reporters, photographers, contributors
    captions: list[str] = field(default_factory=list)  # photo captions: full names of actors
    issuers: list[str] = field(default_factory=list)  # a release's "From:" line: who issues it


_DATE_LINE = re.compile(r"date\s+(\d{4}-\d{1,2}-\d{1,2})\s+(.*)", re.S)
_BYLINE = re.compile(r"(?:By|BY)\s+([^\W\d_].{1,150})")
_STAMP = re.compile(
    r"(Posted|Published|First published|Issued|Released|Updated|Last Updated|Last updated|Modified"
    r"|Publish(?:ed)? date|Publication date|Date published|Date)"
    r"(?:\s+on)?\s*:?\s+(.{4,80})",
    re.I,  # "PUBLISHED JULY 16, 2025"
)
_NEXT_STAMP = re.compile(r",?\s+(?=(?i:updated|last updated|modified)\b)|\s+\|\s+|\s+by\s+")
# Page furniture between the header lines and the story: "Share", "Key events", "7:48 p.m. ET",
# "Business reporter, BBC News": short lines that do not end a sentence.
MAX_FURNITURE_WORDS = 25
_CAPTION_MARKS = (
    "AP Photo",
    "Photo/",
    "PRESS/",
    "Getty Images",
    "Photo by",
    "Photograph:",
    "(Photo",
    "File photo",
    "REUTERS/",
    "Reuters/",
    "/AFP",
    "Bloomberg/",
    "[File:",
    "/Reuters",
    "/Getty",
    "Photo:",
    "Image:",
)
_PHOTOGRAPHER = re.compile(
    r"(?:Photo|PRESS|REUTERS|Reuters)/\s*([^)\n/]{3,60})"
    r"|(?:File|Photo|Credit|Image): ([^\W\d_][^/\]\n]{2,40})/"  # "[File: Ola Berg/Wire]"
)
# Footer lines: a credit at the start, or one of these phrases anywhere (plain `in` tests: one
# regex for both was a slow search of every story paragraph).
_CONTRIBUTOR_START = re.compile(
    r"\(?(?:Additional )?[Rr]eporting by|Editing by|Writing by|Compiled by|Copyright|©"
)
_CONTRIBUTOR_PHRASES = (
    "contributed to this report",
    "contributed reporting",
    "All rights reserved",
)
# "Berg reported from Bergen.", "Nilsen and Berg reported from Oslo and Bergen.": a credit.
_REPORTED_FROM = re.compile(
    r"[A-Z][\w'’-]+(?:(?:,| and) [A-Z][\w'’-]+)* reported (?:from|in) [A-Z][^.!?]*\.?$"
)
_FROM = re.compile(r"From:\s+(\S.{2,200})")  # "From: Department of Finance Canada"
_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w'’-]+){1,3}")
_FOOTER_RULE = re.compile(r"[_*=~#-]{3,}|# # #|- ?30 ?-")  # "___", "###", "-30-"
# A line that opens a release's or page's closing matter: contacts, links, related stories.
FOOTER_LABELS = words("footer_labels")
_LINK_LIST_LABELS = words("link_list_labels")


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs: blank-line blocks; lines in a block are joined when wrapped mid-sentence."""
    out: list[str] = []
    block: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if block:
                out.extend(block)
                block = []
            continue
        if block and block[-1][-1] not in '.!?"”’):;' and line[0].islower():
            block[-1] = f"{block[-1]} {line}"
        else:
            block.append(line)
    out.extend(block)
    return out


def _headline_first(paragraphs: list[str]) -> list[str]:
    """ "FOR IMMEDIATE RELEASE" above a release's headline goes; a stamp above a page's headline
    ("Published On 3 Jun 2025") moves below it, where the header lines are read."""
    while len(paragraphs) > 1 and is_release_label(paragraphs[0]):
        paragraphs = paragraphs[1:]
    lead = 0  # "By KARI NILSEN" (and a stamp) above the headline: header lines, read below it
    while lead < min(3, len(paragraphs) - 1) and (
        _BYLINE.fullmatch(paragraphs[lead]) or _STAMP.fullmatch(paragraphs[lead])
    ):
        lead += 1
    if lead and _BYLINE.fullmatch(paragraphs[0]) and len(paragraphs[lead]) <= MAX_TITLE:
        return [paragraphs[lead], *paragraphs[:lead], *paragraphs[lead + 1 :]]
    first = paragraphs[0]
    if len(paragraphs) > 1 and not _DATE_LINE.fullmatch(first) and len(first) <= 100:
        stamp = _STAMP.fullmatch(first)
        if (stamp and _read_date(stamp.group(2))) or (
            _is_date_line(first) and (_read_date(first) or _first_full_date(first))
        ):  # "Oslo, June 3, 2025" too
            return [paragraphs[1], first, *paragraphs[2:]]
    return paragraphs


def _is_headline_shaped(line: str) -> bool:
    """A line that could be the headline below a label: no byline, stamp or date line."""
    return not (
        _BYLINE.fullmatch(line)
        or _STAMP.fullmatch(line)
        or _is_date_line(line)
        or _DATE_LINE.fullmatch(line)
    )


def _is_contributor(text: str) -> bool:
    return (
        bool(_CONTRIBUTOR_START.match(text))
        or any(p in text for p in _CONTRIBUTOR_PHRASES)
        or (len(text) < 120 and bool(_REPORTED_FROM.match(text)))
    )


def _is_caption(text: str) -> bool:
    return any(mark in text for mark in _CAPTION_MARKS)


# A live page's entry heading with its stamp run on ("… its stancepublished at 12:52 British
# Summer Time 3 April"), a picture's source run onto a name ("Ann MarshImage source, PA Media"),
# and the label of a video's caption ("Media caption,"), whose caption follows it.
_ENTRY_STAMP = re.compile(r".{0,200}?(?:published at \d{1,2}:\d{2}\b|Image source, )")
_MEDIA_LABEL = re.compile(r"(?:Media|Image|Video) caption,?")


def _is_entry_stamp(paragraph: str) -> bool:
    return len(paragraph.split()) <= 30 and (
        _ENTRY_STAMP.match(paragraph) is not None or bool(_MEDIA_LABEL.fullmatch(paragraph))
    )


def _in_story_furniture(paragraph: str, reporters: set[str]) -> bool:
    """A live page's "By NAME" lines (the name kept in `reporters`), and its time stamps and
    labels ("6:15 p.m. ET", "Pinned"): in the body, but not sentences of the story."""
    if (
        is_link_line(paragraph)
        or is_comment(paragraph)
        or is_share_line(paragraph)
        or is_invitation(paragraph)
        or is_promo(paragraph)
        or _is_entry_stamp(paragraph)
    ):
        return True  # "Related: …", "Share on Facebook Share on X Email", "Follow the latest …"
    named = reporters_in(paragraph)
    if named:
        reporters.update(named)  # "Ola Berg and Kari Nilsen in Oslo"
        return True
    if len(paragraph) > 80:
        return False
    byline = _BYLINE.fullmatch(paragraph)
    if byline and looks_like_names(without_job(byline.group(1))):
        reporters.update(split_names(without_job(byline.group(1))))
        return True
    return _is_furniture(paragraph) and len(paragraph.split()) <= 6


def _is_furniture(paragraph: str) -> bool:
    return not _ends_a_sentence(paragraph) and len(paragraph.split()) <= MAX_FURNITURE_WORDS


def _ends_a_sentence(paragraph: str) -> bool:
    """Whether a stop ends it, inside closing quotes or not: a live entry's heading "Albanese:
    'We won't be retaliating'" ends with a quote and no stop."""
    text = paragraph.rstrip()
    while text[-1:] in ('"', "”", "’", "'"):
        text = text[:-1].rstrip()
    return text.endswith((".", "!", "?", "…"))


def _caption_before_dateline(paragraphs: list[str], index: int, limit: int) -> bool:
    """A short paragraph (a photo caption without a credit) right before the dateline."""
    return (
        len(paragraphs[index].split()) <= MAX_FURNITURE_WORDS + 10
        and index + 1 < limit
        and dateline_of(paragraphs[index + 1]) is not None
    )


_PLACE_LINE = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?: [^\W\d_][^\W\d_'’.-]*){0,2}")


def _is_place_line(para: str, paragraphs: list[str], index: int) -> bool:
    """A place's name alone on its line (after a byline), every word capitalised, above a long
    first paragraph."""
    return (
        bool(_PLACE_LINE.fullmatch(para))
        and all(w[0].isupper() for w in para.split())
        and para.casefold() not in FOOTER_LABELS
        and not is_page_label(para)
        and index + 1 < len(paragraphs)
        and len(paragraphs[index + 1].split()) >= 15
        and paragraphs[index + 1].rstrip().endswith(SENTENCE_END)
    )


# "- A 10% US tariff …", "• Steel: 50%", "-25 per cent tariffs on 2,493 items"
_BULLET = re.compile(r"(?:[-–•*▪·]|\d{1,2}[.)])\s+(?=[^\W_])|[-–•](?=\d)")


# A section's label in brackets before the lead: "[THE INVESTOR] The US is to levy …".
_KICKER = re.compile(r"\[[A-Z][A-Z0-9 .&'’-]{1,30}\]\s+(?=[^\W_])")


def _without_kicker(paragraph: str) -> str:
    kicker = _KICKER.match(paragraph)
    return paragraph[kicker.end() :] if kicker else paragraph


# A wire's closing initials after the last sentence: "… within three months. RR RVK".
# An agency's sign-off there too: "… producer of palm oil. — Bernama".
_SIGN_OFF = re.compile(
    r"(?<=[.!?\"”’])\s+(?:(?:[A-Z]{2,4}[ /]){0,3}[A-Z]{2,4}|[—–-]{1,2}\s*[A-Z][A-Za-z]{2,20})\s*$"
)


def _without_sign_off(paragraph: str) -> str:
    return _SIGN_OFF.sub("", paragraph)


def _without_bullet(paragraph: str) -> str:
    """A list item's text without its bullet: a summary of the day's points is sentences."""
    bullet = _BULLET.match(paragraph)
    return paragraph[bullet.end() :] if bullet else paragraph


def _not_actor_names(headers: list[str], footer: list[str]) -> set[str]:
    """Photographers from captions (whose other names are actors), everyone in the footer."""
    names: set[str] = set()
    for line in headers + footer:
        for match in _PHOTOGRAPHER.finditer(line[:2000]):
            names.add((match.group(1) or match.group(2)).strip())
    for line in footer:
        if line.casefold().rstrip(" :") in _LINK_LIST_LABELS:
            break  # "Related topics": other stories and topics, no credits, follow
        names.update(match.group(0) for match in _NAME_RUN.finditer(line[:2000]))
    return names


def _unglued(paragraphs: list[str]) -> list[str]:
    """A byline run into the lead below the headline is split out as its own lines."""
    for index in range(1, min(len(paragraphs), 1 + HEADER_SCAN)):
        glued = glued_byline(paragraphs[index])
        if glued is not None:
            name, job, rest = glued
            lines = [f"By {name}", job, rest]
            return [*paragraphs[:index], *lines, *paragraphs[index + 1 :]]
    return paragraphs


def read_layout(text: str, date: str | None = None) -> Layout:
    """Split article text into its parts; raise ArticleError when it has no title or date.

    `date` is the reader's date for an article that gives none (`--date`); the article's own
    date wins when it has one.
    """
    given_date = date
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        raise ArticleError("the article is empty")
    sites: set[str] = set()  # "Harbour Ledger › Markets › …" above the headline
    while len(paragraphs) > 1 and (
        (site := breadcrumb_site(paragraphs[0])) or is_top_furniture(paragraphs[0])
    ):
        if site:
            sites.add(site)
        paragraphs = paragraphs[1:]
    while len(paragraphs) > 2 and _is_headline_shaped(paragraphs[1]):
        parts = section_label_parts(paragraphs[0], paragraphs[1])
        if parts is None:
            break
        if len(parts) > 1:
            sites.update(parts)  # "MSN | Nordic Wire": outlets, not actors
        paragraphs = paragraphs[1:]
    paragraphs = _unglued(_headline_first(paragraphs))
    first = paragraphs[0]
    line_date = None
    match = _DATE_LINE.fullmatch(first)
    if match:
        line_date = _read_date(match.group(1))
        first = match.group(2).strip()
    title = first if len(first) <= MAX_TITLE else first[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    if not any(c.isalpha() for c in title):
        raise ArticleError("the article has no headline")

    posted = updated = stamp_date = None
    authors: list[str] = []
    source = None
    headers: list[str] = []  # caption, byline and time stamp lines: never story
    dateline_info = None
    story_start: int | None = None
    pending: list[int] = []  # unclassified lines: captions if header lines or a dateline follow
    caption_lines: list[str] = []
    bylined = -1  # the header line that gave names and a stamp without "By"
    limit = min(len(paragraphs), 1 + HEADER_SCAN)
    for index in range(1, limit):
        para = paragraphs[index]
        byline = _BYLINE.fullmatch(para) if len(para) <= 160 else None
        stamp = _STAMP.fullmatch(para) if len(para) <= 100 else None
        if byline and looks_like_names(re.split(r"[,|]", without_job(byline.group(1)))[0]):
            # "By Dana Whitfield | July 14, 2025 | Topics: …": names, then stamps and tags
            named, *others = without_job(byline.group(1)).split(" | ")
            for other in others:
                stamp_date = stamp_date or _first_full_date(other)
            found, outlet = read_byline(named)
            authors.extend(a for a in found if a not in authors)
            source = source or outlet
        elif (named := names_then_stamp(para)) and (when := first_date(named[1])):
            # "Selin Aksoy | 17.09.2025 - Update : 17.09.2025": names, then the stamps
            found, outlet = read_byline(named[0])
            authors.extend(a for a in found if a not in authors)
            source = source or outlet
            stamp_date = stamp_date or when
            bylined = index
        elif stamp:
            # "Posted : 2025-11-20 15:02 Updated : 2025-11-20 16:41": each stamp on its own
            when = _read_date(_NEXT_STAMP.split(stamp.group(2))[0])
            if stamp.group(1).lower().startswith(("updated", "last", "modified")):
                updated = updated or when
            else:
                posted = posted or when
        elif _is_date_line(para) and (when := _read_date(para) or _first_full_date(para)):
            stamp_date = stamp_date or when
        elif _is_caption(para):
            caption_lines.append(para)
        elif (info := dateline_of(para)) is not None:
            dateline_info = info
            story_start = index
            break
        elif " · " in para and len(para) <= 200:
            for part in (p.strip() for p in para.split(" · ")):  # "Name · Outlet · Posted: …"
                stamp = _STAMP.match(part.split(" | ")[0])
                if stamp:
                    posted = posted or _read_date(stamp.group(2))
                elif _is_date_line(part) and (when := _read_date(part)):
                    stamp_date = stamp_date or when  # "3 June 2025 · 2 min read"
                elif OUTLET_WORDS.search(part):
                    source = source or part
                elif looks_like_names(part) and len(part.split()) <= 4:
                    authors.append(part)
        elif (_BYLINE.fullmatch(paragraphs[index - 1]) or bylined == index - 1) and _is_place_line(
            para, paragraphs, index
        ):
            dateline_info = (para, None, None, 0)  # "São Paulo" alone under the byline
            story_start = index + 1
            break
        elif (authors or posted or stamp_date or updated) and _is_furniture(para):
            pass  # "Share", "Key events", "Business reporter, BBC News"
        elif (authors or posted or stamp_date or updated) and _caption_before_dateline(
            paragraphs, index, limit
        ):
            caption_lines.append(para)  # "A crane is unloaded at the port on Monday." above "OSLO"
        elif authors or posted or stamp_date or updated:
            story_start = index  # a story without a dateline starts after the header lines
            break
        else:
            pending.append(index)
            continue
        headers.append(para)
    if story_start is None:
        story_start = pending[0] if pending else limit
    headers.extend(paragraphs[i] for i in pending if i < story_start)

    story: list[str] = []
    footer: list[str] = []
    for para in paragraphs[story_start:]:
        if (
            footer
            or _FOOTER_RULE.fullmatch(para)
            or _is_contributor(para[:300])
            or para.casefold().rstrip(" :") in FOOTER_LABELS
            or is_about_line(para)
            or opens_replies(para)
        ):
            footer.append(para)
        else:
            story.append(para)
    # A closing signature line ("Ken Moritsugu, The Associated Press") is not story.
    while (
        story
        and len(story[-1]) < 100
        and story[-1][-1] not in '.!?"”’'
        and (
            (source and source in story[-1])
            or any(a in story[-1] for a in authors)
            or is_credit_line(story[-1])
            or is_share_line(story[-1])  # "Share" under the credit
        )
    ):
        footer.insert(0, story.pop())

    dateline = agency = dateline_date = None
    cleaned = list(story)
    if story and dateline_info is None:
        dateline_info = dateline_of(story[0])
    if story and dateline_info is not None:
        dateline, dateline_date, agency, cut = dateline_info
        prefix = story[0][:cut]
        # The same dateline again further down (a repost's teaser, then the story) goes too.
        cleaned = [p[cut:] if p.startswith(prefix) else p for p in story]
    if cleaned:
        cleaned[0] = _without_kicker(cleaned[0])
    if source is None and agency:
        source = AGENCIES.get(agency.strip().casefold(), agency.strip())

    reporters: set[str] = set()  # "By NAME" lines between the entries of a live page
    # A credited caption among the first paragraphs ("A crane at the port [File: …/Wire]").
    captions = [
        p
        for p in cleaned[:4]
        if (_is_caption(p) and len(p.split()) <= MAX_FURNITURE_WORDS) or is_dated_caption(p)
    ]
    if dateline_info is None and len(cleaned) > 1 and is_bare_caption(cleaned[0], cleaned[1]):
        captions.append(cleaned[0])  # "Dock workers unload a crane at the port on Monday."
    headers.extend(captions)
    caption_lines.extend(captions)
    caption_lines.extend(paragraphs[i] for i in pending if i < story_start)
    paragraphs_kept = [
        _without_bullet(
            without_later_dateline(without_opening_stamp(p)) if n else without_opening_stamp(p)
        )
        for n, p in enumerate(cleaned)
        if p.strip()
        and p not in captions
        and not _in_story_furniture(p, reporters)
        and not (n and is_credit_only(cleaned[n - 1]) and _is_furniture(p))
        and not (n and _MEDIA_LABEL.fullmatch(cleaned[n - 1].strip()) and _is_furniture(p))
    ]
    if paragraphs_kept:
        paragraphs_kept[-1] = _without_sign_off(paragraphs_kept[-1])
    date = _choose_date(line_date, posted, stamp_date, updated, dateline_date, headers + story[:3])
    if date is None and given_date is not None:
        date = _read_date(given_date)
        if date is None:
            raise ArticleError(f"the date given, {given_date[:40]!r}, is not a date")
    if date is None:
        date = date_anywhere(paragraphs)  # below the header: a footer, a date line, the story
    if date is None:
        raise ArticleError(
            "no date found (no date line, Posted line or dated dateline); "
            "give one with --date YYYY-MM-DD"
        )
    return Layout(
        title=title,
        date=date,
        updated=updated,
        source=source,
        authors=authors,
        dateline=dateline,
        paragraphs=paragraphs_kept,
        body="\n\n".join(story),
        not_actors=_not_actor_names(headers, footer) | set(authors) | reporters | sites,
        captions=caption_lines,
        issuers=[m.group(1) for h in headers if (m := _FROM.fullmatch(h.strip()))],
    )
