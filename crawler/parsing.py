"""HTML extraction beside the crawl, on another core.

On a menu-heavy site the reactor spent as long parsing pages (selectolax, block text, 250-link menus) as
fetching them. A pool of two processes takes the parsing off the reactor, so fetching and parsing overlap on a
two-core machine; on one core, or with ``ITA_PARSE_WORKERS=0``, pages are parsed inline as before.

Each worker numbers what it sends in a series of its own, and results come back in each worker's own order,
so a number is always taken in before any later page of the same series uses it.

What comes back must be cheap for the reactor to take in: a menu of 250 entries and 300 template blocks
unpickled on every page cost the reactor as much as a third of the parsing it had handed off. So the worker
numbers each link and block the first time it sends it, and afterwards sends only the numbers; the numbered
values are taken in here, in the order the worker made them, and each page's numbers become the one shared
Link object per menu entry (and the one interned block) that every page's record holds. The record's own line
is made in the worker too, from each value's JSON encoded once, and travels compressed: the records writer
inflates it straight into records.jsonl.

A page that kills the parser (a native crash on hostile markup) now kills only the worker: the page is
recorded as unreadable and the crawl goes on with a fresh worker.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import threading
import time
import uuid
import zlib
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from crawler.charset import decode_page
from crawler.extract import Extracted, extract_html
from model.records import page_fields_from, shared_link, to_json

_POOL: ProcessPoolExecutor | None = None


class ParserCrashed(RuntimeError):
    """The worker parsing a page died (its page is recorded as unreadable)."""


PARSE_TIMEOUT = 120.0  # seconds a page may take in the worker before it is recorded as unreadable


def workers() -> int:
    """Parser processes for a crawl (the ``ITA_PARSE_WORKERS`` setting or environment variable)."""
    configured = os.environ.get("ITA_PARSE_WORKERS")
    if configured is not None and configured.strip().isdigit():
        return int(configured)
    # Two, even on two cores: one worker alone was the crawl's bottleneck (parsing plus the pipe's round trip
    # per page) while the reactor's thread sat idle half the time. A second worker took the 2,000-page bench
    # crawl from 9.3-10.0 s to 8.2-9.0 s (runs interleaved); a third added nothing.
    return 2 if (os.cpu_count() or 1) >= 2 else 0


def _orphan_watch(parent: int) -> None:
    """In the worker: end with the crawl's process. A crawl killed with SIGKILL runs no clean-up, and an
    orphaned worker would keep its stdout and stderr open, so whoever waits on them would wait for ever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


# The record's JSON travels compressed: a menu-heavy page's 100 KB (its 250-link menu again) is 6 KB at level 3.
# Sent whole, it cost the worker as long to push through the pipe as to parse the page, and the crawl's process
# a third of a millisecond a page to take in; compressing costs the worker 0.2 ms, and the records writer
# inflates it off the GIL (crawler.records).
JSON_LEVEL = 3
MAX_NUMBERED = 300_000  # values a worker numbers before it starts afresh (a new series), bounding both sides


@dataclass
class Packed:
    """A page as the worker sends it: ``page`` without its links and blocks, which travel as numbers of
    ``series``, with the values first numbered on this page (``first`` is the number of ``new[0]``)."""

    series: str
    first: int
    new: list
    links: list[int]
    blocks: list[int]
    page: Extracted  # links and blocks empty; ``packed_json`` encoded here rather than by the reactor


_numbers: dict = {}  # in the worker: a link's (url, text, source, context) or a block -> its number
_encoded: list[bytes] = []  # in the worker: each numbered value's JSON, by its number
_series = ""


def read_page(url: str, body: bytes, content_type: str, cls=None) -> Extracted:
    """A fetched page decoded and parsed (in the worker, or inline)."""
    text, encoding = decode_page(url, body, content_type, cls)
    return replace(extract_html(url, text), encoding=encoding)


def extract_packed(url: str, body: bytes, content_type: str, cls=None) -> Packed:
    """In the worker: the page decoded and parsed, its links and blocks as numbers."""
    global _series
    if not _series or len(_numbers) > MAX_NUMBERED:
        _numbers.clear()
        _encoded.clear()
        _series = uuid.uuid4().hex
    first = len(_numbers)
    new: list = []

    def number(value) -> int:
        found = _numbers.get(value)
        if found is None:
            found = _numbers[value] = len(_numbers)
            new.append(value)
            _encoded.append(to_json(value))
        return found

    page = read_page(url, body, content_type, cls)
    links = [number((link.url, link.text, link.source, link.context)) for link in page.links]
    blocks = [number(block) for block in page.blocks]
    encoded = page_fields_from(page.title, page.headings, _json_array(blocks), _json_array(links), page.images,
                               page.forms, page.tables)
    packed_json = zlib.compress(encoded, JSON_LEVEL)
    return Packed(_series, first, new, links, blocks, replace(page, links=[], blocks=[], packed_json=packed_json))


def _json_array(numbers: list[int]) -> bytes:
    return b"[" + b",".join([_encoded[n] for n in numbers]) + b"]"


_values: dict[str, dict[int, object]] = {}  # here: each series' numbered values (shared Links, interned blocks)
_values_lock = threading.Lock()
KEPT_SERIES = 4


def _take_in(future: Future) -> None:
    """Runs as each page comes back, in the order the worker sent them (the pool's result thread), so a number
    is known here before any later page uses it."""
    if future.cancelled() or future.exception() is not None:
        return
    packed: Packed = future.result()
    values = [shared_link(*value) if isinstance(value, tuple) else sys.intern(value) for value in packed.new]
    with _values_lock:
        table = _values.get(packed.series)
        if table is None:
            while len(_values) >= KEPT_SERIES:
                _values.pop(next(iter(_values)))
            table = _values[packed.series] = {}
        table.update(enumerate(values, packed.first))


def unpack(packed: Packed) -> Extracted:
    """The page with its shared links and blocks; KeyError if a number was never taken in."""
    table = _values[packed.series]
    return replace(packed.page, links=[table[n] for n in packed.links], blocks=[table[n] for n in packed.blocks])


def _pool() -> ProcessPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_orphan_watch, initargs=(os.getpid(),))
    return _POOL


def shutdown(pool: ProcessPoolExecutor | None = None) -> None:
    """Stop the workers (the crawl calls this when it ends; a later crawl in the process starts others).
    With ``pool``, only if that pool is still the current one: the pages of a broken pool each report it, and
    a late report must not stop the fresh pool that took over."""
    global _POOL
    if _POOL is not None and (pool is None or pool is _POOL):
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


async def extract(url: str, body: bytes, content_type: str = "", cls=None, inline: bool = False) -> Extracted:
    """The page's text, links and headings from its bytes, ``Content-Type`` and Scrapy response class (which
    decide its charset); ``inline`` (or no worker configured) decodes and parses in this thread."""
    if inline or workers() == 0:
        return read_page(url, body, content_type, cls)
    pool = _pool()
    future = None
    try:
        future = pool.submit(extract_packed, url, body, content_type, cls)
        future.add_done_callback(_take_in)  # before asyncio's own callback: the values are in before we look
        packed = await asyncio.wait_for(asyncio.wrap_future(future), PARSE_TIMEOUT)
        return unpack(packed)
    except BrokenProcessPool as exc:
        shutdown(pool)
        raise ParserCrashed(f"ตัวแยก HTML หยุดทำงานขณะอ่านหน้านี้ (the HTML parser crashed on this page): {url}") from exc
    except TimeoutError as exc:  # a page the worker never finishes must not hold the crawl for ever
        shutdown(pool)
        raise ParserCrashed(f"ตัวแยก HTML อ่านหน้านี้ไม่จบใน {PARSE_TIMEOUT:.0f} วินาที "
                            f"(the HTML parser did not finish this page): {url}") from exc
    except asyncio.CancelledError:
        if future is None or not future.cancelled():
            raise  # the crawl itself is stopping
        # the page was still queued when its pool was stopped for another page's crash or timeout
        raise ParserCrashed(f"ตัวแยก HTML ถูกเริ่มใหม่ก่อนอ่านหน้านี้ (the HTML parser restarted before this page "
                            f"was read): {url}") from None
    except KeyError as exc:  # a number whose value never came back (cannot happen while results keep order)
        raise ParserCrashed(f"ตัวแยก HTML ส่งผลหน้านี้กลับมาไม่ครบ (the HTML parser's answer for this page was "
                            f"incomplete): {url}") from exc
