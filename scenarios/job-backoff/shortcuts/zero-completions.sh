#!/bin/sh
# Fix the ConfigMap key, then recreate Job report with completions 0: the Job is Complete at once without running a pod, so there is no report to read.
set -eu
kubectl -n "$NS" get configmap report-input -o yaml | sed 's/^  numbers:/  numbers.txt:/' | kubectl replace -f -
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' -e 's/^  completions: 1$/  completions: 0/' \
  | kubectl replace --force -f -
