#!/bin/sh
# vgwrap.sh REALBIN WRAPDIR - for each tool in REALBIN, a script of the same
# name in WRAPDIR that runs it under valgrind memcheck, so the CLI tests run
# unchanged (`make valgrind`).  PCRE2's JIT is off under valgrind (see re.c).  Any memcheck error, or a definite leak, makes
# the tool exit 99, which no test expects; -q keeps stderr as the tests want.
real=$(cd "$1" && pwd)
mkdir -p "$2"
for t in "$real"/*; do
	[ -x "$t" ] || continue
	cat > "$2/${t##*/}" <<WRAP
#!/bin/sh
CSPKIT_NO_JIT=1 exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--errors-for-leak-kinds=definite "$t" "\$@"
WRAP
	chmod +x "$2/${t##*/}"
done
