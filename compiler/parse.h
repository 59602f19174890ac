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
	uint32_t off;		/* scanner position in the sloc space */
	uint32_t last_pos;	/* sloc offset of column col - 1 (of the line
				   start when col is 1): a token's end */
	int str_line, str_col;	/* where the string being scanned began */
	uint32_t str_off;
	char *buf;		/* string literal being scanned */
	size_t buf_len, buf_cap;
	/* The identifiers of the file, each copied into the arena once (a
	 * config names the same devices over and over): open addressing,
	 * malloc'd, freed when the file is parsed. */
	struct ident_slot *idents;
	size_t idents_cap, idents_len;
	ast_file *out;
} parse_ctx;

/* Parses one file already in the source set.  Errors go to dl; the
 * returned AST holds every declaration that parsed (recovery goes on to
 * the next declaration after a syntax error). */
ast_file *parse_file(arena *a, diag_list *dl, int file);

#endif
