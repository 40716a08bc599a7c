"""The held-out WordPress-style site (ITA 2568), audited end to end as `ita eval` does."""

from __future__ import annotations

import json

from ita_check.evaluate import audit_site


def test_heldout_site_verdicts_and_evidence_match_its_ground_truth(tmp_path):
    metrics = audit_site("heldout-wordpress", tmp_path)
    assert metrics.false_present == []
    assert metrics.missed == []
    assert metrics.wrong_evidence == []
    assert metrics.items == 28 and metrics.found == 23
    pages = [json.loads(line) for line in (tmp_path / "heldout-wordpress" / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    legacy = next(p for p in pages if p["url"].endswith("/old/archive.html"))
    assert legacy["title"] == "ข้อมูลเก่า"  # windows-874 bytes with no charset anywhere
