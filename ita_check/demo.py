"""``ita demo``: serve the bundled demo agency site on 127.0.0.1, audit it, print the scorecard and how the
verdicts compare with the site's ground truth."""

from __future__ import annotations

import json
from pathlib import Path

from ita_check.audit import run_audit
from ita_check.evaluate import DEMO_DIR, compare, report
from ita_check.options import AuditOptions
from ita_check.siteserver import SiteConfig, serve
from reports.audit_text import audit_summary
from rules.loader import rules_for_year


def run_demo(out: Path, quiet: bool = False) -> int:
    truth = json.loads((DEMO_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    rules = rules_for_year(truth["year"])
    with serve(SiteConfig(DEMO_DIR / "site", title=truth["name"])) as base:
        print(f"เว็บไซต์ตัวอย่าง (demo site): {base}/public/ — {truth['name']}")
        run = run_audit(base + "/public/", rules, out, AuditOptions(fresh=True, quiet=quiet))
    print(audit_summary(run.results, run.rules, run.out_dir))
    print()
    print("เทียบกับเฉลยของเว็บไซต์ตัวอย่าง (against the demo's ground truth):")
    print(report([compare(run.results.model_dump(mode="json"), truth, "demo")]))
    return 0
