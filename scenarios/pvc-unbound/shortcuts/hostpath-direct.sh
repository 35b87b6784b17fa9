#!/bin/sh
# Fix the claim, but mount the node directory behind the volume straight into report (a hostPath volume named data): the claim is bypassed.
set -eu
kubectl -n "$NS" delete pvc data
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ['ReadWriteOnce']
  storageClassName: manual
  resources:
    requests:
      storage: 1Gi
YAML
kubectl -n "$NS" patch deployment report --type=json -p "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/volumes/0\",\"value\":{\"name\":\"data\",\"hostPath\":{\"path\":\"/tmp/kubedrill-inventory$KD_SUFFIX\",\"type\":\"Directory\"}}}]"
