"""HTML extraction beside the crawl, on another core.

On a menu-heavy site the reactor spent as long parsing pages (selectolax, block text, 250-link menus) as
fetching them. A one-process pool takes the parsing off the reactor, so fetching and parsing overlap on a
two-core machine; on one core, or with ``ITA_PARSE_WORKERS=0``, pages are parsed inline as before. The
worker returns plain data and the links and blocks are shared again here (one Link object per menu entry,
however many pages carry it).

A page that kills the parser (a native crash on hostile markup) now kills only the worker: the page is
recorded as unreadable and the crawl goes on with a fresh worker.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract import Extracted, extract_html, share

_POOL: ProcessPoolExecutor | None = None


class ParserCrashed(RuntimeError):
    """The worker parsing a page died (its page is recorded as unreadable)."""


PARSE_TIMEOUT = 120.0  # seconds a page may take in the worker before it is recorded as unreadable


def workers() -> int:
    """Parser processes for a crawl (the ``ITA_PARSE_WORKERS`` setting or environment variable)."""
    configured = os.environ.get("ITA_PARSE_WORKERS")
    if configured is not None and configured.strip().isdigit():
        return int(configured)
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def _orphan_watch(parent: int) -> None:
    """In the worker: end with the crawl's process. A crawl killed with SIGKILL runs no clean-up, and an
    orphaned worker would keep its stdout and stderr open, so whoever waits on them would wait for ever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _pool() -> ProcessPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_orphan_watch, initargs=(os.getpid(),))
    return _POOL


def shutdown() -> None:
    """Stop the worker (the crawl calls this when it ends; a later crawl in the process starts another)."""
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


async def extract(url: str, html: str, inline: bool = False) -> Extracted:
    """The page's text, links and headings; ``inline`` (or no worker configured) parses in this thread."""
    if inline or workers() == 0:
        return extract_html(url, html)
    loop = asyncio.get_running_loop()
    try:
        extracted = await asyncio.wait_for(loop.run_in_executor(_pool(), extract_html, url, html), PARSE_TIMEOUT)
    except BrokenProcessPool as exc:
        shutdown()
        raise ParserCrashed(f"ตัวแยก HTML หยุดทำงานขณะอ่านหน้านี้ (the HTML parser crashed on this page): {url}") from exc
    except TimeoutError as exc:  # a page the worker never finishes must not hold the crawl for ever
        shutdown()
        raise ParserCrashed(f"ตัวแยก HTML อ่านหน้านี้ไม่จบใน {PARSE_TIMEOUT:.0f} วินาที "
                            f"(the HTML parser did not finish this page): {url}") from exc
    return share(extracted)
