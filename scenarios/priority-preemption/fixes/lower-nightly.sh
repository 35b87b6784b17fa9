#!/bin/sh
# Move nightly-report to a new non-preempting class below payments (-10, Never): payments (0) outranks it and gets the slots.
set -eu
kubectl create priorityclass batch-low$KD_SUFFIX --value=-10 --preemption-policy=Never \
  --description="batch work waits for free capacity" --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" patch deployment nightly-report -p "{\"spec\":{\"template\":{\"spec\":{\"priorityClassName\":\"batch-low$KD_SUFFIX\"}}}}"
