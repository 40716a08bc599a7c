"""The checks an assessor makes on a candidate page or document, each a small unit with its metadata and a
pure function (in the spirit of Lighthouse audits).

A check returns a :class:`~model.verdicts.CheckOutcome` (passed or not, a reason code and details), or
None when it does not apply (no fiscal year to check for an item without a period). They run in order;
the first failure is the candidate's reason. Every outcome is kept so ``ita explain`` can show it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from urllib.parse import urlsplit

from model.failures import Failure, failure_for_status
from model.records import Link, PageRecord
from model.verdicts import CheckOutcome, Reason, SignalKind
from rules.candidates import Found, codes_in, is_generic
from rules.fuzzy import words
from rules.ocr_text import read_year, repair_ocr
from rules.patterns import CompiledRules
from rules.schema import Item
from rules.site import PageText, Site
from rules.thai import clean, short_key, strict_key
from rules.years import covered_years, ranges_in, target_years, without_publication_dates, years_in

EMPTY_PAGE = 30  # letters of own content below which a page without pictures or entries is empty
PLACEHOLDER_PAGE = 600  # a page this short that says 'under construction' is a placeholder
THIN_PAGE = 80  # letters of own content below which a page that opens nothing has nothing to score
# Faults of the site or the network: the item may well be there, so the verdict asks for a person.
FAULTS = {Failure.BLOCKED, Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.TIMEOUT, Failure.RESET, Failure.TLS,
          Failure.ROBOTS, Failure.TOO_LARGE}
REVIEW_REASONS = {Reason.UNREADABLE_DOCUMENT, Reason.OCR_UNCERTAIN, Reason.FETCH_FAILED, Reason.PICTURE_ONLY}
OCR_CONFIDENT = 60.0  # mean word confidence of an OCR reading below which it can prove nothing is missing
OCR_RANGE = 5  # a plan's years: a longer range read by OCR is more likely a misread end year


@dataclass
class Context:
    """One candidate of one item, with everything the checks read."""

    item: Item
    url: str
    found: Found
    record: PageRecord | None
    site: Site
    compiled: CompiledRules
    year: int

    @property
    def text(self) -> PageText:
        assert self.record is not None
        return self.site.text(self.record)

    @property
    def unreadable(self) -> bool:
        """A document whose text could not be read: a scan OCR has not read (yet), or a type we do not read."""
        record = self.record
        return record is not None and record.kind == "document" and (record.scanned or not record.text.strip()) \
            and self.site.text(record).scan is None

    @property
    def read_by_ocr(self) -> bool:
        record = self.record
        return record is not None and record.kind == "document" and self.site.text(record).scan is not None

    def linked_from(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.found.signals if s.source))[:3]

    @cached_property
    def entries(self) -> list[Link]:
        """The page's own links that name the item: a listing's entries for it."""
        return item_entries(self.site, self.compiled, self.record, self.item.code)

    @cached_property
    def targets(self) -> list[Link]:
        return pointer_targets(self.site, self.compiled, self.record, self.item.code)

    @cached_property
    def reached(self) -> list[PageRecord]:
        """What an assessor reaches by clicking through: a pointer page's targets, any page's attachments
        (its entries for the item, its documents under 'ดาวน์โหลด'), and theirs in turn."""
        out: list[PageRecord] = []
        frontier, seen = [self.record], {id(self.record)}
        for _ in range(POINTER_DEPTH):
            following = []
            for record in frontier:
                links = pointer_targets(self.site, self.compiled, record, self.item.code) or \
                    attachments(self.site, self.compiled, record, self.item.code)
                for link in links[:MAX_TARGETS]:
                    target = self.site.get(link.url)
                    if target is None or id(target) in seen or self.site.is_dead(link.url):
                        continue
                    seen.add(id(target))
                    out.append(target)
                    following.append(target)
            frontier = following
        return out


POINTER_DEPTH = 2  # a listing → a detail page → its document
MAX_TARGETS = 8
DOC_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|jpe?g|png)$", re.IGNORECASE)


def item_entries(site: Site, compiled: CompiledRules, record: PageRecord, code: str) -> list[Link]:
    """The page's links that name the item: by its patterns, or in words the fallback knows for its name (an
    entry worded as no pattern expects is still the item's entry, dead or alive)."""
    named = compiled.named
    return [link for link in site.text(record).entry_links
            if code in named(short_key(link.text)) or code in compiled.fuzzy_named(link.text)]


def pointer_targets(site: Site, compiled: CompiledRules, record: PageRecord, code: str) -> list[Link]:
    """Where a page that is only a pointer sends the assessor: its entries for the item, or else its
    attachments (documents linked from its own content, however the link is worded). A page with content
    of its own is no pointer."""
    if record.kind != "page" or site.text(record).substantial or site.is_home(record.url):
        return []
    entries = item_entries(site, compiled, record, code)
    if entries:  # and its documents under 'คลิกที่นี่' or in words naming no item: this year's file beside
        # last year's named entry
        return _with_generic_documents(site, record, entries, compiled)
    return [link for link in site.text(record).entry_links if _is_document(site, link)]


def attachments(site: Site, compiled: CompiledRules, record: PageRecord, code: str) -> list[Link]:
    """A content page's attachments for the item: entries naming it, and documents linked under a generic
    word ('เอกสารแนบ', 'ดาวน์โหลด') or a file name."""
    if record.kind != "page" or site.is_home(record.url):
        return []
    return _with_generic_documents(site, record, item_entries(site, compiled, record, code))


def _is_document(site: Site, link: Link) -> bool:
    target = site.get(link.url)
    return (target is not None and target.kind == "document") or bool(DOC_SUFFIX.search(urlsplit(link.url).path))


def _with_generic_documents(site: Site, record: PageRecord, entries: list[Link],
                            compiled: CompiledRules | None = None) -> list[Link]:
    """The entries, then the page's documents linked under a generic word or a file name (and, given the rules,
    in words that name no item at all: the page is about the item, so an unnamed file on it is the item's)."""
    out = list(entries)
    for link in site.text(record).entry_links:
        if link in out or not _is_document(site, link):
            continue
        key = short_key(link.text)
        if is_generic(key) or (compiled is not None and not compiled.named(key) and not compiled.fuzzy_named(link.text)):
            out.append(link)
    return out


def works(site: Site, compiled: CompiledRules, url: str, code: str, depth: int = POINTER_DEPTH) -> bool | None:
    """Does clicking the URL get the assessor somewhere: it opens, and if it is only a pointer, one of the
    places it points to works too. None when the crawl did not fetch it."""
    dead = site.is_dead(url)
    if dead is None or dead:
        return None if dead is None else False
    if depth == 0:
        return True
    record = site.get(url)
    targets = [t for t in pointer_targets(site, compiled, record, code)[:MAX_TARGETS] if site.get(t.url) is not record]
    if not targets:
        return True
    return any(works(site, compiled, t.url, code, depth - 1) is not False for t in targets)


@dataclass(frozen=True)
class Check:
    id: str
    title: tuple[str, str]  # Thai, English
    run: Callable[[Context], CheckOutcome | None]


def _fail(check: str, reason: Reason, **detail) -> CheckOutcome:
    return CheckOutcome(check=check, passed=False, reason=reason, detail=detail)


def _pass(check: str, **detail) -> CheckOutcome:
    return CheckOutcome(check=check, passed=True, detail=detail)


def is_not_found_page(record: PageRecord, site: Site, compiled: CompiledRules) -> bool:
    """A 200 page that is really the CMS's 'not found' page (soft-404): the probe's twin, or a short page
    (once the template is set aside) saying 'not found'."""
    if record.kind not in ("page", "probe") or not record.ok:
        return False
    probe = site.probe
    if probe is not None and probe is not record and probe.status == 200 and probe.blocks:
        if record.blocks == probe.blocks:
            return True
        size, probe_size = sum(map(len, record.blocks)), sum(map(len, probe.blocks))
        if abs(size - probe_size) <= 0.1 * probe_size and site.text(record).raw_key == site.text(probe).raw_key:
            return True
    head = short_key(record.title + " ".join(record.headings[:2]))
    if compiled.not_found.search(head):
        return True
    text = site.text(record)
    if sum(map(len, record.blocks)) < 400 and compiled.not_found.search(text.raw_key):
        return True
    own = text.own_blocks
    return sum(map(len, own)) < 400 and bool(compiled.not_found.search(text.own_key))


# -- the checks, in the order they run ------------------------------------------------------------------------

def fetched(ctx: Context) -> CheckOutcome:
    if ctx.record is None:
        return _fail("fetched", Reason.NOT_CRAWLED, url=ctx.url)
    return _pass("fetched")


def reachable(ctx: Context) -> CheckOutcome:
    record = ctx.record
    assert record is not None
    if record.ok or (record.kind == "document" and 200 <= record.status < 300 and record.failure not in FAULTS):
        # A document that arrived but cannot be read (corrupt, encrypted) is judged by document_opens.
        return _pass("reachable", status=record.status)
    failure = record.failure or (failure_for_status(record.status) or "") if record.status else record.failure
    detail = {"url": ctx.url, "status": record.status or None, "failure": failure or None,
              "error": record.error[:200] if record.error and not failure else None, "linked_from": ctx.linked_from()}
    detail = {k: v for k, v in detail.items() if v}
    if failure in FAULTS:
        return _fail("reachable", Reason.FETCH_FAILED, **detail)
    return _fail("reachable", Reason.BROKEN_LINK, **detail)


def not_soft_404(ctx: Context) -> CheckOutcome | None:
    if ctx.record.kind != "page":
        return None
    if ctx.site.is_dead(ctx.url):
        return _fail("not_soft_404", Reason.SOFT_404, url=ctx.url, linked_from=ctx.linked_from())
    return _pass("not_soft_404")


def document_opens(ctx: Context) -> CheckOutcome | None:
    record = ctx.record
    if record.kind != "document":
        return None
    if record.failure in (Failure.CORRUPT, Failure.ENCRYPTED) or (record.error and not record.failure and not record.scanned
                                                                  and "ยังไม่รองรับ" not in record.error):
        failure = record.failure or Failure.CORRUPT
        return _fail("document_opens", Reason.DOCUMENT_ERROR, url=ctx.url, failure=failure, error=record.error[:200])
    if ctx.read_by_ocr:
        scan = ctx.text.scan
        first = scan.pages[0]
        return _pass("document_opens", scanned=True, ocr_page=first.number, excerpt=clean(repair_ocr(first.text))[:80],
                     ocr_confidence=round(ctx.text.scan_confidence, 1))
    return _pass("document_opens", scanned=record.scanned or None)


def not_home_page(ctx: Context) -> CheckOutcome | None:
    if ctx.record.kind != "page" or not ctx.site.is_home(ctx.url) or ctx.found.external:
        return None
    return _fail("not_home_page", Reason.HOME_PAGE, url=ctx.url)


INDEX_ITEMS = 4  # entries naming this many different items make a page an index of them
# 'ข้อ 1 …', 'No. 2 …', '3. …', '4) …'; not a bare number, which is how a dated listing row starts ('15 ธ.ค. 68 …')
_NUMBERED_ROW = re.compile(r"(ข้อ(ที่)?|no\.?)\d{1,2}(?!\d)|\d{1,2}[.)](?!\d)")


def not_index_page(ctx: Context) -> CheckOutcome | None:
    """The agency's ITA index lists every item with its link: it leads to evidence, it is none itself."""
    record = ctx.record
    if record.kind != "page" or ctx.found.external:
        return None
    named: set[str] = set()
    for link in ctx.text.entry_links:
        key = short_key(link.text)
        named |= ctx.compiled.named(short_key(link.context) if link.context and is_generic(key) else key)
        if len(named) >= INDEX_ITEMS:
            return _fail("not_index_page", Reason.INDEX_PAGE, url=ctx.url)
    codes = {code for block in ctx.text.own_blocks[:200] for code in codes_in(short_key(block[:12]))}
    if len(codes) >= INDEX_ITEMS:  # rows 'O1 …', 'O2 …' without a table around them
        return _fail("not_index_page", Reason.INDEX_PAGE, url=ctx.url)
    # rows 'ข้อ 1 โครงสร้าง … คลิก', '2. ข้อมูลผู้บริหาร …' whose links say only 'คลิก': numbered rows naming items
    rows: set[str] = set()
    for block in ctx.text.own_blocks[:200]:
        key = short_key(block[:160])
        if _NUMBERED_ROW.match(key):
            rows |= ctx.compiled.named(key)
            if len(rows) >= INDEX_ITEMS:
                return _fail("not_index_page", Reason.INDEX_PAGE, url=ctx.url)
    return _pass("not_index_page")


def not_placeholder(ctx: Context) -> CheckOutcome | None:
    record = ctx.record
    if record.kind != "page" or ctx.found.external:
        return None
    text = ctx.text
    headings = set(text.own_headings)
    body = strict_key(" ".join(b for b in text.own_blocks if b not in headings))
    heading = short_key(text.own_headings[0]) if text.own_headings else ""
    # the heading and the body in one block (a table layout); a heading that is its own block is gone already
    if heading and text.own_headings[0] not in text.own_blocks and body.startswith(heading):
        body = body[len(heading):]
    images, tables = ctx.site.furniture.own(record, "images"), ctx.site.furniture.own(record, "tables")
    empty = len(body) < EMPTY_PAGE and not images and not text.entry_links and not record.forms
    # 'ไม่พบข้อมูล' as the page's own heading too; keyed only for a short page (a long one is no placeholder)
    said = chain([body], map(short_key, text.own_headings))
    if empty or (len(body) < PLACEHOLDER_PAGE and any(ctx.compiled.placeholder.search(k) for k in said)):
        return _fail("not_placeholder", Reason.PLACEHOLDER, url=ctx.url)
    # A line or two, no picture, table or form, nothing it opens, and no element to show: whatever the line
    # says ('จะเผยแพร่เร็ว ๆ นี้'), there is nothing here for an assessor to score.
    thin = len(body) < THIN_PAGE and not (tables or record.forms)
    if thin and not ctx.compiled.elements[ctx.item.code] and not (ctx.reached or ctx.targets or _links_out(ctx)):
        if images:  # an infographic, or an 'under construction' banner: only a person can tell
            return _fail("not_placeholder", Reason.PICTURE_ONLY, url=ctx.url)
        return _fail("not_placeholder", Reason.PLACEHOLDER, url=ctx.url, thin=True)
    return _pass("not_placeholder")


def _elements_identify(ctx: Context) -> bool:
    """An item with three or more required elements (CompiledRules.identifiable), every one of them in the page's
    own content."""
    elements = ctx.compiled.elements[ctx.item.code]
    return ctx.item.code in ctx.compiled.identifiable and not _missing(elements, ctx.record, ctx.text, None)


def _names_another(compiled: CompiledRules, head: str) -> bool:
    """Whether a page's own title, read by the word fallback, names an item in two or more words of its own: a
    one-word title ('การให้บริการ') is only most alike to some item, and names none."""
    return bool(head) and len(words(head)) >= 2 and bool(compiled.fuzzy_named(head))


def _links_out(ctx: Context) -> bool:
    """Whether the page's own content sends the reader to another site (an online form, a Facebook page)."""
    host = urlsplit(ctx.url).hostname
    return any(urlsplit(link.url).hostname not in (host, None) for link in ctx.text.entry_links)


def shows_item(ctx: Context) -> CheckOutcome:
    record, code, compiled = ctx.record, ctx.item.code, ctx.compiled
    if ctx.found.external:
        return _pass("shows_item", via="external")
    text = ctx.text
    if record.kind == "document":
        own = compiled.named(text.document_title_key) if text.document_title_key else frozenset()
        if own and code not in own:  # linked as this item, but its own title is another item's
            return _fail("shows_item", Reason.NOT_THE_ITEM, url=ctx.url, names=sorted(own))
        if ctx.found.kinds & {SignalKind.LINK_TEXT, SignalKind.INDEX_ROW, SignalKind.DOCUMENT_TEXT}:
            via = "document" if SignalKind.DOCUMENT_TEXT in ctx.found.kinds else "link_text"
            return _pass("shows_item", via=via)
        if compiled.names.search(code, text.content_key) or compiled.names_loose.search(code, text.loose_key):
            return _pass("shows_item", via="document")
        if ctx.unreadable and ctx.found.kinds & {SignalKind.FUZZY}:
            return _pass("shows_item", via="link_text")
        return _fail("shows_item", Reason.NOT_THE_ITEM, url=ctx.url)
    if any(code in compiled.named(key) for key in text.head_keys):
        return _pass("shows_item", via="heading")
    if compiled.names.search(code, text.body_key):
        return _pass("shows_item", via="content")
    if ctx.entries:
        return _pass("shows_item", via="entries")
    head = " ".join([text.own_title, *text.own_headings[:1]])
    if head and code in compiled.fuzzy_named(head):
        return _pass("shows_item", via="fuzzy")
    if (SignalKind.INDEX_ROW in ctx.found.kinds and not any(compiled.named(key) for key in text.head_keys)
            and compiled.fuzzy.kinds_fit(head, code) and not _names_another(compiled, head)):
        # the agency's own ITA index lists this page under the item's code, and the page names no other item,
        # not even in words the patterns do not know ('การดำเนินการตามนโยบาย HR' under the HR policy's row),
        # nor calls itself another kind of thing (a report under a declaration's row): an assessor opening it
        # from that row reads it as the item, in whatever words it is titled
        return _pass("shows_item", via="index_row")
    if SignalKind.URL_HINT in ctx.found.kinds and _elements_identify(ctx):
        # found by its address alone ('/contact/'), but its own content has every element the item needs
        # (an address, a phone number and an e-mail): that content is the item, whatever the menu calls it
        return _pass("shows_item", via="elements")
    if not ctx.found.kinds - {SignalKind.URL_HINT}:
        return _fail("shows_item", Reason.URL_HINT_ONLY, url=ctx.url)
    return _fail("shows_item", Reason.NOT_THE_ITEM, url=ctx.url)


def targets_work(ctx: Context) -> CheckOutcome | None:
    """A page that only points to documents or entries is as good as the first one that opens."""
    if not ctx.targets:
        return None
    outcomes = [(link, works(ctx.site, ctx.compiled, link.url, ctx.item.code, POINTER_DEPTH - 1))
                for link in ctx.targets[:MAX_TARGETS]]
    if any(ok is not False for _, ok in outcomes):
        return _pass("targets_work", targets=[link.url for link, ok in outcomes if ok][:3])
    dead = _first_dead(ctx.site, ctx.compiled, ctx.targets[0].url, ctx.item.code)
    status = _status(ctx, dead)
    return _fail("targets_work", Reason.BROKEN_LINK, url=dead, linked_from=[ctx.url],
                 **({"status": status} if status else {"soft_404": True}))


def _years(key: str) -> frozenset[int]:
    return covered_years(without_publication_dates(key))


@dataclass
class DocumentYears:
    """The fiscal years one document is about, with what OCR made of its scan."""

    years: frozenset[int]
    ocr: dict  # the page and words the year was read from (for the verdict's note)
    doubt: str = ""  # "uncertain" or "unclear" when an OCR reading could not settle the year


def document_years(site: Site, record: PageRecord, year: int) -> DocumentYears:
    """Memoised per site: a document is dated once, however many pages point to it."""
    key = (id(record), year)
    read = site.document_years.get(key)
    if read is None:
        read = site.document_years[key] = _document_years(site, record, year)
    return read


def _document_years(site: Site, record: PageRecord, year: int) -> DocumentYears:
    text = site.text(record)
    years = covered_years(without_publication_dates(strict_key(" ".join([record.title, record.text]))))
    if text.scan is None:
        return DocumentYears(years, {})
    reading = read_year(text.scan.pages, year)
    ocr = {"ocr_page": reading.page, "excerpt": clean(repair_ocr(reading.excerpt))} if reading.page else {}
    if reading.status == "confirmed":
        # the years it states; only when it states none, those its dates imply (as covered_years does). Not
        # the link's words it was reached by (its record's title): the scan itself says which year it is.
        stated = frozenset(reading.stated)
        years = stated or frozenset(reading.fiscal_years)
        # a plan's range read by OCR (พ.ศ. 2566 - 2570) counts whole when it starts or ends at a confirmed year
        for start, end in ranges_in(strict_key(text.scan_text)):
            if (start in stated or end in stated) and end - start <= OCR_RANGE:
                years |= frozenset(range(start, end + 1))
        return DocumentYears(years, ocr)
    if reading.status == "uncertain":
        return DocumentYears(years, ocr, "uncertain")
    return DocumentYears(years, ocr, "unclear" if text.scan_confidence < OCR_CONFIDENT else "")


def fiscal_year(ctx: Context) -> CheckOutcome | None:
    wanted = target_years(ctx.item.period, ctx.year)
    if not wanted:
        return None
    record, text, site = ctx.record, ctx.text, ctx.site
    link_years = years_in(strict_key(" ".join(ctx.found.link_texts())))
    dead: list[str] = []
    ocr: dict = {}
    doubts: list[str] = []
    if record.kind == "document":
        read = document_years(site, record, ctx.year)
        sure, ocr = read.years, read.ocr
        if read.doubt:
            doubts.append(ctx.url)
    else:
        dated = [link for link in ctx.entries if years_in(short_key(link.text))]
        alive = [link for link in dated if not site.is_dead(link.url)]
        dead = [link.url for link in dated if site.is_dead(link.url) and years_in(short_key(link.text)) & wanted]
        sure = _years(text.body_key).union(*(_entry_years(ctx, link) for link in alive))
        if not dated and not ctx.targets:
            # a page about one year names it in its heading; a listing's or a pointer's heading is not what
            # it lists or points to
            sure |= frozenset().union(*(years_in(key) for key in text.head_keys)) if text.head_keys else frozenset()
        for target in ctx.reached:
            if target.kind == "document":
                read = document_years(site, target, ctx.year)
                sure |= read.years
                ocr = ocr or read.ocr
                if read.doubt:
                    doubts.append(target.url)
            else:
                sure |= _opened_years(ctx, target)
    if sure & wanted:
        stale = _only_dead_for_the_year(ctx, wanted) if record.kind == "page" else None
        if stale is not None:  # the page names the year, but this year's file is dead and the rest is older
            return _broken_link(ctx, stale)
        return _pass("fiscal_year", years=sorted(sure & wanted), **ocr)
    if doubts and not link_years & wanted:  # OCR read the scan, but not surely enough to say its year
        return _fail("fiscal_year", Reason.OCR_UNCERTAIN, url=doubts[0], what="ปีงบประมาณ", **ocr)
    if dead:  # the entry for the year is there, but an assessor clicking it gets nothing
        return _broken_link(ctx, dead[0])
    if link_years & wanted and not sure:  # nothing to read but the link (a scan): the link's word
        return _pass("fiscal_year", years=sorted(link_years & wanted), only_in_link=True)
    if ctx.unreadable:
        return _fail("fiscal_year", Reason.UNREADABLE_DOCUMENT, url=ctx.url, step="fiscal_year")
    scan = _unread_target(ctx)
    if scan is not None:  # what the page points to is a scan nobody could read yet: the year may be there
        return _fail("fiscal_year", Reason.UNREADABLE_DOCUMENT, url=scan, linked_from=[ctx.url], step="fiscal_year")
    found = sure or link_years  # what the page or document itself says, before the words of links to it
    if found:
        latest = [y for y in found if y <= ctx.year + 1]
        return _fail("fiscal_year", Reason.WRONG_YEAR, found=max(latest) if latest else max(found), wanted=sorted(wanted))
    return _fail("fiscal_year", Reason.NO_YEAR, wanted=sorted(wanted))


def _broken_link(ctx: Context, url: str) -> CheckOutcome:
    status = _status(ctx, url)
    detail = {"status": status} if status else {"soft_404": True}
    return _fail("fiscal_year", Reason.BROKEN_LINK, url=url, linked_from=[ctx.url], **detail)


def _only_dead_for_the_year(ctx: Context, wanted: set[int]) -> str | None:
    """The item's entry or file for this year (its link names the year, or none) that is dead, when everything
    else the page opens for the item is a document of another year: the page's own words ('รายงานผล…
    ปีงบประมาณ 2568') promise this year's file, but an assessor clicking it gets nothing and finds only last
    year's. None when that is not the case, e.g. the page itself or another page it opens carries the content."""
    dead = [link.url for link in (*ctx.entries, *ctx.targets) if ctx.site.is_dead(link.url)
            and (not (named := years_in(short_key(link.text))) or named & wanted)]
    if not dead or not ctx.reached or any(target.kind != "document" for target in ctx.reached):
        return None
    for target in ctx.reached:
        years = document_years(ctx.site, target, ctx.year).years
        if not years or years & wanted:
            return None
    return dead[0]


def _entry_years(ctx: Context, link) -> frozenset[int]:
    """The years an entry stands for: its link text's, unless what it opens says otherwise (an assessor goes
    by the document)."""
    target = ctx.site.get(link.url)
    shown = _opened_years(ctx, target) if target is not None else frozenset()
    return shown or years_in(short_key(link.text))


def _opened_years(ctx: Context, record: PageRecord) -> frozenset[int]:
    """The years a reached page or document shows: a document's own (when it could be read surely), the
    documents a pointer page opens (not its heading, which only names them), or a content page's text."""
    site = ctx.site
    if record.kind == "document":
        documents = [record]
    elif not site.text(record).substantial and (targets := pointer_targets(site, ctx.compiled, record, ctx.item.code)
                                                  or attachments(site, ctx.compiled, record, ctx.item.code)):
        documents = [site.get(t.url) for t in targets[:MAX_TARGETS] if not site.is_dead(t.url)]
    else:
        return site.text(record).content_years
    shown: frozenset[int] = frozenset()
    for document in documents:
        if document is not None and document.kind == "document":
            read = document_years(site, document, ctx.year)
            if read.years and not read.doubt:
                shown |= read.years
    return shown


def _unread_target(ctx: Context) -> str | None:
    """A scanned document the page points to whose text nobody could read yet."""
    for target in ctx.reached:
        if target.kind == "document" and (target.scanned or not target.text.strip()) and ctx.site.text(target).scan is None:
            return target.url
    return None


def _first_dead(site: Site, compiled: CompiledRules, url: str, code: str) -> str:
    """The URL that is actually dead behind a pointer (the document behind a detail page)."""
    for _ in range(POINTER_DEPTH):
        if site.is_dead(url):
            return url
        targets = pointer_targets(site, compiled, site.get(url), code)
        if not targets:
            return url
        url = targets[0].url
    return url


def _status(ctx: Context, url: str) -> int | None:
    record = ctx.site.get(url)
    return record.status if record is not None and record.status not in (0, 200) else None


def required_elements(ctx: Context) -> CheckOutcome | None:
    elements = ctx.compiled.elements[ctx.item.code]
    if not elements:
        return None
    record = ctx.record
    if ctx.unreadable:
        return _fail("required_elements", Reason.UNREADABLE_DOCUMENT, url=ctx.url, step="required_elements")
    # The page itself together with what it opens for the item (a plan page with its plan and its progress
    # report): each element may be on the page or in any of them.
    best = _missing(elements, record, ctx.text, None)
    for extra in _opened_for_elements(ctx):
        if not best:
            break
        best = [name for name in best if name in _missing(elements, record, ctx.text, ctx.site.text(extra))]
    if best:
        scan = _unread_target(ctx)
        if scan is not None:
            return _fail("required_elements", Reason.UNREADABLE_DOCUMENT, url=scan, linked_from=[ctx.url],
                         step="required_elements")
        if ctx.read_by_ocr and ctx.text.scan_confidence < OCR_CONFIDENT:  # a poor reading proves no absence
            return _fail("required_elements", Reason.OCR_UNCERTAIN, url=ctx.url, what="องค์ประกอบ " + ", ".join(best))
        return _fail("required_elements", Reason.MISSING_ELEMENTS, elements=best)
    return _pass("required_elements", elements=[e.name for e in elements])


def _opened_for_elements(ctx: Context) -> list[PageRecord]:
    """What the page opens for the item, and the other documents its own content links: an element named
    only by a link's text ('รายงานผลการดำเนินงานรอบ 6 เดือน') must be found in the document itself. Never a
    document of another year: elements are not pieced together across years."""
    out = list(ctx.reached)
    if ctx.record.kind == "page":
        seen = {id(r) for r in out}
        for link in ctx.text.entry_links:
            target = ctx.site.get(link.url)
            if len(out) >= 2 * MAX_TARGETS:
                break
            if target is not None and target.kind == "document" and id(target) not in seen and \
                    not ctx.site.is_dead(link.url):
                seen.add(id(target))
                out.append(target)
    wanted = target_years(ctx.item.period, ctx.year)
    if not wanted:
        return out
    return [r for r in out if r.kind != "document" or not (years := document_years(ctx.site, r, ctx.year).years)
            or years & wanted]


def _has_feature(record: PageRecord, feature: str, site: Site) -> bool:
    if feature == "form":
        return record.forms > 0
    return site.furniture.own(record, {"image": "images", "table": "tables"}[feature]) > 0


def _missing(elements, record: PageRecord, text: PageText, extra: PageText | None) -> list[str]:
    missing = []
    for element in elements:
        if element.html:
            ok = _has_feature(record, element.html, text.site) or (
                extra is not None and extra.record.kind == "page" and _has_feature(extra.record, element.html,
                                                                                  text.site))
        else:
            ok = element.in_text(text.element_key, text.element_loose_key) or (
                extra is not None and element.in_text(extra.element_key, extra.element_loose_key))
        if not ok:
            missing.append(element.name)
    return missing


CHECKS: tuple[Check, ...] = (
    Check("fetched", ("หน้านี้อยู่ในการตรวจ", "the URL was crawled"), fetched),
    Check("reachable", ("เปิดได้ (ไม่ใช่ 404 หรือข้อผิดพลาด)", "opens (no 404 or error)"), reachable),
    Check("not_soft_404", ("ไม่ใช่หน้า 'ไม่พบข้อมูล' ที่ตอบ 200", "not a 'not found' page answering 200"), not_soft_404),
    Check("document_opens", ("เอกสารเปิดได้ (ไม่เสียหาย ไม่เข้ารหัส)", "the document opens (not corrupt or encrypted)"),
          document_opens),
    Check("not_home_page", ("ไม่ใช่เพียงหน้าแรก", "not just the home page"), not_home_page),
    Check("not_index_page", ("ไม่ใช่หน้ารวมลิงก์ ITA", "not the ITA index page"), not_index_page),
    Check("not_placeholder", ("มีเนื้อหา ไม่ใช่หน้าว่างหรืออยู่ระหว่างปรับปรุง", "has content, not a placeholder"), not_placeholder),
    Check("shows_item", ("เนื้อหาของหน้าเป็นข้อนี้", "its own content shows the item"), shows_item),
    Check("targets_work", ("เอกสารหรือรายการที่หน้านี้ชี้ไปเปิดได้", "the documents or entries it points to open"),
          targets_work),
    Check("fiscal_year", ("แสดงปีงบประมาณที่ต้องการ", "shows the required fiscal year"), fiscal_year),
    Check("required_elements", ("มีองค์ประกอบครบ", "has every required element"), required_elements),
)
CHECK_TITLES = {check.id: check.title for check in CHECKS}


def run_checks(ctx: Context) -> list[CheckOutcome]:
    """Every applicable check until the first failure (later checks cannot rescue a dead or empty page)."""
    outcomes = []
    for check in CHECKS:
        outcome = check.run(ctx)
        if outcome is None:
            continue
        outcomes.append(outcome)
        if not outcome.passed:
            break
    return outcomes
