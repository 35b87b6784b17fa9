#!/bin/sh
# Recreate claim data with kubectl create (class manual, 1Gi, access mode ReadWriteOnce) and restart report's rollout.
set -eu
kubectl -n "$NS" delete pvc data --wait=true
cat <<'YAML' | kubectl -n "$NS" create -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources:
    requests:
      storage: 1Gi
YAML
kubectl -n "$NS" rollout restart deployment report
