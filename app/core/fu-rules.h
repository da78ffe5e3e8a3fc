/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-rules.h: the office's rules as pure functions (no database): fiscal years, the
 * follow-up schedule and the status of a follow-up as of a day. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* The team's numbers (kept in the database's settings table, see FuStore). */
struct _FuRules {
  guint fiscal_year_start_month;  /* 1..12; 7 = July to June */
  guint followup_months;          /* questionnaire planned this many months after the end */
  guint reply_days;               /* reply deadline = sending date + reply_days */
  guint reminder_days;            /* reminder window: the last reminder_days before the deadline */
  guint extension_days;           /* a reminder sent after the deadline gives a new one, its
                                   * day plus extension_days; 0 = the deadline stays */
  guint anonymize_after_years;    /* anonymize people this many years after their last
                                   * workshop, when the window opens; 0 = never */
};

#define FU_RULES_DEFAULT_START_MONTH 7
#define FU_RULES_DEFAULT_FOLLOWUP_MONTHS 6
#define FU_RULES_DEFAULT_REPLY_DAYS 30
#define FU_RULES_DEFAULT_REMINDER_DAYS 7
#define FU_RULES_DEFAULT_EXTENSION_DAYS 14

void      fu_rules_init_defaults      (FuRules *rules);
/* FALSE with FU_RULES_ERROR_INVALID naming the bad value. */
gboolean  fu_rules_validate           (const FuRules *rules, GError **error);

/* A fiscal year is named by the calendar year it starts in: with July as the start month,
 * 2016 is FY2016/17 (1 July 2016 to 30 June 2017). */
guint     fu_fiscal_year_of           (const FuRules *rules, FuDay day);
void      fu_fiscal_year_range        (const FuRules *rules, guint fiscal_year,
                                       FuDay *first, FuDay *last);
/* "FY2016/17"; "FY2016" when the fiscal year is the calendar year (start month 1). */
char     *fu_fiscal_year_label        (const FuRules *rules, guint fiscal_year);
/* Accepts "2016/17", "FY2016/17", "fy2016/17", "2016-17" and "2016". The two-digit end must
 * follow the start year. */
gboolean  fu_fiscal_year_parse        (const char *text, guint *fiscal_year, GError **error);

/* The schedule. An override (a workshop's own date) wins when it is not FU_DAY_NONE. */
FuDay     fu_schedule_planned_date    (const FuRules *rules, FuDay workshop_end, FuDay override);
FuDay     fu_schedule_deadline        (const FuRules *rules, FuDay sent, FuDay override);
/* First day of the reminder window: deadline - reminder_days. */
FuDay     fu_schedule_reminder_start  (const FuRules *rules, FuDay deadline);

/* What a follow-up's status depends on. Dates later than the day asked about are ignored
 * (a reply received after that day is not yet received on it). */
struct _FuFollowupDates {
  FuDay planned;        /* planned sending date (always set) */
  FuDay sent;           /* questionnaire sent, or FU_DAY_NONE */
  FuDay deadline;       /* reply deadline; FU_DAY_NONE = from @sent and the rules */
  FuDay last_reminder;  /* latest reminder sent on or before the day, or FU_DAY_NONE */
  FuDay received;       /* reply received, or FU_DAY_NONE */
  FuDay closed;         /* closed without reply, or FU_DAY_NONE */
};

FuFollowupStatus fu_followup_status   (const FuRules *rules, const FuFollowupDates *dates,
                                       FuDay today);
/* The reply deadline that applies: the stored one or the sending day plus the reply days,
 * moved to a late reminder's day plus the extension days when a reminder went after it.
 * FU_DAY_NONE before sending. Statuses and days overdue count from it. */
FuDay     fu_followup_deadline        (const FuRules *rules, const FuFollowupDates *dates);
/* Days past the deadline as of @today (0 when not overdue). */
guint     fu_followup_days_overdue    (const FuRules *rules, const FuFollowupDates *dates,
                                       FuDay today);
/* Stable machine names: "planned", "to-send", "awaiting-reply", "reminder-due", "overdue",
 * "replied", "closed". */
const char *fu_followup_status_to_string   (FuFollowupStatus status);
gboolean    fu_followup_status_from_string (const char *text, FuFollowupStatus *status,
                                            GError **error);
/* Translated, for people: "To send", "Reminder due". */
const char *fu_followup_status_get_label   (FuFollowupStatus status);

/* The follow-ups to chase, as FuFollowupQuery.status_mask bits: those a reminder list names
 * (reminder due and overdue). */
#define FU_STATUS_MASK_TO_CHASE ((1u << FU_STATUS_REMINDER_DUE) | (1u << FU_STATUS_OVERDUE))

/* Workshop kinds: "regional", "sub-regional", "national", "train-the-trainer", "follow-up",
 * "masterclass", "other". */
const char *fu_workshop_kind_to_string     (FuWorkshopKind kind);
gboolean    fu_workshop_kind_from_string   (const char *text, FuWorkshopKind *kind);
const char *fu_workshop_kind_get_label     (FuWorkshopKind kind);

/* Q1 actions: machine names are the responses.csv column names ("shared_materials", ...). */
const char *fu_action_to_string            (FuAction action);
const char *fu_action_get_label            (FuAction action);

/* ---- Figures: one rounding for the screen, the CSV files and the PDFs ---------------------- */

/* @part of @whole as a whole percentage, rounded half up as the seed's report does
 * ("96 (65%)"); 0 when @whole is 0. */
guint    fu_percent          (guint part, guint whole);
/* @part of @whole in tenths of a percent, rounded half up: 13 of 16 is 813 (81.3). */
guint64  fu_rate_tenths      (guint part, guint whole);
/* "81.3": the rate with one decimal, with the locale's decimal separator when @localized
 * (on screen and in print), with "." otherwise (files). */
char    *fu_rate_format      (guint part, guint whole, gboolean localized);
/* The same from a rate already in tenths of a percent. */
char    *fu_rate_format_tenths (guint64 tenths, gboolean localized);

G_END_DECLS
