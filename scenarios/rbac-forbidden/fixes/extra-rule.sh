#!/bin/sh
# Add a second rule to Role pod-reader granting only list on pods.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"verbs":["list"]}}]'
