/**
 * @file campaign/access.h
 * @brief Who may do what: roles by person and unit. The host system
 *        authenticates people; the library authorises every call that takes
 *        an actor.
 *
 * Roles:
 * - "supervision_office" (督查/监察室): everything, including granting roles;
 * - "leadership": reads everything, including confidential records; writes nothing;
 * - "unit_clerk": writes its own unit's progress, self-inspection and rectifications;
 * - "auditor": reads the audit log; writes nothing.
 *
 * A store with no roles granted is open: every actor may do everything
 * (a single-user store, tests, the demo). The first grant must make a
 * supervision_office; from then on an actor with no role may do nothing that
 * takes an actor. A refused call returns ::CAMPAIGN_EPERM, changes nothing,
 * and leaves one "denied" entry in the audit log.
 */
#ifndef CAMPAIGN_ACCESS_H
#define CAMPAIGN_ACCESS_H

#include "common.h"
#include "store.h"
#include "cursor.h"

CAMPAIGN_BEGIN_DECLS

/**
 * Grants @p person a role (replacing any role they had).
 * @param role      "supervision_office", "leadership", "unit_clerk" or "auditor"
 * @param campaign  for a unit_clerk: the campaign whose unit is meant (NULL: the only one); else ignored
 * @param unit      for a unit_clerk: the unit id; NULL for the other roles
 * @param actor     who grants; must be a supervision_office (or anyone, for the first grant)
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_EINVALID (unknown role, a clerk without a unit, a first grant
 *         that is not a supervision_office); ::CAMPAIGN_ENOTFOUND (unit); ::CAMPAIGN_EPERM.
 */
CAMPAIGN_API int campaign_role_grant(campaign_db *db, const char *person, const char *role, const char *campaign,
                                     const char *unit, const char *actor);

/**
 * Revokes @p person's role.
 * @return ::CAMPAIGN_OK; ::CAMPAIGN_ENOTFOUND if they have none; ::CAMPAIGN_EPERM;
 *         ::CAMPAIGN_ECONFLICT if it would leave no supervision_office.
 */
CAMPAIGN_API int campaign_role_revoke(campaign_db *db, const char *person, const char *actor);

/**
 * The roles. Columns: person, role, campaign, unit, unit_name, granted_by, granted_at.
 * @return ::CAMPAIGN_OK and a cursor in @p out (free it with campaign_cursor_free());
 *         ::CAMPAIGN_EINVALID for a NULL @p out or @p db; ::CAMPAIGN_ENOMEM.
 */
CAMPAIGN_API int campaign_roles_query(campaign_cursor **out, campaign_db *db);

CAMPAIGN_END_DECLS
#endif
