"""``ita demo``: serve the bundled demo agency site on 127.0.0.1, audit it, print the scorecard and how the
verdicts compare with the site's ground truth. ``ita demo --serve`` only serves it, to audit by hand: a plain
static server does not reproduce its CMS (extensionless URLs, 'not found' pages answering 200)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ita_check.audit import run_audit
from ita_check.evaluate import DEMO_DIR, compare, report
from ita_check.options import AuditOptions
from ita_check.siteserver import SiteConfig, serve
from reports.audit_text import audit_summary
from rules.loader import select_rules


def _truth() -> dict:
    return json.loads((DEMO_DIR / "ground_truth.json").read_text(encoding="utf-8"))


def run_demo(out: Path, quiet: bool = False) -> int:
    truth = _truth()
    selected = select_rules(truth["year"])
    with serve(SiteConfig(DEMO_DIR / "site", title=truth["name"])) as base:
        print(f"เว็บไซต์ตัวอย่าง (demo site): {base}/public/ — {truth['name']}")
        run = run_audit(base + "/public/", selected, out, AuditOptions(fresh=True, quiet=quiet))
    print(audit_summary(run.results, run.rules, run.out_dir))
    print()
    print("เทียบกับเฉลยของเว็บไซต์ตัวอย่าง (against the demo's ground truth):")
    print(report([compare(run.results.model_dump(mode="json"), truth, "demo")]))
    print()
    print("รายงาน (reports) — เปิดด้วยเบราว์เซอร์, Word และ Excel:")
    for path in run.reports:
        print(f"  {path.resolve()}")
    return 0


def serve_demo(port: int) -> int:
    truth = _truth()
    with serve(SiteConfig(DEMO_DIR / "site", title=truth["name"]), port=port) as base:
        print(f"เว็บไซต์ตัวอย่างเปิดอยู่ที่ (demo site at) {base}/public/ — {truth['name']}, ITA {truth['year']}")
        print(f"ตรวจเองได้ด้วย (audit it yourself):  ita audit {base}/public/ --year {truth['year']} --out out/my-demo")
        print("กด Ctrl-C เพื่อปิด (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("ปิดเว็บไซต์ตัวอย่างแล้ว (stopped)")
    return 0
