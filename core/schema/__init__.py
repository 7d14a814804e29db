"""The annotation schema: its snapshot and schema documents (`model`), and the
operations that change a project's schema: `labels` and `roles` (with `insert_label`
and `insert_role`, the one way either is added), what a deletion takes along
(`usage`), schema import and export (`transfer`) and the checks they share (`checks`)."""
