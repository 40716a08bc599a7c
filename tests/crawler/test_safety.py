"""Document safety checks, charset repair, robots.txt cap and fault classification, unit by unit."""

from __future__ import annotations

import io
import zipfile

from faultserver import docx_bomb, text_pdf
from scrapy.exceptions import CannotResolveHostError, DownloadTimeoutError, IgnoreRequest
from twisted.internet.error import ConnectionLost, ConnectionRefusedError

from crawler.charset import repair_text
from crawler.documents import document_text
from crawler.faults import OffSiteRedirect, classify
from crawler.guard import AddressBlocked
from crawler.robots import cap_robots
from model.failures import Failure


def test_a_docx_zip_bomb_is_refused_before_python_docx_opens_it():
    doc = document_text(docx_bomb(80 * 1024 * 1024), "docx")
    assert doc.failure == Failure.TOO_LARGE and "zip bomb" in doc.error and doc.text == ""


def test_a_zip_with_too_many_parts_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(5001):
            archive.writestr(f"x/{index}.xml", "")
    assert document_text(buffer.getvalue(), "xlsx").failure == Failure.TOO_LARGE


def test_encrypted_and_corrupt_pdfs_are_told_apart_and_long_pdfs_are_read_in_part():
    assert document_text(text_pdf("Plan 2569", encrypted=True), "pdf").failure == Failure.ENCRYPTED
    assert document_text(b"%PDF-1.4\n garbage", "pdf").failure == Failure.CORRUPT
    long = document_text(text_pdf("Anti-corruption plan 2569", pages=5000), "pdf")
    assert long.pages == 5000 and "2569" in long.text and not long.error


def test_wrong_charset_is_repaired_and_right_ones_are_left_alone():
    thai = "<p>แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569</p>" * 3
    body = thai.encode("cp874")
    assert repair_text(body.decode("utf-8", "replace"), body, "utf-8") == (thai, "cp874")
    utf8 = thai.encode("utf-8")
    assert repair_text(utf8.decode("latin-1"), utf8, "latin-1")[0] == thai
    assert repair_text(thai, utf8, "utf-8") == (thai, "utf-8")


def test_robots_txt_is_cut_at_a_whole_line():
    body = b"User-agent: *\nDisallow: /private/\n" + b"Disallow: /x/\n" * 100_000
    capped = cap_robots(body)
    assert len(capped) <= 500 * 1024 and capped.endswith(b"\n") and capped.startswith(b"User-agent: *\nDisallow: /private/")


def test_exceptions_are_classified_into_the_failure_taxonomy():
    assert classify(DownloadTimeoutError("took longer than 3 seconds"))[0] == Failure.TIMEOUT
    assert classify(CannotResolveHostError("x"), "a.go.th")[0] == Failure.DNS
    refused = CannotResolveHostError("no results")
    assert classify(refused, "a.go.th", {"a.go.th": "private address blocked"})[0] == Failure.PRIVATE_ADDRESS
    assert classify(ConnectionRefusedError())[0] == Failure.REFUSED
    assert classify(ConnectionLost())[0] == Failure.RESET
    assert classify(IgnoreRequest("Forbidden by robots.txt"))[0] == Failure.ROBOTS
    assert classify(IgnoreRequest("max redirections reached"))[0] == Failure.REDIRECT_LOOP
    assert classify(OffSiteRedirect("x"))[0] == Failure.OFF_SITE
    assert classify(AddressBlocked("private address blocked", "h"))[0] == Failure.PRIVATE_ADDRESS
