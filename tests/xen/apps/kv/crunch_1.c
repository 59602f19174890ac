/* A crunch table written by hand in the shape the backend generates for
 * a directory holding secret.txt and www/index.html. */
#include "mcc/crunch.h"

static const unsigned char f0[] = "the secret is 42\n";
static const unsigned char f1[] = "<h1>hello from a crunched file</h1>\n";

const mcc_crunch_file mcc_crunch_fs[] = {
	{ "secret.txt", f0, sizeof f0 - 1, NULL },
	{ "www/index.html", f1, sizeof f1 - 1, NULL },
};
const size_t mcc_crunch_fs_count = 2;
