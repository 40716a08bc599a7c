"""report.html as a person sees it: Debian's headless Chromium opens the file offline, the scorecard and the
item list are visible, the filter works, nothing logs an error or reaches the network, and it fits a phone.
The screenshots are kept under pytest's tmp folder and in /tmp/ita-report-screenshot.png for a human look."""

from __future__ import annotations

import shutil
from pathlib import Path

from chromium import Browser, available

from model.results import AuditResults

SHOT = Path("/tmp/ita-report-screenshot.png")


def _visible(page, selector: str) -> bool:
    return page.evaluate(f"""(() => {{ const el = document.querySelector({selector!r});
        if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; }})()""")


def _shown_items(page) -> int:
    return page.evaluate("Array.from(document.querySelectorAll('#items article.item')).filter(e => e.offsetParent !== null).length")


def test_report_in_headless_chromium(spam_dir, tmp_path):
    assert available(), "Chromium is missing: .ci/run and the README's set-up install Debian's chromium"
    out, _ = spam_dir
    results = AuditResults.load(out / "results.json")
    url = (out / "report.html").resolve().as_uri()
    with Browser() as browser:
        page = browser.new_page()
        page.viewport(1280, 900)
        page.open(url)
        assert page.evaluate("document.fonts.check('16px Sarabun')")
        for selector in ("#scorecard", "#items", "#chart", "#board-warning", "#plan", "table.measures"):
            assert _visible(page, selector), selector
        assert "85.35" in page.evaluate("document.querySelector('#scorecard').innerText")
        assert _shown_items(page) == len(results.items)
        shot = page.screenshot(tmp_path / "report.png")
        shutil.copy(shot, SHOT)

        page.evaluate("document.querySelector('[data-filter=missing]').click()")
        assert _shown_items(page) == sum(1 for i in results.items if not i.present)
        page.evaluate("document.querySelector('[data-filter=review]').click()")
        assert _shown_items(page) == sum(1 for i in results.items if i.needs_review)
        page.evaluate("document.querySelector('[data-filter=all]').click()")
        assert _shown_items(page) == len(results.items)

        phone = browser.new_page()
        phone.viewport(390, 844, mobile=True)
        phone.open(url)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "wider than a phone"
        assert _visible(phone, "#scorecard")
        phone.screenshot(tmp_path / "report-phone.png", full_page=False)
        shutil.copy(tmp_path / "report-phone.png", SHOT.with_name("ita-report-screenshot-phone.png"))

        for p in (page, phone):
            assert p.problems() == []
            assert [r for r in p.requests() if not r.startswith(("file:", "data:", "about:"))] == []
    assert shot.stat().st_size > 20_000
