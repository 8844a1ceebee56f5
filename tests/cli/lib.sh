# What every CLI test shares. A test sources it right after `set -eu`:
#     . "$(dirname "$0")/lib.sh"
# It takes the test's arguments (CAMPAIGN, the tool, and SOURCE_DIR where the
# test has one) as $cli and $src, and runs the test in a fresh directory
# removed at exit, so each test starts from an empty store.
cli=$1 src=${2:-}
# the tests read the tool's English; tests/cli/lang.sh asks for Chinese itself
unset LC_ALL LC_MESSAGES LANGUAGE CAMPAIGN_LANG
export LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "FAIL: $*"; exit 1; }

# expect_rc RC COMMAND...: COMMAND exits RC; its output is in ./out and ./err.
expect_rc() { want=$1; shift; set +e; "$@" >out 2>err; rc=$?; set -e; [ $rc -eq "$want" ] || fail "$* exited $rc, want $want: $(cat err)"; }

# expect_version N WHY COMMAND...: an import COMMAND succeeds and prints "version N".
expect_version() { version=$1 why=$2; shift 2; expect_rc 0 "$@"; grep -q "version $version" out || fail "$why: $(cat out)"; }

# expect_bad PATTERN WHY COMMAND...: COMMAND fails on bad input (exit 1) with PATTERN in its error.
expect_bad() { pattern=$1 why=$2; shift 2; expect_rc 1 "$@"; grep -q "$pattern" err || fail "$why: $(cat err)"; }

# The confidential fields' key of the test's stores (campaign --key-file, here through the environment).
printf '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n' > "$tmp/.key"
CAMPAIGN_KEY_FILE="$tmp/.key"
export CAMPAIGN_KEY_FILE
