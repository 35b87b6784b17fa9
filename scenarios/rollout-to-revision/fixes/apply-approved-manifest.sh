#!/bin/sh
# Re-apply the approved revision as a manifest (kubectl apply -f -): the template becomes revision 1's again.
set -eu
kubectl -n "$NS" apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
  annotations:
    kubernetes.io/change-cause: approved
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: api
          image: busybox:1.36
          command:
            - sh
            - -c
            - |
              # api: takes --port=N, refuses any other option, serves the mode it runs in.
              port=""
              for opt in "$@"; do
                case "$opt" in
                  --port=*) port="${opt#--port=}" ;;
                  *) echo "api: unknown option $opt"; exit 1 ;;
                esac
              done
              if [ -z "$port" ]; then
                echo "api: --port is required"
                exit 1
              fi
              echo "api: mode ${MODE:-unset}, serving on :$port"
              mkdir -p /www && echo "mode=${MODE:-unset}" > /www/index.html
              exec httpd -f -p "$port" -h /www
            - api
          args: ["--port=8080"]
          env:
            - name: MODE
              value: stable
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
YAML
