#!/bin/sh
# Scale payments down to 1 replica: nightly-report still holds both slots, and payments needs 2 replicas.
set -eu
kubectl -n "$NS" scale deployment payments --replicas=1
