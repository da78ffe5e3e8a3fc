/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-import.h: workshops.csv, participants.csv and responses.csv into the store, all or
 * nothing (DOMAIN.md, "Files that come in and go out"). */
#pragma once

#include <gio/gio.h>

#include "fu-types.h"

G_BEGIN_DECLS

typedef enum {
  FU_IMPORT_WORKSHOPS,
  FU_IMPORT_PARTICIPANTS,
  FU_IMPORT_RESPONSES,
} FuImportKind;

typedef enum {
  FU_IMPORT_FLAGS_NONE = 0,
  FU_IMPORT_ADD_ADMINISTRATIONS = 1 << 0,  /* unknown administrations are added, not errors */
  FU_IMPORT_REPLACE = 1 << 1,              /* a second reply replaces the first */
  FU_IMPORT_DRY_RUN = 1 << 2,              /* check and count everything, write nothing */
} FuImportFlags;

#define FU_IMPORT_MAX_ISSUES 50

typedef struct {
  char  *file;     /* display name, e.g. "participants.csv" */
  guint  line;     /* 1-based; 0 = the file as a whole */
  char  *column;   /* the column's name, or NULL for the whole row */
  char  *message;  /* "'ana@' is not an e-mail address" */
  char  *unknown_administration;  /* an administration nobody knows, as written, or NULL */
  char  *suggestion;              /* the closest known administration, or NULL */
} FuImportIssue;

/* What became of one row of the file. */
typedef enum {
  FU_IMPORT_ROW_NEW,          /* a new person (participants), a new reply (responses) */
  FU_IMPORT_ROW_KNOWN,        /* a known person added to the workshop; a reply replaced */
  FU_IMPORT_ROW_UNCHANGED,    /* already in the database */
  FU_IMPORT_ROW_ERROR,        /* a problem: see the issues */
} FuImportOutcome;

typedef struct {
  guint            line;
  FuImportOutcome  outcome;
  const char      *who;             /* the name, else the e-mail */
  const char      *administration;  /* both kept by the result (row_texts) */
} FuImportRow;

/* How far a long import is, for a progress bar in another thread. */
typedef struct {
  gint  done;     /* rows checked or imported (read with g_atomic_int_get) */
  gint  total;    /* rows in the file, once it is read */
} FuImportProgress;

/* How to read a file; zero everywhere means "find it out from the file". */
typedef struct {
  const char *workshop;     /* the workshop every row is for (a workshop's page, --workshop) */
  const char *mapping;      /* a mapping file: CSV "column,field" (fu_import_result_save_mapping) */
  const char *encoding;     /* "UTF-8", "UTF-16LE", "WINDOWS-1252" ... */
  char        delimiter;    /* ',', ';' or '\t' */
  const char *sheet;        /* a workbook's sheet: 1-based number or name */
  guint       header_row;   /* the header's line (text) or row (sheet), 1-based */
  GHashTable *columns;      /* the file's header -> our field ("" to leave it out), over the
                             * mapping file and what is found by itself */
  GHashTable *aliases;      /* an administration as written -> its name in the database */
  GHashTable *new_administrations; /* names to add as new administrations (set) */
  const char *administration; /* for rows whose administration neither a cell nor the
                               * e-mail's domain tells */
  GCancellable     *cancellable;  /* a cancelled import writes nothing */
  FuImportProgress *progress;
} FuImportOptions;

/* One column of the file and what it was taken for. */
typedef struct {
  char *header;   /* as the file heads it */
  char *field;    /* our column name ("email", "received_date", "q1"), NULL: not imported */
  char *sample;   /* its first values, for the preview */
} FuImportColumn;

struct _FuImportResult {
  FuImportKind  kind;
  char         *detected;               /* "UTF-16LE, separated by tab" */
  char         *encoding;               /* text files: the encoding used; NULL for workbooks */
  char          delimiter;              /* text files: the separator used */
  GStrv         sheets;                 /* workbooks: the sheets' names; NULL for text */
  guint         sheet;                  /* workbooks: the one read */
  guint         header_line;            /* of the header row in the file */
  GPtrArray    *columns;                /* FuImportColumn*, in the file's order */
  GPtrArray    *row_outcomes;           /* FuImportRow*, in the file's order */
  GStringChunk *row_texts;              /* their texts: not an allocation for each */
  guint         rows;                   /* data rows read */
  guint         workshops_added;
  guint         participants_added;
  guint         attendances_added;
  guint         replies_added;
  guint         replies_replaced;
  guint         administrations_added;
  guint         unchanged;              /* rows already in the database */
  GPtrArray    *issues;                 /* FuImportIssue*, at most FU_IMPORT_MAX_ISSUES */
  guint         n_issues;               /* all issues found, listed or not */
};

/* "participants.csv:14: column email: 'ana@' is not an e-mail address" */
char           *fu_import_issue_to_string (const FuImportIssue *issue);
FuImportResult *fu_import_result_new      (FuImportKind kind);
void            fu_import_result_free     (FuImportResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuImportResult, fu_import_result_free)

gboolean    fu_import_kind_from_string  (const char *text, FuImportKind *kind);

/* The issues grouped, one line per kind of problem with the lines it is on:
 * "participants.csv: lines 4, 9, 12: column Country: unknown administration 'Vietnam'". */
GPtrArray  *fu_import_result_group_issues (const FuImportResult *self);
/* Reads a mapping file into @columns (header -> field, "" to leave it out); FALSE with
 * @error naming the file and line when it is not one, or names no field of ours. */
gboolean    fu_import_read_mapping        (const char *path, GHashTable *columns,
                                           GError **error);
/* Writes the mapping that was used as a mapping file (for --mapping or a colleague). */
gboolean    fu_import_result_save_mapping (const FuImportResult *self, const char *path,
                                           GError **error);

/* Reads and imports a whole file in one transaction. On bad rows nothing is written, the
 * result lists the issues and @error is FU_IMPORT_ERROR_INVALID with the first ones in its
 * message. A file that cannot be read is FU_IMPORT_ERROR_FAILED. @result may be NULL. */
gboolean    fu_import_file              (FuStore *store, FuImportKind kind, const char *path,
                                         FuImportFlags flags, FuImportResult **result,
                                         GError **error);
/* The same for text in memory, with @display_name in the messages. */
gboolean    fu_import_data              (FuStore *store, FuImportKind kind,
                                         const char *display_name, const char *data,
                                         gsize length, FuImportFlags flags,
                                         FuImportResult **result, GError **error);
/* Any file as the office receives it (CSV in any encoding and separator, .xlsx, .ods),
 * read as @options say (NULL: all detected). */
gboolean    fu_import_file_full         (FuStore *store, FuImportKind kind, const char *path,
                                         const FuImportOptions *options, FuImportFlags flags,
                                         FuImportResult **result, GError **error);
gboolean    fu_import_data_full         (FuStore *store, FuImportKind kind,
                                         const char *display_name, const char *data,
                                         gsize length, const FuImportOptions *options,
                                         FuImportFlags flags, FuImportResult **result,
                                         GError **error);

/* An import in two steps: the file read, checked and mapped first, outside any transaction
 * (while the database's own check runs, or before a backup is started for nothing); then
 * written, in one transaction, by fu_import_read_write(). */
typedef struct _FuImportRead FuImportRead;

/* NULL with @error when the file cannot be read (FU_IMPORT_ERROR_FAILED) or the database
 * fails; a file with problems gives a read whose fu_import_read_check() says so. @options,
 * when given, must last as long as the read. */
FuImportRead   *fu_import_read_file    (FuStore *store, FuImportKind kind, const char *path,
                                        const FuImportOptions *options, GError **error);
FuImportRead   *fu_import_read_data    (FuStore *store, FuImportKind kind,
                                        const char *display_name, const char *data,
                                        gsize length, const FuImportOptions *options,
                                        GError **error);
/* FALSE with FU_IMPORT_ERROR_INVALID when the file has problems (the result lists them). */
gboolean        fu_import_read_check   (FuImportRead *read, GError **error);
/* Writes what was read, as fu_import_file_full() does; once only. */
gboolean        fu_import_read_write   (FuStore *store, FuImportRead *read, FuImportFlags flags,
                                        GError **error);
/* The result: how the file was read, its issues and, once written, what it added. */
FuImportResult *fu_import_read_steal_result (FuImportRead *read);
void            fu_import_read_free    (FuImportRead *read);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuImportRead, fu_import_read_free)

/* What a file as it came holds, from its headers: replies when they name two or more of
 * the questionnaire's items, an attendance list when they name people and no item. FALSE
 * when it does not tell. */
gboolean    fu_import_guess_kind          (const char *data, gsize length, FuImportKind *kind);

/* The fields a file of @kind can give, for choosing a column's: our names ("email"), in
 * the order a form asks them, NULL-terminated. */
const char * const *fu_import_list_fields (FuImportKind kind);
/* "E-mail", "Q3. Direct effects (yes/no)": what a field is, for people. */
char             *fu_import_describe_field (const char *field);

FuImportOptions *fu_import_options_copy (const FuImportOptions *options);
void             fu_import_options_free (FuImportOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuImportOptions, fu_import_options_free)

G_END_DECLS
