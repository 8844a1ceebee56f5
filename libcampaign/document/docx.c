/* A .docx as the text the line classifier reads, through the OOXML door
 * (io/ooxml.c): each paragraph of word/document.xml a line (runs' w:t,
 * w:tab as a tab, w:br as a new line), Word's automatic numbering rendered
 * into the line as the document shows it (numbering.xml's lvlText and numFmt:
 * "%1、" in chineseCounting is "一、"), so the numbering recogniser sees the
 * labels a typed text has; a paragraph numbered by its style (a heading
 * style linked to a list) too; a table's rows as lines, cells joined by a
 * tab. Streamed: the document's XML is never held whole. */
#include <stdlib.h>
#include <string.h>
#include "document/document.h"

#define LEVELS 9
#define MAX_NUMS 512
#define MAX_STYLES 512

typedef struct lvl {
	int start;
	char fmt[32], text[64];
} lvl;

typedef struct abstract_num {
	int id;
	lvl lv[LEVELS];
} abstract_num;

typedef struct num_ref {
	int id, abstract; /* w:num's numId and its abstractNumId */
	int count[LEVELS];
	int started[LEVELS];
	int start[LEVELS]; /* a lvlOverride's startOverride (0: the list's own start) */
} num_ref;

typedef struct style_num {
	char id[64];
	int num, ilvl;
} style_num;

typedef struct docx {
	ooxml o;
	abstract_num *abs;
	int nabs, cur_abs, cur_lvl;
	num_ref *nums;
	int nnums, cur_num, cur_override;
	style_num *styles;
	int nstyles;
	struct campaign_buf *out, line, cell;
	/* the paragraph being read */
	int p_num, p_ilvl, in_run, in_tbl, cells;
	size_t cell_start; /* where the current cell's text starts in x->cell */
	char p_style[64];
} docx;

static int nomem(void)
{
	return error_set(CAMPAIGN_ENOMEM, "out of memory");
}

static int attr_int(ooxml_part *p, const char *name, int dflt)
{
	const char *v = ooxml_attr(p, name);
	return v ? atoi(v) : dflt;
}

/* Reads the part @name (absent: nothing) with @node called at each node. */
static int each_node(docx *x, const char *name, int (*node)(docx *x, ooxml_part *p))
{
	ooxml_part p;
	int rc, got;
	if (!ooxml_has(&x->o, name))
		return CAMPAIGN_OK;
	if ((rc = ooxml_part_open(&x->o, &p, name)))
		return rc;
	while (!(rc = ooxml_next(&p, &got)) && got && !(rc = node(x, &p)))
		;
	ooxml_part_close(&p);
	return rc;
}

/* ---- numbering.xml: abstract lists and the numIds that use them ---- */

static int numbering_node(docx *x, ooxml_part *p)
{
	const char *v;
	if (ooxml_at(p, "abstractNum", 0)) {
		if (x->nabs == MAX_NUMS || doc_grow(NULL, (void **)&x->abs, x->nabs, sizeof *x->abs))
			return x->nabs == MAX_NUMS ? ooxml_fail(p, "more than %d lists", MAX_NUMS) : nomem();
		memset(&x->abs[x->nabs], 0, sizeof *x->abs);
		x->abs[x->nabs].id = attr_int(p, "w:abstractNumId", -1);
		for (int k = 0; k < LEVELS; k++)
			x->abs[x->nabs].lv[k].start = 1;
		x->cur_abs = x->nabs++;
	} else if (ooxml_at(p, "abstractNum", 1)) {
		x->cur_abs = -1;
	} else if (x->cur_abs >= 0 && ooxml_at(p, "lvl", 0)) {
		x->cur_lvl = attr_int(p, "w:ilvl", -1);
	} else if (x->cur_abs >= 0 && x->cur_lvl >= 0 && x->cur_lvl < LEVELS) {
		lvl *l = &x->abs[x->cur_abs].lv[x->cur_lvl];
		if (ooxml_at(p, "start", 0))
			l->start = attr_int(p, "w:val", 1);
		else if (ooxml_at(p, "numFmt", 0) && (v = ooxml_attr(p, "w:val")))
			snprintf(l->fmt, sizeof l->fmt, "%s", v);
		else if (ooxml_at(p, "lvlText", 0) && (v = ooxml_attr(p, "w:val")))
			snprintf(l->text, sizeof l->text, "%s", v);
	}
	if (ooxml_at(p, "num", 0)) {
		if (x->nnums == MAX_NUMS || doc_grow(NULL, (void **)&x->nums, x->nnums, sizeof *x->nums))
			return x->nnums == MAX_NUMS ? ooxml_fail(p, "more than %d lists", MAX_NUMS) : nomem();
		memset(&x->nums[x->nnums], 0, sizeof *x->nums);
		x->nums[x->nnums].id = attr_int(p, "w:numId", -1);
		x->nums[x->nnums].abstract = -1;
		x->cur_num = x->nnums++;
	} else if (x->cur_num >= 0 && ooxml_at(p, "abstractNumId", 0)) {
		x->nums[x->cur_num].abstract = attr_int(p, "w:val", -1);
	} else if (x->cur_num >= 0 && ooxml_at(p, "lvlOverride", 0)) {
		x->cur_override = attr_int(p, "w:ilvl", -1);
	} else if (x->cur_num >= 0 && ooxml_at(p, "startOverride", 0) && x->cur_override >= 0 &&
	           x->cur_override < LEVELS) {
		x->nums[x->cur_num].start[x->cur_override] = attr_int(p, "w:val", 1);
	} else if (ooxml_at(p, "num", 1)) {
		x->cur_num = -1;
	}
	return CAMPAIGN_OK;
}

/* ---- styles.xml: the styles that number their paragraphs ---- */

static int styles_node(docx *x, ooxml_part *p)
{
	const char *v;
	if (ooxml_at(p, "style", 0) && (v = ooxml_attr(p, "w:styleId"))) {
		if (x->nstyles == MAX_STYLES || doc_grow(NULL, (void **)&x->styles, x->nstyles, sizeof *x->styles))
			return x->nstyles == MAX_STYLES ? CAMPAIGN_OK : nomem();
		memset(&x->styles[x->nstyles], 0, sizeof *x->styles);
		snprintf(x->styles[x->nstyles++].id, sizeof x->styles->id, "%s", v);
	} else if (x->nstyles && ooxml_at(p, "numId", 0)) {
		x->styles[x->nstyles - 1].num = attr_int(p, "w:val", 0);
	} else if (x->nstyles && ooxml_at(p, "ilvl", 0)) {
		x->styles[x->nstyles - 1].ilvl = attr_int(p, "w:val", 0);
	}
	return CAMPAIGN_OK;
}

/* ---- labels ---- */

/* @n in Chinese counting: 一 .. 十, 十一, 二十, 二十一 .. 九十九, 一百, 一百零五. Nonzero when out of memory. */
static int chinese(int n, struct campaign_buf *b)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int bad = 0;
	if (n >= 100) {
		bad |= chinese(n / 100, b) | buf_puts(b, "百");
		if (n % 100 && n % 100 < 10)
			bad |= buf_puts(b, "零");
		if (n % 100 >= 10)
			bad |= buf_puts(b, d[n % 100 / 10]) | buf_puts(b, "十");
		if (n % 10)
			bad |= buf_puts(b, d[n % 10]);
	} else if (n >= 10) {
		if (n / 10 > 1)
			bad |= buf_puts(b, d[n / 10]);
		bad |= buf_puts(b, "十");
		if (n % 10)
			bad |= buf_puts(b, d[n % 10]);
	} else {
		bad |= buf_puts(b, d[n]);
	}
	return bad;
}

/* @n in the level's format: decimal, Chinese counting, circled ①, letters, Roman. Nonzero when out of memory. */
static int number(const char *fmt, int n, struct campaign_buf *b)
{
	static const char *const roman[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
	static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	int bad = 0;
	if (!strncmp(fmt, "chineseCounting", 15) || !strcmp(fmt, "ideographTraditional") ||
	    !strcmp(fmt, "taiwaneseCounting") || !strcmp(fmt, "japaneseCounting"))
		return chinese(n > 0 ? n : 0, b);
	if (!strncmp(fmt, "decimalEnclosedCircle", 21) && n >= 1 && n <= 20) {
		char c[4] = {(char)0xE2, (char)0x91, (char)(0xA0 + n - 1), 0}; /* U+2460 ① .. U+2473 ⑳ */
		return buf_puts(b, c);
	}
	if ((!strcmp(fmt, "upperLetter") || !strcmp(fmt, "lowerLetter")) && n >= 1) {
		char c[2] = {(char)((fmt[0] == 'u' ? 'A' : 'a') + (n - 1) % 26), 0};
		for (int k = 0; k <= (n - 1) / 26 && k < 8; k++)
			bad |= buf_puts(b, c);
		return bad;
	}
	if ((!strcmp(fmt, "upperRoman") || !strcmp(fmt, "lowerRoman")) && n >= 1 && n < 4000) {
		for (int k = 0; k < 13; k++)
			for (; n >= values[k]; n -= values[k])
				for (const char *r = roman[k]; *r; r++)
					bad |= buf_printf(b, "%c", fmt[0] == 'u' ? *r - 'a' + 'A' : *r);
		return bad;
	}
	return strcmp(fmt, "bullet") && strcmp(fmt, "none") ? buf_printf(b, "%d", n) : 0;
}

static num_ref *num_of(docx *x, int id)
{
	for (int k = 0; k < x->nnums; k++)
		if (x->nums[k].id == id)
			return &x->nums[k];
	return NULL;
}

static abstract_num *abstract_of(docx *x, int id)
{
	for (int k = 0; k < x->nabs; k++)
		if (x->abs[k].id == id)
			return &x->abs[k];
	return NULL;
}

/* The label of a paragraph numbered @num at level @ilvl: its counter steps,
 * deeper levels start again, and lvlText's %1..%9 are the levels' numbers. */
static int label(docx *x, int num, int ilvl, struct campaign_buf *b)
{
	num_ref *n = num_of(x, num);
	abstract_num *a = n ? abstract_of(x, n->abstract) : NULL;
	int bad = 0;
	if (!a || ilvl < 0 || ilvl >= LEVELS)
		return CAMPAIGN_OK;
	n->count[ilvl] = n->started[ilvl] ? n->count[ilvl] + 1 : n->start[ilvl] ? n->start[ilvl] : a->lv[ilvl].start;
	n->started[ilvl] = 1;
	for (int k = ilvl + 1; k < LEVELS; k++)
		n->started[k] = 0;
	for (const char *t = a->lv[ilvl].text; *t; t++) {
		if (*t == '%' && t[1] >= '1' && t[1] <= '9') {
			int k = t[1] - '1';
			bad |= number(a->lv[k].fmt, n->started[k] ? n->count[k] : a->lv[k].start, b);
			t++;
		} else {
			bad |= buf_append(b, t, 1);
		}
	}
	return bad ? nomem() : CAMPAIGN_OK;
}

/* ---- document.xml ---- */

/* A paragraph ends: its label and text a line, or (in a table) part of the cell. */
static int paragraph_end(docx *x)
{
	struct campaign_buf lab = {0};
	int num = x->p_num, ilvl = x->p_ilvl, rc = CAMPAIGN_OK;
	if (num < 0) /* none of its own: its style's */
		for (int k = 0; k < x->nstyles; k++)
			if (!strcmp(x->styles[k].id, x->p_style))
				num = x->styles[k].num, ilvl = x->styles[k].ilvl;
	if (num > 0 && (rc = label(x, num, ilvl, &lab))) {
		buf_reset(&lab);
		return rc;
	}
	if (x->in_tbl) {
		if (x->cell.size > x->cell_start && buf_puts(&x->cell, " ")) /* a cell's paragraphs: one line */
			rc = nomem();
		if (!rc && ((lab.size && buf_append(&x->cell, lab.data, lab.size)) ||
		            (x->line.size && buf_append(&x->cell, x->line.data, x->line.size))))
			rc = nomem();
	} else if ((lab.size && buf_append(x->out, lab.data, lab.size)) ||
	           (x->line.size && buf_append(x->out, x->line.data, x->line.size)) || buf_puts(x->out, "\n"))
		rc = nomem();
	buf_reset(&lab);
	x->line.size = 0;
	return rc;
}

static int document_node(docx *x, ooxml_part *p)
{
	/* an alternate's second copy, deleted text, field codes, the properties a tracked change replaced; a text
	 * box (its paragraphs would break the one around it) */
	if (ooxml_at(p, "Fallback", 0) || ooxml_at(p, "delText", 0) || ooxml_at(p, "instrText", 0) ||
	    ooxml_at(p, "pPrChange", 0) || ooxml_at(p, "txbxContent", 0))
		return ooxml_skip(p);
	if (ooxml_at(p, "p", 0)) {
		x->p_num = -1, x->p_ilvl = 0, x->p_style[0] = 0, x->line.size = 0;
		return ooxml_empty(p) ? paragraph_end(x) : CAMPAIGN_OK;
	}
	if (ooxml_at(p, "p", 1))
		return paragraph_end(x);
	if (ooxml_at(p, "pStyle", 0) && ooxml_attr(p, "w:val"))
		snprintf(x->p_style, sizeof x->p_style, "%s", ooxml_attr(p, "w:val"));
	else if (ooxml_at(p, "numId", 0))
		x->p_num = attr_int(p, "w:val", 0);
	else if (ooxml_at(p, "ilvl", 0))
		x->p_ilvl = attr_int(p, "w:val", 0);
	else if (ooxml_at(p, "r", 0) || ooxml_at(p, "r", 1))
		x->in_run = !ooxml_empty(p) && ooxml_at(p, "r", 0);
	else if (ooxml_at(p, "t", 0))
		return ooxml_text(p, &x->line);
	else if (x->in_run && ooxml_at(p, "tab", 0))
		return buf_puts(&x->line, "\t") ? nomem() : CAMPAIGN_OK;
	else if (x->in_run && (ooxml_at(p, "br", 0) || ooxml_at(p, "cr", 0)))
		return buf_puts(&x->line, "\n") ? nomem() : CAMPAIGN_OK;
	else if (ooxml_at(p, "tbl", 0))
		x->in_tbl++;
	else if (ooxml_at(p, "tbl", 1))
		x->in_tbl--;
	else if (ooxml_at(p, "tr", 0))
		x->cells = 0, x->cell.size = 0;
	else if (ooxml_at(p, "tc", 0)) {
		if (x->cells++ && buf_puts(&x->cell, "\t"))
			return nomem();
		x->cell_start = x->cell.size;
	}
	else if (ooxml_at(p, "tr", 1) && (buf_append(x->out, x->cell.data ? x->cell.data : "", x->cell.size) ||
	                                  buf_puts(x->out, "\n")))
		return nomem();
	return CAMPAIGN_OK;
}

int doc_docx_text(const char *path, struct campaign_buf *out)
{
	docx x;
	int rc;
	memset(&x, 0, sizeof x);
	x.cur_abs = x.cur_num = x.cur_lvl = -1;
	x.out = out;
	if (!(rc = ooxml_open(&x.o, path))) {
		if (!ooxml_has(&x.o, "word/document.xml"))
			rc = error_set(CAMPAIGN_EINVALID, "%s: not a .docx document (no word/document.xml)", path);
		else if (!(rc = each_node(&x, "word/numbering.xml", numbering_node)) &&
		         !(rc = each_node(&x, "word/styles.xml", styles_node)))
			rc = each_node(&x, "word/document.xml", document_node);
	}
	if (!rc && buf_append(out, "", 1))
		rc = nomem();
	if (!rc)
		out->size--; /* NUL-terminated, not counted */
	ooxml_close(&x.o);
	free(x.abs), free(x.nums), free(x.styles);
	buf_reset(&x.line), buf_reset(&x.cell);
	return rc;
}
