"""From crawled records to one verdict per OIT item.

1. ``Site.build`` learns the site's template and normalises each page once (rules/site.py).
2. ``find_candidates`` lists where each item may be, with the signals that point there (rules/candidates.py).
3. Each item's strongest candidates go through the checks (rules/checks.py). An item is present only
   through a working target that passes every check; a wrong "present" costs the agency points.
4. Matching is an assignment, not independent searches: a URL that several items would take as evidence
   stays with the items it really carries (its own heading or content names them); an item that only got
   there through a link text looks elsewhere.
5. Absent items get the reason of the candidate an assessor would have followed: the named link first, so
   a dead menu entry reads ลิงก์เสีย with its URL and the page linking it, never a fallback that merely
   mentions the item. An unreadable document or a site fault asks for a person (``needs_review``), and an
   item the crawl stopped before reaching is ``not_reached``.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.records import PageRecord
from model.scans import OcrResult
from model.verdicts import Candidate, ItemVerdict, Note, Reason, Status
from rules.candidates import Candidates, Found, find_candidates
from rules.checks import REVIEW_REASONS, Context, is_not_found_page, run_checks
from rules.patterns import CompiledRules
from rules.schema import Item
from rules.site import Site

MAX_EVIDENCE = 3
MAX_CHECKED = 12  # candidates checked per item, strongest first: an assessor does not open 400 pages
MAX_KEPT = 8  # candidates kept in the verdict for ``ita explain``
# Which failure explains an absent item best, most specific first (among equally strong candidates).
REASON_ORDER = [Reason.MISSING_ELEMENTS, Reason.WRONG_YEAR, Reason.NO_YEAR, Reason.UNREADABLE_DOCUMENT,
                Reason.OCR_UNCERTAIN, Reason.PLACEHOLDER, Reason.DOCUMENT_ERROR, Reason.BROKEN_LINK, Reason.SOFT_404,
                Reason.FETCH_FAILED, Reason.NOT_THE_ITEM, Reason.INDEX_PAGE, Reason.HOME_PAGE, Reason.NOT_CRAWLED,
                Reason.URL_HINT_ONLY]
DEAD = (Reason.BROKEN_LINK, Reason.SOFT_404)
OWN_VIA = {"heading", "content", "entries", "document", "external"}  # the candidate itself shows the item


@dataclass
class Evaluated:
    url: str
    found: Found
    record: PageRecord | None
    candidate: Candidate

    @property
    def passed(self) -> bool:
        return self.candidate.passed

    @property
    def via(self) -> str:
        for check in self.candidate.checks:
            if check.check == "shows_item":
                return check.detail.get("via", "")
        return ""


def _score(found: Found, record: PageRecord | None, item: Item, outcomes) -> float:
    strength = found.strength()
    if record is None:
        return strength
    if record.kind == "document" and item.evidence == "page" or record.kind == "page" and item.evidence == "document":
        strength -= 0.5
    strength += sum(1.0 for o in outcomes if o.passed and o.check in ("fiscal_year", "required_elements"))
    return strength - 0.05 * record.depth


def evaluate(item: Item, found_by_url: dict[str, Found], site: Site, compiled: CompiledRules,
             year: int) -> list[Evaluated]:
    order = sorted(found_by_url.items(), key=lambda kv: (kv[1].navigated, kv[1].strength()), reverse=True)
    out = []
    for url, found in order[:MAX_CHECKED]:
        record = site.get(url)
        ctx = Context(item, url, found, record, site, compiled, year)
        outcomes = run_checks(ctx)
        failed = next((o for o in outcomes if not o.passed), None)
        kind = "external" if found.external else (record.kind if record is not None else "page")
        candidate = Candidate(url=record.url if record is not None else url, kind=kind, signals=found.signals[:6],
                              strength=round(_score(found, record, item, outcomes), 3), checks=outcomes,
                              passed=failed is None, reason=failed.reason if failed else None,
                              detail=failed.detail if failed else {})
        out.append(Evaluated(url, found, record, candidate))
    return out


def _failure_rank(e: Evaluated) -> tuple:
    reason = e.candidate.reason
    rank = REASON_ORDER.index(reason) if reason in REASON_ORDER else len(REASON_ORDER)
    return (not e.found.navigated, -e.candidate.strength, rank)


def _confidence(e: Evaluated) -> str:
    record = e.record
    if record is not None and record.kind == "document" and (record.scanned or not record.text):
        return "low"
    if any(c.detail.get("only_in_link") for c in e.candidate.checks):
        return "medium"
    return "high"


def verdict(item: Item, indicator: str, evaluated: list[Evaluated], complete: bool = True,
            stop_reason: str = "") -> ItemVerdict:
    base = dict(code=item.code, name=item.name, indicator=indicator, subindicator=item.subindicator,
                item_confidence=item.confidence,
                candidates=[e.candidate for e in sorted(evaluated, key=lambda e: (not e.passed, -e.candidate.strength))][:MAX_KEPT])
    passed = sorted((e for e in evaluated if e.passed), key=lambda e: -e.candidate.strength)
    navigated = [e for e in evaluated if e.found.navigated]
    if navigated and all(e.candidate.reason in DEAD for e in navigated):
        # the entries an assessor clicks are dead: a page that merely mentions the item does not replace them
        passed = []
    if passed:
        best = passed[0]
        result = ItemVerdict(**base, status=Status.PRESENT,
                             reason=Reason.FOUND_EXTERNAL if best.found.external else Reason.FOUND,
                             detail={"external": best.found.external} if best.found.external else {},
                             urls=[e.candidate.url for e in passed[:MAX_EVIDENCE]], confidence=_confidence(best))
        for e in passed[:MAX_EVIDENCE]:
            record = e.record
            ocr = _ocr_detail(e.candidate)
            if ocr:
                result.note(Note.READ_BY_OCR, url=e.candidate.url, **ocr)
            elif record is not None and record.kind == "document" and record.scanned:
                result.note(Note.SCANNED_DOCUMENT, url=e.candidate.url)
            if record is not None and record.kind == "document" and record.error and not record.scanned:
                result.note(Note.DOCUMENT_ERROR, url=e.candidate.url, why=record.error[:120])
        if any(c.detail.get("only_in_link") for c in best.candidate.checks):
            result.note(Note.YEAR_ONLY_IN_LINK)
        if best.found.external:
            result.note(Note.EXTERNAL_CHANNEL, url=best.found.external)
        broken = [e for e in evaluated if e.candidate.reason in (Reason.BROKEN_LINK, Reason.SOFT_404) and e.found.navigated]
        if broken:
            result.note(Note.RELATED_BROKEN_LINKS, count=len(broken), url=broken[0].candidate.detail.get("url", broken[0].url))
        return result
    if not evaluated:
        if not complete:
            return ItemVerdict(**base, status=Status.NOT_REACHED, reason=Reason.NOT_REACHED, detail={"stop": stop_reason})
        return ItemVerdict(**base, status=Status.ABSENT, reason=Reason.NOT_FOUND)
    best = sorted(evaluated, key=_failure_rank)[0]
    reason, detail = best.candidate.reason or Reason.NOT_FOUND, dict(best.candidate.detail)
    if reason in (Reason.BROKEN_LINK, Reason.SOFT_404, Reason.FETCH_FAILED, Reason.DOCUMENT_ERROR,
                  Reason.UNREADABLE_DOCUMENT):
        detail.setdefault("url", best.candidate.url)
        if best.found.link_texts():
            detail.setdefault("linked_from", [s.source for s in best.found.signals if s.source][:3])
    if not complete:
        return ItemVerdict(**base, status=Status.NOT_REACHED, reason=Reason.NOT_REACHED,
                           detail={"stop": stop_reason, "so_far": reason.value, **detail}, confidence="low")
    status = Status.NEEDS_REVIEW if reason in REVIEW_REASONS else Status.ABSENT
    return ItemVerdict(**base, status=status, reason=reason, detail=detail,
                       confidence="low" if status is Status.NEEDS_REVIEW else "medium")


def _ocr_detail(candidate: Candidate) -> dict:
    """Where OCR read what settled the candidate: the year's page and words, else the first page read."""
    by_check = {c.check: c.detail for c in candidate.checks}
    for check in ("fiscal_year", "document_opens"):
        detail = by_check.get(check, {})
        if detail.get("ocr_page"):
            return {"page": detail["ocr_page"], "excerpt": detail.get("excerpt", "")}
    return {}


def _assign(results: dict[str, list[Evaluated]]) -> None:
    """A URL several items would take as evidence stays with those whose own heading or content it shows;
    the items that reached it only through a link text lose it (their sibling's page is not theirs)."""
    by_url: dict[str, list[tuple[str, Evaluated]]] = {}
    for code, evaluated in results.items():
        for e in evaluated:
            if e.passed:
                by_url.setdefault(e.url, []).append((code, e))
    for holders in by_url.values():
        if len(holders) < 2:
            continue
        own = [code for code, e in holders if e.via in OWN_VIA]
        if not own:
            continue
        for code, e in holders:
            if code not in own:
                e.candidate.passed = False
                e.candidate.reason = Reason.NOT_THE_ITEM
                e.candidate.detail = {"url": e.candidate.url, "belongs_to": own}


@dataclass
class Matched:
    items: list[ItemVerdict]
    not_found_pages: int  # pages answering 200 that are the CMS's 'not found' page


def match_site(records: list[PageRecord], compiled: CompiledRules, start_url: str, complete: bool = True,
               stop_reason: str = "", scans: dict[str, OcrResult] | None = None) -> Matched:
    site = Site.build(records, start_url, scans)
    site.not_found = lambda record: is_not_found_page(record, site, compiled)
    candidates: Candidates = find_candidates(site, compiled)
    rules = compiled.rules
    results = {item.code: evaluate(item, candidates.get(item.code, {}), site, compiled, rules.year)
               for item in rules.oit.items}
    _assign(results)
    indicator_of = {s.code: s.indicator for s in rules.oit.subindicators}
    items = [verdict(item, indicator_of[item.subindicator], results[item.code], complete, stop_reason)
             for item in rules.oit.items]
    pages = {id(r): r for r in site.records.values() if r.kind == "page" and r.ok}.values()
    return Matched(items, sum(1 for record in pages if site.is_dead(record.url)))



def looks_not_found(record: PageRecord, probe: PageRecord | None, compiled: CompiledRules) -> bool:
    """The soft-404 test for one page fetched outside the crawl (the live re-check of evidence)."""
    site = Site.build([r for r in (probe, record) if r is not None], record.url)
    return is_not_found_page(record, site, compiled)
