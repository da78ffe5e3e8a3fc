/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-backups-dialog.h: Restore from Backup: the database's backups with their date, size
 * and counts, each restorable after a confirmation. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

/* Shows the dialog over @parent (a FuWindow) for @context's database. */
void  fu_backups_dialog_show (GtkWindow *parent,
                              FuContext *context);
/* How many restores run in a thread now (the tests wait for them). */
guint fu_backups_dialog_count_restoring (void);

G_END_DECLS
