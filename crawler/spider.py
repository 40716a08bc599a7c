"""The agency-site spider: fetch pages and documents in scope, record each, follow links once.

A spider-side seen-set decides before a Request is built (7× faster than leaving it to the dupe filter on
menu-heavy sites). One random path is probed first so matching can recognise the CMS's 'not found' page
that answers 200 (soft-404).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import TextResponse

from crawler.documents import document_text, sniff_kind
from crawler.faults import CircuitOpen, classify
from crawler.guard import PrivateAddressGuard
from crawler.parsing import ParserCrashed, extract
from crawler.records import RecordWriter
from crawler.urls import Scope, host_twins, strip_credentials
from model.failures import Failure, failure_for_status
from model.files import write_bytes
from model.records import Link, PageRecord
from model.urls import canonical

_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # a document whatever its declared type

Progress = Callable[[dict], None]


MAX_SCAN_BYTES = 40 * 1024 * 1024


def keep_scan(folder: Path, sha256: str, kind: str, body: bytes) -> Path:
    """A scanned document's bytes under a name made of its hash alone (never of its URL)."""
    path = folder / f"{sha256}.{kind if kind.isalnum() else 'bin'}"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(path, body)
    return path


class AgencySpider(scrapy.Spider):
    name = "agency"

    def __init__(self, start_url: str, writer: RecordWriter, guard: PrivateAddressGuard,
                 on_record: Callable[[PageRecord], None] | None = None, on_progress: Progress | None = None,
                 prioritize: Callable[[str, str], int] | None = None, done: set[str] | None = None,
                 frontier: list[tuple[str, str, int]] | None = None, scan_dir: Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self.start_url = start_url
        self.scan_dir = scan_dir  # scanned documents are kept here, by content hash, for OCR when an item needs them
        self.writer = writer
        self.guard = guard
        self.scope = Scope(start_url)
        self.on_record = on_record or (lambda record: None)
        self.on_progress = on_progress or (lambda counts: None)
        self.prioritize = prioritize or (lambda text, url: 0)
        self.done = done or set()
        self.seen: set[str] = set(self.done)
        self.frontier = frontier or []
        self.counts = {"pages": 0, "documents": 0, "errors": 0, "traps": 0, "blocked": 0, "dropped": 0}
        self.trap_samples: list[tuple[str, str]] = []
        self._last_progress = 0.0

    @property
    def parse_inline(self) -> bool:
        """Parse pages in the reactor's thread (the ``PARSE_INLINE`` setting) rather than in the parser worker."""
        return self.settings.getbool("PARSE_INLINE", False)

    async def start(self):
        url = canonical(self.start_url)
        self.seen.add(url)
        if url not in self.done:
            yield self._request(url, 100, link_text="", start=True)
        for link_url, text, depth in self.frontier:
            if link_url not in self.seen and self.scope.in_scope(link_url) and not self.scope.trap_reason(link_url):
                self.seen.add(link_url)
                yield self._request(link_url, self.prioritize(text, link_url) - depth, link_text=text, depth=depth)
        # Beside the start page, where the CMS (not the web server) decides what 'not found' looks like.
        yield self._request(urljoin(url, f"ita-check-{secrets.token_hex(6)}-notfound"), 90, probe=True)

    def _request(self, url: str, priority: int, **meta) -> scrapy.Request:
        # The spider's own seen-set dedupes; leaving the dupe filter out lets a redirect loop run into
        # REDIRECT_MAX_TIMES and be recorded, instead of vanishing as a 'duplicate'.
        return scrapy.Request(url, callback=self.parse, errback=self.failed, priority=priority, dont_filter=True,
                              meta=meta)

    # -- recording -------------------------------------------------------------------------------------------
    def _emit(self, record: PageRecord, packed_json: bytes = b"") -> None:
        self.writer.write(record, packed_json)
        key = "errors" if record.kind == "error" or record.status >= 400 else (
            "documents" if record.kind == "document" else "pages")
        if record.kind != "probe":
            self.counts[key] += 1
        self.on_record(record)
        now = time.monotonic()
        if now - self._last_progress > 1.0:
            self._last_progress = now
            self.on_progress(dict(self.counts))

    def _base(self, response, kind: str) -> PageRecord:
        redirects = response.meta.get("redirect_urls") or []
        return PageRecord(
            url=redirects[0] if redirects else response.request.url,
            final_url=response.url,
            status=response.status,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1"),
            kind=kind,
            depth=response.meta.get("depth", 0),
            referer=(response.request.headers.get("Referer") or b"").decode("latin-1"),
            size=len(response.body),
            failure=failure_for_status(response.status) or "",
        )

    # -- callbacks -------------------------------------------------------------------------------------------
    async def parse(self, response):
        probe = response.meta.get("probe", False)
        if response.meta.get("start") and response.url != response.request.url:
            self.scope.hosts |= host_twins(urlsplit(response.url).hostname or "")  # the agency moved host
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if "html" in content_type:  # a PDF served as text/html is still a PDF
            doc_kind = sniff_kind(response.body[:16], "", response.url) if response.body.startswith(_MAGIC) else None
        else:
            doc_kind = sniff_kind(response.body[:16], content_type, response.url)
        if doc_kind and not probe:
            self._document(response, doc_kind)
            return
        record = self._base(response, "probe" if probe else "page")
        packed_json = b""
        if isinstance(response, TextResponse):
            if response.status < 400 or probe:
                try:  # decoded and parsed on another core, unless inline
                    extracted = await extract(response.url, response.body, content_type, type(response),
                                              inline=self.parse_inline)
                except ParserCrashed as exc:
                    record.error, record.failure = str(exc), Failure.CORRUPT
                    self._emit(record)
                    return
                record.encoding = extracted.encoding
                record.title, record.headings = extracted.title, extracted.headings
                record.blocks = extracted.blocks
                record.links = extracted.links
                if any("@" in link.url for link in record.links):
                    record.links = [Link(strip_credentials(link.url), link.text, link.source, link.context)
                                    if "@" in link.url else link for link in record.links]
                    extracted.packed_json = b""  # encoded with the credentials: encode the cleaned links again
                record.images, record.forms, record.tables = extracted.images, extracted.forms, extracted.tables
                packed_json = extracted.packed_json
            else:
                record.encoding = response.encoding
        self._emit(record, packed_json)
        if probe or response.status >= 400 or not self.scope.in_scope(response.url):
            return
        for request in self._follow(record):
            yield request

    def _document(self, response, kind: str):
        record = self._base(response, "document")
        if response.status < 400:
            doc = document_text(response.body, kind)
            record.text, record.doc_pages, record.scanned, record.error = doc.text, doc.pages, doc.scanned, doc.error
            record.failure = doc.failure or (Failure.CORRUPT if doc.error and "ยังไม่รองรับ" not in doc.error else "")
            record.sha256 = hashlib.sha256(response.body).hexdigest()
            record.title = response.meta.get("link_text", "")
            record.scanned_pages = list(doc.scanned_pages)
            if doc.scanned_pages and self.scan_dir is not None and len(response.body) <= MAX_SCAN_BYTES:
                keep_scan(self.scan_dir, record.sha256, kind, response.body)
        self._emit(record)

    def _follow(self, record: PageRecord):
        depth = record.depth
        for link in record.links:
            url = canonical(link.url)
            if url in self.seen:
                continue
            self.seen.add(url)
            if not self.scope.in_scope(url):
                continue
            reason = self.scope.trap_reason(url)
            if reason:
                self.counts["traps"] += 1
                if len(self.trap_samples) < 20:
                    self.trap_samples.append((url, reason))
                continue
            yield self._request(url, self.prioritize(link.text, url) - depth, link_text=link.text)

    def failed(self, failure):
        """Every failed fetch is recorded with its failure class and a message; nothing is dropped silently."""
        request = failure.request
        if isinstance(failure.value, CircuitOpen):
            self.counts["dropped"] += 1  # not fetched: a resumed audit tries it again
            return
        response = getattr(failure.value, "response", None)
        first_url = (request.meta.get("redirect_urls") or [request.url])[0]
        host = (urlsplit(request.url).hostname or "").lower()
        kind, message = classify(failure.value, host, self.guard.refusals if self.guard is not None else None)
        if kind == Failure.REDIRECT_LOOP:
            message = f"เปลี่ยนเส้นทางวนซ้ำหรือมากเกินไป (redirect loop): {first_url} → {request.url}"
        elif kind == Failure.ROBOTS:
            message = f"robots.txt ไม่อนุญาต (forbidden by robots.txt): {request.url}"
        elif kind == Failure.PRIVATE_ADDRESS:
            self.counts["blocked"] += 1
        record = PageRecord(
            url=first_url, final_url=request.url, status=response.status if response is not None else 0,
            kind="probe" if request.meta.get("probe") else "error", depth=request.meta.get("depth", 0),
            referer=(request.headers.get("Referer") or b"").decode("latin-1"), error=message,
            title=request.meta.get("link_text", ""), failure=str(kind),
        )
        self._emit(record)

    def closed(self, reason: str) -> None:
        self.close_reason = reason
        self.on_progress(dict(self.counts))
