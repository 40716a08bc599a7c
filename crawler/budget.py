"""A crawl budget on the bytes downloaded, beside Scrapy's page and time budgets (CLOSESPIDER_*).

``--max-bytes`` caps one response; this caps the whole crawl, so an audit of a site full of huge files
ends within what the user allowed and says why it stopped ("bytes_budget").
"""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import _schedule_coro


class ByteBudget:
    def __init__(self, crawler, limit: int):
        self.crawler = crawler
        self.limit = limit
        self.total = 0
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler):
        limit = crawler.settings.getint("ITA_MAX_TOTAL_BYTES")
        if limit <= 0:
            raise NotConfigured
        budget = cls(crawler, limit)
        crawler.signals.connect(budget.response_received, signal=signals.response_received)
        return budget

    def response_received(self, response, request, spider):
        self.total += len(response.body)
        if self.total > self.limit and not self.closing:
            self.closing = True
            _schedule_coro(self.crawler.engine.close_spider_async(reason="bytes_budget"))  # as CloseSpider does
