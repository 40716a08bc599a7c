"""The evaluation on generated sites: seed splits, reading results.json defensively, and one audit per CMS style."""

from __future__ import annotations

import json

import pytest

from demo.generator import STYLES
from ita_check.evaluate import (
    audit_generated,
    compare_generated,
    evidence_matches,
    generated_report,
    generated_sites,
    reason_text,
)


def test_tune_and_test_seeds_never_overlap_and_cover_every_cell():
    tune = generated_sites("tune", per_cell=2)
    test = generated_sites("test", per_cell=2)
    assert len(tune) == len(test) == 2 * 5 * 5
    assert max(s for *_, s in tune) < 500 <= 1000 <= min(s for *_, s in test)
    assert {(st, y) for st, y, _ in test} == {(st, y) for st in STYLES for y in range(2565, 2570)}


def test_narrowing_styles_or_raising_per_cell_keeps_the_seeds_already_measured():
    wide = generated_sites("test", per_cell=2)
    narrow = generated_sites("test", styles=["classic"], years=[2567], per_cell=2)
    assert set(narrow) <= set(wide)
    assert set(wide) <= set(generated_sites("test", per_cell=3))
    with pytest.raises(ValueError):
        generated_sites("tune", per_cell=40)


def test_reason_is_printed_whether_it_is_a_string_or_a_structured_object():
    assert reason_text("ไม่พบ") == "ไม่พบ"
    assert reason_text({"code": "missing_element", "text": "ขาดองค์ประกอบ: อีเมล"}) == "missing_element ขาดองค์ประกอบ: อีเมล"
    assert reason_text({"code": "soft_404"}) == "soft_404"
    assert reason_text(None) == ""


def test_evidence_compares_site_paths_by_route_and_other_hosts_whole():
    accepted = ["/%E0%B8%9C%E0%B8%B1%E0%B8%87/", "/index.php?mod=a&id=5", "https://www.facebook.com/x.1"]
    assert evidence_matches("http://127.0.0.1:5000/ผัง/", accepted, "127.0.0.1")
    assert evidence_matches("http://127.0.0.1:5000/index.php?id=5&mod=a", accepted, "127.0.0.1")
    assert evidence_matches("https://www.facebook.com/x.1", accepted, "127.0.0.1")
    assert not evidence_matches("https://www.facebook.com/other", accepted, "127.0.0.1")


def test_comparison_tolerates_missing_items_and_odd_fields():
    truth = {"site": "s", "style": "modern", "year": 2569, "items": {
        "O1": {"present": True, "urls": ["/a"], "defect": "ok"},
        "O2": {"present": False, "urls": [], "defect": "placeholder", "why": "x"}}}
    results = {"agency": {"url": "http://127.0.0.1:1/"}, "items": [
        {"code": "O2", "present": True, "urls": ["http://127.0.0.1:1/b"], "reason": {"code": "found"}}]}
    items = compare_generated(results, truth)
    assert [(i.code, i.audit, i.reason) for i in items] == [
        ("O1", False, "ไม่มีในผลการตรวจ (missing from results.json)"), ("O2", True, "found")]


@pytest.mark.timeout(600)
def test_one_small_site_per_style_is_audited_end_to_end_and_compared(tmp_path):
    runs = [audit_generated(style, 2569, 17 + n, tmp_path, small=True) for n, style in enumerate(STYLES)]
    for run in runs:
        assert not run.error, run.error
        assert len(run.items) == 26 and run.pages > 0
        results = json.loads((tmp_path / run.site / "results.json").read_text(encoding="utf-8"))
        assert {i["code"] for i in results["items"]} >= {i.code for i in run.items}
    report = generated_report(runs, "tune")
    assert "รวม (total)" in report and "wrong decisions (" in report
    assert "wrong decisions (" not in generated_report(runs, "test")
