/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_WINDOW (fu_window_get_type ())
G_DECLARE_FINAL_TYPE (FuWindow, fu_window, FU, WINDOW, AdwApplicationWindow)

FuWindow   *fu_window_new          (GtkApplication *application,
                                    FuContext      *context);
FuContext  *fu_window_get_context  (FuWindow       *self);
/* Pages say what they did through the window's toast overlay; find the window with
 * gtk_widget_get_root(). */
void        fu_window_add_toast    (FuWindow       *self,
                                    AdwToast       *toast);
/* A change was made: a toast says so, with Undo for history entry @entry_id (0: none). It
 * takes the place of the previous change's toast. */
void        fu_window_show_change  (FuWindow       *self,
                                    const char     *title,
                                    gint64          entry_id);
/* The History window: every change, or those of one workshop or participant (ids not 0). */
void        fu_window_show_history (FuWindow       *self,
                                    gint64          workshop_id,
                                    gint64          participant_id);
/* "followups", "workshops", "participants" or "reports". */
void        fu_window_show_page    (FuWindow       *self,
                                    const char     *name);
const char *fu_window_get_page     (FuWindow       *self);
/* The page called @name, made if it was not yet (pages are made when first shown). */
GtkWidget  *fu_window_get_page_widget (FuWindow     *self,
                                       const char   *name);
/* What win.import does once a file is chosen: detect its kind, import it, and say what
 * happened in a toast or, when refused, in a dialog listing the errors. An attendance list
 * (participants.csv) opens the FuImportDialog preview instead, which imports only when
 * asked and only a list without problems. */
void        fu_window_import_file  (FuWindow       *self,
                                    GFile          *file);
/* What win.export-summary does once the year and file are chosen: writes Tables 1 to 5 as
 * CSV and says so in a toast, or explains the failure in a dialog. */
gboolean    fu_window_export_summary (FuWindow     *self,
                                      guint         fiscal_year,
                                      GFile        *file);
/* The fiscal year that exporting and the reports page start from: the latest with
 * workshops, 0 when there are none. */
guint       fu_window_get_fiscal_year (FuWindow    *self);

G_END_DECLS
