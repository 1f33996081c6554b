#!/usr/bin/env python3
"""Score the CLI on the dev splits with ../shared/eval/run.sh and print a table.

    python3 scripts/eval.py           print the table (Markdown)
    python3 scripts/eval.py --check   also fail when a figure is below its floor

The floors guard the figures reached with the learned models (issue 5), a little
below them; the figures are exact-match F1 unless the row says otherwise.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))

RUNS = [
    ("actors", "actors-conllpp/dev.jsonl"),
    ("claims", "claims-polnear/dev.jsonl"),
    ("hedges", "hedges-factbank/dev.jsonl"),
    ("hedges", "hedges-wiki/dev.jsonl"),
    ("entities", "entities-gum/dev.jsonl"),
]

# (label, corpus, path into the scorer's JSON, floor or None)
ROWS = [
    ("actors exact", "actors-conllpp/dev.jsonl", ("exact",), 95.0),
    ("actors typed", "actors-conllpp/dev.jsonl", ("typed",), 91.0),
    ("actors overlap", "actors-conllpp/dev.jsonl", ("overlap",), None),
    ("claims cue exact", "claims-polnear/dev.jsonl", ("cue", "exact"), 63.0),
    ("claims source exact", "claims-polnear/dev.jsonl", ("source", "exact"), 67.0),
    ("claims content exact", "claims-polnear/dev.jsonl", ("content", "exact"), 53.0),
    ("claims content overlap", "claims-polnear/dev.jsonl", ("content", "overlap"), 75.0),
    ("hedges exact (FactBank)", "hedges-factbank/dev.jsonl", ("exact",), 60.0),
    ("hedges sentence (FactBank)", "hedges-factbank/dev.jsonl", ("sentence",), None),
    ("hedges exact (WikiWeasel)", "hedges-wiki/dev.jsonl", ("exact",), None),
    ("hedges sentence (WikiWeasel)", "hedges-wiki/dev.jsonl", ("sentence",), None),
    ("entities: named mentions (GUM)", "entities-gum/dev.jsonl", ("mentions",), None),
    ("entities: grouping B-cubed (GUM)", "entities-gum/dev.jsonl", ("grouping_b3",), 95.0),
    ("entities: kind of a mention (GUM)", "entities-gum/dev.jsonl", ("kind",), 88.0),
]

# Entity figures that are not P/R/F1: (label, corpus, key, floor or None; higher is better
# where there is a floor).
SINGLES = [
    ("entities: actors per real entity (GUM; 1.0 is perfect)", "entities-gum/dev.jsonl",
     ("actors_per_entity",), None),
    ("entities: claim sources linked to the right actor, % (GUM)", "entities-gum/dev.jsonl",
     ("source_links", "accuracy"), 88.0),
]


def main():
    check = "--check" in sys.argv
    results = {}
    env = dict(os.environ, SCORE_FLAGS="--json")
    for task, corpus in RUNS:
        gold = os.path.join(EVAL, "data", corpus)
        out = subprocess.run([os.path.join(EVAL, "run.sh"), task, gold], cwd=ROOT, env=env,
                             check=True, capture_output=True, text=True).stdout
        results[corpus] = json.loads(out.strip().splitlines()[-1])
    print("| measure | P | R | F1 | floor |")
    print("|---|---|---|---|---|")
    passed = failed = 0
    for label, corpus, path, floor in ROWS:
        r = results[corpus]
        for key in path:
            r = r[key]
        mark = ""
        if floor is not None:
            ok = r["f1"] >= floor
            passed += ok
            failed += not ok
            mark = f"≥ {floor:g} {'ok' if ok else 'BELOW'}"
        print(f"| {label} | {r['p']} | {r['r']} | {r['f1']} | {mark} |")
    for label, corpus, path, floor in SINGLES:
        r = results[corpus]
        for key in path:
            r = r[key]
        mark = ""
        if floor is not None:
            ok = r >= floor
            passed += ok
            failed += not ok
            mark = f"≥ {floor:g} {'ok' if ok else 'BELOW'}"
        print(f"| {label} | | | {r} | {mark} |")
    if check:
        print(f"\nfloors: {passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
