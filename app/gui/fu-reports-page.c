/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reports-page.c: Tables 1 to 5 of the annual report for one fiscal year, a row per
 * surveyed workshop and the total row last, as fu_store_summary() computes them. (The
 * charts come later.) */
#define G_LOG_DOMAIN "fu-reports-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-store-years.h"

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

/* Short titles: the table is wide. The report's tables name them at length. */
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
  [COLUMN_EFFECTS_YES] = N_("Direct Effects"),
  [COLUMN_EFFECTS_NO] = N_("No Effects"),
  [COLUMN_CONTRIBUTED_YES] = N_("Contributed"),
  [COLUMN_CONTRIBUTED_NO] = N_("Not Contributed"),
  [COLUMN_PROJECT_YES] = N_("Project"),
  [COLUMN_PROJECT_NO] = N_("No Project"),
};

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
      return g_strdup (total ? _("Total") : row->title);

    case COLUMN_REPLY_RATE:
      if (row->participants == 0)
        return g_strdup ("—");
      /* Translators: a reply rate, e.g. "62.5 %" */
      return g_strdup_printf (_("%.1f %%"), 100.0 * row->replies / row->participants);

    case COLUMN_ADMINISTRATIONS:
    case COLUMN_PARTICIPANTS:
    case COLUMN_REPLIES:
      return g_strdup_printf ("%u", column_count (row, column));

    default:
      count = column_count (row, column);
      if (total && row->replies > 0)
        /* Translators: a count and its share of the replies, e.g. "96 (65%)" */
        return g_strdup_printf (_("%u (%.0f%%)"), count, 100.0 * count / row->replies);
      return g_strdup_printf ("%u", count);
    }
}

/* ---- The page ---------------------------------------------------------------------------- */

struct _FuReportsPage
{
  GtkWidget       parent_instance;

  FuContext      *context;
  gulong          changed_id;
  GArray         *years;         /* guint fiscal years, as in the drop-down */
  GListStore     *rows;          /* FuSummaryItem */
  gboolean        filling;       /* the drop-down is being refilled: not a choice */

  /* Template widgets */
  GtkColumnView  *column_view;
  AdwStatusPage  *no_replies_page;
  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkStack       *table_stack;
  GtkDropDown    *year_drop_down;
};

G_DEFINE_FINAL_TYPE (FuReportsPage, fu_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FISCAL_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_WORKSHOP)
    {
      /* Titles differ at their ends ("WCO Regional Workshop on ..."): wrap, not ellipsize. */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
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

  if (column == COLUMN_WORKSHOP && item->number != 0)
    {
      g_autofree char *start = fu_day_to_iso (item->row->start_date);
      g_autofree char *end = fu_day_to_iso (item->row->end_date);
      g_autofree char *tooltip = NULL;

      /* Translators: a workshop's tooltip: its title, code and dates */
      tooltip = g_strdup_printf (_("%s\n%s, %s to %s"), item->row->title, item->row->code,
                                 start != NULL ? start : "", end != NULL ? end : "");
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  else
    {
      gtk_widget_set_tooltip_text (label, NULL);
    }
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
    }
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
load_table (FuReportsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *replies = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *workshops = NULL;
  FuSummaryRow **pdata;
  FuSummaryRow *total = NULL;
  gsize n_workshops = 0;
  const FuRules *rules;
  guint year = selected_year (self);
  FuDay first;
  FuDay last;

  g_list_store_remove_all (self->rows);

  if (self->context == NULL || year == 0)
    return;

  rules = fu_context_get_rules (self->context);
  fu_fiscal_year_range (rules, year, &first, &last);
  rows = fu_store_summary (fu_context_get_store (self->context), first, last, &total, &error);
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
  replies = g_strdup_printf (ngettext ("%u reply", "%u replies", total->replies),
                             total->replies);
  participants = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                            total->participants),
                                  total->participants);
  workshops = g_strdup_printf (ngettext ("%u workshop", "%u workshops", n_workshops),
                               (guint) n_workshops);
  summary = g_strdup_printf (_("%s from %s (%.1f %%) in %s"), replies, participants,
                             100.0 * total->replies / MAX (total->participants, 1), workshops);
  gtk_label_set_text (self->summary_label, summary);

  {
    g_autoptr(FuSummaryItem) item = fu_summary_item_new (total, 0);

    g_list_store_append (self->rows, item);
  }

  gtk_stack_set_visible_child_name (self->table_stack, "table");
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
reload (FuReportsPage *self)
{
  guint before = selected_year (self);

  load_years (self);
  load_table (self);

  if (selected_year (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
year_selected_cb (FuReportsPage *self)
{
  if (self->filling)
    return;

  load_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

static void
context_changed_cb (FuReportsPage *self)
{
  reload (self);
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
fu_reports_page_class_init (FuReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_reports_page_dispose;
  object_class->finalize = fu_reports_page_finalize;
  object_class->get_property = fu_reports_page_get_property;
  object_class->set_property = fu_reports_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_FISCAL_YEAR] =
    g_param_spec_uint ("fiscal-year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, no_replies_page);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, FuReportsPage, year_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_reports_page_init (FuReportsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (FU_TYPE_SUMMARY_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  load_years (self);
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

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  g_set_object (&self->context, context);
  if (self->context != NULL)
    self->changed_id = g_signal_connect_object (self->context, "changed",
                                                G_CALLBACK (context_changed_cb), self,
                                                G_CONNECT_SWAPPED);
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

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  if (item == NULL)
    return NULL;

  return cell_text (item, column);
}
