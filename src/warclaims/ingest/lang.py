"""Language of a document from script statistics: en / uk / ru / other.

Fast on purpose (it runs on every document): letters are counted on the UTF-8 bytes with
bytes.count/translate, which run in C. Cyrillic letters U+0400-04FF all start with lead byte
0xD0-0xD3; other scripts show up as other lead bytes.
"""
from __future__ import annotations

_HEAD = 5000  # characters looked at: the language of a news text is settled by its head

_ASCII_LETTERS = frozenset(range(0x41, 0x5B)) | frozenset(range(0x61, 0x7B))
_DELETE_NON_ASCII_LETTERS = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_DELETE_NON_LEAD = bytes(range(0xC0))  # keep only UTF-8 lead bytes: one per non-ASCII char
_LATIN_LEAD = (b"\xc3", b"\xc4", b"\xc5")  # U+00C0-017F accented Latin
_CYR_LEAD = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
_PUNCT_LEAD = (b"\xc2", b"\xe2")  # NBSP, «», and U+2000-2FFF (dashes, quotes, №, €)

# Letters only one of the two languages has (both cases).
_UK_LETTERS = ("і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ")
_RU_LETTERS = ("ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё")
# Frequent function words only one of them uses (" и " is Russian: Ukrainian writes і/й).
_UK_WORDS = (" що ", " та ", " від ", " це ", " які ", " який ", " також ", " було ", " його ", " і ")
_RU_WORDS = (" что ", " это ", " от ", " как ", " которые ", " который ", " также ", " было ", " его ", " и ")
_OTHER_CYR = ("ў", "ј", "љ", "њ", "ћ", "ђ", "џ", "ѓ", "ќ", "ѕ")  # Belarusian, Serbian, Macedonian
_EN_WORDS = (" the ", " of ", " and ", " to ", " in ", " is ", " was ", " that ", " for ", " with ", " said ")
_NON_EN_LATIN_WORDS = (  # de, fr, es, it, pl, pt: a non-English Latin-script text
    " der ", " die ", " und ", " das ", " nicht ", " ist ", " les ", " et ", " des ", " est ", " une ",
    " dans ", " el ", " los ", " las ", " y ", " que ", " del ", " por ", " il ", " di ", " che ",
    " della ", " per ", " się ", " nie ", " jest ", " że ", " não ", " em ", " uma ",
)


def detect_language(text: str) -> str:
    """'en', 'uk', 'ru' or 'other' from the first ~5000 characters.

    The majority script decides Cyrillic vs Latin; uk vs ru by the letters and function words
    only one of them has. A Cyrillic text with no distinctive mark is called 'ru': a Russian
    text lacks ы/э/ё/ъ more often than a Ukrainian one lacks і (5.8% of its letters)."""
    head = text[:_HEAD]
    raw = head.encode("utf-8", "replace")
    latin = len(raw.translate(None, _DELETE_NON_ASCII_LETTERS))
    leads = raw.translate(None, _DELETE_NON_LEAD)
    cyr = sum(leads.count(b) for b in _CYR_LEAD)
    latin += sum(leads.count(b) for b in _LATIN_LEAD)
    other = len(leads) - cyr - sum(leads.count(b) for b in _LATIN_LEAD) - sum(
        leads.count(b) for b in _PUNCT_LEAD
    )
    if cyr + latin < 2 or other > cyr + latin:
        return "other"  # no letters, or another script (Arabic, CJK, Greek ...) dominates
    lower = " " + head.lower().replace("\n", " ") + " "
    if cyr >= latin:
        if sum(lower.count(c) for c in _OTHER_CYR) >= 2:
            return "other"
        if lower.count("ъ") >= 3 and not (lower.count("ы") or lower.count("э")):
            return "other"  # Bulgarian: ъ is a frequent vowel there, ы/э do not exist
        uk = 2 * sum(head.count(c) for c in _UK_LETTERS) + 3 * sum(lower.count(w) for w in _UK_WORDS)
        ru = 2 * sum(head.count(c) for c in _RU_LETTERS) + 3 * sum(lower.count(w) for w in _RU_WORDS)
        return "uk" if uk > ru else "ru"
    en = sum(lower.count(w) for w in _EN_WORDS)
    non_en = sum(lower.count(w) for w in _NON_EN_LATIN_WORDS)
    if non_en >= 3 and non_en > 1.5 * en:
        return "other"
    return "en"
