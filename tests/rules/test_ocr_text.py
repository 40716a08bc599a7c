"""OCR text repair and year reading: safe repairs only, and a year only when context and digits agree."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rules.ocr_text import CONFIRMED, NONE, UNCERTAIN, candidates, read_year, read_year_in_text, repair_ocr
from rules.thai import repair, strict_key


@pytest.mark.parametrize(("ocr", "fixed"), [
    ("องค์การบริหารส่วนตําบลบ้านนาดี", "องค์การบริหารส่วนตำบลบ้านนาดี"),  # nikhahit + sara aa
    ("เทศบาลต ำบลหนองบัว หน ่วยงาน", "เทศบาลตำบลหนองบัว หน่วยงาน"),  # marks floated off their consonant
    ("ประกาศ ณ วันที่ ๑๕ ก ั นยายน", "ประกาศ ณ วันที่ ๑๕ กันยายน"),  # a mark standing alone
    ("ป ร ะ ก า ศ เทศบาล", "ประกาศ เทศบาล"),  # letters spaced out one by one
    ("งบประมาณ 38,8OO บาท ปี 2O25", "งบประมาณ 38,800 บาท ปี 2025"),  # Latin O among Arabic digits
    ("เลขที่ l2l3 และ 1l0", "เลขที่ l2l3 และ 110"),
    ("พ.ศ. ๒๕o๙", "พ.ศ. ๒๕๐๙"),
])
def test_repairs(ocr, fixed):
    assert repair_ocr(ocr) == fixed


def test_correct_thai_text_is_unchanged_and_sara_am_survives():
    text = ("ประกาศองค์การบริหารส่วนตำบลบ้านนาดี เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy) "
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ น้ำ ที่ ทำ Office 2019")
    assert repair_ocr(text) == text
    assert "ำ" in repair_ocr("ตํา") and "\u0e4d" not in repair_ocr("ตํา")  # never NFKC's ํ + า
    assert strict_key(repair(repair_ocr("ประจําปีงบประมาณ พ.ศ. 2569"))) == "ประจำปีงบประมาณพ.ศ.2569"


def test_candidate_readings_of_confusable_thai_digits():
    assert 2569 in candidates("๒๕๖๙") and 2565 in candidates("๒๕๖๙")  # ๙ is read as ๕ and back
    assert {2566, 2568} <= candidates("๒๕๖๘")
    assert 2566 in candidates("๒๕๒๐๒๐")  # ๖ read as two characters, ๒๐ (reference/libraries.md)
    assert candidates("2569") == {2569} and candidates("25O9") == {2509}
    assert candidates("") == set() and candidates("๒๕") == set()


@pytest.mark.parametrize(("text", "year", "status", "years"), [
    ("ประกาศองค์การบริหารส่วนตำบลบ้านนาดี เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
     2569, CONFIRMED, (2569,)),  # the only plausible reading of ๒๕๖๙ near 2569
    ("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568", 2568, CONFIRMED, (2568,)),
    ("ประจำปีงบประมาณ 2569", 2569, CONFIRMED, (2569,)),
    ("เรื่อง แผนการดำเนินงาน ปีงบประมาณ (FY) ๒๕๖๗ ตารางกิจกรรม", 2567, CONFIRMED, (2567,)),  # a gloss in between
    ("รายงานผลการใช้จ่ายงบประมาณ ปี งปม. 2569", 2569, CONFIRMED, (2569,)),
    ("ประจําปีงบประมาณ พ.ศ. 25 69", 2569, CONFIRMED, (2569,)),  # split by a space
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 2568, UNCERTAIN, ()),  # ๒๕๖๖ and ๒๕๖๘ both fit
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๐๕", 2568, UNCERTAIN, ()),  # what Tesseract makes of ๒๕๖๘
    ("คำสั่งที่ ๑๒/๒๕๖๙ โทร 2569", 2569, NONE, ()),  # no พ.ศ./ปีงบประมาณ/date: not read
    ("ประจำปีงบประมาณ พ.ศ. 2540", 2569, NONE, ()),  # not plausible for the assessed year
])
def test_year_reading(text, year, status, years):
    reading = read_year_in_text(text, year)
    assert reading.status == status and reading.years == years
    if status == UNCERTAIN:
        assert year in reading.candidates and len(reading.candidates) > 1 and reading.page == 1
    if status != NONE:
        assert 0 < len(reading.excerpt) <= 80


def test_a_full_thai_date_confirms_a_year_and_its_fiscal_year():
    reading = read_year_in_text("ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2568", 2569)
    assert reading.status == CONFIRMED and reading.years == (2568,) and reading.fiscal_years == (2568, 2569)
    spaced = read_year_in_text("ประกาศ ณ วันที่ 3 พฤศจิก ายน 2568", 2569)  # OCR split the month name
    assert spaced.years == (2568,) and 2569 in spaced.fiscal_years
    assert read_year_in_text("ตุลาคม 2568", 2569).status == NONE  # a month without a day is not a date


def test_excerpt_is_short_and_from_the_page_that_gave_the_year():
    long_line = "ข้อความ " * 30 + "ประจำปีงบประมาณ พ.ศ. 2569 " + "ต่อท้าย " * 30
    reading = read_year_in_text(long_line, 2569, page=4)
    assert reading.page == 4 and len(reading.excerpt) <= 80 and "2569" in reading.excerpt


@dataclass(frozen=True)
class Page:
    number: int
    text: str
    low: tuple[int, int] | None = None  # a span read with low confidence

    def confidence_of(self, start: int, end: int) -> float:
        if self.low and start < self.low[1] and end > self.low[0]:
            return 31.0
        return 92.0


def test_low_confidence_on_the_year_makes_it_uncertain():
    text = "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569"
    at = text.index("2569")
    assert read_year([Page(1, text)], 2569).status == CONFIRMED
    shaky = read_year([Page(1, text, (at, at + 4))], 2569)
    assert shaky.status == UNCERTAIN and shaky.candidates == (2569,) and "confidence" in shaky.reason


def test_pages_together_one_confirmed_reading_is_enough():
    pages = [Page(1, "ประจำปีงบประมาณ พ.ศ. ๒๕๐๕"), Page(2, "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568")]
    reading = read_year(pages, 2568)
    assert reading.status == CONFIRMED and reading.years == (2568,) and reading.page == 2
    assert read_year([], 2569).status == NONE


def test_a_date_does_not_stand_in_for_a_stated_year_that_could_not_be_read():
    # a report on fiscal 2567 is signed in October 2567 (fiscal 2568): only its stated year says which year it is
    pages = [Page(1, "สรุปผลการจัดซื้อจัดจ้างประจำปี ปีงบประมาณ พ.ศ.๒๕๖๐"), Page(2, "รายงาน ณ วันที่ 3 ตุลาคม 2567")]
    reading = read_year(pages, 2569)
    assert reading.status == UNCERTAIN and reading.years == ()
    assert read_year([Page(1, "รายงาน ณ วันที่ 3 ตุลาคม 2567")], 2569).status == CONFIRMED  # no stated year: dates do


def test_the_end_of_a_year_range_is_a_stated_year_too():
    reading = read_year_in_text("แผนพัฒนาท้องถิ่น (พ.ศ.2561 - 2565)\nสั่ง ณ วันที่ 12 มกราคม 2565", 2567)
    assert reading.status == CONFIRMED and reading.stated == (2565,)


def test_fiscal_year_words_split_by_ocr_spaces_still_state_the_year():
    reading = read_year_in_text("รายงานผลการดำเนินงาน ประจำ ปีงบปร ะ มา ณ 2565", 2567)
    assert reading.status == CONFIRMED and reading.stated == (2565,)
    # 'ประ จําปี': a space inside ประจำ, and sara am as nikhahit + sara aa, as Tesseract reads them (dev round 10)
    reading = read_year_in_text("รายงานผลการส่งเสริมคุณธรรม รร.นาหว้าพิทยาคม ประ จําปี 2566\n"
                                "รายงาน ณวันที่16 มกราคม 2567", 2568)
    assert reading.status == CONFIRMED and reading.stated == (2566,)


@pytest.mark.parametrize("stated", ["Fiscal Year 2566", "FISCAL YEAR 2566", "FY 2566", "F.Y. 2566"])
def test_an_english_fiscal_year_states_the_year_over_the_signature_date(stated):
    # a report on fiscal 2566 signed in January 2567: the scan says which year it covers in English
    reading = read_year_in_text(f"{stated} รายงานสรุปการดำเนินงานส่งเสริมคุณธรรม\nรายงาน ณ วันที่ 24 มกราคม ๒๕๖๗", 2568)
    assert reading.status == CONFIRMED and reading.stated == (2566,)


@pytest.mark.parametrize("line", ["การขับเคลื่อนนโยบายด้านบุคลากรสู่การปฏิบัติ\nพุทธศักราช๒๕๖๗ (ทต.ดงมะไฟ)",
                                  "รายงานผลการดำเนินงานตามแผนปฏิบัติการ พุทธ ศักราช 2567"])
def test_the_long_form_of_the_buddhist_era_states_the_year(line):
    # a formal title spells พ.ศ. out ('พุทธศักราช ๒๕๖๗'): as much a stated year as 'พ.ศ. ๒๕๖๗'
    reading = read_year_in_text(f"{line}\nข้อมูล ณ วันที่ 3 เม.ย. 67\n(นางสาวนงลักษณ์ แสงทอง)", 2567)
    assert reading.status == CONFIRMED and reading.stated == (2567,)
