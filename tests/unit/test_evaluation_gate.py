"""The gate: skip without ../shared, reuse of fresh results, bounds, loosening against git."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from newsevents.evaluation import gate
from newsevents.evaluation.baseline import parse_baseline
from newsevents.evaluation.common import TaskResult
from newsevents.evaluation.runner import save_results


def baseline_json(floor):
    return {"tolerance": 0.005, "tasks": {"events": {"type_accuracy": {"better": "higher", "floor": floor}}}}


def test_absent_shared_folder_skips_with_exit_zero(tmp_path, capsys):
    assert gate.main(["--shared", str(tmp_path / "missing"), "--baseline", str(tmp_path / "b.json")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.parametrize(("score", "code"), [(0.5, 0), (0.3, 1)])
def test_gate_checks_fresh_saved_results(tmp_path, monkeypatch, score, code):
    (tmp_path / "shared" / "eval").mkdir(parents=True)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(baseline_json(0.45)))
    results = tmp_path / "results.json"
    save_results(results, [TaskResult("events", "g", 10, {"type_accuracy": score})], "fp", None)
    monkeypatch.setattr(gate, "code_fingerprint", lambda shared, settings: "fp")

    def no_rerun(*args, **kwargs):
        raise AssertionError("fresh results must be reused")

    monkeypatch.setattr(gate, "eval_all", no_rerun)
    argv = ["--shared", str(tmp_path / "shared"), "--baseline", str(baseline), "--results", str(results)]
    assert gate.main(argv) == code


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path):
    try:
        _git(tmp_path, "init", "-q")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    (tmp_path / "eval").mkdir()
    return tmp_path


def _commit(repo, floor):
    path = repo / "eval" / "baseline.json"
    path.write_text(json.dumps(baseline_json(floor)))
    _git(repo, "add", "eval/baseline.json")
    _git(repo, "commit", "-q", "-m", f"floor {floor}")
    return path


def test_lowered_floor_against_previous_commit_is_refused(repo):
    _commit(repo, 0.5)
    path = _commit(repo, 0.4)
    current = parse_baseline(json.loads(path.read_text()))
    problems = gate.check_not_loosened(path, current, gate.Console())
    assert problems and "floor lowered" in problems[0]


def test_raised_floor_passes(repo):
    _commit(repo, 0.4)
    path = _commit(repo, 0.5)
    assert gate.check_not_loosened(path, parse_baseline(json.loads(path.read_text())), gate.Console()) == []


def test_first_commit_with_a_baseline_skips_the_check(repo, capsys):
    path = _commit(repo, 0.4)
    assert gate.check_not_loosened(path, parse_baseline(json.loads(path.read_text())), gate.Console()) == []
    assert "skipped" in capsys.readouterr().out


def test_uncommitted_loosening_is_refused(repo):
    _commit(repo, 0.4)
    path = _commit(repo, 0.5)
    path.write_text(json.dumps(baseline_json(0.45)))
    problems = gate.check_not_loosened(path, parse_baseline(json.loads(path.read_text())), gate.Console())
    assert any("uncommitted" in p for p in problems)


def test_ratchet_writes_floors_from_the_current_scores(tmp_path, monkeypatch):
    (tmp_path / "shared" / "eval").mkdir(parents=True)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"comment": "keep me", "tasks": {}}))
    results = tmp_path / "results.json"
    scores = {"type_accuracy": 0.8567, "no_event_rate": 0.0412}
    save_results(results, [TaskResult("events", "g", 10, scores)], "fp", None)
    monkeypatch.setattr(gate, "code_fingerprint", lambda shared, settings: "fp")
    argv = ["--shared", str(tmp_path / "shared"), "--baseline", str(baseline), "--results", str(results)]
    assert gate.main([*argv, "--ratchet"]) == 0
    data = json.loads(baseline.read_text())
    assert data["comment"] == "keep me"
    assert data["tasks"]["events"]["type_accuracy"] == {"better": "higher", "floor": 0.856}
    assert data["tasks"]["events"]["no_event_rate"] == {"better": "lower", "ceiling": 0.042}
