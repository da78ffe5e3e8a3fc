/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page-private.h: the board's own, shared by fu-board-page.c (the page: loading,
 * filters, the sidebar), fu-board-page-actions.c (what the page does: board.*) and
 * fu-board-page-columns.c (the table's cells and sorting). */
#pragma once

#include <adwaita.h>

#include "fu-board-page.h"
#include "fu-list-models.h"

G_BEGIN_DECLS

#define BOARD_STATUS_MASK ((1u << FU_STATUS_TO_SEND) | (1u << FU_STATUS_REMINDER_DUE) \
                           | (1u << FU_STATUS_OVERDUE) | (1u << FU_STATUS_AWAITING_REPLY) \
                           | (1u << FU_STATUS_PLANNED) | (1u << FU_STATUS_REPLIED))
/* How far the board looks ahead (Planned) and back (Recently Replied), in days. */
#define BOARD_PLANNED_DAYS 56
#define BOARD_REPLIED_DAYS 30

typedef enum {
  COLUMN_PARTICIPANT,
  COLUMN_ADMINISTRATION,
  COLUMN_WORKSHOP,
  COLUMN_PLANNED,
  COLUMN_SENT,
  COLUMN_DEADLINE,
  COLUMN_REMINDERS,
  COLUMN_DAYS_OVERDUE,
  N_COLUMNS
} Column;

struct _FuBoardPage
{
  GtkWidget            parent_instance;

  FuContext           *context;
  gulong               changed_id;

  GtkActionBar        *action_bar;
  GtkDropDown         *administration_dropdown;
  GtkLabel            *awaiting_count;
  GtkListBoxRow       *awaiting_row;
  GtkLabel            *planned_count;
  GtkListBoxRow       *planned_row;
  GtkLabel            *replied_count;
  GtkListBoxRow       *replied_row;
  GtkButton           *back_button;
  GtkColumnView       *column_view;
  GtkButton           *compose_button;
  GtkStack            *content_stack;
  AdwStatusPage       *empty_page;
  GtkListBox          *group_list;
  AdwLeaflet          *leaflet;
  AdwSplitButton      *mark_reminded_button;
  AdwSplitButton      *mark_sent_button;
  GtkButton           *compose_questionnaire_button;
  GtkLabel            *overdue_count;
  GtkListBoxRow       *overdue_row;
  GtkLabel            *reminder_due_count;
  GtkListBoxRow       *reminder_due_row;
  GtkSearchEntry      *search_entry;
  GtkLabel            *selection_label;
  GtkWidget           *print_button;
  GtkSpinner          *loading_spinner;
  GtkLabel            *to_send_count;
  GtkListBoxRow       *to_send_row;
  GtkDropDown         *workshop_dropdown;
  GtkDropDown         *year_dropdown;

  FuLazyList          *rows;               /* filtered: the group, the filters, the search */
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];

  FuFollowupStatus     group;
  gboolean             group_chosen;   /* by the user, or picked on the first load */
  guint                counts[FU_N_STATUSES];

  /* The filters, and what the dropdowns' positions stand for. */
  GArray              *years;              /* guint; 0 = all */
  GArray              *workshop_ids;       /* gint64; 0 = all */
  GArray              *administration_ids; /* gint64; 0 = all */
  guint                fiscal_year;
  FuDay                year_first;
  FuDay                year_last;
  gint64               workshop_id;
  gint64               administration_id;
  char                *search;             /* casefolded, NULL = none */
  GPtrArray           *search_keys;        /* casefolded text per row, made on first search */
  gboolean             updating;           /* rebuilding the dropdowns' models */
  gboolean             stale;              /* changed while hidden: reload when shown */
  GCancellable        *loading;            /* a load running in a thread, until it ends */
  GPtrArray           *load_rows;          /* its rows so far (FuFollowupRow), owned */
  GPtrArray           *view_owner;         /* what owns the rows the list shows, if not it */
  gboolean             load_shows_pages;   /* the first load: rows show as they come */
  FuChangeSet         *load_changes;       /* a reload: what changed, NULL for anything */
  guint                filters_id;         /* the filters' lists made after the first load */
  guint                shown_len;          /* how many of load_rows the list shows */
  GdkFrameClock       *frame_clock;        /* waiting for the window's next frame on it */
  gulong               frame_id;
  guint                frame_timeout_id;
  gboolean             frame_painted;   /* the frame waited for is drawn: the step is due */
  gboolean             load_ended;         /* every page came, shown after that frame */
  GError              *load_error;
  gboolean             shown;              /* mapped once since the context was set */
};

/* fu-board-page.c */
const FuFollowupRow *fu_board_page_item_row          (gpointer             item);
void                 fu_board_page_show_toast        (GtkWidget           *widget,
                                                      AdwToast            *toast);
void                 fu_board_page_show_error        (FuBoardPage         *self,
                                                      const GError        *error);
gboolean             fu_board_page_run_command       (FuBoardPage         *self,
                                                      FuCommand           *command);
gboolean             fu_board_page_filters_active    (FuBoardPage         *self);
const char          *fu_board_page_search_key        (FuBoardPage         *self,
                                                      guint                index);
gboolean             fu_board_page_row_matches_filters (FuBoardPage       *self,
                                                        const FuFollowupRow *row);
GPtrArray           *fu_board_page_selected_rows     (FuBoardPage         *self);
GArray              *fu_board_page_ids_of            (GPtrArray           *rows);

/* fu-board-page-actions.c */
void                 fu_board_page_install_actions   (GtkWidgetClass      *widget_class);
/* The calendars of Mark Sent and Mark Reminded, for a day other than today. */
void                 fu_board_page_add_date_popovers (FuBoardPage         *self);
void                 fu_board_page_open_reply_editor (FuBoardPage         *self,
                                                      gint64               followup_id);

/* fu-board-page-columns.c */
void                 fu_board_page_add_columns       (FuBoardPage         *self);

G_END_DECLS
