"""Who said what across a corpus, with PySpark: one row per claim, written to Parquet.

    python spark_claims.py CORPUS.jsonl OUT_DIR [--master local[*]]

CORPUS.jsonl holds one JSON object per line with an "id" and a "text" (any other field is
ignored; a directory of such files works too). OUT_DIR gets Parquet files with one row per
claim: id, claim (its number in the article), attribution (named, vague, none), source, cue,
content (the pieces of a quotation interrupted by its cue joined by " … "), actor and
actor_kind (the actor the source refers to, if any). Articles run through
claimlens.analyze_many inside mapInPandas, one thread per Spark task: Spark spreads the tasks
over cores and machines. The same code runs on a cluster (leave out --master and let
spark-submit set it) when every executor's Python has the claimlens wheel installed.
"""

import argparse
import os
import sys

import pandas as pd

COLUMNS = ["id", "claim", "attribution", "source", "cue", "content", "actor", "actor_kind"]
SCHEMA = ("id string, claim int, attribution string, source string, cue string, "
          "content string, actor string, actor_kind string")


def claim_rows(ids, texts):
    """The rows of the claims of the articles `texts` (with their `ids`)."""
    import claimlens  # imported where the rows are made: on the executors

    rows = []
    for id_, text, a in zip(ids, texts, claimlens.analyze_many(texts, threads=1)):
        actors = {x["id"]: x for x in a["actors"]}

        def cut(span):
            return None if span is None else text[span["start"]:span["end"]]

        for n, c in enumerate(a["claims"]):
            content = c["content"]
            if isinstance(content, list):
                content = " … ".join(cut(s) for s in content)
            else:
                content = cut(content)
            actor = actors.get(c["actor"])
            rows.append((id_, n, c["attribution"], cut(c["source"]), cut(c["cue"]), content,
                         actor and actor["name"], actor and actor["kind"]))
    return rows


def claims_of_batches(batches):
    """mapInPandas: batches of (id, text) in, batches of claim rows out."""
    for pdf in batches:
        texts = ["" if t is None else str(t) for t in pdf["text"]]
        ids = ["" if i is None else str(i) for i in pdf["id"]]
        yield pd.DataFrame(claim_rows(ids, texts), columns=COLUMNS).astype({"claim": "int32"})


def run(spark, corpus, out):
    """Reads the corpus, writes the claims to Parquet at `out`; returns the number of rows."""
    from pyspark import cloudpickle
    from pyspark.sql import functions as F

    # The executors get these functions by value, so this file need not be on their path
    # (when it is imported as a module rather than run as the script).
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    articles = spark.read.json(corpus).select(F.col("id").cast("string").alias("id"), "text")
    claims = articles.mapInPandas(claims_of_batches, schema=SCHEMA)
    claims.write.mode("overwrite").parquet(out)
    return spark.read.parquet(out).count()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus")
    p.add_argument("out")
    p.add_argument("--master", default=None, help="e.g. local[*]; spark-submit sets it otherwise")
    args = p.parse_args(argv)
    # The Python that runs this script runs the workers too (local mode).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("claimlens-claims")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        n = run(spark, args.corpus, args.out)
    finally:
        spark.stop()
    print(f"{n} claims written to {args.out}")


if __name__ == "__main__":
    main()
