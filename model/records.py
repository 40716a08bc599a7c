"""What the crawl hands to matching: one record per URL fetched.

A page keeps its visible text as *blocks* (paragraphs, cells, list entries, headings, in document order)
rather than one string, so matching can learn which blocks are the site's template (menus, header,
footer, sidebars repeated on every page) and keep them out of the content checks.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Link:
    """A link as the page shows it. Frozen: one object stands for the same menu entry on every page."""

    url: str
    text: str
    source: str = "a"  # a, area, frame, refresh, script
    context: str = ""  # the table row around the link: an ITA index row "O5 | แผนยุทธศาสตร์ | [คลิก]"


_LINKS: dict[tuple[str, str, str, str], Link] = {}
MAX_SHARED_LINKS = 300_000


def shared_link(url: str, text: str, source: str = "a", context: str = "") -> Link:
    """One Link object for each (target, text) however many pages carry it: a mega-menu of 250 entries on
    2,000 pages is 250 objects, not 500,000, whether the records come from the crawl or from records.jsonl."""
    key = (url, text, source, context)
    link = _LINKS.get(key)
    if link is None:
        if len(_LINKS) >= MAX_SHARED_LINKS:
            _LINKS.clear()
        link = _LINKS[key] = Link(sys.intern(url), sys.intern(text), source, context)
    return link


@dataclass(slots=True)
class PageRecord:
    url: str
    final_url: str
    status: int
    content_type: str = ""
    kind: str = "page"  # page, document, probe, error
    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""  # a document's text (a page's text is in ``blocks``)
    blocks: list[str] = field(default_factory=list)  # a page's visible text blocks outside obvious chrome
    links: list[Link] = field(default_factory=list)
    images: int = 0  # content images (outside menus and banners)
    forms: int = 0
    tables: int = 0
    depth: int = 0
    referer: str = ""
    encoding: str = ""
    doc_pages: int = 0
    scanned: bool = False  # a document with pages but no readable text layer (needs OCR)
    scanned_pages: list[int] = field(default_factory=list)  # 1-based pages that are pictures (OCR reads these)
    error: str = ""
    failure: str = ""  # a model.failures.Failure value when the fetch or the reading failed
    size: int = 0
    sha256: str = ""  # of a document's body: the key of the OCR cache and of evidence history

    @property
    def main_text(self) -> str:
        """The page's text outside obvious chrome, blocks joined (template blocks are removed later)."""
        return " ".join(self.blocks)

    def line_head(self) -> bytes:
        """The start of this record's line: its JSON object, open, with the fields parsing does not give."""
        return to_json({name: getattr(self, name) for name in _RECORD_FIELDS if name not in PAGE_FIELDS})[:-1]

    def to_line(self, page_json: bytes = b"") -> bytes:
        """One line of records.jsonl, newline included, as the UTF-8 bytes written. ``page_json`` is
        :func:`page_fields_json` of this page encoded where it was parsed (the parser's process), so the crawl's
        reactor does not encode a 250-link menu on every page."""
        if not page_json:
            page_json = page_fields_json(self.title, self.headings, self.blocks, self.links, self.images, self.forms,
                                         self.tables)
        return record_line(self.line_head(), page_json)

    @classmethod
    def from_dict(cls, data: dict) -> PageRecord:
        data = dict(data)
        # Interned: the mega-menu's URLs, texts and blocks repeat on every page and are stored once.
        data["links"] = [shared_link(*link) if isinstance(link, list) else shared_link(**link)
                         for link in data.get("links", [])]
        if "blocks" in data:
            data["blocks"] = [sys.intern(b) for b in data["blocks"]]
        return cls(**{k: v for k, v in data.items() if k in _RECORD_FIELDS or k == "links"})

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300 and not self.error


_RECORD_FIELDS = tuple(f for f in PageRecord.__dataclass_fields__ if f != "links")
PAGE_FIELDS = frozenset({"title", "headings", "blocks", "images", "forms", "tables"})  # and links: what parsing gives


def record_line(head: bytes, page_json: bytes) -> bytes:
    """A records.jsonl line from :meth:`PageRecord.line_head` and the page's fields (:func:`page_fields_json`)."""
    return b"".join((head, b",", page_json, b"}\n"))


def to_json(value) -> bytes:
    """A value as record lines write it (UTF-8, compact, Thai unescaped)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def page_fields_json(title: str, headings: list[str], blocks: list[str], links, images: int, forms: int,
                     tables: int) -> bytes:
    """The members (no braces) of a record's JSON object that come from parsing the page."""
    return page_fields_from(title, headings, to_json(blocks),
                            to_json([[link.url, link.text, link.source, link.context] for link in links]),
                            images, forms, tables)


def page_fields_from(title: str, headings: list[str], blocks_json: bytes, links_json: bytes, images: int,
                     forms: int, tables: int) -> bytes:
    """:func:`page_fields_json` from the blocks' and links' JSON arrays made elsewhere: the parser's process
    joins each menu entry's JSON, encoded once, instead of encoding the whole menu again on every page."""
    head = to_json({"title": title, "headings": headings})[1:-1]
    return b"".join((head, b',"blocks":', blocks_json, b',"images":%d,"forms":%d,"tables":%d,"links":' % (
        images, forms, tables), links_json))
