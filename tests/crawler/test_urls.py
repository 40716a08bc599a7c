"""Scope, canonical URLs and crawler traps."""

from __future__ import annotations

from crawler.urls import DATE_SHAPE_LIMIT, Scope
from model.urls import canonical


def test_canonical_drops_fragments_and_session_ids():
    assert canonical("http://a.go.th/news.php?PHPSESSID=abc&cat_id=1#top") == "http://a.go.th/news.php?cat_id=1"
    assert canonical("http://a.go.th/page;jsessionid=XYZ?b=2&a=1") == "http://a.go.th/page?a=1&b=2"


def test_scope_is_the_host_and_its_www_twin_over_both_schemes():
    scope = Scope("http://bannadee.go.th/public/")
    assert scope.in_scope("https://www.bannadee.go.th/x")
    assert not scope.in_scope("https://www.facebook.com/bannadee")
    assert not scope.in_scope("ftp://bannadee.go.th/file")


def test_endless_calendar_is_cut_after_a_few_months():
    scope = Scope("http://a.go.th/")
    reasons = [scope.trap_reason(f"http://a.go.th/calendar?ym=25{60 + i // 12}-{i % 12 + 1:02d}") for i in range(60)]
    assert reasons[:DATE_SHAPE_LIMIT] == [None] * DATE_SHAPE_LIMIT
    assert reasons[-1] == "ปฏิทินไม่รู้จบ (endless calendar)"


def test_repeating_path_segments_and_absurd_urls_are_traps():
    scope = Scope("http://a.go.th/")
    assert scope.trap_reason("http://a.go.th/news/list/news/list/news/list/1") == "path วนซ้ำ (repeating path segments)"
    assert scope.trap_reason("http://a.go.th/" + "a/" * 20) is not None
    assert scope.trap_reason("http://a.go.th/?q=" + "x" * 500) is not None
    assert scope.trap_reason("http://a.go.th/public/list/data/detail/id/5/menu/1004") is None
