"""Many agency crawls at once in one process, on one Twisted reactor that runs for the life of the process.

Scrapy's reactor cannot be restarted: a process that audits many sites must start it once and keep it.
:class:`SharedReactor` runs it in a background thread; :class:`SiteCrawls` runs each site's crawl on one
``CrawlerRunner`` in that reactor and hands the summary back to the calling thread. The callers are plain
threads — the batch's pool in one process, or a task queue's worker threads (ita_check/batch/queue.py) —
so matching, the live re-check and the file writing of one site run outside the reactor while other sites
keep crawling.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from scrapy.crawler import CrawlerRunner
from scrapy.utils.reactor import install_reactor, is_reactor_installed
from twisted.python.failure import Failure

from crawler.politeness import Limiter, polite_settings
from crawler.run import CrawlConfig, CrawlSummary, crawl_deferred
from model.records import PageRecord

ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
STOP_GRACE = 20.0  # seconds a stopping batch waits for a crawl to close before giving it up


class CrawlAbandoned(RuntimeError):
    """The batch is stopping and this site's crawl did not close in time: the site is resumed next run."""


class SharedReactor:
    """The process's one reactor, started once in a daemon thread and never restarted."""

    _instance: SharedReactor | None = None
    _lock = threading.Lock()

    @classmethod
    def get(cls) -> SharedReactor:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def __init__(self):
        if not is_reactor_installed():
            install_reactor(ASYNCIO_REACTOR)
        from twisted.internet import reactor

        self.reactor = reactor
        reactor.suggestThreadPoolSize(32)  # resolver and limiter calls of many crawls at once
        started = threading.Event()
        reactor.callWhenRunning(started.set)
        self.thread = threading.Thread(target=lambda: reactor.run(installSignalHandlers=False),
                                       name="twisted-reactor", daemon=True)
        self.thread.start()
        if not started.wait(30):
            raise RuntimeError("the Twisted reactor did not start")

    def call(self, fn: Callable, *args, **kwargs):
        """Run ``fn`` in the reactor's thread and wait for its result (a Deferred is waited for too)."""
        from twisted.internet.threads import blockingCallFromThread

        return blockingCallFromThread(self.reactor, fn, *args, **kwargs)


class SiteCrawls:
    """Crawls of many sites on one runner; ``crawl`` blocks the calling thread until its site is done.

    With a limiter, every request of the crawl takes its slot from it (crawler/politeness.py) and Scrapy's
    own per-crawl delays are off; without one, each crawl keeps the single-site settings.
    """

    def __init__(self, reactor: SharedReactor | None = None):
        self.reactor = reactor or SharedReactor.get()
        self.runner: CrawlerRunner = self.reactor.call(lambda: CrawlerRunner({"TWISTED_REACTOR": None}))
        self.stopping = False
        self.stopped_at = 0.0

    @staticmethod
    def _adjust(settings: dict, limiter: Limiter | None, start_url: str) -> dict:
        settings = polite_settings(settings) if limiter is not None else dict(settings)
        if limiter is not None and limiter.politeness.intervals(start_url)[0]:
            # A rate-limited host gains nothing from more requests in flight than a real host gets.
            settings["CONCURRENT_REQUESTS_PER_DOMAIN"] = min(settings.get("CONCURRENT_REQUESTS_PER_DOMAIN", 2), 2)
        settings["TWISTED_REACTOR"] = None  # the shared reactor is installed already
        settings["LOG_ENABLED"] = False
        settings["LOG_INSTALL_ROOT_HANDLER"] = False
        settings["LOG_FILE"] = None
        # Scrapy parses the callbacks' source once per spider to warn about generators returning values: a
        # developer's warning, and 20 ms a site when sites come by the thousand.
        settings["WARN_ON_GENERATOR_RETURN_VALUE"] = False
        # Many crawls share this process and its reactor, and a batch runs a process per core: the cores are
        # busy already, so pages are parsed in the reactor's thread, as one site's audit does without a worker.
        settings["PARSE_INLINE"] = True
        return settings

    def crawl(self, start_url: str, work_dir: Path, config: CrawlConfig,
              on_record: Callable[[PageRecord], None] | None = None,
              prioritize: Callable[[str, str], int] | None = None, limiter: Limiter | None = None) -> CrawlSummary:
        """The site's crawl summary. Once the batch is stopping, a crawl that has not closed within
        ``STOP_GRACE`` seconds is given up (:class:`CrawlAbandoned`): a crawl caught starting just as Scrapy's
        runner stopped was seen never to close, and a stopping batch must end (the site is resumed next run)."""
        extra = {"limiter": limiter} if limiter is not None else {}
        done = threading.Event()
        outcome: list = []

        def start() -> None:
            d = crawl_deferred(self.runner, start_url, work_dir, config, on_record=on_record, prioritize=prioritize,
                               adjust=lambda s: self._adjust(s, limiter, start_url), **extra)
            d.addBoth(lambda result: (outcome.append(result), done.set()))

        self.reactor.reactor.callFromThread(start)
        while not done.wait(0.5):
            if self.stopping and time.monotonic() - self.stopped_at > STOP_GRACE:
                raise CrawlAbandoned(start_url)
        result = outcome[0]
        if isinstance(result, Failure):
            result.raiseException()
        return result

    def stop(self) -> None:
        """Stop every running crawl (each ends as 'shutdown' and its audit is recorded as interrupted)."""
        self.stopped_at = time.monotonic()
        self.stopping = True
        self.reactor.reactor.callFromThread(self.runner.stop)

    @property
    def running(self) -> int:
        return len(self.runner.crawlers)
