# Shared by the shell tests that run a browser (browser.sh, clients.sh,
# screenshots.sh): sourced, not run.
n=0
fails=0
check() { # description, command...: one TAP line
    n=$((n + 1))
    d=$1
    shift
    if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fails=$((fails + 1)); fi
}

find_browser() { # the path of a Chromium, or status 1
    for b in chromium chromium-browser google-chrome; do
        command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return 0; }
    done
    return 1
}
