"""Documents: importing them, moving between them, folded search over all of them,
counts, and the bundled demo corpus."""
