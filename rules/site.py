"""The crawl arranged for matching: records by URL, the site's template learnt from its own pages, and each
page's own text normalised once.

Agency sites have no ``<main>``: the menu (often 100+ entries), the header, the footer and the sidebars
are repeated on every page, so read naïvely every page "mentions" every item and shows the footer's year
and phone number. Like template detection across pages (the idea behind boilerplate removal in
trafilatura/jusText, applied site-wide), a block of text that recurs on a large share of the pages is the
site's furniture, and so is the text of a link that recurs on several pages. Furniture still leads to
candidates — assessors navigate by the menu — but it never confirms a page's name, year or elements.
The home page is a portal of boxes: it is never an item's own page (only its external links count).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from model.records import PageRecord
from model.scans import OcrResult
from model.urls import canonical
from rules.ocr_text import repair_ocr
from rules.thai import loosen, short_key, strict_key
from rules.years import covered_years, without_publication_dates

FURNITURE_MIN_PAGES = 3  # a block on fewer pages than this is never furniture
FURNITURE_SHARE = 0.25  # a block on this share of the pages is the site's template
LINK_FURNITURE_MIN_PAGES = 3  # a link (same target, same text) on this many pages is a menu or sidebar entry
MIN_DEAD_TEXT = 4  # shorter link texts are not removed from a page's text when their target is dead
SUBSTANTIAL = 150  # letters of own body (headings and link texts aside) that make a page content, not a pointer
HEADING_BLOCK = 150  # a first block this short that names something is the page's heading
DOCUMENT_TITLE = 160  # letters of a document's first lines read as its title
TITLE_LINES = 2
TITLE_TAIL = 30  # a second line this short finishes the title ('เนินงาน ประจำปี 2569')
_HEADING = "\x00h:"  # a heading counted among the blocks: the same words as a block are not the same thing
_TITLE_SPLIT = re.compile(r"\s+[|:–—»\-]+\s+|\s*[|»]\s*|\s*::\s*")
# a table of contents in a strict key: three or more chapter titles in a row ('บทที่1บทนำบทที่2…บทที่4ขั้นตอน…')
_CHAPTER = re.compile(r"บทที่\d{1,2}")
CONTENTS_GAP = 60  # a chapter title this short before the next 'บทที่' is a contents line, not a chapter
RUNNING_TITLE = 10  # a document title this long, repeated atop later pages, is a running header
_DASHES = str.maketrans("–—", "--")
# a line that opens with a short label and a colon: a field of the body ('กิจกรรม: …', 'Participants: …')
# (not an item's code, an ITA label or a label that introduces the title itself: 'O25: …', 'หัวข้อ: …')
_FIELD_LINE = re.compile(r"(?!(o\.?\s?\d|ita|oit|หัวข้อ|ชื่อ|เรื่อง|title|subject|name))[^\s:：]{1,25}\s*[:：]",
                         re.IGNORECASE)
# an internal memo's header before its subject ('บันทึกข้อความ ส่วนราชการ อบต.… ที่ … วันที่ … เรื่อง …'): the title
# is the subject, and patterns anchored on a title's first words must see it first
_MEMO_HEAD = re.compile(r"^บันทึกข้อความ.{0,80}?เรื่อง")
_RUNNING_PAGE = re.compile(r"[(\[-]?(หน้า|page)?\d{1,3}[)\]]?|")  # what follows it there: '(หน้า 2)', '- 3', nothing


@lru_cache(maxsize=8192)
def title_segments(title: str) -> tuple[str, ...]:
    """'ติดต่อเรา | องค์การบริหารส่วนตำบลบางพระ' → its parts; one of them is usually the site's name.
    Cached: learning the template and naming each page both split every title."""
    return tuple(part.strip() for part in _TITLE_SPLIT.split(title) if part.strip())


TEMPLATE_SHARE = 0.6  # as many pictures (or tables) as this share of the pages show are the template's


def _template_count(pages: list[PageRecord], feature: str) -> int:
    """How many pictures or tables the template puts on every page: an emblem and a banner, or the layout
    tables of a PHP site built of ``<table>``s, whose every page would otherwise 'show a table'."""
    if len(pages) < FURNITURE_MIN_PAGES:
        return 0
    counts = sorted((getattr(r, feature) for r in pages), reverse=True)
    return counts[math.ceil(TEMPLATE_SHARE * len(counts)) - 1]


@dataclass
class Furniture:
    """What the site repeats: template blocks, and links repeated across pages."""

    blocks: frozenset[str] = frozenset()
    links: frozenset[tuple[str, str]] = frozenset()  # (target as linked, text)
    link_texts: frozenset[str] = frozenset()
    title_parts: frozenset[str] = frozenset()  # parts of titles on many pages: the site's own name
    pages: int = 0
    images: int = 0  # pictures most pages show (an emblem, a banner): the template's, not a page's own
    tables: int = 0  # tables most pages have (a layout of tables): the template's, not a page's own
    # blocks and link texts in one set: own_blocks asks of every block of every page (600,000 times on a
    # 2,000-page site)
    texts: frozenset[str] = field(init=False, repr=False)
    # ... and the template's headings with them, as the page wrote them: own_headings asks of each of a page's
    # headings (60,000 on that site) with one lookup of a string whose hash is already known
    heading_texts: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.texts = self.blocks | self.link_texts
        self.heading_texts = self.texts | {b[len(_HEADING):] for b in self.blocks if b.startswith(_HEADING)}

    @classmethod
    def learn(cls, pages: list[PageRecord]) -> Furniture:
        block_pages: Counter[str] = Counter()
        link_pages: Counter[tuple[str, str]] = Counter()
        part_pages: Counter[str] = Counter()
        for record in pages:
            block_pages.update(set(record.blocks))
            block_pages.update({"\x00title:" + record.title, *(_HEADING + h for h in record.headings)})
            link_pages.update({(link.url, link.text) for link in record.links if link.text})
            part_pages.update(set(title_segments(record.title)))
        threshold = max(FURNITURE_MIN_PAGES, math.ceil(FURNITURE_SHARE * len(pages)))
        blocks = frozenset(b for b, n in block_pages.items() if n >= threshold)
        links = frozenset(k for k, n in link_pages.items() if n >= LINK_FURNITURE_MIN_PAGES)
        parts = frozenset(p for p, n in part_pages.items() if n >= threshold)
        return cls(blocks, links, frozenset(" ".join(text.split()) for _, text in links), parts, len(pages),
                   _template_count(pages, "images"), _template_count(pages, "tables"))

    def own(self, record: PageRecord, feature: str) -> int:
        """The page's pictures or tables (``feature``: "images", "tables") beyond the template's: an executives
        page whose only picture is the school's emblem shows no photo, and a page of a site laid out in tables
        holds no table of its own."""
        return max(0, getattr(record, feature) - getattr(self, feature))

    def is_title(self, title: str) -> bool:
        return "\x00title:" + title in self.blocks


def _running_header(line: str, title: str) -> bool:
    """A line that is only the title again, with a page number at most: a running header."""
    return line.startswith(title) and _RUNNING_PAGE.fullmatch(line[len(title):]) is not None


def without_contents(key: str) -> str:
    """A document's key less its table of contents: a chapter list naming 'ขั้นตอนการปฏิบัติงาน' promises the
    steps, it does not give them. Real chapters keep their text, since a chapter's body runs far past the gap."""
    starts = [m.start() for m in _CHAPTER.finditer(key)]
    if len(starts) < 3:
        return key
    out, n, cut_from = [], 0, 0
    while n < len(starts):
        run = n
        while run + 1 < len(starts) and starts[run + 1] - starts[run] <= CONTENTS_GAP:
            run += 1
        last = starts[run]  # the last title ends at the appendix, or a gap's length on
        appendix = key.find("ภาคผนวก", last, last + CONTENTS_GAP + len("ภาคผนวก"))
        end = appendix if appendix > last else min(last + CONTENTS_GAP, len(key))
        if run - n >= 2 and _is_contents(key[starts[n]:end], key[:starts[n]]):
            out.append(key[cut_from:starts[n]])
            cut_from = end
        n = run + 1
    out.append(key[cut_from:])
    return "".join(out)


def _is_contents(run: str, before: str) -> bool:
    """Three or more chapter titles in a row are a contents list when headed 'สารบัญ', or when they are bare
    titles: a short chapter that gives its content ('บทที่ 1 ช่องทาง: โทร 0-4377-…') has a colon or figures
    beyond its own number."""
    if "สารบัญ" in before[-20:]:
        return True
    return not re.search(r"[:：]|\d", _CHAPTER.sub("", run))


@dataclass
class PageText:
    """One record's own text, computed once however many items consider it."""

    record: PageRecord
    site: Site

    @cached_property
    def scan(self) -> OcrResult | None:
        """What OCR read from this scanned document, when it was read."""
        record = self.record
        result = self.site.scans.get(record.sha256) if record.kind == "document" and record.sha256 else None
        return result if result is not None and result.ok and result.text.strip() else None

    @cached_property
    def scan_text(self) -> str:
        return repair_ocr(self.scan.text) if self.scan is not None else ""

    @cached_property
    def scan_confidence(self) -> float:
        """Mean word confidence (0–100) over the pages OCR read."""
        values = [page.confidence for page in self.scan.pages if page.confidence >= 0] if self.scan else []
        return sum(values) / len(values) if values else 0.0

    @cached_property
    def own_blocks(self) -> list[str]:
        template = self.site.furniture.texts
        return [b for b in self.record.blocks if b not in template]

    @cached_property
    def own_key(self) -> str:
        return strict_key(" ".join(self.own_blocks))

    @cached_property
    def own_title(self) -> str:
        """The title without the site's name ('ติดต่อเรา | อบต.บางพระ' → 'ติดต่อเรา'); empty when it is only that."""
        title = self.record.title
        if not title or self.site.furniture.is_title(title):
            return ""
        parts = [p for p in title_segments(title) if p not in self.site.furniture.title_parts]
        return " - ".join(parts)

    @cached_property
    def own_headings(self) -> list[str]:
        template = self.site.furniture.heading_texts
        return [h for h in self.record.headings if h not in template]

    @cached_property
    def head_key(self) -> str:
        """The page's own name: its title (when it is not the site's) and first own heading."""
        return short_key(" ".join([self.own_title, *self.own_headings[:1]]))

    @cached_property
    def head_keys(self) -> list[str]:
        """Each way the page names itself, apart: its own title, first heading, and a short first block
        (table-layout pages have no <h1>). Patterns anchored on a whole name ('^ติดต่อเรา$') need them apart."""
        texts = [self.own_title, *self.own_headings[:1]]
        if self.own_blocks and len(self.own_blocks[0]) <= HEADING_BLOCK:
            texts.append(self.own_blocks[0])
        return [k for k in dict.fromkeys(short_key(t) for t in texts if t) if k]

    @cached_property
    def link_texts(self) -> frozenset[str]:
        return frozenset(" ".join(link.text.split()) for link in self.entry_links)

    @cached_property
    def body_blocks(self) -> list[str]:
        """Own blocks that are neither headings (the title's words, an <h*>, the first short block) nor just a
        link's text: what the page itself says."""
        title = short_key(self.own_title)
        headings = set(self.own_headings)
        out = []
        for n, block in enumerate(self.own_blocks):
            if block in headings or block in self.link_texts or (n == 0 and len(block) <= HEADING_BLOCK and (
                    not title or short_key(block) in title or title in short_key(block))):
                continue
            out.append(block)
        return out

    @cached_property
    def element_key(self) -> str:
        """What required elements are looked for in: the page's own blocks, link texts included, but not its
        title or headings (a page titled 'อำนาจหน้าที่' does not thereby describe its duties), nor dead links."""
        if self.record.kind == "document":  # its body, below the title line(s) that only name it
            text = self.record.text if self.record.text.strip() else self.scan_text
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            # the title is the first line, and the second when it only ends the first (a wrapped year)
            skip = 2 if len(lines) > 2 and len(lines[1]) <= TITLE_TAIL else 1
            body = lines[skip:] if len(lines) > skip else lines
            title = strict_key(lines[0]) if lines else ""
            if len(title) >= RUNNING_TITLE:  # the title again atop each page ('… (หน้า 2)') is no content either
                body = [line for line in body if not _running_header(strict_key(line), title)] or body
            return without_contents(strict_key(" ".join(body)))
        headings = set(self.own_headings) | self.document_link_texts
        title = short_key(self.own_title)
        blocks = [b for n, b in enumerate(self.own_blocks) if b not in headings and not (
            n == 0 and title and self._repeats_title(short_key(b), title))]
        key = strict_key(" ".join(blocks))
        for dead in self.site.dead_link_keys(self.record):
            key = key.replace(dead, "")
        return key

    @staticmethod
    def _repeats_title(block: str, title: str) -> bool:
        """A first block that only restates the title ('อำนาจหน้าที่ของ อบต.…'), not one that goes on to give
        the content ('อำนาจหน้าที่: จัดการศึกษาขั้นพื้นฐาน …')."""
        # the title's parts are rejoined with ' - ' (a dash inside it, '(๑ ตุลาคม – ๓๐ กันยายน)', splits it too)
        block, title = block.translate(_DASHES), title.translate(_DASHES)
        return block in title or (title in block and len(block) <= len(title) + TITLE_TAIL)

    @cached_property
    def document_link_texts(self) -> frozenset[str]:
        """Texts of the page's links to documents: those documents' titles, which say nothing of this page."""
        out = set()
        for link in self.entry_links:
            target = self.site.get(link.url)
            if target is not None and target.kind == "document":
                out.add(" ".join(link.text.split()))
        return frozenset(out)

    @cached_property
    def element_loose_key(self) -> str:
        return loosen(self.element_key)

    @cached_property
    def document_title_key(self) -> str:
        """A document's own title: its first two lines (and a 'เรื่อง …' subject line), not its tables further down."""
        text = self.record.text if self.record.text.strip() else self.scan_text
        lines = [line.strip() for line in text[:1500].splitlines() if line.strip()]
        head, size = [], 0
        for line in lines[:TITLE_LINES]:
            if size > DOCUMENT_TITLE or (head and _FIELD_LINE.match(line)):
                break  # a labelled line ('กิจกรรม: ประชุมชี้แจงประมวลจริยธรรม …') is the body, not the title going on
            head.append(line)
            size += len(line)
        head += [line for line in lines[len(head):] if line.startswith("เรื่อง")][:1]
        return _MEMO_HEAD.sub("", strict_key(" ".join(head)))

    @cached_property
    def body_key(self) -> str:
        key = strict_key(" ".join(self.body_blocks))
        for dead in self.site.dead_link_keys(self.record):
            key = key.replace(dead, "")
        return key

    @property
    def substantial(self) -> bool:
        """The page is content in its own right, not only a pointer to documents or other pages."""
        return len(self.body_key) >= SUBSTANTIAL

    @cached_property
    def content_key(self) -> str:
        """Title, own headings and own blocks of a page, or a document's link title and text, as one key,
        with the texts of links whose targets are dead taken out (an assessor cannot open them)."""
        record = self.record
        if record.kind == "document":
            return strict_key(" ".join([record.title, record.text, self.scan_text]))
        key = strict_key(" ".join([self.own_title, *self.own_headings, *self.own_blocks]))
        for dead in self.site.dead_link_keys(record):
            key = key.replace(dead, "")
        return key

    @cached_property
    def loose_key(self) -> str:
        return loosen(self.content_key)

    @cached_property
    def raw_key(self) -> str:
        """Every block, furniture included: what a 'not found' page is compared on."""
        return strict_key(self.record.main_text)

    @cached_property
    def content_years(self) -> frozenset[int]:
        """Years the content shows (OCR text aside: its digits are read with their own care, rules/ocr_text.py)."""
        record = self.record
        key = strict_key(" ".join([record.title, record.text])) if record.kind == "document" else self.content_key
        return covered_years(without_publication_dates(key))

    @cached_property
    def entry_links(self):
        """Links in the page's own content (not its menus): a listing's entries."""
        furniture = self.site.furniture.links
        return [link for link in self.record.links if link.text and (link.url, link.text) not in furniture]


@dataclass
class Site:
    records: dict[str, PageRecord]
    start_url: str
    probe: PageRecord | None = None
    home: frozenset[str] = frozenset()
    furniture: Furniture = field(default_factory=Furniture)
    not_found: Callable[[PageRecord], bool] = lambda record: False  # the CMS 'not found' test, set by the matcher
    scans: dict[str, OcrResult] = field(default_factory=dict)  # OCR of scanned documents, by content hash
    _texts: dict[int, PageText] = field(default_factory=dict)
    _dead: dict[int, list[str]] = field(default_factory=dict)
    _dead_urls: dict[str, bool | None] = field(default_factory=dict)
    document_years: dict[tuple[int, int], object] = field(default_factory=dict)  # checks.document_years, memoised

    @classmethod
    def build(cls, records: list[PageRecord], start_url: str, scans: dict[str, OcrResult] | None = None) -> Site:
        by_url: dict[str, PageRecord] = {}
        probe = None
        for record in records:
            if record.kind == "probe":
                probe = record
                continue
            by_url[canonical(record.url)] = record
            if record.final_url and record.final_url != record.url:
                by_url.setdefault(canonical(record.final_url), record)
        start = canonical(start_url)
        home = {start}
        if start in by_url and by_url[start].final_url:
            home.add(canonical(by_url[start].final_url))
        pages = [r for r in by_url.values() if r.kind == "page" and r.ok]
        if probe is not None and probe.status == 200:
            pages.append(probe)
        unique = list({id(r): r for r in pages}.values())
        return cls(by_url, start, probe, frozenset(home), Furniture.learn(unique), scans=dict(scans or {}))

    def text(self, record: PageRecord) -> PageText:
        cached = self._texts.get(id(record))
        if cached is None:
            cached = self._texts[id(record)] = PageText(record, self)
        return cached

    def get(self, url: str) -> PageRecord | None:
        return self.records.get(canonical(url))

    def is_home(self, url: str) -> bool:
        return canonical(url) in self.home

    def is_dead(self, url: str) -> bool | None:
        """True when an assessor clicking the URL gets nothing (an error or a 'not found' page), None when
        the crawl did not fetch it."""
        url = canonical(url)
        if url not in self._dead_urls:
            record = self.records.get(url)
            self._dead_urls[url] = None if record is None else (not record.ok or self.not_found(record))
        return self._dead_urls[url]

    def dead_link_keys(self, record: PageRecord) -> list[str]:
        """Keys of the texts of a page's links whose targets are dead, longest first."""
        cached = self._dead.get(id(record))
        if cached is None:
            keys = {short_key(link.text) for link in record.links if self.is_dead(link.url)}
            cached = self._dead[id(record)] = sorted((k for k in keys if len(k) >= MIN_DEAD_TEXT), key=len, reverse=True)
        return cached
