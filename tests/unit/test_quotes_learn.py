"""The numpy learners behind train.py: softmax regression and the hashed cue network."""

from __future__ import annotations

import numpy as np

from newsevents.nlp.quotes.learn import CueNetwork, fit_softmax, hashed_rows, indexed_rows, predict_softmax
from newsevents.nlp.quotes.model import cue_scorer_from_json


def test_softmax_regression_separates_three_classes() -> None:
    rows = [["src", "b"], ["con", "b"], ["b"]] * 50
    labels = np.array([1, 2, 0] * 50)
    index = {"src": 0, "con": 1, "b": 2}
    w = fit_softmax(indexed_rows(rows, index), labels, len(index), 3, l2=0.0, epochs=20)
    predicted = predict_softmax(w, indexed_rows(rows[:3], index)).argmax(axis=1)
    assert predicted.tolist() == [1, 2, 0]


def test_cue_network_learns_an_interaction_a_linear_model_cannot() -> None:
    # Exclusive or: "a" alone or "b" alone is a cue, both together are not.
    rows = [["a"], ["b"], ["a", "b"], []] * 100
    labels = np.array([1.0, 1.0, 0.0, 0.0] * 100)
    net = CueNetwork(buckets=64, hidden=8, seed=1)
    net.fit(hashed_rows(rows, 64), labels, l2=0.0, epochs=60, lr=0.3, batch=32)
    scores = net.predict(hashed_rows(rows[:4], 64))
    assert scores[0] > 0.5 and scores[1] > 0.5
    assert scores[2] < 0.5 and scores[3] < 0.5


def test_cue_network_survives_the_json_round_trip() -> None:
    rows = [["said", "nsubj"], ["table"]] * 30
    net = CueNetwork(buckets=128, hidden=4)
    net.fit(hashed_rows(rows, 128), np.array([1.0, 0.0] * 30), l2=0.0, epochs=5)
    scorer = cue_scorer_from_json(net.to_json(threshold=0.5))
    direct = net.predict(hashed_rows(rows[:2], 128))
    loaded = scorer.probabilities(rows[:2])
    assert np.allclose(direct, loaded, atol=0.02)  # weights are stored as float16
