"""Staged imports of the catalogue: readers of each format (readers.py, marc.py), the
fields they give checked and normalised (fields.py), the batch staged, committed and
undone (staging.py)."""
