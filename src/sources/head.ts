// How much of an input's start is read to judge it: format detection, and the readers that look again before
// streaming (a CSV's delimiter, a JSON file's layout). One number, so a reader sees what detection saw, and stdin
// keeps exactly this much in memory. Its own module, so readers need not import the registry that imports them.

/** Bytes read from the start of an input for detection. */
export const HEAD_BYTES = 64 * 1024;
