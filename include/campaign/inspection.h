/**
 * @file campaign/inspection.h
 * @brief Self-inspection rounds, findings, leniency, the rectification ledger and case leads.
 */
#ifndef CAMPAIGN_INSPECTION_H
#define CAMPAIGN_INSPECTION_H

#include "common.h"
#include "store.h"
#include "cursor.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
