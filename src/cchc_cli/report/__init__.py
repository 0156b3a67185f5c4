"""Renderers: the same result objects as console tables, JSON and (later) Excel."""
