"""Type stubs for ``herald``: news text in, CAMEO/PLOVER political event records out."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional, Sequence, Tuple, Union

import pyarrow as pa

__version__: str
CHUNK_ROWS: int

DateLike = Union[str, datetime.date, datetime.datetime, None]
PathLike = Union[str, os.PathLike]
#: dicts / strs, a pyarrow Table, RecordBatch or RecordBatchReader, a pandas or Polars DataFrame,
#: or an iterable of RecordBatch.
Articles = Any
ErrorRow = Tuple[Optional[int], Optional[str], str]

def schema() -> pa.Schema:
    """The Arrow schema of coded events: ``herald code --output-format parquet``'s columns."""

def errors_schema() -> pa.Schema:
    """``position`` (int64, 0-based in the input), ``id`` (string), ``reason`` (string)."""

def errors(table: pa.Table) -> pa.Table:
    """The records a ``code_batch`` result could not code: position, id, reason."""

def notices(table: pa.Table) -> list[str]:
    """Notes from coding for a ``code_batch`` result."""

def events_table(records: Iterable[Mapping[str, Any]]) -> pa.Table:
    """JSONL event records as a table with the Parquet output's columns."""

def read_events(
    path: PathLike,
    columns: Optional[Sequence[str]] = ...,
    filters: Any = ...,
) -> pa.Table:
    """Reads a Parquet file or folder, or a JSONL file, that Herald wrote."""

class EventBatches(Iterator[pa.RecordBatch]):
    """The events of ``Pipeline.stream``, a ``RecordBatch`` at a time."""

    errors: list[ErrorRow]
    notices: list[str]
    def __iter__(self) -> "EventBatches": ...
    def __next__(self) -> pa.RecordBatch: ...
    def errors_table(self) -> pa.Table: ...

class Pipeline:
    """A loaded Herald pipeline (model, dictionaries, gazetteer); thread-safe, picklable.

    Options: ``new_actor_length: int``, ``story_groups: bool``, ``dedup_window: int``,
    ``aggregate: bool``, ``max_article_bytes: int``, ``batch_size: int``.
    """

    def __init__(
        self,
        dictionaries: Union[PathLike, Sequence[PathLike], None] = None,
        with_defaults: bool = False,
        parse: bool = True,
        geocode: bool = True,
        **options: Any,
    ) -> None: ...
    @property
    def diagnostics(self) -> list[str]:
        """Dictionary entries skipped at load."""

    def code(
        self,
        text: str,
        date: DateLike = None,
        id: Optional[str] = None,
        *,
        title: Optional[str] = None,
        source: Optional[str] = None,
        url: Optional[str] = None,
    ) -> list[dict[str, Any]]:
        """One article's events, the records of ``herald code``'s JSONL output."""

    def code_batch(
        self, articles: Articles, threads: Optional[int] = None, *, date: DateLike = None
    ) -> pa.Table:
        """Many articles coded in parallel; the Parquet output's columns; bad records in
        ``herald.errors(table)``."""

    def stream(
        self,
        articles: Articles,
        threads: Optional[int] = None,
        *,
        date: DateLike = None,
        max_rows: int = 8192,
    ) -> EventBatches:
        """Codes a stream of articles into RecordBatches with flat memory."""

    def write_parquet(
        self,
        articles: Articles,
        path: PathLike,
        threads: Optional[int] = None,
        *,
        date: DateLike = None,
    ) -> dict[str, Any]:
        """Codes a stream of articles into a Parquet file."""
