#!/bin/sh
# Scale report to 0, recreate claim data with class manual and 1Gi, wait until it is Bound, then scale report back to 1.
set -eu
kubectl -n "$NS" scale deployment report --replicas=0
kubectl -n "$NS" delete pvc data --wait=true
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
i=0; until [ "$(kubectl -n "$NS" get pvc data -o jsonpath='{.status.phase}')" = Bound ]; do i=$((i+1)); [ $i -lt 60 ]; sleep 2; done
kubectl -n "$NS" scale deployment report --replicas=1
