/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sample.h: the FY2016/17 sample data set of DOMAIN.md, loaded through the importer. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* Imports the sample CSV files (compiled in as resources from data/sample/), marks the
 * questionnaires sent on their planned dates and the reminders seven days before each
 * deadline to those who had not replied by then. One transaction: all or nothing. A
 * database that already holds a workshop of the sample is refused. */
gboolean fu_sample_load (FuStore *store, GError **error);

G_END_DECLS
