"""Extractors: each takes an article's text (and its sentences) and returns typed, sourced items."""
