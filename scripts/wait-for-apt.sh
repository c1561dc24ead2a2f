#!/usr/bin/env bash
# Waits until no other apt or dpkg holds the package manager's locks, saying who holds them,
# instead of letting apt-get fail with "Could not get lock". Called by setup.sh before apt-get.
# Reads the holders from /proc/locks (apt and dpkg take POSIX locks), so it needs no extra tool.
#   SHENBAO_APT_LOCKS     the lock files to watch (default: dpkg's and apt's)
#   SHENBAO_APT_WAIT      seconds to wait at most (default 600)
set -euo pipefail
locks=(${SHENBAO_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock})
limit=${SHENBAO_APT_WAIT:-600}

# Prints "pid file" for the first lock someone holds; fails when none is held.
holder() {
  local file inode pid
  for file in "${locks[@]}"; do
    [ -e "$file" ] || continue
    inode=$(stat -L -c %i "$file")
    pid=$(awk -v inode="$inode" '{ n = split($6, id, ":"); if (id[n] == inode) { print $5; exit } }' /proc/locks)
    if [ -n "$pid" ] && [ "$pid" != "$$" ]; then echo "$pid $file"; return 0; fi
  done
  return 1
}

waited=0
told=""
while held=$(holder); do
  pid=${held%% *}
  file=${held#* }
  if [ "$told" != "$held" ]; then
    name=$(ps -o comm= -p "$pid" 2>/dev/null || true)
    echo "setup: 另一个软件包管理程序（${name:-未知}，pid $pid）正占用 $file，等它结束后再安装（最多 $limit 秒）……"
    told=$held
  fi
  if [ "$waited" -ge "$limit" ]; then
    echo "setup: 等了 $limit 秒，pid $pid 仍占用 $file；请等它结束（或确认它已卡住后结束它）再运行 scripts/setup.sh" >&2
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done
[ -z "$told" ] || echo "setup: $file 已释放，继续安装"
