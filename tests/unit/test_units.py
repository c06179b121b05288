"""Example table for numbered military units (extract/units.py): their English names in en/uk/ru."""
from __future__ import annotations

import pytest

from warclaims.extract.units import find_units


@pytest.mark.parametrize(("text", "names"), [
    pytest.param("Бійці 93-ї окремої механізованої бригади «Холодний Яр»", ["93rd Separate Mechanized Brigade"],
                 id="uk-genitive"),
    pytest.param("36-та окрема бригада морської піхоти", ["36th Separate Marine Brigade"], id="uk-marine-after"),
    pytest.param("бійці 102-ї бригади територіальної оборони", ["102nd Territorial Defense Brigade"],
                 id="uk-territorial-defence"),
    pytest.param("Военнослужащие 95-й отдельной десантно-штурмовой бригады", ["95th Separate Air Assault Brigade"],
                 id="ru-air-assault-not-also-assault"),
    pytest.param("командування 3-го армійського корпусу", ["3rd Army Corps"], id="uk-corps"),
    pytest.param("The 47th Mechanized Brigade and the 8th Combined Arms Army",
                 ["47th Mechanized Brigade", "8th Combined Arms Army"], id="en-two"),
    pytest.param("the 111th brigade", ["111th Brigade"], id="en-eleven-is-th"),
    pytest.param("на 3 полки, 5 батальйонів", [], id="counts-are-no-units"),
    pytest.param("у 2024 році", [], id="a-year"),
])
def test_units(text: str, names: list[str]) -> None:
    assert [n for _a, _b, n in find_units(text)] == names
