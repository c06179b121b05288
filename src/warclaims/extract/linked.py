"""Figures whose label and number are linked by a verb or a pronoun, not by position:

    "Russian personnel losses … now top 1.25 million", "raised its count of aircraft destroyed … to 413",
    "Personnel losses rose by 1,380 to 292,060", "The General Staff corrected the figure for aircraft to 315",
    "кількість знищених безпілотників оперативно-тактичного рівня: їх уже 418 425".
"""
from __future__ import annotations

import re

from .categories import WEAK, category_of
from .fastre import lead
from .figure import QUAL_FAST, Figure, LabelIndex, day_delta, qualifier
from .numbers import Num

_DIGIT = re.compile(r"\d")
_NON_DIGIT = re.compile(r"\D")
# "Russian personnel losses … now top 1.25 million", "raised its count of aircraft destroyed … to 413",
# "Personnel losses rose by 1,380 to 292,060", "кількість знищених … РСЗВ перевищила півтори тисячі".
_LINK_END = frozenset((  # (a set: every number not placed otherwise is looked up here)
             "to", "at", "top", "tops", "topped", "exceeded", "exceeds", "passed", "surpassed", "reached", "reaches",
             "is", "are", "was", "were", "totals", "totaled", "totalled", "hit", "=", "становлять", "становить",
             "становили", "склали", "склала", "сягнули", "сягнула", "сягає", "перевищили", "перевищила", "перевищує",
             "перевищують", "досягли", "досягла", "до", "составили", "составила", "составляют", "составляет",
             "достигли", "достигла", "превысили", "превысила", "превышает", "превышают", "за",
             "превысило", "перевищило", "составило", "склало", "сягнуло", "достигло", "досягло",
             # loss verbs after a fronted label: "Танків противник втратив 10 313", "Засобів ППО знищено 1 511"
             "втратив", "втратила", "втратили", "знищено", "знищили", "потерял", "потеряла", "потеряли",
             "уничтожено", "уничтожили", "згоріло", "згоріли", "lost", "destroyed", "corrected", "revised"))
_OVER_VERBS = ("top", "exceed", "pass", "surpass", "перевищ", "превыс", "превыш", "перевал")
_LINK_VERB = lead(re.compile(
    r"(?:(?:now|already|have|has|had|вже|уже)\s+)*"
    r"(?:(?P<by>(?:rose|climbed|grew|increased|went up|зросл\w*|выросл\w*)\s+"
    r"(?:by|на)\s+(?P<dv>\d[\d,. ]*\d|\d)\s+(?:to|до))|top(?:s|ped)?|exceed(?:s|ed)?|pass(?:es|ed)?|surpass(?:es|ed)?"
    r"|reach(?:es|ed)?|hit|stands? at|stood at|is|are|was|were|amount(?:s|ed)? to|total(?:s|led|ed)?|came to"
    r"|(?:rose|climbed|grew|increased|risen) to|(?:raised|put|brought|bringing)\b(?:[^.;:!?\d]|\d(?=[\d,\s]))"
    r"{0,100}?\b(?:to|at)|to|at"  # (a date may stand between: "put … losses since February 24, 2022 at 696,410")
    r"|становл\w*|склал\w*|сягнул\w*|сягає|перевищ\w*|досягл\w*|(?:зросл\w*|выросл\w*) до|становить|составил\w*"
    r"|составля\w*|достигл\w*|превысил\w*|превыша\w*|перевалил\w* за"
    r"|втратив|втратил[аи]|знищено|знищили|потерял[аи]?|уничтожено|уничтожили|згорі\w*|lost|destroyed"
    r"|(?:corrected|revised)\b[^.;:!?\d]{0,60}?\bto)\s+(?:(?:вже|уже|already)\s+)?"
    rf"(?:(?:{QUAL_FAST})\s*)?$"
))
_CORRECTED = re.compile(r"(?:corrected|revised|скоригува\w*|уточни\w*|исправи\w*|скорректирова\w*)")
_UP_AFTER = re.compile(r",?\s*(?P<w>up|\+|adding)(?: by)?\s*(?P<dv>\d[\d,. ]*\d|\d)\s+"
                       r"(?:from|on|over|since|in) (?:the |a )?(?:previous|past|last|a|one|single) "
                       r"(?:day|24 hours|bulletin|update|report)")
_BARE_LOSSES = re.compile(r"(?<![\w'-])(?:(?:russian|russia's|enemy|the enemy's|its) (?:\w+ )?losses"
                          r"|втрати (?:ворога|противника|росії|рф|російськ\w* армії|окупантів)"
                          r"|потери (?:врага|противника|россии|рф|российск\w* армии|оккупантов))(?![\w'])")
_LOSS_NOUN_NEAR = re.compile(r"(?<![\w'-])(?:losses|loss|count|tally|toll|casualties|number of|total|lost|destroyed"
                             r"|corrected|revised|втратив|втратил\w*|знищено|знищили|потерял\w*|уничтожен\w*|згорі\w*|втрат\w*|потер\w*"
                             r"|кількість знищен\w*|количество уничтожен\w*|число знищен\w*|кількість збит\w*"
                             r"|количество сбит\w*)(?![\w'])")


# "кількість знищених безпілотників оперативно-тактичного рівня: їх уже 418 425": the label named before
MAYBE_ANAPHOR = re.compile(r"[иї]х ")
_ANAPHOR = re.compile(rf"(?<![\w'-])(?:їх|их)\s+(?:(?:вже|уже)\s+)?(?:(?:{QUAL_FAST})\s*)?$")


def anaphoric(text: str, lx: LabelIndex, nums: list[Num], i: int) -> list[Figure] | None:
    low = lx.low
    num = nums[i]
    ana = _ANAPHOR.search(low, max(0, num.start - 30), num.start)
    if not ana:
        return None
    lo = max(0, ana.start() - 200, *(low.rfind(ch, 0, ana.start()) + 1 for ch in ".;!?\n"))
    labels = [h for h in lx.finditer(lo, ana.start()) if not _DIGIT.search(low, h.end(), ana.start())]
    if not labels:
        return None
    lab = labels[-1]
    cat = category_of(lab)
    if cat in WEAK:
        return None
    qual, qual_text = qualifier(low, num.start)
    delta, delta_text, delta_rest, after = day_delta(low, text, num.end)
    fig = Figure(value=int(num.value), value_text=num.text, num_span=(num.start, num.end), category=cat,
                 label_span=(lab.start(), lab.end()), shape="anaphoric", qualifier=qual, qualifier_text=qual_text,
                 delta=delta, delta_text=delta_text, delta_rest=delta_rest)
    fig._tail = after if delta is not None else 0
    return [fig]


def linked(text: str, lx: LabelIndex, nums: list[Num], i: int, before: tuple[str, int]) -> list[Figure] | None:
    """`before`: the token before the number (figures._before_token)."""
    low = lx.low
    num = nums[i]
    # The word before the number (after any qualifier) must be a linking verb: "top", "to", "перевищили".
    raw = low[max(0, num.start - 30):num.start].rstrip(" \t\"'«").rsplit(None, 1)
    word = raw[-1] if raw else ""
    if not (word in _LINK_END or word.startswith(_OVER_VERBS)):
        word = before[0]
        if not (word in _LINK_END or word.startswith(_OVER_VERBS)):
            _q, qual_text = qualifier(low, num.start)  # "at approximately 696,410": the word before the qualifier
            qa = low.rfind(qual_text, max(0, num.start - 40), num.start) if qual_text else -1
            prior = low[max(0, qa - 20):qa].split() if qa > 0 else []
            if not prior or prior[-1] not in _LINK_END:
                return None
    verb = _LINK_VERB.search(low, max(0, num.start - 140), num.start)
    if not verb:
        return None
    lo = max(0, verb.start() - 130)
    stop = max(low.rfind(ch, lo, verb.start()) for ch in ".;!?\n")
    # The label stands before the verb, or inside "put Russian personnel losses at".
    labels = lx.finditer(max(lo, stop + 1), verb.end())
    if not labels:
        # "Russian losses since the full-scale invasion … had reached 1,000,340": unlabelled losses are personnel.
        bare = _BARE_LOSSES.search(low, max(lo, stop + 1), verb.start())
        if not bare or num.value < 1000:
            return None
        fig = Figure(value=int(num.value), value_text=num.text, num_span=(num.start, num.end), category="personnel",
                     label_span=bare.span(), shape="linked", qualifier=qualifier(low, num.start)[0],
                     qualifier_text=qualifier(low, num.start)[1])
        return [fig]
    lab = labels[-1]
    if verb.start() - lab.end() > 80 or not _LOSS_NOUN_NEAR.search(low, max(0, lab.start() - 90), verb.end()):
        return None
    qual, qual_text = qualifier(low, num.start)
    words = low[verb.start():verb.end()]
    if qual is None and any(v in words for v in _OVER_VERBS):
        qual, qual_text = "over", words.strip()
    fig = Figure(value=int(num.value), value_text=num.text, num_span=(num.start, num.end), category=category_of(lab),
                 label_span=(lab.start(), lab.end()), shape="linked", qualifier=qual, qualifier_text=qual_text)
    if _CORRECTED.match(low, verb.start()):  # "corrected the figure for aircraft to 315"
        fig.shape = "correction"
    if verb.group("by"):
        fig.delta = int(_NON_DIGIT.sub("", verb.group("dv")))
        fig.delta_text = text[verb.start("by"):verb.end("dv")]
        fig.delta_rest = "rose by"
    up = _UP_AFTER.match(low, num.end)
    if up and fig.delta is None:  # "at 991,820, up 1,020 from the previous day"
        fig.delta = int(_NON_DIGIT.sub("", up.group("dv")))
        fig.delta_text = text[up.start("w"):up.end()]
        fig._tail = up.end()
    if fig.delta is None:  # "превысило 375 тыс., за сутки — еще 1 951"
        delta, delta_text, delta_rest, after = day_delta(low, text, num.end)
        if delta is not None:
            fig.delta, fig.delta_text, fig.delta_rest, fig._tail = delta, delta_text, delta_rest, after
    return [fig]
