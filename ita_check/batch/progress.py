"""The batch's progress line: sites done, failed, remaining, the rate and an estimated end."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta

from model.batch import AUDITED, PENDING, SiteStatus


class BatchProgress:
    def __init__(self, total: int, quiet: bool = False, every: float = 1.0):
        self.total = total
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.every = every if self.tty else max(every, 10.0)
        self.started = time.monotonic()
        self.first_done: int | None = None
        self._last = 0.0
        self._line = ""

    @staticmethod
    def split(counts: dict[str, int]) -> tuple[int, int, int, int]:
        """Audited, failed (not audited), remaining, running."""
        audited = sum(n for s, n in counts.items() if s in AUDITED)
        pending = sum(n for s, n in counts.items() if s in PENDING)
        failed = sum(counts.values()) - audited - pending
        return audited, failed, pending, counts.get(SiteStatus.RUNNING, 0)

    def line(self, counts: dict[str, int]) -> str:
        audited, failed, remaining, running = self.split(counts)
        done = audited + failed
        if self.first_done is None:
            self.first_done = done  # sites done by an earlier, interrupted run do not count toward the rate
        elapsed = time.monotonic() - self.started
        rate = (done - self.first_done) / elapsed * 60 if elapsed > 0 else 0.0
        eta = ""
        if rate > 0 and remaining:
            left = remaining / rate * 60
            end = datetime.now() + timedelta(seconds=left)
            eta = f" | อีกประมาณ {_duration(left)} (ETA {end:%H:%M})"
        return (f"เว็บไซต์ (sites) {done}/{self.total}: ตรวจแล้ว (audited) {audited} | ตรวจไม่ได้ (failed) {failed} | "
                f"เหลือ (left) {remaining}, กำลังตรวจ (running) {running} | {rate:.1f} เว็บ/นาที (sites/min){eta}")

    def show(self, counts: dict[str, int], force: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self._last < self.every:
            return
        self._last = now
        line = self.line(counts)
        if force and line == self._line:
            return
        self._line = line
        print(("\r" + self._line + "\x1b[K") if self.tty else self._line, end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty and not self.quiet and self._line:
            print(file=sys.stderr)


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes >= 60:
        return f"{minutes // 60} ชม. {minutes % 60} นาที"
    return f"{minutes} นาที" if minutes else f"{int(seconds)} วินาที"
