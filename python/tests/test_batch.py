"""code_batch: the CLI's events, columns and types, whatever the input's form; bad records become
errors and the rest is coded."""

import json

import pyarrow as pa
import pytest

import herald


def strip(t):
    return t.replace_schema_metadata(None)


def test_batch_of_dicts_matches_the_cli(pipeline, articles, cli_parquet):
    assert len(articles) >= 300
    want = cli_parquet["dedup"]
    got = pipeline.code_batch(articles, threads=1)
    assert want.num_rows > 300
    assert got.schema.remove_metadata().equals(want.schema.remove_metadata())
    assert strip(got).equals(strip(want))
    assert herald.errors(got).num_rows == 0
    assert any("had no date" in n for n in herald.notices(got))


def test_two_threads_give_the_same_table(pipeline, articles, cli_parquet):
    got = pipeline.code_batch(articles, threads=2)
    assert strip(got).equals(strip(cli_parquet["dedup"]))


def test_without_story_groups_matches_no_dedup(articles, cli_parquet):
    p = herald.Pipeline(story_groups=False)
    got = p.code_batch(articles)
    assert strip(got).equals(strip(cli_parquet["nodedup"]))


def test_arrow_and_pandas_inputs(pipeline, articles, cli_parquet):
    pd = pytest.importorskip("pandas")
    want = strip(cli_parquet["dedup"])
    cols = {k: [a.get(k) for a in articles] for k in ("id", "text", "date", "title", "source", "url")}
    table = pa.table(cols)
    assert strip(pipeline.code_batch(table)).equals(want)
    assert strip(pipeline.code_batch(table.to_batches(max_chunksize=50))).equals(want)
    assert strip(pipeline.code_batch(table.combine_chunks().to_batches()[0])).equals(want)
    df = pd.DataFrame(cols)
    df["date"] = pd.to_datetime(df["date"])  # datetime64 with NaT for the undated
    assert strip(pipeline.code_batch(df)).equals(want)
    # A date32 column, and a timestamp column.
    t2 = table.set_column(2, "date", table.column("date").cast(pa.date32()))
    assert strip(pipeline.code_batch(t2)).equals(want)
    t3 = table.set_column(2, "date", table.column("date").cast(pa.timestamp("s")))
    assert strip(pipeline.code_batch(t3)).equals(want)


def test_streaming_in_small_batches(pipeline, articles, cli_parquet):
    it = pipeline.stream(iter(articles), threads=2, max_rows=40)
    batches = list(it)
    assert len(batches) > 5 and all(b.num_rows <= 40 for b in batches)
    got = pa.Table.from_batches(batches)
    assert got.equals(strip(cli_parquet["dedup"]))


def test_bad_records_become_errors_and_the_rest_is_coded(articles):
    p = herald.Pipeline(max_article_bytes=5000)
    good = articles[:40]
    bad = [
        {"id": "no-text"},
        {"id": "none-text", "text": None},
        {"id": "int-text", "text": 42},
        {"id": "empty", "text": "   \n "},
        {"id": "bad-date", "text": good[0]["text"], "date": "15/09/2014"},
        {"id": "obj-date", "text": good[0]["text"], "date": object()},
        42,
        {"id": "huge", "text": "Russia condemned the attack. " * 400},
        {"id": "surrogate", "text": "Iran accused \ud800 Israel."},
    ]
    mixed = []
    for i, a in enumerate(good):
        mixed.append(a)
        if i < len(bad):
            mixed.append(bad[i])
    got = p.code_batch(mixed)
    errs = herald.errors(got).to_pylist()
    assert [e["id"] for e in errs] == [
        "no-text", "none-text", "int-text", "empty", "bad-date", "obj-date", "#13", "huge",
        "surrogate",
    ]
    assert [e["position"] for e in errs] == [1, 3, 5, 7, 9, 11, 13, 15, 17]
    reasons = {e["id"]: e["reason"] for e in errs}
    assert "empty article" in reasons["empty"]
    assert "larger than 5000" in reasons["huge"]
    assert "date" in reasons["bad-date"]
    assert "Unicode" in reasons["surrogate"]
    want = p.code_batch(good)
    assert strip(got).equals(strip(want))
    assert want.num_rows > 40


def test_a_failing_input_iterator_raises_after_what_was_coded(pipeline, articles):
    def gen():
        yield from articles[:5]
        raise RuntimeError("the feed broke")

    with pytest.raises(RuntimeError, match="the feed broke"):
        pipeline.code_batch(gen())


def test_write_parquet_and_read_events(pipeline, articles, cli_parquet, tmp_path):
    out = tmp_path / "events.parquet"
    res = pipeline.write_parquet(articles, out)
    assert res["events"] == cli_parquet["dedup"].num_rows and res["errors"] == []
    assert herald.read_events(out).equals(strip(cli_parquet["dedup"]))


def test_code_equals_code_batch_for_one_article(pipeline, articles):
    a = articles[3]
    recs = pipeline.code(a["text"], date=a.get("date"), id=a["id"], title=a.get("title"),
                         source=a.get("source"), url=a.get("url"))
    t = pipeline.code_batch([a])
    assert herald.events_table(recs).equals(strip(t))
    json.dumps(recs)
