#!/usr/bin/env bash
# Public pages against nginx serving the same bytes as a static file, in the same run, on this machine.
# Usage: bench/pages.sh [seconds] [paths…]   (default: 20 s; / /campaign /activities and one activity page)
# Prints requests/s and p99 at 64 connections for the app and for nginx, and the ratio (target: >= 30%, p99 < 100 ms).
source "$(dirname "$0")/common.sh"
SECONDS_PER_RUN=${1:-20}; shift || true
APP_PORT=18080; NGINX_PORT=18081
need wrk wrk
need nginx nginx
build_jar
fresh_database sciday_bench
start_app $APP_PORT sciday_bench ${APP_ARGS:-}
trap 'kill $APP_PID 2>/dev/null; [ -n "${NGINX_PID:-}" ] && kill $NGINX_PID 2>/dev/null; true' EXIT

PATHS=("$@")
if [ ${#PATHS[@]} -eq 0 ]; then
  PATHS=(/ /campaign)
  if curl -fs "http://127.0.0.1:$APP_PORT/activities" >/dev/null; then
    PATHS+=(/activities)
    first=$(curl -fs "http://127.0.0.1:$APP_PORT/api/v1/public/activities" | python3 -c \
      'import json,sys; d=json.load(sys.stdin); items=d["items"] if isinstance(d,dict) else d; print(items[0]["id"])' 2>/dev/null || true)
    [ -n "$first" ] && PATHS+=("/activities/$first")
  fi
fi

STATIC="$RESULTS/static"; rm -rf "$STATIC"; mkdir -p "$STATIC"
cat > "$RESULTS/nginx.conf" <<NGINX
worker_processes 1;
pid $RESULTS/nginx.pid;
error_log $RESULTS/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $STATIC; }
}
NGINX
i=0
for p in "${PATHS[@]}"; do
  i=$((i + 1))
  curl -fs "http://127.0.0.1:$APP_PORT$p" -o "$STATIC/page$i.html"
done
nginx -c "$RESULTS/nginx.conf" -g 'daemon off;' & NGINX_PID=$!
sleep 1

# Warm-up: every path in turn, in steps (each path 4 s) until the JIT compilers are done (under 5% of a core in a
# step; WARMUP_MIN 48 s, WARMUP_MAX 240 s), so that the JIT has compiled the shared code before any path is measured
# (the first path measured used to pay for it alone; a fixed 12 s per path left C2 busy on a slower machine).
# WARMUP=N: exactly N seconds.
warm_pages() { for p in "${PATHS[@]}"; do wrk_run "http://127.0.0.1:$APP_PORT$p" 64 4 >/dev/null; done; }
STEP=$((4 * ${#PATHS[@]}))
warm_up "$APP_PID" "${WARMUP:-${WARMUP_MIN:-48}}" "${WARMUP:-${WARMUP_MAX:-240}}" "$STEP" warm_pages
echo "JDK: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); wrk -t2 -c64 -d${SECONDS_PER_RUN}s on the same machine; warm-up ${WARMED}s"
printf '%-22s %8s %12s %10s %12s %10s %8s\n' path bytes app_rps app_p99ms nginx_rps nginx_p99 ratio
i=0
for p in "${PATHS[@]}"; do
  i=$((i + 1))
  bytes=$(wc -c < "$STATIC/page$i.html")
  read -r app_rps app_p99 < <(wrk_run "http://127.0.0.1:$APP_PORT$p" 64 "$SECONDS_PER_RUN")
  read -r ng_rps ng_p99 < <(wrk_run "http://127.0.0.1:$NGINX_PORT/page$i.html" 64 "$SECONDS_PER_RUN")
  ratio=$(awk -v a="$app_rps" -v n="$ng_rps" 'BEGIN {printf "%.0f%%", 100*a/n}')
  printf '%-22s %8s %12s %10s %12s %10s %8s\n' "$p" "$bytes" "$app_rps" "$app_p99" "$ng_rps" "$ng_p99" "$ratio"
done | tee "$RESULTS/pages-$(date +%Y%m%d-%H%M).txt"
