"""Plain-text tables for the terminal: two decimals shown, Thai columns aligned by display width."""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal


def fmt(value: float | None) -> str:
    """Two decimals, half up, from the full-precision value (84.995 shows 85.00, as people round)."""
    if value is None:
        return "-"
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def width(text: str) -> int:
    """Terminal columns: Thai vowels and tone marks above/below a consonant take none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def table(rows: list[list[str]], header: list[str], align: str = "") -> str:
    """A simple boxed table; ``align`` gives 'l' or 'r' per column (default left)."""
    cols = len(header)
    align = (align or "l" * cols).ljust(cols, "l")
    widths = [max(width(str(r[i])) for r in [header, *rows]) for i in range(cols)]

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
