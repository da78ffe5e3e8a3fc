/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-years.h: the fiscal years a database has workshops in, for the year choosers of
 * the reports page and the annual summary export. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* The fiscal years (guint, as fu_fiscal_year_of names them under @rules) that have at
 * least one workshop, or with @surveyed_only one surveyed workshop; oldest first, each
 * once. An empty array for an empty database; NULL only with an error. */
GArray *fu_store_list_fiscal_years (FuStore        *self,
                                    const FuRules  *rules,
                                    gboolean        surveyed_only,
                                    GError        **error);

G_END_DECLS
