/* Files that are not stores (issue 18): a truncated store, a file that is
 * not a database and the SQLite databases of other applications are refused
 * by campaign_open with EIO and a message naming the file, and are never
 * migrated: their bytes are the same after the failed open, and no WAL file
 * appears beside them. An older libcampaign store (no application_id) opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

#define LCMP 0x4C434D50 /* the application_id of a store: schema/030_application_id.sql */

typedef struct file_bytes {
	char *data;
	long size;
} file_bytes;

static file_bytes read_bytes(const char *path)
{
	file_bytes b = {NULL, 0};
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	b.size = ftell(f);
	rewind(f);
	assert_non_null(b.data = malloc((size_t)b.size + 1));
	assert_int_equal(fread(b.data, 1, (size_t)b.size, f), (size_t)b.size);
	fclose(f);
	return b;
}

static void write_bytes(const char *path, const char *data, long size)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, (size_t)size, f), (size_t)size);
	fclose(f);
}

/* campaign_open (read-write, then read-only) refuses @path with EIO and a
 * message that starts with the path and holds @why; the file is unchanged. */
static void expect_refused(const char *path, const char *why)
{
	file_bytes before = read_bytes(path), after;
	char wal[300];
	unsigned flags[] = {0, CAMPAIGN_OPEN_READONLY};
	for (int i = 0; i < 2; i++) {
		campaign_db *db = NULL;
		assert_int_equal(campaign_open(&db, path, flags[i]), CAMPAIGN_EIO);
		assert_null(db);
		assert_memory_equal(campaign_error_message(), path, strlen(path));
		if (!strstr(campaign_error_message(), why))
			print_error("message: %s\n", campaign_error_message());
		assert_non_null(strstr(campaign_error_message(), why));
	}
	after = read_bytes(path);
	assert_int_equal(after.size, before.size);
	assert_memory_equal(after.data, before.data, before.size);
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_not_equal(access(wal, F_OK), 0);
	free(before.data);
	free(after.data);
}

/* A seed store in @path, checkpointed into the main file (no WAL beside it). */
static void seed_file(const char *path)
{
	campaign_db *db;
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_plan_import_file(db, SEED_PLAN, "office", NULL), CAMPAIGN_OK);
	campaign_close(db);
	raw_sql(path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
}

static void test_text_file_refused(void **state)
{
	char path[256], text[8192];
	(void)state;
	tmp_store_path(path, sizeof path, "text.db");
	for (size_t i = 0; i + 32 < sizeof text; i += 32)
		memcpy(text + i, "this is a list of things to do\n", 32);
	write_bytes(path, text, sizeof text - 64);
	expect_refused(path, "damaged, or not a libcampaign store (cannot read the store: file is not a database)");
	remove_store(path);
}

static void test_truncated_store_refused(void **state)
{
	char path[256];
	file_bytes whole;
	(void)state;
	tmp_store_path(path, sizeof path, "truncated.db");
	seed_file(path);
	whole = read_bytes(path);
	assert_true(whole.size > 16 * 4096);
	write_bytes(path, whole.data, whole.size / 2); /* half the pages gone */
	expect_refused(path, "damaged, or not a libcampaign store (cannot read the store: database disk image is malformed)");
	write_bytes(path, whole.data, 60); /* inside the file header */
	expect_refused(path, "damaged, or not a libcampaign store (cannot read the store: database disk image is malformed)");
	free(whole.data);
	remove_store(path);
}

/* Another application's database: tables, user_version 0, no id. */
static void test_other_application_refused(void **state)
{
	char path[256];
	(void)state;
	tmp_store_path(path, sizeof path, "other.db");
	raw_sql(path, "CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer(name) VALUES ('a')");
	expect_refused(path, "not a libcampaign store (a SQLite database with 1 schema objects and no libcampaign "
	                     "tables, schema version 0); it was left as it is");
	/* one that numbers its own schema */
	raw_sql(path, "PRAGMA user_version = 7");
	expect_refused(path, "schema version 7");
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master"), 1);
	remove_store(path);
}

/* An application that set its own id, even with no table yet, and even a
 * libcampaign store whose id was changed. */
static void test_other_application_id_refused(void **state)
{
	char path[256];
	(void)state;
	tmp_store_path(path, sizeof path, "other-id.db");
	raw_sql(path, "PRAGMA application_id = 305419896"); /* 0x12345678 */
	expect_refused(path, "not a libcampaign store (a database of another application: application_id 0x12345678)");
	remove_store(path);
	seed_file(path);
	raw_sql(path, "PRAGMA application_id = 1");
	expect_refused(path, "application_id 0x00000001");
	remove_store(path);
}

/* A new store carries the id; a store made before the id (none in its
 * header) is known by its tables and opens. */
static void test_stores_known(void **state)
{
	char path[256];
	campaign_db *db;
	(void)state;
	tmp_store_path(path, sizeof path, "known.db");
	seed_file(path);
	assert_int_equal(raw_int(path, "PRAGMA application_id"), LCMP);
	raw_sql(path, "PRAGMA application_id = 0");
	assert_int_equal(campaign_open(&db, path, CAMPAIGN_OPEN_READONLY), CAMPAIGN_OK);
	assert_string_equal(verify_summary(db, NULL, NULL), "");
	campaign_close(db);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	campaign_close(db);
	remove_store(path);
	/* an empty file is a new store */
	write_bytes(path, "", 0);
	assert_int_equal(campaign_open(&db, path, 0), CAMPAIGN_OK);
	assert_int_equal(campaign_schema_version(db), campaign_schema_version_supported());
	campaign_close(db);
	assert_int_equal(raw_int(path, "PRAGMA application_id"), LCMP);
	remove_store(path);
}

TEST_MAIN("robust.foreign", cmocka_unit_test(test_text_file_refused), cmocka_unit_test(test_truncated_store_refused),
          cmocka_unit_test(test_other_application_refused), cmocka_unit_test(test_other_application_id_refused),
          cmocka_unit_test(test_stores_known))
