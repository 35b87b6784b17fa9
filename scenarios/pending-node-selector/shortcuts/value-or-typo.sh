#!/bin/sh
# Swap the selector for a required affinity that accepts both spellings, In [ssd, sdd]: the pods run, but a node labelled sdd would take them too.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/affinity\", \"value\": {\"nodeAffinity\": {\"requiredDuringSchedulingIgnoredDuringExecution\":
    {\"nodeSelectorTerms\": [{\"matchExpressions\": [{\"key\": \"kubedrill.io/storage$KD_SUFFIX\", \"operator\": \"In\", \"values\": [\"ssd\", \"sdd\"]}]}]}}}}
]"
