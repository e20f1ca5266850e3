"""Data files that ship inside the package (syllable table)."""
