/* Terminal text: display widths from utf8proc (Unicode's East Asian Width
 * and general categories), so that alignment counts cells, not bytes or
 * characters. Wide and fullwidth characters (汉字, ，) take two cells;
 * combining marks (U+0301 in é written e + ́) and other zero-width
 * characters none; East Asian "ambiguous" characters (“ ” · × ① α), which
 * terminals draw narrow unless set otherwise, one -- or two with
 * CAMPAIGN_AMBIGUOUS_WIDTH=2, for a terminal set to draw them wide. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "output.h"

/* The East Asian Width "A" blocks met in Chinese text (UAX #11; utf8proc
 * 2.8 gives them one cell and has no property for them). */
static int ambiguous(utf8proc_int32_t c)
{
	static const utf8proc_int32_t ranges[][2] = {
		{0x00a7, 0x00a8}, {0x00b0, 0x00b1}, {0x00b7, 0x00b7}, {0x00d7, 0x00d7}, {0x00f7, 0x00f7},
		{0x0391, 0x03c9}, {0x0401, 0x0451}, {0x2010, 0x2027}, {0x2030, 0x203b}, {0x2103, 0x2103},
		{0x2160, 0x217f}, {0x2190, 0x21ff}, {0x2460, 0x24ff}, {0x2500, 0x257f}, {0x25a0, 0x25ff},
		{0x2605, 0x2606}, {0x2640, 0x2642},
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return 1;
	return 0;
}

static int ambiguous_width(void)
{
	static int w;
	if (!w) {
		const char *e = getenv("CAMPAIGN_AMBIGUOUS_WIDTH");
		w = e && !strcmp(e, "2") ? 2 : 1;
	}
	return w;
}

/* The cells of the character at *p, which moves past it (a bad byte: one cell). */
static int char_width(const char **p)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*p, -1, &c);
	if (n <= 0) {
		*p += 1;
		return 1;
	}
	*p += n;
	if (ambiguous(c))
		return ambiguous_width();
	return utf8proc_charwidth(c);
}

int text_width(const char *s)
{
	int w = 0;
	while (s && *s)
		w += char_width(&s);
	return w;
}

const char *text_cut(const char *s, int cells)
{
	int w = 0;
	while (*s) {
		const char *next = s;
		int cw = char_width(&next);
		if (w + cw > cells && w > 0)
			break;
		w += cw;
		s = next;
	}
	/* marks that follow belong to the character before them */
	while (*s) {
		const char *next = s;
		if (char_width(&next))
			break;
		s = next;
	}
	return s;
}

void text_pad(FILE *f, const char *s, int width)
{
	fputs(s, f);
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
}
