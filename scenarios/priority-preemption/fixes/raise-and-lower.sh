#!/bin/sh
# Do both: payments gets a class at 5000, nightly-report a non-preempting class at 500.
set -eu
kubectl apply -f - <<YAML
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: kubedrill-online$KD_SUFFIX
value: 5000
description: online traffic
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: kubedrill-batch-polite$KD_SUFFIX
value: 500
preemptionPolicy: Never
description: batch work that never preempts
YAML
kubectl -n "$NS" patch deployment payments --type=json -p "[
  {\"op\": \"add\", \"path\": \"/spec/template/spec/priorityClassName\", \"value\": \"kubedrill-online$KD_SUFFIX\"}
]"
kubectl -n "$NS" patch deployment nightly-report --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/priorityClassName\", \"value\": \"kubedrill-batch-polite$KD_SUFFIX\"}
]"
