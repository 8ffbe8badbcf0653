/* Audit lines: what one holds and in which order, what an action may add, and reading a
 * line back (core/audit.h). */
#include <criterion/criterion.h>
#include <string.h>

#include "core/audit.h"
#include "core/strbuf.h"

static const AuditStamp STAMP = { 1764770909123LL, "lucia", "bastion", "dashboard", "api.verifik.co" };

static char *line_of(const AuditEvent *ev)
{
    StrBuf b = STRBUF_INIT;
    audit_format(&STAMP, ev, &b);
    return strbuf_steal(&b);
}

Test(audit, a_decision_is_one_line_with_every_fixed_key_in_order)
{
    AuditEvent ev = { .action = "override", .id = "6650aa01c0ffee0000000001", .from = "NEEDS_MANUAL_VERIFICATION",
                      .to = "COMPLETED", .outcome = AO_OK, .http = 200 };
    char *line = line_of(&ev);
    cr_assert_str_eq(line, "{\"time\":\"2025-12-03T14:08:29.123Z\",\"user\":\"lucia\",\"host\":\"bastion\","
                           "\"via\":\"dashboard\",\"api\":\"api.verifik.co\",\"action\":\"override\","
                           "\"id\":\"6650aa01c0ffee0000000001\",\"from\":\"NEEDS_MANUAL_VERIFICATION\","
                           "\"to\":\"COMPLETED\",\"outcome\":\"ok\",\"http\":200}\n");
    free(line);
}

Test(audit, what_does_not_apply_is_null_and_an_action_adds_its_own_keys)
{
    AuditEvent ev = { .action = "create", .outcome = AO_UNKNOWN };
    audit_extra_text(&ev, "project", "p1");
    audit_extra_bool(&ev, "emailed", true);
    audit_extra_num(&ev, "count", 1234567890123LL);
    char *line = line_of(&ev);
    cr_assert(strstr(line, "\"id\":null,\"from\":null,\"to\":null,\"outcome\":\"unknown\",\"http\":null,"
                           "\"project\":\"p1\",\"emailed\":true,\"count\":1234567890123}\n"), "%s", line);
    free(line);
}

Test(audit, an_extra_key_cannot_pass_for_a_fixed_one_or_smuggle_text)
{
    AuditEvent ev = { .action = "export", .outcome = AO_OK };
    audit_extra_text(&ev, "outcome", "ok");      /* a fixed key: refused */
    audit_extra_text(&ev, "Note", "x");          /* capitals: refused */
    audit_extra_text(&ev, "a\",\"b", "x");       /* JSON in a key: refused */
    audit_extra_text(&ev, "path", "x\n{\"forged\":1}"); /* a value is escaped */
    cr_assert_eq(ev.n_extra, 1);
    char *line = line_of(&ev);
    cr_assert_eq(strchr(line, '\n'), line + strlen(line) - 1, "one line, whatever the values: %s", line);
    cr_assert(strstr(line, "\"path\":\"x\\n{\\\"forged\\\":1}\""), "%s", line);
    const char *first = strstr(line, "\"outcome\"");
    cr_assert(first && !strstr(first + 1, "\"outcome\""), "one outcome: %s", line);
    free(line);
}

Test(audit, a_line_reads_back_with_its_members_in_order)
{
    AuditEvent ev = { .action = "resend-link", .id = "abc", .outcome = AO_FAILED, .http = 409 };
    audit_extra_bool(&ev, "emailed", false);
    char *line = line_of(&ev);
    AuditEntry e;
    cr_assert(audit_parse(line, strlen(line), &e));
    cr_assert_eq(e.time_ms, STAMP.time_ms);
    cr_assert_str_eq(audit_entry_text(&e, "action"), "resend-link");
    cr_assert_str_eq(audit_entry_text(&e, "outcome"), "failed");
    cr_assert_str_eq(audit_entry_text(&e, "http"), "409");
    cr_assert_str_eq(audit_entry_text(&e, "from"), "", "null reads as empty");
    cr_assert_str_eq(audit_entry_text(&e, "emailed"), "false");
    cr_assert_str_eq(e.f[0].key, "time");
    cr_assert_str_eq(e.f[e.n - 1].key, "emailed");
    cr_assert(audit_key_fixed("via") && !audit_key_fixed("emailed"));
    free(line);
}

Test(audit, a_cut_or_foreign_line_is_not_a_record_and_hostile_text_comes_back_safe)
{
    const char *bad[] = { "{\"time\":\"2025-12-03T14:08:29Z\",\"action\":\"override\"",     /* cut */
                          "{\"time\":\"2025-12-03T14:08:29Z\",\"action\":\"x\"} trailing",  /* garbage after */
                          "{\"action\":\"override\"}",                                       /* no time */
                          "{\"time\":\"yesterday\",\"action\":\"override\"}",                /* not a time */
                          "[1,2]", "" };
    AuditEntry e;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_not(audit_parse(bad[i], strlen(bad[i]), &e), "%s", bad[i]);
    const char *hostile = "{\"time\":\"2025-12-03T14:08:29Z\",\"action\":\"override\",\"user\":\"x\\u001b]0;pwned\\u0007\"}";
    cr_assert(audit_parse(hostile, strlen(hostile), &e));
    cr_assert_null(strchr(audit_entry_text(&e, "user"), 0x1b), "no escape survives");
}
