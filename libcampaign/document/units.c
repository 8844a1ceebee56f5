/* units.c: the unit list built from the document's own mentions, and the
 * responsibility notations (X(牵头单位),Y、Z(配合单位); 牵头单位:X;配合单位:Y;
 * 各地以X为牵头单位;局机关以Y为牵头单位,Z为配合单位; scoped leads). */
#include <string.h>
#include "document/document.h"

/* Common names with the ids and kinds the shipped plans use; a name not here
 * gets "u01", "u02"... in order of first mention. */
static const struct known {
	const char *name, *id, *kind, *aliases, *members_of, *derive;
} known[] = {
#define DEPT(name, id) {name, id, "department", NULL, NULL, NULL}
#define UNIT(name, id, kind, aliases) {name, id, kind, aliases, NULL, NULL}
	DEPT("利用科", "liyong"), DEPT("规划科", "guihua"), DEPT("耕保科", "gengbao"), DEPT("地籍科", "diji"),
	DEPT("法规科", "fagui"), UNIT("监察室", "jiancha", "department", "纪检监察室|纪监室"), DEPT("信访科", "xinfang"),
	DEPT("矿管科", "kuangguan"), UNIT("财务室", "caiwu", "department", "财务科"), DEPT("办公室", "bangongshi"),
	DEPT("党委办", "dangweiban"), DEPT("机关党办", "jiguan-dangban"), UNIT("人事科", "renshi", "department", "人事教育科"),
	DEPT("行政审批科", "shenpi"), UNIT("交易中心", "jiaoyi", "affiliate", NULL),
	UNIT("执法支队", "zhifa", "affiliate", "执法监察支队"), UNIT("信息中心", "xinxi", "affiliate", NULL),
	/* groups: their members are the units of a kind the document names, or derived at import */
	{"各科室", "departments", NULL, "局机关各科室", "department", NULL},
	{"直属单位", "affiliates", NULL, "各直属单位", "affiliate", NULL},
	{"其他行政科室", "other-departments", NULL, NULL, "department", NULL},
	{"各牵头科室", "lead-departments", NULL, "局机关各牵头科室|市局机关各牵头科室", NULL, "lead-departments"},
	/* named but never listed: written as one unit (a group needs members) */
	UNIT("各县(市、区)国土资源局(分局)", "counties", "subordinate_bureau",
	     "各国土资源局(分局)|各市县(市、区)国土资源局(分局)|各地|各县(市、区)国土资源局"),
#undef UNIT
#undef DEPT
};

static int alias_has(const char *aliases, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = aliases; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t k = bar ? (size_t)(bar - p) : strlen(p);
		if (k == n && !memcmp(p, name, n))
			return 1;
		p = bar ? bar + 1 : p + k;
	}
	return 0;
}

/* The kind a name's ending suggests. */
static const char *kind_of(const char *name)
{
	static const char *const dept[] = {"科", "室", "办", "处", "股", "部"}, *const aff[] = {"中心", "支队", "大队", "所", "站", "院"};
	for (size_t i = 0; i < sizeof dept / sizeof *dept; i++)
		if (doc_ends(name, dept[i]))
			return "department";
	for (size_t i = 0; i < sizeof aff / sizeof *aff; i++)
		if (doc_ends(name, aff[i]))
			return "affiliate";
	if (doc_ends(name, "局") || doc_ends(name, "(分局)") || doc_ends(name, "分局"))
		return "subordinate_bureau";
	return "other";
}

static int add_unit(doc *d, const struct known *k, const char *name)
{
	doc_unit *u;
	if (doc_grow(d, (void **)&d->units, d->nunits, sizeof *d->units))
		return -1;
	u = &d->units[d->nunits];
	memset(u, 0, sizeof *u);
	if (k) {
		snprintf(u->id, sizeof u->id, "%s", k->id);
		u->kind = (char *)k->kind, u->aliases = k->aliases, u->members_of = k->members_of, u->derive = k->derive;
		name = k->name;
	} else {
		snprintf(u->id, sizeof u->id, "u%02d", ++d->generated);
		u->kind = (char *)kind_of(name);
	}
	if (!(u->name = doc_strdup(d, name)))
		return -1;
	return d->nunits++;
}

int doc_unit_find(doc *d, const char *name, int create, const char **canonical)
{
	*canonical = NULL;
	for (int i = 0; i < d->nunits; i++)
		if (!strcmp(d->units[i].name, name) || alias_has(d->units[i].aliases, name)) {
			*canonical = d->units[i].name;
			return i;
		}
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp(known[i].name, name) || alias_has(known[i].aliases, name)) {
			int u = add_unit(d, &known[i], NULL);
			*canonical = u >= 0 ? d->units[u].name : NULL;
			return u;
		}
	if (!create)
		return -2;
	{
		int u = add_unit(d, NULL, name);
		*canonical = u >= 0 ? d->units[u].name : NULL;
		return u;
	}
}

/* ---- responsibility ---- */

/* The byte offset of the next top-level separator in @s among @seps (a list
 * of UTF-8 strings), outside parentheses; strlen(s) if none. *seplen its length. */
static size_t next_sep(const char *s, const char *const *seps, size_t *seplen)
{
	int depth = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '(' || doc_starts(s + i, FW_LP) || doc_starts(s + i, FW_LB))
			depth++;
		else if (s[i] == ')' || doc_starts(s + i, FW_RP) || doc_starts(s + i, FW_RB))
			depth--;
		else if (depth <= 0)
			for (int k = 0; seps[k]; k++)
				if (doc_starts(s + i, seps[k])) {
					*seplen = strlen(seps[k]);
					return i;
				}
	}
	*seplen = 0;
	return strlen(s);
}

static int push_ref(doc *d, doc_ref *arr, int *n, const char *name, const char *cond)
{
	const char *canon;
	char *nm = doc_trim(doc_strdup(d, name));
	int u;
	if (!nm)
		return CAMPAIGN_ENOMEM;
	if (!*nm || *n >= DOC_MAX_REFS)
		return CAMPAIGN_OK;
	if ((u = doc_unit_find(d, nm, 1, &canon)) < 0)
		return CAMPAIGN_ENOMEM;
	for (int i = 0; i < *n; i++)
		if (arr[i].unit == u && !arr[i].condition == !cond)
			return CAMPAIGN_OK;
	d->units[u].used = 1;
	arr[*n].unit = u;
	arr[*n].as = strcmp(canon, nm) ? nm : NULL;
	arr[*n].condition = cond ? doc_strdup(d, cond) : NULL;
	(*n)++;
	return CAMPAIGN_OK;
}

/* A unit list split on 、,, and 和 (和 only after a unit's ending), never
 * inside parentheses; each name goes to lead or support as @role says. */
static int names_into(doc *d, const char *list, doc_item *m, int lead, const char *cond)
{
	static const char *const seps[] = {"、", ",", FW_COMMA, "和", NULL};
	char *s = doc_strdup(d, list);
	while (s && *s) {
		size_t len, i = next_sep(s, seps, &len);
		char save = s[i];
		if (len == 3 && doc_starts(s + i, "和")) {
			s[i] = 0;
			if (!strcmp(kind_of(doc_trim(s)), "other")) { /* 人力资源和社会保障局: 和 inside a name */
				s[i] = save;
				char *rest = s + i + 3;
				size_t l2, j = next_sep(rest, seps, &l2);
				i = (size_t)(rest - s) + j, len = l2, save = s[i];
			}
		}
		s[i] = 0;
		int rc = lead ? push_ref(d, m->lead, &m->nlead, s, cond) : push_ref(d, m->support, &m->nsupport, s, cond);
		if (rc)
			return rc;
		if (!save)
			break;
		s += i + len;
	}
	return s ? CAMPAIGN_OK : CAMPAIGN_ENOMEM;
}

/* The role marker a token ends with: 1 lead, 0 support, -1 none; the token is cut before it, *cond set for 涉及…为牵头单位. */
static int token_marker(doc *d, char *tok, char **cond)
{
	static const struct { const char *m; int lead; } marks[] = {
		{"(牵头单位)", 1}, {FW_LP "牵头单位" FW_RP, 1}, {"(牵头)", 1}, {FW_LP "牵头" FW_RP, 1}, {"为牵头单位", 1}, {"牵头", 1},
		{"(配合单位)", 0}, {FW_LP "配合单位" FW_RP, 0}, {"(配合)", 0}, {FW_LP "配合" FW_RP, 0}, {"为配合单位", 0}, {"配合", 0},
	};
	char *o;
	*cond = NULL;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (doc_ends(tok, marks[i].m)) {
			tok[strlen(tok) - strlen(marks[i].m)] = 0;
			return marks[i].lead;
		}
	/* X(涉及政策法规为牵头单位) */
	if ((doc_ends(tok, "为牵头单位)") || doc_ends(tok, "为牵头单位" FW_RP)) &&
	    ((o = strstr(tok, "(涉及")) || (o = strstr(tok, FW_LP "涉及")))) {
		char *c = o + (*o == '(' ? 1 : 3);
		c[strlen(c) - strlen(doc_ends(tok, ")") ? "为牵头单位)" : "为牵头单位" FW_RP)] = 0;
		*cond = doc_strdup(d, c);
		*o = 0;
		return 1;
	}
	return -1;
}

/* "X(牵头单位),Y、Z(配合单位)": a marker applies to the names since the previous marker. */
static int marked_list(doc *d, int line, const char *text, doc_item *m, const char *cond)
{
	static const char *const seps[] = {"、", ",", FW_COMMA, NULL};
	char *s = doc_strdup(d, text), *pending[DOC_MAX_REFS];
	int np = 0, any = 0, rc = 0;
	while (s && *s && !rc) {
		size_t len, i = next_sep(s, seps, &len);
		char save = s[i], *tc;
		s[i] = 0;
		int role = token_marker(d, s, &tc);
		if (np < DOC_MAX_REFS)
			pending[np++] = s;
		if (role >= 0) {
			any = 1;
			for (int k = 0; k < np && !rc; k++)
				rc = names_into(d, pending[k], m, role, tc ? tc : cond);
			np = 0;
		}
		if (!save)
			break;
		s += i + len;
	}
	if (!s)
		return CAMPAIGN_ENOMEM;
	if (np && any && !rc)
		rc = doc_judge(d, line, "units after the last 牵头/配合 marker taken as supporting: %s", pending[0]);
	for (int k = 0; k < np && !rc; k++)
		rc = names_into(d, pending[k], m, !any, cond);
	return rc;
}

/* One clause of a responsibility: "牵头单位:X", "配合单位:Y", "SCOPE以X为牵头单位,Y为配合单位", or a marked list. */
static int resp_clause(doc *d, int line, char *c, doc_item *m, int *after_lead)
{
	const char *rest;
	char *by;
	c = doc_trim(c);
	if (doc_starts(c, "牵头单位") || doc_starts(c, "牵头部门")) {
		rest = strchr(c, ':') ? strchr(c, ':') + 1 : strstr(c, FW_COLON) ? strstr(c, FW_COLON) + 3 : c + strlen("牵头单位");
		*after_lead = 1;
		return names_into(d, rest, m, 1, NULL);
	}
	if (doc_starts(c, "配合单位") || doc_starts(c, "配合部门") || (*after_lead && doc_starts(c, "责任单位"))) {
		rest = strchr(c, ':') ? strchr(c, ':') + 1 : strstr(c, FW_COLON) ? strstr(c, FW_COLON) + 3 : c + strlen("配合单位");
		return names_into(d, rest, m, 0, NULL);
	}
	if (!*after_lead && (doc_starts(c, "责任单位") || doc_starts(c, "责任部门"))) /* (责任单位:A、B): no roles, all lead */
		c = (char *)(strchr(c, ':') ? strchr(c, ':') + 1 : strstr(c, FW_COLON) ? strstr(c, FW_COLON) + 3 : c + strlen("责任单位"));
	if ((by = strstr(c, "以")) && strstr(by, "为牵头单位")) {
		*by = 0;
		return marked_list(d, line, by + strlen("以"), m, *c ? c : NULL);
	}
	return marked_list(d, line, c, m, NULL);
}

int doc_parse_resp(doc *d, int line, const char *text, doc_item *m)
{
	static const char *const seps[] = {";", FW_SEMI, NULL};
	char *s = doc_strdup(d, text);
	int rc = 0, after_lead = 0;
	size_t n;
	if (!s)
		return CAMPAIGN_ENOMEM;
	/* [牵头单位:X;责任单位:Y] and (责任单位:A、B) come with their brackets */
	n = strlen(s);
	if ((doc_starts(s, "(") && doc_ends(s, ")")) || (doc_starts(s, "[") && doc_ends(s, "]")))
		s++, s[n - 2] = 0;
	else if ((doc_starts(s, FW_LB) || doc_starts(s, "【") || doc_starts(s, FW_LP)) && n > 6)
		s += 3, s[n - 6] = 0;
	doc_strip_stop(s);
	m->has_resp = 1;
	while (*s && !rc) {
		size_t len, i = next_sep(s, seps, &len);
		char save = s[i];
		s[i] = 0;
		rc = resp_clause(d, line, s, m, &after_lead);
		if (!save)
			break;
		s += i + len;
	}
	return rc;
}

/* The bracket a text ends with, if it holds a responsibility: where it opens; NULL if none. */
static char *resp_bracket(char *text)
{
	static const char *const opens[] = {"(", "[", FW_LP, FW_LB, "【", NULL};
	char *best = NULL;
	if (!doc_ends(text, ")") && !doc_ends(text, "]") && !doc_ends(text, FW_RP) && !doc_ends(text, FW_RB) &&
	    !doc_ends(text, "】"))
		return NULL;
	for (int i = 0; opens[i]; i++)
		for (char *p = strstr(text, opens[i]); p; p = strstr(p + 1, opens[i]))
			if (!best || p > best)
				best = p;
	if (!best)
		return NULL;
	{
		const char *in = best + (*best == '(' || *best == '[' ? 1 : 3);
		return doc_starts(in, "责任单位") || doc_starts(in, "牵头单位") || doc_starts(in, "责任部门") ||
		       doc_starts(in, "牵头部门") ? best : NULL;
	}
}

/* "由X牵头,Y配合" in the text: X leads, Y supports. */
static int led_by(doc *d, int line, const char *text, doc_item *m)
{
	const char *by = strstr(text, "由"), *lead, *sup;
	if (!by || !(lead = strstr(by, "牵头")) || lead - by > 120)
		return CAMPAIGN_OK;
	char *who = doc_strndup(d, by + strlen("由"), (size_t)(lead - by - strlen("由")));
	if (!who || names_into(d, who, m, 1, NULL))
		return CAMPAIGN_ENOMEM;
	m->has_resp = 1;
	sup = lead + strlen("牵头");
	sup += doc_starts(sup, FW_COMMA) ? 3 : *sup == ',' ? 1 : doc_starts(sup, "、") ? 3 : 0;
	const char *end = strstr(sup, "配合");
	if (end && end - sup < 120) {
		char *with = doc_strndup(d, sup, (size_t)(end - sup));
		if (!with || names_into(d, with, m, 0, NULL))
			return CAMPAIGN_ENOMEM;
	}
	return doc_judge(d, line, "responsibility read from the measure's words (由…牵头…配合)");
}

int doc_inline_resp(doc *d, int line, doc_item *m)
{
	char *b = resp_bracket(m->text);
	if (b) {
		char *resp = doc_strdup(d, b);
		if (!resp)
			return CAMPAIGN_ENOMEM;
		*b = 0;
		doc_trim(m->text);
		return doc_parse_resp(d, line, resp, m);
	}
	return led_by(d, line, m->text, m);
}

int doc_subject(doc *d, const char *text, int *units, int max)
{
	static const char *const ends[] = {"要", "完成", "于", "将", NULL};
	static const char *const seps[] = {"和", "、", NULL};
	char *s = doc_strdup(d, text), *cut = NULL;
	int n = 0;
	if (!s)
		return 0;
	for (int k = 0; ends[k]; k++) {
		char *p = strstr(s, ends[k]);
		if (p && (!cut || p < cut))
			cut = p;
	}
	if (!cut)
		return 0;
	*cut = 0;
	while (*s && n < max) {
		size_t len, i = next_sep(s, seps, &len);
		char save = s[i];
		const char *canon;
		int u;
		s[i] = 0;
		/* a subject not named before (a work-steps-only document) is a unit when its ending says so */
		if ((u = doc_unit_find(d, doc_trim(s), 0, &canon)) >= 0 ||
		    (doc_starts(s, "市局") && (u = doc_unit_find(d, s + strlen("市局"), 0, &canon)) >= 0) ||
		    (strcmp(kind_of(s), "other") && (u = doc_unit_find(d, s, 1, &canon)) >= 0))
			units[n++] = u;
		if (!save)
			break;
		s += i + len;
	}
	return n;
}
