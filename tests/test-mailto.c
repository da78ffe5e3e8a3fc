/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-mailto"

#include "config.h"

#include <glib.h>

#include "fu-day.h"
#include "fu-mailto.h"
#include "fu-rules.h"
#include "fu-store.h"

static FuFollowupRow *
make_row (gint64      workshop_id,
          const char *code,
          const char *title,
          const char *name,
          const char *email,
          FuDay       sent,
          FuDay       deadline)
{
  FuFollowupRow *row = g_new0 (FuFollowupRow, 1);

  row->workshop_id = workshop_id;
  row->workshop_code = g_strdup (code);
  row->workshop_title = g_strdup (title);
  row->participant_name = g_strdup (name);
  row->email = g_strdup (email);
  row->administration = g_strdup ("Fiji");
  row->dates.sent = sent;
  row->dates.deadline = deadline;
  row->status = FU_STATUS_OVERDUE;
  return row;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
}

/* The URI's fields ("bcc", "subject", "body"), unescaped; asserts the mailto: form. */
static GHashTable *
parse_mailto (const char *uri)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) pairs = NULL;

  g_assert_true (g_str_has_prefix (uri, "mailto:?"));
  /* Nothing a mail program would read as a second field or a line break stays raw. */
  g_assert_null (strchr (uri, ' '));
  g_assert_null (strchr (uri, '\n'));

  pairs = g_strsplit (uri + strlen ("mailto:?"), "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      char *value;

      g_assert_nonnull (eq);
      value = g_uri_unescape_string (eq + 1, NULL);
      g_assert_nonnull (value);
      g_hash_table_insert (fields, g_strndup (pairs[i], eq - pairs[i]), value);
    }
  return fields;
}

static void
test_one_workshop (void)
{
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *uri = NULL;
  const char *bcc;
  const char *body;
  FuRules rules;

  fu_rules_init_defaults (&rules);
  g_ptr_array_add (rows, make_row (1, "2016-NII", "Non-Intrusive Inspection & Scanning",
                                   "Ana Lima", "ana+customs@example.org",
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));
  g_ptr_array_add (rows, make_row (1, "2016-NII", "Non-Intrusive Inspection & Scanning",
                                   "Bo Chen", "bo.chen@example.org",
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));
  g_ptr_array_add (rows, make_row (1, "2016-NII", "Non-Intrusive Inspection & Scanning",
                                   "Chandra Rai", NULL,
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));
  /* The same person twice (e-mails match without regard to case): one address. */
  g_ptr_array_add (rows, make_row (1, "2016-NII", "Non-Intrusive Inspection & Scanning",
                                   "Bo Chen", "Bo.Chen@Example.org",
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));

  uri = fu_mailto_build (rows, &rules, "ROCB A/P", missing);
  g_assert_nonnull (uri);

  /* The '+' and the '&' of the title are escaped: they would split the address or fields. */
  g_assert_true (g_str_has_prefix (uri, "mailto:?bcc=ana%2Bcustoms@example.org,"
                                        "bo.chen@example.org&subject="));

  fields = parse_mailto (uri);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 3);
  bcc = g_hash_table_lookup (fields, "bcc");
  g_assert_cmpstr (bcc, ==, "ana+customs@example.org,bo.chen@example.org");
  g_assert_cmpstr (g_hash_table_lookup (fields, "subject"), ==,
                   "Reminder: follow-up questionnaire on the workshop "
                   "“Non-Intrusive Inspection & Scanning”");

  body = g_hash_table_lookup (fields, "body");
  g_assert_true (g_str_has_prefix (body, "Dear colleague,\r\n\r\n"));
  g_assert_nonnull (strstr (body, "• 2016-NII: Non-Intrusive Inspection & Scanning\r\n"));
  g_assert_nonnull (strstr (body, "Reply deadline: 8 April 2017\r\n"));
  g_assert_true (g_str_has_suffix (body, "Best regards,\r\nROCB A/P\r\n"));
  /* Every line break is CRLF. */
  for (const char *p = strchr (body, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "Chandra Rai");
}

static void
test_several_workshops (void)
{
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *uri = NULL;
  const char *body;
  const char *nii;
  const char *pca;
  FuRules rules;

  fu_rules_init_defaults (&rules);
  g_ptr_array_add (rows, make_row (2, "2016-NII", "Non-Intrusive Inspection", "Ana Lima",
                                   "ana@example.org", fu_day_new (2017, 3, 9),
                                   fu_day_new (2017, 4, 8)));
  /* Sent later: a second deadline for the same workshop. */
  g_ptr_array_add (rows, make_row (2, "2016-NII", "Non-Intrusive Inspection", "Bo Chen",
                                   "bo@example.org", fu_day_new (2017, 3, 20),
                                   fu_day_new (2017, 4, 19)));
  /* No deadline stored: the rules give sent + 30 days. */
  g_ptr_array_add (rows, make_row (3, "2016-PCA", "Post Clearance Audit", "Ana Lima",
                                   "ana@example.org", fu_day_new (2017, 12, 1), FU_DAY_NONE));

  uri = fu_mailto_build (rows, &rules, NULL, NULL);
  fields = parse_mailto (uri);
  g_assert_cmpstr (g_hash_table_lookup (fields, "bcc"), ==, "ana@example.org,bo@example.org");
  g_assert_cmpstr (g_hash_table_lookup (fields, "subject"), ==,
                   "Reminder: follow-up questionnaire on 2 workshops");

  body = g_hash_table_lookup (fields, "body");
  nii = strstr (body, "• 2016-NII: Non-Intrusive Inspection\r\n"
                      "  Reply deadline: 8 April 2017, or 19 April 2017\r\n");
  pca = strstr (body, "• 2016-PCA: Post Clearance Audit\r\n"
                      "  Reply deadline: 31 December 2017\r\n");
  g_assert_nonnull (nii);
  g_assert_nonnull (pca);
  g_assert_true (nii < pca);
  g_assert_nonnull (strstr (body, "after the workshops below"));
  /* No office name: the letter ends with the greeting. */
  g_assert_true (g_str_has_suffix (body, "Best regards,\r\n"));
}

static void
test_nobody_to_write_to (void)
{
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  FuRules rules;

  fu_rules_init_defaults (&rules);
  g_assert_null (fu_mailto_build (rows, &rules, "ROCB A/P", missing));

  g_ptr_array_add (rows, make_row (1, "2016-NII", "NII", "Chandra Rai", NULL,
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));
  g_ptr_array_add (rows, make_row (1, "2016-NII", "NII", "Dorji Wangmo", "",
                                   fu_day_new (2017, 3, 9), fu_day_new (2017, 4, 8)));
  g_assert_null (fu_mailto_build (rows, &rules, "ROCB A/P", missing));
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (missing, 1), ==, "Dorji Wangmo");
}

static void
test_format_day (void)
{
  g_autofree char *day = fu_mailto_format_day (fu_day_new (2018, 1, 5));
  g_autofree char *none = fu_mailto_format_day (FU_DAY_NONE);

  g_assert_cmpstr (day, ==, "5 January 2018");
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/mailto/one-workshop", test_one_workshop);
  g_test_add_func ("/core/mailto/several-workshops", test_several_workshops);
  g_test_add_func ("/core/mailto/nobody-to-write-to", test_nobody_to_write_to);
  g_test_add_func ("/core/mailto/format-day", test_format_day);

  return g_test_run ();
}
