"""The ledger's CLI verbs: help with examples, ingest (exit codes, --json), search, claims, show, export, stats."""
from __future__ import annotations

import json

import pytest

from warclaims.cli import main


@pytest.mark.parametrize("verb", ["ingest", "search", "claims", "show", "export", "stats"])
def test_every_verb_has_help_with_examples(verb, capsys):
    with pytest.raises(SystemExit) as info:
        main([verb, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"warclaims {verb}" in out


def test_the_cli_end_to_end(corpus, tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(corpus), "--db", db, "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["counts"]["new"] == 12 and "ingested 12 documents" in captured.err
    assert main(["ingest", str(corpus), "--db", db, "--silent"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["search", "Генштаб*", "--db", db]) == 0
    assert "claims" in capsys.readouterr().out
    assert main(["claims", "--category", "tanks", "--since", "2022-01-01", "--db", db, "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["category"] == "tanks" for r in rows)
    assert main(["show", rows[0]["document_id"][:10], "--db", db]) == 0
    assert "tally" in capsys.readouterr().out
    assert main(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 12 and stats["runs"] == 2
    assert main(["export", str(tmp_path / "c.csv"), "--excel", "--db", db]) == 0
    assert (tmp_path / "c.csv.manifest.json").exists()


@pytest.mark.parametrize("argv,code,words", [
    (["ingest", "--db", "{db}"], 2, "nothing to ingest"),
    (["ingest", "missing.txt", "--db", "{db}"], 3, "no such file"),
    (["search", '"open', "--db", "{db}"], 2, "cannot read the search"),
    (["claims", "--since", "March", "--db", "{db}"], 2, "not a date"),
    (["show", "0000000000", "--db", "{db}"], 1, "no document"),
    (["stats", "--db", "{tmp}/none.db"], 1, "no ledger"),
], ids=["no-inputs", "missing-file", "fts-syntax", "bad-date", "unknown-id", "no-ledger"])
def test_errors_are_one_line_with_a_hint(tmp_path, capsys, argv, code, words):
    db = str(tmp_path / "l.db")
    main(["ingest", "--db", db, "--silent", str(tmp_path / "nothing-here")])
    capsys.readouterr()
    argv = [a.format(db=db, tmp=tmp_path) for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert words in err and ("hint:" in err or "(hint:" in err) and "Traceback" not in err


def test_a_new_extractor_version_re_extracts_and_keeps_history(corpus, tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(corpus), "--db", db, "--silent"]) == 0
    assert main(["ingest", str(corpus), "--db", db, "--extractor-version", "next", "--json", "--silent"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["reextracted"] == 12 and report["counts"]["extracted"] == 12
    assert main(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert set(stats["extractor_versions"]) == {"next", warclaims_version()} and stats["claims_in_history"] > 0


def warclaims_version() -> str:
    import warclaims

    return warclaims.__version__
