"""Acceptance (issue 2, bad input): `newsevents run` on a folder of broken and hostile documents
exits 0, every document ends processed or rejected with a reason code, the counts add up, and a
second run adds nothing."""

from __future__ import annotations

import gzip
import json
import random

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.errors import REASON_CODES
from newsevents.store import Store

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.slow]

GOOD_ARTICLE = """Kenya and Tanzania Sign Border Trade Deal

By Amina Odhiambo
March 3, 2022

NAIROBI - Kenya and Tanzania signed an agreement on Thursday to reopen three border crossings that
had been closed for most of the past year, officials from both governments said.

The deal, signed in Nairobi by the two countries' trade ministers, removes a requirement that truck
drivers carry a fresh health certificate at every crossing. Traders had complained that the rule
left hundreds of lorries queuing for days at Namanga.

"This agreement will let goods move again," Kenya's trade minister told reporters after the signing.
Tanzanian officials said they expected cross-border trade to recover within months.
"""

GERMAN_ARTICLE = """Stadtrat beschließt neuen Radweg entlang des Flusses

Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, einen durchgehenden Radweg entlang
des Flussufers zu bauen. Die Arbeiten sollen im kommenden Frühjahr beginnen und etwa zwei Jahre dauern.
Anwohner hatten sich seit Jahren über gefährliche Kreuzungen und fehlende Beleuchtung beschwert.
Die Bürgermeisterin sagte, die Stadt werde die Kosten zum Teil aus Landesmitteln decken, und kündigte
eine öffentliche Informationsveranstaltung im Rathaus an, bei der die Pläne vorgestellt werden.
"""

RECORD_TEXT = (
    "Protesters gathered outside the parliament in Colombo on Monday to demand lower fuel prices, "
    "and police used tear gas to disperse the crowd, witnesses said."
)


def _write_bad_input(folder, max_bytes: int) -> None:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(7)
    # A PNG signature followed by noise: what an image saved with the wrong extension looks like.
    (folder / "picture.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096))
    )
    # Over the size cap (50 MB against a default cap of a few MB), written in 1 MB chunks.
    line = b"All work and no play makes a very large text file. " * 20 + b"\n"
    chunk = line * (1_000_000 // len(line) + 1)
    with (folder / "huge.txt").open("wb") as handle:
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    assert (folder / "huge.txt").stat().st_size > max_bytes
    # Windows-1252 text with stray bytes that are not valid UTF-8.
    (folder / "latin.txt").write_bytes(
        (
            "Caf\xe9 Owners Protest New Licensing Rules\n\n"
            "Caf\xe9 owners in the capital said on Tuesday that the new \u201clicensing rules\u201d would force "
            "dozens of small businesses to close before the end of the year.\n\n"
            "The city council said the rules were needed to protect public health and would be reviewed "
            "after six months, a spokesman told reporters.\n"
        ).encode("cp1252")
        + b"\xff\xfe\xc3\x28 trailing bytes\n"
    )
    (folder / "broken.html").write_text(
        "<html><head><title>Half a page</ti<body><div><p>Unclosed paragraph <b>bold <i>italic"
        "<table><tr><td>cell</div></p></html",
        encoding="utf-8",
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "rec-1", "title": "Fuel protest", "text": RECORD_TEXT})
        + "\n"
        + '{"id": "rec-2", "text": "this line is cut off\n'
        + json.dumps({"id": "rec-3", "title": "No text field here"})
        + "\n",
        encoding="utf-8",
    )
    (folder / "table.csv").write_text(
        'id,title,text\nrow-1,Fuel protest,"' + RECORD_TEXT + '"\nrow-2,a row with too few fields\n'
        'row-3,"Fuel protest again","' + RECORD_TEXT.replace("Monday", "Tuesday") + '"\n',
        encoding="utf-8",
    )
    with gzip.open(folder / "good.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(GOOD_ARTICLE)
    (folder / "german.txt").write_text(GERMAN_ARTICLE, encoding="utf-8")
    (folder / "good.txt").write_text(
        GOOD_ARTICLE.replace("Kenya and Tanzania Sign", "Neighbours Sign"), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, settings):
    root = tmp_path_factory.mktemp("bad")
    folder = root / "input"
    _write_bad_input(folder, settings.ingest.max_document_bytes)
    db = root / "news.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["run", str(folder), "--db", str(db)], env={"COLUMNS": "200"})
    with Store.open(db, read_only=True) as store:
        counts_after_first = store.counts()
    second = runner.invoke(app, ["run", str(folder), "--db", str(db)], env={"COLUMNS": "200"})
    return {"db": db, "first": first, "second": second, "counts_after_first": counts_after_first}


def _read(db, sql):
    with Store.open(db, read_only=True) as store:
        return store.connection.execute(sql).fetchall()


def test_cli_run_on_bad_input_exits_0(bad_run):
    for key in ("first", "second"):
        result = bad_run[key]
        assert result.exit_code == 0, f"{key} run: {result.output}\n{result.exception!r}"


def test_cli_every_document_ends_processed_or_rejected_with_a_code(bad_run):
    db = bad_run["db"]
    statuses = dict(_read(db, "SELECT status, count(*) FROM documents GROUP BY status"))
    assert set(statuses) <= {"processed", "rejected"}
    # Rejected documents have a rejection row with a known reason code, processed ones an article.
    orphans = _read(
        db,
        "SELECT d.origin FROM documents d LEFT JOIN rejections r USING (document_id)"
        " WHERE d.status = 'rejected' AND r.reason IS NULL",
    )
    assert orphans == []
    reasons = {reason for (reason,) in _read(db, "SELECT DISTINCT reason FROM rejections")}
    assert reasons <= set(REASON_CODES)
    unexplained = _read(
        db,
        "SELECT d.origin FROM documents d LEFT JOIN articles a USING (document_id)"
        " WHERE d.status = 'processed' AND a.article_id IS NULL",
    )
    assert unexplained == []


def test_cli_counts_add_up(bad_run):
    db = bad_run["db"]
    (seen, skipped, processed, rejected), *_ = _read(
        db, "SELECT seen, skipped, processed, rejected FROM runs ORDER BY run_id"
    )
    (documents,) = _read(db, "SELECT count(*) FROM documents")[0]
    (rejections,) = _read(db, "SELECT count(*) FROM rejections")[0]
    (articles,) = _read(db, "SELECT count(*) FROM articles")[0]
    assert skipped == 0
    assert processed + rejected == seen == documents
    assert rejections == rejected and articles == processed
    # One document per file (8), per JSONL line (3) and per CSV row (3).
    assert seen == 14


@pytest.mark.parametrize(
    ("origin_suffix", "reasons"),
    [
        ("empty.txt", {"E_EMPTY"}),
        ("picture.txt", {"E_BINARY"}),
        ("huge.txt", {"E_TOO_LARGE"}),
        ("german.txt", {"E_LANGUAGE"}),
        ("feed.jsonl:2", {"E_PARSE"}),
        ("feed.jsonl:3", {"E_NO_TEXT"}),
        ("table.csv:3", {"E_PARSE"}),
    ],
)
def test_cli_bad_documents_get_their_reason(bad_run, origin_suffix, reasons):
    rows = _read(bad_run["db"], "SELECT origin, reason, message FROM rejections")
    matching = [
        (origin, reason, message) for origin, reason, message in rows if origin.endswith(origin_suffix)
    ]
    assert len(matching) == 1, rows
    assert matching[0][1] in reasons, matching


def test_cli_language_rejection_names_the_language(bad_run):
    rows = _read(bad_run["db"], "SELECT message FROM rejections WHERE reason = 'E_LANGUAGE'")
    assert any("de" in message for (message,) in rows), rows


@pytest.mark.parametrize(
    "origin_suffix", ["good.txt", "good.txt.gz", "feed.jsonl:1", "table.csv:2", "table.csv:4"]
)
def test_cli_good_documents_are_processed(bad_run, origin_suffix):
    rows = _read(bad_run["db"], "SELECT origin, status FROM documents")
    matching = [status for origin, status in rows if origin.endswith(origin_suffix)]
    assert matching == ["processed"], rows


def test_cli_second_run_adds_nothing(bad_run):
    with Store.open(bad_run["db"], read_only=True) as store:
        assert store.counts() == bad_run["counts_after_first"]
    first, second = _read(
        bad_run["db"], "SELECT seen, skipped, processed, rejected FROM runs ORDER BY run_id"
    )
    assert second == (first[0], first[0], 0, 0)


def test_cli_run_prints_summary_by_reason(bad_run):
    output = bad_run["first"].stdout
    for text in ("seen", "processed", "rejected", "E_TOO_LARGE", "E_LANGUAGE", "events"):
        assert text in output


def test_cli_rejections_jsonl_lists_each_rejected_document(bad_run):
    result = CliRunner().invoke(app, ["rejections", "--db", str(bad_run["db"]), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == bad_run["counts_after_first"]["rejections"]
    assert all(set(line) == {"document_id", "origin", "reason", "message"} for line in lines)
