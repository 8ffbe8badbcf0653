/* Base64 for the OSC 52 clipboard sequence: RFC 4648's test vectors. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/base64.h"

Test(base64, rfc_4648_vectors)
{
    const char *in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
    const char *out[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        StrBuf b = STRBUF_INIT;
        base64_append(&b, in[i], strlen(in[i]));
        cr_assert_str_eq(strbuf_cstr(&b), out[i], "%s", in[i]);
        strbuf_free(&b);
    }
    StrBuf b = STRBUF_INIT;
    base64_append(&b, "\xff\x00\x1b", 3);
    cr_assert_str_eq(strbuf_cstr(&b), "/wAb", "any byte, escapes included, comes out as letters");
    strbuf_free(&b);
}
