"""The Excel workbook: for reviewers to read, and readable back by Tawsim.

Sheets: Summary (counts per label and type, the schema, provenance, agreement
figures when a provider is registered), Documents, Entities (with left and right
context), Events, Arguments, Stances, Excluded. Written with openpyxl's
write-only mode (rows stream to disk; memory stays flat however large the
export). Every sheet is right-to-left with a bold, frozen header row, an
autofilter over the data and set column widths.

Font: cells use Arial, set as the workbook's default font. Excel's default
(Calibri, through the theme) has no Arabic letters and leaves the choice of a
fallback to each machine; Arial has Arabic glyphs on every Windows and macOS
installation and LibreOffice maps it to a metric twin with a fallback that has
them. (The app's own Amiri font is not assumed to be installed on a reviewer's
machine.) A sheet with more rows than a worksheet holds (1,048,576) continues on
"Entities (2)", "Entities (3)"... right after it.

Safety: a cell whose text starts with = + - @ TAB or CR is stored as text with
Excel's quote-prefix flag, so nothing in the data can ever run as a formula
(CSV/Excel injection), and it still shows and reads back exactly. Characters
XML cannot hold and literal `_xHHHH_` sequences are escaped the way Excel does
(`_x000B_`, `_x005F_`). Excel cells hold at most 32,767 characters: long
document texts continue in further Text columns.

Reading (our own workbook, for round trips) requires defusedxml (openpyxl then
parses safely) and checks the zip's declared sizes before anything is
decompressed: refused above 10,000 members, 1 GiB uncompressed in total, or a
compression ratio over 400 for any member larger than 1 MiB (zip bombs).
"""

from core.io.formats.xlsx.reader import check_zip, read
from core.io.formats.xlsx.sheets import (
    CELL_LIMIT,
    FONT_NAME,
    SHEETS,
    TEXT_CHUNK,
    escape_text,
    unescape_text,
)
from core.io.formats.xlsx.writer import Writer

__all__ = [
    "CELL_LIMIT",
    "FONT_NAME",
    "SHEETS",
    "TEXT_CHUNK",
    "Writer",
    "check_zip",
    "escape_text",
    "read",
    "unescape_text",
]
