#!/bin/sh
# Stand up a stand-in cache (a bare pod on 6379 serving its own uid), take REDIS_HOST=redis from api-config, and pin the name redis to the stand-in in api's /etc/hosts (hostAliases): REDIS_HOST names Service redis, but the api talks to the stand-in.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: cache-stand-in
  labels:
    role: cache-stand-in
spec:
  terminationGracePeriodSeconds: 2
  containers:
    - name: cache
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /d && echo \"$POD_UID\" > /d/kubedrill-id && exec httpd -f -p 6379 -h /d"]
      env:
        - name: POD_UID
          valueFrom:
            fieldRef:
              fieldPath: metadata.uid
      readinessProbe:
        tcpSocket:
          port: 6379
        periodSeconds: 2
YAML
kubectl -n "$NS" wait --for=condition=Ready pod/cache-stand-in --timeout=90s
ip=$(kubectl -n "$NS" get pod cache-stand-in -o jsonpath='{.status.podIP}')
kubectl -n "$NS" patch deployment api -p "{\"spec\":{\"template\":{\"spec\":{
  \"hostAliases\": [{\"ip\": \"$ip\", \"hostnames\": [\"redis\"]}],
  \"containers\": [{\"name\": \"api\", \"env\": [{\"name\": \"REDIS_HOST\", \"valueFrom\": {\"configMapKeyRef\": {\"name\": \"api-config\", \"key\": \"REDIS_HOST\"}}}]}]
}}}}"
