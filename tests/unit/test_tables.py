"""Header-row tables: CSV, TSV, ";" and pipe tables of the loss series (tables.py)."""
from __future__ import annotations

import pytest

from warclaims.extract.tallies import extract_tallies


def cumulative(text: str, published: str | None = "2023-07-15") -> dict[str, tuple[int, str | None]]:
    tallies, _ = extract_tallies(text, published)
    return {t.category: (t.value, t.as_of) for t in tallies if t.losing_side == "RUS" and t.scope == "cumulative"}


CSV = ("We copy the General Staff's figures of Russian losses into a spreadsheet every morning.\n\n"
       "date,day,personnel,tanks,afv,artillery,mlrs,air_defence,vft,spec\n"
       "2023-07-15,507,237180,4102,8019,4463,680,425,7036,664\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(CSV, {"personnel": (237180, "2023-07-15"), "tanks": (4102, "2023-07-15"),
                       "armoured_vehicles": (8019, "2023-07-15"), "artillery": (4463, "2023-07-15"),
                       "mlrs": (680, "2023-07-15"), "air_defence": (425, "2023-07-15"),
                       "vehicles_fuel_tanks": (7036, "2023-07-15"), "special_equipment": (664, "2023-07-15")},
                 id="csv-header-and-row-dated-by-its-first-cell"),
    pytest.param("Russian losses, General Staff data:\n\n| Date | Personnel | Tanks | APV | Artillery | MLRS |\n"
                 "|---|---|---|---|---|---|\n| 15.07.2023 | 237180 | 4102 | 8019 | 4463 | 680 |\n",
                 {"personnel": (237180, "2023-07-15"), "tanks": (4102, "2023-07-15"),
                  "armoured_vehicles": (8019, "2023-07-15"), "artillery": (4463, "2023-07-15"),
                  "mlrs": (680, "2023-07-15")}, id="markdown-pipe-table"),
    pytest.param("Втрати ворога за даними Генштабу ЗСУ:\nособовий склад\tтанки\tББМ\tартсистеми\tРСЗВ\n"
                 "237180\t4102\t8019\t4463\t680\n",
                 {"personnel": (237180, None), "tanks": (4102, None), "armoured_vehicles": (8019, None),
                  "artillery": (4463, None), "mlrs": (680, None)}, id="tsv-ukrainian-header"),
])
def test_header_tables(text: str, expected: dict) -> None:
    assert cumulative(text) == expected


def test_a_table_without_a_personnel_column_is_not_a_loss_table() -> None:
    """Deliveries of Western aid come in tables too."""
    text = ("Pledged to Ukraine so far:\ncountry,tanks,afv,artillery,mlrs,air_defence\n"
            "Germany,18,40,24,5,3\nPoland,250,30,50,2,1\n")
    assert cumulative(text) == {}


def test_tab_rows_with_daily_change() -> None:
    text = ("Данные Генерального штаба ВСУ на 20.12.2023\nПоказатель\tВсего\tЗа сутки\n"
            "Личный состав\t~349 190\t+890\nТанки\t5 814\t+16\nББМ\t10 794\t+23\nСредства ПВО\t611\t\n")
    tallies, _ = extract_tallies(text, "2023-12-20")
    got = {t.category: (t.value, t.delta, t.as_of) for t in tallies}
    assert got == {"personnel": (349190, 890, "2023-12-20"), "tanks": (5814, 16, "2023-12-20"),
                   "armoured_vehicles": (10794, 23, "2023-12-20"), "air_defence": (611, None, "2023-12-20")}
