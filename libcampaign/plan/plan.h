/* The plan domain's private header (plan, matrix, YAML import and export). Not installed. */
#ifndef CAMPAIGN_PLAN_PRIVATE_H
#define CAMPAIGN_PLAN_PRIVATE_H

#include "core/core.h"
#include "io/io.h"

/* ---- yaml_import.c / yaml_export.c ---- */
/* Imports a plan through the write envelope: @source is YAML text
 * (@from_text) or a file's path, named @name in positions. */
int plan_import(campaign_db *db, int from_text, const char *source, const char *name, const char *actor,
                const campaign_import_options *opts);
int plan_export(struct campaign_buf *out, campaign_db *db, sqlite3_int64 campaign);

#endif
