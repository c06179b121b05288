"""Answers the event stage asks again and again within one document, kept per document.

An event extractor lives for one document: what it asks of a sentence (is it a day's report?) or of the whole
text (does it name rockets anywhere?) has one answer there, however many triggers or targets ask.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

R = TypeVar("R")


def memoised(method: Callable[..., R]) -> Callable[..., R]:
    """A method memoised on its positional arguments, in the instance (one document's extractor). Only for a
    method whose answer depends on nothing the extraction changes, and that callers do not mutate."""
    name = "_memo_" + method.__name__

    @wraps(method)
    def wrapper(self, *args):
        memo = self.__dict__.get(name)
        if memo is None:
            memo = self.__dict__[name] = {}
        got = memo.get(args, memo)
        if got is memo:
            got = memo[args] = method(self, *args)
        return got

    return wrapper


class DocSearches:
    """`rx.search(text) is not None`, once per pattern for one text (keyed by the pattern's identity: hashing a
    compiled pattern hashes its whole program)."""

    def __init__(self, text: str):
        self.text = text
        self._found: dict[int, bool] = {}

    def anywhere(self, rx: re.Pattern[str]) -> bool:
        got = self._found.get(id(rx))
        if got is None:
            got = self._found[id(rx)] = rx.search(self.text) is not None
        return got
