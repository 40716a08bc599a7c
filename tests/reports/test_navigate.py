"""Where the evidence sheet says an item is: the clicks from the home page (reports.navigate), and the
district and province in the report's heading (reports.data.place_names), read from a crawl's records."""

from __future__ import annotations

from model.records import Link, PageRecord
from reports.data import place_names
from reports.navigate import Navigator

BASE = "https://www.bangphra.go.th"
FOOTER = "องค์การบริหารส่วนตำบลบางพระ 99 หมู่ 1 ตำบลบางพระ อำเภอศรีราชา จังหวัดชลบุรี 20110 โทร 038-123456"
MENU = [Link(f"{BASE}/plan", "แผนพัฒนาท้องถิ่น"), Link(f"{BASE}/news", "ข่าวประชาสัมพันธ์"),
        Link(f"{BASE}/ita", "ITA 2569"), Link(f"{BASE}/contact", "ติดต่อเรา")]


def page(path: str, title: str, *links: Link, blocks: tuple[str, ...] = ()) -> PageRecord:
    return PageRecord(url=f"{BASE}{path}", final_url=f"{BASE}{path}", status=200, title=title,
                      blocks=[*blocks, FOOTER], links=[*MENU, *links])


def site() -> list[PageRecord]:
    return [
        page("/", "หน้าแรก | อบต.บางพระ", Link(f"{BASE}/news/1", "ประชุมสภา สมัยสามัญ ที่ 1")),
        page("/plan", "แผนพัฒนาท้องถิ่น", Link(f"{BASE}/plan/2566-2570", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)")),
        page("/plan/2566-2570", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
             Link(f"{BASE}/files/plan2566-2570.pdf", "ดาวน์โหลดแผนพัฒนาท้องถิ่น")),
        page("/news", "ข่าวประชาสัมพันธ์", Link(f"{BASE}/news/1", "ประชุมสภา สมัยสามัญ ที่ 1"),
             blocks=("ชาวบ้านจากอำเภอบ้านบึง จังหวัดชลบุรี ร่วมงานวันเด็ก",)),
        page("/news/1", "ประชุมสภา สมัยสามัญ ที่ 1",
             blocks=("คณะศึกษาดูงานจาก อ.เมือง จ.ระยอง เยี่ยมชม",)),
        page("/ita", "ITA 2569", Link(f"{BASE}/files/plan2566-2570.pdf", "คลิก",
                                      context="O5 | แผนพัฒนาท้องถิ่น | คลิก")),
        page("/contact", "ติดต่อเรา"),
    ]


def test_the_fewest_clicks_from_the_home_page_are_named_by_their_link_texts():
    nav = Navigator(site(), f"{BASE}/")
    assert nav.describe(f"{BASE}/plan/2566-2570") == "เมนู แผนพัฒนาท้องถิ่น > แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)"
    assert nav.describe(f"{BASE}/") == "หน้าแรกของเว็บไซต์"


def test_a_deep_page_asked_first_does_not_change_the_route_to_a_shallow_one():
    """The walk stops once it reaches the page asked for; what it found on the way is what a whole walk finds."""
    shallow_first, deep_first = Navigator(site(), f"{BASE}/"), Navigator(site(), f"{BASE}/")
    pdf = f"{BASE}/files/plan2566-2570.pdf"
    routes = [shallow_first.describe(f"{BASE}/news/1"), shallow_first.describe(pdf)]
    assert [deep_first.describe(pdf), deep_first.describe(f"{BASE}/news/1")][::-1] == routes
    assert routes[0] == "หน้าแรก > ประชุมสภา สมัยสามัญ ที่ 1"
    # the ITA page's row names the document where its link says only 'คลิก'
    assert routes[1] == "เมนู ITA 2569 > O5 แผนพัฒนาท้องถิ่น"


def test_a_page_no_crawled_page_links_has_no_route():
    nav = Navigator(site(), f"{BASE}/")
    assert nav.steps(f"{BASE}/hidden") is None
    assert nav.describe("https://drive.google.com/file/d/abc") == "ลิงก์ไปยัง drive.google.com"


def test_the_province_is_the_one_the_footer_repeats_not_one_a_news_item_mentions():
    assert place_names(site(), f"{BASE}/") == ("ศรีราชา", "ชลบุรี")


def test_the_contact_page_is_read_before_the_rest_of_the_site():
    records = [page("/", "หน้าแรก"), page("/contact", "ติดต่อเรา", blocks=("ที่ทำการ อำเภอสัตหีบ จังหวัดชลบุรี",))]
    for record in records:
        record.blocks.remove(FOOTER)
    records.append(page("/news/2", "ข่าว", blocks=("ต้อนรับคณะจาก อำเภอแกลง จังหวัดระยอง",)))
    assert place_names(records, f"{BASE}/") == ("สัตหีบ", "ชลบุรี")


def test_a_site_that_names_no_province_gives_blanks():
    records = site()
    for record in records:
        record.blocks = [b for b in record.blocks if "จังหวัด" not in b and "จ." not in b]
    assert place_names(records, f"{BASE}/") == ("", "")
