#!/bin/sh
# Find the ReplicaSet whose change-cause is approved, copy its pod template (minus the pod-template-hash label) into Deployment api with a JSON patch.
set -eu
rs=$(kubectl -n "$NS" get replicasets -l app=api -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.metadata.annotations.kubernetes\.io/change-cause}{"\n"}{end}' | awk '$2 == "approved" {print $1}')
tpl=$(kubectl -n "$NS" get replicaset "$rs" -o json | jq -c '.spec.template | del(.metadata.labels["pod-template-hash"])')
kubectl -n "$NS" patch deployment api --type=json -p "[{\"op\": \"replace\", \"path\": \"/spec/template\", \"value\": $tpl}]"
kubectl -n "$NS" rollout status deployment/api --timeout=120s
