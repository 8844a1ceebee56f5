/* Terminal text helpers: CJK characters take two cells, so alignment counts
 * cells, not bytes or characters. */
#include <string.h>
#include "output.h"

static unsigned decode(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	if (c < 0x80) { *p += 1; return c; }
	if ((c & 0xe0) == 0xc0 && s[1]) { *p += 2; return ((c & 0x1f) << 6) | (s[1] & 0x3f); }
	if ((c & 0xf0) == 0xe0 && s[1] && s[2]) { *p += 3; return ((c & 0x0f) << 12) | ((s[1] & 0x3f) << 6) | (s[2] & 0x3f); }
	if ((c & 0xf8) == 0xf0 && s[1] && s[2] && s[3]) {
		*p += 4;
		return ((c & 0x07) << 18) | ((s[1] & 0x3f) << 12) | ((s[2] & 0x3f) << 6) | (s[3] & 0x3f);
	}
	*p += 1;
	return 0xfffd;
}

/* East Asian Wide and Fullwidth ranges (Unicode UAX #11, the common blocks). */
static int wide(unsigned c)
{
	return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
	       (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	       (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
	       (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	while (p && *p)
		w += wide(decode(&p)) ? 2 : 1;
	return w;
}

void text_pad(FILE *f, const char *s, int width)
{
	fputs(s, f);
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
}
