/* The thread-local last error (libgit2's git_error_last()). It lives in
 * thread-local storage so that it works even when campaign_open() failed and
 * there is no handle to ask, and so that threads never see each other's. */
#include <stdio.h>
#include <string.h>
#include "core/core.h"

#define MSG_MAX 2048
#define FILE_MAX 512

static _Thread_local struct {
	int code;
	char message[MSG_MAX];
	char file[FILE_MAX];
	int has_file;
	int line, column;
} last;

/* A value SQLite could not copy (bind_copy(), column_copy()): the next
 * stmt_step() of this thread fails, and a transaction SQLite rolled back for
 * it is out of memory. */
static _Thread_local int copy_lost;

int bind_copy(sqlite3_stmt *st, int i, const char *s, int n)
{
	int rc = sqlite3_bind_text(st, i, s, n, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK)
		copy_lost = 1;
	return rc;
}

int bind_value_copy(sqlite3_stmt *st, int i, const sqlite3_value *v)
{
	int rc = sqlite3_bind_value(st, i, v);
	if (rc != SQLITE_OK)
		copy_lost = 1;
	return rc;
}

/* The library's code of an SQL function of ours that failed during the
 * current step (an unseal that met a damaged value: EIO; another key's:
 * ELOCKED): SQLite passes on the function's message as a plain SQLITE_ERROR,
 * error_from_sqlite() gives the code back. Cleared at every step. */
static _Thread_local int function_code;

void sql_function_failed(int code)
{
	function_code = code;
}

int stmt_step(sqlite3_stmt *st)
{
	function_code = 0;
	return copy_lost_take() ? SQLITE_NOMEM : sqlite3_step(st);
}

void copy_lost_set(void)
{
	copy_lost = 1;
}

int copy_lost_take(void)
{
	int lost = copy_lost;
	copy_lost = 0;
	return lost;
}

static void set_message(const char *fmt, va_list ap)
{
	vsnprintf(last.message, sizeof last.message, fmt, ap);
}

int error_set(int code, const char *fmt, ...)
{
	va_list ap;
	last.code = code;
	last.has_file = 0;
	last.line = last.column = 0;
	va_start(ap, fmt);
	set_message(fmt, ap);
	va_end(ap);
	return code;
}

int error_set_at(int code, const char *file, int line, int column, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	last.code = code;
	last.has_file = 1;
	snprintf(last.file, sizeof last.file, "%s", file ? file : "<string>");
	last.line = line;
	last.column = column;
	snprintf(last.message, sizeof last.message, "%s:%d:%d: %s", last.file, line, column, msg);
	return code;
}

void error_cell_prefix(char *out, size_t n, const char *file, const char *sheet, int line, int column)
{
	char letters[8];
	int k = (int)sizeof letters - 1;
	file = file ? file : "<string>";
	if (!sheet) {
		snprintf(out, n, "%s:%d:%d: ", file, line, column);
		return;
	}
	/* the column as a spreadsheet names it: 1 A, 26 Z, 27 AA */
	letters[k] = 0;
	for (int c = column; c > 0 && k > 0; c = (c - 1) / 26)
		letters[--k] = (char)('A' + (c - 1) % 26);
	snprintf(out, n, "%s: %s!%s%d: ", file, sheet, letters + k, line);
}

int error_set_cell(int code, const char *file, const char *sheet, int line, int column, const char *fmt, ...)
{
	char msg[1024], prefix[FILE_MAX + 128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error_set_at(code, file, line, column, "%s", msg);
	error_cell_prefix(prefix, sizeof prefix, last.file, sheet, line, column);
	snprintf(last.message, sizeof last.message, "%s%s", prefix, msg);
	return code;
}

int error_from_sqlite(sqlite3 *db, int rc, const char *what)
{
	int code;
	/* extended codes are on: an I/O layer that ran out of memory is out of memory */
	if (rc == SQLITE_IOERR_NOMEM)
		rc = SQLITE_NOMEM;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: code = CAMPAIGN_EBUSY; break;
	case SQLITE_NOMEM: code = CAMPAIGN_ENOMEM; break;
	case SQLITE_CONSTRAINT: code = CAMPAIGN_ECONFLICT; break;
	case SQLITE_READONLY: code = CAMPAIGN_EPERM; break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL: code = CAMPAIGN_EIO; break;
	default: code = CAMPAIGN_ERROR; break;
	}
	if ((rc & 0xff) == SQLITE_ERROR && function_code)
		code = function_code;
	function_code = 0;
	/* Copy at once: sqlite3_errmsg() is per connection and the next call overwrites it. */
	return error_set(code, "%s: %s", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

void error_ok(void)
{
	last.code = CAMPAIGN_OK;
	last.message[0] = '\0';
	last.has_file = 0;
	last.line = last.column = 0;
}

int campaign_error_code_last(void) { return last.code; }
const char *campaign_error_message(void) { return last.message; }
const char *campaign_error_file(void) { return last.has_file ? last.file : NULL; }
int campaign_error_line(void) { return last.line; }
int campaign_error_column(void) { return last.column; }
void campaign_error_clear(void) { error_ok(); }

const char *campaign_error_name(int code)
{
	switch (code) {
	case CAMPAIGN_OK: return "OK";
	case CAMPAIGN_ERROR: return "ERROR";
	case CAMPAIGN_ENOTFOUND: return "ENOTFOUND";
	case CAMPAIGN_EINVALID: return "EINVALID";
	case CAMPAIGN_ECONFLICT: return "ECONFLICT";
	case CAMPAIGN_ENOMEM: return "ENOMEM";
	case CAMPAIGN_EIO: return "EIO";
	case CAMPAIGN_EBUSY: return "EBUSY";
	case CAMPAIGN_EPERM: return "EPERM";
	case CAMPAIGN_EVERSION: return "EVERSION";
	case CAMPAIGN_ECLOSED: return "ECLOSED";
	case CAMPAIGN_ELOCKED: return "ELOCKED";
	case CAMPAIGN_ITEROVER: return "ITEROVER";
	default: return "EUNKNOWN";
	}
}

const char *campaign_version(void) { return CAMPAIGN_VERSION_STRING; }
