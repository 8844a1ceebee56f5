/* Shared by the libFuzzer targets (tests/fuzz/README in docs/testing.md):
 * one in-memory store per process, opened and seeded once, so that every
 * input costs an import, not a migration. */
#ifndef CAMPAIGN_FUZZ_H
#define CAMPAIGN_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include "campaign/campaign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The process's store: the seed plan, both catalogues, the 5x5 risk model,
 * the people and the findings of tests/data imported (aborts on failure). */
campaign_db *fuzz_store(void);
/* After a call that wrote: every FUZZ_REOPEN_AFTER writes the store is
 * opened anew, so that a long run's audit log does not grow without end. */
void fuzz_wrote(void);
/* @data as a NUL-terminated string (freed by the next call or at exit). */
const char *fuzz_text(const uint8_t *data, size_t size);
/* Aborts (a finding) when @rc is not one of the codes a bad input may give:
 * OK or a positive count, EINVALID, ENOTFOUND, ECONFLICT. */
void fuzz_expect(int rc, const char *what);

#endif
