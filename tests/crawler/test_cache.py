"""The HTTP cache a re-audit revalidates against: what one crawl stored the next one finds, and a pack torn by
a killed run costs a download, never a wrong page."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.cache import PackCacheStorage

URL = "http://bannadee.go.th/nogift"
PAGE = "<html><body><h1>ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2569</h1></body></html>".encode()


def storage(folder):
    crawler = get_crawler(Spider, {"HTTPCACHE_DIR": str(folder), "HTTPCACHE_EXPIRATION_SECS": 0})
    spider = Spider("bannadee")
    spider.crawler = crawler
    store = PackCacheStorage(crawler.settings)
    store.open_spider(spider)
    return store, spider


def answer(url: str = URL, body: bytes = PAGE) -> HtmlResponse:
    return HtmlResponse(url, status=200, body=body, headers={"ETag": '"v1"', "Content-Type": "text/html; charset=utf-8"})


def test_what_one_crawl_stored_the_next_crawl_finds_with_its_validators(tmp_path):
    store, spider = storage(tmp_path)
    store.store_response(spider, Request(URL), answer())
    store.close_spider(spider)

    store, spider = storage(tmp_path)
    cached = store.retrieve_response(spider, Request(URL))
    store.close_spider(spider)
    assert cached.body == PAGE and cached.headers[b"ETag"] == b'"v1"' and cached.status == 200


def test_a_response_is_found_while_it_is_still_being_written(tmp_path):
    store, spider = storage(tmp_path)
    store.store_response(spider, Request(URL), answer())
    assert store.retrieve_response(spider, Request(URL)).body == PAGE  # pending or on disk, never missing
    store.close_spider(spider)


def test_an_entry_a_killed_run_did_not_finish_writing_is_a_miss_not_a_wrong_page(tmp_path):
    store, spider = storage(tmp_path)
    store.store_response(spider, Request(URL), answer())
    other = URL + "/2568"
    store.store_response(spider, Request(other), answer(other, PAGE.replace(b"2569", b"2568")))
    store.close_spider(spider)
    pack = next(tmp_path.rglob(PackCacheStorage.PACK))
    with pack.open("r+b") as fh:  # the last entry's bytes cut short, as a SIGKILL mid-write leaves them
        fh.truncate(pack.stat().st_size - 10)

    store, spider = storage(tmp_path)
    assert store.retrieve_response(spider, Request(other)) is None
    assert store.retrieve_response(spider, Request(URL)).body == PAGE
    store.close_spider(spider)


def test_an_audit_given_a_relative_folder_keeps_its_cache_inside_that_folder(tmp_path, monkeypatch):
    from pathlib import Path

    from crawler.settings import crawl_settings

    monkeypatch.chdir(tmp_path)
    settings = crawl_settings("http://bannadee.go.th/", max_pages=10, max_depth=2, max_seconds=60,
                              max_bytes=1_000_000, concurrency=None, delay=None, obey_robots=True,
                              cache_dir=Path("out") / "httpcache")
    assert settings["HTTPCACHE_DIR"] == str(tmp_path / "out" / "httpcache")  # not ./.scrapy/out/httpcache
