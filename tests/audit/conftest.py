"""A live demo site on 127.0.0.1, and one `ita audit` of it shared by the tests that read its output."""

from __future__ import annotations

import pytest
from support import DEMO, TRUTH, run_ita

from ita_check.siteserver import SiteConfig, serve


@pytest.fixture(scope="session")
def demo_site():
    config = SiteConfig(DEMO / "site", title=TRUTH["name"], redirects={"/go/intranet": "http://127.0.0.2:9/secret"})
    with serve(config) as base:
        yield base


@pytest.fixture(scope="session")
def demo_audit(demo_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-audit")
    run = run_ita("audit", demo_site + "/public/", "--year", "2569", "--out", str(out))
    assert run.returncode == 0, run.stderr[-3000:]
    return out, run
