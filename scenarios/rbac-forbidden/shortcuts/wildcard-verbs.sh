#!/bin/sh
# Set Role pod-reader's verbs to "*": list works, and so do create, delete and every other verb on pods.
set -eu
kubectl -n "$NS" patch role pod-reader --type=json -p '[{"op":"replace","path":"/rules/0/verbs","value":["*"]}]'
