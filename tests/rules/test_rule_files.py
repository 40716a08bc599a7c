"""Every shipped rule file is complete and valid; broken rule files are reported with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules.loader import RuleFileError, check_pages, check_rules, default_year, load_rules, resolve_rules, shipped_rule_files

EXPECTED_ITEMS = {2565: 43, 2566: 43, 2567: 35, 2568: 28, 2569: 26}


@pytest.mark.parametrize("year", sorted(EXPECTED_ITEMS))
def test_shipped_rule_file_is_valid_and_complete(year):
    rules = load_rules(shipped_rule_files()[year])
    assert rules.year == year
    assert [i.code for i in rules.oit.items] == [f"O{n}" for n in range(1, EXPECTED_ITEMS[year] + 1)]
    assert rules.iit.question_codes() == [f"i{n}" for n in range(1, 31)]
    assert rules.eit.question_codes() == [f"e{n}" for n in range(1, 16)]
    assert len(rules.iit.indicators) == 5 and len(rules.eit.indicators) == 3
    assert (rules.weights.iit, rules.weights.eit, rules.weights.oit) == (30, 30, 40)
    for item in rules.oit.items:
        assert item.publish and item.measure and item.responsible, item.code
        assert item.find.link_text, item.code


def test_2565_and_2566_use_aa_to_f_bands_and_later_years_the_five_levels():
    assert [r.name for r in resolve_rules(2566).rating] == ["AA", "A", "B", "C", "D", "E", "F"]
    names = [r.name for r in resolve_rules(2567).rating]
    assert names == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]


def test_2566_sub_indicator_counts_match_the_published_list():
    rules = resolve_rules(2566)
    counts = {s.code: sum(1 for i in rules.oit.items if i.subindicator == s.code) for s in rules.oit.subindicators}
    assert counts == {"9.1": 10, "9.2": 8, "9.3": 4, "9.4": 4, "9.5": 4, "10.1": 8, "10.2": 5}


def test_latest_year_is_the_default_and_thai_digits_select_a_year():
    assert default_year() == max(EXPECTED_ITEMS)
    assert resolve_rules("๒๕๖๘").year == 2568


def test_complaint_guideline_requires_the_four_elements():
    item = next(i for i in resolve_rules(2566).oit.items if i.code == "O27")
    assert [e.name for e in item.require] == [
        "ช่องทาง/วิธีการร้องเรียน", "ขั้นตอนการดำเนินการ", "ส่วนงานที่รับผิดชอบ", "ระยะเวลาดำเนินการ"]


def test_adding_a_year_file_is_the_whole_change(tmp_path, monkeypatch):
    import rules.loader as loader

    for path in shipped_rule_files().values():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (tmp_path / "ita2569.yaml").read_text(encoding="utf-8").replace("year: 2569", "year: 2570")
    (tmp_path / "ita2570.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(loader, "RULES_DIR", tmp_path)
    loader.rules_for_year.cache_clear()
    try:
        assert loader.default_year() == 2570
        assert loader.resolve_rules(None).year == 2570
    finally:
        loader.rules_for_year.cache_clear()


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> list[str]:
    text = shipped_rule_files()[2569].read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "ita2569.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    model, problems = check_rules(path)
    assert model is None
    return [str(p) for p in problems]


def _line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "ita2569.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_bad_yaml_is_reported_with_its_line(tmp_path):
    problems = _broken(tmp_path, "  - code: O3\n", "  - code: [O3\n")
    assert len(problems) == 1 and "bad YAML" in problems[0]
    line = _line_of(tmp_path, "code: [O3")
    assert re.match(rf".*ita2569.yaml:({line}|{line + 1}): ", problems[0]), problems


def test_unknown_key_is_reported_with_file_and_line(tmp_path):
    problems = _broken(tmp_path, "  evidence: any\n", "  evidense: any\n")
    line = _line_of(tmp_path, "evidense")
    assert any(f"ita2569.yaml:{line}:" in p and "unknown key" in p and "'evidense'" in p for p in problems), problems


def test_duplicate_item_code_is_reported(tmp_path):
    problems = _broken(tmp_path, "  - code: O3\n", "  - code: O2\n")
    lines = (tmp_path / "ita2569.yaml").read_text(encoding="utf-8").splitlines()
    second = [n for n, text in enumerate(lines, 1) if text.strip() == "- code: O2"][1]
    assert any(f":{second}:" in p and "duplicate code" in p and "'O2'" in p for p in problems), problems


def test_item_outside_any_sub_indicator_is_reported(tmp_path):
    problems = _broken(tmp_path, "  subindicator: '9.2'\n", "  subindicator: '9.42'\n")
    line = _line_of(tmp_path, "subindicator: '9.42'")
    assert any(f":{line}:" in p and "outside any sub-indicator" in p for p in problems), problems


def test_empty_pattern_list_is_reported(tmp_path):
    text = shipped_rule_files()[2569].read_text(encoding="utf-8")
    start = text.index("      link_text:\n")
    end = text.index("\n      url:", start)
    path = tmp_path / "ita2569.yaml"
    path.write_text(text[:start] + "      link_text: []" + text[end:], encoding="utf-8")
    _, problems = check_rules(path)
    assert any("link_text" in str(p) and "empty list" in str(p) for p in problems), problems


def test_invalid_regular_expression_is_reported_at_its_line(tmp_path):
    problems = _broken(tmp_path, "      - ข้อมูลผู้บริหาร\n", "      - ข้อมูลผู้บริหาร(\n")
    line = _line_of(tmp_path, "ข้อมูลผู้บริหาร(")
    assert any(f":{line}:" in p and "invalid regular expression" in p for p in problems), problems


def _shared(tmp_path: Path, monkeypatch, old: str = "", new: str = "") -> Path:
    """A copy of rules/pages.yaml, edited, standing in for the shipped one."""
    import rules.loader as loader

    text = loader.PAGES_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "pages.yaml"
    path.write_text(text.replace(old, new, 1) if old else text, encoding="utf-8")
    monkeypatch.setattr(loader, "PAGES_FILE", path)
    return path


def test_every_year_gets_the_shared_page_patterns_and_year_files_hold_no_copy():
    shared = [line for line in Path("rules/pages.yaml").read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert "- ยังไม่มีข้อมูล" in shared
    for year, path in shipped_rule_files().items():
        assert "\npages:" not in path.read_text(encoding="utf-8"), path
        rules = load_rules(path)
        assert "ยังไม่มีข้อมูล" in rules.pages.placeholder and rules.pages.not_found and rules.pages.index_page, year


def test_a_year_file_adds_page_patterns_to_the_shared_ones(tmp_path):
    text = shipped_rule_files()[2569].read_text(encoding="utf-8")
    path = tmp_path / "ita2569.yaml"
    path.write_text(text.replace("\niit:\n", "\npages:\n  placeholder:\n  - รอเจ้าหน้าที่กองคลังส่งข้อมูล\n"
                                 "  - ยังไม่มีข้อมูล\niit:\n", 1), encoding="utf-8")
    rules = load_rules(path)
    shipped = load_rules(shipped_rule_files()[2569])
    assert rules.pages.placeholder == [*shipped.pages.placeholder, "รอเจ้าหน้าที่กองคลังส่งข้อมูล"]
    assert rules.pages.not_found == shipped.pages.not_found


def test_a_broken_shared_page_file_is_reported_with_its_own_name_and_line(tmp_path, monkeypatch):
    path = _shared(tmp_path, monkeypatch, "- ยังไม่มีข้อมูล\n", "- ยังไม่มี(ข้อมูล\n")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "ยังไม่มี(" in text)
    model, problems = check_rules(shipped_rule_files()[2569])
    assert model is None
    assert any(str(p).startswith(f"{path}:{line}:") and "invalid regular expression" in str(p) for p in problems), problems
    with pytest.raises(RuleFileError):
        load_rules(shipped_rule_files()[2568])


def test_the_shared_page_file_needs_every_kind_of_pattern(tmp_path, monkeypatch):
    path = _shared(tmp_path, monkeypatch)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("not_found:")] + text[text.index("index_page:"):], encoding="utf-8")
    model, problems = check_pages(path)
    assert model is None and any("not_found" in str(p) and "missing key" in str(p) for p in problems), problems


def test_missing_file_and_non_mapping_are_reported(tmp_path):
    _, problems = check_rules(tmp_path / "nope.yaml")
    assert "cannot read file" in str(problems[0])
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    _, problems = check_rules(tmp_path / "list.yaml")
    assert "must be a YAML mapping" in str(problems[0])
