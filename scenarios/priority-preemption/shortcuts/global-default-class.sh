#!/bin/sh
# Create a globalDefault class above nightly-report and restart payments into it: payments wins, but every new pod in the cluster now runs at 2000 (the brief forbids globalDefault).
# cluster-wide: a globalDefault class gives every new pod in the cluster its priority, and only one can exist
set -eu
kubectl create priorityclass everyone-high$KD_SUFFIX --value=2000 --global-default=true \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NS" rollout restart deployment payments
