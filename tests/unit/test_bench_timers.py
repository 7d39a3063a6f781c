"""The bench's timing wrappers pass documents through untouched and restore what they wrap.

(No timing is asserted: these tests check plumbing only.)
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
import spacy
from spacy.language import Language

from newsevents import pipeline
from newsevents.bench import _limited_inputs, _timed_components, _timed_stages
from newsevents.errors import NewsEventsError


@Language.component("bench_test_mark")
def _mark(doc):
    doc.user_data["marked"] = doc.user_data.get("marked", 0) + 1
    return doc


def test_component_wrappers_pass_documents_in_order_and_restore():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("bench_test_mark")
    before = list(nlp.pipeline)
    totals = defaultdict(float)
    with _timed_components(nlp, totals):
        docs = list(nlp.pipe(["One. Two.", "Three."], batch_size=1))
    assert [d.text for d in docs] == ["One. Two.", "Three."]
    assert [d.user_data["marked"] for d in docs] == [1, 1]
    assert len(list(docs[0].sents)) == 2
    assert set(totals) == {"sentencizer", "bench_test_mark"}
    assert list(nlp.pipeline) == before


def test_stage_wrappers_are_restored():
    originals = (pipeline.iter_documents, pipeline.extract_batch, pipeline.analyze_batch)
    with _timed_stages(defaultdict(float)):
        assert pipeline.extract_batch is not originals[1]
    assert (pipeline.iter_documents, pipeline.extract_batch, pipeline.analyze_batch) == originals


def test_limit_cuts_a_jsonl_corpus(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"t{i}"}) + "\n\n" for i in range(5)))
    (cut,) = _limited_inputs(corpus, 3, _out(tmp_path), [".jsonl"])
    assert [json.loads(line)["text"] for line in cut.read_text().splitlines()] == ["t0", "t1", "t2"]


def test_limit_takes_the_first_files_of_a_folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("b.txt", "a.txt", "c.html", "skip.bin"):
        (folder / name).write_text("x")
    picked = _limited_inputs(folder, 2, _out(tmp_path), [".txt", ".html"])
    assert [p.name for p in picked] == ["a.txt", "b.txt"]


def test_limit_on_another_file_type_is_a_usage_error(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text("text\nx\n")
    with pytest.raises(NewsEventsError):
        _limited_inputs(corpus, 1, _out(tmp_path), [".csv"])


def test_no_limit_keeps_the_corpus(tmp_path):
    assert _limited_inputs(tmp_path / "c.jsonl", None, _out(tmp_path), [".jsonl"]) == [tmp_path / "c.jsonl"]


def _out(tmp_path):
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return out
