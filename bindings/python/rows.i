/* Python: a whole row in one crossing. Building a row through SWIG one
 * column at a time (is_null, then int/text, then a date parsed in Python)
 * costs several interpreter round trips per value; this makes the dict
 * campaign.Row wraps, with the values the per-column calls gave:
 * None for NULL, int, str (UTF-8, "surrogateescape" as SWIG's char *),
 * datetime.date for dates. Not part of the C ABI: it lives in the module. */

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

/* The value of column @i of the current row, by its declared type. */
static PyObject *campaign_py_value(campaign_cursor *c, int i)
{
	const char *s;
	if (campaign_cursor_is_null(c, i))
		Py_RETURN_NONE;
	switch (campaign_cursor_column_type(c, i)) {
	case CAMPAIGN_COLUMN_INT:
		return PyLong_FromLongLong(campaign_cursor_int(c, i));
	case CAMPAIGN_COLUMN_DATE:
		return campaign_py_date(campaign_cursor_text(c, i));
	default:
		s = campaign_cursor_text(c, i);
		return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
	}
}
%}

%init %{
	PyDateTime_IMPORT;
%}

%inline %{
/* Steps @c and returns the row as a dict keyed by @names (a tuple of the
 * column names, in column order); None at the end. An error raises the
 * campaign.Error that campaign_cursor_next() raises. */
PyObject *campaign_py_cursor_row(campaign_cursor *c, PyObject *names)
{
	PyObject *row;
	Py_ssize_t n;
	int rc = campaign_cursor_next(c);
	if (rc == CAMPAIGN_ITEROVER)
		Py_RETURN_NONE;
	if (rc != CAMPAIGN_OK) {
		campaign_py_raise(rc);
		return NULL;
	}
	if (!PyTuple_Check(names))
		return PyErr_Format(PyExc_TypeError, "the column names must be a tuple");
	n = PyTuple_GET_SIZE(names);
	if (!(row = PyDict_New()))
		return NULL;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *v = campaign_py_value(c, (int)i);
		if (!v || PyDict_SetItem(row, PyTuple_GET_ITEM(names, i), v) < 0) {
			Py_XDECREF(v);
			Py_DECREF(row);
			return NULL;
		}
		Py_DECREF(v);
	}
	return row;
}
%}
