"""Links hide in many places on agency CMS pages; every one is found with the text a citizen clicks."""

from __future__ import annotations

from crawler.extract import extract_html

PAGE = """<html><head><title>แผนการจัดซื้อจัดจ้าง - อบต.บ้านนาดี</title>
<meta http-equiv="refresh" content="30; url=/public/refresh-target"></head><body>
<nav class="megamenu"><a href="/public/list/data/index/menu/1004">ข่าวประชาสัมพันธ์</a></nav>
<div id="content"><h1>แผนการจัดซื้อจัดจ้าง</h1>
<a href="javascript:MM_openBrWindow('news_detail.php?news_id=7','news','width=800')">ประกาศผู้ชนะการเสนอราคา</a>
<span onclick="window.open('/public/upload/plan.pdf')">แผนจัดซื้อ ๒๕๖๙</span>
<map><area href="/public/map-area" alt="แผนที่"></map>
<iframe src="/public/viewer.html" title="เอกสาร"></iframe>
<table><tr><td>O12</td><td>รายงานผลการจัดซื้อจัดจ้างประจำปี</td><td><a href="/r.pdf">คลิก</a></td></tr></table>
<a href="mailto:saraban@example.go.th">อีเมล</a><a href="#top">บนสุด</a>
<img src="/photo.jpg" width="300" height="200"><img src="/icon.png" width="16" height="16">
<form action="/send"><input name="q"></form></div>
<footer>Copyright 2569 โทร 043-123-456</footer></body></html>"""


def test_links_from_anchors_scripts_areas_frames_and_meta_refresh():
    page = extract_html("http://127.0.0.1/public/plan/", PAGE)
    by_url = {link.url: link for link in page.links}
    assert by_url["http://127.0.0.1/public/plan/news_detail.php?news_id=7"].text == "ประกาศผู้ชนะการเสนอราคา"
    assert by_url["http://127.0.0.1/public/upload/plan.pdf"].text == "แผนจัดซื้อ ๒๕๖๙"
    assert by_url["http://127.0.0.1/public/map-area"].source == "area"
    assert by_url["http://127.0.0.1/public/viewer.html"].source == "frame"
    assert by_url["http://127.0.0.1/public/refresh-target"].source == "refresh"
    assert not any(link.url.startswith("mailto:") or link.url.endswith("#top") for link in page.links)


def test_table_row_context_is_kept_for_index_pages():
    page = extract_html("http://127.0.0.1/", PAGE)
    link = next(link for link in page.links if link.url.endswith("/r.pdf"))
    assert link.text == "คลิก" and "O12" in link.context and "รายงานผลการจัดซื้อจัดจ้างประจำปี" in link.context


def test_page_text_leaves_out_menus_and_footer_and_counts_content_images():
    page = extract_html("http://127.0.0.1/", PAGE)
    text = " ".join(page.blocks)
    assert "ข่าวประชาสัมพันธ์" not in text  # the menu is kept as links, not as text
    assert "Copyright" not in text and "แผนการจัดซื้อจัดจ้าง" in text
    assert page.images == 1 and page.forms == 1 and page.tables == 1
    assert page.title.startswith("แผนการจัดซื้อจัดจ้าง")


def test_malformed_html_still_yields_text_and_links():
    page = extract_html("http://127.0.0.1/", "<div><a href='/x'>ลิงก์<b>ไม่ปิด<table><tr><td>ข้อมูล")
    assert page.links[0].url == "http://127.0.0.1/x" and "ข้อมูล" in " ".join(page.blocks)


def test_content_hidden_inside_a_menu_like_box_is_not_lost():
    html = '<html><body><div class="main-menu-content"><h1>คู่มือสำหรับประชาชน</h1><p>ขั้นตอนการให้บริการ</p></div></body></html>'
    page = extract_html("http://127.0.0.1/", html)
    assert "ขั้นตอนการให้บริการ" in page.blocks


def test_text_is_kept_as_blocks_with_inline_tags_joined_inside_words():
    html = ("<html><body><table><tr><td>แผน<b>การ</b>จัดซื้อจัดจ้าง <span>ประจำปี</span> <font>๒๕๖๙</font></td>"
            "<td>ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘</td></tr></table><ul><li>ข่าวประชาสัมพันธ์<li>ติดต่อเรา</ul>"
            "<p>ที่อยู่<br>หมู่ที่ 4 ตำบลบ้านนาดี</p></body></html>")
    page = extract_html("http://127.0.0.1/", html)
    assert page.blocks == ["แผนการจัดซื้อจัดจ้าง ประจำปี ๒๕๖๙", "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘", "ข่าวประชาสัมพันธ์",
                           "ติดต่อเรา", "ที่อยู่", "หมู่ที่ 4 ตำบลบ้านนาดี"]


def test_a_page_that_is_only_a_download_link_does_not_take_the_menu_for_its_text():
    html = ('<html><body><div class="site-menu"><ul><li>ข้อมูลพื้นฐาน<ul><li><a href="/about">ประวัติความเป็นมา</a>'
            '</ul><li>แผนงาน<ul><li><a href="/plan">แผนพัฒนาท้องถิ่น</a></ul></ul></div>'
            '<header class="entry-header"><h1>แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗</h1></header>'
            '<div class="entry"><a href="/wp-content/uploads/2023/04/file-490.pdf">ดาวน์โหลด</a></div></body></html>')
    page = extract_html("http://127.0.0.1/plan-2567/", html)
    assert page.blocks == ["ดาวน์โหลด"]
    assert page.headings == ["แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"]
