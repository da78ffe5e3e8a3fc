/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-types.h: forward declarations shared by every layer, so headers need not include
 * each other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar day as GDate's Julian day number (1 = 1 January of year 1); 0 means "no date".
 * Plain integers compare and subtract as days. */
typedef guint32 FuDay;
#define FU_DAY_NONE ((FuDay) 0)

typedef struct _FuStore FuStore;
typedef struct _FuRules FuRules;
typedef struct _FuAdministration FuAdministration;
typedef struct _FuWorkshop FuWorkshop;
typedef struct _FuParticipant FuParticipant;
typedef struct _FuReply FuReply;
typedef struct _FuFollowupDates FuFollowupDates;
typedef struct _FuFollowupRow FuFollowupRow;
typedef struct _FuFollowupQuery FuFollowupQuery;
typedef struct _FuSummaryRow FuSummaryRow;
typedef struct _FuReplyRow FuReplyRow;
typedef struct _FuCsvReader FuCsvReader;
typedef struct _FuCsvWriter FuCsvWriter;
typedef struct _FuImportResult FuImportResult;

/* The six follow-up actions of the questionnaire's Q1, in the questionnaire's order. */
typedef enum {
  FU_ACTION_SHARED_MATERIALS,
  FU_ACTION_SUBMITTED_REPORT,
  FU_ACTION_MADE_RECOMMENDATIONS,
  FU_ACTION_INHOUSE_WORKSHOP,
  FU_ACTION_DEVELOPED_MANUALS,
  FU_ACTION_OTHER,
  FU_N_ACTIONS
} FuAction;

/* A yes/no question (Q3 to Q5) that may be left unanswered. */
typedef enum {
  FU_ANSWER_UNANSWERED = -1,
  FU_ANSWER_NO = 0,
  FU_ANSWER_YES = 1,
} FuAnswer;

typedef enum {
  FU_WORKSHOP_KIND_REGIONAL,
  FU_WORKSHOP_KIND_SUB_REGIONAL,
  FU_WORKSHOP_KIND_NATIONAL,
  FU_WORKSHOP_KIND_TRAIN_THE_TRAINER,
  FU_WORKSHOP_KIND_FOLLOW_UP,
  FU_WORKSHOP_KIND_MASTERCLASS,
  FU_WORKSHOP_KIND_OTHER,
  FU_N_WORKSHOP_KINDS
} FuWorkshopKind;

/* The status of a follow-up as of a given day (DOMAIN.md, "Status of a follow-up"). */
typedef enum {
  FU_STATUS_PLANNED,
  FU_STATUS_TO_SEND,
  FU_STATUS_AWAITING_REPLY,
  FU_STATUS_REMINDER_DUE,
  FU_STATUS_OVERDUE,
  FU_STATUS_REPLIED,
  FU_STATUS_CLOSED,
  FU_N_STATUSES
} FuFollowupStatus;

G_END_DECLS
