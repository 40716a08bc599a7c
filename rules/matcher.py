"""From crawled records to one verdict per OIT item: present or absent, evidence URLs, a Thai reason.

Candidates come from the signals an assessor follows: the texts of links pointing at a URL (strongest),
the page's title and headings, the document's opening text, the agency's own ITA index rows (a lead,
never proof) and the URL's shape (a tie-break only). Each candidate is then checked like an assessor
would: the link works and is not a 'not found' page, the page is not a placeholder, it shows the fiscal
year the item requires, and it contains the required elements. A wrong 'present' costs the agency
points, so an item is present only when some candidate passes every check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from crawler.records import PageRecord
from crawler.urls import canonical
from rules.patterns import CompiledRules
from rules.schema import Item
from rules.thai import clean, loosen, short_key, strict_key
from rules.years import target_years, without_publication_dates, years_in

MAX_EVIDENCE = 3
GENERIC_LINK = {"คลิก", "คลิกที่นี่", "ดาวน์โหลด", "download", "รายละเอียด", "อ่านต่อ", "เพิ่มเติม", "ดูเพิ่มเติม", "more",
                "readmore", "ไฟล์แนบ", "เอกสารแนบ", "link", "ลิงก์", "pdf", "ดู", "เปิด"}


@dataclass
class Signals:
    """Why a URL is a candidate for an item."""

    link_texts: list[str] = field(default_factory=list)
    title: bool = False
    doc_text: bool = False
    index_code: bool = False
    url_hint: bool = False
    external: str = ""  # an allowed external URL this page links to (e.g. the agency's Facebook page)

    def strength(self) -> float:
        return (3.0 if self.link_texts else 0) + (2.0 if self.title else 0) + (1.5 if self.doc_text else 0) \
            + (1.0 if self.index_code else 0) + (0.5 if self.url_hint else 0) + (3.0 if self.external else 0)


@dataclass
class Check:
    url: str
    passed: bool
    score: float
    reason: str = ""
    problems: list[str] = field(default_factory=list)
    confidence: str = "high"


@dataclass
class ItemVerdict:
    code: str
    name: str
    indicator: str
    subindicator: str
    present: bool
    urls: list[str]
    reason: str
    problems: list[str]
    confidence: str
    needs_review: bool = False

    @property
    def score(self) -> float:
        return 100.0 if self.present else 0.0


@dataclass
class SiteIndex:
    """The crawl, arranged for matching: records by URL, candidate signals by item and URL."""

    records: dict[str, PageRecord]
    candidates: dict[str, dict[str, Signals]]
    probe: PageRecord | None
    start_url: str
    _keys: dict[tuple[int, str], str] = field(default_factory=dict)

    def key(self, record: PageRecord, part: str) -> str:
        """A record's strict key, computed once however many items consider the record."""
        cache_key = (id(record), part)
        if cache_key not in self._keys:
            if part == "main":
                text = record.main_text
            elif part == "content":
                body = record.text if record.kind == "document" else record.main_text
                text = " ".join([record.title, *record.headings, body])
            else:
                text = " ".join([record.title, *record.headings])
            self._keys[cache_key] = strict_key(text)
        return self._keys[cache_key]


def _is_generic(key: str) -> bool:
    return len(key) <= 2 or key in GENERIC_LINK or key.endswith((".pdf", ".doc", ".docx", ".xls", ".xlsx"))


def build_index(records: list[PageRecord], compiled: CompiledRules, start_url: str) -> SiteIndex:
    by_url: dict[str, PageRecord] = {}
    probe = None
    for record in records:
        if record.kind == "probe":
            probe = record
            continue
        by_url[canonical(record.url)] = record
        if record.final_url and record.final_url != record.url:
            by_url.setdefault(canonical(record.final_url), record)
    candidates: dict[str, dict[str, Signals]] = defaultdict(lambda: defaultdict(Signals))
    external_items = {code: hosts for code, hosts in compiled.external_hosts.items() if hosts}
    site_hosts = {(urlsplit(start_url).hostname or "").lower()}
    site_hosts |= {h[4:] if h.startswith("www.") else "www." + h for h in site_hosts}
    seen: set[tuple] = set()
    for record in by_url.values():
        if not record.ok:
            continue
        page_url = canonical(record.url)
        on_index = bool(compiled.index_page.search(short_key(record.title + " " + " ".join(record.headings[:3]))))
        for link in record.links:
            # the mega-menu repeats on every page: each (target, text) pair is weighed once
            marker = (link.url, link.text, link.context, on_index)
            if marker not in seen:
                seen.add(marker)
                key = short_key(link.text)
                context = short_key(link.context) if link.context else ""
                items = compiled.named(key)
                if context and (_is_generic(key) or on_index):
                    items = items | compiled.named(context)
                target = canonical(link.url) if items else ""
                for code in items:
                    signals = candidates[code][target]
                    if len(signals.link_texts) < 8:
                        signals.link_texts.append(link.text if not _is_generic(key) else link.context or link.text)
                    if on_index and context and code.lower() in _codes_in(context):
                        signals.index_code = True
            host = _host(link.url) if external_items else ""
            if host and host not in site_hosts:
                for code, hosts in external_items.items():
                    if host in hosts and (code in compiled.named(short_key(link.text)) or compiled.urls.match(link.url.lower())):
                        candidates[code][page_url].external = link.url
    for url, record in by_url.items():
        if not record.ok:
            continue
        head = short_key(record.title + " " + " ".join(record.headings[:1]))  # the page heading, not its news cards
        for code in compiled.named(head) if record.kind == "page" else ():
            candidates[code][url].title = True
        if record.kind == "document" and record.text:
            opening = strict_key(record.text[:600])
            for code in compiled.named(opening) | compiled.named_loose(loosen(opening)):
                candidates[code][url].doc_text = True
        for code in compiled.urls.match(unquote(url).lower()):
            if url in candidates[code]:
                candidates[code][url].url_hint = True
    return SiteIndex(by_url, candidates, probe, canonical(start_url))


@lru_cache(maxsize=100_000)
def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


_O_CODE = re.compile(r"(?<![a-z])o\.?(\d{1,2})(?!\d)")


def _codes_in(context_key: str) -> set[str]:
    """The OIT codes an index row names ('O5', 'o.5')."""
    return {f"o{int(n)}" for n in _O_CODE.findall(context_key)}


def is_soft_404(record: PageRecord, probe: PageRecord | None, compiled: CompiledRules,
                main: str | None = None) -> bool:
    """A 200 page that is really the CMS's 'not found' page."""
    if record.kind != "page" or not record.ok:
        return False
    main = strict_key(record.main_text) if main is None else main
    if probe is not None and probe.status == 200 and probe.main_text:
        if main == short_key(probe.main_text):
            return True
    head = short_key(record.title + " ".join(record.headings[:2]))
    return bool(compiled.not_found.search(head) or (len(main) < 400 and compiled.not_found.search(main)))


def _placeholder(record: PageRecord, main: str, compiled: CompiledRules) -> bool:
    """Empty or 'under construction' once the page's own heading is set aside."""
    heading = short_key(record.headings[0]) if record.headings else ""
    body = main[len(heading):] if heading and main.startswith(heading) else main
    if len(body) < 30:
        return True
    return len(body) < 600 and bool(compiled.placeholder.search(body))


def _item_link_texts_on(record: PageRecord, code: str, compiled: CompiledRules) -> list[str]:
    """Texts of links on a listing page that name the item: its entries, with their years."""
    return [link.text for link in record.links if code in compiled.named(short_key(link.text))]


def check_candidate(item: Item, url: str, signals: Signals, index: SiteIndex, compiled: CompiledRules,
                    year: int) -> Check:
    record = index.records.get(url)
    strength = signals.strength()
    if record is None:
        return Check(url, False, strength, "ไม่ได้ตรวจ (นอกขอบเขตหรือเกินงบการตรวจ)", confidence="low")
    if not record.ok:
        why = f"HTTP {record.status}" if record.status else record.error
        return Check(url, False, strength, f"ลิงก์เสีย ({why})")
    if is_soft_404(record, index.probe, compiled, index.key(record, "main")):
        return Check(url, False, strength, "ลิงก์เสีย (หน้า 'ไม่พบข้อมูล' ที่ตอบ 200 / soft-404)")
    if record.kind == "document" and item.evidence == "page":
        strength -= 0.5
    if record.kind == "page" and item.evidence == "document":
        strength -= 0.5
    if record.kind == "page" and _placeholder(record, index.key(record, "main"), compiled) and not signals.external:
        return Check(url, False, strength, "หน้าว่าง / อยู่ระหว่างปรับปรุง")
    problems: list[str] = []
    confidence = "high"
    own = index.key(record, "content")
    if record.kind == "document" and record.scanned:
        problems.append("เอกสารเป็นภาพสแกน ไม่มีข้อความให้ตรวจ (scanned, no text layer): ควรตรวจด้วยตนเอง")
        confidence = "low"
    if record.kind == "document" and record.error:
        problems.append(record.error)
        confidence = "low"

    wanted = target_years(item.period, year)
    if wanted:
        link_years = years_in(strict_key(" ".join(signals.link_texts)))
        entries = [t for t in _item_link_texts_on(record, item.code, compiled) if years_in(short_key(t))] \
            if record.kind == "page" else []
        entry_years = years_in(strict_key(" ".join(entries)))
        # A listing of the item's documents speaks through its entries; its other dates are posting stamps.
        year_text = index.key(record, "head") if entries else own
        own_years = years_in(without_publication_dates(year_text))
        found = link_years | entry_years | own_years
        if not found & wanted:
            if found:
                shown = max(y for y in found if y <= year + 1) if any(y <= year + 1 for y in found) else max(found)
                return Check(url, False, strength, f"พบเฉพาะปี {shown} (ต้องเป็นปี {' หรือ '.join(map(str, sorted(wanted)))})")
            if record.kind == "document" and (record.scanned or not record.text):
                return Check(url, False, strength, "ไม่ระบุปี และเอกสารอ่านข้อความไม่ได้: ต้องตรวจด้วยตนเอง", problems,
                             confidence="low")
            return Check(url, False, strength, f"ไม่ระบุปีงบประมาณ {' หรือ '.join(map(str, sorted(wanted)))}")
        if not (own_years | entry_years) & wanted:
            confidence = "medium" if confidence == "high" else confidence
            problems.append("ปีที่ถูกต้องปรากฏเฉพาะในชื่อลิงก์ ไม่พบในเนื้อหา")
        strength += 1.0

    missing = []
    if compiled.elements[item.code]:
        loose = loosen(own)
        if record.kind == "document" and (record.scanned or not record.text):
            return Check(url, False, strength, "ตรวจองค์ประกอบไม่ได้ (เอกสารภาพสแกน): ต้องตรวจด้วยตนเอง", problems,
                         confidence="low")
        for element, strict_rx, loose_rx in compiled.elements[item.code]:
            if element.html:
                count = {"image": record.images, "form": record.forms, "table": record.tables}[element.html]
                ok = count > 0 or (element.html == "image" and record.kind == "document" and record.images > 0)
            else:
                ok = bool(strict_rx.search(own) or loose_rx.search(loose))
            if not ok:
                missing.append(element.name)
        if missing:
            return Check(url, False, strength, "ขาดองค์ประกอบ: " + ", ".join(missing), problems)
        strength += 1.0
    strength -= 0.05 * record.depth
    if url == index.start_url and not signals.external:
        strength -= 1.0  # the home page names everything in its menu; prefer the item's own page
    if not (signals.link_texts or signals.title or signals.doc_text or signals.external):
        return Check(url, False, strength, "มีเพียงรูปแบบ URL ที่คล้าย ไม่มีชื่อรายการ", confidence="low")
    if signals.external:
        problems.append(f"ลิงก์ไปยังช่องทางภายนอก: {signals.external}")
    return Check(url, True, strength, "", problems, confidence)


def _reason_rank(check: Check) -> tuple:
    """Which failed check explains an absent item best: the most specific reason on the strongest candidate."""
    order = ["ขาดองค์ประกอบ", "พบเฉพาะปี", "ไม่ระบุปี", "ตรวจองค์ประกอบไม่ได้", "หน้าว่าง", "ลิงก์เสีย", "ไม่ได้ตรวจ", "มีเพียง"]
    rank = next((i for i, prefix in enumerate(order) if check.reason.startswith(prefix)), len(order))
    return (-check.score, rank)


def decide(item: Item, index: SiteIndex, compiled: CompiledRules, year: int, indicator: str) -> ItemVerdict:
    checks = [check_candidate(item, url, signals, index, compiled, year)
              for url, signals in index.candidates.get(item.code, {}).items()]
    passed = sorted((c for c in checks if c.passed), key=lambda c: -c.score)
    base = dict(code=item.code, name=item.name, indicator=indicator, subindicator=item.subindicator)
    if passed:
        best = passed[0]
        problems = list(dict.fromkeys(p for c in passed[:MAX_EVIDENCE] for p in c.problems))
        broken = [c for c in checks if c.reason.startswith("ลิงก์เสีย")]
        if broken:
            problems.append(f"ลิงก์ที่เกี่ยวข้องเสีย {len(broken)} ลิงก์ เช่น {broken[0].url}")
        reason = "พบ" + (" (ยืนยันจากเนื้อหา)" if best.confidence == "high" else "")
        return ItemVerdict(**base, present=True, urls=[c.url for c in passed[:MAX_EVIDENCE]], reason=reason,
                           problems=problems, confidence=best.confidence)
    if not checks:
        return ItemVerdict(**base, present=False, urls=[], reason="ไม่พบ", problems=[], confidence="high")
    best = sorted(checks, key=_reason_rank)[0]
    review = best.confidence == "low"
    problems = list(dict.fromkeys([f"{c.url}: {c.reason}" for c in sorted(checks, key=_reason_rank)[:5]]))
    return ItemVerdict(**base, present=False, urls=[], reason=best.reason, problems=problems,
                       confidence="low" if review else "medium", needs_review=review)


def match_site(records: list[PageRecord], compiled: CompiledRules, start_url: str) -> list[ItemVerdict]:
    index = build_index(records, compiled, start_url)
    rules = compiled.rules
    indicator_of = {s.code: s.indicator for s in rules.oit.subindicators}
    return [decide(item, index, compiled, rules.year, indicator_of[item.subindicator]) for item in rules.oit.items]


def describe(verdict: ItemVerdict) -> str:
    """One Thai line for reports: what was found or why not."""
    return clean(verdict.reason + ("; " + "; ".join(verdict.problems) if verdict.problems else ""))
