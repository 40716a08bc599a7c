"""What the crawl hands to matching: one record per URL fetched, appended to a JSONL file.

Appending one line per record is what makes an interrupted audit lose nothing: a resumed crawl reads the
file back, and matching reads the same file whether the crawl finished or not.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Link:
    url: str
    text: str
    source: str = "a"  # a, area, frame, refresh, script
    context: str = ""  # the table row around the link: an ITA index row "O5 | แผนยุทธศาสตร์ | [คลิก]"


@dataclass(slots=True)
class PageRecord:
    url: str
    final_url: str
    status: int
    content_type: str = ""
    kind: str = "page"  # page, document, probe, error
    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""  # a document's text (pages keep main_text; their menus are in links)
    main_text: str = ""  # a page's visible text outside menus, headers and footers
    links: list[Link] = field(default_factory=list)
    images: int = 0  # content images (outside menus and banners)
    forms: int = 0
    tables: int = 0
    depth: int = 0
    referer: str = ""
    encoding: str = ""
    doc_pages: int = 0
    scanned: bool = False  # a document with pages but no text layer (needs OCR)
    error: str = ""
    size: int = 0

    def to_json(self) -> str:
        data = {name: getattr(self, name) for name in _RECORD_FIELDS}
        data["links"] = [[link.url, link.text, link.source, link.context] for link in self.links]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict) -> PageRecord:
        data = dict(data)
        # Interned: the mega-menu's URLs and texts repeat on every page and are stored once.
        data["links"] = [Link(*map(sys.intern, link)) if isinstance(link, list) else Link(**link)
                         for link in data.get("links", [])]
        return cls(**{k: v for k, v in data.items() if k in _RECORD_FIELDS or k == "links"})

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and not self.error


_RECORD_FIELDS = tuple(f for f in PageRecord.__dataclass_fields__ if f != "links")


def read_records(path: Path) -> Iterator[PageRecord]:
    """Records in file order; a torn last line (the process was killed mid-write) is skipped."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as fh:  # a torn last line may end mid-character
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                yield PageRecord.from_dict(json.loads(line))
            except (ValueError, TypeError):
                continue


class RecordWriter:
    """Append-only JSONL writer, flushed often enough that a crash loses at most a few records."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        torn = False
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as fh:
                fh.seek(-1, 2)
                torn = fh.read(1) != b"\n"
        self._fh = path.open("a", encoding="utf-8")
        if torn:  # the last run was killed mid-line: start on a fresh line so the next record stays whole
            self._fh.write("\n")
        self._pending = 0

    def write(self, record: PageRecord) -> None:
        self._fh.write(record.to_json() + "\n")
        self._pending += 1
        if self._pending >= 20:
            self._fh.flush()
            self._pending = 0

    def close(self) -> None:
        self._fh.flush()
        self._fh.close()
