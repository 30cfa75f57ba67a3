#!/bin/sh
# Records the display board's announcement clips (src/MotCua.Queueing/wwwroot/announce/*.oga) from clips.tsv with
# espeak-ng's Vietnamese voice and sox (Debian: apt-get install espeak-ng sox libsox-fmt-all). The clips are
# committed, so neither the build nor a board needs these tools or the internet; run this after changing clips.tsv,
# or to replace the voice with recordings of your own (any clip may be a recorded Ogg Vorbis .oga of the same name).
set -eu
dir="$(cd "$(dirname "$0")/.." && pwd)/src/MotCua.Queueing/wwwroot/announce"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$dir/clips.tsv" | while IFS="$(printf '\t')" read -r name text; do
    espeak-ng -v vi -s 140 -w "$tmp/$name.wav" "$text"
    # Trim the silence espeak leaves around a word, mono 16 kHz Ogg Vorbis: a few kilobytes a clip.
    sox "$tmp/$name.wav" -r 16000 -c 1 -t vorbis "$dir/$name.oga" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -1
done
echo "clips in $dir"
