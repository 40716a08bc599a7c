"""Accuracy of audits against sites with a ground truth: items decided right, evidence right, false presents.

Each site is served on 127.0.0.1 and audited by a separate ``ita audit`` process (one Twisted reactor per
process), exactly as a user runs it.

Two kinds of sites: the two hand-built ones (demo/, demo/heldout/), kept as regression rows, and sites made by
the seeded generator (demo/generator) in three splits. Tune seeds (1–499) use only the tune wordings of the
generator's vocabulary; dev seeds (500–999) add the newest round of dev wordings (vocab-dev*.yaml), written apart
from the rules, to find what unseen wording breaks; both are the ones to read wrong decisions from. Test seeds (1000+)
add the test wordings instead and are only measured. A split covers every (CMS style, year) cell with ``per_cell`` seeds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ita_check.siteserver import SiteConfig, load_site, route_key, serve
from model.errors import BadInput
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
    absent: int = 0  # items truly absent
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
        """Absent items called present, as a share of the truly absent items."""
        return len(self.false_present) / self.absent if self.absent else 0.0


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _site_host(results: dict) -> str | None:
    return urlsplit((results.get("agency") or {}).get("url") or "").hostname


def evidence_matches(url: str, accepted: list[str], site_host: str | None = None) -> bool:
    """Is an audit's evidence URL one of the truth's? Site paths compare by route (percent-encoding and query order
    do not matter); a URL on another host (Facebook, e-GP, a form service) compares whole."""
    parts = urlsplit(url)
    if site_host and parts.hostname and parts.hostname != site_host:
        return url in accepted
    keys = {route_key(u) for u in accepted if not u.startswith(("http://", "https://"))}
    return route_key(_path(url)) in keys


def compare(results: dict, truth: dict, site: str = "") -> Metrics:
    metrics = Metrics(site, pages=results["crawl"]["pages"], documents=results["crawl"]["documents"],
                      seconds=results["crawl"]["seconds"])
    for item in results["items"]:
        expected = truth["items"].get(item["code"])
        if expected is None:
            continue
        metrics.items += 1
        metrics.absent += not expected["present"]
        if item["present"] == expected["present"]:
            metrics.correct += 1
        elif item["present"]:
            metrics.false_present.append(item["code"])
        else:
            metrics.missed.append(item["code"])
        if item["present"] and expected["present"]:
            metrics.found += 1
            if item["urls"] and evidence_matches(item["urls"][0], expected["urls"], _site_host(results)):
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
                          "เรียกว่ามีผิด (false present, % of absent)", "วินาที"], "lrrrrrr")]
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
    unknown = [name for name in sites or [] if name not in SITES]
    if unknown:
        raise BadInput(f"--site {', '.join(unknown)}: ไม่มีเว็บประเมินชื่อนี้ (no such evaluation site)",
                       hint="มี (known): " + ", ".join(SITES))
    metrics = [audit_site(name, out) for name in (sites or list(SITES))]
    print(report(metrics))
    return 0


# -- generated sites ------------------------------------------------------------------------------------------------



def reason_text(reason) -> str:
    """The audit's reason, whatever its shape: a string today, an object with a code (and maybe a text) tomorrow."""
    if reason is None:
        return ""
    if isinstance(reason, dict):
        code = reason.get("code")
        text = reason.get("text") or reason.get("message") or reason.get("th") or ""
        return " ".join(str(x) for x in (code, text) if x) or json.dumps(reason, ensure_ascii=False)
    if isinstance(reason, list):
        return "; ".join(reason_text(r) for r in reason)
    return str(reason)


def generated_sites(split: str, styles: list[str] | None = None, years: list[int] | None = None,
                    per_cell: int = 2) -> list[tuple[str, int, int]]:
    """(style, year, seed) of a split. Seeds follow one global order of the cells, so narrowing --styles or --years
    or raising --per-cell never changes the seed of a site already measured."""
    from demo.generator import STYLES, YEARS
    from demo.generator.build import SPLIT_SEEDS

    first, last = SPLIT_SEEDS[split]
    cells = [(style, year) for style in STYLES for year in YEARS]
    if first + per_cell * len(cells) - 1 > last:
        raise ValueError(f"--per-cell {per_cell} needs more seeds than the {split} range {first}–{last} holds")
    out = []
    for i in range(per_cell):
        for n, (style, year) in enumerate(cells):
            if (not styles or style in styles) and (not years or year in years):
                out.append((style, year, first + i * len(cells) + n))
    return out


@dataclass
class ItemResult:
    site: str
    style: str
    year: int
    code: str
    truth: bool
    audit: bool
    defect: str
    evidence_right: bool | None  # for items rightly called present
    needs_review: bool
    reason: str
    wording_split: str


@dataclass
class SiteRun:
    site: str
    style: str
    year: int
    seed: int
    items: list[ItemResult]
    wall: float
    pages: int = 0
    documents: int = 0
    error: str = ""
    without_ocr: list[ItemResult] = field(default_factory=list)  # the same crawl decided with no scan read


def decided_without_ocr(folder: Path, truth: dict) -> list[ItemResult]:
    """The audit's crawl decided again with no OCR reading (and no live re-check): what OCR changed."""
    from crawler.records import read_records
    from rules.loader import rules_for_year
    from rules.matcher import match_site
    from rules.patterns import CompiledRules

    manifest = json.loads((folder / "audit.json").read_text(encoding="utf-8"))
    records = sorted(read_records(folder / "crawl" / "records.jsonl"), key=lambda r: (r.url, r.kind))
    compiled = CompiledRules(rules_for_year(manifest["year"]))
    matched = match_site(records, compiled, manifest["url"])
    results = {"agency": {"url": manifest["url"]}, "items": [i.model_dump(mode="json") for i in matched.items]}
    return compare_generated(results, truth)


def compare_generated(results: dict, truth: dict) -> list[ItemResult]:
    host = _site_host(results)
    out = []
    by_code = {item.get("code"): item for item in results.get("items") or []}
    for code, expected in truth["items"].items():
        item = by_code.get(code) or {}
        called = bool(item.get("present"))
        urls = item.get("urls") or []
        evidence = None
        if called and expected["present"]:
            evidence = bool(urls) and evidence_matches(urls[0], expected["urls"], host)
        out.append(ItemResult(truth["site"], truth["style"], truth["year"], code, expected["present"], called,
                              expected.get("defect", ""), evidence, bool(item.get("needs_review")),
                              reason_text(item.get("reason")) if item else "ไม่มีในผลการตรวจ (missing from results.json)",
                              expected.get("wording_split", "")))
    return out


def audit_generated(style: str, year: int, seed: int, out: Path, small: bool = False, extra: list[str] | None = None,
                    timeout: int = 1800) -> SiteRun:
    from demo.generator import cached_site

    folder = cached_site(style, year, seed, small=small)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    name = truth["site"]
    target = out / name
    started = time.monotonic()
    with serve(load_site(folder)) as base:
        command = [sys.executable, "-m", "ita_check.cli", "audit", base + truth["start"], "--year", str(year),
                   "--out", str(target), "--fresh", "--quiet", *(extra or [])]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
            error = "" if run.returncode == 0 else f"exit {run.returncode}: {run.stderr[-500:]}"
        except subprocess.TimeoutExpired:
            error = f"timeout after {timeout} s"
    wall = time.monotonic() - started
    try:
        results = json.loads((target / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return SiteRun(name, style, year, seed, [], wall, error=error or f"no results.json: {exc}")
    crawl = results.get("crawl") or {}
    items = compare_generated(results, truth)
    read = target / "ocr"
    without = decided_without_ocr(target, truth) if read.is_dir() and any(read.iterdir()) else items
    return SiteRun(name, style, year, seed, items, wall, crawl.get("pages", 0), crawl.get("documents", 0), error,
                   without)


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({n / d:.1%})" if d else "-"


def _row(label: str, items: list[ItemResult], runs: list[SiteRun]) -> list[str]:
    right = sum(i.truth == i.audit for i in items)
    absent = [i for i in items if not i.truth]
    false_present = sum(i.audit for i in absent)
    found = [i for i in items if i.truth and i.audit]
    evidence = sum(bool(i.evidence_right) for i in found)
    missed = sum(i.truth and not i.audit for i in items)
    review = sum(i.needs_review for i in items)
    walls = [r.wall for r in runs]
    wall = f"{sum(walls) / len(walls):.1f}" if walls else "-"
    return [label, str(len(runs)), str(len(items)), _pct(right, len(items)), _pct(false_present, len(absent)),
            _pct(evidence, len(found)), str(review), str(missed), wall]


HEADER = ["", "เว็บ", "ข้อ", "ตัดสินถูก (decided right)", "เรียกว่ามีผิด (absent called present)",
          "หลักฐานถูก (evidence right)", "needs_review", "พลาด (missed)", "วินาที/เว็บ"]


def generated_report(runs: list[SiteRun], split: str, list_wrong: bool | None = None) -> str:
    """Tables per CMS style, per year, per defect class and a total; the wrong decisions for the tune and dev
    splits."""
    items = [i for r in runs for i in r.items]
    lines = [f"### Generated sites, {split} split ({len(runs)} sites, seeds "
             f"{', '.join(str(r.seed) for r in runs[:3])}{', …' if len(runs) > 3 else ''})"]
    rows = [_row(style, [i for i in items if i.style == style], [r for r in runs if r.style == style])
            for style in dict.fromkeys(r.style for r in runs)]
    rows.append(_row("รวม (total)", items, runs))
    lines.append(table(rows, ["CMS style", *HEADER[1:]], "lrrrrrrrr"))
    rows = [_row(str(year), [i for i in items if i.year == year], [r for r in runs if r.year == year])
            for year in sorted({r.year for r in runs})]
    rows.append(_row("รวม (total)", items, runs))
    lines.append(table(rows, ["ปี (year)", *HEADER[1:]], "lrrrrrrrr"))
    defects = Counter(i.defect for i in items)
    rows = []
    for defect, _ in sorted(defects.items(), key=lambda kv: (-kv[1], kv[0])):
        group = [i for i in items if i.defect == defect]
        present = sum(i.truth for i in group)
        right = sum(i.truth == i.audit for i in group)
        rows.append([defect, f"{present}/{len(group)}", _pct(right, len(group))])
    lines.append(table(rows, ["ข้อบกพร่อง (defect class)", "มีจริง (truly present)", "ตัดสินถูก (decided right)"], "lrr"))
    without = [i for r in runs for i in (r.without_ocr or r.items)]
    scans = [i for i in items if i.defect == "scan"]
    scans_without = [i for i in without if i.defect == "scan"]
    lines.append(table([_row("OCR (as audited)", items, runs), _row("ไม่อ่านสแกน (without OCR)", without, runs),
                        _row("  scanned items, OCR", scans, runs), _row("  scanned items, no OCR", scans_without, runs)],
                       ["OCR", *HEADER[1:]], "lrrrrrrrr"))
    held = [i for i in items if i.wording_split not in ("tune", "")]
    if held:
        lines.append(f"items worded only in the held-out vocabulary: {_pct(sum(i.truth == i.audit for i in held), len(held))} decided right")
    failed = [r for r in runs if r.error]
    for r in failed:
        lines.append(f"ผิดพลาด (audit failed) {r.site}: {r.error}")
    walls = [r.wall for r in runs]
    if walls:
        lines.append(f"wall time per site: mean {sum(walls) / len(walls):.1f} s, max {max(walls):.1f} s "
                     f"({max(runs, key=lambda r: r.wall).site}); sites ran 2 at a time")
    if list_wrong if list_wrong is not None else split != "test":
        wrong = [i for i in items if i.truth != i.audit]
        lines.append(f"wrong decisions ({len(wrong)}): site, code, truth defect, audit reason")
        for i in wrong:
            verdict = "false present" if i.audit else "missed"
            lines.append(f"  {i.site} {i.code} [{verdict}] defect={i.defect}: {i.reason}")
    elif split == "test":
        lines.append("(wrong decisions are listed for the tune and dev splits only: the test split is for measuring, not tuning)")
    return "\n".join(lines)


def run_generated(out: Path, split: str, styles: list[str] | None = None, years: list[int] | None = None,
                  per_cell: int = 2, jobs: int = 2, small: bool = False, progress: bool = True) -> list[SiteRun]:
    from demo.generator import cached_site

    sites = generated_sites(split, styles, years, per_cell)
    for style, year, seed in sites:  # build (or find in the cache) first: the document libraries are not thread-safe
        cached_site(style, year, seed, small=small)
    out.mkdir(parents=True, exist_ok=True)
    done: list[SiteRun] = []

    def one(site):
        run = audit_generated(*site, out / split, small=small)
        done.append(run)
        if progress:
            right = sum(i.truth == i.audit for i in run.items)
            print(f"  [{len(done)}/{len(sites)}] {run.site}: {right}/{len(run.items)} right, {run.wall:.1f} s"
                  + (f" — {run.error}" if run.error else ""), file=sys.stderr, flush=True)
        return run

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        runs = list(pool.map(one, sites))
    summary = [{"site": r.site, "style": r.style, "year": r.year, "seed": r.seed, "wall": round(r.wall, 2),
                "pages": r.pages, "documents": r.documents, "error": r.error,
                "items": [i.__dict__ for i in r.items]} for r in runs]
    (out / f"summary-{split}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return runs


def run_generated_eval(out: Path, split: str, styles: list[str] | None = None, years: list[int] | None = None,
                       per_cell: int = 2, jobs: int = 2) -> int:
    started = time.monotonic()
    runs = run_generated(out, split, styles, years, per_cell, jobs)
    print(generated_report(runs, split))
    print(f"eval wall time: {time.monotonic() - started:.0f} s for {len(runs)} sites")
    return 1 if any(r.error for r in runs) else 0
