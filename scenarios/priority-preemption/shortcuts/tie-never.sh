#!/bin/sh
# Move nightly-report to a class at payments' level (0) that never preempts: nothing preempts payments any more, but the brief asks for payments at a higher priority.
set -eu
kubectl create priorityclass batch-zero-never$KD_SUFFIX --value=0 --preemption-policy=Never \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" patch deployment nightly-report -p "{\"spec\":{\"template\":{\"spec\":{\"priorityClassName\":\"batch-zero-never$KD_SUFFIX\"}}}}"
