"""Thai digits and dates of the plan, and the cell and text guards every writer uses."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from reports.safe import clean_text, neutral_cell, safe_href
from reports.thaidate import Month, plan_frame, thai_digits


def test_thai_digits_keep_urls_codes_and_http_statuses():
    text = "O7 ได้ 85.00 คะแนน ปี 2569 HTTP 404 soft-404 i12 https://a.go.th/x/2569.pdf (1)"
    assert thai_digits(text) == "O7 ได้ ๘๕.๐๐ คะแนน ปี ๒๕๖๙ HTTP 404 soft-404 i12 https://a.go.th/x/2569.pdf (๑)"


@pytest.mark.parametrize(("today", "year", "frame", "target"), [
    (date(2022, 10, 15), 2565, "พ.ย. ๖๕ - ก.พ. ๖๖", 2566),  # the seed: results in Oct 2565, measures for 2566
    (date(2026, 11, 24), 2569, "ธ.ค. ๖๙ - ก.พ. ๗๐", 2570),  # after the 2569 window: aim at 2570
    (date(2025, 10, 1), 2569, "พ.ย. ๖๘ - ก.พ. ๖๙", 2569),  # before the 2569 window
    (date(2026, 1, 10), 2569, "ก.พ. ๖๙ - ก.พ. ๗๐", 2570),  # the window opens too soon: next year's
])
def test_the_plan_ends_before_the_next_assessment_window(today, year, frame, target):
    result = plan_frame(today, year)
    assert result.text() == frame
    assert result.target_year == target
    assert result.end == Month(target, 2)


def test_quick_fixes_take_one_month():
    assert plan_frame(date(2026, 11, 24), 2569).quick() == "ธ.ค. ๖๙ - ม.ค. ๗๐"


@pytest.mark.parametrize("value", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
def test_formula_cells_are_neutralised(value):
    assert neutral_cell(value).startswith("'")


@pytest.mark.parametrize("value", ["O1", "มี", "http://a.go.th/", "ลิงก์เสีย (HTTP 404)", 3])
def test_ordinary_cells_are_kept(value):
    assert neutral_cell(value) == value


def test_clean_text_drops_controls_and_bidi_overrides():
    assert clean_text("a\x00b\x1bc\u202ed\u2066e\nf\tg") == "abcde\nf\tg"


@pytest.mark.parametrize(("url", "ok"), [("https://a.go.th/x", True), ("http://a", True), ("javascript:alert(1)", False),
                                         ("data:text/html,x", False), ("=HYPERLINK(1)", False), ("  JaVaScRiPt:x", False)])
def test_only_http_links_are_links(url, ok):
    assert (safe_href(url) is not None) == ok


def test_evidence_csv_is_neutralised(tmp_path):
    from model.results import Agency, AuditResults, CrawlInfo, OitSummary, RulesInfo
    from model.verdicts import ItemVerdict, Reason, Status
    from reports.evidence import write_outputs

    item = ItemVerdict(code="O1", name="=cmd|' /C calc'!A0", indicator="9", subindicator="9.1", status=Status.PRESENT,
                       reason=Reason.FOUND, urls=["=HYPERLINK(\"http://evil\",\"x\")", "http://a.go.th/"])
    results = AuditResults(agency=Agency(url="http://a.go.th/", name="a"), year=2569,
                           rules=RulesInfo(year=2569, title="t"), crawl=CrawlInfo(), items=[item],
                           oit=OitSummary(score=100, indicators={}, subindicators={}, present=1, total_items=1))
    write_outputs(results, [], tmp_path)
    with open(tmp_path / "evidence.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1].startswith("'=") and rows[1][3].startswith("'=")
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
