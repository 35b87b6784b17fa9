#!/bin/sh
# Rename the key but store other numbers that add up to the same total (40 and 23): the Job completes with total=63, but it did not read the numbers of report-input.
set -eu
kubectl -n "$NS" create configmap report-input --from-literal=numbers.txt='40 23' --dry-run=client -o yaml | kubectl -n "$NS" replace -f -
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' \
  | kubectl replace --force -f -
