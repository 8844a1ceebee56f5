"""libcampaign for Python: a government campaign plan in SQLite.

    import campaign
    with campaign.open("plan.db") as db:
        db.plan_import_file("leshan-2010.yaml", actor="张三")
        for m in db.measures_query():
            print(m.id, m.text)

The methods of :class:`Store` and :class:`Cursor` and the module functions
(``version()``, ``audit_keygen()``, ...) are generated from the C headers
(``campaign._api``, built by bindings/gen/generate.py): ``campaign_X(db, ...)``
is ``store.X(...)``, arguments in the C order without the store and the
out-parameter, options structs as keyword arguments. Query methods return iterators of plain :class:`Row` objects whose attributes
are the columns the C API documents (``include/campaign/*.h``); dates are
``datetime.date``. Every error is a :class:`campaign.Error` subclass.
"""

import datetime as _dt
import weakref as _weakref

from . import _api
from . import capi as _c
from ._api import *  # noqa: F401,F403 - the generated module functions (version, audit_keygen, ...)
from .errors import (Busy, Closed, Conflict, Error, InvalidInput, Locked, NoMemory, NotFound,
                     PermissionDenied, StoreIOError, VersionError)

__all__ = ["open", "Store", "Row", "Deadline", "parse_deadline", "Error", "NotFound",
           "InvalidInput", "Conflict", "NoMemory", "StoreIOError", "Busy", "PermissionDenied",
           "VersionError", "Closed", "Locked", "OPEN_READONLY", "OPEN_NOCREATE", "Cursor", "Rows"] + [
               n for n in dir(_api) if not n.startswith("_") and n not in ("StoreMethods", "CursorMethods")
               and callable(getattr(_api, n))]

OPEN_READONLY = _c.CAMPAIGN_OPEN_READONLY
OPEN_NOCREATE = _c.CAMPAIGN_OPEN_NOCREATE


def _date(text):
    return None if text is None else _dt.date.fromisoformat(text)


class Row:
    """One result row: an attribute per column (also ``row["name"]``)."""

    # the values in column order, and the query's {name: position}, shared by all its rows (made in C:
    # bindings/python/rows.i; a dict per row was a fifth of the time to iterate)
    __slots__ = ("_values", "_columns")

    def __init__(self, values):
        object.__setattr__(self, "_values", tuple(values.values()))
        object.__setattr__(self, "_columns", {name: i for i, name in enumerate(values)})

    def __getattr__(self, name):
        try:
            return self._values[self._columns[name]]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name):
        return self._values[self._columns[name]]

    def __setattr__(self, name, value):
        raise AttributeError("rows are read-only")

    def keys(self):
        return list(self._columns)

    def as_dict(self):
        return dict(zip(self._columns, self._values))

    def __eq__(self, other):
        return isinstance(other, Row) and self.as_dict() == other.as_dict()

    def __repr__(self):
        return "Row(%s)" % ", ".join("%s=%r" % kv for kv in zip(self._columns, self._values))


class Cursor(_api.CursorMethods):
    """An iterator over a query's rows. It keeps its store alive, and raises
    :class:`Closed` once the store is closed. Its generated methods
    (campaign._api.CursorMethods) are the C functions on a cursor, e.g.
    ``page(offset, limit)`` before the first row."""

    def __init__(self, store, handle):
        self._store = store
        self._handle = handle
        n = _c.campaign_cursor_column_count(handle)
        self._names = tuple(_c.campaign_cursor_column_name(handle, i) for i in range(n))
        self._columns = {name: i for i, name in enumerate(self._names)}
        self._batch, self._late, self._size = [], [], self._FIRST_BATCH
        store._cursors.add(self)

    def __iter__(self):
        return self

    def _cursor_h(self):
        if self._store._handle is None:
            self.close()
            raise Closed(_c.CAMPAIGN_ECLOSED, "the store is closed")
        if self._handle is None:
            raise Closed(_c.CAMPAIGN_ECLOSED, "the cursor is closed")
        return self._handle

    # rows made in C per crossing: a few first (a query read only in part steps little further), then more
    _FIRST_BATCH, _BATCH = 8, 256

    def __next__(self):
        if self._store._handle is None:
            self.close()
            raise Closed(_c.CAMPAIGN_ECLOSED, "the store is closed")
        batch = self._batch
        if batch:
            return batch.pop()
        if self._late:
            raise self._late.pop()
        if self._handle is None:
            raise StopIteration
        # the rows of a batch, last first: None, int, str or datetime.date by column type
        self._batch = batch = _c.campaign_py_cursor_rows(self._handle, self._columns, Row, self._size, self._late)
        self._size = self._BATCH
        if not batch:
            self.close()
            raise StopIteration
        return batch.pop()

    def close(self):
        if self._handle is not None:
            _c.campaign_cursor_free(self._handle)
            self._handle = None
            self._store._cursors.discard(self)

    def __del__(self):
        # the store outlives its cursors (each holds a reference to it)
        try:
            self.close()
        except Exception:
            pass


class Deadline:
    """A parsed deadline: ``text``, ``first`` and ``last`` (dates, or None:
    both for an open-ended deadline, ``last`` for a start), ``open_ended``
    (no end: open-ended or a start), ``kind`` ("range", "start",
    "open-ended" or "recurring"), ``rule`` (a recurrence's rule as text, or
    None) and ``occurrences``: a list of (first, last) date pairs — a
    recurrence's occurrences inside the period, the deadline itself for a
    range or a start."""

    __slots__ = ("text", "first", "last", "open_ended", "kind", "rule", "occurrences")

    KINDS = ("range", "start", "open-ended", "recurring")  # by campaign_deadline_kind_code

    def __init__(self, text, first, last, open_ended, kind="range", rule=None, occurrences=()):
        self.text, self.first, self.last, self.open_ended = text, first, last, open_ended
        self.kind, self.rule, self.occurrences = kind, rule, list(occurrences)

    def __repr__(self):
        return "Deadline(%r, %s, %s, %s%s)" % (self.text, self.first, self.last, self.kind,
                                             ", %r" % self.rule if self.rule else "")


Rows = Cursor


def parse_deadline(text, year=None, *, from_date=None, period_first=None, period_last=None):
    """Parses a Chinese deadline expression ("2010年11月底完成", "12月中旬",
    "2010年10月1日起", "每月5日前"). ``year`` supplies the year for
    expressions that name none; ``from_date`` is the date 即日/从今 mean;
    ``period_first``/``period_last`` the period whose occurrences a
    recurrence lists (dates or ISO text). See docs/deadlines.md."""
    opts = _api._options(_c.campaign_deadline_read_options, _c.campaign_deadline_read_options_init,
                         _c.CAMPAIGN_DEADLINE_READ_OPTIONS_VERSION,
                         (("year", year or 0, "int"), ("from_date", from_date, "date"),
                          ("period_first", period_first, "date"), ("period_last", period_last, "date")))
    handle = _c.campaign_deadline_read(text, opts)
    try:
        n = _c.campaign_deadline_occurrence_count(handle)
        return Deadline(_c.campaign_deadline_text(handle), _date(_c.campaign_deadline_first(handle)),
                        _date(_c.campaign_deadline_last(handle)),
                        bool(_c.campaign_deadline_is_open_ended(handle)),
                        Deadline.KINDS[_c.campaign_deadline_kind(handle)], _c.campaign_deadline_rule(handle),
                        [(_date(_c.campaign_deadline_occurrence_first(handle, i)),
                          _date(_c.campaign_deadline_occurrence_last(handle, i))) for i in range(n)])
    finally:
        _c.campaign_deadline_free(handle)


class Store(_api.StoreMethods):
    """An open store (an SQLite file, or ":memory:"). Use as a context
    manager, or call :meth:`close`. Closing twice is harmless; any use after
    close raises :class:`Closed`.

    Its methods are generated from the C API (campaign._api.StoreMethods):
    one per ``campaign_*`` function taking a store, named without the
    ``campaign_`` prefix, arguments in the C order without the store and the
    out-parameter; options structs are keyword arguments."""

    def __init__(self, path, flags=0, *, key=None, key_file=None, signing_key=None, signing_key_file=None,
                 witness_file=None):
        """Opens @path. The host's secrets, never written into the store: ``key`` (64 hex digits) or
        ``key_file`` for the confidential fields, ``signing_key`` (Ed25519 PEM text) or
        ``signing_key_file`` for the chain heads, and ``witness_file`` (campaign_open_with())."""
        opts = _api._options(_c.campaign_open_options, _c.campaign_open_options_init,
                             _c.CAMPAIGN_OPEN_OPTIONS_VERSION,
                             (("flags", flags, "int"), ("key", key, "text"), ("key_file", key_file, "text"),
                              ("signing_key", signing_key, "text"),
                              ("signing_key_file", signing_key_file, "text"),
                              ("witness_file", witness_file, "text")))
        self._handle = _c.campaign_open_with(str(path), opts)
        self._cursors = _weakref.WeakSet()
        self.path = path

    # -- lifetime --
    def close(self):
        if self._handle is not None:
            for cur in list(self._cursors):
                cur.close()
            _c.campaign_close(self._handle)
            self._handle = None

    @property
    def closed(self):
        return self._handle is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _h(self):
        if self._handle is None:
            raise Closed(_c.CAMPAIGN_ECLOSED, "the store is closed")
        return self._handle

    def _rows(self, handle):
        return Cursor(self, handle)


def open(path, flags=0, **keys):  # noqa: A001 - the natural name, as sqlite3.connect
    """Opens (creating and migrating if needed) a store; ``keys`` as :class:`Store`."""
    return Store(str(path), flags, **keys)
