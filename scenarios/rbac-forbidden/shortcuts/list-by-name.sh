#!/bin/sh
# Grant list on pods restricted to resourceNames: a list call names no object, so the authorizer still refuses it.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"resourceNames":["pod-watcher"],"verbs":["list"]}}]'
