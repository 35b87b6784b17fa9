#!/bin/sh
# Fix the selector's value and also add a required affinity In [ssd, nvme] (both must hold: the node has ssd).
set -eu
kubectl -n "$NS" patch deployment app -p "{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"kubedrill.io/storage$KD_SUFFIX\":\"ssd\"},
  \"affinity\":{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":{\"nodeSelectorTerms\":[{\"matchExpressions\":[
    {\"key\":\"kubedrill.io/storage$KD_SUFFIX\",\"operator\":\"In\",\"values\":[\"ssd\",\"nvme\"]}]}]}}}}}}}"
