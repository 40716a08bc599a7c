"""Thai OCR benchmark: how often a scan's year is read right, wrong or left uncertain, and what OCR costs.

    .venv/bin/python bench/ocr.py            # 100 generated scans, 2 worker processes
    .venv/bin/python bench/ocr.py -n 30 --compare   # also 200 vs 300 dpi, binarised or not, tesserocr vs CLI

The scans are made by tests/scans.py (agency documents in Sarabun, years 2565–2569 in Thai or Arabic digits,
150/200/300 dpi, specks, blur, JPEG, skew up to 1°). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import scans  # noqa: E402

from crawler.ocr import QUICK_SHARE, OcrConfig, OcrPool, check_engine, ocr_document  # noqa: E402
from reports.text import table as _table  # noqa: E402
from rules.ocr_text import CONFIRMED, UNCERTAIN, read_year  # noqa: E402
from rules.thai import strict_key  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ASSESSED = 2568  # years 2565–2569 are all within ±3
TARGET_RIGHT, TARGET_WRONG, TARGET_SITE_S = 0.95, 0.01, 60.0


def table(header: list[str], rows: list[list]) -> str:
    return _table([[str(c) for c in row] for row in rows], header)


def outcome(doc: scans.Doc, reading) -> str:
    if reading.status == CONFIRMED:
        return "right" if set(reading.years) <= doc.years and doc.year in reading.fiscal_years else "wrong"
    return "uncertain" if reading.status == UNCERTAIN else "none"


def cer(truth: str, got: str) -> float:
    return 1 - difflib.SequenceMatcher(None, truth, got, autojunk=False).ratio()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="documents (default 100)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-pages", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="read only the top of the first page and the bottom of the last")
    parser.add_argument("--compare", action="store_true", help="also compare dpi, binarisation and binding")
    parser.add_argument("--templates", action="store_true",
                        help="print the digit-template blob for crawler/ocr.py (needs apt fonts-thai-tlwg-ttf)")
    args = parser.parse_args()
    if args.templates:
        print_templates()
        return

    ok, engine = check_engine()
    print(f"engine: {engine}")
    if not ok:
        sys.exit(1)
    made = time.perf_counter()
    docs = [scans.sample(i) for i in range(args.n)]
    bodies = [scans.scanned_pdf(doc.pages, scan) for doc, scan in docs]
    print(f"{args.n} scans generated in {time.perf_counter() - made:.1f} s "
          f"({sum(len(d.pages) for d, _ in docs)} pages)")

    config = OcrConfig(max_pages=args.max_pages, quick=args.quick)
    started = time.perf_counter()
    with OcrPool(config, workers=args.workers) as pool:
        futures = [pool.submit(body, "pdf") for body in bodies]
        results = [future.result() for future in futures]
    wall = time.perf_counter() - started
    pages = sum(len(r.pages) for r in results)
    cpu = sum(r.cpu_seconds for r in results)
    per_page = cpu / max(pages, 1)

    rows, by_group = Counter(), {}
    confusion: Counter = Counter()
    for (doc, scan), result in zip(docs, results, strict=True):
        reading = read_year(result.pages, ASSESSED)
        verdict = outcome(doc, reading) if result.ok else "error"
        rows[verdict] += 1
        digits = "Thai digits" if any(ch in scans.THAI_DIGITS for ch in doc.pages[0][1] + doc.pages[0][0]) else "Arabic digits"
        for group in (digits, f"{scan.dpi} dpi"):
            by_group.setdefault(group, Counter())[verdict] += 1
        if digits == "Thai digits":
            _confusions(doc, result, confusion)

    n = len(results)
    print()
    print(f"Year read from {n} scans (assessed year {ASSESSED}, plausible ±3):")
    header = ["documents", "n", "right", "wrong", "uncertain", "none", "error"]
    lines = [["all", n, *(_pct(rows[k], n) for k in ("right", "wrong", "uncertain", "none", "error"))]]
    for group, counts in sorted(by_group.items()):
        total = sum(counts.values())
        lines.append([group, total, *(_pct(counts[k], total) for k in ("right", "wrong", "uncertain", "none", "error"))])
    print(table(header, lines))
    print(f"targets: right ≥ {TARGET_RIGHT:.0%}, wrong ≤ {TARGET_WRONG:.0%}")

    print()
    throughput = wall / max(pages, 1)
    mix = pages / n
    # CPU for one long document: quick mode reads two bands (QUICK_SHARE of a page each) whatever the length
    if args.quick:
        worth, long_doc = 2 * QUICK_SHARE, cpu / n  # every document: the same two bands
    else:
        worth, long_doc = args.max_pages + 1, (args.max_pages + 1) * per_page
    rows = [
        [f"pages read ({'quick: top/bottom bands' if args.quick else f'cap: first {args.max_pages} + last'})",
         f"{pages} ({mix:.1f} per document)"],
        ["OCR CPU s per page read (render + Tesseract + digit reader)", f"{per_page:.2f}"],
        [f"wall time, {args.workers} worker processes", f"{wall:.1f} s = {throughput:.2f} s/page"],
        [f"projected: 50 scanned docs like these ({mix:.1f} pages), 2 cores", f"{50 * cpu / n / 2:.0f} s"],
        [f"projected: 50 long scanned docs ({worth:g} pages' worth read), 2 cores",
         f"{50 * long_doc / 2:.0f} s (target ≤ {TARGET_SITE_S:.0f} s)"],
    ]
    dense = dense_page_cost(args.quick)
    if dense:
        rows.append([f"a dense real scan (corpus, 1 page, {dense[1]} characters read): CPU s", f"{dense[0]:.2f}"])
        per_full_page = dense[0] / (2 * QUICK_SHARE) if args.quick else dense[0]
        rows.append([f"projected: 50 long scanned docs of such pages ({worth:g} pages' worth), 2 cores",
                     f"{50 * worth * per_full_page / 2:.0f} s"])
    print(table(["OCR cost", "value"], rows))

    if confusion:
        print()
        print("Thai year digits as finally read, Tesseract + digit reader (printed → read; 4-character tokens):")
        print_confusions(confusion)

    if args.compare:
        compare(docs, bodies)


def dense_page_cost(quick: bool) -> tuple[float, int] | None:
    """CPU seconds for the real scanned announcement in ../shared/corpus (a full A4 page of text): generated
    scans hold 500 characters a page, real ones up to 2,000+, and Tesseract's time grows with the text."""
    scan = CORPUS / "pdf/saiyoidenchai/scanned-procurement-announcement.pdf"
    if not scan.is_file():
        return None
    best = min((ocr_document(scan, "pdf", config=OcrConfig(quick=quick)) for _ in range(2)), key=lambda r: r.cpu_seconds)
    return (best.cpu_seconds, len(best.text)) if best.ok else None


def print_templates() -> None:
    """crawler/ocr.py's _DIGIT_TEMPLATES, drawn from the fonts named in its _TEMPLATE_FONTS."""
    import textwrap

    from crawler.ocr import _TEMPLATE_FONTS, build_digit_templates

    tlwg = Path("/usr/share/fonts/truetype/tlwg")
    paths = [str(tlwg / f"{name}.ttf") if not name.startswith("Sarabun") else scans.font_path(name.split("-")[1])
             for name in _TEMPLATE_FONTS]
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        sys.exit(f"missing fonts: {missing} (apt-get install fonts-thai-tlwg-ttf)")
    print("\n".join(textwrap.wrap(build_digit_templates(paths), 120)))


def print_confusions(confusion: Counter) -> None:
    print(table(["printed", "read as (count)"], [
        [digit, ", ".join(f"{read}:{count}" for (d, read), count in confusion.most_common() if d == digit)]
        for digit in scans.THAI_DIGITS if any(d == digit for d, _ in confusion)]))


def _confusions(doc, result, confusion: Counter) -> None:
    import re

    text = "\n".join(p.text for p in result.pages)
    printed = [scans.thai(str(y)) for y in sorted(doc.years)]
    for match in re.finditer(r"(?:พ\.ศ\.|ปีงบประมาณ)\s*([๐-๙0-9oO]{4})(?![๐-๙0-9])", text):
        token = match.group(1)
        best = min(printed, key=lambda p: sum(a != b for a, b in zip(p, token, strict=True)))
        for a, b in zip(best, token, strict=True):
            confusion[(a, b)] += 1


def _pct(count: int, total: int) -> str:
    return f"{count / total:.0%}" if total else "-"


def compare(docs, bodies) -> None:
    """Character error rate of the page text and seconds per page, by rendering and binding (one process)."""
    print()
    variants = [("tesserocr 200 dpi", OcrConfig(dpi=200, max_pages=0)),
                ("  digit templates without Sarabun", OcrConfig(dpi=200, max_pages=0, exclude_digit_fonts=("Sarabun-Regular", "Sarabun-Bold"))),
                ("  no digit re-reading", OcrConfig(dpi=200, max_pages=0, reread_digits=False)),
                ("tesserocr 300 dpi", OcrConfig(dpi=300, max_pages=0)),
                ("tesserocr 200 dpi + Otsu", OcrConfig(dpi=200, binarize=True, max_pages=0)),
                ("tesseract CLI (TSV) 200 dpi", OcrConfig(dpi=200, backend="cli", max_pages=0))]
    lines = []
    tesseract_only: Counter = Counter()
    with tempfile.TemporaryDirectory():
        for name, config in variants:
            errors, seconds, pages, years = [], 0.0, 0, Counter()
            for (doc, _), body in zip(docs, bodies, strict=True):
                result = ocr_document(body, "pdf", [1], config)
                if not result.ok:
                    continue
                if not config.reread_digits and any(ch in scans.THAI_DIGITS for ch in "".join(doc.pages[0][:2])):
                    _confusions(doc, result, tesseract_only)
                seconds += result.cpu_seconds
                pages += 1
                errors.append(cer(strict_key("".join(doc.pages[0])), strict_key(result.pages[0].text)))
                years[outcome(doc, read_year(result.pages[:1], ASSESSED))] += 1
            n = sum(years.values())
            lines.append([name, pages, f"{statistics.mean(errors):.3f}" if errors else "-", f"{seconds / max(pages, 1):.2f}",
                          _pct(years["right"], n), _pct(years["wrong"], n)])
    print(table(["page 1 only", "pages", "CER", "CPU s/page", "year right", "year wrong"], lines))
    print("Sarabun is the font of the generated scans: 'without Sarabun' reads them with templates of other fonts only.")
    if tesseract_only:
        print()
        print("Thai year digits as Tesseract alone reads them (printed → read; 4-character tokens):")
        print_confusions(tesseract_only)


if __name__ == "__main__":
    main()
