/**
 * @file campaign/document.h
 * @brief A plan drafted from its document: the 实施方案 / 责任分解 text read
 *        into the plan format (YAML, examples/plans/FORMAT.md), with a report
 *        a clerk checks against the paper.
 *
 * The document is UTF-8 or GB18030 plain text, or a .docx (WordprocessingML,
 * read with libzip and libxml2's streaming reader: each paragraph a line,
 * Word's automatic numbering rendered into it as shown -- "一、", "(一)",
 * "1." -- numbering given by a paragraph's style too, a table row a line of
 * tab-joined cells). .doc and .wps are converted first, e.g.
 * `libreoffice --headless --convert-to docx`. What is
 * recognised: the numbering 一、 / (一) / 1. or 1、 / (1) / ① (items run
 * together on one line are split; a missing heading is never invented), a
 * task's sections 目标任务, 具体措施 / 主要措施, 责任单位, 预期成果 /
 * 工作目标 / 完成时限, responsibility notations (X(牵头单位),Y、Z(配合单位);
 * 牵头单位:X;配合单位:Y; 各地以X为牵头单位; scoped leads), deadlines, the
 * phases (第一阶段:动员部署。…) with periods and milestones, and the
 * leading group. The report lists every line used and for what, every line
 * not placed and every judgement, each with its line number.
 */
#ifndef CAMPAIGN_DOCUMENT_H
#define CAMPAIGN_DOCUMENT_H

#include "common.h"
#include "buf.h"
#include "store.h"

CAMPAIGN_BEGIN_DECLS

#define CAMPAIGN_DOCUMENT_OPTIONS_VERSION 1

/** Options for reading a plan document. Initialise with ::CAMPAIGN_DOCUMENT_OPTIONS_INIT or campaign_document_options_init(). */
typedef struct campaign_document_options {
	unsigned int version;  /**< ::CAMPAIGN_DOCUMENT_OPTIONS_VERSION */
	const char *encoding;  /**< "auto" (NULL: UTF-8 if the bytes are UTF-8, else GB18030), "utf-8" or "gb18030" */
	const char *campaign;  /**< the campaign id written (NULL: "campaign") */
	int year;              /**< the year of deadlines written without one (0: the first year of the document's period) */
	const char *title;     /**< the campaign title (NULL: the document's title line, or its footer heading) */
} campaign_document_options;

#define CAMPAIGN_DOCUMENT_OPTIONS_INIT { CAMPAIGN_DOCUMENT_OPTIONS_VERSION, NULL, NULL, 0, NULL }

/**
 * Initialises @p opts to the defaults of @p version (for bindings, which cannot use the macro).
 * @return ::CAMPAIGN_OK, or ::CAMPAIGN_EINVALID for NULL or an unknown version.
 */
CAMPAIGN_API int campaign_document_options_init(campaign_document_options *opts, unsigned int version);

/**
 * Drafts a plan from a document: a text file, or a .docx (by its extension, or
 * any file that is a zip).
 *
 * @param[out] out_yaml    the plan in the project's YAML format, written only on success; free with campaign_buf_free()
 * @param[out] out_report  the report (lines used, lines not placed, judgements), written only on success; may be NULL
 * @param path             the document: plain text, or .docx
 * @param opts             options, or NULL for the defaults
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EIO if the file cannot be read; ::CAMPAIGN_EINVALID for bad
 *         arguments, an unknown encoding (the message quotes it), text that is not in the encoding
 *         asked for, or a document with no task, measure or phase; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_plan_from_document(campaign_buf **out_yaml, campaign_buf **out_report, const char *path,
                                             const campaign_document_options *opts);

/**
 * Drafts a plan from a document's text file: the YAML of campaign_plan_from_document().
 * @param[out] out  the plan's YAML, written only on success; free with campaign_buf_free()
 * @return as campaign_plan_from_document().
 */
CAMPAIGN_API int campaign_plan_from_document_yaml(campaign_buf **out, const char *path,
                                                  const campaign_document_options *opts);

/**
 * Drafts a plan from a document's text file: the report of campaign_plan_from_document().
 * @param[out] out  the report, written only on success; free with campaign_buf_free()
 * @return as campaign_plan_from_document().
 */
CAMPAIGN_API int campaign_plan_from_document_report(campaign_buf **out, const char *path,
                                                    const campaign_document_options *opts);

/**
 * Imports a plan straight from its document: drafted as by
 * campaign_plan_from_document(), then imported as by campaign_plan_import_string()
 * (error positions name "PATH (draft)" and the draft's YAML line).
 *
 * @param[out] out  the drafting report (lines used, not placed, judgements), written only on success;
 *                  may be NULL; free with campaign_buf_free()
 * @param db        the store
 * @param path      the document: plain text, or .docx
 * @param actor     who imports; not NULL or empty
 * @param opts      the reading options, or NULL for the defaults
 * @param replace   1: a campaign with the same id is replaced (as campaign_import_options.replace)
 * @param dry_run   1: write nothing -- the draft goes through every check of the plan import in a scratch
 *                  store in memory, and a campaign of its id already in @p db is ::CAMPAIGN_ECONFLICT
 *                  unless @p replace; 0: import it
 * @return as campaign_plan_from_document() and campaign_plan_import_string().
 */
CAMPAIGN_API int campaign_plan_import_document(campaign_buf **out, campaign_db *db, const char *path, const char *actor,
                                               const campaign_document_options *opts, int replace, int dry_run);

CAMPAIGN_END_DECLS
#endif
