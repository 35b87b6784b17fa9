#!/bin/sh
# Give nightly-report a class that never preempts but still at 1000: it still outranks payments and wins every free slot.
set -eu
kubectl create priorityclass kubedrill-batch-high-never$KD_SUFFIX --value=1000 --preemption-policy=Never \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" patch deployment nightly-report -p "{\"spec\":{\"template\":{\"spec\":{\"priorityClassName\":\"kubedrill-batch-high-never$KD_SUFFIX\"}}}}"
