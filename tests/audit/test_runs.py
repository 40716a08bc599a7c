"""Runs you can trust: a folder holds one audit, partial audits say so, and bad input gets a clean answer.

Each test is a case a new user met: re-auditing after fixing the site, auditing a second agency into the
same folder, a site that was down, Ctrl-C, a page budget, and the command-line mistakes people make.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from services import free_port
from smallsite import write_site
from support import ROOT, TRUTH, run_ita

from ita_check.siteserver import SiteConfig, serve
from model.results import AuditResults, Caution
from model.verdicts import Reason, Status
from model.wording import verdict_reason


def plain(root):
    return SiteConfig(root, soft_404_prefix=None, legacy_prefix=None, calendar_path=None, title="อบต.ทดสอบ")


def results(folder) -> AuditResults:
    return AuditResults.load(folder / "results.json")


def no_traceback(run) -> None:
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout


# -- one run, one site, one answer -----------------------------------------------------------------------------

def test_a_finished_audit_is_done_again_and_sees_a_page_changed_since(tmp_path):
    site = write_site(tmp_path / "site")
    out = tmp_path / "out"
    with serve(plain(site)) as base:
        first = run_ita("audit", base + "/", "--year", "2569", "--out", str(out), "--quiet")
        assert first.returncode == 0, first.stderr
        assert results(out).item("O8").present
        (site / "manual.html").write_text((site / "manual.html").read_text(encoding="utf-8").replace(
            "คู่มือการปฏิบัติงานของเจ้าหน้าที่ งานจัดเก็บรายได้", "อยู่ระหว่างปรับปรุงข้อมูล").split("<p>")[0]
            + "<p>อยู่ระหว่างปรับปรุงข้อมูล</p></td></tr></table></body></html>", encoding="utf-8")
        again = run_ita("audit", base + "/", "--year", "2569", "--out", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    assert "ตรวจใหม่ทั้งหมด" in again.stderr  # the terminal says the audit is done again, not replayed
    o8 = results(out).item("O8")
    assert not o8.present and o8.reason is Reason.PLACEHOLDER


def test_another_agency_in_the_same_folder_is_refused_unless_fresh(tmp_path):
    first_site = write_site(tmp_path / "a", name="องค์การบริหารส่วนตำบลหนึ่ง")
    second_site = write_site(tmp_path / "b", name="องค์การบริหารส่วนตำบลสอง")
    out = tmp_path / "out"
    with serve(plain(first_site)) as first, serve(plain(second_site)) as second:
        assert run_ita("audit", first + "/", "--year", "2569", "--out", str(out), "--quiet").returncode == 0
        mixed = run_ita("audit", second + "/", "--year", "2569", "--out", str(out), "--quiet")
        assert mixed.returncode == 2
        assert first in mixed.stderr and second in mixed.stderr and "--fresh" in mixed.stderr
        no_traceback(mixed)
        assert results(out).agency.url == first + "/"  # the first agency's results are untouched
        fresh = run_ita("audit", second + "/", "--year", "2569", "--out", str(out), "--quiet", "--fresh")
    assert fresh.returncode == 0, fresh.stderr
    audited = results(out)
    assert audited.agency.name == "องค์การบริหารส่วนตำบลสอง"
    assert all(url.startswith(second) for item in audited.items for url in item.urls)


def test_another_year_in_the_same_folder_is_refused(tmp_path):
    site = write_site(tmp_path / "site")
    out = tmp_path / "out"
    with serve(plain(site)) as base:
        assert run_ita("audit", base + "/", "--year", "2569", "--out", str(out), "--quiet").returncode == 0
        other = run_ita("audit", base + "/", "--year", "2568", "--out", str(out), "--quiet")
    assert other.returncode == 2 and "2568" in other.stderr and "ปี 2569" in other.stderr


def test_a_site_that_was_down_is_audited_again_once_it_is_up(tmp_path):
    site = write_site(tmp_path / "site")
    out = tmp_path / "out"
    port = free_port()
    down = run_ita("audit", f"http://127.0.0.1:{port}/", "--year", "2569", "--out", str(out), "--quiet")
    assert down.returncode == 3 and "เข้าถึงเว็บไซต์ไม่ได้" in down.stderr
    assert "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ" in down.stderr  # 'connection refused', in words
    no_traceback(down)
    with serve(plain(site), port=port) as base:
        up = run_ita("audit", base + "/", "--year", "2569", "--out", str(out), "--quiet")
    assert up.returncode == 0, up.stderr
    assert results(out).crawl.pages >= 5


# -- honest partial audits -------------------------------------------------------------------------------------

@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_and_sigterm_keep_what_was_collected_mark_it_incomplete_and_say_how_to_resume(demo_site, tmp_path, stop):
    records = tmp_path / "crawl" / "records.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "ita_check.cli", "audit", demo_site + "/public/", "--year", "2569",
                             "--out", str(tmp_path), "--quiet", "--concurrency", "1", "--delay", "0.05"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 60
    # bytes, not text: the crawler may be mid-way through writing a Thai character when the file is polled
    while time.monotonic() < deadline and (not records.exists() or records.read_bytes().count(b"\n") < 25):
        time.sleep(0.05)
    os.kill(proc.pid, stop)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "ทำต่อ (to resume): ita audit" in stderr and "Traceback" not in stderr
    partial = results(tmp_path)
    assert not partial.complete and any(c.code is Caution.INTERRUPTED for c in partial.cautions)
    assert {i.status for i in partial.items if not i.present} <= {Status.NOT_REACHED}
    resumed = run_ita("audit", demo_site + "/public/", "--year", "2569", "--out", str(tmp_path), "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    assert "ทำต่อจากครั้งก่อนที่หยุดไป" in resumed.stderr
    final = results(tmp_path)
    assert final.complete and final.crawl.resumed
    assert {i.code: i.present for i in final.items} == {c: t["present"] for c, t in TRUTH["items"].items()}


def test_a_page_budget_gives_not_reached_items_not_a_misleading_reason(demo_site, tmp_path):
    run = run_ita("audit", demo_site + "/public/", "--year", "2569", "--out", str(tmp_path), "--max-pages", "30")
    assert run.returncode == 0, run.stderr
    partial = results(tmp_path)
    assert not partial.complete and partial.crawl.stop_reason == "closespider_pagecount"
    assert any(c.code is Caution.CRAWL_INCOMPLETE for c in partial.cautions)
    missing = [i for i in partial.items if not i.present]
    assert missing and all(i.status is Status.NOT_REACHED for i in missing)
    assert not any(verdict_reason(i).startswith("พบเฉพาะปี") for i in partial.items)
    assert "ยังตรวจไม่ครบ" in run.stdout and "--max-pages" in run.stdout


@pytest.mark.parametrize("flag,value", [("--max-pages", "0"), ("--max-pages", "-5"), ("--max-seconds", "0"),
                                        ("--max-bytes", "0"), ("--max-depth", "-1")])
def test_budgets_of_zero_or_less_are_bad_input(tmp_path, flag, value):
    run = run_ita("audit", "http://127.0.0.1:9/", "--out", str(tmp_path), flag, value)
    assert run.returncode == 2 and "ผิดพลาด" in run.stderr
    no_traceback(run)


# -- clean errors ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url,words", [("http://", "ไม่มีชื่อโดเมน"), ("http:///public", "ไม่มีชื่อโดเมน"),
                                       ("ftp://x.go.th/", "http:// หรือ https://"), ("http://a.go.th:99999/", "พอร์ต")])
def test_urls_that_cannot_be_audited_are_bad_input(tmp_path, url, words):
    run = run_ita("audit", url, "--year", "2569", "--out", str(tmp_path / "out"))
    assert run.returncode == 2 and words in run.stderr
    no_traceback(run)


def test_a_year_that_is_not_a_number_or_is_gregorian_is_bad_input_with_a_hint(tmp_path):
    word = run_ita("audit", "http://127.0.0.1:9/", "--year", "abc", "--out", str(tmp_path))
    assert word.returncode == 2 and "ปีต้องเป็นตัวเลข พ.ศ." in word.stderr
    gregorian = run_ita("audit", "http://127.0.0.1:9/", "--year", "2026", "--out", str(tmp_path))
    assert gregorian.returncode == 2 and "2026 → 2569" in gregorian.stderr
    no_traceback(word)
    no_traceback(gregorian)


def test_an_output_path_that_is_a_file_is_bad_input_for_audit_and_demo(tmp_path):
    target = tmp_path / "results.txt"
    target.write_text("ไม่ใช่โฟลเดอร์", encoding="utf-8")
    audit = run_ita("audit", "http://127.0.0.1:9/", "--year", "2569", "--out", str(target))
    demo = run_ita("demo", "--out", str(target), "--quiet")
    for run in (audit, demo):
        assert run.returncode == 2 and "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in run.stderr
        no_traceback(run)
    assert target.read_text(encoding="utf-8") == "ไม่ใช่โฟลเดอร์"


def test_https_to_a_plain_http_port_says_tls_in_words(demo_site, tmp_path):
    run = run_ita("audit", demo_site.replace("http://", "https://") + "/public/", "--year", "2569", "--out", str(tmp_path))
    assert run.returncode == 3 and "TLS/SSL" in run.stderr and "http://" in run.stderr
    no_traceback(run)


def test_version_help_and_human_units():
    version = run_ita("--version")
    assert version.returncode == 0 and version.stdout.startswith("ita-check ")
    bare = run_ita()
    assert bare.returncode == 0 and "audit" in bare.stdout and "score" in bare.stdout
    audit_help = run_ita("audit", "--help")
    assert "40 MB" in audit_help.stdout and "3000" in audit_help.stdout


# -- year consistency ------------------------------------------------------------------------------------------

def test_score_refuses_audit_results_of_another_year(tmp_path, examples):
    site = write_site(tmp_path / "site")
    with serve(plain(site)) as base:
        assert run_ita("audit", base + "/", "--year", "2565", "--out", str(tmp_path / "a"), "--quiet").returncode == 0
    oit = str(tmp_path / "a" / "results.json")
    iit, eit = str(examples / "iit-2565-questions.csv"), str(examples / "eit-2565-indicators.csv")
    wrong = run_ita("score", "--year", "2566", "--iit", iit, "--eit", eit, "--oit", oit)
    assert wrong.returncode == 2 and "2565" in wrong.stderr and "2566" in wrong.stderr
    right = run_ita("score", "--iit", iit, "--eit", eit, "--oit", oit)  # the year is taken from the results
    assert right.returncode == 0, right.stderr
    assert "ปี พ.ศ. 2565" in right.stdout


def test_score_without_a_year_says_which_year_it_assumed(examples):
    run = run_ita("score", "--iit", str(examples / "iit-2565-questions.csv"), "--eit",
                  str(examples / "eit-2565-indicators.csv"), "--oit", str(examples / "oit-2565.csv"))
    assert run.returncode == 2
    assert "ใช้เกณฑ์ ITA ปี 2569" in run.stderr and "--year" in run.stderr


def test_an_evaluation_site_nobody_has_is_named_with_the_ones_there_are(tmp_path):
    run = run_ita("eval", "--site", "nosuch", "--out", str(tmp_path))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "nosuch" in run.stderr and "heldout-wordpress" in run.stderr


def test_a_rule_file_and_a_year_that_disagree_are_refused(tmp_path):
    run = run_ita("audit", "http://127.0.0.1:9/", "--rules", str(ROOT / "rules" / "ita2568.yaml"), "--year", "2569",
                  "--out", str(tmp_path))
    assert run.returncode == 2 and "2568" in run.stderr and "2569" in run.stderr


def test_rules_check_wants_the_file_name_and_the_year_to_agree(tmp_path):
    odd = tmp_path / "ita2571.yaml"
    odd.write_text((ROOT / "rules" / "ita2569.yaml").read_text(encoding="utf-8").replace("year: 2569", "year: 2570", 1),
                   encoding="utf-8")
    run = run_ita("rules", "check", str(odd))
    assert run.returncode == 2 and "ชื่อไฟล์เป็นปี 2571 แต่ year: 2570" in run.stderr


def test_rules_check_checks_the_shared_page_patterns_with_every_year():
    run = run_ita("rules", "check")
    assert run.returncode == 0, run.stderr
    assert "pages.yaml: ถูกต้อง (ok) — รูปแบบหน้า (page patterns): placeholder" in run.stdout
    assert all(f"ita{year}.yaml: ถูกต้อง (ok)" in run.stdout for year in range(2565, 2570))


def test_rules_check_names_the_shared_page_file_and_line_of_a_bad_pattern(tmp_path):
    broken = tmp_path / "pages.yaml"
    broken.write_text((ROOT / "rules" / "pages.yaml").read_text(encoding="utf-8").replace("- comingsoon\n", "- coming(soon\n"),
                      encoding="utf-8")
    line = next(n for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1) if "coming(soon" in text)
    run = run_ita("rules", "check", str(broken))
    assert run.returncode == 2 and f"{broken}:{line}:" in run.stderr and "invalid regular expression" in run.stderr


def test_rules_check_says_a_problem_of_the_shared_page_file_once_not_with_every_year(tmp_path, monkeypatch, capsys):
    import argparse

    import ita_check.cli as cli
    import rules.loader as loader

    broken = tmp_path / "pages.yaml"
    broken.write_text((ROOT / "rules" / "pages.yaml").read_text(encoding="utf-8").replace("- comingsoon\n", "- coming(soon\n"),
                      encoding="utf-8")
    monkeypatch.setattr(loader, "PAGES_FILE", broken)
    monkeypatch.setattr(cli, "PAGES_FILE", broken)
    assert cli.cmd_rules_check(argparse.Namespace(files=[])) == 2
    err = capsys.readouterr().err
    assert err.count("invalid regular expression") == 1, err


# -- caveats, site health and readable output ------------------------------------------------------------------

def test_an_unverified_year_carries_a_caution_in_the_terminal_and_the_results(tmp_path):
    site = write_site(tmp_path / "site")
    with serve(plain(site)) as base:
        run = run_ita("audit", base + "/", "--year", "2567", "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert "ข้อควรระวัง: เกณฑ์ปี 2567 ยังไม่ได้ยืนยัน" in run.stdout
    assert any(c.code is Caution.RULES_UNVERIFIED for c in results(tmp_path / "out").cautions)


def test_a_site_that_is_almost_all_broken_is_called_so(corpus, tmp_path):
    config = SiteConfig(corpus / "html", soft_404_prefix=None, legacy_prefix=None, calendar_path=None)
    with serve(config) as base:
        run = run_ita("audit", base + "/phukradungsao.go.th_public_home_2024-12.html", "--year", "2568",
                      "--out", str(tmp_path), "--max-pages", "400")
    assert run.returncode == 0, run.stderr
    assert "เว็บไซต์นี้ดูเสียเกือบทั้งหมด" in run.stdout
    assert any(c.code is Caution.SITE_BROKEN for c in results(tmp_path).cautions)


def test_results_keep_thai_as_text_and_the_table_fits_the_terminal(tmp_path):
    site = write_site(tmp_path / "site")
    with serve(plain(site)) as base:
        run = run_ita("audit", base + "/", "--year", "2569", "--out", str(tmp_path / "out"), env={"COLUMNS": "80"})
    assert run.returncode == 0, run.stderr
    raw = (tmp_path / "out" / "results.json").read_text(encoding="utf-8")
    assert "ข่าวประชาสัมพันธ์" in raw and "\\u0e" not in raw
    from reports.text import width

    table_lines = [line for line in run.stdout.splitlines() if line.startswith(("│", "┌", "└", "├"))]
    assert table_lines and max(width(line) for line in table_lines) <= 80
    assert any(line.rstrip().endswith("…") or "… " in line for line in table_lines)  # long Thai names cut with …
    assert str((tmp_path / "out" / "results.json").resolve()) in run.stdout  # the path, whole


def test_explain_says_why_an_item_is_absent_with_its_dead_link(tmp_path):
    site = write_site(tmp_path / "site")
    with serve(plain(site)) as base:
        assert run_ita("audit", base + "/", "--year", "2569", "--out", str(tmp_path / "out"), "--quiet").returncode == 0
        run = run_ita("explain", str(tmp_path / "out"), "O18")
        english = run_ita("explain", str(tmp_path / "out"), "o8", "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert "ลิงก์เสีย (HTTP 404)" in run.stdout and base + "/complaint-stats.html" in run.stdout
    assert "ลิงก์ชื่อ \"ข้อมูลสถิติเรื่องร้องเรียนการทุจริต\"" in run.stdout
    assert english.returncode == 0 and "present" in english.stdout and "opens (no 404 or error)" in english.stdout
    unknown = run_ita("explain", str(tmp_path / "out"), "O99")
    assert unknown.returncode == 2 and "O18" in unknown.stderr


def test_demo_serve_is_documented_for_auditing_the_demo_yourself():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "ita demo --serve" in readme
    help_text = run_ita("demo", "--help").stdout
    assert "--serve" in help_text

