"""Matching on a whole site, as an assessor browses it: the template learnt from the pages, targets that must
open, siblings that go to the more specific item, scans and OCR readings, and crawls that stopped early.

Each site here is a small Thai agency site built from records: every page carries the same menu, header and
footer (the furniture), and each test changes one thing an assessor would notice.
"""

from __future__ import annotations

import pytest

from model.records import Link, PageRecord
from model.scans import OcrPage, OcrResult
from model.verdicts import Note, Reason, Status
from model.wording import verdict_reason
from rules.loader import resolve_rules
from rules.matcher import match_site
from rules.patterns import CompiledRules
from rules.site import Site
from rules.thai import strict_key

COMPILED = CompiledRules(resolve_rules(2569))
BASE = "http://bannadee.go.th"
HOME = BASE + "/"
AGENCY = "องค์การบริหารส่วนตำบลบ้านนาดี"
FOOTER = f"{AGENCY} หมู่ที่ 4 ตำบลบ้านนาดี โทร 043-123-456 saraban@bannadee.go.th © 2569"
MENU = [("ข้อมูลผู้บริหาร", "/executives"), ("ติดต่อเรา", "/contact"), ("คู่มือการปฏิบัติงาน", "/manual"),
        ("แผนพัฒนาท้องถิ่น", "/plan"), ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "/pdpa"), ("ข่าวประชาสัมพันธ์", "/news"),
        ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "/measures"), ("ประมวลจริยธรรม", "/ethics")]


def menu_links() -> list[Link]:
    return [Link(BASE + href, text) for text, href in MENU]


def page(path: str, title: str, *body: str, links: list[Link] = (), images: int = 0, status: int = 200,
         headings: list[str] | None = None) -> PageRecord:
    """A page with the site's template around its own blocks."""
    blocks = [AGENCY, *(text for text, _ in MENU), *body, FOOTER]
    return PageRecord(BASE + path, BASE + path, status, "text/html", "page", f"{title} | {AGENCY}",
                      headings if headings is not None else [title], blocks=blocks,
                      links=[*menu_links(), *links], images=images)


def doc(path: str, text: str, title: str = "", **kw) -> PageRecord:
    return PageRecord(BASE + path, BASE + path, kw.pop("status", 200), "application/pdf", "document", title, [], text,
                      doc_pages=1, **kw)


def missing(path: str) -> PageRecord:
    return PageRecord(BASE + path, BASE + path, 404, "text/html", "page")


def filler(n: int) -> list[PageRecord]:
    """Pages about the villages: enough pages for the template to be learnt, naming no item."""
    return [page(f"/village/{i}", f"ข้อมูลหมู่บ้าน หมู่ที่ {i}", f"หมู่ที่ {i} มีครัวเรือน {120 + i} ครัวเรือน "
                 "ประชากรส่วนใหญ่ประกอบอาชีพเกษตรกรรม ปลูกข้าวและอ้อย " * 3) for i in range(1, n + 1)]


def site(*records: PageRecord, home_body: str = "ยินดีต้อนรับสู่เว็บไซต์ " * 10, **kw):
    home = page("/", "หน้าแรก", home_body)
    return {v.code: v for v in match_site([home, *filler(6), *records], COMPILED, HOME, **kw).items}


PLAN = ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)",
        "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต ยุทธศาสตร์ที่ 3 การบริหารจัดการที่ดี "
        "เป้าหมาย ตัวชี้วัด และโครงการที่จะดำเนินการในแต่ละปี")


def test_the_menu_and_footer_on_every_page_confirm_nothing():
    # the PDPA page exists only in the menu; the footer shows a phone, an e-mail and the year on every page
    verdicts = site(page("/plan", "แผนพัฒนาท้องถิ่น", *PLAN))
    assert verdicts["O5"].present
    assert not verdicts["O3"].present  # the footer's address and phone are not a contact page
    news = site(page("/news", "ข่าวประชาสัมพันธ์", "รวมข่าวสารและกิจกรรมของ อบต.บ้านนาดี ติดตามข่าวได้ที่หน้านี้ทุกสัปดาห์ "
                                         "ทั้งข่าวประชาสัมพันธ์ ข่าวกิจกรรม และประกาศต่าง ๆ ของหน่วยงาน"))
    # no date of its own: the footer's © 2569 on every page does not date it
    assert not news["O4"].present and news["O4"].reason in (Reason.NO_YEAR, Reason.WRONG_YEAR)


def test_the_home_page_boxes_are_not_the_executives_page():
    home_body = "คณะผู้บริหาร นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล โทร 081-234-5678"
    verdicts = site(missing("/executives"), home_body=home_body)
    o2 = verdicts["O2"]
    assert not o2.present and o2.reason is Reason.BROKEN_LINK and o2.detail["url"] == BASE + "/executives"


def test_a_title_keeps_its_own_name_once_the_sites_name_is_set_aside():
    contact = page("/contact", "ติดต่อเรา", "ที่ทำการ หมู่ที่ 4 ตำบลบ้านนาดี อำเภอเมือง จังหวัดขอนแก่น 40000",
                   "โทรศัพท์ 043-123-456 อีเมล saraban@bannadee.go.th สอบถามผ่านกระดานถาม-ตอบ", headings=[])
    assert site(contact)["O3"].present


def test_a_page_that_only_points_to_a_dead_document_is_a_broken_link():
    manual = page("/manual", "คู่มือการปฏิบัติงาน", "ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง", "ดาวน์โหลดเอกสาร",
                  links=[Link(BASE + "/upload/manual.pdf", "ดาวน์โหลดเอกสาร")])
    o8 = site(manual, missing("/upload/manual.pdf"))["O8"]
    assert not o8.present and o8.reason is Reason.BROKEN_LINK
    assert o8.detail["url"] == BASE + "/upload/manual.pdf" and verdict_reason(o8) == "ลิงก์เสีย (HTTP 404)"


def test_a_listing_whose_detail_page_points_to_a_dead_document_is_a_broken_link():
    listing = page("/measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2569",
                   links=[Link(BASE + "/measures/1", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2569")], headings=[])
    detail = page("/measures/1", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2569", "เอกสารเผยแพร่",
                  "มาตรการส่งเสริมคุณธรรม 2569", links=[Link(BASE + "/upload/m.pdf", "มาตรการส่งเสริมคุณธรรม 2569")])
    verdicts = site(listing, detail, missing("/upload/m.pdf"))
    o26 = verdicts["O26"]
    assert not o26.present


def test_a_listing_heading_with_the_year_does_not_stand_in_for_its_dead_entry():
    stats = page("/stats", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569",
                 "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2569",
                 "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ 2569",
                 links=[Link(BASE + "/upload/stat-2569.pdf", "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ 2569")],
                 headings=[])
    o18 = site(stats, missing("/upload/stat-2569.pdf"))["O18"]
    assert not o18.present and o18.reason is Reason.BROKEN_LINK and o18.detail["url"].endswith("stat-2569.pdf")


def test_a_link_naming_the_more_specific_sibling_goes_to_it_alone():
    action = BASE + "/upload/integrity-report.pdf"
    verdicts = site(page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569",
                         links=[Link(action, "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปี 2568")]),
                    doc("/upload/integrity-report.pdf", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"
                        "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568"))
    assert verdicts["O26"].present and verdicts["O26"].urls == [action]
    assert action not in verdicts["O25"].urls


def test_an_unseen_wording_is_proposed_by_word_tokens_and_decided_by_the_content():
    url = BASE + "/upload/nogift-report.pdf"
    unseen = "รายงานผลการปฏิบัติตามนโยบายการไม่รับของขวัญในหน่วยงาน ปี 2569"
    o20 = site(page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส", links=[Link(url, unseen)]),
               doc("/upload/nogift-report.pdf", "รายงานผลการขับเคลื่อนนโยบายไม่รับของขวัญ No Gift Policy "
                   "ประจำปีงบประมาณ พ.ศ. 2569"))["O20"]
    assert o20.present


def test_a_scan_nobody_could_read_asks_for_a_person_with_its_url():
    url = BASE + "/upload/risk-scan.pdf"
    o21 = site(page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส",
                    links=[Link(url, "การประเมินความเสี่ยงการทุจริต")]),
               doc("/upload/risk-scan.pdf", "", scanned=True, scanned_pages=[1], sha256="a" * 64))["O21"]
    assert o21.status is Status.NEEDS_REVIEW and o21.reason is Reason.UNREADABLE_DOCUMENT
    assert o21.detail["url"] == url


def ocr(sha: str, text: str, confidence: float = 88.0) -> OcrResult:
    words = tuple((m, m + 1, confidence) for m in range(0, len(text), 5))
    return OcrResult(sha, "ok", (OcrPage(1, text, confidence, words),), 1, "tesseract test")


def test_a_scan_read_by_ocr_is_decided_from_its_text_and_says_so():
    url = BASE + "/upload/risk-scan.pdf"
    records = (page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส", links=[Link(url, "การประเมินความเสี่ยงการทุจริต")]),
               doc("/upload/risk-scan.pdf", "", scanned=True, scanned_pages=[1], sha256="b" * 64))
    reading = ocr("b" * 64, "รายงานการประเมินความเสี่ยงการทุจริต\nประจำปีงบประมาณ พ.ศ. 2569\nองค์การบริหารส่วนตำบลบ้านนาดี")
    o21 = site(*records, scans={"b" * 64: reading})["O21"]
    assert o21.present and any(n.code is Note.READ_BY_OCR and n.detail["page"] == 1 for n in o21.notes)
    old = ocr("b" * 64, "รายงานการประเมินความเสี่ยงการทุจริต\nประจำปีงบประมาณ พ.ศ. 2567")
    assert site(*records, scans={"b" * 64: old})["O21"].reason is Reason.WRONG_YEAR


def test_a_poor_ocr_reading_never_makes_an_item_present():
    url = BASE + "/upload/guide-scan.pdf"
    records = (page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส",
                    links=[Link(url, "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต")]),
               doc("/upload/guide-scan.pdf", "", scanned=True, scanned_pages=[1], sha256="c" * 64))
    smudged = ocr("c" * 64, "แนวปฏิบัติการจัดการเรื่องร้องเรียน ฯ ฯ", confidence=31.0)
    o16 = site(*records, scans={"c" * 64: smudged})["O16"]
    assert o16.status is Status.NEEDS_REVIEW and o16.reason is Reason.OCR_UNCERTAIN


def test_a_crawl_stopped_by_its_budget_leaves_items_not_reached():
    verdicts = site(page("/plan", "แผนพัฒนาท้องถิ่น", *PLAN), complete=False,
                    stop_reason="closespider_pagecount")
    assert verdicts["O5"].present
    assert verdicts["O8"].status is Status.NOT_REACHED and verdicts["O8"].reason is Reason.NOT_REACHED


STRUCTURE = ("แผนผังโครงสร้างองค์การบริหารส่วนตำบลบ้านนาดี นายก อบต. ปลัด อบต. สำนักปลัด กองคลัง กองช่าง "
             "ฝ่ายบริหารงานทั่วไป งานธุรการ")


def test_a_pointer_to_the_whole_law_is_no_description_of_duties():
    # the criteria: duties and powers summarised for the agency, not the whole act it was set up under
    pointer = page("/structure", "โครงสร้างและอำนาจหน้าที่", STRUCTURE,
                   "อำนาจหน้าที่เป็นไปตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 (รายละเอียดตามกฎหมายฉบับเต็ม)",
                   images=1)
    o1 = site(pointer)["O1"]
    assert not o1.present and o1.reason is Reason.MISSING_ELEMENTS and "หน้าที่และอำนาจ" in o1.detail["elements"]
    described = page("/structure", "โครงสร้างและอำนาจหน้าที่", STRUCTURE,
                     "อำนาจหน้าที่: จัดให้มีและบำรุงรักษาทางน้ำและทางบก รักษาความสะอาดของถนน ป้องกันโรค", images=1)
    assert site(described)["O1"].present


def test_a_first_block_that_goes_on_past_the_title_is_the_pages_content():
    duties = page("/structure", "โครงสร้างและอำนาจหน้าที่", "โครงสร้างและอำนาจหน้าที่: มีหน้าที่จัดบริการสาธารณะในตำบล",
                  STRUCTURE, images=1, headings=[])
    assert site(duties)["O1"].present


def test_a_document_linked_as_one_item_but_titled_as_another_is_not_that_item():
    # the agency's ITA index row for O5 opens its annual operating plan (O6)
    url = BASE + "/upload/o6-2569.pdf"
    verdicts = site(page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569",
                         links=[Link(url, "แผนยุทธศาสตร์")]),
                    doc("/upload/o6-2569.pdf", "แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2569\nองค์การบริหารส่วนตำบลบ้านนาดี\n"
                        "โครงการ งบประมาณ ระยะเวลา ผู้รับผิดชอบ", title="แผนยุทธศาสตร์"))
    assert not verdicts["O5"].present


def test_an_entry_for_the_year_whose_document_is_dead_is_not_that_years_evidence():
    # the listing names 2569; the page it opens offers a dead download and last year's document only
    name = "การประเมินความเสี่ยงการทุจริต"
    listing = page("/risk", name, links=[Link(BASE + "/risk/9", f"{name} ปีงบประมาณ พ.ศ.2569")])
    detail = page("/risk/9", f"{name} ปีงบประมาณ พ.ศ.2569", "ดาวน์โหลดเอกสาร", f"{name} ประจำปีงบประมาณ 2568",
                  links=[Link(BASE + "/upload/risk-2569.pdf", "ดาวน์โหลดเอกสาร"),
                         Link(BASE + "/upload/risk-2568.pdf", f"{name} ประจำปีงบประมาณ 2568")])
    old = doc("/upload/risk-2568.pdf", f"รายงาน{name}และประพฤติมิชอบ ประจำปีงบประมาณ 2568")
    o21 = site(listing, detail, missing("/upload/risk-2569.pdf"), old)["O21"]
    assert not o21.present
    alive = doc("/upload/risk-2569.pdf", f"รายงาน{name}และประพฤติมิชอบ ประจำปีงบประมาณ 2569")
    assert site(listing, detail, alive, old)["O21"].present


def test_a_line_of_text_that_opens_nothing_is_nothing_to_score_whatever_it_says():
    # 'soon' in words no placeholder list holds; the year is there, but nothing else is
    soon = page("/risk", "การประเมินความเสี่ยงการทุจริต", "ข้อมูลปี 2569 จะนำขึ้นเผยแพร่ในเร็ว ๆ นี้")
    o21 = site(soon)["O21"]
    assert not o21.present and o21.reason is Reason.PLACEHOLDER


def test_a_site_laid_out_in_tables_does_not_give_an_empty_page_a_table_of_its_own():
    # a classic PHP site: every page sits in two layout tables, so 'has a table' says nothing of one page
    from dataclasses import replace

    home = page("/", "หน้าแรก", "ยินดีต้อนรับสู่เว็บไซต์ " * 10)
    soon = page("/eservice", "ยื่นคำร้องออนไลน์ (E-Service)", "ลิงก์เอกสารจะเปิดให้ดาวน์โหลดเร็ว ๆ นี้")
    records = [replace(r, tables=2) for r in [home, *filler(6), soon]]
    o10 = {v.code: v for v in match_site(records, COMPILED, HOME).items}["O10"]
    assert not o10.present and o10.reason is Reason.PLACEHOLDER, verdict_reason(o10)
    # a third table is the page's own (a fee schedule, a list of services): content to score
    served = replace(soon, tables=3)
    table_page = {v.code: v for v in match_site([*records[:-1], served], COMPILED, HOME).items}["O10"]
    assert table_page.reason is not Reason.PLACEHOLDER


def test_a_short_report_whose_first_words_repeat_its_heading_keeps_every_word_of_its_body():
    # the heading is its own block; the paragraph below only starts with the same words, and is the content
    name = "รายงานผลการดำเนินงานประจำปี"
    report = page("/annual", name, name, f"{name}งบประมาณ พ.ศ. 2568 ผลการดำเนินงานตามแผนพัฒนาท้องถิ่น "
                  "โครงการที่ดำเนินการแล้วเสร็จ")
    o7 = site(report)["O7"]
    assert o7.present, verdict_reason(o7)


def test_a_not_found_heading_is_a_placeholder_even_when_the_cms_answers_200():
    gone = page("/risk", "ไม่พบข้อมูล", "กลับหน้าแรก", headings=["ไม่พบข้อมูล"],
                links=[Link(HOME, "กลับหน้าแรก")])
    index = page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569",
                 links=[Link(BASE + "/risk", "การประเมินความเสี่ยงการทุจริต ประจำปี 2569")])
    o21 = site(index, gone)["O21"]
    assert not o21.present


def test_the_agencys_own_index_row_names_a_page_titled_in_words_nobody_listed():
    url = BASE + "/risk-2569"
    index = page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569",
                 links=[Link(url, "คลิก", context="O21 การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ คลิก")])
    unusual = page("/risk-2569", "จุดเปราะบางในงานของ อบต. ปี 2569",
                   "ผลการวิเคราะห์จุดเปราะบาง ปีงบประมาณ พ.ศ. 2569 งานจัดซื้อจัดจ้าง งานอนุมัติอนุญาต "
                   "ระดับความเสี่ยงสูง มาตรการควบคุม ผู้รับผิดชอบ และกำหนดเวลาติดตามผลทุกไตรมาส " * 2)
    assert site(index, unusual)["O21"].present
    # the same page reached only from the menu, in words the rules do not know, is not taken on trust
    assert not site(unusual)["O21"].present


def test_an_index_of_numbered_rows_whose_links_only_say_click_is_no_items_page():
    # rows 'ข้อ N name คลิก' with no table around them: the rows hold the structure item's words (units,
    # positions, duties), but the page is the agency's index of its evidence, not the structure page
    rows = ["ข้อ 1 โครงสร้าง หน้าที่และอำนาจ อยู่ระหว่างดำเนินการ", "ข้อ 2 ข้อมูลผู้บริหาร ฝ่ายบริหาร",
            "ข้อ 3 ข้อมูลการติดต่อและช่องทางการสอบถาม อยู่ระหว่างดำเนินการ", "ข้อ 4 ข่าวสารและกิจกรรม คลิก",
            "ข้อ 8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "ข้อ 13 หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล คลิก",
            "ข้อ 14 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ลิงก์", "ข้อ 15 ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม คลิก",
            "ข้อ 16 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ คลิก",
            "ข้อ 17 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ คลิก",
            "ข้อ 18 รายงานสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ลิงก์", "ข้อ 20 ประกาศนโยบายงดรับ งดให้ ของขวัญ คลิก",
            "ข้อ 23 แผนปฏิบัติการป้องกันการทุจริต คลิก", "ข้อ 24 รายงานผลการดำเนินการป้องกันการทุจริต คลิก"]
    headings = ["OIT 2569", "9.1 ข้อมูลพื้นฐาน", "9.2 การประชาสัมพันธ์", "9.7 การบริหารและพัฒนาทรัพยากรบุคคล"]
    index = page("/oit-2569", "OIT 2569", *rows, headings=headings,
                 links=[Link(BASE + "/executives", "ฝ่ายบริหาร"), Link(BASE + "/manual", "คลิก")])
    o1 = site(index)["O1"]
    assert not o1.present and o1.reason == Reason.INDEX_PAGE


def test_a_dated_listing_row_is_no_numbered_index_row():
    from rules.checks import _NUMBERED_ROW
    from rules.thai import short_key

    assert _NUMBERED_ROW.match(short_key("ข้อ 12 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล คลิก"))
    assert _NUMBERED_ROW.match(short_key("3. ข้อมูลการติดต่อ"))
    assert not _NUMBERED_ROW.match(short_key("15 ธ.ค. 2568 ประกาศแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2569"))


def test_a_page_found_only_by_its_address_is_the_contact_page_when_its_content_has_every_element():
    contact = page("/contact", "สำนักงานเรา", "ที่ทำการ หมู่ที่ 4 ตำบลบ้านนาดี อำเภอเมือง จังหวัดขอนแก่น 40000",
                   "โทรศัพท์ 043-123-456 อีเมล saraban@bannadee.go.th สอบถามผ่านกระดานถาม-ตอบ", headings=[])
    assert site(contact)["O3"].present
    partial = page("/contact", "สำนักงานเรา", "ที่ทำการ หมู่ที่ 4 ตำบลบ้านนาดี อำเภอเมือง จังหวัดขอนแก่น 40000",
                   headings=[])
    assert not site(partial)["O3"].present


def test_a_picture_with_a_line_of_text_asks_for_a_person_rather_than_counting():
    # an infographic or an 'under construction' banner: only someone looking at it can tell which
    banner = page("/risk", "การประเมินความเสี่ยงการทุจริต", "โปรดติดตามเร็ว ๆ นี้", images=1)
    o21 = site(banner)["O21"]
    assert o21.status is Status.NEEDS_REVIEW and o21.reason is Reason.PICTURE_ONLY
    assert verdict_reason(o21).startswith("มีเพียงรูปภาพกับข้อความสั้น ๆ")


def test_a_page_awaiting_its_data_is_a_placeholder():
    waiting = page("/manual", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "รอนำเข้าข้อมูล",
                   "เรื่องที่เกี่ยวข้อง: การปฏิบัติตามนโยบายด้านทรัพยากรบุคคล ประมวลจริยธรรมข้าราชการ การประเมินคุณธรรม")
    code = next(c for c, item in COMPILED.items.items() if item.name.startswith("คู่มือหรือแนวทางการปฏิบัติงาน"))
    verdict = site(waiting)[code]
    assert not verdict.present and verdict.reason == Reason.PLACEHOLDER


def _no_gift_row(row_text: str, title: str, *body: str, file_text: str):
    """2567's O26 when the agency's ITA index links its No Gift row ('row_text') to a page titled 'title' that
    offers one file (2567 has no item for a report of gifts received)."""
    compiled = CompiledRules(resolve_rules(2567))
    index = page("/ita", "ITA 2567", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2567",
                 links=[Link(BASE + "/gifts", row_text,
                             context=f"O26 ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ {row_text}")])
    target = page("/gifts", title, *body, links=[Link(BASE + "/files/gifts-2567.pdf", "ดาวน์โหลดเอกสาร")])
    pdf = doc("/files/gifts-2567.pdf", file_text)
    home = page("/", "หน้าแรก", "ยินดีต้อนรับสู่เว็บไซต์ " * 10)
    return {v.code: v for v in match_site([home, *filler(6), index, target, pdf], compiled, HOME).items}["O26"]


def test_an_index_row_never_vouches_for_a_page_that_calls_itself_a_report():
    """A report of gifts received under the No Gift row: a report is not the declaration, whatever row links it."""
    o26 = _no_gift_row("ประกาศไม่รับของขวัญ (No Gift)", "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
                       "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปี 2567",
                       "ไตรมาสที่ 1 ไม่มีเจ้าหน้าที่รายใดรับทรัพย์สินหรือประโยชน์อื่นใด ไตรมาสที่ 2 ไม่มีผู้รับ "
                       "ไตรมาสที่ 3 นายสมชาย รับกระเช้าผลไม้มูลค่า 800 บาท ในเทศกาลปีใหม่ ซึ่งไม่เกินเกณฑ์ที่กำหนด " * 2,
                       file_text="รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ 2567")
    assert not o26.present


def test_an_index_row_never_vouches_for_a_page_titled_a_report_in_english():
    """'Gift Receipt Report' says what it is with its last word, as 'รายงาน…' does with its first."""
    o26 = _no_gift_row("คลิก", "Gift Receipt Report",
                       "แบบรายงานการรับทรัพย์สินหรือประโยชน์อื่นใด ตลอดปีงบประมาณ ๒๕๖๗ (รร.บ้านนาดี)",
                       file_text="แบบรายงานการรับทรัพย์สินหรือประโยชน์อื่นใด ตลอดปีงบประมาณ ๒๕๖๗\nสั่ง ณ วันที่ ๒๖ มกราคม ๒๕๖๗")
    assert not o26.present


@pytest.mark.parametrize("words", ["คลิกที่นี่", "สรุปจำนวนผู้มาใช้บริการแยกตามงาน พ.ศ. 2566"])
def test_this_years_file_under_click_here_dates_a_page_beside_last_years_named_entry(words):
    """This year's file linked as 'คลิกที่นี่', or in words that name no item, beside last year's named entry."""
    compiled = CompiledRules(resolve_rules(2566))
    url = BASE + "/stats"
    stats = page("/stats", "ข้อมูลสถิติการให้บริการประชาชน ประจำปีงบประมาณ 2566", words,
                 "สถิติการให้บริการประชาชน ปีงบประมาณ 2564",
                 links=[Link(BASE + "/files/91934.pdf", words),
                        Link(BASE + "/files/2564.pdf", "สถิติการให้บริการประชาชน ปีงบประมาณ 2564")])
    new = doc("/files/91934.pdf", "สรุปจำนวนผู้ขอรับบริการแยกตามประเภทงาน ปีงบประมาณ พ.ศ.2566 ผู้รับบริการ 1,284 ราย",
              title=words)
    old = doc("/files/2564.pdf", "สถิติการให้บริการประชาชน ปีงบประมาณ 2564 ผู้รับบริการ 1,020 ราย")
    index = page("/ita", "ITA 2566", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2566",
                 links=[Link(url, "ข้อมูลสถิติการให้บริการประชาชน")])
    home = page("/", "หน้าแรก", "ยินดีต้อนรับสู่เว็บไซต์ " * 10)
    code = next(c for c, item in compiled.items.items() if item.name.startswith("ข้อมูลเชิงสถิติการให้บริการ"))
    verdict = {v.code: v for v in match_site([home, *filler(6), index, stats, new, old], compiled, HOME).items}[code]
    assert verdict.present, verdict.reason


@pytest.mark.parametrize("says", ["แสดง 0 ถึง 0 จาก 0 แถว", "ยังไม่มีโพสต์ในหมวดหมู่นี้",
                                  "ปิดปรับปรุงหน้านี้ชั่วคราว (Under Maintenance)", "ข้อมูลส่วนนี้รอการอนุมัติเผยแพร่",
                                  "-- ยังไม่มีไฟล์เอกสาร --", "No data available in table",
                                  "Sorry, no posts matched your criteria.", "ผู้ดูแลระบบยังไม่ได้นำเข้าเอกสาร",
                                  "รายการทั้งหมด 0 รายการ", "อยู่ระหว่างขออนุมัติผู้บริหาร", "TBA – รอข้อมูลจากกองที่รับผิดชอบ",
                                  "There are no articles in this category.", "No content has been created yet.",
                                  "(ว่าง)", "ไฟล์ถูกลบหรือย้ายตำแหน่งแล้ว",
                                  "หมายเหตุ : เจ้าหน้าที่จะนำข้อมูลขึ้นเว็บไซต์ภายหลัง",
                                  "ข้อมูลปีงบประมาณนี้ยังไม่ได้จัดทำ", "ยังไม่มีข่าวสารในหมวดนี้",
                                  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
                                  "This is an example page. It's different from a blog post because it will stay in "
                                  "one place and will show up in your site navigation."])
def test_an_empty_table_or_category_in_other_words_is_a_placeholder(says):
    # found on dev rounds 5, 6 and 7: a table plugin's "no rows", an empty WordPress, Joomla or Drupal
    # category, a page down for maintenance, one awaiting approval, a file removed, data 'to come later';
    # on round 11: the sample text a theme or WordPress ships, never replaced
    empty = page("/eservice", "E-Service", says)
    verdict = site(empty)["O10"]
    assert not verdict.present and verdict.reason == Reason.PLACEHOLDER


def test_a_report_page_under_this_years_heading_whose_file_is_dead_and_the_rest_older_is_a_broken_link():
    # found on dev round 6: the page says 'ปีงบประมาณ 2569', but its report is a 404 and only last year's opens
    name = "การประเมินความเสี่ยงการทุจริต"
    news = page("/news/831", f"รายงาน{name}", "ข่าวประชาสัมพันธ์ สำนักปลัด",
                f"รายงาน{name} ปีงบประมาณ 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569) ของเทศบาลตำบลบ้านนาดี",
                "รายละเอียดตามเอกสารแนบ", f"รายงาน{name} ปีงบ 2569", "รายละเอียด", headings=[],
                links=[Link(BASE + "/upload/582956.pdf", f"รายงาน{name} ปีงบ 2569"),
                       Link(BASE + "/upload/2568_905.pdf", "รายละเอียด")])
    old = doc("/upload/2568_905.pdf", f"รายงาน{name}และประพฤติมิชอบ ประจำปีงบประมาณ 2568")
    # the agency's ITA index and its menu both send the assessor to the news page for this item
    index = page("/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2569",
                 links=[Link(BASE + "/news/831", f"o21 {name}", context=f"O21 {name} ลิงก์")])
    listing = page("/risk", name, links=[Link(BASE + "/news/831", f"{name} ปีงบประมาณ 2569")])
    o21 = site(index, listing, news, missing("/upload/582956.pdf"), old)["O21"]
    assert not o21.present and o21.reason == Reason.BROKEN_LINK
    alive = doc("/upload/582956.pdf", f"รายงาน{name}และประพฤติมิชอบ ประจำปีงบประมาณ 2569")
    assert site(index, listing, news, alive, old)["O21"].present


def test_an_index_row_never_vouches_for_a_register_of_gifts():
    """A register ('ทะเบียนคุม…') under the No Gift row is a kind of thing the declaration is not."""
    o26 = _no_gift_row("นโยบายไม่รับของขวัญ (No Gift Policy)", "ทะเบียนคุมการรับทรัพย์สินหรือประโยชน์อื่นใดของเจ้าหน้าที่",
                       "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ปีงบประมาณ พ.ศ.๒๕๖๗",
                       file_text="รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา\nปีงบประมาณ พ.ศ.๒๕๖๗")
    assert not o26.present


def test_zero_complaints_is_a_statistic_not_an_empty_page():
    assert not COMPILED.placeholder.search(strict_key("เรื่องร้องเรียนการทุจริตทั้งหมด 0 รายการ"))
    assert COMPILED.placeholder.search(strict_key("รายการทั้งหมด 0 รายการ"))


def test_a_page_carrying_this_years_content_beside_an_old_dead_link_stays_present():
    name = "การประเมินความเสี่ยงการทุจริต"
    content = page("/risk", f"{name} ปีงบประมาณ 2569", f"ผล{name} ประจำปีงบประมาณ 2569 ของเทศบาลตำบลบ้านนาดี "
                   "เหตุการณ์ความเสี่ยง ระดับความเสี่ยงสูง มาตรการควบคุม " * 3,
                   f"{name} ปีงบประมาณ 2566", f"{name} ปีงบประมาณ 2568",
                   links=[Link(BASE + "/upload/risk-2566.pdf", f"{name} ปีงบประมาณ 2566"),
                          Link(BASE + "/upload/risk-2568.pdf", f"{name} ปีงบประมาณ 2568")])
    old = doc("/upload/risk-2568.pdf", f"รายงาน{name}และประพฤติมิชอบ ประจำปีงบประมาณ 2568")
    assert site(content, missing("/upload/risk-2566.pdf"), old)["O21"].present


@pytest.mark.parametrize("line", [
    # the review of round 7: a short page of real content that mentions, in passing, what a placeholder says
    "ปัญหาอุปสรรค: ข้อมูลบางส่วนยังไม่ได้จัดทำเป็นดิจิทัล",  # an annual report's problems
    "หมายเหตุ รายงานผลรอบ 6 เดือน จะนำขึ้นเว็บไซต์ภายหลัง",  # a plan page's note about another document
    "หัวหน้าได้ถูกย้ายไปดำรงตำแหน่งใหม่",  # an executives page
    "ข้อมูลถูกลบออกจากระบบเมื่อครบกำหนดเก็บรักษา",  # a privacy policy
    "There are no records of corruption complaints in FY2025",  # a complaint statistic
])
def test_a_line_of_content_that_mentions_missing_data_is_no_placeholder(line):
    assert not COMPILED.placeholder.search(strict_key(line))


def test_a_scan_behind_a_page_worded_as_no_pattern_knows_is_named_by_its_printed_title():
    # the menu says 'ITA Result Analysis & Improvement', the page only 'ดาวน์โหลด': once read, the scan's own
    # title names the item, as a text PDF's opening does
    url = BASE + "/upload/ita-result.pdf"
    records = (page("/content/205", "ITA Result Analysis & Improvement", "ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง",
                    links=[Link(url, "ดาวน์โหลด")]),
               doc("/upload/ita-result.pdf", "", scanned=True, scanned_pages=[1], sha256="d" * 64))
    assert not site(*records)["O25"].candidates  # unread, nothing names it
    reading = ocr("d" * 64, "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ\n"
                            "ประจำปีงบประมาณ พ.ศ. 2568\nองค์การบริหารส่วนตำบลบ้านนาดี")
    o25 = site(*records, scans={"d" * 64: reading})["O25"]
    assert o25.present and o25.candidates[0].url == url


def test_a_documents_labelled_second_line_is_its_body_not_its_title():
    """'กิจกรรม: ประชุมชี้แจงประมวลจริยธรรม' under a summary of ethics activities lists what was done; the title is
    the summary's alone, so the document is the driving of ethics (2566 O40), not the code of ethics (O39)."""
    summary = doc("/uploads/ethics-2566.docx", "สรุปกิจกรรมขับเคลื่อนจริยธรรมของโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนาดี พ.ศ. ๒๕๖๖\n"
                  "กิจกรรม: ประชุมชี้แจงประมวลจริยธรรม / จัดทำสื่อ Do & Don't / ยกย่องบุคลากรต้นแบบด้านจริยธรรม\n"
                  "ประกาศ ณ วันที่ 13 ต.ค. 65")
    code = doc("/uploads/code-2566.pdf", "ประมวลจริยธรรมข้าราชการ\nขององค์การบริหารส่วนตำบลบ้านนาดี\n"
               "หมวด 1 มาตรฐานทางจริยธรรม")
    site_ = Site.build([summary, code], HOME)
    rules_2566 = CompiledRules(resolve_rules(2566))
    assert "O39" not in rules_2566.named(site_.text(summary).document_title_key)
    assert site_.text(code).document_title_key == strict_key("ประมวลจริยธรรมข้าราชการ ขององค์การบริหารส่วนตำบลบ้านนาดี")
    assert "O39" in rules_2566.named(site_.text(code).document_title_key)
    # an item's code or a title label on the second line introduces the title (the review of round 10)
    coded = doc("/uploads/o25.pdf", "องค์การบริหารส่วนตำบลบ้านนาดี\nO25: แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2566\n"
                "โครงการ | งบประมาณ")
    titled = doc("/uploads/t.pdf", "เอกสารแนบ\nชื่อเรื่อง: ประมวลจริยธรรมข้าราชการ\nหมวด 1")
    site_ = Site.build([coded, titled], HOME)
    assert rules_2566.named(site_.text(coded).document_title_key)
    assert "O39" in rules_2566.named(site_.text(titled).document_title_key)


@pytest.mark.parametrize("says", ["This item might not exist or is no longer available.", "โฟลเดอร์นี้ว่างเปล่า",
                                  "Access Denied. You do not have permission to access this resource.",
                                  "403 Forbidden – คุณไม่มีสิทธิ์เข้าถึงไฟล์นี้", "ไม่พบไฟล์ที่ร้องขอ",
                                  "ขออภัย ไม่สามารถแสดงตัวอย่างไฟล์นี้ได้", "เอกสารอยู่ระหว่างการลงนาม",
                                  "เซสชันหมดอายุ กรุณาเข้าสู่ระบบใหม่เพื่อดูเอกสาร", "ข้อมูลจะเผยแพร่ภายหลังสิ้นปีงบประมาณ"])
def test_a_file_hosts_refusal_is_a_placeholder_whatever_the_item_requires(says):
    """Found on dev round 10: an empty shared folder, access refused, a removed link, a file the system cannot
    find or preview, an expired login, a document awaiting signature. An item with required elements (the
    service manual, 2569 O9) reached such a page through its menu entry and was called present by its name."""
    manual = page("/manual", "คู่มือการปฏิบัติงาน", says)
    verdict = site(manual)["O9"]
    assert not verdict.present and verdict.reason == Reason.PLACEHOLDER


@pytest.mark.parametrize("says", ["สิทธิของเจ้าของข้อมูล: สิทธิในการเข้าถึงข้อมูลส่วนบุคคล สิทธิขอให้ลบ",
                                  "กรุณาเข้าสู่ระบบเพื่อยื่นคำร้องออนไลน์ผ่าน E-Service",
                                  "ไม่พบเรื่องร้องเรียนการทุจริตในไตรมาสนี้",
                                  "สำนักงานได้ย้ายไปที่อาคารใหม่ Our office has moved to the new building",
                                  # the review of round 10: lines real pages carry
                                  "หากระบบขัดข้องชั่วคราว กรุณาติดต่อ 043-123456",
                                  "ผู้ที่ไม่มีสิทธิ์เข้าถึงจะไม่สามารถเปิดดูข้อมูลของท่านได้",
                                  "ประชุมสภา สมัยสามัญ อยู่ระหว่างเสนอลงนาม", "ผู้บริหารคนใหม่ อยู่ระหว่างรอการลงนามแต่งตั้ง",
                                  "403 หมู่ที่ 4 ตำบลบ้านนาดี", "หากไม่สามารถเปิดไฟล์ได้ กรุณาดาวน์โหลด Adobe Reader",
                                  "If you cannot open the file, download it here",
                                  "Request access to information under the Official Information Act",
                                  "Service may not be available after hours",
                                  "The old manual has been removed, see the new manual below",
                                  "รายงานจะเผยแพร่ภายหลังการประชุมสภา", "ขอสิทธิ์เข้าถึงข้อมูลส่วนบุคคล"])
def test_a_page_speaking_of_rights_logins_or_moves_is_not_a_file_hosts_refusal(says):
    """The file-host wordings are narrow: a data subject's right of access, an e-service that asks to log in,
    no complaints this quarter, an office that moved are each content."""
    assert not COMPILED.placeholder.search(strict_key(says))


def test_a_first_block_restating_a_title_with_a_dash_inside_is_no_content():
    """A classic page has no <h1>: its first block restates the title, '… ปีงบประมาณ พ.ศ. 2568 (๑ ตุลาคม – ๓๐
    กันยายน)'. The title's parts are split at that dash too; the block is still the title, so the plan's name
    ('แผนและความก้าวหน้า…') does not give the plan's six-month progress."""
    name = "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี ปีงบประมาณ พ.ศ. 2568 (๑ ตุลาคม – ๓๐ กันยายน)"
    plan = PageRecord(BASE + "/plan2568", BASE + "/plan2568", 200, "text/html", "page", f"{AGENCY} - {name}", [],
                      blocks=[AGENCY, name, "ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง", FOOTER], links=menu_links())
    site_ = Site.build([page("/", "หน้าแรก"), *filler(6), plan], HOME)
    assert "ความก้าวหน้า" not in site_.text(plan).element_key
    assert site_.text(plan).element_key == strict_key("ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง")


def test_an_index_row_never_vouches_for_a_page_whose_own_words_name_another_item():
    """Dev round 11: the HR policy's row of the agency's ITA index links a page titled 'การดำเนินการตามนโยบาย HR'.
    No pattern knows 'HR', but the word fallback reads the title as the policy's actions (its sibling), so the row
    does not make the page the policy."""
    compiled = CompiledRules(resolve_rules(2567))
    index = page("/ita", "ITA 2567", "การประเมินคุณธรรมและความโปร่งใส ประจำปี 2567",
                 links=[Link(BASE + "/hr-actions", "คลิก", context="O18 นโยบายการบริหารทรัพยากรบุคคล คลิก")])
    actions = page("/hr-actions", "การดำเนินการตามนโยบาย HR ของ อบต.บ้านนาดี",
                   "ในปีงบประมาณ พ.ศ. 2567 อบต.บ้านนาดีจัดอบรมพนักงานส่วนตำบลและพนักงานจ้างรวม 6 หลักสูตร "
                   "ผู้เข้าอบรม 42 คน คิดเป็นร้อยละ 95 ของบุคลากรทั้งหมด และส่งบุคลากรเข้ารับการอบรมภายนอกอีก 8 คน "
                   "ตามแผนที่ได้รับอนุมัติเมื่อเดือนตุลาคม 2566")
    home = page("/", "หน้าแรก", "ยินดีต้อนรับสู่เว็บไซต์ " * 10)
    verdicts = {v.code: v for v in match_site([home, *filler(6), index, actions], compiled, HOME).items}
    assert compiled.fuzzy_named("การดำเนินการตามนโยบาย HR ของ อบต.บ้านนาดี") == ["O19"]
    assert not verdicts["O18"].present


def test_a_pointer_page_whose_file_for_the_year_is_dead_and_whose_other_file_is_older_is_a_broken_link():
    """Dev round 11: the page promises the 2568 report, its 'ดาวน์โหลดเอกสาร' file is a 404 and its 'รายละเอียด'
    file is the 2566 report. An assessor clicking gets nothing for the year: a broken link, not the item."""
    code = next(c for c, item in COMPILED.items.items() if item.name.startswith("รายงานผลการดำเนินการเพื่อส่งเสริม"))
    report = page("/integrity", "O26 » รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
                  "ปีงบประมาณ พ.ศ. 2568", "ผลการดำเนินการประจำปีงบประมาณ พ.ศ. 2568 ดาวน์โหลดเอกสารได้ที่ลิงก์ด้านล่าง",
                  links=[Link(BASE + "/files/integrity-2568.pdf", "ดาวน์โหลดเอกสาร"),
                         Link(BASE + "/files/integrity-2566.pdf", "รายละเอียด")])
    older = doc("/files/integrity-2566.pdf", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2566\n"
                "ผลการดำเนินการ ๑ ต.ค. 2565 – ๓๐ ก.ย. 2566 มาตรการ ๔ ด้าน ดำเนินการครบทุกด้าน")
    verdict = site(report, older, missing("/files/integrity-2568.pdf"))[code]
    assert not verdict.present and verdict.reason == Reason.BROKEN_LINK


def test_a_memos_title_is_its_subject_not_its_header():
    """Dev round 12: 'บันทึกข้อความ ส่วนราชการ … เรื่อง' heads the document; its title is the subject after it, so
    the risk assessment's report is read as such (patterns anchored on a title's first words see it)."""
    memo = doc("/files/risk-2568.pdf", "บันทึกข้อความ ส่วนราชการ อบต.บ้านนาดี ที่ ........ วันที่ ........ เรื่อง\n"
               "รายงานผลการประเมินความเสี่ยงการทุจริต ปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลบ้านนาดี")
    key = Site.build([memo], HOME).text(memo).document_title_key
    assert key.startswith(strict_key("รายงานผลการประเมินความเสี่ยงการทุจริต"))


def test_a_one_word_title_under_an_index_row_names_no_other_item():
    """The review of round 11: 'การให้บริการ' is only most alike to the service statistics, it names nothing, so
    the agency's index row may still vouch for it; a title of two words or more that the fallback reads as
    another item ('การดำเนินการตามนโยบาย HR…') may not be vouched for."""
    from rules.checks import _names_another

    assert not _names_another(CompiledRules(resolve_rules(2568)), "การให้บริการ")
    assert _names_another(CompiledRules(resolve_rules(2567)), "การดำเนินการตามนโยบาย HR ของ อบต.บ้านนาดี")
