/*
 * crash.c - the crash handler that gives the terminal back.  Its state
 * is file-scope because a signal handler can reach nothing else; it is
 * written before the handlers are installed and only read by them.
 */
#include "config.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "crash.h"

/* The signals whose default action ends the process with a core dump. */
static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL, SIGTRAP, SIGSYS,
	SIGQUIT, SIGXCPU };
#define NFATAL (sizeof fatal / sizeof fatal[0])

static struct {
	int out;
	int in;
	bool saved;                     /* tio holds in's settings */
	struct termios tio;
	struct sigaction old[NFATAL];
	bool on;
	volatile sig_atomic_t given;    /* once is enough (ASan's two hooks) */
} guard = { .out = -1, .in = -1 };

/* Async-signal-safe: write and tcsetattr only. */
static void
give_terminal_back(void)
{
	ssize_t n;

	if (guard.given)
		return;
	guard.given = 1;
	n = write(guard.out, CRASH_RESET, sizeof CRASH_RESET - 1);
	(void)n;                        /* nothing more could be done */
	if (guard.saved)
		tcsetattr(guard.in, TCSANOW, &guard.tio);
}

static void
on_crash(int sig)
{
	give_terminal_back();
	/* SA_RESETHAND made it SIG_DFL: the signal kills once this returns. */
	raise(sig);
}

#ifdef VMSCOPE_SANITIZERS
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>

/*
 * A sanitizer's report ends the process by exit(), not a signal.  ASan
 * calls this before it writes its report, so the report lands on the
 * normal screen.
 */
void
__asan_on_error(void)
{
	if (guard.on)
		give_terminal_back();
}

/*
 * UBSan calls this after each report; the build makes every report fatal
 * (-fno-sanitize-recover).  GCC links UBSan's own runtime, which does not
 * call the death callback set below, so this hook is needed too.
 */
void __ubsan_on_report(void);

void
__ubsan_on_report(void)
{
	if (guard.on)
		give_terminal_back();
}

/* Any other way a sanitizer ends the process. */
static void
on_sanitizer_death(void)
{
	if (guard.on)
		give_terminal_back();
}

static void
watch_sanitizers(bool on)
{
	__sanitizer_set_death_callback(on ? on_sanitizer_death : NULL);
}
#else
static void
watch_sanitizers(bool on)
{
	(void)on;
}
#endif

void
crash_guard_save(int in, int out)
{
	guard.in = in;
	guard.out = out;
	guard.saved = tcgetattr(in, &guard.tio) == 0;
}

void
crash_guard_on(void)
{
	struct sigaction sa;
	size_t i;

	if (guard.on)
		return;
	guard.given = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal[i], &sa, &guard.old[i]);
	guard.on = true;
	watch_sanitizers(true);
}

void
crash_guard_off(void)
{
	size_t i;

	if (!guard.on)
		return;
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal[i], &guard.old[i], NULL);
	guard.on = false;
	watch_sanitizers(false);
}
