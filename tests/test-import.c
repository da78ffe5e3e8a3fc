/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-import.h"
#include "fu-store.h"
#include "fu-test-util.h"

/* A database in a temporary folder, so that a test can read it back with SQLite itself. */
typedef FuTestFixture Fixture;

static const char *
display_name_of (FuImportKind kind)
{
  switch (kind)
    {
    case FU_IMPORT_WORKSHOPS:
      return "workshops.csv";
    case FU_IMPORT_PARTICIPANTS:
      return "participants.csv";
    case FU_IMPORT_RESPONSES:
      return "responses.csv";
    default:
      g_assert_not_reached ();
    }
}

static FuImportResult *
import_ok (FuStore      *store,
           FuImportKind  kind,
           FuImportFlags flags,
           const char   *csv)
{
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = fu_import_data (store, kind, display_name_of (kind), csv, strlen (csv), flags, &result,
                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_issues, ==, 0);
  g_assert_cmpuint (result->issues->len, ==, 0);
  return g_steal_pointer (&result);
}

/* Every row of every table, the audit log included: two dumps are equal when nothing
 * changed. */
static char *
dump_database (Fixture *fixture)
{
  static const char * const tables[] = {
    "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
    "settings", "audit_entry", "audit_change", NULL
  };

  return fu_test_dump_tables (fixture->path, tables);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fu_test_fixture_open (fixture, "test-import-XXXXXX", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The test leaves nothing behind. */
  g_assert_true (fu_test_fixture_close (fixture));
}

static FuWorkshop *
get_workshop (FuStore    *store,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  FuWorkshop *workshop;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_workshop (store, code, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  workshop = fu_store_get_workshop (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workshop);
  return workshop;
}

static gint64
participant_id (FuStore    *store,
                const char *email,
                const char *name,
                const char *administration)
{
  g_autoptr(GError) error = NULL;
  gint64 administration_id = 0;
  gint64 id = 0;

  if (administration != NULL)
    administration_id = fu_test_lookup_administration (store, administration);
  g_assert_true (fu_store_lookup_participant (store, email, name, administration_id, &id,
                                              &error));
  g_assert_no_error (error);
  return id;
}

/* The follow-ups of a workshop, as of a day long after every date in these tests. */
static guint
count_followups (FuStore    *store,
                 const char *code)
{
  g_autoptr(FuWorkshop) workshop = get_workshop (store, code);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0, };

  query.as_of = fu_day_new (2099, 1, 1);
  query.workshop_id = workshop->id;
  rows = fu_store_list_followups (store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows->len;
}

/* The reply @email gave to workshop @code, or NULL. */
static FuReply *
get_reply (FuStore    *store,
           const char *code,
           const char *email)
{
  g_autoptr(FuWorkshop) workshop = get_workshop (store, code);
  g_autoptr(GError) error = NULL;
  gint64 person = participant_id (store, email, NULL, NULL);
  gint64 attendance = 0;
  gint64 followup = 0;
  FuReply *reply;

  g_assert_cmpint (person, !=, 0);
  g_assert_true (fu_store_lookup_attendance (store, workshop->id, person, &attendance, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attendance, !=, 0);
  g_assert_true (fu_store_lookup_followup (store, attendance, &followup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (followup, !=, 0);
  reply = fu_store_get_reply (store, followup, &error);
  g_assert_no_error (error);
  return reply;
}

/* ---- A database to break ---------------------------------------------------------------- */

static const char prepared_workshops[] =
  "code,title,kind,start_date,end_date,venue,host_administration,surveyed\n"
  "2016-NII,Non-Intrusive Inspection,regional,2016-09-05,2016-09-09,Seoul,Korea,yes\n"
  "2017-ACC,Accreditation of Experts,national,2017-01-10,2017-01-12,Brussels,,no\n"
  "2017-PCA,Post-Clearance Audit,sub-regional,2017-03-06,2017-03-10,Bangkok,Thailand,yes\n";

static const char prepared_participants[] =
  "workshop_code,name,administration,email,position,gender\n"
  "2016-NII,Ana Lima,Cambodia,ana@x.org,Officer,F\n"
  "2016-NII,Bo Chen,China,,Inspector,M\n"
  "2017-PCA,Ana Lima,Cambodia,ana@x.org,Officer,F\n"
  "2017-PCA,Chanthy Sok,Cambodia,chanthy@kh.gov,Auditor,\n"
  "2017-ACC,Dawa Tshering,Bhutan,dawa@bt.gov,,\n";

static const char prepared_responses[] =
  "workshop_code,email,received_date,shared_materials,colleagues_shared,lessons_use\n"
  "2016-NII,ana@x.org,2017-03-20,yes,4,Shared the scanning procedures\n";

static void
prepared_set_up (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FuImportResult) workshops = NULL;
  g_autoptr(FuImportResult) participants = NULL;
  g_autoptr(FuImportResult) responses = NULL;

  fixture_set_up (fixture, data);
  workshops = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0, prepared_workshops);
  g_assert_cmpuint (workshops->workshops_added, ==, 3);
  participants = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0, prepared_participants);
  g_assert_cmpuint (participants->attendances_added, ==, 5);
  responses = import_ok (fixture->store, FU_IMPORT_RESPONSES, 0, prepared_responses);
  g_assert_cmpuint (responses->replies_added, ==, 1);
}

/* ---- Good files -------------------------------------------------------------------------- */

static void
test_workshops (Fixture       *fixture,
                gconstpointer  data)
{
  /* A byte-order mark, CRLF, the columns in another order, a title with a comma and one on
   * two lines, header names in capitals, a formula guard from an export, and the empty rows
   * a spreadsheet leaves below the data. */
  static const char csv[] =
    "\xEF\xBB\xBF" "Start_Date,code,title,surveyed,HOST_ADMINISTRATION,venue,end_date,kind,"
    "co_organizer,notes\r\n"
    "2016-09-05, 2016-NII ,\"Non-Intrusive Inspection, Phase II\",yes,korea,Seoul,"
    "2016-09-09,regional,,\r\n"
    "2016-11-14,2016-PCA,\"Post-Clearance Audit (advanced)\",Y,Thailand,Bangkok,,"
    "sub-regional,UNESCAP,'=held twice\r\n"
    "2017-01-10,2017-ACC,Accreditation of Experts,no,,,2017-01-12,national,,\r\n"
    "2017-02-01,2017-TTT,Trainers,,,,,,,\r\n"
    ",,,,,,,,,\r\n"
    " , ,,,,,,,,\r\n";
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuImportResult) again = NULL;
  g_autoptr(FuWorkshop) nii = NULL;
  g_autoptr(FuWorkshop) pca = NULL;
  g_autoptr(FuWorkshop) acc = NULL;
  g_autoptr(FuWorkshop) ttt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  result = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0, csv);
  g_assert_cmpuint (result->kind, ==, FU_IMPORT_WORKSHOPS);
  g_assert_cmpuint (result->rows, ==, 4);
  g_assert_cmpuint (result->workshops_added, ==, 4);
  g_assert_cmpuint (result->unchanged, ==, 0);
  g_assert_cmpuint (result->administrations_added, ==, 0);

  nii = get_workshop (fixture->store, "2016-NII");
  g_assert_cmpstr (nii->title, ==, "Non-Intrusive Inspection, Phase II");
  g_assert_cmpint (nii->kind, ==, FU_WORKSHOP_KIND_REGIONAL);
  g_assert_cmpuint (nii->start_date, ==, fu_day_new (2016, 9, 5));
  g_assert_cmpuint (nii->end_date, ==, fu_day_new (2016, 9, 9));
  g_assert_cmpstr (nii->venue, ==, "Seoul");
  g_assert_cmpint (nii->host_administration_id, ==,
                   fu_test_lookup_administration (fixture->store, "Korea"));
  g_assert_true (nii->surveyed);
  g_assert_true (nii->notes == NULL || nii->notes[0] == '\0');

  pca = get_workshop (fixture->store, "2016-PCA");
  g_assert_cmpstr (pca->title, ==, "Post-Clearance Audit (advanced)");
  g_assert_cmpint (pca->kind, ==, FU_WORKSHOP_KIND_SUB_REGIONAL);
  /* No end date: a one-day workshop. */
  g_assert_cmpuint (pca->end_date, ==, fu_day_new (2016, 11, 14));
  g_assert_cmpstr (pca->co_organizer, ==, "UNESCAP");
  g_assert_cmpstr (pca->notes, ==, "=held twice");
  g_assert_true (pca->surveyed);

  acc = get_workshop (fixture->store, "2017-ACC");
  g_assert_false (acc->surveyed);
  g_assert_cmpint (acc->kind, ==, FU_WORKSHOP_KIND_NATIONAL);
  g_assert_cmpint (acc->host_administration_id, ==, 0);

  /* Blank kind and surveyed take the defaults. */
  ttt = get_workshop (fixture->store, "2017-TTT");
  g_assert_cmpint (ttt->kind, ==, FU_WORKSHOP_KIND_REGIONAL);
  g_assert_true (ttt->surveyed);

  /* The same file again is fine and changes nothing. */
  before = dump_database (fixture);
  again = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0, csv);
  g_assert_cmpuint (again->rows, ==, 4);
  g_assert_cmpuint (again->workshops_added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 4);
  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char workshops[] =
    "code,title,start_date,surveyed\n"
    "2016-NII,Non-Intrusive Inspection,2016-09-05,yes\n"
    "2017-PCA,Post-Clearance Audit,2017-03-06,yes\n"
    "2017-ACC,Accreditation,2017-04-03,no\n";
  /* Ana comes twice, known by her e-mail whatever its case; Bo has no e-mail and is known
   * by name and administration; Chanthy is listed twice for one workshop. The header ends
   * in an empty column, as spreadsheets leave them. */
  static const char csv[] =
    "email,Name,administration,workshop_code,position,gender,\r\n"
    "ana@x.org,Ana Lima,Cambodia,2016-NII,Officer,F\r\n"
    " Bo@China.gov.cn ,Bo Chen,CHINA,2016-NII,,M\r\n"
    ",Kim Lee,korea,2016-NII,\"Director, Risk Management\",\r\n"
    "ANA@X.ORG,Ana Lima,cambodia,2017-PCA,Senior Officer,F\r\n"
    "chanthy@kh.gov,Chanthy Sok,Cambodia,2017-PCA,,\r\n"
    "chanthy@kh.gov,Chanthy Sok,Cambodia,2017-PCA,,\r\n"
    ",Kim Lee,Korea,2017-ACC,,\r\n";
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuImportResult) again = NULL;
  g_autoptr(FuParticipant) ana = NULL;
  g_autoptr(FuParticipant) kim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ana_id;
  gint64 kim_id;

  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0, workshops);
  result = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0, csv);
  g_assert_cmpuint (result->rows, ==, 7);
  g_assert_cmpuint (result->participants_added, ==, 4);
  g_assert_cmpuint (result->attendances_added, ==, 6);
  g_assert_cmpuint (result->unchanged, ==, 1);
  g_assert_cmpuint (result->administrations_added, ==, 0);

  /* One Ana, at two workshops, with what the file said of her the first time. */
  ana_id = participant_id (fixture->store, "ana@x.org", NULL, NULL);
  g_assert_cmpint (ana_id, !=, 0);
  g_assert_cmpint (participant_id (fixture->store, "Ana@X.Org", NULL, NULL), ==, ana_id);
  ana = fu_store_get_participant (fixture->store, ana_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ana->name, ==, "Ana Lima");
  g_assert_cmpint (ana->administration_id, ==,
                   fu_test_lookup_administration (fixture->store, "Cambodia"));
  g_assert_cmpstr (ana->position, ==, "Officer");
  g_assert_cmpstr (ana->gender, ==, "F");

  kim_id = participant_id (fixture->store, NULL, "Kim Lee", "Korea");
  g_assert_cmpint (kim_id, !=, 0);
  kim = fu_store_get_participant (fixture->store, kim_id, &error);
  g_assert_no_error (error);
  g_assert_true (kim->email == NULL || kim->email[0] == '\0');
  g_assert_cmpstr (kim->position, ==, "Director, Risk Management");

  g_assert_cmpint (participant_id (fixture->store, "bo@china.gov.cn", NULL, NULL), !=, 0);

  /* Follow-ups for the surveyed workshops only; Chanthy counted once. */
  g_assert_cmpuint (count_followups (fixture->store, "2016-NII"), ==, 3);
  g_assert_cmpuint (count_followups (fixture->store, "2017-PCA"), ==, 2);
  g_assert_cmpuint (count_followups (fixture->store, "2017-ACC"), ==, 0);

  /* The same attendance list twice adds nobody twice. */
  before = dump_database (fixture);
  again = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0, csv);
  g_assert_cmpuint (again->rows, ==, 7);
  g_assert_cmpuint (again->participants_added, ==, 0);
  g_assert_cmpuint (again->attendances_added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 7);
  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* A person first listed without an e-mail is the same person when a later list has one. */
static void
test_participants_email_later (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) first = NULL;
  g_autoptr(FuImportResult) second = NULL;
  gint64 id;

  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0,
                 "code,title,start_date\n"
                 "A,First,2016-09-05\n"
                 "B,Second,2017-03-06\n");
  first = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0,
                     "workshop_code,name,administration\n"
                     "A,Ana Lima,Cambodia\n");
  g_assert_cmpuint (first->participants_added, ==, 1);
  id = participant_id (fixture->store, NULL, "Ana Lima", "Cambodia");
  g_assert_cmpint (id, !=, 0);

  second = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0,
                      "workshop_code,name,administration,email\n"
                      "B,ana lima,Cambodia,ana@x.org\n");
  g_assert_cmpuint (second->participants_added, ==, 0);
  g_assert_cmpuint (second->attendances_added, ==, 1);
  g_assert_cmpint (participant_id (fixture->store, "ana@x.org", NULL, NULL), ==, id);
}

/* One list that names the same people several ways: each row is read as if the rows before
 * it were written already, though the list is looked up and written at once. */
static void
test_participants_within_one_list (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const FuImportOutcome expected[] = {
    FU_IMPORT_ROW_NEW,         /* Ana, no e-mail yet */
    FU_IMPORT_ROW_KNOWN,       /* Ana again, with her e-mail: given to her */
    FU_IMPORT_ROW_NEW,         /* another Ana Lima, with another e-mail */
    FU_IMPORT_ROW_UNCHANGED,   /* Ana by e-mail, at B already */
    FU_IMPORT_ROW_UNCHANGED,   /* Old Person, given an e-mail, at A already */
    FU_IMPORT_ROW_KNOWN,       /* Old Person by that e-mail, at B */
    FU_IMPORT_ROW_UNCHANGED,   /* Ana by name: the first one, at A already */
    FU_IMPORT_ROW_NEW,         /* another Cara Diaz: the one at A has another e-mail */
  };
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) before = NULL;
  g_autoptr(FuImportResult) result = NULL;
  gint64 old_id, ana_id, other_id;

  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0,
                 "code,title,start_date\n"
                 "A,First,2016-09-05\n"
                 "B,Second,2017-03-06\n");
  before = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0,
                      "workshop_code,name,administration,email\n"
                      "A,Old Person,Cambodia,\n"
                      "A,Cara Diaz,Cambodia,cara@x.org\n");
  old_id = participant_id (fixture->store, NULL, "Old Person", "Cambodia");

  result = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0,
                      "workshop_code,name,administration,email\n"
                      "A,Ana Lima,Cambodia,\n"
                      "B,ANA LIMA,Cambodia,ana@x.org\n"
                      "A,Ana Lima,Cambodia,other@x.org\n"
                      "B,ana lima,Cambodia,ANA@X.ORG\n"
                      "A,old person,Cambodia,old@x.org\n"
                      "B,Someone Else,Cambodia,OLD@x.org\n"
                      "A,Ana Lima,Cambodia,\n"
                      "A,Cara Diaz,Cambodia,cara.two@x.org\n");
  g_assert_cmpuint (result->participants_added, ==, 3);
  g_assert_cmpuint (result->attendances_added, ==, 5);
  g_assert_cmpuint (result->unchanged, ==, 3);
  g_assert_cmpuint (result->row_outcomes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (((FuImportRow *) g_ptr_array_index (result->row_outcomes, i))->outcome, ==,
                     expected[i]);

  ana_id = participant_id (fixture->store, "ana@x.org", NULL, NULL);
  other_id = participant_id (fixture->store, "other@x.org", NULL, NULL);
  g_assert_cmpint (ana_id, !=, 0);
  g_assert_cmpint (other_id, !=, 0);
  g_assert_cmpint (ana_id, <, other_id);
  g_assert_cmpint (participant_id (fixture->store, NULL, "Ana Lima", "Cambodia"), ==, ana_id);
  g_assert_cmpint (participant_id (fixture->store, "old@x.org", NULL, NULL), ==, old_id);
  g_assert_cmpint (participant_id (fixture->store, "cara.two@x.org", NULL, NULL), >,
                   participant_id (fixture->store, "cara@x.org", NULL, NULL));
  /* Every attendance has its follow-up: A had Old Person and Cara before, and now the two
   * Anas and the second Cara; B has Ana and Old Person. */
  g_assert_cmpuint (count_followups (fixture->store, "A"), ==, 5);
  g_assert_cmpuint (count_followups (fixture->store, "B"), ==, 2);
}

static void
test_add_administrations (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char csv[] =
    "workshop_code,name,administration\n"
    "A,Jean Dupont,Atlantis Customs\n"
    "A,Marie Curie,atlantis customs\n";
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuAdministration) added = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0,
                 "code,title,start_date\nA,First,2016-09-05\n");
  result = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, FU_IMPORT_ADD_ADMINISTRATIONS,
                      csv);
  g_assert_cmpuint (result->administrations_added, ==, 1);
  g_assert_cmpuint (result->participants_added, ==, 2);

  id = fu_test_lookup_administration (fixture->store, "Atlantis Customs");
  added = fu_store_get_administration (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->name, ==, "Atlantis Customs");
  g_assert_false (added->member);
}

static const char good_responses[] =
  "workshop_code,name,administration,email,received_date,answered_by,shared_materials,"
  "colleagues_shared,submitted_report,made_recommendations,inhouse_workshop,"
  "developed_manuals,other_action,other_action_text,colleagues_learned,lessons_use,"
  "direct_effects,direct_effects_text,contributed,contributed_text,project_initiated,"
  "project_text\r\n"
  /* By e-mail, with the name and administration an export writes too. */
  "2017-PCA,Ana Lima,Cambodia,ana@x.org,2017-09-15,,Yes,12,y,TRUE,1,,no,,8,"
  "\"Audits now sample by risk,\nnot at random\",yes,'=3 seizures,N,,,\r\n"
  /* By name and administration. */
  "2016-NII,Bo Chen,china,,2017-04-02,His director,,,,,,yes,yes,Briefed the minister,,"
  "'-,,,yes,Faster clearance,no,No budget\r\n";

static void
test_responses (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuImportResult) again = NULL;
  g_autoptr(FuReply) ana = NULL;
  g_autoptr(FuReply) bo = NULL;
  g_autoptr(FuReply) chanthy = NULL;
  g_autoptr(FuWorkshop) nii = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 bo_id;
  gint64 attendance = 0;
  gint64 followup = 0;

  result = import_ok (fixture->store, FU_IMPORT_RESPONSES, 0, good_responses);
  g_assert_cmpuint (result->rows, ==, 2);
  g_assert_cmpuint (result->replies_added, ==, 2);
  g_assert_cmpuint (result->replies_replaced, ==, 0);
  g_assert_cmpuint (result->unchanged, ==, 0);

  ana = get_reply (fixture->store, "2017-PCA", "ana@x.org");
  g_assert_nonnull (ana);
  g_assert_cmpuint (ana->received_date, ==, fu_day_new (2017, 9, 15));
  g_assert_null (ana->answered_by);
  g_assert_true (ana->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_true (ana->actions[FU_ACTION_SUBMITTED_REPORT]);
  g_assert_true (ana->actions[FU_ACTION_MADE_RECOMMENDATIONS]);
  g_assert_true (ana->actions[FU_ACTION_INHOUSE_WORKSHOP]);
  g_assert_false (ana->actions[FU_ACTION_DEVELOPED_MANUALS]);
  g_assert_false (ana->actions[FU_ACTION_OTHER]);
  g_assert_cmpint (ana->colleagues_shared, ==, 12);
  g_assert_cmpint (ana->colleagues_learned, ==, 8);
  g_assert_cmpstr (ana->lessons_use, ==, "Audits now sample by risk,\nnot at random");
  g_assert_cmpint (ana->direct_effects, ==, FU_ANSWER_YES);
  g_assert_cmpstr (ana->direct_effects_text, ==, "=3 seizures");
  g_assert_cmpint (ana->contributed, ==, FU_ANSWER_NO);
  g_assert_cmpint (ana->project_initiated, ==, FU_ANSWER_UNANSWERED);

  /* Bo has no e-mail: reach his reply through name and administration. */
  nii = get_workshop (fixture->store, "2016-NII");
  bo_id = participant_id (fixture->store, NULL, "Bo Chen", "China");
  g_assert_true (fu_store_lookup_attendance (fixture->store, nii->id, bo_id, &attendance,
                                             &error));
  g_assert_true (fu_store_lookup_followup (fixture->store, attendance, &followup, &error));
  g_assert_no_error (error);
  bo = fu_store_get_reply (fixture->store, followup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bo);
  g_assert_cmpstr (bo->answered_by, ==, "His director");
  g_assert_false (bo->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_true (bo->actions[FU_ACTION_DEVELOPED_MANUALS]);
  g_assert_true (bo->actions[FU_ACTION_OTHER]);
  g_assert_cmpstr (bo->other_action_text, ==, "Briefed the minister");
  g_assert_cmpint (bo->colleagues_shared, ==, -1);
  g_assert_cmpint (bo->colleagues_learned, ==, -1);
  g_assert_cmpstr (bo->lessons_use, ==, "-");
  g_assert_cmpint (bo->direct_effects, ==, FU_ANSWER_UNANSWERED);
  g_assert_cmpint (bo->contributed, ==, FU_ANSWER_YES);
  g_assert_cmpstr (bo->contributed_text, ==, "Faster clearance");
  g_assert_cmpint (bo->project_initiated, ==, FU_ANSWER_NO);
  g_assert_cmpstr (bo->project_text, ==, "No budget");

  chanthy = get_reply (fixture->store, "2017-PCA", "chanthy@kh.gov");
  g_assert_null (chanthy);

  /* The same replies again are the same replies, not second ones. */
  before = dump_database (fixture);
  again = import_ok (fixture->store, FU_IMPORT_RESPONSES, 0, good_responses);
  g_assert_cmpuint (again->replies_added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 2);
  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  static const char csv[] =
    "workshop_code,email,received_date,shared_materials,colleagues_shared,lessons_use\n"
    "2016-NII,ana@x.org,2017-04-01,no,,Wrote a manual instead\n";
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuImportResult) refused = NULL;
  g_autoptr(FuReply) reply = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the flag the recorded reply stays. */
  g_assert_false (fu_import_data (fixture->store, FU_IMPORT_RESPONSES, "responses.csv", csv,
                                  strlen (csv), 0, &refused, &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  reply = get_reply (fixture->store, "2016-NII", "ana@x.org");
  g_assert_cmpuint (reply->received_date, ==, fu_day_new (2017, 3, 20));
  g_clear_pointer (&reply, fu_reply_free);

  result = import_ok (fixture->store, FU_IMPORT_RESPONSES, FU_IMPORT_REPLACE, csv);
  g_assert_cmpuint (result->replies_added, ==, 0);
  g_assert_cmpuint (result->replies_replaced, ==, 1);

  reply = get_reply (fixture->store, "2016-NII", "ana@x.org");
  g_assert_cmpuint (reply->received_date, ==, fu_day_new (2017, 4, 1));
  g_assert_false (reply->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_cmpint (reply->colleagues_shared, ==, -1);
  g_assert_cmpstr (reply->lessons_use, ==, "Wrote a manual instead");
}

/* The replies an export writes import back as they are. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FuImportResult) first = NULL;
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  first = import_ok (fixture->store, FU_IMPORT_RESPONSES, 0, good_responses);
  g_assert_true (fu_export_responses (fixture->store, FU_DAY_NONE, FU_DAY_NONE, FU_EXPORT_BOM,
                                      out, &error));
  g_assert_no_error (error);

  before = dump_database (fixture);
  result = import_ok (fixture->store, FU_IMPORT_RESPONSES, 0, out->str);
  g_assert_cmpuint (result->rows, ==, 3);
  g_assert_cmpuint (result->unchanged, ==, 3);
  g_assert_cmpuint (result->replies_added, ==, 0);
  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  static const char workshops[] =
    "code,title,start_date\n"
    "2017-RM,Risk Management,2017-05-08\n"
    "2016-NII,Non-Intrusive Inspection,2016-09-05\n";
  static const char participants[] =
    "workshop_code,name,administration,email\n"
    "2017-PCA,Nima Sherpa,Nepal,nima@np.gov\n"
    "2017-PCA,Ana Lima,Cambodia,ana@x.org\n"
    "2017-PCA,Sione Tui,Oceania Customs Organisation,\n";
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) p = NULL;
  g_autoptr(FuImportResult) r = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = dump_database (fixture);

  /* Counted as if written, and nothing written. */
  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, FU_IMPORT_DRY_RUN, workshops);
  g_assert_cmpuint (w->workshops_added, ==, 1);
  g_assert_cmpuint (w->unchanged, ==, 1);

  p = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS,
                 FU_IMPORT_DRY_RUN | FU_IMPORT_ADD_ADMINISTRATIONS, participants);
  g_assert_cmpuint (p->participants_added, ==, 2);
  g_assert_cmpuint (p->attendances_added, ==, 2);
  g_assert_cmpuint (p->unchanged, ==, 1);
  g_assert_cmpuint (p->administrations_added, ==, 1);

  r = import_ok (fixture->store, FU_IMPORT_RESPONSES, FU_IMPORT_DRY_RUN | FU_IMPORT_REPLACE,
                 "workshop_code,email,received_date\n"
                 "2016-NII,ana@x.org,2017-04-01\n"
                 "2017-PCA,chanthy@kh.gov,2017-09-01\n");
  g_assert_cmpuint (r->replies_added, ==, 1);
  g_assert_cmpuint (r->replies_replaced, ==, 1);

  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* A header and nothing else: nothing to import, which is not wrong. */
static void
test_header_only (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    FuImportKind  kind;
    const char   *csv;
  } cases[] = {
    { FU_IMPORT_WORKSHOPS, "code,title,start_date\n" },
    { FU_IMPORT_PARTICIPANTS, "\xEF\xBB\xBFworkshop_code,name,administration\r\n\r\n" },
    { FU_IMPORT_RESPONSES, "workshop_code,email,received_date" },
  };
  g_autofree char *before = dump_database (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FuImportResult) result = import_ok (fixture->store, cases[i].kind, 0,
                                                    cases[i].csv);

      g_assert_cmpuint (result->rows, ==, 0);
      g_assert_cmpuint (result->unchanged, ==, 0);
    }

  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere.csv", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "june-workshops.csv", NULL);
  g_autoptr(FuImportResult) bad = NULL;
  g_autoptr(FuImportResult) good = NULL;
  g_autoptr(GError) error = NULL;
  const FuImportIssue *issue;

  g_assert_false (fu_import_file (fixture->store, FU_IMPORT_WORKSHOPS, missing, 0, NULL,
                                  &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "nowhere.csv"));
  g_clear_error (&error);

  /* The file's name is what the messages show. */
  g_assert_true (g_file_set_contents (path, "code,title,start_date\nX,T,2017-13-01\n", -1,
                                      NULL));
  g_assert_false (fu_import_file (fixture->store, FU_IMPORT_WORKSHOPS, path, 0, &bad, &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "june-workshops.csv: 1 problem, nothing was imported:\n"
                                   "june-workshops.csv:2: column start_date: '2017-13-01'"));
  issue = g_ptr_array_index (bad->issues, 0);
  g_assert_cmpstr (issue->file, ==, "june-workshops.csv");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "code,title,start_date\nX,T,2017-12-01\n", -1,
                                      NULL));
  g_assert_true (fu_import_file (fixture->store, FU_IMPORT_WORKSHOPS, path, 0, &good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (good->workshops_added, ==, 1);
}

static void
test_issue_to_string (void)
{
  FuImportIssue issue = { (char *) "participants.csv", 14, (char *) "email",
                          (char *) "'ana@' is not an e-mail address" };
  g_autofree char *with_column = fu_import_issue_to_string (&issue);
  g_autofree char *without_column = NULL;
  g_autofree char *whole_file = NULL;

  g_assert_cmpstr (with_column, ==,
                   "participants.csv:14: column email: 'ana@' is not an e-mail address");
  issue.column = NULL;
  without_column = fu_import_issue_to_string (&issue);
  g_assert_cmpstr (without_column, ==, "participants.csv:14: 'ana@' is not an e-mail address");
  issue.line = 0;
  issue.message = (char *) "the file is empty";
  whole_file = fu_import_issue_to_string (&issue);
  g_assert_cmpstr (whole_file, ==, "participants.csv: the file is empty");
}

static void
test_kind_from_string (void)
{
  FuImportKind kind = FU_IMPORT_WORKSHOPS;

  g_assert_true (fu_import_kind_from_string ("participants", &kind));
  g_assert_cmpint (kind, ==, FU_IMPORT_PARTICIPANTS);
  g_assert_true (fu_import_kind_from_string ("Responses", &kind));
  g_assert_cmpint (kind, ==, FU_IMPORT_RESPONSES);
  g_assert_true (fu_import_kind_from_string ("workshops", &kind));
  g_assert_cmpint (kind, ==, FU_IMPORT_WORKSHOPS);
  g_assert_false (fu_import_kind_from_string ("people", &kind));
  g_assert_false (fu_import_kind_from_string ("", &kind));
}

/* Checking goes on after a bad row: every problem is listed, in the order of the lines. */
static void
test_every_issue (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] =
    "code,title,start_date,end_date,surveyed\n"
    "A,First,2017-01-01,2016-12-31,yes\n"
    "B,Second,2017-01-01,,yes\n"
    "C,,2017-02-01,,sometimes\n"
    "A,Again,2017-03-01,,\n";
  static const struct {
    guint       line;
    const char *column;
  } expected[] = {
    { 2, "end_date" }, { 4, "title" }, { 4, "surveyed" }, { 5, "code" },
  };
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (fu_import_data (fixture->store, FU_IMPORT_WORKSHOPS, "workshops.csv", csv,
                                  strlen (csv), 0, &result, &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (result->rows, ==, 4);
  g_assert_cmpuint (result->n_issues, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (result->issues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FuImportIssue *issue = g_ptr_array_index (result->issues, i);
      g_autofree char *text = fu_import_issue_to_string (issue);

      g_assert_cmpuint (issue->line, ==, expected[i].line);
      g_assert_cmpstr (issue->column, ==, expected[i].column);
      g_assert_nonnull (strstr (error->message, text));
    }
  g_assert_true (g_str_has_prefix (error->message,
                                   "workshops.csv: 4 problems, nothing was imported:\n"));
  g_assert_true (fu_store_is_empty (fixture->store));
}

/* More bad rows than the result lists: the first 50 listed, all counted. */
static void
test_many_issues (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email\n");
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_database (fixture);
  g_autofree char *after = NULL;
  const FuImportIssue *last;

  for (guint i = 0; i < 70; i++)
    g_string_append_printf (csv, "2016-NII,Person %u,Cambodia,person%u@\n", i, i);

  g_assert_false (fu_import_data (fixture->store, FU_IMPORT_PARTICIPANTS, "participants.csv",
                                  csv->str, csv->len, 0, &result, &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "participants.csv: 70 problems, nothing was imported:\n"
                                   "participants.csv:2: column email: 'person0@' is not an "
                                   "e-mail address\n"));
  g_assert_cmpuint (result->rows, ==, 70);
  g_assert_cmpuint (result->n_issues, ==, 70);
  g_assert_cmpuint (result->issues->len, ==, FU_IMPORT_MAX_ISSUES);
  last = g_ptr_array_index (result->issues, FU_IMPORT_MAX_ISSUES - 1);
  g_assert_cmpuint (last->line, ==, FU_IMPORT_MAX_ISSUES + 1);

  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* A large attendance list goes in quickly: nothing in the import may be quadratic. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const admins[] = { "Cambodia", "China", "Japan", "Korea", "Fiji" };
  guint n_rows = g_test_slow () ? 150000 : 20000;
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email,position\n");
  g_autoptr(GString) workshops = g_string_new ("code,title,start_date\n");
  g_autoptr(FuImportResult) w = NULL;
  g_autoptr(FuImportResult) result = NULL;
  gint64 started;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (workshops, "W%03u,Workshop %u,2016-%02u-%02u\n", i, i, 1 + i % 12,
                            1 + i % 28);
  /* Half the people come with an e-mail, half without; each attends two workshops. */
  for (guint i = 0; i < n_rows; i++)
    {
      guint person = i / 2;

      if (person % 2 == 0)
        g_string_append_printf (csv, "W%03u,Person %u,%s,p%u@example.org,Officer\n",
                                (i * 7) % 100, person, admins[person % 5], person);
      else
        g_string_append_printf (csv, "W%03u,Person %u,%s,,Officer\n", (i * 7) % 100, person,
                                admins[person % 5]);
    }

  w = import_ok (fixture->store, FU_IMPORT_WORKSHOPS, 0, workshops->str);
  started = g_get_monotonic_time ();
  result = import_ok (fixture->store, FU_IMPORT_PARTICIPANTS, 0, csv->str);
  g_test_message ("%u rows in %.1f s", n_rows,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (result->rows, ==, n_rows);
  g_assert_cmpuint (result->participants_added, ==, n_rows / 2);
  g_assert_cmpuint (result->attendances_added, ==, n_rows);
}

/* ---- Bad files --------------------------------------------------------------------------- */

typedef struct {
  const char    *name;
  FuImportKind   kind;
  FuImportFlags  flags;
  const char    *csv;
  guint          line;      /* of the first issue */
  const char    *column;    /* of the first issue, or NULL */
  const char    *message;   /* a part of the first issue's message */
} BadCase;

#define WH "code,title,start_date,end_date,kind,surveyed,host_administration\n"
#define PH "workshop_code,name,administration,email\n"
#define RH "workshop_code,email,received_date,shared_materials,colleagues_shared," \
           "colleagues_learned,direct_effects,project_initiated\n"
#define RN "workshop_code,name,administration,received_date\n"

static const BadCase bad_cases[] = {
  /* Headers */
  { "workshops-missing-start-date", FU_IMPORT_WORKSHOPS, 0,
    "code,title\nX,Title\n", 1, NULL, "the header has no column for start_date" },
  { "workshops-missing-code", FU_IMPORT_WORKSHOPS, 0,
    "title,start_date\nTitle,2017-01-01\n", 1, NULL, "the header has no column for code" },
  { "participants-missing-administration", FU_IMPORT_PARTICIPANTS, 0,
    "workshop_code,name,email\n2016-NII,Ana Lima,ana.lima@mail.example\n", 2, "email",
    "no administration for Ana Lima: the file has no administration column and the "
    "e-mail's domain (mail.example) does not tell one" },
  { "participants-missing-workshop-code", FU_IMPORT_PARTICIPANTS, 0,
    "name,administration\nAna Lima,Cambodia\n", 1, NULL,
    "the header has no column for the workshop" },
  { "responses-missing-received-date", FU_IMPORT_RESPONSES, 0,
    "workshop_code,email\n2017-PCA,chanthy@kh.gov\n", 1, NULL,
    "the header has no column for the date received" },

  /* Syntax and encoding */
  { "empty-file", FU_IMPORT_WORKSHOPS, 0, "", 0, NULL, "empty" },
  { "only-a-bom", FU_IMPORT_PARTICIPANTS, 0, "\xEF\xBB\xBF", 0, NULL, "empty" },
  { "unterminated-quote", FU_IMPORT_WORKSHOPS, 0,
    WH "X,\"Title,2017-01-01,,,,\n", 2, "title", "unterminated quoted cell" },
  { "text-after-closing-quote", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,\"Ana\" Lima,Cambodia,\n", 2, "name", "text after the closing quote" },
  { "too-many-cells", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Ana Lima,Cambodia,ana@x.org,extra\n", 2, NULL, "5 cells" },

  /* workshops.csv cells */
  { "date-not-a-day", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-02-30,,,,\n", 2, "start_date", "'2017-02-30' is not a date" },
  { "date-two-digit-year", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,17-01-01,,,,\n", 2, "start_date", "'17-01-01' is not a date" },
  { "date-slashes", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,2017/01/03,,,\n", 2, "end_date", "'2017/01/03' is not a date" },
  { "end-before-start", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-05,2017-01-01,,,\n", 2, "end_date",
    "ends (2017-01-01) before it starts (2017-01-05)" },
  { "bad-kind", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,,seminar,,\n", 2, "kind",
    "'seminar' is not a kind of workshop: use one of regional, sub-regional" },
  { "bad-surveyed", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,,,maybe,\n", 2, "surveyed", "'maybe' is not yes or no" },
  { "blank-code", FU_IMPORT_WORKSHOPS, 0,
    WH " ,Title,2017-01-01,,,,\n", 2, "code", "code is missing" },
  { "blank-title", FU_IMPORT_WORKSHOPS, 0,
    WH "X,  ,2017-01-01,,,,\n", 2, "title", "title is missing" },
  { "blank-start-date", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,,2017-01-01,,,\n", 2, "start_date", "start_date is missing" },
  { "duplicate-code-in-file", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,,,,\nY,Other,2017-02-01,,,,\nX,Title again,2017-01-01,,,,\n", 4,
    "code", "workshop 'X' is already on line 2" },
  { "code-exists-other-title", FU_IMPORT_WORKSHOPS, 0,
    "code,title,start_date\n2016-NII,Non-Intrusive Inspection II,2016-09-05\n", 2, "title",
    "workshop '2016-NII' already exists with other details" },
  { "code-exists-other-end-date", FU_IMPORT_WORKSHOPS, 0,
    "code,title,start_date,end_date\n2016-NII,Non-Intrusive Inspection,2016-09-05,"
    "2016-09-08\n", 2, "end_date", "already exists with other details" },
  { "host-unknown-with-suggestion", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,,,,Camboda\n", 2, "host_administration",
    "unknown administration 'Camboda': did you mean Cambodia?" },
  { "good-row-then-bad-one", FU_IMPORT_WORKSHOPS, 0,
    WH "X,Title,2017-01-01,,,,\nY,Title,2017-01-01,,,perhaps,\n", 3, "surveyed",
    "'perhaps' is not yes or no" },
  { "line-after-multiline-cell", FU_IMPORT_WORKSHOPS, 0,
    "code,title,start_date,notes\n"
    "X,A title,2017-01-01,\"Notes\non three\nlines\"\nY,Title,2017-1-1,\n", 5,
    "start_date", "'2017-1-1' is not a date" },

  /* participants.csv cells */
  { "unknown-workshop", FU_IMPORT_PARTICIPANTS, 0,
    PH "2099-XYZ,Ana Lima,Cambodia,ana@x.org\n", 2, "workshop_code",
    "no workshop with code or title '2099-XYZ': import workshops.csv first" },
  { "unknown-administration-suggestion", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Camboda,\n", 2, "administration",
    "unknown administration 'Camboda': did you mean Cambodia?" },
  { "unknown-administration-no-suggestion", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Jean Dupont,Atlantis,\n", 2, "administration",
    "unknown administration 'Atlantis'" },
  { "email-without-domain", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Cambodia,ana@\n", 2, "email", "'ana@' is not an e-mail address" },
  { "email-with-space", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Cambodia,sok dara@kh.gov\n", 2, "email",
    "'sok dara@kh.gov' is not an e-mail address" },
  { "email-two-at-signs", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Cambodia,sok@dara@kh.gov\n", 2, "email", "is not an e-mail" },
  { "email-no-dot", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Cambodia,sok@localhost\n", 2, "email", "is not an e-mail" },
  { "empty-name", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,,Cambodia,sok@kh.gov\n", 2, "name", "name is missing" },
  { "blank-workshop-code", FU_IMPORT_PARTICIPANTS, 0,
    PH ",Sok Dara,Cambodia,sok@kh.gov\n", 2, "workshop_code", "the workshop is missing" },
  { "blank-administration", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,,sok@mail.example\n", 2, "administration",
    "administration is missing" },
  { "new-person-then-bad-row", FU_IMPORT_PARTICIPANTS, 0,
    PH "2016-NII,Sok Dara,Cambodia,sok@kh.gov\n2016-NII,Lee,Korea,lee@\n", 3, "email",
    "'lee@' is not an e-mail address" },

  /* responses.csv cells */
  { "second-reply-in-database", FU_IMPORT_RESPONSES, 0,
    RH "2016-NII,ana@x.org,2017-04-01,no,,,,\n", 2, "email",
    "a reply from ana@x.org to workshop '2016-NII' is already recorded: use --replace" },
  { "second-reply-in-file", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,yes,,,,\n"
    "2017-PCA,Chanthy@KH.gov,2017-09-02,no,,,,\n", 3, "email", "already on line 2" },
  { "second-reply-in-file-replacing", FU_IMPORT_RESPONSES, FU_IMPORT_REPLACE,
    RH "2016-NII,ana@x.org,2017-04-01,no,,,,\n"
    "2016-NII,ana@x.org,2017-04-02,yes,,,,\n", 3, "email", "already on line 2" },
  { "negative-count", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,yes,-3,,,\n", 2, "colleagues_shared",
    "'-3' is not a whole number" },
  { "word-count", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,yes,,ten,,\n", 2, "colleagues_learned",
    "'ten' is not a whole number" },
  { "decimal-count", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,yes,3.5,,,\n", 2, "colleagues_shared",
    "'3.5' is not a whole number" },
  { "bad-q3", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,,,,perhaps,\n", 2, "direct_effects",
    "'perhaps' is not yes or no" },
  { "bad-q5", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,,,,,peut-être\n", 2, "project_initiated",
    "'peut-être' is not yes or no" },
  { "participant-not-found-email", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,nobody@kh.gov,2017-09-01,,,,,\n", 2, "email",
    "nobody@kh.gov is not an attendee of workshop 2017-PCA; the closest are" },
  { "participant-not-found-name", FU_IMPORT_RESPONSES, 0,
    RN "2016-NII,Bo Chan,China,2017-04-01\n", 2, "name",
    "Bo Chan is not an attendee of workshop 2016-NII" },
  { "participant-not-attending", FU_IMPORT_RESPONSES, 0,
    RH "2016-NII,chanthy@kh.gov,2017-04-01,,,,,\n", 2, "email",
    "chanthy@kh.gov is not an attendee of workshop 2016-NII" },
  { "workshop-not-surveyed", FU_IMPORT_RESPONSES, 0,
    RH "2017-ACC,dawa@bt.gov,2017-09-01,,,,,\n", 2, "workshop_code",
    "workshop '2017-ACC' is not surveyed" },
  { "responses-unknown-workshop", FU_IMPORT_RESPONSES, 0,
    RH "2017-XYZ,chanthy@kh.gov,2017-09-01,,,,,\n", 2, "workshop_code",
    "no workshop with code or title '2017-XYZ'" },
  { "received-before-workshop", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-03-01,,,,,\n", 2, "received_date",
    "received (2017-03-01) before workshop '2017-PCA' started (2017-03-06)" },
  { "blank-received-date", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov, ,,,,,\n", 2, "received_date",
    "the date the reply was received is missing" },
  { "bad-received-date", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,last week,,,,,\n", 2, "received_date",
    "'last week' is not a date" },
  { "responses-bad-email", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh,2017-09-01,,,,,\n", 2, "email",
    "chanthy@kh is not an attendee of workshop 2017-PCA" },
  { "responses-nobody", FU_IMPORT_RESPONSES, 0,
    "workshop_code,name,administration,email,received_date\n"
    "2017-PCA,,Cambodia,,2017-09-01\n", 2, NULL,
    "the row does not say who replied" },
  { "responses-blank-email", FU_IMPORT_RESPONSES, 0,
    "workshop_code,email,received_date\n2017-PCA,,2017-09-01\n", 2, NULL,
    "the row does not say who replied" },
  { "good-reply-then-bad-one", FU_IMPORT_RESPONSES, 0,
    RH "2017-PCA,chanthy@kh.gov,2017-09-01,yes,3,2,yes,no\n"
    "2017-PCA,ana@x.org,2017-09-02,yes,3,2,maybe,no\n", 3, "direct_effects",
    "'maybe' is not yes or no" },
};

#undef WH
#undef PH
#undef RH
#undef RN

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadCase *bad = data;
  const char *file = display_name_of (bad->kind);
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_database (fixture);
  g_autofree char *after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *head = NULL;
  const FuImportIssue *issue;
  gboolean ok;

  ok = fu_import_data (fixture->store, bad->kind, file, bad->csv, strlen (bad->csv),
                       bad->flags, &result, &error);
  g_assert_false (ok);
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_issues, >=, 1);
  g_assert_cmpuint (result->issues->len, >=, 1);
  g_assert_cmpuint (result->issues->len, <=, result->n_issues);

  issue = g_ptr_array_index (result->issues, 0);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_cmpstr (issue->file, ==, file);
  g_assert_cmpuint (issue->line, ==, bad->line);
  g_assert_cmpstr (issue->column, ==, bad->column);
  if (strstr (issue->message, bad->message) == NULL)
    g_error ("%s: expected '%s' in '%s'", bad->name, bad->message, issue->message);

  /* The error names the file, says nothing was imported and lists the first issue. */
  head = g_strdup_printf ("%s: %u problem", file, result->n_issues);
  g_assert_true (g_str_has_prefix (error->message, head));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  first = fu_import_issue_to_string (issue);
  g_assert_nonnull (strstr (error->message, first));

  /* All or nothing. */
  after = dump_database (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* Lists and forms' exports as they come are told apart by what their headers name. */
static void
test_guess_kind (void)
{
  static const struct {
    const char   *file;
    gboolean      known;
    FuImportKind  kind;
  } cases[] = {
    { "google-forms-responses.csv", TRUE, FU_IMPORT_RESPONSES },
    { "kobotoolbox-responses.csv", TRUE, FU_IMPORT_RESPONSES },
    { "microsoft-forms-responses.xlsx", TRUE, FU_IMPORT_RESPONSES },
    { "limesurvey-responses.csv", TRUE, FU_IMPORT_RESPONSES },
    { "zoom-registration.csv", TRUE, FU_IMPORT_PARTICIPANTS },
    { "teams-attendance.csv", TRUE, FU_IMPORT_PARTICIPANTS },
    { "attendance-title-above.ods", TRUE, FU_IMPORT_PARTICIPANTS },
    { "attendance-excel-fr-1252.csv", TRUE, FU_IMPORT_PARTICIPANTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", cases[i].file, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      FuImportKind kind = 42;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpint (fu_import_guess_kind (contents, length, &kind), ==, cases[i].known);
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
  {
    FuImportKind kind = 42;

    g_assert_false (fu_import_guess_kind ("Colour;Size\nred;L\n", 19, &kind));
    g_assert_false (fu_import_guess_kind ("", 0, &kind));
    g_assert_cmpint (kind, ==, 42);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

  g_test_add_func ("/core/import/guess-kind", test_guess_kind);

  g_test_add_func ("/core/import/issue-to-string", test_issue_to_string);
  g_test_add_func ("/core/import/kind-from-string", test_kind_from_string);
  g_test_add ("/core/import/workshops", Fixture, NULL, fixture_set_up, test_workshops,
              fixture_tear_down);
  g_test_add ("/core/import/participants", Fixture, NULL, fixture_set_up, test_participants,
              fixture_tear_down);
  g_test_add ("/core/import/participants-email-later", Fixture, NULL, fixture_set_up,
              test_participants_email_later, fixture_tear_down);
  g_test_add ("/core/import/participants-within-one-list", Fixture, NULL, fixture_set_up,
              test_participants_within_one_list, fixture_tear_down);
  g_test_add ("/core/import/add-administrations", Fixture, NULL, fixture_set_up,
              test_add_administrations, fixture_tear_down);
  g_test_add ("/core/import/responses", Fixture, NULL, prepared_set_up, test_responses,
              fixture_tear_down);
  g_test_add ("/core/import/replace", Fixture, NULL, prepared_set_up, test_replace,
              fixture_tear_down);
  g_test_add ("/core/import/export-round-trip", Fixture, NULL, prepared_set_up,
              test_export_round_trip, fixture_tear_down);
  g_test_add ("/core/import/dry-run", Fixture, NULL, prepared_set_up, test_dry_run,
              fixture_tear_down);
  g_test_add ("/core/import/header-only", Fixture, NULL, prepared_set_up, test_header_only,
              fixture_tear_down);
  g_test_add ("/core/import/file", Fixture, NULL, fixture_set_up, test_file,
              fixture_tear_down);
  g_test_add ("/core/import/every-issue", Fixture, NULL, fixture_set_up, test_every_issue,
              fixture_tear_down);
  g_test_add ("/core/import/many-issues", Fixture, NULL, prepared_set_up, test_many_issues,
              fixture_tear_down);
  g_test_add ("/core/import/large", Fixture, NULL, fixture_set_up, test_large,
              fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/bad/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], prepared_set_up, test_bad_file,
                  fixture_tear_down);
    }

  return g_test_run ();
}
