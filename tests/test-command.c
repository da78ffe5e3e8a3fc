/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-command.c: every kind of command applied, undone, redone and undone again on the
 * sample, each step compared with a full dump of the data; the audit log's entries and
 * their authors; undo that can no longer apply; the history's stacks and what it
 * announces. */
#define G_LOG_DOMAIN "test-command"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "fu-command.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-history.h"
#include "fu-store.h"
#include "fu-test-util.h"

typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fu_test_fixture_open (fixture, "test-command-XXXXXX", FALSE);
  fu_store_set_author (fixture->store, "Test Staff");
  if (user_data != NULL)
    {
      g_autoptr(FuCommand) command = fu_command_new_load_sample ();
      g_autoptr(GError) error = NULL;

      g_assert_true (fu_command_apply (command, fixture->store, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_true (fu_test_fixture_close (fixture));
}

/* Every table of the data, without the audit log. */
static char *
dump (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *text = fu_store_dump (f->store, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static gint64
workshop_id (Fixture    *f,
             const char *code)
{
  gint64 id = fu_test_lookup_workshop (f->store, code);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
participant_id (Fixture    *f,
                const char *email)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_participant (f->store, email, NULL, 0, &id, &error));
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The follow-ups of @code with @status as of 15 January 2018. */
static GArray *
followups (Fixture          *f,
           const char       *code,
           FuFollowupStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { 0 };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query.as_of = fu_day_new (2018, 1, 15);
  query.workshop_id = code != NULL ? workshop_id (f, code) : 0;
  query.status_mask = 1u << status;
  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (ids, ((FuFollowupRow *) g_ptr_array_index (rows, i))->followup_id);
  return ids;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Reverts entry @entry_id and returns the revert's entry. */
static gint64
revert (Fixture *f,
        gint64   entry_id)
{
  g_autoptr(FuCommand) command = fu_command_new_revert (entry_id);
  g_autoptr(GError) error = NULL;

  fu_command_apply (command, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_command_get_entry_id (command), >, entry_id);
  return fu_command_get_entry_id (command);
}

/* Applies @command (taking it), then undoes, redoes and undoes it, with a dump at each step:
 * the data must be exactly as before after each undo, and exactly as after the command
 * after the redo. The sentence must be @sentence when given. */
static void
check_command (Fixture    *f,
               FuCommand  *command,
               const char *sentence)
{
  g_autoptr(FuCommand) owned = command;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;
  g_autoptr(FuAuditEntry) entry = NULL;
  gint64 entry_id, undo_id, redo_id;

  g_assert_true (fu_command_apply (command, f->store, &error));
  g_assert_no_error (error);
  entry_id = fu_command_get_entry_id (command);
  g_assert_cmpint (entry_id, >, 0);
  g_assert_false (fu_change_set_is_empty (fu_command_get_changes (command)));
  if (sentence != NULL)
    g_assert_cmpstr (fu_command_get_sentence (command), ==, sentence);

  after = dump (f);
  g_assert_cmpstr (after, !=, before);

  entry = fu_store_get_audit_entry (f->store, entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->author, ==, "Test Staff");
  g_assert_cmpstr (entry->sentence, ==, fu_command_get_sentence (command));
  g_assert_cmpuint (entry->n_changes, >, 0);
  g_assert_cmpint (entry->undone_by, ==, 0);

  undo_id = revert (f, entry_id);
  undone = dump (f);
  g_assert_cmpstr (undone, ==, before);
  g_clear_pointer (&entry, fu_audit_entry_free);
  entry = fu_store_get_audit_entry (f->store, entry_id, &error);
  g_assert_cmpint (entry->undone_by, ==, undo_id);

  redo_id = revert (f, undo_id);
  redone = dump (f);
  g_assert_cmpstr (redone, ==, after);

  revert (f, redo_id);
  undone_again = dump (f);
  g_assert_cmpstr (undone_again, ==, before);
}

static void
test_workshops (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuWorkshop) edited = NULL;
  g_autoptr(GError) error = NULL;

  workshop->code = g_strdup ("2018-NEW");
  workshop->title = g_strdup ("WCO Regional Workshop on Something New");
  workshop->start_date = fu_day_new (2018, 3, 5);
  workshop->end_date = fu_day_new (2018, 3, 9);
  check_command (f, fu_command_new_add_workshop (workshop), "Added workshop 2018-NEW");

  edited = fu_store_get_workshop (f->store, workshop_id (f, "2016-NII"), &error);
  g_assert_no_error (error);
  g_free (edited->title);
  edited->title = g_strdup ("Non-Intrusive Inspection, renamed");
  edited->deadline_override = fu_day_new (2017, 4, 1);
  check_command (f, fu_command_new_edit_workshop (edited), "Edited workshop 2016-NII");

  /* With its attendances, follow-ups, reminders and replies, back with the same ids. */
  check_command (f, fu_command_new_delete_workshop (workshop_id (f, "2016-NII")), NULL);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FuParticipant) person = fu_participant_new ();
  g_autoptr(FuParticipant) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 someone = participant_id (f, "michael.clarke@customs-au.example");
  gint64 nii = workshop_id (f, "2016-NII");
  gint64 attendance = 0;

  person->name = g_strdup ("Ana Lopez");
  person->administration_id = fu_test_lookup_administration (f->store, "Philippines");
  person->email = g_strdup ("ana.lopez@customs-ph.example");
  check_command (f, fu_command_new_add_participant (person, nii), "Added Ana Lopez to 2016-NII");
  check_command (f, fu_command_new_add_participant (person, 0), "Added participant Ana Lopez");

  edited = fu_store_get_participant (f->store, someone, &error);
  g_assert_no_error (error);
  g_free (edited->position);
  edited->position = g_strdup ("Director");
  check_command (f, fu_command_new_edit_participant (edited),
                 "Edited the details of Michael Clarke");
  check_command (f, fu_command_new_delete_participant (someone),
                 "Deleted participant Michael Clarke");

  check_command (f, fu_command_new_add_attendance (nii, someone),
                 "Added Michael Clarke to 2016-NII");
  g_assert_true (fu_store_lookup_attendance (f->store, workshop_id (f, "2016-INT-PAC"), someone,
                                             &attendance, &error));
  g_assert_cmpint (attendance, >, 0);
  check_command (f, fu_command_new_delete_attendance (attendance),
                 "Removed Michael Clarke from 2016-INT-PAC");
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FuParticipant) twin = fu_participant_new ();
  g_autoptr(FuCommand) add = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = participant_id (f, "michael.clarke@customs-au.example");

  /* The same person again, without e-mail, at another workshop. */
  twin->name = g_strdup ("Michael Clarke");
  twin->administration_id = fu_test_lookup_administration (f->store, "Australia");
  twin->position = g_strdup ("Manager");
  add = fu_command_new_add_participant (twin, workshop_id (f, "2016-NII"));
  g_assert_true (fu_command_apply (add, f->store, &error));
  g_assert_no_error (error);

  check_command (f, fu_command_new_merge_participants (keep, fu_command_get_new_id (add)),
                 "Merged the two records of Michael Clarke");
}

static void
test_administrations (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FuAdministration) admin = fu_administration_new ();
  g_autoptr(FuAdministration) edited = NULL;
  g_autoptr(FuCommand) add = NULL;
  g_autoptr(GError) error = NULL;

  admin->name = g_strdup ("Observer Customs");
  admin->short_name = g_strdup ("OBS");
  check_command (f, fu_command_new_add_administration (admin),
                 "Added administration Observer Customs");

  add = fu_command_new_add_administration (admin);
  g_assert_true (fu_command_apply (add, f->store, &error));
  edited = fu_store_get_administration (f->store, fu_command_get_new_id (add), &error);
  g_assert_no_error (error);
  g_free (edited->name);
  edited->name = g_strdup ("Observer Customs Service");
  check_command (f, fu_command_new_edit_administration (edited),
                 "Edited administration Observer Customs Service");
  check_command (f, fu_command_new_delete_administration (edited->id),
                 "Deleted administration Observer Customs");

  /* One with participants cannot go. */
  {
    g_autoptr(FuCommand) refused =
      fu_command_new_delete_administration (fu_test_lookup_administration (f->store, "Fiji"));
    g_autofree char *before = dump (f);
    g_autofree char *after = NULL;

    g_assert_false (fu_command_apply (refused, f->store, &error));
    g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
    after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_imports (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *workshops = write_file (f, "workshops.csv",
    "code,title,start_date,end_date,host_administration\n"
    "2018-AEO,WCO Regional Workshop on AEO,2018-04-02,2018-04-06,Japan\n");
  g_autofree char *participants = write_file (f, "participants.csv",
    "workshop_code,name,administration,email\n"
    "2016-NII,Ana Lopez,Philippines,ana.lopez@customs-ph.example\n"
    "2016-NII,Michael Clarke,Australia,michael.clarke@customs-au.example\n");
  g_autofree char *responses = write_file (f, "responses.csv",
    "workshop_code,email,received_date,shared_materials,colleagues_shared,direct_effects,"
    "direct_effects_text\n"
    "2016-NII,ana.lopez@customs-ph.example,2017-04-02,yes,3,yes,\"Two\nlines\"\n");
  g_autoptr(FuCommand) people = NULL;
  g_autoptr(GError) error = NULL;

  check_command (f, fu_command_new_import_file (FU_IMPORT_WORKSHOPS, workshops, 0),
                 "Imported workshops.csv: 1 workshop");
  check_command (f, fu_command_new_import_file (FU_IMPORT_PARTICIPANTS, participants, 0),
                 "Imported participants.csv: 1 participant, 2 attendances");

  people = fu_command_new_import_file (FU_IMPORT_PARTICIPANTS, participants, 0);
  g_assert_true (fu_command_apply (people, f->store, &error));
  g_assert_no_error (error);
  check_command (f, fu_command_new_import_file (FU_IMPORT_RESPONSES, responses, 0),
                 "Imported responses.csv: 1 reply");
}

static void
test_followups (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) overdue = followups (f, NULL, FU_STATUS_OVERDUE);
  g_autoptr(GArray) closed = NULL;
  g_autoptr(FuCommand) close = NULL;
  g_autoptr(GError) error = NULL;
  FuDay day = fu_day_new (2018, 1, 15);

  g_assert_cmpuint (overdue->len, >, 2);
  check_command (f, fu_command_new_mark_reminded (workshop_id (f, "2016-NII"), day), NULL);
  check_command (f, fu_command_new_mark_followups_reminded ((gint64 *) overdue->data,
                                                            overdue->len, day),
                 NULL);
  check_command (f, fu_command_new_close_followups ((gint64 *) overdue->data, 2, day, "Left"),
                 "Closed 2 follow-ups on 15 Jan 2018");

  close = fu_command_new_close_followups ((gint64 *) overdue->data, 2, day, "Left");
  g_assert_true (fu_command_apply (close, f->store, &error));
  closed = followups (f, NULL, FU_STATUS_CLOSED);
  g_assert_cmpuint (closed->len, ==, 2);
  check_command (f, fu_command_new_reopen_followups ((gint64 *) closed->data, closed->len),
                 "Reopened 2 follow-ups");
}

static void
test_followups_sent (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuParticipant) person = fu_participant_new ();
  g_autoptr(FuCommand) add = NULL;
  g_autoptr(FuCommand) join = NULL;
  g_autoptr(GArray) to_send = NULL;
  g_autoptr(GError) error = NULL;

  workshop->code = g_strdup ("2017-NEW");
  workshop->title = g_strdup ("Newer");
  workshop->start_date = fu_day_new (2017, 5, 1);
  add = fu_command_new_add_workshop (workshop);
  g_assert_true (fu_command_apply (add, f->store, &error));
  person->name = g_strdup ("Ana Lopez");
  person->administration_id = fu_test_lookup_administration (f->store, "Philippines");
  join = fu_command_new_add_participant (person, fu_command_get_new_id (add));
  g_assert_true (fu_command_apply (join, f->store, &error));
  g_assert_no_error (error);

  check_command (f, fu_command_new_mark_sent (fu_command_get_new_id (add),
                                              fu_day_new (2018, 1, 8)),
                 "Marked 1 questionnaire of 2017-NEW as sent on 8 Jan 2018");

  to_send = followups (f, "2017-NEW", FU_STATUS_TO_SEND);
  g_assert_cmpuint (to_send->len, ==, 1);
  check_command (f, fu_command_new_mark_followups_sent ((gint64 *) to_send->data, 1,
                                                        fu_day_new (2018, 1, 8)),
                 "Marked 1 questionnaire as sent on 8 Jan 2018");
}

static void
test_replies (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) overdue = followups (f, "2016-NII", FU_STATUS_OVERDUE);
  g_autoptr(GArray) replied = followups (f, "2016-NII", FU_STATUS_REPLIED);
  g_autoptr(FuReply) reply = fu_reply_new ();
  g_autoptr(FuReply) existing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 followup_id;

  g_assert_cmpuint (overdue->len, >, 0);
  g_assert_cmpuint (replied->len, >, 0);
  reply->followup_id = g_array_index (overdue, gint64, 0);
  reply->received_date = fu_day_new (2018, 1, 14);
  reply->actions[FU_ACTION_SHARED_MATERIALS] = TRUE;
  reply->colleagues_shared = 5;
  reply->direct_effects = FU_ANSWER_YES;
  reply->direct_effects_text = g_strdup ("Fewer containers opened");
  check_command (f, fu_command_new_save_reply (reply, FALSE), NULL);

  followup_id = g_array_index (replied, gint64, 0);
  existing = fu_store_get_reply (f->store, followup_id, &error);
  g_assert_no_error (error);
  existing->project_initiated = FU_ANSWER_YES;
  existing->project_text = g_strdup ("A risk-management project");
  check_command (f, fu_command_new_save_reply (existing, TRUE), NULL);
  check_command (f, fu_command_new_delete_reply (followup_id), NULL);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  FuRules rules;

  fu_store_get_rules (f->store, &rules);
  rules.reply_days = 45;
  rules.fiscal_year_start_month = 1;
  check_command (f, fu_command_new_set_rules (&rules), "Changed the follow-up schedule");
  check_command (f, fu_command_new_set_office_name ("ROCB A/P, Bangkok"),
                 "Changed the office's name to ROCB A/P, Bangkok");
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  check_command (f, fu_command_new_load_sample (), "Loaded the FY2016/17 sample data");
}

/* A command that changes nothing leaves no entry to undo. */
static void
test_nothing_changed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FuCommand) first = fu_command_new_mark_sent (workshop_id (f, "2016-NII"),
                                                         fu_day_new (2018, 1, 15));
  g_autoptr(GError) error = NULL;
  gint64 last = fu_store_audit_last_id (f->store, &error);

  g_assert_true (fu_command_apply (first, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fu_command_get_entry_id (first), ==, 0);
  g_assert_true (fu_change_set_is_empty (fu_command_get_changes (first)));
  g_assert_cmpint (fu_store_audit_last_id (f->store, &error), ==, last);
}

/* An undo that can no longer apply says so, and changes nothing. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(FuCommand) first = NULL;
  g_autoptr(FuCommand) second = NULL;
  g_autoptr(FuCommand) undo = NULL;
  g_autoptr(FuCommand) person = NULL;
  g_autoptr(FuCommand) undo_add = NULL;
  g_autoptr(FuParticipant) ana = fu_participant_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 nii = workshop_id (f, "2016-NII");

  workshop = fu_store_get_workshop (f->store, nii, &error);
  g_free (workshop->title);
  workshop->title = g_strdup ("First title");
  first = fu_command_new_edit_workshop (workshop);
  g_assert_true (fu_command_apply (first, f->store, &error));
  g_free (workshop->title);
  workshop->title = g_strdup ("Second title");
  second = fu_command_new_edit_workshop (workshop);
  g_assert_true (fu_command_apply (second, f->store, &error));

  before = dump (f);
  undo = fu_command_new_revert (fu_command_get_entry_id (first));
  g_assert_false (fu_command_apply (undo, f->store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "2016-NII"));
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Adding someone, then giving them an attendance elsewhere: undoing the add would take
   * the attendance with it. */
  ana->name = g_strdup ("Ana Lopez");
  ana->administration_id = fu_test_lookup_administration (f->store, "Philippines");
  person = fu_command_new_add_participant (ana, 0);
  g_assert_true (fu_command_apply (person, f->store, &error));
  g_assert_true (fu_store_add_attendance (f->store, nii, fu_command_get_new_id (person),
                                          &error) > 0);
  g_clear_pointer (&before, g_free);
  before = dump (f);
  undo_add = fu_command_new_revert (fu_command_get_entry_id (person));
  g_assert_false (fu_command_apply (undo_add, f->store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
}

/* FuHistory: many levels of undo and redo, a new change clears redo, and each step is
 * announced with the records it touched. */
static void
on_changed (FuHistory   *history,
            FuChangeSet *changes,
            gpointer     user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, fu_change_set_ref (changes));
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FuHistory) history = fu_history_new (f->store);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_change_set_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = dump (f);
  g_autofree char *sentence = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  gint64 nii = workshop_id (f, "2016-NII");

  g_signal_connect (history, "changed", G_CALLBACK (on_changed), seen);
  g_assert_false (fu_history_get_can_undo (history));

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(FuWorkshop) workshop = fu_store_get_workshop (f->store, nii, &error);
      g_autoptr(FuCommand) command = NULL;

      g_free (workshop->notes);
      workshop->notes = g_strdup_printf ("Note %u", i);
      command = fu_command_new_edit_workshop (workshop);
      g_assert_true (fu_history_run (history, command, &error));
      g_assert_no_error (error);
      g_ptr_array_add (states, dump (f));
    }
  g_assert_cmpuint (seen->len, ==, 10);
  g_assert_true (fu_change_set_contains (g_ptr_array_index (seen, 0), FU_RECORD_WORKSHOP, nii));
  g_assert_false (fu_change_set_touches (g_ptr_array_index (seen, 0), FU_RECORD_PARTICIPANT));
  g_assert_cmpstr (fu_history_get_undo_sentence (history), ==, "Edited workshop 2016-NII");

  for (guint i = 10; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (fu_history_undo (history, &sentence, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sentence, ==, "Undid: Edited workshop 2016-NII");
      g_clear_pointer (&sentence, g_free);
      now = dump (f);
      g_assert_cmpstr (now, ==, i > 1 ? g_ptr_array_index (states, i - 2) : start);
    }
  g_assert_false (fu_history_get_can_undo (history));
  g_assert_false (fu_history_undo (history, NULL, &error));
  g_clear_error (&error);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (fu_history_redo (history, &sentence, &error));
      g_assert_cmpstr (sentence, ==, "Redid: Edited workshop 2016-NII");
      g_clear_pointer (&sentence, g_free);
      now = dump (f);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_true (fu_history_get_can_redo (history));
  g_assert_cmpuint (seen->len, ==, 25);

  /* A new change: redo is gone, undo goes on from it. */
  {
    g_autoptr(FuCommand) command = fu_command_new_mark_reminded (workshop_id (f, "2016-NII"),
                                                                 fu_day_new (2018, 1, 15));

    g_assert_true (fu_history_run (history, command, &error));
    g_assert_false (fu_history_get_can_redo (history));
    g_assert_true (fu_change_set_touches (fu_command_get_changes (command), FU_RECORD_REMINDER));
  }
}

/* Another connection's change is seen, with its ids. */
static void
test_poll (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(FuHistory) history = fu_history_new (f->store);
  g_autoptr(FuStore) other = fu_test_open_store (f->path);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_change_set_unref);
  g_autoptr(FuCommand) command = fu_command_new_mark_reminded (workshop_id (f, "2016-NII"),
                                                               fu_day_new (2018, 1, 15));
  g_autoptr(GError) error = NULL;
  gboolean polled = FALSE;

  g_signal_connect (history, "changed", G_CALLBACK (on_changed), seen);
  g_assert_false (fu_history_poll (history));
  g_assert_true (fu_command_apply (command, other, &error));
  g_assert_no_error (error);
  /* A file says so at once; a team database's announcement takes a moment to arrive. */
  for (guint i = 0; i < 40 && !polled; i++)
    {
      polled = fu_history_poll (history);
      if (!polled)
        g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_true (polled);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_false (fu_change_set_is_all (g_ptr_array_index (seen, 0)));
  g_assert_true (fu_change_set_touches (g_ptr_array_index (seen, 0), FU_RECORD_REMINDER));
  g_assert_false (fu_history_poll (history));
}

/* The log lists a workshop's and a person's own entries. */
static void
test_entries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FuCommand) mark = fu_command_new_mark_reminded (workshop_id (f, "2016-NII"),
                                                            fu_day_new (2018, 1, 15));
  g_autoptr(GPtrArray) val = NULL;
  g_autoptr(GPtrArray) nii = NULL;
  g_autoptr(GPtrArray) searched = NULL;
  g_autoptr(GError) error = NULL;
  FuAuditQuery query = { 0 };

  g_assert_true (fu_command_apply (mark, f->store, &error));
  query.workshop_id = workshop_id (f, "2016-NII");
  val = fu_store_list_audit_entries (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (val->len, ==, 2);   /* the sample, then the reminders */
  g_assert_cmpstr (((FuAuditEntry *) g_ptr_array_index (val, 0))->kind, ==, "mark-reminded");

  query.workshop_id = workshop_id (f, "2017-CV");
  nii = fu_store_list_audit_entries (f->store, &query, &error);
  g_assert_cmpuint (nii->len, ==, 1);

  /* A person's own: the sample, which added them, and the reminders to them. */
  {
    g_autoptr(GPtrArray) person = NULL;
    /* Reminded after their deadline, they have a new one and await a reply again. */
    g_autoptr(GArray) overdue = followups (f, "2016-NII", FU_STATUS_AWAITING_REPLY);
    g_autoptr(FuFollowupRow) row = fu_store_get_followup (f->store,
                                                          g_array_index (overdue, gint64, 0),
                                                          fu_day_new (2018, 1, 15), &error);

    memset (&query, 0, sizeof query);
    query.participant_id = row->participant_id;
    person = fu_store_list_audit_entries (f->store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (person->len, ==, 2);
    query.participant_id = participant_id (f, "michael.clarke@customs-au.example");
    g_clear_pointer (&person, g_ptr_array_unref);
    person = fu_store_list_audit_entries (f->store, &query, &error);
    g_assert_cmpuint (person->len, ==, 1);
  }

  memset (&query, 0, sizeof query);
  query.search = "reminder";
  searched = fu_store_list_audit_entries (f->store, &query, &error);
  g_assert_cmpuint (searched->len, ==, 1);
}

/* A colleague (another connection) changed the workshop since it was read: the edit says who
 * and when and writes nothing; based on their version it goes through. */
static void
test_edit_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FuStore) other = fu_test_open_store (f->path);
  g_autoptr(FuWorkshop) theirs = NULL;
  g_autoptr(FuWorkshop) mine = NULL;
  g_autoptr(FuWorkshop) now = NULL;
  g_autoptr(FuCommand) first = NULL;
  g_autoptr(FuCommand) second = NULL;
  g_autoptr(FuCommand) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = workshop_id (f, "2016-NII");
  gint64 read = fu_store_row_version (f->store, FU_RECORD_WORKSHOP, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (read, >, 0);
  fu_store_set_author (other, "Ana Lopez");
  theirs = fu_store_get_workshop (other, id, &error);
  mine = fu_store_get_workshop (f->store, id, &error);

  g_free (theirs->venue);
  theirs->venue = g_strdup ("Bangkok");
  first = fu_command_new_edit_workshop (theirs);
  fu_command_set_based_on (first, read);
  g_assert_true (fu_command_apply (first, other, &error));
  g_assert_no_error (error);

  g_free (mine->notes);
  mine->notes = g_strdup ("Rescheduled");
  second = fu_command_new_edit_workshop (mine);
  fu_command_set_based_on (second, read);
  g_assert_false (fu_command_apply (second, f->store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ana Lopez changed this workshop at "));
  g_clear_error (&error);
  now = fu_store_get_workshop (f->store, id, &error);
  g_assert_cmpstr (now->venue, ==, "Bangkok");
  g_assert_null (now->notes);

  third = fu_command_new_edit_workshop (mine);
  fu_command_set_based_on (third, fu_store_row_version (f->store, FU_RECORD_WORKSHOP, id, NULL));
  g_assert_true (fu_command_apply (third, f->store, &error));
  g_assert_no_error (error);

  /* A person too. */
  {
    gint64 person = participant_id (f, "michael.clarke@customs-au.example");
    gint64 version = fu_store_row_version (f->store, FU_RECORD_PARTICIPANT, person, &error);
    g_autoptr(FuParticipant) theirs_p = fu_store_get_participant (other, person, &error);
    g_autoptr(FuParticipant) mine_p = fu_store_get_participant (f->store, person, &error);
    g_autoptr(FuCommand) edit = NULL;
    g_autoptr(FuCommand) crossing = NULL;

    g_free (theirs_p->position);
    theirs_p->position = g_strdup ("Director");
    edit = fu_command_new_edit_participant (theirs_p);
    fu_command_set_based_on (edit, version);
    g_assert_true (fu_command_apply (edit, other, &error));
    g_free (mine_p->gender);
    mine_p->gender = g_strdup ("male");
    crossing = fu_command_new_edit_participant (mine_p);
    fu_command_set_based_on (crossing, version);
    g_assert_false (fu_command_apply (crossing, f->store, &error));
    g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "Ana Lopez changed this participant at "));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

#define ADD(path, func) \
  g_test_add ("/core/command/" path, Fixture, "sample", fixture_set_up, func, fixture_tear_down)
  ADD ("workshops", test_workshops);
  ADD ("people", test_people);
  ADD ("merge", test_merge);
  ADD ("administrations", test_administrations);
  ADD ("imports", test_imports);
  ADD ("followups", test_followups);
  ADD ("followups-sent", test_followups_sent);
  ADD ("replies", test_replies);
  ADD ("settings", test_settings);
  ADD ("nothing-changed", test_nothing_changed);
  ADD ("conflict", test_conflict);
  ADD ("edit-conflict", test_edit_conflict);
  ADD ("history", test_history);
  ADD ("poll", test_poll);
  ADD ("entries", test_entries);
#undef ADD
  g_test_add ("/core/command/sample", Fixture, NULL, fixture_set_up, test_sample,
              fixture_tear_down);

  return g_test_run ();
}
