#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/test-real-files.sh CLI: attendance lists and form exports as the office receives them
# (tests/data/README.md), each imported with --workshop CODE and no other option, then
# checked value by value through `export`.
set -u

cli=$1
src=${FOLLOWUP_SOURCE_ROOT:?}
data=$src/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/office.db
. "$src/tests/tap-util.sh"
dump () { sqlite3 "$db" .dump; }
fu () { "$cli" --database "$db" "$@"; }

printf 'code,title,start_date,end_date,venue\n%s\n%s\n' \
  '2017-VAL,Regional Workshop on Customs Valuation,2017-06-12,2017-06-16,Bangkok' \
  '2017-PCA,Regional Workshop on Post-Clearance Audit,2017-05-08,2017-05-12,Kuala Lumpur' \
  >"$tmp/workshops.csv"
check "workshops" fu import workshops "$tmp/workshops.csv"

# ---- Attendance lists ----------------------------------------------------------------------

check "Excel, French locale: Windows-1252, ';', a title above" \
  fu import participants "$data/attendance-excel-fr-1252.csv" --workshop 2017-VAL
contains "  read with its encoding" "$(fu import participants --dry-run \
  "$data/attendance-excel-fr-1252.csv" --workshop 2017-VAL)" \
  "Read as: WINDOWS-1252, separated by semicolon; header on line 3"
check "Excel, US locale: Windows-1252, ','" \
  fu import participants "$data/attendance-excel-us-1252.csv" --workshop 2017-VAL
check "UTF-8 with BOM and ';'" \
  fu import participants "$data/attendance-utf8-bom-semicolon.csv" --workshop 2017-VAL
check "UTF-16LE Unicode text with tabs" \
  fu import participants "$data/attendance-unicode-text-tab.txt" --workshop 2017-VAL
check "UTF-16LE with ';'" \
  fu import participants "$data/attendance-utf16-semicolon.csv" --workshop 2017-VAL
check "Zoom registration report" \
  fu import participants "$data/zoom-registration.csv" --workshop 2017-VAL
check "Zoom meeting participants report: the meeting's line above" \
  fu import participants "$data/zoom-meeting-participants.csv" --workshop 2017-VAL
contains "  the table is the participants', not the meeting's" "$out" \
  "1 participant added"
check "Teams attendance report" \
  fu import participants "$data/teams-attendance.csv" --workshop 2017-VAL
contains "  a person already listed is not added twice" "$out" "2 rows already in the database"
check ".xlsx with a title above the table" \
  fu import participants "$data/attendance-title-above.xlsx" --workshop 2017-PCA
check ".ods with a title above the table" \
  fu import participants "$data/attendance-title-above.ods" --workshop 2017-PCA
contains "  the same list twice adds nothing" "$out" "4 rows already in the database"

fu export participants >"$tmp/participants.csv"
diff "$data/expected-participants.csv" "$tmp/participants.csv" >"$tmp/diff" \
  && ok "participants: names, accents, administrations, positions as expected" \
  || not_ok "participants as expected" "$(cat "$tmp/diff")"
n=$(sqlite3 "$db" "SELECT count(*) FROM administration WHERE NOT member")
[ "$n" = 0 ] && ok "Vietnam, Laos, Brunei, Hong Kong, Macao, Korea (Republic of) are members" \
  || not_ok "no administration added" "$n added"

out=$(fu import participants --dry-run "$data/teams-attendance.csv" --workshop 2017-VAL)
contains "--dry-run lists a column left out" "$out" "Participant ID (UPN): not imported"
contains "--dry-run lists a mapped column" "$out" "Email -> email"

# ---- Replies from online forms -------------------------------------------------------------

check "Google Forms" fu import responses "$data/google-forms-responses.csv" --workshop 2017-VAL
check "Microsoft Forms (.xlsx)" \
  fu import responses "$data/microsoft-forms-responses.xlsx" --workshop 2017-VAL
check "LimeSurvey" fu import responses "$data/limesurvey-responses.csv" --workshop 2017-VAL
check "KoboToolbox" fu import responses "$data/kobotoolbox-responses.csv" --workshop 2017-VAL
check "LimeSurvey with question codes" \
  fu import responses "$data/limesurvey-codes-responses.csv" --workshop 2017-PCA
check "KoboToolbox with labels" \
  fu import responses "$data/kobotoolbox-labels-responses.csv" --workshop 2017-PCA

fu export responses >"$tmp/responses.csv"
diff "$data/expected-responses.csv" "$tmp/responses.csv" >"$tmp/diff" \
  && ok "replies: Q1 ticks, counts, yes/no, descriptions with line breaks, received dates" \
  || not_ok "replies as expected" "$(cat "$tmp/diff")"

# The Microsoft Forms CSV is the same replies as its .xlsx: nothing new, nothing different.
check "Microsoft Forms (.csv)" \
  fu import responses "$data/microsoft-forms-responses.csv" --workshop 2017-VAL
contains "  the same replies are already there" "$out" "2 rows already in the database"

# ---- Options -------------------------------------------------------------------------------

check "--save-mapping" fu import responses --dry-run "$data/google-forms-responses.csv" \
  --workshop 2017-VAL --save-mapping "$tmp/mapping.csv"
contains "  the mapping file names the form's header" "$(cat "$tmp/mapping.csv")" \
  "Timestamp,received_date"
# A colleague's mapping: leave Q2 out.
sed -i 's/^\(2\. How are the lessons[^,]*\),lessons_use/\1,/' "$tmp/mapping.csv"
out=$(fu import responses --dry-run "$data/google-forms-responses.csv" --workshop 2017-VAL \
  --mapping "$tmp/mapping.csv" 2>&1)
contains "--mapping is followed" "$out" "2. How are the lessons learned being used in your administration?: not imported"
check "--header-row" fu import participants --dry-run "$data/zoom-registration.csv" \
  --workshop 2017-VAL --header-row 5
refuse "--header-row on the wrong line" fu import participants "$data/zoom-registration.csv" \
  --workshop 2017-VAL --header-row 2
check "--sheet by name" fu import participants --dry-run "$data/attendance-title-above.xlsx" \
  --workshop 2017-PCA --sheet attendance-list
refuse "--sheet that is not there" fu import participants \
  "$data/attendance-title-above.xlsx" --workshop 2017-PCA --sheet 2
contains "  names the sheets there are" "$(cat "$tmp/err")" "the sheets are “attendance-list”"
check "--encoding and --delimiter" fu import participants --dry-run \
  "$data/attendance-excel-fr-1252.csv" --workshop 2017-VAL --encoding WINDOWS-1252 \
  --delimiter ';'

# ---- Bad input: a clear message, nothing changed -------------------------------------------

before=$(dump)
refuse "UTF-16 read as UTF-8" fu import participants "$data/attendance-unicode-text-tab.txt" \
  --workshop 2017-VAL --encoding UTF-8
contains "  says it is UTF-16" "$(cat "$tmp/err")" "this file is UTF-16"
refuse "';' file read with ','" fu import participants "$data/attendance-excel-fr-1252.csv" \
  --workshop 2017-VAL --delimiter ,
contains "  says it looks separated by semicolons" "$(cat "$tmp/err")" \
  "this looks like a file separated by semicolon"
cp "$(command -v sqlite3)" "$tmp/program.csv"
refuse "a binary file" fu import participants "$tmp/program.csv" --workshop 2017-VAL
contains "  says it is not a text file" "$(cat "$tmp/err")" "not a text file or a spreadsheet"
: >"$tmp/empty.csv"
refuse "an empty file" fu import participants "$tmp/empty.csv" --workshop 2017-VAL
contains "  says it is empty" "$(cat "$tmp/err")" "the file is empty"
printf 'Colour;Size\nred;L\n' >"$tmp/nothing.csv"
refuse "no column to take a name from" fu import participants "$tmp/nothing.csv" \
  --workshop 2017-VAL
contains "  says which column is missing" "$(cat "$tmp/err")" "the header has no column for a name"
printf 'Name,Country,Workshop\nAna Cruz,Philippines,2017-PCA\n' >"$tmp/other-workshop.csv"
refuse "a row for another workshop" fu import participants "$tmp/other-workshop.csv" \
  --workshop 2017-VAL
contains "  names the other workshop" "$(cat "$tmp/err")" "this row is for workshop 2017-PCA"
printf 'Name,Country,Workshop\nAna Cruz,Philippines,Valuation (June 2017; Bangkok)\n' \
  >"$tmp/title-workshop.csv"
check "a workshop column with the title in other words" fu import participants --dry-run \
  "$tmp/title-workshop.csv" --workshop 2017-VAL
printf 'sep=;\r\nName;Country\r\nAna Cruz;Philippines\r\n' >"$tmp/sep-hint.csv"
out=$(fu import participants --dry-run "$tmp/sep-hint.csv" --workshop 2017-VAL 2>&1)
contains "Excel's sep=; line gives the separator" "$out" "separated by semicolon; header on line 2"
printf 'Timestamp,Your name,3. Have you observed direct effects?\n%s\n' \
  '2018/02/01 9:00:00 AM GMT+7,Mr. Sisouk Thongsavanh,No' >"$tmp/title.csv"
check "a reply from 'Mr. Sisouk Thongsavanh' is Thongsavanh Sisouk's" \
  fu import responses --dry-run "$tmp/title.csv" --workshop 2017-VAL --replace
printf 'Name,Email\nAna Cruz,ana.cruz@mail.example\n' >"$tmp/no-administration.csv"
refuse "no administration column, and a domain that tells none" fu import participants \
  "$tmp/no-administration.csv" --workshop 2017-VAL
contains "  says what to do" "$(cat "$tmp/err")" "choose the administration of such rows"
check "  --administration gives it" fu import participants --dry-run \
  "$tmp/no-administration.csv" --workshop 2017-VAL --administration Philippines
printf 'Name,Organization / Position,Email\nAna Cruz,Philippines,ana@customs.gov.ph\n' \
  >"$tmp/two-ways.csv"
refuse "a column that could map two ways" fu import participants "$tmp/two-ways.csv" \
  --workshop 2017-VAL
contains "  names both fields" "$(cat "$tmp/err")" \
  "could be the administration or the position"
printf 'column,field\nOrganization / Position,administration\n' >"$tmp/two-ways-mapping.csv"
check "  --mapping says which" fu import participants --dry-run "$tmp/two-ways.csv" \
  --workshop 2017-VAL --mapping "$tmp/two-ways-mapping.csv"
sed 's/^\(2018-01-20T09[^;]*;[^;]*;[^;]*;[^;]*;[^;]*;[^;]*\);1;/\1;0;/' \
  "$data/kobotoolbox-responses.csv" >"$tmp/kobo-disagree.csv"
refuse "KoboToolbox's two answers to Q1 disagree" fu import responses \
  "$tmp/kobo-disagree.csv" --workshop 2017-VAL --replace
contains "  says they disagree" "$(cat "$tmp/err")" "disagree"
printf 'Name,Email,Timestamp,Q3\nNobody Known,nobody@example.org,2018-01-20,Yes\n' \
  >"$tmp/stranger.csv"
refuse "a reply from someone who did not attend" fu import responses "$tmp/stranger.csv" \
  --workshop 2017-VAL
contains "  lists the closest attendees" "$(cat "$tmp/err")" "the closest are"
printf 'Name,Country\nA,Vietnamm\nB,Vietnamm\nC,Vietnamm\n' >"$tmp/grouped.csv"
refuse "the same problem on three lines" fu import participants "$tmp/grouped.csv" \
  --workshop 2017-VAL
contains "  is one line listing them" "$(cat "$tmp/err")" \
  "grouped.csv: lines 2, 3, 4: column Country: unknown administration 'Vietnamm': did you mean Viet Nam?"
[ "$before" = "$(dump)" ] && ok "nothing was written by the bad files" \
  || not_ok "nothing was written by the bad files" "the database changed"

echo "1..$((passed + failed))"
echo "real files: $passed passed, $failed failed" >&2
[ "$failed" -eq 0 ]
