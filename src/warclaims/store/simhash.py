"""Near duplicates: a 64-bit simhash over word 3-shingles (Charikar; Manku et al. for the 3-bit threshold).

Syndicated copies of one wire story differ in boilerplate and a few words: their simhashes differ in
few bits. The 64 bits are stored as four 16-bit bands; two hashes within 3 bits share at least one
band exactly (pigeonhole), so candidates come from four indexed equality lookups.
"""
from __future__ import annotations

import hashlib
import re

BITS = 64
THRESHOLD = 3  # hamming distance at or below which two texts are near duplicates
_WORD = re.compile(r"\w+")


def simhash(text: str, shingle: int = 3) -> int:
    """Unsigned 64-bit simhash of the lower-cased word shingles of `text`."""
    words = _WORD.findall(text.lower())
    if len(words) < shingle:
        grams = [" ".join(words)] if words else [""]
    else:
        grams = [" ".join(words[i:i + shingle]) for i in range(len(words) - shingle + 1)]
    hashes = [format(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big"), "064b")
              for g in set(grams)]
    half = len(hashes) / 2
    # count the ones of each bit position column-wise (string ops run in C)
    columns = ("".join(col) for col in zip(*hashes, strict=True))
    bits = "".join("1" if col.count("1") > half else "0" for col in columns)
    return int(bits, 2)


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def bands(value: int) -> tuple[int, int, int, int]:
    value &= (1 << 64) - 1
    return tuple((value >> shift) & 0xFFFF for shift in (48, 32, 16, 0))  # type: ignore[return-value]


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
