"""Kill the audit (SIGKILL) at random moments and start it again: the final results equal an uninterrupted
run's — every item's status, reason and evidence URLs — and no half-written results.json is ever seen."""

from __future__ import annotations

import json
import random

import pytest
from faultserver import run_measured
from support import DEMO, TRUTH

from ita_check.siteserver import SiteConfig, serve

SEED = 2569
KILLS = 3


@pytest.fixture(scope="module")
def site():
    with serve(SiteConfig(DEMO / "site", title=TRUTH["name"])) as base:
        yield base + "/public/"


def _audit(url, out, kill_after=None):
    return run_measured(["-m", "ita_check.cli", "audit", url, "--year", "2569", "--out", str(out), "--quiet"],
                        timeout=240, kill_after=kill_after)


def _verdicts(out) -> dict:
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))  # a torn file would not parse
    return {item["code"]: (item["status"], item["reason"], item["urls"]) for item in results["items"]}


def test_results_after_kills_at_random_moments_equal_an_uninterrupted_run(site, tmp_path):
    whole = _audit(site, tmp_path / "whole")
    assert whole.returncode == 0, whole.stderr[-2000:]
    expected = _verdicts(tmp_path / "whole")

    rng = random.Random(SEED)
    out = tmp_path / "killed"
    killed = 0
    for _ in range(KILLS):
        moment = rng.uniform(0.3, max(0.6, whole.seconds * 0.9))  # anywhere from start-up to writing the files
        run = _audit(site, out, kill_after=moment)
        if run.returncode == -9:
            killed += 1
        if (out / "results.json").exists():
            _verdicts(out)  # whatever is there is whole (written atomically), never half a file
    final = _audit(site, out)
    assert final.returncode == 0, final.stderr[-2000:]
    assert killed >= 1
    assert _verdicts(out) == expected
    lines = (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()
    urls = [json.loads(line)["url"] for line in lines]
    assert len(urls) == len(set(urls))
