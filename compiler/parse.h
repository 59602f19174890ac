/* parse.h - entry point of the grammar (grammar/lexer.l, grammar/parser.y). */
#ifndef PARSE_H
#define PARSE_H

#include "ast.h"
#include "diag.h"

/* State shared by the reentrant scanner and the pure parser; nothing is
 * global, so several files can be parsed in one process (tests, fuzzing). */
typedef struct parse_ctx {
	arena *a;
	diag_list *dl;
	int file;
	const char *text;
	size_t len;
	int line, col;		/* scanner position, 1-based */
	int str_line, str_col;	/* where the string being scanned began */
	char *buf;		/* string literal being scanned */
	size_t buf_len, buf_cap;
	ast_file *out;
} parse_ctx;

/* Parses one file already in the source set.  Errors go to dl; the
 * returned AST holds every declaration that parsed (recovery goes on to
 * the next declaration after a syntax error). */
ast_file *parse_file(arena *a, diag_list *dl, int file);

#endif
