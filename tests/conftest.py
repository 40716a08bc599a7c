"""Shared fixtures: paths to the bundled rules and example inputs, and the shared corpus when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "demo" / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS
