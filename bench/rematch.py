"""Re-decide saved audits of generated sites without crawling again: the tuning loop for the rules engine.

`ita eval --generated --split tune --out DIR` keeps each site's crawl records; this re-runs matching on them
(no live re-check) and compares with the ground truth, in seconds instead of minutes. Use it on the tune
split only; measure on the test split with `ita eval`, never with this.

Run: python bench/rematch.py DIR [--show CODE|all] [--site NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crawler.records import read_records  # noqa: E402
from ita_check.audit import _read_scans as read_scans  # noqa: E402
from ita_check.evaluate import evidence_matches  # noqa: E402
from ita_check.scans import ScanReader  # noqa: E402
from model.wording import signal_text, verdict_reason  # noqa: E402
from rules.loader import rules_for_year  # noqa: E402
from rules.matcher import match_site  # noqa: E402
from rules.patterns import CompiledRules  # noqa: E402


def truth_for(site: str) -> dict:
    from demo.generator import cached_site

    _, style, year, seed = site.split("-")
    return json.loads((cached_site(style, int(year), int(seed)) / "ground_truth.json").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=Path)
    parser.add_argument("--show", default="wrong", help="wrong (default), all, or nothing")
    parser.add_argument("--site")
    parser.add_argument("--checks", action="store_true", help="print each candidate's check outcomes")
    parser.add_argument("--unseen", action="store_true",
                        help="rules less the patterns that only memorise one tune wording (bench/wording.py)")
    args = parser.parse_args()
    compiled: dict[int, CompiledRules] = {}
    totals = Counter()
    started = time.monotonic()
    wrong_by = Counter()
    for folder in sorted(p for p in args.dir.rglob("audit.json")):
        site_dir = folder.parent
        if args.site and site_dir.name != args.site:
            continue
        manifest = json.loads(folder.read_text(encoding="utf-8"))
        year = manifest["year"]
        if year not in compiled:
            if args.unseen:
                from wording import ablated

                compiled[year] = CompiledRules(ablated(year)[0])
            else:
                compiled[year] = CompiledRules(rules_for_year(year))
        rules = compiled[year]
        records = sorted(read_records(site_dir / "crawl" / "records.jsonl"), key=lambda r: (r.url, r.kind))
        reader = ScanReader(site_dir, rules)  # as the audit does: scans named by links, then those still needed
        for record in records:
            reader.on_record(record)
        try:
            items = read_scans(match_site(records, rules, manifest["url"]), records, reader, rules, manifest["url"],
                               True, "finished").items
        finally:
            reader.close()
        truth = truth_for(site_dir.name)
        host = urlsplit(manifest["url"]).hostname
        for item in items:
            expected = truth["items"].get(item.code)
            if expected is None:
                continue
            totals["items"] += 1
            right = item.present == expected["present"]
            totals["right"] += right
            if not expected["present"]:
                totals["absent"] += 1
                totals["false_present"] += item.present
            elif item.present:
                totals["found"] += 1
                totals["evidence"] += evidence_matches(item.urls[0], expected["urls"], host)
            if not right:
                wrong_by[(expected.get("defect", ""), "FP" if item.present else "miss")] += 1
            if args.show == "all" or (args.show == "wrong" and not right):
                kind = ("right" if right else "FALSE PRESENT" if item.present else "MISSED")
                print(f"{site_dir.name} {item.code} [{kind}] defect={expected.get('defect')} truth={expected.get('urls', [])[:2]}"
                      f" why={expected.get('why', '')}")
                print(f"    audit: {verdict_reason(item)} {item.urls[:1]} {item.detail if not item.present else ''}")
                for c in item.candidates[:4]:
                    print(f"      - {c.url} {'PASS' if c.passed else c.reason} {c.strength} "
                          f"{[signal_text(s)[:70] for s in c.signals[:2]]}")
                    if args.checks:
                        print("        " + "; ".join(f"{o.check}={'ok' if o.passed else o.reason} {o.detail or ''}"
                                                   for o in c.checks))
    n = totals["items"] or 1
    print(f"\nitems {totals['items']}: right {totals['right'] / n:.1%}, false present {totals['false_present']}/"
          f"{totals['absent']} ({totals['false_present'] / max(totals['absent'], 1):.1%}), evidence "
          f"{totals['evidence']}/{totals['found']} ({totals['evidence'] / max(totals['found'], 1):.1%}) "
          f"in {time.monotonic() - started:.1f} s")
    for (defect, kind), count in wrong_by.most_common():
        print(f"  {defect:16} {kind:5} {count}")


if __name__ == "__main__":
    main()
