"""A 2,000-page agency-style site for throughput benchmarks: written to a folder for nginx, or served by
aiohttp in its own process when nginx is not installed.

Pages are ~120 KB like real Dungbhumi pages: a 240-link menu in a plain table cell (no nav, no class: only the
site's template can tell it is a menu) repeated on every page whose entries are
OIT item names, 30 news cards whose text names items too, inline CSS, and links to ~8 neighbouring pages,
so the crawl is breadth-first over the whole site and matching meets item words everywhere.
Run: python bench/bigsite.py PORT [PAGES]      (aiohttp)
     python bench/bigsite.py --write DIR [PAGES]  (files for nginx)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

MENU_WORDS = ["ข่าวประชาสัมพันธ์", "แผนพัฒนาท้องถิ่น", "คู่มือการปฏิบัติงาน", "ประกาศจัดซื้อจัดจ้าง", "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
              "โครงสร้างองค์กร", "คณะผู้บริหาร", "ติดต่อเรา", "กระดานถาม-ตอบ", "นโยบายไม่รับของขวัญ", "ประมวลจริยธรรม",
              "รายงานผลการดำเนินงาน", "แผนปฏิบัติการป้องกันการทุจริต", "ข้อบัญญัติงบประมาณ", "ภาพกิจกรรม", "ศูนย์ข้อมูลข่าวสาร"]


def build(pages: int) -> dict[str, bytes]:
    rng = random.Random(7)
    menu = "".join(f'<li><a href="/p{rng.randrange(pages)}.html">{MENU_WORDS[i % len(MENU_WORDS)]} {i}</a></li>' for i in range(240))
    css = "<style>" + ".x{color:#123456;margin:0 auto;padding:4px}" * 700 + "</style>"
    site = {}
    for n in range(pages):
        neighbours = "".join(f'<a href="/p{(n * 8 + k) % pages}.html">หน้า {(n * 8 + k) % pages}</a> ' for k in range(1, 9))
        cards = "".join(f'<div class="card"><h3>ข่าวกิจกรรม องค์การบริหารส่วนตำบล ครั้งที่ {n}-{k}</h3><p>'
                        + "ประชาชนร่วมกิจกรรมพัฒนาตำบล ณ ที่ทำการ อบต. วันที่ 12 ธันวาคม 2568 " * 10
                        + f"ตามแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569 และ{MENU_WORDS[(n + k) % len(MENU_WORDS)]} "
                        "โทร 043-000-000 อีเมล saraban@test.go.th</p></div>"
                        for k in range(30))
        body = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>หน้า {n} - อบต.ทดสอบ</title>{css}</head><body>'
                f'<table width="100%"><tr><td valign="top"><ul>{menu}</ul></td><td valign="top"><h1>หน้า {n}</h1>'
                f'{neighbours}{cards}</td></tr><tr><td colspan="2">อบต.ทดสอบ โทร 043-000-000</td></tr></table></body></html>')
        site[f"/p{n}.html"] = body.encode("utf-8")
    return site


def write(folder: Path, pages: int) -> int:
    """The site as files (for nginx); returns its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for path, body in build(pages).items():
        (folder / path.lstrip("/")).write_bytes(body)
        total += len(body)
    return total


def main() -> None:
    if sys.argv[1] == "--write":
        total = write(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 2000)
        print(f"{total // 1_000_000} MB")
        return
    from aiohttp import web

    port, pages = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    site = build(pages)

    async def handle(request: web.Request) -> web.Response:
        body = site.get(request.path)
        if body is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    print(f"ready {sum(map(len, site.values())) // 1_000_000} MB", flush=True)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
