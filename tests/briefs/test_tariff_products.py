"""The goods of a measure (issue 13): a phrase that names who sells names no goods."""

from __future__ import annotations

import pytest

from briefs.drafting.tariffs.products import products_after


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" for Chinese exporters depending on the company.", []),
        (" for producers selling below cost", []),
        (" on goods vehicles and buses", ["goods vehicles", "buses"]),
        (" on steel from makers selling below cost", ["steel"]),
    ],
)
def test_sellers_are_no_goods(after: str, expected: list[str]) -> None:
    assert products_after(after) == expected


def test_on_top_of_names_no_goods() -> None:
    assert products_after(" on top of duties imposed during his first term") is None
