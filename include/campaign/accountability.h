/**
 * @file campaign/accountability.h
 * @brief Accountability: people and posts, evaluations, rules, interviews, tours, look-back, rotation.
 */
#ifndef CAMPAIGN_ACCOUNTABILITY_H
#define CAMPAIGN_ACCOUNTABILITY_H

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
