"""Type stubs for ``herald.spark``."""

from typing import Any

def events_schema() -> Any:
    """The Spark ``StructType`` of coded events."""

def errors_schema() -> Any:
    """The Spark ``StructType`` of ``code_errors``."""

def code_events(
    df: Any,
    text: str = "text",
    id: str = "id",
    date: str = "date",
    *,
    title: str = "title",
    source: str = "source",
    url: str = "url",
    threads: int = 1,
    **pipeline_options: Any,
) -> Any:
    """A Spark DataFrame of events (``mapInArrow``, one Pipeline per worker process)."""

def code_errors(
    df: Any,
    text: str = "text",
    id: str = "id",
    date: str = "date",
    *,
    title: str = "title",
    source: str = "source",
    url: str = "url",
    **pipeline_options: Any,
) -> Any:
    """A Spark DataFrame of the records ``code_events`` skips."""
