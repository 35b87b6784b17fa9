#!/bin/sh
# Give Role pod-reader get, list, watch on every resource ("*"): pods are listed, and so are Secrets.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"replace","path":"/rules/0","value":{"apiGroups":["*"],"resources":["*"],"verbs":["get","list","watch"]}}]'
