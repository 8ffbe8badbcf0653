/* The write actions: override (resolve a manual review), resend-link and create. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cliaudit.h"
#include "cli/clirun.h"
#include "cli/show_internal.h"
#include "core/createcheck.h"
#include "core/decision.h"
#include "core/mask.h"
#include "core/safetext.h"
#include "core/steps.h"
#include "core/timeutil.h"
#include "net/request.h"

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* Prints text (already display-safe) and a newline to stdout; the exit status. */
static int print_line(const char *text)
{
    StrBuf b = STRBUF_INIT;
    strbuf_puts(&b, text);
    strbuf_putc(&b, '\n');
    bool ok = cli_write(stdout, &b);
    strbuf_free(&b);
    int rc = cli_finish_output(stdout);
    return ok ? rc : EXIT_INTERNAL;
}

/* ---- override --------------------------------------------------------------------------- */

/* An override whose answer was lost (decision_answer_lost): the record read again says
 * whether it landed. Prints what is known; returns the outcome, *rc and the new status. */
static AuditOutcome settle_lost(Worker *w, const char *id, const DecisionBase *before, Status to, const Result *r,
                                int *rc, char *now, size_t n)
{
    Result *v = cli_await(w, worker_retrieve(w, id, 1));
    AuditOutcome out = AO_UNKNOWN;
    *rc = cli_exit_for(r->error);
    if (!v || v->kind != RES_DETAIL) {
        cli_error("the override may or may not have reached the API (%s), and %s could not be read back (%s): check it "
                  "with `regdesk show %s` before deciding again", r->message, id,
                  v && v->message[0] ? v->message : "no answer", id);
    } else {
        Landed l = decision_landed(before, to, v->detail);
        snprintf(now, n, "%s", show_status(v->detail->summary));
        if (l == LANDED_YES) {
            cli_error("the API's answer was lost (%s), but the record read back shows the override", r->message);
            out = AO_OK;
            *rc = EXIT_OK;
        } else if (l == LANDED_NO) {
            cli_error("the override was not applied (%s): %s is unchanged, still %s", r->message, id, now);
            out = AO_FAILED;
        } else {
            cli_error("the override's answer was lost (%s), and %s has changed in another way meanwhile (now %s): "
                      "check it with `regdesk show %s`", r->message, id, now, id);
        }
    }
    result_free(v);
    return out;
}

/* The override itself, then the record's new status (from the answer, else a reload),
 * and its audit line. */
static int do_override(Worker *w, AuditLog *log, const char *id, const Detail *before, Status to, const char *note,
                       char *now, size_t n)
{
    DecisionBase base = decision_base(before->summary, before);
    AuditEvent ev = { .action = "override", .id = id, .from = status_name(base.status), .to = status_name(to) };
    Result *r = cli_await(w, worker_override(w, id, to, note, 1));
    int rc = EXIT_OK;
    if (r && (r->kind == RES_DETAIL || r->kind == RES_DONE)) {
        ev.outcome = AO_OK;
        if (r->kind == RES_DETAIL) {
            snprintf(now, n, "%s", show_status(r->detail->summary));
        } else { /* the sync shape, not the record: read it for its new status */
            int reread;
            Detail *d = cli_retrieve(w, id, &reread);
            snprintf(now, n, "%s", d ? show_status(d->summary) : status_name(to));
            detail_free(d);
        }
    } else if (r && !decision_answer_lost(r->http)) {
        ev.outcome = AO_FAILED; /* the API refused it: nothing was done */
        rc = cli_fail(r);
    } else if (r) {
        ev.outcome = settle_lost(w, id, &base, to, r, &rc, now, n);
    } else {
        ev.outcome = AO_UNKNOWN; /* stopped while the request was out */
        rc = cli_fail(r);
    }
    ev.http = r ? r->http : 0;
    if (!cli_audit_write(log, &ev) && rc == EXIT_OK)
        rc = EXIT_INTERNAL;
    result_free(r);
    return rc;
}

/* Whether an override from `before` to `to` may go out: never a no-op, and away from a
 * final status only with --force. Says why not. */
static bool override_allowed(const char *id, const Summary *before, Status to, bool force)
{
    Status from = summary_status(before);
    if (from == to) {
        cli_error("%s is already %s: the override would change nothing and only add a duplicate entry to its "
                  "review log; nothing was sent", id, status_name(to));
        return false;
    }
    if (status_is_final(from) && !force) {
        cli_error("%s is %s, a final status; an override to %s reverses a decision (the API logs it and notifies "
                  "the flow's webhook again): add --force if that is what you mean; nothing was sent",
                  id, show_status(before), status_name(to));
        return false;
    }
    return true;
}

/* --dry-run: the request that would go out, and the change it would make. */
static int print_dry_run(const Worker *w, const char *id, const char *before, Status to, const char *note)
{
    Request req = request_override(worker_base(w), id, to, note);
    static const char *const methods[] = { "GET", "POST", "PUT", "DELETE" };
    char request[4096], change[SUMMARY_STR_MAX * 2 + 100], both[sizeof request + sizeof change + 2];
    safetext_format(request, sizeof request, "would send %s %s %s", methods[req.method], req.url, req.body);
    safetext_format(change, sizeof change, "%s: %s → %s (dry run: nothing was sent)", id, before, status_name(to));
    snprintf(both, sizeof both, "%s\n%s", request, change);
    request_free(&req);
    return print_line(both);
}

int cmd_override(int argc, char **argv, const CliSettings *cs)
{
    const char *status_arg = NULL, *note = NULL, *pos[1];
    bool force = false, dry_run = false;
    const CliOpt opts[] = { { "--status", &status_arg, NULL }, { "--note", &note, NULL },
                            { "--force", NULL, &force }, { "--dry-run", NULL, &dry_run } };
    size_t npos;
    if (!cli_options(argc, argv, opts, sizeof opts / sizeof *opts, pos, 1, &npos))
        return EXIT_USAGE;
    Status status = status_arg ? status_parse(status_arg, strlen(status_arg)) : ST_UNKNOWN;
    if (npos != 1 || !cli_id_ok(pos[0]) || !status_arg) {
        cli_error("usage: regdesk override ID --status COMPLETED|COMPLETED_WITHOUT_KYC|FAILED --note TEXT "
                  "[--force] [--dry-run]");
        return EXIT_USAGE;
    }
    if (!override_status_allowed(status)) {
        cli_error("--status must be COMPLETED, COMPLETED_WITHOUT_KYC or FAILED, not \"" QS "\"", status_arg);
        return EXIT_USAGE;
    }
    if (!note || blank(note)) {
        cli_error("--note is required: say why (it is kept in the registration's review log)");
        return EXIT_USAGE;
    }
    int rc;
    Worker *w = cli_worker(cs, true, &rc);
    if (!w)
        return rc;
    /* The record first: its status decides whether the override may go out at all. */
    Detail *before = cli_retrieve(w, pos[0], &rc);
    char prev[SUMMARY_STR_MAX] = "", now[SUMMARY_STR_MAX] = "";
    if (before && !override_allowed(pos[0], before->summary, status, force))
        rc = EXIT_USAGE;
    if (before)
        snprintf(prev, sizeof prev, "%s", show_status(before->summary));
    /* The note reaches other people's screens: it goes out display-safe. */
    char *safe_note = safetext_dup(note, strlen(note), SAFE_MULTILINE);
    bool send = rc == EXIT_OK && !dry_run;
    AuditLog *log = send ? cli_audit_start(cs, &rc) : NULL; /* no trace, no decision */
    send = send && log;
    if (rc == EXIT_OK && dry_run)
        rc = print_dry_run(w, pos[0], prev, status, safe_note);
    if (send)
        rc = do_override(w, log, pos[0], before, status, safe_note, now, sizeof now);
    detail_free(before);
    free(safe_note);
    audit_close(log);
    worker_stop(w);
    if (rc != EXIT_OK || !send)
        return rc;
    char line[2 * SUMMARY_STR_MAX + 200];
    safetext_format(line, sizeof line, "%s: %s → %s", pos[0], prev, now);
    return print_line(line);
}

/* ---- resend-link -------------------------------------------------------------------------- */

int cmd_resend_link(int argc, char **argv, const CliSettings *cs)
{
    bool email = false, reveal = false;
    const char *pos[1];
    const CliOpt opts[] = { { "--email", NULL, &email }, { "--reveal-link", NULL, &reveal } };
    size_t npos;
    if (!cli_options(argc, argv, opts, 2, pos, 1, &npos))
        return EXIT_USAGE;
    if (npos != 1 || !cli_id_ok(pos[0])) {
        cli_error("usage: regdesk resend-link ID [--email] [--reveal-link]");
        return EXIT_USAGE;
    }
    int rc;
    Worker *w = cli_worker(cs, true, &rc);
    AuditLog *log = w ? cli_audit_start(cs, &rc) : NULL;
    Result *r = log ? cli_await(w, worker_resend_link(w, pos[0], email, 1)) : NULL;
    if (w)
        worker_stop(w);
    if (!log)
        return rc;
    AuditEvent ev = { .action = "resend-link", .id = pos[0], .http = r ? r->http : 0 };
    ev.outcome = r && r->kind == RES_RESEND ? AO_OK : r && !decision_answer_lost(r->http) ? AO_FAILED : AO_UNKNOWN;
    if (r && r->kind == RES_RESEND)
        audit_extra_bool(&ev, "emailed", r->link.email_sent);
    bool logged = cli_audit_write(log, &ev);
    audit_close(log);
    if (!r || r->kind != RES_RESEND) {
        rc = cli_fail(r);
        result_free(r);
        return rc;
    }
    const ResendLink *l = &r->link;
    char link[sizeof l->link], when[24] = "";
    if (reveal)
        snprintf(link, sizeof link, "%s", l->link);
    else
        mask_url_token(l->link, link, sizeof link);
    if (l->expires_ms != TIME_NONE)
        time_format_short(l->expires_ms, when, sizeof when);
    StrBuf b = STRBUF_INIT;
    strbuf_printf(&b, "%s\nvalid until %s%s", link, *when ? when : "(the API did not say)", *when ? " UTC" : "");
    if (l->email_sent)
        strbuf_printf(&b, "; e-mailed to %s", *l->email ? l->email : "the applicant");
    if (!reveal)
        strbuf_puts(&b, "; the token is masked (--reveal-link prints it whole)");
    rc = print_line(strbuf_cstr(&b));
    strbuf_free(&b);
    result_free(r);
    return logged ? rc : EXIT_INTERNAL;
}

/* ---- create ----------------------------------------------------------------------------- */

/* The options, checked as the API documents them (core/createcheck); each problem is
 * one line naming its option. */
static int create_args(CreateForm *f, const char *const given[CF__COUNT])
{
    static const char *const flags[CF__COUNT] = { "--project", "--flow", "--email", "--country-code", "--phone",
                                                  "--language" };
    for (int k = 0; k < CF__COUNT; k++)
        snprintf(f->value[k], sizeof f->value[k], "%s", given[k] ? given[k] : "");
    if (create_check(f))
        return EXIT_OK;
    for (int k = 0; k < CF__COUNT; k++)
        if (f->err[k][0])
            cli_error("%s: %s", flags[k], f->err[k]);
    cli_error("usage: regdesk create --project P --flow F (--email E | --phone N --country-code +C) [--language L]");
    return EXIT_USAGE;
}

static const char *given(const char *v)
{
    return *v ? v : NULL;
}

int cmd_create(int argc, char **argv, const CliSettings *cs)
{
    const char *v[CF__COUNT] = { 0 };
    const CliOpt opts[] = { { "--project", &v[CF_PROJECT], NULL }, { "--flow", &v[CF_FLOW], NULL },
                            { "--email", &v[CF_EMAIL], NULL },     { "--phone", &v[CF_PHONE], NULL },
                            { "--country-code", &v[CF_COUNTRY], NULL }, { "--language", &v[CF_LANGUAGE], NULL } };
    size_t npos;
    if (!cli_options(argc, argv, opts, sizeof opts / sizeof *opts, NULL, 0, &npos))
        return EXIT_USAGE;
    CreateForm f;
    int rc = create_args(&f, v);
    if (rc)
        return rc;
    CreateParams p = { given(f.value[CF_PROJECT]), given(f.value[CF_FLOW]), given(f.value[CF_EMAIL]),
                       given(f.value[CF_PHONE]), given(f.value[CF_COUNTRY]), given(f.value[CF_LANGUAGE]) };
    Worker *w = cli_worker(cs, true, &rc);
    AuditLog *log = w ? cli_audit_start(cs, &rc) : NULL;
    Result *r = log ? cli_await(w, worker_create(w, &p, 1)) : NULL;
    if (w)
        worker_stop(w);
    if (!log)
        return rc;
    const Summary *made = r && r->kind == RES_DETAIL ? r->detail->summary : NULL;
    AuditEvent ev = { .action = "create", .id = made ? summary_str(made, SS_ID) : NULL,
                      .to = made ? status_name(summary_status(made)) : NULL, .http = r ? r->http : 0 };
    ev.outcome = r && (r->kind == RES_DETAIL || r->kind == RES_DONE) ? AO_OK
                 : r && !decision_answer_lost(r->http)               ? AO_FAILED
                                                                     : AO_UNKNOWN;
    audit_extra_text(&ev, "project", p.project);
    audit_extra_text(&ev, "flow", p.flow);
    bool logged = cli_audit_write(log, &ev);
    audit_close(log);
    char line[SUMMARY_STR_MAX * 2 + 100];
    if (!r || r->kind == RES_ERROR) {
        rc = cli_fail(r);
    } else if (made) {
        safetext_format(line, sizeof line, "created %s (status %s, step %s)", summary_str(made, SS_ID),
                        show_status(made), step_label(summary_str(made, SS_STEP)));
        rc = print_line(line);
    } else {
        rc = print_line("created (the API did not send the new registration back)");
    }
    result_free(r);
    return logged || rc != EXIT_OK ? rc : EXIT_INTERNAL;
}
