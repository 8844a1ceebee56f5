/* phases.c: 工作步骤 (the period, 第一阶段:动员部署。… with their periods,
 * focus and milestones) and the leading group's appendix (组 长:赵发澍 …). */
#include <string.h>
#include "document/document.h"

/* The date expression a clause starts with (2010年10月中旬, 10月底, 2011年1月至2011年6月底), or NULL. */
static char *date_prefix(doc *d, const char *s)
{
	static const char *const chars[] = {"年", "月", "日", "旬", "上", "中", "下", "底", "初", "末", "至", "到", "前",
	                                    "-", "—", NULL};
	size_t n = 0, best = 0;
	for (;;) {
		size_t k = 0;
		if (s[n] >= '0' && s[n] <= '9')
			k = 1;
		for (int i = 0; !k && chars[i]; i++)
			if (doc_starts(s + n, chars[i]))
				k = strlen(chars[i]);
		if (!k)
			break;
		n += k;
		char *try = doc_strndup(d, s, n);
		if (try && doc_is_deadline(d, try))
			best = n;
	}
	return best ? doc_strndup(d, s, best) : NULL;
}

static int add_milestone(doc *d, doc_phase *p, int line, const char *text, const char *deadline, int unit)
{
	doc_milestone *m;
	if (doc_grow(d, (void **)&p->ms, p->nms, sizeof *p->ms))
		return CAMPAIGN_ENOMEM;
	m = &p->ms[p->nms++];
	m->text = doc_strdup(d, text), m->deadline = doc_strdup(d, deadline), m->unit = unit, m->line = line;
	if (unit >= 0)
		d->units[unit].used = 1;
	return m->text && m->deadline ? CAMPAIGN_OK : CAMPAIGN_ENOMEM;
}

static int step_milestones(doc *d, int line, const char *s);

/* "…为集中整改阶段,各科室完成自查整改": a unit's 完成 with no date of its own is due at the phase's end. */
static int undated_milestone(doc *d, doc_phase *p, int line, const char *c)
{
	int units[4], n;
	if (!strstr(c, "完成") || !p->period || !*p->period || !(n = doc_subject(d, c, units, 4)))
		return CAMPAIGN_OK;
	const char *dl = doc_period_end(p->period);
	for (int i = 0; i < n; i++)
		if (add_milestone(d, p, line, c, dl, units[i]))
			return CAMPAIGN_ENOMEM;
	return doc_judge(d, line, "milestone \"%s\" has no date: due at its phase's end, %s", c, dl);
}

/* A clause of a phase line: its period, its focus (重点抓好…N个环节) or a milestone (DATE SUBJECT…). */
static int phase_clause(doc *d, doc_phase *p, int line, char *c)
{
	char *dl;
	int units[4], n;
	c = doc_trim(c);
	if (doc_starts(c, "重点抓好")) {
		char *f = doc_strdup(d, c + strlen("重点抓好")), *e;
		if (!f)
			return CAMPAIGN_ENOMEM;
		if ((e = strstr(f, "个环节")) != NULL) {
			while (e > f && e[-1] >= '0' && e[-1] <= '9')
				e--;
			*e = 0;
		}
		p->focus = f;
		return CAMPAIGN_OK;
	}
	if (!(dl = date_prefix(d, c))) /* "办公室于12月中旬前上报总结报告" */
		return strstr(c, "于") ? step_milestones(d, line, c) : undated_milestone(d, p, line, c);
	if (!c[strlen(dl)] || doc_starts(c + strlen(dl), "为")) {
		if (!p->period)
			p->period = dl;
		return CAMPAIGN_OK;
	}
	if ((n = doc_subject(d, c + strlen(dl), units, 4)) == 0)
		return doc_judge(d, line, "a dated clause with no unit as its subject, not a milestone: %s", c);
	for (int i = 0; i < n; i++)
		if (add_milestone(d, p, line, c + strlen(dl), dl, units[i]))
			return CAMPAIGN_ENOMEM;
	if (!p->period) {
		p->period = dl;
		return doc_judge(d, line, "phase %s has no period of its own: its first date %s taken", p->name, dl);
	}
	return CAMPAIGN_OK;
}

/* Splits @s on 。 then on ; and , and hands each clause to phase_clause. */
static int phase_clauses(doc *d, doc_phase *p, int line, const char *s)
{
	char *t = doc_strdup(d, s);
	if (!t)
		return CAMPAIGN_ENOMEM;
	char *prev = NULL, *prev_end = NULL, prev_byte = 0;
	for (char *c = t; c && *c;) {
		char *e = NULL;
		const char *seps[] = {"。", ";", FW_SEMI, ",", FW_COMMA};
		size_t el = 0;
		for (int i = 0; i < 5; i++) {
			char *x = strstr(c, seps[i]);
			if (x && (!e || x < e))
				e = x, el = strlen(seps[i]);
		}
		char byte = e ? *e : 0;
		if (e)
			*e = 0;
		/* "X要…,并于DATE前报市局": the report's subject is the previous clause's */
		if (prev && (doc_starts(doc_trim(c), "并于") || doc_starts(c, "于"))) {
			*prev_end = prev_byte;
			if (step_milestones(d, line, prev))
				return CAMPAIGN_ENOMEM;
			prev = NULL;
		} else {
			if (phase_clause(d, p, line, c))
				return CAMPAIGN_ENOMEM;
			/* only a comma joins a clause to the next one */
			prev = e && (byte == ',' || !strncmp(e + 1, &FW_COMMA[1], 2)) ? c : NULL;
		}
		prev_end = e, prev_byte = byte;
		c = e ? e + el : NULL;
	}
	return CAMPAIGN_OK;
}

/* A sentence of a phase's steps that sets a unit a dated report: "…于2010年10月底前报市局领导小组". */
static int step_milestones(doc *d, int line, const char *s)
{
	char *t = doc_strdup(d, s);
	doc_phase *p = &d->phases[d->nphases - 1];
	int rc = 0;
	for (char *c = t; c && *c && !rc;) {
		char *e = strstr(c, "。"), *yu, *dl;
		int units[4], n;
		if (e)
			*e = 0;
		if ((yu = strstr(c, "于")) && (dl = date_prefix(d, yu + strlen("于"))) && (n = doc_subject(d, c, units, 4))) {
			for (int i = 0; i < n && !rc; i++)
				rc = add_milestone(d, p, line, c, dl, units[i]);
			if (!rc)
				rc = doc_use(d, line, "milestone of phase %s (deadline %s)", p->name, dl);
		}
		c = e ? e + strlen("。") : NULL;
	}
	return rc;
}

/* A new phase @name (n bytes) with its period (or NULL: from the clauses of @rest). */
static int new_phase(doc *d, int no, const char *name, size_t n, char *period, const char *rest)
{
	doc_phase *p;
	if (doc_grow(d, (void **)&d->phases, d->nphases, sizeof *d->phases))
		return CAMPAIGN_ENOMEM;
	p = &d->phases[d->nphases++];
	memset(p, 0, sizeof *p);
	p->line = no;
	p->period = period;
	if (!(p->name = doc_strndup(d, name, n)) || phase_clauses(d, p, no, rest))
		return CAMPAIGN_ENOMEM;
	if (!p->period)
		p->period = d->period ? d->period : "";
	return doc_use(d, no, "phase p%d %s, period %s", d->nphases, p->name, p->period);
}

/* 第一阶段:动员部署。REST */
static int phase_ordinal(doc *d, int no, const char *s)
{
	const char *colon = strstr(s, ":"), *fw = strstr(s, FW_COLON), *stop;
	if (!doc_starts(s, "第") || !strstr(s, "阶段") || (!colon && !fw))
		return -1;
	colon = colon && (!fw || colon < fw) ? colon + 1 : fw + 3;
	stop = strstr(colon, "。");
	return new_phase(d, no, colon, stop ? (size_t)(stop - colon) : strlen(colon), NULL,
	                 stop ? stop + strlen("。") : "");
}

/* 2011年1月至2011年6月为集中整改阶段。REST */
static int phase_dated(doc *d, int no, const char *s)
{
	char *dl = date_prefix(d, s);
	const char *name, *end;
	if (!dl || !doc_starts(s + strlen(dl), "为") || !(end = strstr(s, "阶段")))
		return -1;
	name = s + strlen(dl) + strlen("为");
	if (end < name)
		return -1;
	end += strlen("阶段");
	return new_phase(d, no, name, (size_t)(end - name - strlen("阶段")), dl, end);
}

/* 2、集中整治(2011年3月--2011年5月): a numbered step whose heading ends with its period. */
static int phase_numbered(doc *d, int no, const char *s)
{
	int v;
	size_t len;
	const char *body, *open;
	char *dl;
	if (doc_numbering(s, &v, &len, &body) == NUM_NONE || !(doc_ends(body, ")") || doc_ends(body, FW_RP)))
		return -1;
	if (!(open = strstr(body, "(")) && !(open = strstr(body, FW_LP)))
		return -1;
	if (!(dl = date_prefix(d, open + (*open == '(' ? 1 : 3))))
		return -1;
	return new_phase(d, no, body, (size_t)(open - body), dl, "");
}

int doc_phase_line(doc *d, int no, const char *s)
{
	int rc;
	if ((rc = phase_ordinal(d, no, s)) >= 0 || (rc = phase_dated(d, no, s)) >= 0 ||
	    (rc = phase_numbered(d, no, s)) >= 0)
		return rc;
	if (!d->nphases) {
		char *period = date_prefix(d, s) ? doc_strdup(d, s) : NULL, *cut;
		if (!period || d->period)
			return CAMPAIGN_OK;
		if ((cut = strstr(period, ",分")) || (cut = strstr(period, FW_COMMA "分")))
			*cut = 0;
		doc_strip_stop(period);
		if (doc_ends(period, ":") || doc_ends(period, FW_COLON)) /* 2011年3月开始,至2011年12月结束: */
			period[strlen(period) - (doc_ends(period, ":") ? 1 : 3)] = 0;
		d->period = period;
		if (!doc_is_deadline(d, period) && doc_judge(d, no, "the campaign period \"%s\" does not parse", period))
			return CAMPAIGN_ENOMEM;
		return doc_use(d, no, "campaign period");
	}
	int before = d->phases[d->nphases - 1].nms;
	if (step_milestones(d, no, s))
		return CAMPAIGN_ENOMEM;
	if (d->phases[d->nphases - 1].nms == before)
		return doc_use(d, no, "a step of phase %s (steps are not modelled)", d->phases[d->nphases - 1].name);
	return CAMPAIGN_OK;
}

/* ---- the leading group ---- */

/* Removes every space (the document pads 组 长 and 张 雷 for alignment). */
static char *unpad(doc *d, const char *s)
{
	char *t = doc_strdup(d, s), *o = t;
	for (const char *p = s; t && *p;)
		if (*p == ' ' || *p == '\t')
			p++;
		else if (doc_starts(p, "\xE3\x80\x80"))
			p += 3;
		else
			*o++ = *p++;
	if (t)
		*o = 0;
	return t;
}

static int add_member(doc *d, doc_body *b, const char *role, const char *name, const char *title)
{
	doc_member *m;
	if (doc_grow(d, (void **)&b->members, b->nmembers, sizeof *b->members))
		return CAMPAIGN_ENOMEM;
	m = &b->members[b->nmembers++];
	memset(m, 0, sizeof *m);
	m->role = doc_strdup(d, role);
	m->title = title && *title ? doc_strdup(d, title) : NULL;
	if (name) {
		char *nm = unpad(d, name), *jian;
		if (nm && ((jian = strstr(nm, "(兼)")) || (jian = strstr(nm, FW_LP "兼" FW_RP))))
			*jian = 0, m->concurrent = 1;
		m->name = nm;
	}
	return CAMPAIGN_OK;
}

/* "赵发澍 局党委书记、局长", "张 雷(兼)", "杨学科 吴 洪 龚 茜": names, then perhaps a title (with 、 or a post). */
static int members(doc *d, doc_body *b, const char *role, char *rest)
{
	char *tok[16], name[128] = "";
	int n = 0;
	for (char *p = strtok(rest, " \t"); p && n < 16; p = strtok(NULL, " \t"))
		tok[n++] = p;
	if (n >= 2 && strlen(tok[n - 1]) > 9) { /* the last word is a title: the words before are one name */
		for (int i = 0; i < n - 1; i++)
			snprintf(name + strlen(name), sizeof name - strlen(name), "%s", tok[i]);
		return add_member(d, b, role, name, tok[n - 1]);
	}
	for (int i = 0; i < n; i++) {
		/* a two-character name padded with a space: 张 雷, 吴 洪 */
		if (i + 1 < n && strlen(tok[i]) == 3 && (strlen(tok[i + 1]) == 3 || doc_starts(tok[i + 1] + 3, "(兼)") ||
		                                         doc_starts(tok[i + 1] + 3, FW_LP "兼" FW_RP))) {
			snprintf(name, sizeof name, "%s%s", tok[i], tok[i + 1]);
			i++;
		} else
			snprintf(name, sizeof name, "%s", tok[i]);
		if (add_member(d, b, role, name, NULL))
			return CAMPAIGN_ENOMEM;
	}
	return CAMPAIGN_OK;
}

int doc_body_line(doc *d, int no, const char *s, const char *heading)
{
	char *role = d->body_role;
	const char *colon;
	doc_body *b;
	if (!s) { /* a heading: 一、领导小组 / 二、领导小组办公室 */
		if (d->nbodies == 2)
			return doc_judge(d, no, "a third leading body, not read: %s", heading);
		b = &d->bodies[d->nbodies++];
		memset(b, 0, sizeof *b);
		b->name = doc_strdup(d, heading);
		role[0] = 0;
		return doc_use(d, no, "body %s", heading);
	}
	if (!d->nbodies)
		return CAMPAIGN_OK;
	b = &d->bodies[d->nbodies - 1];
	if ((colon = strstr(s, ":")) || (colon = strstr(s, FW_COLON))) {
		char *r = unpad(d, doc_strndup(d, s, (size_t)(colon - s)));
		if (!r)
			return CAMPAIGN_ENOMEM;
		snprintf(role, sizeof d->body_role, "%s", r);
		s = colon + (*colon == ':' ? 1 : 3);
	}
	if (!role[0])
		return CAMPAIGN_OK;
	if (strstr(s, "负责人") || (strstr(s, "、") && !strchr(s, ' '))) {
		/* a collective member (各科室、直属单位负责人): named by the text, as no one group holds it */
		if (add_member(d, b, role, s, s) || doc_judge(d, no, "collective member \"%s\" kept as a name", s))
			return CAMPAIGN_ENOMEM;
	} else {
		char *rest = doc_strdup(d, s);
		if (!rest || members(d, b, role, rest))
			return CAMPAIGN_ENOMEM;
	}
	return doc_use(d, no, "member of %s (%s)", b->name, role);
}
