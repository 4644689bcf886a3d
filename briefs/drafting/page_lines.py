"""Lines of a news page that sit among the story's paragraphs but are not story: links to other
stories ("Related: …", "READ MORE: …"), share buttons, and labels in capitals that look like a
dateline ("BREAKING: …", "LIVE: …")."""

from __future__ import annotations

import re

from briefs.drafting.lexicon import words

# "Related:", "READ MORE |", "Also read —": a label, then another story's headline.
_LINK_LABELS = words("link_labels")
_LINK = re.compile(r"([^\W\d_](?:[^\W\d_]|['’ ]){1,30}?)\s*(?::|\||—|–|»|>>)\s*\S")
MAX_LINK_WORDS = 25
# Words of share and save buttons: "Share on Facebook Share on X Email".
_SHARE_WORDS = words("share_words")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MAX_SHARE_WORDS = 14
# Labels in capitals that open a line as a dateline would ("BREAKING: Norway hits …").
PAGE_LABELS = words("page_labels")


def is_link_line(paragraph: str) -> bool:
    """A link to another story: a label from the list, a colon or bar, a short headline."""
    match = _LINK.match(paragraph[:60])
    return (
        match is not None
        and match.group(1).casefold() in _LINK_LABELS
        and len(paragraph.split()) <= MAX_LINK_WORDS
    )


def is_share_line(paragraph: str) -> bool:
    """A row of share buttons: every word a share word, and no sentence."""
    found = _WORD.findall(paragraph[:200])
    return (
        0 < len(found) <= MAX_SHARE_WORDS
        and len(paragraph) < 200
        and all(w.casefold() in _SHARE_WORDS for w in found)
        and any(w.casefold() == "share" or w.casefold() == "email" for w in found)
    )


# A picture's credit on a line of its own ("Getty Images", "Reuters", "AFP via Getty Images"):
# the line under it, when it is no sentence, is the picture's caption.
_CREDIT_ONLY = re.compile(
    r"(?:[^\W\d_][\w .'’-]{0,40}/)?(?:Getty Images|Reuters|AFP|EPA|EPA-EFE|AP|PA Media|"
    r"Bloomberg|Shutterstock|Alamy|AAP|Xinhua|Kyodo|Yonhap|Anadolu)(?: via Getty Images)?"
)


def is_credit_only(paragraph: str) -> bool:
    return bool(_CREDIT_ONLY.fullmatch(paragraph.strip()))


_TOP_LABELS = words("top_labels")


def is_top_furniture(paragraph: str) -> bool:
    """ "Listen to this article", "Skip to content", "Share": a page's line above its headline."""
    return is_share_line(paragraph) or paragraph.strip().casefold().rstrip(".:") in _TOP_LABELS


_INVITATIONS = tuple(sorted(words("live_invitations")))
MAX_INVITATION_WORDS = 40


def is_invitation(paragraph: str) -> bool:
    """ "Follow the latest on …", "Welcome to our live coverage of …": a live page's standfirst."""
    return (
        paragraph[:40].casefold().startswith(_INVITATIONS)
        and len(paragraph.split()) <= MAX_INVITATION_WORDS
    )


_PROMOS = tuple(sorted(words("promo_openers")))
MAX_PROMO_WORDS = 30
_RELEASE_LABELS = words("release_labels")
_ABOUT = re.compile(r"About (?:the |us\b)?[^\W\d_][^.!?]{0,60}")
# "Site › Section › Topic": the path of a page above its headline.
_BREADCRUMB = re.compile(r"[^›»\n]{1,60}(?:\s[›»>]\s[^›»>\n]{1,60}){1,6}")
_NAME = r"[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+){1,2}"
# "Ola Berg and Kari Nilsen in Oslo": a live entry's reporters and where they are.
_REPORTERS_IN = re.compile(rf"({_NAME}(?:(?:, | and ){_NAME})*) in [^\W\d_][\w .'’-]{{1,30}}")


def is_promo(paragraph: str) -> bool:
    """ "Subscribe to the … newsletter", "Sign up for …": the page selling itself."""
    return (
        paragraph[:30].casefold().startswith(_PROMOS) and len(paragraph.split()) <= MAX_PROMO_WORDS
    )


def is_release_label(paragraph: str) -> bool:
    """ "FOR IMMEDIATE RELEASE", "News release": a release's label, not its headline."""
    return paragraph.strip().casefold().rstrip(" :") in _RELEASE_LABELS


def is_about_line(paragraph: str) -> bool:
    """ "About the Ministry of Finance": the boilerplate that closes a release."""
    return len(paragraph.split()) <= 8 and bool(_ABOUT.fullmatch(paragraph.strip()))


def breadcrumb_site(paragraph: str) -> str | None:
    """The site a breadcrumb line starts with ("Harbour Ledger › Markets › …"), else None."""
    if len(paragraph) > 200 or not _BREADCRUMB.fullmatch(paragraph.strip()):
        return None
    return re.split(r"\s[›»>]\s", paragraph.strip())[0].strip()


def reporters_in(paragraph: str) -> list[str]:
    """The names of a "NAME and NAME in CITY" line, else []."""
    text = paragraph.strip()
    if len(text) > 120 or text.endswith((".", "!", "?")):
        return []  # a sentence, not a credit line
    match = _REPORTERS_IN.fullmatch(text)
    if match is None:
        return []
    return [n.strip() for n in re.split(r",| and ", match.group(1)) if n.strip()]


def is_page_label(place: str) -> bool:
    """ "BREAKING", "LIVE", "READ MORE": a label, not the place of a dateline."""
    return " ".join(place.split()).casefold() in PAGE_LABELS


# A photo's caption left in the story without a credit: "Dock workers unload a crane at the
# port of Bergen on Monday." Short, its first sentence reports nothing (no reporting verb, modal,
# auxiliary or past tense) and names no measure or rate; the story's lead does all of these.
_FINITE = words("finite_words")
_MEASURE_WORDS = words("measure_words")
MAX_CAPTION_WORDS = 35
MAX_CAPTION_SENTENCE = 22
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s+[A-Z]|\s*$)|.+", re.S)


_PICTURED = frozenset({"is", "are"})  # "Yellow peas are harvested near …": what a photo shows
_PLACED = frozenset({"near", "at", "in", "on", "outside", "inside", "during", "onto", "into"})


def _reports(sentence: str, *, pictured: bool = False) -> bool:
    """Whether a sentence reports (a finite verb, a past form, a measure); with `pictured`, a
    present passive ("are harvested") is what a picture shows, not a report."""
    found = [w.casefold() for w in _WORD.findall(sentence)]
    return any(
        (w in _FINITE and not (pictured and w in _PICTURED))
        or w in _MEASURE_WORDS
        or (len(w) > 4 and w.endswith("ed") and not (pictured and _shown(found, k)))
        for k, w in enumerate(found)
    )


def _shown(words: list[str], k: int) -> bool:
    """ "are harvested near", "is unloaded at": a present passive placed as a picture is, not
    "are expected to"."""
    return 0 < k < len(words) - 1 and words[k - 1] in _PICTURED and words[k + 1] in _PLACED


def is_bare_caption(paragraph: str, following: str) -> bool:
    """A caption without a credit before the story's lead: see above. `following` is the
    paragraph after it, which must read as a report for this one to be a caption."""
    text = paragraph.strip()
    first = _FIRST_SENTENCE.match(text)
    sentence = first.group(0) if first else text
    return (
        len(text.split()) <= MAX_CAPTION_WORDS
        and len(sentence.split()) <= MAX_CAPTION_SENTENCE
        and "%" not in text
        and not _reports(sentence, pictured=True)
        and _reports(following[:400])
    )


# A wire photo's caption kept without its credit: one sentence that ends with the place and
# full date of the picture ("… at a port in Bergen, Norway, May 30, 2025."); prose puts "on"
# or "in" before a date it ends with.
_DATED_CAPTION = re.compile(
    r"[^.!?]{10,240}?(?<!\bon)(?<!\bin)(?<!\bby)(?<!\buntil), (?:[A-Z][\w.'’-]*\s?){1,4}, "
    r"[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d\.?"
)


def is_dated_caption(paragraph: str) -> bool:
    """A caption that ends with the picture's place and date: see above."""
    text = paragraph.strip()
    return len(text.split()) <= MAX_CAPTION_WORDS and bool(_DATED_CAPTION.fullmatch(text))


# A section's or aggregator's label above the headline: "Business", "World news",
# "MSN | Nordic Wire". One or two words, or a few short parts between bars, no digits.
_LABEL_WORD = r"(?:[^\W\d_][^\W\d_'’.-]*|&)"
_LABEL_PART = re.compile(rf"{_LABEL_WORD}(?: {_LABEL_WORD}){{0,2}}")


def section_label_parts(line: str, headline: str) -> list[str] | None:
    """The parts of a label line above `headline`, or None when `line` is the headline."""
    text = line.strip()
    if text.endswith((".", "!", "?", ":")) or len(headline.split()) < 3:
        return None
    if headline.rstrip().endswith((".", "!", "?")):
        return None  # the line after is the story, so this one is the headline
    parts = [p.strip() for p in text.split(" | ")]
    if len(parts) > 4 or not all(_LABEL_PART.fullmatch(p) for p in parts):
        return None
    if len(parts) == 1 and len(text.split()) > 2:
        return None
    return parts


# "2:05 PM: Norway will …", "14:05 — …", "9:12 a.m. ET: …", "1. The Ministry …": a live entry's
# clock or a release's paragraph number before the sentence.
_OPENING_STAMP = re.compile(
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.m\.|[ap]m|AM|PM)?(?:\s+[A-Z]{2,4})?\s*(?::|—|–|-)"
    r"|\d{1,2}\."
    # "Updated: 2009-09-16 00:21 China's move …": a page's stamp run into the lead
    r"|(?:Updated|Posted|Published)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"\s+(?=[^\W\d_])"
)


def without_opening_stamp(paragraph: str) -> str:
    """The paragraph without a clock stamp or paragraph number before its first word."""
    match = _OPENING_STAMP.match(paragraph)
    return paragraph[match.end() :] if match else paragraph


# "Comment by u/harbourcat: About time.", "Reply from kranfan: …": a forum's comments.
_COMMENT = re.compile(r"(?:Comment|Reply|Response)\s+(?:by|from)\s+\S{1,40}?:\s", re.I)


def is_comment(paragraph: str) -> bool:
    """A reader's comment under a forum post: not the story."""
    return bool(_COMMENT.match(paragraph[:60]))


# "Reply #1 — Per Olsen, June 3, 2025", "Comment #4 by Anna Vik": a thread's reply begins.
_REPLY_HEAD = re.compile(
    r"(?:Reply|Comment|Response)\s+#?\d+\s*(?:—|–|-|:|by|from)\s*[^\W\d_][^.!?]{0,80}", re.I
)


def opens_replies(paragraph: str) -> bool:
    """The head of a thread's first reply: what follows is readers' talk, not the story."""
    return len(paragraph) <= 100 and bool(_REPLY_HEAD.fullmatch(paragraph.strip()))
