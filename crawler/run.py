"""Run one agency crawl in this process and return what it did; the records land in a JSONL file.

``crawl`` owns the Twisted reactor for the life of the process (Scrapy's rule): the CLI calls it once per
audit, and batch runs start one process per site.
"""

from __future__ import annotations

import gc
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from crawler.guard import DEFAULT_PRIVATE_NETWORKS, PrivateAddressGuard, system_resolver
from crawler.records import RecordWriter, read_records
from crawler.resolver import install_guard
from crawler.settings import DEFAULT_CONTACT, crawl_settings
from crawler.spider import AgencySpider
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


def crawl(start_url: str, work_dir: Path, config: CrawlConfig,
          on_record: Callable[[PageRecord], None] | None = None,
          on_progress: Callable[[dict], None] | None = None,
          prioritize: Callable[[str, str], int] | None = None) -> CrawlSummary:
    records_path = work_dir / "records.jsonl"
    job_dir = work_dir / "job"
    stopped = work_dir / "stopped.json"  # written when a crawl ends cleanly (finished, budget, Ctrl-C)
    # The caller decides between a new crawl (an empty work_dir) and a resumed one (its records are here).
    if records_path.exists() and not stopped.exists():
        # The last run was killed: Scrapy's queue on disk may be torn. Rebuild it from the records instead.
        shutil.rmtree(job_dir, ignore_errors=True)
    stopped.unlink(missing_ok=True)
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
    # Links of pages already fetched: the JOBDIR queue holds them after a clean stop; after a hard kill it
    # may not, so the spider re-queues any that its restored state has not seen.
    frontier = [(url, text, depth) for url, (text, depth) in pending.items() if url not in done]
    work_dir.mkdir(parents=True, exist_ok=True)
    settings = crawl_settings(start_url, job_dir, max_pages=config.max_pages, max_depth=config.max_depth,
                              max_seconds=config.max_seconds, max_bytes=config.max_bytes,
                              concurrency=config.concurrency, delay=config.delay, obey_robots=config.obey_robots,
                              contact=config.contact, log_file=work_dir / "crawl.log",
                              max_total_bytes=config.max_total_bytes, cache_dir=config.cache_dir)
    guard = PrivateAddressGuard.for_site(start_url, config.private_networks, config.resolver, allow=config.allow_private)
    install_guard(guard)  # Scrapy's resolver checks every connection's address with it
    writer = RecordWriter(records_path)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(AgencySpider)
    started = time.monotonic()
    thresholds = gc.get_threshold()
    # Thousands of kept records make every full GC pass long; collect young objects less often while crawling.
    gc.set_threshold(50_000, 20, 100)
    try:
        process.crawl(crawler, start_url=start_url, writer=writer, guard=guard, on_record=on_record,
                      on_progress=on_progress, prioritize=prioritize, done=done, frontier=frontier,
                      scan_dir=work_dir / "scans")
        process.start()
    finally:
        gc.set_threshold(*thresholds)
        writer.close()
    spider = crawler.spider
    write_text(stopped, json.dumps({"reason": getattr(spider, "close_reason", "")}))
    return CrawlSummary(records_path, time.monotonic() - started, dict(spider.counts),
                        getattr(spider, "close_reason", ""), bool(done), list(spider.trap_samples), earlier)
