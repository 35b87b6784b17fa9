#!/bin/sh
# Add a key numbers.txt with the same numbers beside the key numbers (typed on one line), then save the Job's YAML, strip what the API server generated, and replace --force from the file.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kubectl -n "$NS" patch configmap report-input --type=merge -p '{"data":{"numbers.txt":"3 7 11 19 23\n"}}'
kubectl -n "$NS" get job report -o yaml > "$dir/report.yaml"
sed -i -e '/uid:/d' -e '/resourceVersion:/d' -e '/creationTimestamp:/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' "$dir/report.yaml"
kubectl -n "$NS" replace --force -f "$dir/report.yaml"
