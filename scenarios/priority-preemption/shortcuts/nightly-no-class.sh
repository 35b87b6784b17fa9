#!/bin/sh
# Remove nightly-report's priorityClassName: both now sit at 0, and a tie with PreemptLowerPriority leaves it to scheduling luck.
set -eu
kubectl -n "$NS" patch deployment nightly-report --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/priorityClassName"}
]'
