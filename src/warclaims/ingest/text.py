"""Decoded text to analysable text: line endings, mojibake repair, sanity checks, the id.

Whatever comes out of here is `Document.text`, the string every span indexes into, so the
repairs are conservative: ftfy fixes encodings (UTF-8 read as cp1251/cp1252) and strips
terminal escapes, and leaves quotes, widths, ligatures and Unicode normalisation alone.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Any

from warclaims.errors import BinaryInput, EmptyInput

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")  # not \t \n \v \f \r, ESC
_CONTROL_SHARE = 0.02  # above this share of control characters a "text" is binary data
_FTFY_STEP_NAMES = {
    "remove_terminal_escapes": "terminal escapes removed (ftfy)",
    "fix_c1_controls": "C1 control characters fixed (ftfy)",
    "fix_surrogates": "surrogate pairs fixed (ftfy)",
    "restore_byte_a0": "mojibake fixed (ftfy)",
    "replace_lossy_sequences": "mojibake fixed (ftfy)",
    "decode_inconsistent_utf8": "mojibake fixed (ftfy)",
}


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, what: str = "the input") -> None:
    """EmptyInput for empty or blank text; BinaryInput for text that is mostly control codes."""
    if not text:
        raise EmptyInput(f"{what} is empty; nothing to extract", hint="pass a file with the article's text")
    if not text.strip():
        raise EmptyInput(f"{what} contains only whitespace; nothing to extract",
                         hint="pass a file with the article's text")
    sample = text[:65536]
    controls = len(_CONTROL_RE.findall(sample))
    if controls and controls / len(sample) > _CONTROL_SHARE:
        raise BinaryInput(
            f"{what} is mostly control characters ({controls} in {len(sample)}): it is not a text file",
            hint="convert it to plain text first, or pass --encoding if it is text in a rare encoding",
        )


@functools.cache
def _config() -> Any:
    from ftfy import TextFixerConfig  # lazily: only non-ASCII texts need ftfy

    return TextFixerConfig(
        unescape_html=False,  # "&amp;" in a plain text is the text
        remove_terminal_escapes=True,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,  # done by normalise_newlines; U+2028 etc. stay as written
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


# Characters common in en/uk/ru news: a BADNESS_RE alternative that needs one character outside them is
# screened by that character alone (see _mojibake_screen).
_USUAL = frozenset(map(chr, range(0x20, 0x7F))) | frozenset("\t\n\r\x0b\x0c«»“”„‘’•–—…\xa0´·ЁёІіЇїЄє€°№") | frozenset(
    map(chr, range(0x410, 0x450)))


def _class_chars(op: Any, av: Any) -> set[str] | None:
    """The characters one item of a parsed pattern matches, when it is a literal or a plain class."""
    import re._constants as c

    if op is c.LITERAL:
        return {chr(av)}
    if op is not c.IN:
        return None
    out: set[str] = set()
    for o, a in av:
        if o is c.LITERAL:
            out.add(chr(a))
        elif o is c.RANGE:
            out.update(map(chr, range(a[0], a[1] + 1)))
        else:
            return None  # a negated class or a category: not a closed set
    return out


@functools.cache
def _mojibake_screen() -> re.Pattern[str] | None:
    """A pattern that finds something in every text ftfy would change under _config(): a character one of
    ftfy's badness alternatives needs (or the alternative itself where it needs only common characters),
    C1 controls, surrogates, ESC. Texts it finds nothing in skip ftfy (most uk/ru news); the rest go through
    ftfy as before. Derived from ftfy's own pattern; None (always run ftfy) if that is not as expected."""
    try:
        import re._parser as parser

        from ftfy.badness import BADNESS_RE

        from ..extract.lexscan import split_alternatives

        tree = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        (op, av), = tree.data
        branches = av[1]
        sources = split_alternatives(BADNESS_RE.pattern)
        joined = parser.parse("|".join(sources), BADNESS_RE.flags)
        if str(op) != "BRANCH" or len(sources) != len(branches) or repr(joined.data) != repr(tree.data):
            return None
        rare: set[str] = set()
        whole: list[str] = []
        for branch, src in zip(branches, sources, strict=True):
            needed = [cs for cs in (_class_chars(o, a) for o, a in branch.data) if cs and not cs & _USUAL]
            if needed:
                rare |= min(needed, key=len)
            else:
                whole.append(src)
        chars = "".join(re.escape(ch) for ch in sorted(rare))
        return re.compile("|".join([rf"[{chars}\x1b\x80-\x9f\ud800-\udfff]", *whole]), BADNESS_RE.flags)
    except Exception:  # another ftfy version: no screen, ftfy runs on every text
        return None


# Telegram's keycap digits: "7️⃣2️⃣4️⃣0️⃣5️⃣0️⃣" is 724050 (digit, VS16, COMBINING ENCLOSING KEYCAP).
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")


def repair_text(text: str) -> tuple[str, list[str]]:
    """Fix mojibake ("РўР°РЅРєРё" -> "Танки") and keycap digits; return the text and what was repaired."""
    if text.isascii() and "\x1b" not in text:
        return text, []  # nothing ftfy could change: skip its cost on English texts
    import ftfy

    repairs: list[str] = []
    if "\u20e3" in text:
        text = _KEYCAP.sub(r"\1", text)
        repairs.append("keycap digits read as digits")
    screen = _mojibake_screen()
    if screen is not None and not screen.search(text):
        return text, repairs  # nothing ftfy would change (its badness test cannot match)
    fixed, steps = ftfy.fix_and_explain(text, _config())
    if fixed == text:
        return text, repairs
    for kind, name in steps or ():
        if kind in ("encode", "decode", "transcode"):
            label = "mojibake fixed (ftfy)"
        else:
            label = _FTFY_STEP_NAMES.get(name, f"{name} (ftfy)")
        if label not in repairs:
            repairs.append(label)
    return fixed, repairs or ["text repaired (ftfy)"]


def document_id(text: str) -> str:
    """sha256 (hex) of the text in NFC with whitespace runs collapsed to one space, stripped."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
