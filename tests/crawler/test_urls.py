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


def test_dated_wordpress_posts_are_not_an_endless_calendar():
    scope = Scope("http://wp.go.th/")
    posts = [f"http://wp.go.th/2024/{m:02d}/{d:02d}/post-{m * 40 + d}/" for m in range(1, 13) for d in range(1, 9)]
    assert all(scope.trap_reason(url) is None for url in posts)
    calendar = [f"http://wp.go.th/events/{2024 + n // 12}/{n % 12 + 1:02d}/" for n in range(DATE_SHAPE_LIMIT + 1)]
    reasons = [scope.trap_reason(url) for url in calendar]
    assert all(r is None for r in reasons[:DATE_SHAPE_LIMIT]) and reasons[-1] is not None  # a calendar is still cut


def test_a_long_thai_file_name_is_not_an_absurd_url():
    from urllib.parse import quote

    name = "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ 2569"
    url = "http://a.go.th/files/ita2569/" + quote(name) + ".pdf"
    assert len(url) > 400 and Scope("http://a.go.th/").trap_reason(url) is None
