"""`ita score` end to end, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from support import write_csv


def ita(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ita_check.cli", *args], capture_output=True, text=True, timeout=120)


def test_scorecard_of_the_bundled_example(examples):
    run = ita("score", "--year", "2565", "--iit", str(examples / "iit-2565-questions.csv"),
              "--eit", str(examples / "eit-2565-indicators.csv"), "--oit", str(examples / "oit-2565.csv"))
    assert run.returncode == 0, run.stderr
    assert "คะแนนรวม (total): 92.51" in run.stdout
    assert "ระดับผลการประเมิน (rating): A" in run.stdout and "ผ่านเกณฑ์ (pass)" in run.stdout


def test_json_output_is_only_json(examples):
    run = ita("score", "--year", "2565", "--json", "--iit", str(examples / "iit-2565-questions.csv"),
              "--eit", str(examples / "eit-2565-indicators.csv"), "--oit", str(examples / "oit-2565.csv"))
    data = json.loads(run.stdout)
    assert round(data["total"], 2) == 92.51 and data["rating"] == "A"
    assert set(data) >= {"iit", "eit", "oit", "total", "rating", "indicators"}
    assert data["indicators"]["oit"] == {"9": 96.0, "10": 100.0}


def test_bad_input_exits_non_zero_naming_file_row_and_column(tmp_path, examples):
    bad = write_csv(tmp_path / "eit.csv", [["indicator", "score"], ["6", "90"], ["7", "101"], ["8", "70"]])
    run = ita("score", "--year", "2565", "--iit", str(examples / "iit-2565-questions.csv"),
              "--eit", str(bad), "--oit", str(examples / "oit-2565.csv"))
    assert run.returncode == 2
    assert f"{bad}: แถว 3 คอลัมน์ 2 (score)" in run.stderr and "out of range" in run.stderr
    assert run.stdout == ""


def test_unknown_year_is_a_clear_error(examples):
    run = ita("score", "--year", "2550", "--iit", "a", "--eit", "b", "--oit", "c")
    assert run.returncode == 2 and "no rule file for year 2550" in run.stderr


def test_numeric_flags_accept_thai_digits():
    from ita_check.cli import build_parser

    args = build_parser().parse_args(["audit", "http://127.0.0.1/", "--out", "o", "--max-pages", "๕๐๐", "--delay", "๐.๕"])
    assert (args.max_pages, args.delay) == (500, 0.5)
