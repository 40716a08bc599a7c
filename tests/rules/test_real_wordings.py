"""Link texts and page titles as real agencies word them (menus and OIT pages of อบต. and เทศบาล sites, read
from the material in ../shared/corpus): each names its item, in the years that have the item, and the menu
entries around them name none."""

from __future__ import annotations

import pytest

from rules.loader import resolve_rules
from rules.patterns import CompiledRules
from rules.thai import strict_key

COMPILED = {year: CompiledRules(resolve_rules(year)) for year in (2565, 2566, 2567, 2568, 2569)}


def names(year: int, text: str) -> set[str]:
    compiled = COMPILED[year]
    return set(compiled.named(strict_key(text)))


def item_code(year: int, name_start: str) -> str:
    return next(code for code, item in COMPILED[year].items.items() if item.name.startswith(name_start))


@pytest.mark.parametrize(("text", "item_name", "years"), [
    # typo ประพฤิต, and 'แนวทางต่อเรื่องร้องเรียน' for the complaint-handling guideline
    ("คู่มือหรือแนวทางต่อเรื่องร้องเรียนการทุจริตและประพฤิตมิชอบ", "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
     (2565, 2566, 2567, 2568, 2569)),
    ("ประกาศหลักเกณฑ์ มาตรการ แนวทางปฏิบัติเกี่ยวกับการจัดการเรื่องร้องเรียน", "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
     (2565, 2566, 2567, 2568, 2569)),
    ("โครงสร้างการแบ่งส่วนราชการและอัตรากำลัง", "โครงสร้าง", (2565, 2566, 2567, 2568, 2569)),
    ("ข้อกฏหมายที่เกี่ยวข้อง", "กฎหมายที่เกี่ยวข้อง", (2565, 2566)),  # ฏ for ฎ, as agencies often type it
    ("การสร้างวัฒนธรรม No Gift Policy ประจำปี 2567", "การสร้างวัฒนธรรม No Gift Policy", (2566, 2567)),
    ("การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", "การดำเนินการเพื่อจัดการความเสี่ยง", (2566, 2567)),
    ("ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี", "ข้อมูลสถิติเรื่องร้องเรียน", (2567, 2568)),
])
def test_a_real_agency_wording_names_its_item(text, item_name, years):
    for year in years:
        assert item_code(year, item_name) in names(year, text), year


@pytest.mark.parametrize("text", ["ศูนย์ข้อมูลข่าวสารทางราชการ", "ศูนย์ข้อมูลข่าวสารของราชการ", "หน่วยตรวจสอบภายใน",
                                  "ผลผลิตทางการเกษตร", "ศูนย์ยุติธรรมชุมชน", "กองทุนหลักประกันสุขภาพ สปสช."])
def test_a_menu_entry_that_is_no_item_names_none(text):
    for year, compiled in COMPILED.items():
        assert not compiled.named(strict_key(text)), year


@pytest.mark.parametrize(("text", "item_name", "years"), [
    # siblings in other words: 'ดำเนินงานตาม', 'ปฏิบัติตาม', 'ขับเคลื่อน' and a summary of what was done name the
    # action report, not the policy, measures, assessment or declaration it reports on
    ("สรุปการดำเนินงานตามนโยบายบริหารทรัพยากรบุคคล ปีงบประมาณ 2567", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
     (2565, 2566, 2567)),
    ("การขับเคลื่อนนโยบายการบริหารทรัพยากรบุคคล", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", (2565, 2566, 2567)),
    ("การขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใส", "การดำเนินการตามมาตรการส่งเสริมคุณธรรม", (2565, 2566, 2567)),
    ("การปฏิบัติตามมาตรการส่งเสริมคุณธรรมฯ", "การดำเนินการตามมาตรการส่งเสริมคุณธรรม", (2565, 2566, 2567)),
    ("การดำเนินงานเพื่อลดความเสี่ยงการทุจริต", "การดำเนินการเพื่อจัดการความเสี่ยง", (2565, 2566, 2567)),
    ("สรุปผลนโยบายไม่รับของขวัญ", "รายงานผลตามนโยบาย No Gift Policy", (2566, 2567)),
    # items worded as other agencies word them
    ("ถาม/ตอบข้อสงสัย", "Q&A", (2565, 2566, 2567)),
    ("ตอบข้อซักถาม", "Q&A", (2565, 2566, 2567)),
    ("สรุปผลการดำเนินงานป้องกันการทุจริต", "รายงานผลการดำเนินการป้องกันการทุจริต", (2565, 2566, 2567, 2569)),
    ("รายงานผลการดำเนินงานตามแผนป้องกันและปราบปรามการทุจริต ปีงบประมาณ 2568", "รายงานผลการดำเนินการป้องกันการทุจริต",
     (2565, 2566, 2567, 2569)),
    ("รายงานผลการดำเนินงานตามแผนป้องกันและปราบปรามการทุจริต ปีงบประมาณ 2568",
     "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต", (2568,)),
    ("ระบบบริการประชาชนออนไลน์", "E-Service", (2565, 2566, 2567, 2568)),
    ("หลักเกณฑ์และวิธีการประเมินผลการปฏิบัติงานของบุคลากร", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", (2565, 2566, 2567)),
    ("สรุปกิจกรรมที่ผู้บริหารเป็นแบบอย่างด้านคุณธรรมและความโปร่งใส", "การมีส่วนร่วมของผู้บริหาร", (2565,)),
])
def test_a_wording_other_agencies_use_names_its_item_alone(text, item_name, years):
    for year in years:
        named = names(year, text)
        assert named == {item_code(year, item_name)}, (year, named)


@pytest.mark.parametrize("year", [2565, 2566, 2567, 2568, 2569])
def test_a_report_on_staff_development_is_not_the_annual_report(year):
    assert item_code(year, "รายงานผลการดำเนินงานประจำปี") not in names(
        year, "รายงานผลการดำเนินงานตามแผนพัฒนาบุคลากร ปีงบประมาณ พ.ศ. 2567")
