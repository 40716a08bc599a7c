"""The whole site's health, said once at the head of the results: a site that refuses the crawler, and a CMS
that answers 'not found' for most of its pages, are not reported as an agency that published nothing."""

from __future__ import annotations

from ita_check.audit import _health
from model.records import PageRecord
from model.results import Agency, AuditResults, Caution, CrawlInfo, OitSummary, RulesInfo

BASE = "http://bannadee.go.th"


def results() -> AuditResults:
    return AuditResults(agency=Agency(url=BASE + "/", name="องค์การบริหารส่วนตำบลบ้านนาดี"), year=2569,
                        rules=RulesInfo(year=2569, title="ITA 2569"), crawl=CrawlInfo(), items=[],
                        oit=OitSummary(score=0, indicators={}, subindicators={}, present=0, total_items=26))


def page(n: int, status: int = 200, failure: str = "") -> PageRecord:
    return PageRecord(f"{BASE}/page/{n}", f"{BASE}/page/{n}", status, "text/html; charset=utf-8", "page",
                      f"หน้า {n} | อบต.บ้านนาดี", failure=failure)


def cautions(result: AuditResults) -> set[Caution]:
    return {c.code for c in result.cautions}


def test_a_site_that_answers_403_to_most_requests_is_called_blocked_not_broken():
    records = [page(0), page(1), *(page(n, 403, "blocked") for n in range(2, 14))]
    result = results()
    _health(result, records, not_found_pages=0)
    assert Caution.CRAWL_BLOCKED in cautions(result) and Caution.SITE_BROKEN not in cautions(result)


def test_a_cms_that_answers_not_found_for_most_pages_is_said_once():
    records = [page(n) for n in range(12)]
    result = results()
    _health(result, records, not_found_pages=9)
    assert cautions(result) == {Caution.SITE_NOT_FOUND_PAGES}


def test_a_healthy_site_with_a_few_dead_links_carries_no_caution():
    records = [*(page(n) for n in range(20)), page(20, 404), page(21, 404)]
    result = results()
    _health(result, records, not_found_pages=1)
    assert cautions(result) == set()
