#!/bin/sh
# Pin nightly-report to a node label no node has: payments runs, but nightly-report still outranks it the moment it can schedule.
set -eu
kubectl -n "$NS" patch deployment nightly-report -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubedrill.io/parked":"true"}}}}}'
