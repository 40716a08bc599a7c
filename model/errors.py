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
    """Nothing of the site could be fetched; ``failure`` says why (dns, tls, refused, timeout…)."""

    def __init__(self, message: str, failure: str = "", hint: str = ""):
        self.failure = failure
        super().__init__(message, hint)


class Interrupted(ItaError):
    """Ctrl-C or SIGTERM: what was collected is kept and the audit can be resumed."""


class ServiceUnreachable(ItaError):
    """A service the command needs (Redis, the history database) does not answer."""
