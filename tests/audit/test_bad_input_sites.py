"""Hostile material on a live local site: each problem is recorded with its URL and nothing else is lost."""

from __future__ import annotations

import json

import pytest
from support import run_ita

from ita_check.siteserver import SiteConfig, serve

HOME = """<html><head><meta charset="utf-8"><title>อบต.ทดสอบ</title></head><body><div id="content">
<h1>หน้าแรก อบต.ทดสอบ</h1><p>องค์การบริหารส่วนตำบลทดสอบ ยินดีต้อนรับ ข้อมูลข่าวสารและการให้บริการประชาชน</p>
<a href="/loop-a">วนซ้ำ</a> <a href="/big.pdf">แผนพัฒนาท้องถิ่น (ไฟล์ใหญ่)</a> <a href="/broken.pdf">ประมวลจริยธรรม</a>
<a href="/bad.html">หน้าเสีย</a> <a href="/ok.html">ติดต่อเรา</a></div></body></html>"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "index.html").write_text(HOME, encoding="utf-8")
    (root / "big.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 300_000)
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (root / "bad.html").write_bytes(b"<html><body><div><table><tr><td>\xe0\xb8\xaa\xe0 <a href='/ok.html'>ok</b></td></html")
    (root / "ok.html").write_text("<html><body><p>ที่อยู่ 1 หมู่ 2 ตำบลทดสอบ โทร 043-111-222 อีเมล a@b.go.th</p></body></html>",
                                  encoding="utf-8")
    config = SiteConfig(root, soft_404_prefix=None, redirects={"/loop-a": "/loop-b", "/loop-b": "/loop-a"})
    with serve(config) as base:
        out = tmp_path_factory.mktemp("hostile-audit")
        run = run_ita("audit", base + "/", "--out", str(out), "--max-bytes", "100000", "--quiet")
        assert run.returncode == 0, run.stderr[-2000:]
        pages = {json.loads(line)["url"].removeprefix(base): json.loads(line)
                 for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()}
        yield pages, json.loads((out / "results.json").read_text(encoding="utf-8"))


def test_redirect_loop_is_recorded_as_an_error(hostile_site):
    pages, _ = hostile_site
    assert pages["/loop-a"]["status"] in (0, 301, 302) and pages["/loop-a"]["kind"] == "error"
    assert "redirect" in pages["/loop-a"]["error"].lower()


def test_file_over_the_size_budget_is_named_not_fatal(hostile_site):
    pages, _ = hostile_site
    assert "larger than the download limit" in pages["/big.pdf"]["error"]


def test_corrupt_pdf_is_reported_with_its_url(hostile_site):
    pages, _ = hostile_site
    assert pages["/broken.pdf"]["kind"] == "document" and "corrupt" in pages["/broken.pdf"]["error"].lower()


def test_malformed_html_and_the_rest_of_the_site_are_still_collected(hostile_site):
    pages, results = hostile_site
    assert pages["/bad.html"]["status"] == 200 and pages["/ok.html"]["status"] == 200
    assert results["crawl"]["pages"] >= 3 and results["crawl"]["errors"] >= 2
