"""Run one agency crawl and return what it did; the records land in a JSONL file.

``crawl`` owns the Twisted reactor for the life of the process (Scrapy's rule): the CLI calls it once per
audit. ``crawl_deferred`` runs the same crawl on a ``CrawlerRunner`` inside a reactor that is already
running, so one process can crawl many sites at once (``ita batch``, ``ita worker``: see crawler/multi.py).
"""

from __future__ import annotations

import gc
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# The HTTP download handler is imported with this module, not when the first crawl starts: its TLS module's
# deprecation shims call inspect.stack(), which reads the source of every frame and took 0.5 s deep inside the
# reactor (0.05 s here).
import scrapy.core.downloader.handlers.http11  # noqa: F401
from scrapy.crawler import Crawler, CrawlerProcess, CrawlerRunner
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure as TwistedFailure

from crawler import parsing
from crawler.guard import DEFAULT_PRIVATE_NETWORKS, PrivateAddressGuard, system_resolver
from crawler.records import RecordWriter, read_records
from crawler.resolver import install_guard
from crawler.settings import DEFAULT_CONTACT, crawl_settings
from crawler.spider import AgencySpider
from crawler.urls import host_twins
from model.files import write_text
from model.records import PageRecord
from model.urls import canonical


@dataclass
class CrawlConfig:
    max_pages: int = 3000
    max_depth: int = 8
    max_seconds: int = 1800
    max_bytes: int = 40 * 1024 * 1024
    concurrency: int | None = None
    delay: float | None = None
    obey_robots: bool = True
    max_total_bytes: int = 0  # the whole crawl's download budget; 0: none
    cache_dir: Path | None = None  # HTTP cache for revalidating re-runs
    contact: str = DEFAULT_CONTACT
    private_networks: tuple[str, ...] = DEFAULT_PRIVATE_NETWORKS
    allow_private: bool = False
    resolver: Callable[[str], list[str]] = system_resolver


@dataclass
class CrawlSummary:
    records_path: Path
    seconds: float
    counts: dict = field(default_factory=dict)
    stop_reason: str = ""
    resumed: bool = False
    traps: list[tuple[str, str]] = field(default_factory=list)
    earlier: list[PageRecord] = field(default_factory=list, repr=False)  # collected by an interrupted run


@dataclass
class _Setup:
    """A crawl made ready: what earlier runs left, the settings, the guard and the record writer."""

    records_path: Path
    stopped: Path
    earlier: list[PageRecord]
    done: set[str]
    frontier: list[tuple[str, str, int]]
    settings: dict
    guard: PrivateAddressGuard
    writer: RecordWriter


def _setup(start_url: str, work_dir: Path, config: CrawlConfig, log: bool = True) -> _Setup:
    records_path = work_dir / "records.jsonl"
    stopped = work_dir / "stopped.json"  # written when a crawl ends cleanly (finished, budget, Ctrl-C)
    # The caller decides between a new crawl (an empty work_dir) and a resumed one (its records are here).
    stopped.unlink(missing_ok=True)
    shutil.rmtree(work_dir / "job", ignore_errors=True)  # Scrapy's JOBDIR queue of an older version: unused now
    earlier = list(read_records(records_path))
    done: set[str] = set()
    pending: dict[str, tuple[str, int]] = {}
    for record in earlier:
        if record.kind == "probe":
            continue
        done.add(canonical(record.url))
        if record.kind == "page" and record.ok:
            for link in record.links:
                pending.setdefault(canonical(link.url), (link.text, record.depth + 1))
    # The records are the crawl's state, however it stopped (cleanly, Ctrl-C, or killed): a resumed crawl skips
    # every URL they hold and queues the links of their pages not yet fetched. No JOBDIR queue: it would hold
    # no more than that, and pickling every request to disk cost the reactor's thread 0.3 s per 2,000 pages.
    frontier = [(url, text, depth) for url, (text, depth) in pending.items() if url not in done]
    work_dir.mkdir(parents=True, exist_ok=True)
    settings = crawl_settings(start_url, max_pages=config.max_pages, max_depth=config.max_depth,
                              max_seconds=config.max_seconds, max_bytes=config.max_bytes,
                              concurrency=config.concurrency, delay=config.delay, obey_robots=config.obey_robots,
                              contact=config.contact, log_file=work_dir / "crawl.log" if log else None,
                              max_total_bytes=config.max_total_bytes, cache_dir=config.cache_dir)
    guard = PrivateAddressGuard.for_site(start_url, config.private_networks, config.resolver, allow=config.allow_private)
    install_guard(guard, host_twins(urlsplit(start_url).hostname or ""))  # the resolver checks this site's connections with it
    return _Setup(records_path, stopped, earlier, done, frontier, settings, guard, RecordWriter(records_path))


def _summary(setup: _Setup, spider, started: float) -> CrawlSummary:
    write_text(setup.stopped, json.dumps({"reason": getattr(spider, "close_reason", "")}))
    return CrawlSummary(setup.records_path, time.monotonic() - started, dict(spider.counts),
                        getattr(spider, "close_reason", ""), bool(setup.done), list(spider.trap_samples), setup.earlier)


def crawl(start_url: str, work_dir: Path, config: CrawlConfig,
          on_record: Callable[[PageRecord], None] | None = None,
          on_progress: Callable[[dict], None] | None = None,
          prioritize: Callable[[str, str], int] | None = None) -> CrawlSummary:
    setup = _setup(start_url, work_dir, config)
    writer = setup.writer
    process = CrawlerProcess(setup.settings)
    crawler = process.create_crawler(AgencySpider)
    started = time.monotonic()
    thresholds = gc.get_threshold()
    # Thousands of kept records make every full GC pass long; collect young objects less often while crawling.
    gc.set_threshold(50_000, 20, 100)
    try:
        process.crawl(crawler, start_url=start_url, writer=writer, guard=setup.guard, on_record=on_record,
                      on_progress=on_progress, prioritize=prioritize, done=setup.done, frontier=setup.frontier,
                      scan_dir=work_dir / "scans")
        process.start()
    finally:
        gc.set_threshold(*thresholds)
        writer.close()
        parsing.shutdown()  # one crawl per process here (a batch's crawls parse inline: crawler/multi.py)
    return _summary(setup, crawler.spider, started)


def crawl_deferred(runner: CrawlerRunner, start_url: str, work_dir: Path, config: CrawlConfig,
                   on_record: Callable[[PageRecord], None] | None = None,
                   on_progress: Callable[[dict], None] | None = None,
                   prioritize: Callable[[str, str], int] | None = None,
                   adjust: Callable[[dict], dict] | None = None,
                   **spider_kwargs) -> Deferred:
    """The same crawl on a runner in a reactor that is already running (call it in the reactor's thread).

    The Deferred fires with the ``CrawlSummary``. ``adjust`` may change the settings (politeness shared by
    many crawls); ``spider_kwargs`` become attributes of the spider (e.g. the shared rate limiter). One
    process holds one root log handler, so the crawl's log goes wherever the caller sends Scrapy's log.
    """
    setup = _setup(start_url, work_dir, config, log=False)
    settings = adjust(setup.settings) if adjust else setup.settings
    crawler = Crawler(AgencySpider, settings)
    started = time.monotonic()

    def finished(result):
        setup.writer.close()
        if isinstance(result, TwistedFailure):
            return result
        return _summary(setup, crawler.spider, started)

    d = runner.crawl(crawler, start_url=start_url, writer=setup.writer, guard=setup.guard, on_record=on_record,
                     on_progress=on_progress, prioritize=prioritize, done=setup.done, frontier=setup.frontier,
                     scan_dir=work_dir / "scans", **spider_kwargs)
    return d.addBoth(finished)
