/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reminder-sheet.h: the printed reminder list, drawn with Cairo and Pango so that the
 * print dialog, its preview and the command line's PDF give the same pages. Rows are
 * grouped by workshop, then administration; every page carries the title, the day the list
 * is for, the office's name and "Page N of M". */
#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_REMINDER_SHEET (fu_reminder_sheet_get_type ())
G_DECLARE_FINAL_TYPE (FuReminderSheet, fu_reminder_sheet, FU, REMINDER_SHEET, GObject)

/* A4 portrait in points, and the margins fu_reminder_sheet_write_pdf leaves. */
#define FU_REMINDER_SHEET_A4_WIDTH  595.276
#define FU_REMINDER_SHEET_A4_HEIGHT 841.890
#define FU_REMINDER_SHEET_MARGIN    42.520   /* 15 mm */

/* @rows: FuFollowupRow pointers (the caller chooses them, e.g. fu_store_list_followups with
 * the reminder-due and overdue statuses); the sheet keeps a reference to the array and
 * sorts its own view of it by workshop start, code, administration and name. @office may
 * be NULL or empty (no office line). */
FuReminderSheet *fu_reminder_sheet_new        (GPtrArray       *rows,
                                               const char      *office,
                                               FuDay            as_of);
guint            fu_reminder_sheet_get_n_rows (FuReminderSheet *self);

/* Lays the rows out on pages of @width × @height points (the printable area). The cairo
 * context the pages are drawn on must measure in points, and @context must be made for it
 * at 72 dpi: a GtkPrintOperation with GTK_UNIT_POINTS and its print context's Pango
 * context give both. Keeps a reference to @context, which fu_reminder_sheet_draw_page
 * uses. Returns the number of pages (at least 1: an empty list prints one page that says
 * there is nothing to chase). */
guint            fu_reminder_sheet_paginate   (FuReminderSheet *self,
                                               PangoContext    *context,
                                               double           width,
                                               double           height);
guint            fu_reminder_sheet_get_n_pages (FuReminderSheet *self);

/* Draws page @page (0-based) with its top left corner at @cr's origin. */
void             fu_reminder_sheet_draw_page  (FuReminderSheet *self,
                                               cairo_t         *cr,
                                               guint            page);

/* A4 portrait with FU_REMINDER_SHEET_MARGIN on every side, written whole or not at all. */
gboolean         fu_reminder_sheet_write_pdf  (FuReminderSheet *self,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
