#!/usr/bin/env bash
# A caseworker's day with curl, against a running API (npm start prints the development tokens):
#   TOKEN=<caseworker token> SUPERVISOR_TOKEN=<supervisor token> bash scripts/caseworker-day.sh
# Exits non-zero at the first request that fails.
set -euo pipefail
API=${API:-http://127.0.0.1:3000}
: "${TOKEN:?set TOKEN to a caseworker's token}"
: "${SUPERVISOR_TOKEN:?set SUPERVISOR_TOKEN to a supervisor's token}"
CASE=${CASE:-KBH-$(date +%Y%m%d-%H%M%S)}

step() { printf '\n== %s\n' "$1"; }
post() { # post <path> <json> [idempotency key]
  curl -fsS -X POST "$API$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+-H "Idempotency-Key: $3"} -d "$2"
  echo
}
get() { curl -fsS "$API$1" -H "Authorization: Bearer ${2:-$TOKEN}"; echo; }

step "A referral arrives: open case $CASE (the CPR number goes in the body, never in a URL)"
post /api/v1/cases "{\"caseId\":\"$CASE\",\"municipality\":\"101\",\"citizen\":{\"cpr\":\"010190-1234\",\"name\":\"Jens Jensen\",\"email\":\"jens@example.dk\"}}" "open-$CASE"

step "I become the coordinating caseworker"
post "/api/v1/cases/$CASE/coordinating-caseworker" '{"caseworkerId":"sara.caseworker","name":"Sara","email":"sara@kk.dk"}' >/dev/null && echo ok

step "The rehabilitation team met; the health representative dissented (the citizen is told)"
post "/api/v1/cases/$CASE/team-recommendations" '{"recommends":"ressourceforloeb","unanimous":false,"dissent":[{"member":"health","opinion":"start with treatment"}],"citizenAttendedWholeMeeting":true}' >/dev/null && echo ok

step "The municipality grants the course, as the team recommends"
post "/api/v1/cases/$CASE/decisions" '{"decision":"grant-course","reasoning":"as the team recommends"}' >/dev/null && echo ok

step "A real offer: an internship, registered and started (retried with the same key: applied once)"
post "/api/v1/cases/$CASE/offers" '{"offerId":"praktik-1","kind":"internship","real":true,"plannedStart":"2027-01-04"}' >/dev/null
post "/api/v1/cases/$CASE/offers/praktik-1/start" '{}' "start-praktik-$CASE" >/dev/null
post "/api/v1/cases/$CASE/offers/praktik-1/start" '{}' "start-praktik-$CASE" >/dev/null && echo ok

step "An event that does not fit is refused with the reason (409), and changes nothing"
curl -sS -X POST "$API/api/v1/cases/$CASE/decisions" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"decision":"grant-course","reasoning":"again"}'
echo

step "The case: phase and deadlines"
get "/api/v1/cases/$CASE" | cut -c1-600
echo

step "The audit timeline"
get "/api/v1/cases/$CASE/timeline" | cut -c1-600
echo

step "The supervisor's lists: open escalations, and my caseload (eventually consistent)"
get "/api/v1/cases?escalated=true" "$SUPERVISOR_TOKEN" | cut -c1-400
echo
get "/api/v1/caseworkers/sara.caseworker/caseload" "$SUPERVISOR_TOKEN" | cut -c1-400
echo
