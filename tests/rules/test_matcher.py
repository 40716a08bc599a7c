"""Item verdicts from crawled records: each check an assessor makes, one behaviour per test."""

from __future__ import annotations

from model.records import Link, PageRecord
from model.wording import describe, verdict_reason
from rules.loader import resolve_rules
from rules.matcher import match_site
from rules.patterns import CompiledRules

COMPILED = CompiledRules(resolve_rules(2569))
HOME = "http://a.go.th/"


def home(*links: Link) -> PageRecord:
    return PageRecord(HOME, HOME, 200, "text/html", "page", "อบต.ตัวอย่าง", [], blocks=["ยินดีต้อนรับ " * 20],
                      links=list(links))


def page(url: str, title: str, main: str, **kw) -> PageRecord:
    return PageRecord(url, url, kw.pop("status", 200), "text/html", "page", title, [title], blocks=[main], **kw)


def doc(url: str, text: str, **kw) -> PageRecord:
    return PageRecord(url, url, 200, "application/pdf", "document", "", [], text, doc_pages=1, **kw)


def verdict(records: list[PageRecord], code: str):
    return next(v for v in match_site(records, COMPILED, HOME).items if v.code == code)


def test_document_named_by_its_link_and_showing_the_year_is_present():
    url = "http://a.go.th/upload/no-gift-2569.pdf"
    v = verdict([home(Link(url, "ประกาศเจตนารมณ์ No Gift Policy ประจำปี ๒๕๖๙")),
                 doc(url, "ประกาศเจตนารมณ์ไม่รับของขวัญ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")], "O20")
    assert v.present and v.urls == [url] and v.confidence == "high"


def test_only_an_older_year_is_absent_with_the_year_found():
    url = "http://a.go.th/upload/ac-report-2566.pdf"
    v = verdict([home(Link(url, "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2566")),
                 doc(url, "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ 2566")], "O24")
    assert not v.present and verdict_reason(v).startswith("พบเฉพาะปี 2566")


def test_a_missing_required_element_is_named():
    url = "http://a.go.th/complaint-guide"
    main = "คู่มือการจัดการเรื่องร้องเรียนการทุจริต ช่องทางการร้องเรียน ขั้นตอนการดำเนินการ ผู้รับผิดชอบ สำนักปลัด " * 3
    v = verdict([home(Link(url, "คู่มือการจัดการเรื่องร้องเรียน")), page(url, "คู่มือร้องเรียน", main)], "O16")
    assert not v.present and verdict_reason(v) == "ขาดองค์ประกอบ: ระยะเวลาดำเนินการ"


def test_placeholder_page_is_absent():
    url = "http://a.go.th/hr-report"
    v = verdict([home(Link(url, "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล")),
                 page(url, "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "อยู่ระหว่างปรับปรุงข้อมูล")], "O14")
    assert not v.present and verdict_reason(v) == "หน้าว่าง / อยู่ระหว่างปรับปรุง"


def test_broken_link_is_absent_with_its_status():
    url = "http://a.go.th/upload/stat.pdf"
    v = verdict([home(Link(url, "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต")),
                 PageRecord(url, url, 404, "text/html", "page")], "O18")
    assert not v.present and verdict_reason(v) == "ลิงก์เสีย (HTTP 404)"


def test_soft_404_page_is_never_evidence():
    url = "http://a.go.th/public/list/data/detail/id/22/menu/1022"
    not_found = "ไม่พบหน้าที่ท่านต้องการ ขออภัย ไม่พบข้อมูลที่ท่านต้องการ"
    probe = PageRecord("http://a.go.th/probe", "http://a.go.th/probe", 200, "text/html", "probe", "อบต.", [],
                       blocks=[not_found])
    v = verdict([home(Link(url, "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต ปี 2568")), probe,
                 page(url, "อบต.", not_found)], "O22")
    assert not v.present and "soft-404" in verdict_reason(v)


def test_index_row_is_a_lead_that_still_needs_the_content_checks():
    good, stale = "http://a.go.th/upload/ac-plan-2569.pdf", "http://a.go.th/upload/report-2567.pdf"
    index = page("http://a.go.th/ita", "ITA 2569", "การประเมินคุณธรรมและความโปร่งใส " * 5,
                 links=[Link(good, "คลิก", "a", "O23 แผนปฏิบัติการป้องกันการทุจริต คลิก"),
                        Link(stale, "คลิก", "a", "O7 รายงานผลการดำเนินงานประจำปี คลิก")])
    records = [home(Link("http://a.go.th/ita", "ITA")), index,
               doc(good, "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"),
               doc(stale, "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567")]
    assert verdict(records, "O23").present
    o7 = verdict(records, "O7")
    assert not o7.present and verdict_reason(o7).startswith("พบเฉพาะปี 2567")


def test_scanned_document_is_flagged_for_review_not_called_empty():
    url = "http://a.go.th/upload/risk-scan.pdf"
    v = verdict([home(Link(url, "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2569")), doc(url, "", scanned=True)], "O21")
    assert v.present and v.confidence == "low"
    assert "ภาพสแกน" in describe(v)


def test_nothing_found_is_absent_with_reason_not_found():
    v = verdict([home()], "O22")
    assert not v.present and verdict_reason(v) == "ไม่พบ" and v.urls == []


def test_listing_posting_dates_do_not_stand_in_for_the_year():
    listing = "http://a.go.th/annual-reports"
    old = "http://a.go.th/upload/annual-2567.pdf"
    records = [home(Link(listing, "รายงานผลการดำเนินงานประจำปี")),
               page(listing, "รายงานผลการดำเนินงานประจำปี", "รายการเอกสาร วันที่เผยแพร่ 15 พ.ย. 2568 " * 3,
                    links=[Link(old, "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567")]),
               doc(old, "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567")]
    v = verdict(records, "O7")
    assert not v.present and verdict_reason(v).startswith("พบเฉพาะปี 2567")


def test_link_to_the_agency_facebook_page_counts_for_social_network_in_2566():
    compiled = CompiledRules(resolve_rules(2566))
    records = [home(Link("https://www.facebook.com/bannadee.sao", "Facebook อบต.บ้านนาดี"))]
    v = next(v for v in match_site(records, compiled, HOME).items if v.code == "O9")
    assert v.present and v.urls == [HOME] and "facebook.com" in describe(v)


def test_an_event_headline_naming_a_plan_is_not_the_plan():
    news = "http://a.go.th/news/55"
    v = verdict([home(Link(news, "ประชุมคณะกรรมการจัดทำแผนพัฒนาท้องถิ่น ปี 2569")),
                 page(news, "ประชุมคณะกรรมการจัดทำแผนพัฒนาท้องถิ่น", "เมื่อวันที่ 5 ม.ค. 2569 อบต. ประชุมคณะกรรมการ " * 5)],
                "O5")
    assert not v.present and verdict_reason(v) == "ไม่พบ"


def test_a_listing_with_no_entries_is_empty_not_evidence():
    url = "http://a.go.th/manuals"
    records = [home(Link(url, "คู่มือการปฏิบัติงาน")),
               page(url, "คู่มือการปฏิบัติงาน", "คู่มือการปฏิบัติงาน ไม่พบข้อมูล")]
    v = verdict(records, "O8")
    assert not v.present and verdict_reason(v) == "หน้าว่าง / อยู่ระหว่างปรับปรุง"
