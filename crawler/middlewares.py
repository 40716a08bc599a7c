"""Downloader middleware applying the private-address guard to every request, redirects included."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class PrivateAddressMiddleware:
    def process_request(self, request, spider):
        guard = getattr(spider, "guard", None)
        reason = guard.blocked(request.url) if guard is not None else None
        if reason:
            raise IgnoreRequest(reason)
        return None
