/* Python specifics of the interface: results as ints, errors as
 * campaign.Error subclasses, T **out parameters as return values. */

%{
#define CAMPAIGN_INT_RESULT(v) PyLong_FromLong((long)(v))

/* Raises the exception campaign.errors makes for @code and the last error;
 * an exception already pending (raised by a Python callback the call made)
 * is the one raised. */
static void campaign_py_raise(int code)
{
	PyObject *mod, *exc = NULL;
	const char *file = campaign_error_file();
	if (PyErr_Occurred())
		return;
	mod = PyImport_ImportModule("campaign.errors");
	if (mod) {
		exc = PyObject_CallMethod(mod, "from_code", "iszii", code, campaign_error_message(), file,
		                          campaign_error_line(), campaign_error_column());
		Py_DECREF(mod);
	}
	if (exc) {
		PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
		Py_DECREF(exc);
	} else if (!PyErr_Occurred()) {
		PyErr_Format(PyExc_RuntimeError, "libcampaign error %d: %s", code, campaign_error_message());
	}
}
#define CAMPAIGN_RAISE(code) do { campaign_py_raise(code); SWIG_fail; } while (0)
%}

/* Every other int is a status: negative raises. */
%typemap(out) int %{
	if ($1 < 0) {
		CAMPAIGN_RAISE($1);
	}
	$result = PyLong_FromLong((long)$1);
%}

/* T **out: the new object is the result (a failed call has raised already). */
%define CAMPAIGN_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) %{ $1 = &tmp; %}
%typemap(argout) TYPE **out %{
	Py_XDECREF($result);
	$result = SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, 0);
%}
%enddef
CAMPAIGN_OUT(campaign_db)
CAMPAIGN_OUT(campaign_cursor)
CAMPAIGN_OUT(campaign_deadline)
CAMPAIGN_OUT(campaign_buf)
