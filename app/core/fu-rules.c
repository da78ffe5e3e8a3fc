/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-rules"

#include "config.h"

#include <locale.h>

#include <string.h>

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-day-private.h"
#include "fu-error.h"
#include "fu-rules.h"

#define FU_FISCAL_YEAR_MIN 1900
#define FU_FISCAL_YEAR_MAX 9999

typedef struct {
  const char *name;
  const char *label;
} FuNameLabel;

static const FuNameLabel status_names[FU_N_STATUSES] = {
  [FU_STATUS_PLANNED] = { "planned", N_("Planned") },
  [FU_STATUS_TO_SEND] = { "to-send", N_("To send") },
  [FU_STATUS_AWAITING_REPLY] = { "awaiting-reply", N_("Awaiting reply") },
  [FU_STATUS_REMINDER_DUE] = { "reminder-due", N_("Reminder due") },
  [FU_STATUS_OVERDUE] = { "overdue", N_("Overdue") },
  [FU_STATUS_REPLIED] = { "replied", N_("Replied") },
  [FU_STATUS_CLOSED] = { "closed", N_("Closed") },
};

static const FuNameLabel kind_names[FU_N_WORKSHOP_KINDS] = {
  [FU_WORKSHOP_KIND_REGIONAL] = { "regional", N_("Regional") },
  [FU_WORKSHOP_KIND_SUB_REGIONAL] = { "sub-regional", N_("Sub-regional") },
  [FU_WORKSHOP_KIND_NATIONAL] = { "national", N_("National") },
  [FU_WORKSHOP_KIND_TRAIN_THE_TRAINER] = { "train-the-trainer", N_("Train the trainer") },
  [FU_WORKSHOP_KIND_FOLLOW_UP] = { "follow-up", N_("Follow-up") },
  [FU_WORKSHOP_KIND_MASTERCLASS] = { "masterclass", N_("Masterclass") },
  [FU_WORKSHOP_KIND_OTHER] = { "other", N_("Other") },
};

static const FuNameLabel action_names[FU_N_ACTIONS] = {
  [FU_ACTION_SHARED_MATERIALS] = { "shared_materials", N_("Shared training materials") },
  [FU_ACTION_SUBMITTED_REPORT] = { "submitted_report", N_("Submitted a mission report") },
  [FU_ACTION_MADE_RECOMMENDATIONS] = { "made_recommendations", N_("Made recommendations") },
  [FU_ACTION_INHOUSE_WORKSHOP] = { "inhouse_workshop", N_("Organized an in-house workshop") },
  [FU_ACTION_DEVELOPED_MANUALS] = { "developed_manuals", N_("Developed or updated manuals") },
  [FU_ACTION_OTHER] = { "other_action", N_("Other actions") },
};

/* Lower case, hyphens for underscores and spaces, no surrounding blanks: people type
 * "Sub regional" or "AWAITING_REPLY" and mean the machine name. */
static char *
normalize_name (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *lower = g_ascii_strdown (copy, -1);

  for (char *p = lower; *p != '\0'; p++)
    {
      if (*p == '_' || *p == ' ')
        *p = '-';
    }
  return lower;
}

void
fu_rules_init_defaults (FuRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->fiscal_year_start_month = FU_RULES_DEFAULT_START_MONTH;
  rules->followup_months = FU_RULES_DEFAULT_FOLLOWUP_MONTHS;
  rules->reply_days = FU_RULES_DEFAULT_REPLY_DAYS;
  rules->reminder_days = FU_RULES_DEFAULT_REMINDER_DAYS;
  rules->extension_days = FU_RULES_DEFAULT_EXTENSION_DAYS;
  rules->anonymize_after_years = 0;
}

gboolean
fu_rules_validate (const FuRules  *rules,
                   GError        **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rules->fiscal_year_start_month < 1 || rules->fiscal_year_start_month > 12)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Fiscal year start month is %u: it must be a month from 1 (January) "
                     "to 12 (December)"),
                   rules->fiscal_year_start_month);
      return FALSE;
    }
  if (rules->followup_months < 1 || rules->followup_months > 60)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Follow-up months is %u: the questionnaire must be planned 1 to 60 "
                     "months after the workshop"),
                   rules->followup_months);
      return FALSE;
    }
  if (rules->reply_days < 1 || rules->reply_days > 365)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Reply days is %u: the reply deadline must be 1 to 365 days after "
                     "sending"),
                   rules->reply_days);
      return FALSE;
    }
  if (rules->reminder_days >= rules->reply_days)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Reminder days is %u: it must be less than the reply days (%u), so "
                     "that reminders start after sending"),
                   rules->reminder_days, rules->reply_days);
      return FALSE;
    }
  if (rules->extension_days > 365)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("A late reminder gives %u more days: give 1 to 365 days, or 0 to keep "
                     "the deadline"), rules->extension_days);
      return FALSE;
    }
  if (rules->anonymize_after_years > 50)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Anonymizing after %u years: give 1 to 50 years, or 0 for never"),
                   rules->anonymize_after_years);
      return FALSE;
    }
  return TRUE;
}

guint
fu_fiscal_year_of (const FuRules *rules,
                   FuDay          day)
{
  guint year, month;

  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (day != FU_DAY_NONE, 0);

  fu_day_get_ymd (day, &year, &month, NULL);
  if (month < rules->fiscal_year_start_month)
    return year - 1;
  return year;
}

void
fu_fiscal_year_range (const FuRules *rules,
                      guint          fiscal_year,
                      FuDay         *first,
                      FuDay         *last)
{
  GDate date;
  guint start_month;
  FuDay first_day = FU_DAY_NONE;
  FuDay last_day = FU_DAY_NONE;

  g_return_if_fail (rules != NULL);

  start_month = rules->fiscal_year_start_month;
  if (start_month < 1 || start_month > 12)
    start_month = FU_RULES_DEFAULT_START_MONTH;

  if (fiscal_year >= 1 && fiscal_year <= FU_FISCAL_YEAR_MAX)
    {
      first_day = fu_day_new (fiscal_year, start_month, 1);
      /* The day before the next fiscal year starts; GDate directly, since FY9999/00 ends in
       * year 10000, past what fu_day_new() accepts. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (GDateMonth) start_month, (GDateYear) (fiscal_year + 1));
      last_day = g_date_get_julian (&date) - 1;
    }

  if (first != NULL)
    *first = first_day;
  if (last != NULL)
    *last = last_day;
}

char *
fu_fiscal_year_label (const FuRules *rules,
                      guint          fiscal_year)
{
  g_return_val_if_fail (rules != NULL, NULL);

  /* TRANSLATORS: a fiscal year that is a calendar year, "FY2017"; the label shows alone (in
   * lists, table cells) and inside sentences, where translations may add their own word for
   * it, e.g. "exercice %s". */
  if (rules->fiscal_year_start_month == 1)
    return g_strdup_printf (_("FY%u"), fiscal_year);
  /* TRANSLATORS: a fiscal year from July to June, "FY2016/17"; see "FY%u" */
  return g_strdup_printf (_("FY%u/%02u"), fiscal_year, (fiscal_year + 1) % 100);
}

static gboolean
set_fiscal_year_error (GError     **error,
                       const char  *text,
                       int          year)
{
  /* Suggest the spellings for the year the person typed, when there is one. */
  guint example = year >= FU_FISCAL_YEAR_MIN && year <= FU_FISCAL_YEAR_MAX ? (guint) year : 2016;

  g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
               _("'%s' is not a fiscal year: write it as %u/%02u, FY%u/%02u or %u"),
               text, example, (example + 1) % 100, example, (example + 1) % 100, example);
  return FALSE;
}

gboolean
fu_fiscal_year_parse (const char  *text,
                      guint       *fiscal_year,
                      GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gsize rest;
  int year, end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (g_ascii_strncasecmp (p, "FY", 2) == 0)
    p += 2;

  if (strlen (p) < 4)
    return set_fiscal_year_error (error, text, -1);
  year = fu_day_parse_digits (p, 4);
  if (year < 0)
    return set_fiscal_year_error (error, text, -1);
  p += 4;

  rest = strlen (p);
  if (rest != 0)
    {
      /* "2016/17" or "2016-17"; "2016/2017" is as clear, so take it too. */
      if ((p[0] != '/' && p[0] != '-') || (rest != 3 && rest != 5))
        return set_fiscal_year_error (error, text, year);
      end = fu_day_parse_digits (p + 1, rest - 1);
      if (end < 0)
        return set_fiscal_year_error (error, text, year);
      if (rest == 3 && end != (year + 1) % 100)
        return set_fiscal_year_error (error, text, year);
      if (rest == 5 && end != year + 1)
        return set_fiscal_year_error (error, text, year);
    }

  if (year < FU_FISCAL_YEAR_MIN || year > FU_FISCAL_YEAR_MAX)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("'%s' is not a fiscal year: use a year from %d to %d, e.g. 2016/17"),
                   text, FU_FISCAL_YEAR_MIN, FU_FISCAL_YEAR_MAX);
      return FALSE;
    }

  if (fiscal_year != NULL)
    *fiscal_year = (guint) year;
  return TRUE;
}

FuDay
fu_schedule_planned_date (const FuRules *rules,
                          FuDay          workshop_end,
                          FuDay          override)
{
  g_return_val_if_fail (rules != NULL, FU_DAY_NONE);

  if (override != FU_DAY_NONE)
    return override;
  if (workshop_end == FU_DAY_NONE)
    return FU_DAY_NONE;
  return fu_day_add_months (workshop_end, (int) rules->followup_months);
}

FuDay
fu_schedule_deadline (const FuRules *rules,
                      FuDay          sent,
                      FuDay          override)
{
  g_return_val_if_fail (rules != NULL, FU_DAY_NONE);

  if (override != FU_DAY_NONE)
    return override;
  if (sent == FU_DAY_NONE)
    return FU_DAY_NONE;
  return fu_day_add_days (sent, (int) rules->reply_days);
}

FuDay
fu_schedule_reminder_start (const FuRules *rules,
                            FuDay          deadline)
{
  g_return_val_if_fail (rules != NULL, FU_DAY_NONE);

  if (deadline == FU_DAY_NONE)
    return FU_DAY_NONE;
  return fu_day_add_days (deadline, -(int) rules->reminder_days);
}

/* A date after @today has not happened yet as of @today. */
static inline gboolean
happened (FuDay day,
          FuDay today)
{
  return day != FU_DAY_NONE && day <= today;
}

FuDay
fu_followup_deadline (const FuRules         *rules,
                      const FuFollowupDates *dates)
{
  FuDay deadline;

  g_return_val_if_fail (rules != NULL, FU_DAY_NONE);
  g_return_val_if_fail (dates != NULL, FU_DAY_NONE);

  deadline = fu_schedule_deadline (rules, dates->sent, dates->deadline);
  if (deadline != FU_DAY_NONE && rules->extension_days > 0
      && dates->last_reminder != FU_DAY_NONE && dates->last_reminder > deadline)
    return fu_day_add_days (dates->last_reminder, (int) rules->extension_days);
  return deadline;
}

/* The deadline that applies to a questionnaire sent on @sent. */
static FuDay
effective_deadline (const FuRules         *rules,
                    const FuFollowupDates *dates,
                    FuDay                  sent)
{
  FuFollowupDates at = *dates;

  at.sent = sent;
  return fu_followup_deadline (rules, &at);
}

FuFollowupStatus
fu_followup_status (const FuRules         *rules,
                    const FuFollowupDates *dates,
                    FuDay                  today)
{
  FuDay deadline, window;

  g_return_val_if_fail (rules != NULL, FU_STATUS_PLANNED);
  g_return_val_if_fail (dates != NULL, FU_STATUS_PLANNED);
  g_return_val_if_fail (today != FU_DAY_NONE, FU_STATUS_PLANNED);

  /* A reply wins over everything, late or not; then staff closing it. */
  if (happened (dates->received, today))
    return FU_STATUS_REPLIED;
  if (happened (dates->closed, today))
    return FU_STATUS_CLOSED;

  if (!happened (dates->sent, today))
    {
      if (dates->planned != FU_DAY_NONE && today < dates->planned)
        return FU_STATUS_PLANNED;
      return FU_STATUS_TO_SEND;
    }

  deadline = effective_deadline (rules, dates, dates->sent);
  if (deadline != FU_DAY_NONE && today > deadline)
    return FU_STATUS_OVERDUE;

  /* No window when the team sends no reminders (reminder_days 0); otherwise a reminder sent
   * inside the window, up to today, settles it, and one sent before the window does not. */
  if (rules->reminder_days > 0 && deadline != FU_DAY_NONE)
    {
      window = fu_schedule_reminder_start (rules, deadline);
      if (today >= window &&
          !(dates->last_reminder != FU_DAY_NONE &&
            dates->last_reminder >= window &&
            dates->last_reminder <= today))
        return FU_STATUS_REMINDER_DUE;
    }

  return FU_STATUS_AWAITING_REPLY;
}

guint
fu_followup_days_overdue (const FuRules         *rules,
                          const FuFollowupDates *dates,
                          FuDay                  today)
{
  FuDay deadline;

  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (dates != NULL, 0);
  g_return_val_if_fail (today != FU_DAY_NONE, 0);

  if (fu_followup_status (rules, dates, today) != FU_STATUS_OVERDUE)
    return 0;
  deadline = effective_deadline (rules, dates, dates->sent);
  return today - deadline;
}

const char *
fu_followup_status_to_string (FuFollowupStatus status)
{
  g_return_val_if_fail ((guint) status < FU_N_STATUSES, NULL);

  return status_names[status].name;
}

gboolean
fu_followup_status_from_string (const char        *text,
                                FuFollowupStatus  *status,
                                GError           **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = normalize_name (text);
  for (guint i = 0; i < FU_N_STATUSES; i++)
    {
      if (g_strcmp0 (name, status_names[i].name) == 0)
        {
          if (status != NULL)
            *status = (FuFollowupStatus) i;
          return TRUE;
        }
    }

  g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
               _("'%s' is not a follow-up status: use planned, to-send, awaiting-reply, "
                 "reminder-due, overdue, replied or closed"),
               text);
  return FALSE;
}

const char *
fu_followup_status_get_label (FuFollowupStatus status)
{
  g_return_val_if_fail ((guint) status < FU_N_STATUSES, NULL);

  return _(status_names[status].label);
}

const char *
fu_workshop_kind_to_string (FuWorkshopKind kind)
{
  g_return_val_if_fail ((guint) kind < FU_N_WORKSHOP_KINDS, NULL);

  return kind_names[kind].name;
}

gboolean
fu_workshop_kind_from_string (const char     *text,
                              FuWorkshopKind *kind)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  name = normalize_name (text);
  /* "Master class" is how some invitations spell it. */
  if (g_strcmp0 (name, "master-class") == 0)
    {
      if (kind != NULL)
        *kind = FU_WORKSHOP_KIND_MASTERCLASS;
      return TRUE;
    }
  for (guint i = 0; i < FU_N_WORKSHOP_KINDS; i++)
    {
      if (g_strcmp0 (name, kind_names[i].name) == 0)
        {
          if (kind != NULL)
            *kind = (FuWorkshopKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
fu_workshop_kind_get_label (FuWorkshopKind kind)
{
  g_return_val_if_fail ((guint) kind < FU_N_WORKSHOP_KINDS, NULL);

  return _(kind_names[kind].label);
}

const char *
fu_action_to_string (FuAction action)
{
  g_return_val_if_fail ((guint) action < FU_N_ACTIONS, NULL);

  return action_names[action].name;
}

const char *
fu_action_get_label (FuAction action)
{
  g_return_val_if_fail ((guint) action < FU_N_ACTIONS, NULL);

  return _(action_names[action].label);
}

guint
fu_percent (guint part,
            guint whole)
{
  if (whole == 0)
    return 0;
  return (guint) (((guint64) part * 200 + whole) / (2 * (guint64) whole));
}

guint64
fu_rate_tenths (guint part,
                guint whole)
{
  if (whole == 0)
    return 0;
  return ((guint64) part * 2000 + whole) / (2 * (guint64) whole);
}

char *
fu_rate_format (guint    part,
                guint    whole,
                gboolean localized)
{
  return fu_rate_format_tenths (fu_rate_tenths (part, whole), localized);
}

char *
fu_rate_format_tenths (guint64  tenths,
                       gboolean localized)
{
  const char *point = ".";
  struct lconv *conv;

  if (localized && (conv = localeconv ()) != NULL && conv->decimal_point != NULL
      && conv->decimal_point[0] != '\0')
    point = conv->decimal_point;
  return g_strdup_printf ("%" G_GUINT64_FORMAT "%s%u", tenths / 10, point, (guint) (tenths % 10));
}
