"""Every fault of a hostile or broken agency website, end to end through `ita audit` on the fault server.

One audit crawls a site whose pages sit behind every fault (tests/faultserver.py); each test then reads the
verdict of the item behind one fault from results.json, worded as the user sees it. The audit must finish,
keep every page it fetched, never reach the 'intranet' on 127.0.0.2, and say what went wrong instead of
calling an item absent without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from faultserver import FAULTS, FaultServer, link_for, run_measured, warm

from model.results import AuditResults
from model.verdicts import Status
from model.wording import verdict_reason

ENV = {"ITA_PRIVATE_NETWORKS": "127.0.0.2/32", "ITA_DOWNLOAD_TIMEOUT": "3"}
MEMORY_LIMIT_MB = 500


@pytest.fixture(scope="module")
def fault_audit(tmp_path_factory):
    warm()
    out = tmp_path_factory.mktemp("fault-audit")
    with FaultServer() as server:
        run = run_measured(["-m", "ita_check.cli", "audit", server.base + "/", "--year", "2569", "--out", str(out),
                            "--quiet"], env=ENV, timeout=280)
        assert run.returncode == 0, run.stderr[-3000:]
        pages = [json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
        yield server, out, AuditResults.load(out / "results.json"), pages, run


def _record(pages, url):
    return next((p for p in pages if p["url"] == url), None)


@pytest.mark.parametrize("fault", [f for f in FAULTS if f.outcome != "survived"], ids=lambda f: f.name)
def test_a_fault_is_named_in_the_items_verdict_never_a_silent_absence(fault_audit, fault):
    server, _, results, pages, _ = fault_audit
    item = results.item(fault.item)
    said = verdict_reason(item)
    assert item.status is not Status.PRESENT
    assert fault.words in said, f"{fault.item}: {said}"
    record = _record(pages, link_for(fault, server))
    assert record is not None and record["failure"] == fault.outcome, record


@pytest.mark.parametrize("fault", [f for f in FAULTS if f.outcome == "survived"], ids=lambda f: f.name)
def test_a_page_behind_a_survivable_fault_is_still_found(fault_audit, fault):
    server, _, results, pages, _ = fault_audit
    item = results.item(fault.item)
    assert item.status is Status.PRESENT, f"{fault.item}: {verdict_reason(item)}"
    record = _record(pages, link_for(fault, server))
    assert record is not None and record["status"] == 200 and not record["failure"], record


def test_site_faults_are_reviews_and_document_faults_are_document_errors(fault_audit):
    _, _, results, _, _ = fault_audit
    assert results.item("O12").status is Status.NEEDS_REVIEW  # 403: the item may well be there
    assert results.item("O1").status is Status.NEEDS_REVIEW  # timeout
    assert verdict_reason(results.item("O22")).startswith("เอกสารเสียหาย")
    assert verdict_reason(results.item("O24")).startswith("เอกสารเข้ารหัส")


def test_the_audit_finishes_with_every_fetched_page_kept_and_bounded_memory(fault_audit):
    server, out, results, pages, run = fault_audit
    assert results.crawl.stop_reason == "finished"
    urls = [p["url"] for p in pages]
    assert len(urls) == len(set(urls))
    records = [json.loads(line) for line in (out / "crawl" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["url"] for r in records if r["kind"] != "probe"} <= set(urls)  # nothing fetched is lost
    assert run.peak_rss_mb < MEMORY_LIMIT_MB


def test_redirects_and_links_never_reach_the_private_network_or_another_host(fault_audit):
    server, _, _, pages, _ = fault_audit
    assert sum(server.intranet_hits.values()) == 0
    assert not any("127.0.0.2" in p["final_url"] and p["status"] for p in pages)
    assert not any(p["url"].startswith("http://127.0.0.3") for p in pages)


def test_huge_robots_txt_is_read_and_obeyed(fault_audit):
    server, _, _, pages, _ = fault_audit
    assert server.hit("/private/secret.html") == 0
    secret = next(p for p in pages if p["url"].endswith("/private/secret.html"))
    assert secret["failure"] == "robots"


def test_endless_calendar_is_cut(fault_audit):
    server, _, results, _, _ = fault_audit
    assert 1 <= server.hit("/f/calendar") <= 30  # cut by its shape or by the depth budget, never followed on


def test_credentials_and_cookies_never_reach_files_or_logs(fault_audit):
    _, out, _, _, run = fault_audit
    for path in Path(out).rglob("*"):
        if path.is_file() and path.stat().st_size < 50_000_000:
            data = path.read_bytes()
            assert b"secretpass" not in data and b"cookievalue123" not in data, path
    assert "secretpass" not in run.stderr + run.stdout


def test_output_file_names_come_from_the_tool_not_from_urls(fault_audit):
    _, out, _, _, _ = fault_audit
    names = {p.relative_to(out).as_posix() for p in Path(out).rglob("*") if p.is_file()}
    assert {"results.json", "evidence.csv", "pages.jsonl"} <= names
    assert all(Path(out, n).resolve().is_relative_to(Path(out).resolve()) for n in names)
    assert not any(".." in n or "%" in n or "passwd" in n or "ข้อมูล" in n or "127.0.0.1" in n for n in names)
