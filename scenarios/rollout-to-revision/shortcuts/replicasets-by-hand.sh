#!/bin/sh
# Pause api and scale its ReplicaSets by hand: revision 1's to 2 pods, the others to 0. The approved pods run, but Deployment api still holds the hotfix template.
set -eu
kubectl -n "$NS" rollout pause deployment/api
for rs in $(kubectl -n "$NS" get replicasets -l app=api -o jsonpath='{range .items[*]}{.metadata.name}{"="}{.metadata.annotations.deployment\.kubernetes\.io/revision}{" "}{end}'); do
  if [ "${rs#*=}" = 1 ]; then n=2; else n=0; fi
  kubectl -n "$NS" scale replicaset "${rs%=*}" --replicas="$n"
done
