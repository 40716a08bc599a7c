"""One exception hierarchy for everything a user can get wrong or the world can break.

Every error carries a Thai message with English beside, names the file or URL at fault, and may carry a
hint. The CLI maps the classes to exit codes in one place (``ita_check.cli.EXIT_CODES``); nothing else
decides how the process ends.
"""

from __future__ import annotations


class ItaError(Exception):
    """Base of every error the tool reports to a person."""

    def __init__(self, message: str, hint: str = ""):
        self.message = message
        self.hint = hint
        super().__init__(message + (f"\n{hint}" if hint else ""))

    def lines(self) -> list[str]:
        return [self.message, *([self.hint] if self.hint else [])]


class BadInput(ItaError):
    """The command line, a file or a URL given by the user cannot be used."""


class ProblemsError(BadInput):
    """A file with several problems, each naming its file, line/row and column."""

    def __init__(self, problems: list, hint: str = ""):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems), hint)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems] + ([self.hint] if self.hint else [])


class FolderConflict(BadInput):
    """The output folder holds another audit (another site, year or rule file)."""


class SiteUnreachable(ItaError):
    """Nothing of the site could be fetched; ``failure`` says why (dns, tls, refused, timeout…).

    ``SiteUnreachable(message, failure="blocked")`` builds the subclass for that failure (``SiteBlocked``),
    so every site-level fault has its own class and hint while callers raise one name; the CLI maps them all
    through ``EXIT_CODES`` (by default to the exit status of ``SiteUnreachable``).
    """

    failure_code = ""  # the model.failures.Failure value a subclass stands for
    default_hint = ""

    def __new__(cls, message: str = "", failure: str = "", hint: str = ""):
        if cls is SiteUnreachable and str(failure) in SITE_FAULT_CLASSES:
            cls = SITE_FAULT_CLASSES[str(failure)]
        return super().__new__(cls, message)

    def __init__(self, message: str, failure: str = "", hint: str = ""):
        self.failure = str(failure) or self.failure_code
        super().__init__(message, hint or self.default_hint)

    def __reduce__(self):
        return (SiteUnreachable, (self.message, self.failure, self.hint))


class SiteDnsFailed(SiteUnreachable):
    failure_code = "dns"
    default_hint = "ตรวจชื่อโดเมนใน URL (check the domain name in the URL)"


class SiteTlsFailed(SiteUnreachable):
    failure_code = "tls"
    default_hint = "ใบรับรอง HTTPS ของเว็บไซต์มีปัญหา ลองใช้ http:// (the site's HTTPS certificate or handshake fails; try http://)"


class SiteTimedOut(SiteUnreachable):
    failure_code = "timeout"
    default_hint = "เว็บไซต์ตอบช้ามาก ลองใหม่ภายหลัง (the site is very slow; try again later)"


class SiteRefused(SiteUnreachable):
    failure_code = "refused"
    default_hint = "เซิร์ฟเวอร์ไม่เปิดรับการเชื่อมต่อ ตรวจพอร์ตหรือลองใหม่ภายหลัง (nothing answers on that port; try later)"


class SiteReset(SiteUnreachable):
    failure_code = "reset"
    default_hint = "การเชื่อมต่อถูกตัด อาจมีไฟร์วอลล์ ลองใหม่ภายหลัง (connections are cut, perhaps by a firewall; try later)"


class SiteBlocked(SiteUnreachable):
    failure_code = "blocked"
    default_hint = ("เว็บไซต์ปิดกั้นโปรแกรมตรวจ ขอให้ผู้ดูแลอนุญาต User-Agent ของ ita-check "
                    "(the site's firewall refuses the crawler; ask its admin to allow the ita-check User-Agent)")


class SiteRateLimited(SiteUnreachable):
    failure_code = "rate_limited"
    default_hint = "เว็บไซต์จำกัดความถี่ ลองใหม่ภายหลังด้วย --delay ที่มากขึ้น (rate-limited; try later with a larger --delay)"


class SiteServerError(SiteUnreachable):
    failure_code = "server_error"
    default_hint = "เซิร์ฟเวอร์ของเว็บไซต์ขัดข้อง ลองใหม่ภายหลัง (the site's server fails; try again later)"


class SitePrivateAddress(SiteUnreachable):
    failure_code = "private_address"
    default_hint = "ที่อยู่ในเครือข่ายภายในถูกปิดกั้น ใช้ --allow-private เฉพาะเครือข่ายของหน่วยงานตนเอง (use --allow-private only on your own network)"


class SiteRobotsForbidden(SiteUnreachable):
    failure_code = "robots"
    default_hint = "robots.txt ไม่อนุญาต ใช้ --ignore-robots เฉพาะเว็บไซต์ของหน่วยงานตนเอง (use --ignore-robots only for your own site)"


class SiteRedirectLoop(SiteUnreachable):
    failure_code = "redirect_loop"
    default_hint = "หน้าแรกเปลี่ยนเส้นทางวนซ้ำ (the home page redirects in a loop)"


class SiteTooLarge(SiteUnreachable):
    failure_code = "too_large"
    default_hint = "หน้าแรกใหญ่เกินกำหนด ปรับ --max-bytes (the home page is larger than --max-bytes)"


class SiteOffSite(SiteUnreachable):
    failure_code = "off_site"
    default_hint = "หน้าแรกเปลี่ยนเส้นทางไปที่อื่น ลองใช้ URL ปลายทาง (the home page redirects elsewhere; audit that URL)"


SITE_FAULT_CLASSES: dict[str, type[SiteUnreachable]] = {
    cls.failure_code: cls for cls in (SiteDnsFailed, SiteTlsFailed, SiteTimedOut, SiteRefused, SiteReset, SiteBlocked,
                                      SiteRateLimited, SiteServerError, SitePrivateAddress, SiteRobotsForbidden,
                                      SiteRedirectLoop, SiteTooLarge, SiteOffSite)
}


class Interrupted(ItaError):
    """Ctrl-C or SIGTERM: what was collected is kept and the audit can be resumed."""


class ServiceUnreachable(ItaError):
    """A service the command needs (Redis, the history database) does not answer."""
