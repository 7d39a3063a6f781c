"""Evaluation against public gold sets (`newsevents eval`, `eval-all`) and the evaluation gate.

One module per task (events, cameo, actors, extraction, geo, quotes) scores gold against what the
real stages predict; metrics.py holds the pure metric functions, normalise.py the gold code
table, calibration.py the reliability table, runner.py the registry and the saved results,
baseline.py and gate.py the floors and ceilings of eval/baseline.json.
"""
