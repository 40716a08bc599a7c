"""A batch's vocabulary as codes: what became of each site, and why a registry row was not audited.

Codes only; the Thai and English words are in :mod:`model.wording` (``site_status_text``, ``skip_text``).
"""

from __future__ import annotations

from enum import StrEnum

from model.failures import Failure


class SiteStatus(StrEnum):
    """One site in one batch run. A site that cannot be audited gets a status, never a silent zero."""

    QUEUED = "queued"
    RUNNING = "running"
    INTERRUPTED = "interrupted"  # stopped by Ctrl-C/SIGTERM; the next run resumes it
    OK = "ok"
    INCOMPLETE = "incomplete"  # audited, but a budget (pages, time, bytes) stopped the crawl
    # audited, but the results cannot be trusted: the whole site answers this way
    SOFT_404 = "soft_404"  # 'not found' pages answering 200 everywhere
    CRAWL_BLOCKED = "crawl_blocked"  # most requests refused (403/429)
    SITE_BROKEN = "site_broken"  # most links fail
    # not audited at all: the site could not be reached (model.failures.Failure values)
    DNS = "dns"
    TLS = "tls"
    TIMEOUT = "timeout"
    REFUSED = "refused"
    RESET = "reset"
    BLOCKED = "blocked"  # 401/403 on the home page
    RATE_LIMITED = "rate_limited"
    SERVER_ERROR = "server_error"
    NOT_FOUND = "not_found"
    HTTP_ERROR = "http_error"
    REDIRECT_LOOP = "redirect_loop"
    ROBOTS = "robots"
    PRIVATE_ADDRESS = "private_address"
    OFF_SITE = "off_site"
    UNREACHABLE = "unreachable"  # no response, for another reason
    ERROR = "error"  # the audit itself failed (a bug of ours, a folder problem): see the message


PENDING = {SiteStatus.QUEUED, SiteStatus.RUNNING, SiteStatus.INTERRUPTED}
AUDITED = {SiteStatus.OK, SiteStatus.INCOMPLETE, SiteStatus.SOFT_404, SiteStatus.CRAWL_BLOCKED, SiteStatus.SITE_BROKEN}
SUSPECT = {SiteStatus.SOFT_404, SiteStatus.CRAWL_BLOCKED, SiteStatus.SITE_BROKEN}
NOT_AUDITED = set(SiteStatus) - PENDING - AUDITED  # unreachable or failed
TROUBLE = NOT_AUDITED | SUSPECT  # listed in the overview as 'could not be audited'


def status_for_failure(failure: str) -> SiteStatus:
    try:
        value = Failure(failure or Failure.OTHER)
    except ValueError:
        return SiteStatus.UNREACHABLE
    if value in (Failure.OTHER, Failure.CORRUPT, Failure.ENCRYPTED, Failure.UNSUPPORTED, Failure.TOO_LARGE):
        return SiteStatus.UNREACHABLE
    return SiteStatus(value.value)


class SkipReason(StrEnum):
    """Why a registry row gives no site to audit."""

    NO_CODE = "no_code"  # the agency code is empty or not a code
    EMPTY = "empty"  # no website given ('', '-', 'ไม่มี')
    NUMBER = "number"  # a number, not a website
    EMAIL = "email"
    NOT_HTTP = "not_http"  # another scheme (ftp:, mailto:…)
    INVALID = "invalid"  # not a host name that can exist
    NATIONAL = "national"  # a national agency's host (dla.go.th, nacc.go.th…), not the agency's own site
    SOCIAL = "social"  # a social-media page (Facebook, LINE, YouTube): not a website to audit
    NOT_GO_TH = "not_go_th"  # outside .go.th, skipped only with --go-th-only


class Repair(StrEnum):
    """What the cleaner changed in a website value that it kept."""

    SCHEME_ADDED = "scheme_added"  # a bare host: http:// added
    SEPARATORS = "separators"  # commas or spaces between labels read as dots (www,tlpm.go.th)
    DOUBLE_DOTS = "double_dots"  # WWW..Aolueknuea.go.th
    SCHEME_FIXED = "scheme_fixed"  # http//, http:/, https;//
    SEVERAL = "several"  # several websites in one cell: the first is audited
    NOT_GO_TH = "not_go_th"  # kept, but outside .go.th
    DIFFERING_ROWS = "differing_rows"  # rows of the same agency give different websites: the most common wins
