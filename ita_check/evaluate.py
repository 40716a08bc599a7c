"""Accuracy of audits against sites with a ground truth: items decided right, evidence right, false presents.

Each site is served on 127.0.0.1 and audited by a separate ``ita audit`` process (one Twisted reactor per
process), exactly as a user runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ita_check.siteserver import SiteConfig, serve
from reports.text import table

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"
SITES = {
    "demo": (DEMO_DIR / "site", DEMO_DIR / "ground_truth.json", "/public/"),
    # built from the criteria with a different vendor and wording, to measure on a site not tuned for
    "heldout-wordpress": (DEMO_DIR / "heldout" / "site", DEMO_DIR / "heldout" / "ground_truth.json", "/"),
}


@dataclass
class Metrics:
    site: str
    items: int = 0
    correct: int = 0
    found: int = 0  # items rightly called present
    evidence_right: int = 0
    false_present: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_evidence: list[str] = field(default_factory=list)
    pages: int = 0
    documents: int = 0
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.items if self.items else 0.0

    @property
    def evidence_precision(self) -> float:
        return self.evidence_right / self.found if self.found else 0.0

    @property
    def false_present_rate(self) -> float:
        return len(self.false_present) / self.items if self.items else 0.0


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def compare(results: dict, truth: dict, site: str = "") -> Metrics:
    metrics = Metrics(site, pages=results["crawl"]["pages"], documents=results["crawl"]["documents"],
                      seconds=results["crawl"]["seconds"])
    for item in results["items"]:
        expected = truth["items"].get(item["code"])
        if expected is None:
            continue
        metrics.items += 1
        if item["present"] == expected["present"]:
            metrics.correct += 1
        elif item["present"]:
            metrics.false_present.append(item["code"])
        else:
            metrics.missed.append(item["code"])
        if item["present"] and expected["present"]:
            metrics.found += 1
            if item["urls"] and _path(item["urls"][0]) in expected["urls"]:
                metrics.evidence_right += 1
            else:
                metrics.wrong_evidence.append(f"{item['code']}: {item['urls'][:1]}")
    return metrics


def report(all_metrics: list[Metrics]) -> str:
    rows = []
    for m in all_metrics:
        rows.append([m.site, str(m.pages), str(m.documents), f"{m.correct}/{m.items} ({m.accuracy:.1%})",
                     f"{m.evidence_right}/{m.found} ({m.evidence_precision:.1%})",
                     f"{len(m.false_present)} ({m.false_present_rate:.1%})", f"{m.seconds:.1f}"])
    lines = [table(rows, ["เว็บไซต์", "หน้า", "เอกสาร", "ตัดสินถูก (item accuracy)", "หลักฐานถูก (evidence precision)",
                          "เรียกว่ามีผิด (false present)", "วินาที"], "lrrrrrr")]
    for m in all_metrics:
        if m.false_present or m.missed or m.wrong_evidence:
            lines.append(f"{m.site}: false present {m.false_present}; missed {m.missed}; wrong evidence {m.wrong_evidence}")
    return "\n".join(lines)


def audit_site(name: str, out: Path, extra: list[str] | None = None) -> Metrics:
    site, truth_path, start = SITES[name]
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    config = SiteConfig(site, title=truth.get("name", ""), soft_404_prefix="/public/" if name == "demo" else None)
    with serve(config) as base:
        command = [sys.executable, "-m", "ita_check.cli", "audit", base + start, "--year", str(truth["year"]),
                   "--out", str(out / name), "--fresh", "--quiet", *(extra or [])]
        run = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        if run.returncode != 0:
            raise RuntimeError(f"ita audit {name} failed ({run.returncode}): {run.stderr[-2000:]}")
    results = json.loads((out / name / "results.json").read_text(encoding="utf-8"))
    return compare(results, truth, name)


def run_eval(out: Path, sites: list[str] | None = None) -> int:
    metrics = [audit_site(name, out) for name in (sites or list(SITES))]
    print(report(metrics))
    return 0
