#!/bin/sh
# Roll Deployment frontend back to the previous revision (busybox:1.36).
set -eu
kubectl -n "$NS" rollout undo deployment/frontend
