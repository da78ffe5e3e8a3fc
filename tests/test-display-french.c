/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window as a French speaker sees it (LANGUAGE=fr, fr_FR.UTF-8, the build's catalogue):
 * pages and column titles in French, days in the locale's words rather than ISO 8601, and
 * date columns that still sort by the day, not by the words.
 *
 * The fr_FR.UTF-8 locale comes from build-aux/dev; without it the tests fail, saying so. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-day.h"
#include "fu-list-models.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"

#define FRENCH "fr_FR.UTF-8"

typedef struct {
  char        *dir;
  FuStore     *store;
  FuContext   *context;
  FuWindow    *window;
  FuBoardPage *board;
} Fixture;

static gboolean have_french;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-french-XXXXXX", TRUE, &f->dir, NULL);
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  fu_window_show_page (f->window, "followups");
  fu_display_iterate ();
  f->board = FU_BOARD_PAGE (fu_display_child (f->window, FU_TYPE_WINDOW, "board_page"));
  g_assert_true (FU_IS_BOARD_PAGE (f->board));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
}

static gboolean
require_french (void)
{
  if (!have_french)
    {
      g_test_message ("The %s locale is missing: build-aux/dev generates it, or as root run "
                      "`localedef -i fr_FR -f UTF-8 fr_FR.UTF-8`", FRENCH);
      g_test_fail ();
    }
  return have_french;
}

static GtkColumnView *
board_view (Fixture *f)
{
  return GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                         FU_TYPE_BOARD_PAGE, "column_view"));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

/* Every label's text under @widget, as shown. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static void
test_window_in_french (Fixture       *f,
                       gconstpointer  data)
{
  AdwViewStack *stack;
  GtkColumnView *view;
  const char *pages[][2] = {
    { "followups", "_Suivis" },
    { "workshops", "A_teliers" },
    { "participants", "_Participants" },
    { "reports", "_Rapports" },
  };

  if (!require_french ())
    return;

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window), FU_TYPE_WINDOW,
                                                         "view_stack"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i][0]);

      g_assert_nonnull (child);
      g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)),
                       ==, pages[i][1]);
    }

  view = board_view (f);
  g_assert_nonnull (column_titled (view, "Échéance"));
  g_assert_nonnull (column_titled (view, "Envoyé"));
  g_assert_nonnull (column_titled (view, "Jours de retard"));
  g_assert_null (column_titled (view, "Deadline"));
}

static void
test_days_in_french (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GRegex) iso = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", 0, 0, NULL);
  guint french_days = 0;

  if (!require_french ())
    return;

  /* The board opens on Overdue: sent 28 January 2017, due 27 February. */
  collect_labels (GTK_WIDGET (board_view (f)), texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_regex_match (iso, text, 0, NULL))
        {
          g_test_message ("An ISO 8601 day on the board: %s", text);
          g_test_fail ();
        }
      if (g_str_equal (text, "27 févr. 2017") || g_str_equal (text, "28 janv. 2017"))
        french_days++;
    }
  g_assert_cmpuint (french_days, >, 0);
}

/* "10 avr." sorts before "9 mars" as text; the column must put March first. */
static void
test_days_sort_by_day (Fixture       *f,
                       gconstpointer  data)
{
  GtkColumnView *view = board_view (f);
  GtkSelectionModel *rows = fu_board_page_get_selection (f->board);
  GtkColumnViewColumn *deadline;
  FuDay previous = FU_DAY_NONE;
  guint n;

  if (!require_french ())
    return;

  deadline = column_titled (view, "Échéance");
  g_assert_nonnull (deadline);
  gtk_column_view_sort_by_column (view, deadline, GTK_SORT_ASCENDING);
  fu_display_iterate ();

  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FuFollowupItem) item = g_list_model_get_item (G_LIST_MODEL (rows), i);
      FuDay day = fu_followup_item_get_row (item)->dates.deadline;

      g_assert_cmpuint (day, >=, previous);
      previous = day;
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("FOLLOWUP_LOCALEDIR");

  /* Before GTK sets the locale from the environment. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", FRENCH, TRUE);
  have_french = setlocale (LC_ALL, FRENCH) != NULL;
  if (!have_french)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/display/french/window", Fixture, NULL, fixture_setup, test_window_in_french,
              fixture_teardown);
  g_test_add ("/display/french/days", Fixture, NULL, fixture_setup, test_days_in_french,
              fixture_teardown);
  g_test_add ("/display/french/sort-by-day", Fixture, NULL, fixture_setup,
              test_days_sort_by_day, fixture_teardown);

  return g_test_run ();
}
