"""A web page saved as a file imports and drafts as the page fetched would."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs import BriefFileError
from briefs.files import draft_file, read_file
from tui.cli import main

# Our own words, in a news site's markup: navigation, the article, a footer.
PAGE = """<!doctype html><html><head>
<title>Norway sets 12% duty on imported cranes | Nordic Wire</title>
<meta property="og:title" content="Norway sets 12% duty on imported cranes">
<meta name="author" content="Ola Berg">
{date}
</head><body><nav>Home | Business | World</nav><article>
<h1>Norway sets 12% duty on imported cranes</h1>
<p>OSLO, June 3 — Norway will charge a 12% duty on harbour cranes made in Chile from July 1,
the trade ministry said on Tuesday, after a complaint by domestic makers.</p>
<p>Trade Minister Ida Lund said the measure would protect jobs in the western ports while
talks with Santiago continue. Chilean officials called the duty unfair.</p>
<p>Crane makers in Bergen welcomed the decision, saying imports had doubled in two years.</p>
</article><footer>Share this article. Cookie settings.</footer></body></html>
"""
DATED = '<meta property="article:published_time" content="2025-06-03T09:00:00Z">'


def saved(tmp_path: Path, name: str = "cranes.html", *, dated: bool = True) -> Path:
    path = tmp_path / name
    path.write_text(PAGE.format(date=DATED if dated else ""), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["cranes.html", "CRANES.HTM"])
def test_a_saved_page_drafts_with_its_metadata(tmp_path: Path, name: str) -> None:
    brief = read_file(saved(tmp_path, name))[0]
    assert brief.title == "Norway sets 12% duty on imported cranes"
    assert brief.date == "2025-06-03" and brief.authors == ("Ola Berg",)
    assert brief.url == (tmp_path / name).resolve().as_uri()
    assert any(t.imposed_by == "Norway" and t.rate == "12%" for t in brief.tariffs)
    assert "Cookie" not in (brief.body or "")  # the page's furniture is not the story


def test_a_saved_page_without_a_date_says_how_to_give_one(tmp_path: Path) -> None:
    path = saved(tmp_path, dated=False)
    with pytest.raises(BriefFileError, match="--date"):
        draft_file(path)
    assert draft_file(path, date="2025-06-03").date == "2025-06-03"


def test_a_page_with_no_article_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><p>Menu</p></body></html>", encoding="utf-8")
    with pytest.raises(BriefFileError, match=r"empty\.html: .*(no article|too little)"):
        draft_file(path)


def test_a_file_of_another_kind_is_told_what_import_reads(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Norway sets a duty\n\nSome text.\n", encoding="utf-8")
    with pytest.raises(BriefFileError, match=r"\(\.json\).*\(\.txt\).*\(\.html\)"):
        read_file(path)


def test_draft_and_import_read_saved_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = saved(tmp_path)
    assert main(["draft", str(path)]) == 0
    assert '"title": "Norway sets 12% duty on imported cranes"' in capsys.readouterr().out
    store = tmp_path / "store"
    assert main(["--store", str(store), "import", str(path)]) == 0
    assert "added 1" in capsys.readouterr().out
