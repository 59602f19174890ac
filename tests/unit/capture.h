/* tests/unit/capture.h - capture what the runtime writes to a file
 * descriptor (stderr for mcc_plat_errlog) during a test. */
#ifndef MCC_TEST_CAPTURE_H
#define MCC_TEST_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct capture {
	int fd;          /* the descriptor redirected */
	int saved;       /* its original */
	FILE *tmp;
	char text[8192];
} capture;

static inline void capture_start(capture *c, int fd)
{
	fflush(NULL);
	c->fd = fd;
	c->tmp = tmpfile();
	c->saved = dup(fd);
	dup2(fileno(c->tmp), fd);
	c->text[0] = '\0';
}

/* Restore the descriptor; the captured bytes are in c->text. */
static inline const char *capture_end(capture *c)
{
	fflush(NULL);
	dup2(c->saved, c->fd);
	close(c->saved);
	rewind(c->tmp);
	size_t n = fread(c->text, 1, sizeof c->text - 1, c->tmp);
	c->text[n] = '\0';
	fclose(c->tmp);
	return c->text;
}

#endif
