"""Generated sites are cached per test session in a temporary folder (never in the shared cache)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def generator_cache(tmp_path_factory):
    import os

    folder = tmp_path_factory.mktemp("generated-sites")
    old = os.environ.get("ITA_GEN_CACHE")
    os.environ["ITA_GEN_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("ITA_GEN_CACHE", None)
    else:
        os.environ["ITA_GEN_CACHE"] = old
