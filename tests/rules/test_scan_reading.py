"""Which scans the audit has OCR read after its first matching pass (ita_check.scans.ScanReader.needed)."""

from __future__ import annotations

from pathlib import Path

from ita_check.scans import MAX_UNCLAIMED, ScanReader
from model.records import PageRecord
from model.verdicts import ItemVerdict, Status
from rules.loader import resolve_rules
from rules.patterns import CompiledRules

COMPILED = CompiledRules(resolve_rules(2569))
BASE = "http://nongbua.go.th"


def scan(name: str, sha: str) -> PageRecord:
    return PageRecord(f"{BASE}/upload/file/{name}.pdf", f"{BASE}/upload/file/{name}.pdf", 200, "application/pdf",
                      "document", "ดาวน์โหลด", [], "", doc_pages=1, scanned=True, scanned_pages=[1], sha256=sha)


class Recording(ScanReader):
    """Records what would be read instead of reading it."""

    def __init__(self):
        super().__init__(Path("/nonexistent"), COMPILED)
        self.read: list[tuple[str, bool]] = []

    def submit(self, record, codes):
        if record.sha256 not in self.futures:
            self.futures[record.sha256] = None
            self.read.append((record.url, self._needs_full(codes)))


def verdicts(found: bool) -> list[ItemVerdict]:
    """Every item of 2569 present but O25, which no candidate points at unless ``found``."""
    out = []
    for item in COMPILED.rules.oit.items:
        present = item.code != "O25" or found
        out.append(ItemVerdict.model_construct(code=item.code, status=Status.PRESENT if present else Status.ABSENT,
                                               candidates=[]))
    return out


def test_scans_nothing_names_are_read_in_full_while_an_item_is_not_found():
    # 'ITA Result Analysis & Improvement' over a 'ดาวน์โหลด' link: only the scan's printed title can say which item
    records = {r.url: r for r in (scan("39060", "e" * 64), scan("39061", "f" * 64))}
    reader = Recording()
    reader.needed(verdicts(found=False), records)
    assert sorted(reader.read) == [(f"{BASE}/upload/file/39060.pdf", True), (f"{BASE}/upload/file/39061.pdf", True)]


def test_no_scan_is_read_for_nothing_when_every_item_is_found():
    reader = Recording()
    reader.needed(verdicts(found=True), {r.url: r for r in (scan("39060", "e" * 64),)})
    assert reader.read == []


def test_a_site_of_scans_has_only_a_few_read_for_no_item():
    records = {r.url: r for r in (scan(f"{n:05d}", f"{n:064x}") for n in range(3 * MAX_UNCLAIMED))}
    reader = Recording()
    reader.needed(verdicts(found=False), records)
    assert len(reader.read) == MAX_UNCLAIMED
