/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-mailto"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-mailto.h"
#include "fu-rules.h"
#include "fu-store.h"

/* One workshop of the reminder with its distinct deadlines, in the rows' order. */
typedef struct {
  gint64      workshop_id;
  const char *code;
  const char *title;
  GArray     *deadlines;  /* FuDay */
} MailWorkshop;

static void
mail_workshop_free (gpointer data)
{
  MailWorkshop *workshop = data;

  g_array_unref (workshop->deadlines);
  g_free (workshop);
}

char *
fu_mailto_format_day (FuDay day)
{
  g_autoptr(GDateTime) date_time = NULL;
  guint year, month, mday;

  if (day == FU_DAY_NONE)
    return g_strdup ("");

  fu_day_get_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_utc ((int) year, (int) month, (int) mday, 0, 0, 0);
  if (date_time == NULL)
    return fu_day_to_iso (day);
  /* TRANSLATORS: a date in a reminder letter, as g_date_time_format() writes it:
   * "15 January 2018". xgettext:no-c-format */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

static MailWorkshop *
find_workshop (GPtrArray           *workshops,
               const FuFollowupRow *row)
{
  MailWorkshop *workshop;

  for (guint i = 0; i < workshops->len; i++)
    {
      workshop = g_ptr_array_index (workshops, i);
      if (workshop->workshop_id == row->workshop_id)
        return workshop;
    }

  workshop = g_new0 (MailWorkshop, 1);
  workshop->workshop_id = row->workshop_id;
  workshop->code = row->workshop_code;
  workshop->title = row->workshop_title;
  workshop->deadlines = g_array_new (FALSE, FALSE, sizeof (FuDay));
  g_ptr_array_add (workshops, workshop);
  return workshop;
}

static void
add_deadline (MailWorkshop *workshop,
              FuDay         deadline)
{
  guint i;

  if (deadline == FU_DAY_NONE)
    return;
  for (i = 0; i < workshop->deadlines->len; i++)
    {
      FuDay day = g_array_index (workshop->deadlines, FuDay, i);

      if (day == deadline)
        return;
      if (day > deadline)
        break;
    }
  g_array_insert_val (workshop->deadlines, i, deadline);
}

static char *
build_subject (GPtrArray *workshops)
{
  if (workshops->len == 1)
    {
      MailWorkshop *workshop = g_ptr_array_index (workshops, 0);
      g_autofree char *title = g_strdup (workshop->title);

      /* A header is one line, whatever a database from before the check holds. */
      for (char *p = title; p != NULL && *p != '\0'; p++)
        if ((unsigned char) *p < 0x20 || *p == 0x7f)
          *p = ' ';
      /* TRANSLATORS: the subject of a reminder e-mail; %s is a workshop's title */
      return g_strdup_printf (_("Reminder: follow-up questionnaire on the workshop “%s”"),
                              title);
    }

  /* TRANSLATORS: the subject of a reminder e-mail to participants of several workshops */
  return g_strdup_printf (ngettext ("Reminder: follow-up questionnaire on %u workshop",
                                    "Reminder: follow-up questionnaire on %u workshops",
                                    workshops->len),
                          workshops->len);
}

static char *
build_body (GPtrArray  *workshops,
            const char *office_name)
{
  GString *body = g_string_new (NULL);

  g_string_append (body, _("Dear colleague,"));
  g_string_append (body, "\n\n");
  g_string_append (body,
                   ngettext ("This is a friendly reminder of the follow-up questionnaire that we "
                             "sent you after the workshop below. Your answers tell us how the "
                             "workshop is being used in your administration, and we would be "
                             "grateful to receive them.",
                             "This is a friendly reminder of the follow-up questionnaire that we "
                             "sent you after the workshops below. Your answers tell us how the "
                             "workshops are being used in your administration, and we would be "
                             "grateful to receive them.",
                             workshops->len));
  g_string_append (body, "\n");

  for (guint i = 0; i < workshops->len; i++)
    {
      MailWorkshop *workshop = g_ptr_array_index (workshops, i);
      g_autoptr(GString) days = g_string_new (NULL);

      g_string_append (body, "\n");
      /* TRANSLATORS: a workshop in a reminder e-mail: its code and its title */
      g_string_append_printf (body, _("• %s: %s"), workshop->code, workshop->title);
      g_string_append (body, "\n");

      for (guint j = 0; j < workshop->deadlines->len; j++)
        {
          g_autofree char *day = fu_mailto_format_day (g_array_index (workshop->deadlines,
                                                                      FuDay, j));

          if (j > 0)
            /* TRANSLATORS: separates the reply deadlines of one workshop */
            g_string_append (days, _(", or "));
          g_string_append (days, day);
        }
      if (days->len > 0)
        {
          g_string_append (body, "  ");
          /* TRANSLATORS: %s is a date, "15 January 2018" (or several) */
          g_string_append_printf (body, _("Reply deadline: %s"), days->str);
          g_string_append (body, "\n");
        }
    }

  g_string_append (body, "\n");
  g_string_append (body, _("If you have already replied, thank you, and please disregard this "
                           "message."));
  g_string_append (body, "\n\n");
  g_string_append (body, _("Best regards,"));
  if (office_name != NULL && *office_name != '\0')
    {
      g_string_append (body, "\n");
      g_string_append (body, office_name);
    }
  g_string_append (body, "\n");

  return g_string_free (body, FALSE);
}

/* Percent-escapes @text as a mailto: header value, with CRLF line breaks (RFC 6068). */
static void
append_escaped (GString    *uri,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (lines[i], NULL, FALSE);

      if (i > 0)
        g_string_append (uri, "%0D%0A");
      g_string_append (uri, escaped);
    }
}

char *
fu_mailto_build (GPtrArray     *rows,
                 const FuRules *rules,
                 const char    *office_name,
                 GPtrArray     *without_email)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) bcc = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GString *uri;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  workshops = g_ptr_array_new_with_free_func (mail_workshop_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bcc = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = NULL;
      g_autofree char *escaped = NULL;
      MailWorkshop *workshop;
      FuDay deadline;

      if (row->email == NULL || *row->email == '\0')
        {
          if (without_email != NULL)
            g_ptr_array_add (without_email, g_strdup (row->participant_name));
          continue;
        }

      workshop = find_workshop (workshops, row);
      deadline = row->dates.deadline;
      if (deadline == FU_DAY_NONE && row->dates.sent != FU_DAY_NONE)
        deadline = fu_schedule_deadline (rules, row->dates.sent, FU_DAY_NONE);
      add_deadline (workshop, deadline);

      /* The store matches e-mails without regard to case: so does the BCC list. */
      key = g_utf8_casefold (row->email, -1);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      escaped = g_uri_escape_string (row->email, "@", FALSE);
      if (bcc->len > 0)
        g_string_append_c (bcc, ',');
      g_string_append (bcc, escaped);
    }

  if (bcc->len == 0)
    return NULL;

  subject = build_subject (workshops);
  body = build_body (workshops, office_name);

  uri = g_string_new ("mailto:?bcc=");
  g_string_append (uri, bcc->str);
  g_string_append (uri, "&subject=");
  append_escaped (uri, subject);
  g_string_append (uri, "&body=");
  append_escaped (uri, body);

  return g_string_free (uri, FALSE);
}
