#!/bin/sh
# Leave ConfigMap report-input as it is; delete Job report and create it again mounting only the key numbers, as the file /input/numbers.txt (subPath).
set -eu
kubectl -n "$NS" delete job report --wait=true
kubectl -n "$NS" create -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: report
  labels:
    app: report
spec:
  backoffLimit: 4
  template:
    metadata:
      labels:
        app: report
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 2
      containers:
        - name: report
          image: busybox:1.36
          command: ['sh', '-c']
          args:
            - |
              set -eu
              echo "report: summing /input/numbers.txt"
              nums=$(cat /input/numbers.txt)
              set -- $nums
              [ $# -gt 0 ] || { echo "report: /input/numbers.txt holds no numbers"; exit 1; }
              total=0
              for n in "$@"; do
                case $n in
                  ''|*[!0-9]*) echo "report: not a number: $n"; exit 1 ;;
                esac
                total=$((total + n))
              done
              echo "read: $*"
              echo "total=$total"
          volumeMounts:
            - name: input
              mountPath: /input/numbers.txt
              subPath: numbers
              readOnly: true
      volumes:
        - name: input
          configMap:
            name: report-input
YAML
