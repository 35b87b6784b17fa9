#!/bin/sh
# Leave ConfigMap report-input as it is; recreate Job report with items in its volume mapping the key numbers to the file numbers.txt (kubectl patch --local on the saved YAML).
set -eu
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' \
  | kubectl patch --local -f - --type=json -o yaml -p '[
      {"op": "add", "path": "/spec/template/spec/volumes/0/configMap/items", "value": [{"key": "numbers", "path": "numbers.txt"}]}
    ]' \
  | kubectl -n "$NS" replace --force -f -
