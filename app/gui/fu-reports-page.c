/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reports-page.c: the annual report of one fiscal year on screen. The Overview gives the
 * year in four figures and one chart at a time (fu-charts.h draws them as the printed report
 * does); Tables shows Tables 1 to 5, a row per surveyed workshop and the total row last, as
 * fu_store_summary() computes them. The page exports the chart shown and the tables, and
 * prints the report (fu-print-report.h). */
#define G_LOG_DOMAIN "fu-reports-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fu-chart-view.h"
#include "fu-day.h"
#include "fu-file-chooser.h"
#include "fu-gui-util.h"
#include "fu-print-report.h"
#include "fu-annual-report.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-window.h"

/* Exported charts are this many pixels (PNG, SVG) or points (PDF) wide, at their natural
 * height: a slide's width. */
#define EXPORT_CHART_WIDTH 1000

/* ---- One row of the table ---------------------------------------------------------------- */

#define FU_TYPE_SUMMARY_ITEM (fu_summary_item_get_type ())
G_DECLARE_FINAL_TYPE (FuSummaryItem, fu_summary_item, FU, SUMMARY_ITEM, GObject)

struct _FuSummaryItem
{
  GObject       parent_instance;

  FuSummaryRow *row;
  guint         number;   /* the report's "(1)", "(2)"...; 0 for the total row */
};

G_DEFINE_FINAL_TYPE (FuSummaryItem, fu_summary_item, G_TYPE_OBJECT)

static void
fu_summary_item_finalize (GObject *object)
{
  FuSummaryItem *self = FU_SUMMARY_ITEM (object);

  g_clear_pointer (&self->row, fu_summary_row_free);

  G_OBJECT_CLASS (fu_summary_item_parent_class)->finalize (object);
}

static void
fu_summary_item_class_init (FuSummaryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_summary_item_finalize;
}

static void
fu_summary_item_init (FuSummaryItem *self)
{
}

static FuSummaryItem *
fu_summary_item_new (FuSummaryRow *row,
                     guint         number)
{
  FuSummaryItem *self = g_object_new (FU_TYPE_SUMMARY_ITEM, NULL);

  self->row = row;
  self->number = number;

  return self;
}

/* ---- The columns ------------------------------------------------------------------------- */

typedef enum {
  COLUMN_NUMBER,
  COLUMN_WORKSHOP,
  COLUMN_ADMINISTRATIONS,
  COLUMN_PARTICIPANTS,
  COLUMN_REPLIES,
  COLUMN_REPLY_RATE,
  COLUMN_ACTIONS,                                        /* FU_N_ACTIONS of them */
  COLUMN_EFFECTS_YES = COLUMN_ACTIONS + FU_N_ACTIONS,
  COLUMN_EFFECTS_NO,
  COLUMN_CONTRIBUTED_YES,
  COLUMN_CONTRIBUTED_NO,
  COLUMN_PROJECT_YES,
  COLUMN_PROJECT_NO,
  N_COLUMNS
} Column;

/* Short titles; the table switcher's tooltips name the tables at length. */
static const char * const column_titles[N_COLUMNS] = {
  [COLUMN_NUMBER] = N_("No."),
  [COLUMN_WORKSHOP] = N_("Workshop"),
  [COLUMN_ADMINISTRATIONS] = N_("Administrations"),
  [COLUMN_PARTICIPANTS] = N_("Participants"),
  [COLUMN_REPLIES] = N_("Replies"),
  [COLUMN_REPLY_RATE] = N_("Reply Rate"),
  [COLUMN_ACTIONS + FU_ACTION_SHARED_MATERIALS] = N_("Shared Materials"),
  [COLUMN_ACTIONS + FU_ACTION_SUBMITTED_REPORT] = N_("Mission Report"),
  [COLUMN_ACTIONS + FU_ACTION_MADE_RECOMMENDATIONS] = N_("Recommendations"),
  [COLUMN_ACTIONS + FU_ACTION_INHOUSE_WORKSHOP] = N_("In-House Workshop"),
  [COLUMN_ACTIONS + FU_ACTION_DEVELOPED_MANUALS] = N_("Manuals"),
  [COLUMN_ACTIONS + FU_ACTION_OTHER] = N_("Others"),
  [COLUMN_EFFECTS_YES] = N_("Effects Realized"),
  [COLUMN_EFFECTS_NO] = N_("Not Realized"),
  [COLUMN_CONTRIBUTED_YES] = N_("Contributed"),
  [COLUMN_CONTRIBUTED_NO] = N_("Not Contributed"),
  [COLUMN_PROJECT_YES] = N_("Project Initiated"),
  [COLUMN_PROJECT_NO] = N_("Not Initiated"),
};

/* The columns of Tables 1 to 5, as the seed report splits them; every table starts with the
 * workshop's number and title, and Tables 2 to 5 give the replies they count. */
#define N_TABLES 5

static gboolean
table_has_column (guint  table,
                  Column column)
{
  if (column == COLUMN_NUMBER || column == COLUMN_WORKSHOP)
    return TRUE;
  if (column == COLUMN_REPLIES)
    return TRUE;

  switch (table)
    {
    case 1:
      return column == COLUMN_ADMINISTRATIONS || column == COLUMN_PARTICIPANTS
             || column == COLUMN_REPLY_RATE;
    case 2:
      return column >= COLUMN_ACTIONS && column < COLUMN_ACTIONS + FU_N_ACTIONS;
    case 3:
      return column == COLUMN_EFFECTS_YES || column == COLUMN_EFFECTS_NO;
    case 4:
      return column == COLUMN_CONTRIBUTED_YES || column == COLUMN_CONTRIBUTED_NO;
    case 5:
      return column == COLUMN_PROJECT_YES || column == COLUMN_PROJECT_NO;
    default:
      g_assert_not_reached ();
    }
}

static guint
column_count (const FuSummaryRow *row,
              Column              column)
{
  switch ((int) column)
    {
    case COLUMN_ADMINISTRATIONS: return row->administrations;
    case COLUMN_PARTICIPANTS: return row->participants;
    case COLUMN_REPLIES: return row->replies;
    case COLUMN_EFFECTS_YES: return row->direct_effects_yes;
    case COLUMN_EFFECTS_NO: return row->direct_effects_no;
    case COLUMN_CONTRIBUTED_YES: return row->contributed_yes;
    case COLUMN_CONTRIBUTED_NO: return row->contributed_no;
    case COLUMN_PROJECT_YES: return row->project_yes;
    case COLUMN_PROJECT_NO: return row->project_no;
    default:
      g_assert (column >= COLUMN_ACTIONS && column < COLUMN_ACTIONS + FU_N_ACTIONS);
      return row->actions[column - COLUMN_ACTIONS];
    }
}

/* What a cell shows. The total row gives the answers as shares of the replies too, as the
 * report does: "96 (65%)". */
static char *
cell_text (const FuSummaryItem *item,
           Column               column)
{
  const FuSummaryRow *row = item->row;
  gboolean total = item->number == 0;
  guint count;

  switch ((int) column)
    {
    case COLUMN_NUMBER:
      return total ? g_strdup ("") : g_strdup_printf ("(%u)", item->number);

    case COLUMN_WORKSHOP:
      /* Dated as the seed's tables date them: "(Jul. 2016)". */
      return total ? g_strdup (_("Total")) : fu_annual_report_workshop_label (row);

    case COLUMN_REPLY_RATE:
      if (row->participants == 0)
        return g_strdup ("—");
      {
        g_autofree char *rate = fu_rate_format (row->replies, row->participants, TRUE);

        /* Translators: a reply rate, e.g. "62.5 %" */
        return g_strdup_printf (_("%s %%"), rate);
      }

    case COLUMN_ADMINISTRATIONS:
    case COLUMN_PARTICIPANTS:
    case COLUMN_REPLIES:
      /* Grouped as the locale does: the totals of a large office reach thousands. */
      return g_strdup_printf ("%'u", column_count (row, column));

    default:
      count = column_count (row, column);
      if (total && row->replies > 0)
        /* Translators: a count and its share of the replies, e.g. "96 (65%)" */
        return g_strdup_printf (_("%'u (%u%%)"), count, fu_percent (count, row->replies));
      return g_strdup_printf ("%'u", count);
    }
}

/* ---- The page ---------------------------------------------------------------------------- */

struct _FuReportsPage
{
  GtkWidget            parent_instance;

  FuContext           *context;
  gulong               changed_id;
  GArray              *years;         /* guint fiscal years, as in the drop-down */
  GListStore          *rows;          /* FuSummaryItem */
  GtkColumnViewColumn *columns[N_COLUMNS];   /* the column view's */
  FuChartKind          chart_kind;
  guint                table;         /* 1 to N_TABLES */
  gboolean             has_replies;   /* the year shown has replies: charts, tables, print */
  gboolean             filling;       /* the drop-down is being refilled: not a choice */
  gboolean             syncing;       /* the switches follow the state: not a choice */
  gboolean             stale;         /* the year's tables and chart wait to be shown */
  guint                generation;    /* of the latest read in a thread: older ones are late */

  /* Template widgets */
  GtkToggleButton     *actions_button;
  GtkWidget           *actions_detail_box;
  GtkToggleButton     *actions_workshop_button;
  GtkToggleButton     *actions_year_button;
  GtkDropDown         *chart_drop_down;
  FuChartView         *chart_view;
  GtkLabel            *colleagues_caption;
  GtkLabel            *colleagues_detail;
  GtkLabel            *colleagues_value;
  GtkColumnView       *column_view;
  GtkToggleButton     *contribution_button;
  GtkToggleButton     *effects_button;
  GtkLabel            *effects_caption;
  GtkLabel            *effects_detail;
  GtkLabel            *effects_value;
  GtkWidget           *export_button;
  GtkWidget           *narrow_menu_button;
  AdwStatusPage       *no_replies_page;
  GtkToggleButton     *projects_button;
  GtkLabel            *projects_caption;
  GtkLabel            *projects_detail;
  GtkLabel            *projects_value;
  GtkWidget           *rate_detail_box;
  GtkToggleButton     *rate_administrations_button;
  GtkToggleButton     *rate_years_button;
  GtkLabel            *replies_caption;
  GtkLabel            *replies_detail;
  GtkLabel            *replies_value;
  GtkToggleButton     *reply_rate_button;
  GtkWidget           *section_squeezer;
  AdwViewStack        *section_stack;
  GtkStack            *stack;
  GtkLabel            *summary_label;
  GtkToggleButton     *table1_button;
  GtkToggleButton     *table2_button;
  GtkToggleButton     *table3_button;
  GtkToggleButton     *table4_button;
  GtkToggleButton     *table5_button;
  GtkDropDown         *table_drop_down;
  GtkStack            *table_stack;
  GtkDropDown         *year_drop_down;
};

G_DEFINE_FINAL_TYPE (FuReportsPage, fu_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FISCAL_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each table is, for the screen reader (as the switcher buttons' tooltips say), and
 * its name in the drop-down that replaces the buttons on a narrow window. */
static const char * const table_titles[N_TABLES] = {
  N_("Table 1: administrations, participants and replies"),
  N_("Table 2: the follow-up actions taken"),
  N_("Table 3: direct effects realized"),
  N_("Table 4: contribution to efficiency and effectiveness"),
  N_("Table 5: modernization projects initiated"),
};

static const char * const table_names[N_TABLES] = {
  N_("Table 1: Replies"),
  N_("Table 2: Actions"),
  N_("Table 3: Direct Effects"),
  N_("Table 4: Contribution"),
  N_("Table 5: Projects"),
};

/* A workshop's title, code and dates. Made when asked for: setting the tooltip on each
 * bind would ask the X server where the pointer is (GTK 4.8). */
static gboolean
workshop_query_tooltip_cb (GtkWidget   *label,
                           int          x,
                           int          y,
                           gboolean     keyboard_mode,
                           GtkTooltip  *tooltip,
                           GtkListItem *list_item)
{
  FuSummaryItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *dates = NULL;
  g_autofree char *text = NULL;

  if (item == NULL || item->number == 0)
    return FALSE;
  dates = fu_day_format_display_range (item->row->start_date, item->row->end_date);
  /* Translators: a workshop's tooltip: its title, then its code and dates ("5–9 Sep 2016") */
  text = g_strdup_printf (_("%s\n%s, %s"), item->row->title, item->row->code,
                          dates != NULL ? dates : "");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_WORKSHOP)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect_object (label, "query-tooltip", G_CALLBACK (workshop_query_tooltip_cb),
                               list_item, 0);
      /* Titles differ at their ends ("WCO Regional Workshop on ..."): wrap, at most once,
       * shortening the second line in its middle so that the month stays; the tooltip has
       * the whole title. */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "fu-numeric");
    }

  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  FuSummaryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (item, column);

  gtk_label_set_text (GTK_LABEL (label), text);

  if (item->number == 0)
    gtk_widget_add_css_class (label, "fu-total");
  else
    gtk_widget_remove_css_class (label, "fu-total");
  /* The workshop's tooltip comes from workshop_query_tooltip_cb(). */
}

static void
add_columns (FuReportsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(column_titles[i]), g_steal_pointer (&factory));
      gtk_column_view_column_set_expand (column, i == COLUMN_WORKSHOP);
      gtk_column_view_column_set_resizable (column, i == COLUMN_WORKSHOP);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }
}

/* Shows the columns of Table @table (1 to N_TABLES), and says so in its switches. */
static void
show_table (FuReportsPage *self,
            guint          table)
{
  GtkToggleButton *buttons[N_TABLES] = {
    self->table1_button, self->table2_button, self->table3_button, self->table4_button,
    self->table5_button,
  };

  g_assert (table >= 1 && table <= N_TABLES);

  self->table = table;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (buttons[table - 1], TRUE);
  gtk_drop_down_set_selected (self->table_drop_down, table - 1);
  self->syncing = FALSE;
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_column_view_column_set_visible (self->columns[i], table_has_column (table, i));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(table_titles[table - 1]),
                                  -1);
}

static guint
selected_year (FuReportsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->year_drop_down);

  if (self->years == NULL || position >= self->years->len)
    return 0;

  return g_array_index (self->years, guint, position);
}

static void
update_actions (FuReportsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "reports.print", self->has_replies);
  gtk_widget_action_set_enabled (widget, "reports.export-summary", self->has_replies);
  gtk_widget_action_set_enabled (widget, "reports.export-summary-xlsx", self->has_replies);
  gtk_widget_action_set_enabled (widget, "reports.export-chart",
                                 fu_chart_view_get_chart (self->chart_view) != NULL);
  /* Their menus hold nothing else. */
  gtk_widget_set_sensitive (self->export_button, self->has_replies);
  gtk_widget_set_sensitive (self->narrow_menu_button, self->has_replies);
  /* A year without replies has neither overview nor tables to switch between. */
  gtk_widget_set_visible (self->section_squeezer, self->has_replies);
}

/* "65%": @count's share of @total, rounded as the seed report rounds. */
static char *
share_text (guint count,
            guint total)
{
  /* Translators: a share of the replies or participants, e.g. "65%" */
  return g_strdup_printf (_("%u%%"), fu_percent (count, total));
}

static void
set_card (GtkLabel   *value_label,
          GtkLabel   *caption_label,
          GtkLabel   *detail_label,
          guint       value,
          const char *caption,
          const char *detail)
{
  /* In the locale's digit groups: "5,172". */
  g_autofree char *value_text = g_strdup_printf ("%'u", value);

  gtk_label_set_text (value_label, value_text);
  gtk_label_set_text (caption_label, caption);
  gtk_label_set_text (detail_label, detail);
}

/* The year in four figures, from the total row of Tables 1 to 5. */
static void
fill_cards (FuReportsPage      *self,
            const FuSummaryRow *total)
{
  g_autofree char *rate = share_text (total->replies, total->participants);
  g_autofree char *effects = share_text (total->direct_effects_yes, total->replies);
  g_autofree char *projects = share_text (total->project_yes, total->replies);
  g_autofree char *replies_detail = NULL;
  g_autofree char *effects_detail = NULL;
  g_autofree char *projects_detail = NULL;
  g_autofree char *colleagues_detail = NULL;
  guint shared = total->actions[FU_ACTION_SHARED_MATERIALS];

  /* Translators: under the number of replies; %s is a share such as "57%" */
  replies_detail = g_strdup_printf (ngettext ("%s of %u participant",
                                              "%s of %u participants",
                                              total->participants),
                                    rate, total->participants);
  set_card (self->replies_value, self->replies_caption, self->replies_detail,
            total->replies, ngettext ("Reply", "Replies", total->replies), replies_detail);

  /* Translators: under a number of replies; %s is their share such as "65%" */
  effects_detail = g_strdup_printf (_("%s of the replies"), effects);
  set_card (self->effects_value, self->effects_caption, self->effects_detail,
            total->direct_effects_yes,
            /* Translators: under a number of replies, e.g. "96" */
            ngettext ("Saw Direct Effects", "Saw Direct Effects", total->direct_effects_yes),
            effects_detail);

  /* Translators: under a number of replies; %s is their share such as "65%" */
  projects_detail = g_strdup_printf (_("%s of the replies"), projects);
  set_card (self->projects_value, self->projects_caption, self->projects_detail,
            total->project_yes,
            /* Translators: under a number of replies, e.g. "96" */
            ngettext ("Initiated Projects", "Initiated Projects", total->project_yes),
            projects_detail);

  colleagues_detail = g_strdup_printf (ngettext ("through materials shared in %u reply",
                                                 "through materials shared in %u replies",
                                                 shared),
                                       shared);
  set_card (self->colleagues_value, self->colleagues_caption, self->colleagues_detail,
            total->colleagues_learned,
            ngettext ("Colleague Reached", "Colleagues Reached", total->colleagues_learned),
            colleagues_detail);
}

/* Shows @chart (NULL: none), which the page takes. */
static void
apply_chart (FuReportsPage *self,
             FuChart       *chart)
{
  fu_chart_view_set_chart (self->chart_view, chart);
  g_clear_object (&chart);
  update_actions (self);
}

static FuChart *
build_chart (FuStore     *store,
             FuChartKind  kind,
             guint        year)
{
  g_autoptr(GError) error = NULL;
  FuChart *chart = fu_charts_build (store, kind, year, &error);

  if (chart == NULL)
    g_warning ("Could not build the %s chart: %s", fu_chart_kind_to_string (kind),
               error->message);
  return chart;
}

static gboolean load_in_thread (FuReportsPage *self, gboolean table);

static void
load_chart (FuReportsPage *self)
{
  guint year = selected_year (self);

  if (self->context == NULL || year == 0 || !self->has_replies)
    {
      apply_chart (self, NULL);
      return;
    }
  if (!load_in_thread (self, FALSE))
    apply_chart (self, build_chart (fu_context_get_store (self->context), self->chart_kind,
                                    year));
}

/* Shows the year's figures: @rows and @total (taken), or @error when they could not be
 * read. */
static void
apply_table (FuReportsPage *self,
             GPtrArray     *rows_in,
             FuSummaryRow  *total,
             const GError  *error)
{
  g_autoptr(GPtrArray) rows = rows_in;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *replies = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *workshops = NULL;
  g_autofree char *rate = NULL;
  FuSummaryRow **pdata;
  gsize n_workshops = 0;
  const FuRules *rules;
  guint year = selected_year (self);

  g_list_store_remove_all (self->rows);
  self->has_replies = FALSE;

  if (self->context == NULL || year == 0)
    {
      g_clear_pointer (&total, fu_summary_row_free);
      return;
    }

  rules = fu_context_get_rules (self->context);
  if (rows == NULL)
    {
      g_warning ("Could not compute the summary: %s", error->message);
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  /* The items take over the rows. */
  pdata = (FuSummaryRow **) g_ptr_array_steal (rows, &n_workshops);
  for (gsize i = 0; i < n_workshops; i++)
    {
      g_autoptr(FuSummaryItem) item = fu_summary_item_new (pdata[i], i + 1);

      g_list_store_append (self->rows, item);
    }
  g_free (pdata);

  label = fu_fiscal_year_label (rules, year);

  if (total == NULL || total->replies == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a fiscal year such as "FY2016/17" */
      title = g_strdup_printf (_("No Replies in %s"), label);
      adw_status_page_set_title (self->no_replies_page, title);
      gtk_stack_set_visible_child_name (self->table_stack, "no-replies");
      gtk_label_set_text (self->summary_label, "");
      g_clear_pointer (&total, fu_summary_row_free);
      return;
    }

  /* Translators: "148 replies from 261 participants (56.7 %) in 13 workshops" is built
   * from this and the two below */
  replies = g_strdup_printf (ngettext ("%'u reply", "%'u replies", total->replies),
                             total->replies);
  participants = g_strdup_printf (ngettext ("%'u participant", "%'u participants",
                                            total->participants),
                                  total->participants);
  workshops = g_strdup_printf (ngettext ("%'u workshop", "%'u workshops", n_workshops),
                               (guint) n_workshops);
  rate = fu_rate_format (total->replies, total->participants, TRUE);
  summary = g_strdup_printf (_("%s from %s (%s %%) in %s"), replies, participants, rate,
                             workshops);
  gtk_label_set_text (self->summary_label, summary);
  fill_cards (self, total);

  {
    g_autoptr(FuSummaryItem) item = fu_summary_item_new (total, 0);

    g_list_store_append (self->rows, item);
  }

  self->has_replies = TRUE;
  gtk_stack_set_visible_child_name (self->table_stack, "table");
}

static void
load_table (FuReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  FuSummaryRow *total = NULL;
  GPtrArray *rows = NULL;
  guint year = selected_year (self);
  FuDay first;
  FuDay last;

  if (self->context != NULL && year != 0)
    {
      fu_fiscal_year_range (fu_context_get_rules (self->context), year, &first, &last);
      rows = fu_store_summary (fu_context_get_store (self->context), first, last, &total,
                               &error);
    }
  apply_table (self, rows, total, error);
}

/* ---- A team database: read in a thread ------------------------------------------------------
 * It is a round trip away, and a chart over every year reads much: the window answers while
 * the year's figures and chart are read on a connection of their own, and shows what it had
 * until they come. A file is read in place, at once. */

typedef struct {
  FuReportsPage *self;
  guint          generation;
  gboolean       table;       /* the year's figures, then the chart; else the chart alone */
  gboolean       has_replies; /* for the chart alone: the year shown has replies */
  guint          year;
  FuChartKind    kind;
  FuDay          first;
  FuDay          last;
} YearRequest;

typedef struct {
  GPtrArray    *rows;
  FuSummaryRow *total;
  FuChart      *chart;
} YearRead;

static void
year_read_free (YearRead *read)
{
  g_clear_pointer (&read->rows, g_ptr_array_unref);
  g_clear_pointer (&read->total, fu_summary_row_free);
  g_clear_object (&read->chart);
  g_free (read);
}

static gpointer
read_year (FuStore  *reader,
           gpointer  user_data,
           GError  **error)
{
  const YearRequest *request = user_data;
  YearRead *read = g_new0 (YearRead, 1);
  gboolean replies = request->has_replies;

  if (request->table)
    {
      read->rows = fu_store_summary (reader, request->first, request->last, &read->total,
                                     error);
      if (read->rows == NULL)
        {
          year_read_free (read);
          return NULL;
        }
      replies = read->total != NULL && read->total->replies > 0;
    }
  if (replies)
    read->chart = build_chart (reader, request->kind, request->year);
  return read;
}

static void
year_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  YearRequest *request = user_data;
  FuReportsPage *self = request->self;
  g_autoptr(GError) error = NULL;
  YearRead *read = fu_gui_read_finish (result, &error);

  /* A later choice (another year, another chart) or a closed page: this one is late. */
  if (request->generation == self->generation && self->context != NULL)
    {
      if (request->table)
        apply_table (self, read != NULL ? g_steal_pointer (&read->rows) : NULL,
                     read != NULL ? g_steal_pointer (&read->total) : NULL, error);
      apply_chart (self, read != NULL ? g_steal_pointer (&read->chart) : NULL);
    }
  if (read != NULL)
    year_read_free (read);
  g_object_unref (request->self);
  g_free (request);
}

/* FALSE when the page reads in place: a file, or no second connection. */
static gboolean
load_in_thread (FuReportsPage *self,
                gboolean       table)
{
  FuStore *store = fu_context_get_store (self->context);
  YearRequest *request;

  if (g_strcmp0 (fu_store_get_backend_name (store), "postgres") != 0)
    return FALSE;
  request = g_new0 (YearRequest, 1);
  request->self = g_object_ref (self);
  request->generation = ++self->generation;
  request->table = table;
  request->has_replies = self->has_replies;
  request->year = selected_year (self);
  request->kind = self->chart_kind;
  fu_fiscal_year_range (fu_context_get_rules (self->context), request->year, &request->first,
                        &request->last);
  if (!fu_gui_read_in_thread (self, store, read_year, (GDestroyNotify) year_read_free, NULL,
                              year_read_cb, request))
    {
      self->generation--;
      g_object_unref (request->self);
      g_free (request);
      return FALSE;
    }
  return TRUE;
}

static void
load_years (FuReportsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint previous = selected_year (self);
  guint selected;

  g_clear_pointer (&self->years, g_array_unref);
  if (self->context != NULL)
    {
      self->years = fu_store_list_fiscal_years (fu_context_get_store (self->context),
                                                fu_context_get_rules (self->context),
                                                TRUE, &error);
      if (self->years == NULL)
        g_warning ("Could not list the fiscal years: %s", error->message);
    }
  if (self->years == NULL)
    self->years = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Keep the year the person chose; else the latest. */
  selected = self->years->len > 0 ? self->years->len - 1 : GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < self->years->len; i++)
    {
      guint year = g_array_index (self->years, guint, i);
      g_autofree char *label = fu_fiscal_year_label (fu_context_get_rules (self->context), year);

      gtk_string_list_append (labels, label);
      if (year == previous)
        selected = i;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->year_drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_drop_down, selected);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->years->len > 0 ? "report" : "none");
}

static void
load_year (FuReportsPage *self)
{
  if (self->context != NULL && selected_year (self) != 0 && load_in_thread (self, TRUE))
    return;
  load_table (self);
  load_chart (self);
}

static void
reload (FuReportsPage *self)
{
  guint before = selected_year (self);

  load_years (self);
  /* Hidden, nobody sees the year's tables and chart: they are made when the page shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = FALSE;
      load_year (self);
    }
  else
    self->stale = TRUE;

  if (selected_year (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

/* The buttons show the chart kind: a main button per chart, and for the actions and the
 * reply rate, a second choice of how they are broken down. */
static void
sync_chart_buttons (FuReportsPage *self)
{
  FuChartKind kind = self->chart_kind;
  gboolean actions = kind == FU_CHART_KIND_ACTIONS || kind == FU_CHART_KIND_ACTIONS_YEAR;
  gboolean rate = kind == FU_CHART_KIND_REPLY_RATE
                  || kind == FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS;
  GtkToggleButton *main_button = self->effects_button;

  if (kind == FU_CHART_KIND_PROJECTS)
    main_button = self->projects_button;
  else if (kind == FU_CHART_KIND_CONTRIBUTION)
    main_button = self->contribution_button;
  else if (actions)
    main_button = self->actions_button;
  else if (rate)
    main_button = self->reply_rate_button;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (main_button, TRUE);
  if (actions)
    gtk_toggle_button_set_active (kind == FU_CHART_KIND_ACTIONS_YEAR
                                  ? self->actions_year_button
                                  : self->actions_workshop_button, TRUE);
  if (rate)
    gtk_toggle_button_set_active (kind == FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS
                                  ? self->rate_administrations_button
                                  : self->rate_years_button, TRUE);
  gtk_widget_set_visible (self->actions_detail_box, actions);
  gtk_widget_set_visible (self->rate_detail_box, rate);
  gtk_drop_down_set_selected (self->chart_drop_down, kind);
  self->syncing = FALSE;
}

static void
show_message (FuReportsPage *self,
              const char    *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!FU_IS_WINDOW (root))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  fu_window_add_toast (FU_WINDOW (root), toast);
}

static void
show_error (FuReportsPage *self,
            const char    *heading,
            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), heading,
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chart of @kind for @fiscal_year written to @file, in the print style and at a slide's
 * width: the chart on screen keeps its theme and what it drew for the tooltips. */
static gboolean
write_chart (FuReportsPage  *self,
             FuChartKind     kind,
             guint           fiscal_year,
             GFile          *file,
             GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(FuChart) chart = NULL;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write a chart to “%s”: choose a file on this computer"), name);
      return FALSE;
    }

  chart = fu_charts_build (fu_context_get_store (self->context), kind, fiscal_year, error);
  if (chart == NULL)
    return FALSE;

  return fu_chart_write (chart, path, FU_CHART_FORMAT_AUTO, EXPORT_CHART_WIDTH, 0, error);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

/* Makes the year's tables and chart if they wait, before anything shows or reads them. */
static void
ensure_loaded (FuReportsPage *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  load_year (self);
}

static void
year_selected_cb (FuReportsPage *self)
{
  if (self->filling)
    return;

  self->stale = FALSE;
  load_year (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

static void
context_changed_cb (FuReportsPage *self)
{
  reload (self);
}

static void
chart_button_toggled_cb (FuReportsPage   *self,
                         GtkToggleButton *button)
{
  FuChartKind kind;

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->projects_button)
    kind = FU_CHART_KIND_PROJECTS;
  else if (button == self->contribution_button)
    kind = FU_CHART_KIND_CONTRIBUTION;
  else if (button == self->actions_button || button == self->actions_workshop_button
           || button == self->actions_year_button)
    kind = gtk_toggle_button_get_active (self->actions_year_button)
           ? FU_CHART_KIND_ACTIONS_YEAR : FU_CHART_KIND_ACTIONS;
  else if (button == self->reply_rate_button || button == self->rate_years_button
           || button == self->rate_administrations_button)
    kind = gtk_toggle_button_get_active (self->rate_administrations_button)
           ? FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS : FU_CHART_KIND_REPLY_RATE;
  else
    kind = FU_CHART_KIND_DIRECT_EFFECTS;

  fu_reports_page_set_chart_kind (self, kind);
}

static void
chart_selected_cb (FuReportsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->chart_drop_down);

  if (self->syncing || position >= FU_N_CHART_KINDS)
    return;

  fu_reports_page_set_chart_kind (self, (FuChartKind) position);
}

static void
table_button_toggled_cb (FuReportsPage   *self,
                         GtkToggleButton *button)
{
  GtkToggleButton *buttons[N_TABLES] = {
    self->table1_button, self->table2_button, self->table3_button, self->table4_button,
    self->table5_button,
  };

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_TABLES; i++)
    if (buttons[i] == button)
      show_table (self, i + 1);
}

static void
table_selected_cb (FuReportsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->table_drop_down);

  if (self->syncing || position >= N_TABLES)
    return;

  show_table (self, position + 1);
}

/* What a chooser answers with, and what was shown when it was opened. */
typedef struct {
  FuReportsPage *page;
  FuChartKind    kind;
  guint          fiscal_year;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static ExportData *
export_data_new (FuReportsPage *self)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->page = g_object_ref (self);
  data->kind = self->chart_kind;
  data->fiscal_year = selected_year (self);
  return data;
}

/* "FY2016-17": a fiscal year as part of a file name. */
static char *
year_for_file_name (FuReportsPage *self,
                    guint          fiscal_year)
{
  char *label = fu_fiscal_year_label (fu_context_get_rules (self->context), fiscal_year);

  return g_strdelimit (label, "/", '-');
}

static void
export_chart_chosen_cb (GFile    *file,
                        gpointer  user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || data->page->context == NULL)
    return;

  if (!write_chart (data->page, data->kind, data->fiscal_year, file, &error))
    {
      show_error (data->page, _("Could Not Export the Chart"), error);
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved %s"), basename);
  show_message (data->page, message);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuReportsPage *self = FU_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;

  if (self->context == NULL || selected_year (self) == 0)
    return;

  year = year_for_file_name (self, selected_year (self));
  /* The format follows the extension the person gives: PNG unless they change it. */
  name = g_strdup_printf ("%s-%s.png", fu_chart_kind_to_string (self->chart_kind), year);
  fu_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export Chart"),
                        _("_Export"), FU_FILE_KIND_CHART, name, export_chart_chosen_cb,
                        export_data_new (self));
}

static void
export_summary_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  g_autoptr(ExportData) data = user_data;
  GtkRoot *root;

  if (file == NULL)
    return;

  /* The window writes it, as for its own Export Summary: the same toast and errors. */
  root = gtk_widget_get_root (GTK_WIDGET (data->page));
  if (FU_IS_WINDOW (root))
    fu_window_export_summary (FU_WINDOW (root), data->fiscal_year, file);
}

static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FuReportsPage *self = FU_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;
  gboolean xlsx;

  if (self->context == NULL || selected_year (self) == 0)
    return;

  year = year_for_file_name (self, selected_year (self));
  xlsx = g_str_equal (action_name, "reports.export-summary-xlsx");
  name = xlsx
         /* Translators: the suggested file name; %s is a fiscal year such as "FY2016-17" */
         ? g_strdup_printf (_("summary-%s.xlsx"), year)
         /* Translators: the suggested file name; %s is a fiscal year such as "FY2016-17" */
         : g_strdup_printf (_("summary-%s.csv"), year);
  fu_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        _("Export Annual Summary"), _("_Save"),
                        xlsx ? FU_FILE_KIND_WORKBOOK : FU_FILE_KIND_CSV, name,
                        export_summary_chosen_cb, export_data_new (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FuReportsPage *self = FU_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->context == NULL || selected_year (self) == 0)
    return;

  fu_print_report (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                   selected_year (self));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_reports_page_dispose (GObject *object)
{
  FuReportsPage *self = FU_REPORTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_REPORTS_PAGE);
  /* Children without an id in the template are not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  g_clear_object (&self->context);
  g_clear_object (&self->rows);
  memset (self->columns, 0, sizeof self->columns);

  G_OBJECT_CLASS (fu_reports_page_parent_class)->dispose (object);
}

static void
fu_reports_page_finalize (GObject *object)
{
  FuReportsPage *self = FU_REPORTS_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (fu_reports_page_parent_class)->finalize (object);
}

static void
fu_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FuReportsPage *self = FU_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FISCAL_YEAR:
      g_value_set_uint (value, fu_reports_page_get_fiscal_year (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FuReportsPage *self = FU_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_reports_page_set_context (self, g_value_get_object (value));
      break;

    case PROP_FISCAL_YEAR:
      fu_reports_page_set_fiscal_year (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_reports_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fu_reports_page_parent_class)->map (widget);
  ensure_loaded (FU_REPORTS_PAGE (widget));
}

static void
fu_reports_page_class_init (FuReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_reports_page_dispose;
  object_class->finalize = fu_reports_page_finalize;
  object_class->get_property = fu_reports_page_get_property;
  object_class->set_property = fu_reports_page_set_property;
  widget_class->map = fu_reports_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_FISCAL_YEAR] =
    g_param_spec_uint ("fiscal-year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FU_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, actions_detail_box);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, actions_workshop_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, actions_year_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, chart_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, colleagues_caption);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, colleagues_detail);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, colleagues_value);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, contribution_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, effects_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, effects_caption);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, effects_detail);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, effects_value);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, narrow_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, no_replies_page);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, projects_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, projects_caption);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, projects_detail);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, projects_value);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, rate_administrations_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, rate_detail_box);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, rate_years_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, replies_caption);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, replies_detail);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, replies_value);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, reply_rate_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, section_squeezer);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table1_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table2_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table3_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table4_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table5_button);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, year_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, chart_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-chart", NULL,
                                   export_chart_action);
  gtk_widget_class_install_action (widget_class, "reports.export-summary", NULL,
                                   export_summary_action);
  gtk_widget_class_install_action (widget_class, "reports.export-summary-xlsx", NULL,
                                   export_summary_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_reports_page_init (FuReportsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkStringList) chart_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) table_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The drop-downs that replace the switch buttons on a narrow window, in the order of
   * FuChartKind and of the tables. */
  self->syncing = TRUE;
  for (guint i = 0; i < FU_N_CHART_KINDS; i++)
    gtk_string_list_append (chart_names, fu_chart_kind_get_label (i));
  gtk_drop_down_set_model (self->chart_drop_down, G_LIST_MODEL (chart_names));
  for (guint i = 0; i < N_TABLES; i++)
    gtk_string_list_append (table_list, _(table_names[i]));
  gtk_drop_down_set_model (self->table_drop_down, G_LIST_MODEL (table_list));
  self->syncing = FALSE;

  self->chart_kind = FU_CHART_KIND_DIRECT_EFFECTS;
  self->rows = g_list_store_new (FU_TYPE_SUMMARY_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  show_table (self, 1);
  sync_chart_buttons (self);
  load_years (self);
  update_actions (self);
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_reports_page_get_context (FuReportsPage *self)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), NULL);

  return self->context;
}

void
fu_reports_page_set_context (FuReportsPage *self,
                             FuContext     *context)
{
  g_return_if_fail (FU_IS_REPORTS_PAGE (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!fu_gui_swap_context (&self->context, &self->changed_id, context,
                            G_CALLBACK (context_changed_cb), self))
    return;
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

guint
fu_reports_page_get_fiscal_year (FuReportsPage *self)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), 0);

  return selected_year (self);
}

gboolean
fu_reports_page_set_fiscal_year (FuReportsPage *self,
                                 guint          fiscal_year)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      if (g_array_index (self->years, guint, i) == fiscal_year)
        {
          /* year_selected_cb reloads and notifies. */
          gtk_drop_down_set_selected (self->year_drop_down, i);
          return TRUE;
        }
    }

  return FALSE;
}

guint
fu_reports_page_get_n_rows (FuReportsPage *self)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), 0);

  ensure_loaded (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

char *
fu_reports_page_get_cell_text (FuReportsPage *self,
                               guint          row,
                               guint          column)
{
  g_autoptr(FuSummaryItem) item = NULL;

  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  ensure_loaded (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  if (item == NULL)
    return NULL;

  return cell_text (item, column);
}

FuChartKind
fu_reports_page_get_chart_kind (FuReportsPage *self)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), FU_CHART_KIND_DIRECT_EFFECTS);

  return self->chart_kind;
}

void
fu_reports_page_set_chart_kind (FuReportsPage *self,
                                FuChartKind    kind)
{
  g_return_if_fail (FU_IS_REPORTS_PAGE (self));
  g_return_if_fail ((guint) kind < FU_N_CHART_KINDS);

  ensure_loaded (self);
  if (self->chart_kind == kind)
    return;

  self->chart_kind = kind;
  sync_chart_buttons (self);
  load_chart (self);
}

gboolean
fu_reports_page_export_chart (FuReportsPage  *self,
                              GFile          *file,
                              GError        **error)
{
  g_return_val_if_fail (FU_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->context == NULL || selected_year (self) == 0)
    {
      g_set_error_literal (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID,
                           _("There is no chart to export: no fiscal year has surveyed "
                             "workshops yet"));
      return FALSE;
    }

  return write_chart (self, self->chart_kind, selected_year (self), file, error);
}
