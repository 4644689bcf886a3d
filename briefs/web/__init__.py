"""Feeds, subscription lists and article pages: bytes in, plain data out.

Pure parsing with the field's libraries (feedparser, trafilatura, the standard library's
expat); nothing here opens a connection or a file, so every fault can be tested with bytes.
"""
