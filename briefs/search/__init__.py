"""Search over briefs: `docs` (what a brief looks like to search) → `query` (the query
language, built from `tokens`, `nodes` and `terms`) → `index` (the docs, scanned per query).

Import from the modules themselves: this package re-exports nothing.
"""
