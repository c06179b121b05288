"""`warclaims places`: the CLI face of find_places (text, file, JSONL, a missing file)."""
from __future__ import annotations

import json

from warclaims.cli import main


def test_places_of_a_text_as_a_table(capsys):
    assert main(["places", "Бої під Бахмутом і на Покровському напрямку"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "Bakhmut (settlement; Donetsk Oblast, UA)" in out[0]
    assert "Pokrovsk direction (direction" in out[1]


def test_places_of_a_file_as_jsonl(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("Russian forces shelled Kharkiv and the Donetsk region.", encoding="utf-8")
    assert main(["places", str(f), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["name"], r["precision"]) for r in rows] == [("Kharkiv", "settlement"), ("Donetsk Oblast", "region")]
    assert rows[0]["span"] == [23, 30] and rows[0]["lat"] > 49


def test_a_missing_file_is_an_error_not_a_text(capsys):
    assert main(["places", "no-such-article.txt"]) != 0
    err = capsys.readouterr().err
    assert err.startswith("error:") and "hint:" in err
