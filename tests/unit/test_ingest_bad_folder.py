"""Acceptance (ingest + extract half): a folder of bad input; every document ends as an Article or a
Rejection with the expected reason code, nothing raises, and a rerun gives the same ids."""

from __future__ import annotations

import json
from collections import Counter

from newsevents.extract import extract_article
from newsevents.ingest import iter_documents
from newsevents.types import Article, Rejection

ENGLISH = (
    "The foreign minister said on Thursday that the talks in Moscow had ended without an agreement, "
    "and that both delegations would meet again next month."
)
FRENCH = (
    "Le ministre des Affaires étrangères a déclaré jeudi que les pourparlers de Moscou s'étaient "
    "terminés sans accord et que les deux délégations se réuniraient le mois prochain."
)


def _build(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, never read: the size check comes first
    (folder / "latin1.txt").write_bytes(
        ("Title of the café story\n\n" + ENGLISH.replace("minister", "ministér")).encode("latin-1")
    )
    (folder / "broken.html").write_bytes(b"<html><body><p>" + ENGLISH.encode() + b"</p><div><p>open <b>")
    (folder / "lines.jsonl").write_text(json.dumps({"text": ENGLISH, "id": "j1"}) + "\n{oops\n")
    (folder / "rows.csv").write_text(f'id,text\nc1,"{ENGLISH}"\nc2,"x","extra"\n')
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")


def _outcomes(folder, settings):
    outcomes = {}
    for item in iter_documents([folder], settings):
        result = item if isinstance(item, Rejection) else extract_article(item, settings)
        outcomes[item.origin.replace(str(folder) + "/", "")] = (
            item.document_id,
            result.reason if isinstance(result, Rejection) else "ok",
        )
        assert isinstance(result, Article | Rejection)
    return outcomes


def test_ingest_bad_folder_every_document_accounted_for(tmp_path, settings):
    _build(tmp_path)
    outcomes = _outcomes(tmp_path, settings)
    assert {name: reason for name, (_, reason) in outcomes.items()} == {
        "binary.txt": "E_BINARY",
        "broken.html": "ok",
        "empty.txt": "E_EMPTY",
        "french.txt": "E_LANGUAGE",
        "huge.txt": "E_TOO_LARGE",
        "latin1.txt": "ok",
        "lines.jsonl:1": "ok",
        "lines.jsonl:2": "E_PARSE",
        "rows.csv:2": "ok",
        "rows.csv:3": "E_PARSE",
    }
    assert Counter(r for _, r in outcomes.values())["ok"] == 4


def test_ingest_bad_folder_rerun_gives_same_ids(tmp_path, settings):
    _build(tmp_path)
    assert _outcomes(tmp_path, settings) == _outcomes(tmp_path, settings)
