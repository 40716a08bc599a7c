"""Shared fixtures: paths to the bundled rules and example inputs, the shared corpus, and real Redis and
PostgreSQL servers started on 127.0.0.1. Every one of them is required: .ci/run installs the Debian packages
and CI has ../shared beside the checkout, so a missing one fails the test that needs it, never skips it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from services import pg_bin, postgres_server, redis_binary, redis_server

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
        pytest.fail(f"{CORPUS}: ../shared/corpus is not beside this checkout (CI puts it there)")
    return CORPUS


@pytest.fixture(scope="session")
def redis_url():
    if not redis_binary():
        pytest.fail("redis-server is not installed (Debian package redis-server; .ci/run installs it)")
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_url():
    if not pg_bin("initdb") or not pg_bin("pg_ctl"):
        pytest.fail("PostgreSQL is not installed (Debian package postgresql; .ci/run installs it)")
    with postgres_server() as url:
        yield url
