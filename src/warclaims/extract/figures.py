"""Find candidate loss figures: a number tied to a category label, in every shape the texts use.

Shapes (official_data.md §5 and the news):
  label-first   "танків ‒ 1637 (+35) од", "personnel ‒ about 29450 (+100) persons", "• РСЗВ — 1204;"
  number-first  "3610 tanks", "172900 Russian personnel", "15 одиниць автомобільної техніки",
                "2671 (+12) артилерійських систем" (infographic)
  pairs         "416/149 artillery/MLRS", "aircraft/helicopters ‒ 184/154"
Each candidate keeps its raw text; whether it is a loss tally, whose and of what scope is decided
by attribution.py and scope.py.
"""
from __future__ import annotations

import re

from .categories import WEAK, category_of
from .fastre import lead
from .figure import QUAL_ALT, QUAL_FAST, Figure, LabelIndex, day_delta, delta_after, qualifier
from .lexicon import LABELS
from .lexscan import Hits
from .linked import MAYBE_ANAPHOR, anaphoric, linked
from .numbers import Num, find_numbers
from .tables import header_tables, row_delta

# Between a bulletin label and its number: "(БпЛА)", a dash or colon, maybe a qualifier/adverb.
# (Its matches start with a space, "(" or a separator: lead() lets a search skip the other positions at once.)
_SEP_BEFORE = lead(re.compile(
    rf"(?:\s*\([^()\n]{{0,40}}\))?\s*(?P<sep>[-:=|(]|\.{{2,}}|…+|\s)\s*(?:(?:вже|уже|already)\s+)?"
    rf"(?:(?:{QUAL_FAST})\s*)?[\"']?$"
), r"\s(\-:=|.…")
_UNIT_AFTER = re.compile(
    r"\s*(?:од\.?|ед\.?|шт\.?|units?|одиниц\w*|единиц\w*|persons|осіб|чол\.?|человек)(?![\w])"
)
# What may stand between a number and its label: units, possessives, sides, "more".
_MODS = re.compile(  # never across a line break: "… 22, 2026\npersonnel ‒ …" is not "2026 personnel"
    r"[\"']?[^\S\n]*(?:(?:units?|pieces?|items?)[^\S\n]+(?:of[^\S\n]+)?|(?:одиниц\w*|единиц\w*|од\.|ед\.|шт\.)[^\S\n]+)?"
    r"(?:(?:russian|russia's|enemy|ukrainian|ukraine's|of|its|their|own|more|further|additional|the"
    r"|российск\w*|російськ\w*|украинск\w*|українськ\w*|ворож\w*|вражеск\w*|противник\w*|своих|своїх"
    r"|рф|ще|еще|более|ліквідовано|ликвидировано|liquidated|боев\w*|бойов\w*|combat|fighter"
    r"|знищених|уничтоженных|destroyed"
    r"|(?:ліквідован\w*|вбит\w*|убит\w*|killed) (?:(?:і|й|и|та|and|or|або|или) )?(?:поранен\w*|ранен\w*|wounded))"
    r"[^\S\n]+){0,3}"
)
_POW_AFTER = re.compile(r"\s+(?:had |have |has |were |was )?(?:been )?(?:taken prisoner|captured)"
                        r"|\s+(?:попал\w*|взят\w*|сдал\w*)(?: в плен)"
                        r"|\s+(?:потрапил\w*|взят\w*|здал\w*)(?: у| в) полон")
_POW_BEFORE = re.compile(r"(?:в|у) (?:полон|плен)\s+(?:\w+\s+){0,3}(?:(?:близько|около|about|понад|более)\s+)?$"
                         r"|(?:taken|took) prisoner\s+(?:\w+\s+)?$|(?:captured)\s+(?:about |some |more than )?$")
_CIVILIAN_AFTER = re.compile(r"\s+(?:гражданск\w*|мирн\w*|цивільн\w*|civilians?|children|дітей|детей)(?![\w'])")
_PAIR = re.compile(r"[^\S\n]*/[^\S\n]*")
_NON_DIGIT = re.compile(r"\D")
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)\S")
_SLASH_END = re.compile(r"\s*/\s*$")
_SLASH = re.compile(r"/\s*")


def _label_ending_at(lx: LabelIndex, end: int, lo: int) -> re.Match[str] | None:
    """The longest label that ends exactly at `end` (leftmost start wins; labels are at most ~8 words)."""
    # Only a label found running to `end` or past it can end there (a bounded match is then tried).
    if lx.hits.max_end(LABELS, max(lo, end - 90), end) < end:
        return None
    low = lx.low
    starts = []
    i = end
    while len(starts) < 8:
        j = low.rfind(" ", max(lo, end - 90), i - 1)
        starts.append(j + 1 if j >= 0 else max(lo, end - 90))
        if j < 0:
            break
        i = j
    for ws in reversed(starts):
        while ws < end and not low[ws].isalnum():
            ws += 1
        m = lx.at(ws, end)
        if m and m.end() == end:
            return m
    return None


def _sep_before(low: str, pos: int) -> re.Match[str] | None:
    """_SEP_BEFORE.search(low, pos - 60, pos), read in a 30-character window first: what it finds there is
    the leftmost match unless it starts at the window's edge or just after a ")" ("(оперативно-тактичного
    рівня) — 123"), and then the whole window decides. (Without a bracket, what lies between a label and
    its number is under 30 characters; a longer run of spaces or dots matches at the edge.)"""
    edge = max(0, pos - 30)
    near = _SEP_BEFORE.search(low, edge, pos)
    if near and edge > 0 and (near.start() == edge or low[near.start() - 1] == ")"):
        return _SEP_BEFORE.search(low, max(0, pos - 60), pos)
    return near


def find_figures(text: str, low: str, nums: list[Num] | None = None, hits: Hits | None = None) -> list[Figure]:
    """Every number that has a category label attached, in text order."""
    if nums is None:
        nums = find_numbers(text)
    lx = LabelIndex(low, hits)
    figs: list[Figure] = []
    used: set[int] = set()
    tail_end, tail_delta = -1, None  # the last figure's "(+4) од." tail: its number is that figure's delta
    for i, num in enumerate(nums):
        if num.start in used or not isinstance(num.value, int) or num.value < 0:
            continue
        if num.kind == "date" or (num.start < tail_end and num.value == tail_delta):
            continue
        fig = _number_first(text, lx, nums, i, used)
        if not fig:
            before = _before_token(low, num.start)
            fig = _label_first(text, lx, nums, i, used, before) or linked(text, lx, nums, i, before)
            if not fig and MAYBE_ANAPHOR.search(low, max(0, num.start - 30), num.start):
                fig = anaphoric(text, lx, nums, i)
        if fig:
            figs.extend(fig)
            tail_end, tail_delta = max(fig[-1]._tail, fig[-1].num_span[1]), fig[-1].delta
    taken = {f.num_span[0] for f in figs}
    figs.extend(_slash_pairs(text, lx, taken))
    figs.extend(header_tables(text, lx, taken))
    figs.sort(key=lambda f: f.num_span[0])
    return [f.finish() for f in figs]


# "416/149 artillery/MLRS": find_numbers leaves slash-joined digits alone (they are often dates).
_SLASH_PAIR = re.compile(r"(?<![\d/.,])(\d{1,3}(?:[ \u00a0,]\d{3})+|\d+)[^\S\n]*/[^\S\n]*"
                         r"(\d{1,3}(?:[ \u00a0,]\d{3})+|\d+)(?![\d/]|\.\d)")  # "349/111." ends a sentence


# Every _SLASH_PAIR match holds this; it starts with a character class, which `re` scans for in C (_SLASH_PAIR
# starts with a lookbehind, tried at every position).
_DIGIT_SLASH_DIGIT = re.compile(r"\d[^\S\n]*/[^\S\n]*\d")


def _slash_pairs(text: str, lx: LabelIndex, taken: set[int]) -> list[Figure]:
    if "/" not in text or not _DIGIT_SLASH_DIGIT.search(text):
        return []
    out: list[Figure] = []
    for m in _SLASH_PAIR.finditer(text):
        if m.start(1) in taken:
            continue
        a = Num(m.start(1), m.end(1), int(_NON_DIGIT.sub("", m.group(1))), m.group(1), "digits")
        b = Num(m.start(2), m.end(2), int(_NON_DIGIT.sub("", m.group(2))), m.group(2), "digits")
        pair = _number_first(text, lx, [a, b], 0, set()) or _label_first(text, lx, [a, b], 0, set())
        if pair and len(pair) == 2:
            out.extend(pair)
    return out


def _number_first(text: str, lx: LabelIndex, nums: list[Num], i: int, used: set[int]) -> list[Figure] | None:
    low = lx.low
    num = nums[i]
    pos = num.end
    pair = None
    pm = _PAIR.match(low, pos)
    if pm and i + 1 < len(nums) and nums[i + 1].start == pm.end() and isinstance(nums[i + 1].value, int):
        pair = nums[i + 1]
        pos = pair.end
    delta, delta_text, delta_rest, pos = delta_after(low, text, pos)
    mods = _MODS.match(low, pos)
    if not lx.any_starting(pos, (mods.end() if mods else pos) + 1):
        return None
    # The modifiers may have swallowed the start of the label ("військових"): back off word by word.
    ends = [mods.end()] if mods else [pos]
    if mods and mods.end() > pos:
        ends += [pos + w.start() for w in _WORD_AFTER_SPACE.finditer(low[pos:mods.end()])][::-1]
    lab = None
    for lab_pos in ends:
        lab = lx.at(lab_pos)
        if lab:
            break
    if not lab:
        return None
    qual, qual_text = qualifier(low, num.start)
    cat = category_of(lab)
    if cat == "personnel" and _CIVILIAN_AFTER.match(low, lab.end()):
        return None  # "12 654 погибших гражданских", "300 killed civilians"
    if cat == "personnel" and (_POW_AFTER.match(low, lab.end())  # "421 Russian servicemen had been taken prisoner"
                               or _POW_BEFORE.search(low, max(0, num.start - 40), num.start)):  # "в полон узято 200"
        cat = "pow"
    tail = 0
    if delta is None:  # "93,080 personnel (+340 in the past day)", "11 172 танка (+3 за сутки)"
        delta, delta_text, delta_rest, after = delta_after(low, text, lab.end())
        if delta is None:
            delta, delta_text, delta_rest, after = day_delta(low, text, lab.end())
        tail = after if delta is not None else 0
    first = Figure(
        value=int(num.value), value_text=num.text, num_span=(num.start, num.end), category=cat,
        label_span=(lab.start(), lab.end()), shape="number_first", qualifier=qual, qualifier_text=qual_text,
        delta=delta, delta_text=delta_text, delta_rest=delta_rest, mods=low[pos:lab_pos].strip(),
    )
    first._tail = tail
    if pair is None:
        return [first]
    lab2 = None
    slash = low.find("/", lab.start(), lab.end())
    if slash > 0:  # "vehicles / fuel tanks" read as one label: split it at the slash
        lab = lx.at(lab.start(), len(low[:slash].rstrip()))
        first.category, first.label_span = (category_of(lab), (lab.start(), lab.end())) if lab else (
            first.category, first.label_span)
        pm2 = _PAIR.match(low, slash) if lab else None
    else:
        pm2 = _PAIR.match(low, lab.end())
    if pm2:
        lab2 = lx.at(pm2.end())
    if not lab2:
        return [first]
    used.add(pair.start)
    first.shape = "pair"
    second = Figure(
        value=int(pair.value), value_text=pair.text, num_span=(pair.start, pair.end), category=category_of(lab2),
        label_span=(lab2.start(), lab2.end()), shape="pair", qualifier=qual, qualifier_text=qual_text,
    )
    return [first, second]


# Words that may stand between a bulletin label's dash and its number ("‒ близько 36900", "- about").
_BETWEEN_WORDS = frozenset(
    w for alt in QUAL_ALT.split("|") for w in alt.replace("\\", "").split() if w.isalpha()
) | {"вже", "уже", "already", "the", "a", "їх", "их", "них", "them", "still", "ще", "еще"}


def _before_token(low: str, start: int) -> tuple[str, int]:
    """The last non-space character before `start`, skipping quotes and qualifier words; and its index.
    A cheap screen run on every number before the label-first and linked-verb regexes."""
    i = start - 1
    for _ in range(4):
        while i >= 0 and low[i] in " \t\"'«»":
            i -= 1
        if i < 0:
            return "", -1
        if not low[i].isalpha():
            return low[i], i
        j = i
        while j >= 0 and (low[j].isalpha() or low[j] == "'"):
            j -= 1
        if low[j + 1:i + 1] not in _BETWEEN_WORDS:
            return low[j + 1:i + 1], j + 1
        i = j
    return "", -1


_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)\s*[-:=|]?\s*$")
_SEP_CHARS = re.compile(r"[-:.…|=(\t]")
_LIST_BEFORE = re.compile(r"(?:[.:;,•·]|\d|^)\s*(?:(?:а|і|й|та|и|and)\s+)?$")


_AND_BEFORE = re.compile(r"\s+(?:and|і|й|та|и|а)\s+$")


def _spaced_ok(lx: LabelIndex, label_start: int) -> bool:
    """A label and its number with only spaces between stand in a list: "…as of November 17: tanks 5,415;
    armored fighting vehicles 10,132", "Танки 732. ББМ 1946.", "…, а спецтехніки 3 987"."""
    low = lx.low
    line_start = low.rfind("\n", 0, label_start) + 1
    if _LIST_BEFORE.search(low, max(line_start, label_start - 12), label_start):
        return True
    # a line that starts with the label, after a bullet, an emoji or a post number: "3/5 🛡️ tanks 9 584 +8"
    if not any(ch.isalpha() for ch in low[line_start:label_start]):
        return True
    # "323 of aircrafts and helicopters 324": "and" after another figure's label
    conj = _AND_BEFORE.search(low, max(line_start, label_start - 8), label_start)
    return bool(conj) and any(h.end() == conj.start() for h in lx.hits.starting_in(LABELS, conj.start() - 90,
                                                                                    conj.start()))


def _pair_start(lx: LabelIndex, lab: re.Match[str]) -> int:
    """Where a "label / label" pair begins ("Артилерійські системи / РСЗВ 349/111"), else the label's start."""
    slash = _SLASH_END.search(lx.low[max(0, lab.start() - 5):lab.start()])
    if slash:
        line_start = lx.low.rfind("\n", 0, lab.start()) + 1
        first = _label_ending_at(lx, lab.start() - len(slash.group()), line_start)
        if first:
            return first.start()
    return lab.start()


def _label_first(text: str, lx: LabelIndex, nums: list[Num], i: int, used: set[int],
                 before: tuple[str, int] | None = None) -> list[Figure] | None:
    low = lx.low
    num = nums[i]
    tok, _at = before or _before_token(low, num.start)
    if not tok or not (tok[-1].isalpha() or tok[-1] in "-:=.…~≈|()"):
        return None
    if tok[-1] == "(" and not low.startswith(")", num.end):  # "літаків (438)", not "(438 of them)"
        return None
    # The label ends at most 60 (+ 60 in brackets) before the number, and is at most 90 long.
    if lx.hits.max_end(LABELS, max(0, num.start - 220), num.start) < max(0, num.start - 125):
        return None
    sep = _sep_before(low, num.start)
    if not sep:
        return None
    label_end = sep.start()
    line_start = low.rfind("\n", 0, label_end) + 1
    lab = _label_ending_at(lx, label_end, line_start)
    if not lab:  # "бронємашин (ББМ) — 23 521": the label in brackets
        inner = _BRACKETED.search(low, max(line_start, label_end - 60), sep.end())
        lab = _label_ending_at(lx, inner.end(1), inner.start(1)) if inner else None
        if not lab:
            return None
    gap = low[label_end:num.start]
    if sep.group("sep").isspace() and not _SEP_CHARS.search(gap) and not _spaced_ok(lx, _pair_start(lx, lab)):
        return None
    cat = category_of(lab)
    if cat in WEAK and cat not in ("personnel", "vehicles*"):
        return None
    qual, qual_text = qualifier(low, num.start)
    pos = num.end
    pair = None
    pm = _PAIR.match(low, pos)
    if pm and i + 1 < len(nums) and nums[i + 1].start == pm.end():
        pair = nums[i + 1]
        pos = pair.end
    delta, delta_text, delta_rest, pos = delta_after(low, text, pos)
    unit = _UNIT_AFTER.match(low, pos)
    tail = unit.end() if unit else pos
    if sep.group("sep") == "(" and low.startswith(")", tail):  # "літаків (438)"
        tail += 1
    if delta is None:
        delta, delta_text, delta_rest, after = day_delta(low, text, tail)
        tail = after if delta is not None else tail
    if delta is None and "|" in low[tail:tail + 3]:
        cell = row_delta(low, text, tail)  # "| Танки | 11 270 | 2 |" under "| Категория | Всего | За сутки |"
        if cell:
            delta, delta_text, tail = cell
    fig = Figure(
        value=int(num.value), value_text=num.text, num_span=(num.start, num.end), category=cat,
        label_span=(lab.start(), lab.end()), shape="label_first", qualifier=qual, qualifier_text=qual_text,
        delta=delta, delta_text=delta_text, delta_rest=delta_rest,
    )
    fig._tail = tail
    if pair is None:
        return [fig]
    if not isinstance(pair.value, int):
        return [fig]
    # "artillery/MLRS ‒ 416/149": the label before the slash belongs to the first number.
    slash = _SLASH_END.search(low[max(0, lab.start() - 5):lab.start()])
    inside = low.find("/", lab.start(), lab.end())
    if slash:
        first_lab = _label_ending_at(lx, lab.start() - len(slash.group()), line_start)
    elif inside > 0:  # "Автомобільна техніка / цистерни з ПММ 1406/76" read as one label: split it at the slash
        first_lab = lx.at(lab.start(), len(low[:inside].rstrip()))
        after = _SLASH.match(low, inside)
        second_lab = lx.at(after.end()) if first_lab and after else None
        if not second_lab or second_lab.end() != lab.end():
            return [fig]
        lab, cat = second_lab, category_of(second_lab)
    else:
        return [fig]
    if not first_lab:
        return [fig]
    used.add(pair.start)
    fig.category = category_of(first_lab)
    fig.label_span = (first_lab.start(), first_lab.end())
    fig.shape = "pair"
    second = Figure(
        value=int(pair.value), value_text=pair.text, num_span=(pair.start, pair.end), category=cat,
        label_span=(lab.start(), lab.end()), shape="pair", qualifier=qual, qualifier_text=qual_text,
    )
    return [fig, second]
