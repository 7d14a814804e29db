"""Benchmarks (not tests). Each prints JSON lines: {"name", "value", "unit", "target"}."""
