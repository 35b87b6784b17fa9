#!/bin/sh
# Label today's frontend pods role=frontend by hand (kubectl label pod): they get in, but the next pod the Deployment makes will not carry the label.
set -eu
kubectl -n "$NS" label pods -l app=frontend role=frontend
