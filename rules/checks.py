"""The checks an assessor makes on a candidate page or document, each a small unit with its metadata and a
pure function (in the spirit of Lighthouse audits).

A check returns a :class:`~model.verdicts.CheckOutcome` (passed or not, a reason code and details), or
None when it does not apply (no fiscal year to check for an item without a period). They run in order;
the first failure is the candidate's reason. Every outcome is kept so ``ita explain`` can show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model.failures import Failure, failure_for_status
from model.records import PageRecord
from model.verdicts import CheckOutcome, Reason, SignalKind
from rules.candidates import Found
from rules.patterns import CompiledRules
from rules.schema import Item
from rules.site import PageText, Site
from rules.thai import short_key, strict_key
from rules.years import target_years, years_in

EMPTY_PAGE = 30  # letters of own content below which a page without pictures or entries is empty
PLACEHOLDER_PAGE = 600  # a page this short that says 'under construction' is a placeholder
# Faults of the site or the network: the item may well be there, so the verdict asks for a person.
FAULTS = {Failure.BLOCKED, Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.TIMEOUT, Failure.RESET, Failure.TLS,
          Failure.ROBOTS, Failure.TOO_LARGE}
REVIEW_REASONS = {Reason.UNREADABLE_DOCUMENT, Reason.OCR_UNCERTAIN, Reason.FETCH_FAILED}


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
        """A document whose text could not be read: a scan, or a type we do not read."""
        record = self.record
        return record is not None and record.kind == "document" and (record.scanned or not record.text.strip())

    def linked_from(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.found.signals if s.source))[:3]


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
    return _pass("document_opens", scanned=record.scanned or None)


def not_home_page(ctx: Context) -> CheckOutcome | None:
    if ctx.record.kind != "page" or not ctx.site.is_home(ctx.url) or ctx.found.external:
        return None
    return _fail("not_home_page", Reason.HOME_PAGE, url=ctx.url)


def not_placeholder(ctx: Context) -> CheckOutcome | None:
    record = ctx.record
    if record.kind != "page" or ctx.found.external:
        return None
    text = ctx.text
    headings = set(text.own_headings)
    body = strict_key(" ".join(b for b in text.own_blocks if b not in headings))
    heading = short_key(text.own_headings[0]) if text.own_headings else ""
    if heading and body.startswith(heading):  # the heading and the body in one block
        body = body[len(heading):]
    empty = len(body) < EMPTY_PAGE and not record.images and not text.entry_links and not record.forms
    if empty or (len(body) < PLACEHOLDER_PAGE and ctx.compiled.placeholder.search(body)):
        return _fail("not_placeholder", Reason.PLACEHOLDER, url=ctx.url)
    return _pass("not_placeholder")


def _entries(ctx: Context) -> list:
    """The page's own links that name the item: a listing's entries for it."""
    code = ctx.item.code
    return [link for link in ctx.text.entry_links if code in ctx.compiled.named(short_key(link.text))]


def shows_item(ctx: Context) -> CheckOutcome:
    record, code, compiled = ctx.record, ctx.item.code, ctx.compiled
    if ctx.found.external:
        return _pass("shows_item", via="external")
    if record.kind == "document":
        if ctx.found.kinds & {SignalKind.LINK_TEXT, SignalKind.INDEX_ROW, SignalKind.DOCUMENT_TEXT}:
            via = "document" if SignalKind.DOCUMENT_TEXT in ctx.found.kinds else "link_text"
            return _pass("shows_item", via=via)
        text = ctx.text
        if compiled.names.regex[code].search(text.content_key) or compiled.names_loose.regex[code].search(text.loose_key):
            return _pass("shows_item", via="document")
        if ctx.unreadable and ctx.found.kinds & {SignalKind.FUZZY}:
            return _pass("shows_item", via="link_text")
        return _fail("shows_item", Reason.NOT_THE_ITEM, url=ctx.url)
    text = ctx.text
    if code in compiled.named(text.head_key):
        return _pass("shows_item", via="heading")
    if compiled.names.regex[code].search(text.content_key):
        return _pass("shows_item", via="content")
    if _entries(ctx):
        return _pass("shows_item", via="entries")
    head = " ".join([text.own_title, *text.own_headings[:1]])
    if head and code in compiled.fuzzy.match(head):
        return _pass("shows_item", via="fuzzy")
    if not ctx.found.kinds - {SignalKind.URL_HINT}:
        return _fail("shows_item", Reason.URL_HINT_ONLY, url=ctx.url)
    return _fail("shows_item", Reason.NOT_THE_ITEM, url=ctx.url)


def fiscal_year(ctx: Context) -> CheckOutcome | None:
    wanted = target_years(ctx.item.period, ctx.year)
    if not wanted:
        return None
    record, text = ctx.record, ctx.text
    link_years = years_in(strict_key(" ".join(ctx.found.link_texts())))
    entry_years: frozenset[int] = frozenset()
    dead: list[str] = []
    own_years = text.content_years  # dead links' texts are already out of the content
    if record.kind == "page":
        entries = [link for link in _entries(ctx) if years_in(short_key(link.text))]
        alive = [link for link in entries if not ctx.site.is_dead(link.url)]
        dead = [link.url for link in entries if ctx.site.is_dead(link.url)
                and years_in(short_key(link.text)) & wanted]
        entry_years = years_in(strict_key(" ".join(link.text for link in alive)))
        if alive:  # a listing speaks through its entries; its other dates are posting stamps
            own_years = years_in(text.head_key)
    sure = own_years | entry_years
    if sure & wanted:
        return _pass("fiscal_year", years=sorted(sure & wanted))
    if link_years & wanted:
        return _pass("fiscal_year", years=sorted(link_years & wanted), only_in_link=True)
    if dead:  # the entry for the year is there, but an assessor clicking it gets nothing
        status = _status(ctx, dead[0])
        detail = {"status": status} if status else {"soft_404": True}
        return _fail("fiscal_year", Reason.BROKEN_LINK, url=dead[0], linked_from=[ctx.url], **detail)
    found = sure | link_years
    if found:
        latest = [y for y in found if y <= ctx.year + 1]
        return _fail("fiscal_year", Reason.WRONG_YEAR, found=max(latest) if latest else max(found), wanted=sorted(wanted))
    if ctx.unreadable:
        return _fail("fiscal_year", Reason.UNREADABLE_DOCUMENT, url=ctx.url, step="fiscal_year")
    return _fail("fiscal_year", Reason.NO_YEAR, wanted=sorted(wanted))


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
    text = ctx.text
    missing = []
    for element, strict_rx, loose_rx in elements:
        if element.html:
            count = {"image": record.images, "form": record.forms, "table": record.tables}[element.html]
            ok = count > 0
        else:
            ok = bool(strict_rx.search(text.content_key) or loose_rx.search(text.loose_key))
        if not ok:
            missing.append(element.name)
    if missing:
        return _fail("required_elements", Reason.MISSING_ELEMENTS, elements=missing)
    return _pass("required_elements", elements=[e.name for e, _, _ in elements])


CHECKS: tuple[Check, ...] = (
    Check("fetched", ("หน้านี้อยู่ในการตรวจ", "the URL was crawled"), fetched),
    Check("reachable", ("เปิดได้ (ไม่ใช่ 404 หรือข้อผิดพลาด)", "opens (no 404 or error)"), reachable),
    Check("not_soft_404", ("ไม่ใช่หน้า 'ไม่พบข้อมูล' ที่ตอบ 200", "not a 'not found' page answering 200"), not_soft_404),
    Check("document_opens", ("เอกสารเปิดได้ (ไม่เสียหาย ไม่เข้ารหัส)", "the document opens (not corrupt or encrypted)"),
          document_opens),
    Check("not_home_page", ("ไม่ใช่เพียงหน้าแรก", "not just the home page"), not_home_page),
    Check("not_placeholder", ("มีเนื้อหา ไม่ใช่หน้าว่างหรืออยู่ระหว่างปรับปรุง", "has content, not a placeholder"), not_placeholder),
    Check("shows_item", ("เนื้อหาของหน้าเป็นข้อนี้", "its own content shows the item"), shows_item),
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
