"""What went wrong with a fetch, as a :class:`model.failures.Failure` and a Thai/English message.

Twisted, Scrapy and our own middlewares raise many exception types for a handful of faults; the spider's
errback records each failed fetch with the failure classified here, so the rules engine can tell a site's
fault (timeout, reset, firewall) from an agency's missing page.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from twisted.internet import error as tx_error
from twisted.web.client import ResponseFailed

from crawler.guard import AddressBlocked
from model.failures import Failure


class GuardRefused(IgnoreRequest):
    """A request the crawler will not make: private address, scheme, off-site redirect, open circuit."""

    failure = Failure.OTHER

    def __init__(self, message: str, failure: Failure | None = None):
        super().__init__(message)
        if failure is not None:
            self.failure = failure


class PrivateAddressRefused(GuardRefused):
    failure = Failure.PRIVATE_ADDRESS


class SchemeRefused(GuardRefused):
    failure = Failure.UNSUPPORTED


class OffSiteRedirect(GuardRefused):
    failure = Failure.OFF_SITE


class CircuitOpen(GuardRefused):
    failure = Failure.SERVER_ERROR


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes, and the reasons a Twisted ResponseFailed carries."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo and len(seen) < 20:
        current = todo.pop(0)
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        if isinstance(current, ResponseFailed):
            todo += [getattr(r, "value", r) for r in current.reasons]
        todo += [current.__cause__, current.__context__]
    return seen


def _is_tls(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith("OpenSSL") or module == "ssl" or "SSL" in type(exc).__name__ or "tls" in module.lower()


def classify(exc: BaseException, host: str = "", refusals: dict[str, str] | None = None) -> tuple[Failure, str]:
    """The failure an exception stands for and a message naming it (Thai with English beside)."""
    chain = _chain(exc)
    text = " ".join(str(e) for e in chain if str(e))
    lowered = text.lower()
    for e in chain:
        if isinstance(e, GuardRefused):
            return e.failure, str(e)
        if isinstance(e, AddressBlocked):
            return Failure.PRIVATE_ADDRESS, e.reason
    if refusals and host in refusals and any(isinstance(e, (CannotResolveHostError, tx_error.DNSLookupError)) for e in chain):
        return Failure.PRIVATE_ADDRESS, refusals[host]  # the resolver refused every address of the host
    for e in chain:
        if _is_tls(e) or isinstance(e, tx_error.CertificateError):
            return Failure.TLS, f"เชื่อมต่อแบบปลอดภัยไม่ได้ (TLS/SSL error): {type(e).__name__}: {str(e)[:200]}"
    for e in chain:
        if isinstance(e, (CannotResolveHostError, tx_error.DNSLookupError)):
            return Failure.DNS, f"ไม่พบชื่อโดเมน (DNS lookup failed): {host or text[:200]}"
        if isinstance(e, (DownloadTimeoutError, tx_error.TimeoutError)):
            return Failure.TIMEOUT, f"หมดเวลา (timed out): {text[:300]}"
        if isinstance(e, (DownloadConnectionRefusedError, tx_error.ConnectionRefusedError)):
            return Failure.REFUSED, f"เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ (connection refused): {host}"
        if isinstance(e, DownloadCancelledError) or "max size" in lowered or "download_maxsize" in lowered:
            return Failure.TOO_LARGE, f"ไฟล์ใหญ่เกินกำหนด (larger than the download limit): {text[:300]}"
        if isinstance(e, UnsupportedURLSchemeError):
            return Failure.UNSUPPORTED, f"ไม่ติดตามลิงก์ที่ไม่ใช่ http/https (scheme not followed): {text[:200]}"
    for e in chain:
        if isinstance(e, (tx_error.ConnectionLost, tx_error.ConnectionDone, tx_error.ConnectionAborted,
                          ResponseDataLossError, ResponseFailed, DownloadFailedError, ConnectionResetError,
                          tx_error.ConnectError)):
            innermost = chain[-1] if len(chain) > 1 else e
            return Failure.RESET, f"การเชื่อมต่อถูกตัดกลางทาง (connection reset or lost): {type(innermost).__name__}"
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in lowered:
            return Failure.ROBOTS, "robots.txt ไม่อนุญาต (forbidden by robots.txt)"
        if "redirect" in lowered:
            return Failure.REDIRECT_LOOP, "เปลี่ยนเส้นทางวนซ้ำหรือมากเกินไป (redirect loop)"
    if "timed out" in lowered or "took longer than" in lowered:
        return Failure.TIMEOUT, f"หมดเวลา (timed out): {text[:300]}"
    return Failure.OTHER, f"ผิดพลาด (error): {type(exc).__name__}: {text[:300]}"
