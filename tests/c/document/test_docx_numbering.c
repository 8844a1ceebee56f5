/* A docx's automatic numbering spelled out as the text shows it (issue 18,
 * coverage): letters past Z, Roman numerals, Chinese counting past 十 and
 * 百, a bullet, and a run's tab and line break (fixture from
 * tests/data/document/make_numbering_docx.py). The inner header is included
 * for doc_docx_text(), the reader's text before a plan is made of it. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "core/core.h"
#include "document/document.h"

static void test_numbering_formats(void **state)
{
	struct campaign_buf text = {0};
	(void)state;
	assert_int_equal(doc_docx_text(CAMPAIGN_SOURCE_DIR "/tests/data/document/numbering-formats.docx", &text),
	                 CAMPAIGN_OK);
	assert_string_equal(text.data, "Z.甲\nAA.乙\n(iv)丙\n(v)丁\nMCMXCIX.戊\n十一、己\n十二、庚\n九十九、辛\n一百、壬\n"
	                               "一百零五、癸\n•子\n左\t右\n下\n");
	buf_reset(&text);
}

TEST_MAIN("docx_numbering", cmocka_unit_test(test_numbering_formats))
