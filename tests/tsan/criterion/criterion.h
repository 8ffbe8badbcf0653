#ifndef REGDESK_TESTS_TSAN_CRITERION_H
#define REGDESK_TESTS_TSAN_CRITERION_H
/* A minimal stand-in for <criterion/criterion.h>, used only to run the worker tests
 * under ThreadSanitizer: Criterion 2.4 cannot start under TSan (its BoxFort arena is
 * mapped where TSan keeps its shadow memory; Snaipe/Criterion#274). The same test
 * sources compile against this header; each test runs in its own forked process, as
 * under Criterion, and the runner prints Criterion's synthesis line. Only what the
 * worker tests use is provided. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct ShimOptions {
    void (*init)(void);
    void (*fini)(void);
    double timeout;
} ShimOptions;

typedef struct ShimTest {
    const char *suite, *name;
    void (*fn)(void);
    const ShimOptions *opts;
    struct ShimTest *next;
} ShimTest;

void shim_register(ShimTest *t);
void shim_fail(const char *file, int line, const char *expr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));
void shim_skip(const char *why) __attribute__((noreturn));

/* One TestSuite per file: its options apply to every Test after it. */
#define TestSuite(suite, ...) static const ShimOptions shim_suite_opts = { __VA_ARGS__ }

#define Test(suite, name, ...)                                                                 \
    static void suite##_##name(void);                                                          \
    static ShimTest suite##_##name##_shim = { #suite, #name, suite##_##name, &shim_suite_opts, \
                                              NULL };                                          \
    __attribute__((constructor)) static void suite##_##name##_reg(void)                        \
    {                                                                                          \
        shim_register(&suite##_##name##_shim);                                                 \
    }                                                                                          \
    static void suite##_##name(void)

#define cr_assert(cond, ...)                                                                   \
    do {                                                                                       \
        if (!(cond))                                                                           \
            shim_fail(__FILE__, __LINE__, #cond, " " __VA_ARGS__);                              \
    } while (0)
#define cr_assert_not(c, ...) cr_assert(!(c), __VA_ARGS__)
#define cr_assert_eq(a, b, ...) cr_assert((a) == (b), __VA_ARGS__)
#define cr_assert_neq(a, b, ...) cr_assert((a) != (b), __VA_ARGS__)
#define cr_assert_gt(a, b, ...) cr_assert((a) > (b), __VA_ARGS__)
#define cr_assert_geq(a, b, ...) cr_assert((a) >= (b), __VA_ARGS__)
#define cr_assert_lt(a, b, ...) cr_assert((a) < (b), __VA_ARGS__)
#define cr_assert_leq(a, b, ...) cr_assert((a) <= (b), __VA_ARGS__)
#define cr_assert_null(p, ...) cr_assert((p) == NULL, __VA_ARGS__)
#define cr_assert_not_null(p, ...) cr_assert((p) != NULL, __VA_ARGS__)
#define cr_assert_str_eq(a, b, ...) cr_assert(strcmp((a), (b)) == 0, __VA_ARGS__)
#define cr_assert_str_neq(a, b, ...) cr_assert(strcmp((a), (b)) != 0, __VA_ARGS__)
#define cr_skip_test(...) shim_skip(" " __VA_ARGS__)

#endif
