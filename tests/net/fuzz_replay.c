/* tests/net/fuzz_replay.c - runs a libFuzzer target of the network code
 * (tests/fuzz/net_*.c, http_*.c) without libFuzzer over its seed corpus,
 * so `make check' replays the seeds under the ordinary compiler (and any
 * sanitizer build).  Arguments: files or directories; none means the
 * corpus compiled in as NET_FUZZ_CORPUS. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	static uint8_t buf[1 << 20];
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, int *count)
{
	struct stat st;
	if (stat(path, &st)) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		++*count;
		return run_file(path);
	}
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return 1;
	}
	char *names[4096];
	int n = 0, err = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 4096)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], cmp);
	for (int i = 0; i < n; i++) {
		char full[4096];
		snprintf(full, sizeof full, "%s/%s", path, names[i]);
		err |= run_path(full, count);
		free(names[i]);
	}
	return err;
}

int main(int argc, char **argv)
{
	int count = 0, err = 0;
	if (argc < 2)
		err = run_path(NET_FUZZ_CORPUS, &count);
	for (int i = 1; i < argc; i++)
		err |= run_path(argv[i], &count);
	printf("%d input(s) replayed\n", count);
	return err || count == 0;
}
