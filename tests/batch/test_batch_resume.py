"""A batch that is stopped (SIGTERM) or killed (SIGKILL) continues where it stopped: no site is audited twice.
And the mistakes people make get a message naming the file or URL, exit 2 (3 for a service that does not
answer), never a traceback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from support import ROOT, run_ita

from ita_check.batch.sitefarm import make_farm, write_registry


def audits(db) -> dict[str, tuple]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {code: (status, claims, finished) for code, status, claims, finished in conn.execute(
            "SELECT agency_code, status, claims, finished_at FROM site_audits WHERE run_id = 1")}


def start(registry, out) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ita_check.cli", "batch", str(registry), "--year", "2569", "--out",
                             str(out), "--sites", "3", "--host-rate", "4", "--seed", "3"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def wait_done(db, count: int, process: subprocess.Popen, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if db.exists():
            try:
                now = audits(db)
            except sqlite3.OperationalError:
                now = {}
            if sum(1 for status, *_ in now.values() if status == "ok") >= count:
                return now
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    raise AssertionError("the batch made no progress")


def test_stopped_then_killed_then_finished_without_auditing_a_site_twice(tmp_path):
    farm = make_farm(9, items=2, seed=3).start()
    try:
        registry = tmp_path / "registry.csv"
        write_registry(registry, farm.sites, dirty=0)
        out = tmp_path / "out"
        db = out / "history.sqlite"

        stopped = start(registry, out)
        wait_done(db, 2, stopped)
        stopped.send_signal(signal.SIGTERM)
        _, err = stopped.communicate(timeout=120)
        assert stopped.returncode == 130, err[-2000:]
        assert "run the same command again to resume" in err and "Traceback" not in err
        after_stop = audits(db)
        assert not any(status == "running" for status, *_ in after_stop.values())

        killed = start(registry, out)
        done_before = {c for c, (s, *_) in after_stop.items() if s == "ok"}
        now = wait_done(db, len(done_before) + 2, killed)
        killed.send_signal(signal.SIGKILL)
        killed.communicate(timeout=30)
        after_kill = audits(db)

        final = run_ita("batch", str(registry), "--year", "2569", "--out", str(out), "--sites", "3",
                        "--host-rate", "4", "--seed", "3")
        assert final.returncode == 0, final.stderr[-2000:]
        assert "resuming run 1" in final.stderr
        result = audits(db)
        assert {status for status, *_ in result.values()} == {"ok"}
        for code, (status, claims, finished) in after_kill.items():
            if status == "ok":  # done before the kill: never audited again
                assert result[code] == (status, claims, finished)
        assert all(claims <= 3 for _, claims, _ in result.values())
        assert sum(claims for _, claims, _ in result.values()) <= 9 + 6  # only the sites cut short were taken again
        assert now  # progress was seen before the kill
    finally:
        farm.stop()


@pytest.mark.parametrize(("content", "args", "code", "words"), [
    ("not,an,agency,list\n1,2,3,4\n", [], 2, "unknown column layout"),
    ("\x00\x01binary", [], 2, "binary"),
    ("code,name,url\nA1,กรมทดสอบ,http://127.0.0.1:9/\n", ["--db", "mysql://u@h/db"], 2, "mysql://u@h/db"),
    ("code,name,url\nA1,กรมทดสอบ,http://127.0.0.1:9/\n", ["--redis", "redis://127.0.0.1:9/0"], 3, "redis://127.0.0.1:9/0"),
    ("code,name,url\nA1,กรมทดสอบ,http://127.0.0.1:9/\n", ["--db", "postgresql://ita:pw@127.0.0.1:9/ita"], 3,
     "127.0.0.1:9/ita"),
    ("code,name,url\nA1,กรมทดสอบ,-\n", [], 2, "no agency with a website"),
])
def test_bad_input_and_services_that_do_not_answer(tmp_path, content, args, code, words):
    agencies = tmp_path / "agencies.csv"
    agencies.write_text(content, encoding="utf-8")
    run = run_ita("batch", str(agencies), "--year", "2569", "--out", str(tmp_path / "out"), *args, timeout=60)
    assert run.returncode == code, run.stderr
    assert words in run.stderr and "Traceback" not in run.stderr
    if code == 2 and not args:
        assert str(agencies) in run.stderr
    assert "pw@" not in run.stderr  # a password never reaches the terminal


def test_worker_and_history_input_errors(tmp_path):
    run = run_ita("worker", "--redis", "redis://127.0.0.1:9/0", "--out", str(tmp_path), timeout=60)
    assert run.returncode == 3 and "Redis does not answer" in run.stderr and "Traceback" not in run.stderr
    run = run_ita("history", "6800001", "--out", str(tmp_path), timeout=60)
    assert run.returncode == 2 and "history.sqlite" in run.stderr
    run = run_ita("batch", str(tmp_path / "missing.csv"), "--year", "2569", "--out", str(tmp_path / "o"), timeout=60)
    assert run.returncode == 2 and "missing.csv" in run.stderr
    assert os.environ.get("PYTHAINLP_OFFLINE") == "1"
