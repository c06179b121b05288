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


# _BIT[k] maps a byte to 1 if its bit k is set, else 0: bytes.translate + count then tally a bit column in C.
_BIT = [bytes.maketrans(bytes(range(256)), bytes((b >> k) & 1 for b in range(256))) for k in range(8)]


def simhash(text: str, shingle: int = 3) -> int:
    """Unsigned 64-bit simhash of the lower-cased word shingles of `text` (the same on every machine)."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    blob = b"".join(hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams)
    half = len(grams) / 2
    out = 0
    for i in range(8):  # byte i of every digest, most significant first
        column = blob[i::8]
        for k in range(7, -1, -1):
            out = (out << 1) | (column.translate(_BIT[k]).count(1) > half)
    return out


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def bands(value: int) -> tuple[int, int, int, int]:
    value &= (1 << 64) - 1
    return tuple((value >> shift) & 0xFFFF for shift in (48, 32, 16, 0))  # type: ignore[return-value]


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
