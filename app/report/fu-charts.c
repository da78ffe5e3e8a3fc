/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-charts.c: the annual report's charts from the store's figures. Each chart leads with
 * what a reader should take away ("96 of 148 replies (65%) saw direct effects") and names
 * the question it plots in its subtitle; the numbers are the seed's Tables 1 to 5. */
#define G_LOG_DOMAIN "fu-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-chart-layers.h"
#include "fu-charts.h"
#include "fu-day.h"
#include "fu-rules.h"
#include "fu-store.h"

/* Palette indexes (fu_chart_style_init_print): yes is blue, no is orange. */
#define COLOR_YES 0
#define COLOR_NO  1

typedef struct {
  const char *name;
  const char *label;
} KindName;

static const KindName kind_names[FU_N_CHART_KINDS] = {
  [FU_CHART_KIND_DIRECT_EFFECTS] = { "direct-effects", N_("Direct effects") },
  [FU_CHART_KIND_PROJECTS] = { "projects", N_("Modernization projects") },
  [FU_CHART_KIND_CONTRIBUTION] = { "contribution", N_("Contribution to efficiency") },
  [FU_CHART_KIND_ACTIONS] = { "actions", N_("Follow-up actions by workshop") },
  [FU_CHART_KIND_ACTIONS_YEAR] = { "actions-year", N_("Follow-up actions") },
  [FU_CHART_KIND_REPLY_RATE] = { "reply-rate", N_("Reply rate by year") },
  [FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS] = { "reply-rate-administrations",
                                                 N_("Reply rate by administration") },
};

/* ---- Names ----------------------------------------------------------------------------- */

const char *
fu_chart_kind_to_string (FuChartKind kind)
{
  g_return_val_if_fail ((guint) kind < FU_N_CHART_KINDS, NULL);

  return kind_names[kind].name;
}

const char *
fu_chart_kind_get_label (FuChartKind kind)
{
  g_return_val_if_fail ((guint) kind < FU_N_CHART_KINDS, NULL);

  return _(kind_names[kind].label);
}

gboolean
fu_chart_kind_from_string (const char   *text,
                           FuChartKind  *kind,
                           GError      **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < FU_N_CHART_KINDS; i++)
    {
      if (text != NULL && g_ascii_strcasecmp (text, kind_names[i].name) == 0)
        {
          *kind = i;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", kind_names[i].name);
    }
  g_set_error (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID,
               _("'%s' is not a chart: choose one of %s"), text != NULL ? text : "", names->str);
  return FALSE;
}

/* ---- Short titles ---------------------------------------------------------------------- */

/* Skips @prefix (any case) at *@text when it is followed by a space, a colon or the end. */
static gboolean
skip_word (const char **text,
           const char  *word)
{
  gsize n = strlen (word);
  char next;

  if (g_ascii_strncasecmp (*text, word, n) != 0)
    return FALSE;
  next = (*text)[n];
  if (next != '\0' && next != ' ' && next != ':')
    return FALSE;
  *text += n;
  while (**text == ' ')
    (*text)++;
  return TRUE;
}

/* "WCO", "WCO-UPU", "WCO-UNESCAP": the organizers, which every title repeats. */
static gboolean
skip_organizer (const char **text)
{
  const char *p = *text;

  if (g_ascii_strncasecmp (p, "WCO", 3) != 0 || (p[3] != ' ' && p[3] != '-'))
    return FALSE;
  p += 3;
  if (*p == '-')
    {
      while (*p != '\0' && *p != ' ')
        p++;
    }
  while (*p == ' ')
    p++;
  *text = p;
  return TRUE;
}

/* Words that say where a workshop was held for, not what it was about. */
static void
skip_scope (const char **text)
{
  static const char * const scopes[] = {
    "Regional", "Sub-regional", "Subregional", "Sub regional", "National", "Inter-regional",
  };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
        if (skip_word (text, scopes[i]))
          again = TRUE;
    }
}

/* The rest of a title after "Workshop on ": the topic. */
static const char * const events[] = {
  "Workshop", "Seminar", "Training", "Meeting", "Forum", "Course", "Conference",
};

static gboolean
is_event_word (const char *text)
{
  for (guint e = 0; e < G_N_ELEMENTS (events); e++)
    if (g_ascii_strcasecmp (text, events[e]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
after_event_word (const char  *text,
                  const char **event_start)
{
  static const char * const joins[] = { " on ", " for ", " of ", " about ", ": " };
  const char *word = text;

  /* Only among the first few words: later ones are part of the topic. */
  for (guint n = 0; n < 5 && *word != '\0'; n++)
    {
      for (guint e = 0; e < G_N_ELEMENTS (events); e++)
        {
          gsize len = strlen (events[e]);

          if (g_ascii_strncasecmp (word, events[e], len) != 0)
            continue;
          for (guint j = 0; j < G_N_ELEMENTS (joins); j++)
            if (g_ascii_strncasecmp (word + len, joins[j], strlen (joins[j])) == 0)
              {
                *event_start = word;
                return word + len + strlen (joins[j]);
              }
        }
      while (*word != '\0' && *word != ' ')
        word++;
      while (*word == ' ')
        word++;
    }
  return NULL;
}

char *
fu_workshop_short_title (const char *title)
{
  static const char * const regions[] = {
    " in the Asia/Pacific Region", " for the Asia/Pacific Region", " in the Asia Pacific Region",
    " in the Asia/Pacific", " for the Asia/Pacific",
  };
  g_autofree char *stripped = NULL;
  g_autoptr(GString) result = NULL;
  g_autofree char *qualifier = NULL;
  const char *text;
  const char *topic;
  const char *event = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  stripped = g_strstrip (g_strdup (title));
  text = stripped;
  skip_organizer (&text);
  skip_scope (&text);

  topic = after_event_word (text, &event);
  if (topic != NULL)
    {
      /* What stands before "Workshop" is kept when it tells workshops apart:
       * "Train-the-trainer", "Follow-Up". */
      qualifier = g_strstrip (g_strndup (text, event - text));
      text = topic;
    }
  skip_word (&text, "the");
  skip_organizer (&text);

  result = g_string_new (text);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      gsize n = strlen (regions[i]);

      if (result->len > n &&
          g_ascii_strcasecmp (result->str + result->len - n, regions[i]) == 0)
        {
          g_string_truncate (result, result->len - n);
          break;
        }
    }

  /* Nothing but "Workshop" left says less than the title did. */
  if (result->len == 0 || is_event_word (result->str))
    return g_steal_pointer (&stripped);

  if (g_ascii_islower (result->str[0]))
    result->str[0] = g_ascii_toupper (result->str[0]);
  if (qualifier != NULL && *qualifier != '\0')
    {
      g_string_prepend (result, ": ");
      g_string_prepend (result, qualifier);
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
}

char *
fu_workshop_month_label (FuDay start)
{
  g_autoptr(GDateTime) time = NULL;
  guint year, month, day;

  if (start == FU_DAY_NONE)
    return g_strdup ("");
  fu_day_get_ymd (start, &year, &month, &day);
  time = g_date_time_new_utc ((int) year, (int) month, (int) day, 0, 0, 0);
  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a workshop's month on a chart, as strftime writes it: "Sep 2016" */
  return g_date_time_format (time, _("%b %Y"));
}

/* ---- Figures --------------------------------------------------------------------------- */

static void
add_workshop_categories (FuChart   *chart,
                         GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const FuSummaryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = fu_workshop_short_title (row->title != NULL ? row->title
                                                                          : row->code);
      g_autofree char *month = fu_workshop_month_label (row->start_date);
      g_autofree char *suffix = *month != '\0' ? g_strdup_printf ("(%s)", month) : NULL;

      fu_chart_add_category (chart, label, suffix);
    }
}

static void
set_empty_year (FuChart    *chart,
                GPtrArray  *rows,
                const char *year_label)
{
  g_autofree char *message = NULL;

  if (rows == NULL || rows->len == 0)
    message = g_strdup_printf (_("No replies in %s: no surveyed workshop started in that year."),
                               year_label);
  else
    message = g_strdup_printf (_("No replies in %s yet."), year_label);
  fu_chart_set_empty_message (chart, message);
  fu_chart_set_empty (chart, TRUE);
}

static void
summary_yes_no (const FuSummaryRow *row,
                FuChartKind         kind,
                guint              *yes,
                guint              *no)
{
  switch (kind)
    {
    case FU_CHART_KIND_DIRECT_EFFECTS:
      *yes = row->direct_effects_yes;
      *no = row->direct_effects_no;
      break;
    case FU_CHART_KIND_PROJECTS:
      *yes = row->project_yes;
      *no = row->project_no;
      break;
    case FU_CHART_KIND_CONTRIBUTION:
      *yes = row->contributed_yes;
      *no = row->contributed_no;
      break;
    case FU_CHART_KIND_ACTIONS:
    case FU_CHART_KIND_ACTIONS_YEAR:
    case FU_CHART_KIND_REPLY_RATE:
    case FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS:
    case FU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
yes_no_title (FuChartKind kind,
              guint       yes,
              guint       replies)
{
  guint share = fu_percent (yes, replies);

  switch (kind)
    {
    case FU_CHART_KIND_DIRECT_EFFECTS:
      /* TRANSLATORS: "96 of 148 replies (65%) saw direct effects" */
      return g_strdup_printf (ngettext ("%u of %u reply (%u%%) saw direct effects",
                                        "%u of %u replies (%u%%) saw direct effects", replies),
                              yes, replies, share);
    case FU_CHART_KIND_PROJECTS:
      return g_strdup_printf (ngettext ("%u of %u reply (%u%%) saw a modernization project "
                                        "initiated",
                                        "%u of %u replies (%u%%) saw a modernization project "
                                        "initiated", replies),
                              yes, replies, share);
    case FU_CHART_KIND_CONTRIBUTION:
      return g_strdup_printf (ngettext ("%u of %u reply (%u%%) said the workshop contributed to "
                                        "efficiency",
                                        "%u of %u replies (%u%%) said the workshop contributed to "
                                        "efficiency", replies),
                              yes, replies, share);
    case FU_CHART_KIND_ACTIONS:
    case FU_CHART_KIND_ACTIONS_YEAR:
    case FU_CHART_KIND_REPLY_RATE:
    case FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS:
    case FU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* What a bar's yes share is, after the bar: "75% realized". */
static char *
yes_share_note (FuChartKind kind,
                guint       share)
{
  switch (kind)
    {
    case FU_CHART_KIND_DIRECT_EFFECTS:
      /* TRANSLATORS: after a workshop's bar: the share of its replies that saw direct
       * effects */
      return g_strdup_printf (_("%u%% realized"), share);
    case FU_CHART_KIND_PROJECTS:
      return g_strdup_printf (_("%u%% initiated"), share);
    case FU_CHART_KIND_CONTRIBUTION:
      return g_strdup_printf (_("%u%% contributed"), share);
    case FU_CHART_KIND_ACTIONS:
    case FU_CHART_KIND_ACTIONS_YEAR:
    case FU_CHART_KIND_REPLY_RATE:
    case FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS:
    case FU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Tables 3 to 5: per workshop, yes / no / no answer stacked, with the yes share after it. */
static FuChart *
build_yes_no (FuChartKind  kind,
              GPtrArray   *rows,
              const FuSummaryRow *total,
              const char  *year_label)
{
  FuChart *chart = fu_chart_new (FU_CHART_HORIZONTAL);
  g_autoptr(FuChartLayer) bars = fu_chart_bars_new (FU_CHART_BARS_STACKED);
  g_autoptr(GArray) yes = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) no = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) unanswered = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *question = NULL;
  const char *yes_name = NULL;
  const char *no_name = NULL;
  guint total_yes, total_no;
  double n_unanswered = 0;

  switch (kind)
    {
    case FU_CHART_KIND_DIRECT_EFFECTS:
      question = _("Q3: direct effects observed from applying what was learned");
      yes_name = _("Realized");
      no_name = _("Not realized");
      break;
    case FU_CHART_KIND_PROJECTS:
      question = _("Q5: modernization projects initiated as a result");
      yes_name = _("Project initiated");
      no_name = _("Not initiated");
      break;
    case FU_CHART_KIND_CONTRIBUTION:
      question = _("Q4: the workshop contributed, or will contribute, to efficiency");
      yes_name = _("Contributed");
      no_name = _("Did not contribute");
      break;
    case FU_CHART_KIND_ACTIONS:
    case FU_CHART_KIND_ACTIONS_YEAR:
    case FU_CHART_KIND_REPLY_RATE:
    case FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS:
    case FU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  summary_yes_no (total, kind, &total_yes, &total_no);
  /* TRANSLATORS: a chart's subtitle: the question, then the fiscal year */
  subtitle = g_strdup_printf (_("%s, by workshop, %s"), question, year_label);
  fu_chart_set_subtitle (chart, subtitle);
  fu_chart_axis_set_title (fu_chart_get_value_axis (chart), _("Replies"));

  if (total->replies == 0)
    {
      g_autofree char *kind_title = g_strdup_printf ("%s, %s",
                                                     fu_chart_kind_get_label (kind), year_label);

      fu_chart_set_title (chart, kind_title);
      set_empty_year (chart, rows, year_label);
      return chart;
    }

  title = yes_no_title (kind, total_yes, total->replies);
  fu_chart_set_title (chart, title);
  add_workshop_categories (chart, rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const FuSummaryRow *row = g_ptr_array_index (rows, i);
      guint y, n;
      double values[3];
      g_autofree char *annotation = NULL;

      summary_yes_no (row, kind, &y, &n);
      values[0] = y;
      values[1] = n;
      /* Replies that left the question blank; data where yes + no exceeds the replies (the
       * seed's Table 5 row 10) shows no negative part. */
      values[2] = row->replies > y + n ? row->replies - y - n : 0;
      g_array_append_val (yes, values[0]);
      g_array_append_val (no, values[1]);
      g_array_append_val (unanswered, values[2]);
      n_unanswered += values[2];

      if (row->replies == 0)
        annotation = g_strdup (_("no replies"));
      else
        annotation = yes_share_note (kind, fu_percent (y, row->replies));
      fu_chart_bars_set_annotation (FU_CHART_BARS (bars), i, annotation);
    }

  fu_chart_layer_add_series (bars, yes_name, COLOR_YES, (double *) yes->data, yes->len);
  fu_chart_layer_add_series (bars, no_name, COLOR_NO, (double *) no->data, no->len);
  /* Blank answers only get a colour and a legend entry when there are some. */
  if (n_unanswered > 0)
    fu_chart_layer_add_series (bars, _("No answer"), FU_CHART_COLOR_NEUTRAL,
                               (double *) unanswered->data, unanswered->len);
  fu_chart_add_layer (chart, bars);
  return chart;
}

/* Table 2: the six actions per workshop, side by side. */
static FuChart *
build_actions (GPtrArray    *rows,
               const FuSummaryRow *total,
               const char   *year_label)
{
  FuChart *chart = fu_chart_new (FU_CHART_HORIZONTAL);
  g_autoptr(FuChartLayer) bars = fu_chart_bars_new (FU_CHART_BARS_GROUPED);
  g_autofree char *title = g_strdup_printf (_("Follow-up actions by workshop, %s"), year_label);
  g_autofree char *subtitle = NULL;

  fu_chart_set_title (chart, title);
  fu_chart_axis_set_title (fu_chart_get_value_axis (chart), _("Replies"));
  if (total->replies == 0)
    {
      fu_chart_set_subtitle (chart, _("Q1: what was done after the workshop"));
      set_empty_year (chart, rows, year_label);
      return chart;
    }

  subtitle = g_strdup_printf (ngettext ("Q1: what %u reply said was done after the workshop; "
                                        "a reply may name several actions",
                                        "Q1: what %u replies said was done after the workshop; "
                                        "a reply may name several actions", total->replies),
                              total->replies);
  fu_chart_set_subtitle (chart, subtitle);

  add_workshop_categories (chart, rows);
  for (guint a = 0; a < FU_N_ACTIONS; a++)
    {
      g_autofree double *values = g_new0 (double, MAX (rows->len, 1));

      for (guint i = 0; i < rows->len; i++)
        values[i] = ((const FuSummaryRow *) g_ptr_array_index (rows, i))->actions[a];
      fu_chart_layer_add_series (bars, fu_action_get_label (a), a, values, rows->len);
    }
  fu_chart_add_layer (chart, bars);
  return chart;
}

/* Table 2's total row: how many replies took each action. */
static FuChart *
build_actions_year (GPtrArray    *rows,
                    const FuSummaryRow *total,
                    const char   *year_label)
{
  FuChart *chart = fu_chart_new (FU_CHART_VERTICAL);
  g_autoptr(FuChartLayer) bars = fu_chart_bars_new (FU_CHART_BARS_GROUPED);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double values[FU_N_ACTIONS];

  fu_chart_set_subtitle (chart, _("Q1: follow-up actions taken; a reply may name several"));
  fu_chart_axis_set_title (fu_chart_get_value_axis (chart), _("Replies"));
  if (total->replies == 0)
    {
      title = g_strdup_printf (_("Follow-up actions, %s"), year_label);
      fu_chart_set_title (chart, title);
      set_empty_year (chart, rows, year_label);
      return chart;
    }

  title = g_strdup_printf (ngettext ("What %u reply said was done after the %s workshops",
                                     "What %u replies said was done after the %s workshops",
                                     total->replies),
                           total->replies, year_label);
  fu_chart_set_title (chart, title);

  for (guint a = 0; a < FU_N_ACTIONS; a++)
    {
      g_autofree char *annotation = NULL;

      fu_chart_add_category (chart, fu_action_get_label (a), NULL);
      values[a] = total->actions[a];
      /* TRANSLATORS: a count and its share of the replies: "120 (81%)" */
      annotation = g_strdup_printf (_("%u (%u%%)"), total->actions[a],
                                    fu_percent (total->actions[a], total->replies));
      fu_chart_bars_set_annotation (FU_CHART_BARS (bars), a, annotation);
    }
  fu_chart_layer_add_series (bars, _("Replies"), COLOR_YES, values, FU_N_ACTIONS);
  fu_chart_add_layer (chart, bars);
  return chart;
}

/* The reply rate of each fiscal year up to @fiscal_year, as a line. */
static FuChart *
build_reply_rate (const GArray  *trend,
                  const FuRules *rules,
                  guint          fiscal_year)
{
  g_autoptr(FuChart) chart = fu_chart_new (FU_CHART_VERTICAL);
  g_autoptr(FuChartAxis) axis = fu_chart_axis_new (FU_CHART_VALUE_PERCENT);
  g_autoptr(FuChartLayer) line = fu_chart_line_new ();
  g_autoptr(GArray) rates = g_array_new (FALSE, TRUE, sizeof (double));
  const FuTrendPoint *last = NULL;
  guint highlight = G_MAXUINT;
  gboolean any_entered = FALSE;

  fu_chart_axis_set_title (axis, _("Participants who replied"));
  fu_chart_set_value_axis (chart, axis);
  fu_chart_set_subtitle (chart, _("Replies to the follow-up questionnaire, by fiscal year"));

  for (guint i = 0; i < trend->len; i++)
    {
      const FuTrendPoint *point = &g_array_index (trend, FuTrendPoint, i);
      g_autofree char *label = NULL;
      double rate;

      if (fiscal_year != 0 && point->fiscal_year > fiscal_year)
        break;
      label = fu_fiscal_year_label (rules, point->fiscal_year);
      if (point->entered)
        {
          g_autofree char *year = g_steal_pointer (&label);

          any_entered = TRUE;
          /* TRANSLATORS: a fiscal year whose totals were entered by hand, "FY2014/15 *" */
          label = g_strdup_printf (_("%s *"), year);
        }
      fu_chart_add_category (chart, label, NULL);
      rate = fu_trend_point_rate_tenths (point) / 10.0;
      g_array_append_val (rates, rate);
      last = point;
      if (point->fiscal_year == fiscal_year)
        highlight = rates->len - 1;
    }

  if (last == NULL)
    {
      fu_chart_set_title (chart, _("Reply rate by fiscal year"));
      fu_chart_set_empty_message (chart, _("No replies yet: no surveyed workshop in these years."));
      fu_chart_set_empty (chart, TRUE);
      return g_steal_pointer (&chart);
    }
  else
    {
      g_autofree char *year = fu_fiscal_year_label (rules, last->fiscal_year);
      g_autofree char *title = NULL;

      /* TRANSLATORS: "Reply rate 57% in FY2016/17 (148 of 261 participants)" */
      title = g_strdup_printf (ngettext ("Reply rate %u%% in %s (%u of %u participant)",
                                         "Reply rate %u%% in %s (%u of %u participants)",
                                         last->participants),
                               fu_percent (last->replies, last->participants), year,
                               last->replies, last->participants);
      fu_chart_set_title (chart, title);
    }
  if (any_entered)
    fu_chart_set_subtitle (chart, _("Replies to the follow-up questionnaire, by fiscal year "
                                    "(* totals entered for years before the database)"));

  fu_chart_layer_add_series (line, _("Reply rate"), COLOR_YES, (double *) rates->data,
                             rates->len);
  fu_chart_line_set_highlight (FU_CHART_LINE (line), highlight);
  fu_chart_add_layer (chart, line);
  return g_steal_pointer (&chart);
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  const FuAdministrationRate *x = *(FuAdministrationRate * const *) a;
  const FuAdministrationRate *y = *(FuAdministrationRate * const *) b;
  /* Compare replies / participants without dividing: x.r * y.p against y.r * x.p. */
  guint64 left = (guint64) x->replies * y->participants;
  guint64 right = (guint64) y->replies * x->participants;

  if (left != right)
    return left > right ? -1 : 1;
  if (x->participants != y->participants)
    return x->participants > y->participants ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* One year's reply rate per administration, highest first. */
static FuChart *
build_reply_rate_administrations (FuStore    *store,
                                  FuDay       from,
                                  FuDay       to,
                                  const char *year_label,
                                  GError    **error)
{
  g_autoptr(FuChart) chart = fu_chart_new (FU_CHART_HORIZONTAL);
  g_autoptr(FuChartAxis) axis = fu_chart_axis_new (FU_CHART_VALUE_PERCENT);
  g_autoptr(FuChartLayer) bars = fu_chart_bars_new (FU_CHART_BARS_GROUPED);
  g_autoptr(GPtrArray) rates = NULL;
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint participants = 0;
  guint replies = 0;

  rates = fu_store_reply_rate_by_administration (store, from, to, error);
  if (rates == NULL)
    return NULL;

  fu_chart_axis_set_title (axis, _("Participants who replied"));
  fu_chart_set_value_axis (chart, axis);
  title = g_strdup_printf (_("Reply rate by administration, %s"), year_label);
  fu_chart_set_title (chart, title);

  for (guint i = 0; i < rates->len; i++)
    {
      const FuAdministrationRate *rate = g_ptr_array_index (rates, i);

      participants += rate->participants;
      replies += rate->replies;
    }
  if (replies == 0)
    {
      set_empty_year (chart, rates, year_label);
      return g_steal_pointer (&chart);
    }

  subtitle = g_strdup_printf (ngettext ("%u of %u participant replied (%u%%); administrations "
                                        "from the highest rate",
                                        "%u of %u participants replied (%u%%); administrations "
                                        "from the highest rate", participants),
                              replies, participants, fu_percent (replies, participants));
  fu_chart_set_subtitle (chart, subtitle);

  g_ptr_array_sort (rates, compare_rates);
  values = g_new0 (double, rates->len);
  for (guint i = 0; i < rates->len; i++)
    {
      const FuAdministrationRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *annotation = NULL;

      fu_chart_add_category (chart, rate->name, NULL);
      values[i] = rate->participants > 0 ? rate->replies * 100.0 / rate->participants : 0.0;
      /* TRANSLATORS: a reply rate and its counts: "57% (4 of 7)" */
      annotation = g_strdup_printf (_("%u%% (%u of %u)"),
                                    fu_percent (rate->replies, rate->participants),
                                    rate->replies, rate->participants);
      fu_chart_bars_set_annotation (FU_CHART_BARS (bars), i, annotation);
    }
  fu_chart_layer_add_series (bars, _("Reply rate"), COLOR_YES, values, rates->len);
  fu_chart_add_layer (chart, bars);
  return g_steal_pointer (&chart);
}

FuChart *
fu_charts_build (FuStore      *store,
                 FuChartKind   kind,
                 guint         fiscal_year,
                 GError      **error)
{
  return fu_charts_build_from (store, kind, fiscal_year, NULL, NULL, NULL, error);
}

FuChart *
fu_charts_build_from (FuStore            *store,
                      FuChartKind         kind,
                      guint               fiscal_year,
                      GArray             *trend,
                      GPtrArray          *rows,
                      const FuSummaryRow *total,
                      GError            **error)
{
  g_autoptr(GPtrArray) read_rows = NULL;
  g_autoptr(FuSummaryRow) read_total = NULL;
  g_autofree char *year_label = NULL;
  FuRules rules;
  FuDay from, to;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < FU_N_CHART_KINDS, NULL);
  g_return_val_if_fail ((rows == NULL) == (total == NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fu_store_get_rules (store, &rules);
  if (kind == FU_CHART_KIND_REPLY_RATE)
    {
      g_autoptr(GArray) read_trend = NULL;

      if (trend == NULL && (trend = read_trend = fu_store_reply_rate_trend (store, error)) == NULL)
        return NULL;
      return build_reply_rate (trend, &rules, fiscal_year);
    }

  /* Only the trend spans years; every other chart is about one. */
  g_return_val_if_fail (fiscal_year > 0, NULL);
  fu_fiscal_year_range (&rules, fiscal_year, &from, &to);
  year_label = fu_fiscal_year_label (&rules, fiscal_year);
  if (kind == FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS)
    return build_reply_rate_administrations (store, from, to, year_label, error);

  if (rows == NULL)
    {
      rows = read_rows = fu_store_summary (store, from, to, &read_total, error);
      if (rows == NULL)
        return NULL;
      total = read_total;
    }

  switch (kind)
    {
    case FU_CHART_KIND_DIRECT_EFFECTS:
    case FU_CHART_KIND_PROJECTS:
    case FU_CHART_KIND_CONTRIBUTION:
      return build_yes_no (kind, rows, total, year_label);
    case FU_CHART_KIND_ACTIONS:
      return build_actions (rows, total, year_label);
    case FU_CHART_KIND_ACTIONS_YEAR:
      return build_actions_year (rows, total, year_label);
    case FU_CHART_KIND_REPLY_RATE:
    case FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS:
    case FU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}
