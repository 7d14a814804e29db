"""The annotation schema: its snapshot and schema documents (`model`), and the
operations that change a project's schema (`ops`)."""
