#!/bin/sh
# Turn the rule into a preference (preferredDuringScheduling ssd) and drop the selector: the scheduler may place the pods anywhere.
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"remove\", \"path\": \"/spec/template/spec/nodeSelector\"},
  {\"op\": \"add\", \"path\": \"/spec/template/spec/affinity\", \"value\": {\"nodeAffinity\": {\"preferredDuringSchedulingIgnoredDuringExecution\":
    [{\"weight\": 100, \"preference\": {\"matchExpressions\": [{\"key\": \"kubedrill.io/storage$KD_SUFFIX\", \"operator\": \"In\", \"values\": [\"ssd\"]}]}}]}}}
]"
