/* samples/static_website/dispatch.c - a static website: every request
 * path is a file of the kv_ro store; a directory serves its index.html;
 * the HTTP helpers do ETags, 304, HEAD, Content-Type and 404. */
#include "mcc/console.h"
#include "mcc/fmt.h"
#include "mcc/http.h"
#include "mcc/kv_ro.h"

struct site {
	mcc_console *log;
	mcc_kv_ro *fs;
};

static int handle(void *ctx, const mcc_http_request *req,
		  mcc_http_response *resp)
{
	struct site *site = ctx;
	const char *path = req->path;   /* decoded, no "..", starts with / */
	char key[1024];
	size_t n = mcc_snprintf(key, sizeof key, "%s", path);

	if (n + sizeof "index.html" > sizeof key)
		return mcc_http_respond_error(resp, 414);
	if (path[n - 1] == '/') {
		/* A directory: its index.html. */
		mcc_snprintf(key + n, sizeof key - n, "index.html");
		path = key;
	} else if (site->fs->kind(site->fs, path) == MCC_KV_DIR) {
		/* "/docs" -> "/docs/", so relative links in it work. */
		mcc_snprintf(key + n, sizeof key - n, "/");
		mcc_http_set_header(resp, "Location", key);
		return mcc_http_respond_error(resp, 301);
	}
	int status = mcc_http_serve_kv(resp, req, site->fs, path);
	mcc_console_printf(site->log, "%s %s %d\n", req->method, req->target,
			   status);
	return status < 0 ? status : 0;
}

int dispatch_main(mcc_console *c, mcc_kv_ro *fs, mcc_http *http)
{
	struct site site = {c, fs};

	mcc_console_printf(c, "www: serving the kv_ro store over HTTP\n");
	int r = http->serve(http, handle, &site);
	mcc_console_printf(c, "www: server stopped: %s\n", mcc_strerror(r));
	return 1;
}
