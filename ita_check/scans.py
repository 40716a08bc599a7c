"""OCR of the scanned documents an item's verdict depends on, beside the crawl, cached in the audit folder.

A scan is read only when an item needs it: it is a candidate for an item and its link text or listing does
not settle the checks. Documents named by an item's link are submitted while the crawl goes on (worker
processes, so the crawl keeps its core); the rest are found by a first matching pass, whose unreadable
candidates are then read. The year check needs only the title, the year and the signature date, so those
documents are read in Tesseract's quick mode; items with required elements get the full pages. Results are
cached by content hash in DIR/ocr, so a re-run or a batch never reads the same scan twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

from crawler.ocr import OcrConfig, OcrPool, check_engine
from model.records import PageRecord
from model.scans import OcrResult
from model.verdicts import ItemVerdict, Reason
from rules.patterns import CompiledRules
from rules.thai import short_key

WAIT_SECONDS = 600  # at most, for the scans still being read once the crawl is over
MAX_UNCLAIMED = 12  # scans no candidate points at, read per audit when an item is still not found
OCR_WORKERS = 2  # worker processes for the whole process: a batch's sites share them
_POOL: OcrPool | None = None


def shared_pool() -> OcrPool:
    """One pool of OCR processes per process, however many audits run in it (a batch runs dozens)."""
    global _POOL
    if _POOL is None:
        _POOL = OcrPool(OcrConfig(), workers=OCR_WORKERS)
    return _POOL


class ScanReader:
    def __init__(self, folder: Path, compiled: CompiledRules, enabled: bool = True):
        self.files = folder / "crawl" / "scans"
        self.compiled = compiled
        self.enabled = enabled
        full = OcrConfig(cache_dir=folder / "ocr")
        self.configs = {False: full, True: replace(full, quick=True)}
        self.checked = False
        self.futures: dict[str, Future] = {}
        self.records: dict[str, PageRecord] = {}
        self.unavailable = ""

    def _needs_full(self, codes: Iterable[str]) -> bool:
        return any(self.compiled.elements.get(code) for code in codes)

    def _path(self, record: PageRecord) -> Path | None:
        return next(self.files.glob(f"{record.sha256}.*"), None) if self.files.is_dir() else None

    def submit(self, record: PageRecord, codes: Iterable[str]) -> None:
        """Read this scan (once), quick when only its year is needed."""
        if not self.enabled or not record.scanned_pages or not record.sha256 or record.sha256 in self.futures:
            return
        path = self._path(record)
        if path is None:
            return
        if not self.checked:
            self.checked = True
            ok, message = check_engine(self.configs[False])
            if not ok:
                self.unavailable, self.enabled = message, False
                return
        config = self.configs[not self._needs_full(codes)]
        kind = path.suffix.lstrip(".")
        self.futures[record.sha256] = shared_pool().submit(path, None if kind == "image" else kind,
                                                           record.scanned_pages or None, config)
        self.records[record.sha256] = record

    def on_record(self, record: PageRecord) -> None:
        """During the crawl: a scan whose link names an item is likely to be needed; start reading it."""
        if record.kind == "document" and record.scanned_pages and record.ok:
            codes = self.compiled.named_as_written(short_key(record.title)) if record.title else frozenset()
            if codes:
                self.submit(record, codes)

    def needed(self, items: list[ItemVerdict], records: dict[str, PageRecord]) -> None:
        """After a first matching pass: every scan an undecided item's check could not read, then a few scans
        no item points at, while some item is still not found."""
        for item in items:
            for candidate in item.candidates:
                if candidate.reason in (Reason.UNREADABLE_DOCUMENT, Reason.OCR_UNCERTAIN):
                    record = records.get(candidate.detail.get("url", candidate.url))
                    if record is not None:
                        self.submit(record, [item.code])
        if any(not item.present and not item.candidates for item in items):
            self._unclaimed(records)

    def _unclaimed(self, records: dict[str, PageRecord]) -> None:
        """Scans nothing names yet, read in full (a few per audit): behind a page worded as no pattern knows
        (an English heading, a 'ดาวน์โหลด' link), only the scan's printed title says which item it is, as a text
        PDF's opening does. All of an item's elements may be asked of it, hence the full reading."""
        unread = sorted({r.sha256: r for r in records.values() if r.kind == "document" and r.ok and r.scanned_pages
                         and r.sha256 and r.sha256 not in self.futures}.values(), key=lambda r: r.url)
        for record in unread[:MAX_UNCLAIMED]:
            self.submit(record, self.compiled.items)  # read in full when any item has elements

    def results(self) -> dict[str, OcrResult]:
        out = {}
        for sha, future in self.futures.items():
            try:
                result = future.result(timeout=WAIT_SECONDS)
            except Exception as exc:  # a timed-out read is no reading, not a crash
                result = OcrResult(sha, "error", error=f"OCR ไม่เสร็จ (OCR did not finish): {type(exc).__name__}")
            if result.status == "unavailable":
                self.unavailable = self.unavailable or result.error
            out[sha] = result
        return out

    def close(self) -> None:
        """Stop waiting for this audit's readings (the shared pool goes on for the process's other audits)."""
        for future in self.futures.values():
            future.cancel()
