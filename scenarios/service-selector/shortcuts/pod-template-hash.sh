#!/bin/sh
# Select app=webapp plus today's pod-template-hash: exactly the pods running now, but none of the next rollout's.
set -eu
hash=$(kubectl -n "$NS" get pods -l app=webapp -o jsonpath='{.items[0].metadata.labels.pod-template-hash}')
kubectl -n "$NS" patch service web --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/selector\", \"value\": {\"app\": \"webapp\", \"pod-template-hash\": \"$hash\"}}
]"
