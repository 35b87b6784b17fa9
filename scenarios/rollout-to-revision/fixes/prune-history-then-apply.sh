#!/bin/sh
# Pause api, set revisionHistoryLimit 0 (the controller prunes the scaled-down old ReplicaSets, the approved one among them), re-apply the approved manifest and resume: api ends on exactly revision 1's template, through a ReplicaSet made anew.
set -eu
kubectl -n "$NS" rollout pause deployment/api
kubectl -n "$NS" patch deployment api -p '{"spec":{"revisionHistoryLimit":0}}'
sleep 5
kubectl -n "$NS" get replicasets -l app=api
sed -n '/^apiVersion/,$p' "$(dirname "$0")/../manifests/api-v1.yaml" | kubectl -n "$NS" apply -f -
kubectl -n "$NS" rollout resume deployment/api
