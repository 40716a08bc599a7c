"""The compiled pattern lists (rules/patterns.py): asking the automaton of required literals first, then each
pattern on its own, answers exactly what one alternation of all the patterns answers, only faster."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.loader import resolve_rules
from rules.patterns import AnyOf, CompiledRules, MultiMatcher, any_of
from rules.thai import strict_key

YEARS = (2565, 2566, 2567, 2568, 2569)
RULES = {year: resolve_rules(year) for year in YEARS}


@cache
def _texts(year: int) -> list[str]:
    """Keys a site really holds: every item's name, the literal runs of its patterns, and everyday menu words."""
    rules = RULES[year]
    pieces = [strict_key(item.name) for item in rules.oit.items]
    for item in rules.oit.items:
        for pattern in item.find.link_text + item.find.exclude:
            pieces.extend(run for run in re.split(r"[^\u0e00-\u0e7fa-z0-9]+", pattern) if len(run) >= 3)
    return pieces + ["หน้าแรก", "ติดต่อเรา", "ข่าวประชาสัมพันธ์", "ภาพกิจกรรม", "อยู่ระหว่างปรับปรุง", "notfound"]


@cache
def _matchers(year: int) -> list[tuple[MultiMatcher, dict[str, re.Pattern]]]:
    """The link-text and exclude patterns of a year, compiled both ways."""
    items = RULES[year].oit.items
    out = []
    for patterns in ({i.code: i.find.link_text for i in items}, {i.code: i.find.exclude for i in items}):
        out.append((MultiMatcher(patterns), {code: any_of(pats) for code, pats in patterns.items() if pats}))
    return out


@pytest.mark.parametrize("year", YEARS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_item_patterns_find_the_same_items_as_their_alternation(year, data):
    key = "".join(data.draw(st.lists(st.sampled_from(_texts(year)), min_size=1, max_size=4)))
    for matcher, alternations in _matchers(year):
        assert matcher.match(key) == {code for code, regex in alternations.items() if regex.search(key)}, key
        for code, regex in alternations.items():  # one item's patterns asked alone (a page's whole text)
            assert matcher.search(code, key) == bool(regex.search(key)), (code, key)


@pytest.mark.parametrize("year", YEARS)
def test_the_page_patterns_answer_as_their_alternation_does(year):
    pages = RULES[year].pages
    compiled = CompiledRules(RULES[year])
    for key in _texts(year) + [strict_key("ขออภัย ไม่พบหน้าที่ท่านต้องการ"), strict_key("Lorem ipsum dolor sit amet")]:
        for mine, patterns in ((compiled.placeholder, pages.placeholder), (compiled.not_found, pages.not_found),
                               (compiled.index_page, pages.index_page)):
            assert mine.search(key) == bool(any_of(patterns).search(key)), key
    assert isinstance(compiled.placeholder, AnyOf)
