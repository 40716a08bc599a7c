"""Downloader middlewares: where the crawler may go, and how it treats a struggling site.

- :class:`PrivateAddressMiddleware` refuses other schemes than http/https, IP-literal hosts in private
  networks, and redirects (HTTP or meta refresh) that leave the agency's hosts. Hostnames are checked at
  connection time by the resolver (``crawler.resolver``), on the address actually connected to.
- :class:`ConnectedAddressMiddleware` checks the address a response really came from (defence in depth).
- :class:`PoliteRetryMiddleware` retries with back-off, honours Retry-After, pauses the whole host when it
  asks to, and opens a circuit breaker (the crawl stops, reason ``circuit_open``) when a site only fails.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import _schedule_coro, maybe_deferred_to_future
from scrapy.utils.response import response_status_message

from crawler.faults import CircuitOpen, OffSiteRedirect, PrivateAddressRefused, SchemeRefused, classify
from crawler.guard import ALLOWED_SCHEMES
from crawler.health import FAULT_FAILURES, FAULT_STATUSES, SiteHealth, backoff_seconds, retry_after_seconds

logger = logging.getLogger(__name__)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _SpiderAware:
    """Scrapy 2.13+ no longer hands the spider to middlewares: it is read from the crawler."""

    crawler = None

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls()
        middleware.crawler = crawler
        return middleware

    @property
    def spider(self):
        return getattr(self.crawler, "spider", None)


class PrivateAddressMiddleware(_SpiderAware):
    def process_request(self, request):
        spider = self.spider
        scheme = urlsplit(request.url).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise SchemeRefused(f"ไม่ติดตามลิงก์ที่ไม่ใช่ http/https (scheme not followed): {request.url[:200]}")
        guard = getattr(spider, "guard", None)
        reason = guard.literal_reason(request.url) if guard is not None else None
        if reason:
            raise PrivateAddressRefused(reason)
        scope = getattr(spider, "scope", None)
        if (scope is not None and request.meta.get("redirect_urls") and not request.meta.get("start")
                and not scope.in_scope(request.url)):
            first = request.meta["redirect_urls"][0]
            raise OffSiteRedirect(f"เปลี่ยนเส้นทางออกนอกเว็บไซต์ (redirected off the site): {first} → {request.url[:200]}")
        return None


class ConnectedAddressMiddleware(_SpiderAware):
    """The address the response came from must pass the same policy (it always does when the resolver ran)."""

    def process_response(self, request, response):
        guard = getattr(self.spider, "guard", None)
        ip = getattr(response, "ip_address", None)
        if guard is not None and ip is not None:
            reason = guard.address_reason(_host(request.url), str(ip))
            if reason:
                raise PrivateAddressRefused(reason)
        return response


class PoliteRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, with back-off and Retry-After, a per-host pause and a circuit breaker."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("ITA_RETRY_BACKOFF", 1.0)
        self.cap = settings.getfloat("ITA_RETRY_BACKOFF_MAX", 30.0)
        self.max_retry_after = settings.getfloat("ITA_MAX_RETRY_AFTER", 120.0)
        self.health = SiteHealth(settings.getint("ITA_CIRCUIT_FAULTS", 40))

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    # -- waiting ----------------------------------------------------------------------------------------------
    async def process_request(self, request):
        if self.health.open:
            raise CircuitOpen("เว็บไซต์ตอบผิดพลาดต่อเนื่อง หยุดการตรวจ (circuit open: the site only fails)")
        not_before = max(request.meta.get("ita_not_before", 0.0), self.health.host(_host(request.url)).pause_until)
        wait = min(not_before - time.time(), max(self.cap, self.max_retry_after))
        if wait > 0:
            from twisted.internet import reactor
            from twisted.internet.task import deferLater

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return None

    # -- outcomes ---------------------------------------------------------------------------------------------
    def _outcome(self, url: str, fault: bool) -> None:
        if self.health.record(_host(url), fault):
            logger.warning("circuit open: %d consecutive faults from %s", self.health.threshold, _host(url))
            _schedule_coro(self.crawler.engine.close_spider_async(reason="circuit_open"))

    def process_response(self, request, response):
        self._outcome(request.url, response.status in FAULT_STATUSES)
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes or self.health.open:
            return response
        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
        if retry_after is not None and retry_after > self.max_retry_after:
            return response  # the site asks for more patience than an audit has: record the answer as it is
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        attempt = retry.meta.get("retry_times", 1)
        delay = retry_after if retry_after is not None else backoff_seconds(attempt - 1, self.base, self.cap)
        if retry_after is not None:
            self.health.host(_host(request.url)).pause(retry_after)  # the whole host asked for a pause
        retry.meta["ita_not_before"] = time.time() + delay
        return retry

    def process_exception(self, request, exception):
        if isinstance(exception, CircuitOpen):
            return None
        failure, _ = classify(exception, _host(request.url))
        self._outcome(request.url, failure in FAULT_FAILURES)
        if self.health.open:
            return None
        retry = super().process_exception(request, exception)
        if retry is not None:
            attempt = retry.meta.get("retry_times", 1)
            retry.meta["ita_not_before"] = time.time() + backoff_seconds(attempt - 1, self.base, self.cap)
        return retry


class QuickMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's meta-refresh redirect, asked only of pages that can hold one. Scrapy reads the first 4,096
    characters of every page for the tag (comments and ``<noscript>`` stripped, then a regex): 0.2 ms a page,
    a twentieth of the reactor's time on a menu-heavy site, for the few pages that redirect this way."""

    SCAN_BYTES = 4 * 4096  # the first 4,096 characters, at up to 4 bytes each in UTF-8

    def process_response(self, request, response, spider=None):
        if b"refresh" not in response.body[: self.SCAN_BYTES].lower():
            return response
        return super().process_response(request, response)
