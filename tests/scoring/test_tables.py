"""IIT/EIT/OIT tables in every supported shape, and a clear message for every broken sheet."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook
from support import write_csv

from rules.loader import resolve_rules
from scoring.tables import InputError, read_oit, read_survey

R2565 = resolve_rules(2565)


def questions_csv(tmp_path, rows, name="iit.csv"):
    return write_csv(tmp_path / name, [["question", "score"], *rows])


def test_question_scores_with_thai_digits_and_thai_headers(tmp_path):
    path = write_csv(tmp_path / "iit.csv", [["ข้อ", "คะแนน"], *[[f"i{n}", "๙๐.๕"] for n in range(1, 31)]])
    score = read_survey(path, R2565.iit, "IIT")
    assert score.total == pytest.approx(90.5)


def test_indicator_scores_like_the_seed_eit(examples):
    score = read_survey(examples / "eit-2565-indicators.csv", R2565.eit, "EIT")
    assert score.indicators == {"6": 90.0, "7": 85.46, "8": 75.73}


def test_raw_responses_use_the_rule_file_scale(tmp_path):
    header = [f"e{n}" for n in range(1, 16)]
    rows = [["มากที่สุด"] * 15, ["มาก"] * 14 + ["๔"], ["น้อย"] * 14 + [""]]
    score = read_survey(write_csv(tmp_path / "eit.csv", [header, *rows]), R2565.eit, "EIT")
    assert score.questions["e1"] == pytest.approx((100 + 200 / 3 + 100 / 3) / 3)
    assert score.questions["e15"] == pytest.approx(100.0)  # blank answers are skipped


def test_xlsx_question_scores(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["question", "score"])
    for n in range(1, 31):
        ws.append([f"i{n}", 80])
    wb.save(tmp_path / "iit.xlsx")
    assert read_survey(tmp_path / "iit.xlsx", R2565.iit, "IIT").total == 80


def test_out_of_range_duplicate_unknown_and_missing_are_all_reported(tmp_path):
    rows = [[f"i{n}", 90] for n in range(1, 29)]
    rows[2][1] = 120
    rows.append(["i5", 90])
    rows.append(["i77", 90])
    with pytest.raises(InputError) as err:
        read_survey(questions_csv(tmp_path, rows), R2565.iit, "IIT")
    text = str(err.value)
    assert "iit.csv: แถว 4 คอลัมน์ 2 (score)" in text and "out of range" in text
    assert "แถว 30 คอลัมน์ 1 (question)" in text and "duplicate" in text
    assert "unknown code) 'i77'" in text
    assert "missing): i29, i30" in text


def test_xlsx_errors_name_the_column_letter(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["question", "score"])
    for n in range(1, 31):
        ws.append([f"i{n}", "ดี" if n == 4 else 80])
    wb.save(tmp_path / "iit.xlsx")
    with pytest.raises(InputError, match=r"iit.xlsx: แถว 5 คอลัมน์ B \(score\).*not a number"):
        read_survey(tmp_path / "iit.xlsx", R2565.iit, "IIT")


def test_unknown_answer_in_raw_responses(tmp_path):
    header = [f"e{n}" for n in range(1, 16)]
    path = write_csv(tmp_path / "eit.csv", [header, ["มาก"] * 3 + ["เฉย ๆ"] + ["มาก"] * 11])
    with pytest.raises(InputError, match=r"แถว 2 คอลัมน์ 4 \(e4\).*unknown answer"):
        read_survey(path, R2565.eit, "EIT")


def test_unrecognised_header_empty_and_corrupt_files(tmp_path):
    with pytest.raises(InputError, match="unrecognised header"):
        read_survey(write_csv(tmp_path / "x.csv", [["a", "b"], [1, 2]]), R2565.iit, "IIT")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        read_survey(tmp_path / "empty.csv", R2565.iit, "IIT")
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError, match="bad.xlsx: อ่านตารางไม่ได้"):
        read_survey(tmp_path / "bad.xlsx", R2565.iit, "IIT")
    with pytest.raises(InputError, match="file not found"):
        read_survey(tmp_path / "none.csv", R2565.iit, "IIT")


def test_oit_present_values_in_every_spelling(tmp_path):
    spellings = ["มี", "ไม่มี", "yes", "no", "1", "0", "TRUE", "false"]
    rows = [[f"O{n}", spellings[(n - 1) % len(spellings)]] for n in range(1, 44)]
    verdicts = read_oit(write_csv(tmp_path / "oit.csv", [["item", "present"], *rows]), R2565.oit)
    assert verdicts["O1"] and not verdicts["O2"] and verdicts["O7"] and not verdicts["O8"]


def test_oit_bad_value_and_missing_items(tmp_path):
    rows = [[f"O{n}", "มี"] for n in range(1, 43)]
    rows[0][1] = "บางส่วน"
    with pytest.raises(InputError) as err:
        read_oit(write_csv(tmp_path / "oit.csv", [["item", "present"], *rows]), R2565.oit)
    assert "แถว 2 คอลัมน์ 2 (present)" in str(err.value) and "missing items): O43" in str(err.value)


def test_oit_from_audit_results_json(tmp_path):
    items = [{"code": i.code, "present": i.code != "O3"} for i in resolve_rules(2569).oit.items]
    (tmp_path / "results.json").write_text(json.dumps({"items": items}), encoding="utf-8")
    verdicts = read_oit(tmp_path / "results.json", resolve_rules(2569).oit)
    assert verdicts["O1"] and not verdicts["O3"]
    with pytest.raises(InputError, match="items not in this year's rules"):
        read_oit(tmp_path / "results.json", resolve_rules(2568).oit.model_copy(update={"items": resolve_rules(2568).oit.items[:20]}))
