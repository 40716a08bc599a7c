"""Many crawls on one shared reactor: a stopping batch ends even when a crawl never closes.

Run in a process of its own: the shared reactor is started once per process and never stopped, so it must not
be the reactor of the test process (other tests start Scrapy crawls of their own)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_crawl_that_never_closes_is_given_up_once_the_batch_stops(tmp_path):
    script = textwrap.dedent(f"""
        import threading, time
        from pathlib import Path
        from twisted.internet.defer import Deferred
        from crawler import multi
        from crawler.run import CrawlConfig

        multi.STOP_GRACE = 0.5
        multi.crawl_deferred = lambda *args, **kwargs: Deferred()  # a crawl caught as Scrapy's runner stopped
        crawls = multi.SiteCrawls()
        threading.Timer(0.5, crawls.stop).start()
        try:
            crawls.crawl("http://bannadee.go.th/", Path({str(tmp_path)!r}), CrawlConfig())
        except multi.CrawlAbandoned as exc:
            print("abandoned", exc)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "abandoned http://bannadee.go.th/" in run.stdout
