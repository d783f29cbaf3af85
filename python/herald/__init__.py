"""Herald: news text in, CAMEO/PLOVER political event records out.

The same coder as the ``herald`` command, in-process::

    import herald
    p = herald.Pipeline()                       # bundled model, dictionaries and gazetteer
    p.code("Chinese Defense Minister Chang Wanquan arrived in Astana.", date="2014-09-15")
    table = p.code_batch(df)                    # pyarrow.Table, the Parquet output's columns
    herald.errors(table)                        # records that were not coded: position, id, reason

``code`` returns the records of ``herald code``'s JSONL output; ``code_batch`` and ``stream``
return the columns of its Parquet output (``--output-format parquet``), coded in parallel with the
GIL released. Spark: :mod:`herald.spark`.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from . import _herald

__version__ = _herald.VERSION

__all__ = [
    "Pipeline",
    "EventBatches",
    "schema",
    "errors_schema",
    "errors",
    "notices",
    "read_events",
    "events_table",
    "__version__",
]

#: Records handed to the compiled side at a time (the GIL is taken once per chunk).
CHUNK_ROWS = 1024

_FIELDS = ("id", "text", "date", "title", "source", "url")
_PIPELINE_OPTIONS = {
    "new_actor_length": 0,
}
_RUN_OPTIONS = {
    "story_groups": True,
    "dedup_window": None,
    "aggregate": False,
    "max_article_bytes": _herald.DEFAULT_MAX_ARTICLE_BYTES,
    "batch_size": _herald.DEFAULT_BATCH,
}

_SCHEMA = None
_ERRORS_SCHEMA = None


def _pa():
    import pyarrow

    return pyarrow


def schema():
    """The Arrow schema of coded events: the columns and types of ``herald code
    --output-format parquet`` as pyarrow reads that file."""
    global _SCHEMA
    if _SCHEMA is None:
        pa = _pa()
        s, i32, i64 = pa.string(), pa.int32(), pa.int64()
        strings = pa.list_(pa.field("element", s, nullable=False))

        def f(name, t, nullable=True):
            return pa.field(name, t, nullable=nullable)

        fields = [
            f("article_id", s, False),
            f("url", s),
            f("date", pa.date32()),
            f("sentence_index", i32, False),
            f("sentence", s, False),
            f("cameo", s, False),
            f("root_code", s, False),
            f("quad_class", i32, False),
            f("goldstein", pa.float32(), False),
            f("plover_event", s, False),
            f("plover_mode", s),
            f("plover_context", strings, False),
        ]
        for side in ("source", "target"):
            fields += [
                f(f"{side}_code", s),
                f(f"{side}_country", s),
                f(f"{side}_agents", strings),
                f(f"{side}_text", s),
                f(f"{side}_start", i64),
                f(f"{side}_end", i64),
            ]
        fields += [
            f("location_name", s),
            f("location_country", s),
            f("location_admin1", s),
            f("location_kind", s),
            f("location_lat", pa.float64()),
            f("location_lon", pa.float64()),
            f("location_text", s),
            f("location_start", i64),
            f("location_end", i64),
            f("evidence_verb", s, False),
            f("evidence_verb_start", i64, False),
            f("evidence_verb_end", i64, False),
            f("evidence_pattern", s, False),
            f("evidence_dictionary", s, False),
            f("mentions", i32, False),
            f("story_group", s),
            f("num_articles", i32, False),
            f("num_sources", i32, False),
        ]
        _SCHEMA = pa.schema(fields)
    return _SCHEMA


def errors_schema():
    """The schema of :func:`errors`: ``position`` (0-based in the input), ``id``, ``reason``."""
    global _ERRORS_SCHEMA
    if _ERRORS_SCHEMA is None:
        pa = _pa()
        _ERRORS_SCHEMA = pa.schema(
            [
                pa.field("position", pa.int64()),
                pa.field("id", pa.string()),
                pa.field("reason", pa.string(), nullable=False),
            ]
        )
    return _ERRORS_SCHEMA


def _errors_table(rows):
    pa = _pa()
    cols = list(zip(*rows)) if rows else [[], [], []]
    return pa.Table.from_arrays(
        [pa.array(list(c), t.type) for c, t in zip(cols, errors_schema())],
        schema=errors_schema(),
    )


_ERRORS_KEY = b"herald.errors"
_NOTICES_KEY = b"herald.notices"


def errors(table) -> Any:
    """The records ``code_batch`` could not code, as a ``pyarrow.Table`` (position, id, reason).

    They travel in the schema metadata of the table ``code_batch`` returned."""
    meta = table.schema.metadata or {}
    rows = json.loads(meta.get(_ERRORS_KEY, b"[]"))
    return _errors_table([tuple(r) for r in rows])


def notices(table) -> list:
    """Notes from coding (sentences cut for length, undated articles) for a ``code_batch``
    result."""
    meta = table.schema.metadata or {}
    return json.loads(meta.get(_NOTICES_KEY, b"[]"))


def _record_batch(n, cols):
    """A RecordBatch of `n` events from the Arrow buffers the compiled side built (no copy, no
    Python object per value)."""
    pa = _pa()
    buf = pa.py_buffer
    arrays = []
    for f, (validity, bufs, items) in zip(schema(), cols):
        vb = None if validity is None else buf(validity)
        if items is None:
            arrays.append(pa.Array.from_buffers(f.type, n, [vb, *map(buf, bufs)]))
        else:
            k, ibufs = items
            child = pa.Array.from_buffers(f.type.value_type, k, [None, *map(buf, ibufs)])
            arrays.append(pa.Array.from_buffers(f.type, n, [vb, buf(bufs[0])], children=[child]))
    return pa.RecordBatch.from_arrays(arrays, schema=schema())


class EventBatches(Iterator):
    """The events of :meth:`Pipeline.stream`, one ``pyarrow.RecordBatch`` at a time.

    ``errors`` (list of ``(position, id, reason)``) and ``notices`` (list of str) fill up as the
    stream is read; memory holds one batch of input and output at a time."""

    def __init__(self, raw):
        self._raw = raw
        self.errors: list = []
        self.notices: list = []

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            n, cols, errs, notes = next(self._raw)
            self.errors.extend(errs)
            self.notices.extend(notes)
            if n:
                return _record_batch(n, cols)

    def errors_table(self):
        """``errors`` as a ``pyarrow.Table`` (position, id, reason)."""
        return _errors_table(self.errors)


class Pipeline:
    """A loaded Herald pipeline: the tagger/parser model, dictionaries and gazetteer.

    Loading takes a fraction of a second; build one and reuse it. It is safe to share across
    threads, and coding releases the GIL.

    :param dictionaries: a folder (or list of folders) of Herald TOML or PETRARCH dictionaries;
        ``None`` codes with the bundled dictionaries.
    :param with_defaults: keep the bundled dictionaries beside ``dictionaries``.
    :param parse: tag and parse (default); ``False`` codes by word order, like ``--no-parse``.
    :param geocode: place events with the bundled gazetteer (``False``: ``--no-geo``).
    :param options: ``new_actor_length`` (int, needs ``parse``), and run options used by
        ``code``, ``code_batch`` and ``stream``: ``story_groups`` (bool, default True; False is
        ``--no-dedup``), ``dedup_window`` (int), ``aggregate`` (bool, ``--aggregate``),
        ``max_article_bytes`` (int, default 8 MiB), ``batch_size`` (articles coded together,
        default 256).
    """

    def __init__(
        self,
        dictionaries=None,
        with_defaults: bool = False,
        parse: bool = True,
        geocode: bool = True,
        **options,
    ):
        unknown = set(options) - set(_PIPELINE_OPTIONS) - set(_RUN_OPTIONS)
        if unknown:
            raise TypeError(
                f"unknown option(s) {sorted(unknown)}; known: "
                f"{sorted(set(_PIPELINE_OPTIONS) | set(_RUN_OPTIONS))}"
            )
        if dictionaries is None:
            folders = []
        elif isinstance(dictionaries, (str, os.PathLike)):
            folders = [os.fspath(dictionaries)]
        else:
            folders = [os.fspath(d) for d in dictionaries]
        self._args = (dictionaries, with_defaults, parse, geocode, dict(options))
        self._run = {k: options.get(k, v) for k, v in _RUN_OPTIONS.items()}
        self._p = _herald.Pipeline(
            folders,
            with_defaults=with_defaults,
            parse=parse,
            geocode=geocode,
            new_actor_length=int(options.get("new_actor_length", 0)),
        )

    def __reduce__(self):
        d, w, p, g, o = self._args
        return (_rebuild, (d, w, p, g, o))

    def __repr__(self):
        d, w, p, g, o = self._args
        return f"herald.Pipeline(dictionaries={d!r}, with_defaults={w}, parse={p}, geocode={g}, **{o!r})"

    @property
    def diagnostics(self) -> list:
        """Dictionary entries skipped at load, each with its ``file:line`` and reason."""
        return self._p.diagnostics()

    def code(self, text: str, date=None, id=None, *, title=None, source=None, url=None) -> list:
        """Codes one article; returns its events as dicts, the records ``herald code`` writes as
        JSON lines.

        :param date: ``"YYYY-MM-DD"``, a ``datetime.date`` or ``datetime``; people are coded by
            the office they held that day (undated: the office they hold now).
        :param id: the article id in the records (default ``"text"``).
        :raises ValueError: an empty or oversized text, or a date that cannot be read.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        d, problem = _date(date)
        if problem:
            raise ValueError(problem)
        out, _notices = self._p.code_json(
            text,
            "text" if id is None else _id(id),
            date=d,
            title=title,
            source=source,
            url=url,
            story_groups=self._run["story_groups"],
            max_article_bytes=self._run["max_article_bytes"],
        )
        return json.loads(out)

    def stream(
        self, articles, threads: int | None = None, *, date=None, max_rows: int = 8192
    ) -> EventBatches:
        """Codes ``articles`` as a stream: an iterator of ``pyarrow.RecordBatch`` (at most
        ``max_rows`` events each) in input order, reading the input as it goes, so memory stays
        flat however long the input. Skipped records collect in the iterator's ``errors``.

        ``articles`` and ``threads`` as for :meth:`code_batch`; ``date`` is the date of records
        that carry none (``herald code --date``)."""
        d, problem = _date(date)
        if problem:
            raise ValueError(problem)
        raw = self._p.stream(
            _chunks(articles),
            threads=threads,
            batch_size=self._run["batch_size"],
            story_groups=self._run["story_groups"],
            dedup_window=self._run["dedup_window"],
            aggregate=self._run["aggregate"],
            date=d,
            max_article_bytes=self._run["max_article_bytes"],
            max_rows=max_rows,
        )
        return EventBatches(raw)

    def code_batch(self, articles, threads: int | None = None, *, date=None):
        """Codes many articles in parallel (GIL released); returns a ``pyarrow.Table`` with the
        columns and types of Herald's Parquet output, events in input order.

        :param articles: an iterable of dicts (``id``, ``text``, optional ``date``, ``title``,
            ``source``, ``url``; a bare ``str`` is a text without id), a ``pyarrow.Table``,
            ``RecordBatch`` or ``RecordBatchReader``, a pandas or Polars DataFrame with those
            columns, or an iterable of ``RecordBatch``.
        :param threads: worker threads (default: one per core).
        :param date: date for records that carry none.

        A record that cannot be coded (no text, empty, a bad date, too large, an internal error)
        does not stop the batch: it is listed in ``herald.errors(table)`` as (position, id,
        reason), and the rest is coded.
        """
        pa = _pa()
        it = self.stream(articles, threads, date=date, max_rows=16384)
        table = pa.Table.from_batches(list(it), schema=schema())
        return table.replace_schema_metadata(
            {
                _ERRORS_KEY: json.dumps([list(e) for e in it.errors]),
                _NOTICES_KEY: json.dumps(it.notices),
            }
        )

    def write_parquet(self, articles, path, threads: int | None = None, *, date=None) -> dict:
        """Codes ``articles`` as a stream into a Parquet file (the CLI's columns); memory stays
        flat. Returns ``{"events": n, "errors": [...], "notices": [...]}``."""
        import pyarrow.parquet as pq

        it = self.stream(articles, threads, date=date)
        n = 0
        with pq.ParquetWriter(path, schema(), compression="snappy") as w:
            for batch in it:
                w.write_batch(batch)
                n += batch.num_rows
        return {"events": n, "errors": it.errors, "notices": it.notices}


def _rebuild(dictionaries, with_defaults, parse, geocode, options):
    return Pipeline(dictionaries, with_defaults, parse, geocode, **options)


# ---------------------------------------------------------------------------------------------
# Input: whatever the caller has, as chunks of plain columns for the compiled side.


def _isnan(v) -> bool:
    return isinstance(v, float) and v != v


def _id(v):
    if v is None or _isnan(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _date(v):
    """A date as the string the compiled side reads, and a problem when it is not a date."""
    if v is None or _isnan(v):
        return None, None
    if isinstance(v, str):
        return v, None
    if isinstance(v, (_dt.date, _dt.datetime)):
        try:
            return v.isoformat()[:10], None
        except ValueError:  # pandas NaT
            return None, None
    if type(v).__name__ in ("NaTType",):
        return None, None
    if type(v).__name__ == "datetime64":  # numpy
        s = str(v)
        return (None, None) if s == "NaT" else (s[:10], None)
    return None, f"the date is a {type(v).__name__}, not a date or a string"


def _opt_str(v):
    if v is None or _isnan(v):
        return None
    return v if isinstance(v, str) else str(v)


def _row_chunks(rows: Iterable, start: int = 0):
    rows = iter(rows)
    pos = start
    while True:
        block = list(itertools.islice(rows, CHUNK_ROWS))
        if not block:
            return
        cols = [[], [], [], [], [], [], []]
        ids, texts, dates, titles, sources, urls, problems = cols
        for rec in block:
            problem = None
            if isinstance(rec, str):
                rec = {"text": rec}
            if not isinstance(rec, Mapping):
                problem = f"a record is a {type(rec).__name__}, not a dict or a str"
                rec = {}
            text = rec.get("text")
            if text is not None and not isinstance(text, str) and not _isnan(text):
                problem = problem or f"the text is a {type(text).__name__}, not a string"
                text = None
            d, dp = _date(rec.get("date"))
            ids.append(_id(rec.get("id")))
            texts.append(text if isinstance(text, str) else None)
            dates.append(d)
            titles.append(_opt_str(rec.get("title")))
            sources.append(_opt_str(rec.get("source")))
            urls.append(_opt_str(rec.get("url")))
            problems.append(problem or dp)
        yield (pos, *cols)
        pos += len(block)


def _arrow_column(batch, name, kind):
    pa = _pa()
    n = batch.num_rows
    idx = batch.schema.get_field_index(name)
    if idx < 0:
        return [None] * n, None
    arr = batch.column(idx)
    t = arr.type
    if pa.types.is_dictionary(t):
        arr = arr.dictionary_decode()
        t = arr.type
    if pa.types.is_null(t):
        return [None] * n, None
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return arr.to_pylist(), None
    if kind == "date" and pa.types.is_date(t):
        return arr.cast(pa.date32()).cast(pa.string()).to_pylist(), None
    if kind == "date" and pa.types.is_timestamp(t):
        import pyarrow.compute as pc

        return pc.strftime(arr, format="%Y-%m-%d").to_pylist(), None
    if kind in ("id", "opt") and (pa.types.is_integer(t) or pa.types.is_floating(t)):
        return [_id(v) for v in arr.to_pylist()], None
    if kind == "opt":
        return [_opt_str(v) for v in arr.to_pylist()], None
    return [None] * n, f"the {name} column is of type {t}, not strings"


def _arrow_chunks(batches, start: int = 0):
    pos = start
    for big in batches:
        for off in range(0, big.num_rows, CHUNK_ROWS):
            b = big.slice(off, CHUNK_ROWS)
            cols = [
                _arrow_column(b, "id", "id"),
                _arrow_column(b, "text", "text"),
                _arrow_column(b, "date", "date"),
                _arrow_column(b, "title", "opt"),
                _arrow_column(b, "source", "opt"),
                _arrow_column(b, "url", "opt"),
            ]
            problems = [None] * b.num_rows
            for values, problem in cols:
                if problem:
                    problems = [problem] * b.num_rows
                    break
            if b.schema.get_field_index("text") < 0:
                problems = ["no text column"] * b.num_rows
            yield (pos, *(c[0] for c in cols), problems)
            pos += b.num_rows


def _chunks(articles):
    """Chunks ``(start, ids, texts, dates, titles, sources, urls, problems)`` of any input."""
    pa = _pa()
    if isinstance(articles, (str, bytes)):
        raise TypeError("articles must be an iterable of articles; for one text use Pipeline.code")
    if isinstance(articles, pa.Table):
        return _arrow_chunks(articles.to_batches(max_chunksize=CHUNK_ROWS * 16))
    if isinstance(articles, pa.RecordBatch):
        return _arrow_chunks([articles])
    if isinstance(articles, pa.RecordBatchReader):
        return _arrow_chunks(articles)
    mod = type(articles).__module__ or ""
    if mod.startswith("pandas") and hasattr(articles, "to_dict"):
        return _pandas_chunks(articles)
    if mod.startswith("polars") and hasattr(articles, "to_arrow"):
        return _chunks(articles.to_arrow())
    if isinstance(articles, Mapping):
        raise TypeError(
            "articles is one dict: give a list of dicts, or pyarrow.table(d) for a dict of columns"
        )
    it = iter(articles)
    try:
        first = next(it)
    except StopIteration:
        return iter(())
    rest = itertools.chain([first], it)
    if isinstance(first, pa.RecordBatch):
        return _arrow_chunks(rest)
    if isinstance(first, pa.Table):
        return _arrow_chunks(b for t in rest for b in t.to_batches())
    return _row_chunks(rest)


def _pandas_chunks(df):
    pa = _pa()
    cols = [c for c in _FIELDS if c in df.columns]
    try:
        table = pa.Table.from_pandas(df[cols], preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        # Mixed types in a column: go record by record, so a bad record stays one error.
        return _row_chunks(df[cols].to_dict("records"))
    return _chunks(table)


# ---------------------------------------------------------------------------------------------
# Reading what the CLI writes.


def _flat(rec: Mapping) -> dict:
    out = {
        "article_id": rec["article_id"],
        "url": rec.get("url"),
        "date": rec.get("date"),
        "sentence_index": rec["sentence_index"],
        "sentence": rec["sentence"],
        "cameo": rec["cameo"],
        "root_code": rec["root_code"],
        "quad_class": rec["quad_class"],
        "goldstein": rec["goldstein"],
        "plover_event": rec["plover"]["event"],
        "plover_mode": rec["plover"].get("mode"),
        "plover_context": rec["plover"].get("context", []),
    }
    for side in ("source", "target"):
        a = rec.get(side)
        out[f"{side}_code"] = a and a["code"]
        out[f"{side}_country"] = a and a.get("country")
        out[f"{side}_agents"] = a and a.get("agents", [])
        out[f"{side}_text"] = a and a["text"]
        out[f"{side}_start"] = a and a["start"]
        out[f"{side}_end"] = a and a["end"]
    loc = rec.get("location")
    for k in ("name", "country", "admin1", "kind", "lat", "lon", "text", "start", "end"):
        out[f"location_{k}"] = loc and loc.get(k)
    ev = rec["evidence"]
    for k in ("verb", "verb_start", "verb_end", "pattern", "dictionary"):
        out[f"evidence_{k}"] = ev[k]
    for k in ("mentions", "story_group", "num_articles", "num_sources"):
        out[k] = rec.get(k)
    return out


def events_table(records: Iterable[Mapping]):
    """JSONL event records (dicts, as ``Pipeline.code`` returns or ``herald code`` writes) as a
    ``pyarrow.Table`` with the Parquet output's columns."""
    pa = _pa()
    rows = [_flat(r) for r in records]
    cols = {f.name: [r[f.name] for r in rows] for f in schema()}
    cols["date"] = [_dt.date.fromisoformat(d) if d else None for d in cols["date"]]
    return pa.Table.from_pydict(cols, schema=schema())


def read_events(path, columns=None, filters=None):
    """Reads events the ``herald`` command wrote: a Parquet file or a folder of them
    (``--output-format parquet``, or partitioned output from Spark) or a JSONL file; returns a
    ``pyarrow.Table`` with the Parquet columns. ``columns`` and ``filters`` go to
    ``pyarrow.parquet.read_table`` (e.g. ``filters=[("root_code", "=", "14")]``).

    Polars reads the same files with ``polars.read_parquet(path)``, pandas with
    ``pandas.read_parquet(path)``."""
    p = os.fspath(path)
    if p.endswith((".jsonl", ".ndjson", ".json")):
        with open(p, encoding="utf-8") as f:
            table = events_table(json.loads(line) for line in f if line.strip())
        if columns is not None:
            table = table.select(columns)
        if filters is not None:
            raise ValueError("filters apply to Parquet input only")
        return table
    import pyarrow.parquet as pq

    return pq.read_table(p, columns=columns, filters=filters)
