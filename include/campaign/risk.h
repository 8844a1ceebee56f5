/**
 * @file campaign/risk.h
 * @brief Integrity-risk points, grading models, controls, publication and warnings.
 */
#ifndef CAMPAIGN_RISK_H
#define CAMPAIGN_RISK_H

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
