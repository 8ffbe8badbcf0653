/* regdesk show ID: one populated registration. */
#include <string.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "cli/show.h"
#include "core/timeutil.h"

int cmd_show(int argc, char **argv, const CliSettings *cs)
{
    const char *format = NULL, *pos[1];
    bool mask = false, no_mask = false;
    const CliOpt opts[] = { { "--format", &format, NULL }, { "--mask", NULL, &mask }, { "--no-mask", NULL, &no_mask } };
    size_t npos;
    if (!cli_options(argc, argv, opts, sizeof opts / sizeof *opts, pos, 1, &npos))
        return EXIT_USAGE;
    if (npos != 1 || !cli_id_ok(pos[0])) {
        cli_error("show needs one registration id: regdesk show ID [--format text|json] [--mask|--no-mask]");
        return EXIT_USAGE;
    }
    bool json;
    unsigned set;
    if (!cli_text_or_json(format, "show", &json) || !cli_mask_choice(cs, mask, no_mask, &set))
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
        show_json(d, time_now_ms(), set, &b);
    else
        show_text(d, time_now_ms(), set, &b);
    bool ok = cli_write(stdout, &b);
    strbuf_free(&b);
    detail_free(d);
    rc = cli_finish_output(stdout);
    return ok ? rc : EXIT_INTERNAL;
}
