"""The address check happens at connection time, on the address actually connected to.

A name that resolves to 127.0.0.1 for a check and to 127.0.0.2 (declared private) for the connection — DNS
rebinding — must not reach 127.0.0.2, neither in the crawl (Scrapy's resolver) nor in the evidence re-check
(httpx's network backend). The 'intranet' listening on 127.0.0.2 counts every request it gets: none.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from faultserver import FaultServer
from support import ROOT

from crawler.guard import AddressBlocked, PrivateAddressGuard, start_is_loopback
from crawler.verify import check_urls

PRIVATE = ["127.0.0.2/32"]


def rebinding(first: str = "127.0.0.1", then: str = "127.0.0.2"):
    calls: list[str] = []

    def resolve(host: str) -> list[str]:
        calls.append(host)
        return [first] if len(calls) == 1 else [then]
    resolve.calls = calls
    return resolve


@pytest.fixture
def server():
    with FaultServer(huge_robots_txt=False) as running:
        if len(running._servers) < 2:
            pytest.fail("127.0.0.2 cannot be bound here (the loopback network 127/8 is needed)")
        yield running


def test_the_guard_resolves_once_and_hands_over_only_checked_addresses():
    guard = PrivateAddressGuard(PRIVATE, lambda host: ["127.0.0.2", "127.0.0.1"], cache_seconds=0)
    assert guard.resolve("mixed.test") == ["127.0.0.1"]  # the private answer is dropped, never connected to
    guard = PrivateAddressGuard(PRIVATE, lambda host: ["127.0.0.2"], cache_seconds=0)
    with pytest.raises(AddressBlocked, match="private address blocked"):
        guard.resolve("intranet.test")
    assert "intranet.test" in guard.refusals


def test_loopback_is_allowed_only_when_the_start_url_is_loopback():
    public = PrivateAddressGuard.for_site("http://agency.test/", PRIVATE, lambda host: ["203.0.113.7"])
    assert not public.allow_loopback and public.address_reason("x", "127.0.0.1")
    assert PrivateAddressGuard.for_site("http://127.0.0.1:8000/", PRIVATE).allow_loopback
    assert start_is_loopback("http://localhost:8000/") and not start_is_loopback("http://10.0.0.1/")
    assert public.literal_reason("ftp://agency.test/x") and public.literal_reason("file:///etc/passwd")


def test_evidence_recheck_connects_to_the_checked_address_so_rebinding_cannot_pass(server):
    url = f"http://agency.test:{server.port}/about.html"
    guard = PrivateAddressGuard(PRIVATE, rebinding(), cache_seconds=0)
    assert guard.blocked(url) is None  # a pre-check sees 127.0.0.1 ...
    check = check_urls([url], guard)[url]  # ... the connection asks again and gets 127.0.0.2: refused
    assert not check.ok and check.failure == "private_address" and "127.0.0.2" in check.error
    assert sum(server.intranet_hits.values()) == 0


def test_evidence_recheck_guards_every_redirect(server):
    guard = PrivateAddressGuard(PRIVATE, allow_loopback=True)
    checks = check_urls([server.base + "/f/private", server.base + "/about.html"], guard)
    assert checks[server.base + "/f/private"].failure == "private_address"
    assert checks[server.base + "/about.html"].ok
    assert sum(server.intranet_hits.values()) == 0


CRAWL = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from crawler.run import CrawlConfig, crawl
    from crawler.records import read_records

    port, work, mode = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    calls = []
    def resolver(host):
        calls.append(host)
        if mode == "dns":
            raise OSError("Name or service not known")
        return ["127.0.0.1"] if len(calls) == 1 else ["127.0.0.2"]
    config = CrawlConfig(private_networks=("127.0.0.2/32",), resolver=resolver, obey_robots=False, max_seconds=60)
    crawl(f"http://agency.test:{port}/", work, config)
    print(json.dumps([[r.url, r.status, r.failure, r.error] for r in read_records(work / "records.jsonl")]))
""")


@pytest.mark.parametrize("mode", ["rebinding", "dns"])
def test_crawl_connects_to_the_checked_address_so_rebinding_cannot_pass(server, tmp_path, mode):
    run = subprocess.run([sys.executable, "-c", CRAWL, str(server.port), str(tmp_path), mode], capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    records = json.loads(run.stdout.strip().splitlines()[-1])
    start = next(r for r in records if r[0] == f"http://agency.test:{server.port}/")
    assert start[1] == 0 and start[2] == ("private_address" if mode == "rebinding" else "dns"), start
    assert sum(server.intranet_hits.values()) == 0
    assert server.hit("/") == 0  # the first answer (127.0.0.1) was only the loopback policy's, never a connection


def test_evidence_recheck_is_bounded_on_drips_bombs_and_resets(server):
    guard = PrivateAddressGuard(PRIVATE, allow_loopback=True)
    urls = [server.base + path for path in ("/f/slow", "/f/gzip-page", "/f/reset", "/f/loop")]
    checks = check_urls(urls, guard, timeout=1)
    assert len(checks[server.base + "/f/gzip-page"].html) <= 256 * 1024  # inflated no further than read
    assert checks[server.base + "/f/reset"].failure == "reset"
    assert checks[server.base + "/f/loop"].failure == "redirect_loop"
    assert checks[server.base + "/f/slow"].status in (0, 200)  # cut at the deadline, whatever it had sent
