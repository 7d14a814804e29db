"""The annotation editor: text view, span layer, highlighter."""

from ui.editor.view import AnnotationEditor, PendingSelection, rtl_text_option

__all__ = ["AnnotationEditor", "PendingSelection", "rtl_text_option"]
