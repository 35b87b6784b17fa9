#!/bin/sh
# Replace the nodeSelector with a required node affinity: kubedrill.io/storage In [ssd].
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/affinity\", \"value\": {\"nodeAffinity\": {\"requiredDuringSchedulingIgnoredDuringExecution\":
    {\"nodeSelectorTerms\": [{\"matchExpressions\": [{\"key\": \"kubedrill.io/storage$KD_SUFFIX\", \"operator\": \"In\", \"values\": [\"ssd\"]}]}]}}}}
]"
