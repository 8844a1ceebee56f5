/* The tool's languages: every message, help line, column title and status
 * value goes through GNU gettext (glibc's libintl), text domain "campaign".
 * Chinese (po/zh_CN.po) when the locale asks for it, English otherwise.
 * Machine formats (CSV, JSON) keep the stable English codes. */
#ifndef CAMPAIGN_CLI_I18N_H
#define CAMPAIGN_CLI_I18N_H
#include <libintl.h>

#define _(s) cli_gettext(s)
#define N_(s) s /* marks a string for xgettext; translated where it is shown */

/* Chooses the language and binds the text domain, before anything is printed. */
void cli_i18n_init(void);
/* 1 when the messages are Chinese. */
int cli_zh(void);
/* The translation of @msgid ("" stays ""). */
const char *cli_gettext(const char *msgid);
/* A value shown in a text table (a status "in_progress", a colour "red", a
 * role "lead") or a column name, in the user's language: msgctxt "value" or
 * "column"; @s itself when it has no translation. */
const char *cli_value(const char *s);
const char *cli_column(const char *s);
/* A word the library fills into its messages ("the unit" in "%s is
 * required"), msgctxt "what"; @s itself when it has no translation. */
const char *cli_what(const char *s);
/* The library's last error message in the user's language: the message is
 * matched against the library's message patterns (cli/messages.c) and the
 * pattern's translation is filled with the same variable parts. */
const char *cli_error_text(const char *message);
#endif
