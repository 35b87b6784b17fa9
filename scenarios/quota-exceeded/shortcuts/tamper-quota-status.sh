#!/bin/sh
# Leave the quota's spec alone but reset its recorded usage to 0 (kubectl patch --subresource=status), then nudge the ReplicaSet: the third 100Mi pod is admitted, and 300Mi now runs under a 280Mi quota.
set -eu
kubectl -n "$NS" patch resourcequota team-budget --subresource=status --type=merge -p '{"status":{"used":{"requests.memory":"0"}}}'
kubectl -n "$NS" annotate replicaset -l app=api kubedrill.io/nudge=1 --overwrite
