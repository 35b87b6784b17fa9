#!/bin/sh
# Patch the env entry in place (JSON patch) to backend.<dns-server>.svc.
set -eu
kubectl -n "$NS" patch deployment client --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/containers/0/env/0/value\", \"value\": \"backend.$NS_SERVER.svc\"}
]"
