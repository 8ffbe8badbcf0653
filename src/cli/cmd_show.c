/* regdesk show ID: one populated registration. */
#include <string.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "cli/show.h"
#include "core/timeutil.h"

int cmd_show(int argc, char **argv, const CliSettings *cs)
{
    const char *format = NULL, *pos[1];
    const CliOpt opts[] = { { "--format", &format, NULL } };
    size_t npos;
    if (!cli_options(argc, argv, opts, 1, pos, 1, &npos))
        return EXIT_USAGE;
    if (npos != 1 || !cli_id_ok(pos[0])) {
        cli_error("show needs one registration id: regdesk show ID [--format text|json]");
        return EXIT_USAGE;
    }
    bool json;
    if (!cli_text_or_json(format, "show", &json))
        return EXIT_USAGE;
    int rc;
    Worker *w = cli_worker(cs, true, &rc);
    if (!w)
        return rc;
    Detail *d = cli_retrieve(w, pos[0], &rc);
    worker_stop(w);
    if (!d)
        return rc;
    StrBuf b = STRBUF_INIT;
    if (json)
        show_json(d, time_now_ms(), &b);
    else
        show_text(d, time_now_ms(), &b);
    bool ok = cli_write(stdout, &b);
    strbuf_free(&b);
    detail_free(d);
    rc = cli_finish_output(stdout);
    return ok ? rc : EXIT_INTERNAL;
}
