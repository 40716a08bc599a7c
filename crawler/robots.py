"""robots.txt read as the big search engines read it: the first 500 KiB only (Google's limit). A hostile or
broken site serving a huge robots.txt costs neither the time nor the memory of parsing all of it."""

from __future__ import annotations

from scrapy.robotstxt import ProtegoRobotParser

MAX_ROBOTS_BYTES = 500 * 1024


def cap_robots(body: bytes, limit: int = MAX_ROBOTS_BYTES) -> bytes:
    """The first ``limit`` bytes, cut at the last whole line so no rule is read half."""
    if len(body) <= limit:
        return body
    head = body[:limit]
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


class CappedProtegoRobotParser(ProtegoRobotParser):
    def __init__(self, robotstxt_body: bytes, spider):
        super().__init__(cap_robots(robotstxt_body or b""), spider)
