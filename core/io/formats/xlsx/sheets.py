"""The Excel workbook's sheets and cells: their columns, Excel's escaping of text, and a
write-only sheet with the workbook's look (see the package docstring)."""

from __future__ import annotations

import re
from typing import Any

FONT_NAME = "Arial"
FONT_SIZE = 11
CELL_LIMIT = 32_767
ROW_LIMIT = 1_048_576  # rows of a worksheet (Excel's limit; the header is one of them)
TEXT_CHUNK = 16_000  # characters of document text per cell (room for escapes)
CONTEXT_CHARS = 40
FORMULA_STARTS = frozenset("=+-@\t\r")
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
TRUNCATED = "…[truncated]"

_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")

SHEETS = {
    "Documents": (
        ("Document", 10),
        ("Annotation set", 16),
        ("State", 11),
        ("Curator", 14),
        ("Title", 50),
        ("Source", 24),
        ("Length", 9),
        ("Entities", 9),
        ("Events", 8),
        ("Stances", 8),
        ("Excluded", 9),
        ("Meta", 24),
        ("Text", 80),
    ),
    "Entities": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Entity", 9),
        ("Start", 8),
        ("End", 8),
        ("Label", 12),
        ("Label name", 16),
        ("Text", 30),
        ("Left context", 42),
        ("Right context", 42),
        ("Note", 24),
    ),
    "Events": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Event", 8),
        ("Type", 22),
        ("Type name", 18),
        ("Start", 8),
        ("End", 8),
        ("Trigger", 18),
        ("Arguments", 10),
        ("Left context", 42),
        ("Right context", 42),
        ("Note", 24),
    ),
    "Arguments": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Event", 8),
        ("Event type", 22),
        ("Role", 16),
        ("Entity", 9),
        ("Entity label", 12),
        ("Entity text", 30),
        ("Start", 8),
        ("End", 8),
    ),
    "Stances": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Stance", 8),
        ("Scope", 11),
        ("Holder", 9),
        ("Holder text", 24),
        ("Target", 22),
        ("Target entity", 12),
        ("Target text", 24),
        ("Polarity", 11),
        ("Evidence", 18),
        ("Evidence text", 60),
        ("Note", 24),
    ),
    "Excluded": (
        ("Document", 10),
        ("Annotation set", 16),
        ("Start", 8),
        ("End", 8),
        ("For", 10),
        ("Reason", 20),
        ("Text", 60),
    ),
}


def escape_text(value: str) -> str:
    """Excel's escaping for characters XML 1.0 cannot carry (and for literal escapes)."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(
        lambda m: "_x005F" + m.group(0) if len(m.group(0)) > 1 else f"_x{ord(m.group(0)):04X}_",
        value,
    )


def unescape_text(value: str) -> str:
    if "_x" not in value:
        return value
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def part_title(title: str, part: int) -> str:
    """The name of a sheet's `part`-th worksheet: "Entities", "Entities (2)"..."""
    return title if part == 1 else f"{title} ({part})"


def part_titles(title: str, present: list[str]) -> list[str]:
    """The worksheets of the sheet `title` among those `present`, in order."""
    found: list[str] = []
    while part_title(title, len(found) + 1) in present:
        found.append(part_title(title, len(found) + 1))
    return found


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS and " " in left:
        left = "…" + left[left.index(" ") + 1 :]
    if end + CONTEXT_CHARS < len(text) and " " in right:
        right = right[: right.rindex(" ")] + "…"
    return " ".join(left.split("\n")), " ".join(right.split("\n"))


class Sheet:
    """A write-only sheet with our look; `add` writes a row of plain values. A sheet with
    more rows than a worksheet holds continues on further worksheets ("Entities (2)"...),
    each with the header row, placed right after the one before."""

    def __init__(self, workbook, title: str, columns: tuple[tuple[str, int], ...], fonts):
        from openpyxl.cell import WriteOnlyCell

        self._cell_class = WriteOnlyCell
        self.workbook = workbook
        self.title = title
        self.columns = list(columns)
        self.parts: list[Any] = []
        self.rows = 0  # data rows, over every part
        self._rows_here = 0  # in the last part, its header included
        self.truncated = 0
        self._fonts = fonts
        self._header: list[str] | None = None
        self.ws = self._new_part()

    def _new_part(self) -> Any:
        from openpyxl.utils import get_column_letter

        index = self.workbook.worksheets.index(self.parts[-1]) + 1 if self.parts else None
        ws = self.workbook.create_sheet(part_title(self.title, len(self.parts) + 1), index)
        ws.sheet_view.rightToLeft = True
        ws.freeze_panes = "A2"
        self._page_setup(ws)
        for number, (_, width) in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(number)].width = width
        self.parts.append(ws)
        self._rows_here = 0
        return ws

    @staticmethod
    def _page_setup(ws: Any) -> None:
        """Printed: landscape, every column on the page's width (as many pages down as it
        takes), the header row repeated at the top of each page."""
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_title_rows = "1:1"

    def header(self, extra: list[str] | None = None) -> None:
        self._header = [name for name, _ in self.columns] + (extra or [])
        self.width = len(self._header)
        self._write_header()

    def _write_header(self) -> None:
        from openpyxl.styles import Alignment, PatternFill

        assert self._header is not None
        cells = []
        for name in self._header:
            cell = self._cell_class(self.ws, value=name)
            cell.font = self._fonts["bold"]
            cell.fill = PatternFill("solid", fgColor="DDE4EE")
            cell.alignment = Alignment(horizontal="center")
            cells.append(cell)
        self.ws.append(cells)
        self._rows_here += 1

    def add(self, values: list[Any]) -> None:
        if self._rows_here >= ROW_LIMIT:
            self.ws = self._new_part()
            self._write_header()
        row = []
        for value in values:
            if isinstance(value, str):
                value = self._safe(value) if value else None
            row.append(value)
        self.ws.append(row)
        self.rows += 1
        self._rows_here += 1

    def _safe(self, value: str):
        value = escape_text(value)
        if len(value) > CELL_LIMIT:
            value = value[: CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
            self.truncated += 1
        if value and (value[0] in FORMULA_STARTS or value in ERROR_CODES):
            cell = self._cell_class(self.ws, value=value)
            cell.data_type = "s"  # text, never a formula or an error value
            cell.quotePrefix = True
            return cell
        return value

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        width = getattr(self, "width", len(self.columns))
        last = len(self.parts) - 1
        for n, ws in enumerate(self.parts):
            rows_here = self._rows_here if n == last else ROW_LIMIT
            ws.auto_filter.ref = f"A1:{get_column_letter(width)}{rows_here}"
