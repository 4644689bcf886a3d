"""The query language: parsing, errors with spans, matching briefs and tariffs, fuzzing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.model import Actor, Brief, Tariff
from briefs.search.docs import SearchDoc, make_doc
from briefs.search.query import FIELDS, MAX_QUERY_LENGTH, Query, QueryError, parse_query

TODAY = dt.date(2025, 11, 28)  # a Friday

CANOLA = Brief(
    id="canola",
    title="China slaps anti-dumping deposit on Canadian canola",
    date="2025-08-12",
    summary="Beijing imposed a 75.8% deposit on canola seed from Canada, citing dumping.",
    source="Reuters",
    actors=(
        Actor("Mark Carney", "person", "Prime Minister", "Canada"),
        Actor("Ministry of Commerce", "organization", None, "China"),
    ),
    tariffs=(
        Tariff(
            "China",
            "Canada",
            ("canola seed",),
            "75.8%",
            "anti-dumping duty",
            "in force",
            2025,
        ),
    ),
    tags=("Agriculture",),
    body="Farmers in Québec and Saskatchewan worried. The trade war widened, officials said.",
)
EVS = Brief(
    id="evs",
    title="Canada puts surtax on Chinese electric vehicles",
    date="2024-08-26T09:30:00",
    summary="Ottawa will charge 100% on EVs made in China and 25 per cent on steel.",
    source="The Canadian Press",
    actors=(
        Actor("Chrystia Freeland", "person", "Deputy Prime Minister", "Government of Canada"),
        Actor("Canada", "country"),
    ),
    tariffs=(
        Tariff("Canada", "China", ("electric vehicles",), "100%", "surtax", "in force", 2024),
        Tariff("Canada", "China", ("steel", "aluminum"), "25 per cent", "surtax", "announced"),
    ),
    body="The measures follow similar moves by Washington. Electric car makers reacted.",
)
STEEL = Brief(
    id="steel",
    title="U.S. doubles steel tariffs to 50 percent",
    date="2025-06-04",
    summary="The White House raised duties on steel imports; Britain was spared for now.",
    source="The Associated Press",
    actors=(
        Actor("Donald Trump", "person", "President", "United States"),
        Actor("Keir Starmer", "person", "Prime Minister", "United Kingdom"),
    ),
    tariffs=(
        Tariff("United States", None, ("steel",), "50 per cent", "tariff", "in force", 2025),
        Tariff("U.S.", "UK", ("steel",), "twenty-five percent", "tariff", "threatened"),
        Tariff("EU", "USA", ("bourbon", "motorcycles"), None, "retaliatory tariff", "suspended"),
        Tariff("Canada", "United States", (), "17.0% to 35.3%", "surtax", "removed"),
    ),
    tags=("steel", "Trade War"),
    body="Steel makers in Pittsburgh cheered while carmakers worried about prices.",
)
PORTS = Brief(
    id="ports",
    title="Port strike ends after two weeks",
    date="2023-01-15",
    summary="Dock workers returned to the ports on Monday.",
    source="The Associated Press",
    actors=(Actor("Sean O'Brien", "person", "Union leader", None),),
    body="No tariffs were mentioned. Ships queued outside the harbour for days.",
)

DOCS = {
    "canola": make_doc(CANOLA, notes=["Ask the desk about canola"], read=True),
    "evs": make_doc(EVS, starred=True),
    "steel": make_doc(STEEL, read=True, starred=True),
    "ports": make_doc(PORTS, notes=["Call the union"]),
}


def q(text: str) -> Query:
    return parse_query(text, today=TODAY)


def found(text: str) -> set[str]:
    query = q(text)
    return {name for name, doc in DOCS.items() if query.matches(doc)}


def error(text: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        q(text)
    return caught.value


# -- the empty query and free words --------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_query_matches_everything(text: str) -> None:
    query = q(text)
    assert query.is_empty
    assert found(text) == set(DOCS)
    assert query.tariff_indices(DOCS["steel"]) == [0, 1, 2, 3]


def test_free_word_matches_title_summary_body_actors_products_notes() -> None:
    assert found("canola") == {"canola"}  # title, summary, product, note
    assert found("pittsburgh") == {"steel"}  # body only
    assert found("freeland") == {"evs"}  # actor name
    assert found("deputy") == {"evs"}  # actor role
    assert found("motorcycles") == {"steel"}  # tariff product
    assert found("union") == {"ports"}  # a note ("Union leader" is a role there too)
    assert found("desk") == {"canola"}  # a note only


def test_free_words_ignore_case_and_accents_both_ways() -> None:
    assert found("QUEBEC") == {"canola"}
    assert found("québec") == {"canola"}
    assert found("Saskatchewan") == {"canola"}


def test_free_word_matches_word_starts_not_insides() -> None:
    assert found("tariff") == {"steel", "ports"}  # "tariffs"
    assert found("anola") == set()
    assert found("electric") == {"evs"}


def test_terms_combine_with_and() -> None:
    assert found("steel canada") == {"evs"}
    assert found("steel pittsburgh") == {"steel"}


def test_quoted_phrase_is_exact_in_fields() -> None:
    assert found('"electric vehicles"') == {"evs"}
    assert found('"vehicles electric"') == set()
    assert found('"prime minister"') == {"canola", "evs", "steel"}
    # Whole words in a phrase: no prefix match.
    assert found('"electric vehicle"') == set()


def test_phrase_in_body_needs_each_word() -> None:
    assert found('"trade war"') == {"canola"}  # in the body, in order
    # The approximation: both words are in that body, though not side by side.
    assert found('"war trade"') == {"canola"}
    assert found('"trade pittsburgh"') == set()


def test_punctuated_words_become_phrases() -> None:
    assert found("u.s.") == {"steel"}
    assert found("anti-dumping") == {"canola"}
    assert found("o'brien") == {"ports"}


def test_negation() -> None:
    assert found("-canola") == {"evs", "steel", "ports"}
    assert found('-"electric vehicles"') == {"canola", "steel", "ports"}
    assert found("--canola") == {"canola"}
    assert found("steel -canada") == {"steel"}


def test_or_binds_looser_than_and() -> None:
    assert found("canola OR pittsburgh") == {"canola", "steel"}
    # (steel canada) OR ports
    assert found("steel canada OR ports") == {"evs", "ports"}
    assert found("steel (canada OR pittsburgh)") == {"evs", "steel"}
    assert found("-(canola OR steel)") == {"ports"}
    # Lower-case "or" is a word; AND is allowed and changes nothing.
    assert found("steel AND canada") == found("steel canada")
    assert found("or") == set()


# -- fields --------------------------------------------------------------------------


def test_actor_field() -> None:
    assert found("actor:carney") == {"canola"}
    assert found('actor:"mark carney"') == {"canola"}
    assert found("ACTOR:Carn") == {"canola"}
    assert found("actor:minister") == set()  # roles are not names


def test_country_field_reads_affiliations_country_actors_and_parties() -> None:
    assert found("country:canada") == {"canola", "evs", "steel"}
    assert found("country:uk") == {"steel"}
    assert found("country:britain") == {"steel"}
    assert found("country:mexico") == set()


@pytest.mark.parametrize("spelling", ["us", "u.s.", "US", "usa", '"united states"', "america"])
def test_country_aliases(spelling: str) -> None:
    assert found(f"by:{spelling}") == {"steel"}
    assert found(f"on:{spelling}") == {"steel"}


def test_by_and_on() -> None:
    assert found("by:canada") == {"evs", "steel"}
    assert found("on:canada") == {"canola"}
    assert found("by:eu") == {"steel"}
    assert found('by:"european union"') == {"steel"}
    assert found("on:china") == {"evs"}
    assert found("on:all") == {"steel"}  # a tariff that names no target
    assert found("by:can") == set()  # parties match whole words


def test_product_field() -> None:
    assert found("product:canola") == {"canola"}
    assert found('product:"canola seed"') == {"canola"}
    assert found("product:vehicle") == {"evs"}
    assert found("product:pittsburgh") == set()


def test_status_and_measure_fields() -> None:
    assert found("status:threatened") == {"steel"}
    assert found('status:"in force"') == {"canola", "evs", "steel"}
    assert found("status:in") == {"canola", "evs", "steel"}
    assert found("measure:anti-dumping") == {"canola"}
    assert found("measure:antidumping") == {"canola"}
    assert found("measure:ad") == {"canola"}
    assert found("measure:surtax") == {"evs", "steel"}
    # Naming a measure exactly picks it alone; a word picks all it starts.
    assert found("measure:tariff") == {"steel"}
    assert found("measure:retaliatory") == {"steel"}
    assert found("measure:duty") == {"canola"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rate>=75", {"canola", "evs"}),
        ("rate>75.8", {"evs"}),
        ("rate<=25", {"evs", "steel"}),
        ("rate<25", set()),
        ("rate=50", {"steel"}),
        ("rate:50", {"steel"}),
        ("rate:>=100", {"evs"}),
        ("rate>=35%", {"canola", "evs", "steel"}),  # 17.0% to 35.3% counts as 35.3
        ("rate>35.3", {"canola", "evs", "steel"}),  # 50 per cent
        ("rate=35.3", {"steel"}),
    ],
)
def test_rate_comparisons(text: str, expected: set[str]) -> None:
    assert found(text) == expected


def test_unstated_rate_never_compares() -> None:
    query = q("rate>=0")
    assert query.tariff_indices(DOCS["steel"]) == [0, 1, 3]  # the bourbon tariff has none


def test_tag_and_source() -> None:
    assert found("tag:agriculture") == {"canola"}
    assert found('tag:"trade war"') == {"steel"}
    assert found("tag:trade-war") == {"steel"}
    assert found("tag:trade") == set()  # whole tags
    assert found("source:reuters") == {"canola"}
    assert found("source:associated") == {"steel", "ports"}
    assert found('source:"canadian press"') == {"evs"}


def test_state_fields() -> None:
    assert found("is:read") == {"canola", "steel"}
    assert found("is:unread") == {"evs", "ports"}
    assert found("is:starred") == {"evs", "steel"}
    assert found("is:unstarred") == {"canola", "ports"}
    assert found("has:notes") == {"canola", "ports"}
    assert found("has:tariffs") == {"canola", "evs", "steel"}
    assert found("is:unread OR has:notes") == {"canola", "evs", "ports"}


# -- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since:2025-06-04", {"canola", "steel"}),  # since is inclusive
        ("before:2025-06-04", {"evs", "ports"}),  # before is exclusive
        ("date:2025-06-04", {"steel"}),
        ("date:2024-08-26", {"evs"}),  # a stored datetime falls on its day
        ('date:"aug 2024"', {"evs"}),
        ('since:"aug 2025"', {"canola"}),
        ('before:"aug 2025"', {"evs", "steel", "ports"}),
        ("date:2025", {"canola", "steel"}),
        ("before:2024", {"ports"}),
        ('since:"June 4, 2025"', {"canola", "steel"}),
        ("since:2024-01-01 before:2025-01-01", {"evs"}),
    ],
)
def test_absolute_dates(text: str, expected: set[str]) -> None:
    assert found(text) == expected


def dated(day: dt.date) -> SearchDoc:
    return make_doc(Brief(id=day.isoformat(), title="t", date=day.isoformat(), summary="s"))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # (value, first day it includes with since:, first day date: excludes)
        ("30d", dt.date(2025, 10, 29), dt.date(2025, 11, 29)),
        ("2w", dt.date(2025, 11, 14), dt.date(2025, 11, 29)),
        ("6m", dt.date(2025, 5, 28), dt.date(2025, 11, 29)),
        ("1y", dt.date(2024, 11, 28), dt.date(2025, 11, 29)),
        ('"3 days ago"', dt.date(2025, 11, 25), dt.date(2025, 11, 29)),
        ("today", dt.date(2025, 11, 28), dt.date(2025, 11, 29)),
        ("yesterday", dt.date(2025, 11, 27), dt.date(2025, 11, 28)),
        ('"this week"', dt.date(2025, 11, 24), dt.date(2025, 12, 1)),
        ('"last week"', dt.date(2025, 11, 17), dt.date(2025, 11, 24)),
        ('"this month"', dt.date(2025, 11, 1), dt.date(2025, 12, 1)),
        ('"last month"', dt.date(2025, 10, 1), dt.date(2025, 11, 1)),
        ('"Last  Month"', dt.date(2025, 10, 1), dt.date(2025, 11, 1)),
        ('"this year"', dt.date(2025, 1, 1), dt.date(2026, 1, 1)),
        ('"last year"', dt.date(2024, 1, 1), dt.date(2025, 1, 1)),
    ],
)
def test_relative_dates(text: str, first: dt.date, last: dt.date) -> None:
    one = dt.timedelta(days=1)
    since, before, within = q(f"since:{text}"), q(f"before:{text}"), q(f"date:{text}")
    assert since.matches(dated(first)) and not since.matches(dated(first - one))
    assert before.matches(dated(first - one)) and not before.matches(dated(first))
    assert within.matches(dated(first)) and within.matches(dated(last - one))
    assert not within.matches(dated(first - one)) and not within.matches(dated(last))


# -- the tariff tracker --------------------------------------------------------------


def test_tariff_terms_pick_tariffs_in_the_tracker() -> None:
    steel = DOCS["steel"]
    assert q("by:us").tariff_indices(steel) == [0, 1]
    assert q("-by:us").tariff_indices(steel) == [2, 3]
    assert q("product:steel status:threatened").tariff_indices(steel) == [1]
    assert q("rate>=25 -status:removed").tariff_indices(steel) == [0, 1]
    assert q("product:bourbon OR on:all").tariff_indices(steel) == [0, 2]
    assert q("by:us").matches_tariff(steel, 1)
    assert not q("by:us").matches_tariff(steel, 2)


def test_brief_terms_keep_or_drop_all_tariffs() -> None:
    assert q("is:starred").tariff_indices(DOCS["steel"]) == [0, 1, 2, 3]
    assert q("is:starred").tariff_indices(DOCS["canola"]) == []
    assert q("pittsburgh by:eu").tariff_indices(DOCS["steel"]) == [2]
    assert q("since:2025-01-01 rate>=50").tariff_indices(DOCS["evs"]) == []
    assert q("anything").tariff_indices(DOCS["ports"]) == []


def test_country_in_the_tracker_reads_parties_only() -> None:
    evs = DOCS["evs"]
    assert q("country:china").tariff_indices(evs) == [0, 1]
    # EVS names Canada as an actor; in the brief list that is enough ...
    steel = DOCS["steel"]
    assert q("country:uk").matches(steel)
    # ... in the tracker only the tariff with the UK as a party stays.
    assert q("country:uk").tariff_indices(steel) == [1]


def test_tariff_terms_must_hold_on_one_tariff() -> None:
    # STEEL has a threatened tariff and a bourbon tariff, but not one that is both.
    assert found("status:threatened product:bourbon") == set()
    assert found("status:threatened product:steel") == {"steel"}
    assert found("by:canada rate>=100") == {"evs"}
    assert found("by:canada rate>=30") == {"evs", "steel"}
    # OR lets each side use its own tariff.
    assert found("status:threatened OR product:bourbon") == {"steel"}


def test_negated_tariff_terms_on_briefs() -> None:
    # A brief stays when some tariff is not by Canada, or when it has no tariffs.
    assert found("-by:canada") == {"canola", "steel", "ports"}
    assert found("-status:removed") == set(DOCS)
    assert found("rate>=25 -status:removed") == {"canola", "evs", "steel"}
    assert found("by:canada -status:removed") == {"evs"}


def test_matches_is_the_tracker_rows_for_briefs_with_tariffs() -> None:
    queries = [
        "by:canada",
        "-by:canada",
        "rate>=25 -status:removed",
        "steel OR on:all",
        "-(product:steel OR canola)",
        "is:read -(by:us rate>30)",
    ]
    for text in queries:
        query = q(text)
        for doc in DOCS.values():
            if doc.tariffs:
                assert query.matches(doc) == bool(query.tariff_indices(doc)), (text, doc.id)


def test_matcher_is_matches() -> None:
    for text in ["", "canola", "by:canada OR is:read"]:
        query = q(text)
        assert [query.matcher()(d) for d in DOCS.values()] == [
            query.matches(d) for d in DOCS.values()
        ]


def test_has_tariff_terms() -> None:
    assert not q("canola is:read since:2024").has_tariff_terms
    assert q("canola OR rate>5").has_tariff_terms
    assert q("country:canada").has_tariff_terms


def test_matches_tariff_needs_a_real_index() -> None:
    with pytest.raises(IndexError):
        q("by:us").matches_tariff(DOCS["ports"], 0)


# -- errors --------------------------------------------------------------------------


def test_unknown_field_names_the_field() -> None:
    text = "canola actr:carney"
    exc = error(text)
    assert text[exc.start : exc.end] == "actr"
    assert "unknown field 'actr'" in exc.message
    assert "did you mean actor?" in exc.message
    assert all(name in exc.message for name in FIELDS)
    assert str(exc).startswith("at 8: unknown field 'actr' (")


def test_unclosed_quotes() -> None:
    exc = error('canola "trade war')
    assert (exc.start, exc.end) == (7, 17)
    assert exc.message == "unclosed quote"
    exc = error('actor:"mark carney')
    assert exc.start == 6 and exc.message == "unclosed quote"


@pytest.mark.parametrize(
    ("text", "bad", "words"),
    [
        ("since:yesterdy", "yesterdy", "cannot read 'yesterdy' as a date"),
        ('before:"oct"', '"oct"', "needs a year"),
        ("date:13/45/2025", "13/45/2025", "cannot read"),
        ("since:99999y", "99999y", "outside the calendar"),
        ("date:9999", "9999", "outside the calendar"),
    ],
)
def test_bad_dates(text: str, bad: str, words: str) -> None:
    exc = error(text)
    assert text[exc.start : exc.end] == bad
    assert words in exc.message


@pytest.mark.parametrize(
    ("text", "bad"),
    [("rate>=abc", "abc"), ("rate>=", None), ("rate<>5", ">5"), ("rate:many", "many")],
)
def test_bad_rate_comparisons(text: str, bad: str | None) -> None:
    exc = error(text)
    if bad is None:
        assert "rate needs a value" in exc.message
    else:
        assert text[exc.start : exc.end] == bad
        assert "rate needs a number" in exc.message


def test_comparison_on_a_field_without_order() -> None:
    exc = error("since>=2024")
    assert (exc.start, exc.end) == (0, 11)
    assert "only rate compares" in exc.message


@pytest.mark.parametrize(
    ("text", "span", "words"),
    [
        ("status:maybe", "maybe", "unknown status 'maybe'"),
        ("measure:ban", "ban", "unknown measure"),
        ("is:new", "new", "is: takes read, unread, starred or unstarred"),
        ("has:pictures", "pictures", "has: takes notes or tariffs"),
        ("actor:", "actor:", "actor needs a value"),
        ('product:""', 'product:""', "product needs a value"),
        ("by:!!", "!!", "no letters or digits"),
        ("%%", "%%", "no letters or digits"),
        ("canola OR", "OR", "OR needs a term on both sides"),
        ("OR canola", "OR", "OR needs a term on both sides"),
        ("a OR OR b", "OR", "OR needs a term on both sides"),
        ("AND a", "AND", "AND needs a term"),
        ("canola -", "-", "'-' needs a term"),
        ("- canola", "-", "'-' needs a term"),
        ("(canola", "(", "never closed"),
        ("canola)", ")", "without a matching '('"),
        ("()", "()", "empty parentheses"),
        ('canola ""', '""', "empty quotes"),
        ("(a OR)", "OR", "OR needs a term"),
    ],
)
def test_error_spans(text: str, span: str, words: str) -> None:
    exc = error(text)
    assert words in exc.message
    assert text[exc.start : exc.end] == span
    assert str(exc) == f"at {exc.start + 1}: {exc.message}"


def test_limits() -> None:
    exc = error("a" * (MAX_QUERY_LENGTH + 1))
    assert "too long" in exc.message
    assert "nest too deeply" in error("(" * 40 + "a" + ")" * 40).message
    assert q("-" * 999 + "canola").matches(DOCS["canola"]) is False  # odd: negated
    assert q("(" * 20 + "canola" + ")" * 20).matches(DOCS["canola"])


def test_queries_are_data_not_patterns() -> None:
    # Regex and format characters are ordinary text to look for (and find nothing here).
    for text in ['"c.n.la"', '"[a-z]+ canola"', '"__import__(os)"', '"{0}"', '"ca.ola"']:
        assert found(text) == set(), text
    assert "no letters or digits" in error('".*"').message


# -- fuzzing -------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        *(f"{f}:" for f in FIELDS),
        "actr:",
        "rate>=",
        "rate<",
        "rate=",
        "rate:>",
        "since:",
        '"',
        "(",
        ")",
        "-",
        "OR",
        "AND",
        " ",
        "canola",
        "25",
        "25%",
        "30d",
        "last month",
        "2025-10-01",
        "oct 2025",
        "canada",
        "u.s.",
        "é",
        "\x00",
        "\u202e",
        ":",
        ">",
        "=",
    ]
)
_QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(_FRAGMENTS, max_size=14).map("".join),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=10).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(_QUERIES)
def test_fuzz_parse_gives_a_query_or_a_clear_error(text: str) -> None:
    try:
        query = q(text)
    except QueryError as exc:
        assert exc.message
        assert 0 <= exc.start <= exc.end <= max(len(text), exc.start)
        assert str(exc).startswith(f"at {exc.start + 1}: ")
        return
    assert isinstance(query, Query)
    for doc in DOCS.values():
        matched = query.matches(doc)
        assert isinstance(matched, bool)
        rows = query.tariff_indices(doc)
        assert rows == [k for k in range(len(doc.tariffs)) if query.matches_tariff(doc, k)]
        # The brief list keeps a brief with tariffs exactly when the tracker keeps one of
        # its tariffs (country: also reads actors in the list, so it is left out here).
        if doc.tariffs and "country" not in text.lower():
            assert matched == bool(rows)
