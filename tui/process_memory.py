"""Freed memory given back: glibc's malloc set up for a reader whose big work runs in threads.

glibc gives each thread that allocates an arena of its own, and what is freed in one arena
serves no other thread; and each time a large block is freed it raises the size below
which freed memory is kept for reuse rather than given back. The catalog's scan runs in a
worker and frees much of what it makes on the way, so at 100,000 briefs the reader ended
its scan holding some 15 MB it had freed (peak 150 MiB; 136 MiB with one arena and the
threshold left at its start value). Python runs one thread at a time, so threads sharing
one arena seldom wait for it. With another C library this does nothing.
"""

from __future__ import annotations

import os

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
M_ARENA_MAX = -8
MMAP_THRESHOLD = 128 * 1024  # glibc's start value, held there


def share_one_arena() -> bool:
    """One malloc arena for every thread, and the threshold held (glibc only); call it
    before the threads that do the heavy work start. Whether it was done."""
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return False
    except (ValueError, OSError, AttributeError):  # not a glibc system
        return False
    import ctypes  # here: only once the reader has drawn

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_ARENA_MAX, 1)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
