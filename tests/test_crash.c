/*
 * test_crash.c - the crash guard, for real: a child process on a pseudo-
 * terminal saves the terminal's settings, changes them as curses does,
 * switches to the alternate screen and dies of each fatal signal.  With
 * the guard on, the terminal receives the reset string and gets its
 * settings back, and the child still dies of that very signal; without
 * it (the control), neither happens.  Turning the guard off puts back
 * the signals' earlier handling.  In a sanitizer build, a sanitizer's
 * report (which ends the program by exit, not by a signal) gives the
 * terminal back too.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "crash.h"

#define ALT_SCREEN "\033[?1049h"
#define WAIT_MS 10000

static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL, SIGTRAP, SIGSYS,
	SIGQUIT, SIGXCPU };
#define NFATAL (sizeof fatal / sizeof fatal[0])

struct pty {
	int master, slave;
};

/* A pseudo-terminal in canonical mode with echo, as a shell leaves it. */
static void
pty_open(struct pty *p)
{
	struct termios t;

	p->master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(p->master >= 0);
	assert_int_equal(grantpt(p->master), 0);
	assert_int_equal(unlockpt(p->master), 0);
	p->slave = open(ptsname(p->master), O_RDWR | O_NOCTTY);
	assert_true(p->slave >= 0);
	assert_int_equal(tcgetattr(p->slave, &t), 0);
	t.c_lflag |= ICANON | ECHO;
	assert_int_equal(tcsetattr(p->slave, TCSANOW, &t), 0);
}

static void
pty_close(struct pty *p)
{
	close(p->master);
	close(p->slave);
}

#ifdef VMSCOPE_SANITIZERS
/*
 * A report that ends the program (quietly): UBSan's for a store past an
 * object (which = 0), ASan's for a use after free (which = -1).
 */
static void
sanitizer_report(int which)
{
	/* Reached through volatiles, so the compiler neither refuses the bad
	 * stores (-Werror=array-bounds, use-after-free) nor drops them. */
	static char *volatile block;
	volatile size_t past = 4;
	int null = open("/dev/null", O_WRONLY);
	char *p;

	dup2(null, 2);
	block = malloc(4);
	if (which == 0) {
		p = block;
		p[past] = 1;
	}
	free(block);
	p = block;
	p[0] = 1;
}
#else
static void
sanitizer_report(int which)
{
	(void)which;
}
#endif

/* The child: the terminal as curses leaves it, then death by sig (0 or -1: a sanitizer's report). */
static void
child(const struct pty *p, int sig, bool guarded)
{
	struct rlimit no_core = { 0, 0 };
	struct termios raw;
	size_t i;

	setrlimit(RLIMIT_CORE, &no_core);
	for (i = 0; i < NFATAL; i++)
		signal(fatal[i], SIG_DFL);      /* not cmocka's handlers */
	crash_guard_save(p->slave, p->slave);
	if (tcgetattr(p->slave, &raw) != 0)
		_exit(2);
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	if (tcsetattr(p->slave, TCSANOW, &raw) != 0 ||
	    write(p->slave, ALT_SCREEN, strlen(ALT_SCREEN)) != (ssize_t)strlen(ALT_SCREEN))
		_exit(2);
	if (guarded)
		crash_guard_on();
	if (sig == SIGABRT)
		abort();
	if (sig <= 0)
		sanitizer_report(sig);
	raise(sig);
	_exit(3);               /* survived the signal */
}

/*
 * What the child wrote: the parent writes END after it, and reads until
 * END comes back (a pty passes output on in order, not at once).
 */
#define END "(end)"

static void
drain(const struct pty *p, char *buf, size_t size)
{
	struct pollfd pfd = { .fd = p->master, .events = POLLIN };
	size_t n = 0;
	ssize_t k;

	assert_int_equal(write(p->slave, END, strlen(END)), (ssize_t)strlen(END));
	while (n < strlen(END) || strcmp(buf + n - strlen(END), END) != 0) {
		assert_true(poll(&pfd, 1, WAIT_MS) > 0);
		k = read(p->master, buf + n, size - 1 - n);
		assert_true(k > 0);
		n += (size_t)k;
		buf[n] = '\0';
	}
	buf[n - strlen(END)] = '\0';
}

/* Runs the child for sig; returns whether the terminal came back. */
static bool
crash(int sig, bool guarded)
{
	struct termios t;
	struct pty p;
	char out[256];
	int status;
	pid_t pid;
	bool cooked, reset;

	pty_open(&p);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		child(&p, sig, guarded);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (sig <= 0)
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) != 3);
	else {
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sig);
	}
	assert_int_equal(tcgetattr(p.slave, &t), 0);
	cooked = (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO);
	drain(&p, out, sizeof out);
	assert_memory_equal(out, ALT_SCREEN, strlen(ALT_SCREEN));
	reset = strcmp(out + strlen(ALT_SCREEN), CRASH_RESET) == 0;
	if (!reset)
		assert_string_equal(out, ALT_SCREEN);   /* nothing at all */
	pty_close(&p);
	assert_int_equal(cooked, reset);
	return (cooked && reset);
}

static void
t_guarded_crash_gives_the_terminal_back(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NFATAL; i++)
		assert_true(crash(fatal[i], true));
}

static void
t_unguarded_crash_leaves_it_raw(void **state)
{
	(void)state;
	assert_false(crash(SIGSEGV, false));
	assert_false(crash(SIGABRT, false));
}

#ifdef VMSCOPE_SANITIZERS
static void
t_sanitizer_report_gives_the_terminal_back(void **state)
{
	(void)state;
	assert_true(crash(0, true));            /* UBSan */
	assert_true(crash(-1, true));           /* ASan */
}
#endif

static void
t_guard_off_restores_handling(void **state)
{
	struct sigaction before[NFATAL], now;
	size_t i;

	(void)state;
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal[i], NULL, &before[i]);
	crash_guard_save(-1, -1);
	crash_guard_on();
	for (i = 0; i < NFATAL; i++) {
		sigaction(fatal[i], NULL, &now);
		assert_ptr_not_equal(now.sa_handler, before[i].sa_handler);
	}
	crash_guard_off();
	crash_guard_off();      /* twice is harmless */
	for (i = 0; i < NFATAL; i++) {
		sigaction(fatal[i], NULL, &now);
		assert_ptr_equal(now.sa_handler, before[i].sa_handler);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_guarded_crash_gives_the_terminal_back),
		cmocka_unit_test(t_unguarded_crash_leaves_it_raw),
#ifdef VMSCOPE_SANITIZERS
		cmocka_unit_test(t_sanitizer_report_gives_the_terminal_back),
#endif
		cmocka_unit_test(t_guard_off_restores_handling),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
