#!/bin/sh
# Replace only the selector's value with a JSON patch (the key's / escaped as ~1).
set -eu
kubectl -n "$NS" patch deployment app --type=json -p "[
  {\"op\": \"replace\", \"path\": \"/spec/template/spec/nodeSelector/kubedrill.io~1storage$KD_SUFFIX\", \"value\": \"ssd\"}
]"
