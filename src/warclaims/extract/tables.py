"""Tables whose header row names the categories and whose rows hold the numbers (CSV, TSV, ";" or "|"):

    date,day,personnel,tanks,afv,artillery,mlrs,air_defence,...
    2023-07-15,507,237180,4102,8019,4463,680,425,...

Only a loss-series table is read: its header names personnel and at least four other standard
categories (a table of deliveries or of aid has no personnel column). Every whole number under a
category column is a figure whose label is the header cell; columns the header does not name as a
category ("date", "day") are left alone.
"""
from __future__ import annotations

import re

from ..vocab import CATEGORIES
from .categories import category_of
from .figure import Figure, LabelIndex
from .lexicon import LABELS
from .numbers import parse_number

_DELIMS = ("\t", ";", "|", ",")
# Column names of the public datasets and spreadsheets, besides the labels the lexicon knows.
ALIASES = {
    **{c: c for c in CATEGORIES},
    **{c.replace("_", " "): c for c in CATEGORIES},
    "vft": "vehicles_fuel_tanks", "spec": "special_equipment", "aa": "air_defence", "ad": "air_defence",
    "field artillery": "artillery", "anti-aircraft warfare": "air_defence", "military auto": "vehicles",
    "mrl": "mlrs", "afv": "armoured_vehicles", "apv": "armoured_vehicles", "apc": "armoured_vehicles",
    "srbm": "mobile_srbm_systems", "ugv": "ground_robotic_systems", "personnel (approx.)": "personnel",
}
_HEADER_LIKE = re.compile(r"^(?=(?:[^\n,]*,){4}|(?:[^\n;]*;){4}|(?:[^\n|]*\|){4}|(?:[^\n\t]*\t){4})", re.MULTILINE)
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")  # the "|---|---|" line under a markdown header


def _cells(low: str, start: int, end: int, delim: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of the line [start, end), stripped; a pipe table's outer bars dropped."""
    out = []
    pos = start
    while True:
        nxt = low.find(delim, pos, end)
        stop = end if nxt < 0 else nxt
        a, b = pos, stop
        while a < b and low[a] in " \"'`":
            a += 1
        while b > a and low[b - 1] in " \"'`\r":
            b -= 1
        out.append((a, b))
        if nxt < 0:
            break
        pos = nxt + 1
    if delim == "|":
        if out and out[0][0] == out[0][1]:
            out = out[1:]
        if out and out[-1][0] == out[-1][1]:
            out = out[:-1]
    return out


def _in_cell(low: str, a: int, b: int) -> bool:
    before = low[max(0, a - 12):a].rstrip(" \"'`")
    after = low[b:b + 20].lstrip(" \"'`")
    return (not before or before[-1] in "\n,;|\t") and (not after or after[0] in "\n,;|\t(")


def _column(lx: LabelIndex, a: int, b: int) -> tuple[str, tuple[int, int]] | None:
    """The category a header cell names, and the span of its label."""
    name = lx.low[a:b]
    if name in ALIASES:
        return ALIASES[name], (a, b)
    m = lx.at(a, b)
    if m and m.end() == b:
        cat = category_of(m)
        return cat, (a, b)
    return None


def header_tables(text: str, lx: LabelIndex, taken: set[int]) -> list[Figure]:
    low = lx.low
    # A loss-series header has a personnel column: a personnel label standing alone in a cell.
    if not any(_in_cell(low, h.start(), h.end()) for h in lx.hits.all(LABELS) if category_of(h) == "personnel"):
        return []
    heads = [m.start() for m in _HEADER_LIKE.finditer(low)]  # lines with four of one delimiter
    if not heads:
        return []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in low.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    starts = {s: k for k, (s, _e) in enumerate(lines)}
    out: list[Figure] = []
    for i in sorted(starts[h] for h in heads if h in starts):
        s, e = lines[i]
        delim = next((d for d in _DELIMS if low.count(d, s, e) >= 4), None)
        if delim is None:
            continue
        header = _cells(low, s, e, delim)
        if any(b - a > 40 for a, b in header):  # prose with commas, not a header of column names
            continue
        columns = {k: col for k, (a, b) in enumerate(header) if (col := _column(lx, a, b))}
        cats = {c for c, _span in columns.values()}
        if "personnel" not in cats or len(cats & set(CATEGORIES)) < 5:
            continue
        j = i + 1
        if j < len(lines) and _MD_RULE.match(low, lines[j][0], lines[j][1]):
            j += 1
        while j < len(lines):
            rs, re_ = lines[j]
            row = _cells(low, rs, re_, delim)
            if len(row) != len(header):
                break
            for k, (cat, label_span) in columns.items():
                a, b = row[k]
                value = parse_number(text[a:b]) if a < b else None
                if not isinstance(value, int) or value < 0 or a in taken:
                    continue
                fig = Figure(value=value, value_text=text[a:b], num_span=(a, b), category=cat,
                             label_span=label_span, shape="table")
                out.append(fig)
            j += 1
    return out


# A column of daily changes in a table whose rows are the categories: "| Категория | Всего | За сутки |".
_CHANGE_HEADER = re.compile(r"за (?:минулу |последние |прошедшие )?(?:добу|сутки)|per day|daily|(?:in|over) (?:the )?"
                            r"(?:past|last) (?:day|24 hours)|за день|change|зміна|изменение|\+/-|\+/−|\+|δ|delta")
_ROW_CELL = re.compile(r"[^\S\n]*\|[^\S\n]*\+?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)[^\S\n]*(?=\||$)", re.MULTILINE)


def row_delta(low: str, text: str, pos: int) -> tuple[int, str, int] | None:
    """The day's change in the next cell of a pipe-table row, when the table's header names that column as one:
    (value, its text, the cell's end). `pos` is where the row's running total ends."""
    m = _ROW_CELL.match(low, pos)
    if m is None:
        return None
    line_start = low.rfind("\n", 0, pos) + 1
    column = low.count("|", line_start, m.start(1))  # the bars before the cell: its column (with the outer bar)
    top = line_start
    while top > 0:  # the first line of the block of "|" lines is the header
        prev = low.rfind("\n", 0, top - 1) + 1
        if not low[prev:top].lstrip().startswith("|"):
            break
        top = prev
    header = low[top:low.find("\n", top) if low.find("\n", top) >= 0 else len(low)]
    cells = header.split("|")
    if top == line_start or column >= len(cells) or not _CHANGE_HEADER.search(cells[column].strip()):
        return None
    return int(re.sub(r"\D", "", m.group(1))), text[m.start(1):m.end(1)], m.end()
