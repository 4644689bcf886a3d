"""The briefing benchmark suite (`make bench`, `python -m bench --help`).

Kept free of imports: `python -m bench.probe_start` imports this package first, and the
bare app's start-up must not pay for anything of ours.
"""
