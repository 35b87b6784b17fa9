#!/bin/sh
# Save the numbers to a local numbers.txt and rebuild report-input from it (create --dry-run | replace); then delete Job report and apply a clean manifest of it.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kubectl -n "$NS" get configmap report-input -o jsonpath='{.data.numbers}' > "$dir/numbers.txt"
kubectl -n "$NS" create configmap report-input --from-file="$dir/numbers.txt" --dry-run=client -o yaml | kubectl -n "$NS" replace -f -
kubectl -n "$NS" delete job report
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: report
  labels:
    app: report
spec:
  backoffLimit: 2
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
              mountPath: /input
              readOnly: true
      volumes:
        - name: input
          configMap:
            name: report-input
YAML
