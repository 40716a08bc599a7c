"""Where a batch process's log goes: a file in its folder, never over the progress line.

Every crawl of the process shares Python's root logger (one process, one root handler), so Scrapy's
warnings and our per-site lines land in one file; Scrapy's deprecation notices are not shown.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path


def log_to(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("ita").setLevel(logging.INFO)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        from scrapy.exceptions import ScrapyDeprecationWarning
    except ImportError:  # pragma: no cover
        return
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning)
