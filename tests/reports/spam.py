"""Realistic Q&A-board spam for the tests: Thai spam spells words with spaces, digits and English mixed in."""

from __future__ import annotations

from model.records import Link, PageRecord

SPAM = [
    "ส ล็ อ ต เว็ บ ต ร ง แตกง่าย ฝาก-ถอน ไม่มีขั้นต่ำ",
    "บ า ค า ร่ า ออนไลน์ คาสิโนสด SA Gaming สมัครฟรี",
    "เงินด่วน ไม่เช็คบูโร อนุมัติไว ทักไลน์ @loan24",
    "ขายครีมผิวขาว ของแท้ ราคาส่ง ส่งฟรี เก็บเงินปลายทาง",
    "ดูหนังโป๊ คลิปหลุด ฟรี ไม่มีโฆษณา",
    "PG $L0T เครดิตฟรี ๑๐๐ ยืนยันเบอร์",
    "UFABET๑๖๘ แทงบ อ ล ออนไลน์",
    "สล๊อตตตต ฝากถอนออโต้ 24 ชม.",
    "ｓｌｏｔ ｏｎｌｉｎｅ ได้เงินจริง",
    "กู้เงินด่วน ดอกเบี้ยต่ำ ไม่ต้องมีคนค้ำ แอดไลน์",
]
LEGIT = [
    "สอบถามการชำระภาษีที่ดิน",
    "ขอรถน้ำดับเพลิง",
    "สอบถามเรื่องการขออนุญาตขายของในตลาดนัด",
    "สอบถามการกู้เงินกองทุนหมู่บ้าน",
    "ขอทราบขั้นตอนการขอใบอนุญาตก่อสร้าง",
    "ถนนหมู่ที่ 4 ชำรุด ขอให้ซ่อมแซม",
    "สอบถามโครงการเบี้ยยังชีพผู้สูงอายุ ปี 2569",
    "ไฟฟ้าส่องสว่างดับ บริเวณสามแยก",
]


def add_board_posts(records: list[PageRecord], posts: list[str], hidden: list[str] = ()) -> list[PageRecord]:
    """Threads on the demo site's board: each post a link on the board's listing and a thread page under it.

    ``hidden`` posts have a bland link text ("กระทู้ #n"); only their thread page shows the spam.
    """
    board = next(r for r in records if "/webboard/" in r.url and r.kind == "page")
    base = board.url.split("/public/")[0] + "/public/webboard/data/detail/id/"
    template = [link for link in board.links]
    added = []
    for n, text in enumerate([*posts, *hidden], start=31):
        url = f"{base}{n}/menu/1228"
        link_text = text if text in posts else f"กระทู้ #{n}"
        board.links.append(Link(url, link_text))
        board.blocks.append(link_text)
        added.append(PageRecord(url, url, 200, "text/html", "page", f"{text} - กระดานถาม-ตอบ", [text],
                                blocks=[text, "ตอบกลับ 0 ครั้ง"], depth=board.depth + 1, referer=board.url,
                                links=[*template, Link("https://ufa-slot168.example/register", "สมัครเลย")]
                                if text not in posts and text in hidden else list(template)))
    return [*records, *added]
