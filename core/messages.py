"""Messages for people (`Message`, its schema-item fields `Named`, and the translation
context of texts declared as data): defined in models, whose project-file errors are
messages too and which cannot import core; the window and the command line take them
from here. See models/messages.py."""

from models.messages import MESSAGE_CONTEXT, Message, Named

__all__ = ["MESSAGE_CONTEXT", "Message", "Named"]
