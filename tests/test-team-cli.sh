#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/test-team-cli.sh CLI: followup-cli on a team database (PostgreSQL) gives byte for byte
# what it gives on a file. build-aux/dev test starts a server and sets FOLLOWUP_TEST_PG;
# without one the test is skipped.
set -u

cli=$1
src=${FOLLOWUP_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/tap-util.sh"

if [ -z "${FOLLOWUP_TEST_PG:-}" ]; then
  echo "1..0 # SKIP no PostgreSQL server: build-aux/dev test starts one (FOLLOWUP_TEST_PG)"
  exit 0
fi

# A database of our own on the test server, named by URI with its socket folder.
host=$(sed -n 's/.*[?&]host=\([^&]*\).*/\1/p' <<<"$FOLLOWUP_TEST_PG")
user=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<<"$FOLLOWUP_TEST_PG")
name=fu_cli_$$
PGOPTIONS="-c client_min_messages=warning" psql -q "$FOLLOWUP_TEST_PG" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" \
  >/dev/null || { echo "Bail out! cannot create a database on $FOLLOWUP_TEST_PG"; exit 1; }
team="postgresql:///$name?host=$host&user=$user"
file=$tmp/office.db
trap 'psql -q "$FOLLOWUP_TEST_PG" -c "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1; rm -rf "$tmp"' EXIT

# both NAME CMD...: runs the command on the file and on the team database; they must agree,
# byte for byte, on standard output (but the database's name) and on their exit status.
both () {
  local name=$1; shift
  local fs=0 ts=0
  "$cli" --database "$file" "$@" >"$tmp/file.out" 2>"$tmp/file.err" || fs=$?
  "$cli" --database "$team" "$@" >"$tmp/team.out" 2>"$tmp/team.err" || ts=$?
  # Where each says it wrote is its own.
  sed -i "s|$file|DATABASE|g" "$tmp/file.out"
  sed -i "s|$team|DATABASE|g" "$tmp/team.out"
  if [ "$fs" = 0 ] && [ "$ts" = 0 ] && cmp -s "$tmp/file.out" "$tmp/team.out"; then
    ok "$name: the same $(wc -l <"$tmp/file.out") lines"
  else
    not_ok "$name" "file: exit $fs, team: exit $ts" "$(cat "$tmp/team.err")" \
      "$(diff "$tmp/file.out" "$tmp/team.out" | head -5)"
  fi
}

check "init on the team database" "$cli" --database "$team" init
contains "init names the team database" "$out" "$name"
n=$(psql -tA "$team" -c "SELECT count(*) FROM administration")
[ "$n" = 33 ] && ok "33 administrations on the server" || not_ok "33 administrations" "got $n"
check "init again migrates nothing" "$cli" --database "$team" init
check "init on the file" "$cli" --database "$file" init

# FOLLOWUP_DATABASE takes a URI too
check "FOLLOWUP_DATABASE=URI" env FOLLOWUP_DATABASE="$team" "$cli" administrations
contains "the administrations come from the server" "$out" "Viet Nam"

both "sample" sample
for y in 2016/17 2017/18; do
  both "export summary $y" export summary --fiscal-year "$y"
done
both "export responses" export responses
both "export responses 2016/17" export responses --fiscal-year 2016/17
both "export participants" export participants
both "export participants of a workshop" export participants --workshop 2016-NII
both "export reminders" export reminders --as-of 2017-05-01
both "followups" followups --as-of 2017-05-01
both "mark-sent" mark-sent 2016-NII --date 2017-03-01
both "mark-reminded" mark-reminded 2016-NII --date 2017-04-05
both "mark-reminded again the same day records nothing" mark-reminded 2016-NII --date 2017-04-05
both "followups after marking" followups --as-of 2017-05-01
both "export reminders after marking" export reminders --as-of 2017-05-01
both "undo the reminders" undo
both "followups after undoing" followups --as-of 2017-05-01
both "export reminders after undoing" export reminders --as-of 2017-05-01

# copy: the file into a new team database and back, every export the same
copy_name=${name}_copy
PGOPTIONS="-c client_min_messages=warning" psql -q "$FOLLOWUP_TEST_PG" \
  -c "DROP DATABASE IF EXISTS $copy_name" -c "CREATE DATABASE $copy_name" >/dev/null
copy_team="postgresql:///$copy_name?host=$host&user=$user"
check "copy a file into a team database" "$cli" copy --from "$file" --to "$copy_team"
check "copy it back into a new file" "$cli" copy --from "$copy_team" --to "$tmp/back.db"
refuse "copy into a database that holds data" "$cli" copy --from "$file" --to "$copy_team"
contains "the refusal says to copy into an empty one" "$(cat "$tmp/err")" "empty database"
same=0
for args in "summary --fiscal-year 2016/17" "responses" "participants" \
            "reminders --as-of 2017-05-01"; do
  a=$("$cli" --database "$file" export $args | md5sum)
  b=$("$cli" --database "$copy_team" export $args | md5sum)
  c=$("$cli" --database "$tmp/back.db" export $args | md5sum)
  [ "$a" = "$b" ] && [ "$b" = "$c" ] && same=$((same + 1))
done
[ "$same" = 4 ] && ok "every export is the same after the copies" \
  || not_ok "every export the same after the copies" "$same of 4"
[ "$("$cli" --database "$tmp/back.db" history | wc -l)" = "$("$cli" --database "$file" history | wc -l)" ] \
  && ok "the history came along" || not_ok "the history came along" ""
PGOPTIONS="-c client_min_messages=warning" psql -q "$FOLLOWUP_TEST_PG" \
  -c "DROP DATABASE IF EXISTS $copy_name" >/dev/null

# a team database's backup is a file that opens like any other
check "backup of a team database" "$cli" --database "$team" backup --output "$tmp/team-backup.db"
[ "$("$cli" --database "$tmp/team-backup.db" export responses | md5sum)" = \
  "$("$cli" --database "$team" export responses | md5sum)" ] \
  && ok "the backup holds the same replies" || not_ok "the backup holds the same replies" ""


# administrations: another name feeds the import; merging moves the people and keeps the name
both "alias" alias "Direction des douanes du Vanuatu" Vanuatu
printf 'name,administration,email\nJean Tari,Direction des douanes du Vanuatu,jt@x.example\nKim Min-su,Atlantis Revenue,kms@x.example\n' >"$tmp/aliases.csv"
both "the import takes the alias" import participants "$tmp/aliases.csv" --workshop 2016-NII \
  --add-administrations
both "merge-administrations" merge-administrations "Atlantis Revenue" Korea
both "administrations after the merge" administrations
both "export participants after the merge" export participants
both "undo the merge" undo
both "administrations after undoing the merge" administrations

# a person's data on request: the same facts as the file gives
for db in "$file" "$team"; do
  "$cli" --database "$db" person kiri.reid@customs-nz.example --output "$tmp/person.json" \
    >/dev/null 2>&1
  python3 - "$tmp/person.json" >>"$tmp/person.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
reply = d["attendances"][0]["followup"]["reply"]
print(d["participant"]["email"], len(d["attendances"]), d["attendances"][0]["workshop_code"],
      reply["received_date"], len(d["history"]))
PY
done
[ "$(sort -u "$tmp/person.txt" | wc -l)" = 1 ] && [ -s "$tmp/person.txt" ] \
  && ok "a person's data: the same record, attendances, reply and history" \
  || not_ok "a person's data the same" "$(cat "$tmp/person.txt")"

# a person's data erased: the same on both, and nowhere on the server any more
both "anonymize a person" anonymize daniel.clarke@customs-au.example --remove-answers
both "export responses after anonymizing" export responses
both "export participants after anonymizing" export participants
both "export summary after anonymizing" export summary --fiscal-year 2016/17
leaks=$(psql -tA "$team" -c "SELECT (SELECT count (*) FROM participant WHERE email =
  'daniel.clarke@customs-au.example') + (SELECT count (*) FROM audit_change WHERE
  strpos (coalesce (old, '') || coalesce (new, ''), 'Daniel Clarke') > 0) + (SELECT count (*)
  FROM audit_entry WHERE strpos (sentence, 'Daniel Clarke') > 0)")
[ "$leaks" = 0 ] && ok "the name and address are nowhere in the team database" \
  || not_ok "the name and address are nowhere" "$leaks rows still hold them"

# the history: the entries the commands made, with who made them
FOLLOWUP_STAFF_NAME="Ana Lopez" "$cli" --database "$team" mark-reminded 2016-DCEC --date 2017-05-02 \
  >/dev/null 2>&1
check "history of the team database" "$cli" --database "$team" history --limit 3
contains "the history names who" "$out" "Ana Lopez"
check "history of a workshop" "$cli" --database "$team" history --workshop 2016-NII
contains "the workshop's history has its marking" "$out" "2016-NII"

# the README's team setup: its roles, as the staff and a reader use them
quiet=(env PGOPTIONS="-c client_min_messages=warning")
drop_team () {
  "${quiet[@]}" psql -q "$FOLLOWUP_TEST_PG" -c "DROP DATABASE IF EXISTS followup" \
    -c "DROP ROLE IF EXISTS fu_test_staff" -c "DROP ROLE IF EXISTS fu_test_ravi" \
    -c "DROP ROLE IF EXISTS followup_owner" -c "DROP ROLE IF EXISTS followup_staff" \
    -c "DROP ROLE IF EXISTS followup_reader" >/dev/null 2>&1
}
drop_team
if "${quiet[@]}" psql -q "$FOLLOWUP_TEST_PG" -v owner_password="'owner-secret'" \
     -f "$src/data/team-setup.sql" >"$tmp/setup.out" 2>&1; then
  ok "data/team-setup.sql runs"
else
  not_ok "data/team-setup.sql runs" "$(cat "$tmp/setup.out")"
fi
"${quiet[@]}" psql -q "$FOLLOWUP_TEST_PG" \
  -c "CREATE ROLE fu_test_staff LOGIN PASSWORD 'staff' IN ROLE followup_staff" \
  -c "CREATE ROLE fu_test_ravi LOGIN PASSWORD 'ravi' IN ROLE followup_reader" >/dev/null
check "init as the owner" env PGPASSWORD=owner-secret "$cli" \
  --database "postgresql://followup_owner@/followup?host=$host" init
check "the staff load the sample" env PGPASSWORD=staff "$cli" \
  --database "postgresql://fu_test_staff@/followup?host=$host" sample
check "the history names the staff's role" env PGPASSWORD=staff "$cli" \
  --database "postgresql://fu_test_staff@/followup?host=$host" history
contains "the role is the author" "$out" "fu_test_staff"
check "a reader exports" env PGPASSWORD=ravi "$cli" \
  --database "postgresql://fu_test_ravi@/followup?host=$host" export responses
refuse "a reader cannot mark" env PGPASSWORD=ravi "$cli" \
  --database "postgresql://fu_test_ravi@/followup?host=$host" mark-sent 2016-NII
contains "the refusal says why" "$(cat "$tmp/err")" "may read the team database"
drop_team

# two colleagues edit the same workshop 1,000 times each, at once: no edit is lost, and each
# one that crossed the other's was refused and redone
counter=${FOLLOWUP_TEAM_EDIT_COUNTER:-}
if [ -x "$counter" ]; then
  "$counter" "$team" 2016-LAB 1000 >"$tmp/a.out" 2>&1 &
  a=$!
  "$counter" "$team" 2016-LAB 1000 >"$tmp/b.out" 2>&1 &
  b=$!
  wait $a && wait $b && ok "two editors ran to the end" \
    || not_ok "two editors ran to the end" "$(cat "$tmp/a.out" "$tmp/b.out")"
  notes=$(psql -tA "$team" -c "SELECT notes FROM workshop WHERE code = '2016-LAB'")
  [ "$notes" = 2000 ] && ok "no edit lost: 2000" || not_ok "no edit lost" "notes: $notes"
  conflicts=$(cat "$tmp/a.out" "$tmp/b.out" | awk '/conflicts/ { n += $4 } END { print n + 0 }')
  entries=$(psql -tA "$team" -c "SELECT count (*) FROM audit_entry WHERE kind = 'edit-workshop'")
  [ "${conflicts:-0}" -gt 0 ] && [ "$entries" = 2000 ] \
    && ok "every crossing edit was refused and redone ($conflicts conflicts, $entries entries)" \
    || not_ok "conflicts reported" "conflicts: $conflicts, entries: $entries"
else
  not_ok "team-edit-counter is built" "FOLLOWUP_TEAM_EDIT_COUNTER=$counter"
fi

# a client killed in the middle of an import leaves nothing of it: killed once the server
# shows its transaction writing (the import takes well under a second)
{ echo "workshop_code,name,administration,email"
  for i in $(seq 1 60000); do echo "2016-NII,Killed Person $i,Thailand,killed$i@customs.example"; done
} >"$tmp/big.csv"
before=$(psql -tA "$team" -c "SELECT count (*) FROM participant")
"$cli" --database "$team" import participants "$tmp/big.csv" >/dev/null 2>&1 &
importer=$!
writing=0
for _ in $(seq 1 400); do
  writing=$(psql -tA "$team" -c "SELECT count (*) FROM pg_stat_activity
    WHERE datname = current_database () AND pid <> pg_backend_pid ()
    AND backend_xid IS NOT NULL")
  [ "$writing" != 0 ] && break
  kill -0 $importer 2>/dev/null || break
done
kill -9 $importer 2>/dev/null
wait $importer 2>/dev/null
[ "$writing" != 0 ] && ok "the import was killed while it wrote" \
  || not_ok "the import was killed while it wrote" "it ended first, or never wrote"
sleep 0.5
after=$(psql -tA "$team" -c "SELECT count (*) FROM participant")
[ "$before" = "$after" ] && ok "a killed import left nothing ($after participants)" \
  || not_ok "a killed import left nothing" "$before -> $after"

# a bad file changes nothing on the server either
printf 'workshop_code,name,administration,email\n2016-NII,Nobody,Nowhere Land,x@example.org\n' \
  >"$tmp/bad.csv"
before=$(psql -tA "$team" -c "SELECT count(*) FROM participant")
refuse "a bad participants file is refused" "$cli" --database "$team" import participants \
  "$tmp/bad.csv"
contains "the message names the file and line" "$(cat "$tmp/err")" "bad.csv:2"
after=$(psql -tA "$team" -c "SELECT count(*) FROM participant")
[ "$before" = "$after" ] && ok "nothing was imported" || not_ok "nothing imported" "$before -> $after"

# the backup restored into the team database takes back what changed since, as one change
# undone whole
"$cli" --database "$tmp/team-backup.db" export participants >"$tmp/backed-up.csv"
check "a change after the backup" "$cli" --database "$team" anonymize --before 2017-01-01
"$cli" --database "$team" export participants >"$tmp/changed.csv"
check "restore the backup into the team database" "$cli" --database "$team" restore \
  "$tmp/team-backup.db"
cmp -s "$tmp/backed-up.csv" <("$cli" --database "$team" export participants) \
  && ok "the restore brought the people back as backed up" \
  || not_ok "the restore brought the people back as backed up" ""
check "undo the restore" "$cli" --database "$team" undo
cmp -s "$tmp/changed.csv" <("$cli" --database "$team" export participants) \
  && ok "undoing the restore takes it back" || not_ok "undoing the restore takes it back" ""
check "redo: restore again" "$cli" --database "$team" restore "$tmp/team-backup.db"

# an address that leads nowhere: a clear message, no folder made in its name
refuse "a server that is not there" "$cli" --database \
  "postgresql:///followup?host=$tmp/nowhere&user=$user" stats
contains "the message says what to check" "$(cat "$tmp/err")" "Check the address"
# nothing named after an address (a backups folder, a file) in the folder it ran in
[ -z "$(ls -a "$tmp" | grep -e 'postgres' -e 'host=')" ] && ok "no files named after an address" \
  || not_ok "no files named after an address" "$(ls -a "$tmp")"

echo "1..$((passed + failed))"
[ "$failed" = 0 ]
