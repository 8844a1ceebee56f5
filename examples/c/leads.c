/* leads: load a plan into a store and print what each unit leads, with the
 * deadlines of the outcomes of each measure's task.
 *
 *   leads PLAN.yaml [STORE]      (STORE defaults to ":memory:")
 *
 * Output, for each unit in plan order that leads at least one measure:
 *   UNIT-NAME<TAB>MEASURE-ID MEASURE-ID ...
 *   <2 spaces>MEASURE-ID<TAB>LAST-DATE LAST-DATE ...   ("-" for an outcome without a date)
 * The Python and Java examples print exactly the same. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <campaign/campaign.h>

static int die(void)
{
	fprintf(stderr, "leads: %s\n", campaign_error_message());
	return 1;
}

/* Prints the last dates of the outcomes of the task that holds @measure. */
static int print_deadlines(campaign_db *db, const char *measure, const char *task)
{
	campaign_cursor *o;
	int n = 0;
	if (campaign_outcomes_query(&o, db, NULL, task))
		return die();
	printf("  %s\t", measure);
	while (campaign_cursor_next(o) == CAMPAIGN_OK) {
		const char *last = campaign_cursor_get(o, "last");
		printf("%s%s", n++ ? " " : "", last ? last : "-");
	}
	putchar('\n');
	campaign_cursor_free(o);
	return 0;
}

/* The task of a measure. */
static char *task_of(campaign_db *db, const char *measure)
{
	campaign_cursor *m;
	char *task = NULL;
	if (campaign_measures_query(&m, db, NULL, NULL))
		return NULL;
	while (!task && campaign_cursor_next(m) == CAMPAIGN_OK)
		if (!strcmp(campaign_cursor_get(m, "id"), measure))
			task = strdup(campaign_cursor_get(m, "task"));
	campaign_cursor_free(m);
	return task;
}

static int print_unit(campaign_db *db, const char *unit, const char *name)
{
	campaign_cursor *r;
	char ids[4096] = "";
	int n = 0;
	if (campaign_responsibilities_query(&r, db, NULL, NULL))
		return die();
	while (campaign_cursor_next(r) == CAMPAIGN_OK) {
		const char *u = campaign_cursor_get(r, "unit");
		if (u && !strcmp(u, unit) && !strcmp(campaign_cursor_get(r, "role"), "lead")) {
			if (n++)
				strncat(ids, " ", sizeof ids - strlen(ids) - 1);
			strncat(ids, campaign_cursor_get(r, "measure"), sizeof ids - strlen(ids) - 1);
		}
	}
	campaign_cursor_free(r);
	if (!n)
		return 0;
	printf("%s\t%s\n", name, ids);
	for (char *save = NULL, *id = strtok_r(ids, " ", &save); id; id = strtok_r(NULL, " ", &save)) {
		char *task = task_of(db, id);
		int rc = task ? print_deadlines(db, id, task) : die();
		free(task);
		if (rc)
			return rc;
	}
	return 0;
}

int main(int argc, char **argv)
{
	campaign_db *db;
	campaign_cursor *u;
	int rc = 0;
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: leads PLAN.yaml [STORE]\n");
		return 2;
	}
	if (campaign_open(&db, argc == 3 ? argv[2] : ":memory:", 0))
		return die();
	if (campaign_plan_import_file(db, argv[1], "example", NULL) || campaign_units_query(&u, db, NULL)) {
		campaign_close(db);
		return die();
	}
	while (!rc && campaign_cursor_next(u) == CAMPAIGN_OK)
		rc = print_unit(db, campaign_cursor_get(u, "id"), campaign_cursor_get(u, "name"));
	campaign_cursor_free(u);
	campaign_close(db);
	return rc;
}
