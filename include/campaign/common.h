/**
 * @file campaign/common.h
 * @brief Export macro, version, error codes and the thread-local last error.
 *
 * Conventions for the whole API (after libgit2 and SQLite):
 * - every fallible call returns `int`: ::CAMPAIGN_OK (0) or a negative
 *   ::campaign_error_code;
 * - out parameters come first and are written only on success;
 * - what a `*_new`/`*_open`/`*_query` gives you, you free with the matching
 *   `*_free`/`*_close`, which accept NULL;
 * - strings are UTF-8; dates cross the ABI as ISO-8601 text ("2010-11-30");
 * - a unit, wherever one is taken (a `unit` argument or options field, an
 *   import's `unit` column), is its id, its name or an alias as the plan
 *   writes them ("jiancha", "监察室"), matched after NFC normalisation with
 *   full-width and half-width parentheses alike; a query's unit filter also
 *   takes a group the same way ("counties", "各县(市、区)国土资源局(分局)"): its
 *   members. An ambiguous name, or a group where one unit is needed, is
 *   ::CAMPAIGN_EINVALID (the message lists the candidates, or names the
 *   group); an unknown unit is ::CAMPAIGN_ENOTFOUND (`unknown unit "X"`, with
 *   a suggestion when exactly one unit or group is near).
 */
#ifndef CAMPAIGN_COMMON_H
#define CAMPAIGN_COMMON_H

/* Every public header opens and closes its declarations with these, so that
 * C++ callers see them as extern "C" and the linkage is said in one place. */
#ifdef __cplusplus
#define CAMPAIGN_BEGIN_DECLS extern "C" {
#define CAMPAIGN_END_DECLS }
#else
#define CAMPAIGN_BEGIN_DECLS
#define CAMPAIGN_END_DECLS
#endif

CAMPAIGN_BEGIN_DECLS

#if defined(CAMPAIGN_STATIC)
#  define CAMPAIGN_API
#elif defined(_WIN32)
#  ifdef CAMPAIGN_BUILDING
#    define CAMPAIGN_API __declspec(dllexport)
#  else
#    define CAMPAIGN_API __declspec(dllimport)
#  endif
#else
#  define CAMPAIGN_API __attribute__((visibility("default")))
#endif

#define CAMPAIGN_VERSION_MAJOR 0
#define CAMPAIGN_VERSION_MINOR 1
#define CAMPAIGN_VERSION_PATCH 0
#define CAMPAIGN_VERSION_STRING "0.1.0"

/** Error codes. Every fallible call returns one of these. */
typedef enum campaign_error_code {
	CAMPAIGN_OK = 0,          /**< success */
	CAMPAIGN_ERROR = -1,      /**< generic error (see the message) */
	CAMPAIGN_ENOTFOUND = -2,  /**< the named object does not exist */
	CAMPAIGN_EINVALID = -3,   /**< bad input: argument, plan file, deadline text */
	CAMPAIGN_ECONFLICT = -4,  /**< the object exists already, or a constraint is violated */
	CAMPAIGN_ENOMEM = -5,     /**< out of memory */
	CAMPAIGN_EIO = -6,        /**< file or database input/output error */
	CAMPAIGN_EBUSY = -7,      /**< the store is locked by another connection */
	CAMPAIGN_EPERM = -8,      /**< the actor may not do this */
	CAMPAIGN_EVERSION = -9,   /**< the store was written by a newer library */
	CAMPAIGN_ECLOSED = -10,   /**< the handle was closed */
	CAMPAIGN_ELOCKED = -11,   /**< a confidential field, and the store was opened without its key */
	CAMPAIGN_ITEROVER = -31   /**< a cursor has no more rows (not an error) */
} campaign_error_code;

/**
 * Returns the library version as "MAJOR.MINOR.PATCH"; a static string.
 * @return the version string (static; never NULL).
 */
CAMPAIGN_API const char *campaign_version(void);

/**
 * Returns the code of the last error raised on this thread, or ::CAMPAIGN_OK
 * if the last call on this thread succeeded or none failed yet.
 * @return a ::campaign_error_code (::CAMPAIGN_OK when there is no error).
 */
CAMPAIGN_API int campaign_error_code_last(void);

/**
 * Returns the message of the last error on this thread ("" if none).
 * The string belongs to the library and stays valid until the next call
 * into the library on this thread. For errors in a plan file the message
 * starts with "file:line:column: ".
 * @return the message (never NULL).
 */
CAMPAIGN_API const char *campaign_error_message(void);

/**
 * Returns the file of the last error on this thread, or NULL if it did not come from a file.
 * @return the file name, or NULL.
 */
CAMPAIGN_API const char *campaign_error_file(void);
/**
 * Returns the 1-based line of the last error in a file, or 0.
 * @return the line (1-based), or 0.
 */
CAMPAIGN_API int campaign_error_line(void);
/**
 * Returns the 1-based column of the last error in a file, or 0.
 * @return the column (1-based), or 0.
 */
CAMPAIGN_API int campaign_error_column(void);

/** Clears the last error on this thread. */
CAMPAIGN_API void campaign_error_clear(void);

/**
 * Returns a static English name for an error code ("ENOTFOUND"), or "EUNKNOWN".
 * @return the name (static; never NULL).
 */
CAMPAIGN_API const char *campaign_error_name(int code);

CAMPAIGN_END_DECLS
#endif
