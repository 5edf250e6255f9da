/**
 * Running external programs: server processes with readiness waits, kill -9 and a JVM shutdown
 * hook, one-shot commands with time limits, free ports, and installing missing Debian packages.
 */
package org.cusax.testbed.process;
