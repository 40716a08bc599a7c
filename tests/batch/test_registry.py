"""The national registry as published, and plain CSVs: one entry per agency, every skip with its reason."""

from __future__ import annotations

import pytest

from ita_check.batch.registry import clean_website, read_agencies
from model.batch import Repair, SkipReason
from model.errors import BadInput


def test_the_real_registry_sample_is_deduplicated_cleaned_and_every_skip_has_a_reason(corpus):
    listing = read_agencies(corpus / "csv" / "dla-lao-registry-sample-krabi.csv")
    assert listing.layout == "registry"
    assert listing.rows == 111  # one row per agency × sub-district
    assert len(listing.agencies) + len(listing.skipped) == 27  # distinct รหัส อปท.
    codes = [a.code for a in listing.agencies] + [s.code for s in listing.skipped]
    assert len(codes) == len(set(codes))
    by_code = {a.code: a for a in listing.agencies}
    assert by_code["5810402"].url == "http://www.khlongphon.go.th/"  # 'www.Khlongphon go.th'
    assert Repair.SEPARATORS in by_code["5810402"].repairs
    assert by_code["6810506"].url == "http://www.aolueknuea.go.th/"  # 'WWW..Aolueknuea.go.th'
    assert by_code["6810403"].url == "http://khlongthomnuea.go.th/"  # a bare host
    assert by_code["5810502"].url == "http://www.aoluktai.org/" and Repair.NOT_GO_TH in by_code["5810502"].repairs
    assert by_code["6810403"].name == "อบต.คลองท่อมเหนือ" and by_code["5810401"].name == "เทศบาลตำบลคลองท่อมใต้"
    assert by_code["6810403"].province == "กระบี่"
    assert {s.reason for s in listing.skipped} == {SkipReason.EMPTY}
    assert len(listing.skipped) == 10
    assert next(s for s in listing.skipped if s.code == "5810404").rows == 7


@pytest.mark.parametrize(("value", "url", "reason"), [
    ("www,tlpm.go.th", "http://www.tlpm.go.th/", None),
    ("  https://www.prudinna.go.th ", "https://www.prudinna.go.th/", None),
    ("http//www.abc.go.th/public/", "http://www.abc.go.th/public/", None),
    ("www.a.go.th, www.b.go.th", "http://www.a.go.th/", None),
    ("127.0.0.1:8080", "http://127.0.0.1:8080/", None),
    ("", None, SkipReason.EMPTY),
    ("-", None, SkipReason.EMPTY),
    ("ไม่มี", None, SkipReason.EMPTY),
    ("0", None, SkipReason.NUMBER),
    ("075-611234", None, SkipReason.NUMBER),
    ("www.dla.go.th", None, SkipReason.NATIONAL),
    ("https://itas.nacc.go.th/go/eit/123", None, SkipReason.NATIONAL),
    ("ktb.co.th", None, SkipReason.NATIONAL),
    ("https://www.facebook.com/abc", None, SkipReason.SOCIAL),
    ("saraban@abc.go.th", None, SkipReason.EMAIL),
    ("ftp://abc.go.th", None, SkipReason.NOT_HTTP),
    ("อยู่ระหว่างจัดทำ", None, SkipReason.INVALID),
    ("www.abc.gi.th", None, SkipReason.INVALID),
])
def test_website_values_as_typed_in_the_registry(value, url, reason):
    got, why, _ = clean_website(value)
    assert (got, why) == (url, reason)


def test_go_th_only_skips_other_domains():
    assert clean_website("www.aoluktai.org", go_th_only=True)[1] is SkipReason.NOT_GO_TH


REGISTRY_HEADER = "จังหวัด,อำเภอ,ตำบล,รหัส อปท.,ประเภท อปท.,อปท.,ที่ตั้งสำนักงานเลขที่,หมู่ที่,รหัสไปรษณีย์,ขนาดพื้นที่,LAT,LONG,เว็ปไซต์ของอปท\n"


def test_windows_874_rows_that_disagree_and_quoted_commas(tmp_path):
    rows = ("กระบี่,เมือง,ก,6800001,อบต.,หนึ่ง,1,1,81000,1,7,99,www.one.go.th\n"
            "กระบี่,เมือง,ข,6800001,อบต.,หนึ่ง,1,1,81000,1,7,99,www.one.go.th\n"
            "กระบี่,เมือง,ค,6800001,อบต.,หนึ่ง,1,1,81000,1,7,99,www.uno.go.th\n"
            "กระบี่,เมือง,ก,6800002,อบต.,สอง,1,1,81000,1,7,99,\"www,two.go.th\"\n"
            ",เมือง,ก,,อบต.,ไม่มีรหัส,1,1,81000,1,7,99,www.three.go.th\n")
    path = tmp_path / "registry.csv"
    path.write_bytes((REGISTRY_HEADER + rows).encode("cp874"))
    listing = read_agencies(path)
    by_code = {a.code: a for a in listing.agencies}
    assert by_code["6800001"].url == "http://www.one.go.th/" and Repair.DIFFERING_ROWS in by_code["6800001"].repairs
    assert by_code["6800002"].url == "http://www.two.go.th/"
    assert [s.reason for s in listing.skipped] == [SkipReason.NO_CODE]


def test_a_plain_code_name_url_csv(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Code,Name,URL,Province\nA1,กรมทดสอบ,https://www.test.go.th/,กรุงเทพมหานคร\nA2,กรมว่าง,,\n", encoding="utf-8")
    listing = read_agencies(path)
    assert listing.layout == "plain"
    assert [(a.code, a.url, a.province) for a in listing.agencies] == [("A1", "https://www.test.go.th/", "กรุงเทพมหานคร")]
    assert [(s.code, s.reason) for s in listing.skipped] == [("A2", SkipReason.EMPTY)]


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("ชื่อ,ที่อยู่\nก,ข\n".encode(), "unknown column layout"),
])
def test_files_that_are_not_an_agency_list(tmp_path, content, words):
    path = tmp_path / "agencies.csv"
    path.write_bytes(content)
    with pytest.raises(BadInput) as caught:
        read_agencies(path)
    assert str(path) in caught.value.message and words in caught.value.message


def test_a_missing_file(tmp_path):
    with pytest.raises(BadInput, match="file not found"):
        read_agencies(tmp_path / "nope.csv")
