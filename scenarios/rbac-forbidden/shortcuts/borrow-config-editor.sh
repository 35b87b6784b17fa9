#!/bin/sh
# Add get, list, watch pods to the other team's Role config-editor and bind pod-watcher to it: config-editor is modified and pod-watcher may edit ConfigMaps.
set -eu
kubectl -n "$NS" patch role config-editor --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}}]'
kubectl -n "$NS" create rolebinding pod-watcher-config --role=config-editor --serviceaccount="$NS:pod-watcher"
