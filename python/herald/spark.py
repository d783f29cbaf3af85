"""Herald on Spark: code a DataFrame of articles into a DataFrame of events.

::

    from herald.spark import code_events
    events = code_events(articles_df, text="body", id="doc_id", date="published")
    events.write.partitionBy("date").parquet("s3://bucket/events/")

Implemented with ``DataFrame.mapInArrow``: each task streams its partition's Arrow batches through
one :class:`herald.Pipeline` per Python worker process (loaded on the first batch and kept in a
module-level cache, so a reused worker loads it once), coding on one thread per task (Spark runs
one task per executor core). No per-row Python: text goes from Arrow to Rust and events come back
as Arrow batches. The output schema is declared (:func:`events_schema`), so Spark plans without
running anything.

Story groups (syndicated copies) are found within a partition, in partition order; records that
cannot be coded are skipped and reported on the executor's stderr (or returned by
:func:`code_errors`).
"""

from __future__ import annotations

import sys
import threading

import herald

__all__ = ["code_events", "code_errors", "events_schema", "errors_schema"]

_CACHE: dict = {}
_LOCK = threading.Lock()

#: Options of ``herald.Pipeline`` that ``code_events`` passes on.
_PIPELINE_KEYS = (
    "dictionaries",
    "with_defaults",
    "parse",
    "geocode",
    "new_actor_length",
    "story_groups",
    "dedup_window",
    "aggregate",
    "max_article_bytes",
    "batch_size",
)


def _pipeline(options: dict) -> herald.Pipeline:
    """One pipeline per worker process and set of options, built on first use."""
    key = tuple(sorted((k, repr(v)) for k, v in options.items()))
    p = _CACHE.get(key)
    if p is None:
        with _LOCK:
            p = _CACHE.get(key)
            if p is None:
                p = herald.Pipeline(**options)
                _CACHE[key] = p
    return p


def _spark_type(t):
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_string(t):
        return T.StringType()
    if pa.types.is_int32(t):
        return T.IntegerType()
    if pa.types.is_int64(t):
        return T.LongType()
    if pa.types.is_float32(t):
        return T.FloatType()
    if pa.types.is_float64(t):
        return T.DoubleType()
    if pa.types.is_date32(t):
        return T.DateType()
    if pa.types.is_list(t):
        return T.ArrayType(_spark_type(t.value_type), t.value_field.nullable)
    raise TypeError(f"no Spark type for {t}")


def _struct(schema):
    from pyspark.sql import types as T

    return T.StructType(
        [T.StructField(f.name, _spark_type(f.type), f.nullable) for f in schema]
    )


def events_schema():
    """The Spark schema of ``code_events``: the Parquet output's columns (``herald.schema()``)."""
    return _struct(herald.schema())


def errors_schema():
    """The Spark schema of ``code_errors``: position in the partition, id, reason."""
    return _struct(herald.errors_schema())


def _input(df, text, id, date, title, source, url):
    from pyspark.sql import functions as F

    def opt(name, alias):
        if name and name in df.columns:
            return F.col(name).cast("string").alias(alias)
        return F.lit(None).cast("string").alias(alias)

    if text not in df.columns:
        raise ValueError(f"no column {text!r} in the DataFrame (columns: {df.columns})")
    return df.select(
        opt(id, "id"),
        F.col(text).alias("text"),
        opt(date, "date"),
        opt(title, "title"),
        opt(source, "source"),
        opt(url, "url"),
    )


def _split(options):
    unknown = set(options) - set(_PIPELINE_KEYS)
    if unknown:
        raise TypeError(f"unknown option(s) {sorted(unknown)}; known: {list(_PIPELINE_KEYS)}")
    return dict(options)


def code_events(
    df,
    text: str = "text",
    id: str = "id",
    date: str = "date",
    *,
    title: str = "title",
    source: str = "source",
    url: str = "url",
    threads: int = 1,
    **pipeline_options,
):
    """Codes the articles of a Spark DataFrame; returns a DataFrame of events with the columns of
    Herald's Parquet output (:func:`events_schema`).

    :param text, id, date, title, source, url: the input's column names (``date`` a date,
        timestamp or ``YYYY-MM-DD`` string; missing optional columns are treated as null).
    :param threads: coding threads per task (default 1: Spark already runs a task per core).
    :param pipeline_options: options of :class:`herald.Pipeline` (``dictionaries``, ``parse``,
        ``geocode``, ``story_groups``, ...). A ``dictionaries`` folder must exist on every
        executor.
    """
    options = _split(pipeline_options)
    schema = events_schema()

    def code_partition(batches):
        p = _pipeline(options)
        stream = p.stream(batches, threads=threads)
        yield from stream
        if stream.errors:
            print(
                f"herald: skipped {len(stream.errors)} record(s) in this partition, "
                f"the first: {stream.errors[0]}",
                file=sys.stderr,
            )

    return _input(df, text, id, date, title, source, url).mapInArrow(code_partition, schema)


def code_errors(
    df,
    text: str = "text",
    id: str = "id",
    date: str = "date",
    *,
    title: str = "title",
    source: str = "source",
    url: str = "url",
    **pipeline_options,
):
    """The records ``code_events`` skips, as a DataFrame (position in the partition, id, reason).

    Checks what can be checked without coding (text missing or empty, unreadable date, too
    large), so it runs in a small fraction of the coding time; an internal error while coding
    is reported by ``code_events`` on the executor's stderr."""
    import pyarrow as pa

    options = _split(pipeline_options)
    max_bytes = options.get("max_article_bytes", herald._herald.DEFAULT_MAX_ARTICLE_BYTES)

    def check_partition(batches):
        from datetime import date as _d

        esch = herald.errors_schema()
        for start, ids, texts, dates, _t, _s, _u, problems in herald._chunks(batches):
            rows = []
            for i, (id_, text, d, problem) in enumerate(zip(ids, texts, dates, problems)):
                reason = problem
                if reason is None and text is None:
                    reason = "no text: the record's text is missing or not a string"
                if reason is None and d is not None and d.strip():
                    try:
                        _d.fromisoformat(d.strip()[:10])
                    except ValueError:
                        reason = f"invalid date {d!r} (expected YYYY-MM-DD)"
                if reason is None and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
                    reason = f"article is larger than {max_bytes} bytes"
                if reason is None and not text.strip():
                    reason = "empty article: no text to code"
                if reason:
                    rows.append((start + i, id_ if id_ is not None else f"#{start + i}", reason))
            if rows:
                cols = list(zip(*rows))
                yield pa.RecordBatch.from_arrays(
                    [pa.array(list(c), f.type) for c, f in zip(cols, esch)], schema=esch
                )

    return _input(df, text, id, date, title, source, url).mapInArrow(
        check_partition, errors_schema()
    )
