"""Many small agency sites on 127.0.0.1, one port each, served by one asyncio loop; and a registry file
in the national format whose website column points at them. For the batch tests and ``make bench``.

Every port is a host of its own (per-host = per host:port), and all of them share one IP address, like
agencies on one hosting company's server. The server logs each request's port and arrival time, so a test
can check on the server's side that no host ever saw more than its rate. Pages carry an ETag and a
Last-Modified date and answer 304 to a matching conditional request, as a well-configured CMS does.

Site kinds: ``agency`` (a home page and some OIT item pages, which ones depending on the site), ``blocked``
(403 to everything), ``soft404`` (every link a 'not found' page answering 200), ``broken`` (every link a
404), and ``refused`` (a port nobody listens on).
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import random
import socket
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path

ITEM_PAGES = [
    ("ติดต่อเรา", "contact.html",
     "<p>ที่ทำการ หมู่ที่ 4 ตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ 40000</p><p>โทรศัพท์ 043-111-222 อีเมล saraban@test.go.th "
     "สอบถามผ่านกระดานถาม-ตอบ</p>"),
    ("คู่มือการปฏิบัติงาน", "manual.html",
     "<p>คู่มือการปฏิบัติงานของเจ้าหน้าที่ งานจัดเก็บรายได้ ขั้นตอนการรับชำระภาษีที่ดินและสิ่งปลูกสร้าง ผู้รับผิดชอบ กองคลัง "
     "ระยะเวลา 15 นาที</p>"),
    ("รายงานผลการดำเนินงานประจำปี", "annual-report.html",
     "<p>รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568 โครงการ 35 โครงการ งบประมาณ 12,500,000 บาท</p>"),
    ("แผนพัฒนาท้องถิ่น", "plan.html",
     "<p>แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570) ยุทธศาสตร์ 6 ด้าน เป้าหมาย ตัวชี้วัด</p>"),
    ("ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", "complaint-stats.html",
     "<p>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2569 จำนวน 0 เรื่อง</p>"),
    ("ข่าวประชาสัมพันธ์", "news.html",
     "<ul><li><a href='/news-1.html'>ประชุมประจำเดือนมกราคม 2569</a></li></ul>"),
]
NOT_FOUND = ("<html><head><meta charset='utf-8'><title>{name}</title></head><body><h1>ไม่พบหน้าที่ท่านต้องการ</h1>"
             "<p>ขออภัย ไม่พบข้อมูลที่ท่านต้องการ</p><a href='/'>กลับหน้าแรก</a></body></html>")
PROVINCES = ["กระบี่", "ขอนแก่น", "เชียงใหม่", "นครราชสีมา", "สงขลา", "อุบลราชธานี"]
LAST_MODIFIED = formatdate(1_750_000_000, usegmt=True)


def _page(name: str, title: str, body: str, menu: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="/{href}">{text}</a></li>' for text, href in menu)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - {name}</title></head><body>"
            f"<table width='100%'><tr><td><b>{name}</b></td></tr><tr><td><ul>{links}</ul></td><td>"
            f"<h1>{title}</h1>{body}</td></tr><tr><td>{name} หมู่ที่ 4 ตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ 40000 "
            f"โทร 043-111-222 © 2569</td></tr></table></body></html>")


@dataclass
class Site:
    code: str
    name: str
    kind: str = "agency"
    pages: dict[str, bytes] = field(default_factory=dict)
    port: int = 0
    province: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def make_site(code: str, index: int, kind: str = "agency", items: int | None = None, seed: int = 0,
              news: int = 0) -> Site:
    """A site; ``items`` item pages (default: 2 to all of them, chosen by the site's number) and ``news`` news
    pages listed on its news page (for sites of a realistic size in the benchmark)."""
    name = f"องค์การบริหารส่วนตำบลทดสอบ{index:04d}"
    site = Site(code, name, kind, province=PROVINCES[index % len(PROVINCES)])
    if kind == "agency":
        rng = random.Random(seed * 100_003 + index)
        count = items if items is not None else rng.randint(2, len(ITEM_PAGES))
        chosen = ITEM_PAGES[:1] + rng.sample(ITEM_PAGES[1:], max(count - 1, 0))
        if news and ITEM_PAGES[-1] not in chosen:
            chosen.append(ITEM_PAGES[-1])
        menu = [(text, href) for text, href, _ in chosen]
        site.pages["/"] = _page(name, "หน้าแรก", f"<p>ยินดีต้อนรับสู่เว็บไซต์ {name}</p>", menu).encode()
        for text, href, body in chosen:
            site.pages["/" + href] = _page(name, text, body, menu).encode()
        if any(href == "news.html" for _, href, _ in chosen):
            listing = "".join(f"<li><a href='/news-{n}.html'>ข่าวกิจกรรมที่ {n} ประจำปี 2569</a></li>" for n in range(1, news + 2))
            site.pages["/news.html"] = _page(name, "ข่าวประชาสัมพันธ์", f"<ul>{listing}</ul>", menu).encode()
            for n in range(1, news + 2):
                site.pages[f"/news-{n}.html"] = _page(name, f"ข่าวกิจกรรมที่ {n} ประจำปี 2569",
                                                      f"<p>เมื่อวันที่ {n % 28 + 1} มกราคม 2569 กิจกรรมที่ {n} "
                                                      f"ของหน่วยงาน ประชาชนเข้าร่วม {n * 3} คน</p>", menu).encode()
    elif kind in ("soft404", "broken"):
        menu = [(f"หน้า {n}", f"page-{n}.html") for n in range(12)]
        site.pages["/"] = _page(name, "หน้าแรก", "<p>ยินดีต้อนรับ</p>", menu).encode()
    return site


class SiteFarm:
    """The sites, served from one asyncio loop in a background thread (``start``/``stop``) or in a process."""

    def __init__(self, sites: list[Site]):
        self.sites = sites
        self.log: list[tuple[int, float, int]] = []  # port, arrival (monotonic), status
        self._loop: asyncio.AbstractEventLoop | None = None
        self._servers: list = []
        self._thread: threading.Thread | None = None

    # -- serving ---------------------------------------------------------------------------------------------
    def _answer(self, site: Site, method: str, path: str, headers: dict[str, str]) -> tuple[int, bytes, dict]:
        path = path.split("?", 1)[0].split("#", 1)[0] or "/"
        if site.kind == "blocked":
            return 403, b"<html><body><h1>403 Forbidden</h1></body></html>", {}
        if path == "/robots.txt":
            return 200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"}
        body = site.pages.get(path)
        if body is None:
            if site.kind == "soft404" or (site.kind == "agency" and path.startswith("/public/")):
                return 200, NOT_FOUND.format(name=site.name).encode(), {}
            return 404, b"<html><body><h1>404 Not Found</h1></body></html>", {}
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        extra = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if headers.get("if-none-match") == etag:
            return 304, b"", extra
        return 200, body, extra

    async def _client(self, site: Site, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                parts = lines[0].split(" ")
                if len(parts) < 2:
                    return
                method, path = parts[0], parts[1]
                headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                status, body, extra = self._answer(site, method, path, headers)
                self.log.append((site.port, time.monotonic(), status))
                reason = {200: "OK", 304: "Not Modified", 403: "Forbidden", 404: "Not Found"}.get(status, "OK")
                out = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)), **extra}
                writer.write((f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in out.items())
                              + "\r\n").encode("latin-1") + (body if method != "HEAD" and status != 304 else b""))
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        finally:
            writer.close()

    async def _start(self) -> None:
        for site in self.sites:
            if site.kind == "refused":
                site.port = site.port or _closed_port()
                continue
            server = await asyncio.start_server(lambda r, w, s=site: self._client(s, r, w), "127.0.0.1", site.port or 0,
                                                backlog=256)
            site.port = server.sockets[0].getsockname()[1]
            self._servers.append(server)

    def start(self) -> SiteFarm:
        ready = threading.Event()

        def run():
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._start())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="site-farm", daemon=True)
        self._thread.start()
        if not ready.wait(60):
            raise RuntimeError("the site farm did not start")
        return self

    def stop(self) -> None:
        if self._loop is None:
            return

        async def close():
            for server in self._servers:
                server.close()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    # -- what the server saw ---------------------------------------------------------------------------------
    def requests_by_port(self) -> dict[int, list[float]]:
        by_port: dict[int, list[float]] = defaultdict(list)
        for port, moment, _ in list(self.log):
            by_port[port].append(moment)
        return by_port


def max_in_window(moments: list[float], window: float = 1.0) -> int:
    """The most requests that arrived within any ``window`` seconds."""
    moments = sorted(moments)
    best, start = 0, 0
    for end, moment in enumerate(moments):
        while moment - moments[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_farm(count: int, failing: dict[str, int] | None = None, items: int | None = None, seed: int = 0,
              news: int = 0) -> SiteFarm:
    """``count`` agency sites plus ``failing`` sites of other kinds, e.g. {"blocked": 1, "refused": 1}."""
    sites = [make_site(f"9{n:06d}", n, "agency", items, seed, news) for n in range(count)]
    for kind, number in (failing or {}).items():
        for _ in range(number):
            n = len(sites)
            sites.append(make_site(f"9{n:06d}", n, kind, seed=seed))
    return SiteFarm(sites)


# -- the registry file ---------------------------------------------------------------------------------------
HEADER = ["จังหวัด", "อำเภอ", "ตำบล", "รหัส อปท.", "ประเภท อปท.", "อปท.", "ที่ตั้งสำนักงานเลขที่", "หมู่ที่", "รหัสไปรษณีย์",
          "ขนาดพื้นที่", "LAT", "LONG", "เว็ปไซต์ของอปท"]
# Rows that must be skipped, each with its reason: as the national file has them.
DIRTY = [("", "empty"), ("-", "empty"), ("0", "number"), ("075-611234", "number"), ("www.dla.go.th", "national"),
         ("https://www.facebook.com/aborbortest", "social"), ("saraban@test.go.th", "email"),
         ("อยู่ระหว่างจัดทำ", "invalid")]


def write_registry(path: Path, sites: list[Site], dirty: int = len(DIRTY), seed: int = 0) -> dict[str, str]:
    """A registry-format CSV (Thai headers, one row per agency × sub-district, RFC 4180 quoting) whose website
    column points at the sites, written as people type them (bare host, upper case); plus ``dirty`` agencies
    whose website must be skipped. Returns code → expected skip reason for the dirty ones."""
    rng = random.Random(seed)
    rows = []
    for n, site in enumerate(sites):
        value = site.url
        if n % 7 == 3:
            value = f"127.0.0.1:{site.port}"  # a bare host
        elif n % 7 == 5:
            value = site.url.replace("http://", "HTTP://")  # as typed in capitals
        for tambon in range(1 + n % 3):  # one row per sub-district the agency covers
            rows.append(_row(site.province, f"ตำบลที่{tambon}", site.code, "อบต.", site.name.removeprefix("องค์การบริหารส่วนตำบล"),
                             value, rng))
    expected = {}
    for k in range(dirty):
        value, reason = DIRTY[k % len(DIRTY)]
        code = f"8{k:06d}"
        expected[code] = reason
        for tambon in range(2):
            rows.append(_row(PROVINCES[k % len(PROVINCES)], f"ตำบลที่{tambon}", code, "เทศบาลตำบล", f"ทดสอบข้าม{k}", value, rng))
    rng.shuffle(rows)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)  # RFC 4180: values with commas are quoted
        writer.writerow(HEADER)
        writer.writerows(rows)
    return expected


def _row(province: str, tambon: str, code: str, kind: str, name: str, website: str, rng: random.Random) -> list[str]:
    return [province, "เมือง", tambon, code, kind, name, str(rng.randint(1, 999)), str(rng.randint(1, 12)), "81000",
            f"{rng.uniform(2, 90):.2f}", f"{rng.uniform(6, 20):.6f}", f"{rng.uniform(97, 105):.6f}", website]


def main(argv: list[str] | None = None) -> int:
    """``python -m ita_check.batch.sitefarm COUNT REGISTRY.csv [SEED [NEWS]]``: serve COUNT sites (each with
    NEWS news pages) until killed, after writing the registry file; prints 'ready' when listening."""
    import sys

    args = argv if argv is not None else sys.argv[1:]
    count, registry = int(args[0]), Path(args[1])
    seed = int(args[2]) if len(args) > 2 else 0
    news = int(args[3]) if len(args) > 3 else 0
    farm = make_farm(count, seed=seed, news=news)

    async def start_and_write():
        await farm._start()
        write_registry(registry, farm.sites, seed=seed)
        print("ready", flush=True)

    farm._loop = asyncio.new_event_loop()
    farm._loop.run_until_complete(start_and_write())
    farm._loop.run_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
