"""Seeded generator of varied Thai agency websites with their ground truth, for an evaluation the audit was not tuned on.

``build_site(style, year, seed, out)`` writes a site folder: ``files/`` (pages and documents), ``site.json`` (how
``ita_check.siteserver.load_site`` serves it) and ``ground_truth.json``. ``cached_site`` builds once per
(style, year, seed, generator version) into a cache folder. Seeds below 1000 are tune seeds (only tune wordings
of vocab.yaml); seeds from 1000 on are test seeds (all wordings).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from demo.generator.build import GENERATOR_VERSION, build_site, split_of
from demo.generator.styles import STYLES
from demo.generator.vocab import YEARS, load_vocab

__all__ = ["GENERATOR_VERSION", "STYLES", "YEARS", "build_site", "cache_dir", "cached_site", "split_of", "version"]


def version() -> str:
    """The generator's version: its code version and its vocabulary's, so a changed vocabulary rebuilds the cache."""
    return f"{GENERATOR_VERSION}.{load_vocab().version}"


def cache_dir() -> Path:
    return Path(os.environ.get("ITA_GEN_CACHE") or Path(tempfile.gettempdir()) / "ita-check-generated")


def cached_site(style: str, year: int, seed: int, small: bool = False, root: Path | None = None) -> Path:
    """The folder of a built site, building it first when the cache has no copy of this version."""
    folder = (root or cache_dir()) / f"v{version()}" / f"{style}-{year}-{seed}{'-small' if small else ''}"
    if (folder / "ground_truth.json").is_file() and (folder / "site.json").is_file():
        return folder
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    build_site(style, year, seed, tmp, small=small)
    try:
        tmp.rename(folder)
    except OSError:  # built meanwhile by another process
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return folder
