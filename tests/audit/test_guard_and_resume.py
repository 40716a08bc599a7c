"""The private-address guard (127.0.0.2 stands in for a private network) and resuming an interrupted audit."""

from __future__ import annotations

import json

from support import TRUTH, run_ita

from crawler.guard import PrivateAddressGuard
from crawler.verify import check_urls

PRIVATE = {"ITA_PRIVATE_NETWORKS": "127.0.0.2/32"}


def test_a_site_in_a_private_network_is_refused_without_a_request(tmp_path):
    run = run_ita("audit", "http://127.0.0.2:9/", "--out", str(tmp_path), "--quiet", env=PRIVATE)
    assert run.returncode == 3
    assert "private address blocked" in run.stderr and "127.0.0.2" in run.stderr


def test_a_redirect_into_a_private_network_is_blocked(demo_site):
    guard = PrivateAddressGuard(["127.0.0.2/32"])
    checks = check_urls([demo_site + "/go/intranet", demo_site + "/public/"], guard)
    blocked = checks[demo_site + "/go/intranet"]
    assert not blocked.ok and "private address blocked" in blocked.error
    assert checks[demo_site + "/public/"].ok


def test_interrupted_audit_resumes_and_loses_nothing(demo_site, tmp_path):
    first = run_ita("audit", demo_site + "/public/", "--out", str(tmp_path), "--max-pages", "40", "--quiet")
    assert first.returncode == 0, first.stderr[-2000:]
    partial = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert partial["crawl"]["stop_reason"] == "closespider_pagecount"
    fetched_before = {json.loads(line)["url"] for line in (tmp_path / "pages.jsonl").read_text(encoding="utf-8").splitlines()}

    second = run_ita("audit", demo_site + "/public/", "--out", str(tmp_path), "--quiet")
    assert second.returncode == 0, second.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["crawl"]["resumed"] and results["crawl"]["stop_reason"] == "finished"
    lines = [json.loads(line) for line in (tmp_path / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    urls = [line["url"] for line in lines]
    assert len(urls) == len(set(urls)) and fetched_before <= set(urls)
    assert results["crawl"]["pages"] >= 150
    assert {i["code"]: i["present"] for i in results["items"]} == {c: t["present"] for c, t in TRUTH["items"].items()}


def test_an_audit_killed_mid_crawl_resumes_and_loses_nothing(demo_site, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    records = tmp_path / "crawl" / "records.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "ita_check.cli", "audit", demo_site + "/public/", "--out",
                             str(tmp_path), "--quiet", "--concurrency", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # bytes, not text: the crawler may be mid-way through writing a Thai character when the file is polled
    while time.monotonic() < deadline and (not records.exists() or records.read_bytes().count(b"\n") < 60):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "results.json").exists()

    rerun = run_ita("audit", demo_site + "/public/", "--out", str(tmp_path), "--quiet")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["crawl"]["resumed"] and results["crawl"]["pages"] >= 150 and results["crawl"]["documents"] >= 40
    assert {i["code"]: i["present"] for i in results["items"]} == {c: t["present"] for c, t in TRUTH["items"].items()}
