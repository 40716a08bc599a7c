"""Document text: PDF, DOCX and XLSX read; scans known as scans; corrupt files reported, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.documents import document_text, sniff_kind
from rules.thai import loose_key, strict_key

UPLOADS = Path(__file__).resolve().parents[2] / "demo" / "site" / "public" / "upload"


def test_thai_pdf_text_is_read():
    doc = document_text((UPLOADS / "ita/no-gift-policy-2569.pdf").read_bytes(), "pdf")
    assert "nogiftpolicy" in strict_key(doc.text) and "2569" in strict_key(doc.text)
    assert doc.pages == 1 and not doc.scanned and not doc.error


def test_image_only_pdf_is_a_scan_not_an_empty_document():
    doc = document_text((UPLOADS / "ita/corruption-risk-assessment-2569.pdf").read_bytes(), "pdf")
    assert doc.scanned and doc.pages == 1 and doc.text == ""


def test_docx_and_xlsx_text():
    docx = document_text((UPLOADS / "manual/procurement-work-manual.docx").read_bytes(), "docx")
    assert "คู่มือการปฏิบัติงาน" in docx.text
    xlsx = document_text((UPLOADS / "procurement/summary-2569-03.xlsx").read_bytes(), "xlsx")
    assert "สขร" in xlsx.text


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx"])
def test_corrupt_documents_give_a_message(kind):
    body = {"pdf": b"%PDF-1.4\n%broken", "docx": b"PK\x03\x04broken", "xlsx": b"PK\x03\x04broken"}[kind]
    doc = document_text(body, kind)
    assert doc.error and kind in doc.error.lower() and doc.text == ""


def test_kind_is_sniffed_from_bytes_before_the_declared_type():
    assert sniff_kind(b"%PDF-1.7", "text/html", "http://a/x.php?id=1") == "pdf"
    assert sniff_kind(b"PK\x03\x04", "application/octet-stream", "http://a/x.docx") == "docx"
    assert sniff_kind(b"<html>", "text/html", "http://a/") is None


def test_real_agency_pdfs_with_broken_text_layers(corpus):
    declaration = document_text((corpus / "pdf/hangdong/executive-integrity-declaration-o28.pdf").read_bytes(), "pdf")
    assert "ค ำกล่ำว" in declaration.text  # the real defect: sara am split off and misplaced
    assert loose_key("คำกล่าวแสดงเจตจำนง") in loose_key(declaration.text)
    scan = document_text((corpus / "pdf/saiyoidenchai/scanned-procurement-announcement.pdf").read_bytes(), "pdf")
    assert scan.scanned and scan.text == ""  # a junk OCR layer over a page-sized picture


def test_old_excel_xls_text(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("สขร1")
    sheet.write(0, 0, "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนมกราคม ๒๕๖๙")
    sheet.write(1, 0, 25000)
    book.save(str(tmp_path / "s.xls"))
    doc = document_text((tmp_path / "s.xls").read_bytes(), "xls")
    assert "สรุปผลการจัดซื้อจัดจ้าง" in doc.text and "25000" in doc.text


def test_old_word_doc_text_runs_are_read():
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "คู่มือการปฏิบัติงาน งานพัสดุ ปี 2569".encode("utf-16-le") + b"\xff" * 8
    doc = document_text(body, "doc")
    assert "คู่มือการปฏิบัติงาน งานพัสดุ ปี 2569" in doc.text
    assert document_text(b"\xd0\xcf\x11\xe0" + b"\x00\x01" * 20, "doc").error
