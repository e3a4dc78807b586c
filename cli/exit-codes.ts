/** Exit codes: 0 fine, 1 could not be done (or problems found), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
