# Type stub of the hand-written part of the campaign package; the generated
# methods and functions are typed in _api.pyi (bindings/gen/generate.py).
import datetime
import os
from typing import Any, Iterator, List, Optional, Tuple, Union

from . import _api
from ._api import *  # noqa: F401,F403
from .errors import (Busy as Busy, Closed as Closed, Conflict as Conflict, Error as Error,
                     InvalidInput as InvalidInput, NoMemory as NoMemory, NotFound as NotFound,
                     PermissionDenied as PermissionDenied, StoreIOError as StoreIOError,
                     VersionError as VersionError)

OPEN_READONLY: int
OPEN_NOCREATE: int


class Row:
    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, name: str) -> Any: ...
    def keys(self) -> List[str]: ...
    def as_dict(self) -> dict: ...


class Cursor(_api.CursorMethods):
    def __iter__(self) -> Iterator[Row]: ...
    def __next__(self) -> Row: ...
    def close(self) -> None: ...


Rows = Cursor


class Deadline:
    text: str
    first: Optional[datetime.date]
    last: Optional[datetime.date]
    open_ended: bool
    kind: str
    rule: Optional[str]
    occurrences: List[Tuple[datetime.date, Optional[datetime.date]]]


def parse_deadline(text: str, year: Optional[int] = ..., *, from_date: Union[datetime.date, str, None] = ...,
                   period_first: Union[datetime.date, str, None] = ...,
                   period_last: Union[datetime.date, str, None] = ...) -> Deadline: ...


class Store(_api.StoreMethods):
    path: str
    def __init__(self, path: str, flags: int = ...) -> None: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def __enter__(self) -> "Store": ...
    def __exit__(self, *exc: Any) -> None: ...


def open(path: Union[str, "os.PathLike[str]"], flags: int = ...) -> Store: ...
