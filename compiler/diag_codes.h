/* diag_codes.h - every diagnostic code, once.  Codes are stable: never
 * renumber; retire a code by leaving its number unused.  Each one is
 * documented with an example in docs/diagnostics.md (a test checks). */
#ifndef DIAG_CODES_H
#define DIAG_CODES_H

#define DIAG_CODES(X) \
	X(SYNTAX,            1, "syntax error") \
	X(LEX_CHAR,          2, "invalid character") \
	X(LEX_STRING,        3, "bad string literal") \
	X(LEX_INT,           4, "integer literal out of range") \
	X(UNBOUND,           5, "unbound name") \
	X(DUP_DEF,           6, "duplicate definition") \
	X(ARG_TYPE,          7, "argument of the wrong type") \
	X(TOO_MANY_ARGS,     8, "too many arguments") \
	X(NOT_JOB,           9, "register entry is not a job") \
	X(EMPTY_REGISTER,   10, "register without jobs") \
	X(DUP_KEY,          11, "duplicate key") \
	X(NONEXHAUSTIVE,    12, "match does not cover every case") \
	X(NO_IMPL,          13, "no implementation for the target") \
	X(BAD_FOREIGN_SYM,  14, "foreign symbol is not a C identifier") \
	X(UNKNOWN_KEY,      15, "unknown key") \
	X(BAD_KEY_VALUE,    16, "bad key value") \
	X(NO_REGISTER,      17, "no register") \
	X(MULTI_REGISTER,   18, "more than one register") \
	X(UNKNOWN_TYPE,     19, "unknown type") \
	X(UNKNOWN_TARGET,   20, "unknown target") \
	X(KEY_DEFAULT,      21, "key default of the wrong type") \
	X(MATCH_ARMS,       22, "match arms of different types") \
	X(UNREACHABLE_ARM,  23, "unreachable match arm") \
	X(BAD_FOREIGN_TYPE, 24, "bad foreign type") \
	X(BAD_KEY_TYPE,     25, "bad key type") \
	X(BAD_MATCH_SUBJECT,26, "bad match subject") \
	X(PATTERN_TYPE,     27, "pattern of the wrong type") \
	X(BAD_NAME,         28, "invalid name") \
	X(BAD_COMPONENT,    29, "invalid component declaration") \
	X(BAD_INTERFACE,    30, "invalid interface declaration") \
	X(FOREIGN_SOURCES,  31, "application sources missing") \
	X(UNUSED,           32, "unused binding") \
	X(IO,               33, "cannot read or write a file") \
	X(DECL_PLACE,       34, "declaration not allowed here") \
	X(CRUNCH_DIR,       35, "crunch directory unusable") \
	X(C_COMPILE,        36, "generated C failed to compile")

typedef enum diag_code {
	D_NONE = 0,
#define X(name, num, desc) D_##name = num,
	DIAG_CODES(X)
#undef X
} diag_code;

#endif
