/* Python: rows a batch per crossing. Building a row through SWIG one
 * column at a time (is_null, then int/text, then a date parsed in Python)
 * costs several interpreter round trips per value; this makes the dict
 * campaign.Row wraps, with the values the per-column calls gave:
 * None for NULL, int, str (UTF-8, "surrogateescape" as SWIG's char *),
 * datetime.date for dates; campaign_py_cursor_rows makes a batch of
 * campaign.Row objects at once (a crossing per row, its argument checks and
 * Row.__init__ in Python were a third of the time to iterate).
 * Not part of the C ABI: it lives in the module. */

%{
#include <datetime.h>

/* "YYYY-MM-DD" as a datetime.date; anything else goes through
 * date.fromisoformat, so that its result or its exception is the one the
 * pure-Python path gave. */
static PyObject *campaign_py_date(const char *s)
{
	size_t n = strlen(s);
	int ok = n == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; ok && i < 10; i++)
		ok = i == 4 || i == 7 || (s[i] >= '0' && s[i] <= '9');
	if (ok) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
		PyObject *date = PyDate_FromDate(y, m, d);
		if (date)
			return date;
		PyErr_Clear();
	}
	return PyObject_CallMethod((PyObject *)PyDateTimeAPI->DateType, "fromisoformat", "s", s);
}

/* The last short text or date of each column within a batch: a column
 * repeats its values row after row (unit, status, kind, actor, dates), and
 * the same immutable str or date object serves them all without decoding
 * it again. */
#define CAMPAIGN_PY_MEMO_BYTES 40
struct campaign_py_memo {
	PyObject *value; /* NULL: none yet */
	size_t len;
	char bytes[CAMPAIGN_PY_MEMO_BYTES];
};

/* The value of text @s (@type: a date or text) as Python makes it. */
static PyObject *campaign_py_text(const char *s, size_t n, int type)
{
	if (type == CAMPAIGN_COLUMN_DATE)
		return campaign_py_date(s);
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "surrogateescape");
}

/* The value of column @i of the current row, by its declared type; @memo
 * (or NULL) is the column's last short value. */
static PyObject *campaign_py_value(campaign_cursor *c, int i, struct campaign_py_memo *memo)
{
	int type;
	const char *s;
	size_t n;
	PyObject *v;
	if (campaign_cursor_is_null(c, i))
		Py_RETURN_NONE;
	type = campaign_cursor_column_type(c, i);
	if (type == CAMPAIGN_COLUMN_INT)
		return PyLong_FromLongLong(campaign_cursor_int(c, i));
	s = campaign_cursor_text(c, i);
	n = strlen(s);
	if (!memo || n > CAMPAIGN_PY_MEMO_BYTES)
		return campaign_py_text(s, n, type);
	if (memo->value && memo->len == n && !memcmp(memo->bytes, s, n)) {
		Py_INCREF(memo->value);
		return memo->value;
	}
	if (!(v = campaign_py_text(s, n, type)))
		return NULL;
	Py_XSETREF(memo->value, v);
	Py_INCREF(v);
	memo->len = n;
	memcpy(memo->bytes, s, n);
	return v;
}

/* The row of @c just stepped to as a tuple of @n values; NULL with an
 * exception set. */
static PyObject *campaign_py_row_values(campaign_cursor *c, Py_ssize_t n, struct campaign_py_memo *memo)
{
	PyObject *row = PyTuple_New(n);
	if (!row)
		return NULL;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *v = campaign_py_value(c, (int)i, &memo[i]);
		if (!v) {
			Py_DECREF(row);
			return NULL;
		}
		PyTuple_SET_ITEM(row, i, v);
	}
	return row;
}

static void campaign_py_memo_free(struct campaign_py_memo *memo, Py_ssize_t n)
{
	for (Py_ssize_t i = 0; i < n; i++)
		Py_XDECREF(memo[i].value);
	PyMem_Free(memo);
}

/* A new @row_type (campaign.Row) holding @values and @columns in its slots. */
static PyObject *campaign_py_row_new(PyTypeObject *row_type, PyObject *slots[2], PyObject *values, PyObject *columns)
{
	PyObject *row = row_type->tp_alloc(row_type, 0);
	if (row && (Py_TYPE(slots[0])->tp_descr_set(slots[0], row, values) < 0 ||
	            Py_TYPE(slots[1])->tp_descr_set(slots[1], row, columns) < 0))
		Py_CLEAR(row);
	return row;
}
%}

%init %{
	PyDateTime_IMPORT;
%}

%inline %{
/* Steps @c up to @max times and returns the rows as a list of @row_type
 * objects (campaign.Row: a tuple of the values and @columns, the query's
 * {name: position}), last row first (the caller pops them); an empty list
 * at the end. An error on the first row raises; an error after some rows
 * returns them and appends the exception to @late, to be raised when they
 * are used up. */
PyObject *campaign_py_cursor_rows(campaign_cursor *c, PyObject *columns, PyObject *row_type, int max, PyObject *late)
{
	PyObject *rows = NULL, *slots[2] = {NULL, NULL}, *type, *value, *tb;
	struct campaign_py_memo *memo = NULL;
	Py_ssize_t ncol;
	int rc = CAMPAIGN_OK;
	if (!PyDict_Check(columns) || !PyType_Check(row_type) || !PyList_Check(late) || max < 1)
		return PyErr_Format(PyExc_TypeError, "campaign_py_cursor_rows: bad arguments");
	ncol = PyDict_GET_SIZE(columns);
	if (!(slots[0] = PyObject_GetAttrString(row_type, "_values")) ||
	    !(slots[1] = PyObject_GetAttrString(row_type, "_columns")))
		goto fail;
	if (!Py_TYPE(slots[0])->tp_descr_set || !Py_TYPE(slots[1])->tp_descr_set) {
		PyErr_Format(PyExc_TypeError, "the row type has no _values and _columns slots");
		goto fail;
	}
	if (!(memo = (struct campaign_py_memo *)PyMem_Calloc((size_t)ncol + 1, sizeof *memo))) {
		PyErr_NoMemory();
		goto fail;
	}
	if (!(rows = PyList_New(0)))
		goto fail;
	while (PyList_GET_SIZE(rows) < max && (rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		PyObject *values = campaign_py_row_values(c, ncol, memo), *row;
		row = values ? campaign_py_row_new((PyTypeObject *)row_type, slots, values, columns) : NULL;
		Py_XDECREF(values);
		if (!row || PyList_Append(rows, row) < 0) {
			Py_XDECREF(row);
			goto fail;
		}
		Py_DECREF(row);
	}
	if (rc != CAMPAIGN_OK && rc != CAMPAIGN_ITEROVER) {
		campaign_py_raise(rc);
		if (!PyList_GET_SIZE(rows))
			goto fail;
		PyErr_Fetch(&type, &value, &tb);
		PyErr_NormalizeException(&type, &value, &tb);
		rc = value ? PyList_Append(late, value) : -1;
		Py_XDECREF(type);
		Py_XDECREF(value);
		Py_XDECREF(tb);
		if (rc < 0)
			goto fail;
	}
	if (PyList_Reverse(rows) < 0)
		goto fail;
	campaign_py_memo_free(memo, ncol);
	Py_DECREF(slots[0]);
	Py_DECREF(slots[1]);
	return rows;
fail:
	if (memo)
		campaign_py_memo_free(memo, ncol);
	Py_XDECREF(slots[0]);
	Py_XDECREF(slots[1]);
	Py_XDECREF(rows);
	return NULL;
}
%}
