"""Exceptions raised for libcampaign's error codes.

Every C error becomes :class:`Error` or a subclass, carrying the code, the
message and, for plan files, the file, line and column.
"""


class Error(Exception):
    """A libcampaign error: ``code`` (negative int), ``message``, and
    ``file``/``line``/``column`` when it came from a plan file."""

    code = -1

    def __init__(self, code, message, file=None, line=0, column=0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __reduce__(self):
        return (type(self), (self.code, self.message, self.file, self.line, self.column))


class NotFound(Error):
    """CAMPAIGN_ENOTFOUND: the named object does not exist."""


class InvalidInput(Error):
    """CAMPAIGN_EINVALID: a bad argument, plan file or deadline text."""


class Conflict(Error):
    """CAMPAIGN_ECONFLICT: the object exists already, or a constraint is violated."""


class NoMemory(Error):
    """CAMPAIGN_ENOMEM."""


class StoreIOError(Error):
    """CAMPAIGN_EIO: a file or database input/output error."""


class Busy(Error):
    """CAMPAIGN_EBUSY: the store is locked by another connection."""


class PermissionDenied(Error):
    """CAMPAIGN_EPERM: the actor may not do this, or the store is read-only."""


class VersionError(Error):
    """CAMPAIGN_EVERSION: the store was written by a newer libcampaign."""


class Closed(Error):
    """CAMPAIGN_ECLOSED: the store (or cursor) was closed."""


class Locked(Error):
    """CAMPAIGN_ELOCKED: a confidential field, and the store was opened without its key."""


_BY_CODE = {
    -2: NotFound,
    -3: InvalidInput,
    -4: Conflict,
    -5: NoMemory,
    -6: StoreIOError,
    -7: Busy,
    -8: PermissionDenied,
    -9: VersionError,
    -10: Closed,
    -11: Locked,
}


def from_code(code, message, file=None, line=0, column=0):
    """The exception for ``code`` (called by the native module)."""
    return _BY_CODE.get(code, Error)(code, message, file, line, column)
