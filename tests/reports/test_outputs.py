"""The files people open, read back: report.html, plan.docx (python-docx), itas.xlsx (openpyxl), itas.csv,
and the ``ita report`` command."""

from __future__ import annotations

import csv
import json
import re

import pytest
from conftest import EIT, HOSTILE_TITLE, IIT
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from markupsafe import escape
from openpyxl import load_workbook
from support import run_ita

from model.results import AuditResults
from reports.plan import COLUMNS
from rules.loader import rules_for_year

ITAS_HEADER = ["ข้อ", "ชื่อข้อมูล", "มี/ไม่มี", "URL", "คำอธิบาย"]


def test_write_reports_returns_the_four_files(spam_dir):
    out, paths = spam_dir
    assert [p.name for p in paths] == ["report.html", "plan.docx", "itas.xlsx", "itas.csv"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in paths)
    assert not list(out.glob(".*.tmp"))  # atomic writes leave no temporary file behind


# ---- report.html ---------------------------------------------------------------------------------------------

def test_html_is_self_contained(spam_dir):
    html = (spam_dir[0] / "report.html").read_text(encoding="utf-8")
    assert "@font-face" in html and "data:font/ttf;base64," in html
    for external in (r"<link\b(?![^>]*href=\"data:)", r"<img\b[^>]*src=[\"']?http", r"<script\b[^>]*src=", r"@import", r"url\((?!data:)"):
        assert not re.search(external, html, re.IGNORECASE), external
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_html_shows_scorecard_items_evidence_reasons_and_what_to_publish(spam_dir):
    out, _ = spam_dir
    html = (out / "report.html").read_text(encoding="utf-8")
    results = AuditResults.load(out / "results.json")
    rules = rules_for_year(results.year)
    assert 'id="scorecard"' in html and "คะแนน ITA รวม" in html
    for item in results.items:
        assert f'id="item-{item.code}"' in html
        for url in item.urls:
            assert url in html
    for item in rules.oit.items:
        assert str(escape(item.publish)) in html
    assert "พบเฉพาะปี 2567 (ต้องเป็นปี 2568)" in html  # O7's reason, worded by model.wording
    assert 'data-filter="missing"' in html and 'data-filter="review"' in html
    assert "<svg" in html and "ตัวชี้วัดที่ 9" in html


def test_html_warns_about_the_board_spam_with_its_urls(spam_dir):
    html = (spam_dir[0] / "report.html").read_text(encoding="utf-8")
    assert 'id="board-warning"' in html
    assert "/public/webboard/data/detail/id/31/menu/1228" in html
    assert "การพนันออนไลน์" in html and "คาสิโนออนไลน์" in html and "เงินกู้นอกระบบ" in html
    # the demo board's own 3 spam rows, and the fixture's 7 spam titles + 1 spam thread behind a bland title
    assert "ภารกิจของหน่วยงาน 11 รายการ" in html
    assert "สอบถามการชำระภาษีที่ดิน" not in html.split('id="board-warning"')[1].split("</section>")[0]


def test_oit_only_report_without_iit_eit(plain_dir):
    html = (plain_dir[0] / "report.html").read_text(encoding="utf-8")
    assert "คะแนน OIT" in html and "คะแนน ITA รวม" not in html
    warning = html.split('id="board-warning"')[1].split("</section>")[0]  # the demo board's own unmoderated posts
    assert "3 รายการ" in warning and "UFABET๘๘" in warning and "สอบถามการชำระภาษีที่ดิน" not in warning


def test_hostile_pages_cannot_break_the_report(hostile_dir):
    out, _ = hostile_dir
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<script>alert("pwned")' not in html and "<img src=x" not in html and "<b>ตัวหนา</b>" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(" in html
    assert 'href="javascript:' not in html.lower() and 'href="=hyperlink' not in html.lower()
    assert "\x00" not in html and "\x1b" not in html and "\u202e" not in html
    assert html.count("<script") == 1  # only the report's own filter script
    Document(str(out / "plan.docx"))  # XML-invalid characters did not reach the document
    sheet = load_workbook(out / "itas.xlsx").active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert not any(isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert sheet["D2"].value.startswith("'=HYPERLINK")
    with open(out / "itas.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for v in row)
    assert rows[1][3].startswith("'=HYPERLINK") and HOSTILE_TITLE[:5] not in "".join(rows[0])


def test_cautions_head_the_report_and_the_plan(hostile_dir):
    from model.results import Caution
    from model.wording import caution_text

    out, _ = hostile_dir
    line = caution_text(Caution.RULES_UNVERIFIED, {"year": 2569, "confidence": "P"})
    html = (out / "report.html").read_text(encoding="utf-8")
    assert str(escape(line)) in html.split('id="scorecard"')[0]
    assert any(line.replace("2569", "๒๕๖๙") in p.text for p in Document(str(out / "plan.docx")).paragraphs[:12])


def test_a_folder_without_crawl_records_still_reports(audit_dir, tmp_path):
    from reports import write_reports

    (tmp_path / "results.json").write_bytes((audit_dir / "results.json").read_bytes())
    paths = write_reports(tmp_path)
    assert all(p.exists() for p in paths)
    assert "อำเภอ................." in _text(Document(str(tmp_path / "plan.docx")))  # left for the agency to fill in


# ---- plan.docx -----------------------------------------------------------------------------------------------

def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_plan_has_the_seed_heading_and_the_five_column_measures(spam_dir):
    out, _ = spam_dir
    document = Document(str(out / "plan.docx"))
    text = _text(document)
    for line in ("องค์การบริหารส่วนตำบลบ้านนาดี", "อำเภอเมืองตัวอย่าง", "จังหวัดตัวอย่าง", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"):
        assert line in text
    measures = [t for t in document.tables if [c.text for c in t.rows[0].cells] == COLUMNS]
    assert len(measures) == 3  # IIT, EIT and OIT
    rows = [[c.text for c in row.cells] for t in measures for row in t.rows[1:]]
    results = AuditResults.load(out / "results.json")
    missing = [i.code for i in results.items if not i.present]
    for code in missing:  # every missing item has its row
        assert any(f") {code} " in row[0] for row in rows), code
    assert any("กระดานถาม-ตอบ" in row[0] for row in rows)  # the moderation measure
    assert any("การใช้งบประมาณ" in row[0] for row in rows) and any("การปรับปรุงระบบการทำงาน" in row[0] for row in rows)
    for row in rows:
        assert re.fullmatch(r"[ก-๙.]+ [๐-๙]{2} - [ก-๙.]+ [๐-๙]{2}", row[3]), row[3]
        assert all(cell.strip() for cell in row)
        assert not re.search("[0-9]", row[3])
    assert "ธ.ค. ๖๙ - ก.พ. ๗๐" in {row[3] for row in rows}
    o7 = next(row for row in rows if ") O7 " in row[0])
    assert "สำนักปลัด (งานนโยบายและแผน)" == o7[2]  # the rule file's responsible unit
    assert "ข้อ i7" in text and "ด้าน IIT" in text and "ด้าน EIT" in text and "ด้าน OIT" in text


def test_plan_is_a4_in_th_sarabun_new_with_the_complex_script_font(spam_dir):
    document = Document(str(spam_dir[0] / "plan.docx"))
    first = document.sections[0]
    assert abs(first.page_width - Cm(21)) < Cm(0.1) and abs(first.page_height - Cm(29.7)) < Cm(0.1)
    assert abs(document.sections[1].page_width - Cm(29.7)) < Cm(0.1)  # the measures on A4 landscape
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH Sarabun New" and fonts.get(qn("w:ascii")) == "TH Sarabun New"
    run = document.paragraphs[0].runs[0]._element.rPr
    assert run.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New" and run.find(qn("w:szCs")) is not None
    font_table = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")).blob.decode()
    assert 'w:name="TH Sarabun New"' in font_table and "TH SarabunPSK" in font_table


# ---- itas.xlsx / itas.csv ------------------------------------------------------------------------------------

def test_itas_sheet_has_one_row_per_item_in_the_form_order(spam_dir):
    out, _ = spam_dir
    rules = rules_for_year(2569)
    sheet = load_workbook(out / "itas.xlsx")["ITAS OIT"]
    assert [c.value for c in sheet[1]] == ITAS_HEADER
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in body] == [item.code for item in rules.oit.items]
    assert [row[1] for row in body] == [item.name for item in rules.oit.items]
    assert {row[2] for row in body} <= {"มี", "ไม่มี", "ต้องตรวจด้วยตนเอง", "ยังตรวจไม่ครบ"}
    o5 = next(row for row in body if row[0] == "O5")
    assert o5[3].startswith("http") and "เมนู แผนพัฒนาท้องถิ่น" in o5[4]
    assert sheet.column_dimensions["D"].width >= 50 and sheet.column_dimensions["E"].width >= 60
    assert sheet["E2"].alignment.wrap_text and sheet.freeze_panes == "A2"
    with open(out / "itas.csv", "rb") as fh:
        assert fh.read(3) == b"\xef\xbb\xbf"  # Excel reads UTF-8 Thai only with the BOM
    with open(out / "itas.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ITAS_HEADER and len(rows) == len(rules.oit.items) + 1


# ---- ita report ----------------------------------------------------------------------------------------------

def test_ita_report_prints_the_paths_it_wrote(spam_dir):
    out, _ = spam_dir
    run = run_ita("report", str(out), "--iit", str(IIT), "--eit", str(EIT))
    assert run.returncode == 0, run.stderr
    printed = run.stdout.splitlines()
    for name in ("report.html", "plan.docx", "itas.xlsx", "itas.csv"):
        assert str((out / name).resolve()) in printed


def test_ita_report_bad_input_exits_2_naming_the_file(spam_dir, tmp_path):
    out, _ = spam_dir
    run = run_ita("report", str(tmp_path / "missing"))
    assert run.returncode == 2 and str(tmp_path / "missing") in run.stderr
    broken = tmp_path / "iit.csv"
    broken.write_text("question,score\ni1,abc\n", encoding="utf-8")
    run = run_ita("report", str(out), "--iit", str(broken), "--eit", str(EIT))
    assert run.returncode == 2 and str(broken) in run.stderr
    run = run_ita("report", str(out), "--iit", str(IIT))
    assert run.returncode == 2 and "--eit" in run.stderr
    old = tmp_path / "old"
    old.mkdir()
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    data["version"] = 1
    (old / "results.json").write_text(json.dumps(data), encoding="utf-8")
    run = run_ita("report", str(old))
    assert run.returncode == 2 and str(old / "results.json") in run.stderr


# ---- --compare -----------------------------------------------------------------------------------------------

@pytest.fixture
def earlier(audit_dir, tmp_path):
    """An earlier run on another port: O1 was missing, O2 was present with a page that is now dead."""
    results = AuditResults.load(audit_dir / "results.json")
    old_base = "http://127.0.0.1:1/public/"
    new_base = results.agency.url
    results.agency.url = old_base
    for item in results.items:
        item.urls = [u.replace(new_base, old_base) for u in item.urls]
    o1, o2 = results.item("O1"), results.item("O2")
    from model.verdicts import Reason, Status
    o1.status, o1.reason, o1.urls = Status.ABSENT, Reason.NOT_FOUND, []
    o2.status, o2.reason = Status.PRESENT, Reason.FOUND
    o2.urls = [old_base + "upload/complaint/statistics-2568.pdf"]  # a 404 in this run
    results.item("O5").urls.append(old_base + "list/data/index/menu/9999")
    folder = tmp_path / "earlier"
    results.save(folder / "results.json")
    return folder


def test_compare_shows_items_gained_lost_and_dead_evidence(plain_dir, earlier):
    from reports import write_reports

    out, _ = plain_dir
    write_reports(out, compare=earlier)
    html = (out / "report.html").read_text(encoding="utf-8")
    section = html.split('id="compare"')[1].split("</section>")[0]
    gained = section.split("ข้อที่ได้เพิ่ม")[1].split("</ul>")[0]
    lost = section.split("ข้อที่เสียไป")[1].split("</ul>")[0]
    assert "<b>O1</b>" in gained and "<b>O2</b>" in lost
    assert "หลักฐานเดิมที่ตอนนี้ลิงก์เสีย" in section and "statistics-2568.pdf" in section and "HTTP 404" in section
    assert "menu/9999" in section.split("หลักฐาน (URL) เปลี่ยน")[1]
    write_reports(out)  # leave the plain reports as they were for the other tests
