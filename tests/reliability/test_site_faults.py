"""Faults of the whole site: each has its class in the error hierarchy, exit status 3 and a Thai/English
message naming it; a site that only fails is not hammered (circuit breaker); retries honour Retry-After."""

from __future__ import annotations

import time

import pytest
from faultserver import FaultServer
from support import run_ita

from crawler.health import backoff_seconds, retry_after_seconds
from model.errors import (
    SiteBlocked,
    SiteRefused,
    SiteServerError,
    SiteTimedOut,
    SiteTlsFailed,
    SiteUnreachable,
)
from model.failures import Failure
from model.results import AuditResults

ENV = {"ITA_PRIVATE_NETWORKS": "127.0.0.2/32", "ITA_DOWNLOAD_TIMEOUT": "3"}


@pytest.fixture(scope="module")
def server():
    with FaultServer(huge_robots_txt=False, intranet=False) as running:
        yield running


@pytest.mark.parametrize(("start", "words"), [
    ("/start/403", "เว็บไซต์ปฏิเสธการเข้าถึง (403)"),
    ("/start/503", "เซิร์ฟเวอร์ขัดข้อง (HTTP 503)"),
    ("/start/slow", "หมดเวลา"),
    ("/start/reset", "การเชื่อมต่อถูกตัดกลางทาง"),
    ("/start/loop", "เปลี่ยนเส้นทางวนซ้ำ"),
    ("tls", "เชื่อมต่อแบบปลอดภัยไม่ได้"),
    ("refused", "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ"),
])
def test_a_site_that_cannot_be_reached_exits_3_naming_the_fault(server, tmp_path, start, words):
    url = {"tls": f"https://127.0.0.1:{server.port}/", "refused": "http://127.0.0.1:9/"}.get(start, server.base + start)
    run = run_ita("audit", url, "--year", "2569", "--out", str(tmp_path), "--quiet", env=ENV, timeout=120)
    assert run.returncode == 3, run.stderr[-2000:]
    assert "เข้าถึงเว็บไซต์ไม่ได้ (site cannot be reached)" in run.stderr and words in run.stderr, run.stderr[-2000:]
    assert "Traceback" not in run.stderr


def test_each_site_fault_has_its_class_and_hint():
    for failure, cls in [(Failure.BLOCKED, SiteBlocked), (Failure.SERVER_ERROR, SiteServerError),
                         (Failure.TIMEOUT, SiteTimedOut), (Failure.TLS, SiteTlsFailed), (Failure.REFUSED, SiteRefused)]:
        error = SiteUnreachable("เข้าถึงเว็บไซต์ไม่ได้", failure=failure)
        assert type(error) is cls and isinstance(error, SiteUnreachable) and error.failure == failure
        assert error.hint and "(" in error.hint  # Thai with English beside
    assert type(SiteUnreachable("x")) is SiteUnreachable


def test_a_site_that_only_fails_is_not_hammered(server, tmp_path):
    run = run_ita("audit", server.base + "/cb/", "--year", "2569", "--out", str(tmp_path), "--quiet",
                  env={**ENV, "ITA_CIRCUIT_FAULTS": "12"}, timeout=200)
    assert run.returncode == 0, run.stderr[-2000:]
    results = AuditResults.load(tmp_path / "results.json")
    assert results.crawl.stop_reason == "circuit_open"
    assert server.hit("/f/503") < 60  # 150 failing pages, each worth 2 tries: the breaker stopped after a few


def test_retry_after_is_read_as_seconds_or_a_date():
    assert retry_after_seconds(b"7") == 7
    assert retry_after_seconds("") is None and retry_after_seconds(b"soon") is None
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(1_000_030))
    assert retry_after_seconds(when, now=1_000_000) == pytest.approx(30, abs=1)
    assert all(0 < backoff_seconds(attempt, 1.0, 8.0) <= 8.0 for attempt in range(10))


def test_retries_wait_as_the_site_asks(tmp_path):
    from scrapy import Request, Spider
    from scrapy.http import Response
    from scrapy.utils.test import get_crawler

    from crawler.middlewares import PoliteRetryMiddleware
    from crawler.settings import hardening

    crawler = get_crawler(Spider, {**hardening(True), "RETRY_TIMES": 1})
    crawler.spider = Spider.from_crawler(crawler, "t")
    middleware = PoliteRetryMiddleware.from_crawler(crawler)
    request = Request("http://agency.test/a")
    before = time.time()
    retry = middleware.process_response(request, Response(request.url, status=429, headers={"Retry-After": "5"}))
    assert isinstance(retry, Request) and retry.meta["ita_not_before"] >= before + 5
    assert middleware.health.host("agency.test").pause_until >= before + 5  # the whole host waits
    too_long = middleware.process_response(request, Response(request.url, status=503, headers={"Retry-After": "86400"}))
    assert isinstance(too_long, Response)  # more patience than an audit has: the answer is recorded as it is
    gave_up = middleware.process_response(retry, Response(request.url, status=500))
    assert isinstance(gave_up, Response)  # retries are bounded
