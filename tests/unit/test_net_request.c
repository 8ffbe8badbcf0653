/* API address rules, request builders and token handling. Nothing here sends anything. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/timeutil.h"
#include "net/request.h"
#include "net/token.h"
#include "net/url.h"

static ApiBase base_of(const char *url)
{
    ApiBase b;
    char err[300];
    cr_assert(api_base_parse(url, false, &b, err, sizeof err), "%s: %s", url, err);
    return b;
}

Test(net_url, https_and_loopback_http_only)
{
    ApiBase b = base_of("https://api.verifik.co/");
    cr_assert_str_eq(b.url, "https://api.verifik.co", "trailing slash trimmed");
    cr_assert_str_eq(b.host, "api.verifik.co");
    cr_assert(b.https);
    b = base_of("http://127.0.0.1:8080");
    cr_assert(b.loopback);
    b = base_of("http://localhost:9/v2base");
    cr_assert(b.loopback);
    b = base_of("http://[::1]:8080");
    cr_assert(b.loopback);
    b = base_of("http://127.10.0.3");
    cr_assert(b.loopback, "all of 127/8 is loopback");
}

Test(net_url, refusals_say_what_to_do)
{
    struct { const char *url; const char *says; } bad[] = {
        { "http://api.verifik.co", "use https://" },
        { "http://10.0.0.5:8080", "refusing plain http" },
        { "http://127.0.0.1.evil.com", "refusing plain http" },
        { "https://user:secret@api.verifik.co", "user name or password" },
        { "ftp://api.verifik.co", "must start with https://" },
        { "file:///etc/passwd", "must start with https://" },
        { "https://api.verifik.co/?x=1", "'?' or '#'" },
        { "https://api.verifik.co:99999", "invalid port" },
        { "https://", "no host" },
        { "https://api.ver ifik.co", "unexpected character" },
        { "https://api.verifik.co/a\x1b[2J", "control character" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ApiBase b;
        char err[300] = "";
        cr_assert_not(api_base_parse(bad[i].url, false, &b, err, sizeof err), "accepted %s", bad[i].url);
        cr_assert(strstr(err, bad[i].says), "%s → \"%s\" (wanted \"%s\")", bad[i].url, err, bad[i].says);
        cr_assert_null(strstr(err, "secret"), "the refusal must not echo a password");
    }
    ApiBase b;
    char err[300];
    cr_assert(api_base_parse("http://10.0.0.5:8080", true, &b, err, sizeof err), "--allow-http");
}

Test(net_url, percent_encoding)
{
    StrBuf b = STRBUF_INIT;
    url_encode(&b, "a b&c=d/é?[]~._-");
    cr_assert_str_eq(strbuf_cstr(&b), "a%20b%26c%3Dd%2F%C3%A9%3F%5B%5D~._-");
    strbuf_free(&b);
}

Test(net_request, list_carries_the_server_filter)
{
    ApiBase b = base_of("https://api.verifik.co");
    ServerParams sp = { .n_status = 2, .like_name = "ruiz", .like_email = "ruiz", .like_phone = NULL,
                        .like_or = true, .current_step = "liveness", .project = "p1",
                        .created_gte = 1746057600000LL, .created_lte = TIME_NONE };
    sp.in_status[0] = ST_FAILED;
    sp.in_status[1] = ST_EXPIRED;
    Request r = request_list(&b, &sp, "createdAt", 3, 50);
    cr_assert_eq(r.method, M_GET);
    cr_assert_null(r.body);
    const char *want[] = { "https://api.verifik.co/v2/app-registrations?page=3&limit=50&perPage=50&sort=createdAt",
                           "&in_status%5B%5D=FAILED&in_status%5B%5D=EXPIRED", "&where_currentStep=liveness",
                           "&where_project=p1", "&%3Flike_name=ruiz&%3Flike_email=ruiz",
                           "&whereGTE_createdAt=2025-05-01T00%3A00%3A00.000Z",
                           "&populates%5B%5D=emailValidation&populates%5B%5D=phoneValidation" };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_assert(strstr(r.url, want[i]), "missing %s in %s", want[i], r.url);
    cr_assert_null(strstr(r.url, "where_status"), "several statuses go as in_status[]");
    cr_assert_null(strstr(r.url, "like_phone"));
    cr_assert_null(strstr(r.url, "whereLTE"));
    request_free(&r);

    ServerParams one = { .n_status = 1, .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    one.in_status[0] = ST_NEEDS_MANUAL_VERIFICATION;
    r = request_list(&b, &one, NULL, 0, 500);
    cr_assert(strstr(r.url, "page=1&limit=100&perPage=100&sort=-createdAt&where_status=NEEDS_MANUAL_VERIFICATION"),
              "page clamped to 1, size to 100, default sort: %s", r.url);
    request_free(&r);
}

Test(net_request, retrieve_asks_for_the_reviewer_set)
{
    ApiBase b = base_of("https://api.verifik.co");
    Request r = request_retrieve(&b, "6650aa01/../x");
    cr_assert(strstr(r.url, "/v2/app-registrations/6650aa01%2F..%2Fx?"), "the id cannot change the path: %s", r.url);
    for (const char *const *p = REVIEW_POPULATES; *p; p++) {
        StrBuf want = STRBUF_INIT;
        strbuf_puts(&want, "populates%5B%5D=");
        url_encode(&want, *p);
        cr_assert(strstr(r.url, strbuf_cstr(&want)), "missing populate %s", *p);
        strbuf_free(&want);
    }
    request_free(&r);
}

Test(net_request, override_body_is_valid_escaped_json)
{
    ApiBase b = base_of("https://api.verifik.co");
    const char *note = "second surname \"omitted\"\non the form \xE2\x80\xae (checked) \\ ok";
    Request r = request_override(&b, "6650aa01c0ffee0000000001", ST_COMPLETED, note);
    cr_assert_eq(r.method, M_PUT);
    cr_assert_str_eq(r.url, "https://api.verifik.co/v2/app-registrations/6650aa01c0ffee0000000001/sync");
    cJSON *j = cJSON_Parse(r.body);
    cr_assert_not_null(j, "%s", r.body);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "step")->valuestring, "adminOverride");
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "status")->valuestring, "COMPLETED");
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "note")->valuestring, note, "the note round-trips");
    cr_assert_null(strstr(r.body, "\xE2\x80\xae"), "bidi control escaped in the body");
    cJSON_Delete(j);
    request_free(&r);
    cr_assert(override_status_allowed(ST_COMPLETED));
    cr_assert(override_status_allowed(ST_COMPLETED_WITHOUT_KYC));
    cr_assert(override_status_allowed(ST_FAILED));
    cr_assert_not(override_status_allowed(ST_ONGOING));
    cr_assert_not(override_status_allowed(ST_NEEDS_MANUAL_VERIFICATION));
}

Test(net_request, actions_and_login)
{
    ApiBase b = base_of("https://api.verifik.co");
    Request r = request_resend_link(&b, "id1", true);
    cr_assert_eq(r.method, M_POST);
    cr_assert_str_eq(r.url, "https://api.verifik.co/v2/app-registrations/id1/resend-link");
    cr_assert_str_eq(r.body, "{\"sendEmail\":true}");
    request_free(&r);
    CreateParams cp = { .project = "p1", .flow = "f1", .phone = "3001234567", .country_code = "+57" };
    r = request_create(&b, &cp);
    cr_assert_str_eq(r.body, "{\"project\":\"p1\",\"projectFlow\":\"f1\",\"phone\":\"3001234567\",\"countryCode\":\"+57\"}");
    request_free(&r);
    r = request_login(&b, "ana+ops@example.org");
    cr_assert_str_eq(r.url, "https://api.verifik.co/v2/projects/email-login?email=ana%2Bops%40example.org");
    request_free(&r);
    r = request_login_confirm(&b, "a@b.co", "123456");
    cr_assert_str_eq(r.body, "{\"email\":\"a@b.co\",\"otp\":\"123456\"}");
    request_free(&r);
}

/* ---- token ------------------------------------------------------------------------------ */

static void write_file(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    fchmod(fd, mode);
    close(fd);
}

static char dir[64];
static void tmpdir_init(void)
{
    strcpy(dir, "/tmp/regdesk-token-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    unsetenv("VERIFIK_TOKEN");
}
static void tmpdir_fini(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

Test(net_token, file_must_be_private, .init = tmpdir_init, .fini = tmpdir_fini)
{
    char path[128], err[300];
    bool missing;
    snprintf(path, sizeof path, "%s/token", dir);
    write_file(path, "eyJhbGciOi.abc.def\n", 0644);
    cr_assert_null(token_load(path, NULL, &missing, err, sizeof err));
    char want[200];
    snprintf(want, sizeof want, "token file %s is readable by others (mode 0644); run chmod 600 on it", path);
    cr_assert_str_eq(err, want);
    cr_assert_not(missing);
    chmod(path, 0600);
    char *t = token_load(path, NULL, &missing, err, sizeof err);
    cr_assert_not_null(t, "%s", err);
    cr_assert_str_eq(t, "eyJhbGciOi.abc.def", "newline stripped");
    token_free(t);
    chmod(path, 0640);
    cr_assert_null(token_load(path, NULL, &missing, err, sizeof err), "group-readable is refused too");
}

Test(net_token, symlinks_dirs_empty_and_garbage, .init = tmpdir_init, .fini = tmpdir_fini)
{
    char path[128], link[128], err[300];
    bool missing;
    snprintf(path, sizeof path, "%s/token", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    write_file(path, "tok\n", 0600);
    cr_assert_eq(symlink(path, link), 0);
    cr_assert_null(token_load(link, NULL, &missing, err, sizeof err));
    cr_assert(strstr(err, "symbolic link"), "%s", err);
    cr_assert_null(token_load(dir, NULL, &missing, err, sizeof err));
    cr_assert(strstr(err, "not a regular file"), "%s", err);
    write_file(path, "\n", 0600);
    cr_assert_null(token_load(path, NULL, &missing, err, sizeof err));
    cr_assert(strstr(err, "is empty"), "%s", err);
    write_file(path, "abc def\n", 0600);
    cr_assert_null(token_load(path, NULL, &missing, err, sizeof err));
    cr_assert(strstr(err, "blank or a control character"), "%s", err);
    cr_assert_null(strstr(err, "abc"), "the refusal does not print the token");
}

Test(net_token, other_owner_refused, .init = tmpdir_init, .fini = tmpdir_fini)
{
    if (geteuid() != 0)
        cr_skip_test("needs root to give the file to another user");
    char path[128], err[300];
    bool missing;
    snprintf(path, sizeof path, "%s/token", dir);
    write_file(path, "tok\n", 0600);
    cr_assert_eq(chown(path, 65534, 65534), 0);
    cr_assert_null(token_load(path, NULL, &missing, err, sizeof err));
    cr_assert(strstr(err, "belongs to another user"), "%s", err);
}

Test(net_token, environment_wins_and_is_wiped, .init = tmpdir_init, .fini = tmpdir_fini)
{
    setenv("VERIFIK_TOKEN", "env-token-123", 1);
    char *raw = getenv("VERIFIK_TOKEN");
    char err[300];
    bool missing;
    char *t = token_load("/nonexistent", NULL, &missing, err, sizeof err);
    cr_assert_not_null(t, "%s", err);
    cr_assert_str_eq(t, "env-token-123");
    cr_assert_null(getenv("VERIFIK_TOKEN"), "unset after reading");
    cr_assert_eq(raw[0], '\0', "the old value is wiped in place");
    token_free(t);
}

Test(net_token, missing_default_and_save, .init = tmpdir_init, .fini = tmpdir_fini)
{
    setenv("XDG_CONFIG_HOME", dir, 1);
    char err[300], path[128];
    bool missing;
    cr_assert_null(token_load(NULL, NULL, &missing, err, sizeof err));
    cr_assert(missing);
    cr_assert(strstr(err, "regdesk login"), "%s", err);
    cr_assert(token_save(NULL, "fresh.jwt.token", err, sizeof err), "%s", err);
    snprintf(path, sizeof path, "%s/regdesk/token", dir);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/regdesk", dir);
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0700);
    char *t = token_load(NULL, NULL, &missing, err, sizeof err);
    cr_assert_not_null(t, "%s", err);
    cr_assert_str_eq(t, "fresh.jwt.token");
    token_free(t);
}

/* A refusal names where the token came from: the variable (which wins over the file, so
 * login alone cannot fix it) or the file (which login replaces). */
Test(net_token, a_refusal_names_where_the_token_came_from, .init = tmpdir_init, .fini = tmpdir_fini)
{
    char path[128], err[300], msg[400], marked[400];
    bool missing;
    TokenOrigin o;
    snprintf(path, sizeof path, "%s/token", dir);
    write_file(path, "file-token\n", 0600);
    setenv("VERIFIK_TOKEN", "env-token", 1);
    char *t = token_load(path, &o, &missing, err, sizeof err);
    cr_assert_not_null(t, "%s", err);
    cr_assert_eq(o.source, TOKEN_FROM_ENV);
    token_free(t);
    token_refused_sentence(&o, 401, "Invalid or expired token.", marked, sizeof marked);
    msg_plain(msg, sizeof msg, marked); /* the API's words are quoted (core/msg.h) */
    cr_assert_str_eq(msg, "the API refused the token in VERIFIK_TOKEN (HTTP 401: Invalid or expired token.); that "
                          "variable wins over the token file, so set it to a valid token or unset it (`regdesk login` "
                          "alone will not help)");
    t = token_load(path, &o, &missing, err, sizeof err);
    cr_assert_not_null(t, "%s", err);
    cr_assert_eq(o.source, TOKEN_FROM_FILE);
    cr_assert_str_eq(o.path, path);
    token_free(t);
    token_refused_sentence(&o, 403, "expired_token", marked, sizeof marked);
    msg_plain(msg, sizeof msg, marked);
    char want[300];
    snprintf(want, sizeof want, "the API refused the token in %s (HTTP 403: expired_token); it may have expired: run "
                                "`regdesk login` for a new one", path);
    cr_assert_str_eq(msg, want);
    cr_assert_null(token_load("/nonexistent", &o, &missing, err, sizeof err));
    cr_assert_eq(o.source, TOKEN_FROM_NOWHERE);
}
