"""Bytes to text: binary sniffing, BOMs, strict UTF-8, then a guarded guess among the
encodings that en/uk/ru sources really use.

Why not charset-normalizer alone: on short Cyrillic texts it cannot tell cp1251 from
mac-cyrillic (lower-case letters share their bytes) and sometimes picks the Mac table, which
turns every capital into punctuation ("¬трати" for "Втрати"). Every candidate is therefore
re-scored here by how much the decoded text looks like real uk/ru/en writing.
"""
from __future__ import annotations

import codecs
import math
import re

from warclaims.errors import BinaryInput, DecodingError

ENCODING_HINT = "Try --encoding cp1251 (or koi8-r, utf-16)"
ENCODING_EXAMPLES = "utf-8, cp1251, koi8-r, koi8-u, utf-16, iso-8859-5, mac-cyrillic, cp866, cp1252"

# The encodings an en/uk/ru text plausibly comes in. Order = preference on a tie: cp1251 is by
# far the most common legacy Cyrillic encoding on the web; koi8-r before koi8-u because they
# decode Russian identically and the name is the expected one then.
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866")
LATIN_CANDIDATES = ("cp1252", "latin_1")
_ALL_CANDIDATES = CYRILLIC_CANDIDATES + LATIN_CANDIDATES
_SNIFF_LIMIT = 64 * 1024  # bytes looked at for magic numbers and NULs
_SCORE_LIMIT = 8 * 1024  # bytes of the head each candidate encoding is scored on

# (magic bytes, what it is, next step). Checked on the first bytes only.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF", "extract its text first (pdftotext file.pdf file.txt) and pass the .txt"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "warclaims reads text; pass the article's text instead"),
    (b"\xff\xd8\xff", "a JPEG image", "warclaims reads text; pass the article's text instead"),
    (b"GIF87a", "a GIF image", "warclaims reads text; pass the article's text instead"),
    (b"GIF89a", "a GIF image", "warclaims reads text; pass the article's text instead"),
    (b"\x1f\x8b", "gzip-compressed", "decompress it first (gunzip file.gz) and pass the result"),
    (b"BZh", "bzip2-compressed", "decompress it first (bunzip2 file.bz2) and pass the result"),
    (b"\xfd7zXZ\x00", "xz-compressed", "decompress it first (unxz file.xz) and pass the result"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed", "decompress it first (unzstd file.zst) and pass the result"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first and pass the text files inside"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)",
     "save it as plain text (.txt) first and pass that"),
    (b"\x7fELF", "an executable", "pass a text or HTML file"),
    (b"SQLite format 3\x00", "an SQLite database", "pass a text or HTML file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_binary(data: bytes) -> None:
    """Raise BinaryInput for known binary formats (magic numbers) before any decoding."""
    for magic, what, step in _MAGIC:
        if data.startswith(magic):
            if magic == b"BZh" and not _is_bzip2(data):
                continue  # a text that merely starts with "BZh"
            raise BinaryInput(f"this looks like {what}, not text", hint=step)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        head = data[:_SNIFF_LIMIT]
        if b"word/" in head:
            raise BinaryInput("this looks like a Word document (DOCX), not text",
                              hint="save it as plain text (.txt) first, or copy its text into a file")
        raise BinaryInput("this looks like a ZIP archive (or an office document), not text",
                          hint="unpack it first and pass the text files inside")


def _is_bzip2(data: bytes) -> bool:
    return len(data) >= 10 and data[3:4].isdigit() and data[4:10] == b"1AY&SY"


def check_encoding_name(name: str) -> codecs.CodecInfo:
    """The codec for a user-given name, or DecodingError naming valid examples."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise DecodingError(f"unknown encoding {name!r}",
                            hint=f"use a text encoding such as {ENCODING_EXAMPLES}")
    return info


def display_name(codec: str) -> str:
    """'koi8_r' -> 'koi8-r', 'latin_1' -> 'iso8859-1' (Python's canonical codec names)."""
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return codec


def decode_bytes(
    data: bytes, *, encoding: str | None = None, declared: tuple[str, ...] = ()
) -> tuple[str, str]:
    """Decode `data`; return (text, encoding name). `declared` are charsets the container
    announced (HTTP Content-Type, HTML <meta charset>): tried after strict UTF-8, since a page
    that is valid UTF-8 is UTF-8 whatever its header says."""
    sniff_binary(data)
    if encoding:
        return _decode_forced(data, encoding), display_name(check_encoding_name(encoding).name)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name.removesuffix("-sig")), name
            except UnicodeDecodeError as err:
                raise DecodingError(f"the input starts with a {name} byte-order mark but is not valid {name}",
                                    hint=ENCODING_HINT) from err
    if b"\x00" in data[:_SNIFF_LIMIT]:
        return _decode_nul_text(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in declared:
        try:
            text = data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            continue  # an unknown or wrong declaration: fall through to detection
        if _credible(text[:_SCORE_LIMIT], oddness(text[:_SCORE_LIMIT])[0]):
            return text, display_name(name)  # (a cp1251 page labelled iso-8859-1 is not)
    return _detect(data)


def _decode_forced(data: bytes, encoding: str) -> str:
    info = check_encoding_name(encoding)
    name = info.name
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise DecodingError(
            f"the input is not valid {display_name(info.name)}: {err.reason} at byte {err.start}",
            hint="Try another --encoding (cp1251, koi8-r, utf-16) or leave it out to detect the encoding",
        ) from err


def _decode_nul_text(data: bytes) -> tuple[str, str]:
    """NUL bytes mean binary, unless the data is UTF-16/32 without a BOM."""
    for name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if text and _readable_share(text[:4000]) >= 0.95:
            return text, name
    raise BinaryInput(
        "the input contains NUL bytes: it is not a text file",
        hint="if it is UTF-16 text, pass --encoding utf-16; otherwise convert it to plain text first",
    )


# Characters a uk/ru/en text is made of; anything else counts against a candidate decoding.
_CYR_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ"
_COMMON_PUNCT = "«»„“”‘’‚–—‒…№°•·§©®™€₴₽\u00a0\u00ad\u2009\u202f"
_ACCENTED = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_LATIN = "A-Za-z" + _ACCENTED
_ODD_RE = re.compile(f"[^\t\n\r\f\x20-\x7e{_CYR_LETTERS}{_COMMON_PUNCT}{_ACCENTED}]")
_CYR_RE = re.compile(f"[{_CYR_LETTERS}]")
_INNER_UPPER_RE = re.compile(f"(?<=[{_CYR_LETTERS}])[А-ЯЁІЇЄҐЎ]")
_MIXED_RE = re.compile(f"[{_CYR_LETTERS}][{_LATIN}]|[{_LATIN}][{_CYR_LETTERS}]")
_LOWER_UPPER_RE = re.compile("[а-яёіїєґў][А-ЯЁІЇЄҐЎ]")
_ACCENT_RUN_RE = re.compile(f"[{_ACCENTED}](?=[{_ACCENTED}])")
_SYMBOL_RE = re.compile("[«»„“”‘’‚–—‒…№°•·§©®™€₴₽]")
_SIGNS = frozenset("€₴₽№°•·§©®™")
_QUOTES = frozenset("‚‘’“”„")
_CYR_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
# Letter frequencies (%), the larger of Russian and Ukrainian; cost = bits above a common letter.
_FREQ = {
    "о": 11.0, "е": 8.5, "а": 8.0, "и": 7.4, "н": 7.0, "т": 6.3, "і": 5.8, "с": 5.5, "в": 5.2,
    "р": 4.7, "л": 4.4, "к": 3.9, "у": 3.5, "д": 3.3, "м": 3.2, "п": 2.8, "я": 2.2, "з": 2.2,
    "ы": 1.9, "ь": 1.8, "г": 1.7, "б": 1.6, "ч": 1.4, "й": 1.2, "х": 1.2, "ц": 1.0, "ж": 0.9,
    "ї": 0.9, "ш": 0.8, "ю": 0.8, "є": 0.7, "щ": 0.6, "э": 0.3, "ф": 0.3, "ё": 0.05, "ъ": 0.05,
    "ґ": 0.02, "ў": 0.02,
}
_LETTER_COST = {c: max(0.0, math.log2(8.0 / f)) * 0.1 for c, f in _FREQ.items()}


def _readable_share(text: str) -> float:
    if not text:
        return 0.0
    return 1.0 - len(_ODD_RE.findall(text)) / len(text)


def oddness(text: str) -> tuple[float, float]:
    """How unlike real uk/ru/en writing a decoded text is: (hard, soft) per non-ASCII char.

    hard counts what real text almost never has: characters foreign to these languages (box
    drawing, Serbian letters, math signs), misplaced symbols (see `_symbol_penalty`), words
    mixing Cyrillic and Latin, case flips inside a word (koi8-r read as cp1251 swaps the
    cases), runs of accented Latin letters (Cyrillic read as cp1252: "Âòðàòè"). soft is a
    letter-frequency cost (a wrong Cyrillic table keeps letters letters but turns common ones
    into rare ones), plus a little for capitals inside words (running text is mostly lower case;
    a small weight, so that an all-caps headline is still read right)."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return 0.0, 0.0
    hard = float(len(_ODD_RE.findall(text)))
    hard += len(_MIXED_RE.findall(text))
    hard += len(_LOWER_UPPER_RE.findall(text))
    hard += len(_ACCENT_RUN_RE.findall(text))
    hard += _symbol_penalty(text)
    lower = text.lower()
    soft = sum(lower.count(c) * cost for c, cost in _LETTER_COST.items())
    soft += 0.03 * len(_INNER_UPPER_RE.findall(text))
    return hard / non_ascii, soft / non_ascii


def _symbol_penalty(text: str) -> int:
    """Symbols where real text does not put them; what cp1251 capitals look like through the
    Mac table (and back): a sign touching a letter ("российска€"), a symbol glued inside a word
    ("бо…ова"), a closing quote opening a word ("”краины"), an opening quote closing one, a dash
    glued to a lower-case word ("—ухопутные"), quotes piled up ("‚‘“"). Apostrophes between
    letters (м’ясо, Ukraine’s) are fine."""
    penalty = 0
    last = len(text) - 1
    for found in _SYMBOL_RE.finditer(text):
        i = found.start()
        sym = found.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i < last else " "
        letter_before, letter_after = before.isalpha(), after.isalpha()
        if letter_before and letter_after and sym not in "‘’":
            penalty += 1
        penalty += (
            (sym in _SIGNS and (letter_before or letter_after))
            or (sym in "”’" and before.isspace() and letter_after)
            or (sym in "“„«‘" and letter_before and (after.isspace() or after in ".,;:!?"))
            or (sym in "—–‒" and before.isspace() and after in _CYR_LOWER)
            or (sym in _QUOTES and after in _QUOTES and before not in _QUOTES)
        )
    return penalty


def _credible(sample: str, hard: float) -> bool:
    """Few odd characters among the non-ASCII ones, or few at all: a stray bad byte in a long
    English page is no reason to refuse it."""
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    return hard <= 0.25 or hard * non_ascii <= 0.005 * len(sample)


def _detect(data: bytes) -> tuple[str, str]:
    """Pick among the plausible single-byte encodings; DecodingError when none is credible.

    charset-normalizer proposes candidates (it also spots BOM-less UTF-16) and breaks the
    last ties; the ranking itself is `oddness`, which on uk/ru slices of 15-200 characters
    was right where charset-normalizer alone misread short koi8-r and mac-cyrillic texts."""
    from charset_normalizer import from_bytes  # imported lazily: only legacy encodings need it

    head = data[:_SCORE_LIMIT]
    cn_order = [m.encoding for m in from_bytes(head, cp_isolation=[*_ALL_CANDIDATES, "utf_16"])]
    ranked: list[tuple[float, int, int, str, bool]] = []
    scores: dict[str, tuple[float, float]] = {}
    for name in dict.fromkeys(cn_order + list(_ALL_CANDIDATES)):
        try:
            sample = head.decode(name) if "16" not in name else head[: len(head) // 2 * 2].decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if sample not in scores:  # koi8-r/koi8-u, cp1252/latin-1 often read alike
            scores[sample] = oddness(sample)
        hard, soft = scores[sample]
        pref = _ALL_CANDIDATES.index(name) if name in _ALL_CANDIDATES else len(_ALL_CANDIDATES)
        if name in LATIN_CANDIDATES and not _CYR_RE.search(sample):
            pref = -1  # no Cyrillic in any reading: call it cp1252, not cp1251
        cn_rank = cn_order.index(name) if name in cn_order else len(cn_order)
        # Rounding makes near-equal readings tie, and then the preference decides: cp1251 over
        # mac-cyrillic when both read as plausible Cyrillic (they share the lower-case letters).
        ranked.append((round(hard + soft, 2), pref, cn_rank, name, _credible(sample, hard)))
    ranked.sort()
    for _, _, _, name, credible in ranked:
        if not credible:
            break  # the best remaining reading is not text
        try:
            return data.decode(name), display_name(name)
        except UnicodeDecodeError:
            continue  # a byte undefined in this encoding after the scored head
    raise DecodingError("could not tell the encoding of the input (no reading looks like text)",
                        hint=ENCODING_HINT)
