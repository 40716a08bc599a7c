"""Audit settings as data: budgets and politeness, with the defaults a real agency host deserves."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field, fields

from crawler.guard import DEFAULT_PRIVATE_NETWORKS

MB = 1024 * 1024


def _private_networks() -> tuple[str, ...]:
    """ITA_PRIVATE_NETWORKS (comma-separated CIDRs) replaces the built-in private ranges, e.g. for tests."""
    value = os.environ.get("ITA_PRIVATE_NETWORKS", "").strip()
    return tuple(n.strip() for n in value.split(",") if n.strip()) if value else DEFAULT_PRIVATE_NETWORKS


@dataclass(frozen=True)
class AuditOptions:
    max_pages: int = 3000
    max_depth: int = 8
    max_seconds: int = 1800
    max_bytes: int = 40 * MB  # one response
    max_total_bytes: int = 2048 * MB  # the whole crawl
    concurrency: int | None = None  # per host; None: 2 for remote hosts, 16 on loopback
    delay: float | None = None  # seconds; None: AutoThrottle from 0.5 s for remote hosts, 0 on loopback
    ignore_robots: bool = False
    no_verify: bool = False
    no_cache: bool = False
    no_reports: bool = False
    no_ocr: bool = False
    fresh: bool = False
    allow_private: bool = False
    quiet: bool = False
    name: str | None = None
    private_networks: tuple[str, ...] = field(default_factory=_private_networks)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> AuditOptions:
        return cls(**{f.name: getattr(args, f.name) for f in fields(cls) if getattr(args, f.name, None) is not None})
