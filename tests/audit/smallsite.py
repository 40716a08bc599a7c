"""A small agency site written to a folder, so a test can change a page between two audits."""

from __future__ import annotations

from pathlib import Path

MENU = [("ข่าวประชาสัมพันธ์", "news.html"), ("ติดต่อเรา", "contact.html"), ("คู่มือการปฏิบัติงาน", "manual.html"),
        ("รายงานผลการดำเนินงานประจำปี", "annual-report.html"), ("ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", "complaint-stats.html"),
        ("แผนพัฒนาท้องถิ่น", "plan.html")]


def page(name: str, title: str, body: str) -> str:
    menu = "".join(f'<li><a href="/{href}">{text}</a></li>' for text, href in MENU)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - {name}</title></head><body>"
            f"<table width='100%'><tr><td><b>{name}</b></td></tr><tr><td><ul>{menu}</ul></td><td>"
            f"<h1>{title}</h1>{body}</td></tr><tr><td>{name} หมู่ที่ 4 ตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ 40000 "
            f"โทร 043-111-222 © 2569</td></tr></table></body></html>")


def write_site(root: Path, name: str = "องค์การบริหารส่วนตำบลทดสอบ", manual: str | None = None) -> Path:
    """Home, five item pages (one missing: a dead menu entry) and two news details; returns the folder."""
    root.mkdir(parents=True, exist_ok=True)
    manual = manual or ("<p>คู่มือการปฏิบัติงานของเจ้าหน้าที่ งานจัดเก็บรายได้ ขั้นตอนการรับชำระภาษีที่ดินและสิ่งปลูกสร้าง "
                        "ผู้รับผิดชอบ กองคลัง ระยะเวลา 15 นาที</p>")
    pages = {
        "index.html": page(name, "หน้าแรก", "<p>ยินดีต้อนรับสู่เว็บไซต์ " + name + "</p>"
                           '<p><a href="/news-1.html">ประชุมประจำเดือน</a> <a href="/news-2.html">กิจกรรมวันเด็ก</a></p>'),
        "news.html": page(name, "ข่าวประชาสัมพันธ์", '<ul><li><a href="/news-1.html">ประชุมประจำเดือนมกราคม 2569</a></li>'
                          '<li><a href="/news-2.html">กิจกรรมวันเด็กแห่งชาติ ประจำปี 2569</a></li></ul>'),
        "news-1.html": page(name, "ประชุมประจำเดือนมกราคม 2569", "<p>เมื่อวันที่ 5 มกราคม 2569 อบต.ประชุมประจำเดือน</p>"),
        "news-2.html": page(name, "กิจกรรมวันเด็กแห่งชาติ", "<p>วันที่ 10 มกราคม 2569 จัดกิจกรรมวันเด็ก</p>"),
        "contact.html": page(name, "ติดต่อเรา", "<p>ที่ทำการ หมู่ที่ 4 ตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ 40000</p>"
                             "<p>โทรศัพท์ 043-111-222 อีเมล saraban@test.go.th สอบถามผ่านกระดานถาม-ตอบ</p>"),
        "manual.html": page(name, "คู่มือการปฏิบัติงาน", manual),
        "annual-report.html": page(name, "รายงานผลการดำเนินงานประจำปี",
                                   "<p>รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566 โครงการ 35 โครงการ</p>"),
        "plan.html": page(name, "แผนพัฒนาท้องถิ่น", "<p>แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) ยุทธศาสตร์ 6 ด้าน เป้าหมาย ตัวชี้วัด</p>"),
    }
    for file, html in pages.items():
        (root / file).write_text(html, encoding="utf-8")
    return root
