"""`ita audit` over the bundled demo agency site, served on 127.0.0.1: verdicts, files, crawler behaviour."""

from __future__ import annotations

import csv
import json

from support import TRUTH, run_ita

from model.results import AuditResults
from model.wording import describe, verdict_reason


def _results(out):
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def test_every_item_verdict_matches_the_ground_truth(demo_audit):
    out, _ = demo_audit
    results = _results(out)
    verdicts = {item["code"]: item["present"] for item in results["items"]}
    expected = {code: truth["present"] for code, truth in TRUTH["items"].items()}
    assert verdicts == expected
    for item in results["items"]:
        if item["present"]:
            assert item["urls"][0].split("127.0.0.1", 1)[1].split(":", 1)[1].lstrip("0123456789") in TRUTH["items"][item["code"]]["urls"]


def test_absent_items_carry_the_assessor_reason(demo_audit):
    results = AuditResults.load(demo_audit[0] / "results.json")
    said = {item.code: verdict_reason(item) for item in results.items}
    assert said["O2"] == "ขาดองค์ประกอบ: ช่องทางการติดต่อ"
    assert said["O7"].startswith("พบเฉพาะปี 2567")
    assert said["O14"] == "หน้าว่าง / อยู่ระหว่างปรับปรุง"
    assert said["O18"] == "ลิงก์เสีย (HTTP 404)"
    assert said["O24"].startswith("พบเฉพาะปี 2566")
    o21 = results.item("O21")
    assert o21.present and "ภาพสแกน" in describe(o21)  # a scan, flagged


def test_results_json_has_the_documented_shape(demo_audit):
    results = _results(demo_audit[0])
    assert set(results) >= {"agency", "year", "rules", "crawl", "items", "oit"}
    assert results["agency"]["name"] == TRUTH["name"] and results["year"] == 2569
    assert results["crawl"]["pages"] >= 150 and results["crawl"]["documents"] >= 40
    item = results["items"][0]
    assert set(item) >= {"code", "name", "indicator", "subindicator", "status", "present", "score", "urls", "reason",
                         "detail", "notes", "confidence", "candidates", "needs_review"}
    assert results["format"] == "ita-check/audit-results" and results["version"] == 2
    assert results["oit"]["score"] == sum(results["oit"]["indicators"].values()) / len(results["oit"]["indicators"])


def test_evidence_csv_opens_in_excel_with_thai(demo_audit):
    raw = (demo_audit[0] / "evidence.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL", "คำอธิบาย"]
    assert {r[2] for r in rows[1:] if r} <= {"มี", "ไม่มี"}


def test_pages_jsonl_lists_every_fetch_with_status_and_type(demo_audit):
    lines = [json.loads(line) for line in (demo_audit[0] / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    urls = [line["url"] for line in lines]
    assert len(urls) == len(set(urls))
    assert all({"url", "status", "content_type", "kind"} <= set(line) for line in lines)
    assert any(line["kind"] == "document" and line["scanned"] for line in lines)


def test_crawler_obeys_robots_cuts_the_calendar_and_decodes_tis620(demo_audit):
    lines = [json.loads(line) for line in (demo_audit[0] / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not any("/admin/" in line["url"] and line["status"] == 200 for line in lines)
    calendar = [line for line in lines if "/calendar/" in line["url"]]
    assert 1 <= len(calendar) <= 30
    legacy = next(line for line in lines if line["url"].endswith("/old/complaint_manual.html"))
    assert legacy["title"] == "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    probe = next(line for line in lines if line["kind"] == "probe")
    assert probe["status"] == 200  # the CMS answers 200 for pages that do not exist


def test_progress_is_shown_while_crawling(demo_audit):
    _, run = demo_audit
    assert "หน้า" in run.stderr and "พบลิงก์ของข้อ OIT แล้ว" in run.stderr
    assert "OIT: พบ 20/26 ข้อ" in run.stdout


def test_unreachable_site_exits_non_zero_with_a_clear_message(tmp_path):
    run = run_ita("audit", "http://127.0.0.1:9/", "--out", str(tmp_path), "--quiet")
    assert run.returncode == 3
    assert "เข้าถึงเว็บไซต์ไม่ได้ (site cannot be reached): http://127.0.0.1:9/" in run.stderr
