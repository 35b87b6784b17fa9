#!/bin/sh
# Give the node the value the selector asks for (kubectl label --overwrite ... =sdd): the pods schedule, but the node's label was changed.
set -eu
node=$(kubectl get nodes -l "kubedrill.io/storage$KD_SUFFIX=ssd" -o jsonpath='{.items[0].metadata.name}')
kubectl label node "$node" "kubedrill.io/storage$KD_SUFFIX=sdd" --overwrite
