#!/bin/sh
# Add list and every pod subresource (pods/*) to Role pod-reader: pod-watcher can now read logs and exec into pods.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"replace","path":"/rules/0","value":{"apiGroups":[""],"resources":["pods","pods/*"],"verbs":["get","list","watch","create"]}}]'
