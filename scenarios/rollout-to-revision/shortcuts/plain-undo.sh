#!/bin/sh
# A plain rollout undo: back to the previous revision, 2 (unreviewed: busybox:1.37, MODE=experimental). It runs fine, but it is not the approved template.
set -eu
kubectl -n "$NS" rollout undo deployment/api
