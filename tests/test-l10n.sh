#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/test-l10n.sh CLI PODIR: under LANGUAGE=fr, followup-cli, its help, its messages, the
# printed reminder list and the annual report are in French; dates in printed pages follow
# the locale, and the files it writes are the same in any language.
#
# PODIR is the build's po/ directory (PODIR/fr/LC_MESSAGES/followup.mo). Messages need a
# locale other than C for LANGUAGE to count (the test environment's C.UTF-8 will do); French
# month names need fr_FR.UTF-8, which build-aux/dev generates. Output is TAP.
set -u

cli=$1
export FOLLOWUP_LOCALEDIR=$2
export FOLLOWUP_TODAY=2018-01-15
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/sample.db
passed=0
failed=0

ok () { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
not_ok () { failed=$((failed + 1)); echo "not ok $((passed + failed)) - $1"; shift; printf '#   %s\n' "$@"; }

# contains NAME TEXT PATTERN / lacks NAME TEXT PATTERN (fixed strings)
contains () {
  if grep -qF -- "$3" <<<"$2"; then ok "$1"; else not_ok "$1" "no '$3' in:" "$2"; fi
}
lacks () {
  if grep -qF -- "$3" <<<"$2"; then not_ok "$1" "'$3' left in:" "$2"; else ok "$1"; fi
}

# The programs as a French speaker starts them, with messages only (C.UTF-8) or a whole French
# locale; and in English, to show that what is checked does change with the language.
fr () { LANGUAGE=fr "$cli" --database "$db" "$@"; }
fr_FR () { LC_ALL=fr_FR.UTF-8 LANGUAGE=fr "$cli" --database "$db" "$@"; }
en () { LANGUAGE= "$cli" --database "$db" "$@"; }

# French puts a no-break space before a colon.
nbsp=$'\xc2\xa0'

pdf_text () { pdftotext -layout "$1" - 2>/dev/null; }

echo "# followup-cli at $cli, translations in $FOLLOWUP_LOCALEDIR"

if [ -f "$FOLLOWUP_LOCALEDIR/fr/LC_MESSAGES/followup.mo" ]; then ok "the French catalogue is built"
else not_ok "the French catalogue is built" "no $FOLLOWUP_LOCALEDIR/fr/LC_MESSAGES/followup.mo"; fi

have_fr_FR=false
if locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; then have_fr_FR=true; ok "the fr_FR.UTF-8 locale exists"
else not_ok "the fr_FR.UTF-8 locale exists" \
  "build-aux/dev generates it; or as root: localedef -i fr_FR -f UTF-8 fr_FR.UTF-8"; fi

# ---- help and messages --------------------------------------------------------------------

out=$(en --help 2>&1)
contains "English --help" "$out" "Commands:"
out=$(fr --help 2>&1)
contains "--help in French" "$out" "Commandes${nbsp}:"
contains "--help describes the commands in French" "$out" "Importer un fichier CSV"
lacks "--help has no English left" "$out" "Import a CSV file"
lacks "--help has no English heading left" "$out" "Commands:"

out=$(fr import --help 2>&1)
contains "import --help in French" "$out" "Importer un fichier CSV"
contains "import --help options in French" "$out" "sans rien modifier"
out=$(fr export --help 2>&1)
contains "export --help in French" "$out" "Exporter le résumé annuel"

out=$(fr frobnicate 2>&1)
contains "an unknown command is refused in French" "$out" "n’est pas une commande"
out=$(fr followups --as-of 2018-02-30 2>&1)
contains "a wrong date is refused in French" "$out" "n’est pas une date"
out=$(fr sample 2>&1)
contains "sample says what it did in French" "$out" "Exemple de l’exercice 2016/17 chargé"
out=$(fr stats 2>&1)
contains "stats in French" "$out" "Taux de réponse par exercice"

out=$(fr followups --as-of 2018-01-15 --status overdue 2>&1)
contains "the follow-up list has French headings" "$out" "Échéance"
lacks "the follow-up list has no English heading" "$out" "Deadline"

# ---- printed pages ------------------------------------------------------------------------

fr export reminders --as-of 2018-01-15 --format pdf --output "$tmp/reminders.pdf" 2>/dev/null
text=$(pdf_text "$tmp/reminders.pdf")
contains "the reminder list is titled in French" "$text" "Liste des relances"
contains "the reminder list has French column headings" "$text" "Échéance"
lacks "the reminder list has no English heading" "$text" "Deadline"
lacks "the reminder list has no English title" "$text" "Reminder list"

fr report --fiscal-year 2016/17 --output "$tmp/report.pdf" 2>/dev/null
text=$(pdf_text "$tmp/report.pdf")
contains "the annual report is titled in French" "$text" "Rapport sur les bonnes pratiques"
grep -a -q "/Lang (fr)" "$tmp/report.pdf" && ok "the French report declares its language" \
  || not_ok "the French report declares its language" "no /Lang (fr)"
contains "the annual report's running title is in French" "$text" "Enquête de suivi, exercice 2016/17"
contains "the office's built-in name is in French" "$text" "Bureau régional de renforcement des capacités"
contains "the annual report has French headings" "$text" "Réponses à l’enquête"
lacks "the annual report has no English heading" "$text" "Responses to the survey"
lacks "the annual report has no English contents" "$text" "Contents"

# A printed list is for people: days as the locale writes them ("15 Jan 2018"), not ISO.
en export reminders --as-of 2018-01-15 --format pdf --output "$tmp/reminders-en.pdf" 2>/dev/null
text=$(pdf_text "$tmp/reminders-en.pdf")
day () { LC_ALL=$1 date -u -d "$2" +'%-d %b %Y'; }
contains "the reminder list's day follows the locale" "$text" "As of $(day C 2018-01-15)"
contains "the reminder list's table days follow the locale" "$text" "$(day C 2017-02-27)"
lacks "the reminder list has no ISO day" "$text" "2018-01-15"

if $have_fr_FR; then
  fr_FR export reminders --as-of 2018-01-15 --format pdf --output "$tmp/reminders-fr.pdf" \
    2>/dev/null
  text=$(pdf_text "$tmp/reminders-fr.pdf")
  contains "the reminder list's day follows the French locale" "$text" \
    "Au $(day fr_FR.UTF-8 2018-01-15)"
  contains "the reminder list's table days follow the French locale" "$text" \
    "$(day fr_FR.UTF-8 2017-02-27)"
  lacks "the French reminder list has no ISO day" "$text" "2017-02-27"
  fr_FR report --fiscal-year 2016/17 --output "$tmp/report-fr.pdf" 2>/dev/null
  text=$(pdf_text "$tmp/report-fr.pdf")
  contains "the annual report dates follow the French locale" "$text" "15 janvier 2018"
  lacks "the annual report has no English month" "$text" "January"
  fr_FR feedback 2016-NII --output "$tmp/feedback.pdf" 2>/dev/null
  text=$(pdf_text "$tmp/feedback.pdf")
  contains "the feedback sheet dates follow the French locale" "$text" "septembre 2016"
fi

# ---- files are the same in any language -------------------------------------------------------

loc=fr
$have_fr_FR && loc=fr_FR
en export reminders --as-of 2018-01-15 --output "$tmp/en.csv" 2>/dev/null
$loc export reminders --as-of 2018-01-15 --output "$tmp/fr.csv" 2>/dev/null
if cmp -s "$tmp/en.csv" "$tmp/fr.csv"; then ok "the reminder CSV is the same in French"
else not_ok "the reminder CSV is the same in French" "$(diff "$tmp/en.csv" "$tmp/fr.csv" | head)"; fi
grep -q '2017-02-27' "$tmp/fr.csv" && ok "the reminder CSV keeps ISO dates" \
  || not_ok "the reminder CSV keeps ISO dates" "$(head -3 "$tmp/fr.csv")"
en export summary --fiscal-year 2016/17 --output "$tmp/en-summary.csv" 2>/dev/null
$loc export summary --fiscal-year 2016/17 --output "$tmp/fr-summary.csv" 2>/dev/null
if cmp -s "$tmp/en-summary.csv" "$tmp/fr-summary.csv"; then ok "the summary CSV is the same in French"
else not_ok "the summary CSV is the same in French" \
  "$(diff "$tmp/en-summary.csv" "$tmp/fr-summary.csv" | head)"; fi
en feedback 2016-NII --output "$tmp/en-feedback.csv" 2>/dev/null
$loc feedback 2016-NII --output "$tmp/fr-feedback.csv" 2>/dev/null
if cmp -s "$tmp/en-feedback.csv" "$tmp/fr-feedback.csv"; then ok "the feedback CSV is the same in French"
else not_ok "the feedback CSV is the same in French" \
  "$(diff "$tmp/en-feedback.csv" "$tmp/fr-feedback.csv" | head)"; fi

echo "1..$((passed + failed))"
[ "$failed" -eq 0 ]
