"""Scrapy settings for one agency site, as data: polite for real agency hosts, fast on loopback."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

USER_AGENT = "ita-check/0.1 (+{contact}; ITA/OIT readiness checker for Thai public agencies)"
DEFAULT_CONTACT = "https://github.com/ita-check/ita-check#crawler"


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateAddressMiddleware": 40,  # before robots.txt is asked for the request
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.PoliteRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,  # no proxy from the environment
    "crawler.middlewares.ConnectedAddressMiddleware": 890,  # first to see a response
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.QuickMetaRefreshMiddleware": 580,  # Scrapy's, at Scrapy's place
}


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def hardening(local: bool) -> dict:
    """Where the crawler may go and how it treats a failing site (see crawler/middlewares.py).

    ``ITA_DOWNLOAD_TIMEOUT`` (seconds per response, default 30) and ``ITA_CIRCUIT_FAULTS`` (consecutive faults
    that stop the crawl, default 40) can be changed from the environment, e.g. by tests.
    """
    return {
        "DOWNLOAD_TIMEOUT": _env_number("ITA_DOWNLOAD_TIMEOUT", 30),
        "TWISTED_DNS_RESOLVER": "crawler.resolver.GuardedResolver",  # the address check at connection time
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},  # http and https only
        "HTTPPROXY_ENABLED": False,
        "ROBOTSTXT_PARSER": "crawler.robots.CappedProtegoRobotParser",
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "ITA_RETRY_BACKOFF": 0.2 if local else 2.0,
        "ITA_RETRY_BACKOFF_MAX": 5.0 if local else 60.0,
        "ITA_MAX_RETRY_AFTER": 120.0,
        "ITA_CIRCUIT_FAULTS": int(_env_number("ITA_CIRCUIT_FAULTS", 40)),
        "COOKIES_DEBUG": False,  # cookie values never reach the log
    }


def crawl_settings(start_url: str, *, max_pages: int, max_depth: int, max_seconds: int,
                   max_bytes: int, concurrency: int | None, delay: float | None, obey_robots: bool,
                   contact: str = DEFAULT_CONTACT, log_file: Path | None = None, max_total_bytes: int = 0,
                   cache_dir: Path | None = None) -> dict:
    local = is_loopback(start_url)
    per_host = concurrency or (16 if local else 2)
    settings = {
        "BOT_NAME": "ita-check",
        "USER_AGENT": USER_AGENT.format(contact=contact),
        "ROBOTSTXT_OBEY": obey_robots,
        "CONCURRENT_REQUESTS": max(per_host * 2, 16),
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
        "DOWNLOAD_DELAY": delay if delay is not None else (0 if local else 0.5),
        "RANDOMIZE_DOWNLOAD_DELAY": not local,
        "AUTOTHROTTLE_ENABLED": not local and delay is None,
        "AUTOTHROTTLE_START_DELAY": 0.5,
        "AUTOTHROTTLE_MAX_DELAY": 10,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(per_host),
        **hardening(local),
        "DOWNLOAD_MAXSIZE": max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": 1 if local else 2,
        "REDIRECT_MAX_TIMES": 10,
        "HTTPERROR_ALLOW_ALL": True,
        "DEPTH_LIMIT": max_depth,
        "DEPTH_PRIORITY": 1,  # breadth first: menus before deep archives, as an assessor browses
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "CLOSESPIDER_PAGECOUNT": max_pages,
        "CLOSESPIDER_TIMEOUT": max_seconds,
        "COOKIES_ENABLED": True,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # a code-running HTTP server and job files in the home folder: never
        "LOG_LEVEL": os.environ.get("ITA_LOG_LEVEL", "INFO"),
        "LOG_ENABLED": log_file is not None,
        "LOG_FILE": str(log_file) if log_file else None,
        "LOG_FILE_APPEND": True,
        "LOG_INSTALL_ROOT_HANDLER": log_file is not None,
        "DOWNLOADER_MIDDLEWARES": DOWNLOADER_MIDDLEWARES,
        "SPIDER_MIDDLEWARES": {"scrapy.spidermiddlewares.referer.RefererMiddleware": 700},
        # The spider yields requests, not items (records go straight to their file). Scrapy starts this many
        # asyncio tasks for every response's output: 100 (the default) was a third of the reactor's time.
        "CONCURRENT_ITEMS": 4,
        "METAREFRESH_ENABLED": True,
        "METAREFRESH_IGNORE_TAGS": ["noscript"],
    }
    # Extensions that are off are not even imported (RemoteControl's aiohttp alone was 0.5 s of every start).
    settings["EXTENSIONS"] = {"crawler.budget.ByteBudget": 500, "scrapy.extensions.telnet.TelnetConsole": None,
                              "scrapy.extensions.remote_control.RemoteControl": None}
    settings["ITA_MAX_TOTAL_BYTES"] = max_total_bytes
    if cache_dir is not None:  # re-runs revalidate (ETag/Last-Modified) instead of downloading again
        settings.update({
            "HTTPCACHE_ENABLED": True,
            # absolute: Scrapy puts a relative HTTPCACHE_DIR under ./.scrapy, outside the audit's folder
            "HTTPCACHE_DIR": str(Path(cache_dir).resolve()),
            "HTTPCACHE_POLICY": "crawler.cache.RevalidatePolicy",
            "HTTPCACHE_STORAGE": "crawler.cache.PackCacheStorage",
        })
    return settings
