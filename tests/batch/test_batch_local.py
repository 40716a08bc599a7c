"""`ita batch` in one process, end to end: a registry-format file with local sites and dirty rows, the per-site
audit folders, statuses for sites that cannot be audited, the summaries, history, regressions and --notify."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter

import pytest
from openpyxl import load_workbook
from support import run_ita

from ita_check.batch.sitefarm import make_farm, write_registry
from model.results import AuditResults

FAILING = {"blocked": 1, "soft404": 1, "broken": 1, "refused": 1}
EXPECTED = {"blocked": "blocked", "soft404": "soft_404", "broken": "site_broken", "refused": "refused"}


def no_traceback(run) -> None:
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout


def summary(out) -> dict[str, dict]:
    with (out / "summary.csv").open(encoding="utf-8-sig") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def farm():
    farm = make_farm(6, FAILING, seed=7).start()
    yield farm
    farm.stop()


@pytest.fixture(scope="module")
def first_run(farm, tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    registry = root / "registry.csv"
    skips = write_registry(registry, farm.sites, seed=7)
    out = root / "out"
    hook = root / "notified.json"
    notify = f"{sys.executable} -c \"import sys, pathlib; pathlib.Path({str(hook)!r}).write_text(sys.stdin.read())\""
    run = run_ita("batch", str(registry), "--year", "2569", "--out", str(out), "--sites", "6", "--seed", "1",
                  "--notify", notify)
    assert run.returncode == 0, run.stderr[-3000:]
    no_traceback(run)
    return {"out": out, "registry": registry, "skips": skips, "run": run, "hook": hook, "notify": notify}


def test_every_site_gets_what_ita_audit_writes_or_a_status(farm, first_run):
    out = first_run["out"]
    rows = summary(out)
    assert set(rows) == {site.code for site in farm.sites}
    for site in farm.sites:
        row = rows[site.code]
        if site.kind == "agency":
            assert row["status"] == "ok", row
            assert float(row["oit_score"]) > 0 and row["missing_items"]
            assert (out / "sites" / site.code / "results.json").exists()
            assert (out / "sites" / site.code / "evidence.csv").exists()
        else:
            assert row["status"] == EXPECTED[site.kind], row
            if site.kind in ("blocked", "refused"):
                assert row["oit_score"] == ""  # never a silent zero
    assert "ตรวจชุดเสร็จ" in first_run["run"].stderr


def test_the_site_folder_is_exactly_an_ita_audit(farm, first_run, tmp_path):
    site = next(s for s in farm.sites if s.kind == "agency")
    alone = tmp_path / "alone"
    name = summary(first_run["out"])[site.code]["name"]  # as the registry gives it: อบต.ทดสอบ0000
    run = run_ita("audit", site.url, "--year", "2569", "--out", str(alone), "--quiet", "--name", name)
    assert run.returncode == 0, run.stderr
    mine = AuditResults.load(first_run["out"] / "sites" / site.code / "results.json")
    theirs = AuditResults.load(alone / "results.json")
    assert mine.agency == theirs.agency and mine.oit == theirs.oit
    assert [(i.code, i.status, i.reason, i.urls) for i in mine.items] == [(i.code, i.status, i.reason, i.urls) for i in theirs.items]
    assert sorted(p.name for p in (first_run["out"] / "sites" / site.code).iterdir()) == \
        sorted(p.name for p in alone.iterdir())


def test_skipped_rows_are_listed_with_their_reason(first_run):
    with (first_run["out"] / "agencies-skipped.csv").open(encoding="utf-8-sig") as fh:
        skipped = {row["รหัส (code)"]: row["เหตุผล (reason)"] for row in csv.DictReader(fh)}
    assert skipped == first_run["skips"]


def test_summaries_overview_and_workbook(farm, first_run):
    out = first_run["out"]
    html = (out / "overview.html").read_text(encoding="utf-8")
    for words in ("share of agencies publishing each item", "per province", "sites that could not be audited",
                  "OIT score and missing items per agency", "soft-404 everywhere", "connection refused"):
        assert words in html
    book = load_workbook(out / "summary.xlsx", read_only=True)
    assert book.sheetnames == ["agencies", "items", "provinces", "not audited", "skipped", "regressions"]
    items = list(book["items"].iter_rows(values_only=True))
    assert items[0][:6] == ("item", "name", "subindicator", "agencies", "publishing", "share")
    assert all(row[3] == 6 for row in items[1:])  # the six trustworthy audits


def test_the_next_run_revalidates_finds_regressions_and_notifies(farm, first_run):
    out = first_run["out"]
    site = next(s for s in farm.sites if s.kind == "agency" and "/manual.html" in s.pages)
    before = AuditResults.load(out / "sites" / site.code / "results.json")
    lost = [i.code for i in before.items if i.present and any(u.endswith("/manual.html") for u in i.urls)]
    assert lost
    del site.pages["/manual.html"]  # the agency took its manual down: a dead link now
    farm.log.clear()
    run = run_ita("batch", str(first_run["registry"]), "--year", "2569", "--out", str(out), "--sites", "6",
                  "--notify", first_run["notify"])
    assert run.returncode == 0, run.stderr[-3000:]
    assert "รอบที่ 2" in run.stderr
    statuses = Counter(status for _, _, status in farm.log)
    assert statuses[304] >= 6  # unchanged pages were revalidated, not downloaded again
    payload = json.loads(first_run["hook"].read_text(encoding="utf-8"))
    assert payload["run"] == 2
    found = {(r["agency"], r["kind"], r["item"]) for r in payload["regressions"]}
    assert {(site.code, "item_lost", code) for code in lost} <= found
    assert any(kind == "evidence_dead" and agency == site.code for agency, kind, _ in found)
    with (out / "regressions.csv").open(encoding="utf-8-sig") as fh:
        assert {row["code"] for row in csv.DictReader(fh)} == {site.code}
    history = run_ita("history", site.code, "--out", str(out))
    assert history.returncode == 0, history.stderr
    assert "รอบ 1" in history.stdout and "รอบ 2" in history.stdout and "lost" in history.stdout


def test_one_process_on_postgresql(postgres_url, tmp_path):
    from services import new_database

    farm = make_farm(3, {"refused": 1}, items=2, seed=9).start()
    try:
        registry = tmp_path / "registry.csv"
        write_registry(registry, farm.sites, dirty=2, seed=9)
        db = new_database(postgres_url, "local")
        out = tmp_path / "out"
        run = run_ita("batch", str(registry), "--year", "2569", "--out", str(out), "--db", db, "--quiet")
        assert run.returncode == 0, run.stderr[-3000:]
        assert run.stderr == ""  # --quiet
        assert sorted(row["status"] for row in summary(out).values()) == ["ok", "ok", "ok", "refused"]
        assert not (out / "history.sqlite").exists()
        history = run_ita("history", farm.sites[0].code, "--db", db, "--json")
        assert history.returncode == 0 and json.loads(history.stdout)["audits"][0]["status"] == "ok"
    finally:
        farm.stop()
