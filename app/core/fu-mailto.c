/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-mailto"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
build_subject (GPtrArray    *workshops,
               FuMailtoKind  kind)
{
  if (kind == FU_MAILTO_QUESTIONNAIRE)
    {
      if (workshops->len == 1)
        {
          MailWorkshop *workshop = g_ptr_array_index (workshops, 0);
          g_autofree char *title = g_strdup (workshop->title);

          for (char *p = title; p != NULL && *p != '\0'; p++)
            if ((unsigned char) *p < 0x20 || *p == 0x7f)
              *p = ' ';
          /* TRANSLATORS: the subject of the questionnaire's e-mail; %s is a workshop's title */
          return g_strdup_printf (_("Follow-up questionnaire on the workshop “%s”"), title);
        }
      return g_strdup_printf (ngettext ("Follow-up questionnaire on %u workshop",
                                        "Follow-up questionnaire on %u workshops",
                                        workshops->len),
                              workshops->len);
    }
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
build_body (GPtrArray    *workshops,
            const char   *office_name,
            FuMailtoKind  kind)
{
  GString *body = g_string_new (NULL);

  g_string_append (body, _("Dear colleague,"));
  g_string_append (body, "\n\n");
  if (kind == FU_MAILTO_QUESTIONNAIRE)
    g_string_append (body,
                     ngettext ("Some months ago you took part in the workshop below. To learn "
                               "how it is being used in your administration, we would be "
                               "grateful if you answered the attached follow-up questionnaire "
                               "and sent it back to us by the reply deadline.",
                               "Some months ago you took part in the workshops below. To learn "
                               "how they are being used in your administration, we would be "
                               "grateful if you answered the attached follow-up questionnaire "
                               "for each and sent it back to us by the reply deadline.",
                               workshops->len));
  else
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
  if (kind == FU_MAILTO_QUESTIONNAIRE)
    g_string_append (body, _("Thank you for your time."));
  else
    g_string_append (body, _("If you have already replied, thank you, and please disregard "
                             "this message."));
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

/* The rows with an e-mail, each address once (the store matches e-mails without regard to
 * case: so does the BCC list); the names of those without one into @without_email. */
static GPtrArray *
recipients (GPtrArray *rows,
            GPtrArray *without_email)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = NULL;

      if (row->email == NULL || *row->email == '\0')
        {
          if (without_email != NULL)
            g_ptr_array_add (without_email, g_strdup (row->participant_name));
          continue;
        }
      key = g_utf8_casefold (row->email, -1);
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          g_ptr_array_add (found, (gpointer) row);
        }
    }
  return found;
}

/* One draft to @people[first..first+n): their workshops and deadlines come from @rows (every
 * row of those addresses). @part/@parts number the drafts of a split selection. */
static char *
build_draft (GPtrArray     *rows,
             GPtrArray     *people,
             guint          first,
             guint          n,
             guint          part,
             guint          parts,
             const FuRules *rules,
             const char    *office_name,
             FuMailtoKind   kind,
             FuDay          day)
{
  g_autoptr(GPtrArray) workshops = g_ptr_array_new_with_free_func (mail_workshop_free);
  g_autoptr(GHashTable) in_draft = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  g_autoptr(GString) bcc = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GString *uri;

  for (guint i = first; i < first + n; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (people, i);
      g_autofree char *escaped = g_uri_escape_string (row->email, "@", FALSE);

      g_hash_table_add (in_draft, g_utf8_casefold (row->email, -1));
      if (bcc->len > 0)
        g_string_append_c (bcc, ',');
      g_string_append (bcc, escaped);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = NULL;
      FuDay deadline;

      if (row->email == NULL || *row->email == '\0')
        continue;
      key = g_utf8_casefold (row->email, -1);
      if (!g_hash_table_contains (in_draft, key))
        continue;
      deadline = row->dates.deadline;
      if (deadline == FU_DAY_NONE && row->dates.sent != FU_DAY_NONE)
        deadline = fu_schedule_deadline (rules, row->dates.sent, FU_DAY_NONE);
      if (deadline == FU_DAY_NONE && kind == FU_MAILTO_QUESTIONNAIRE)
        deadline = fu_schedule_deadline (rules, day, FU_DAY_NONE);
      add_deadline (find_workshop (workshops, row), deadline);
    }

  subject = build_subject (workshops, kind);
  if (parts > 1)
    {
      /* TRANSLATORS: a subject, then which of the drafts this is: "… (1 of 3)" */
      g_autofree char *numbered = g_strdup_printf (_("%s (%u of %u)"), subject, part, parts);

      g_free (subject);
      subject = g_steal_pointer (&numbered);
    }
  body = build_body (workshops, office_name, kind);

  uri = g_string_new ("mailto:?bcc=");
  g_string_append (uri, bcc->str);
  g_string_append (uri, "&subject=");
  append_escaped (uri, subject);
  g_string_append (uri, "&body=");
  append_escaped (uri, body);
  return g_string_free (uri, FALSE);
}

GPtrArray *
fu_mailto_build_drafts (GPtrArray     *rows,
                        const FuRules *rules,
                        const char    *office_name,
                        FuMailtoKind   kind,
                        FuDay          day,
                        gsize          max_length,
                        GPtrArray     *without_email)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *drafts;
  guint first = 0;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  people = recipients (rows, without_email);
  drafts = g_ptr_array_new_with_free_func (g_free);
  if (people->len == 0)
    return drafts;

  /* As many addresses to a draft as fit, with room for " (12 of 12)" in the subject. */
  while (first < people->len)
    {
      guint n = 1;

      while (first + n < people->len)
        {
          g_autofree char *uri = build_draft (rows, people, first, n + 1, 99, 99, rules,
                                              office_name, kind, day);

          if (max_length > 0 && strlen (uri) > max_length)
            break;
          n++;
        }
      g_array_append_val (starts, first);
      first += n;
    }
  g_array_append_val (starts, first);

  for (guint i = 0; i + 1 < starts->len; i++)
    {
      guint start = g_array_index (starts, guint, i);
      guint end = g_array_index (starts, guint, i + 1);

      g_ptr_array_add (drafts, build_draft (rows, people, start, end - start, i + 1,
                                            starts->len - 1, rules, office_name, kind, day));
    }
  return drafts;
}

char *
fu_mailto_build (GPtrArray     *rows,
                 const FuRules *rules,
                 const char    *office_name,
                 GPtrArray     *without_email)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  drafts = fu_mailto_build_drafts (rows, rules, office_name, FU_MAILTO_REMINDER,
                                   fu_day_today (), 0, without_email);
  if (drafts->len == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (drafts, 0));
}

char *
fu_mailto_dup_addresses (const char *uri)
{
  const char *query;
  g_auto(GStrv) params = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  query = strchr (uri, '?');
  if (query == NULL)
    return NULL;
  params = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    if (g_str_has_prefix (params[i], "bcc="))
      {
        g_autofree char *list = g_uri_unescape_string (params[i] + 4, NULL);
        g_auto(GStrv) addresses = NULL;

        if (list == NULL || *list == '\0')
          return NULL;
        addresses = g_strsplit (list, ",", -1);
        return g_strjoinv (", ", addresses);
      }
  return NULL;
}
