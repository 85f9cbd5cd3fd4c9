"""Renderers: one module per format, each `render(brief) -> str | bytes`."""
