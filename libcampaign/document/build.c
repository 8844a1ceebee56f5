/* build.c: the section state machine. Each line is classified (blank, a
 * numbered heading, a task section label, an item, text) and placed by the
 * part of the document it is in: the preamble, 一、主要任务 (summary), the
 * task breakdown, 工作步骤 (phases), 工作要求 (requirements), the leading
 * group's appendix. A heading missing from the text is never invented: a
 * task with no area above it is a top-level task. */
#include <string.h>
#include "document/document.h"

typedef enum part { PART_PREAMBLE, PART_SUMMARY, PART_TASKS, PART_PHASES, PART_REQUIREMENTS, PART_BODIES, PART_OTHER } part;

typedef struct state {
	part part;
	sect_kind sect;
	int task;       /* the current task, -1 */
	int area;       /* the current area (一级 task), -1 */
	int last_measure_task;
	char heading[128];
} state;

static part part_of(const char *title)
{
	static const struct { const char *w; part p; } words[] = {
		{"领导小组", PART_BODIES}, {"任务分解", PART_TASKS}, {"责任分工", PART_TASKS}, {"重点任务", PART_TASKS},
		{"工作任务", PART_TASKS}, {"主要措施", PART_TASKS}, {"具体措施", PART_TASKS}, {"治理任务", PART_TASKS},
		{"整治内容", PART_TASKS}, {"治理内容", PART_TASKS}, {"任务", PART_SUMMARY},
		{"指导思想", PART_SUMMARY}, {"目标", PART_SUMMARY}, {"步骤", PART_PHASES}, {"阶段", PART_PHASES},
		{"进度", PART_PHASES}, {"安排", PART_PHASES}, {"要求", PART_REQUIREMENTS}, {"保障", PART_REQUIREMENTS},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strstr(title, words[i].w))
			return words[i].p;
	return PART_OTHER;
}

static int append_line(struct campaign_buf *b, const char *s)
{
	if (b->size && buf_puts(b, "\n"))
		return CAMPAIGN_ENOMEM;
	return buf_puts(b, s);
}

/* 清理执法主体(6月底前完成): the parenthesis is the task's deadline, not its title's words. */
static void heading_deadline(doc *d, doc_task *t)
{
	char *open = strrchr(t->title, '('), *in;
	if (!open || !doc_ends(t->title, ")") || open == t->title)
		return;
	if (!(in = doc_strndup(d, open + 1, strlen(open + 1) - 1)) || !doc_is_deadline(d, in))
		return;
	t->deadline = in;
	*open = 0;
	doc_trim(t->title);
}

static int new_task(doc *d, state *st, int parent, const char *label, const char *title, int line)
{
	doc_task *t;
	if (doc_grow(d, (void **)&d->tasks, d->ntasks, sizeof *d->tasks))
		return CAMPAIGN_ENOMEM;
	t = &d->tasks[d->ntasks];
	memset(t, 0, sizeof *t);
	t->parent = parent, t->line = line;
	if (parent >= 0)
		snprintf(t->id, sizeof t->id, "%.32s.%d", d->tasks[parent].id, ++d->tasks[parent].nchild);
	else {
		int top = 0;
		for (int i = 0; i < d->ntasks; i++)
			top += d->tasks[i].parent < 0;
		snprintf(t->id, sizeof t->id, "t%d", top + 1);
	}
	t->depth = parent >= 0 ? d->tasks[parent].depth + 1 : 0;
	t->label = doc_strdup(d, label), t->title = doc_strdup(d, title);
	if (!t->label || !t->title)
		return CAMPAIGN_ENOMEM;
	heading_deadline(d, t);
	st->task = d->ntasks++;
	st->sect = SECT_NONE;
	return doc_use(d, line, "task %s: %s", t->id, t->title);
}

/* The deadline an outcome ends with: the phrase after the last comma, without 。 */
static char *trailing_deadline(doc *d, const char *text)
{
	const char *p = text, *c;
	char *dl;
	while ((c = strstr(p, ",")) || (c = strstr(p, FW_COMMA)))
		p = c + (*c == ',' ? 1 : 3);
	if (!(dl = doc_strdup(d, p))) /* the whole text when it has no comma: 完成时限:2012年6月底前完成。 */
		return NULL;
	doc_strip_stop(dl);
	return doc_is_deadline(d, dl) ? dl : NULL;
}

static int new_item(doc *d, state *st, int line, const char *label, const char *text)
{
	doc_task *t = &d->tasks[st->task];
	int out = st->sect == SECT_OUTCOMES;
	doc_item **arr = out ? &t->outcomes : &t->measures, *it;
	int *n = out ? &t->noutcomes : &t->nmeasures;
	if (doc_grow(d, (void **)arr, *n, sizeof **arr))
		return CAMPAIGN_ENOMEM;
	it = &(*arr)[*n];
	memset(it, 0, sizeof *it);
	it->line = line;
	/* a label that could not be copied is out of memory, never a missing label */
	if ((label && !(it->label = doc_strdup(d, label))) || !(it->text = doc_strdup(d, text)))
		return CAMPAIGN_ENOMEM;
	(*n)++;
	if (out) {
		it->deadline = trailing_deadline(d, text);
		if (!it->deadline && t->deadline) {
			it->deadline = t->deadline;
			if (doc_judge(d, line, "outcome %s.o%d takes its task's deadline %s", t->id, *n, t->deadline))
				return CAMPAIGN_ENOMEM;
		}
		return doc_use(d, line, "outcome %s.o%d%s%s", t->id, *n, it->deadline ? ", deadline " : "",
		               it->deadline ? it->deadline : "");
	}
	if (doc_inline_resp(d, line, it))
		return CAMPAIGN_ENOMEM;
	if (it->has_resp)
		t->resp_from = *n;
	return doc_use(d, line, "measure %s.m%d%s", t->id, *n, it->has_resp ? " with its responsibility" : "");
}

/* Items of a measures or outcomes section, possibly run together on one line. */
static int items(doc *d, state *st, int line, const char *s)
{
	const char *at[64];
	int n = doc_split_items(s, at, 64), v, rc = 0;
	if (n > 1)
		rc = doc_judge(d, line, "%d items run together on one line, split at their numbers", n);
	for (int i = 0; i < n && !rc; i++) {
		size_t len;
		const char *body;
		char *text = doc_strndup(d, at[i], i + 1 < n ? (size_t)(at[i + 1] - at[i]) : strlen(at[i]));
		char *label;
		if (!text)
			return CAMPAIGN_ENOMEM;
		if (doc_numbering(text, &v, &len, &body) == NUM_NONE)
			rc = new_item(d, st, line, NULL, doc_trim(text));
		else if (!(label = doc_strndup(d, text, len)))
			return CAMPAIGN_ENOMEM;
		else
			rc = new_item(d, st, line, label, doc_trim((char *)body));
	}
	return rc;
}

/* A 责任单位 line: the measures since the last one (or, before any measure, the whole task's default). */
static int responsibility(doc *d, state *st, int line, const char *rest)
{
	doc_task *t = &d->tasks[st->task];
	doc_item *m = t->resp_from < t->nmeasures ? &t->measures[t->nmeasures - 1] : &t->defaults;
	int rc = doc_parse_resp(d, line, rest, m);
	if (rc)
		return rc;
	if (m == &t->defaults)
		rc = doc_use(d, line, "responsibility of every measure of task %s", t->id);
	else if (t->nmeasures - t->resp_from > 1) {
		for (int i = t->resp_from; i < t->nmeasures - 1; i++)
			memcpy(t->measures[i].lead, m->lead, sizeof m->lead), memcpy(t->measures[i].support, m->support,
			       sizeof m->support), t->measures[i].nlead = m->nlead, t->measures[i].nsupport = m->nsupport,
			       t->measures[i].has_resp = 1;
		rc = doc_use(d, line, "responsibility of measures %s.m%d-m%d", t->id, t->resp_from + 1, t->nmeasures);
	} else
		rc = doc_use(d, line, "responsibility of measure %s.m%d", t->id, t->nmeasures);
	t->resp_from = t->nmeasures;
	return rc;
}

/* A line inside a task: a section label, an item, or text of the open section. */
static int task_line(doc *d, state *st, int line, char *s)
{
	const char *rest;
	sect_kind k = doc_section_label(s, &rest);
	int v;
	size_t len;
	const char *body;
	doc_task *t = &d->tasks[st->task];
	if (k == SECT_RESP)
		return responsibility(d, st, line, rest);
	if ((doc_starts(s, "(") || doc_starts(s, FW_LP) || doc_starts(s, "【") || doc_starts(s, FW_LB)) &&
	    doc_section_label(s + (*s == '(' ? 1 : 3), &rest) == SECT_RESP)
		return responsibility(d, st, line, s); /* (责任单位:A、B、C) after a list of items */
	if (k != SECT_NONE) {
		st->sect = k;
		if (!*rest)
			return doc_use(d, line, "section label of task %s", t->id);
		if (k == SECT_OBJECTIVE)
			return append_line(&t->objective, rest) ? CAMPAIGN_ENOMEM : doc_use(d, line, "objective of task %s", t->id);
		return items(d, st, line, rest);
	}
	if (st->sect == SECT_MEASURES || st->sect == SECT_OUTCOMES)
		return items(d, st, line, s);
	if (st->sect == SECT_OBJECTIVE)
		return append_line(&t->objective, s) ? CAMPAIGN_ENOMEM : doc_use(d, line, "objective of task %s", t->id);
	if (doc_numbering(s, &v, &len, &body) == NUM_PAREN || doc_numbering(s, &v, &len, &body) == NUM_CIRCLED) {
		st->sect = SECT_MEASURES;
		return doc_judge(d, line, "an item outside any section of task %s: taken as a measure", t->id) ||
		       items(d, st, line, s);
	}
	return CAMPAIGN_OK;
}

/* A numbered heading in the task part: (一) opens an area, 1. a task under it. */
static int task_heading(doc *d, state *st, int line, num_kind k, const char *s, size_t len, const char *body)
{
	char *label = doc_strndup(d, s, len);
	if (!label)
		return CAMPAIGN_ENOMEM;
	doc_trim(label);
	if (k == NUM_CN_PAREN) {
		int rc = new_task(d, st, -1, label, body, line);
		st->area = st->task;
		return rc;
	}
	return new_task(d, st, st->area, label, body, line);
}

static int heading1(doc *d, state *st, int line, const char *body)
{
	st->part = part_of(body);
	st->sect = SECT_NONE;
	snprintf(st->heading, sizeof st->heading, "%s", body);
	if (st->part == PART_BODIES)
		return doc_body_line(d, line, NULL, body);
	return doc_use(d, line, "heading of part %s", body);
}

/* Lines of the requirements part end at a short line with no sentence in it (the appendix's heading). */
static int requirement_line(doc *d, state *st, int line, const char *s)
{
	if (!strstr(s, "。") && !strstr(s, ",") && !strstr(s, FW_COMMA)) {
		st->part = PART_OTHER;
		if (!d->footer)
			d->footer = doc_strdup(d, s);
		return doc_use(d, line, "closing heading");
	}
	return append_line(&d->requirements, s) ? CAMPAIGN_ENOMEM : doc_use(d, line, "requirements");
}

static int place(doc *d, state *st, int line, char *s)
{
	int v;
	size_t len;
	const char *body;
	num_kind k = doc_numbering(s, &v, &len, &body);
	if (k == NUM_CN)
		return heading1(d, st, line, body);
	switch (st->part) {
	case PART_PREAMBLE:
		if (line == 0 && !strstr(s, "。") && strlen(s) < 200 && !d->title) {
			d->title = doc_strdup(d, s);
			return doc_use(d, line, "title");
		}
		if (k == NUM_CN_PAREN && line > 0 && !strstr(s, "。")) { /* an excerpt: its 一、 heading is missing */
			st->part = PART_TASKS;
			return doc_judge(d, line, "a task heading before any part heading: an excerpt, no parent invented") ||
			       place(d, st, line, s);
		}
		return append_line(&d->preamble, s) ? CAMPAIGN_ENOMEM : doc_use(d, line, "preamble");
	case PART_SUMMARY:
		if (k == NUM_CN_PAREN || k == NUM_ARABIC) {
			st->part = PART_TASKS;
			return place(d, st, line, s);
		}
		return append_line(&d->summary, s) ? CAMPAIGN_ENOMEM : doc_use(d, line, "summary");
	case PART_TASKS:
		if (k == NUM_CN_PAREN || k == NUM_ARABIC)
			return task_heading(d, st, line, k, s, len, body);
		return st->task >= 0 ? task_line(d, st, line, s) : CAMPAIGN_OK;
	case PART_PHASES:
		return doc_phase_line(d, line, s);
	case PART_REQUIREMENTS:
		return requirement_line(d, st, line, s);
	case PART_BODIES:
		return doc_body_line(d, line, s, st->heading);
	default:
		if (strstr(s, "领导小组") && doc_ends(s, "组成"))
			return doc_use(d, line, "heading of the leading group's appendix");
		return CAMPAIGN_OK;
	}
}

/* Tasks that got a task-wide responsibility line: their measures without one take it. */
static void apply_defaults(doc *d)
{
	for (int i = 0; i < d->ntasks; i++) {
		doc_task *t = &d->tasks[i];
		if (!t->defaults.has_resp)
			continue;
		for (int k = 0; k < t->nmeasures; k++)
			if (!t->measures[k].has_resp) {
				doc_item *m = &t->measures[k];
				memcpy(m->lead, t->defaults.lead, sizeof m->lead);
				memcpy(m->support, t->defaults.support, sizeof m->support);
				m->nlead = t->defaults.nlead, m->nsupport = t->defaults.nsupport, m->has_resp = 1;
			}
	}
}

int doc_build(doc *d)
{
	state st = {PART_PREAMBLE, SECT_NONE, -1, -1, -1, ""};
	int rc = 0;
	for (int i = 0; i < d->nlines && !rc; i++)
		if (*d->lines[i])
			rc = place(d, &st, i, d->lines[i]);
	if (!rc)
		apply_defaults(d);
	return rc;
}
