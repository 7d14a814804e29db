"""The open project: its database, write transactions that are undo steps, the change
sets operations return, long work's progress and cancellation, atomic files, and the
user's own state outside any project."""
