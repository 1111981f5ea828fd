#!/usr/bin/env bash
# Scores WET (or WARC) files of a web crawl with the spinscope command line, as the map step of a
# Hadoop Streaming job, the command of a Spark rdd.pipe(), or the work of one batch job (docs/crawl.md).
# Reads paths on standard input, one per line, relative to SPINSCOPE_CRAWL_BASE (a line
# "offset<TAB>path", as Hadoop's NLineInputFormat hands them over, is read as the path); downloads
# each into the working directory, scores it and writes its JSON lines to standard output.
#
# The exit status is not 0, so that the scheduler retries the task, when a download fails or
# spinscope cannot run. spinscope's own statuses 1 (some records malformed, or the gzip data cut
# short) and 3 (some records not text) are reported on standard error and do not fail the task:
# a retry would read the same bytes and find the same.
#
# Settings (environment):
#   SPINSCOPE_CRAWL_BASE  where paths are fetched from (default https://data.commoncrawl.org; any URL curl reads, file:// too)
#   SPINSCOPE             the spinscope bin (default spinscope/bin/spinscope.mjs, where -archives spinscope.tgz#spinscope unpacks it)
#   SPINSCOPE_WORKERS     scoring threads per file (default 1: one task, one core)
#   NODE                  the node binary (default node)
set -uo pipefail
base=${SPINSCOPE_CRAWL_BASE:-https://data.commoncrawl.org}
spinscope=${SPINSCOPE:-spinscope/bin/spinscope.mjs}
workers=${SPINSCOPE_WORKERS:-1}
node=${NODE:-node}

while IFS= read -r line || [ -n "$line" ]; do
  path=${line##*$'\t'}
  [ -n "$path" ] || continue
  # The whole file first: a retried download then never writes the same bytes twice into the stream.
  file="./${path##*/}"
  if ! curl -sS --fail --retry 5 --retry-delay 10 -o "$file" "$base/$path"; then
    echo "score-segments: $path: download failed" >&2
    rm -f "$file"
    exit 1
  fi
  "$node" "$spinscope" scan --json --warc --workers "$workers" "$file"
  status=$?
  rm -f "$file"
  case $status in
    0 | 1 | 3) ;;
    *)
      echo "score-segments: $path: spinscope exited with status $status" >&2
      exit 1
      ;;
  esac
done
