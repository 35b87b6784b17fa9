#!/bin/sh
# Replace the selector with a required affinity on the key only (operator Exists): any storage value would do, hdd too.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/affinity\", \"value\": {\"nodeAffinity\": {\"requiredDuringSchedulingIgnoredDuringExecution\":
    {\"nodeSelectorTerms\": [{\"matchExpressions\": [{\"key\": \"kubedrill.io/storage$KD_SUFFIX\", \"operator\": \"Exists\"}]}]}}}}
]"
