#!/bin/sh
# Creates the namespace and registers the search attributes supervisors' lists use (from
# search-attributes.txt beside this script, which the tests keep equal to the code's list). The one
# registration of the deployment: compose runs it in temporalio/admin-tools once the server answers,
# the local cluster with the Temporal CLI from .tools/ (for `npm run cluster`, and for each test file's
# namespace in the cluster tests). Safe to run again.
set -eu
: "${TEMPORAL_ADDRESS:?}"
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
ATTRIBUTES="$(dirname "$0")/search-attributes.txt"

until temporal operator cluster health >/dev/null 2>&1; do
  echo "waiting for Temporal at $TEMPORAL_ADDRESS"
  sleep 2
done

temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1 \
  || temporal operator namespace create --namespace "$NAMESPACE" --retention "${RETENTION:-2160h}"

# A namespace just created is "not found" for a second or two, until every service has seen it.
wait_until_usable() {
  until temporal workflow count --namespace "$NAMESPACE" ${1:+--query "$1"} >/dev/null 2>&1; do sleep 1; done
}
wait_until_usable

existing=$(temporal operator search-attribute list --namespace "$NAMESPACE")
last=
for line in $(grep -v '^#' "$ATTRIBUTES"); do
  name=${line%%=*}
  type=${line#*=}
  last=$name
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type"
  fi
done
# The same delay holds for new search attributes: wait until a query may use them.
[ -z "$last" ] || wait_until_usable "$last IS NULL"
echo "namespace $NAMESPACE and its search attributes are ready"
