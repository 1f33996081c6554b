"""The PySpark example (examples/spark_claims.py) end to end in local mode: a corpus of
JSON Lines in, one Parquet row per claim out, the same claims as claimlens gives directly."""

import json
import os
import sys
import tempfile
import unittest

import claimlens

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "examples"))
import spark_claims  # noqa: E402

PEOPLE = ["Lena Ortiz", "Tomas Verhoeven", "Amira Haddad", "Kenji Watanabe"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Quito"]


def article(i):
    who, where = PEOPLE[i % 4], PLACES[i % 4]
    return (f"{who} said on Tuesday that the port in {where} may reopen next month. "
            f"“We are not there yet,” {who.split()[1]} told reporters. "
            f"Critics argue the plan is late, according to the Harbour Board. 😀 #{i}")


class SparkExample(unittest.TestCase):
    def test_local_mode_writes_one_row_per_claim(self):
        texts = [article(i) for i in range(40)]
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus.jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                for i, t in enumerate(texts):
                    # ids as numbers and strings, and a field the example ignores
                    f.write(json.dumps({"id": i if i % 2 else f"a{i}", "text": t, "lang": "en"},
                                       ensure_ascii=False) + "\n")
            out = os.path.join(tmp, "claims.parquet")
            spark_claims.main([corpus, out, "--master", "local[2]"])

            import pandas as pd
            rows = pd.read_parquet(out)
        expected = spark_claims.claim_rows([str(i) if i % 2 else f"a{i}" for i in range(40)], texts)
        self.assertGreaterEqual(len(expected), 3 * 40)
        self.assertEqual(len(rows), len(expected))
        self.assertEqual(list(rows.columns), spark_claims.COLUMNS)
        got = sorted(tuple(None if pd.isna(v) else v for v in r)
                     for r in rows.itertuples(index=False, name=None))
        self.assertEqual(got, sorted(expected))
        first = rows[(rows["id"] == "a0") & (rows["claim"] == 0)].iloc[0]
        self.assertEqual((first["source"], first["actor"], first["attribution"]),
                         ("Lena Ortiz", "Lena Ortiz", "named"))
        self.assertTrue(first["cue"].startswith("said"))
        self.assertIn("may reopen", first["content"])
        # The same analysis as the module gives directly.
        direct = claimlens.analyze(texts[0])
        self.assertEqual(len(rows[rows["id"] == "a0"]), len(direct["claims"]))


if __name__ == "__main__":
    unittest.main()
