"""The package codes as the `herald` command does."""

import datetime
import json
import pickle
import threading

import pytest

import herald
from conftest import REPO


def test_example_matches_the_cli(pipeline, cli):
    path = REPO / "examples" / "defense-visit.txt"
    want = [json.loads(l) for l in cli(path, "--date", "2014-09-15").splitlines()]
    got = pipeline.code(path.read_text(encoding="utf-8"), date="2014-09-15",
                        id="defense-visit.txt")
    assert len(want) >= 3
    assert got == want


def test_code_takes_a_date_object_and_defaults(pipeline):
    text = "Chinese Defense Minister Chang Wanquan arrived in Astana on Monday."
    a = pipeline.code(text, date=datetime.date(2015, 3, 2))
    b = pipeline.code(text, date="2015-03-02")
    assert a == b
    assert a[0]["article_id"] == "text"
    assert a[0]["cameo"] == "042"
    assert a[0]["date"] == "2015-03-02"


def test_code_rejects_bad_articles(pipeline):
    with pytest.raises(ValueError, match="empty article"):
        pipeline.code("   ")
    with pytest.raises(ValueError, match="date"):
        pipeline.code("Russia condemned the attack.", date="15/09/2014")
    with pytest.raises(TypeError):
        pipeline.code(None)


def test_unknown_options_are_refused():
    with pytest.raises(TypeError, match="unknown option"):
        herald.Pipeline(new_actor_lenght=3)
    with pytest.raises(ValueError, match="parser"):
        herald.Pipeline(parse=False, new_actor_length=3)
    with pytest.raises(ValueError, match="does not exist"):
        herald.Pipeline(dictionaries="/nonexistent/dicts")


def test_pipeline_pickles_and_is_shared_by_threads(pipeline):
    p2 = pickle.loads(pickle.dumps(herald.Pipeline(geocode=False)))
    assert p2.code("Iran accused Israel of sabotage.")[0]["location"] is None
    text = "Turkey recalled its ambassador from Austria."
    want = pipeline.code(text)
    results = []

    def work():
        results.append(pipeline.code(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 4


def test_schema_matches_the_cli_parquet(cli_parquet):
    assert cli_parquet["dedup"].schema.remove_metadata().equals(herald.schema())


def test_read_events_reads_cli_output(cli, corpus_file, cli_parquet, tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_bytes(cli(corpus_file))
    t = herald.read_events(p)
    assert t.equals(cli_parquet["dedup"].replace_schema_metadata(None))
