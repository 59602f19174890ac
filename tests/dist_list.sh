# tests/dist_list.sh - sourced by the corpus runners (diagnostics, golden):
# every data file of a test directory must be in its Makefile.inc's
# EXTRA_DIST, or `make distcheck' would run the tests without it.
# dist_check AREA TITLE: AREA is the directory under tests/ ($dir is its
# path, $tmp a scratch dir, ok/bad report); UPDATE=1 rewrites the list.
dist_check() {
	area=$1 title=$2
	distfiles=$(cd "$dir" && find . -type f ! -name Makefile.inc | sed 's|^\./||' | LC_ALL=C sort)
	if [ -n "${UPDATE:-}" ]; then
		{
			echo "# tests/$area: $title (run.sh says how it works)."
			echo "# The EXTRA_DIST list is written by \`UPDATE=1 tests/$area/run.sh'."
			echo "TESTS += tests/$area/run.sh"
			echo "EXTRA_DIST += \\"
			for p in $distfiles; do echo "	\$(srcdir)/tests/$area/$p"; done |
				sed '$!s/$/ \\/'
		} >"$tmp/mk"
		cmp -s "$tmp/mk" "$dir/Makefile.inc" ||
			{ cp "$tmp/mk" "$dir/Makefile.inc" && echo "UPDATED: Makefile.inc"; }
	fi
	why=
	for p in $distfiles; do
		grep -q "tests/$area/$p\\( \\|\$\\)" "$dir/Makefile.inc" || why="$why $p"
	done
	if [ -z "$why" ]; then ok "dist: every file is in EXTRA_DIST"
	else bad "dist: not in Makefile.inc:$why"; fi
}
