/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-import-private.h"
#include "fu-questionnaire.h"
#include "fu-store.h"

/* Rows looked at to find the header. */
#define HEADER_SEARCH_ROWS 30
/* Values shown per column in the preview. */
#define SAMPLE_VALUES 3
/* Attendees suggested for a reply nobody matches. */
#define MAX_CLOSEST 3

/* What a column of the file can be taken for. F_ITEM + FuItemId are the questionnaire's
 * items; F_WORKSHOP_COLUMN + n the columns of workshops.csv. */
enum {
  F_NONE,
  F_WORKSHOP,
  F_NAME,
  F_FIRST_NAME,
  F_LAST_NAME,
  F_ADMINISTRATION,
  F_EMAIL,
  F_POSITION,
  F_GENDER,
  F_RECEIVED,
  F_ANSWERED_BY,
  F_Q1,             /* the Q1 choices in one cell */
  F_DESCRIPTION,    /* "Please explain": the description of the yes/no column before it */
  F_ITEM,
  F_WORKSHOP_COLUMN = F_ITEM + FU_N_ITEMS,
  F_COUNT = F_WORKSHOP_COLUMN + 10
};

static const char * const workshop_columns[] = {
  "code", "title", "kind", "start_date", "end_date", "venue", "host_administration",
  "co_organizer", "surveyed", "notes",
};

static const char * const special_fields[F_ITEM] = {
  [F_NONE] = NULL,
  [F_WORKSHOP] = "workshop_code",
  [F_NAME] = "name",
  [F_FIRST_NAME] = "first_name",
  [F_LAST_NAME] = "last_name",
  [F_ADMINISTRATION] = "administration",
  [F_EMAIL] = "email",
  [F_POSITION] = "position",
  [F_GENDER] = "gender",
  [F_RECEIVED] = "received_date",
  [F_ANSWERED_BY] = "answered_by",
  [F_Q1] = "q1",
  [F_DESCRIPTION] = "description",
};

static const char *
field_name (int field)
{
  if (field >= F_WORKSHOP_COLUMN)
    return workshop_columns[field - F_WORKSHOP_COLUMN];
  if (field >= F_ITEM)
    return fu_questionnaire_get_item ((FuItemId) (field - F_ITEM))->column;
  return special_fields[field];
}

static int
field_from_name (const char *name)
{
  for (int f = F_WORKSHOP; f < F_COUNT; f++)
    if (g_strcmp0 (field_name (f), name) == 0)
      return f;
  return F_NONE;
}

/* ---- Words ---------------------------------------------------------------------------------- */

/* Lower-case ASCII words separated by single spaces: "Adresse e-mail" -> "adresse e mail",
 * "Q1[SQ001]" -> "q1 sq001". */
static char *
normalize (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_sized_new (strlen (ascii));
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* Whether every word of @group starts a word of @words (a normalized text). */
static gboolean
group_matches (const char  *words,
               const char  *group,
               gsize        group_len)
{
  g_autofree char *copy = g_strndup (group, group_len);
  g_auto(GStrv) wanted = g_strsplit (copy, " ", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gsize len = strlen (wanted[i]);
      const char *p = words;
      gboolean found = FALSE;

      if (len == 0)
        continue;
      while (p != NULL && *p != '\0')
        {
          if (strncmp (p, wanted[i], len) == 0)
            {
              found = TRUE;
              break;
            }
          p = strchr (p, ' ');
          if (p != NULL)
            p++;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* @groups: "a b|c|=d": one group of words must all start words of @words; "=d" means
 * @words is exactly "d". */
static gboolean
matches (const char *words,
         const char *groups)
{
  const char *start = groups;

  for (;;)
    {
      const char *bar = strchr (start, '|');
      gsize len = bar != NULL ? (gsize) (bar - start) : strlen (start);

      if (start[0] == '=')
        {
          if (strlen (words) == len - 1 && strncmp (words, start + 1, len - 1) == 0)
            return TRUE;
        }
      else if (len > 0 && group_matches (words, start, len))
        return TRUE;
      if (bar == NULL)
        return FALSE;
      start = bar + 1;
    }
}

/* Drops "3.", "Q3", "Your", "Votre" in front: "3 your e mail" -> "e mail". */
static const char *
skip_numbering (const char *words)
{
  const char *p = words;

  for (;;)
    {
      const char *q = p;

      if (*q == 'q' && g_ascii_isdigit (q[1]))
        q++;
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          if (g_str_has_prefix (q, "bis"))
            q += 3;
          if (*q == ' ')
            {
              p = q + 1;
              continue;
            }
          if (*q == '\0')
            return p;
        }
      if (g_str_has_prefix (p, "your ") || g_str_has_prefix (p, "votre "))
        {
          p = strchr (p, ' ') + 1;
          continue;
        }
      return p;
    }
}

/* ---- Columns -------------------------------------------------------------------------------- */

static const char description_words[] =
  "please explain|please describe|please specify|please give|please provide|please elaborate|"
  "please tell|if yes|if so|describe|explain|details|description|specify|elaborate|"
  "comment|veuillez|precisez|decrivez|expliquez|si oui|detail|=text";

/* Q1's choices, as a form names one in a cell or after its question: the choice's words, its
 * CSV name, its English or French text. */
static int
classify_choice (const char *text)
{
  g_autofree char *words = normalize (text);
  const char *number = words;

  if (words[0] == '\0')
    return -1;
  /* A form's own codes in the questionnaire's order: LimeSurvey's "SQ001", "A3", "4". */
  if (g_str_has_prefix (number, "sq"))
    number += 2;
  else if (number[0] == 'a' && g_ascii_isdigit (number[1]))
    number++;
  while (number[0] == '0' && number[1] != '\0')
    number++;
  if (number[0] >= '1' && number[0] <= '0' + FU_N_ACTIONS && number[1] == '\0')
    return (int) fu_questionnaire_get_action ((FuAction) (number[0] - '1'))->id;

  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      g_autofree char *column = normalize (item->column);
      g_autofree char *english = normalize (item->text);
      g_autofree char *french = normalize (item->text_fr);

      if (item->type != FU_ITEM_TICK)
        continue;
      if (strcmp (words, column) == 0 || strcmp (words, english) == 0
          || strcmp (words, french) == 0)
        return (int) i;
    }
  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);

      if (item->type == FU_ITEM_TICK && matches (words, item->keywords))
        return (int) i;
    }
  return -1;
}

static gboolean
names_q1 (const char *words)
{
  return matches (words, "follow up action|actions de suivi|action de suivi|what follow up|"
                         "actions taken|action taken|actions entrepris|=q1|=1");
}

/* A header of the responses file: the questionnaire's items. */
static int
classify_item (const char *raw_words,
               const char *header)
{
  const char *words = skip_numbering (raw_words);
  gboolean describes = matches (words, description_words);
  static const struct {
    const char *words;
    int         field;
  } numbers[] = {
    { "q1", F_Q1 }, { "1", F_Q1 },
    { "q1bis", F_ITEM + FU_ITEM_COLLEAGUES_LEARNED }, { "1bis", F_ITEM + FU_ITEM_COLLEAGUES_LEARNED },
    { "q1 bis", F_ITEM + FU_ITEM_COLLEAGUES_LEARNED }, { "1 bis", F_ITEM + FU_ITEM_COLLEAGUES_LEARNED },
    { "q2", F_ITEM + FU_ITEM_LESSONS_USE }, { "2", F_ITEM + FU_ITEM_LESSONS_USE },
    { "q3", F_ITEM + FU_ITEM_DIRECT_EFFECTS }, { "3", F_ITEM + FU_ITEM_DIRECT_EFFECTS },
    { "q4", F_ITEM + FU_ITEM_CONTRIBUTED }, { "4", F_ITEM + FU_ITEM_CONTRIBUTED },
    { "q5", F_ITEM + FU_ITEM_PROJECT_INITIATED }, { "5", F_ITEM + FU_ITEM_PROJECT_INITIATED },
  };
  const char *open;

  /* "Q1[SQ001]" or "After you came back ...? [Shared training materials]" (LimeSurvey):
   * a choice of Q1, or its "other" text. */
  open = strrchr (header, '[');
  if (open != NULL && strchr (open, ']') != NULL)
    {
      g_autofree char *base_text = g_strndup (header, open - header);
      g_autofree char *base = normalize (base_text);
      g_autofree char *choice_text = g_strndup (open + 1, strchr (open, ']') - open - 1);
      g_autofree char *choice = normalize (choice_text);

      if (names_q1 (skip_numbering (base)) || names_q1 (base))
        {
          int item;

          if (strcmp (choice, "other") == 0)
            return F_ITEM + FU_ITEM_OTHER_ACTION_TEXT;
          if (strcmp (choice, "comment") == 0)
            return F_NONE;
          item = classify_choice (choice_text);
          if (item >= 0)
            return F_ITEM + item;
          return F_NONE;
        }
    }

  /* "q1/shared_materials" or "What follow-up actions ...?/Others" (KoboToolbox): a choice's
   * own column; "group/q3" the question inside a group. */
  if (strchr (header, '/') != NULL)
    {
      const char *slash = strrchr (header, '/');
      g_autofree char *base_text = g_strndup (header, slash - header);
      g_autofree char *base = normalize (base_text);
      const char *last_slash = strrchr (base_text, '/');
      g_autofree char *parent = normalize (last_slash != NULL ? last_slash + 1 : base_text);
      int item;

      if (names_q1 (skip_numbering (parent)) || names_q1 (parent) || names_q1 (base))
        {
          item = classify_choice (slash + 1);
          if (item >= 0)
            return F_ITEM + item;
        }
      {
        g_autofree char *last = normalize (slash + 1);

        if (last[0] != '\0' && strcmp (last, raw_words) != 0)
          return classify_item (last, slash + 1);
      }
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (strcmp (raw_words, numbers[i].words) == 0)
      return numbers[i].field;
  /* A form's codes for the descriptions: "Q3desc", "q4comment", "Q5a", "Q1other". */
  {
    const char *p = raw_words;
    static const char * const suffixes[] = {
      "desc", "description", "text", "comment", "comments", "explain", "details", "a",
    };

    if (*p == 'q')
      p++;
    if (*p >= '1' && *p <= '5' && g_ascii_isalpha (p[1]))
      {
        int number = *p - '0';

        p++;
        if (number == 1 && (strcmp (p, "other") == 0 || strcmp (p, "others") == 0))
          return F_ITEM + FU_ITEM_OTHER_ACTION_TEXT;
        for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
          if (strcmp (p, suffixes[i]) == 0)
            switch (number)
              {
              case 3:
                return F_ITEM + FU_ITEM_DIRECT_EFFECTS_TEXT;
              case 4:
                return F_ITEM + FU_ITEM_CONTRIBUTED_TEXT;
              case 5:
                return F_ITEM + FU_ITEM_PROJECT_TEXT;
              default:
                break;
              }
      }
  }

  /* Our own names, and the number-and-name of a form's codes ("q3_text"). */
  {
    const FuQuestionnaireItem *item = NULL;
    g_autofree char *underscored = g_strdelimit (g_strdup (words), " ", '_');

    item = fu_questionnaire_find_column (underscored);
    if (item != NULL)
      return F_ITEM + (int) item->id;
  }

  if (matches (words, fu_questionnaire_get_item (FU_ITEM_COLLEAGUES_LEARNED)->keywords))
    return F_ITEM + FU_ITEM_COLLEAGUES_LEARNED;
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_COLLEAGUES_SHARED)->keywords))
    return F_ITEM + FU_ITEM_COLLEAGUES_SHARED;
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_DIRECT_EFFECTS)->keywords))
    return F_ITEM + (describes ? FU_ITEM_DIRECT_EFFECTS_TEXT : FU_ITEM_DIRECT_EFFECTS);
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_CONTRIBUTED)->keywords))
    return F_ITEM + (describes ? FU_ITEM_CONTRIBUTED_TEXT : FU_ITEM_CONTRIBUTED);
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_PROJECT_INITIATED)->keywords))
    return F_ITEM + (describes ? FU_ITEM_PROJECT_TEXT : FU_ITEM_PROJECT_INITIATED);
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_LESSONS_USE)->keywords))
    return F_ITEM + FU_ITEM_LESSONS_USE;
  if (names_q1 (words))
    return F_Q1;
  if (matches (words, fu_questionnaire_get_item (FU_ITEM_OTHER_ACTION_TEXT)->keywords))
    return F_ITEM + FU_ITEM_OTHER_ACTION_TEXT;
  if (describes)
    return F_DESCRIPTION;

  /* A choice's text alone as a header. */
  {
    int item = classify_choice (header);
    g_autofree char *choice_words = NULL;

    if (item >= 0)
      {
        const FuQuestionnaireItem *found = fu_questionnaire_get_item ((FuItemId) item);
        g_autofree char *english = normalize (found->text);
        g_autofree char *french = normalize (found->text_fr);
        g_autofree char *column = normalize (found->column);

        if (strcmp (words, english) == 0 || strcmp (words, french) == 0
            || strcmp (words, column) == 0)
          return F_ITEM + item;
      }
  }
  return F_NONE;
}

/* What a header names, and how surely (0: nothing, 1: a guess, 2: a usual name, 3: our own
 * column name). */
static int
classify_header (FuImportKind  kind,
                 const char   *header,
                 guint        *strength)
{
  g_autofree char *raw_words = normalize (header);
  const char *words = skip_numbering (raw_words);
  int field;

  *strength = 0;
  if (words[0] == '\0')
    return F_NONE;
  /* A bare number is a value ("3" colleagues), not a header: "Q3" and "3." are headers. */
  {
    const char *p = header;

    while (g_ascii_isspace (*p))
      p++;
    while (g_ascii_isdigit (*p))
      p++;
    while (g_ascii_isspace (*p))
      p++;
    if (*p == '\0')
      return F_NONE;
  }

  if (kind == FU_IMPORT_WORKSHOPS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (workshop_columns); i++)
        {
          g_autofree char *own = normalize (workshop_columns[i]);

          if (strcmp (words, own) == 0)
            {
              *strength = 3;
              return F_WORKSHOP_COLUMN + (int) i;
            }
        }
      return F_NONE;
    }

  /* Our own names first: an export of ours imports again unchanged. */
  for (int f = F_WORKSHOP; f <= F_ANSWERED_BY; f++)
    {
      g_autofree char *own = normalize (field_name (f));

      if (strcmp (raw_words, own) == 0
          && (kind == FU_IMPORT_RESPONSES || (f != F_RECEIVED && f != F_ANSWERED_BY)))
        {
          *strength = 3;
          return f;
        }
    }

  *strength = 2;
  /* Ids of the meeting or the form, never of the person. */
  if (matches (words, "participant id|user id|=id|uuid|=upn|instance|=index|=version|"
                      "=start|start time|start date|startdate|=today|deviceid|"
                      "=status|validation status|submitted by|=tags|=notes|=role"))
    return F_NONE;

  if (kind == FU_IMPORT_RESPONSES)
    {
      field = classify_item (raw_words, header);
      if (field != F_NONE)
        return field;
      if (matches (words, "timestamp|horodateur|completion time|submitdate|submit date|"
                          "submission time|submission date|submitted at|submitted on|"
                          "date submitted|date de soumission|heure de fin|received|"
                          "date recue|reply date|date of reply|response date|recorded date"))
        return F_RECEIVED;
      if (matches (words, "=end|end time|=date|=datestamp|date modified|last modified"))
        {
          *strength = 1;
          return F_RECEIVED;
        }
      if (matches (words, "answered by|filled by|completed by|rempli par"))
        return F_ANSWERED_BY;
    }

  if (matches (words, "email|e mail|courriel|mail address|adresse electronique|=mail|"
                      "=emailaddress"))
    return F_EMAIL;
  if (matches (words, "first name|given name|prenom|forename|=first|=firstname|=givenname"))
    return F_FIRST_NAME;
  if (matches (words, "last name|surname|family name|nom de famille|=last|=lastname|"
                      "=familyname"))
    return F_LAST_NAME;
  if (matches (words, "=workshop|workshop code|workshop title|workshop name|=atelier|"
                      "code atelier|=event|event name|=training|training title|=course|"
                      "course title|=session|=programme|=program"))
    return F_WORKSHOP;
  if (matches (words, "administration|country|pays|organization|organisation|member|"
                      "economy|agency|customs|douane|department|ministry|institution|"
                      "authority|=org|=office|=affiliation|=company"))
    return F_ADMINISTRATION;
  if (matches (words, "position|job|designation|fonction|poste|=rank|=grade|=post"))
    return F_POSITION;
  if (matches (words, "gender|=sex|sexe|=genre"))
    return F_GENDER;
  if (matches (words, "name|=nom|nom complet|participant|attendee|delegate|=respondent|"
                      "=officer|=nombre|=fullname|=username"))
    return F_NAME;

  *strength = 0;
  return F_NONE;
}

static gboolean
is_person_field (int field)
{
  return field == F_NAME || field == F_FIRST_NAME || field == F_LAST_NAME
         || field == F_ADMINISTRATION || field == F_EMAIL || field == F_POSITION
         || field == F_GENDER || field == F_WORKSHOP;
}

/* A short header that names two fields at once ("Organization / Position", "Name and
 * e-mail"): the other field, or F_NONE. Such a column is never taken for either by itself. */
static int
other_field (FuImportKind  kind,
             const char   *header,
             int           field)
{
  g_autofree char *spaced = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) parts = NULL;
  GRegex *separators;

  if (!is_person_field (field))
    return F_NONE;
  words = g_strsplit (header, " ", -1);
  if (g_strv_length (words) > 6)
    return F_NONE;
  /* KoboToolbox's group paths ("participant/email") are one field. */
  spaced = kind == FU_IMPORT_RESPONSES && strstr (header, " / ") == NULL
           ? g_strdelimit (g_strdup (header), "/", ' ') : g_strdup (header);
  separators = g_regex_new ("\\s*(?:/|\\||&|,|;|\\band\\b|\\bor\\b|\\bet\\b|\\bou\\b)\\s*",
                            G_REGEX_CASELESS, 0, NULL);
  parts = g_regex_split (separators, spaced, 0);
  g_regex_unref (separators);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint strength = 0;
      int part;

      if (parts[i][0] == '\0')
        continue;
      part = classify_header (kind, parts[i], &strength);
      if (is_person_field (part) && part != field)
        return part;
    }
  return F_NONE;
}

/* ---- Administrations ------------------------------------------------------------------------ */

/* Names as people write them, for the 33 members as the database ships them. Keys are
 * normalized (lower-case ASCII words). */
static const struct {
  const char *written;
  const char *member;
} admin_aliases[] = {
  { "vietnam", "Viet Nam" }, { "viet nam", "Viet Nam" }, { "socialist republic of viet nam", "Viet Nam" },
  { "laos", "Lao PDR" }, { "lao", "Lao PDR" }, { "lao p d r", "Lao PDR" },
  { "lao people s democratic republic", "Lao PDR" }, { "lao pdr", "Lao PDR" },
  { "rdp lao", "Lao PDR" }, { "republique democratique populaire lao", "Lao PDR" },
  { "brunei", "Brunei Darussalam" }, { "brunei darussalam", "Brunei Darussalam" },
  { "brunei darussalam", "Brunei Darussalam" },
  { "hong kong", "Hong Kong China" }, { "hong kong sar", "Hong Kong China" },
  { "hong kong china", "Hong Kong China" }, { "hong kong sar china", "Hong Kong China" },
  { "hongkong", "Hong Kong China" }, { "hong kong chine", "Hong Kong China" },
  { "macao", "Macau China" }, { "macau", "Macau China" }, { "macao china", "Macau China" },
  { "macao sar", "Macau China" }, { "macau sar", "Macau China" },
  { "macao sar china", "Macau China" }, { "macao chine", "Macau China" },
  { "korea", "Korea" }, { "korea republic of", "Korea" }, { "republic of korea", "Korea" },
  { "south korea", "Korea" }, { "korea rep", "Korea" }, { "korea south", "Korea" },
  { "coree", "Korea" }, { "republique de coree", "Korea" }, { "coree du sud", "Korea" },
  { "iran", "Iran" }, { "iran islamic republic of", "Iran" },
  { "islamic republic of iran", "Iran" }, { "iran republique islamique d", "Iran" },
  { "republique islamique d iran", "Iran" },
  { "china", "China" }, { "people s republic of china", "China" }, { "prc", "China" },
  { "chine", "China" }, { "p r china", "China" },
  { "timor leste", "Timor-Leste" }, { "east timor", "Timor-Leste" },
  { "timor oriental", "Timor-Leste" }, { "democratic republic of timor leste", "Timor-Leste" },
  { "burma", "Myanmar" }, { "png", "Papua New Guinea" },
  { "papouasie nouvelle guinee", "Papua New Guinea" },
  { "australie", "Australia" }, { "bhoutan", "Bhutan" }, { "cambodge", "Cambodia" },
  { "kingdom of cambodia", "Cambodia" }, { "fidji", "Fiji" }, { "inde", "India" },
  { "indonesie", "Indonesia" }, { "japon", "Japan" }, { "malaisie", "Malaysia" },
  { "mongolie", "Mongolia" }, { "nepal", "Nepal" }, { "nouvelle zelande", "New Zealand" },
  { "singapour", "Singapore" }, { "thailande", "Thailand" }, { "thai", "Thailand" },
  { "kingdom of thailand", "Thailand" }, { "philippines", "Philippines" },
  { "republic of the philippines", "Philippines" }, { "republic of india", "India" },
  { "republic of indonesia", "Indonesia" }, { "islamic republic of pakistan", "Pakistan" },
  { "islamic republic of afghanistan", "Afghanistan" }, { "kingdom of tonga", "Tonga" },
  { "kingdom of bhutan", "Bhutan" }, { "republic of fiji", "Fiji" },
  { "independent state of samoa", "Samoa" }, { "republic of the maldives", "Maldives" },
  { "republic of maldives", "Maldives" }, { "people s republic of bangladesh", "Bangladesh" },
  { "democratic socialist republic of sri lanka", "Sri Lanka" },
  { "republic of vanuatu", "Vanuatu" }, { "republic of singapore", "Singapore" },
  { "afghan", "Afghanistan" }, { "australian", "Australia" }, { "bangladeshi", "Bangladesh" },
  { "bhutanese", "Bhutan" }, { "bruneian", "Brunei Darussalam" }, { "cambodian", "Cambodia" },
  { "chinese", "China" }, { "fijian", "Fiji" }, { "indian", "India" },
  { "indonesian", "Indonesia" }, { "iranian", "Iran" }, { "japanese", "Japan" },
  { "korean", "Korea" }, { "lao pdr", "Lao PDR" }, { "malaysian", "Malaysia" },
  { "maldivian", "Maldives" }, { "mongolian", "Mongolia" }, { "nepalese", "Nepal" },
  { "nepali", "Nepal" }, { "pakistani", "Pakistan" }, { "papua new guinean", "Papua New Guinea" },
  { "philippine", "Philippines" }, { "filipino", "Philippines" }, { "samoan", "Samoa" },
  { "sri lankan", "Sri Lanka" }, { "thailand", "Thailand" }, { "timorese", "Timor-Leste" },
  { "tongan", "Tonga" }, { "ni vanuatu", "Vanuatu" }, { "vietnamese", "Viet Nam" },
};

/* A member's e-mail country code. */
static const struct {
  const char *tld;
  const char *member;
} member_domains[] = {
  { "af", "Afghanistan" }, { "au", "Australia" }, { "bd", "Bangladesh" }, { "bt", "Bhutan" },
  { "bn", "Brunei Darussalam" }, { "kh", "Cambodia" }, { "cn", "China" }, { "fj", "Fiji" },
  { "hk", "Hong Kong China" }, { "in", "India" }, { "id", "Indonesia" }, { "ir", "Iran" },
  { "jp", "Japan" }, { "kr", "Korea" }, { "la", "Lao PDR" }, { "mo", "Macau China" },
  { "my", "Malaysia" }, { "mv", "Maldives" }, { "mn", "Mongolia" }, { "mm", "Myanmar" },
  { "np", "Nepal" }, { "nz", "New Zealand" }, { "pk", "Pakistan" },
  { "pg", "Papua New Guinea" }, { "ph", "Philippines" }, { "ws", "Samoa" },
  { "sg", "Singapore" }, { "lk", "Sri Lanka" }, { "th", "Thailand" }, { "tl", "Timor-Leste" },
  { "to", "Tonga" }, { "vu", "Vanuatu" }, { "vn", "Viet Nam" },
};

/* Words around an administration's name that do not tell it: "Royal Malaysian Customs
 * Department", "General Department of Viet Nam Customs". */
static const char * const admin_noise[] = {
  "customs", "department", "general", "administration", "service", "services", "the", "of",
  "royal", "national", "bureau", "board", "directorate", "authority", "agency", "douane",
  "douanes", "des", "de", "la", "du", "federal", "revenue", "central",
};

typedef struct {
  FuStore     *store;
  FuImportKind kind;
  const char  *file;
  FuImportResult *result;
  const FuImportOptions *options;
  FuTable     *table;

  guint        header;            /* row index of the header */
  guint        end;               /* first row index after the data */
  guint        n_columns;
  guint        header_width;      /* cells of the header up to its last name */
  int         *fields;            /* per column of the file */
  int          column_of[F_COUNT];/* the column chosen for each field, or -1 */

  GHashTable  *admin_names;       /* normalized name or short name -> its name as stored */
  GHashTable  *domains;           /* e-mail domain -> administration name, "" when several */
  GHashTable  *workshops;         /* casefolded code -> FuWorkshop*; titles too */
  GPtrArray   *workshop_list;     /* FuWorkshop*, owned */
  GHashTable  *attendees;         /* workshop code -> GPtrArray of FuAttendeeRow* */
  GHashTable  *admin_written;     /* a cell as written -> known_administration()'s answer */
  GHashTable  *workshop_written;  /* a cell as written -> workshop_named()'s answer */
  int          day_order;         /* 0 unknown, 1 month first, 2 day first */

  guint        line;              /* of the row being converted */
  gboolean     row_failed;
} Map;

static void
add_issue (Map        *self,
           int         column,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
add_issue (Map        *self,
           int         column,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fu_import_result_add_issue (self->result, self->file, self->line,
                              column >= 0 ? fu_table_get_cell (self->table, self->header,
                                                               (guint) column)
                                          : NULL,
                              message);
  self->row_failed = TRUE;
}

static char *
admin_key_of (const char *name)
{
  g_autofree char *words = normalize (name);
  g_auto(GStrv) parts = g_strsplit (words, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean noise = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (admin_noise); j++)
        noise |= strcmp (parts[i], admin_noise[j]) == 0;
      if (noise || parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
load_administrations (Map     *self,
                      GError **error)
{
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (self->store, error);

  if (admins == NULL)
    return FALSE;
  self->admin_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);

      if (admin->short_name != NULL && admin->short_name[0] != '\0')
        g_hash_table_insert (self->admin_names, normalize (admin->short_name),
                             g_strdup (admin->name));
      g_hash_table_insert (self->admin_names, normalize (admin->name), g_strdup (admin->name));
      g_hash_table_insert (self->admin_names, admin_key_of (admin->name),
                           g_strdup (admin->name));
    }
  /* The other names staff gave the administrations, kept in the database. */
  {
    g_autoptr(GPtrArray) aliases = fu_store_list_aliases (self->store, error);

    if (aliases == NULL)
      return FALSE;
    for (guint i = 0; i < aliases->len; i++)
      {
        const FuAlias *alias = g_ptr_array_index (aliases, i);

        for (guint j = 0; j < admins->len; j++)
          {
            const FuAdministration *admin = g_ptr_array_index (admins, j);

            if (admin->id == alias->administration_id)
              g_hash_table_replace (self->admin_names, normalize (alias->alias),
                                    g_strdup (admin->name));
          }
      }
  }
  /* What staff accepted in a preview ("Use Viet Nam"). */
  if (self->options != NULL && self->options->aliases != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->options->aliases);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (self->admin_names, normalize (key), g_strdup (value));
    }
  /* The usual ways of writing the members, where the member is in the database. */
  for (guint i = 0; i < G_N_ELEMENTS (admin_aliases); i++)
    {
      g_autofree char *member = normalize (admin_aliases[i].member);
      const char *stored = g_hash_table_lookup (self->admin_names, member);

      if (stored != NULL && !g_hash_table_contains (self->admin_names, admin_aliases[i].written))
        g_hash_table_insert (self->admin_names, g_strdup (admin_aliases[i].written),
                             g_strdup (stored));
    }
  return TRUE;
}

/* The administration whose name (or a usual way of writing it) stands as whole words in
 * @words: "Directorate General of Customs and Excise, Indonesia". The longest wins ("hong
 * kong china" over "china"); NULL when none does, or two different ones as long. */
static const char *
administration_within (Map        *self,
                       const char *words)
{
  g_autofree char *padded = g_strdup_printf (" %s ", words);
  const char *best = NULL;
  gsize best_len = 0;
  gboolean tie = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->admin_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen (key);
      g_autofree char *needle = NULL;

      /* Short names ("KOR", "LAO") are too easily part of something else. */
      if (len < 4 || len < best_len)
        continue;
      needle = g_strdup_printf (" %s ", (const char *) key);
      if (strstr (padded, needle) == NULL)
        continue;
      if (len > best_len)
        {
          best = value;
          best_len = len;
          tie = FALSE;
        }
      else if (g_strcmp0 (best, value) != 0)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

/* What a lookup answered for each way a file writes a name: a list names its few workshops
 * and administrations on every row. TRUE with *@found when @text was looked up already. */
static char memo_none;

static gboolean
recall (GHashTable **memo,
        const char  *text,
        gpointer    *found)
{
  if (*memo == NULL)
    *memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  *found = g_hash_table_lookup (*memo, text);
  if (*found == NULL)
    return FALSE;
  if (*found == &memo_none)
    *found = NULL;
  return TRUE;
}

static gpointer
remember (GHashTable *memo,
          const char *text,
          gpointer    found)
{
  g_hash_table_insert (memo, g_strdup (text), found != NULL ? found : &memo_none);
  return found;
}

static const char *
find_administration (Map        *self,
                     const char *text)
{
  g_autofree char *words = normalize (text);
  g_autofree char *key = NULL;
  const char *found = g_hash_table_lookup (self->admin_names, words);

  if (found != NULL || words[0] == '\0')
    return found;
  key = admin_key_of (text);
  if (key[0] == '\0')
    return NULL;
  found = g_hash_table_lookup (self->admin_names, key);
  if (found != NULL)
    return found;
  /* "Viet Nam Customs" -> "viet nam"; "Japan Customs" -> "japan"; "Korea Customs Service" */
  for (guint i = 0; i < G_N_ELEMENTS (admin_aliases); i++)
    if (strcmp (key, admin_aliases[i].written) == 0)
      return g_hash_table_lookup (self->admin_names, admin_aliases[i].written);
  return administration_within (self, words);
}

/* The administration as the database names it, or NULL when the text names none. */
static const char *
known_administration (Map        *self,
                      const char *text)
{
  gpointer found;

  if (recall (&self->admin_written, text, &found))
    return found;
  return remember (self->admin_written, text, (gpointer) find_administration (self, text));
}

static const char *
email_domain (const char *email)
{
  const char *at = email != NULL ? strrchr (email, '@') : NULL;

  return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

/* The administration of everyone known, by their e-mail's domain: read when a row first
 * needs it (a list without administrations), not for every file. */
static void
load_domains (Map *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  people = fu_store_list_participant_overview (self->store, &error);
  if (people == NULL)
    {
      /* Then e-mails tell only by their country code. */
      g_debug ("could not read the e-mails' domains: %s", error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      const FuParticipantOverview *person = g_ptr_array_index (people, i);
      const char *domain = email_domain (person->email);
      g_autofree char *key = NULL;
      const char *seen;

      if (domain == NULL || person->administration == NULL)
        continue;
      key = g_ascii_strdown (domain, -1);
      seen = g_hash_table_lookup (self->domains, key);
      if (seen == NULL)
        g_hash_table_insert (self->domains, g_steal_pointer (&key),
                             g_strdup (person->administration));
      else if (strcmp (seen, person->administration) != 0)
        g_hash_table_insert (self->domains, g_steal_pointer (&key), g_strdup (""));
    }
}

/* The administration an e-mail address tells: the one of everyone known with its domain,
 * else the member of its country code. NULL when it does not tell. */
static const char *
administration_of_email (Map        *self,
                         const char *email)
{
  const char *domain = email_domain (email);
  g_autofree char *key = NULL;
  const char *found;
  const char *dot;

  if (domain == NULL)
    return NULL;
  if (self->domains == NULL)
    load_domains (self);
  key = g_ascii_strdown (domain, -1);
  found = g_hash_table_lookup (self->domains, key);
  if (found != NULL)
    return found[0] != '\0' ? found : NULL;
  dot = strrchr (key, '.');
  if (dot == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (member_domains); i++)
    if (strcmp (dot + 1, member_domains[i].tld) == 0)
      {
        g_autofree char *member = normalize (member_domains[i].member);

        return g_hash_table_lookup (self->admin_names, member);
      }
  return NULL;
}

/* ---- Workshops ------------------------------------------------------------------------------ */

static gboolean
load_workshops (Map     *self,
                GError **error)
{
  self->workshop_list = fu_store_list_workshops (self->store, FU_DAY_NONE, FU_DAY_NONE, error);
  if (self->workshop_list == NULL)
    return FALSE;
  self->workshops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->workshop_list->len; i++)
    {
      FuWorkshop *workshop = g_ptr_array_index (self->workshop_list, i);

      g_hash_table_insert (self->workshops, g_utf8_casefold (workshop->code, -1), workshop);
    }
  return TRUE;
}

static FuWorkshop *
workshop_by_code (Map        *self,
                  const char *code)
{
  g_autofree char *key = g_utf8_casefold (code, -1);

  return g_hash_table_lookup (self->workshops, key);
}

/* The workshop a cell plainly names: its code, or its title with or without words around
 * it ("... Customs Valuation (June 2017, Bangkok)"). NULL when it names none or several. */
static FuWorkshop *
find_workshop_named (Map        *self,
                     const char *text)
{
  g_autofree char *words = normalize (text);
  FuWorkshop *found = workshop_by_code (self, text);

  if (found != NULL || words[0] == '\0')
    return found;
  for (guint i = 0; i < self->workshop_list->len; i++)
    {
      FuWorkshop *workshop = g_ptr_array_index (self->workshop_list, i);
      g_autofree char *title = normalize (workshop->title);

      if (title[0] != '\0' && strstr (words, title) != NULL)
        {
          if (found != NULL && found != workshop)
            return NULL;
          found = workshop;
        }
    }
  return found;
}

static FuWorkshop *
workshop_named (Map        *self,
                const char *text)
{
  gpointer found;

  if (recall (&self->workshop_written, text, &found))
    return found;
  return remember (self->workshop_written, text, find_workshop_named (self, text));
}

/* ---- Finding the table ---------------------------------------------------------------------- */

static guint
non_empty_cells (FuTable *table,
                 guint    row)
{
  guint n = 0;

  for (guint i = 0; i < fu_table_get_n_cells (table, row); i++)
    n += fu_table_get_cell (table, row, i)[strspn (fu_table_get_cell (table, row, i), " ")]
         != '\0';
  return n;
}

/* How much a row looks like the header: the usual names it has. */
static guint
header_score (Map   *self,
              guint  row)
{
  guint score = 0;
  gboolean seen[F_COUNT] = { FALSE, };

  for (guint i = 0; i < fu_table_get_n_cells (self->table, row); i++)
    {
      guint strength = 0;
      int field = classify_header (self->kind, fu_table_get_cell (self->table, row, i),
                                   &strength);

      if (field != F_NONE && strength >= 2 && !seen[field])
        {
          seen[field] = TRUE;
          score++;
        }
    }
  return score;
}

/* The rows right below @row, on the lines that follow it without a blank one. */
static guint
rows_below (Map   *self,
            guint  row)
{
  guint n = 0;

  while (row + n + 1 < fu_table_get_n_rows (self->table)
         && fu_table_get_line (self->table, row + n + 1)
            <= fu_table_get_line (self->table, row + n) + 1
         && n < 1000)
    n++;
  return n;
}

static gboolean
find_header (Map     *self,
             GError **error)
{
  guint n_rows = fu_table_get_n_rows (self->table);
  guint best = 0;
  guint best_score = 0;

  if (self->options != NULL && self->options->header_row > 0)
    {
      for (guint row = 0; row < n_rows; row++)
        if (fu_table_get_line (self->table, row) >= self->options->header_row)
          {
            self->header = row;
            return TRUE;
          }
      g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID,
                   _("%s: there is no row %u: the last one is %u"), self->file,
                   self->options->header_row, fu_table_get_line (self->table, n_rows - 1));
      return FALSE;
    }

  for (guint row = 0; row < MIN (n_rows, (guint) HEADER_SEARCH_ROWS); row++)
    {
      guint score = header_score (self, row);

      /* Equal names: the row that heads the longer run of rows (a Zoom report's meeting
       * line names the host's e-mail too, above a one-line table of its own). */
      if (score > best_score
          || (score == best_score && score > 0 && rows_below (self, row) > rows_below (self, best)))
        {
          best_score = score;
          best = row;
        }
    }
  if (best_score == 0)
    {
      /* Nothing we know: the first row that is as wide as the rows below it. */
      for (guint row = 0; row + 1 < MIN (n_rows, (guint) HEADER_SEARCH_ROWS); row++)
        if (non_empty_cells (self->table, row) >= 2
            && non_empty_cells (self->table, row) >= non_empty_cells (self->table, row + 1))
          {
            best = row;
            break;
          }
    }
  self->header = best;
  return TRUE;
}

/* A report goes on after the table with other sections ("3. In-Meeting Activities"): the
 * data ends at a row of one cell that a new header follows, or that is numbered. */
static void
find_end (Map *self)
{
  guint n_rows = fu_table_get_n_rows (self->table);
  guint header_cells = non_empty_cells (self->table, self->header);

  self->end = n_rows;
  if (header_cells < 3)
    return;
  for (guint row = self->header + 1; row < n_rows; row++)
    {
      const char *first = fu_table_get_cell (self->table, row, 0);

      if (non_empty_cells (self->table, row) != 1 || first[0] == '\0')
        continue;
      if ((g_ascii_isdigit (first[0]) && strchr (first, '.') != NULL
           && strchr (first, '@') == NULL)
          || (row + 1 < n_rows && header_score (self, row + 1) >= 2))
        {
          self->end = row;
          return;
        }
    }
}

/* ---- Mapping the columns -------------------------------------------------------------------- */

/* How well a column's values fit @field, to choose between two columns for one field. */
static guint
values_score (Map *self,
              int  column,
              int  field)
{
  guint score = 0;

  for (guint row = self->header + 1; row < self->end; row++)
    {
      const char *cell = fu_table_get_cell (self->table, row, (guint) column);

      if (cell[0] == '\0')
        continue;
      switch (field)
        {
        case F_ADMINISTRATION:
          score += known_administration (self, cell) != NULL ? 2 : 0;
          break;
        case F_EMAIL:
          score += strchr (cell, '@') != NULL ? 2 : 0;
          break;
        case F_NAME:
          score += g_ascii_strcasecmp (cell, "anonymous") != 0 ? 1 : 0;
          break;
        default:
          score++;
          break;
        }
    }
  return score;
}

static GHashTable *
read_mapping_file (Map     *self,
                   GError **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        g_free);

  if (!fu_import_read_mapping (self->options->mapping, chosen, error))
    return NULL;
  return g_steal_pointer (&chosen);
}

static gboolean
map_columns (Map     *self,
             GError **error)
{
  g_autoptr(GHashTable) chosen = NULL;
  guint strengths[F_COUNT] = { 0, };
  guint *column_strength;
  int previous_answer = -1;

  if (self->options != NULL && self->options->mapping != NULL)
    {
      chosen = read_mapping_file (self, error);
      if (chosen == NULL)
        return FALSE;
    }

  self->n_columns = fu_table_get_n_cells (self->table, self->header);
  self->header_width = self->n_columns;
  while (self->header_width > 0
         && fu_table_get_cell (self->table, self->header, self->header_width - 1)[0] == '\0')
    self->header_width--;
  for (guint row = self->header + 1; row < self->end; row++)
    self->n_columns = MAX (self->n_columns, fu_table_get_n_cells (self->table, row));
  self->fields = g_new0 (int, MAX (self->n_columns, 1));
  column_strength = g_new0 (guint, MAX (self->n_columns, 1));
  for (int f = 0; f < F_COUNT; f++)
    self->column_of[f] = -1;

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *header = fu_table_get_cell (self->table, self->header, i);
      gpointer value = NULL;
      guint strength = 0;
      int field;

      if (self->options != NULL && self->options->columns != NULL
          && g_hash_table_lookup_extended (self->options->columns, header, NULL, &value))
        {
          field = field_from_name (value);
          strength = 5;
        }
      else if (chosen != NULL && g_hash_table_lookup_extended (chosen, header, NULL, &value))
        {
          field = field_from_name (value);
          strength = 4;
        }
      else
        {
          int other;

          field = classify_header (self->kind, header, &strength);
          other = other_field (self->kind, header, field);
          if (other != F_NONE)
            {
              g_autofree char *first = fu_import_describe_field (field_name (field));
              g_autofree char *second = fu_import_describe_field (field_name (other));

              /* "the e-mail or the name", inside a sentence */
              first[0] = g_ascii_tolower (first[0]);
              second[0] = g_ascii_tolower (second[0]);
              g_autofree char *message =
                g_strdup_printf (_("column “%s” could be the %s or the %s: say which (in the "
                                   "Columns step, or with --mapping)"), header, first, second);

              fu_import_result_add_issue (self->result, self->file,
                                          fu_table_get_line (self->table, self->header), NULL,
                                          message);
              field = F_NONE;
            }
        }

      /* "Please explain" after a yes/no question is its description; after Q1, the
       * "other" text. */
      if (field == F_DESCRIPTION)
        {
          if (previous_answer == F_ITEM + FU_ITEM_DIRECT_EFFECTS)
            field = F_ITEM + FU_ITEM_DIRECT_EFFECTS_TEXT;
          else if (previous_answer == F_ITEM + FU_ITEM_CONTRIBUTED)
            field = F_ITEM + FU_ITEM_CONTRIBUTED_TEXT;
          else if (previous_answer == F_ITEM + FU_ITEM_PROJECT_INITIATED)
            field = F_ITEM + FU_ITEM_PROJECT_TEXT;
          else if (previous_answer == F_Q1 || previous_answer == F_ITEM + FU_ITEM_OTHER_ACTION)
            field = F_ITEM + FU_ITEM_OTHER_ACTION_TEXT;
          else
            field = F_NONE;
        }
      if (field == F_Q1 || field == F_ITEM + FU_ITEM_DIRECT_EFFECTS
          || field == F_ITEM + FU_ITEM_CONTRIBUTED || field == F_ITEM + FU_ITEM_PROJECT_INITIATED
          || field == F_ITEM + FU_ITEM_OTHER_ACTION)
        previous_answer = field;
      else if (field != F_NONE)
        previous_answer = -1;

      self->fields[i] = field;
      column_strength[i] = strength;
    }

  /* Two columns for one field: one is taken, the other is not imported. */
  for (guint i = 0; i < self->n_columns; i++)
    {
      int field = self->fields[i];
      int other;

      if (field == F_NONE)
        continue;
      other = self->column_of[field];
      if (other < 0)
        {
          self->column_of[field] = (int) i;
          strengths[field] = column_strength[i];
          continue;
        }
      /* What staff chose wins; otherwise the values that fit (the form's own "Your e-mail"
       * over Microsoft Forms' "Email" of an anonymous form), then the surer name. */
      if (column_strength[i] >= 4 || strengths[field] >= 4
          ? column_strength[i] > strengths[field]
          : (values_score (self, (int) i, field) > values_score (self, other, field)
             || (values_score (self, (int) i, field) == values_score (self, other, field)
                 && column_strength[i] > strengths[field])))
        {
          self->fields[other] = F_NONE;
          self->column_of[field] = (int) i;
          strengths[field] = column_strength[i];
        }
      else
        self->fields[i] = F_NONE;
    }
  g_free (column_strength);

  /* "Nom" beside "Prénom", "Name" beside "First name": the family name. */
  if (self->column_of[F_NAME] >= 0 && self->column_of[F_FIRST_NAME] >= 0
      && self->column_of[F_LAST_NAME] < 0)
    {
      self->column_of[F_LAST_NAME] = self->column_of[F_NAME];
      self->fields[self->column_of[F_NAME]] = F_LAST_NAME;
      self->column_of[F_NAME] = -1;
    }
  return TRUE;
}

/* ---- Values --------------------------------------------------------------------------------- */

static const char *
cell_of (Map   *self,
         guint  row,
         int    field)
{
  int column = self->column_of[field];

  return column >= 0 ? fu_table_get_cell (self->table, row, (guint) column) : "";
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* The numbers and month names of a date or date-time, as written. */
typedef struct {
  guint numbers[3];
  guint n_numbers;
  guint month;          /* from a month's name, or 0 */
  gboolean year_first;  /* "2018/01/20" */
} DateParts;

static guint
month_of_name (const char *word)
{
  static const char * const names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  static const char * const french[] = {
    "janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec",
  };

  for (guint i = 0; i < 12; i++)
    if (g_str_has_prefix (word, names[i]) || g_str_has_prefix (word, french[i]))
      return i + 1;
  return 0;
}

/* The date part of "2018/01/20 10:15:32 AM GMT+7", "1/20/18 10:15:32", "20 Jan 2018",
 * "2018-01-20T10:15:32+07:00". FALSE when it holds no date. */
static gboolean
split_date (const char *text,
            DateParts  *parts)
{
  g_autofree char *words = normalize (text);
  g_auto(GStrv) tokens = g_strsplit (words, " ", -1);

  memset (parts, 0, sizeof *parts);
  for (guint i = 0; tokens[i] != NULL && parts->n_numbers < 3; i++)
    {
      const char *token = tokens[i];

      if (g_ascii_isdigit (token[0]))
        {
          guint64 value = 0;
          const char *p = token;

          while (g_ascii_isdigit (*p))
            p++;
          /* "20th", "1er" */
          if (*p != '\0' && strcmp (p, "st") != 0 && strcmp (p, "nd") != 0
              && strcmp (p, "rd") != 0 && strcmp (p, "th") != 0 && strcmp (p, "er") != 0)
            {
              /* "2018t10" from "2018-01-20T10:15": the date is done. */
              if (g_ascii_isalpha (*p) && parts->n_numbers == 2)
                {
                  g_autofree char *digits = g_strndup (token, p - token);

                  g_ascii_string_to_unsigned (digits, 10, 0, 9999, &value, NULL);
                  parts->numbers[parts->n_numbers++] = (guint) value;
                  break;
                }
              return FALSE;
            }
          {
            g_autofree char *digits = g_strndup (token, p - token);

            if (!g_ascii_string_to_unsigned (digits, 10, 0, 99999, &value, NULL))
              return FALSE;
          }
          if (parts->n_numbers == 0 && value > 31)
            parts->year_first = TRUE;
          parts->numbers[parts->n_numbers++] = (guint) value;
        }
      else if (parts->month == 0 && month_of_name (token) > 0)
        parts->month = month_of_name (token);
    }
  return parts->n_numbers + (parts->month > 0 ? 1 : 0) >= 3
         || (parts->month > 0 && parts->n_numbers == 2);
}

static guint
full_year (guint year)
{
  if (year < 70)
    return 2000 + year;
  if (year < 100)
    return 1900 + year;
  return year;
}

/* @order: 1 month first, 2 day first (for "1/2/18"). */
static FuDay
date_of_parts (const DateParts *parts,
               int              order)
{
  if (parts->month > 0)
    {
      /* "20 Jan 2018", "January 20, 2018" */
      guint a = parts->numbers[0];
      guint b = parts->numbers[1];

      if (a > 31)
        return fu_day_new (a, parts->month, b);
      if (b > 31 || parts->n_numbers == 2)
        return fu_day_new (full_year (b), parts->month, a);
      return FU_DAY_NONE;
    }
  if (parts->n_numbers < 3)
    return FU_DAY_NONE;
  if (parts->year_first)
    return fu_day_new (parts->numbers[0], parts->numbers[1], parts->numbers[2]);
  if (order == 2)
    return fu_day_new (full_year (parts->numbers[2]), parts->numbers[1], parts->numbers[0]);
  return fu_day_new (full_year (parts->numbers[2]), parts->numbers[0], parts->numbers[1]);
}

/* Day and month order for the received dates: whatever makes every date exist and come
 * after the workshop; month first (as Microsoft Forms writes) when both would do. */
static void
infer_day_order (Map        *self,
                 FuWorkshop *workshop)
{
  gboolean month_first_ok = TRUE;
  gboolean day_first_ok = TRUE;
  gboolean ambiguous = FALSE;
  gint64 month_first_distance = 0;
  gint64 day_first_distance = 0;
  FuDay expected = workshop != NULL ? fu_day_add_months (workshop->end_date, 6) : FU_DAY_NONE;

  if (self->column_of[F_RECEIVED] < 0)
    return;
  for (guint row = self->header + 1; row < self->end; row++)
    {
      DateParts parts;
      FuDay a, b;

      if (!split_date (cell_of (self, row, F_RECEIVED), &parts) || parts.year_first
          || parts.month > 0)
        continue;
      ambiguous = TRUE;
      a = date_of_parts (&parts, 1);
      b = date_of_parts (&parts, 2);
      month_first_ok &= a != FU_DAY_NONE
                        && (workshop == NULL || a >= workshop->start_date);
      day_first_ok &= b != FU_DAY_NONE && (workshop == NULL || b >= workshop->start_date);
      if (expected != FU_DAY_NONE && a != FU_DAY_NONE)
        month_first_distance += ABS ((gint64) a - (gint64) expected);
      if (expected != FU_DAY_NONE && b != FU_DAY_NONE)
        day_first_distance += ABS ((gint64) b - (gint64) expected);
    }
  if (!ambiguous)
    return;
  if (month_first_ok && day_first_ok)
    self->day_order = day_first_distance < month_first_distance ? 2 : 1;
  else
    self->day_order = day_first_ok ? 2 : 1;
}

static FuDay
parse_received (const char *text,
                int         order)
{
  DateParts parts;
  FuDay day = FU_DAY_NONE;
  g_autofree char *clean = trimmed (text);

  if (fu_day_parse_iso (clean, &day))
    return day;
  if (strlen (clean) > 10 && (clean[10] == 'T' || clean[10] == ' '))
    {
      /* "2018-01-20T10:15:32+07:00": the date as written, whatever the offset. */
      clean[10] = '\0';
      if (fu_day_parse_iso (clean, &day))
        return day;
      clean[10] = ' ';
    }
  if (!split_date (clean, &parts))
    return FU_DAY_NONE;
  return date_of_parts (&parts, order);
}

/* ---- Converting rows ------------------------------------------------------------------------ */

typedef struct {
  char   *email;
  char   *name;
  char   *administration;
} Who;

static void
who_clear (Who *who)
{
  g_clear_pointer (&who->email, g_free);
  g_clear_pointer (&who->name, g_free);
  g_clear_pointer (&who->administration, g_free);
}

static char *
row_name (Map   *self,
          guint  row)
{
  g_autofree char *name = trimmed (cell_of (self, row, F_NAME));
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (name[0] != '\0' || (self->column_of[F_FIRST_NAME] < 0 && self->column_of[F_LAST_NAME] < 0))
    return g_steal_pointer (&name);
  first = trimmed (cell_of (self, row, F_FIRST_NAME));
  last = trimmed (cell_of (self, row, F_LAST_NAME));
  if (first[0] == '\0' || last[0] == '\0')
    return g_strconcat (first, last, NULL);
  return g_strconcat (first, " ", last, NULL);
}

/* The administration of a row: its cell as the database names it (or as written, for the
 * importer to suggest), else what the e-mail's domain tells. */
static char *
row_administration (Map        *self,
                    guint       row,
                    const char *email,
                    const char *name)
{
  g_autofree char *written = trimmed (cell_of (self, row, F_ADMINISTRATION));
  const char *known;

  if (written[0] != '\0')
    {
      known = known_administration (self, written);
      return g_strdup (known != NULL ? known : written);
    }
  known = administration_of_email (self, email);
  if (known != NULL)
    return g_strdup (known);
  /* What staff chose for the rows that do not tell (the assistant asks). */
  if (self->options != NULL && self->options->administration != NULL)
    {
      known = known_administration (self, self->options->administration);
      return g_strdup (known != NULL ? known : self->options->administration);
    }
  if (self->column_of[F_ADMINISTRATION] >= 0)
    return g_strdup ("");   /* the importer says it is missing */
  if (email != NULL && email[0] != '\0')
    add_issue (self, self->column_of[F_EMAIL],
               _("no administration for %s: the file has no administration column and the "
                 "e-mail's domain (%s) does not tell one; add a column, choose the "
                 "administration of such rows (--administration), or import earlier lists "
                 "from the same domain first"),
               name, email_domain (email) != NULL ? email_domain (email) : email);
  else
    add_issue (self, -1,
               _("no administration for %s: the file has no administration column and no "
                 "e-mail to tell one from; add a column, or choose the administration of "
                 "such rows (--administration)"), name);
  return g_strdup ("");
}

/* The workshop of a row: the one asked for, or the one its cell names. */
static FuWorkshop *
row_workshop (Map   *self,
              guint  row)
{
  g_autofree char *cell = trimmed (cell_of (self, row, F_WORKSHOP));
  FuWorkshop *asked = NULL;
  FuWorkshop *named;

  if (self->options != NULL && self->options->workshop != NULL)
    {
      asked = workshop_by_code (self, self->options->workshop);
      if (cell[0] == '\0')
        return asked;
      named = workshop_named (self, cell);
      /* Only a row that plainly names another workshop is wrong: a form's own code or
       * the title with the dates around it is fine. */
      if (named != NULL && named != asked)
        {
          add_issue (self, self->column_of[F_WORKSHOP],
                     _("this row is for workshop %s (“%s”), not %s: import it there"),
                     named->code, cell, asked->code);
          return NULL;
        }
      return asked;
    }

  if (self->column_of[F_WORKSHOP] < 0)
    return NULL;
  if (cell[0] == '\0')
    {
      add_issue (self, self->column_of[F_WORKSHOP],
                 _("the workshop is missing: fill it in, or import from the workshop's page "
                   "(--workshop CODE)"));
      return NULL;
    }
  named = workshop_named (self, cell);
  if (named == NULL)
    add_issue (self, self->column_of[F_WORKSHOP],
               _("no workshop with code or title '%s': import workshops.csv first, or give "
                 "the workshop (--workshop CODE)"), cell);
  return named;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Titles in front of a name, which lists and forms write or leave out at will. */
static const char * const honorifics[] = {
  "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "m", "mme", "mlle", "madame", "monsieur",
  "h", "e", "hon",
};

/* "Dara Sok", "SOK Dara" and "Mr. Dara Sok" alike: lower case, no accents, no title, words
 * sorted. */
static char *
person_key (const char *name)
{
  g_autofree char *words = normalize (name);
  g_auto(GStrv) all = g_strsplit (words, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  guint n;

  for (guint i = 0; all[i] != NULL; i++)
    if (!(g_strv_length (all) > 2 && i == 0 && g_strv_contains (honorifics, all[i])))
      g_strv_builder_add (builder, all[i]);
  parts = g_strv_builder_end (builder);
  n = g_strv_length (parts);

  qsort (parts, n, sizeof (char *), compare_words);
  {
    g_autofree char *joined = g_strjoinv (" ", parts);
    return g_strdup (g_strstrip (joined));
  }
}

static GPtrArray *
attendees_of (Map        *self,
              FuWorkshop *workshop)
{
  GPtrArray *list = g_hash_table_lookup (self->attendees, workshop->code);
  g_autoptr(GError) error = NULL;

  if (list != NULL)
    return list;
  list = fu_store_list_attendees (self->store, workshop->id, &error);
  if (list == NULL)
    list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_attendee_row_free);
  g_hash_table_insert (self->attendees, g_strdup (workshop->code), list);
  return list;
}

/* Edit distance on characters, for the closest names. */
static guint
distance (const char *a,
          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

typedef struct {
  const FuAttendeeRow *attendee;
  guint                distance;
} Closest;

static int
compare_closest (gconstpointer a,
                 gconstpointer b)
{
  const Closest *ca = a, *cb = b;

  return (ca->distance > cb->distance) - (ca->distance < cb->distance);
}

/* Who replied, among the workshop's attendees: by e-mail, else by name (and administration
 * when the row gives one), whatever the case, accents and order of the words. */
static gboolean
match_attendee (Map        *self,
                guint       row,
                FuWorkshop *workshop,
                Who        *who)
{
  GPtrArray *attendees = attendees_of (self, workshop);
  g_autofree char *email = trimmed (cell_of (self, row, F_EMAIL));
  g_autofree char *name = row_name (self, row);
  g_autofree char *admin_text = trimmed (cell_of (self, row, F_ADMINISTRATION));

  /* Microsoft Forms writes "anonymous" for the e-mail and the name of an anonymous form. */
  if (strchr (email, '@') == NULL)
    email[0] = '\0';
  if (g_ascii_strcasecmp (name, "anonymous") == 0)
    name[0] = '\0';
  g_autofree char *key = NULL;
  const char *admin = admin_text[0] != '\0' ? known_administration (self, admin_text) : NULL;
  const FuAttendeeRow *by_name = NULL;
  guint n_by_name = 0;

  key = person_key (name);
  if (strchr (email, '@') != NULL)
    for (guint i = 0; i < attendees->len; i++)
      {
        const FuAttendeeRow *attendee = g_ptr_array_index (attendees, i);

        if (attendee->email != NULL && g_ascii_strcasecmp (attendee->email, email) == 0)
          {
            /* The name and administration too, for the preview's rows. */
            who->email = g_strdup (attendee->email);
            who->name = g_strdup (attendee->name);
            who->administration = g_strdup (attendee->administration);
            return TRUE;
          }
      }

  if (key[0] != '\0')
    for (guint i = 0; i < attendees->len; i++)
      {
        const FuAttendeeRow *attendee = g_ptr_array_index (attendees, i);
        g_autofree char *attendee_key = person_key (attendee->name);

        if (strcmp (attendee_key, key) == 0
            && (admin == NULL || g_strcmp0 (admin, attendee->administration) == 0))
          {
            by_name = attendee;
            n_by_name++;
          }
      }
  if (n_by_name == 1)
    {
      who->email = g_strdup (by_name->email);
      who->name = g_strdup (by_name->name);
      who->administration = g_strdup (by_name->administration);
      return TRUE;
    }

  {
    g_autoptr(GArray) closest = g_array_new (FALSE, FALSE, sizeof (Closest));
    g_autoptr(GString) names = g_string_new (NULL);
    const char *written = email[0] != '\0' && name[0] != '\0'
                          ? NULL : (email[0] != '\0' ? email : name);
    g_autofree char *both = written == NULL ? g_strdup_printf ("%s <%s>", name, email) : NULL;

    if (n_by_name > 1)
      {
        add_issue (self, self->column_of[F_NAME],
                   _("%s attended workshop %s more than once under this name: give the "
                     "e-mail or the administration"), name, workshop->code);
        return FALSE;
      }
    for (guint i = 0; i < attendees->len; i++)
      {
        const FuAttendeeRow *attendee = g_ptr_array_index (attendees, i);
        g_autofree char *attendee_key = person_key (attendee->name);
        Closest c = { attendee, distance (key, attendee_key) };

        g_array_append_val (closest, c);
      }
    g_array_sort (closest, compare_closest);
    for (guint i = 0; i < MIN (closest->len, (guint) MAX_CLOSEST); i++)
      {
        const FuAttendeeRow *attendee = g_array_index (closest, Closest, i).attendee;

        g_string_append_printf (names, "%s%s (%s)", i > 0 ? ", " : "", attendee->name,
                                attendee->email != NULL ? attendee->email
                                                        : attendee->administration);
      }
    if (written != NULL && written[0] == '\0')
      add_issue (self, -1, _("the row does not say who replied: give an e-mail or a name"));
    else if (attendees->len == 0)
      add_issue (self, self->column_of[email[0] != '\0' ? F_EMAIL : F_NAME],
                 _("%s is not an attendee of workshop %s, which has none yet: import its "
                   "attendance list first"), written != NULL ? written : both, workshop->code);
    else
      add_issue (self, self->column_of[email[0] != '\0' ? F_EMAIL : F_NAME],
                 _("%s is not an attendee of workshop %s; the closest are %s"),
                 written != NULL ? written : both, workshop->code, names->str);
  }
  return FALSE;
}

static const char * const unanswered_words[] = {
  "n/a", "na", "not applicable", "don't know", "do not know", "not sure", "-", "sans objet",
  "ne sais pas",
};

/* A yes/no cell as ours: "yes", "no" or "". */
static const char *
convert_answer (Map        *self,
                int         column,
                const char *cell)
{
  g_autofree char *text = trimmed (cell);
  FuAnswer answer = FU_ANSWER_UNANSWERED;

  for (guint i = 0; i < G_N_ELEMENTS (unanswered_words); i++)
    if (g_ascii_strcasecmp (text, unanswered_words[i]) == 0)
      return "";
  if (!fu_csv_parse_answer (text, &answer))
    {
      add_issue (self, column, _("'%s' is not yes or no"), text);
      return "";
    }
  return answer == FU_ANSWER_YES ? "yes" : answer == FU_ANSWER_NO ? "no" : "";
}

/* A ticked choice's own column: blank, "0", "No", "Not selected" are not ticked. */
static gboolean
tick_of_cell (const char *cell)
{
  g_autofree char *text = trimmed (cell);
  FuAnswer answer = FU_ANSWER_UNANSWERED;

  if (text[0] == '\0' || g_ascii_strcasecmp (text, "not selected") == 0
      || g_ascii_strcasecmp (text, "non sélectionné") == 0)
    return FALSE;
  if (fu_csv_parse_answer (text, &answer))
    return answer == FU_ANSWER_YES;
  return TRUE;   /* LimeSurvey and others write the choice's text */
}

/* A count "5", "5.0", "5 colleagues": "" when blank, the cell as written (for the importer
 * to refuse) when it is not a number. */
static char *
convert_count (const char *cell)
{
  g_autofree char *text = trimmed (cell);
  char *end = NULL;
  double value;

  if (text[0] == '\0')
    return g_strdup ("");
  value = g_ascii_strtod (text, &end);
  if (end != text && value >= 0 && value == (double) (gint64) value
      && (*end == '\0' || *end == ' '))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_steal_pointer (&text);
}

/* Choices' whole texts one after the other with spaces between (KoboToolbox's labels):
 * the texts, when nothing else is in the cell; NULL otherwise. */
static GStrv
split_choice_labels (const char *text)
{
  g_autofree char *rest = normalize (text);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv found;
  guint n = 0;

  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      const char *texts[] = { item->text, item->text_fr };

      if (item->type != FU_ITEM_TICK)
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *label = normalize (texts[t]);
          char *at = strstr (rest, label);
          gsize len = strlen (label);

          /* Whole words only. */
          if (at == NULL || (at > rest && at[-1] != ' ') || (at[len] != ' ' && at[len] != '\0'))
            continue;
          memset (at, ' ', len);
          g_strv_builder_add (builder, item->column);
          n++;
          break;
        }
    }
  /* What is left must be choice names too ("other"). */
  {
    g_auto(GStrv) words = g_strsplit (g_strstrip (rest), " ", -1);

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        if (classify_choice (words[i]) < 0 || n == 0)
          {
            g_strv_builder_unref (builder);
            return NULL;
          }
        g_strv_builder_add (builder, words[i]);
      }
  }
  found = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (n == 0)
    g_clear_pointer (&found, g_strfreev);
  return found;
}

/* The Q1 choices in one cell: "A, B, Other text" (Google Forms), "A;B;" (Microsoft Forms),
 * "shared_materials submitted_report" (KoboToolbox). A piece that is no choice is the
 * "others" text. */
static void
split_q1 (const char *cell,
          gboolean    ticks[FU_N_ACTIONS],
          GString    *other_text)
{
  g_autofree char *text = trimmed (cell);
  g_auto(GStrv) pieces = NULL;

  if (text[0] == '\0')
    return;
  if (strchr (text, ';') != NULL)
    pieces = g_strsplit (text, ";", -1);
  else if (strchr (text, ',') != NULL)
    pieces = g_strsplit (text, ",", -1);
  else
    {
      g_auto(GStrv) words = g_strsplit (text, " ", -1);
      gboolean all_choices = TRUE;

      for (guint i = 0; words[i] != NULL; i++)
        {
          int item = words[i][0] != '\0' ? classify_choice (words[i]) : 0;
          g_autofree char *word_words = normalize (words[i]);

          /* Only whole choice names: "shared_materials", "other" */
          if (item < 0)
            all_choices = FALSE;
          else if (words[i][0] != '\0')
            {
              const FuQuestionnaireItem *found = fu_questionnaire_get_item ((FuItemId) item);
              g_autofree char *column = normalize (found->column);

              if (strcmp (word_words, column) != 0 && strchr (words[i], '_') == NULL
                  && !matches (word_words, found->keywords))
                all_choices = FALSE;
            }
        }
      pieces = all_choices && g_strv_length (words) > 1 ? g_strdupv (words) : NULL;
      if (pieces == NULL)
        pieces = split_choice_labels (text);
      if (pieces == NULL)
        {
          pieces = g_new0 (char *, 2);
          pieces[0] = g_strdup (text);
        }
    }

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);
      int item;

      if (piece[0] == '\0')
        continue;
      item = classify_choice (piece);
      if (item >= 0)
        {
          const FuQuestionnaireItem *found = fu_questionnaire_get_item ((FuItemId) item);

          ticks[found->action] = TRUE;
          /* "Other: a seminar" keeps its text. */
          if (found->action == FU_ACTION_OTHER)
            {
              const char *colon = strchr (piece, ':');

              if (colon != NULL && colon[1] != '\0')
                {
                  g_autofree char *rest = trimmed (colon + 1);

                  g_string_append_printf (other_text, "%s%s", other_text->len > 0 ? ", " : "",
                                          rest);
                }
            }
          continue;
        }
      ticks[FU_ACTION_OTHER] = TRUE;
      g_string_append_printf (other_text, "%s%s", other_text->len > 0 ? ", " : "", piece);
    }
}

static void
write_header (Map         *self,
              FuCsvWriter *writer,
              const int   *order,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    fu_csv_writer_add (writer, field_name (order[i]));
}

static const int participant_order[] = {
  F_WORKSHOP, F_NAME, F_ADMINISTRATION, F_EMAIL, F_POSITION, F_GENDER,
};

static gboolean
convert_participant (Map         *self,
                     guint        row,
                     FuCsvWriter *writer)
{
  FuWorkshop *workshop = row_workshop (self, row);
  g_autofree char *email = trimmed (cell_of (self, row, F_EMAIL));
  g_autofree char *name = row_name (self, row);
  g_autofree char *admin = row_administration (self, row, email, name);
  g_autofree char *position = trimmed (cell_of (self, row, F_POSITION));
  g_autofree char *gender = trimmed (cell_of (self, row, F_GENDER));

  if (self->row_failed)
    return FALSE;
  fu_csv_writer_add (writer, workshop != NULL ? workshop->code
                                              : cell_of (self, row, F_WORKSHOP));
  fu_csv_writer_add (writer, name);
  fu_csv_writer_add (writer, admin);
  fu_csv_writer_add (writer, email);
  fu_csv_writer_add (writer, position);
  fu_csv_writer_add (writer, gender);
  fu_csv_writer_end_row (writer);
  return TRUE;
}

static gboolean
convert_response (Map         *self,
                  guint        row,
                  FuCsvWriter *writer)
{
  FuWorkshop *workshop = row_workshop (self, row);
  Who who = { NULL, };
  gboolean ticks[FU_N_ACTIONS] = { FALSE, };
  gboolean split_ticks[FU_N_ACTIONS] = { FALSE, };
  gboolean has_split = FALSE;
  g_autoptr(GString) other_text = g_string_new (NULL);
  g_autofree char *received_cell = trimmed (cell_of (self, row, F_RECEIVED));
  g_autoptr(GPtrArray) cells = NULL;
  FuDay received = FU_DAY_NONE;
  char received_iso[11] = "";

  if (workshop != NULL)
    match_attendee (self, row, workshop, &who);

  if (self->column_of[F_Q1] >= 0)
    split_q1 (cell_of (self, row, F_Q1), ticks, other_text);
  for (guint a = 0; a < FU_N_ACTIONS; a++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_action ((FuAction) a);
      int column = self->column_of[F_ITEM + item->id];

      if (column < 0)
        continue;
      has_split = TRUE;
      split_ticks[a] = tick_of_cell (fu_table_get_cell (self->table, row, (guint) column));
    }
  /* KoboToolbox gives Q1 twice: the choices in one column, and one column per choice. */
  if (has_split && self->column_of[F_Q1] >= 0)
    {
      for (guint a = 0; a < FU_N_ACTIONS; a++)
        {
          const FuQuestionnaireItem *item = fu_questionnaire_get_action ((FuAction) a);

          if (self->column_of[F_ITEM + item->id] >= 0 && split_ticks[a] != ticks[a])
            {
              add_issue (self, self->column_of[F_ITEM + item->id],
                         _("“%s” is %s here but %s in column %s: the form's two answers to "
                           "Q1 disagree"),
                         _(item->text), split_ticks[a] ? _("ticked") : _("not ticked"),
                         ticks[a] ? _("ticked") : _("not ticked"),
                         fu_table_get_cell (self->table, self->header,
                                            (guint) self->column_of[F_Q1]));
              break;
            }
        }
    }
  else if (has_split)
    memcpy (ticks, split_ticks, sizeof ticks);

  if (received_cell[0] == '\0')
    add_issue (self, self->column_of[F_RECEIVED], _("the date the reply was received is "
                                                    "missing"));
  else
    {
      received = parse_received (received_cell, self->day_order);
      if (received == FU_DAY_NONE)
        add_issue (self, self->column_of[F_RECEIVED],
                   _("'%s' is not a date: write it as YYYY-MM-DD, e.g. 2017-03-21"),
                   received_cell);
      else
        fu_day_format_iso (received, received_iso);
    }

  if (self->row_failed)
    {
      who_clear (&who);
      return FALSE;
    }

  cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (cells, g_strdup (workshop != NULL ? workshop->code : ""));
  g_ptr_array_add (cells, g_strdup (who.email != NULL ? who.email : ""));
  g_ptr_array_add (cells, g_strdup (who.name != NULL ? who.name : ""));
  g_ptr_array_add (cells, g_strdup (who.administration != NULL ? who.administration : ""));
  g_ptr_array_add (cells, g_strdup (received_iso));
  g_ptr_array_add (cells, g_strdup (cell_of (self, row, F_ANSWERED_BY)));
  who_clear (&who);
  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      int column = self->column_of[F_ITEM + (int) i];
      const char *cell = column >= 0 ? fu_table_get_cell (self->table, row, (guint) column)
                                     : "";

      switch (item->type)
        {
        case FU_ITEM_TICK:
          g_ptr_array_add (cells, NULL);   /* filled in below, once "others" is known */
          break;
        case FU_ITEM_COUNT:
          g_ptr_array_add (cells, convert_count (cell));
          break;
        case FU_ITEM_ANSWER:
          g_ptr_array_add (cells, g_strdup (convert_answer (self, column, cell)));
          break;
        case FU_ITEM_DESCRIPTION:
          if (i == FU_ITEM_OTHER_ACTION_TEXT && cell[0] == '\0')
            cell = other_text->str;
          else if (i == FU_ITEM_OTHER_ACTION_TEXT && cell[0] != '\0')
            ticks[FU_ACTION_OTHER] = TRUE;
          g_ptr_array_add (cells, g_strdup (cell));
          break;
        case FU_ITEM_TEXT:
        default:
          g_ptr_array_add (cells, g_strdup (cell));
          break;
        }
    }
  if (self->row_failed)
    return FALSE;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      if (i >= 6 && cell == NULL)
        {
          const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) (i - 6));

          cell = ticks[item->action] ? "yes" : "";
        }
      fu_csv_writer_add (writer, cell);
    }
  fu_csv_writer_end_row (writer);
  return TRUE;
}

/* ---- What the file was read as -------------------------------------------------------------- */

static void
describe_columns (Map *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      FuImportColumn *column = g_new0 (FuImportColumn, 1);
      g_autoptr(GString) sample = g_string_new (NULL);
      guint n = 0;

      column->header = g_strdup (fu_table_get_cell (self->table, self->header, i));
      column->field = g_strdup (field_name (self->fields[i]));
      for (guint row = self->header + 1; row < self->end && n < SAMPLE_VALUES; row++)
        {
          const char *cell = fu_table_get_cell (self->table, row, i);

          if (cell[0] == '\0')
            continue;
          g_string_append_printf (sample, "%s%s", n > 0 ? ", " : "", cell);
          n++;
          g_strdelimit (sample->str, "\r\n\t", ' ');
        }
      column->sample = g_string_free (g_steal_pointer (&sample), FALSE);
      g_ptr_array_add (self->result->columns, column);
    }
}

/* FALSE, with an issue, when a column the file needs is missing. */
static gboolean
check_required (Map *self)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  gboolean has_workshop = (self->options != NULL && self->options->workshop != NULL)
                          || self->column_of[F_WORKSHOP] >= 0;

  switch (self->kind)
    {
    case FU_IMPORT_PARTICIPANTS:
      if (self->column_of[F_NAME] < 0 && self->column_of[F_FIRST_NAME] < 0
          && self->column_of[F_LAST_NAME] < 0)
        g_string_append (missing, _("a name column (Name, Full name, or First and Last name)"));
      if (!has_workshop)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? "; " : "",
                                _("the workshop (a workshop_code column, or import from "
                                  "the workshop's page or with --workshop CODE)"));
      break;
    case FU_IMPORT_RESPONSES:
      if (self->column_of[F_EMAIL] < 0 && self->column_of[F_NAME] < 0
          && self->column_of[F_FIRST_NAME] < 0)
        g_string_append (missing, _("who replied (an e-mail or a name column)"));
      if (self->column_of[F_RECEIVED] < 0)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? "; " : "",
                                _("the date received (received_date, Timestamp, Completion "
                                  "time, submitdate...)"));
      if (!has_workshop)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? "; " : "",
                                _("the workshop (a workshop_code column, or import from "
                                  "the workshop's page or with --workshop CODE)"));
      break;
    case FU_IMPORT_WORKSHOPS:
    default:
      for (guint i = 0; i < 4; i++)
        if (i != 2 && self->column_of[F_WORKSHOP_COLUMN + (int) i] < 0)
          g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                  workshop_columns[i]);
      break;
    }
  if (missing->len == 0)
    return TRUE;
  if (self->table->format == FU_TABLE_TEXT && self->table->sniffed != self->table->delimiter)
    /* TRANSLATORS: the separator's name ("semicolon") */
    g_string_append_printf (missing, _(" (this looks like a file separated by %s: choose that "
                                       "separator)"),
                            fu_table_delimiter_name (self->table->sniffed));
  {
    g_autofree char *message =
      g_strdup_printf (_("the header has no column for %s: rename the column, or choose the "
                         "header row or the mapping"), missing->str);

    fu_import_result_add_issue (self->result, self->file,
                                fu_table_get_line (self->table, self->header), NULL, message);
  }
  return FALSE;
}

void
fu_import_mapped_clear (FuImportMapped *mapped)
{
  if (mapped->csv != NULL)
    g_string_free (mapped->csv, TRUE);
  mapped->csv = NULL;
  g_clear_pointer (&mapped->lines, g_array_unref);
  g_clear_pointer (&mapped->labels, g_hash_table_unref);
}

static void
map_clear (Map *self)
{
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->admin_names, g_hash_table_unref);
  g_clear_pointer (&self->domains, g_hash_table_unref);
  g_clear_pointer (&self->workshops, g_hash_table_unref);
  g_clear_pointer (&self->workshop_list, g_ptr_array_unref);
  g_clear_pointer (&self->attendees, g_hash_table_unref);
  g_clear_pointer (&self->admin_written, g_hash_table_unref);
  g_clear_pointer (&self->workshop_written, g_hash_table_unref);
}

gboolean
fu_import_map_table (FuStore                *store,
                     FuImportKind            kind,
                     FuTable                *table,
                     const FuImportOptions  *options,
                     FuImportResult         *result,
                     FuImportMapped         *mapped,
                     GError                **error)
{
  Map self = { 0, };
  g_autoptr(FuCsvWriter) writer = NULL;
  static const int response_order[] = {
    F_WORKSHOP, F_EMAIL, F_NAME, F_ADMINISTRATION, F_RECEIVED, F_ANSWERED_BY,
  };
  gboolean ok = FALSE;
  guint canonical_line;
  gsize scanned;

  self.store = store;
  self.kind = kind;
  self.file = table->display_name;
  self.result = result;
  self.options = options;
  self.table = table;
  self.attendees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);

  /* Our rows take about as much room as the file's. */
  mapped->csv = g_string_sized_new (table->text_length + table->text_length / 8);
  mapped->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  mapped->labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_free (result->detected);
  result->detected = fu_table_describe (table);
  g_free (result->encoding);
  result->encoding = g_strdup (table->encoding);
  result->delimiter = table->delimiter;
  g_clear_pointer (&result->sheets, g_strfreev);
  if (table->sheets->len > 0)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < table->sheets->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (table->sheets, i));
      result->sheets = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  result->sheet = table->sheet;

  if (!load_administrations (&self, error) || !load_workshops (&self, error))
    goto out;

  if (options != NULL && options->workshop != NULL
      && workshop_by_code (&self, options->workshop) == NULL)
    {
      g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID,
                   _("No workshop with code '%s': add it or import workshops.csv first"),
                   options->workshop);
      goto out;
    }

  if (!find_header (&self, error))
    goto out;
  find_end (&self);
  result->header_line = fu_table_get_line (table, self.header);
  if (options != NULL && options->progress != NULL)
    g_atomic_int_set (&options->progress->total, (gint) (self.end - self.header - 1));
  if (!map_columns (&self, error))
    goto out;
  describe_columns (&self);
  if (!check_required (&self))
    {
      ok = TRUE;   /* the issue says why; no row is read */
      goto out;
    }

  for (guint i = 0; i < self.n_columns; i++)
    if (self.fields[i] != F_NONE)
      g_hash_table_insert (mapped->labels, (gpointer) field_name (self.fields[i]),
                           g_strdup (fu_table_get_cell (table, self.header, i)));

  if (kind == FU_IMPORT_RESPONSES)
    infer_day_order (&self, options != NULL && options->workshop != NULL
                            ? workshop_by_code (&self, options->workshop) : NULL);

  writer = fu_csv_writer_new (mapped->csv, FALSE);
  fu_csv_writer_set_guarded (writer, FALSE);
  switch (kind)
    {
    case FU_IMPORT_PARTICIPANTS:
      write_header (&self, writer, participant_order, G_N_ELEMENTS (participant_order));
      fu_csv_writer_end_row (writer);
      break;
    case FU_IMPORT_RESPONSES:
      write_header (&self, writer, response_order, G_N_ELEMENTS (response_order));
      for (guint i = 0; i < FU_N_ITEMS; i++)
        fu_csv_writer_add (writer, fu_questionnaire_get_item ((FuItemId) i)->column);
      fu_csv_writer_end_row (writer);
      break;
    case FU_IMPORT_WORKSHOPS:
    default:
      for (guint i = 0; i < G_N_ELEMENTS (workshop_columns); i++)
        if (self.column_of[F_WORKSHOP_COLUMN + (int) i] >= 0)
          fu_csv_writer_add (writer, workshop_columns[i]);
      fu_csv_writer_end_row (writer);
      break;
    }

  /* Line 1 of our text is the header. */
  g_array_set_size (mapped->lines, 2);
  g_array_index (mapped->lines, guint, 1) = result->header_line;
  canonical_line = 2;
  scanned = mapped->csv->len;

  for (guint row = self.header + 1; row < self.end; row++)
    {
      gboolean written;

      self.line = fu_table_get_line (table, row);
      self.row_failed = FALSE;
      /* A cell right of the header's last one: a comma that was not quoted, and every
       * cell after it in the wrong column. */
      for (guint i = self.header_width; i < fu_table_get_n_cells (table, row); i++)
        if (fu_table_get_cell (table, row, i)[0] != '\0')
          {
            add_issue (&self, -1,
                       _("the row has %u cells but the header names only %u columns: put "
                         "a cell holding the separator in quotes"),
                       fu_table_get_n_cells (table, row), self.header_width);
            break;
          }
      if (self.row_failed)
        written = FALSE;
      else switch (kind)
        {
        case FU_IMPORT_PARTICIPANTS:
          written = convert_participant (&self, row, writer);
          break;
        case FU_IMPORT_RESPONSES:
          written = convert_response (&self, row, writer);
          break;
        case FU_IMPORT_WORKSHOPS:
        default:
          for (guint i = 0; i < G_N_ELEMENTS (workshop_columns); i++)
            if (self.column_of[F_WORKSHOP_COLUMN + (int) i] >= 0)
              fu_csv_writer_add (writer, cell_of (&self, row, F_WORKSHOP_COLUMN + (int) i));
          fu_csv_writer_end_row (writer);
          written = TRUE;
          break;
        }
      if (!written)
        {
          result->rows++;
          continue;
        }
      /* The row starts on @canonical_line of our text and on self.line of the file. */
      g_array_set_size (mapped->lines, canonical_line + 1);
      g_array_index (mapped->lines, guint, canonical_line) = self.line;
      for (; scanned < mapped->csv->len; scanned++)
        canonical_line += mapped->csv->str[scanned] == '\n';
    }
  ok = TRUE;

out:
  map_clear (&self);
  return ok;
}

const char * const *
fu_import_list_fields (FuImportKind kind)
{
  static const char * const participants[] = {
    "name", "first_name", "last_name", "administration", "email", "position", "gender",
    "workshop_code", NULL,
  };
  static const char * const workshops[] = {
    "code", "title", "kind", "start_date", "end_date", "venue", "host_administration",
    "co_organizer", "surveyed", "notes", NULL,
  };
  static const char *responses[FU_N_ITEMS + 12] = { NULL, };

  if (responses[0] == NULL)
    {
      static const char * const who[] = {
        "email", "name", "first_name", "last_name", "administration", "workshop_code",
        "received_date", "answered_by", "q1",
      };
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (who); i++)
        responses[n++] = who[i];
      for (guint i = 0; i < FU_N_ITEMS; i++)
        responses[n++] = fu_questionnaire_get_item ((FuItemId) i)->column;
      responses[n] = NULL;
    }

  switch (kind)
    {
    case FU_IMPORT_WORKSHOPS:
      return workshops;
    case FU_IMPORT_PARTICIPANTS:
      return participants;
    case FU_IMPORT_RESPONSES:
    default:
      return responses;
    }
}

char *
fu_import_describe_field (const char *field)
{
  static const struct {
    const char *field;
    const char *label;
  } labels[] = {
    { "name", N_("Name") },
    { "first_name", N_("First name") },
    { "last_name", N_("Last name") },
    { "administration", N_("Administration") },
    { "email", N_("E-mail") },
    { "position", N_("Position") },
    { "gender", N_("Gender") },
    { "workshop_code", N_("Workshop") },
    { "received_date", N_("Date received") },
    { "answered_by", N_("Answered by") },
    { "q1", N_("Q1. Follow-up actions, all in one cell") },
  };
  const FuQuestionnaireItem *item;

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].field, field) == 0)
      return g_strdup (_(labels[i].label));
  item = fu_questionnaire_find_column (field);
  if (item != NULL)
    /* TRANSLATORS: the item's number, then its question or choice: "Q1bis. If you ..." */
    return g_strdup_printf (_("%s. %s"), item->number, _(item->text));
  return g_strdup (field);
}

gboolean
fu_import_read_mapping (const char  *path,
                        GHashTable  *columns,
                        GError     **error)
{
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  int column;
  int field;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  reader = fu_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;
  column = fu_csv_reader_find_column (reader, "column");
  field = fu_csv_reader_find_column (reader, "field");
  if (column < 0 || field < 0)
    {
      g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                   _("%s: a mapping file has the columns 'column' and 'field'"),
                   fu_csv_reader_get_display_name (reader));
      return FALSE;
    }
  while (fu_csv_reader_next (reader, &local_error))
    {
      const char *name = fu_csv_reader_get_cell (reader, (guint) field);
      gboolean left_out = name[0] == '\0' || strcmp (name, "-") == 0;

      if (!left_out && field_from_name (name) == F_NONE)
        {
          g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                       _("%s:%u: '%s' is not a field: use one of the names that --dry-run "
                         "shows, or leave it empty"),
                       fu_csv_reader_get_display_name (reader),
                       fu_csv_reader_get_line (reader), name);
          return FALSE;
        }
      g_hash_table_replace (columns, g_strdup (fu_csv_reader_get_cell (reader, (guint) column)),
                            g_strdup (left_out ? "" : name));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_import_guess_kind (const char   *data,
                      gsize         length,
                      FuImportKind *kind)
{
  g_autoptr(FuTable) table = fu_table_read ("", data, length, NULL, NULL);
  guint best_items = 0;
  gboolean person = FALSE;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (table == NULL)
    return FALSE;
  /* The best header row for replies: how many of the questionnaire's items it names. */
  for (guint row = 0; row < MIN (fu_table_get_n_rows (table), (guint) HEADER_SEARCH_ROWS); row++)
    {
      guint items = 0;
      gboolean named = FALSE;

      for (guint i = 0; i < fu_table_get_n_cells (table, row); i++)
        {
          guint strength = 0;
          int field = classify_header (FU_IMPORT_RESPONSES, fu_table_get_cell (table, row, i),
                                       &strength);

          if (field >= F_ITEM || field == F_Q1)
            items++;
          else if (field == F_NAME || field == F_FIRST_NAME || field == F_EMAIL)
            named = TRUE;
        }
      best_items = MAX (best_items, items);
      person |= named;
    }
  if (best_items >= 2)
    *kind = FU_IMPORT_RESPONSES;
  else if (person && best_items == 0)
    *kind = FU_IMPORT_PARTICIPANTS;
  else
    return FALSE;
  return TRUE;
}
