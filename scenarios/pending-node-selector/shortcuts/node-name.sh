#!/bin/sh
# Bind the pods to the node by name (spec.nodeName) and drop the selector: the scheduler is bypassed.
set -eu
node=$(kubectl get nodes -l "kubedrill.io/storage$KD_SUFFIX=ssd" -o jsonpath='{.items[0].metadata.name}')
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/nodeName\", \"value\": \"$node\"}
]"
