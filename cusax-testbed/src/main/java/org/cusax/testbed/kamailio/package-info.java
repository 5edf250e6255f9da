/**
 * A Kamailio 5.6 registrar and proxy for one run: rendered configuration, digest users in an
 * htable, UDP/TCP/TLS ports, registrar bindings through kamcmd, start, stop, restart and kill -9.
 */
package org.cusax.testbed.kamailio;
