/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-report.h: figures the reports and charts need beyond Tables 1 to 5. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* One administration's follow-ups and replies over the surveyed workshops of a period. */
typedef struct {
  gint64  administration_id;
  char   *name;           /* "Hong Kong China" */
  char   *short_name;     /* "HKC"; may be NULL */
  guint   participants;   /* follow-ups (surveyed attendances) */
  guint   replies;
} FuAdministrationRate;

void        fu_administration_rate_free           (FuAdministrationRate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAdministrationRate, fu_administration_rate_free)

/* The administrations with at least one follow-up for a surveyed workshop starting in
 * [@from, @to] (FU_DAY_NONE = open), by name, each with its follow-ups and replies.
 * An empty array when there are none; NULL only with an error. */
GPtrArray  *fu_store_reply_rate_by_administration (FuStore *self, FuDay from, FuDay to,
                                                   GError **error);

G_END_DECLS
