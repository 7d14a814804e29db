"""Messages for people, translatable without Qt.

What core and models tell a user — why an operation was refused, what is wrong with a
project file, the name of an undo step — is built as `Message(template, **fields)`: a
str holding the English text, so the command line prints it as it is and every caller
that takes text takes it, which also keeps its template and fields, so the window can
show it in the user's language (`ui.i18n.text_of` translates the template, then fills
in the fields in that language). pyside6-lupdate extracts every `Message("...")`
literal into the catalogue (`make translations` treats `Message` like Qt's QT_TR_NOOP,
under the context `MESSAGE_CONTEXT`). It lives in models, the lowest layer, because
the project-file errors raised there are messages too.

Fields: text and numbers are shown as they are (a template may give a format spec,
"{count:,}"); a Message is itself translated; a schema item (anything with `key`,
`name_en` and `name_ar`: a label, a role) is its key in the English text — what the
command line takes — and its name in the window's language; a tuple is a list of
those, separated by commas. Write templates without
plurals ("annotations: {count}"), since the English text is made without Qt.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

MESSAGE_CONTEXT = ""  # pyside6-lupdate files QT_TR_NOOP outside a tr() class under ""


@runtime_checkable
class Named(Protocol):
    """A schema item with a key and a name in each language."""

    @property
    def key(self) -> str: ...

    @property
    def name_en(self) -> str: ...

    @property
    def name_ar(self) -> str: ...


class Message(str):
    """The English text of a template and its fields, keeping both for translation."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, /, **fields: Any) -> Message:
        # without fields the template is the text, braces and all
        text = template.format(**{k: english(v) for k, v in fields.items()}) if fields else template
        message = super().__new__(cls, text)
        message.template = template
        message.fields = fields
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.fields))


def _rebuild(template: str, fields: dict[str, Any]) -> Message:
    return Message(template, **fields)


_SHOWN_AS_THEY_ARE = frozenset({str, int, float})


def english(value: Any) -> Any:
    """A field as the English text shows it: a schema item by its key."""
    if type(value) in _SHOWN_AS_THEY_ARE:  # most fields: no protocol check (it is slow)
        return value
    if isinstance(value, Message):
        return str.__str__(value)
    if isinstance(value, Named):
        return value.key
    if isinstance(value, tuple):
        return ", ".join(str(english(item)) for item in value)
    return value
