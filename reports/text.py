"""Plain-text tables for the terminal: two decimals shown, Thai columns aligned by display width, and
tables that fit the terminal, cutting Thai text at a word boundary with "…"."""

from __future__ import annotations

import os
import shutil
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ELLIPSIS = "…"
MIN_COLUMN = 8


def fmt(value: float | None) -> str:
    """Two decimals, half up, from the full-precision value (84.995 shows 85.00, as people round)."""
    if value is None:
        return "-"
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def width(text: str) -> int:
    """Terminal columns: Thai vowels and tone marks above/below a consonant take none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def _clusters(text: str) -> list[str]:
    """Characters with the marks above and below them: never cut a tone mark from its consonant."""
    out: list[str] = []
    for ch in text:
        if out and unicodedata.category(ch) in ("Mn", "Me"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def ellipsize(text: str, limit: int) -> str:
    """The text cut to ``limit`` columns at a word boundary (Thai words by pythainlp), ending in "…"."""
    if width(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    from pythainlp.tokenize import word_tokenize

    kept = ""
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if width(kept + token) > limit - 1:
            break
        kept += token
    if not kept.strip():  # one long word (a URL): cut between characters
        for cluster in _clusters(text):
            if width(kept + cluster) > limit - 1:
                break
            kept += cluster
    return kept.rstrip() + ELLIPSIS


def _fit(widths: list[int], align: str, available: int) -> list[int]:
    """Narrow the widest left-aligned columns until the table fits ``available`` columns."""
    widths = list(widths)
    frame = 4 + 3 * (len(widths) - 1)
    while sum(widths) + frame > available:
        candidates = [i for i, a in enumerate(align) if a == "l" and widths[i] > MIN_COLUMN]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= max(1, min(widths[widest] - MIN_COLUMN, sum(widths) + frame - available))
    return widths


def table(rows: list[list[str]], header: list[str], align: str = "", max_width: int | None = None) -> str:
    """A boxed table; ``align`` gives 'l' or 'r' per column (default left). Given ``max_width`` (e.g.
    ``terminal_width()``), it narrows its widest text columns to fit, ending cut cells in "…"."""
    cols = len(header)
    align = (align or "l" * cols).ljust(cols, "l")
    natural = [max(width(str(r[i])) for r in [header, *rows]) for i in range(cols)]
    widths = _fit(natural, align, max_width) if max_width else natural
    rows = [[ellipsize(str(cell), widths[i]) for i, cell in enumerate(row)] for row in rows]
    header = [ellipsize(str(cell), widths[i]) for i, cell in enumerate(header)]

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - width(str(cell)))
            out.append(f"{pad}{cell}" if align[i] == "r" else f"{cell}{pad}")
        return "│ " + " │ ".join(out) + " │"

    rule = "├─" + "─┼─".join("─" * w for w in widths) + "─┤"
    top = "┌─" + "─┬─".join("─" * w for w in widths) + "─┐"
    bottom = "└─" + "─┴─".join("─" * w for w in widths) + "─┘"
    return "\n".join([top, line(header), rule, *(line(r) for r in rows), bottom])
