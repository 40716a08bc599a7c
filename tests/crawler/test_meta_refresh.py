"""A page that sends the browser on with <meta http-equiv="refresh"> is followed as Scrapy follows it, even when
the tag sits behind a long Thai head; pages without one are passed through untouched."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares import QuickMetaRefreshMiddleware

HEAD = "<meta name='description' content='" + "องค์การบริหารส่วนตำบลบ้านนาดี อำเภอเมือง จังหวัดขอนแก่น " * 40 + "'>"


def page(url: str, head: str, body: str = "<p>ข้อมูลผู้บริหาร</p>") -> HtmlResponse:
    html = f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    return HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")


def middleware() -> QuickMetaRefreshMiddleware:
    return QuickMetaRefreshMiddleware.from_crawler(get_crawler(settings_dict={"METAREFRESH_ENABLED": True}))


def test_a_moved_page_behind_a_long_thai_head_is_followed_to_its_new_address():
    url = "http://bannadee.go.th/index.php/executives"
    head = HEAD + "<meta http-equiv='refresh' content='0; url=/new/executives.html'>"
    assert len(head.encode("utf-8")) > 4096  # past 4,096 bytes, within 4,096 characters
    result = middleware().process_response(Request(url), page(url, head))
    assert isinstance(result, Request)
    assert result.url == "http://bannadee.go.th/new/executives.html"


def test_a_page_without_a_refresh_tag_is_passed_through():
    url = "http://bannadee.go.th/structure"
    response = page(url, HEAD)
    assert middleware().process_response(Request(url), response) is response
