"""Thai repair and keys: the defects real agency pages and PDFs carry."""

from __future__ import annotations

import pytest

from rules.thai import clean, loose_key, repair, strict_key


@pytest.mark.parametrize(("broken", "fixed"), [
    ("สํานัก", "สำนัก"),  # nikhahit + sara aa
    ("ประจำาปี", "ประจำปี"),  # /ActualText ignored
    ("ญี่ปุ ่น", "ญี่ปุ่น"),  # a space before a tone mark (pypdfium2)
    ("แผน\u200bการจัดซื้อ", "แผนการจัดซื้อ"),  # zero-width space
    ("เเผนงาน", "แผนงาน"),  # doubled sara e
    ("\uf70fาณ", "ญาณ"),  # Microsoft private-use glyph
])
def test_repair(broken, fixed):
    assert repair(broken) == fixed


def test_never_decomposes_sara_am():
    assert "\u0e4d" not in repair("น้ำ ประจำปี") and repair("น้ำ") == "น้ำ"


def test_strict_key_is_whitespace_free_lowercase_with_arabic_digits():
    assert strict_key("No Gift  Policy ประจำปี ๒๕๖๙") == "nogiftpolicyประจำปี2569"


def test_loose_key_joins_broken_and_sound_text():
    assert loose_key("ส านักปลัด") == loose_key("สำนักปลัด")
    assert loose_key("ยทุ ธศาสตรข์ ององคก์ ร") == loose_key("ยุทธศาสตร์ขององค์กร")
    assert loose_key("ค ำกล่ำว") == loose_key("คำกล่าว")


def test_clean_collapses_whitespace_for_display():
    assert clean("  แผน \n\t การ  ") == "แผน การ"
