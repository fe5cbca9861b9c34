"""localdigest: an offline daily digest of new AI papers, written in Korean by a local LLM."""

__version__ = "0.1.0"
