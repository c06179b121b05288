"""extract/bounds.py is a table derived from the series: it must not drift from the vendored data."""
from __future__ import annotations

import itertools

from warclaims.extract.bounds import BOUNDS
from warclaims.reference.series import Series


def test_bounds_match_the_series():
    s = Series.load()
    petro = "petroivaniuk"
    for cat, (first, max_day, last) in BOUNDS.items():
        cells = s.window(cat, s.first_date, s.last_date)
        # Derived cells (vehicles and fuel tanks summed before 2022-05-01) are not bulletin figures.
        values = [c.sources[petro] for c in cells if c.sources.get(petro) is not None and not c.derived]
        assert values, cat
        assert values[0] == first, cat
        assert values[-1] == last, cat
        assert max(b - a for a, b in itertools.pairwise(values)) == max_day, cat
