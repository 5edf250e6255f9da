/**
 * Events every UI reads (CLI, web, tests): connection changes, security parity, chat traffic. One
 * ordered stream per client, delivered off the protocol threads.
 */
package org.cusax.core.event;
