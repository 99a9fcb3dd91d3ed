"""Helpers for work on millions of rows."""

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while millions of lists are made.

    The rows hold no reference cycles, and collecting while they pile up
    makes reading a large table several times slower.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
