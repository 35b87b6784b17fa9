#!/bin/sh
# Fix the selector, and also label the node with a team label of one's own and select on it as well: the pods run, but a node's labels were changed.
set -eu
node=$(kubectl get nodes -l "kubedrill.io/storage$KD_SUFFIX=ssd" -o jsonpath='{.items[0].metadata.name}')
kubectl label node "$node" "team.example/fast$KD_SUFFIX=yes"
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"kubedrill.io/storage$KD_SUFFIX\":\"ssd\",\"team.example/fast$KD_SUFFIX\":\"yes\"}}}}}"
