/** The cusax application: the one composition root, the command-line interface and JSON output. */
package org.cusax.app;
