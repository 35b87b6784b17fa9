#!/bin/sh
# Pause the rollout, hoping to stop the bad update: the new pod stays in ImagePullBackOff and the rollout never completes.
set -eu
kubectl -n "$NS" rollout pause deployment/frontend
