#!/bin/sh
# Add the missing verb list to Role pod-reader, the Role pod-watcher is bound to.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"add","path":"/rules/0/verbs/-","value":"list"}]'
