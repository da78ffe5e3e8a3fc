/* SPDX-License-Identifier: GPL-3.0-or-later */
/* big-database.h: a database the size of many years of a busy office (6,000 workshops,
 * 40,000 participants, 150,000 attendances), made through the store's own API in one
 * transaction, for tests that check the views stay smooth. Included by the tests that
 * need it. */
#pragma once

#include <glib.h>

#include "fu-day.h"
#include "fu-rules.h"
#include "fu-store.h"

#define BIG_N_WORKSHOPS 6000
#define BIG_N_PARTICIPANTS 40000
#define BIG_N_ATTENDANCES 150000

/* Workshop w has attendances w, w + n_workshops, ...: its k-th attendee is participant
 * (w * 37 + k * STRIDE) mod n_participants, all different within a workshop: STRIDE is 1601,
 * or smaller when a workshop's attendees would not fit (a small database). Every
 * questionnaire is sent; every fourth attendance has a reply. */
static inline gboolean
big_database_fill (FuStore  *store,
                   guint     n_workshops,
                   guint     n_participants,
                   guint     n_attendances,
                   GError  **error)
{
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GArray) workshop_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                      n_workshops);
  g_autoptr(GArray) participant_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                         n_participants);
  FuDay first = fu_day_new (2000, 1, 3);
  FuRules rules;
  guint per_workshop = (n_attendances + n_workshops - 1) / n_workshops;
  guint stride = (per_workshop - 1) * 1601 < n_participants ? 1601
                                                             : n_participants / per_workshop;

  g_assert (stride > 0);

  admins = fu_store_list_administrations (store, error);
  if (admins == NULL || !fu_store_begin (store, error))
    return FALSE;

  for (guint w = 0; w < n_workshops; w++)
    {
      g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
      gint64 id;

      workshop->code = g_strdup_printf ("W%05u", w);
      workshop->title = g_strdup_printf ("Regional Workshop number %u", w);
      workshop->venue = g_strdup (((FuAdministration *) g_ptr_array_index (
                                     admins, w % admins->len))->name);
      workshop->start_date = fu_day_add_days (first, (int) (w * 2));
      workshop->end_date = fu_day_add_days (workshop->start_date, 3);
      id = fu_store_add_workshop (store, workshop, error);
      if (id == 0)
        goto failed;
      g_array_append_val (workshop_ids, id);
    }

  for (guint p = 0; p < n_participants; p++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      gint64 id;

      participant->name = g_strdup_printf ("Participant %05u", p);
      participant->administration_id = ((FuAdministration *) g_ptr_array_index (
                                          admins, p % admins->len))->id;
      participant->email = g_strdup_printf ("person%05u@customs.example", p);
      id = fu_store_add_participant (store, participant, error);
      if (id == 0)
        goto failed;
      g_array_append_val (participant_ids, id);
    }

  for (guint i = 0; i < n_attendances; i++)
    {
      guint w = i % n_workshops;
      guint k = i / n_workshops;
      guint p = (w * 37 + k * stride) % n_participants;
      gint64 attendance;

      attendance = fu_store_add_attendance (store, g_array_index (workshop_ids, gint64, w),
                                            g_array_index (participant_ids, gint64, p), error);
      if (attendance == 0)
        goto failed;
      if (i % 4 == 0)
        {
          g_autoptr(FuReply) reply = fu_reply_new ();

          if (!fu_store_lookup_followup (store, attendance, &reply->followup_id, error))
            goto failed;
          reply->received_date = fu_day_add_days (first, (int) (w * 2 + 200));
          reply->actions[FU_ACTION_SHARED_MATERIALS] = TRUE;
          reply->direct_effects = FU_ANSWER_YES;
          if (!fu_store_save_reply (store, reply, FALSE, error))
            goto failed;
        }
    }

  /* Every questionnaire sent on its planned day. */
  fu_store_get_rules (store, &rules);
  for (guint w = 0; w < n_workshops; w++)
    {
      FuDay end = fu_day_add_days (first, (int) (w * 2 + 3));

      if (!fu_store_mark_sent (store, g_array_index (workshop_ids, gint64, w),
                               fu_schedule_planned_date (&rules, end, FU_DAY_NONE), NULL,
                               error))
        goto failed;
    }

  if (!fu_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  fu_store_rollback (store);
  return FALSE;
}
