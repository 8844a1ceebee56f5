/* `campaign show`: the task tree with responsibilities and deadlines, as
 * aligned text for a terminal or as JSON. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"

/* ---- JSON ---- */

static int json_measure(json *j, campaign_db *db, const char *campaign, campaign_cursor *m)
{
	static const char *const roles[] = {"lead", "support"};
	const char *id = campaign_cursor_get(m, "id");
	campaign_cursor *r;
	int rc;
	json_begin_object(j);
	json_row(j, m);
	for (int k = 0; k < 2; k++) {
		json_key(j, roles[k]);
		json_begin_array(j);
		if ((rc = campaign_responsibilities_query(&r, db, campaign, id)))
			return rc;
		while (campaign_cursor_next(r) == CAMPAIGN_OK)
			if (!strcmp(campaign_cursor_get(r, "role"), roles[k]))
				json_string(j, campaign_cursor_get(r, "name"));
		campaign_cursor_free(r);
		json_end_array(j);
	}
	json_key(j, "responsibilities");
	if ((rc = campaign_responsibilities_query(&r, db, campaign, id)) || (rc = json_cursor(j, r, NULL)))
		return rc;
	json_end_object(j);
	return 0;
}

static int json_outcome(json *j, campaign_db *db, const char *campaign, campaign_cursor *o)
{
	(void)db, (void)campaign;
	json_begin_object(j);
	json_key(j, "id"), json_string(j, campaign_cursor_get(o, "id"));
	json_key(j, "task"), json_string(j, campaign_cursor_get(o, "task"));
	json_key(j, "label"), json_string(j, campaign_cursor_get(o, "label"));
	json_key(j, "text"), json_string(j, campaign_cursor_get(o, "text"));
	json_key(j, "deadline");
	if (campaign_cursor_get(o, "deadline_text")) {
		json_begin_object(j);
		json_key(j, "text"), json_string(j, campaign_cursor_get(o, "deadline_text"));
		json_key(j, "first"), json_string(j, campaign_cursor_get(o, "first"));
		json_key(j, "last"), json_string(j, campaign_cursor_get(o, "last"));
		json_key(j, "open_ended"), json_bool(j, campaign_cursor_int(o, campaign_cursor_column_index(o, "open_ended")) != 0);
		json_end_object(j);
	} else {
		json_string(j, NULL);
	}
	/* the units that owe it, ","-joined ids (issue 14) */
	json_key(j, "owners"), json_string(j, campaign_cursor_get(o, "owners"));
	json_end_object(j);
	return 0;
}

/* One row of a task's measures or outcomes, as JSON. */
typedef int (*json_item)(json *j, campaign_db *db, const char *campaign, campaign_cursor *row);

/* "@key": [the rows of @query for @task, each written by @item], counting them in *n. */
static int json_rows(json *j, const char *key, int (*query)(campaign_cursor **, campaign_db *, const char *, const char *),
                     json_item item, campaign_db *db, const char *campaign, const char *task, int *n)
{
	campaign_cursor *c;
	int rc;
	json_key(j, key);
	json_begin_array(j);
	if ((rc = query(&c, db, campaign, task)))
		return rc;
	while (!rc && campaign_cursor_next(c) == CAMPAIGN_OK) {
		++*n;
		rc = item(j, db, campaign, c);
	}
	campaign_cursor_free(c);
	json_end_array(j);
	return rc;
}

/* The measures and outcomes of one task. */
static int json_task_body(json *j, campaign_db *db, const char *campaign, const char *task, int *nm, int *no)
{
	int rc = json_rows(j, "measures", campaign_measures_query, json_measure, db, campaign, task, nm);
	return rc ? rc : json_rows(j, "outcomes", campaign_outcomes_query, json_outcome, db, campaign, task, no);
}

/* Closes open task objects down to @depth (each open task has an open "tasks" array). */
static void json_close_tasks(json *j, int *open, int depth)
{
	while (*open > depth) {
		json_end_array(j);
		json_end_object(j);
		--*open;
	}
}

static int json_tasks(json *j, campaign_db *db, const char *campaign, int counts[4])
{
	campaign_cursor *t;
	int rc, open = 0;
	if ((rc = campaign_tasks_query(&t, db, campaign, NULL)))
		return rc;
	json_key(j, "tasks");
	json_begin_array(j);
	while ((rc = campaign_cursor_next(t)) == CAMPAIGN_OK) {
		int depth = (int)campaign_cursor_int(t, campaign_cursor_column_index(t, "depth"));
		json_close_tasks(j, &open, depth);
		counts[depth == 0 ? 0 : 1]++;
		json_begin_object(j);
		json_row(j, t);
		if ((rc = json_task_body(j, db, campaign, campaign_cursor_get(t, "id"), &counts[2], &counts[3])))
			break;
		json_key(j, "tasks");
		json_begin_array(j);
		open++;
	}
	campaign_cursor_free(t);
	if (rc != CAMPAIGN_ITEROVER)
		return rc;
	json_close_tasks(j, &open, 0);
	json_end_array(j);
	return 0;
}

/* A list of rows, each with a nested list from a per-row query. */
typedef int (*child_query)(campaign_cursor **, campaign_db *, const char *, const char *);

static int json_nested(json *j, campaign_db *db, const char *campaign, campaign_cursor *c, const char *key,
                       child_query q)
{
	int rc;
	json_begin_array(j);
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		campaign_cursor *sub;
		json_begin_object(j);
		json_row(j, c);
		json_key(j, key);
		if ((rc = q(&sub, db, campaign, campaign_cursor_get(c, "id"))) || (rc = json_cursor(j, sub, NULL)))
			break;
		json_end_object(j);
	}
	json_end_array(j);
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? 0 : rc;
}

static int show_json(campaign_db *db, const char *campaign)
{
	json j = {.f = stdout};
	campaign_cursor *c;
	int rc, counts[4] = {0, 0, 0, 0};
	json_begin_object(&j);
	json_key(&j, "campaign");
	if ((rc = campaign_campaigns_query(&c, db)))
		return rc;
	while (campaign_cursor_next(c) == CAMPAIGN_OK)
		if (!campaign || !strcmp(campaign, campaign_cursor_get(c, "id"))) {
			json_begin_object(&j);
			json_row(&j, c);
			json_end_object(&j);
			break;
		}
	campaign_cursor_free(c);
	json_key(&j, "units");
	if ((rc = campaign_units_query(&c, db, campaign)) || (rc = json_cursor(&j, c, NULL)))
		return rc;
	json_key(&j, "unit_groups");
	if ((rc = campaign_unit_groups_query(&c, db, campaign)) ||
	    (rc = json_nested(&j, db, campaign, c, "members", campaign_unit_group_members_query)))
		return rc;
	json_key(&j, "bodies");
	if ((rc = campaign_bodies_query(&c, db, campaign)) ||
	    (rc = json_nested(&j, db, campaign, c, "members", campaign_body_members_query)))
		return rc;
	json_key(&j, "phases");
	if ((rc = campaign_phases_query(&c, db, campaign)) ||
	    (rc = json_nested(&j, db, campaign, c, "milestones", campaign_milestones_query)))
		return rc;
	if ((rc = json_tasks(&j, db, campaign, counts)))
		return rc;
	json_key(&j, "counts");
	json_begin_object(&j);
	json_key(&j, "areas"), json_int(&j, counts[0]);
	json_key(&j, "tasks"), json_int(&j, counts[1]);
	json_key(&j, "measures"), json_int(&j, counts[2]);
	json_key(&j, "outcomes"), json_int(&j, counts[3]);
	json_end_object(&j);
	json_end_object(&j);
	fputc('\n', stdout);
	return 0;
}

/* ---- text ---- */

#define LABEL_CELLS 12

/* Prints the first @cells display cells of @s, with "…" if cut. */
static void print_cut(const char *s, int cells)
{
	int w = 0;
	const char *p = s;
	while (*p) {
		const char *q = p + 1;
		char ch[5] = {0};
		while ((*q & 0xc0) == 0x80)
			q++;
		memcpy(ch, p, (size_t)(q - p) < 4 ? (size_t)(q - p) : 4);
		w += text_width(ch);
		if (w > cells) {
			fputs("…", stdout);
			return;
		}
		if (*p != '\n')
			fwrite(p, 1, (size_t)(q - p), stdout);
		p = q;
	}
}

static void indent(int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", stdout);
}

static int text_responsibilities(campaign_db *db, const char *campaign, const char *measure, int depth)
{
	static const char *const roles[] = {"lead", "support"}, *const names[] = {"牵头", "配合"};
	campaign_cursor *r;
	int rc;
	for (int k = 0; k < 2; k++) {
		int n = 0;
		if ((rc = campaign_responsibilities_query(&r, db, campaign, measure)))
			return rc;
		while (campaign_cursor_next(r) == CAMPAIGN_OK) {
			const char *cond = campaign_cursor_get(r, "condition");
			if (strcmp(campaign_cursor_get(r, "role"), roles[k]))
				continue;
			if (!n++) {
				indent(depth);
				text_pad(stdout, "", LABEL_CELLS);
				printf("%s: ", names[k]);
			} else {
				fputs("、", stdout);
			}
			fputs(campaign_cursor_get(r, "name"), stdout);
			if (cond)
				printf("(%s)", cond);
		}
		campaign_cursor_free(r);
		if (n)
			fputc('\n', stdout);
	}
	return 0;
}

static int text_task_body(campaign_db *db, const char *campaign, const char *task, int depth)
{
	campaign_cursor *c;
	int rc;
	if ((rc = campaign_measures_query(&c, db, campaign, task)))
		return rc;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		char label[64];
		const char *l = campaign_cursor_get(c, "label");
		snprintf(label, sizeof label, "措施%s", l ? l : "");
		indent(depth);
		text_pad(stdout, label, LABEL_CELLS);
		print_cut(campaign_cursor_get(c, "text"), 60);
		fputc('\n', stdout);
		if ((rc = text_responsibilities(db, campaign, campaign_cursor_get(c, "id"), depth)))
			break;
	}
	campaign_cursor_free(c);
	if (rc || (rc = campaign_outcomes_query(&c, db, campaign, task)))
		return rc;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		char label[64];
		const char *l = campaign_cursor_get(c, "label"), *dl = campaign_cursor_get(c, "deadline_text");
		snprintf(label, sizeof label, "成果%s", l ? l : "");
		indent(depth);
		text_pad(stdout, label, LABEL_CELLS);
		print_cut(campaign_cursor_get(c, "text"), 60);
		fputc('\n', stdout);
		indent(depth);
		text_pad(stdout, "", LABEL_CELLS);
		if (!dl)
			puts("时限: (未定)");
		else if (campaign_cursor_int(c, campaign_cursor_column_index(c, "open_ended")))
			printf("时限: %s  [长期]\n", dl);
		else
			printf("时限: %s  [%s … %s]\n", dl, campaign_cursor_get(c, "first") ? campaign_cursor_get(c, "first") : "",
			       campaign_cursor_get(c, "last"));
		indent(depth);
		text_pad(stdout, "", LABEL_CELLS);
		printf("承担: %s\n", campaign_cursor_get(c, "owner_names") ? campaign_cursor_get(c, "owner_names") : "(无)");
	}
	campaign_cursor_free(c);
	return 0;
}

static int show_text(campaign_db *db, const char *campaign)
{
	campaign_cursor *c;
	int rc;
	if ((rc = campaign_campaigns_query(&c, db)))
		return rc;
	while (campaign_cursor_next(c) == CAMPAIGN_OK) {
		const char *id = campaign_cursor_get(c, "id"), *basis = campaign_cursor_get(c, "basis");
		if (campaign && strcmp(campaign, id))
			continue;
		printf("%s\n", campaign_cursor_get(c, "title"));
		printf("[%s] %s%s%s  %s … %s\n\n", id, basis ? "依据 " : "", basis ? basis : "", basis ? " " : "",
		       campaign_cursor_get(c, "period_first"), campaign_cursor_get(c, "period_last"));
	}
	campaign_cursor_free(c);
	if ((rc = campaign_tasks_query(&c, db, campaign, NULL)))
		return rc;
	while ((rc = campaign_cursor_next(c)) == CAMPAIGN_OK) {
		int depth = (int)campaign_cursor_int(c, campaign_cursor_column_index(c, "depth"));
		const char *label = campaign_cursor_get(c, "label");
		indent(depth);
		printf("%s%s%s\n", label ? label : "", label ? " " : "", campaign_cursor_get(c, "title"));
		if ((rc = text_task_body(db, campaign, campaign_cursor_get(c, "id"), depth + 1)))
			break;
	}
	campaign_cursor_free(c);
	return rc == CAMPAIGN_ITEROVER ? 0 : rc;
}

int cmd_show(campaign_db *db, const char *campaign, const char *format)
{
	return strcmp(format, "json") == 0 ? show_json(db, campaign) : show_text(db, campaign);
}
