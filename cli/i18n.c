/* The language of the tool (see i18n.h). The text domain is found relative
 * to the binary, $ORIGIN/../share/locale, so that an installed tree runs
 * from any prefix and the build tree (build/cli/campaign, build/share/locale)
 * runs its tests with the same rule; CAMPAIGN_LOCALEDIR overrides it. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "i18n.h"

static int zh;

/* The locale that decides messages, as POSIX orders them (LC_ALL, then
 * LC_MESSAGES, then LANG); CAMPAIGN_LANG first, for a test or a user who
 * wants the other language than the rest of the system. */
static const char *messages_locale(void)
{
	static const char *const vars[] = {"CAMPAIGN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", NULL};
	for (int i = 0; vars[i]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

static void bind_domain(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	const char *over = getenv("CAMPAIGN_LOCALEDIR");
	ssize_t n;
	if (over && *over) {
		bindtextdomain("campaign", over);
		return;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return; /* the compiled-in default */
	exe[n] = '\0';
	*strrchr(exe, '/') = '\0';
	snprintf(dir, sizeof dir, "%s/../share/locale", exe);
	bindtextdomain("campaign", dir);
}

void cli_i18n_init(void)
{
	const char *want = messages_locale();
	zh = want[0] == 'z' && want[1] == 'h';
	/* a machine without the zh_CN.UTF-8 locale generated (a fresh Debian
	 * container) still speaks Chinese: C.UTF-8, with the language from
	 * LANGUAGE, which glibc's gettext honours in any locale but "C" */
	if (!setlocale(LC_ALL, "") || (zh && strncmp(setlocale(LC_MESSAGES, NULL), "zh", 2))) {
		setlocale(LC_ALL, "C.UTF-8");
		if (zh)
			setenv("LANGUAGE", "zh_CN", 1);
	}
	if (!zh)
		setenv("LANGUAGE", "en", 1); /* English: CAMPAIGN_LANG=en wins over a Chinese LANGUAGE */
	else if (getenv("CAMPAIGN_LANG"))
		setenv("LANGUAGE", "zh_CN", 1);
	bind_domain();
	bind_textdomain_codeset("campaign", "UTF-8");
	textdomain("campaign");
}

int cli_zh(void)
{
	return zh;
}

const char *cli_gettext(const char *msgid)
{
	return msgid && *msgid ? gettext(msgid) : msgid;
}

/* msgctxt @ctx of @s: gettext's key is "ctx\004s" (what pgettext() builds). */
static const char *in_context(const char *ctx, const char *s)
{
	char key[256];
	const char *t;
	if (!zh || !s || !*s || strlen(ctx) + strlen(s) + 2 > sizeof key)
		return s;
	snprintf(key, sizeof key, "%s\004%s", ctx, s);
	t = gettext(key);
	return t == key ? s : t;
}

const char *cli_value(const char *s)
{
	return in_context("value", s);
}

const char *cli_column(const char *s)
{
	return in_context("column", s);
}

const char *cli_what(const char *s)
{
	return in_context("what", s);
}
