#!/bin/sh
# Orphan the crashing pod (pause, delete its ReplicaSet with --cascade=orphan), then raise the limit to 256Mi and resume: the new pod runs, the orphan with app=worker keeps being OOMKilled.
set -eu
kubectl -n "$NS" rollout pause deployment/worker
rs=$(kubectl -n "$NS" get rs -l app=worker -o jsonpath='{.items[0].metadata.name}')
kubectl -n "$NS" delete rs "$rs" --cascade=orphan
kubectl -n "$NS" set resources deployment/worker -c worker --limits=memory=256Mi
kubectl -n "$NS" rollout resume deployment/worker
