"""`make bench`: speed, memory and accuracy figures, printed (never asserted by tests).

1. Speed: a 2,000-page menu-heavy agency-style site (bench/bigsite.py, nginx when installed) audited by
   `ita audit`, against a bare Scrapy crawl of the same site in the same run (bench/speed.py).
2. Accuracy: generated sites (demo/generator) per CMS style and per year — the test split (seeds the audit
   was never tuned on, held-out wordings included) and, labelled apart, the tune split — plus the
   demo/heldout regression rows; every site audited end to end (ita_check.evaluate).
3. Real material: the crawler and extractors over ../shared/corpus (read in place, never copied).
4. Matching cost per distinct link text.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ita_check.evaluate import SITES, audit_site, generated_report, report, run_generated  # noqa: E402
from reports.text import table  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def throughput(pages: int, out: Path) -> None:
    from speed import measure

    rows = measure(pages, out)
    print(f"\n## 1. Speed: a {pages}-page menu-heavy site, the whole audit against a bare Scrapy crawl")
    print(table(rows, ["measure", "value", "rate / target"], "lrl"))


def accuracy(out: Path, per_cell: int = 2) -> None:
    print("\n## 2. Accuracy on sites with a ground truth")
    for split, label in (("test", "TEST split — the figure to quote (seeds 1000+, all wordings, never tuned on)"),
                         ("dev", "DEV split — seeds 500–999, tune wordings and the newest dev round (vocab-dev*.yaml: written "
                                 "apart from the rules, then tuned on; it shows how far tuning on unseen wording went)"),
                         ("tune", "TUNE split — seeds 1–499, tune wordings only (what the rules may be tuned on)")):
        started = time.monotonic()
        runs = run_generated(out / "generated", split, per_cell=per_cell, progress=False)
        print(f"\n{label}: {len(runs)} sites in {time.monotonic() - started:.0f} s")
        print(generated_report(runs, split, list_wrong=False))
    print("\nHand-built regression sites (tuned on; they prove no generalisation)")
    print(report([audit_site(name, out) for name in SITES]))


def corpus(out: Path) -> None:
    print("\n## 3. Real material in ../shared/corpus (read in place)")
    if not CORPUS.is_dir():
        print("../shared/corpus not found: skipped")
        return
    from crawler.documents import document_text
    from ita_check.siteserver import SiteConfig, serve
    from rules.thai import loose_key, strict_key

    rows = []
    for path in sorted(CORPUS.rglob("*.pdf")):
        body = path.read_bytes()
        started = time.perf_counter()
        doc = document_text(body, "pdf")
        ms = (time.perf_counter() - started) * 1000
        defects = sum(doc.text.count(bad) for bad in ("ำา", " า", "\uf70a", "\uf70b"))
        rows.append([str(path.relative_to(CORPUS)), str(doc.pages), str(len(doc.text)), "yes" if doc.scanned else "",
                     str(defects), f"{ms / max(doc.pages, 1):.2f}"])
    print(table(rows, ["PDF", "pages", "chars", "scan", "text-layer defects", "ms/page"], "lrrlrr"))
    declaration = document_text((CORPUS / "pdf/hangdong/executive-integrity-declaration-o28.pdf").read_bytes(), "pdf").text
    phrase = "คำกล่าวแสดงเจตจำนง"
    print(f"'{phrase}' in the real O28 declaration: strict key {strict_key(phrase) in strict_key(declaration)}, "
          f"loose key {loose_key(phrase) in loose_key(declaration)}")

    audits = [("real ITA evidence page (sites/nysso)", CORPUS / "sites" / "nysso", "/page/ITA64.html", "2565"),
              ("real Dungbhumi home page (html/)", CORPUS / "html", "/phukradungsao.go.th_public_home_2024-12.html", "2568")]
    rows = []
    for label, root, start, year in audits:
        with serve(SiteConfig(root, soft_404_prefix=None, legacy_prefix=None, calendar_path=None)) as base:
            target = out / root.name
            run = subprocess.run([sys.executable, "-m", "ita_check.cli", "audit", base + start, "--year", year,
                                  "--out", str(target), "--fresh", "--quiet", "--max-pages", "400"],
                                 capture_output=True, text=True, cwd=ROOT)
        if run.returncode != 0:
            rows.append([label, "failed", run.stderr[-200:], "", "", ""])
            continue
        results = json.loads((target / "results.json").read_text(encoding="utf-8"))
        lines = [json.loads(x) for x in (target / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
        links = sum(len(r["links"]) for r in map(json.loads, (target / "crawl" / "records.jsonl").read_text(
            encoding="utf-8").splitlines()) if r["kind"] == "page" and r["status"] == 200)
        broken = sum(1 for x in lines if x["status"] >= 400 or x["status"] == 0)
        rows.append([label, str(results["crawl"]["pages"]), str(results["crawl"]["documents"]), str(broken), str(links),
                     f"{results['oit']['present']}/{results['oit']['total_items']}"])
    print(table(rows, ["site", "pages ok", "documents ok", "broken links", "links on ok pages", "items present"],
                "lrrrrr"))


def matching() -> None:
    from rules.loader import resolve_rules
    from rules.patterns import CompiledRules

    compiled = CompiledRules(resolve_rules(2566))
    texts = [f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {2500 + n % 100} ฉบับที่ {n}" for n in range(20000)]
    started = time.perf_counter()
    for text in texts:
        compiled.named(text)
    per = (time.perf_counter() - started) / len(texts) * 1e6
    print(f"\n## 4. Matching: {per:.1f} µs per distinct link text against all {len(compiled.items)} items of 2566 "
          "(an Aho-Corasick pass, then only the plausible items' regexes; repeats are cached)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--only", choices=["throughput", "accuracy", "corpus", "matching"])
    parser.add_argument("--per-cell", type=int, default=2, help="generated sites per (CMS style, year) in each split")
    args = parser.parse_args()
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp:
        out = Path(tmp)
        if args.only in (None, "throughput"):
            throughput(args.pages, out / "throughput")
        if args.only in (None, "accuracy"):
            accuracy(out / "accuracy", args.per_cell)
        if args.only in (None, "corpus"):
            corpus(out / "corpus")
        if args.only in (None, "matching"):
            matching()


if __name__ == "__main__":
    main()
