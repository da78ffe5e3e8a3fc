#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/test-cli.sh CLI: followup-cli on real files, as the office's scripts call it.
set -u

cli=$1
src=${FOLLOWUP_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/office.db
. "$src/tests/tap-util.sh"
dump () { sqlite3 "$db" .dump; }

fu () { "$cli" --database "$db" "$@"; }

echo "# followup-cli at $cli"

# --help on every command
check "--help" "$cli" --help
contains "--help lists the commands" "$out" "mark-reminded"
for c in init import export followups mark-sent mark-reminded stats sample report feedback history undo earlier-year compose questionnaire administrations alias merge-administrations; do
  check "$c --help" "$cli" "$c" --help
done
refuse "unknown command" "$cli" --database "$db" frobnicate
refuse "missing argument" "$cli" --database "$db" import workshops

# init creates the database with the 33 members
check "init" fu init
contains "init names the database" "$out" "$db"
n=$(sqlite3 "$db" "SELECT count(*) FROM administration")
[ "$n" = 33 ] && ok "33 administrations" || not_ok "33 administrations" "got $n"

# FOLLOWUP_DATABASE chooses the file too
FOLLOWUP_DATABASE=$tmp/env.db "$cli" init >/dev/null 2>&1
[ -f "$tmp/env.db" ] && ok "FOLLOWUP_DATABASE" || not_ok "FOLLOWUP_DATABASE" "no $tmp/env.db"

# a file that is not a database is refused and left as it was
echo "not a database" >"$tmp/text.db"
refuse "not a database" "$cli" --database "$tmp/text.db" stats
[ "$(cat "$tmp/text.db")" = "not a database" ] && ok "text file untouched" \
  || not_ok "text file untouched" "changed"

# the sample, and the annual summary equals the golden file of the seed's tables
check "sample" fu sample
refuse "sample twice" fu sample
check "export summary" fu export summary --fiscal-year 2016/17 --output "$tmp/summary.csv"
if cmp -s "$tmp/summary.csv" "$src/tests/golden/summary-FY2016-17.csv"; then
  ok "summary equals golden"
else
  not_ok "summary equals golden" "$(diff "$tmp/summary.csv" "$src/tests/golden/summary-FY2016-17.csv" | head -20)"
fi
i=0
for fy in FY2016/17 2016; do
  i=$((i + 1))
  fu export summary --fiscal-year "$fy" >"$tmp/s$i.csv" 2>/dev/null
  cmp -s "$tmp/s$i.csv" "$tmp/summary.csv" && ok "same summary for $fy on standard output" \
    || not_ok "same summary for $fy on standard output" "differs"
done
refuse "bad fiscal year" fu export summary --fiscal-year 2016/18
refuse "summary without year" fu export summary

check "--bom" fu export summary --fiscal-year 2016/17 --bom --output "$tmp/bom.csv"
[ "$(head -c 3 "$tmp/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok "BOM written" \
  || not_ok "BOM written" "first bytes $(head -c 3 "$tmp/bom.csv" | od -An -tx1)"

check "stats" fu stats --fiscal-year 2016/17
contains "stats: 148 replies" "$out" "148 replies"
contains "stats: 96 direct effects" "$out" "96 (65%)"
contains "stats: in-house workshops" "$out" "19 administrations organized 47 in-house workshops"

# follow-ups as of a day, and the reminder list
check "followups overdue" fu followups --as-of 2018-03-01 --status overdue
contains "113 overdue as of 2018-03-01" "$out" "113 follow-ups"
code=$(sqlite3 "$db" "SELECT code FROM workshop ORDER BY start_date LIMIT 1")
check "followups --workshop" fu followups --as-of 2018-03-01 --workshop "$code"
refuse "followups bad status" fu followups --status nonsense
refuse "followups bad date" fu followups --as-of 2018-02-30
check "export reminders" fu export reminders --as-of 2018-03-01 --output "$tmp/reminders.csv"
n=$(($(wc -l <"$tmp/reminders.csv") - 1))
[ "$n" = 113 ] && ok "113 to remind" || not_ok "113 to remind" "got $n"

# the same list printed to PDF: its text names an overdue participant on numbered pages
contains "Michael Clarke is overdue" "$(cat "$tmp/reminders.csv")" "Michael Clarke,.*,overdue,"
check "export reminders as PDF" fu export reminders --as-of 2018-03-01 --format pdf \
  --output "$tmp/reminders.pdf"
pdf_text=$(pdftotext -layout "$tmp/reminders.pdf" - 2>&1)
contains "PDF names an overdue participant" "$pdf_text" "Michael Clarke"
contains "PDF pages are numbered" "$pdf_text" "Page 1 of [0-9]"
refuse "PDF needs --output" fu export reminders --as-of 2018-03-01 --format pdf
# A4 by default; Letter where the paper is Letter
pdfinfo "$tmp/reminders.pdf" | grep -q "^Page size:.*(A4)" && ok "the list is on A4" \
  || not_ok "A4" "$(pdfinfo "$tmp/reminders.pdf" | grep 'Page size')"
FOLLOWUP_PAPER=letter "$cli" --database "$db" export reminders --as-of 2018-03-01 --format pdf \
  --output "$tmp/reminders-letter.pdf" 2>/dev/null
pdfinfo "$tmp/reminders-letter.pdf" | grep -q "^Page size:.*(letter)" && ok "or on Letter" \
  || not_ok "Letter" "$(pdfinfo "$tmp/reminders-letter.pdf" | grep 'Page size')"
refuse "unknown export format" fu export reminders --format xlsx --output "$tmp/r.xlsx"

# export responses, import into a fresh database with the same workshops and participants,
# export again: the same bytes
check "export responses" fu export responses --fiscal-year 2016/17 --output "$tmp/r1.csv"
db2=$tmp/fresh.db
"$cli" --database "$db2" import workshops "$src/data/sample/workshops.csv" >/dev/null
"$cli" --database "$db2" import participants "$src/data/sample/participants.csv" >/dev/null
check "import exported responses" "$cli" --database "$db2" import responses "$tmp/r1.csv"
check "export again" "$cli" --database "$db2" export responses --output "$tmp/r2.csv"
cmp -s "$tmp/r1.csv" "$tmp/r2.csv" && ok "responses round trip" \
  || not_ok "responses round trip" "$(diff "$tmp/r1.csv" "$tmp/r2.csv" | head)"

# a bad file: exit 1, file:line:column in the message, nothing changed
before=$(dump)
printf 'code,title,start_date,end_date\nX-1,Good,2018-01-10,2018-01-12\nX-2,Bad,2018-02-30,2018-03-01\n' \
  >"$tmp/bad.csv"
refuse "bad workshops.csv" fu import workshops "$tmp/bad.csv"
contains "message names file, line, column" "$(cat "$tmp/err")" "bad.csv:3: column start_date"
[ "$before" = "$(dump)" ] && ok "nothing imported" || not_ok "nothing imported" "database changed"
refuse "missing file" fu import workshops "$tmp/none.csv"
{ echo 'code,title,start_date'; for i in $(seq 1 60); do echo "Y-$i,T,2018-13-01"; done; } >"$tmp/many.csv"
refuse "60 bad rows" fu import workshops "$tmp/many.csv"
# one line for one kind of problem, with its lines
n=$(grep -c '^many.csv: lines 2, 3, 4, .*, 51: column start_date: .2018-13-01. is not a date' \
  "$tmp/err")
[ "$n" = 1 ] && ok "50 problems listed on one line" \
  || not_ok "50 problems listed on one line" "$(cat "$tmp/err")"
contains "the rest counted" "$(cat "$tmp/err")" "10 more problems not listed"
[ "$before" = "$(dump)" ] && ok "still nothing imported" || not_ok "still nothing imported" "changed"

# mark-sent and mark-reminded on a new workshop
printf 'code,title,start_date,end_date\nX-1,Risk management,2018-01-10,2018-01-12\n' >"$tmp/w.csv"
printf 'workshop_code,name,administration,email\nX-1,Ana Lima,Timor-Leste,ana@example.org\nX-1,Bo Chen,china,\n' \
  >"$tmp/p.csv"
check "import workshop" fu import workshops "$tmp/w.csv"
check "import attendance list" fu import participants "$tmp/p.csv"
check "import attendance list twice" fu import participants "$tmp/p.csv"
n=$(sqlite3 "$db" "SELECT count(*) FROM attendance a JOIN workshop w ON w.id = a.workshop_id WHERE w.code = 'X-1'")
[ "$n" = 2 ] && ok "nobody added twice" || not_ok "nobody added twice" "got $n"
# an import written in place (nothing else had the file open) gives the file its log back
[ "$(sqlite3 "$db" 'PRAGMA journal_mode')" = wal ] && [ ! -e "$db-journal" ] \
  && ok "after an import the file keeps its write-ahead log" \
  || not_ok "after an import the file keeps its write-ahead log" "$(sqlite3 "$db" 'PRAGMA journal_mode'); $(ls "$tmp")"
check "to send" fu followups --as-of 2018-07-12 --workshop X-1 --status to-send
contains "2 to send" "$out" "2 follow-ups"
check "mark-sent" fu mark-sent X-1 --date 2018-07-12
contains "mark-sent says 2" "$out" "2 questionnaires"
check "reminder due" fu followups --as-of 2018-08-06 --workshop X-1 --status reminder-due
contains "2 reminders due" "$out" "2 follow-ups"
check "mark-reminded" fu mark-reminded X-1 --date 2018-08-06
check "awaiting after reminder" fu followups --as-of 2018-08-07 --workshop X-1 --status awaiting-reply
contains "2 awaiting" "$out" "2 follow-ups"
refuse "mark-sent unknown workshop" fu mark-sent NOPE
refuse "mark-sent bad date" fu mark-sent X-1 --date yesterday

# chart: the sample's charts in each format, at the size asked
png_size () { od -An -tx1 -j16 -N8 "$1" | tr -d ' \n'; }
check "chart --help" "$cli" chart --help
contains "chart --help lists the kinds" "$out" "reply-rate-administrations"
check "chart PNG" fu chart direct-effects --fiscal-year 2016/17 --output "$tmp/de.png" --width 640 --height 480
[ "$(png_size "$tmp/de.png")" = "00000280000001e0" ] && ok "PNG is 640 x 480" \
  || not_ok "PNG is 640 x 480" "IHDR $(png_size "$tmp/de.png")"
check "chart SVG" fu chart projects --fiscal-year 2016/17 --output "$tmp/p.svg"
[ "$(head -c 5 "$tmp/p.svg")" = "<?xml" ] && grep -q "<svg" "$tmp/p.svg" && ok "SVG file" \
  || not_ok "SVG file" "$(head -c 80 "$tmp/p.svg")"
check "chart PDF" fu chart direct-effects --fiscal-year 2016/17 --output "$tmp/de.pdf"
[ "$(head -c 5 "$tmp/de.pdf")" = "%PDF-" ] && ok "PDF file" || not_ok "PDF file" "no %PDF- header"
contains "PDF states the total" "$(pdftotext "$tmp/de.pdf" - 2>&1)" "96 of 148 replies (65%) saw direct effects"
check "chart natural height" fu chart actions --fiscal-year 2016/17 --output "$tmp/a.png" --width 800
h=$((16#$(png_size "$tmp/a.png" | cut -c9-16)))
[ "$h" -gt 800 ] && ok "13 workshops of 6 actions grow the chart ($h px)" \
  || not_ok "13 workshops of 6 actions grow the chart" "height $h"
check "chart reply-rate without a year" fu chart reply-rate --output "$tmp/rr.png"
check "chart of a year without replies" fu chart contribution --fiscal-year 2017/18 --output "$tmp/e.png"
contains "the empty year is named" "$(cat "$tmp/err")" "No replies in FY2017/18"
refuse "chart unknown kind" fu chart pie --fiscal-year 2016/17 --output "$tmp/x.png"
contains "unknown kind lists the kinds" "$(cat "$tmp/err")" "direct-effects"
refuse "chart needs --fiscal-year" fu chart direct-effects --output "$tmp/x.png"
refuse "chart needs --output" fu chart direct-effects --fiscal-year 2016/17
refuse "chart .gif" fu chart direct-effects --fiscal-year 2016/17 --output "$tmp/x.gif"
[ ! -e "$tmp/x.gif" ] && ok "no .gif written" || not_ok "no .gif written" "$tmp/x.gif exists"
refuse "chart too small" fu chart direct-effects --fiscal-year 2016/17 --output "$tmp/x.png" --width 5

# report: the annual report as PDF, Tables 1 to 5 in its text
check "report --help" "$cli" report --help
check "report" fu report --fiscal-year 2016/17 --output "$tmp/report.pdf"
contains "report says how many pages" "$(cat "$tmp/err")" "pages)"
[ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] && ok "report is a PDF" || not_ok "report is a PDF" "no %PDF- header"
report_text=$(pdftotext -layout "$tmp/report.pdf" - 2>&1)
contains "report has Table 3's total" "$report_text" "96 (65%)"
contains "report has Table 4's total" "$report_text" "142 (96%)"
contains "report has Table 1's total" "$report_text" "148 (57%)"
n=$(grep -c "Page [0-9]* of [0-9]*" <<<"$report_text")
pages=$(pdfinfo "$tmp/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$n" = "$pages" ] && ok "every page of the report is numbered" || not_ok "every page numbered" "$n of $pages"
# the trend starts before the database: the sample's two earlier rounds, entered as rates
flat=$(tr '\n' ' ' <<<"$report_text")
contains "the report's trend has 28% in FY2014/15" "$flat" "28% in FY2014/15"
contains "the report's trend has 47% in FY2015/16" "$flat" "47% in FY2015/16"
contains "the report's trend reaches 57%" "$flat" "reply rate of 57%"
contains "the report marks them as entered totals" "$flat" "Totals entered by hand"
contains "the earlier in-house counts" "$flat" "6 in FY2014/15 and 18 in FY2015/16"
check "earlier-year with totals" fu earlier-year FY2013/14 --participants 120 --replies 30 --inhouse 4
contains "earlier-year says what it did" "$out" "Entered the totals of FY2013/14"
check "stats after earlier-year" fu stats
contains "stats shows the entered year" "$out" "FY2013/14: 30 of 120 replied (25%, entered)"
refuse "earlier-year with more replies than participants" fu earlier-year 2012 --participants 10 --replies 11
refuse "earlier-year with a rate over 100" fu earlier-year 2012 --rate 101
refuse "earlier-year with both" fu earlier-year 2012 --rate 30 --participants 10 --replies 3
refuse "earlier-year with nothing" fu earlier-year 2012
check "earlier-year --remove" fu earlier-year FY2014/15 --remove
contains "it says what it removed" "$out" "Removed the entered totals of FY2014/15"
check "stats after --remove" fu stats
if grep -q "FY2014/15" <<<"$out"; then not_ok "--remove takes the year out" "$out"; else ok "--remove takes the year out"; fi
check "undo --remove" fu undo
check "undo earlier-year" fu undo
check "stats after undo" fu stats
if grep -q "FY2013/14" <<<"$out"; then not_ok "undo removes the entered year" "$out"; else ok "undo removes the entered year"; fi
# a tagged PDF: one Document of headings, paragraphs, tables and figures with their text,
# in the document's language, that a screen reader can follow
pdfinfo "$tmp/report.pdf" | grep -q "^Tagged: *yes" && ok "the report is a tagged PDF" \
  || not_ok "tagged PDF" "$(pdfinfo "$tmp/report.pdf" | grep Tagged)"
structure=$(pdfinfo -struct "$tmp/report.pdf" 2>&1)
[ "$(head -1 <<<"$structure")" = "Document" ] && ok "its structure has one Document" \
  || not_ok "one Document" "$(head -3 <<<"$structure")"
if grep -q "Warning" <<<"$structure"; then not_ok "poppler reads the structure without warnings" "$(grep Warning <<<"$structure" | head -3)"
else ok "poppler reads the structure without warnings"; fi
for tag in H1 H2 Caption Table TH TD Figure BlockQuote; do
  grep -q "^ *$tag\b" <<<"$structure" && ok "the structure has $tag" || not_ok "the structure has $tag" ""
done
figures=$(grep -c "^ *Figure" <<<"$structure")
alts=$(grep -a -c "^ */Alt <FEFF" "$tmp/report.pdf")
[ "$figures" -gt 0 ] && [ "$alts" = "$figures" ] && ok "each of the $figures figures has its text" \
  || not_ok "each figure has alternative text" "$alts texts for $figures figures"
grep -a -q "/Lang (en)" "$tmp/report.pdf" && ok "the report says it is in English" || not_ok "/Lang (en)" ""
check "report of an empty year" fu report --fiscal-year 2030/31 --output "$tmp/empty.pdf"
refuse "report needs --fiscal-year" fu report --output "$tmp/x.pdf"
refuse "report needs --output" fu report --fiscal-year 2016/17
refuse "report bad year" fu report --fiscal-year 2016/18 --output "$tmp/x.pdf"
refuse "report into a missing folder" fu report --fiscal-year 2016/17 --output "$tmp/no/r.pdf"

# feedback: one workshop's counts, PDF or CSV, no names
check "feedback --help" "$cli" feedback --help
check "feedback CSV" fu feedback 2016-NII --output "$tmp/fb.csv"
contains "feedback CSV counts replies" "$(cat "$tmp/fb.csv")" "replies,12"
contains "feedback CSV counts Q3" "$(cat "$tmp/fb.csv")" "direct_effects_yes,9"
check "feedback CSV to standard output" fu feedback 2016-NII
contains "feedback on standard output" "$out" "shared_materials,9"
check "feedback PDF" fu feedback 2016-NII --output "$tmp/fb.pdf"
fb_text=$(pdftotext -layout "$tmp/fb.pdf" - 2>&1)
contains "feedback PDF has the replies" "$fb_text" "Replies received *12"
contains "feedback PDF is one page" "$fb_text" "Page 1 of 1"
emails=$(sqlite3 "$db" "SELECT p.email FROM participant p JOIN attendance a ON a.participant_id = p.id JOIN workshop w ON w.id = a.workshop_id WHERE w.code = '2016-NII'")
leaked=0
for e in $emails; do grep -q -- "$e" <<<"$fb_text$(cat "$tmp/fb.csv")" && leaked=$((leaked + 1)); done
[ -n "$emails" ] && [ "$leaked" = 0 ] && ok "feedback names no e-mail" || not_ok "feedback names no e-mail" "$leaked leaked"
refuse "feedback unknown workshop" fu feedback NOPE --output "$tmp/x.csv"
refuse "feedback PDF needs a file" fu feedback 2016-NII --format pdf
refuse "feedback unknown extension" fu feedback 2016-NII --output "$tmp/x.txt"

# The history: four changes, then four undos, and everything is as before.
hdb=$tmp/history.db
hfu () { FOLLOWUP_TODAY=2018-01-15 FOLLOWUP_STAFF_NAME="Ana Staff" "$cli" --database "$hdb" "$@"; }
hfu sample >/dev/null 2>&1
snapshot () {
  hfu followups --as-of 2018-01-15 >"$tmp/$1.followups"
  hfu export responses >"$tmp/$1.responses"
  hfu export participants >"$tmp/$1.participants"
  hfu stats >"$tmp/$1.stats"
}
snapshot before
printf 'workshop_code,name,administration,email,position,gender\n2016-NII,Ana Lopez,Philippines,ana.lopez@customs-ph.example,Officer,female\n2016-NII,Ben Tan,Singapore,ben.tan@customs-sg.example,,male\n' >"$tmp/new-people.csv"
check "history: import participants" hfu import participants "$tmp/new-people.csv"
check "history: mark-sent with a date" hfu mark-sent 2016-NII --date 2017-12-20
printf 'workshop_code,email,received_date,shared_materials,colleagues_shared,direct_effects,direct_effects_text\n2016-NII,ana.lopez@customs-ph.example,2018-01-10,yes,4,yes,"Two\nlines"\n' >"$tmp/new-replies.csv"
check "history: import responses" hfu import responses "$tmp/new-replies.csv"
check "history: mark-reminded" hfu mark-reminded 2016-NII --date 2018-01-14
check "history lists the changes" hfu history --limit 4
contains "history names the author" "$out" "Ana Staff"
contains "history says what the newest change did" "$(head -1 <<<"$out")" "Recorded a reminder to"
for i in 1 2 3 4; do check "undo $i" hfu undo; done
contains "undo says what it undid" "$out" "Undid: Imported new-people.csv"
snapshot after
for x in followups responses participants stats; do
  cmp -s "$tmp/before.$x" "$tmp/after.$x" && ok "four undos give back the same $x" \
    || not_ok "four undos give back the same $x" "$(diff "$tmp/before.$x" "$tmp/after.$x" | head -5)"
done
check "history after the undos" hfu history --limit 8
[ "$(wc -l <<<"$out")" = 8 ] && ok "history: eight entries" || not_ok "history: eight entries" "$out"
[ "$(grep -c '^.* Undid: ' <<<"$out")" = 4 ] && ok "history: four undos first" || not_ok "history: four undos" "$out"
contains "history: newest first" "$(head -1 <<<"$out")" "Undid: Imported new-people.csv"
check "history as CSV" hfu history --format csv --limit 2
contains "history CSV header" "$(head -1 <<<"$out")" "id,time,author,kind,sentence,undoes,undone_by,changes"
check "history of one workshop" hfu history --workshop 2016-NII
contains "a workshop's history has its marks" "$out" "2016-NII"
refuse "history of an unknown workshop" hfu history --workshop NOPE
refuse "history of an unknown e-mail" hfu history --participant nobody@example.org
refuse "history in an unknown format" hfu history --format xml
check "undo the sample" hfu undo
refuse "nothing left to undo" hfu undo

# export participants: the attendance lists, so that they import again
check "export participants" fu export participants --output "$tmp/people.csv"
contains "export participants header" "$(head -1 "$tmp/people.csv")" "workshop_code,name,administration,email,position,gender"
check "export participants of one workshop" fu export participants --workshop 2016-NII
[ "$(($(wc -l <<<"$out") - 1))" = "$(sqlite3 "$db" "SELECT count(*) FROM attendance a JOIN workshop w ON w.id = a.workshop_id WHERE w.code = '2016-NII'")" ] \
  && ok "one workshop's attendees" || not_ok "one workshop's attendees" "$out"
sdb=$tmp/sample-export.db
rdb=$tmp/reimport.db
"$cli" --database "$sdb" sample >/dev/null 2>&1
"$cli" --database "$sdb" export participants --output "$tmp/people.csv" >/dev/null 2>&1
"$cli" --database "$rdb" import workshops "$src/data/sample/workshops.csv" >/dev/null 2>&1
check "exported participants import again" "$cli" --database "$rdb" import participants "$tmp/people.csv"
"$cli" --database "$rdb" export participants --output "$tmp/people2.csv" >/dev/null 2>&1
cmp -s "$tmp/people.csv" "$tmp/people2.csv" && ok "participants round trip" \
  || not_ok "participants round trip" "$(diff "$tmp/people.csv" "$tmp/people2.csv" | head -5)"
refuse "export participants of an unknown workshop" fu export participants --workshop NOPE

# a damaged copy is read, never written, and stays byte-identical
ddb=$tmp/damaged.db
"$cli" --database "$ddb" sample >/dev/null 2>&1
size=$(stat -c %s "$ddb")
# garbage over the middle of every table's pages but the first
printf 'garbage%.0s' $(seq 1 400) | dd of="$ddb" bs=1 seek=$((size / 2)) conv=notrunc status=none
before=$(md5sum <"$ddb")
backups_before=$(ls "$ddb.backups" 2>/dev/null)
check "a damaged database can be read" "$cli" --database "$ddb" export summary --fiscal-year 2016/17
refuse "a damaged database refuses an import" "$cli" --database "$ddb" import workshops "$src/data/sample/workshops.csv"
contains "the refusal says it is damaged" "$(cat "$tmp/err")" "damaged"
[ ! -e "$ddb-wal" ] && [ "$(ls "$ddb.backups" 2>/dev/null)" = "$backups_before" ] \
  && ok "a refused import leaves no -wal and makes no backup" \
  || not_ok "a refused import leaves no -wal and makes no backup" "$(ls "$tmp")"
refuse "a damaged database refuses a mark" "$cli" --database "$ddb" mark-sent 2016-NII
refuse "a damaged database refuses an undo" "$cli" --database "$ddb" undo
[ "$(md5sum <"$ddb")" = "$before" ] && ok "the damaged copy is byte-identical" \
  || not_ok "the damaged copy is byte-identical" "it changed"
[ ! -e "$ddb-wal" ] && ok "reading a damaged copy leaves no -wal" || not_ok "no -wal" "$(ls "$tmp")"

# a foreign SQLite file with our table names is refused and left byte-identical
fdb=$tmp/foreign.db
sqlite3 "$fdb" "CREATE TABLE administration (id); CREATE TABLE workshop (id);
  CREATE TABLE participant (id); CREATE TABLE attendance (id); CREATE TABLE followup (id);
  CREATE TABLE reminder (id); CREATE TABLE reply (id); CREATE TABLE settings (id);
  PRAGMA user_version = 3;"
before=$(md5sum <"$fdb")
refuse "a foreign file is refused" "$cli" --database "$fdb" stats
refuse "a foreign file refuses an import" "$cli" --database "$fdb" import workshops "$src/data/sample/workshops.csv"
[ "$(md5sum <"$fdb")" = "$before" ] && ok "the foreign file is byte-identical" \
  || not_ok "the foreign file is byte-identical" "it changed"

# under umask 022 exports are created 0600, and overwriting a 0600 file keeps it 0600
(
  umask 022
  "$cli" --database "$sdb" export summary --fiscal-year 2016/17 --output "$tmp/private.csv" >/dev/null 2>&1
  "$cli" --database "$sdb" chart direct-effects --fiscal-year 2016/17 --output "$tmp/private.png" >/dev/null 2>&1
  "$cli" --database "$tmp/umask.db" init >/dev/null 2>&1
)
[ "$(stat -c %a "$tmp/private.csv")" = 600 ] && ok "a new export is 0600" || not_ok "a new export is 0600" "$(stat -c %a "$tmp/private.csv")"
[ "$(stat -c %a "$tmp/private.png")" = 600 ] && ok "a new chart is 0600" || not_ok "a new chart is 0600" "$(stat -c %a "$tmp/private.png")"
[ "$(stat -c %a "$tmp/umask.db")" = 600 ] && ok "a new database is 0600" || not_ok "a new database is 0600" "$(stat -c %a "$tmp/umask.db")"
(umask 022; "$cli" --database "$sdb" export summary --fiscal-year 2016/17 --output "$tmp/private.csv" >/dev/null 2>&1)
[ "$(stat -c %a "$tmp/private.csv")" = 600 ] && ok "an export over a 0600 file stays 0600" || not_ok "export over 0600" "$(stat -c %a "$tmp/private.csv")"
[ -z "$(ls "$tmp" | grep -E '^private\.csv\.|^private\.png\.')" ] && ok "no temporary file is left" || not_ok "no temporary file" "$(ls "$tmp")"

# backup, a change, restore: the exports are as they were, and the restore can be undone
bdb=$tmp/backed.db
bfu () { "$cli" --database "$bdb" "$@"; }
bfu sample >/dev/null 2>&1
snap_exports () {
  bfu export summary --fiscal-year 2016/17 --output "$tmp/$1-summary.csv" >/dev/null 2>&1
  bfu export responses --output "$tmp/$1-responses.csv" >/dev/null 2>&1
  bfu export participants --output "$tmp/$1-participants.csv" >/dev/null 2>&1
}
snap_exports before
check "backup --output" bfu backup --output "$tmp/kept.db"
[ "$(stat -c %a "$tmp/kept.db")" = 600 ] && ok "a backup is 0600" || not_ok "a backup is 0600" "$(stat -c %a "$tmp/kept.db")"
check "backup into the backups folder" bfu backup
[ "$(stat -c %a "$bdb.backups")" = 700 ] && ok "the backups folder is 0700" || not_ok "backups folder 0700" "$(stat -c %a "$bdb.backups")"
check "backups" bfu backups
contains "backups lists the counts" "$out" " 13 .* 148 "
bfu import workshops "$src/data/sample/workshops.csv" --dry-run >/dev/null 2>&1
printf 'code,title,start_date,end_date,venue\nZZ-1,Broken,2026-01-01,2026-01-03,Bangkok\n' >"$tmp/extra.csv"
bfu import workshops "$tmp/extra.csv" >/dev/null 2>&1
sqlite3 "$bdb" "SELECT code FROM workshop WHERE code = 'ZZ-1'" | grep -q ZZ-1 && ok "the change is made" || not_ok "the change is made" ""
n_backups=$(ls "$bdb.backups" | wc -l)
[ "$n_backups" -ge 2 ] && ok "an import backs up first" || not_ok "an import backs up first" "$(ls "$bdb.backups")"
check "restore" bfu restore "$tmp/kept.db"
contains "restore says what it did" "$out" "Restored the backup kept.db"
snap_exports after
for e in summary responses participants; do
  cmp -s "$tmp/before-$e.csv" "$tmp/after-$e.csv" && ok "restore gives back the $e export" \
    || not_ok "restore gives back the $e export" "$(diff "$tmp/before-$e.csv" "$tmp/after-$e.csv" | head -3)"
done
check "the restore is in the history" bfu history --limit 1
contains "history names the restore" "$out" "Restored the backup kept.db"
check "undo the restore" bfu undo
sqlite3 "$bdb" "SELECT code FROM workshop WHERE code = 'ZZ-1'" | grep -q ZZ-1 && ok "undoing the restore brings the change back" \
  || not_ok "undoing the restore brings the change back" ""
refuse "restoring a foreign file" bfu restore "$fdb"
refuse "restoring a damaged backup" bfu restore "$ddb"
refuse "restoring a missing file" bfu restore "$tmp/nothing.db"

# odd dates and control characters are refused at the entry points
vdb=$tmp/valid.db
vfu () { "$cli" --database "$vdb" "$@"; }
vfu sample >/dev/null 2>&1
before=$(sqlite3 "$vdb" .dump | md5sum)
refuse "a date in year 9999 is refused" vfu mark-sent 2016-NII --date 9999-12-31
contains "the refusal names the range" "$(cat "$tmp/err")" "1990-01-01 to 2100-12-31"
refuse "a date in 1985 is refused" vfu mark-reminded 2016-NII --date 1985-01-01
printf 'code,title,start_date,end_date,venue\nZZ-9,Bad,9999-01-01,9999-01-03,Bangkok\n' >"$tmp/far.csv"
refuse "an import with a date in 9999 is refused" vfu import workshops "$tmp/far.csv"
contains "the import's message names line and column" "$(cat "$tmp/err")" "far.csv:2"
printf 'code,title,start_date,end_date,venue\nZZ-8,"Two\r\nLines",2026-01-01,2026-01-03,Bangkok\n' >"$tmp/lines.csv"
refuse "a title with a line break is refused" vfu import workshops "$tmp/lines.csv"
contains "the refusal says one line" "$(cat "$tmp/err")" "one line"
[ "$(sqlite3 "$vdb" .dump | md5sum)" = "$before" ] && ok "refused entries change nothing" || not_ok "refused entries change nothing" ""

# do not contact: out of the reminders, their follow-up closed, still a participant
check "export reminders" vfu export reminders --output "$tmp/rem-before.csv"
dnc=$(sed -n 2p "$tmp/rem-before.csv" | tr ',' '\n' | grep @ | head -1)
grep -q "$dnc" "$tmp/rem-before.csv" && ok "the person is in the reminders" || not_ok "the person is in the reminders" "$dnc"
check "do-not-contact" vfu do-not-contact "$dnc" --reason "asked by e-mail"
contains "do-not-contact says what it did" "$out" "do not contact"
check "export reminders again" vfu export reminders --output "$tmp/rem-after.csv"
grep -q "$dnc" "$tmp/rem-after.csv" && not_ok "a do-not-contact person is missing from export reminders" "$dnc" \
  || ok "a do-not-contact person is missing from export reminders"
check "export participants keeps them" vfu export participants
contains "they still count as participants" "$out" "$dnc"
refuse "do-not-contact an unknown address" vfu do-not-contact nobody@example.org
check "the report after a do-not-contact" vfu report --fiscal-year 2016/17 --output "$tmp/dnc-report.pdf"
contains "the report says how many were not contacted" "$(pdftotext "$tmp/dnc-report.pdf" - | tr '\n' ' ')" "1 participant asked not to be contacted"

# a person's data on request, then erased
pv=$(sqlite3 "$vdb" "SELECT p.email || '|' || p.name FROM reply r JOIN followup f ON f.id = r.followup_id
  JOIN attendance a ON a.id = f.attendance_id JOIN participant p ON p.id = a.participant_id
  WHERE p.email IS NOT NULL ORDER BY p.id LIMIT 1")
pemail=${pv%%|*}; pname=${pv#*|}
check "person --output" vfu person "$pemail" --output "$tmp/person.json"
[ "$(stat -c %a "$tmp/person.json")" = 600 ] && ok "the person's file is 0600" || not_ok "person file 0600" ""
python3 - "$tmp/person.json" "$pemail" <<'PY' && ok "person holds the record and the replies" || not_ok "person holds the record and the replies" "$(head -c 300 "$tmp/person.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["participant"]["email"] == sys.argv[2]
assert any(a["followup"] and a["followup"]["reply"] and a["followup"]["reply"]["received_date"] for a in d["attendances"])
assert isinstance(d["history"], list)
PY
vfu export summary --fiscal-year 2016/17 --output "$tmp/anon-before.csv" >/dev/null 2>&1
check "anonymize a person" vfu anonymize "$pemail" --remove-answers
vfu export summary --fiscal-year 2016/17 --output "$tmp/anon-after.csv" >/dev/null 2>&1
cmp -s "$tmp/anon-before.csv" "$tmp/anon-after.csv" && ok "anonymize leaves export summary byte-identical" \
  || not_ok "anonymize leaves export summary byte-identical" "$(diff "$tmp/anon-before.csv" "$tmp/anon-after.csv" | head -3)"
leak=""
for k in responses participants reminders; do
  vfu export $k --output "$tmp/anon-$k.csv" >/dev/null 2>&1
  grep -q -F -e "$pemail" -e "$pname" "$tmp/anon-$k.csv" && leak="$leak $k"
done
vfu history --format csv --limit 0 >"$tmp/anon-history.csv" 2>/dev/null || vfu history --format csv >"$tmp/anon-history.csv"
vfu history >"$tmp/anon-history.txt"
grep -q -F -e "$pemail" -e "$pname" "$tmp/anon-history.csv" "$tmp/anon-history.txt" && leak="$leak history"
[ -z "$leak" ] && ok "the name and e-mail appear in no export and no history" || not_ok "no trace after anonymize" "$leak"
check "anonymize --before" vfu anonymize --before 2017-01-01
contains "anonymize --before says how many" "$out" "Anonymized"
last_before () {
  sqlite3 "$vdb" "SELECT count (*) FROM (SELECT p.id FROM participant p JOIN attendance a ON a.participant_id = p.id
    JOIN workshop w ON w.id = a.workshop_id WHERE p.email IS NOT NULL GROUP BY p.id HAVING max (w.end_date) $1 '2017-01-01')"
}
[ "$(last_before '<')" = 0 ] && ok "everyone whose last workshop was before the day is anonymized" \
  || not_ok "everyone before the day is anonymized" "$(last_before '<') left"
[ "$(last_before '>=')" -gt 0 ] && ok "the others keep their data" || not_ok "the others keep their data" ""

# a damaged database is restored by putting the backup in its place; the damaged file stays
check "restore over a damaged copy" "$cli" --database "$ddb" restore "$tmp/kept.db"
contains "it says where the damaged file is kept" "$out" "damaged.db.damaged-"
check "the restored copy takes changes again" "$cli" --database "$ddb" do-not-contact "$(sqlite3 "$ddb" "SELECT email FROM participant WHERE email IS NOT NULL LIMIT 1")"

# compose: mailto: links short enough for a mail program, every address once between them
cdb=$tmp/compose.db
"$cli" --database "$cdb" sample >/dev/null
check "compose reminders" "$cli" --database "$cdb" compose reminders --as-of 2018-01-15
printf '%s\n' "$out" >"$tmp/links"
n=$(wc -l <"$tmp/links")
[ "$n" -gt 1 ] && ok "the 105 reminders need several drafts ($n)" || not_ok "several drafts" "$n"
long=$(awk 'length($0) >= 2000' "$tmp/links" | wc -l)
[ "$long" = 0 ] && ok "every link is under 2,000 characters" || not_ok "links under 2,000" "$long"
contains "the drafts are numbered" "$(head -1 "$tmp/links")" "%281%20of%20$n%29"
python3 - "$tmp/links" >"$tmp/bcc" <<'PY'
import sys, urllib.parse
for line in open(sys.argv[1]):
    query = line.strip().split('?', 1)[1]
    for part in query.split('&'):
        if part.startswith('bcc='):
            for address in urllib.parse.unquote(part[4:]).split(','):
                print(address.lower())
PY
"$cli" --database "$cdb" export reminders --as-of 2018-01-15 \
  | python3 -c 'import csv, sys
rows = list(csv.DictReader(sys.stdin))
print("\n".join(sorted({r["email"].lower() for r in rows if r["email"]})))' >"$tmp/expected-bcc"
if [ "$(sort "$tmp/bcc")" = "$(cat "$tmp/expected-bcc")" ] && [ "$(sort "$tmp/bcc" | uniq -d)" = "" ]; then
  ok "together they hold every reminder's address exactly once"
else
  not_ok "every address exactly once" "$(diff <(sort "$tmp/bcc") "$tmp/expected-bcc" | head)"
fi
# export as .xlsx: numbers are numeric cells, and the rates agree with the CSV
check "export summary as .xlsx" "$cli" --database "$cdb" export summary --fiscal-year 2016/17 \
  --format xlsx --output "$tmp/summary.xlsx"
"$cli" --database "$cdb" export summary --fiscal-year 2016/17 >"$tmp/summary.csv"
if out=$(python3 - "$tmp/summary.xlsx" "$tmp/summary.csv" 2>&1 <<'PY'
import csv, re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
names = re.findall(r'<sheet name="([^"]+)"', book.read('xl/workbook.xml').decode())
assert names == ['Summary', 'Table 1', 'Table 2', 'Table 3', 'Table 4', 'Table 5', 'Trend'], names
sheet = book.read('xl/worksheets/sheet2.xml').decode()
cells = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*?(?: t="[a-z]+")?[^>]*>(.*?)</c>', sheet))
typed = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)>', sheet))
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8-sig')))
for i, row in enumerate(rows, start=2):
    for column, value in (('F', row['participants']), ('G', row['replies']), ('H', row['reply_rate'])):
        ref = '%s%d' % (column, i)
        assert 't=' not in typed[ref], (ref, typed[ref])
        number = float(re.search(r'<v>([^<]*)</v>', cells[ref]).group(1))
        assert abs(number - float(value)) < 1e-9, (ref, number, value)
    if row['start_date']:
        assert 't=' not in typed['C%d' % i], 'dates are numbers'
print(len(rows), 'rows')
PY
); then ok "xlsx: numeric cells, rates as in the CSV ($out)"; else not_ok "xlsx figures" "$out"; fi
check "export responses as .xlsx" "$cli" --database "$cdb" export responses --format xlsx \
  --output "$tmp/replies.xlsx"
refuse "xlsx needs a file" "$cli" --database "$cdb" export responses --format xlsx
# the questionnaire to attach: the workshop, its deadline, every question of core's description
check "questionnaire" "$cli" --database "$cdb" questionnaire 2016-NII --deadline 2017-04-08 \
  --output "$tmp/questionnaire.pdf"
qtext=$(pdftotext "$tmp/questionnaire.pdf" - | tr '\n' ' ' | tr -s ' ')
contains "the questionnaire names the workshop" "$qtext" "Non-Intrusive Inspection"
contains "the questionnaire gives the day to reply by" "$qtext" "by 8 April 2017"
for q in Q1 Q1bis Q2 Q3 Q4 Q5; do
  contains "the questionnaire asks $q" "$qtext" "$q. "
done
contains "Q1's choices have boxes" "$qtext" "☐ Submitted a mission report to superiors"
contains "Q5 is a yes or no" "$qtext" "☐ Yes ☐ No"
pdfinfo "$tmp/questionnaire.pdf" | grep -q "^Tagged: *yes" && ok "the questionnaire is a tagged PDF" \
  || not_ok "the questionnaire is a tagged PDF" ""
(cd "$tmp" && "$cli" --database "$cdb" questionnaire 2016-NII --as-of 2017-03-09 >/dev/null 2>&1)
[ -f "$tmp/questionnaire-2016-NII.pdf" ] && ok "its file is named after the workshop" \
  || not_ok "questionnaire-2016-NII.pdf" "$(ls "$tmp")"
contains "--as-of counts the deadline from it" "$(pdftotext "$tmp/questionnaire-2016-NII.pdf" - | tr '\n' ' ')" "8 April 2017"
refuse "questionnaire of no workshop" "$cli" --database "$cdb" questionnaire NO-SUCH
# administrations: another name feeds the import; merging moves the people and keeps the name
adb=$tmp/admins.db
"$cli" --database "$adb" sample >/dev/null
check "alias" "$cli" --database "$adb" alias "Direction des douanes du Vanuatu" Vanuatu
contains "alias says what it recorded" "$out" "Recorded that “Direction des douanes du Vanuatu” means Vanuatu"
refuse "an alias cannot be another administration's name" "$cli" --database "$adb" alias "Viet Nam" Thailand
refuse "an alias of no administration" "$cli" --database "$adb" alias "Somewhere" "No Such Place"
check "administrations" "$cli" --database "$adb" administrations
contains "administrations lists the other names" "$out" "Vanuatu (VUT)	member	Direction des douanes du Vanuatu"
printf 'name,administration,email\nJean Tari,Direction des douanes du Vanuatu,jt@x.example\nKim Min-su,Atlantis Revenue,kms@x.example\n' >"$tmp/aliases.csv"
check "the import takes the alias" "$cli" --database "$adb" import participants "$tmp/aliases.csv" --workshop 2016-NII --add-administrations
[ "$(sqlite3 "$adb" "SELECT a.name FROM participant p JOIN administration a ON a.id = p.administration_id WHERE p.email = 'jt@x.example'")" = Vanuatu ] \
  && ok "the person imported under the alias is in Vanuatu" || not_ok "alias in import" ""
check "merge-administrations" "$cli" --database "$adb" merge-administrations "Atlantis Revenue" Korea
contains "merge says what it did" "$out" "Merged administration Atlantis Revenue into Korea"
[ "$(sqlite3 "$adb" "SELECT a.name FROM participant p JOIN administration a ON a.id = p.administration_id WHERE p.email = 'kms@x.example'")" = Korea ] \
  && ok "the merged administration's people move" || not_ok "merge moves people" ""
check "administrations after merge" "$cli" --database "$adb" administrations
contains "the merged name is kept as another name" "$out" "Korea (KOR)	member	Atlantis Revenue"
check "undo the merge" "$cli" --database "$adb" undo
[ "$(sqlite3 "$adb" "SELECT a.name FROM participant p JOIN administration a ON a.id = p.administration_id WHERE p.email = 'kms@x.example'")" = "Atlantis Revenue" ] \
  && ok "undoing the merge brings the administration back" || not_ok "undo merge" ""
check "alias --forget" "$cli" --database "$adb" alias --forget "Direction des douanes du Vanuatu"
contains "forget says what it forgot" "$out" "Forgot that “Direction des douanes du Vanuatu” means Vanuatu"
check "compose questionnaire" "$cli" --database "$cdb" compose questionnaire --as-of 2017-06-01
refuse "compose something else" "$cli" --database "$cdb" compose letters

echo "1..$((passed + failed))"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
