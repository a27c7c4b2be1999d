"""Plain-text tables with aligned columns, for people reading a terminal or a printout."""

from __future__ import annotations


def text_table(header: list[str], rows: list[list[str]], right: frozenset[int] = frozenset(),
               rule: bool = True) -> list[str]:
    """The lines of a table: columns two spaces apart, the columns in `right` right-aligned
    (numbers), the others left-aligned, a line of dashes under the header when `rule`."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    dashes = ["  ".join("-" * w for w in widths)] if rule else []
    return [line(header), *dashes, *(line(r) for r in rows)]
