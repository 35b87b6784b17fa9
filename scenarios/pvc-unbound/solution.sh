#!/bin/sh
# Recreate claim data (its class and size cannot be lowered in place) with the volume's class manual and 1Gi.
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
