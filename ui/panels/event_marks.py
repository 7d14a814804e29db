"""What the event panel draws on the text, and says in the text's tooltips: every
trigger outlined with a chip naming its event type; for the selected event, a numbered
badge on each argument (a detached one in red, where its span was) joined to the
trigger by an arc, and the candidate the keyboard is offering. `EventMarks(panel)`
reads the panel's events and selection; the editor calls `paint` and `tooltip`
(`add_painter`, `add_tooltip_provider`)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from core.annotation.events import EventRow
from ui.bidi import offsets
from ui.i18n import Plural, name_of, text_of, translate
from ui.marks import outline, outlined_chip, paint_arc, paint_badge
from ui.qt import QtCore, QtGui
from ui.theme import current_theme

if TYPE_CHECKING:
    from ui.panels.events import EventPanel


class EventMarks:
    def __init__(self, panel: EventPanel):
        self.panel = panel
        self.window = panel.main

    def paint(self, painter: QtGui.QPainter, first: int, last: int) -> None:
        """Triggers with their type chip; the selected event's arguments numbered and
        joined to it by arcs; the candidate being offered."""
        if self.window.project is None or not self.panel.events:
            return
        editor = self.window.editor
        schema = self.panel.schema
        theme = current_theme()
        ratio = editor.devicePixelRatioF()
        selected = self.panel.event_row(self.panel.selected_event)
        band = editor.paint_rect
        for event in self.panel.events:
            if event is not selected and (event.end <= first or event.start >= last):
                continue
            color = schema.label(event.type_id).color
            boxes = editor.range_boxes(event.start, event.end)
            if not any(b.rect.bottom() >= band.top() and b.top <= band.bottom() for b in boxes):
                continue  # not on the lines being repainted (its chip is inside its line)
            rects = [b.rect.adjusted(-1, 1, 1, -1) for b in boxes]
            outline(painter, rects, color, width=1.2, fill_alpha=55 if event is selected else 22)
            chip = outlined_chip(
                name_of(schema.label(event.type_id)),
                color,
                editor.chip_font,
                editor.chip_height,
                theme,
                ratio,
            )
            painter.drawPixmap(self._chip_place(event, boxes, chip), chip)
        if selected is not None:
            self._paint_arguments(painter, selected)

    def _chip_place(self, event: EventRow, boxes, chip: QtGui.QPixmap) -> QtCore.QPointF:
        """Above the trigger's start (its right end), like entity chips; when the chip is
        wider than the trigger and would cover the chip of the entity after it, it is
        aligned with the trigger's left end instead, reaching over the word before."""
        editor = self.window.editor
        top = boxes[0].top
        line = [b.rect for b in boxes if b.top == top]
        right = max(r.right() for r in line)
        left = min(r.left() for r in line)
        size = chip.deviceIndependentSize()
        places = [QtCore.QPointF(right - size.width(), top + 1), QtCore.QPointF(left, top + 1)]
        spans = editor.layer.spans
        if size.width() <= right - left + 1 and not any(
            spans[i].start == event.start for i in editor.layer.index.at(event.start)
        ):
            return places[0]  # within the trigger, and no entity's chip starts there
        nearby = editor.layer.index.overlapping(max(0, event.start - 40), event.end + 40)
        chips = [r for r in (editor.chip_rect(i) for i in nearby) if r is not None]
        for place in places:
            rect = QtCore.QRectF(place, size)
            if not any(rect.intersects(other) for other in chips):
                return place
        return places[0]

    def _badge_radius(self) -> float:
        return max(5.5, self.window.editor.chip_height * 0.5)

    def _badge_center(self, boxes) -> QtCore.QPointF:
        """Above the left end (RTL: the end) of a span's first line: entity chips sit at
        the other end."""
        top = boxes[0].top
        left = min(b.rect.left() for b in boxes if b.top == top)
        return QtCore.QPointF(
            left - self._badge_radius() * 0.3, top + self.window.editor.chip_height * 0.5
        )

    def argument_marks(self, event: EventRow) -> list[tuple[str, list, str]]:
        """(badge text, boxes, colour) of each argument of `event` drawn on screen; a
        detached argument is marked where its span was, in red."""
        editor = self.window.editor
        color = self.panel.schema.label(event.type_id).color
        spans = editor.layer.spans
        marks = []
        for argument in event.arguments:
            if argument.span_id is not None and argument.span_id in spans:
                span = spans[argument.span_id]
                start, end, tint = span.start, span.end, color
            elif argument.detached_start is not None and argument.detached_end is not None:
                start, end, tint = argument.detached_start, argument.detached_end, "#c0392b"
            else:
                continue
            boxes = editor.range_boxes(start, end)
            if boxes:
                number = self.panel.numbers.get(argument.id)
                marks.append((str(number) if number else "×", boxes, tint))
        return marks

    def badge_centers(self) -> dict[str, tuple[QtCore.QPointF, float]]:
        """Where the selected event's argument badges are drawn: text -> (centre, radius)."""
        event = self.panel.event_row(self.panel.selected_event)
        if event is None:
            return {}
        radius = self._badge_radius()
        return {
            text: (self._badge_center(boxes), radius)
            for text, boxes, _ in self.argument_marks(event)
        }

    def _paint_arguments(self, painter: QtGui.QPainter, event: EventRow) -> None:
        editor = self.window.editor
        trigger = editor.range_boxes(event.start, event.end)
        radius = self._badge_radius()
        anchor = None
        if trigger:
            box = trigger[0]
            anchor = QtCore.QPointF(box.rect.center().x(), box.top + editor.chip_height * 0.5)
        for text, boxes, tint in self.argument_marks(event):
            outline(painter, [b.rect for b in boxes], tint, dashed=True, width=1.3)
            center = self._badge_center(boxes)
            if anchor is not None:
                paint_arc(painter, anchor, center, tint)
            paint_badge(painter, center, radius, text, tint)
        cycle = self.panel.cycle
        if cycle is not None and cycle.event_id == event.id:
            span = cycle.current.span
            boxes = editor.range_boxes(span.start, span.end)
            if boxes:
                highlight = editor.palette().color(QtGui.QPalette.ColorRole.Highlight).name()
                rects = [b.rect.adjusted(-2, 0, 2, 0) for b in boxes]
                outline(painter, rects, highlight, dashed=True, width=2.2)
                center = self._badge_center(boxes)
                if anchor is not None:
                    paint_arc(painter, anchor, center, highlight, width=1.2)
                paint_badge(painter, center, radius, "?", highlight)

    def tooltip(self, position: int) -> str | None:
        if self.window.project is None:
            return None
        parts = []
        for event in self.panel.events:
            if event.start <= position < event.end:
                event_type = self.panel.schema.label(event.type_id)
                problems = self.panel.current.problems_of(event_id=event.id)
                lines = "".join(f"<br>⚠ {escape(text_of(p.message))}" for p in problems)
                trigger = translate("EventMarks", "trigger «{text}» {offsets}").format(
                    text=escape(self.panel.text_of(event.start, event.end)),
                    offsets=offsets(event.start, event.end),
                )
                arguments = Plural.tr("%n argument(s)", None, len(event.arguments))
                kind = translate("EventMarks", "(event)")
                parts.append(
                    f"<p><b>{escape(name_of(event_type))}</b> {kind}"
                    f"<br>{trigger} · {arguments}{lines}</p>"
                )
        return "".join(parts) or None
