#!/bin/sh
# Grant get, list, watch on pods in every API group (apiGroups "*"): list works, and so does reading pods of any other group, such as metrics.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"replace","path":"/rules/0","value":{"apiGroups":["*"],"resources":["pods"],"verbs":["get","list","watch"]}}]'
