#!/bin/sh
# Rename the key numbers to numbers.txt in ConfigMap report-input, then recreate Job report from its own YAML without status, spec.selector and the controller-uid labels.
set -eu
kubectl -n "$NS" get configmap report-input -o yaml | sed 's/^  numbers:/  numbers.txt:/' | kubectl replace -f -
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' \
  | kubectl replace --force -f -
