"""Read IIT/EIT results and OIT verdicts from CSV, XLSX or an audit's results.json.

Three IIT/EIT shapes are recognised by their header: question scores (``question,score``), indicator
scores (``indicator,score``) and raw responses (one row per respondent, one column per question, answers
mapped to 0–100 by the scale in the rule file). Every problem is collected and reported with file, row
and column, so a broken sheet is fixed in one pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from model.errors import ProblemsError
from rules.schema import Oit, Survey
from rules.thai import thai_to_arabic_digits
from scoring.calc import SurveyScore, survey_from_indicators, survey_from_questions

if TYPE_CHECKING:
    import pandas as pd


class InputError(ProblemsError):
    """A table that cannot be used; ``problems`` name file, row and column."""


PRESENT = {"มี": True, "ไม่มี": False, "yes": True, "no": False, "y": True, "n": False, "1": True, "0": False,
           "true": True, "false": False, "ใช่": True, "ไม่ใช่": False, "present": True, "absent": False,
           "100": True}
_HEADER_ALIASES = {
    "question": "question", "ข้อ": "question", "ข้อคำถาม": "question", "คำถาม": "question", "code": "question",
    "indicator": "indicator", "ตัวชี้วัด": "indicator",
    "score": "score", "คะแนน": "score",
    "item": "item", "present": "present", "มี/ไม่มี": "present", "ผล": "present",
}


def _norm(value: object) -> str:
    return re.sub(r"\s+", " ", thai_to_arabic_digits(str(value))).strip()


def _code(value: object) -> str:
    return _norm(value).replace(" ", "").lower()


@dataclass(frozen=True)
class Table:
    path: Path
    frame: pd.DataFrame
    excel: bool

    def cell(self, row: int, col: int) -> str:
        """Where a value sits, as a person opening the file would look for it."""
        header = self.frame.columns[col]
        column = get_column_letter(col + 1) if self.excel else str(col + 1)
        return f"{self.path}: แถว {row + 2} คอลัมน์ {column} ({header})"


def read_table(path: str | Path) -> Table:
    # pandas costs half a second to import: paid only when a sheet is read, not by every audit that writes reports
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError([f"{path}: ไม่พบไฟล์ (file not found)"])
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        elif suffix in (".csv", ".txt", ""):
            try:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True)
            except UnicodeDecodeError:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="cp874", skipinitialspace=True)
        else:
            raise InputError([f"{path}: ชนิดไฟล์ไม่รองรับ (unsupported file type {suffix!r}; use .csv or .xlsx)"])
    except InputError:
        raise
    except pd.errors.EmptyDataError:
        raise InputError([f"{path}: ไฟล์ว่าง (empty file)"]) from None
    except Exception as exc:  # pandas/openpyxl raise many types for a corrupt file
        raise InputError([f"{path}: อ่านตารางไม่ได้ (cannot read table): {exc}"]) from None
    frame.columns = [_HEADER_ALIASES.get(_code(c), _code(c)) for c in frame.columns]
    if frame.empty:
        raise InputError([f"{path}: ไม่มีข้อมูลใต้แถวหัวตาราง (no data rows)"])
    return Table(path, frame, suffix in (".xlsx", ".xlsm"))


def _parse_score(table: Table, row: int, col: int, problems: list[str]) -> float | None:
    raw = _norm(table.frame.iat[row, col]).rstrip("%").strip()
    try:
        value = float(raw)
    except ValueError:
        problems.append(f"{table.cell(row, col)}: คะแนนไม่ใช่ตัวเลข (not a number) {raw!r}")
        return None
    if not 0 <= value <= 100:
        problems.append(f"{table.cell(row, col)}: คะแนนต้องอยู่ระหว่าง 0–100 (out of range) {raw!r}")
        return None
    return value


def _keyed_scores(table: Table, key: str, valid: list[str], label: str, problems: list[str]) -> dict[str, float]:
    cols = list(table.frame.columns)
    kcol, scol = cols.index(key), cols.index("score")
    out: dict[str, float] = {}
    first: dict[str, int] = {}
    for row in range(len(table.frame)):
        code = _code(table.frame.iat[row, kcol])
        if not code:
            continue
        if code not in valid:
            problems.append(f"{table.cell(row, kcol)}: รหัส{label}ที่ไม่รู้จัก (unknown code) {code!r}")
            continue
        if code in first:
            problems.append(f"{table.cell(row, kcol)}: {label} {code} ซ้ำ (duplicate; first at row {first[code] + 2})")
            continue
        first[code] = row
        value = _parse_score(table, row, scol, problems)
        if value is not None:
            out[code] = value
    missing = [c for c in valid if c not in first]
    if missing:
        problems.append(f"{table.path}: ขาด{label} (missing): {', '.join(missing)}")
    return out


def _raw_responses(table: Table, survey: Survey, problems: list[str]) -> dict[str, float]:
    cols = list(table.frame.columns)
    scale_of = {q.code: (survey.scales[q.scale or survey.default_scale], q.reverse)
                for ind in survey.indicators for q in ind.questions}
    missing = [c for c in scale_of if c not in cols]
    if missing:
        problems.append(f"{table.path}: ขาดคอลัมน์ข้อคำถาม (missing question columns): {', '.join(missing)}")
    scores: dict[str, float] = {}
    for code, (scale, reverse) in scale_of.items():
        if code not in cols:
            continue
        col = cols.index(code)
        lookup = {_code(k): v for k, v in scale.items()}
        answers = []
        for row in range(len(table.frame)):
            answer = _code(table.frame.iat[row, col])
            if not answer:
                continue
            if answer not in lookup:
                known = " / ".join(scale)
                problems.append(f"{table.cell(row, col)}: คำตอบที่ไม่รู้จัก (unknown answer) {answer!r}; ที่รับได้: {known}")
                continue
            value = lookup[answer]
            answers.append(100 - value if reverse else value)
        if answers:
            scores[code] = fmean(answers)
        else:
            problems.append(f"{table.path}: คอลัมน์ {code} ไม่มีคำตอบเลย (no answers)")
    return scores


def read_survey(path: str | Path, survey: Survey, label: str) -> SurveyScore:
    """IIT or EIT results from any of the three shapes, scored with the rule file's structure."""
    table = read_table(path)
    cols = set(table.frame.columns)
    problems: list[str] = []
    if {"question", "score"} <= cols:
        scores = _keyed_scores(table, "question", survey.question_codes(), f"ข้อคำถาม {label}", problems)
        build = survey_from_questions
    elif {"indicator", "score"} <= cols:
        codes = [ind.code for ind in survey.indicators]
        scores = _keyed_scores(table, "indicator", codes, f"ตัวชี้วัด {label}", problems)
        build = survey_from_indicators
    elif cols & set(survey.question_codes()):
        scores = _raw_responses(table, survey, problems)
        build = survey_from_questions
    else:
        header = ", ".join(map(str, table.frame.columns))
        raise InputError([
            f"{table.path}: ไม่รู้จักรูปแบบตาราง {label} (unrecognised header: {header}); ใช้ 'question,score', "
            f"'indicator,score' หรือคอลัมน์ข้อคำถาม {survey.question_codes()[0]}… หนึ่งแถวต่อผู้ตอบ"
        ])
    if problems:
        raise InputError(problems)
    return build(survey, scores)


def read_oit(path: str | Path, oit: Oit) -> dict[str, bool]:
    """OIT verdicts from ``item,present`` (มี/ไม่มี, yes/no, 1/0, true/false) or an audit's results.json."""
    path = Path(path)
    codes = [item.code.lower() for item in oit.items]
    canonical = {item.code.lower(): item.code for item in oit.items}
    if path.suffix.lower() == ".json":
        return _oit_from_results(path, canonical)
    table = read_table(path)
    cols = list(table.frame.columns)
    if not {"item", "present"} <= set(cols):
        raise InputError([f"{path}: ต้องมีคอลัมน์ item และ present (header must be 'item,present'); พบ: {', '.join(cols)}"])
    kcol, pcol = cols.index("item"), cols.index("present")
    problems: list[str] = []
    out: dict[str, bool] = {}
    first: dict[str, int] = {}
    for row in range(len(table.frame)):
        code = _code(table.frame.iat[row, kcol])
        if not code:
            continue
        if code not in canonical:
            problems.append(f"{table.cell(row, kcol)}: ไม่มีข้อ {code!r} ในปีนี้ (unknown item)")
            continue
        if code in first:
            problems.append(f"{table.cell(row, kcol)}: ข้อ {canonical[code]} ซ้ำ (duplicate; first at row {first[code] + 2})")
            continue
        first[code] = row
        value = _code(table.frame.iat[row, pcol])
        if value not in PRESENT:
            problems.append(f"{table.cell(row, pcol)}: ค่าไม่ถูกต้อง {value!r} (use มี/ไม่มี, yes/no, 1/0, true/false)")
            continue
        out[canonical[code]] = PRESENT[value]
    missing = [canonical[c] for c in codes if c not in first]
    if missing:
        problems.append(f"{path}: ขาดข้อ OIT (missing items): {', '.join(missing)}")
    if problems:
        raise InputError(problems)
    return out


def results_year(path: str | Path) -> int | None:
    """The assessment year of an audit's results.json, or None for a table (which does not say)."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return None
    try:
        year = json.loads(path.read_text(encoding="utf-8")).get("year")
    except (OSError, ValueError, AttributeError):
        return None  # read_oit reports what is wrong with the file
    return year if isinstance(year, int) else None


def _oit_from_results(path: Path, canonical: dict[str, str]) -> dict[str, bool]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["items"]
        verdicts = {str(entry["code"]).lower(): bool(entry["present"]) for entry in items}
    except FileNotFoundError:
        raise InputError([f"{path}: ไม่พบไฟล์ (file not found)"]) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError([f"{path}: ไม่ใช่ results.json ของ ita audit (not an audit results.json): {exc}"]) from None
    unknown = sorted(set(verdicts) - set(canonical))
    missing = [code for key, code in canonical.items() if key not in verdicts]
    problems = []
    if unknown:
        problems.append(f"{path}: ข้อที่ไม่มีในปีนี้ (items not in this year's rules): {', '.join(unknown)}")
    if missing:
        problems.append(f"{path}: ขาดข้อ OIT (missing items): {', '.join(missing)}")
    if problems:
        raise InputError(problems)
    return {canonical[k]: v for k, v in verdicts.items()}
