# many.pl - the per-pack file work of a batch run (pipelines/many.sh), in
# one process: a pack costs a few system calls here, not the ten processes
# of a run of its own.  Perl is perl-base, on every Debian system.
#
#   perl many.pl prep WORK KIND NULL INPUT...   (a list on stdin for -)
#   perl many.pl publish WORK PROG QUIET TABLE...
#   perl many.pl single WORK SCRIPT OPTION...
#   perl many.pl adopt WORK ROOT QUIET
#
# prep: expand INPUT (a file, a directory's *.txt and *.pdf, - for names on
# stdin, one a line or, with NULL=1, NUL-terminated); check each can be
# read; give pack K its output directory (ROOT/<name without extension>,
# ROOT being $opt_out or out/KIND) and make WORK/in/K/NAME, a link to the
# text input under the pack's own base name (the tools then name every row
# in/K/NAME, and what they read from a file's name, such as a meeting date
# in "parish-2024-05-20.txt", is what a run of its own reads).  Writes in
# WORK:
#   packs    K TAB txt|pdf TAB NAME, one a line, for the awk that splits the
#            rows (only names the tools write as they are: see plain)
#   outs     K NUL OUT NUL, the output directory of each pack
#   pdfs     PDF NUL in/K/NAME NUL, for pdftotext
#   single   INPUT NUL OUT NUL, the packs run on their own (see plain;
#            also an empty file, and a PDF with no text, listed by K in
#            WORK/rerun after pdftotext)
# A pack that cannot be read, or whose directory another pack has, is
# said on stderr and counted in WORK/failed.
#
# publish: for each line "K TAB SUMMARY" of WORK/summary, the tables
# WORK/o/K.TABLE become OUT's new generation in one rename, exactly as
# common.sh's publish does for one run (same layout, same lock, same
# refusals and messages), so batch and single runs share directories.
use strict;
use warnings;
use Cwd qw(getcwd);
use Fcntl qw(:flock);

my $cmd = shift @ARGV;
my $work = shift @ARGV;

# msg: "prog: TEXT" on stderr, a newline, tab or CR in a name escaped, as
# common.sh's msg does.
my $prog = $ENV{PROG} // 'cspkit';
sub msg {
	my $s = join('', @_);
	$s =~ s/\t/\\t/g;
	$s =~ s/\r/\\r/g;
	$s =~ s/\n/\\n/g;
	print STDERR "$prog: $s\n";
}

sub slurp_pairs {
	my ($file) = @_;
	open(my $fh, '<', $file) or return ();
	local $/;
	my $all = <$fh>;
	close $fh;
	$all =~ s/\0\z//;
	return split(/\0/, $all, -1);
}

# plain NAME: the tools write NAME in the source column and in messages
# byte for byte (UTF-8, no control character).  Another name ("pack\t1",
# bytes that are not UTF-8) is rewritten by the tools, each in its own
# way: such a pack is run on its own, so its tables are exactly a single
# run's.
sub plain {
	my ($s) = @_;
	return $s =~ /\A(?:[\x20-\x7E]|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]
	    |[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]
	    |\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}
	    |\xF4[\x80-\x8F][\x80-\xBF]{2})*\z/x;
}

sub prep {
	my ($kind, $null, @ops) = @_;
	my $root = $ENV{opt_out} // '';
	$root = "out/$kind" if $root eq '';
	my @inputs;
	for my $op (@ops) {
		if ($op eq '-') {
			local $/ = $null ? "\0" : "\n";
			while (my $l = <STDIN>) {
				chomp $l;
				push @inputs, $l if $l ne '';
			}
		} elsif (-d $op) {
			# a directory: its packs, in name order (not its subdirectories)
			opendir(my $dh, $op) or do { msg("$op: cannot read"); push @inputs, $op; next };
			my @f = sort grep { /\.(?:txt|pdf)\z/i && -f "$op/$_" } readdir($dh);
			closedir $dh;
			(my $d = $op) =~ s{/+\z}{};
			$d = '/' if $d eq '' && $op ne '';
			push @inputs, map { $d eq '/' ? "/$_" : "$d/$_" } @f;
		} else {
			push @inputs, $op;
		}
	}
	my $cwd = getcwd();
	mkdir "$work/in" or die "$work/in: $!";
	mkdir "$work/o" or die "$work/o: $!";
	open(my $packs, '>', "$work/packs") or die;
	open(my $outs, '>', "$work/outs") or die;
	open(my $pdfs, '>', "$work/pdfs") or die;
	open(my $single, '>', "$work/single") or die;
	my (%seen, %owner);
	my ($k, $failed) = (0, 0);
	for my $in (@inputs) {
		next if $seen{$in}++;               # the same name twice: once
		unless (-r $in && !-d $in) {
			msg("$in: cannot read");
			$failed++;
			next;
		}
		(my $b = $in) =~ s{.*/}{};
		$b =~ s/\.[^.]*\z//;
		my $out = "$root/$b";
		if ($b eq '' || $b eq '.' || $b eq '..') {
			msg("$out: not a directory a pipeline can replace (name a new one)");
			$failed++;
			next;
		}
		if (exists $owner{$out}) {
			msg("$in: writes $out, as $owner{$out} does: give one another name");
			$failed++;
			next;
		}
		$owner{$out} = $in;
		# An empty pack (no line for the tool to see: not even its
		# "no minutes found") and a name the tools rewrite: on its own.
		if (!plain($in) || -z $in) {
			print $single "$in\0$out\0";
			next;
		}
		$k++;
		my $abs = $in =~ m{\A/} ? $in : "$cwd/$in";
		my $pdf = $in =~ /\.pdf\z/i;
		(my $name = $in) =~ s{.*/}{};
		mkdir "$work/in/$k" or die "$work/in/$k: $!";
		if ($pdf) {
			print $pdfs "$abs\0in/$k/$name\0";
		} else {
			symlink($abs, "$work/in/$k/$name") or
			    die "$work/in/$k/$name: $!";
		}
		# (the split writes the pack's tables in o/K, which becomes the
		# new generation whole: one rename, not one a table)
		mkdir "$work/o/$k" or die "$work/o/$k: $!";
		print $packs "$k\t", ($pdf ? 'pdf' : 'txt'), "\t$in\n";
		print $outs "$k\0$out\0";
	}
	close $_ for ($packs, $outs, $pdfs, $single);
	open(my $f, '>', "$work/failed") or die;
	print $f "$failed\n";
	close $f;
}

# publish_one OUT FROM TABLES...: common.sh's publish for one directory,
# the tables being FROM/TABLE (WORK/o/K, or WORK/ret/J), and FROM then the
# new generation, renamed whole.  Returns an error message, or '' when
# published.
sub publish_one {
	my ($out, $from, @tables) = @_;
	$out =~ s{/+\z}{};
	return "$out: not a directory a pipeline can replace" if $out eq '';
	my ($parent, $base) = $out =~ m{\A(.*)/([^/]*)\z} ? ($1, $2) : ('.', $out);
	$parent = '/' if $parent eq '';
	return "$out: not a directory a pipeline can replace (name a new one)"
	    if $base eq '.' || $base eq '..';
	$parent = getcwd() . "/$parent" unless $parent =~ m{\A/};
	make_path($parent) or return "$out: cannot make the directory";
	return "$out: exists and is not a directory" if -e $out && !-d $out;
	my $state = "$parent/.$base.cspkit";
	mkdir $state unless -d $state;
	-d $state or return "$out: cannot write beside it";
	# The lock of single runs: one run at a time per directory, and what
	# dead runs left (work directories, unpublished generations) cleared.
	open(my $lock, '>>', "$state/lock") or return "$out: cannot write beside it";
	flock($lock, LOCK_EX) or return "$out: cannot lock $state/lock";
	my $cur = readlink($out) // '';
	(my $curbase = $cur) =~ s{.*/}{};
	for my $g (glob(quotemeta($state) . '/{work.*,gen-*,old.*,link}')) {
		next unless -e $g || -l $g;
		(my $gb = $g) =~ s{.*/}{};
		remove_tree($g) unless $gb eq $curbase;
	}
	my $old = '';
	if (-l $out) {
		return "$out: a symbolic link $prog did not make: remove it or choose another -o"
		    unless $cur =~ m{\A\.\Q$base\E\.cspkit/gen-[ab]\z};
	} elsif (-d $out) {
		my %ours = map { $_ => 1 } ('warnings.txt', @tables);
		opendir(my $dh, $out) or return "$out: cannot read";
		for my $x (sort readdir $dh) {
			next if $x eq '.' || $x eq '..' || $ours{$x} || $x =~ /\A\.work\./;
			return "$out: holds '$x', not a table of $prog: move it or choose another -o";
		}
		closedir $dh;
		$old = "$state/old.$$";
	}
	my $next = $curbase eq 'gen-a' ? 'gen-b' : 'gen-a';
	my $gen = "$state/$next";
	remove_tree($gen);
	unlink "$state/link";
	for my $t ('warnings.txt', @tables) {
		-f "$from/$t" or return "$out: no $t was made";
	}
	unless (rename($from, $gen)) {
		# (another file system)
		mkdir $gen or return "$out: cannot write";
		for my $t ('warnings.txt', @tables) {
			copy_file("$from/$t", "$gen/$t")
			    or do { remove_tree($gen); return "$out: cannot write $t" };
		}
	}
	symlink(".$base.cspkit/$next", "$state/link") or do { remove_tree($gen); return "$out: cannot write" };
	if ($old ne '') {
		rename($out, $old) or return "$out: cannot replace";
	}
	rename("$state/link", $out) or do { remove_tree($gen); return "$out: cannot replace" };
	remove_tree("$state/$curbase") if $curbase ne '';
	remove_tree($old) if $old ne '';
	close $lock;
	return '';
}

# copy_file FROM TO: for a work directory on another file system.
sub copy_file {
	my ($from, $to) = @_;
	open(my $in, '<:raw', $from) or return 0;
	open(my $o, '>:raw', $to) or return 0;
	local $/ = \65536;
	while (my $b = <$in>) { print $o $b or return 0 }
	close $o or return 0;
	unlink $from;
	return 1;
}

sub make_path {
	my ($p) = @_;
	return 1 if -d $p;
	(my $up = $p) =~ s{/[^/]*\z}{};
	make_path($up) if $up ne '' && $up ne $p;
	return mkdir($p) || -d $p;
}

sub remove_tree {
	my ($p) = @_;
	return if $p eq '';
	if (-d $p && !-l $p) {
		opendir(my $dh, $p) or return;
		my @x = grep { $_ ne '.' && $_ ne '..' } readdir $dh;
		closedir $dh;
		remove_tree("$p/$_") for @x;
		rmdir $p;
	} else {
		unlink $p;
	}
}

sub publish {
	my ($quiet, @tables) = @_;
	my %out = slurp_pairs("$work/outs");
	# (no summary: no pack went through the tools)
	open(my $sum, '<', "$work/summary") or return 0;
	my $failed = 0;
	while (my $l = <$sum>) {
		chomp $l;
		my ($k, $said) = split(/\t/, $l, 2);
		my $out = $out{$k};
		my $err = publish_one($out, "$work/o/$k", @tables);
		if ($err ne '') {
			msg($err);
			$failed++;
		} elsif (!$quiet) {
			(my $o = $out) =~ s{/+\z}{};
			msg("$o: $said");
		}
	}
	close $sum;
	return $failed;
}

# single SCRIPT OPTION...: run SCRIPT OPTION... -o OUT -- INPUT for each
# pair of WORK/single, one after another (no shell reads the names).
sub single {
	my ($script, @opts) = @_;
	my @p = slurp_pairs("$work/single");
	if (open(my $r, '<', "$work/rerun")) {
		my %out = slurp_pairs("$work/outs");
		my %name;
		if (open(my $pk, '<', "$work/packs")) {
			while (my $l = <$pk>) {
				chomp $l;
				my ($k, $t, $n) = split(/\t/, $l, 3);
				$name{$k} = $n;
			}
		}
		while (my $k = <$r>) {
			chomp $k;
			push @p, $name{$k}, $out{$k};
		}
	}
	my $failed = 0;
	while (@p >= 2) {
		my ($in, $out) = splice(@p, 0, 2);
		system('sh', $script, @opts, '-o', $out, '--', $in) == 0 or $failed++;
	}
	return $failed;
}

# adopt ROOT QUIET: each directory WORK/ret/J (the tables a remote run
# sent back for the J-th name of WORK/files: batch.sh -S) published as
# ROOT/<that name without directory and extension>.
sub adopt {
	my ($root, $quiet) = @_;
	my $failed = 0;
	my @files = slurp_pairs("$work/files");
	opendir(my $dh, "$work/ret") or return 0;
	for my $j (sort { $a <=> $b } grep { /\A[0-9]+\z/ } readdir $dh) {
		next unless $j >= 1 && $j <= @files;
		(my $n = $files[$j - 1]) =~ s{.*/}{};
		$n =~ s/\.[^.]*\z//;
		opendir(my $th, "$work/ret/$j") or next;
		my @t = sort grep { -f "$work/ret/$j/$_" && $_ ne 'warnings.txt' } readdir $th;
		closedir $th;
		my $out = "$root/$n";
		my $err = publish_one($out, "$work/ret/$j", @t);
		if ($err ne '') {
			msg($err);
			$failed++;
		} elsif (!$quiet) {
			(my $o = $out) =~ s{/+\z}{};
			msg("$o: " . join(', ', @t, 'warnings.txt'));
		}
	}
	closedir $dh;
	return $failed;
}

if ($cmd eq 'prep') {
	prep(@ARGV);
} elsif ($cmd eq 'publish') {
	shift @ARGV;    # PROG, from the environment
	my $quiet = shift @ARGV;
	exit(publish($quiet, @ARGV) ? 1 : 0);
} elsif ($cmd eq 'adopt') {
	exit(adopt(@ARGV) ? 1 : 0);
} elsif ($cmd eq 'single') {
	exit(single(@ARGV) ? 1 : 0);
} else {
	die "many.pl: prep, publish or single\n";
}
