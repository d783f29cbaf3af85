"""Spark local mode gives the CLI's events."""

import os
import shutil
import sys

import pytest

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java (apt-get install default-jre-headless)")
    from pyspark.sql import SparkSession

    # Python workers run this interpreter (the one with herald installed), not `python3` on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("herald-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    yield s
    s.stop()


def key(r):
    return (r["article_id"], r["sentence_index"], r["evidence_verb_start"], r["cameo"],
            r["source_code"] or "", r["target_code"] or "")


def test_spark_local_matches_the_cli(spark, articles, cli_parquet):
    from herald.spark import code_events, code_errors

    rows = [(a["id"], a["text"], a.get("date"), a.get("title"), a.get("source"), a.get("url"))
            for a in articles]
    rows.append(("empty-one", "  ", "2014-09-01", None, None, None))
    df = spark.createDataFrame(
        rows, "doc STRING, body STRING, published STRING, title STRING, source STRING, url STRING")
    df = df.repartition(3)
    events = code_events(df, text="body", id="doc", date="published", story_groups=False)
    got = [r.asDict() for r in events.collect()]
    want = cli_parquet["nodedup"].to_pylist()
    assert len(got) == len(want)
    assert sorted(got, key=key) == sorted(want, key=key)
    errs = code_errors(df, text="body", id="doc", date="published").collect()
    assert [(e["id"], e["reason"]) for e in errs] == [("empty-one", "empty article: no text to code")]


def test_spark_date_column_and_partitioned_parquet(spark, articles, tmp_path):
    import herald
    from herald.spark import code_events
    from pyspark.sql import functions as F

    rows = [(a["id"], a["text"], a.get("date")) for a in articles[:60]]
    df = spark.createDataFrame(rows, "id STRING, text STRING, date STRING")
    df = df.withColumn("date", F.to_date("date"))
    out = str(tmp_path / "events")
    code_events(df, geocode=False).write.partitionBy("date").parquet(out)
    back = spark.read.parquet(out)
    assert back.count() == herald.Pipeline(geocode=False).code_batch(rows_as_dicts(rows)).num_rows
    assert any(p.startswith("date=2014-09-") for p in os.listdir(out))


def rows_as_dicts(rows):
    return [{"id": i, "text": t, "date": d} for i, t, d in rows]
