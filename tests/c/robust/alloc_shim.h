/* The failing allocators of the allocation-failure tests (issue 18), one per
 * test program: the link (tests/CMakeLists.txt) sends the static library's
 * malloc, calloc and realloc here; while @armed, the @fail_at-th allocation
 * counted in @count returns NULL and sets @injected. Included once by each
 * such test's .c file. */
#ifndef CAMPAIGN_ALLOC_SHIM_H
#define CAMPAIGN_ALLOC_SHIM_H
#include <stddef.h>

static long count, fail_at; /* fail_at: the allocation to fail, counted from 1 while armed */
static int armed, injected;

/* A breakpoint for a debugger: `break alloc_failed` shows who got the NULL. */
__attribute__((noinline)) void alloc_failed(void);
__attribute__((noinline)) void alloc_failed(void) { __asm__ volatile(""); }

static int fail_now(void)
{
	if (!armed || ++count != fail_at)
		return 0;
	injected = 1;
	alloc_failed();
	return 1;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fail_now() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }

#endif
