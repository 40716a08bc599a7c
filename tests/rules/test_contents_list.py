"""A document's table of contents promises chapters; the required elements must be in the chapters themselves."""

from __future__ import annotations

from rules.site import without_contents
from rules.thai import strict_key


def test_a_contents_list_naming_the_steps_chapter_is_not_the_steps():
    key = strict_key("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต บทที่ 1 บทนำ บทที่ 2 ขอบเขตและนิยามศัพท์ "
                     "บทที่ 3 แผนผังการจัดการเรื่องร้องเรียน บทที่ 4 ขั้นตอนการปฏิบัติงาน ภาคผนวก แบบฟอร์ม "
                     "ช่องทางการร้องเรียน: ยื่นด้วยตนเองที่สำนักปลัด")
    left = without_contents(key)
    assert "ขั้นตอน" not in left and "แผนผัง" not in left
    assert "ช่องทางการร้องเรียน" in left and left.startswith("แนวปฏิบัติ")


def test_chapters_with_their_text_are_kept():
    key = strict_key("บทที่ 1 บทนำ " + "ความเป็นมาของการจัดการเรื่องร้องเรียน " * 5
                     + "บทที่ 2 ขั้นตอนการปฏิบัติงาน 1. รับเรื่อง 2. ตรวจสอบข้อเท็จจริง " + "รายละเอียด " * 10
                     + "บทที่ 3 ระยะเวลาดำเนินการ 30 วัน")
    assert without_contents(key) == key


def test_two_chapter_mentions_are_no_contents_list():
    key = strict_key("ตามบทที่ 2 และบทที่ 3 ของคู่มือ ขั้นตอนการปฏิบัติงานมีดังนี้")
    assert without_contents(key) == key


def test_the_title_repeated_atop_each_page_is_no_content_but_a_line_that_goes_on_is():
    from model.records import PageRecord
    from rules.site import PageText, Site

    title = "สรุปผลประชาคมระดับตำบล ปี พ.ศ. ๒๕๖๗"
    text = "\n".join([title, "องค์การบริหารส่วนตำบลคลองขุด", "ภาคส่วนที่เข้าร่วม: ประชาชนทั่วไป 41 คน",
                      f"{title} (หน้า 2)", "องค์การบริหารส่วนตำบลคลองขุด",
                      f"{title}: ที่ประชุมเสนอโครงการ 12 โครงการ"])
    record = PageRecord("http://khlongkhut.go.th/f.pdf", "http://khlongkhut.go.th/f.pdf", 200, "application/pdf",
                        "document", "", [], text, doc_pages=2)
    key = PageText(record, Site.build([record], "http://khlongkhut.go.th/")).element_key
    assert "หน้า2" not in key and key.count("ประชาคม") == 1  # only the line that goes on after the title
    assert "ที่ประชุมเสนอโครงการ12โครงการ" in key


def test_short_chapters_that_give_their_content_are_no_contents_list():
    key = strict_key("คู่มือ บทที่ 1 ช่องทาง: โทร 0-4377-1234 บทที่ 2 ขั้นตอน: รับเรื่อง ตรวจสอบ "
                     "บทที่ 3 ระยะเวลา: 15 วัน บทที่ 4 ผู้รับผิดชอบ: สำนักปลัด")
    assert without_contents(key) == key


def test_a_contents_list_headed_contents_is_one_even_with_page_numbers():
    key = strict_key("สารบัญ บทที่ 1 บทนำ 1 บทที่ 2 ขั้นตอนการปฏิบัติงาน 3 บทที่ 3 แบบฟอร์ม 7 ภาคผนวก")
    assert "ขั้นตอน" not in without_contents(key)


def test_a_line_that_is_only_a_number_is_not_a_running_header():
    from model.records import PageRecord
    from rules.site import PageText, Site

    text = "คู่มือการให้บริการ การขอรับเบี้ยยังชีพ\nระยะเวลาดำเนินการ\n15\nวันทำการ"
    record = PageRecord("http://nadee.go.th/m.pdf", "http://nadee.go.th/m.pdf", 200, "application/pdf",
                        "document", "", [], text, doc_pages=1)
    assert "15วันทำการ" in PageText(record, Site.build([record], "http://nadee.go.th/")).element_key
