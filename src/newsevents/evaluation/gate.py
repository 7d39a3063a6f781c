"""The evaluation gate: `python -m newsevents.evaluation.gate --shared ../shared --baseline eval/baseline.json`.

1. No shared folder: prints why and exits 0 (CI without the gold sets).
2. Refuses a baseline whose bounds are looser than the previous commit's (`git show
   HEAD~1:<baseline>`), and than HEAD's when the file has uncommitted changes; skipped with a
   message where git history is unavailable or the previous commit has no baseline.
3. Reuses the saved `eval-all` results when they are fresh (same code, data, settings, model and
   gold files: runner.code_fingerprint), else runs every task and saves the results.
4. Prints the scorecard with the bounds; exits 1 when a score is worse than its bound by more than
   the tolerance.
With `--ratchet` it then rewrites the baseline with every bound moved to the current score where
that is tighter (floors rounded down, ceilings up, to 3 decimals); it never loosens a bound. The
first baseline comes from `--ratchet` on a file holding `{"tasks": {}}`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from newsevents.errors import NewsEventsError
from newsevents.evaluation.baseline import (
    Baseline,
    check_scores,
    dump_baseline,
    load_baseline,
    loosened_bounds,
    parse_baseline,
    ratcheted,
)
from newsevents.evaluation.runner import (
    DEFAULT_RESULTS,
    LOWER_IS_BETTER,
    code_fingerprint,
    eval_all,
    load_fresh_results,
    save_results,
)
from newsevents.evaluation.scorecard import render_summary


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def committed_baseline(path: Path, revision: str) -> Baseline | None:
    """The baseline file as of `revision`, or None when git, the revision or the file is missing."""
    folder = path.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return None
    relative = path.resolve().relative_to(Path(top.strip()).resolve())
    text = _git(["show", f"{revision}:{relative.as_posix()}"], folder)
    if text is None:
        return None
    try:
        return parse_baseline(json.loads(text))
    except (json.JSONDecodeError, NewsEventsError):
        return None


def check_not_loosened(path: Path, current: Baseline, console: Console) -> list[str]:
    problems: list[str] = []
    previous = committed_baseline(path, "HEAD~1")
    if previous is None:
        console.print(
            f"[yellow]loosening check skipped:[/yellow] no {path.name} in a previous commit "
            "(no git history, a shallow clone, or the first commit with a baseline)"
        )
    else:
        problems += [f"vs HEAD~1: {p}" for p in loosened_bounds(previous, current)]
    head = committed_baseline(path, "HEAD")
    if head is not None and head != current:
        problems += [f"vs HEAD (uncommitted): {p}" for p in loosened_bounds(head, current)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsevents.evaluation.gate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="folder with eval/ gold sets")
    parser.add_argument("--baseline", type=Path, default=Path("eval/baseline.json"))
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="saved eval-all results")
    parser.add_argument("--rerun", action="store_true", help="ignore saved results; run every task")
    parser.add_argument("--workers", type=int, default=2, help="processes for eval-all (quotes runs apart)")
    parser.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    parser.add_argument("--ratchet", action="store_true", help="tighten the baseline to the current scores")
    args = parser.parse_args(argv)
    console = Console()

    if not (args.shared / "eval").is_dir():
        console.print(
            f"eval gate skipped: no gold sets at {args.shared / 'eval'} (../shared is not checked out)"
        )
        return 0
    try:
        baseline = load_baseline(args.baseline, LOWER_IS_BETTER)
    except NewsEventsError as exc:
        console.print(f"[red]eval gate: {exc}[/red]")
        return 1
    problems = check_not_loosened(args.baseline, baseline, console)

    from newsevents.settings import load_settings

    settings = load_settings(args.config)
    fingerprint = code_fingerprint(args.shared, settings)
    results = None if args.rerun else load_fresh_results(args.results, fingerprint)
    if results is not None:
        console.print(f"reusing fresh eval-all results from {args.results}")
    else:
        results = eval_all(args.shared, settings, workers=args.workers)
        save_results(args.results, results, fingerprint, None)  # fingerprint taken before the run

    checks = check_scores(results, baseline)
    render_summary(results, console, baseline.bounds, checks)
    failures = [c.message for c in checks if not c.ok]
    for message in problems:
        console.print(f"[red]baseline loosened:[/red] {message}")
    for message in failures:
        console.print(f"[red]below bound:[/red] {message}")
    if args.ratchet:
        comment = json.loads(args.baseline.read_text(encoding="utf-8")).get("comment", "")
        data = ratcheted(baseline, results, LOWER_IS_BETTER, comment)
        args.baseline.write_text(dump_baseline(data), encoding="utf-8")
        console.print(f"baseline tightened to the current scores: {args.baseline}")
    if problems or failures:
        return 1
    console.print(f"eval gate passed: {len(checks)} bounds checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
