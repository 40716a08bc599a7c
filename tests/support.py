"""Helpers shared by tests (fixtures live in conftest.py files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
TRUTH = json.loads((DEMO / "ground_truth.json").read_text(encoding="utf-8"))


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    path.write_text("\n".join(",".join(str(c) for c in row) for row in rows) + "\n", encoding="utf-8")
    return path


def run_ita(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the `ita` command as a user would, in a separate process."""
    return subprocess.run([sys.executable, "-m", "ita_check.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})
