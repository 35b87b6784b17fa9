#!/bin/sh
# Recreate Job report with backoffLimit 10 and change nothing else: it retries longer, but every pod still cannot open /input/numbers.txt.
set -eu
kubectl -n "$NS" get job report -o yaml \
  | sed -e '/controller-uid/d' -e '/^  selector:$/,/^    matchLabels:$/d' -e '/^status:/,$d' -e 's/^  backoffLimit: 2$/  backoffLimit: 10/' \
  | kubectl replace --force -f -
