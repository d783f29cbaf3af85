"""The compiled half of ``herald`` (use the ``herald`` module instead)."""

from typing import Any, Iterator, Optional

VERSION: str
DEFAULT_BATCH: int
DEFAULT_MAX_ARTICLE_BYTES: int

class Pipeline:
    def __init__(
        self,
        dictionaries: list[str] = ...,
        with_defaults: bool = ...,
        parse: bool = ...,
        geocode: bool = ...,
        new_actor_length: int = ...,
    ) -> None: ...
    def diagnostics(self) -> list[str]: ...
    def code_json(
        self,
        text: str,
        id: str,
        date: Optional[str] = ...,
        title: Optional[str] = ...,
        source: Optional[str] = ...,
        url: Optional[str] = ...,
        story_groups: bool = ...,
        max_article_bytes: int = ...,
    ) -> tuple[str, list[str]]: ...
    def stream(
        self,
        chunks: Any,
        threads: Optional[int] = ...,
        batch_size: int = ...,
        story_groups: bool = ...,
        dedup_window: Optional[int] = ...,
        aggregate: bool = ...,
        date: Optional[str] = ...,
        max_article_bytes: int = ...,
        max_rows: int = ...,
    ) -> "EventStream": ...

class EventStream(Iterator[tuple[dict[str, list], list, list[str]]]):
    def __iter__(self) -> "EventStream": ...
    def __next__(self) -> tuple[dict[str, list], list, list[str]]: ...
