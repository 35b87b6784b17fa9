# Sourced by the node's entrypoint (kind's, patched by host.sh) just before it
# starts systemd: keep this privileged node from changing the host's global
# (non-network) sysctls. A privileged container sees /proc/sys read-write, and
# systemd, systemd-sysctl and the kubelet would raise fs.file-max, pid_max,
# vm.overcommit_memory and kernel.panic* on the host itself.
#  - The six tunables the kubelet insists on read as the values it wants (a
#    file bound over each), so it has nothing to write and does not fail.
#  - Then /proc/sys is read-only, except /proc/sys/net: that belongs to the
#    node's own network namespace, and kube-proxy and kube-router write there.
kubedrill_guard_sysctls() {
  local dir=/run/kubedrill-sysctl name value
  mount --bind /proc/sys /proc/sys
  mount -o remount,bind,ro /proc/sys
  mount --bind /proc/sys/net /proc/sys/net
  mount -o remount,bind,rw /proc/sys/net
  # On top of the read-only view (a bind made before it would be hidden by it).
  mkdir -p "$dir"
  for pair in vm/overcommit_memory=1 vm/panic_on_oom=0 kernel/panic=10 kernel/panic_on_oops=1 \
    kernel/keys/root_maxkeys=1000000 kernel/keys/root_maxbytes=25000000; do
    name=${pair%=*} value=${pair#*=}
    echo "$value" >"$dir/${name//\//.}"
    mount --bind "$dir/${name//\//.}" "/proc/sys/$name"
  done
  log_info 'kubedrill: /proc/sys read-only except net (host sysctls protected)'
}
kubedrill_guard_sysctls
