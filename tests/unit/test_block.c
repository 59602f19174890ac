/* tests/unit/test_block.c - the Unix block device over a file. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>
#include "unix/block.h"

static char path[64];

static int setup(void **state)
{
	(void)state;
	strcpy(path, "/tmp/mcc-block-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* 4 sectors and a ragged tail that is not addressable. */
	assert_int_equal(ftruncate(fd, 4 * 512 + 100), 0);
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static void test_write_read_back(void **state)
{
	(void)state;
	mcc_unix_block b;
	assert_int_equal(mcc_unix_block_connect(&b, path), 0);
	mcc_block *blk = &b.b;
	mcc_block_info info;
	assert_int_equal(blk->info(blk, &info), 0);
	assert_int_equal(info.sector_size, 512);
	assert_int_equal(info.sectors, 4);
	assert_true(info.writable);
	unsigned char out[1024], in[1024];
	for (size_t i = 0; i < sizeof out; i++)
		out[i] = (unsigned char)(i * 31 + 7);
	assert_int_equal(blk->write(blk, 2, out, 2), 0);
	assert_int_equal(blk->flush(blk), 0);
	memset(in, 0, sizeof in);
	assert_int_equal(blk->read(blk, 2, in, 2), 0);
	assert_memory_equal(in, out, sizeof out);
	assert_int_equal(blk->read(blk, 0, in, 1), 0);   /* untouched: zeros */
	for (int i = 0; i < 512; i++)
		assert_int_equal(in[i], 0);
	assert_int_equal(blk->read(blk, 1, in, 0), 0);
	assert_int_equal(blk->dev.disconnect(&blk->dev), 0);
	/* The data really is in the file, at sector 2. */
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 1024, SEEK_SET), 0);
	assert_int_equal(fread(in, 1, sizeof in, f), sizeof in);
	fclose(f);
	assert_memory_equal(in, out, sizeof out);
}

static void test_out_of_range(void **state)
{
	(void)state;
	mcc_unix_block b;
	assert_int_equal(mcc_unix_block_connect(&b, path), 0);
	mcc_block *blk = &b.b;
	unsigned char buf[3 * 512];
	assert_int_equal(blk->read(blk, 4, buf, 1), -MCC_ERANGE);
	assert_int_equal(blk->read(blk, 3, buf, 2), -MCC_ERANGE);
	assert_int_equal(blk->write(blk, 2, buf, 3), -MCC_ERANGE);
	assert_int_equal(blk->read(blk, UINT64_MAX, buf, 1), -MCC_ERANGE);
	assert_int_equal(blk->read(blk, 1, buf, UINT32_MAX), -MCC_ERANGE);
	assert_int_equal(blk->read(blk, 3, buf, 1), 0);   /* the last one is fine */
	assert_int_equal(blk->dev.disconnect(&blk->dev), 0);
	assert_int_equal(blk->read(blk, 0, buf, 1), -MCC_ECLOSED);
}

static int check_read_only(void)
{
	mcc_unix_block b;
	if (mcc_unix_block_connect(&b, path) != 0)
		return 10;
	mcc_block_info info;
	b.b.info(&b.b, &info);
	if (info.writable || info.sectors != 4)
		return 11;
	unsigned char buf[512] = { 1 };
	if (b.b.write(&b.b, 0, buf, 1) != -MCC_EROFS)
		return 12;
	if (b.b.read(&b.b, 0, buf, 1) != 0 || buf[0] != 0)
		return 13;
	if (b.b.flush(&b.b) != 0)
		return 14;
	b.b.dev.disconnect(&b.b.dev);
	return 0;
}

static void test_read_only_file(void **state)
{
	(void)state;
	assert_int_equal(chmod(path, 0444), 0);
	if (geteuid() != 0) {
		assert_int_equal(check_read_only(), 0);
		return;
	}
	/* root may write anything: check as nobody, in a child. */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(20);
		_exit(check_read_only());
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void test_connect_errors(void **state)
{
	(void)state;
	mcc_unix_block b;
	assert_int_equal(mcc_unix_block_connect(&b, "/nonexistent/disk.img"), -MCC_ENOENT);
	assert_int_equal(mcc_unix_block_connect(&b, "/tmp"), -MCC_EISDIR);
	assert_int_equal(mcc_unix_block_connect(&b, NULL), -MCC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connect_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
