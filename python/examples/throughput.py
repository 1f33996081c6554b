"""Articles per second per core: claimlens.analyze, analyze_many, and the PySpark example.

    python throughput.py CORPUS.jsonl [--spark] [--repeat 3]

CORPUS.jsonl holds {"id", "text"} lines (the evaluation corpora beside the project work,
e.g. ../shared/eval/data/claims-polnear/dev.jsonl). Prints medians over --repeat runs.
Spark is timed in local[1] (one core), session start-up excluded, writing Parquet included.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

import claimlens


def timed(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--spark", action="store_true")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(texts)
    print(f"{n} articles, {mb:.2f} MB, {os.cpu_count()} cores; medians of {args.repeat} runs")
    rows = [
        ("analyze, one by one (1 core)", lambda: [claimlens.analyze(t) for t in texts], 1),
        ("analyze_many, threads=1", lambda: claimlens.analyze_many(texts, threads=1), 1),
    ]
    cores = os.cpu_count() or 1
    if cores > 1:
        rows.append((f"analyze_many, threads={cores}",
                     lambda: claimlens.analyze_many(texts, threads=cores), cores))
    for name, f, used in rows:
        s = timed(f, args.repeat)
        print(f"  {name:34} {n / s:8.0f} articles/s  {n / s / used:8.0f} per core  {mb / s:6.2f} MB/s")
    if args.spark:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        import spark_claims
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.master("local[1]").appName("throughput").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        try:
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "claims.parquet")
                spark_claims.run(spark, args.corpus, out)  # warm-up: JVM, Python workers
                s = timed(lambda: spark_claims.run(spark, args.corpus, out), args.repeat)
        finally:
            spark.stop()
        print(f"  {'Spark local[1], mapInPandas → Parquet':34} {n / s:8.0f} articles/s  "
              f"{n / s:8.0f} per core  {mb / s:6.2f} MB/s")


if __name__ == "__main__":
    main()
