"""Real Redis and PostgreSQL servers (started here, on 127.0.0.1) and site farms for the batch tests."""

from __future__ import annotations

import pytest
from services import pg_bin, postgres_server, redis_binary, redis_server


@pytest.fixture(scope="session")
def redis_url():
    if not redis_binary():
        pytest.skip("redis-server is not installed (Debian package redis-server; .ci/run installs it)")
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_url():
    if not pg_bin("initdb") or not pg_bin("pg_ctl"):
        pytest.skip("PostgreSQL is not installed (Debian package postgresql; .ci/run installs it)")
    with postgres_server() as url:
        yield url
