"""kijilint: a quality linter for Japanese Markdown articles."""

__version__ = "0.1.0"
