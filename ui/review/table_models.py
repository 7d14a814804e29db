"""Item models and a delegate for the review dashboard's tables.

Rows come from the agreement report and the disagreement list (plain core
objects); the models only present them. Arabic text (titles, versions,
context) is drawn right-to-left in the bundled font by `RtlTextDelegate`.
"""

from __future__ import annotations

from core.review.agreement.disagreements import KINDS, Disagreement
from core.review.agreement.results import Figure
from core.review.agreement.study import DocumentRef
from ui.bidi import offsets
from ui.fonts import text_font
from ui.i18n import QT_TRANSLATE_NOOP, text_of, translate
from ui.item_views import ModelIndex, TableModel
from ui.qt import Qt, QtCore, QtGui, QtWidgets

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
SORT = Qt.ItemDataRole.UserRole


def utf16_position(text: str, index: int) -> int:
    """A code-point offset into `text` as a Qt (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2


class ArabicTextDelegate(QtWidgets.QStyledItemDelegate):
    """Draws a cell's text in the bundled Arabic font; with `rtl`, right-to-left and
    right-aligned whatever its first strong character (the style lays the text out
    in the option's direction). Without it, a label such as "PERS «ميتا»" keeps
    Qt's usual direction from its first strong character."""

    def __init__(
        self, parent: QtCore.QObject | None = None, *, rtl: bool = True, point_size: int = 12
    ):
        super().__init__(parent)
        self._font = text_font(point_size=point_size)
        self._rtl = rtl

    def initStyleOption(self, option: QtWidgets.QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.font = self._font
        if self._rtl:
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _figure_text(figure: Figure | None) -> str:
    if figure is None:
        return ""
    return figure.text(3) if figure.defined else translate("Figures", "n/a")


def _figure_tip(figure: Figure | None) -> str:
    if figure is None:
        return ""
    if not figure.defined:
        return text_of(figure.undefined) if figure.undefined else translate("Figures", "undefined")
    extra = ", ".join(
        f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figure.detail
    )
    shown = figure_from(figure, 4)
    return shown + (f"; {extra}" if extra else "")


def figure_from(figure: Figure, digits: int = 3) -> str:
    """ "0.812 from 40": a defined figure and what it was computed from."""
    return translate("Figures", "{value} from {support}").format(
        value=figure.text(digits), support=figure.support
    )


class DocumentModel(TableModel):
    """Compared documents with their per-document figure, lowest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentModel", "Agreement"),
        QT_TRANSLATE_NOOP("DocumentModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentModel", "Compared"),
    )

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[DocumentRef, Figure]] = []

    def set_rows(self, rows: list[tuple[DocumentRef, Figure]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def document_id(self, row: int) -> int:
        return self._rows[row][0].id

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = DISPLAY):
        if not index.isValid():
            return None
        doc, figure = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return (_figure_text(figure), str(doc.id), doc.title, str(figure.support))[column]
        if role == TOOLTIP:
            return _figure_tip(figure) if column == 0 else doc.title if column == 2 else None
        if role == ALIGN and column in (0, 1, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DisagreementModel(TableModel):
    """Disagreements: kind, document, annotators, both versions and the context."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DisagreementModel", "Kind"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Document · offsets"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Annotators"),
        QT_TRANSLATE_NOOP("DisagreementModel", "First"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Second"),
        QT_TRANSLATE_NOOP("DisagreementModel", "Context"),
    )
    CONTEXT = 5

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._items: list[Disagreement] = []
        self._names: dict[int, str] = {}
        self._titles: dict[int, str] = {}
        self._labels: dict[str, str] = {}

    def set_items(
        self,
        items: list[Disagreement],
        names: dict[int, str],
        titles: dict[int, str],
        labels: dict[str, str],
    ) -> None:
        """`labels`: the names of the labels, event types and polarities by key."""
        self.beginResetModel()
        self._items = list(items)
        self._names = names
        self._titles = titles
        self._labels = labels
        self.endResetModel()

    def item(self, row: int) -> Disagreement:
        return self._items[row]

    @property
    def items(self) -> list[Disagreement]:
        return list(self._items)

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: ModelIndex, role: int = DISPLAY):
        if not index.isValid():
            return None
        d = self._items[index.row()]
        column = index.column()
        if role in (DISPLAY, TOOLTIP):
            a, b = (self._names.get(x, str(x)) for x in d.annotator_ids)
            labels = [self._labels.get(v.label, v.label) if v else "" for v in d.versions]
            versions = [
                f"{label}: {v.text}" if v and v.text else label if v else "—"
                for v, label in zip(d.versions, labels, strict=True)
            ]
            if role == TOOLTIP:
                if column == 1:
                    return self._titles.get(d.document_id, "")
                if column in (3, 4):
                    version = d.versions[column - 3]
                    if version is None:
                        return self.tr("nothing there")
                    return " ".join(
                        part
                        for part in (
                            labels[column - 3],
                            f"«{version.text}»" if version.text else "",
                            f"({version.detail})" if version.detail else "",
                        )
                        if part
                    )
                return d.context if column == self.CONTEXT else None
            values = (
                text_of(KINDS[d.kind]),
                f"{d.document_id} · {offsets(d.start, d.end)}",
                f"{a} × {b}",
                versions[0],
                versions[1],
                snippet(d.context, d.start - d.context_start, d.end - d.context_start),
            )
            return values[column]
        return None


def snippet(context: str, start: int, end: int, around: int = 18) -> str:
    """The part of `context` around [start, end), with "…" where it was cut."""
    if start == end == 0 or len(context) <= end - start + 2 * around:
        return context
    left = max(0, start - around)
    right = min(len(context), end + around)
    return ("…" if left else "") + context[left:right] + ("…" if right < len(context) else "")


def confusion_brush(count: int, largest: int, diagonal: bool, dark: bool) -> QtGui.QBrush:
    """A tint growing with the count: green on the diagonal, red off it."""
    if not count or not largest:
        return QtGui.QBrush()
    strength = 0.15 + 0.6 * count / largest
    hue = 120 / 360 if diagonal else 0.0
    color = QtGui.QColor.fromHslF(hue, 0.55, 0.3 if dark else 0.6)
    color.setAlphaF(strength)
    return QtGui.QBrush(color)
