"""Chinese press corpus: government press material as a normalised, searchable SQLite database."""

__version__ = "0.1.0"
