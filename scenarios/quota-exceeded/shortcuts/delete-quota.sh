#!/bin/sh
# Delete the ResourceQuota: the third replica is admitted because nothing counts any more.
set -eu
kubectl -n "$NS" delete resourcequota team-budget
