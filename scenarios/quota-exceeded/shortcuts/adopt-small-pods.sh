#!/bin/sh
# Leave Deployment api at 100Mi; block its pods with a LimitRange for a moment, replace them by three copies of its template requesting 32Mi and give them the ReplicaSet's labels: it adopts them, 3/3, then drop the LimitRange.
set -eu
hash=$(kubectl -n "$NS" get rs -l app=api -o jsonpath='{.items[0].metadata.labels.pod-template-hash}')
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: hold
spec:
  limits:
    - type: Container
      max:
        memory: 64Mi
YAML
kubectl -n "$NS" delete pod -l app=api --wait=true
for i in 1 2 3; do
  kubectl -n "$NS" get deployment api -o json | jq --arg n "api-own-$i" '{apiVersion: "v1", kind: "Pod",
    metadata: {name: $n, labels: {held: "yes"}},
    spec: (.spec.template.spec | .containers[0].resources.requests.memory = "32Mi" | .containers[0].resources.limits.memory = "64Mi")}' | kubectl -n "$NS" apply -f -
done
kubectl -n "$NS" wait pod api-own-1 api-own-2 api-own-3 --for=condition=Ready --timeout=60s
kubectl -n "$NS" label pod api-own-1 api-own-2 api-own-3 app=api pod-template-hash="$hash"
sleep 3
kubectl -n "$NS" delete limitrange hold
