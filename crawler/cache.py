"""HTTP revalidation for re-runs: Scrapy's HTTP cache with an RFC 2616 policy that never replays content.

A weekly re-audit of an agency that changed nothing should download little. Every request is revalidated
(``If-None-Match``/``If-Modified-Since``): a 304 reuses the stored body, anything else is the new answer.
Unlike the stock policy, a server error is never papered over with the old page (an assessor opening the
URL today gets the error), and responses without validators are not stored, since they could never be
revalidated.
"""

from __future__ import annotations

from scrapy.extensions.httpcache import RFC2616Policy


class RevalidatePolicy(RFC2616Policy):
    def should_cache_response(self, response, request) -> bool:
        if response.status != 200 or b"no-store" in self._parse_cachecontrol(response):
            return False
        return b"ETag" in response.headers or b"Last-Modified" in response.headers

    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False  # always ask the site

    def is_cached_response_valid(self, cachedresponse, response, request) -> bool:
        return response.status == 304
