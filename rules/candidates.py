"""Where each item may be: candidate URLs with the signals that point at them.

Candidates come the way an assessor navigates: the texts of links pointing at a URL (strongest, menus
included), the agency's own ITA index rows (a lead, never proof), a page's own title and heading (its
template's title and headings set aside), a document's opening text, the word-token fallback (proposes
only) and the URL's shape (a tie-break only). A text naming two sibling items goes to the more specific
one (``CompiledRules.named``). The home page is never an item's own page, except for the external channel
it links (the agency's Facebook page, e-GP).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from model.records import PageRecord
from model.urls import canonical
from model.verdicts import Signal, SignalKind
from rules.patterns import CompiledRules
from rules.site import Site
from rules.thai import loosen, short_key

GENERIC_LINK = {"คลิก", "คลิกที่นี่", "ดาวน์โหลด", "download", "รายละเอียด", "อ่านต่อ", "เพิ่มเติม", "ดูเพิ่มเติม", "more",
                "readmore", "ไฟล์แนบ", "เอกสารแนบ", "link", "ลิงก์", "pdf", "ดู", "เปิด"}
STRENGTH = {SignalKind.LINK_TEXT: 3.0, SignalKind.EXTERNAL: 3.0, SignalKind.TITLE: 2.0, SignalKind.DOCUMENT_TEXT: 1.5,
            SignalKind.INDEX_ROW: 1.0, SignalKind.FUZZY: 1.0, SignalKind.URL_HINT: 0.5}
NAVIGATION = (SignalKind.LINK_TEXT, SignalKind.INDEX_ROW, SignalKind.EXTERNAL)
MAX_SIGNALS = 8  # per kind and candidate: the mega-menu repeats the same entry on every page
FUZZY_MIN_LEN, FUZZY_MAX_LEN = 8, 160
_O_CODE = re.compile(r"(?<![a-z])o\.?(\d{1,2})(?!\d)")


@dataclass
class Found:
    """The signals that point one item at one URL."""

    signals: list[Signal] = field(default_factory=list)
    kinds: set[SignalKind] = field(default_factory=set)
    external: str = ""

    def add(self, kind: SignalKind, text: str = "", source: str = "") -> None:
        if kind in self.kinds and sum(1 for s in self.signals if s.kind is kind) >= MAX_SIGNALS:
            return
        self.kinds.add(kind)
        self.signals.append(Signal(kind=kind, text=text, source=source))

    def strength(self) -> float:
        return sum(STRENGTH[kind] for kind in self.kinds)

    @property
    def navigated(self) -> bool:
        """Reached the way an assessor clicks: a named link or index row, or an external channel's page."""
        return bool(self.kinds & set(NAVIGATION))

    def link_texts(self) -> list[str]:
        return [s.text for s in self.signals if s.kind in (SignalKind.LINK_TEXT, SignalKind.INDEX_ROW)]


Candidates = dict[str, dict[str, Found]]  # item code -> canonical URL -> signals


# a link text made only of such words ('ดาวน์โหลดเอกสาร', 'คลิกดูรายละเอียด', 'เปิดไฟล์ (PDF)') says where it goes, not what
_GENERIC_WORDS = re.compile(r"(?:คลิก|ดาวน์โหลด|download|click|ดู|เปิด|อ่าน|ไฟล์|เอกสาร|แนบ|ที่นี่|here|รายละเอียด|"
                            r"เพิ่มเติม|ต่อ|more|link|ลิงก์|pdf|[().:>»-])+")


def is_generic(key: str) -> bool:
    return (len(key) <= 2 or key in GENERIC_LINK or key.endswith((".pdf", ".doc", ".docx", ".xls", ".xlsx"))
            or (len(key) <= 30 and _GENERIC_WORDS.fullmatch(key) is not None))


def codes_in(context_key: str) -> set[str]:
    """The OIT codes an index row names ('O5', 'o.5')."""
    return {f"o{int(n)}" for n in _O_CODE.findall(context_key)}


@lru_cache(maxsize=100_000)
def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _document_opening(site: Site, record: PageRecord) -> str:
    """A document's printed title, from its text layer or, for a scan, from what OCR read of it: a scan behind
    a page worded as no pattern knows ('ดาวน์โหลด' under an English heading) names its item the way a text PDF
    does, once it is read."""
    text = site.text(record)
    return text.document_title_key if record.text.strip() or text.scan is not None else ""


def find_candidates(site: Site, compiled: CompiledRules, fuzzy: bool = True) -> Candidates:
    candidates: Candidates = defaultdict(lambda: defaultdict(Found))
    external_items = {code: hosts for code, hosts in compiled.external_hosts.items() if hosts}
    site_hosts = {_host(site.start_url)}
    site_hosts |= {h[4:] if h.startswith("www.") else "www." + h for h in site_hosts}
    unnamed: dict[str, list[tuple[str, str]]] = defaultdict(list)  # link text -> (target, source) for the fallback
    seen: set[tuple] = set()
    records = list({id(r): r for r in site.records.values()}.values())
    for record in records:
        if not record.ok or record.kind != "page":
            continue
        page_url = canonical(record.url)
        on_index = bool(compiled.index_page.search(short_key(record.title + " " + " ".join(record.headings[:3]))))
        for link in record.links:
            marker = (link.url, link.text, link.context, on_index)
            if marker in seen:  # the mega-menu repeats on every page: each (target, text) is weighed once
                continue
            seen.add(marker)
            key = short_key(link.text)
            context = short_key(link.context) if link.context else ""
            generic = is_generic(key)
            items = compiled.named(key)
            row_items = compiled.named(context) if context and (generic or on_index) else frozenset()
            target = canonical(link.url)
            for code in items:
                candidates[code][target].add(SignalKind.LINK_TEXT, link.text, page_url)
            for code in row_items - items:
                kind = SignalKind.INDEX_ROW if on_index and code.lower() in codes_in(context) else SignalKind.LINK_TEXT
                candidates[code][target].add(kind, link.context, page_url)
            for code in items & row_items:
                if on_index and code.lower() in codes_in(context):
                    candidates[code][target].add(SignalKind.INDEX_ROW, link.context, page_url)
            if not items and not row_items and not generic and fuzzy and FUZZY_MIN_LEN <= len(key) <= FUZZY_MAX_LEN:
                unnamed[link.text].append((target, page_url))
            host = _host(link.url) if external_items else ""
            if host and host not in site_hosts:
                for code, hosts in external_items.items():
                    # the link's words name the item, or it says nothing and its address does (a Facebook icon)
                    if host in hosts and (code in items or ((generic or not key) and code in compiled.urls.match(link.url.lower()))):
                        found = candidates[code][page_url]
                        found.add(SignalKind.EXTERNAL, link.url, page_url)
                        found.external = found.external or link.url
    for record in records:
        if not record.ok:
            continue
        url = canonical(record.url)
        if record.kind == "page" and not site.is_home(url):
            text = site.text(record)
            named = frozenset().union(*(compiled.named(key) for key in text.head_keys)) if text.head_keys else frozenset()
            for code in named:
                candidates[code][url].add(SignalKind.TITLE, text.own_title or (text.own_headings or [""])[0])
            if not named and fuzzy and text.head_keys:
                head = " ".join([text.own_title, *text.own_headings[:1]])
                for code in compiled.fuzzy_named(head):
                    candidates[code][url].add(SignalKind.FUZZY, head)
        elif record.kind == "document" and (opening := _document_opening(site, record)):
            for code in compiled.named(opening) | compiled.named_loose(loosen(opening)):
                candidates[code][url].add(SignalKind.DOCUMENT_TEXT, (record.text.strip() or site.text(record).scan_text)[:120])
        for code in compiled.urls.match(unquote(url).lower()):
            # an address alone proposes a page only for items its content can prove (checks: elements)
            if url in candidates[code] or (record.kind == "page" and not site.is_home(url)
                                           and code in compiled.identifiable):
                candidates[code][url].add(SignalKind.URL_HINT)
    if fuzzy:
        for text, targets in unnamed.items():
            for code in compiled.fuzzy_named(text):
                for target, source in targets[:MAX_SIGNALS]:
                    candidates[code][target].add(SignalKind.FUZZY, text, source)
    return candidates
