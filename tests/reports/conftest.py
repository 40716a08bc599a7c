"""One audit of the demo site for the report tests, and copies of it with board spam and hostile pages.

The demo site's board has no spam yet: the copies add realistic posts to the crawled records, the way the
crawl would have recorded them, then write the reports.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest
from spam import LEGIT, SPAM, add_board_posts
from support import DEMO, TRUTH, run_ita

from crawler.records import read_records
from ita_check.siteserver import SiteConfig, serve
from model.results import AuditResults, Caution
from reports import write_reports

TODAY = date(2026, 11, 24)  # พ.ศ. 2569, after the ITA 2569 window: the plan aims at ITA 2570
IIT = DEMO / "examples" / "iit-2565-questions.csv"
EIT = DEMO / "examples" / "eit-2565-indicators.csv"
HOSTILE_TITLE = '</script><script>alert("pwned")</script><img src=x onerror=alert(1)> =cmd|\' /C calc\'!A0 \u202eevil'


@pytest.fixture(scope="session")
def audit_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("report-audit")
    with serve(SiteConfig(DEMO / "site", title=TRUTH["name"])) as base:
        run = run_ita("audit", base + "/public/", "--year", "2569", "--out", str(out), "--quiet")
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def _copy(audit_dir, tmp_path_factory, name: str):
    out = tmp_path_factory.mktemp(name)
    shutil.copy(audit_dir / "results.json", out / "results.json")
    (out / "crawl").mkdir()
    shutil.copy(audit_dir / "crawl" / "records.jsonl", out / "crawl" / "records.jsonl")
    return out


def _write_records(out, records) -> None:
    with open(out / "crawl" / "records.jsonl", "wb") as fh:
        for record in records:
            fh.write(record.to_line())


@pytest.fixture(scope="session")
def spam_dir(audit_dir, tmp_path_factory):
    """The demo audit with spam posts on its Q&A board; reports written with IIT/EIT, as on 24 Nov 2569."""
    out = _copy(audit_dir, tmp_path_factory, "report-spam")
    records = list(read_records(out / "crawl" / "records.jsonl"))
    _write_records(out, add_board_posts(records, [*SPAM[:7], *LEGIT[:3]], hidden=[SPAM[7]]))
    paths = write_reports(out, iit=IIT, eit=EIT, today=TODAY)
    return out, paths


@pytest.fixture(scope="session")
def plain_dir(audit_dir, tmp_path_factory):
    """The demo audit as it is, OIT only."""
    out = _copy(audit_dir, tmp_path_factory, "report-plain")
    paths = write_reports(out, today=TODAY)
    return out, paths


@pytest.fixture(scope="session")
def hostile_dir(audit_dir, tmp_path_factory):
    """Page titles, link texts, posts and evidence URLs written to break the reports."""
    out = _copy(audit_dir, tmp_path_factory, "report-hostile")
    records = list(read_records(out / "crawl" / "records.jsonl"))
    for record in records:
        record.title = HOSTILE_TITLE if record.kind == "document" else record.title
        record.links = [replace(link, text=HOSTILE_TITLE) if "menu/1005" in link.url else link  # O5's menu entry
                        for link in record.links]
    records = add_board_posts(records, ["สล็อต " + HOSTILE_TITLE, "=HYPERLINK(\"http://evil.example\",\"คลิก\")"])
    _write_records(out, records)
    results = AuditResults.load(out / "results.json")
    results.agency.name = "อบต.ทดสอบ <b>ตัวหนา</b> \x00\x1b[31m"
    results.item("O1").urls.insert(0, '=HYPERLINK("http://evil.example","x")')
    results.item("O2").urls.append("javascript:alert(1)")
    results.item("O3").urls.append("+cmd|' /C calc'!A0")
    results.caution(Caution.RULES_UNVERIFIED, year=2569, confidence="P")
    results.save(out / "results.json")
    paths = write_reports(out, today=TODAY)
    return out, paths
