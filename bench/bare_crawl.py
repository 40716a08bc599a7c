"""The yardstick for `make bench`: a bare, tuned Scrapy crawl of the same site — links by selectolax, an
in-spider seen-set, the audit's loopback concurrency, the audit's garbage-collector thresholds — with nothing else. Prints pages and seconds.
Run: python bench/bare_crawl.py URL
"""

from __future__ import annotations

import gc
import sys
import time
from urllib.parse import urljoin, urlsplit

import scrapy
import scrapy.core.downloader.handlers.http11  # noqa: F401  (imported at a shallow stack, as crawler/run.py does)
from scrapy.crawler import CrawlerProcess
from selectolax.lexbor import LexborHTMLParser


class Bare(scrapy.Spider):
    name = "bare"

    def __init__(self, first: str, **kwargs):
        super().__init__(**kwargs)
        self.first = first
        self.host = urlsplit(first).netloc
        self.seen = {first}
        self.pages = 0

    async def start(self):
        yield scrapy.Request(self.first, dont_filter=True)

    def parse(self, response):
        self.pages += 1
        tree = LexborHTMLParser(response.text)
        for node in tree.css("a"):
            href = node.attributes.get("href")
            if not href:
                continue
            url = urljoin(response.url, href)
            if url not in self.seen and urlsplit(url).netloc == self.host:
                self.seen.add(url)
                yield scrapy.Request(url, dont_filter=True)


def main() -> None:
    gc.set_threshold(20_000, 10, 10)  # tuned as `ita` is (ita_check.cli.GC_THRESHOLDS): the yardstick gets it too
    started = time.monotonic()
    process = CrawlerProcess({"LOG_ENABLED": False, "ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS": 32,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0, "COOKIES_ENABLED": False,
                              "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False, "RETRY_TIMES": 1,
                              # the audit's start-up tuning too (crawler/settings.py, crawler/run.py)
                              "EXTENSIONS": {"scrapy.extensions.telnet.TelnetConsole": None,
                                             "scrapy.extensions.remote_control.RemoteControl": None}})
    crawler = process.create_crawler(Bare)
    process.crawl(crawler, first=sys.argv[1])
    process.start()
    print(f"{crawler.spider.pages} {time.monotonic() - started:.3f}")


if __name__ == "__main__":
    main()
