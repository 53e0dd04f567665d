#!/usr/bin/env bash
# Builds the Linux packages with the documented command (mvn -Ppackage package) and checks them:
#   - the app image's command (bin/threadkeep) and jpackage launcher (bin/Threadkeep) import a saved page
#     (packaging/fixtures/hn-item.html) and list it as JSON, into an explicit --db and into the per-user data
#     folder ($XDG_DATA_HOME/threadkeep);
#   - the app image has its AppCDS archive, and the JVM maps it;
#   - the .deb's control data and file list carry the launcher, desktop entry, icons, MIME type and the
#     /usr/bin/threadkeep link, and not the path-bound AppCDS archive;
#   - with --install (as root): dpkg -i, /usr/bin/threadkeep runs, dpkg -r leaves nothing behind.
# Exits 0 with a "skipped" line when the packaging tools are missing. Prints "N passed, N failed" at the end.
#
# Usage: packaging/linux/check-package.sh [--install] [--no-build]
#   --no-build  check what target/dist already holds (after a `mvn -Ppackage package`)
set -uo pipefail

cd "$(dirname "$0")/../.."
root=$(pwd)

install=false
build=true
for arg in "$@"; do
    case "$arg" in
        --install) install=true ;;
        --no-build) build=false ;;
        *) echo "usage: $0 [--install] [--no-build]" >&2; exit 2 ;;
    esac
done

skip() {
    echo "check-package: skipped: $*"
    exit 0
}

[ "$(uname -s)" = Linux ] || skip "not Linux"
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent/bin/java)")")")}
[ -x "$java_home/bin/jpackage" ] || skip "no jpackage in $java_home (a JDK 17+ with jpackage is needed)"
[ -d "$java_home/jmods" ] || skip "no jmods in $java_home (jlink needs a full JDK)"
command -v dpkg-deb >/dev/null || skip "dpkg-deb not found"
if ! command -v fakeroot >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q fakeroot >/dev/null || skip "fakeroot missing and apt-get could not install it"
    else
        skip "fakeroot not found (apt-get install fakeroot)"
    fi
fi

passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "  ok    $name"
    else
        failed=$((failed + 1))
        echo "  FAIL  $name"
    fi
}

finish() {
    echo "check-package: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit $?
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Nothing below may touch the real user's archive.
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset THREADKEEP_DB
mkdir -p "$HOME"

if $build; then
    echo "check-package: building with mvn -Ppackage package (log: target/check-package-build.log)"
    mkdir -p target
    # A faster xz level than dpkg's default: this checks the package's content, not its size.
    export DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1}
    start=$(date +%s)
    if ! mvn -B -Ppackage -DskipTests package >target/check-package-build.log 2>&1; then
        tail -40 target/check-package-build.log
        check "mvn -Ppackage package builds" false
        finish
    fi
    echo "check-package: built in $(($(date +%s) - start)) s"
fi

image="$root/target/dist/Threadkeep"
command="$image/bin/threadkeep"
launcher="$image/bin/Threadkeep"
deb=$(ls "$root"/target/dist/threadkeep_*.deb 2>/dev/null | head -1)
fixture="$root/packaging/fixtures/hn-item.html"
title='Ask HN: How do you keep a garden journal?'

check "app image: command bin/threadkeep and launcher bin/Threadkeep exist" test -x "$command" -a -x "$launcher"
check ".deb exists" test -n "$deb"

# --- the app image's CLI ---------------------------------------------------------------------------------------
listed_ok() {
    # $1: output of list --json. The fixture has a story with three comments.
    grep -Eq "\"title\": ?\"${title//\?/\\?}\"" <<<"$1" \
        && grep -Eq '"site": ?"hackernews"' <<<"$1" \
        && grep -Eq '"comments": ?3[,}[:space:]]' <<<"$1"
}

"$command" import --db "$work/explicit.db" "$fixture" >"$work/import.out" 2>&1
import_rc=$?
check "image: import of a saved page exits 0" test "$import_rc" = 0
[ "$import_rc" = 0 ] || sed 's/^/        /' "$work/import.out"
listing=$("$command" list --json --db "$work/explicit.db" 2>"$work/list.err")
check "image: list --json shows the imported story" listed_ok "$listing"
check "image: list --json prints nothing on stderr" test ! -s "$work/list.err"
check "image: jpackage's launcher lists it too" listed_ok "$("$launcher" list --json --db "$work/explicit.db" 2>/dev/null)"

"$command" import "$fixture" >/dev/null 2>&1
check "image: default archive lands in the per-user data folder" test -f "$XDG_DATA_HOME/threadkeep/archive.db"
check "image: list --json reads the per-user archive" listed_ok "$("$command" list --json 2>/dev/null)"

check "image: has an AppCDS archive" test -f "$image/lib/app/threadkeep.jsa"
check "image: AppCDS class list has the CLI's and the window's classes" bash -c \
    'grep -q "^io/threadkeep/cli/ListCommand$" "$1" && grep -q "^io/threadkeep/app/ThreadkeepApp$" "$1"' _ "$image/lib/app/threadkeep.classlist"
for entry in "$command" "$launcher"; do
    cds_log=$(JAVA_TOOL_OPTIONS=-Xlog:cds=info "$entry" list --json --db "$work/explicit.db" 2>&1)
    check "image: $(basename "$entry") maps the AppCDS archive" grep -q "Opened archive $image/lib/app/threadkeep.jsa" <<<"$cds_log"
done

# --- the .deb's metadata and contents --------------------------------------------------------------------------
if [ -n "$deb" ]; then
    info=$(dpkg-deb --info "$deb")
    contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
    has_file() { grep -qx "./$1" <<<"$contents"; }
    check "deb: package name threadkeep" grep -q '^ Package: threadkeep$' <<<"$info"
    check "deb: has postinst and prerm" grep -q 'postinst' <<<"$info"
    check "deb: command /opt/threadkeep/bin/threadkeep" has_file opt/threadkeep/bin/threadkeep
    check "deb: launcher /opt/threadkeep/bin/Threadkeep" has_file opt/threadkeep/bin/Threadkeep
    check "deb: desktop entry" has_file opt/threadkeep/lib/desktop/threadkeep.desktop
    check "deb: WARC MIME type" has_file opt/threadkeep/lib/desktop/threadkeep-mime.xml
    check "deb: icons 16..512 and SVG" bash -c 'for s in 16 24 32 48 64 128 256 512; do grep -qx "./opt/threadkeep/lib/desktop/icons/threadkeep-$s.png" <<<"$1" || exit 1; done; grep -qx "./opt/threadkeep/lib/desktop/icons/threadkeep.svg" <<<"$1"' _ "$contents"
    check "deb: app jar, sqlite library and AppCDS class list" bash -c 'for f in threadkeep.jar libsqlitejdbc.so threadkeep.classlist; do grep -qx "./opt/threadkeep/lib/app/$f" <<<"$1" || exit 1; done' _ "$contents"
    check "deb: no path-bound AppCDS archive inside" bash -c '! grep -q "threadkeep.jsa" <<<"$1"' _ "$contents"
    check "deb: trimmed runtime (no jdk.compiler, no jmods)" bash -c '! grep -q "lib/runtime/jmods" <<<"$1" && [ -f "$2/lib/runtime/release" ] && ! grep -q "jdk.compiler" "$2/lib/runtime/release"' _ "$contents" "$image"
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst >"$work/postinst" 2>/dev/null
    check "deb: postinst links /usr/bin/threadkeep" grep -q '^command_link=/usr/bin/threadkeep' "$work/postinst"
    desktop_file=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/threadkeep/lib/desktop/threadkeep.desktop)
    check "deb: desktop entry opens files (%F) with the command" grep -q '^Exec=/opt/threadkeep/bin/threadkeep %F$' <<<"$desktop_file"
    check "deb: desktop entry offers html, mhtml, warc" grep -q '^MimeType=text/html;application/x-mimearchive;application/warc;$' <<<"$desktop_file"
fi

# --- install, run, remove --------------------------------------------------------------------------------------
if $install && [ -n "$deb" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "check-package: --install needs root; install checks skipped"
    elif dpkg-query -W -f '${Status}' threadkeep 2>/dev/null | grep -q 'install ok installed'; then
        echo "check-package: a threadkeep package is already installed; install checks skipped"
    else
        quietly() { local log=$1; shift; "$@" >"$log" 2>&1 || { sed 's/^/        /' "$log"; return 1; }; }
        check "install: dpkg -i" quietly "$work/dpkg-i.log" dpkg -i "$deb"
        check "install: /usr/bin/threadkeep links to the command" test "$(readlink -f /usr/bin/threadkeep)" = /opt/threadkeep/bin/threadkeep
        check "install: /usr/bin/threadkeep runs (--version)" quietly "$work/version.log" /usr/bin/threadkeep --version
        /usr/bin/threadkeep import --db "$work/installed.db" "$fixture" >/dev/null 2>&1
        check "install: installed CLI imports and lists" listed_ok "$(/usr/bin/threadkeep list --json --db "$work/installed.db" 2>/dev/null)"
        check "install: postinst built the AppCDS archive" test -f /opt/threadkeep/lib/app/threadkeep.jsa
        check "install: desktop entry linked" test -L /usr/share/applications/threadkeep.desktop -o ! -d /usr/share/applications
        check "remove: dpkg -r" quietly "$work/dpkg-r.log" dpkg -r threadkeep
        check "remove: /opt/threadkeep is gone" test ! -e /opt/threadkeep
        check "remove: no links left in /usr" bash -c '! find /usr/bin /usr/share/applications /usr/share/icons /usr/share/mime/packages -lname "/opt/threadkeep/*" 2>/dev/null | grep -q .'
        dpkg -P threadkeep >/dev/null 2>&1
    fi
fi

finish
