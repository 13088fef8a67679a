#!/usr/bin/env bash
# Limits of issue 8: a 50 MB Markdown file and 100,000 incidents in one folder must end in a
# build or a clear error, in bounded memory, never a crash or a hang. (Deep YAML nesting and
# alias bombs are unit tests: Tests/SiteContentTests.)
#
#   scripts/limits.sh [SLASITE_BINARY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/.build-release/release/slasite}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-11-24T00:00:00Z

base() {
  mkdir -p "$1/content/services" "$1/content/plans" "$1/content/status/incidents"
  printf 'title: Limits\nprovider: Limits Inc.\nbase_url: https://limits.example/\n' > "$1/site.yaml"
  printf -- '---\ntitle: Terms\n---\nTerms.\n' > "$1/content/terms.md"
  printf -- '---\ntitle: API\nsummary: S.\nmeasurement: M.\n---\nAPI.\n' > "$1/content/services/api.md"
  printf -- '---\ntitle: Pro\nsummary: S.\nuptime: 99.9\nservices: {api: {}}\n---\nPro.\n' > "$1/content/plans/pro.md"
}

run() {
  local name=$1 site=$2
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" timeout 600 "$bin" build --source "$site" --now "$now" --quiet 2> "$work/err"
  local status=$?
  set -e
  read -r secs kib < <(tail -n 1 "$work/time")
  echo "$name: exit $status, $secs s, peak $((kib / 1024)) MiB$( [ -s "$work/err" ] && echo "; $(head -c 200 "$work/err")")"
  if [ "$status" -gt 1 ]; then echo "$name: crashed or hung"; exit 1; fi
}

# 1. A 50 MB Markdown body (the terms page).
big=$work/big
base "$big"
python3 - "$big/content/terms.md" <<'PY'
import sys
para = "Availability of the service is measured every minute from three regions. " * 12 + "\n\n"
with open(sys.argv[1], "w") as f:
    f.write("---\ntitle: Terms\n---\n")
    n = 0
    while n < 50 * 1024 * 1024:
        f.write("## Section\n\n" + para)
        n += len(para) + 13
PY
run "50 MB Markdown" "$big"

# 1b. A 40 MB body on one line, in a service (it shows on every plan's details page) and in a
# plan (its plan page and every details page), as prose and as prose with emphasis every 75
# bytes (issue 28: prose under 400 MB peak; dense emphasis is cmark-gfm's parse tree, above it;
# docs/performance.md).
for where in service plan; do
  for kind in prose emphasis; do
    one=$work/one-$where-$kind
    base "$one"
    python3 - "$one" "$where" "$kind" <<'PY'
import sys
site, where, kind = sys.argv[1:]
word = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
if kind == "emphasis":
    word = "lorem ipsum dolor sit amet consectetur **adipiscing** elit sed do eiusmod "
body = (word * (40_000_000 // len(word) + 1))[:40_000_000] + "\n"
if where == "service":
    path, head = "/content/services/api.md", "---\ntitle: API\nsummary: S.\nmeasurement: M.\n---\n"
else:
    path, head = "/content/plans/pro.md", "---\ntitle: Pro\nsummary: S.\nuptime: 99.9\nservices: {api: {}}\n---\n"
with open(site + path, "w") as f:
    f.write(head + body)
PY
    run "40 MB body on one line ($where, $kind)" "$one"
  done
done

# 2. 100,000 incidents in one folder.
many=$work/many
base "$many"
python3 - "$many/content/status/incidents" <<'PY'
import sys, os, datetime as dt
start = dt.datetime(2024, 11, 1, tzinfo=dt.timezone.utc)
for k in range(100_000):
    s = start + dt.timedelta(minutes=k * 10)
    e = s + dt.timedelta(minutes=3)
    with open(os.path.join(sys.argv[1], f"i-{k:06d}.md"), "w") as f:
        f.write(f"---\ntitle: Incident {k}\nservices: [api]\nimpact: {'major' if k % 2 else 'partial'}\n"
                f"start: {s:%Y-%m-%dT%H:%M:%SZ}\nend: {e:%Y-%m-%dT%H:%M:%SZ}\n---\nShort report.\n")
PY
run "100,000 incidents" "$many"

# 3. Links and special files (issue 17): 2,000 links out of the site, a FIFO, and a folder
#    linking to itself 40 levels deep must end in errors naming each file, quickly, without
#    reading behind the links or waiting on the FIFO.
links=$work/links
base "$links"
python3 - "$links/content/status/incidents" <<'PY'
import sys, os
d = sys.argv[1]
for k in range(2000):
    os.symlink("/etc/hostname" if k % 2 else "/etc", os.path.join(d, f"out-{k:04d}.md"))
os.mkfifo(os.path.join(d, "pipe.md"))
deep = d
for k in range(40):
    deep = os.path.join(deep, f"d{k}")
    os.mkdir(deep)
    os.symlink("..", os.path.join(deep, "up"))
PY
run "links and a FIFO" "$links"
if ! grep -q "leads outside the site folder" "$work/err"; then echo "links: no error for a link leading out"; exit 1; fi
