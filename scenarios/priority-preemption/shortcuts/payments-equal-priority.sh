#!/bin/sh
# Give payments a class equal to nightly-report's (1000): a tie cannot preempt, and nightly-report may still preempt.
set -eu
kubectl create priorityclass payments-same$KD_SUFFIX --value=1000 --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" patch deployment payments -p "{\"spec\":{\"template\":{\"spec\":{\"priorityClassName\":\"payments-same$KD_SUFFIX\"}}}}"
