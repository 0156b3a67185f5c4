"""Renderers: the same result objects as console tables, JSON, CSV, Markdown and the Excel
report. Nothing here computes a figure."""
