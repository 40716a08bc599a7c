"""Thai OCR of scans: generated agency scans (several dpi, specks, skew), a PDF mixing typed and scanned pages,
the real scanned announcement in ../shared/corpus, pictures, the cache, a missing engine, broken files.

Tesseract with the Thai model must be installed (CI installs it); these tests fail loudly if it is not.
No test asserts a timing.
"""

from __future__ import annotations

import json
import logging

import pytest
import scans

from crawler import ocr
from crawler.documents import document_text
from crawler.ocr import OcrConfig, OcrPool, check_engine, ocr_document, select_pages
from rules.ocr_text import CONFIRMED, UNCERTAIN, read_year, repair_ocr
from rules.thai import loose_key, strict_key


def key(text: str) -> str:
    return loose_key(repair_ocr(text))


def test_the_thai_engine_is_installed():
    ok, engine = check_engine(OcrConfig())
    assert ok, engine  # apt-get install tesseract-ocr tesseract-ocr-tha
    assert "tesseract" in engine and "tha" in engine


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_scanned_no_gift_announcement_is_read_at_each_resolution(dpi):
    doc = scans.no_gift_announcement(2569, thai_digits=False, seed=7)
    body = scans.scanned_pdf(doc.pages, scans.Scan(dpi=dpi, noise=0.0005, skew=0.6, seed=dpi))
    assert document_text(body, "pdf").scanned_pages == (1,)
    result = ocr_document(body, "pdf")
    assert result.status == "ok" and not result.error and result.page_count == 1
    (page,) = result.pages
    assert page.number == 1 and 50 < page.confidence <= 100
    assert key("นโยบายไม่รับของขวัญ") in key(page.text) and "nogiftpolicy" in strict_key(page.text)
    assert key("องค์การบริหารส่วนตำบลบ้านนาดี") in key(page.text)
    assert "tesseract" in result.engine and result.seconds > 0
    reading = read_year(result.pages, 2569)
    assert reading.status == CONFIRMED and 2569 in reading.years and set(reading.years) <= doc.years
    assert reading.page == 1 and 0 < len(reading.excerpt) <= 80


@pytest.mark.parametrize(("year", "dpi", "make"), [(2569, 200, scans.no_gift_announcement), (2568, 300, scans.integrity_declaration),
                                                  (2566, 200, scans.procurement_plan), (2567, 150, scans.order)])
def test_thai_digit_years_are_read_by_the_digit_templates(year, dpi, make):
    """Debian's tha model turns ๖/๘/๙ into ๐/๕: the digit reader re-reads every Thai number it finds."""
    doc = make(year, thai_digits=True, seed=year)
    result = ocr_document(scans.scanned_pdf(doc.pages, scans.Scan(dpi=dpi, noise=0.0005, skew=-0.4, seed=dpi)), "pdf")
    assert scans.thai(str(year)) in result.text
    assert any(run[2].replace("|", "") == str(year) for page in result.pages for run in page.digits)
    reading = read_year(result.pages, year)
    assert reading.status == CONFIRMED and year in reading.fiscal_years and set(reading.years) <= doc.years


def test_without_the_digit_reader_thai_years_stay_uncertain_not_wrong():
    doc = scans.no_gift_announcement(2568, thai_digits=True, seed=2)
    config = OcrConfig(reread_digits=False)
    result = ocr_document(scans.scanned_pdf(doc.pages, scans.Scan(dpi=200, noise=0.0005, skew=-0.4)), "pdf", config=config)
    assert not any(page.digits for page in result.pages)
    reading = read_year(result.pages, 2568)
    if reading.status == CONFIRMED:
        assert set(reading.years) <= doc.years
    else:
        assert reading.status == UNCERTAIN and 2568 in reading.candidates and not reading.years


def test_digit_reader_on_a_clean_number():
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (400, 90), 250)
    ImageDraw.Draw(img).text((20, 10), "พ.ศ. ๒๕๖๘", fill=10, font=ImageFont.truetype(scans.font_path(), 48))
    found = ocr.read_digits(__import__("numpy").asarray(img), (140, 380))
    assert found is not None
    glyphs, (left, right) = found
    assert "".join(g[0][0] for g in glyphs) == "2568" and all(g[2] for g in glyphs)
    assert left < right and all(0 < g[1] <= 1 for g in glyphs)


def test_complaint_guideline_steps_unit_and_time_frame_are_read():
    doc = scans.complaint_guideline(2569, thai_digits=False, seed=4)
    result = ocr_document(scans.scanned_pdf(doc.pages, scans.Scan(dpi=200, noise=0.002, skew=0.8, jpeg=70)), "pdf")
    text = key(result.text)
    for phrase in ("แนวปฏิบัติการจัดการเรื่องร้องเรียน", "ขั้นตอนการดำเนินงาน", "ผู้รับผิดชอบ", "ศูนย์รับเรื่องร้องเรียน", "วันทำการ"):
        assert key(phrase) in text, phrase


def test_only_the_scanned_pages_of_a_mixed_pdf_are_read():
    plan = scans.procurement_plan(2569, thai_digits=False, seed=2)
    body = scans.mixed_pdf([
        ("text", ["แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569", "หน่วยงาน เทศบาลตำบลหนองบัว ข้อความพิมพ์"]),
        ("scan", plan.pages[1]),  # the signed page, scanned
        ("text", ["ภาคผนวก รายละเอียดโครงการที่พิมพ์ไว้ในเอกสาร"]),
    ], scans.Scan(dpi=200, noise=0.0005))
    doc = document_text(body, "pdf")
    assert doc.pages == 3 and not doc.scanned and doc.scanned_pages == (2,)
    assert "ข้อความพิมพ์" in doc.text and "ภาคผนวก" in doc.text
    result = ocr_document(body, "pdf", pages=doc.scanned_pages)
    assert result.ok and [p.number for p in result.pages] == [2] and result.page_count == 3
    assert key("หัวหน้าเจ้าหน้าที่") in key(result.text) and "ภาคผนวก" not in result.text


def test_page_cap_reads_the_first_pages_and_the_last():
    assert select_pages(range(1, 11), 3) == [1, 2, 3, 10]
    assert select_pages([1, 2, 3, 4], 3) == [1, 2, 3, 4]
    assert select_pages([2, 5], 3) == [2, 5]
    doc = scans.order(2569, thai_digits=False, seed=5)
    pages = [list(doc.pages[0]), ["สำเนาเอกสารแนบ หน้า ๒"], ["สำเนาเอกสารแนบ หน้า ๓"], ["ลงชื่อ ผู้สั่ง ปลัดองค์การบริหารส่วนตำบล"]]
    result = ocr_document(scans.scanned_pdf(pages, scans.Scan(dpi=150)), "pdf", config=OcrConfig(max_pages=1))
    assert result.page_count == 4 and [p.number for p in result.pages] == [1, 4]
    assert key("ปลัดองค์การบริหารส่วนตำบล") in key(result.pages[1].text)


def test_the_real_scanned_announcement_in_the_corpus(corpus):
    body = (corpus / "pdf/saiyoidenchai/scanned-procurement-announcement.pdf").read_bytes()
    assert document_text(body, "pdf").scanned_pages == (1,)  # its text layer is junk
    result = ocr_document(body, "pdf")
    assert result.ok and result.page_count == 1
    text = key(result.text)
    assert key("ประกาศองค์การบริหารส่วนตำบลไทรย้อย") in text
    assert key("สอบราคาจ้าง") in text and key("จังหวัดแพร่") in text
    assert result.pages[0].confidence > 60
    # its amounts are printed in Thai digits (๓๘,๘๐๐ บาท eleven times, ๔๒๖,๘๐๐ in total): Tesseract alone
    # reads ๓๕,๕๐๐; the digit reader gets them right though its templates were drawn from other fonts' glyphs
    assert result.text.count("๓๘,๘๐๐") >= 8 and "๔๒๖,๘๐๐" in result.text


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_pictures_are_read(fmt):
    doc = scans.procurement_plan(2568, thai_digits=False, seed=1)
    body = scans.image_file(doc.pages[0], scans.Scan(dpi=150, noise=0.0005, skew=0.3), fmt)
    result = ocr_document(body)  # the kind is sniffed from the bytes
    assert result.ok and result.page_count == 1 and result.pages[0].number == 1
    assert key("แผนการจัดซื้อจัดจ้าง") in key(result.text)
    assert read_year(result.pages, 2568).years == (2568,)


def test_a_second_run_is_served_from_the_cache(tmp_path, monkeypatch):
    doc = scans.integrity_declaration(2569, thai_digits=True, seed=3)
    body = scans.scanned_pdf(doc.pages, scans.Scan(dpi=200))
    first = ocr_document(body, "pdf", config=OcrConfig(cache_dir=tmp_path))
    assert first.ok and not first.cached
    (entry,) = tmp_path.glob("*.json")
    assert entry.stem == first.sha256 and json.loads(entry.read_text(encoding="utf-8"))["result"]["status"] == "ok"

    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract was called for a cached document")

    monkeypatch.setattr(ocr, "recognise", no_tesseract)
    again = ocr_document(body, "pdf", config=OcrConfig(cache_dir=tmp_path))
    assert again.cached and again.text == first.text and again.seconds == 0 and again.pages == first.pages
    assert any(page.digits for page in again.pages)  # the digit reader's alternatives survive the JSON
    # even with the engine gone, a cached scan stays read
    gone = OcrConfig(cache_dir=tmp_path, backend="tesserocr", tessdata=str(tmp_path / "none"))
    assert ocr_document(body, "pdf", config=gone).cached
    with OcrPool(OcrConfig(cache_dir=tmp_path)) as pool:
        future = pool.submit(body, "pdf")
        assert future.done() and future.result().cached  # answered without starting a worker
        assert pool._executor is None


def test_missing_engine_is_reported_once_and_never_raises(tmp_path, caplog):
    body = scans.scanned_pdf([["ประกาศ ทดสอบ"]])
    missing_data = OcrConfig(backend="tesserocr", tessdata=str(tmp_path / "no-tessdata"))
    missing_binary = OcrConfig(backend="cli", tesseract=str(tmp_path / "bin" / "tesseract"))
    for config in (missing_data, missing_binary):
        with caplog.at_level(logging.WARNING, logger="ita_check.ocr"):
            results = [ocr_document(body, "pdf", config=config) for _ in range(3)]
            with OcrPool(config) as pool:
                results.append(pool.submit(body, "pdf").result())
        assert {r.status for r in results} == {"unavailable"}
        assert "apt-get install tesseract-ocr tesseract-ocr-tha" in results[0].error
        assert "ภาษาไทย" in results[0].error and not results[0].pages
    warnings = [r for r in caplog.records if r.name == "ita_check.ocr"]
    assert len(warnings) == 2  # once per missing engine, not once per document


def test_corrupt_encrypted_and_unknown_files_give_error_results():
    corrupt = ocr_document(b"%PDF-1.4\n%broken", "pdf")
    assert corrupt.status == "error" and "corrupt" in corrupt.error.lower()
    locked = ocr_document(scans.mixed_pdf([("scan", ["ประกาศ ลับ"])], encrypt="secret"), "pdf")
    assert locked.status == "error" and "encrypted" in locked.error.lower()
    broken_png = ocr_document(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert broken_png.status == "error" and "image" in broken_png.error.lower()
    assert ocr_document(b"hello", "docx").status == "error"
    assert ocr_document("/nonexistent/scan.pdf").status == "error"


def test_pool_reads_documents_in_worker_processes(tmp_path):
    docs = [scans.no_gift_announcement(2569, False, seed=11), scans.order(2568, False, seed=12)]
    bodies = [scans.scanned_pdf(d.pages, scans.Scan(dpi=150, seed=i)) for i, d in enumerate(docs)]
    path = tmp_path / "order.pdf"
    path.write_bytes(bodies[1])
    with OcrPool(OcrConfig(cache_dir=tmp_path / "cache"), workers=2) as pool:
        first = pool.submit(bodies[0], "pdf")
        same = pool.submit(bodies[0], "pdf")
        from_path = pool.submit(path)
        results = [first.result(), from_path.result()]
    assert same is first
    assert all(r.ok for r in results)
    assert key("นโยบายไม่รับของขวัญ") in key(results[0].text)
    assert key("แต่งตั้งคณะทำงาน") in key(results[1].text)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 2


def test_command_line_backend_reads_the_same_scan():
    doc = scans.no_gift_announcement(2569, thai_digits=False, seed=7)
    result = ocr_document(scans.scanned_pdf(doc.pages, scans.Scan(dpi=200)), "pdf", config=OcrConfig(backend="cli"))
    assert result.ok and "command line" in result.engine
    assert key("นโยบายไม่รับของขวัญ") in key(result.text) and result.pages[0].confidence > 50


def test_quick_mode_reads_the_head_of_the_first_page_and_the_foot_of_the_last(tmp_path):
    plan = scans.procurement_plan(2569, thai_digits=True, seed=8)
    pages = [plan.pages[0], ["ภาคผนวก ก รายละเอียดโครงการ"], ["ภาคผนวก ข แผนที่"], plan.pages[1]]
    body = scans.scanned_pdf(pages, scans.Scan(dpi=200, noise=0.0005))
    quick = OcrConfig(quick=True, cache_dir=tmp_path)
    result = ocr_document(body, "pdf", config=quick)
    assert result.ok and result.page_count == 4 and [p.number for p in result.pages] == [1, 4]
    assert key("แผนการจัดซื้อจัดจ้าง") in key(result.pages[0].text) and "ภาคผนวก" not in result.text
    reading = read_year(result.pages, 2569)
    assert reading.status == CONFIRMED and 2569 in reading.fiscal_years
    assert ocr_document(body, "pdf", config=quick).cached
    assert not ocr_document(body, "pdf", config=OcrConfig(cache_dir=tmp_path, max_pages=1)).cached  # other settings
    # one page: its top and its foot, joined, with offsets that still point at the right words
    single = ocr_document(scans.scanned_pdf(scans.no_gift_announcement(2569, True, seed=9).pages), "pdf", config=quick)
    (page,) = single.pages
    assert key("นโยบายไม่รับของขวัญ") in key(page.text)
    for start, end, _ in page.digits:
        assert all(ch in "๐๑๒๓๔๕๖๗๘๙0123456789" for ch in page.text[start:end])
