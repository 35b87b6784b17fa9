#!/bin/sh
# Create PriorityClass payments-critical (2000, above nightly-report's 1000) and run payments under it.
set -eu
kubectl create priorityclass payments-critical$KD_SUFFIX --value=2000 \
  --description="payments must not be preempted by batch work" --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" patch deployment payments -p "{\"spec\":{\"template\":{\"spec\":{\"priorityClassName\":\"payments-critical$KD_SUFFIX\"}}}}"
