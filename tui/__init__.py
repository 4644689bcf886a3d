"""The Textual reader and the `briefing` command line."""
