/* The document reader's private header: a plan document's lines, what each
 * is (the line classifier and numbering recogniser, lines.c), the draft plan
 * they build (the section state machine, build.c; units and responsibility,
 * units.c; phases, phases.c) and its YAML (emit.c). Not installed. */
#ifndef CAMPAIGN_DOCUMENT_PRIVATE_H
#define CAMPAIGN_DOCUMENT_PRIVATE_H

#include "core/core.h"
#include "io/io.h"
#include "campaign/document.h"

/* Full-width punctuation, written as bytes so no editor turns it into ASCII: ( ) : ; , . [ ] */
#define FW_LP "\xEF\xBC\x88"
#define FW_RP "\xEF\xBC\x89"
#define FW_COLON "\xEF\xBC\x9A"
#define FW_SEMI "\xEF\xBC\x9B"
#define FW_COMMA "\xEF\xBC\x8C"
#define FW_STOP "\xEF\xBC\x8E"
#define FW_LB "\xEF\xBC\xBB"
#define FW_RB "\xEF\xBC\xBD"

/* ---- lines.c ---- */

typedef enum num_kind { NUM_NONE, NUM_CN, NUM_CN_PAREN, NUM_ARABIC, NUM_PAREN, NUM_CIRCLED } num_kind;

/* The numbering a text starts with: its kind, value, the label's bytes and
 * where the text after it (and its spaces) starts. NUM_NONE when none. */
num_kind doc_numbering(const char *s, int *value, size_t *label_len, const char **body);

typedef enum sect_kind { SECT_NONE, SECT_OBJECTIVE, SECT_MEASURES, SECT_OUTCOMES, SECT_RESP } sect_kind;

/* A task section label at the start of @s (目标任务: ...): its kind, and the text after the colon in *rest. */
sect_kind doc_section_label(const char *s, const char **rest);

/* Splits "(1)…(2)…(3)…" at markers numbered in sequence, from @first; writes at
 * most @max starts into @at, returns how many (1 when not run together). */
int doc_split_items(const char *s, const char **at, int max);

/* Decodes @n bytes as @encoding ("auto", "utf-8", "gb18030"; NULL auto) into @out. */
int doc_decode(const char *bytes, size_t n, const char *encoding, struct campaign_buf *out);

/* Trims ASCII and full-width spaces at both ends, in place. */
char *doc_trim(char *s);
int doc_starts(const char *s, const char *prefix);
int doc_ends(const char *s, const char *suffix);
/* Strips a final 。 (in place). */
void doc_strip_stop(char *s);

/* ---- the draft ---- */

typedef struct doc_ref {
	int unit;        /* index in doc.units */
	char *as;        /* the name as written, when it differs; NULL */
	char *condition; /* the scope, NULL */
} doc_ref;

#define DOC_MAX_REFS 32

typedef struct doc_item {
	char *label, *text, *deadline;
	int line;
	int has_resp;
	int nlead, nsupport;
	doc_ref lead[DOC_MAX_REFS], support[DOC_MAX_REFS];
} doc_item;

typedef struct doc_task {
	char id[48];
	char *label, *title;
	struct campaign_buf objective;
	int parent, depth, nchild, line;
	doc_item *measures, *outcomes;
	int nmeasures, noutcomes;
	int resp_from; /* the first measure a 责任单位 line applies to */
	char *deadline;    /* a heading's (6月底前完成), for its outcomes that set none */
	doc_item defaults; /* a task-wide 牵头单位/配合单位 line given before its measures */
} doc_task;

typedef struct doc_unit {
	char id[32];
	char *name, *kind;
	const char *aliases;     /* "a|b|c" (static) */
	const char *members_of;  /* a group: the kind of its members; NULL for a unit */
	const char *derive;      /* a derived group */
	int used;
} doc_unit;

typedef struct doc_milestone {
	char *text, *deadline;
	int unit, line;
} doc_milestone;

typedef struct doc_phase {
	char *name, *period, *focus;
	doc_milestone *ms;
	int nms, line;
} doc_phase;

typedef struct doc_member {
	char *name, *role, *title;
	int concurrent;
} doc_member;

typedef struct doc_body {
	char *name;
	doc_member *members;
	int nmembers;
} doc_body;

typedef struct doc {
	const campaign_document_options *opts;
	char **lines; int nlines;
	char **use;                     /* what each line was used for (NULL: not placed) */
	struct campaign_buf judgements; /* "L12: ..." lines */
	char *title, *issuer, *basis, *basis_title, *period, *footer;
	struct campaign_buf preamble, summary, requirements;
	int year;
	doc_task *tasks; int ntasks;
	doc_unit *units; int nunits, generated;
	doc_phase *phases; int nphases;
	doc_body bodies[2]; int nbodies;
	char body_role[64];              /* the role of the body lines being read (组长, 成员 ...) */
	char **owned; int nowned, capowned; /* strings to free */
	int nomem; /* a string could not be made: the draft is out of memory, whatever its caller made of the NULL */
} doc;

/* A copy of @n bytes of @s owned by @d (freed with it); NULL on ENOMEM. */
char *doc_strndup(doc *d, const char *s, size_t n);
char *doc_strdup(doc *d, const char *s);
/* Grows @*arr of @size-byte elements to hold @n + 1; 0 or ENOMEM (which marks @d, when given, as own() does). */
int doc_grow(doc *d, void **arr, int n, size_t size);
/* Notes what line @no (from 0) was used for. */
int doc_use(doc *d, int no, const char *fmt, ...) CAMPAIGN_PRINTF(3, 4);
int doc_judge(doc *d, int no, const char *fmt, ...) CAMPAIGN_PRINTF(3, 4);
/* 1 if @text parses as a deadline with the document's year. */
int doc_is_deadline(doc *d, const char *text);

/* The end of a period's text: after its last 至 or -- (the whole text when neither). */
const char *doc_period_end(const char *period);

/* ---- docx.c ---- */
/* The text of the .docx @path, a line per paragraph (numbering rendered, table rows tab-joined), into @out. */
int doc_docx_text(const char *path, struct campaign_buf *out);

/* ---- build.c ---- */
int doc_build(doc *d);

/* ---- units.c ---- */
/* The unit or group named @name (created when new); -1 on ENOMEM. *as is set when written differently. */
int doc_unit_find(doc *d, const char *name, int create, const char **canonical);
/* Parses a responsibility text (after 责任单位:) into @m's lead and support. */
int doc_parse_resp(doc *d, int line, const char *text, doc_item *m);
/* A responsibility written in a measure's own text: a final (责任单位:…) or [牵头单位:…;责任单位:…]
 * (cut from the text), or 由X牵头,Y配合. */
int doc_inline_resp(doc *d, int line, doc_item *m);
/* The units the text starts with (its subject, up to 要/完成/…): up to @max indexes; returns the count. */
int doc_subject(doc *d, const char *text, int *units, int max);

/* ---- phases.c ---- */
int doc_phase_line(doc *d, int no, const char *s);
int doc_phase_text(doc *d, int no, const char *s);
int doc_body_line(doc *d, int no, const char *s, const char *heading);

/* ---- emit.c ---- */
int doc_emit_yaml(doc *d, struct campaign_buf *out);
int doc_emit_report(doc *d, struct campaign_buf *out);

#endif
