/* emit.c: the draft as the plan format's YAML (every text double-quoted,
 * so Chinese text, quotes, colons and # round-trip through any YAML reader)
 * and the report: each line and what it was used for, the lines not placed,
 * the judgements. */
#include <string.h>
#include "document/document.h"

/* A double-quoted YAML scalar: \ " and control characters escaped, UTF-8 kept as is. */
static int quoted(struct campaign_buf *o, const char *s)
{
	int rc = buf_puts(o, "\"");
	for (; !rc && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			rc = buf_printf(o, "\\%c", c);
		else if (c == '\n')
			rc = buf_puts(o, "\\n");
		else if (c < 0x20 || c == 0x7f)
			rc = buf_printf(o, "\\x%02x", c);
		else
			rc = buf_append(o, s, 1);
	}
	return rc || buf_puts(o, "\"") ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

/* "<indent>key: "value"\n", nothing for NULL. */
static int field(struct campaign_buf *o, int indent, const char *key, const char *value)
{
	if (!value)
		return CAMPAIGN_OK;
	if (buf_printf(o, "%*s%s: ", indent, "", key) || quoted(o, value) || buf_puts(o, "\n"))
		return CAMPAIGN_ENOMEM;
	return CAMPAIGN_OK;
}

static int campaign_part(doc *d, struct campaign_buf *o)
{
	int rc = buf_puts(o, "format: 1\ncampaign:\n");
	rc = rc || field(o, 2, "id", d->opts->campaign ? d->opts->campaign : "campaign");
	rc = rc || field(o, 2, "title", d->title) || field(o, 2, "issuer", d->issuer);
	rc = rc || field(o, 2, "basis", d->basis) || field(o, 2, "basis_title", d->basis_title);
	rc = rc || field(o, 2, "period", d->period);
	rc = rc || field(o, 2, "preamble", d->preamble.data) || field(o, 2, "summary", d->summary.data);
	rc = rc || field(o, 2, "requirements", d->requirements.data);
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int aliases(struct campaign_buf *o, int indent, const char *list)
{
	int rc;
	if (!list)
		return CAMPAIGN_OK;
	rc = buf_printf(o, "%*saliases: [", indent, "");
	for (const char *p = list; !rc && *p;) {
		const char *bar = strchr(p, '|');
		size_t k = bar ? (size_t)(bar - p) : strlen(p);
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)k, p);
		rc = (p != list && buf_puts(o, ", ")) || quoted(o, name);
		p = bar ? bar + 1 : p + k;
	}
	return rc || buf_puts(o, "]\n") ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int is_group(const doc_unit *u)
{
	return u->members_of || u->derive;
}

/* The issuer, with every unit the document names under it. */
static int units_part(doc *d, struct campaign_buf *o)
{
	int rc = buf_puts(o, "units:\n  - id: city\n") || field(o, 4, "name", d->units[0].name) ||
	         buf_puts(o, "    kind: bureau\n") || aliases(o, 4, d->units[0].aliases);
	int any = 0;
	for (int i = 1; !rc && i < d->nunits; i++) {
		doc_unit *u = &d->units[i];
		if (is_group(u) || !u->used)
			continue;
		rc = (!any++ && buf_puts(o, "    units:\n")) || buf_printf(o, "      - id: %s\n", u->id) ||
		     field(o, 8, "name", u->name) || buf_printf(o, "        kind: %s\n", u->kind) || aliases(o, 8, u->aliases);
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

/* Groups: members are the units of their kind the document names; a group with none is left out. */
static int groups_part(doc *d, struct campaign_buf *o)
{
	int rc = 0, any = 0;
	for (int i = 0; !rc && i < d->nunits; i++) {
		doc_unit *g = &d->units[i];
		int n = 0;
		if (!is_group(g) || !g->used)
			continue;
		rc = (!any++ && buf_puts(o, "unit_groups:\n")) || buf_printf(o, "  - id: %s\n", g->id) ||
		     field(o, 4, "name", g->name) || aliases(o, 4, g->aliases);
		if (g->derive) {
			rc = rc || buf_printf(o, "    derive: %s\n", g->derive);
			continue;
		}
		rc = rc || buf_puts(o, "    members: [");
		for (int k = 1; !rc && k < d->nunits; k++)
			if (!is_group(&d->units[k]) && d->units[k].used && !strcmp(d->units[k].kind, g->members_of))
				rc = buf_printf(o, "%s%s", n++ ? ", " : "", d->units[k].id);
		rc = rc || buf_puts(o, "]\n");
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int refs(doc *d, struct campaign_buf *o, const char *key, const doc_ref *r, int n)
{
	int rc = n ? buf_printf(o, "%*s%s:\n", 10, "", key) : 0;
	for (int i = 0; !rc && i < n; i++) {
		const doc_unit *u = &d->units[r[i].unit];
		if (!r[i].as && !r[i].condition) {
			rc = buf_printf(o, "%*s- %s\n", 12, "", u->id);
			continue;
		}
		rc = buf_printf(o, "%*s- {%s: %s", 12, "", is_group(u) ? "unit_group" : "unit", u->id);
		if (!rc && r[i].as)
			rc = buf_puts(o, ", as: ") || quoted(o, r[i].as);
		if (!rc && r[i].condition)
			rc = buf_puts(o, ", condition: ") || quoted(o, r[i].condition);
		rc = rc || buf_puts(o, "}\n");
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int items(doc *d, struct campaign_buf *o, const doc_task *t, int outcomes)
{
	const doc_item *arr = outcomes ? t->outcomes : t->measures;
	int n = outcomes ? t->noutcomes : t->nmeasures, rc;
	rc = n ? buf_printf(o, "%*s%s:\n", 6, "", outcomes ? "outcomes" : "measures") : 0;
	for (int i = 0; !rc && i < n; i++) {
		rc = buf_printf(o, "        - id: %s.%c%d\n", t->id, outcomes ? 'o' : 'm', i + 1) ||
		     field(o, 10, "label", arr[i].label) || field(o, 10, "text", arr[i].text) ||
		     field(o, 10, "deadline", arr[i].deadline);
		if (!rc && !outcomes)
			rc = refs(d, o, "lead", arr[i].lead, arr[i].nlead) || refs(d, o, "support", arr[i].support, arr[i].nsupport);
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

/* Tasks are written flat: each parent's children under `tasks:` at their depth. */
static int task_tree(doc *d, struct campaign_buf *o, int parent, int indent)
{
	int rc = parent < 0 && !d->ntasks ? buf_puts(o, "tasks: []\n") : 0, any = 0; /* work steps only */
	for (int i = 0; !rc && i < d->ntasks; i++) {
		const doc_task *t = &d->tasks[i];
		struct campaign_buf sub = {0};
		if (t->parent != parent)
			continue;
		if (!any++)
			rc = parent < 0 ? buf_puts(o, "tasks:\n") : buf_printf(o, "%*stasks:\n", indent - 2, "");
		/* a task is written at column 0 (its items at a fixed indent, shifted), then shifted to @indent */
		rc = rc || buf_printf(&sub, "- id: %s\n", t->id) || field(&sub, 2, "label", t->label) ||
		     field(&sub, 2, "title", *t->title ? t->title : "(untitled)") || field(&sub, 2, "objective", t->objective.data);
		if (!rc) {
			struct campaign_buf it = {0};
			rc = items(d, &it, t, 0) || items(d, &it, t, 1);
			for (char *p = it.data, *nl; !rc && p && *p; p = nl + 1) {
				nl = strchr(p, '\n');
				rc = buf_printf(&sub, "%.*s\n", (int)(nl - p - 4), p + 4);
			}
			buf_reset(&it);
		}
		for (char *p = sub.data, *nl; !rc && p && *p; p = nl + 1) {
			nl = strchr(p, '\n');
			rc = buf_printf(o, "%*s%.*s\n", indent, "", (int)(nl - p), p);
		}
		buf_reset(&sub);
		rc = rc || task_tree(d, o, i, indent + 4);
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int phases_part(doc *d, struct campaign_buf *o)
{
	int rc = d->nphases ? buf_puts(o, "phases:\n") : 0;
	for (int i = 0; !rc && i < d->nphases; i++) {
		const doc_phase *p = &d->phases[i];
		rc = buf_printf(o, "  - id: p%d\n", i + 1) || field(o, 4, "name", p->name) || field(o, 4, "period", p->period) ||
		     field(o, 4, "focus", p->focus) || (p->nms && buf_puts(o, "    milestones:\n"));
		for (int k = 0; !rc && k < p->nms; k++) {
			const doc_unit *u = &d->units[p->ms[k].unit];
			rc = buf_printf(o, "      - id: p%d.m%d\n", i + 1, k + 1) || field(o, 8, "text", p->ms[k].text) ||
			     field(o, 8, "deadline", p->ms[k].deadline) ||
			     buf_printf(o, "        %s: %s\n", is_group(u) ? "unit_group" : "unit", u->id);
		}
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int bodies_part(doc *d, struct campaign_buf *o)
{
	int rc = d->nbodies ? buf_puts(o, "bodies:\n") : 0;
	for (int i = 0; !rc && i < d->nbodies; i++) {
		const doc_body *b = &d->bodies[i];
		rc = buf_printf(o, "  - id: body%d\n", i + 1) || field(o, 4, "name", b->name) ||
		     (i && buf_puts(o, "    parent: body1\n")) || (b->nmembers && buf_puts(o, "    members:\n"));
		for (int k = 0; !rc && k < b->nmembers; k++) {
			const doc_member *m = &b->members[k];
			rc = buf_puts(o, "      - role: ") || quoted(o, m->role) || buf_puts(o, "\n") ||
			     field(o, 8, "name", m->name) || field(o, 8, "title", m->title) ||
			     (m->concurrent && buf_puts(o, "        concurrent: true\n"));
		}
	}
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

int doc_emit_yaml(doc *d, struct campaign_buf *o)
{
	int rc = buf_puts(o, "# Drafted by campaign_plan_from_document(); check it against the report.\n");
	rc = rc || campaign_part(d, o) || units_part(d, o) || groups_part(d, o) || bodies_part(d, o) ||
	     phases_part(d, o) || task_tree(d, o, -1, 2);
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}

static int count_report(doc *d, struct campaign_buf *o)
{
	int m = 0, out = 0, dl = 0, ms = 0, areas = 0;
	for (int i = 0; i < d->ntasks; i++) {
		areas += d->tasks[i].nchild > 0; /* a heading with tasks under it is an area, as the plan format has it */
		m += d->tasks[i].nmeasures, out += d->tasks[i].noutcomes;
		for (int k = 0; k < d->tasks[i].noutcomes; k++)
			dl += d->tasks[i].outcomes[k].deadline != NULL;
	}
	for (int i = 0; i < d->nphases; i++)
		ms += d->phases[i].nms;
	return buf_printf(o,
	                  "# Drafted plan: %d areas, %d tasks, %d measures, %d outcomes (%d with a deadline), %d phases, "
	                  "%d milestones\n",
	                  areas, d->ntasks - areas, m, out, dl, d->nphases, ms);
}

int doc_emit_report(doc *d, struct campaign_buf *o)
{
	int rc = count_report(d, o) || buf_puts(o, "\n## Lines used\n");
	int unplaced = 0;
	for (int i = 0; !rc && i < d->nlines; i++)
		if (d->use[i])
			rc = buf_printf(o, "L%d: %s\n", i + 1, d->use[i]);
	rc = rc || buf_puts(o, "\n## Lines not placed\n");
	for (int i = 0; !rc && i < d->nlines; i++)
		if (!d->use[i] && *d->lines[i])
			unplaced++, rc = buf_printf(o, "L%d: %s\n", i + 1, d->lines[i]);
	rc = rc || (!unplaced && buf_puts(o, "(none)\n"));
	rc = rc || buf_puts(o, "\n## Judgements\n") || buf_puts(o, d->judgements.size ? d->judgements.data : "(none)\n");
	return rc ? CAMPAIGN_ENOMEM : CAMPAIGN_OK;
}
