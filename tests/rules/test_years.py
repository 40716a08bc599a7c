"""Years in พ.ศ.: fiscal years, ranges, Thai-digit dates and short forms; stamps and numbers are not years."""

from __future__ import annotations

import pytest

from rules.thai import strict_key
from rules.years import target_years, without_publication_dates, years_in


@pytest.mark.parametrize(("text", "years"), [
    ("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", {2569}),
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", {2566, 2567, 2568, 2569, 2570}),
    ("ประกาศ ณ วันที่ 15 ธันวาคม 2568", {2568, 2569}),  # December belongs to the next fiscal year
    ("สรุปผลประจำเดือนมกราคม ๒๕๖๙", {2569}),
    ("ปีงบ 69", {2569}),
    ("รอบ 6 เดือน (ต.ค. 68 - มี.ค. 69)", {2568, 2569}),
    ("วันที่ 12/11/2568", {2568, 2569}),
    ("โทร 043-123-456 งบประมาณ 2,550,000 บาท", set()),
    ("สถิติการให้บริการ ปีงบประมาณ (FY) ๒๕๖๔", {2564}),  # an English gloss between the word and the year
    ("รายงานผลการใช้จ่ายงบประมาณ ปี งปม. 62", {2562}),  # งปม. for ปีงบประมาณ, and a short year after it
    ("Budget Execution, Fiscal Year 2568", {2568}),
])
def test_years_in(text, years):
    assert years_in(strict_key(text)) == years


def test_publication_stamps_are_not_the_covered_year():
    key = strict_key("รายงานผลการดำเนินงาน ปี 2566 วันที่เผยแพร่ 15 พ.ย. 2568")
    assert years_in(without_publication_dates(key)) == {2566}


def test_target_years_by_period():
    assert target_years("current", 2569) == {2569}
    assert target_years("previous", 2569) == {2568}
    assert target_years("current_or_previous", 2569) == {2568, 2569}
    assert target_years("none", 2569) == set()
