/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-mailto.h: the reminder e-mail as a mailto: URI that opens the user's mail program. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* A "mailto:?bcc=...&subject=...&body=..." URI (RFC 6068, percent-escaped UTF-8, CRLF line
 * breaks) reminding the participants of @rows (FuFollowupRow *): every distinct e-mail
 * address once in BCC, so that nobody sees the others' addresses; a translated subject and
 * body naming each workshop and its reply deadline(s) (from @rules when a row has none
 * stored), signed with @office_name (may be NULL).
 *
 * The names of participants without an e-mail are appended to @without_email (char *, free
 * with g_free; may be NULL). Returns NULL when no row has an e-mail address. */
char   *fu_mailto_build            (GPtrArray     *rows,
                                    const FuRules *rules,
                                    const char    *office_name,
                                    GPtrArray     *without_email);

typedef enum {
  FU_MAILTO_REMINDER,        /* a reminder of the questionnaire sent */
  FU_MAILTO_QUESTIONNAIRE,   /* the questionnaire itself, to attach */
} FuMailtoKind;

/* Mail programs refuse longer mailto: links (Outlook's limit is about 2,000 characters). */
#define FU_MAILTO_MAX_LENGTH 2000

/* The same as numbered drafts ("… (1 of 3)"), each under @max_length characters (0: one
 * draft), that hold between them every distinct address once, each with the workshops and
 * deadlines of its own recipients. A questionnaire not sent yet is due @day plus the
 * reply days. An empty array when no row has an address. */
GPtrArray *fu_mailto_build_drafts  (GPtrArray     *rows,
                                    const FuRules *rules,
                                    const char    *office_name,
                                    FuMailtoKind   kind,
                                    FuDay          day,
                                    gsize          max_length,
                                    GPtrArray     *without_email);

/* The addresses a mailto: link sends to (its BCC), unescaped: "a@x.example, b@y.example", for
 * pasting into a mail program by hand. NULL when it has none. */
char   *fu_mailto_dup_addresses    (const char    *uri);

/* A day for people in a letter, "15 January 2018" (the format is translatable). */
char   *fu_mailto_format_day       (FuDay          day);

G_END_DECLS
