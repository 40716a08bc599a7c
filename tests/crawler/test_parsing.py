"""Pages are parsed in a worker process beside the crawl: the same record as parsing inline, a worker that
dies costs one page (not the crawl), and a crawl killed outright leaves no worker behind."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from crawler import parsing
from crawler.extract import Extracted, extract_html

ROOT = Path(__file__).resolve().parents[2]
PAGE = """<html><head><meta charset="utf-8"><title>ประกาศเจตนารมณ์ No Gift Policy | อบต.บ้านนาดี</title></head>
<body><nav><a href="/executives">ข้อมูลผู้บริหาร</a><a href="/contact">ติดต่อเรา</a></nav>
<div id="content"><h1>ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2569</h1>
<p>นายกองค์การบริหารส่วนตำบลบ้านนาดี ขอประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่</p>
<a href="/upload/nogift-2569.pdf">ดาวน์โหลดประกาศ (PDF)</a></div></body></html>"""


@pytest.fixture
def worker(monkeypatch):
    monkeypatch.setenv("ITA_PARSE_WORKERS", "1")
    yield
    parsing.shutdown()


def test_a_page_parsed_in_the_worker_is_the_page_parsed_inline(worker):
    url = "http://bannadee.go.th/nogift"
    assert asyncio.run(parsing.extract(url, PAGE.encode())) == extract_html(url, PAGE)


def test_the_worker_reads_the_charset_as_scrapy_does_and_repairs_a_wrong_header(worker):
    """The worker gets the page's bytes: a windows-874 page declared only in its meta tag, and one whose server
    claims UTF-8, both come back as Thai, with the charset they were read in."""
    from scrapy.http import HtmlResponse

    url = "http://bannadee.go.th/nogift"
    legacy = PAGE.replace('charset="utf-8"', 'charset="windows-874"').encode("cp874")
    meta = asyncio.run(parsing.extract(url, legacy, "text/html", HtmlResponse))
    lying = asyncio.run(parsing.extract(url, legacy, "text/html; charset=utf-8", HtmlResponse))
    for page in (meta, lying):
        assert page.title.startswith("ประกาศเจตนารมณ์") and page == extract_html(url, PAGE)
    assert meta.encoding == "cp874" and lying.encoding in ("cp874", "windows-874")


def test_a_worker_that_died_costs_its_page_and_the_next_page_gets_a_fresh_worker(worker):
    url = "http://bannadee.go.th/nogift"
    asyncio.run(parsing.extract(url, PAGE.encode()))
    for process in list(parsing._pool()._processes.values()):  # as a native crash on hostile markup would
        os.kill(process.pid, signal.SIGKILL)
        process.join()
    with pytest.raises(parsing.ParserCrashed, match="nogift"):
        asyncio.run(parsing.extract(url, PAGE.encode()))
    assert asyncio.run(parsing.extract(url, PAGE.encode())).title.startswith("ประกาศเจตนารมณ์")


def test_a_crawl_killed_outright_leaves_no_parser_holding_its_output_open():
    script = textwrap.dedent(f"""
        import asyncio, sys, time
        from crawler import parsing
        asyncio.run(parsing.extract("http://bannadee.go.th/", {PAGE.encode()!r}))
        print(*[p.pid for p in parsing._pool()._processes.values()], flush=True)
        time.sleep(600)
    """)
    env = {**os.environ, "ITA_PARSE_WORKERS": "1"}
    crawl = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    worker_pid = int(crawl.stdout.readline())
    crawl.send_signal(signal.SIGKILL)
    crawl.communicate(timeout=60)  # EOF only once every holder of the pipe, the worker too, has gone
    assert not running(worker_pid)


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan that ended waits for PID 1 to reap it, which a container may never do)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def test_a_page_the_worker_never_finishes_is_given_up_not_awaited_for_ever(worker, monkeypatch):
    monkeypatch.setattr(parsing, "PARSE_TIMEOUT", 0)  # nothing the worker does comes back in no time at all
    with pytest.raises(parsing.ParserCrashed, match="did not finish"):
        asyncio.run(parsing.extract("http://bannadee.go.th/nogift", PAGE.encode()))


def test_a_batch_crawl_parses_in_its_own_thread(worker):
    url = "http://bannadee.go.th/nogift"
    assert asyncio.run(parsing.extract(url, PAGE.encode(), inline=True)) == extract_html(url, PAGE)
    assert parsing._POOL is None  # no worker was started for it


def test_a_menu_entry_on_many_pages_comes_back_from_the_worker_as_one_shared_link(worker):
    async def both():
        first = await parsing.extract("http://bannadee.go.th/nogift", PAGE.encode())
        second = await parsing.extract("http://bannadee.go.th/nogift?page=2",
                                       PAGE.replace("ประจำปี 2569", "ประจำปี 2568").encode())
        return first, second

    first, second = asyncio.run(both())
    menu = [link for link in first.links if link.url.endswith("/executives")][0]
    assert [link for link in second.links if link.url.endswith("/executives")][0] is menu
    assert "ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2568" in second.blocks  # what differs still comes back
    assert second.blocks[-1] is first.blocks[-1]  # the repeated block is one string


def test_the_record_line_encoded_in_the_worker_reads_back_as_the_record_encoded_here(worker):
    import json
    import zlib

    from model.records import PageRecord

    url = "http://bannadee.go.th/nogift"
    page = asyncio.run(parsing.extract(url, PAGE.encode()))
    assert page.packed_json  # encoded in the worker
    record = PageRecord(url=url, final_url=url, status=200, title=page.title, headings=page.headings,
                        blocks=page.blocks, links=page.links, images=page.images, forms=page.forms, tables=page.tables)
    line = record.to_line(zlib.decompress(page.packed_json))
    assert json.loads(line) == json.loads(record.to_line())
    assert PageRecord.from_dict(json.loads(line)) == record



def test_pages_numbered_by_two_workers_and_taken_in_interleaved_each_unpack_as_parsed_inline(monkeypatch):
    """The default on two cores is two workers. Each numbers its menu entries and blocks in a series of its
    own, and their answers arrive interleaved; every page must still unpack to its own links and text. The two
    workers are played here by two numbering states, so the interleaving is certain, not up to timing."""
    from concurrent.futures import Future

    monkeypatch.setattr(parsing, "_values", {})
    pages = [(f"http://bannadee.go.th/news?id={n}", PAGE.replace("ประจำปี 2569", f"ประจำปี 2569 ฉบับที่ {n}"))
             for n in range(6)]
    states = [({}, ""), ({}, "")]  # (numbers, series) of worker A and worker B
    answers = []
    for n, (url, html) in enumerate(pages):
        numbers, series = states[n % 2]
        monkeypatch.setattr(parsing, "_numbers", numbers)
        monkeypatch.setattr(parsing, "_series", series)
        answers.append(parsing.extract_packed(url, html.encode(), "text/html; charset=utf-8"))
        states[n % 2] = (numbers, parsing._series)
    # two series; A's second page sends only what differs (its heading), the menu as numbers
    assert states[0][1] != states[1][1] and len(answers[2].new) == 1 < len(answers[1].new)
    for packed in answers:  # arrival order: A1 B1 A2 B2 …, as the pool's result thread takes them in
        future = Future()
        future.set_result(packed)
        parsing._take_in(future)
    for (url, html), packed in zip(pages, answers, strict=True):
        assert replace(parsing.unpack(packed), packed_json=b"") == extract_html(url, html)


def test_two_workers_parse_beside_the_crawl_on_a_two_core_machine(monkeypatch):
    monkeypatch.delenv("ITA_PARSE_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parsing.workers() == 2
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert parsing.workers() == 0  # one core: parsed inline


def test_a_late_report_of_a_broken_pool_does_not_stop_the_pool_that_took_over(worker):
    broken = parsing._pool()
    parsing.shutdown(broken)
    fresh = parsing._pool()
    parsing.shutdown(broken)  # another page of the broken pool reports it after the fresh pool started
    assert parsing._POOL is fresh


def test_pages_still_queued_when_the_pool_is_stopped_are_recorded_unreadable_not_lost(worker):
    """A pool stopped for one page's crash or timeout cancels the pages queued behind it: each must come back
    as a ParserCrashed (the page is recorded as unreadable), never as a cancellation the spider would not see."""
    async def crawl():
        tasks = [asyncio.ensure_future(parsing.extract(f"http://bannadee.go.th/news?id={n}", PAGE.encode()))
                 for n in range(30)]
        await asyncio.sleep(0)  # every page submitted
        parsing.shutdown()
        return await asyncio.gather(*tasks, return_exceptions=True)

    results = asyncio.run(crawl())
    assert not any(isinstance(r, asyncio.CancelledError) for r in results)
    assert all(isinstance(r, (parsing.ParserCrashed, Extracted)) for r in results)
    assert any(isinstance(r, parsing.ParserCrashed) for r in results)
