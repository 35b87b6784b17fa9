#!/bin/sh
# Leave report-input broken, copy the numbers into a new ConfigMap report-input-fixed under numbers.txt, and recreate Job report mounting that one instead.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kubectl -n "$NS" get configmap report-input -o jsonpath='{.data.numbers}' > "$dir/numbers.txt"
kubectl -n "$NS" create configmap report-input-fixed --from-file="$dir/numbers.txt"
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' \
  | kubectl patch --local -f - --type=json -o yaml -p '[
      {"op": "replace", "path": "/spec/template/spec/volumes/0/configMap/name", "value": "report-input-fixed"}
    ]' \
  | kubectl -n "$NS" replace --force -f -
