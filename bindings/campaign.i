/* The one SWIG interface of libcampaign: it %includes the public headers, so
 * every C function appears in Python and Java without hand-written glue.
 * What differs per language (handles, strings, errors) is in
 * python/python.i and java/java.i, chosen by SWIGPYTHON / SWIGJAVA (the
 * arrangement of GDAL's swig/include/gdal.i).
 *
 * Conventions that hold in both languages:
 * - an `int` a function returns is checked once, here: a negative code
 *   (but CAMPAIGN_ITEROVER) becomes an exception carrying the code, the
 *   message, and file/line/column for plan files;
 * - a `T **out` parameter is the function's result in the target language;
 * - strings cross as UTF-8.
 */
%module capi

%{
#include "campaign/campaign.h"
%}

/* Functions whose int result is a value, never an error code. */
%define CAMPAIGN_INT_VALUE(NAME)
%typemap(out) int NAME %{ $result = CAMPAIGN_INT_RESULT($1); %}
%enddef

#if defined(SWIGPYTHON)
%include "python/python.i"
#elif defined(SWIGJAVA)
%include "java/java.i"
#else
#error "libcampaign has bindings for Python and Java"
#endif

CAMPAIGN_INT_VALUE(campaign_error_code_last)
CAMPAIGN_INT_VALUE(campaign_error_line)
CAMPAIGN_INT_VALUE(campaign_error_column)
CAMPAIGN_INT_VALUE(campaign_cursor_column_index)
CAMPAIGN_INT_VALUE(campaign_cursor_column_count)
CAMPAIGN_INT_VALUE(campaign_cursor_is_null)
CAMPAIGN_INT_VALUE(campaign_deadline_is_open_ended)
CAMPAIGN_INT_VALUE(campaign_schema_version_supported)
/* catalogue import returns the catalogue's version (>= 1) on success */

/* cursor_next: CAMPAIGN_OK (0) for a row, CAMPAIGN_ITEROVER (-31) at the end; other codes raise */
%typemap(out) int campaign_cursor_next %{
	if ($1 < 0 && $1 != CAMPAIGN_ITEROVER) {
		CAMPAIGN_RAISE($1);
	}
	$result = CAMPAIGN_INT_RESULT($1 == CAMPAIGN_OK);
%}

/* An id a call generates comes back like any other out-parameter. */
%apply campaign_buf **out { campaign_buf **out_id };

/* The macros the bindings cannot use; campaign_*_options_init() stands in
 * (headers.i %ignores every *_OPTIONS_INIT). */
#define CAMPAIGN_STATIC /* for SWIG only: CAMPAIGN_API expands to nothing */
%{
#include <stdlib.h>
#include <string.h>
%}
%include "typemaps.i"

/* Every public header, in include order, and the options structs'
 * destructors: written by gen/generate.py from include/campaign/*.h. */
%include "headers.i"

/* Row fetching in one crossing per row (Python) or per batch (Java). */
#if defined(SWIGPYTHON)
%include "python/rows.i"
#elif defined(SWIGJAVA)
%include "java/rows.i"
#endif
