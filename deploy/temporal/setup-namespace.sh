#!/bin/sh
# Creates the namespace and registers the search attributes supervisors' lists use (from
# search-attributes.txt, which the tests keep equal to the code's list). Runs in temporalio/admin-tools
# once the server answers; safe to run again.
set -eu
: "${TEMPORAL_ADDRESS:?}"
NAMESPACE=${TEMPORAL_NAMESPACE:-default}

until temporal operator cluster health >/dev/null 2>&1; do
  echo "waiting for Temporal at $TEMPORAL_ADDRESS"
  sleep 2
done

temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1 \
  || temporal operator namespace create --namespace "$NAMESPACE" --retention "${RETENTION:-2160h}"

grep -v '^#' /deploy/search-attributes.txt | while IFS='=' read -r name type; do
  [ -n "$name" ] || continue
  temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type" 2>/dev/null \
    || echo "search attribute $name exists"
done
echo "namespace $NAMESPACE and its search attributes are ready"
