"""A window of DocScan must give exactly what Gazetteer.scan gives on that window's text, asked once or twice."""
from __future__ import annotations

import pytest

from warclaims.extract.gazscan import DocScan
from warclaims.reference.equipment import Gazetteer


@pytest.mark.parametrize("text", [
    pytest.param("Град побив дах. Росіяни випустили «Град» по селу; град і Град-1", id="cased-alias"),
    pytest.param("ЗРК Тор-М2 знищено.Тор-М2 теж,TOR-M2 and a SAM. Sam said T-72B3s burned", id="tight-edges"),
    pytest.param("", id="empty"),
])
def test_window_equals_scan_of_the_window(text: str) -> None:
    gaz, ds = Gazetteer.get(), DocScan(text)
    n = len(text)
    for _twice in range(2):
        for a in range(n + 1):
            for b in range(a, n + 2):
                assert ds.window(a, b) == gaz.scan(text[a:b]), (a, b, text[a:b])
