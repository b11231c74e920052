/*
 * crash.h - the terminal put back if vmscope crashes while curses owns
 * it.  On a signal whose default action is to dump core (SIGSEGV, SIGBUS,
 * SIGFPE, SIGABRT, SIGILL, SIGTRAP, SIGSYS, SIGQUIT, SIGXCPU) a handler
 * writes CRASH_RESET to the terminal, restores the terminal settings
 * saved before curses changed them, and lets the signal go on to kill
 * the program as it would have (the default action, core dump included).
 * The handler makes only async-signal-safe calls (write, tcsetattr,
 * raise).  In a sanitizer build the same is done when a sanitizer ends
 * the program.  No curses needed.
 */
#ifndef VMSCOPE_UI_CRASH_H
#define VMSCOPE_UI_CRASH_H

/*
 * Attributes off, mouse reports off, cursor keys and keypad back to
 * normal, the cursor shown, the main screen back.
 */
#define CRASH_RESET \
	"\033[0m" \
	"\033[?1000l\033[?1002l\033[?1003l\033[?1006l" \
	"\033[?1l\033>" \
	"\033[?25h" \
	"\033[?1049l"

/*
 * Saves the settings of terminal `in` (call before curses changes them);
 * `out` is where CRASH_RESET goes.
 */
void crash_guard_save(int in, int out);

/* Installs the handlers (once curses is active). */
void crash_guard_on(void);

/* Puts back the signals' earlier handling (once curses has ended). */
void crash_guard_off(void);

#endif
