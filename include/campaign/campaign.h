/**
 * @file campaign/campaign.h
 * @brief libcampaign: a government campaign plan, from start to finish, in SQLite.
 *
 * Include this header; it includes the rest.
 */
#ifndef CAMPAIGN_CAMPAIGN_H
#define CAMPAIGN_CAMPAIGN_H

#include "common.h"
#include "buf.h"
#include "store.h"
#include "cursor.h"
#include "import.h"
#include "deadline.h"
#include "document.h"
#include "plan.h"
#include "matrix.h"
#include "progress.h"
#include "risk.h"
#include "inspection.h"
#include "accountability.h"
#include "audit.h"
#include "access.h"
#include "search.h"
#include "dashboard.h"
#include "sync.h"
#include "export.h"

#endif
