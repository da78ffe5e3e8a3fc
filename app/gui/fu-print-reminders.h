/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-reminders.h: Print Reminder List through GTK's own print dialog (printers,
 * preview, print to a PDF file). The pages are FuReminderSheet's, the same as
 * `followup-cli export reminders --format pdf`. */
#pragma once

#include <gtk/gtk.h>

#include "fu-context.h"

G_BEGIN_DECLS

/* Opens the print dialog for @rows (FuFollowupRow pointers, e.g. the board's selection), or,
 * when @rows is NULL, for every follow-up with a reminder due or overdue as of the context's
 * today. Returns at once; a failure is shown in a dialog on @parent. */
void     fu_print_reminders        (GtkWindow   *parent,
                                    FuContext   *context,
                                    GPtrArray   *rows);

/* The same print operation exported straight to @pdf_path, without a dialog (tests, and
 * scripts that drive the app). The file is written whole or not at all. */
gboolean fu_print_reminders_export (FuContext   *context,
                                    GPtrArray   *rows,
                                    const char  *pdf_path,
                                    GError     **error);

/* The toast once the list is printed ("Printed the reminder list (2 pages)") or saved by
 * Print to File as @file_name ("Saved the reminder list to reminder-list-2018-03-01.pdf
 * (2 pages)"); a FuPrintJobDoneFunc. */
char    *fu_print_reminders_describe_done (guint        n_pages,
                                           const char  *file_name);

G_END_DECLS
